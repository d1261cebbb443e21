//! The hours of a working day.

use chrono::NaiveTime;

use crate::error::{CalendarError, Result};

/// The hours of work on every working day: one span, optionally broken by a
/// lunch break that is not working time.
///
/// The default is 09:00–18:00 with lunch 13:00–14:00: 8 working hours, the
/// normal day of a five-day, 40-hour week (Labour Code art. 68).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkingHours {
    start: NaiveTime,
    end: NaiveTime,
    lunch: Option<(NaiveTime, NaiveTime)>,
}

impl Default for WorkingHours {
    fn default() -> Self {
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).expect("valid constant time");
        WorkingHours {
            start: t(9),
            end: t(18),
            lunch: Some((t(13), t(14))),
        }
    }
}

impl WorkingHours {
    /// Hours from `start` to `end`, with an optional lunch break
    /// `(lunch_start, lunch_end)` strictly inside them.
    pub fn new(
        start: NaiveTime,
        end: NaiveTime,
        lunch: Option<(NaiveTime, NaiveTime)>,
    ) -> Result<Self> {
        if start >= end {
            return Err(CalendarError::InvalidHours {
                message: format!("the day starts at {start} but ends at {end}"),
            });
        }
        if let Some((ls, le)) = lunch {
            if !(start < ls && ls < le && le < end) {
                return Err(CalendarError::InvalidHours {
                    message: format!(
                        "lunch {ls}-{le} must lie strictly inside the working day {start}-{end}"
                    ),
                });
            }
        }
        Ok(WorkingHours { start, end, lunch })
    }

    /// When the working day starts.
    pub fn start(&self) -> NaiveTime {
        self.start
    }

    /// When the working day ends.
    pub fn end(&self) -> NaiveTime {
        self.end
    }

    /// The lunch break, if any.
    pub fn lunch(&self) -> Option<(NaiveTime, NaiveTime)> {
        self.lunch
    }

    /// The working spans of a day, in order: one or two half-open intervals
    /// `[from, to)`.
    pub fn spans(&self) -> Vec<(NaiveTime, NaiveTime)> {
        match self.lunch {
            Some((ls, le)) => vec![(self.start, ls), (le, self.end)],
            None => vec![(self.start, self.end)],
        }
    }

    /// Working seconds in one working day.
    pub fn seconds_per_day(&self) -> i64 {
        self.spans()
            .iter()
            .map(|(a, b)| (*b - *a).num_seconds())
            .sum()
    }

    /// Working minutes in one working day (480 by default). Fractions of a
    /// minute are dropped.
    pub fn minutes_per_day(&self) -> i64 {
        self.seconds_per_day() / 60
    }
}
