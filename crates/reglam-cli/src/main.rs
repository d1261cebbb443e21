//! `reglam`: checks regulations and explains its diagnostics.

mod build;
mod emit;
mod runcmd;
mod stdin;
mod summary;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use reglam_diagnostics::{
    json_items, render_github, render_gitlab, render_human, render_json, render_sarif, Code,
    JsonDiagnostic,
};
use reglam_pipeline::InputError;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const DIAGNOSTICS_DOC: &str = include_str!("../../../docs/diagnostics.md");

#[derive(Parser)]
#[command(
    name = "reglam",
    version,
    about = "Checks public-service regulations written in Reglam"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check files and directories (recursively, *.reglam).
    Check {
        /// Files or directories to check; `-` reads standard input (named `<stdin>`, its
        /// imports resolved from the current directory).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// How to print the findings: for people, JSON, SARIF, GitHub Actions annotations or
        /// a GitLab Code Quality report (the last two leave acknowledged findings out).
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// When to colour the human format: `auto` on a terminal, unless `NO_COLOR` is set
        /// and not empty; `CLICOLOR_FORCE` set and not `0` colours off a terminal too.
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// After the findings, list every channel's longest path, deadline and slack.
        #[arg(long)]
        summary: bool,
        /// The tree imports may not leave, in addition to the paths given (by default the
        /// paths given alone: a file's folder, a directory's tree).
        #[arg(long)]
        root: Option<PathBuf>,
        /// Findings listed in this baseline file are shown as acknowledged and do not fail the
        /// run (see docs/ci.md).
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Write every finding not acknowledged in its file to this baseline file.
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
    },
    /// Check a corpus and write every regulation's documents and diagrams, with an index.
    Build {
        /// The folder of regulations.
        dir: PathBuf,
        /// Where to write (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// Skip SVG even when Graphviz is installed.
        #[arg(long)]
        no_svg: bool,
        /// The language of documents and diagrams (default: each regulation's own, its file's
        /// `lang`); `both` writes each in both, file names carrying the language (`x.kk.dot`).
        /// Markdown is always in both. A text missing in a language is shown in the other, and
        /// the document says so once.
        #[arg(long, value_enum)]
        lang: Option<build::BuildLangArg>,
        /// The tree imports may not leave, in addition to the paths given (by default the
        /// paths given alone: a file's folder, a directory's tree).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Write one file's regulations as Graphviz DOT, Mermaid, JSON or a Markdown document (stdout by default).
    Emit {
        /// The format to write.
        #[arg(value_enum)]
        format: emit::EmitFormat,
        /// The regulation file.
        file: PathBuf,
        /// Only this channel (default: every channel).
        #[arg(long)]
        channel: Option<String>,
        /// Only this scenario (default: every scenario).
        #[arg(long)]
        scenario: Option<String>,
        /// The language of labels (default: the regulation's own, its file's `lang`); a text
        /// missing in it is shown in the other language, and the document says so once.
        #[arg(long, value_enum)]
        lang: Option<emit::LangArg>,
        /// Write to this file (atomically) instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The tree imports may not leave, in addition to the paths given (by default the
        /// paths given alone: a file's folder, a directory's tree).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Run a channel on the working calendar: its worst case, or a real case from events.
    Run {
        /// The file with the regulation.
        file: PathBuf,
        /// The channel to run.
        #[arg(long)]
        channel: String,
        /// The scenario, when the channel is in several.
        #[arg(long)]
        scenario: Option<String>,
        /// When the application was received, e.g. 2026-03-20T17:30 (Kazakhstan time).
        #[arg(long)]
        submitted: String,
        /// A JSON-lines file of events to replay a real case.
        #[arg(long)]
        events: Option<PathBuf>,
        /// How to print the timeline.
        #[arg(long, value_enum, default_value_t = runcmd::RunFormat::Human)]
        format: runcmd::RunFormat,
        /// The tree imports may not leave, in addition to the paths given (by default the
        /// paths given alone: a file's folder, a directory's tree).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Find the submission moments of a year at which the worst case ends after the deadline.
    Audit {
        /// Files or directories (recursively, *.reglam).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Only this channel.
        #[arg(long)]
        channel: Option<String>,
        /// The year to audit.
        #[arg(long)]
        year: i32,
        /// How to print the audit.
        #[arg(long, value_enum, default_value_t = runcmd::RunFormat::Human)]
        format: runcmd::RunFormat,
        /// How many late intervals to list per channel (human format).
        #[arg(long, default_value_t = 5)]
        limit: usize,
        /// The tree imports may not leave, in addition to the paths given (by default the
        /// paths given alone: a file's folder, a directory's tree).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Draft Reglam files from an act's plain text, or score a draft against a reference.
    Import(reglam_import::cli::ImportArgs),
    /// Print the documentation of a diagnostic code, such as E020.
    Explain {
        /// The code, e.g. E020 or w051.
        code: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Gitlab,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

/// Whether to colour: the flag, then `NO_COLOR` (no-color.org: set and not empty disables),
/// then `CLICOLOR_FORCE` (set and not `0` forces), then whether stdout is a terminal (that is
/// not `TERM=dumb`). `env` reads a variable.
fn use_color(
    arg: ColorArg,
    terminal: bool,
    env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else if env("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else {
                terminal && env("TERM").as_deref() != Some(std::ffi::OsStr::new("dumb"))
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            paths,
            format,
            color,
            deny_warnings,
            summary,
            root,
            baseline,
            write_baseline,
        } => check(
            &paths,
            format,
            CheckOptions {
                color,
                deny_warnings,
                summary,
                baseline,
                write_baseline,
            },
            root,
        ),
        Command::Build {
            dir,
            out,
            no_svg,
            lang,
            root,
        } => build::run(build::BuildArgs {
            dir,
            out,
            svg: !no_svg,
            langs: lang.map(Into::into).unwrap_or_default(),
            root,
        }),
        Command::Emit {
            format,
            file,
            channel,
            scenario,
            lang,
            out,
            root,
        } => emit::run(emit::EmitArgs {
            format,
            file,
            channel,
            scenario,
            lang,
            out,
            root,
        }),
        Command::Run {
            file,
            channel,
            scenario,
            submitted,
            events,
            format,
            root,
        } => runcmd::run(
            &file,
            &channel,
            scenario.as_deref(),
            &submitted,
            events.as_deref(),
            format,
            root,
        ),
        Command::Audit {
            paths,
            channel,
            year,
            format,
            limit,
            root,
        } => runcmd::audit(&paths, channel.as_deref(), year, format, limit, root),
        Command::Import(args) => reglam_import::cli::run(args),
        Command::Explain { code } => explain(&code),
    }
}

/// How `check` reports, beyond the format.
struct CheckOptions {
    color: ColorArg,
    deny_warnings: bool,
    summary: bool,
    baseline: Option<PathBuf>,
    write_baseline: Option<PathBuf>,
}

fn check(
    paths: &[PathBuf],
    format: Format,
    options: CheckOptions,
    root: Option<PathBuf>,
) -> ExitCode {
    let mut matcher = match &options.baseline {
        None => None,
        Some(path) => match read_baseline(path) {
            Ok(b) => Some(reglam_check::BaselineMatcher::new(&b)),
            Err(e) => {
                eprintln!("error: cannot read the baseline {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
    };
    let mut written = reglam_check::Baseline::default();
    let (fs, paths) = match stdin::WithStdin::new(paths) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", stdin::STDIN_NAME);
            return ExitCode::from(2);
        }
    };
    let inputs = reglam_pipeline::discover(fs, &paths, root);
    if inputs.files.is_empty() && inputs.errors.is_empty() {
        // Nothing to check is a mistake in the command (a wrong folder, a missing glob), not
        // a clean run: a CI gating on it would pass on nothing.
        eprintln!(
            "error: checked 0 files: no *.reglam file in the paths given; give a file, a folder \
             holding .reglam files, or - for standard input"
        );
        return ExitCode::from(2);
    }
    let mut io_errors = inputs.errors.clone();
    let stdout = std::io::stdout();
    let color = if use_color(options.color, stdout.is_terminal(), |k| std::env::var_os(k)) {
        ColorChoice::Always
    } else {
        ColorChoice::Never
    };
    let mut human = StandardStream::stdout(color);
    let mut items: Vec<JsonDiagnostic> = Vec::new();
    let mut summary_rows = Vec::new();
    let mut reported = reglam_pipeline::ReportedOnce::default();
    let (mut files, mut errors, mut warnings, mut acknowledged) = (0, 0, 0, 0);
    let mut write_failed = None;
    // An empty list (only files that could not be read) still runs once, so the count is said.
    for chunk in reglam_pipeline::parts(&inputs.files) {
        let reglam_pipeline::Part {
            analysis,
            mut diagnostics,
            ..
        } = inputs.check_part(chunk, &mut reported, &mut io_errors);
        files += analysis.roots.len();
        if let Some(m) = &mut matcher {
            m.apply(&analysis.sources, &analysis.roots, &mut diagnostics);
        }
        if options.write_baseline.is_some() {
            written.record(&analysis.sources, &mut diagnostics);
        }
        errors += diagnostics.iter().filter(|d| d.fails()).count();
        acknowledged += diagnostics.iter().filter(|d| d.is_acknowledged()).count();
        warnings += diagnostics
            .iter()
            .filter(|d| !d.is_error() && !d.is_acknowledged())
            .count();
        match format {
            Format::Human => {
                if let Err(e) = render_human(&mut human, &analysis.sources, &diagnostics) {
                    write_failed.get_or_insert(e);
                }
                if options.summary {
                    summary_rows.extend(summary::rows(&analysis));
                }
            }
            Format::Json | Format::Sarif | Format::Github | Format::Gitlab => {
                items.extend(json_items(&analysis.sources, &diagnostics))
            }
        }
    }
    let result = match format {
        Format::Human if options.summary => {
            write!(stdout.lock(), "\n{}", summary::table(summary_rows))
        }
        Format::Human => Ok(()),
        Format::Json => writeln!(stdout.lock(), "{}", render_json(&items)),
        Format::Sarif => writeln!(
            stdout.lock(),
            "{}",
            render_sarif(&items, env!("CARGO_PKG_VERSION"))
        ),
        Format::Github => write!(stdout.lock(), "{}", render_github(&items)),
        Format::Gitlab => writeln!(stdout.lock(), "{}", render_gitlab(&items)),
    };
    if let Some(e) = write_failed.or(result.err()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the report: {e}");
            return ExitCode::from(2);
        }
    }
    for e in &io_errors {
        eprintln!("error: {}", cannot_read(e));
    }
    if let Some(path) = &options.write_baseline {
        if let Err(e) = reglam_pipeline::write_atomically(path, written.to_json().as_bytes()) {
            eprintln!("error: cannot write the baseline {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    if matches!(format, Format::Human) {
        let acknowledged = if acknowledged > 0 {
            format!(" ({acknowledged} acknowledged, not counted)")
        } else {
            String::new()
        };
        eprintln!(
            "checked {files} file{}: {errors} error{}, {warnings} warning{}{acknowledged}",
            plural(files),
            plural(errors),
            plural(warnings)
        );
    }
    if !io_errors.is_empty() {
        ExitCode::from(2)
    } else if errors > 0 || (options.deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The baseline file given with `--baseline`.
fn read_baseline(path: &std::path::Path) -> Result<reglam_check::Baseline, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    reglam_check::Baseline::from_json(&text).map_err(|e| e.to_string())
}

/// How a path that could not be read is reported.
pub(crate) fn cannot_read(e: &InputError) -> String {
    // A file's name is the file system's, not ours: shown escaped.
    let e = &InputError {
        path: reglam_diagnostics::escape_controls(&e.path).into_owned(),
        failure: e.failure.clone(),
    };
    match e.failure {
        reglam_diagnostics::ReadFailure::TooLarge { size } => format!(
            "cannot read {}: the file is {size} bytes, more than the {} Reglam reads",
            e.path,
            reglam_syntax::MAX_FILE_BYTES
        ),
        ref failure => format!(
            "cannot read {}: {}",
            e.path,
            reglam_diagnostics::words::read_failure(failure)
        ),
    }
}

/// Prints the problems reading the inputs; exit code 2 when there are any.
pub(crate) fn report_input_errors(errors: &[InputError]) -> Result<(), ExitCode> {
    for e in errors {
        eprintln!("error: {}", cannot_read(e));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ExitCode::from(2))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Prints the section of docs/diagnostics.md about `code`.
fn explain(code: &str) -> ExitCode {
    let Some(code) = Code::find(code) else {
        eprintln!("error: `{code}` is not a Reglam diagnostic code; codes look like E020 or W051");
        return ExitCode::from(2);
    };
    match explanation(DIAGNOSTICS_DOC, code.as_str()) {
        Some(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("error: {} has no documentation yet", code.as_str());
            ExitCode::from(2)
        }
    }
}

/// The text under the `## CODE` heading, up to the next heading of that level.
fn explanation(doc: &str, code: &str) -> Option<String> {
    let start = doc.find(&format!("\n## {code}"))? + 1;
    let rest = &doc[start..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3);
    Some(rest[..end].trim_end().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_follows_the_flag_then_no_color_then_clicolor_force_then_the_terminal() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| std::ffi::OsString::from(v))
            }
        };
        use ColorArg::*;
        assert!(use_color(Always, false, env(&[("NO_COLOR", "1")])));
        assert!(!use_color(Never, true, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(use_color(Auto, true, env(&[])));
        assert!(!use_color(Auto, false, env(&[])));
        assert!(!use_color(Auto, true, env(&[("TERM", "dumb")])));
        assert!(!use_color(Auto, true, env(&[("NO_COLOR", "1")])));
        // Set but empty is not set (no-color.org).
        assert!(use_color(Auto, true, env(&[("NO_COLOR", "")])));
        assert!(use_color(Auto, false, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(!use_color(Auto, false, env(&[("CLICOLOR_FORCE", "0")])));
        assert!(!use_color(
            Auto,
            false,
            env(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")])
        ));
    }

    #[test]
    fn every_code_is_documented() {
        for info in reglam_diagnostics::CATALOGUE {
            let text = explanation(DIAGNOSTICS_DOC, info.code).unwrap_or_else(|| {
                panic!("{} is not documented in docs/diagnostics.md", info.code)
            });
            assert!(
                text.contains(info.title),
                "{}: the heading should carry the title \"{}\"",
                info.code,
                info.title
            );
            // Problems of whole files (encoding, size, depth, imports) cannot be shown in one inline
            // example; their sections describe how to reproduce them instead.
            // E029 needs two files and a build, W070 an invisible character: described too.
            let file_level = [
                "E002", "E005", "E006", "E010", "E011", "E012", "E029", "W070", "W072",
            ];
            if !file_level.contains(&info.code) {
                assert!(
                    text.contains("```reglam,fails=") && text.contains("```reglam\n"),
                    "{}: needs a wrong and a corrected example",
                    info.code
                );
            }
        }
    }
}
