//! Driving the machine: the worst case, and the replay of a real case from its events.

use crate::clock::{advance, before, deadline_after, working_minutes};
use crate::error::{Result, RunError};
use crate::machine::{Machine, StateKind, Trigger};
use petgraph::graph::NodeIndex;
use reglam_calendar::{Calendar, NaiveDateTime};
use reglam_diagnostics::words;
use reglam_model::time::Amount;
use reglam_model::{DueLimit, EffectiveDeadline};
use serde::Serialize;
use std::collections::HashMap;

/// One line of a timeline: a state the case spent time in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The step's name in the source; a return for rework reads `back (return 1)`.
    pub step: String,
    pub kind: &'static str,
    pub start: NaiveDateTime,
    /// When the step must be done: its start plus the most it may take, or a sub-deadline
    /// (`due`) when that is earlier. `None` when nothing bounds it.
    pub due: Option<NaiveDateTime>,
    /// When it ended; `None` while it is still under way.
    pub end: Option<NaiveDateTime>,
    pub breach: bool,
    /// The way taken out of a check, decision or return, or what bounds `due`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The service deadline of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceDeadline {
    /// The deadline as the model states it, e.g. "3 working days".
    pub duration: String,
    pub receipt_day_excluded: bool,
    /// The moment the deadline ends, after any pauses of the clock.
    pub at: NaiveDateTime,
    /// Working minutes (or, for calendar time, minutes) the clock was paused for.
    pub paused_minutes: i64,
    /// Each extension the act allows, with the moment the extended deadline ends.
    pub extensions: Vec<ExtendedDeadline>,
}

/// A deadline once extended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtendedDeadline {
    pub duration: String,
    pub when: String,
    pub at: NaiveDateTime,
}

/// How a case ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reached {
    pub outcome: String,
    pub kind: &'static str,
    pub at: NaiveDateTime,
}

/// The final verdict on a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Verdict {
    /// Done by the deadline, with this many working minutes to spare.
    InTime { spare_working_minutes: i64 },
    /// Late, but within an extension the act allows in the cases it names.
    InTimeWithExtension {
        late_working_minutes: i64,
        extension: String,
    },
    /// Late by this many working minutes (0 when late only by non-working time).
    Late { late_working_minutes: i64 },
    /// The outcome is not held to the deadline (archived).
    NotBound,
    /// The channel has no deadline.
    NoDeadline,
    /// The events end before an outcome.
    NotFinished,
}

/// What happened, or at worst would happen, to one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    pub channel: String,
    pub submitted: NaiveDateTime,
    pub deadline: Option<ServiceDeadline>,
    pub entries: Vec<Entry>,
    pub reached: Option<Reached>,
    pub verdict: Verdict,
    /// Returns for rework the worst case did not walk one by one (a `max 10000000 times`
    /// would otherwise take that many rounds): what was cut and how it was counted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub returns_cut: Vec<ReturnsCut>,
}

/// Rounds of one return for rework left out of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReturnsCut {
    /// The rework state.
    pub rework: String,
    /// Rounds walked one by one and shown as entries.
    pub walked: u64,
    /// Rounds not walked.
    pub skipped: u64,
    /// How the skipped rounds were counted.
    pub how: CutRounds,
}

/// How the rounds of a return that were not walked are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CutRounds {
    /// The last round walked took no time, so every later one takes none: exact.
    TakeNoTime,
    /// Past [`RETURN_ROUNDS_WALKED`]: the rest in one stride of their time away and their
    /// body's time, as the model's path analysis counts them.
    InOneStride,
}

/// The most rounds of one return the worst case walks one by one: the work (and the timeline)
/// of a run stays bounded whatever `max N times` says.
pub const RETURN_ROUNDS_WALKED: u64 = 1000;

/// One recorded event of a real case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The line of the events file, for messages.
    pub line: usize,
    pub step: String,
    pub finished: Option<NaiveDateTime>,
    pub outcome: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    step: String,
    #[serde(default)]
    finished: Option<String>,
    #[serde(default)]
    outcome: Option<String>,
}

