//! Kazakhstan's working calendar for deadline computation.
//!
//! The calendar is data: one TOML file per year (`data/kz/YYYY.toml`, built
//! in with `include_str!`) listing holidays, days off moved from holidays on
//! a weekend, decreed days off and decreed working days, each with the act
//! that sets it. [`Calendar::from_dir`] and [`Calendar::from_sources`] load
//! other files without recompiling. A date in a year without data is an
//! error ([`CalendarError::NoData`]), never a guess.
//!
//! Working time is the five-day week, Monday to Friday, 09:00–18:00 with
//! lunch 13:00–14:00 unless set otherwise with [`Calendar::with_hours`].
//! Dates and date-times are Kazakhstan local time.
//!
//! ```
//! use chrono::NaiveDate;
//! use reglam_calendar::Calendar;
//!
//! let cal = Calendar::kazakhstan();
//! let received = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap().and_hms_opt(17, 30, 0).unwrap();
//! // 5 working days of working time: 30 min on Friday, then 26, 27, 30, 31 March and 1 April.
//! assert_eq!(cal.add_working_days(received, 5).unwrap().to_string(), "2026-04-01 17:30:00");
//! // The day of receipt not counted: 26, 27, 30, 31 March, 1 April, to the end of the day.
//! assert_eq!(cal.deadline_after_receipt(received, 5).unwrap().to_string(), "2026-04-01 18:00:00");
//! ```
//!
//! See `docs/calendar.md` in the repository for the data format and the
//! semantics of each operation.

mod calendar;
mod data;
mod error;
mod fs;
mod hours;

pub use calendar::{add_calendar_days, add_months, Calendar, DayKind};
pub use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
pub use data::{
    parse_year, DayOff, DayOffCause, Disagreement, Holiday, PackageVerdict, WorkingDay, YearData,
};
pub use error::{CalendarError, Result};
pub use hours::WorkingHours;

#[cfg(test)]
mod tests;
