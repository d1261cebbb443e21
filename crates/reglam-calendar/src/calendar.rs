//! The calendar and its operations.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime};

use crate::data::{is_weekend, parse_year, DayOff, Entry, Holiday, WorkingDay, YearData};
use crate::error::{CalendarError, Result};
use crate::hours::WorkingHours;

/// What kind of day a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind<'a> {
    /// An ordinary Monday–Friday working day.
    Working,
    /// An ordinary Saturday or Sunday.
    Weekend,
    /// A holiday or religious day off on its own date (even on a weekend).
    Holiday(&'a Holiday),
    /// A weekday that is a day off: moved from a holiday on a weekend, or
    /// made a day off by a decree.
    TransferredDayOff(&'a DayOff),
    /// A day made a working day by a decree: usually a working Saturday or
    /// Sunday; in 2020 also a Monday whose moved day off was transferred.
    TransferredWorkingDay(&'a WorkingDay),
}

impl DayKind<'_> {
    /// Whether people on the five-day week work on this day.
    pub fn is_working(&self) -> bool {
        matches!(self, DayKind::Working | DayKind::TransferredWorkingDay(_))
    }

    /// The act that makes this day special, if it is.
    pub fn act(&self) -> Option<&str> {
        match self {
            DayKind::Working | DayKind::Weekend => None,
            DayKind::Holiday(h) => Some(&h.act),
            DayKind::TransferredDayOff(d) => Some(&d.act),
            DayKind::TransferredWorkingDay(w) => Some(&w.act),
        }
    }
}

/// The files built into the crate: Kazakhstan, 2015–2027.
const BUILTIN: &[(&str, &str)] = &[
    ("kz/2015.toml", include_str!("../data/kz/2015.toml")),
    ("kz/2016.toml", include_str!("../data/kz/2016.toml")),
    ("kz/2017.toml", include_str!("../data/kz/2017.toml")),
    ("kz/2018.toml", include_str!("../data/kz/2018.toml")),
    ("kz/2019.toml", include_str!("../data/kz/2019.toml")),
    ("kz/2020.toml", include_str!("../data/kz/2020.toml")),
    ("kz/2021.toml", include_str!("../data/kz/2021.toml")),
    ("kz/2022.toml", include_str!("../data/kz/2022.toml")),
    ("kz/2023.toml", include_str!("../data/kz/2023.toml")),
    ("kz/2024.toml", include_str!("../data/kz/2024.toml")),
    ("kz/2025.toml", include_str!("../data/kz/2025.toml")),
    ("kz/2026.toml", include_str!("../data/kz/2026.toml")),
    ("kz/2027.toml", include_str!("../data/kz/2027.toml")),
];

/// A working calendar: year data plus the hours of a working day.
///
/// Dates and date-times are Kazakhstan local wall-clock time (no time zone
/// conversion is done; the country has no daylight saving time). Every
/// operation that needs to know whether a day is worked fails with
/// [`CalendarError::NoData`] when that day's year has no data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    years: BTreeMap<i32, YearData>,
    hours: WorkingHours,
}

impl Calendar {
    /// The built-in Kazakhstan calendar (2015–2027), default hours.
    pub fn kazakhstan() -> Calendar {
        // The embedded files are checked by this crate's tests.
        Calendar::from_sources(BUILTIN).expect("built-in calendar data is valid")
    }

