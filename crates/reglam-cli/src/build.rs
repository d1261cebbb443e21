//! `reglam build DIR --out OUT`: the main job for a corpus. Checks everything, then writes for
//! each regulation its Markdown (Russian and Kazakh), DOT, SVG (when Graphviz is installed),
//! Mermaid and JSON, and an `index.md` of the whole corpus.
//!
//! Every file is written to a temporary name and renamed, so an interrupted build leaves whole
//! files only; files are produced in sorted order with no timestamps, so two builds of the same
//! input give the same bytes.

use crate::emit::write_atomically;
use crate::fsload;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use reglam_diagnostics::words;
use reglam_diagnostics::{render_human, Diagnostic};
use reglam_emit::{dot, json, markdown, mermaid};
use reglam_model::time::Fit;
use reglam_model::{Analysis, Corpus, Lang, Regulation};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

pub struct BuildArgs {
    pub dir: PathBuf,
    pub out: PathBuf,
    pub svg: bool,
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

/// Whether Graphviz's `dot` can be run.
fn graphviz_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn svg_of(dot_text: &str) -> Result<Vec<u8>, String> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(dot_text.as_bytes())
        .map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    Ok(out.stdout)
}

/// The output name of a regulation: its file's path under DIR without the extension, and the
/// regulation's name when a file holds several.
fn output_stem(analysis: &Analysis, dir: &Path, reg: &Regulation, several: bool) -> PathBuf {
    let file = PathBuf::from(analysis.sources.name(reg.file));
    let rel = file
        .strip_prefix(dir)
        .map(Path::to_path_buf)
        .unwrap_or(file.clone());
    let mut stem = rel.with_extension("");
    if several {
        let name = format!(
            "{}.{}",
            stem.file_name().unwrap_or_default().to_string_lossy(),
            reg.id
        );
        stem.set_file_name(name);
    }
    stem
}

/// The part of the corpus a regulation's JSON carries: its act and its standard.
fn corpus_for(analysis: &Analysis, reg: &Regulation) -> Corpus {
    let folder = Path::new(analysis.sources.name(reg.file))
        .parent()
        .map(Path::to_path_buf);
    Corpus {
        acts: analysis
            .corpus
            .acts
            .iter()
            .filter(|a| {
                Path::new(analysis.sources.name(a.file))
                    .parent()
                    .map(Path::to_path_buf)
                    == folder
            })
            .cloned()
            .collect(),
        standards: analysis
            .corpus
            .standards
            .iter()
            .filter(|s| reg.implements.as_ref().is_some_and(|(id, _)| *id == s.id))
            .cloned()
            .collect(),
        regulations: vec![reg.clone()],
    }
}

