//! The checks: everything Reglam reports beyond syntax and names. Each check reads the model
//! (or, for lexical checks, the syntax tree) and reports [`Problem`]s; none changes anything.

mod graph;
mod lexical;

use reglam_diagnostics::{sort_diagnostics, Diagnostic, Problem};
use reglam_model::{Analysis, Citation};

/// Runs every check over an analysis and returns the lowering's diagnostics with the checks'
/// added, sorted.
pub fn check(analysis: &Analysis) -> Vec<Diagnostic> {
    let mut out = Findings::default();
    for reg in &analysis.corpus.regulations {
        graph::regulation(reg, &mut out);
    }
    for (_, syntax) in &analysis.syntax {
        lexical::file(syntax, &mut out);
    }
    let mut all = analysis.diagnostics.clone();
    all.extend(out.diagnostics);
    sort_diagnostics(&mut all);
    all.dedup();
    all
}

#[derive(Default)]
pub(crate) struct Findings {
    diagnostics: Vec<Diagnostic>,
}

impl Findings {
    pub(crate) fn report(&mut self, problem: Problem, cite: Option<&Citation>) {
        self.diagnostics
            .push(problem.into_diagnostic(cite.map(|c| format!("@{} ({})", c.raw, c.describe()))));
    }
}