/// Parses a date-time as `2026-03-23T11:00` (seconds optional; a space may replace `T`).
pub fn parse_moment(s: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s.trim(), f).ok())
}

/// Reads events given as JSON lines. Blank lines and lines starting with `#` are skipped.
pub fn parse_events(text: &str) -> Result<Vec<Event>> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let ev: RawEvent = serde_json::from_str(t).map_err(|e| RunError::Event {
            line,
            message: format!("not an event: {e}"),
        })?;
        let finished = match ev.finished {
            Some(f) => Some(parse_moment(&f).ok_or_else(|| RunError::Event {
                line,
                message: format!("`{f}` is not a date and time like 2026-03-23T11:00"),
            })?),
            None => None,
        };
        out.push(Event {
            line,
            step: ev.step,
            finished,
            outcome: ev.outcome,
        });
    }
    Ok(out)
}

/// The deadline clock: the service deadline, its pauses, and the sub-deadlines.
struct Clock<'a> {
    cal: &'a Calendar,
    submitted: NaiveDateTime,
    deadline: Option<&'a EffectiveDeadline>,
    /// Pauses of the clock (returns to the applicant with `clock paused`).
    pauses: Vec<(NaiveDateTime, NaiveDateTime)>,
}

impl Clock<'_> {
    fn shift(&self, t: NaiveDateTime, working: bool) -> Result<(NaiveDateTime, i64)> {
        let mut t = t;
        let mut total = 0;
        for (a, b) in &self.pauses {
            if working {
                let m = working_minutes(self.cal, *a, *b)?.max(0);
                total += m;
                t = advance(
                    self.cal,
                    t,
                    Amount {
                        working_minutes: m as u64,
                        ..Amount::ZERO
                    },
                )?;
            } else {
                let d = *b - *a;
                total += d.num_minutes();
                t = t.checked_add_signed(d).ok_or(RunError::Calendar(
                    reglam_calendar::CalendarError::OutOfRange,
                ))?;
            }
        }
        Ok((t, total))
    }

    /// The end of a period `a` from receipt, under the deadline's receipt rule, shifted by
    /// the pauses.
    fn period_end(&self, a: Amount) -> Result<(NaiveDateTime, i64)> {
        let excluded = self
            .deadline
            .is_some_and(|d| d.deadline.receipt_day_excluded);
        let end = deadline_after(self.cal, self.submitted, a, excluded)?;
        self.shift(end, a.is_working_only())
    }

    fn service(&self) -> Result<Option<ServiceDeadline>> {
        let Some(d) = self.deadline else {
            return Ok(None);
        };
        let amount = d.deadline.duration.amount();
        let (at, paused) = self.period_end(amount)?;
        let mut extensions = Vec::new();
        for x in &d.deadline.extensions {
            let ext = x.extended(amount);
            extensions.push(ExtendedDeadline {
                duration: if x.to {
                    format!("to {}", words::amount(&ext))
                } else {
                    format!(
                        "{} more: {}",
                        words::amount(&x.duration.amount()),
                        words::amount(&ext)
                    )
                },
                when: x.when.ru.clone().or(x.when.kk.clone()).unwrap_or_default(),
                // "Extended by D" runs on from the deadline; "extended to D" from receipt.
                at: if x.to {
                    self.period_end(ext)?.0
                } else {
                    advance(self.cal, at, x.duration.amount())?
                },
            });
        }
        Ok(Some(ServiceDeadline {
            duration: words::amount(&amount),
            receipt_day_excluded: d.deadline.receipt_day_excluded,
            at,
            paused_minutes: paused,
            extensions,
        }))
    }
}

/// What a driver records while the case moves through the machine.
struct Recorder<'m, 'c> {
    m: &'m Machine<'c>,
    clock: Clock<'m>,
    entries: Vec<Entry>,
    /// Entry index of the latest run of each node, for sub-deadlines.
    last_entry: HashMap<NodeIndex, usize>,
    /// Returns taken so far at each rework state: `max N times` bounds the whole case.
    returns_done: HashMap<NodeIndex, u64>,
    reached: Option<(NodeIndex, NaiveDateTime)>,
    returns_cut: Vec<ReturnsCut>,
}

