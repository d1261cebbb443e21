//! The checks: everything Reglam reports beyond syntax and names. Each check reads the model
//! (or, for lexical checks, the syntax tree) and reports [`Problem`]s; none changes anything.

mod acknowledge;
pub mod baseline;
mod graph;
mod lexical;

pub use baseline::{Baseline, BaselineEntry, BaselineMatcher};
use reglam_diagnostics::{sort_diagnostics, Diagnostic, FileId, Problem};
use reglam_model::{par_map, Analysis, Citation, Regulation};
use std::collections::HashSet;

/// Runs every check over an analysis and returns the lowering's diagnostics with the checks'
/// added, sorted.
pub fn check(analysis: &Analysis) -> Vec<Diagnostic> {
    // Regulations and files are independent: check them on all cores, then merge and sort, so
    // the result does not depend on the number of cores.
    let regulations: Vec<&Regulation> = analysis.corpus.regulations.iter().collect();
    let damaged: HashSet<FileId> = analysis
        .syntax
        .iter()
        .filter(|(_, syntax)| syntax.has_errors())
        .map(|(id, _)| *id)
        .collect();
    let graph = par_map(&regulations, |reg| {
        let mut out = Findings::default();
        graph::regulation(reg, !damaged.contains(&reg.file), &mut out);
        out.diagnostics
    });
    let lexical = par_map(&analysis.syntax, |(id, syntax)| {
        let mut out = Findings::default();
        lexical::file(syntax, &mut out);
        lexical::bidi_controls(*id, analysis.sources.text(*id), &mut out);
        out.diagnostics
    });
    let mut all = analysis.diagnostics.clone();
    all.extend(graph.into_iter().flatten());
    all.extend(lexical.into_iter().flatten());
    sort_diagnostics(&mut all);
    all.dedup();
    acknowledge::apply(&regulations, &damaged, &mut all);
    all
}

#[derive(Default)]
pub(crate) struct Findings {
    diagnostics: Vec<Diagnostic>,
}

impl Findings {
    pub(crate) fn report(&mut self, problem: Problem, cite: Option<&Citation>) {
        self.diagnostics
            .push(problem.into_diagnostic(cite.map(|c| c.raw.as_str())));
    }
}
