//! `index.md`, the table of contents of a build: every regulation with its channels, their
//! longest paths, deadlines, verdicts and findings.

use reglam_diagnostics::{words, Diagnostic};
use reglam_model::time::Fit;
use reglam_model::Regulation;
use std::fmt::Write as _;
use std::path::Path;

/// A table cell: Markdown, control and bidirectional characters escaped.
fn cell(s: &str) -> String {
    reglam_emit::markdown::escape(s)
}

/// The top of `index.md`: what the table shows, and its header.
pub fn header() -> String {
    let mut out = String::new();
    writeln!(out, "# Regulations\n").unwrap();
    writeln!(
        out,
        "Built by `reglam build`. For each channel: the longest path to an outcome held to the deadline, \
         the deadline that applies, and the verdict. Findings count the diagnostics of the regulation's file.\n"
    )
    .unwrap();
    writeln!(out, "| regulation | title | channel | longest path | deadline | verdict | findings | documents |").unwrap();
    writeln!(out, "|---|---|---|---|---|---|---|---|").unwrap();
    out
}

/// The rows of `index.md` for one regulation, one per channel; `stem` is where its documents
/// are, relative to the index, and `file_diags` the diagnostics of its file.
pub fn rows(stem: &Path, reg: &Regulation, file_diags: &[&Diagnostic]) -> String {
    let mut out = String::new();
    let errors = file_diags.iter().filter(|d| d.is_error()).count();
    let findings = format!("{errors} E, {} W", file_diags.len() - errors);
    let title = reg
        .title
        .ru
        .clone()
        .or(reg.title.kk.clone())
        .unwrap_or_default();
    let stem_s = stem.display().to_string();
    let docs = format!("[ru]({stem_s}.ru.md) · [kk]({stem_s}.kk.md) · [json]({stem_s}.json)");
    let mut first = true;
    for (scenario, channel) in reg.channels() {
        let name = match &scenario.id {
            Some(s) => format!("{s} / {}", channel.id),
            None => channel.id.clone(),
        };
        let worst = reglam_emit::common::worst_outcome(channel);
        let total = worst
            .map(|(_, w)| words::amount(&w.total))
            .unwrap_or_else(|| "—".into());
        let deadline = channel
            .deadline
            .as_ref()
            .map(|d| words::amount(&d.deadline.duration.amount()))
            .unwrap_or_else(|| "none".into());
        let verdict = match (worst, &channel.deadline) {
            (Some((_, w)), Some(d)) => match reglam_emit::common::fit(w, d) {
                Fit::Fits { slack, .. } => format!("fits ({} to spare)", words::amount(&slack)),
                Fit::Overruns { by, .. } => format!("**overruns by {}**", words::amount(&by)),
                Fit::NeedsCalendar { .. } => "depends on the calendar".to_string(),
            },
            (_, None) => "no deadline".to_string(),
            (None, _) => "—".to_string(),
        };
        let (r, t, f, d) = if first {
            (
                format!("`{}`", reg.id),
                cell(&title),
                findings.clone(),
                docs.clone(),
            )
        } else {
            Default::default()
        };
        first = false;
        writeln!(
            out,
            "| {r} | {t} | {} | {total} | {deadline} | {verdict} | {f} | {d} |",
            cell(&name)
        )
        .unwrap();
    }
    out
}
