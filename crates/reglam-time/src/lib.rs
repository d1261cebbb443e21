//! Units and amounts of time, and their arithmetic. Working time (minutes, hours, working
//! days) and calendar time (calendar days, months) are kept apart and never converted into each
//! other; a comparison that would need a real calendar says so, and why, instead of guessing.
//! See docs/time.md. Nothing here is worded: the diagnostics crate words amounts and reasons.

use serde::Serialize;

/// Working minutes in a working day: the law's 8-hour day.
pub const MINUTES_PER_WORKING_DAY: u64 = 8 * 60;

/// A unit of time as written in a duration. Its spellings are the syntax crate's business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Minute,
    Hour,
    WorkingDay,
    CalendarDay,
    Month,
}

impl Unit {
    /// The short spelling used in Reglam sources.
    pub fn short(self) -> &'static str {
        match self {
            Unit::Minute => "min",
            Unit::Hour => "h",
            Unit::WorkingDay => "wd",
            Unit::CalendarDay => "cd",
            Unit::Month => "month",
        }
    }
}

/// Why a comparison with a deadline cannot be decided without a real calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CalendarReason {
    /// Longer than the deadline, but within the uncounted day of receipt.
    WithinReceiptDay,
    /// Calendar days or months on the path, the deadline in working time.
    CalendarPathWorkingDeadline,
    /// Working time on the path, the deadline in calendar days.
    WorkingPathCalendarDeadline,
    /// Months against calendar days: months have 28 to 31 days.
    MonthLengths,
    /// The deadline itself mixes working and calendar time.
    MixedDeadline,
    /// Different paths to one place mix kinds of time, so which is longest depends on the
    /// calendar (the bound over all paths is undecided while the longest one fits).
    MixedPaths,
}

/// A sum of durations: working minutes, calendar days and months, each kept apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
pub struct Amount {
    pub working_minutes: u64,
    pub calendar_days: u64,
    pub months: u64,
}

impl Amount {
    pub const ZERO: Amount = Amount {
        working_minutes: 0,
        calendar_days: 0,
        months: 0,
    };

    pub fn of(value: u64, unit: Unit) -> Amount {
        let mut a = Amount::ZERO;
        match unit {
            Unit::Minute => a.working_minutes = value,
            Unit::Hour => a.working_minutes = value.saturating_mul(60),
            Unit::WorkingDay => a.working_minutes = value.saturating_mul(MINUTES_PER_WORKING_DAY),
            Unit::CalendarDay => a.calendar_days = value,
            Unit::Month => a.months = value,
        }
        a
    }

    pub fn is_zero(&self) -> bool {
        *self == Amount::ZERO
    }

    pub fn is_working_only(&self) -> bool {
        self.calendar_days == 0 && self.months == 0
    }

    pub fn plus(self, other: Amount) -> Amount {
        Amount {
            working_minutes: self.working_minutes.saturating_add(other.working_minutes),
            calendar_days: self.calendar_days.saturating_add(other.calendar_days),
            months: self.months.saturating_add(other.months),
        }
    }

    pub fn times(self, n: u64) -> Amount {
        Amount {
            working_minutes: self.working_minutes.saturating_mul(n),
            calendar_days: self.calendar_days.saturating_mul(n),
            months: self.months.saturating_mul(n),
        }
    }

    /// Component-wise maximum: an upper bound of both, not necessarily either.
    pub fn join(self, other: Amount) -> Amount {
        Amount {
            working_minutes: self.working_minutes.max(other.working_minutes),
            calendar_days: self.calendar_days.max(other.calendar_days),
            months: self.months.max(other.months),
        }
    }

    /// The longest this can be, in working minutes: a calendar day holds at most one working
    /// day, a month at most 31. Used to rank paths and for sound "fits" verdicts.
    pub fn upper_working_minutes(&self) -> u64 {
        self.working_minutes
            .saturating_add(self.calendar_days.saturating_mul(MINUTES_PER_WORKING_DAY))
            .saturating_add(self.months.saturating_mul(31 * MINUTES_PER_WORKING_DAY))
    }

