//! `reglam check --summary`: for every channel, its longest path against its deadline, with the
//! slack when it fits, so a drafter sees how tight each route is, not only the ones that fail.

use reglam_diagnostics::words;
use reglam_model::time::{compare, Amount, Fit};
use reglam_model::{Analysis, NodeKind};
use std::fmt::Write;

/// One row per channel: regulation, channel, worst path, deadline, verdict.
pub fn rows(analysis: &Analysis) -> Vec<[String; 5]> {
    let mut rows: Vec<[String; 5]> = Vec::new();
    for reg in &analysis.corpus.regulations {
        for (scenario, channel) in reg.channels() {
            let g = &channel.flow.graph;
            let worst = g
                .node_indices()
                .filter(|n| matches!(&g[*n].kind, NodeKind::Outcome { outcome, .. } if outcome.bound_by_deadline()))
                .filter_map(|n| channel.paths.worst_to(n))
                .max_by_key(|w| (w.total.upper_working_minutes(), w.total));
            let name = match &scenario.id {
                Some(s) => format!("{s}/{}", channel.id),
                None => channel.id.clone(),
            };
            let (total, bound) = match worst {
                Some(w) => (words::amount(&w.total), Some(w.bound)),
                None if !channel.paths.cycles.is_empty() => {
                    ("(loops without bound)".to_string(), None)
                }
                None => ("(no outcome reached)".to_string(), None),
            };
            let (deadline, verdict) = match (&channel.deadline, bound) {
                (None, _) => (
                    "none".to_string(),
                    "no deadline to compare with".to_string(),
                ),
                (Some(d), None) => (
                    words::amount(&d.deadline.duration.amount()),
                    "—".to_string(),
                ),
                (Some(d), Some(bound)) => {
                    let limit: Amount = d.deadline.duration.amount();
                    let verdict = match compare(bound, limit, d.deadline.receipt_day_excluded) {
                        Fit::Fits { slack, exact: true } if slack.is_zero() => {
                            "fits exactly".to_string()
                        }
                        Fit::Fits { slack, exact: true } => {
                            format!("fits, {} to spare", words::amount(&slack))
                        }
                        Fit::Fits {
                            slack,
                            exact: false,
                        } => format!("fits, at least {} to spare", words::amount(&slack)),
                        Fit::Overruns { by, exact: true } => {
                            format!("OVERRUNS by {}", words::amount(&by))
                        }
                        Fit::Overruns { by, exact: false } => {
                            format!("OVERRUNS by at least {}", words::amount(&by))
                        }
                        Fit::NeedsCalendar { .. } => "depends on the calendar".to_string(),
                    };
                    (words::amount(&d.deadline.duration.amount()), verdict)
                }
            };
            rows.push([reg.id.clone(), name, total, deadline, verdict]);
        }
    }
    rows
}

/// The rows as an aligned table with a header.
pub fn table(rows: Vec<[String; 5]>) -> String {
    let headers = [
        "regulation",
        "channel",
        "longest path",
        "deadline",
        "verdict",
    ];
    let mut widths = headers.map(|h| h.chars().count());
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    for r in std::iter::once(headers.map(String::from)).chain(rows) {
        let line: Vec<String> = r
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        writeln!(out, "{}", line.join("  ").trim_end()).unwrap();
    }
    out
}