impl<'m, 'c> Recorder<'m, 'c> {
    fn new(
        m: &'m Machine<'c>,
        cal: &'m Calendar,
        submitted: NaiveDateTime,
    ) -> Result<Recorder<'m, 'c>> {
        // Fail early on a date the calendar cannot answer for.
        cal.is_working_day(submitted.date())?;
        Ok(Recorder {
            m,
            clock: Clock {
                cal,
                submitted,
                deadline: m.channel.deadline.as_ref(),
                pauses: Vec::new(),
            },
            entries: Vec::new(),
            last_entry: HashMap::new(),
            returns_done: HashMap::new(),
            reached: None,
            returns_cut: Vec::new(),
        })
    }

    /// Opens an entry for a state that takes time; its due time is its start plus the most
    /// it may take.
    fn open(&mut self, n: NodeIndex, start: NaiveDateTime) -> Result<usize> {
        let s = self.m.state(n);
        let due = advance(self.clock.cal, start, s.allowance)?;
        self.entries.push(Entry {
            step: s.id.clone(),
            kind: s.kind.word(),
            start,
            due: Some(due),
            end: None,
            breach: false,
            note: None,
        });
        self.last_entry.insert(n, self.entries.len() - 1);
        Ok(self.entries.len() - 1)
    }

    fn close(&mut self, i: usize, end: NaiveDateTime, note: Option<String>) {
        let e = &mut self.entries[i];
        e.end = Some(end);
        e.breach = e.due.is_some_and(|d| end > d);
        if note.is_some() {
            e.note = note;
        }
    }

    /// A return for rework: the case is away from `start` to `end`.
    fn away(
        &mut self,
        n: NodeIndex,
        k: u64,
        start: NaiveDateTime,
        end: NaiveDateTime,
        due: Option<NaiveDateTime>,
        paused: bool,
    ) {
        if paused {
            self.clock.pauses.push((start, end));
        }
        let s = self.m.state(n);
        self.entries.push(Entry {
            step: format!("{} (return {k})", s.id),
            kind: "rework",
            start,
            due,
            end: Some(end),
            breach: due.is_some_and(|d| end > d),
            note: Some(if paused {
                "away for rework; deadline clock paused".into()
            } else {
                "away for rework".into()
            }),
        });
    }

    fn finish(self) -> Result<Timeline> {
        let mut entries = self.entries;
        let deadline = self.clock.service()?;
        // Sub-deadlines: the latest run of the step must end by them.
        for due in &self.m.channel.dues {
            let Some(&i) = self.last_entry.get(&due.node) else {
                continue;
            };
            let (at, note) = match &due.limit {
                DueLimit::Within(d) => (
                    self.clock.period_end(d.amount())?.0,
                    format!("due {}", words::amount(&d.amount())),
                ),
                DueLimit::BeforeDeadline(d) => match &deadline {
                    Some(sd) => (
                        before(self.clock.cal, sd.at, d.amount())?,
                        format!("due {} before the deadline", words::amount(&d.amount())),
                    ),
                    None => continue,
                },
            };
            let e = &mut entries[i];
            if e.due.is_none_or(|x| at < x) {
                e.due = Some(at);
                e.note = Some(match e.note.take() {
                    Some(n) => format!("{n}; {note}"),
                    None => note,
                });
            }
            e.breach = matches!((e.end, e.due), (Some(end), Some(d)) if end > d);
        }
        let reached = self.reached.map(|(n, at)| {
            let s = self.m.state(n);
            Reached {
                outcome: s.id.clone(),
                kind: s.outcome.map_or("other", outcome_word),
                at,
            }
        });
        let verdict = match (&reached, &deadline, self.reached) {
            (None, _, _) => Verdict::NotFinished,
            (Some(_), _, Some((n, _)))
                if !self
                    .m
                    .state(n)
                    .outcome
                    .is_some_and(|k| k.bound_by_deadline()) =>
            {
                Verdict::NotBound
            }
            (Some(_), None, _) => Verdict::NoDeadline,
            (Some(r), Some(d), _) => {
                let cal = self.clock.cal;
                if r.at <= d.at {
                    Verdict::InTime {
                        spare_working_minutes: working_minutes(cal, r.at, d.at)?,
                    }
                } else {
                    let late = working_minutes(cal, d.at, r.at)?;
                    match d.extensions.iter().find(|x| r.at <= x.at) {
                        Some(x) => Verdict::InTimeWithExtension {
                            late_working_minutes: late,
                            extension: x.duration.clone(),
                        },
                        None => Verdict::Late {
                            late_working_minutes: late,
                        },
                    }
                }
            }
        };
        Ok(Timeline {
            channel: self.m.channel.id.clone(),
            submitted: self.clock.submitted,
            deadline,
            entries,
            reached,
            verdict,
            returns_cut: self.returns_cut,
        })
    }
}