    /// Working minutes minus what fits in `other`'s working minutes (for slack and overrun).
    fn working_diff(a: u64, b: u64) -> Amount {
        Amount {
            working_minutes: a.saturating_sub(b),
            ..Amount::ZERO
        }
    }
}

/// How a path's time compares with a deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Fit {
    /// Fits on any calendar. `slack` is exact when both sides are in the same kind of time,
    /// a lower bound otherwise.
    Fits { slack: Amount, exact: bool },
    /// Overruns on any calendar, by at least `by`.
    Overruns { by: Amount, exact: bool },
    /// Fits on some calendars and not on others: only a real calendar can tell.
    NeedsCalendar { reason: CalendarReason },
}

/// Compares a path's time with a deadline, soundly: `Fits` and `Overruns` hold on every
/// possible calendar; anything else is `NeedsCalendar`.
///
/// `receipt_day_excluded`: the day of receipt is not counted, which gives the path up to one
/// extra working day depending on the time of submission.
pub fn compare(path: Amount, deadline: Amount, receipt_day_excluded: bool) -> Fit {
    let bonus = if receipt_day_excluded {
        MINUTES_PER_WORKING_DAY
    } else {
        0
    };
    if deadline.is_working_only() {
        let d = deadline.working_minutes;
        if path.is_working_only() {
            let p = path.working_minutes;
            if p <= d {
                return Fit::Fits {
                    slack: Amount::working_diff(d, p),
                    exact: true,
                };
            }
            if p > d.saturating_add(bonus) {
                return Fit::Overruns {
                    by: Amount::working_diff(p, d),
                    exact: bonus == 0,
                };
            }
            return Fit::NeedsCalendar {
                reason: CalendarReason::WithinReceiptDay,
            };
        }
        let upper = path.upper_working_minutes();
        if upper <= d {
            return Fit::Fits {
                slack: Amount::working_diff(d, upper),
                exact: false,
            };
        }
        if path.working_minutes > d.saturating_add(bonus) {
            return Fit::Overruns {
                by: Amount::working_diff(path.working_minutes, d),
                exact: false,
            };
        }
        return Fit::NeedsCalendar {
            reason: CalendarReason::CalendarPathWorkingDeadline,
        };
    }
    // A deadline in calendar time: calendar days and months.
    if !deadline.is_working_only() && deadline.working_minutes == 0 {
        let (d_lo, d_hi) = calendar_day_range(deadline);
        let p_cal = Amount {
            working_minutes: 0,
            ..path
        };
        let (p_lo, p_hi) = calendar_day_range(p_cal);
        // Working time spans at least as many calendar days as whole working days it needs,
        // less the day it starts on.
        let work_days = path.working_minutes.div_ceil(MINUTES_PER_WORKING_DAY);
        let p_lo = p_lo.saturating_add(work_days.saturating_sub(1));
        if path.working_minutes == 0 && p_hi <= d_lo {
            return Fit::Fits {
                slack: Amount {
                    calendar_days: d_lo - p_hi,
                    ..Amount::ZERO
                },
                exact: p_lo == p_hi && d_lo == d_hi,
            };
        }
        let d_hi = d_hi.saturating_add(u64::from(receipt_day_excluded));
        if p_lo > d_hi {
            return Fit::Overruns {
                by: Amount {
                    calendar_days: p_lo - d_hi,
                    ..Amount::ZERO
                },
                exact: false,
            };
        }
        return Fit::NeedsCalendar {
            reason: if path.working_minutes > 0 {
                CalendarReason::WorkingPathCalendarDeadline
            } else {
                CalendarReason::MonthLengths
            },
        };
    }
    Fit::NeedsCalendar {
        reason: CalendarReason::MixedDeadline,
    }
}

