//! `reglam build`: a corpus checked part by part, every regulation written in every format of
//! [`FORMATS`](crate::formats::FORMATS), and `index.md`. Files are written atomically: a
//! reader never sees a half-written one.

use crate::discover::{InputError, Inputs};
use crate::formats::{Render, Selection, FORMATS};
use crate::fs::FileSystem;
use crate::parts::{parts, Part, ReportedOnce};
use reglam_diagnostics::Diagnostic;
use reglam_interchange::ExportError;
use reglam_model::{Analysis, Corpus, Regulation};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a build was asked for.
pub struct BuildOptions {
    /// The folder of regulations (output names are relative to it).
    pub dir: PathBuf,
    /// Where to write.
    pub out: PathBuf,
    /// Whether to run Graphviz for SVG diagrams.
    pub svg: bool,
}

/// Something a build reports as it goes.
pub enum Event<'a> {
    /// Files with errors in how they are written: not rendered; these are their errors.
    Broken {
        analysis: &'a Analysis,
        errors: &'a [Diagnostic],
    },
    /// The `index`th regulation is about to be written under `stem`.
    Regulation { index: usize, stem: &'a Path },
    /// A channel a format cannot express (such as an unbounded cycle for a state chart).
    NotExported {
        base: &'a Path,
        extension: &'static str,
        error: &'a ExportError,
    },
}

/// A file or folder that could not be made.
#[derive(Debug)]
pub enum WriteFailure {
    CreateDir {
        dir: PathBuf,
        error: std::io::Error,
    },
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
    /// Graphviz failed on a channel's diagram, in its own words.
    Graphviz {
        base: PathBuf,
        reason: String,
    },
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub regulations: usize,
    /// Files written.
    pub written: usize,
    /// Findings in the acts.
    pub errors: usize,
    pub warnings: usize,
    /// Some file had errors in how it is written (it was not rendered).
    pub broken: bool,
    /// Files that could not be read.
    pub input_errors: Vec<InputError>,
    pub failures: Vec<WriteFailure>,
}

