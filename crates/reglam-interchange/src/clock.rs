//! Reglam durations as plain clock time, for engines without a working calendar.
//!
//! The approximation is a lower bound: a timer set with it fires at or before the moment
//! Reglam's calendar gives, never after. Working time counts as the same amount of clock time
//! (1 working day = 8 hours, the law's working day, so "5 wd" = 40 hours; a real working day
//! spans at least that much clock time); a calendar day is 24 hours (exact: Kazakhstan keeps
//! no daylight saving time). In SCXML a month is 28 days (the shortest month); BPMN keeps
//! months and calendar days exact (`P1M`, `P5D`), since ISO 8601 has them.

use reglam_model::time::Amount;

/// Seconds in a calendar day.
const DAY: u64 = 24 * 60 * 60;

/// The clock seconds an SCXML timer waits for `a`: working minutes as clock minutes, calendar
/// days as 24 hours, months as 28 days.
pub fn scxml_seconds(a: Amount) -> u64 {
    a.working_minutes
        .saturating_mul(60)
        .saturating_add(a.calendar_days.saturating_mul(DAY))
        .saturating_add(a.months.saturating_mul(28 * DAY))
}

/// An SCXML `delay` (CSS2 time): `"28800s"`.
pub fn scxml_delay(a: Amount) -> String {
    format!("{}s", scxml_seconds(a))
}

/// An ISO 8601 duration for BPMN's `timeDuration`: months and calendar days exact, working
/// time as clock hours and minutes (`5 wd` → `PT40H`, `1 month 2 days 30 min` → `P1M2DT30M`).
pub fn iso8601(a: Amount) -> String {
    let mut s = String::from("P");
    if a.months > 0 {
        s.push_str(&format!("{}M", a.months));
    }
    if a.calendar_days > 0 {
        s.push_str(&format!("{}D", a.calendar_days));
    }
    let h = a.working_minutes / 60;
    let m = a.working_minutes % 60;
    if h > 0 || m > 0 || s == "P" {
        s.push('T');
        if h > 0 {
            s.push_str(&format!("{h}H"));
        }
        if m > 0 || h == 0 {
            s.push_str(&format!("{m}M"));
        }
    }
    s
}

/// The exact amount, for the Reglam attributes: `[("working-minutes", "2400")]`, only the
/// parts that are not zero.
pub fn parts(a: Amount) -> Vec<(&'static str, String)> {
    let mut v = Vec::new();
    if a.working_minutes > 0 {
        v.push(("working-minutes", a.working_minutes.to_string()));
    }
    if a.calendar_days > 0 {
        v.push(("calendar-days", a.calendar_days.to_string()));
    }
    if a.months > 0 {
        v.push(("months", a.months.to_string()));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amt(w: u64, d: u64, m: u64) -> Amount {
        Amount {
            working_minutes: w,
            calendar_days: d,
            months: m,
        }
    }

    #[test]
    fn iso_durations() {
        assert_eq!(iso8601(amt(30, 0, 0)), "PT30M");
        assert_eq!(iso8601(amt(5 * 480, 0, 0)), "PT40H");
        assert_eq!(iso8601(amt(90, 0, 0)), "PT1H30M");
        assert_eq!(iso8601(amt(0, 5, 0)), "P5D");
        assert_eq!(iso8601(amt(30, 2, 1)), "P1M2DT30M");
        assert_eq!(iso8601(Amount::ZERO), "PT0M");
    }

    #[test]
    fn scxml_delays() {
        assert_eq!(scxml_delay(amt(480, 0, 0)), "28800s");
        assert_eq!(scxml_delay(amt(0, 1, 1)), format!("{}s", 29 * 86400));
    }
}
