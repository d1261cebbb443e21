//! Errors of the calendar.

use std::fmt;

/// Everything that can go wrong when loading calendar data or computing with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// The calendar has no data for this year: the answer would be a guess.
    NoData { year: i32 },
    /// A data source is not valid TOML or does not fit the schema.
    /// `message` carries the parser's line, column and key.
    Parse { source: String, message: String },
    /// A data entry is well-formed but wrong (e.g. a date outside the file's
    /// year, or a holiday on a weekend whose moved day off is missing).
    Invalid {
        source: String,
        /// The entry, e.g. `holiday #4 (2026-03-08)`.
        entry: String,
        message: String,
    },
    /// Two sources describe the same year.
    DuplicateYear {
        year: i32,
        first: String,
        second: String,
    },
    /// Reading a data directory failed.
    Io { path: String, message: String },
    /// Working hours that do not make sense (end before start, lunch outside).
    InvalidHours { message: String },
    /// Date arithmetic left the range chrono can represent.
    OutOfRange,
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarError::NoData { year } => {
                write!(f, "the working calendar has no data for the year {year}")
            }
            CalendarError::Parse { source, message } => write!(f, "{source}: {message}"),
            CalendarError::Invalid {
                source,
                entry,
                message,
            } => write!(f, "{source}: {entry}: {message}"),
            CalendarError::DuplicateYear {
                year,
                first,
                second,
            } => write!(
                f,
                "the year {year} is described twice: in {first} and in {second}"
            ),
            CalendarError::Io { path, message } => write!(f, "{path}: {message}"),
            CalendarError::InvalidHours { message } => {
                write!(f, "invalid working hours: {message}")
            }
            CalendarError::OutOfRange => write!(f, "date arithmetic out of range"),
        }
    }
}

impl std::error::Error for CalendarError {}

/// Result alias of this crate.
pub type Result<T, E = CalendarError> = std::result::Result<T, E>;