fn outcome_word(k: reglam_model::OutcomeKind) -> &'static str {
    k.word()
}

/// Runs the worst case: each step takes the most it may, each choice takes the way of the
/// model's worst path (`channel.paths`) to the outcome held to the deadline that ranks
/// longest, and each return for rework happens as often as allowed, away for its `takes`
/// (capped by its timeout).
pub fn run_worst_case(
    machine: &Machine<'_>,
    cal: &Calendar,
    submitted: NaiveDateTime,
) -> Result<Timeline> {
    let Some((_, worst)) = machine.worst_outcome() else {
        return Err(RunError::NotRunnable {
            channel: machine.channel.id.clone(),
            reason: "no outcome held to the deadline can be reached".into(),
        });
    };
    let route: Vec<NodeIndex> = worst.steps.iter().map(|s| s.node).collect();
    let mut rec = Recorder::new(machine, cal, submitted)?;
    let end = walk(&mut rec, &route, submitted, false)?;
    if let Some(&last) = route.last() {
        rec.reached = Some((last, end));
    }
    rec.finish()
}

/// Walks a route in the worst case from `t`; returns when its last node is done.
/// `body_of_return`: the route is a rework body, whose last node is the return point itself
/// and must not return again.
fn walk(
    rec: &mut Recorder<'_, '_>,
    route: &[NodeIndex],
    t: NaiveDateTime,
    body_of_return: bool,
) -> Result<NaiveDateTime> {
    let m = rec.m;
    let cal = rec.clock.cal;
    let mut t = t;
    // Ends of the branches that are not on the route, per open fork (innermost last).
    let mut forks: Vec<NaiveDateTime> = Vec::new();
    for (i, &n) in route.iter().enumerate() {
        let s = m.state(n);
        let next = route.get(i + 1).copied();
        let way = next.and_then(|b| m.transition_between(n, b));
        match s.kind {
            StateKind::Start | StateKind::Outcome => {}
            StateKind::Fork => {
                // The other branches run alongside, each its own longest way to the join.
                let join = m.join_on_route(route, i);
                let mut latest = t;
                for tr in &s.transitions {
                    if Some(tr.to) == next || tr.trigger != Trigger::Branch {
                        continue;
                    }
                    if let Some(j) = join {
                        if tr.to == j {
                            continue;
                        }
                        if let Some(r) = m.longest_route(tr.to, j) {
                            let end = walk(rec, &r[..r.len() - 1], t, false)?;
                            latest = latest.max(end);
                        }
                    }
                }
                forks.push(latest);
            }
            StateKind::Join => {
                if let Some(other) = forks.pop() {
                    t = t.max(other);
                }
            }
            StateKind::Step | StateKind::Check | StateKind::Decide | StateKind::Wait => {
                let e = rec.open(n, t)?;
                let end = advance(cal, t, s.allowance)?;
                let note = match (s.kind, way) {
                    (StateKind::Check | StateKind::Decide, Some(w)) => {
                        Some(format!("→ {}", w.label()))
                    }
                    _ => None,
                };
                rec.close(e, end, note);
                t = end;
            }
            StateKind::Rework => {
                let last = i + 1 == route.len();
                if !(body_of_return && last) {
                    t = returns(rec, n, t)?;
                }
            }
        }
        // A timeout on the way out: the case waited for rework that did not come.
        if let (Some(Trigger::Timeout), Some(r)) = (way, m.rework(n)) {
            let wait = r.timeout.as_ref().map(|d| d.amount()).unwrap_or_default();
            let end = advance(cal, t, wait)?;
            rec.entries.push(Entry {
                step: format!("{} (timeout)", s.id),
                kind: "timeout",
                start: t,
                due: Some(end),
                end: Some(end),
                breach: false,
                note: Some("rework not finished in time".into()),
            });
            t = end;
        }
    }
    Ok(t)
}

