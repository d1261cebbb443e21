//! Durations and deadlines on the working calendar.
//!
//! Working time (minutes, hours, working days) moves with the calendar's working-time
//! arithmetic; calendar days and months move on the wall calendar, keeping the time of day.
//! An amount that holds both moves by its months, then its calendar days, then its working
//! minutes.

use crate::error::{Result, RunError};
use reglam_calendar::{add_calendar_days, add_months, Calendar, CalendarError, NaiveDateTime};
use reglam_model::time::Amount;

/// `t` moved on by `a`. Zero stays at `t` (a step without a duration takes no time, even
/// outside working hours).
pub fn advance(cal: &Calendar, t: NaiveDateTime, a: Amount) -> Result<NaiveDateTime> {
    let mut t = t;
    if a.months > 0 {
        let m = i32::try_from(a.months).map_err(|_| CalendarError::OutOfRange)?;
        t = add_months(t.date(), m)?.and_time(t.time());
    }
    if a.calendar_days > 0 {
        let d = i64::try_from(a.calendar_days).map_err(|_| CalendarError::OutOfRange)?;
        t = add_calendar_days(t.date(), d)?.and_time(t.time());
    }
    if a.working_minutes > 0 {
        let m = u32::try_from(a.working_minutes).map_err(|_| CalendarError::OutOfRange)?;
        t = cal.add_working_minutes(t, m)?;
    }
    Ok(t)
}

/// The moment a period of `a` from receipt at `received` ends.
///
/// * Without `receipt_day_excluded`, the period runs from the moment of receipt: working
///   time from the next working moment, calendar time from the wall-clock moment.
/// * With it, the period starts on the day after receipt: working time from the start of
///   working hours of the next working day
///   ([`Calendar::counting_start_after_receipt`]); calendar time ends at the close of
///   working hours on the day `a` after the day of receipt (the last day counted in full).
pub fn deadline_after(
    cal: &Calendar,
    received: NaiveDateTime,
    a: Amount,
    receipt_day_excluded: bool,
) -> Result<NaiveDateTime> {
    if !receipt_day_excluded {
        return advance(cal, received, a);
    }
    if a.is_working_only() {
        let start = cal.counting_start_after_receipt(received)?;
        return advance(cal, start, a);
    }
    let calendar_part = Amount {
        working_minutes: 0,
        ..a
    };
    let end_of_day = advance(cal, received, calendar_part)?
        .date()
        .and_time(cal.hours().end());
    advance(
        cal,
        end_of_day,
        Amount {
            working_minutes: a.working_minutes,
            ..Amount::ZERO
        },
    )
}

/// The moment `a` before `t`: for working time, the earliest moment from which exactly
/// `a` of working time remains until `t` (one working day before Wednesday 18:00 is Tuesday
/// 18:00); for calendar time, the same wall-clock time that many days or months earlier.
pub fn before(cal: &Calendar, t: NaiveDateTime, a: Amount) -> Result<NaiveDateTime> {
    let mut t = t;
    if a.months > 0 {
        let m = i32::try_from(a.months).map_err(|_| CalendarError::OutOfRange)?;
        t = add_months(t.date(), -m)?.and_time(t.time());
    }
    if a.calendar_days > 0 {
        let d = i64::try_from(a.calendar_days).map_err(|_| CalendarError::OutOfRange)?;
        t = add_calendar_days(t.date(), -d)?.and_time(t.time());
    }
    if a.working_minutes == 0 {
        return Ok(t);
    }
    let m = i64::try_from(a.working_minutes).map_err(|_| CalendarError::OutOfRange)?;
    // Working time before `t` is non-increasing as the start moves later: find, by doubling
    // then bisection over whole minutes, the first start with at most `m` minutes left.
    let minute = chrono::Duration::minutes(1);
    let mut span = chrono::Duration::days(1);
    let mut lo = loop {
        let lo = t
            .checked_sub_signed(span)
            .ok_or(CalendarError::OutOfRange)?;
        if cal.working_minutes_between(lo, t)? > m {
            break lo;
        }
        if span > chrono::Duration::days(3660) {
            return Err(RunError::Calendar(CalendarError::OutOfRange));
        }
        span = span * 2;
    };
    // Invariant: between(lo, t) > m, between(hi, t) <= m.
    let mut hi = t;
    while hi - lo > minute {
        let mid = lo + chrono::Duration::minutes((hi - lo).num_minutes() / 2);
        if cal.working_minutes_between(mid, t)? > m {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(hi)
}

/// Working minutes from `a` to `b`, negative when `b` is earlier.
pub fn working_minutes(cal: &Calendar, a: NaiveDateTime, b: NaiveDateTime) -> Result<i64> {
    Ok(cal.working_minutes_between(a, b)?)
}
