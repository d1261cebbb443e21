//! Time in the model: durations as the source writes them (with their spans), over the units,
//! amounts and comparisons of `reglam-time`, re-exported here. See docs/time.md.

use reglam_diagnostics::Span;
pub use reglam_time::{compare, Amount, CalendarReason, Fit, Unit, MINUTES_PER_WORKING_DAY};
use serde::Serialize;

/// A duration as the source writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duration {
    pub value: u64,
    pub unit: Unit,
    /// The act's own words for the figure, if written: `30 (тридцати) min`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
    #[serde(skip)]
    pub span: Span,
    #[serde(skip)]
    pub words_span: Option<Span>,
}

impl Duration {
    pub fn amount(&self) -> Amount {
        Amount::of(self.value, self.unit)
    }
}