/// Every allowed return at the rework state `n`, at worst: away for the time the model
/// counts, then the body from the target again.
fn returns(rec: &mut Recorder<'_, '_>, n: NodeIndex, t: NaiveDateTime) -> Result<NaiveDateTime> {
    let m = rec.m;
    let cal = rec.clock.cal;
    let Some(rw) = m.rework(n) else {
        return Ok(t);
    };
    let Some(cost) = m
        .channel
        .paths
        .reworks
        .iter()
        .find(|c| c.node == n && c.backward)
    else {
        return Ok(t);
    };
    // How long the case is really away (a paused clock moves the deadline, not the case).
    let away = rw.time_away();
    let body = if cost.target == n {
        vec![n]
    } else {
        m.longest_route(cost.target, n).unwrap_or_default()
    };
    let mut t = t;
    let done = rec.returns_done.get(&n).copied().unwrap_or(0);
    for k in done + 1..=cost.times {
        if k - done > RETURN_ROUNDS_WALKED {
            // The rest in one stride: away for all of them, then the body as many times.
            let rest = cost.times - (k - 1);
            let start = t;
            let back = advance(cal, t, away.times(rest))?;
            rec.away(n, k, start, back, None, rw.clock_paused);
            if let Some(e) = rec.entries.last_mut() {
                e.step = format!("{} (returns {k}–{})", m.state(n).id, cost.times);
            }
            t = if cost.target == n {
                back
            } else {
                advance(cal, back, cost.body.times(rest))?
            };
            rec.returns_done.insert(n, cost.times);
            rec.returns_cut.push(ReturnsCut {
                rework: m.state(n).id.clone(),
                walked: k - 1 - done,
                skipped: rest,
                how: CutRounds::InOneStride,
            });
            break;
        }
        let round_start = t;
        // Counted before the body is walked again, so a return met inside it sees its budget.
        rec.returns_done.insert(n, k);
        let back = advance(cal, t, away)?;
        let due = rw
            .timeout
            .as_ref()
            .map(|d| advance(cal, t, d.amount()))
            .transpose()?;
        rec.away(n, k, t, back, due, rw.clock_paused);
        t = back;
        if cost.target != n {
            t = walk(rec, &body, t, true)?;
        }
        if t == round_start && k < cost.times {
            // A round that takes no time: every later one is the same (inner returns spent
            // their budget in the first), so they change nothing but the count.
            rec.returns_done.insert(n, cost.times);
            rec.returns_cut.push(ReturnsCut {
                rework: m.state(n).id.clone(),
                walked: k - done,
                skipped: cost.times - k,
                how: CutRounds::TakeNoTime,
            });
            break;
        }
    }
    Ok(t)
}

