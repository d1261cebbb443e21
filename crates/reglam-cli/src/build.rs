//! `reglam build DIR --out OUT`: the pipeline's build, with progress on a terminal and its
//! report on stderr.

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use reglam_diagnostics::render_human;
use reglam_model::Lang;
use reglam_pipeline::build::graphviz_available;
use reglam_pipeline::{BuildLangs, BuildOptions, Event, RealFs, WriteFailure};
use std::io::{IsTerminal, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

pub struct BuildArgs {
    pub dir: PathBuf,
    pub out: PathBuf,
    pub svg: bool,
    pub langs: BuildLangs,
    pub root: Option<PathBuf>,
}

/// `reglam build --lang`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum BuildLangArg {
    Ru,
    Kk,
    Both,
}

impl From<BuildLangArg> for BuildLangs {
    fn from(l: BuildLangArg) -> BuildLangs {
        match l {
            BuildLangArg::Ru => BuildLangs::Only(Lang::Ru),
            BuildLangArg::Kk => BuildLangs::Only(Lang::Kk),
            BuildLangArg::Both => BuildLangs::Both,
        }
    }
}

/// Progress on a terminal only: quiet when piped or in CI.
struct Progress {
    on: bool,
    total: usize,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let on = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        Progress { on, total }
    }
    fn step(&self, i: usize, what: &str) {
        if self.on {
            eprint!("\r\x1b[2K[{}/{}] {what}", i + 1, self.total);
            let _ = std::io::stderr().flush();
        }
    }
    fn done(&self) {
        if self.on {
            eprint!("\r\x1b[2K");
        }
    }
}

pub(crate) fn failure(f: &WriteFailure) -> String {
    reglam_diagnostics::escape_controls(&failure_raw(f)).into_owned()
}

fn failure_raw(f: &WriteFailure) -> String {
    match f {
        WriteFailure::CreateDir { dir, error } => {
            format!("cannot create {}: {error}", dir.display())
        }
        WriteFailure::Write { path, error } => format!("cannot write {}: {error}", path.display()),
        WriteFailure::Graphviz { base, reason } => {
            format!("Graphviz failed on {}: {reason}", base.display())
        }
        WriteFailure::NotAFile { path } => format!(
            "not replacing {}: it is a link, a device, a FIFO or a folder, not a regular file",
            path.display()
        ),
        WriteFailure::NotOwned { path } => format!(
            "not replacing {}: no earlier build wrote it (it is not in {})",
            path.display(),
            reglam_pipeline::build::MANIFEST
        ),
        WriteFailure::Lock { path, error } => {
            format!("cannot lock {}: {error}", path.display())
        }
        WriteFailure::Remove { path, error } => {
            format!("cannot remove {}: {error}", path.display())
        }
    }
}

pub fn run(args: BuildArgs) -> ExitCode {
    let inputs =
        reglam_pipeline::discover(RealFs, std::slice::from_ref(&args.dir), args.root.clone());
    if let Err(code) = crate::report_input_errors(&inputs.errors) {
        return code;
    }
    let svg = args.svg && graphviz_available();
    if args.svg && !svg {
        eprintln!("note: Graphviz (`dot`) is not installed: SVG files are skipped");
    }
    let progress = Progress::new(inputs.files.len());
    let options = BuildOptions {
        dir: args.dir,
        out: args.out,
        svg,
        langs: args.langs,
    };
    let last = inputs.files.len().saturating_sub(1);
    let report = reglam_pipeline::build(&inputs, &options, &mut |event| match event {
        Event::Broken { analysis, errors } => {
            let mut err = StandardStream::stderr(ColorChoice::Never);
            let _ = render_human(&mut err, &analysis.sources, errors);
        }
        Event::Regulation { index, stem } => {
            let stem = stem.display().to_string();
            progress.step(index.min(last), &reglam_diagnostics::escape_controls(&stem));
        }
        Event::NotExported {
            base,
            extension,
            error,
        } => eprintln!(
            "note: no .{extension} for {}: {error}",
            reglam_diagnostics::escape_controls(&base.display().to_string())
        ),
        Event::Collision {
            analysis,
            diagnostic,
        } => {
            let mut err = StandardStream::stderr(ColorChoice::Never);
            let _ = render_human(
                &mut err,
                &analysis.sources,
                std::slice::from_ref(diagnostic),
            );
        }
    });
    progress.done();
    for e in &report.input_errors {
        eprintln!("error: {}", crate::cannot_read(e));
    }
    for f in &report.failures {
        eprintln!("error: {}", failure(f));
    }
    if report.fallback_outputs > 0 {
        eprintln!(
            "note: {}",
            reglam_diagnostics::words::fallback_outputs(
                report.fallback_outputs,
                report.fallback_regulations
            )
        );
    }
    let (regulations, errors, warnings) = (report.regulations, report.errors, report.warnings);
    eprintln!(
        "built {regulations} regulation{} into {}: {} files; {errors} error{} and {warnings} warning{} in the acts (see index.md)",
        if regulations == 1 { "" } else { "s" },
        options.out.display(),
        report.written,
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
    );
    if !report.failures.is_empty() || !report.input_errors.is_empty() {
        ExitCode::from(2)
    } else if report.broken || report.collisions > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