/// The fewest and most calendar days an amount of calendar time can span. Saturating, as all
/// arithmetic on amounts: a source may write any figure up to `u64::MAX`.
fn calendar_day_range(a: Amount) -> (u64, u64) {
    (
        a.calendar_days.saturating_add(a.months.saturating_mul(28)),
        a.calendar_days.saturating_add(a.months.saturating_mul(31)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wd(n: u64) -> Amount {
        Amount::of(n, Unit::WorkingDay)
    }
    fn min(n: u64) -> Amount {
        Amount::of(n, Unit::Minute)
    }
    fn cd(n: u64) -> Amount {
        Amount::of(n, Unit::CalendarDay)
    }

    #[test]
    fn working_time_compares_exactly() {
        assert_eq!(
            compare(wd(4).plus(min(90)), wd(5), false),
            Fit::Fits {
                slack: min(390),
                exact: true
            }
        );
        assert_eq!(
            compare(wd(5), wd(5), false),
            Fit::Fits {
                slack: Amount::ZERO,
                exact: true
            }
        );
        assert_eq!(
            compare(wd(5).plus(min(1)), wd(5), false),
            Fit::Overruns {
                by: min(1),
                exact: true
            }
        );
    }

    #[test]
    fn receipt_day_makes_small_overruns_undecidable() {
        assert!(matches!(
            compare(wd(5).plus(min(30)), wd(5), true),
            Fit::NeedsCalendar { .. }
        ));
        assert!(matches!(compare(wd(7), wd(5), true), Fit::Overruns { .. }));
    }

    #[test]
    fn calendar_days_never_silently_become_working_days() {
        // 3 calendar days hold at most 3 working days: fits 5 working days for sure.
        assert!(matches!(
            compare(cd(3), wd(5), false),
            Fit::Fits { exact: false, .. }
        ));
        // 10 calendar days may hold 5 working days or 8: undecidable.
        assert!(matches!(
            compare(cd(10), wd(5), false),
            Fit::NeedsCalendar { .. }
        ));
        // 3 working days against 10 calendar days depends on holidays.
        assert!(matches!(
            compare(wd(3), cd(10), false),
            Fit::NeedsCalendar { .. }
        ));
        // 12 working days cannot fit in 10 calendar days on any calendar.
        assert!(matches!(
            compare(wd(12), cd(10), false),
            Fit::Overruns { .. }
        ));
    }

    #[test]
    fn months_have_28_to_31_days() {
        assert!(matches!(
            compare(cd(28), Amount::of(1, Unit::Month), false),
            Fit::Fits { .. }
        ));
        assert!(matches!(
            compare(cd(30), Amount::of(1, Unit::Month), false),
            Fit::NeedsCalendar { .. }
        ));
        assert!(matches!(
            compare(cd(32), Amount::of(1, Unit::Month), false),
            Fit::Overruns { .. }
        ));
    }

    /// Figures near `u64::MAX` in every unit, on both sides and with the receipt day excluded:
    /// no arithmetic may overflow (a debug build panicked in `compare`, `d + bonus`).
    #[test]
    fn extreme_figures_never_overflow() {
        let big = [0, 1, u64::MAX / 31, u64::MAX / 2, u64::MAX - 1, u64::MAX];
        let units = [
            Unit::Minute,
            Unit::Hour,
            Unit::WorkingDay,
            Unit::CalendarDay,
            Unit::Month,
        ];
        let mut amounts = Vec::new();
        for &v in &big {
            for &u in &units {
                amounts.push(Amount::of(v, u));
                amounts.push(Amount::of(v, u).plus(Amount::of(v, Unit::Month)));
                amounts.push(Amount::of(v, u).times(v));
            }
        }
        for &p in &amounts {
            let _ = p.upper_working_minutes();
            for &d in &amounts {
                let _ = compare(p, d, false);
                let _ = compare(p, d, true);
                let _ = p.plus(d).join(d);
            }
        }
        assert!(matches!(
            compare(min(1), min(u64::MAX), true),
            Fit::Fits { .. }
        ));
    }
}
