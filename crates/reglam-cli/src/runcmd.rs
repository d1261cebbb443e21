//! `reglam run` and `reglam audit`: the regulation on the working calendar.

use reglam_calendar::{Calendar, NaiveDate};
use reglam_diagnostics::Severity;
use reglam_model::{Analysis, Channel, Regulation, Scenario};
use reglam_run::{parse_events, parse_moment, render, Machine};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// How `run` and `audit` print.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum RunFormat {
    Human,
    Json,
}

fn fail(code: u8, msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(code)
}

/// Reads and resolves the files; refuses to run a model with errors (exit 1) or unreadable
/// files (exit 2).
fn load(paths: &[PathBuf], root: Option<PathBuf>) -> Result<Analysis, ExitCode> {
    let (analysis, io_errors) =
        reglam_pipeline::analyse_paths(reglam_pipeline::RealFs, paths, root);
    crate::report_input_errors(&io_errors)?;
    // Only errors of reading and resolving stop a run: the checks' deadline findings
    // (E020 and the like) are what running and auditing show on the calendar.
    let errors = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    if errors > 0 {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(fail(
            1,
            format!(
                "{} has {errors} error{}; run `reglam check {}` to see them",
                names.join(", "),
                if errors == 1 { "" } else { "s" },
                names.join(" ")
            ),
        ));
    }
    Ok(analysis)
}

/// The regulations of the files given (not of their imports).
fn regulations(analysis: &Analysis) -> impl Iterator<Item = &Regulation> {
    analysis
        .corpus
        .regulations
        .iter()
        .filter(|r| analysis.roots.contains(&r.file))
}

fn scenario_name(s: &Scenario) -> &str {
    s.id.as_deref().unwrap_or("-")
}

fn print(text: &str) -> ExitCode {
    // Names and texts of the act are in the timeline: no control sequence of a source reaches
    // the terminal (JSON escapes them itself).
    let text = reglam_diagnostics::escape_controls(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            fail(2, format!("cannot write the output: {e}"))
        }
        _ => ExitCode::SUCCESS,
    }
}

/// `reglam run`.
pub fn run(
    file: &Path,
    channel: &str,
    scenario: Option<&str>,
    submitted: &str,
    events: Option<&Path>,
    format: RunFormat,
    root: Option<PathBuf>,
) -> ExitCode {
    let Some(submitted) = parse_moment(submitted) else {
        return fail(
            2,
            format!("`{submitted}` is not a date and time like 2026-03-20T17:30"),
        );
    };
    let events = match events {
        None => None,
        Some(p) => match std::fs::read_to_string(p) {
            Ok(text) => match parse_events(&text) {
                Ok(ev) => Some(ev),
                Err(e) => return fail(2, format!("{}: {e}", p.display())),
            },
            Err(e) => return fail(2, format!("{}: {e}", p.display())),
        },
    };
    let analysis = match load(&[file.to_path_buf()], root) {
        Ok(a) => a,
        Err(code) => return code,
    };
    let found: Vec<(&Regulation, &Scenario, &Channel)> = regulations(&analysis)
        .flat_map(|r| r.channels().map(move |(s, c)| (r, s, c)))
        .filter(|(_, s, c)| c.id == channel && scenario.is_none_or(|x| s.id.as_deref() == Some(x)))
        .collect();
    let (_, _, ch) = match found.as_slice() {
        [one] => *one,
        [] => {
            let all: Vec<String> = regulations(&analysis)
                .flat_map(|r| r.channels())
                .map(|(s, c)| match &s.id {
                    Some(sid) => format!("{} (scenario {sid})", c.id),
                    None => c.id.clone(),
                })
                .collect();
            return fail(
                2,
                format!(
                    "no channel `{channel}`{} in {}; the channels are: {}",
                    scenario
                        .map(|s| format!(" in scenario `{s}`"))
                        .unwrap_or_default(),
                    file.display(),
                    all.join(", ")
                ),
            );
        }
        many => {
            let ss: Vec<&str> = many.iter().map(|(_, s, _)| scenario_name(s)).collect();
            return fail(
                2,
                format!(
                    "the channel `{channel}` is in several scenarios ({}); choose one with --scenario",
                    ss.join(", ")
                ),
            );
        }
    };
    let cal = Calendar::kazakhstan();
    let machine = match Machine::compile(ch) {
        Ok(m) => m,
        Err(e) => return fail(1, e),
    };
    let result = match &events {
        Some(ev) => reglam_run::replay(&machine, &cal, submitted, ev),
        None => reglam_run::run_worst_case(&machine, &cal, submitted),
    };
    let timeline = match result {
        Ok(t) => t,
        Err(e @ reglam_run::RunError::Event { .. }) => {
            return fail(1, e);
        }
        Err(e) => return fail(2, e),
    };
    match format {
        RunFormat::Human => print(&render::timeline(&timeline)),
        RunFormat::Json => match serde_json::to_string_pretty(&timeline) {
            Ok(s) => print(&format!("{s}\n")),
            Err(e) => fail(2, e),
        },
    }
}

/// `reglam audit`.
pub fn audit(
    paths: &[PathBuf],
    channel: Option<&str>,
    year: i32,
    format: RunFormat,
    limit: usize,
    root: Option<PathBuf>,
) -> ExitCode {
    let cal = Calendar::kazakhstan();
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return fail(2, format!("{year} is not a year"));
    };
    if let Err(e) = cal.year(year) {
        return fail(2, e);
    }
    let analysis = match load(paths, root) {
        Ok(a) => a,
        Err(code) => return code,
    };
    let mut text = String::new();
    let mut json = Vec::new();
    let mut matched = 0;
    let mut late_total = 0u64;
    for r in regulations(&analysis) {
        for (s, c) in r.channels() {
            if channel.is_some_and(|x| x != c.id) {
                continue;
            }
            matched += 1;
            let heading = match &s.id {
                Some(sid) => format!("{} / {sid}", r.id),
                None => r.id.clone(),
            };
            let result = Machine::compile(c).and_then(|m| reglam_run::audit(&m, &cal, from, to));
            match result {
                Ok(a) => {
                    late_total += a.late_minutes;
                    text.push_str(&format!("{heading}: "));
                    text.push_str(&render::audit(&a, limit));
                    json.push(serde_json::json!({
                        "regulation": r.id,
                        "scenario": s.id,
                        "audit": a,
                    }));
                }
                Err(reglam_run::RunError::NotRunnable { reason, .. }) => {
                    text.push_str(&format!("{heading}: {}: not audited: {reason}\n", c.id));
                    json.push(serde_json::json!({
                        "regulation": r.id,
                        "scenario": s.id,
                        "channel": c.id,
                        "skipped": reason,
                    }));
                }
                Err(e) => return fail(2, format!("{heading}: {}: {e}", c.id)),
            }
        }
    }
    if matched == 0 {
        return fail(
            2,
            match channel {
                Some(c) => format!("no channel `{c}` in the files given"),
                None => "no regulation in the files given".into(),
            },
        );
    }
    match format {
        RunFormat::Human => {
            text.push_str(&format!(
                "\n{year}: {late_total} late submission minutes over {matched} channel{}\n",
                if matched == 1 { "" } else { "s" }
            ));
            print(&text)
        }
        RunFormat::Json => {
            let v = serde_json::json!({ "year": year, "channels": json });
            match serde_json::to_string_pretty(&v) {
                Ok(s) => print(&format!("{s}\n")),
                Err(e) => fail(2, e),
            }
        }
    }
}
