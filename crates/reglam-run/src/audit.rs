//! The deadline audit: the submission moments at which the worst case ends after the legal
//! deadline.
//!
//! Submission moments are the working minutes of the period (documents are received during
//! working hours). Lateness is counted in working minutes from the deadline to the end of the
//! worst case; a moment is late when that is more than zero.
//!
//! **Fast method** (when the worst case, its returns and the deadline are all working time):
//! a submission `o` working minutes after the start of a working day ends exactly `o` working
//! minutes after a submission at the start of that day, because working-time addition only
//! depends on the working position. The deadline either moves with it too (no day of receipt
//! excluded: lateness is the same all day) or is fixed for the whole day (the day of receipt
//! not counted: lateness grows by one per minute). So one run per working day gives the
//! lateness of each of its minutes exactly. **Minute scan** otherwise: one run per working
//! minute. [`audit_brute_force`] always scans, and the tests check the two agree.

use crate::error::{Result, RunError};
use crate::machine::Machine;
use crate::run::{run_worst_case, Timeline};
use chrono::Datelike;
use reglam_calendar::{Calendar, CalendarError, NaiveDate, NaiveDateTime};
use serde::Serialize;

/// A run of consecutive late submission moments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LateInterval {
    /// The first late moment.
    pub from: NaiveDateTime,
    /// The end of the last late minute (exclusive).
    pub until: NaiveDateTime,
    /// Working minutes in the interval.
    pub minutes: u64,
    /// The most a case submitted in the interval is late, in working minutes.
    pub worst_late: i64,
    /// The earliest moment that is that late.
    pub worst_at: NaiveDateTime,
}

/// The audit of one channel over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChannelAudit {
    pub channel: String,
    /// `per-day` (the fast method), `minute-scan`, or `no-deadline` (nothing to audit).
    pub method: &'static str,
    /// Working minutes tried as submission moments.
    pub checked_minutes: u64,
    /// How many of them end late.
    pub late_minutes: u64,
    /// Late intervals, worst first (then earliest).
    pub intervals: Vec<LateInterval>,
    /// The end of the period that was not audited, because its worst cases run into a year
    /// the calendar has no data for (the last year of the calendar, audited, reaches into the
    /// next): what was cut, instead of failing the whole audit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unaudited: Option<Unaudited>,
}

/// Submission moments left out of an audit: from `from` to the end of the period, `minutes`
/// working minutes, whose worst case ends in `year`, for which the calendar has no data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unaudited {
    pub from: NaiveDateTime,
    pub minutes: u64,
    pub year: i32,
}

/// The year without calendar data that a run from a moment of the period ran into, when
/// that year lies after the period: the run failed only because the case ends too late to
/// know. Any other failure stays an error.
fn beyond_period(e: &RunError, to: NaiveDate) -> Option<i32> {
    match e {
        RunError::Calendar(CalendarError::NoData { year }) if *year > to.year() => Some(*year),
        _ => None,
    }
}

impl ChannelAudit {
    /// The worst late interval, if any.
    pub fn worst(&self) -> Option<&LateInterval> {
        self.intervals.first()
    }
}

