//! Errors of running a regulation.

use reglam_calendar::CalendarError;
use std::fmt;

/// Everything that can stop a run, a replay or an audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunError {
    /// A date the calendar cannot answer for (a year without data, say).
    Calendar(CalendarError),
    /// The channel cannot be run: it has cycles not made by a bounded return, or no outcome
    /// held to the deadline can be reached.
    NotRunnable { channel: String, reason: String },
    /// A line of an events file that cannot be read or does not fit the machine.
    Event { line: usize, message: String },
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Calendar(e) => write!(f, "{e}"),
            RunError::NotRunnable { channel, reason } => {
                write!(f, "the channel `{channel}` cannot be run: {reason}")
            }
            RunError::Event { line, message } => write!(f, "events, line {line}: {message}"),
        }
    }
}

impl std::error::Error for RunError {}

impl From<CalendarError> for RunError {
    fn from(e: CalendarError) -> Self {
        RunError::Calendar(e)
    }
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, RunError>;
