//! Timelines and audits as text for people (an aligned table). Builds strings only.

use crate::audit::ChannelAudit;
use crate::run::{CutRounds, Timeline, Verdict};
use reglam_calendar::NaiveDateTime;
use reglam_diagnostics::words;
use reglam_model::time::{Amount, MINUTES_PER_WORKING_DAY};

/// `Fri 2026-03-20 17:30`.
pub fn moment(t: NaiveDateTime) -> String {
    t.format("%a %Y-%m-%d %H:%M").to_string()
}

/// Working minutes in plain words: "1 working day 2 hours".
pub fn working(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let a = Amount {
        working_minutes: minutes.unsigned_abs(),
        ..Amount::ZERO
    };
    format!("{sign}{}", words::amount(&a))
}

fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < r.len() {
                let pad = widths[c] - cell.chars().count() + 2;
                line.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The verdict in words.
pub fn verdict(v: &Verdict) -> String {
    match v {
        Verdict::InTime {
            spare_working_minutes,
        } => format!("in time, {} to spare", working(*spare_working_minutes)),
        Verdict::InTimeWithExtension {
            late_working_minutes,
            extension,
        } => format!(
            "late by {} against the deadline; in time only with the extension ({extension})",
            working(*late_working_minutes)
        ),
        Verdict::Late {
            late_working_minutes,
        } => format!("LATE by {}", working(*late_working_minutes)),
        Verdict::NotBound => "the outcome is not held to the deadline".into(),
        Verdict::NoDeadline => "the channel has no deadline".into(),
        Verdict::NotFinished => "not finished: the events stop before an outcome".into(),
    }
}

/// A timeline as an aligned table with a heading and the verdict.
pub fn timeline(t: &Timeline) -> String {
    let mut out = String::new();
    out.push_str(&format!("channel    {}\n", t.channel));
    out.push_str(&format!("submitted  {}\n", moment(t.submitted)));
    match &t.deadline {
        Some(d) => {
            let rule = if d.receipt_day_excluded {
                ", day of receipt not counted"
            } else {
                ""
            };
            out.push_str(&format!(
                "deadline   {}{rule} → {}\n",
                d.duration,
                moment(d.at)
            ));
            if d.paused_minutes > 0 {
                out.push_str(&format!(
                    "           (clock paused for {} minutes)\n",
                    d.paused_minutes
                ));
            }
            for x in &d.extensions {
                out.push_str(&format!("extended   {} → {}\n", x.duration, moment(x.at)));
            }
        }
        None => out.push_str("deadline   none\n"),
    }
    out.push('\n');
    let mut rows = vec![vec![
        "step".to_string(),
        "kind".into(),
        "start".into(),
        "due".into(),
        "end".into(),
        "breach".into(),
        "note".into(),
    ]];
    for e in &t.entries {
        rows.push(vec![
            e.step.clone(),
            e.kind.to_string(),
            moment(e.start),
            e.due.map(moment).unwrap_or_else(|| "-".into()),
            e.end.map(moment).unwrap_or_else(|| "(under way)".into()),
            if e.breach {
                "BREACH".into()
            } else {
                "-".into()
            },
            e.note.clone().unwrap_or_default(),
        ]);
    }
    out.push_str(&table(&rows));
    out.push('\n');
    if let Some(r) = &t.reached {
        out.push_str(&format!(
            "outcome    {} ({}) at {}\n",
            r.outcome,
            r.kind,
            moment(r.at)
        ));
    }
    for c in &t.returns_cut {
        out.push_str(&format!(
            "returns    {}: {} shown, {} more {}\n",
            c.rework,
            c.walked,
            c.skipped,
            match c.how {
                CutRounds::TakeNoTime => "take no time",
                CutRounds::InOneStride => "counted in one stride",
            }
        ));
    }
    out.push_str(&format!("verdict    {}\n", verdict(&t.verdict)));
    out
}

/// An audit of one channel: the count of late moments and the late intervals, worst first
/// (at most `limit` of them).
pub fn audit(a: &ChannelAudit, limit: usize) -> String {
    let mut out = String::new();
    if a.method == "no-deadline" {
        out.push_str(&format!("{}: no deadline, nothing to audit\n", a.channel));
        return out;
    }
    let days = a.checked_minutes / MINUTES_PER_WORKING_DAY;
    out.push_str(&format!(
        "{}: {} of {} submission minutes late ({} interval{}; {} working days; {})\n",
        a.channel,
        a.late_minutes,
        a.checked_minutes,
        a.intervals.len(),
        if a.intervals.len() == 1 { "" } else { "s" },
        days,
        a.method
    ));
    if let Some(u) = &a.unaudited {
        out.push_str(&format!(
            "  not audited from {} ({} submission minutes): the worst case runs into {}, which the calendar has no data for\n",
            moment(u.from),
            u.minutes,
            u.year
        ));
    }
    if a.intervals.is_empty() {
        return out;
    }
    let mut rows = vec![vec![
        "  from".to_string(),
        "until".into(),
        "minutes".into(),
        "worst".into(),
        "worst at".into(),
    ]];
    for iv in a.intervals.iter().take(limit) {
        rows.push(vec![
            format!("  {}", moment(iv.from)),
            moment(iv.until),
            iv.minutes.to_string(),
            format!("late by {}", working(iv.worst_late)),
            moment(iv.worst_at),
        ]);
    }
    out.push_str(&table(&rows));
    if a.intervals.len() > limit {
        out.push_str(&format!("  … and {} more\n", a.intervals.len() - limit));
    }
    out
}
