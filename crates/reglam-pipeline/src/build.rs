//! `reglam build`: a corpus checked part by part, every regulation written in every format of
//! [`FORMATS`](crate::formats::FORMATS), and `index.md`. Files are written atomically: a
//! reader never sees a half-written one.
//!
//! What a build may touch in `--out` (docs/security.md): it takes an exclusive lock
//! ([`LOCK`]) so two builds never interleave, writes each file through an unpredictable
//! temporary file created exclusively beside it (a planted link is never followed), replaces
//! only regular files that an earlier build wrote (its manifest, [`MANIFEST`], says which),
//! never goes through a link to a folder, and removes only files of its manifest that it no
//! longer writes.

use crate::discover::{InputError, Inputs};
use crate::formats::{BuildLangs, Render, Selection, FORMATS};
use crate::fs::FileSystem;
use crate::parts::{parts, Part, ReportedOnce};
use reglam_diagnostics::{Diagnostic, Problem};
use reglam_interchange::ExportError;
use reglam_model::{Analysis, Corpus, Regulation};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::{self, Write as _};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

/// What a build was asked for.
pub struct BuildOptions {
    /// The folder of regulations (output names are relative to it).
    pub dir: PathBuf,
    /// Where to write.
    pub out: PathBuf,
    /// Whether to run Graphviz for SVG diagrams.
    pub svg: bool,
    /// The languages of documents and diagrams.
    pub langs: BuildLangs,
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
    /// A regulation not written because another has (or the build itself has) a file of the
    /// same name: an `E029` to render with the analysis's sources.
    Collision {
        analysis: &'a Analysis,
        diagnostic: &'a Diagnostic,
    },
}

/// The manifest a build keeps in `--out`: the files it wrote, relative to `--out`, so the
/// next build replaces and removes those and no others.
pub const MANIFEST: &str = ".reglam-build.json";
/// The lock file that keeps two builds into one `--out` from interleaving.
pub const LOCK: &str = ".reglam-build.lock";
/// The index of a build.
pub const INDEX: &str = "index.md";

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
    /// The destination, or a folder on the way to it, is a link, a device, a FIFO, a socket
    /// (or, for a file, a folder): never followed nor replaced.
    NotAFile {
        path: PathBuf,
    },
    /// The destination exists and no earlier build wrote it: never overwritten.
    NotOwned {
        path: PathBuf,
    },
    /// The lock of `--out` could not be taken.
    Lock {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A file of an earlier build, no longer made, could not be removed.
    Remove {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Regulations written (not those left out by a collision).
    pub regulations: usize,
    /// Files written.
    pub written: usize,
    /// Findings in the acts.
    pub errors: usize,
    pub warnings: usize,
    /// Some file had errors in how it is written (it was not rendered).
    pub broken: bool,
    /// Regulations not written because another has a file of the same name (`E029`, counted
    /// in `errors` too).
    pub collisions: usize,
    /// Files of earlier builds removed because no regulation makes them any more.
    pub removed: usize,
    /// Documents and diagrams showing some text in the other language, the source having none
    /// in theirs (each says so once), and how many regulations they are of.
    pub fallback_outputs: usize,
    pub fallback_regulations: usize,
    /// Files that could not be read.
    pub input_errors: Vec<InputError>,
    pub failures: Vec<WriteFailure>,
}

/// Writes to a temporary file in the same folder, then renames it over `path`, so a reader
/// never sees a half-written file. The temporary file has an unpredictable name and is created
/// exclusively (a link planted under any name is never followed); the file published has the
/// permissions of a new file (0666 less the umask), not the temporary file's 0600. The rename
/// replaces whatever directory entry `path` is; callers that must not replace a link or a
/// device check first ([`publish`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".reglam-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    // The rename is what makes an interrupted run leave whole files only; no fsync: these
    // are outputs a run can make again, and syncing each of thousands of files dominated
    // the time of a corpus build. A failure drops (and so removes) the temporary file.
    tmp.write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes `path` atomically unless it is something other than a regular file (a link, a
/// device, a FIFO, a socket, a folder): `emit --out` replaces a file, never those.
pub fn publish(path: &Path, bytes: &[u8]) -> Result<(), WriteFailure> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.file_type().is_file() => {
            return Err(WriteFailure::NotAFile { path: path.into() })
        }
        _ => {}
    }
    write_atomically(path, bytes).map_err(|error| WriteFailure::Write {
        path: path.into(),
        error,
    })
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

/// Only the plain names of a path (no root, `.` or `..`): an output name stays inside `--out`.
fn plain(path: &Path) -> PathBuf {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n),
            _ => None,
        })
        .collect()
}

