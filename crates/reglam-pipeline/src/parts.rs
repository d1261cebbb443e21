//! A large corpus is processed part by part, so memory stays bounded however many files
//! there are; a finding is reported once even when several parts see its file.

use crate::discover::{InputError, Inputs};
use crate::fs::FileSystem;
use reglam_diagnostics::Diagnostic;
use reglam_model::Analysis;
use std::collections::HashSet;
use std::path::PathBuf;

/// Files analysed together. `REGLAM_CHUNK` overrides it (the tests use it to exercise
/// several parts on a small corpus).
pub fn part_size() -> usize {
    const PART: usize = 1000;
    std::env::var("REGLAM_CHUNK")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|c| *c > 0)
        .unwrap_or(PART)
}

/// The files in parts of [`part_size`]; an empty list is one empty part, so a run still reports.
pub fn parts(files: &[PathBuf]) -> Vec<&[PathBuf]> {
    if files.is_empty() {
        vec![&[]]
    } else {
        files.chunks(part_size()).collect()
    }
}

/// One part of a run: analysed and checked, with only the findings new to the run, counted.
pub struct Part {
    pub analysis: Analysis,
    pub diagnostics: Vec<Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
}

impl<F: FileSystem> Inputs<F> {
    /// Analyses and checks `files`; problems reading them go to `errors`.
    pub fn check_part(
        &self,
        files: &[PathBuf],
        reported: &mut ReportedOnce,
        errors: &mut Vec<InputError>,
    ) -> Part {
        let (analysis, more) = self.analyse(files);
        errors.extend(more);
        let mut diagnostics = reglam_check::check(&analysis);
        reported.retain_new(&analysis, &mut diagnostics);
        // Acknowledged findings are shown but not counted: they do not fail a run.
        let errors = diagnostics.iter().filter(|d| d.fails()).count();
        let warnings = diagnostics
            .iter()
            .filter(|d| !d.is_error() && !d.is_acknowledged())
            .count();
        Part {
            analysis,
            diagnostics,
            errors,
            warnings,
        }
    }
}

/// Keeps only the diagnostics not reported by an earlier part: a file imported by several
/// parts (a Standard) comes back with each, and again in the part where it is itself a root.
#[derive(Default)]
pub struct ReportedOnce {
    seen: HashSet<(String, u32, u32, &'static str, String)>,
}

impl ReportedOnce {
    pub fn retain_new(&mut self, analysis: &Analysis, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain(|d| {
            self.seen.insert((
                analysis.sources.name(d.primary.span.file).to_string(),
                d.primary.span.start,
                d.primary.span.end,
                d.code.as_str(),
                d.message.clone(),
            ))
        });
    }
}