/// Replays a real case: the events say which step finished when and which way each check,
/// decision or return went. Events must follow the machine: an unknown step or one that
/// cannot finish at that point is an error naming the line. A step's due time is its start
/// plus the most it may take; a step late against it is a breach. A return for rework takes
/// `{"step": "<rework>", "outcome": "return", "finished": "<when the case came back>"}`;
/// without such an event the case goes on past the return point.
pub fn replay(
    machine: &Machine<'_>,
    cal: &Calendar,
    submitted: NaiveDateTime,
    events: &[Event],
) -> Result<Timeline> {
    let mut rec = Recorder::new(machine, cal, submitted)?;
    let mut run = Replay {
        active: Vec::new(),
        arrived: HashMap::new(),
        returns: HashMap::new(),
    };
    run.enter(&mut rec, machine.start(), submitted)?;
    for ev in events {
        if rec.reached.is_some() {
            return Err(RunError::Event {
                line: ev.line,
                message: format!("the case has already ended; `{}` cannot follow", ev.step),
            });
        }
        let Some(n) = machine.find(&ev.step) else {
            return Err(RunError::Event {
                line: ev.line,
                message: format!(
                    "the channel `{}` has no step `{}`",
                    machine.channel.id, ev.step
                ),
            });
        };
        // A step further on than a pending return point: the case went on without returning.
        if !run.active.iter().any(|a| a.node == n) {
            run.continue_reworks(&mut rec)?;
        }
        let Some(pos) = run.active.iter().position(|a| a.node == n) else {
            let at: Vec<String> = run
                .active
                .iter()
                .map(|a| format!("`{}`", machine.state(a.node).id))
                .collect();
            return Err(RunError::Event {
                line: ev.line,
                message: format!(
                    "`{}` cannot finish now: the case is at {}",
                    ev.step,
                    if at.is_empty() {
                        "no step".to_string()
                    } else {
                        at.join(", ")
                    }
                ),
            });
        };
        let token = run.active.remove(pos);
        run.fire(&mut rec, token, ev)?;
    }
    if rec.reached.is_none() {
        run.continue_reworks(&mut rec)?;
    }
    rec.finish()
}

struct Token {
    node: NodeIndex,
    since: NaiveDateTime,
    entry: Option<usize>,
}

struct Replay {
    active: Vec<Token>,
    /// Branches arrived at each join, and the latest arrival.
    arrived: HashMap<NodeIndex, (usize, NaiveDateTime)>,
    /// Returns made at each rework state.
    returns: HashMap<NodeIndex, u64>,
}

impl Replay {
    /// The case arrives at `n` at `t`: pass through what takes no time, wait at the rest.
    fn enter(&mut self, rec: &mut Recorder<'_, '_>, n: NodeIndex, t: NaiveDateTime) -> Result<()> {
        let m = rec.m;
        let s = m.state(n);
        match s.kind {
            StateKind::Start => {
                for tr in &s.transitions {
                    self.enter(rec, tr.to, t)?;
                }
            }
            StateKind::Fork => {
                for b in m.branches(n) {
                    self.enter(rec, b, t)?;
                }
            }
            StateKind::Join => {
                let a = self.arrived.entry(n).or_insert((0, t));
                a.0 += 1;
                a.1 = a.1.max(t);
                if a.0 >= m.join_needs(n) {
                    let at = a.1;
                    self.arrived.remove(&n);
                    for tr in &s.transitions {
                        self.enter(rec, tr.to, at)?;
                    }
                }
            }
            StateKind::Outcome => {
                if rec.reached.is_none() {
                    rec.reached = Some((n, t));
                }
            }
            StateKind::Rework => self.active.push(Token {
                node: n,
                since: t,
                entry: None,
            }),
            _ => {
                let e = rec.open(n, t)?;
                self.active.push(Token {
                    node: n,
                    since: t,
                    entry: Some(e),
                });
            }
        }
        Ok(())
    }

    /// Lets every pending return point go on without a return.
    fn continue_reworks(&mut self, rec: &mut Recorder<'_, '_>) -> Result<()> {
        while let Some(pos) = self
            .active
            .iter()
            .position(|a| rec.m.state(a.node).kind == StateKind::Rework)
        {
            let tok = self.active.remove(pos);
            let s = rec.m.state(tok.node);
            for tr in s.transitions.iter().filter(|x| x.trigger == Trigger::Done) {
                self.enter(rec, tr.to, tok.since)?;
            }
        }
        Ok(())
    }