/// Audits the worst case of a channel for every working minute from `from` to `to`
/// (inclusive), by the fast method where it is exact and by a minute scan elsewhere.
pub fn audit(
    machine: &Machine<'_>,
    cal: &Calendar,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<ChannelAudit> {
    if machine.channel.deadline.is_none() {
        return Ok(empty(machine, "no-deadline"));
    }
    if working_only(machine) {
        per_day(machine, cal, from, to)
    } else {
        scan(machine, cal, from, to, "minute-scan")
    }
}

/// The audit by running the worst case from every working minute: the test oracle.
pub fn audit_brute_force(
    machine: &Machine<'_>,
    cal: &Calendar,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<ChannelAudit> {
    if machine.channel.deadline.is_none() {
        return Ok(empty(machine, "no-deadline"));
    }
    scan(machine, cal, from, to, "minute-scan")
}

fn empty(machine: &Machine<'_>, method: &'static str) -> ChannelAudit {
    ChannelAudit {
        channel: machine.channel.id.clone(),
        method,
        checked_minutes: 0,
        late_minutes: 0,
        intervals: Vec::new(),
        unaudited: None,
    }
}

/// Whether everything the worst case and the deadline count is working time.
fn working_only(machine: &Machine<'_>) -> bool {
    let Some((_, w)) = machine.worst_outcome() else {
        return false;
    };
    let deadline_ok = machine
        .channel
        .deadline
        .as_ref()
        .is_some_and(|d| d.deadline.duration.amount().is_working_only());
    let reworks_ok = machine.states.iter().enumerate().all(|(i, _)| {
        machine
            .rework(petgraph::graph::NodeIndex::new(i))
            .is_none_or(|r| {
                r.takes
                    .iter()
                    .chain(r.timeout.iter())
                    .all(|d| d.amount().is_working_only())
            })
    });
    deadline_ok && reworks_ok && w.bound.is_working_only() && w.total.is_working_only()
}

fn excluded(machine: &Machine<'_>) -> bool {
    machine
        .channel
        .deadline
        .as_ref()
        .is_some_and(|d| d.deadline.receipt_day_excluded)
}

/// Working minutes from the deadline to the end of the case (negative when in time).
fn lateness(cal: &Calendar, t: &Timeline) -> Result<i64> {
    match (&t.deadline, &t.reached) {
        (Some(d), Some(r)) => Ok(cal.working_minutes_between(d.at, r.at)?),
        _ => Err(RunError::NotRunnable {
            channel: t.channel.clone(),
            reason: "the worst case has no deadline or no end".into(),
        }),
    }
}

/// The working days in `[from, to]`.
fn working_days(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> Result<Vec<NaiveDate>> {
    let mut out = Vec::new();
    let mut d = from;
    while d <= to {
        if cal.is_working_day(d)? {
            out.push(d);
        }
        d = d
            .succ_opt()
            .ok_or(reglam_calendar::CalendarError::OutOfRange)?;
    }
    Ok(out)
}

/// The submission moment `o` working minutes into the working day `d`.
fn moment(cal: &Calendar, d: NaiveDate, o: i64) -> Result<NaiveDateTime> {
    let s0 = d.and_time(cal.hours().start());
    if o == 0 {
        return Ok(s0);
    }
    Ok(cal.next_working_moment(cal.add_working_minutes(s0, o as u32)?)?)
}

/// Collects late minutes, in order, into intervals.
struct Builder<'a> {
    cal: &'a Calendar,
    per_day: i64,
    done: Vec<LateInterval>,
    open: Option<(LateInterval, i64)>,
    late: u64,
    unaudited: Option<Unaudited>,
}

impl Builder<'_> {
    /// Late minutes `first..=last` of working day number `seq` (date `d`), the worst at `worst_o`.
    fn push(
        &mut self,
        seq: i64,
        d: NaiveDate,
        first: i64,
        last: i64,
        worst: i64,
        worst_o: i64,
    ) -> Result<()> {
        let start = seq * self.per_day + first;
        let end = seq * self.per_day + last;
        let count = (last - first + 1) as u64;
        self.late += count;
        let until = self
            .cal
            .add_working_minutes(moment(self.cal, d, last)?, 1)?;
        let worst_at = moment(self.cal, d, worst_o)?;
        match &mut self.open {
            Some((iv, prev_end)) if *prev_end + 1 == start => {
                iv.until = until;
                iv.minutes += count;
                if worst > iv.worst_late {
                    iv.worst_late = worst;
                    iv.worst_at = worst_at;
                }
                *prev_end = end;
            }
            _ => {
                if let Some((iv, _)) = self.open.take() {
                    self.done.push(iv);
                }
                self.open = Some((
                    LateInterval {
                        from: moment(self.cal, d, first)?,
                        until,
                        minutes: count,
                        worst_late: worst,
                        worst_at,
                    },
                    end,
                ));
            }
        }
        Ok(())
    }

    fn finish(mut self, machine: &Machine<'_>, method: &'static str, checked: u64) -> ChannelAudit {
        if let Some((iv, _)) = self.open.take() {
            self.done.push(iv);
        }
        self.done
            .sort_by(|a, b| b.worst_late.cmp(&a.worst_late).then(a.from.cmp(&b.from)));
        ChannelAudit {
            channel: machine.channel.id.clone(),
            method,
            checked_minutes: checked,
            late_minutes: self.late,
            intervals: self.done,
            unaudited: self.unaudited,
        }
    }
}

fn per_day(
    machine: &Machine<'_>,
    cal: &Calendar,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<ChannelAudit> {
    let per = cal.hours().minutes_per_day();
    let days = working_days(cal, from, to)?;
    let grows = excluded(machine);
    let mut b = Builder {
        cal,
        per_day: per,
        done: Vec::new(),
        open: None,
        late: 0,
        unaudited: None,
    };
    let total = days.len() as u64 * per as u64;
    for (seq, &d) in days.iter().enumerate() {
        let start = moment(cal, d, 0)?;
        let l0 = match run_worst_case(machine, cal, start).and_then(|t| lateness(cal, &t)) {
            Ok(l) => l,
            Err(e) => {
                let year = beyond_period(&e, to).ok_or(e)?;
                // A later submission ends no earlier: the rest of the period is cut.
                let checked = seq as u64 * per as u64;
                b.unaudited = Some(Unaudited {
                    from: start,
                    minutes: total - checked,
                    year,
                });
                return Ok(b.finish(machine, "per-day", checked));
            }
        };
        if grows {
            // L(o) = l0 + o: late from o = 1 - l0 to the end of the day.
            let first = (1 - l0).max(0);
            if first < per {
                b.push(seq as i64, d, first, per - 1, l0 + per - 1, per - 1)?;
            }
        } else if l0 > 0 {
            b.push(seq as i64, d, 0, per - 1, l0, 0)?;
        }
    }
    Ok(b.finish(machine, "per-day", total))
}

fn scan(
    machine: &Machine<'_>,
    cal: &Calendar,
    from: NaiveDate,
    to: NaiveDate,
    method: &'static str,
) -> Result<ChannelAudit> {
    let per = cal.hours().minutes_per_day();
    let days = working_days(cal, from, to)?;
    let mut b = Builder {
        cal,
        per_day: per,
        done: Vec::new(),
        open: None,
        late: 0,
        unaudited: None,
    };
    let total = days.len() as u64 * per as u64;
    for (seq, &d) in days.iter().enumerate() {
        for o in 0..per {
            let at = moment(cal, d, o)?;
            let l = match run_worst_case(machine, cal, at).and_then(|t| lateness(cal, &t)) {
                Ok(l) => l,
                Err(e) => {
                    let year = beyond_period(&e, to).ok_or(e)?;
                    let checked = seq as u64 * per as u64 + o as u64;
                    b.unaudited = Some(Unaudited {
                        from: at,
                        minutes: total - checked,
                        year,
                    });
                    return Ok(b.finish(machine, method, checked));
                }
            };
            if l > 0 {
                b.push(seq as i64, d, o, o, l, o)?;
            }
        }
    }
    Ok(b.finish(machine, method, total))
}