/// The files an earlier build wrote, from its manifest (none when there is no readable one).
fn read_manifest(out: &Path) -> BTreeSet<PathBuf> {
    let path = out.join(MANIFEST);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return BTreeSet::new();
    };
    if !meta.file_type().is_file() || meta.len() > reglam_syntax::MAX_FILE_BYTES {
        return BTreeSet::new();
    }
    let Ok(bytes) = std::fs::read(&path) else {
        return BTreeSet::new();
    };
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return BTreeSet::new();
    };
    value["files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f.as_str())
        .map(PathBuf::from)
        // Only names inside `--out`: a manifest edited to name `../x` removes nothing there.
        .filter(|p| !p.as_os_str().is_empty() && plain(p) == *p)
        .collect()
}

/// Takes the exclusive lock of `out`, waiting for another build to finish.
fn lock(out: &Path) -> Result<std::fs::File, WriteFailure> {
    let path = out.join(LOCK);
    if let Ok(m) = std::fs::symlink_metadata(&path) {
        if !m.file_type().is_file() {
            return Err(WriteFailure::NotAFile { path });
        }
    }
    let file = std::fs::File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|error| WriteFailure::Lock {
            path: path.clone(),
            error,
        })?;
    file.lock()
        .map_err(|error| WriteFailure::Lock { path, error })?;
    Ok(file)
}

/// Writes files into `--out` and keeps count: only files it owns are replaced.
struct Writer {
    out: PathBuf,
    /// What earlier builds wrote (their manifest).
    owned: BTreeSet<PathBuf>,
    /// What this build wrote.
    kept: BTreeSet<PathBuf>,
    /// What this build tried to write.
    attempted: BTreeSet<PathBuf>,
    failures: Vec<WriteFailure>,
}

impl Writer {
    fn new(out: &Path) -> Writer {
        Writer {
            out: out.to_path_buf(),
            owned: read_manifest(out),
            kept: BTreeSet::new(),
            attempted: BTreeSet::new(),
            failures: Vec::new(),
        }
    }

