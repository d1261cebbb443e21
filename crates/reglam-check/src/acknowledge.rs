//! After every check: the findings the files acknowledge are marked, and an acknowledgement
//! that matches none is reported (W071).
//!
//! The rule: `acknowledge CODE ELEMENT …` matches every finding of code `CODE` (a finding of
//! the act, not a malformed file) whose primary span lies in the same file, inside one of the
//! statements named `ELEMENT` in the block the acknowledgement is written in (the regulation's
//! or the channel's, the block's own statement included).

use reglam_diagnostics::{
    sort_diagnostics, Acknowledgement, Code, CodeKind, Diagnostic, FileId, Problem,
};
use reglam_model::Regulation;
use std::collections::HashSet;

pub(crate) fn apply(
    regulations: &[&Regulation],
    damaged: &HashSet<FileId>,
    all: &mut Vec<Diagnostic>,
) {
    let mut stale = Vec::new();
    for reg in regulations {
        for ack in &reg.acknowledgements {
            let code = Code::find(&ack.code).filter(|c| c.kind() == CodeKind::Finding);
            let mut matched = false;
            for d in all.iter_mut() {
                let span = d.primary.span;
                let inside = span.file == reg.file
                    && ack
                        .regions
                        .iter()
                        .any(|r| r.file == span.file && r.start <= span.start && span.end <= r.end);
                if Some(d.code) == code && inside && d.acknowledged.is_none() {
                    d.acknowledged = Some(Acknowledgement::in_source(
                        ack.reason.clone(),
                        ack.cite.as_ref().map(|c| c.raw.clone()),
                    ));
                    matched = true;
                }
            }
            // A damaged file is not checked in full: its findings may be missing, not gone.
            if !matched && !damaged.contains(&reg.file) {
                stale.push(
                    Problem::StaleAcknowledgement {
                        span: ack.span,
                        code: ack.code.clone(),
                        target: ack.target.clone(),
                    }
                    .into_diagnostic(ack.cite.as_ref().map(|c| c.raw.as_str())),
                );
            }
        }
    }
    if !stale.is_empty() {
        all.extend(stale);
        sort_diagnostics(all);
    }
}