    /// The built-in year files as `(name, text)`, e.g. to combine them with
    /// a user's own files in [`Calendar::from_sources`].
    pub fn builtin_sources() -> &'static [(&'static str, &'static str)] {
        BUILTIN
    }

    /// Builds a calendar from year files given as `(name, text)`; `name`
    /// is used in error messages. Each year may appear once.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Calendar> {
        let mut years: BTreeMap<i32, YearData> = BTreeMap::new();
        for (name, text) in sources {
            let y = parse_year(name, text)?;
            if let Some(prev) = years.get(&y.year()) {
                return Err(CalendarError::DuplicateYear {
                    year: y.year(),
                    first: prev.source().to_string(),
                    second: name.to_string(),
                });
            }
            years.insert(y.year(), y);
        }
        Ok(Calendar {
            years,
            hours: WorkingHours::default(),
        })
    }

    /// This calendar with the years of `other` added, replacing any year
    /// both have (e.g. a local calendar over the built-in one).
    pub fn overlay(mut self, other: Calendar) -> Calendar {
        self.years.extend(other.years);
        self
    }

    /// This calendar with other hours of work.
    pub fn with_hours(mut self, hours: WorkingHours) -> Calendar {
        self.hours = hours;
        self
    }

    pub fn hours(&self) -> &WorkingHours {
        &self.hours
    }

    /// The years that have data, in order.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.keys().copied()
    }

    /// The data of one year.
    pub fn year(&self, year: i32) -> Result<&YearData> {
        self.years.get(&year).ok_or(CalendarError::NoData { year })
    }

    /// What kind of day `date` is.
    pub fn day_kind(&self, date: NaiveDate) -> Result<DayKind<'_>> {
        let y = self.year(date.year())?;
        Ok(match y.days.get(&date) {
            Some(Entry::Holiday(h)) => DayKind::Holiday(h),
            Some(Entry::DayOff(d)) => DayKind::TransferredDayOff(d),
            Some(Entry::WorkingDay(w)) => DayKind::TransferredWorkingDay(w),
            None if is_weekend(date) => DayKind::Weekend,
            None => DayKind::Working,
        })
    }

    /// Whether `date` is a working day of the five-day week.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool> {
        Ok(self.day_kind(date)?.is_working())
    }

    /// The first working day strictly after `date`.
    ///
    /// Friday 20 March 2026 → Thursday 26 March 2026 (21–25 March are
    /// Nauryz, the weekend and the days moved from it).
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.working_day_on_or_after(succ(date)?)
    }

    /// `date` itself if it is a working day, else the next working day.
    pub fn working_day_on_or_after(&self, date: NaiveDate) -> Result<NaiveDate> {
        let mut d = date;
        while !self.is_working_day(d)? {
            d = succ(d)?;
        }
        Ok(d)
    }

    /// The `n`-th working day strictly after `date` (`date` itself is never
    /// counted). `n = 0` gives [`working_day_on_or_after`](Self::working_day_on_or_after)`(date)`.
    pub fn nth_working_day_after(&self, date: NaiveDate, n: u32) -> Result<NaiveDate> {
        let mut d = self.working_day_on_or_after(date)?;
        if n > 0 && d == date {
            // `date` is a working day and is not counted.
            d = self.next_working_day(d)?;
        }
        for _ in 1..n {
            d = self.next_working_day(d)?;
        }
        Ok(d)
    }

    /// The number of working days in the inclusive range `[from, to]`
    /// (0 if `to < from`).
    pub fn count_working_days(&self, from: NaiveDate, to: NaiveDate) -> Result<u32> {
        let mut n = 0;
        let mut d = from;
        while d <= to {
            if self.is_working_day(d)? {
                n += 1;
            }
            d = succ(d)?;
        }
        Ok(n)
    }

    /// `t` if it is inside working hours of a working day, else the start of
    /// the next working span: after lunch, or the next working day's start.
    ///
    /// The spans are half-open: 13:00 and 18:00 are not working moments, so
    /// 13:00 gives 14:00 and Friday 18:00 gives Monday 09:00.
    pub fn next_working_moment(&self, t: NaiveDateTime) -> Result<NaiveDateTime> {
        let d = t.date();
        if self.is_working_day(d)? {
            for (from, to) in self.hours.spans() {
                if t.time() < to {
                    return Ok(d.and_time(t.time().max(from)));
                }
            }
        }
        Ok(self.next_working_day(d)?.and_time(self.hours.start()))
    }

    /// The moment when `minutes` of working time have passed after `start`.
    ///
    /// Only working time counts: the hours of work of working days, without
    /// lunch, weekends, holidays and transferred days off. A `start` outside
    /// working time begins at [`next_working_moment`](Self::next_working_moment).
    /// A result that reaches the end of a span stays there: 09:00 + 240 min
    /// is 13:00 (not 14:00), 09:00 + 480 min is 18:00 the same day. With
    /// `minutes = 0` the result is `next_working_moment(start)`. Seconds of
    /// `start` are kept.
    ///
    /// Friday 17:30 + 60 min → Monday 09:30 (if Monday is a working day).
    pub fn add_working_minutes(&self, start: NaiveDateTime, minutes: u32) -> Result<NaiveDateTime> {
        self.add_working_seconds(start, i64::from(minutes) * 60)
    }

    fn add_working_seconds(&self, start: NaiveDateTime, seconds: i64) -> Result<NaiveDateTime> {
        let mut t = self.next_working_moment(start)?;
        let mut left = seconds;
        loop {
            let span_end = self
                .hours
                .spans()
                .into_iter()
                .map(|(_, to)| to)
                .find(|to| t.time() < *to)
                .expect("a working moment lies inside a span");
            let span_end = t.date().and_time(span_end);
            let room = (span_end - t).num_seconds();
            if left <= room {
                return Ok(t + Duration::seconds(left));
            }
            left -= room;
            t = self.next_working_moment(span_end)?;
        }
    }

    /// `n` working days of working time after `start`: exactly
    /// [`add_working_minutes`](Self::add_working_minutes)`(start, n × minutes per day)`
    /// (480 minutes by default).
    ///
    /// So the time of day is kept when `start` is inside working hours:
    /// Friday 17:30 + 1 working day → Monday 17:30 (30 minutes on Friday,
    /// 7 h 30 min on Monday). A `start` before 09:00 or at/after 18:00
    /// ends at 18:00 of the n-th working day; during lunch, at 14:00.
    pub fn add_working_days(&self, start: NaiveDateTime, n: u32) -> Result<NaiveDateTime> {
        self.add_working_seconds(start, i64::from(n) * self.hours.seconds_per_day())
    }

    /// Whole minutes of working time in `[a, b)`; negative if `b < a`.
    ///
    /// The inverse of [`add_working_minutes`](Self::add_working_minutes) for
    /// working moments: `between(s, add(s, m)) == m`.
    pub fn working_minutes_between(&self, a: NaiveDateTime, b: NaiveDateTime) -> Result<i64> {
        if b < a {
            return Ok(-self.working_minutes_between(b, a)?);
        }
        let mut secs = 0;
        let mut d = a.date();
        while d <= b.date() {
            if self.is_working_day(d)? {
                for (from, to) in self.hours.spans() {
                    let lo = d.and_time(from).max(a);
                    let hi = d.and_time(to).min(b);
                    if hi > lo {
                        secs += (hi - lo).num_seconds();
                    }
                }
            }
            d = succ(d)?;
        }
        Ok(secs / 60)
    }

    /// Where counting starts when "the day of receipt is not counted": the
    /// start of working hours on the first working day after the day of
    /// `received`, whatever the time of receipt (even 08:00 on a working day
    /// or a Saturday).
    ///
    /// Received Friday 20 March 2026 17:30 → Thursday 26 March 2026 09:00.
    pub fn counting_start_after_receipt(&self, received: NaiveDateTime) -> Result<NaiveDateTime> {
        Ok(self
            .next_working_day(received.date())?
            .and_time(self.hours.start()))
    }

    /// The end of a period of `working_days` working days that starts the day
    /// after receipt: the end of working hours (18:00) on the
    /// `working_days`-th working day after the day of receipt. With 0 days,
    /// [`counting_start_after_receipt`](Self::counting_start_after_receipt).
    ///
    /// Received Friday 20 March 2026 17:30, 5 working days → Wednesday
    /// 1 April 2026 18:00 (26, 27, 30, 31 March, 1 April).
    pub fn deadline_after_receipt(
        &self,
        received: NaiveDateTime,
        working_days: u32,
    ) -> Result<NaiveDateTime> {
        let start = self.counting_start_after_receipt(received)?;
        self.add_working_days(start, working_days)
    }

    /// Plain calendar arithmetic (no data needed): `date` + `days` (may be
    /// negative). See [`add_calendar_days`](crate::add_calendar_days).
    pub fn add_calendar_days(&self, date: NaiveDate, days: i64) -> Result<NaiveDate> {
        crate::add_calendar_days(date, days)
    }

    /// Plain month arithmetic (no data needed), clamped to the month's end.
    /// See [`add_months`](crate::add_months).
    pub fn add_months(&self, date: NaiveDate, months: i32) -> Result<NaiveDate> {
        crate::add_months(date, months)
    }
}

fn succ(d: NaiveDate) -> Result<NaiveDate> {
    d.succ_opt().ok_or(CalendarError::OutOfRange)
}

/// `date` + `days` calendar days (negative goes back). Working days are
/// not considered: 20 March 2026 + 10 days = 30 March 2026. To move a
/// result that lands on a day off, use
/// [`Calendar::working_day_on_or_after`].
pub fn add_calendar_days(date: NaiveDate, days: i64) -> Result<NaiveDate> {
    Duration::try_days(days)
        .and_then(|d| date.checked_add_signed(d))
        .ok_or(CalendarError::OutOfRange)
}

/// `date` + `months` months (negative goes back), clamped to the last day
/// of the resulting month: 31 January 2026 + 1 = 28 February 2026,
/// 31 January 2028 + 1 = 29 February 2028, 31 March 2026 − 1 = 28 February
/// 2026.
pub fn add_months(date: NaiveDate, months: i32) -> Result<NaiveDate> {
    let m = Months::new(months.unsigned_abs());
    if months >= 0 {
        date.checked_add_months(m)
    } else {
        date.checked_sub_months(m)
    }
    .ok_or(CalendarError::OutOfRange)
}