    /// Makes the folders of `rel` under `--out`, refusing to go through a link.
    fn folders(&self, rel: &Path) -> Result<(), WriteFailure> {
        let mut dir = self.out.clone();
        for c in rel.parent().into_iter().flat_map(Path::components) {
            dir.push(c);
            match std::fs::symlink_metadata(&dir) {
                Ok(m) if m.file_type().is_dir() => {}
                Ok(_) => return Err(WriteFailure::NotAFile { path: dir }),
                Err(e) if e.kind() == io::ErrorKind::NotFound => match std::fs::create_dir(&dir) {
                    Ok(()) => {}
                    // Made meanwhile (by a folder of the same name): judged again.
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                        if !std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_dir()) {
                            return Err(WriteFailure::NotAFile { path: dir });
                        }
                    }
                    Err(error) => return Err(WriteFailure::CreateDir { dir, error }),
                },
                Err(error) => return Err(WriteFailure::CreateDir { dir, error }),
            }
        }
        Ok(())
    }

    /// Whether the file at `rel` may be replaced: absent, or a regular file a build wrote.
    fn replaceable(&self, rel: &Path) -> Result<(), WriteFailure> {
        let path = self.out.join(rel);
        match std::fs::symlink_metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(error) => Err(WriteFailure::Write { path, error }),
            Ok(m) if !m.file_type().is_file() => Err(WriteFailure::NotAFile { path }),
            Ok(_) if self.owned.contains(rel) || self.kept.contains(rel) => Ok(()),
            Ok(_) => Err(WriteFailure::NotOwned { path }),
        }
    }

    fn write(&mut self, rel: &Path, bytes: &[u8]) {
        let rel = plain(rel);
        self.attempted.insert(rel.clone());
        if let Err(f) = self.folders(&rel).and_then(|()| self.replaceable(&rel)) {
            self.failures.push(f);
            return;
        }
        let path = self.out.join(&rel);
        match write_atomically(&path, bytes) {
            Ok(()) => {
                self.kept.insert(rel);
            }
            Err(error) => self.failures.push(WriteFailure::Write { path, error }),
        }
    }

    /// Removes the files of earlier builds this one no longer makes (regular files only,
    /// never through a link), then records what it owns now. Returns how many were removed.
    fn finish(&mut self) -> usize {
        let mut removed = 0;
        let stale: Vec<PathBuf> = self.owned.difference(&self.attempted).cloned().collect();
        let mut still_owned = BTreeSet::new();
        for rel in stale {
            let path = self.out.join(&rel);
            let through_folders = rel
                .parent()
                .into_iter()
                .flat_map(Path::ancestors)
                .filter(|a| !a.as_os_str().is_empty())
                .all(|a| {
                    std::fs::symlink_metadata(self.out.join(a))
                        .is_ok_and(|m| m.file_type().is_dir())
                });
            let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
            if !(through_folders && is_file) {
                continue;
            }
            match std::fs::remove_file(&path) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(error) => {
                    still_owned.insert(rel);
                    self.failures.push(WriteFailure::Remove { path, error });
                }
            }
        }
        // A file of an earlier build this one failed to replace is still the build's.
        for rel in self.owned.intersection(&self.attempted) {
            if !self.kept.contains(rel) && self.out.join(rel).is_file() {
                still_owned.insert(rel.clone());
            }
        }
        still_owned.extend(self.kept.iter().cloned());
        let files: Vec<String> = still_owned
            .iter()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .collect();
        let manifest = serde_json::json!({ "files": files });
        let text = format!("{manifest:#}\n");
        if let Err(error) = write_atomically(&self.out.join(MANIFEST), text.as_bytes()) {
            self.failures.push(WriteFailure::Write {
                path: self.out.join(MANIFEST),
                error,
            });
        }
        removed
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
    if let Err(error) = std::fs::create_dir_all(&options.out) {
        report.failures.push(WriteFailure::CreateDir {
            dir: options.out.clone(),
            error,
        });
        return report;
    }
    // Held until the build is over: a second build into `--out` waits for it.
    let _lock = match lock(&options.out) {
        Ok(l) => l,
        Err(f) => {
            report.failures.push(f);
            return report;
        }
    };
    let mut out = Writer::new(&options.out);
    // Which regulation writes each file, so that two never write one (`E029`). The build's own
    // files are taken first.
    let mut claimed: HashMap<PathBuf, String> = [INDEX, MANIFEST, LOCK]
        .into_iter()
        .map(|f| (PathBuf::from(f), "reglam build".to_string()))
        .collect();
    let mut index_rows = String::new();
    let mut reported = ReportedOnce::default();
    // Regulations met so far, for progress; `report.regulations` counts those written.
    let mut seen = 0;
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
            let stem = plain(&output_stem(
                &analysis,
                &options.dir,
                reg,
                per_file[&reg.file] > 1,
            ));
            events(Event::Regulation {
                index: seen,
                stem: &stem,
            });
            seen += 1;
            let (files, fallbacks) =
                regulation_outputs(&analysis, reg, &stem, options, &mut out.failures, events);
            // All of a regulation's files or none: a half-published regulation would mix
            // with another's.
            if let Some((path, other)) = files
                .iter()
                .find_map(|(p, _)| claimed.get(p).map(|o| (p, o)))
            {
                let diagnostic = Problem::OutputCollision {
                    span: reg.span,
                    regulation: reg.id.clone(),
                    path: path.to_string_lossy().into_owned(),
                    other: other.clone(),
                }
                .into_diagnostic(None);
                events(Event::Collision {
                    analysis: &analysis,
                    diagnostic: &diagnostic,
                });
                report.collisions += 1;
                report.errors += 1;
                continue;
            }
            report.regulations += 1;
            report.fallback_outputs += fallbacks;
            report.fallback_regulations += usize::from(fallbacks > 0);
            let owner = format!("{}: {}", analysis.sources.name(reg.file), reg.id);
            for (path, bytes) in &files {
                claimed.insert(path.clone(), owner.clone());
                out.write(path, bytes);
            }
            let file_diags = by_file.get(&reg.file).map_or(&[][..], |v| &v[..]);
            index_rows.push_str(&crate::index::rows(&stem, reg, file_diags));
        }
    }
    let index = format!("{}{index_rows}", crate::index::header());
    out.write(Path::new(INDEX), index.as_bytes());
    report.removed = out.finish();
    report.written = out.kept.len();
    report.failures = out.failures;
    report
}

