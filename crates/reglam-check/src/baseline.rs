//! A baseline: the findings a team accepts when it adopts Reglam on a large corpus, written
//! once (`reglam check --write-baseline FILE`) and read on every run (`--baseline FILE`). The
//! findings it lists are shown as acknowledged and do not fail the run; an entry that no
//! longer matches a finding of a file checked is reported (W072).
//!
//! An entry is keyed by what survives edits elsewhere in the file: the code, the file, the
//! source line the finding is on (trimmed, not its number) and the message (the finding's
//! facts: names and amounts). Moving a statement keeps its entry; changing it, or its facts,
//! makes a new finding.

use reglam_diagnostics::{
    codes, sort_diagnostics, Acknowledgement, AcknowledgementKind, Diagnostic, FileId, Problem,
    SourceMap, Span,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// The file's format version: a later format changes it.
const VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<BaselineEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct BaselineEntry {
    pub code: String,
    /// The file as the run names it (relative to where Reglam runs, as given).
    pub file: String,
    /// The source line of the finding's primary span, trimmed.
    pub place: String,
    /// The finding's message: its facts.
    pub message: String,
}

impl BaselineEntry {
    pub fn of(sources: &SourceMap, d: &Diagnostic) -> Self {
        let span = d.primary.span;
        BaselineEntry {
            code: d.code.as_str().to_string(),
            file: sources.name(span.file).to_string(),
            place: first_line(sources, span),
            message: d.message.clone(),
        }
    }
}

/// The first line of the span's text, trimmed.
fn first_line(sources: &SourceMap, span: Span) -> String {
    let text = sources.slice(span);
    text.lines().next().unwrap_or("").trim().to_string()
}

impl Baseline {
    /// Reads a baseline written by [`Baseline::to_json`].
    pub fn from_json(text: &str) -> Result<Baseline, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The baseline as JSON, entries sorted, so that writing it twice gives the same bytes.
    pub fn to_json(&self) -> String {
        let mut b = self.clone();
        b.version = VERSION;
        b.entries.sort();
        let mut text = serde_json::to_string_pretty(&b).expect("a baseline serialises");
        text.push('\n');
        text
    }

    /// Adds every finding not acknowledged in its file, and marks it acknowledged by the
    /// baseline: what is written is accepted from now on, this run included. Stale
    /// acknowledgements and entries (W071, W072) are not findings to accept.
    pub fn record(&mut self, sources: &SourceMap, diagnostics: &mut [Diagnostic]) {
        for d in diagnostics.iter_mut() {
            let in_source =
                matches!(&d.acknowledged, Some(a) if a.kind == AcknowledgementKind::InSource);
            if in_source || d.code == codes::W071 || d.code == codes::W072 {
                continue;
            }
            self.entries.push(BaselineEntry::of(sources, d));
            d.acknowledged = Some(Acknowledgement::baseline());
        }
    }
}

/// A baseline being matched during a run, part by part: each entry matches one finding.
#[derive(Debug, Default)]
pub struct BaselineMatcher {
    /// How many findings each entry still expects.
    remaining: BTreeMap<BaselineEntry, usize>,
    /// Files whose entries were already settled (matched or reported).
    settled: HashSet<String>,
}

impl BaselineMatcher {
    pub fn new(baseline: &Baseline) -> Self {
        let mut remaining = BTreeMap::new();
        for e in &baseline.entries {
            *remaining.entry(e.clone()).or_insert(0) += 1;
        }
        BaselineMatcher {
            remaining,
            settled: HashSet::new(),
        }
    }

    /// Marks the findings of one part that the baseline lists, and reports the entries of the
    /// part's `roots` left unmatched. A file's findings come with the first part that sees it,
    /// never after the part where it is a root, so its entries are settled there.
    pub fn apply(
        &mut self,
        sources: &SourceMap,
        roots: &[FileId],
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        for d in diagnostics.iter_mut().filter(|d| d.acknowledged.is_none()) {
            let entry = BaselineEntry::of(sources, d);
            if let Some(n) = self.remaining.get_mut(&entry).filter(|n| **n > 0) {
                *n -= 1;
                d.acknowledged = Some(Acknowledgement::baseline());
            }
        }
        let mut stale = Vec::new();
        for &file in roots {
            let name = sources.name(file).to_string();
            if !self.settled.insert(name.clone()) {
                continue;
            }
            for (entry, n) in self.remaining.iter_mut().filter(|(e, _)| e.file == name) {
                for _ in 0..std::mem::take(n) {
                    stale.push(
                        Problem::StaleBaselineEntry {
                            span: Span::new(file, 0, 0),
                            code: entry.code.clone(),
                            statement: entry.place.clone(),
                        }
                        .into_diagnostic(None),
                    );
                }
            }
        }
        if !stale.is_empty() {
            diagnostics.extend(stale);
            sort_diagnostics(diagnostics);
        }
    }
}