/// Writes to a temporary file in the same folder, then renames it over `path`, so a reader
/// never sees a half-written file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        // The rename is what makes an interrupted run leave whole files only; no fsync: these
        // are outputs a run can make again, and syncing each of thousands of files dominated
        // the time of a corpus build.
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Whether Graphviz's `dot` can be run.
pub fn graphviz_available() -> bool {
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
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(dot_text.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    Ok(out.stdout)
}

/// The output name of a regulation: its file's path under DIR without the extension, and the
/// regulation's name when a file holds several.
pub fn output_stem(analysis: &Analysis, dir: &Path, reg: &Regulation, several: bool) -> PathBuf {
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

/// The part of the corpus a regulation's documents carry: its act and its standard.
pub fn corpus_for(analysis: &Analysis, reg: &Regulation) -> Corpus {
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
pub fn suffixed(base: &Path, suffix: &str) -> PathBuf {
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

/// Writes files and keeps count.
#[derive(Default)]
struct Writer {
    written: usize,
    failures: Vec<WriteFailure>,
}

impl Writer {
    fn write(&mut self, path: PathBuf, bytes: &[u8]) {
        if let Some(parent) = path.parent() {
            if let Err(error) = std::fs::create_dir_all(parent) {
                self.failures.push(WriteFailure::CreateDir {
                    dir: parent.to_path_buf(),
                    error,
                });
                return;
            }
        }
        match write_atomically(&path, bytes) {
            Ok(()) => self.written += 1,
            Err(error) => self.failures.push(WriteFailure::Write { path, error }),
        }
    }
}

/// Checks the inputs part by part (memory stays bounded however large the corpus) and writes
/// every regulation that is not broken, then `index.md`. `events` hears what happens, in order.
pub fn build<F: FileSystem>(
    inputs: &Inputs<F>,
    options: &BuildOptions,
    events: &mut dyn FnMut(Event),
) -> BuildReport {
    let mut report = BuildReport::default();
    let mut out = Writer::default();
    let mut index_rows = String::new();
    let mut reported = ReportedOnce::default();
    for part in parts(&inputs.files) {
        let Part {
            analysis,
            diagnostics,
            errors,
            warnings,
        } = inputs.check_part(part, &mut reported, &mut report.input_errors);
        report.errors += errors;
        report.warnings += warnings;
        // Errors in how a file is written leave its model incomplete: it is not rendered, and
        // the build fails. Findings about an act's content (E020 and up) are what the
        // documents show.
        let broken_files: HashSet<usize> = diagnostics
            .iter()
            .filter(|d| d.is_malformed())
            .map(|d| d.primary.span.file)
            .collect();
        if !broken_files.is_empty() {
            report.broken = true;
            let blocking: Vec<Diagnostic> = diagnostics
                .iter()
                .filter(|d| broken_files.contains(&d.primary.span.file) && d.is_error())
                .cloned()
                .collect();
            events(Event::Broken {
                analysis: &analysis,
                errors: &blocking,
            });
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
            let stem = output_stem(&analysis, &options.dir, reg, per_file[&reg.file] > 1);
            events(Event::Regulation {
                index: report.regulations,
                stem: &stem,
            });
            report.regulations += 1;
            regulation_outputs(
                &analysis,
                reg,
                &options.out.join(&stem),
                options.svg,
                &mut out,
                events,
            );
            let file_diags = by_file.get(&reg.file).map_or(&[][..], |v| &v[..]);
            index_rows.push_str(&crate::index::rows(&stem, reg, file_diags));
        }
    }
    let index = format!("{}{index_rows}", crate::index::header());
    out.write(options.out.join("index.md"), index.as_bytes());
    report.written = out.written;
    report.failures = out.failures;
    report
}

/// Everything one regulation publishes: the documents of the whole regulation first, then per
/// channel its diagrams and exports and (with Graphviz) SVG.
fn regulation_outputs(
    analysis: &Analysis,
    reg: &Regulation,
    base: &Path,
    svg: bool,
    out: &mut Writer,
    events: &mut dyn FnMut(Event),
) {
    // Documents before data, as readers look for them.
    let whole = FORMATS
        .iter()
        .filter(|f| matches!(f.render, Render::Regulation(_)))
        .chain(
            FORMATS
                .iter()
                .filter(|f| matches!(f.render, Render::Model(_))),
        );
    let corpus = corpus_for(analysis, reg);
    for format in whole {
        for &lang in format.build_langs {
            let text = match format.render {
                Render::Regulation(f) => f(&analysis.corpus, reg, lang),
                Render::Model(f) => f(&corpus, &Selection::all(vec![reg])),
                Render::Channel(_) => continue,
            };
            out.write(suffixed(base, &format.suffix(lang)), text.as_bytes());
        }
    }
    for (scenario, channel) in reg.channels() {
        let name = channel_file_name(scenario.id.as_deref(), &channel.id);
        let diagram_base = suffixed(base, &name);
        let mut dot_text = None;
        for format in FORMATS {
            let Render::Channel(f) = format.render else {
                continue;
            };
            for &lang in format.build_langs {
                match f(reg, scenario, channel, lang) {
                    Ok(text) => {
                        out.write(
                            suffixed(&diagram_base, &format.suffix(lang)),
                            text.as_bytes(),
                        );
                        if format.name == "dot" {
                            dot_text = Some(text);
                        }
                    }
                    // A channel a format cannot express (an unbounded cycle for the runtime)
                    // has no file of it.
                    Err(error) => events(Event::NotExported {
                        base: &diagram_base,
                        extension: format.extension,
                        error: &error,
                    }),
                }
            }
        }
        if let (true, Some(dot_text)) = (svg, dot_text) {
            match svg_of(&dot_text) {
                Ok(bytes) => out.write(suffixed(&diagram_base, "svg"), &bytes),
                Err(reason) => out.failures.push(WriteFailure::Graphviz {
                    base: diagram_base.clone(),
                    reason,
                }),
            }
        }
    }
}