    fn fire(&mut self, rec: &mut Recorder<'_, '_>, tok: Token, ev: &Event) -> Result<()> {
        let m = rec.m;
        let s = m.state(tok.node);
        let err = |message: String| RunError::Event {
            line: ev.line,
            message,
        };
        let finished = ev.finished.unwrap_or(tok.since);
        if finished < tok.since {
            return Err(err(format!(
                "`{}` finished at {} but started only at {}",
                s.id,
                finished.format("%Y-%m-%d %H:%M"),
                tok.since.format("%Y-%m-%d %H:%M")
            )));
        }
        let labels = |ts: &[&crate::machine::Transition]| -> String {
            ts.iter()
                .map(|t| format!("\"{}\"", t.trigger.label()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match s.kind {
            StateKind::Step | StateKind::Wait => {
                if ev.finished.is_none() {
                    return Err(err(format!("`{}` needs the time it finished", s.id)));
                }
                if let Some(o) = &ev.outcome {
                    return Err(err(format!(
                        "`{}` is a {}, it has no outcome \"{o}\"",
                        s.id,
                        s.kind.word()
                    )));
                }
                if let Some(e) = tok.entry {
                    rec.close(e, finished, None);
                }
                for tr in &s.transitions {
                    self.enter(rec, tr.to, finished)?;
                }
            }
            StateKind::Check | StateKind::Decide => {
                let ways: Vec<&crate::machine::Transition> = s.transitions.iter().collect();
                let chosen = match &ev.outcome {
                    Some(o) => ways
                        .iter()
                        .find(|t| t.trigger.label() == o)
                        .ok_or_else(|| {
                            err(format!(
                                "`{}` has no outcome \"{o}\"; it has {}",
                                s.id,
                                labels(&ways)
                            ))
                        })?,
                    None if ways.len() == 1 || ways.iter().all(|t| t.to == ways[0].to) => &ways[0],
                    None => {
                        return Err(err(format!(
                            "`{}` needs an outcome: {}",
                            s.id,
                            labels(&ways)
                        )))
                    }
                };
                let to = chosen.to;
                let label = chosen.trigger.label().to_string();
                if let Some(e) = tok.entry {
                    rec.close(e, finished, Some(format!("→ {label}")));
                }
                self.enter(rec, to, finished)?;
            }
            StateKind::Rework => {
                let rw = m.rework(tok.node);
                let o = ev.outcome.as_deref().unwrap_or("next");
                let tr = s
                    .transitions
                    .iter()
                    .find(|t| t.trigger.label() == o)
                    .ok_or_else(|| {
                        let ways: Vec<&crate::machine::Transition> = s.transitions.iter().collect();
                        err(format!(
                            "`{}` has no outcome \"{o}\"; it has {}",
                            s.id,
                            labels(&ways)
                        ))
                    })?;
                let to = tr.to;
                match tr.trigger {
                    Trigger::Return => {
                        if ev.finished.is_none() {
                            return Err(err(format!(
                                "a return at `{}` needs the time the case came back",
                                s.id
                            )));
                        }
                        let k = self.returns.entry(tok.node).or_insert(0);
                        *k += 1;
                        let max = rw.and_then(|r| r.max).unwrap_or(0);
                        if *k > max {
                            return Err(err(format!(
                                "`{}` allows at most {max} return(s); this is return {k}",
                                s.id
                            )));
                        }
                        let k = *k;
                        let cal = rec.clock.cal;
                        let due = rw
                            .and_then(|r| r.timeout.as_ref())
                            .map(|d| advance(cal, tok.since, d.amount()))
                            .transpose()?;
                        let paused = rw.is_some_and(|r| r.clock_paused);
                        rec.away(tok.node, k, tok.since, finished, due, paused);
                    }
                    Trigger::Timeout => {
                        rec.entries.push(Entry {
                            step: format!("{} (timeout)", s.id),
                            kind: "timeout",
                            start: tok.since,
                            due: None,
                            end: Some(finished),
                            breach: false,
                            note: Some("rework not finished in time".into()),
                        });
                    }
                    _ => {}
                }
                self.enter(rec, to, finished)?;
            }
            _ => {}
        }
        Ok(())
    }
}