/// Everything one regulation publishes, as paths relative to `--out`: the documents of the
/// whole regulation first, then per channel its diagrams and exports and (with Graphviz) SVG;
/// and how many of those documents and diagrams show some text in the other language.
fn regulation_outputs(
    analysis: &Analysis,
    reg: &Regulation,
    base: &Path,
    options: &BuildOptions,
    failures: &mut Vec<WriteFailure>,
    events: &mut dyn FnMut(Event),
) -> (Vec<(PathBuf, Vec<u8>)>, usize) {
    let mut files = Vec::new();
    let mut fallbacks = 0;
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
        for (lang, suffix) in format.build_files(reg.lang, options.langs) {
            let text = match format.render {
                Render::Regulation(f) => {
                    fallbacks += usize::from(reg.falls_back(lang));
                    f(&analysis.corpus, reg, lang)
                }
                Render::Model(f) => f(&corpus, &Selection::all(vec![reg])),
                Render::Channel(_) => continue,
            };
            files.push((suffixed(base, &suffix), text.into_bytes()));
        }
    }
    for (scenario, channel) in reg.channels() {
        let name = channel_file_name(scenario.id.as_deref(), &channel.id);
        let diagram_base = suffixed(base, &name);
        // Each DOT text with the suffix of its SVG (`svg`, or `ru.svg` in both languages).
        let mut dot_texts = Vec::new();
        for format in FORMATS {
            let Render::Channel(f) = format.render else {
                continue;
            };
            for (lang, suffix) in format.build_files(reg.lang, options.langs) {
                match f(reg, scenario, channel, lang) {
                    Ok(text) => {
                        fallbacks += usize::from(channel.falls_back(reg, scenario, lang));
                        if format.name == "dot" {
                            let svg = suffix.replacen(format.extension, "svg", 1);
                            dot_texts.push((svg, text.clone()));
                        }
                        files.push((suffixed(&diagram_base, &suffix), text.into_bytes()));
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
        if !options.svg {
            continue;
        }
        for (svg_suffix, dot_text) in dot_texts {
            match svg_of(&dot_text) {
                Ok(bytes) => files.push((suffixed(&diagram_base, &svg_suffix), bytes)),
                Err(reason) => failures.push(WriteFailure::Graphviz {
                    base: diagram_base.clone(),
                    reason,
                }),
            }
        }
    }
    (files, fallbacks)
}