/// `base` with `.suffix` appended. (`Path::with_extension` would replace a dotted part of the
/// name, such as the channel in `01-oralman.state_corp`.)
fn suffixed(base: &Path, suffix: &str) -> PathBuf {
    let mut name = base.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn channel_file_name(scenario: Option<&str>, channel: &str) -> String {
    match scenario {
        Some(s) => format!("{s}.{channel}"),
        None => channel.to_string(),
    }
}

pub fn run(args: BuildArgs) -> ExitCode {
    let inputs = fsload::discover(std::slice::from_ref(&args.dir), None);
    if !inputs.io_errors.is_empty() {
        for e in &inputs.io_errors {
            eprintln!("error: {e}");
        }
        return ExitCode::from(2);
    }
    let svg = args.svg && graphviz_available();
    if args.svg && !svg {
        eprintln!("note: Graphviz (`dot`) is not installed: SVG files are skipped");
    }
    let progress = Progress::new(inputs.files.len());
    let mut out = Output {
        written: 0,
        failures: Vec::new(),
    };
    let mut index_rows = String::new();
    let mut reported = fsload::ReportedOnce::default();
    let (mut regulations, mut errors, mut warnings, mut broken) = (0usize, 0usize, 0usize, false);
    let mut io_errors = Vec::new();
    // Part by part, like `reglam check`: memory stays bounded however large the corpus.
    for part in fsload::parts(&inputs.files) {
        let fsload::Part {
            analysis,
            diagnostics,
            errors: e,
            warnings: w,
        } = inputs.check_part(part, &mut reported, &mut io_errors);
        errors += e;
        warnings += w;
        // Errors in how a file is written leave its model incomplete: it is not rendered, and
        // the build fails. Findings about an act's content (E020 and up) are what the
        // documents show.
        let broken_files: HashSet<usize> = diagnostics
            .iter()
            .filter(|d| d.is_malformed())
            .map(|d| d.primary.span.file)
            .collect();
        if !broken_files.is_empty() {
            broken = true;
            let blocking: Vec<Diagnostic> = diagnostics
                .iter()
                .filter(|d| broken_files.contains(&d.primary.span.file) && d.is_error())
                .cloned()
                .collect();
            let mut err = StandardStream::stderr(ColorChoice::Never);
            let _ = render_human(&mut err, &analysis.sources, &blocking);
        }
        let roots: HashSet<usize> = analysis.roots.iter().copied().collect();
        let mut regs: Vec<&Regulation> = analysis
            .corpus
            .regulations
            .iter()
            .filter(|r| roots.contains(&r.file) && !broken_files.contains(&r.file))
            .collect();
        regs.sort_by(|a, b| {
            (analysis.sources.name(a.file), &a.id).cmp(&(analysis.sources.name(b.file), &b.id))
        });
        let mut per_file: BTreeMap<usize, usize> = BTreeMap::new();
        for r in &regs {
            *per_file.entry(r.file).or_default() += 1;
        }
        let mut by_file: HashMap<usize, Vec<&Diagnostic>> = HashMap::new();
        for d in &diagnostics {
            by_file.entry(d.primary.span.file).or_default().push(d);
        }
        for reg in regs {
            let stem = output_stem(&analysis, &args.dir, reg, per_file[&reg.file] > 1);
            progress.step(
                regulations.min(inputs.files.len().saturating_sub(1)),
                &stem.display().to_string(),
            );
            regulations += 1;
            regulation_outputs(&analysis, reg, &args.out.join(&stem), svg, &mut out);
            let file_diags = by_file.get(&reg.file).map_or(&[][..], |v| &v[..]);
            index_rows.push_str(&index_rows_of(&stem, reg, file_diags));
        }
    }
    progress.done();
    let index = format!("{}{index_rows}", index_header());
    out.write(args.out.join("index.md"), index.as_bytes());
    for f in io_errors.iter().chain(&out.failures) {
        eprintln!("error: {f}");
    }
    eprintln!(
        "built {regulations} regulation{} into {}: {} files; {errors} error{} and {warnings} warning{} in the acts (see index.md)",
        if regulations == 1 { "" } else { "s" },
        args.out.display(),
        out.written,
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
    );
    if !out.failures.is_empty() || !io_errors.is_empty() {
        ExitCode::from(2)
    } else if broken {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Where a build writes, and what happened.
struct Output {
    written: usize,
    failures: Vec<String>,
}

impl Output {
    fn write(&mut self, path: PathBuf, bytes: &[u8]) {
        if let Some(parent) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                self.failures
                    .push(format!("cannot create {}: {e}", parent.display()));
                return;
            }
        }
        match write_atomically(&path, bytes) {
            Ok(()) => self.written += 1,
            Err(e) => self
                .failures
                .push(format!("cannot write {}: {e}", path.display())),
        }
    }
}

/// Everything one regulation publishes: Markdown in both languages, JSON, and per channel
/// DOT, Mermaid, SCXML, BPMN and (with Graphviz) SVG.
fn regulation_outputs(
    analysis: &Analysis,
    reg: &Regulation,
    base: &Path,
    svg: bool,
    out: &mut Output,
) {
    for (lang, suffix) in [(Lang::Ru, "ru"), (Lang::Kk, "kk")] {
        let md = markdown::render(&analysis.corpus, reg, lang);
        out.write(suffixed(base, &format!("{suffix}.md")), md.as_bytes());
    }
    let doc = json::document(&corpus_for(analysis, reg));
    out.write(suffixed(base, "json"), json::to_string(&doc).as_bytes());
    for (scenario, channel) in reg.channels() {
        let name = channel_file_name(scenario.id.as_deref(), &channel.id);
        let diagram_base = suffixed(base, &name);
        let dot_text = dot::channel(reg, scenario, channel, Lang::Ru);
        out.write(suffixed(&diagram_base, "dot"), dot_text.as_bytes());
        let mmd = mermaid::channel(reg, scenario, channel, Lang::Ru);
        out.write(suffixed(&diagram_base, "mmd"), mmd.as_bytes());
        // Exports for other workflow engines (docs/interchange.md); a channel the runtime
        // cannot compile (an unbounded cycle) has none.
        for (ext, doc) in [
            (
                "scxml",
                reglam_interchange::scxml::channel(reg, scenario, channel, Lang::Ru),
            ),
            (
                "bpmn",
                reglam_interchange::bpmn::channel(reg, scenario, channel, Lang::Ru),
            ),
        ] {
            match doc {
                Ok(text) => out.write(suffixed(&diagram_base, ext), text.as_bytes()),
                Err(e) => eprintln!("note: no .{ext} for {}: {e}", diagram_base.display()),
            }
        }
        if svg {
            match svg_of(&dot_text) {
                Ok(bytes) => out.write(suffixed(&diagram_base, "svg"), &bytes),
                Err(e) => out.failures.push(format!(
                    "Graphviz failed on {}: {e}",
                    diagram_base.display()
                )),
            }
        }
    }
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The top of `index.md`: the corpus at a glance, every regulation with its channels,
/// deadlines, worst-case totals and findings.
fn index_header() -> String {
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

/// The rows of `index.md` for one regulation, one per channel.
fn index_rows_of(stem: &Path, reg: &Regulation, file_diags: &[&Diagnostic]) -> String {
    let mut out = String::new();
    {
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
    }
    out
}
