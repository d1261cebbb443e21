//! Reading a set of files and the files they import. The core does no I/O: a [`Loader`]
//! supplied by the caller finds and reads files.

use crate::decl::RegulationFlows;
use crate::lower::{FileModel, Lower};
use crate::model::{Corpus, Lang, Standard};
use crate::read::Reader;
use reglam_diagnostics::{
    sort_diagnostics, ArgIssue, Diagnostic, Expected, FileId, Problem, ReadFailure, SourceMap, Span,
};
use reglam_syntax::{decode, parse, ArgKind, Keyword, SyntaxFile, Vocabulary, MAX_FILE_BYTES};
use std::collections::HashMap;

/// Why a file could not be loaded.
#[derive(Debug, Clone)]
pub enum LoadError {
    /// Not found or unreadable, and why.
    Unreadable(ReadFailure),
    /// The path leads outside the tree being checked.
    Outside,
    /// Larger than Reglam reads.
    TooLarge(u64),
}

/// A file found by a [`Loader`].
pub struct LoadedFile {
    /// A stable identity (such as the canonical path) so a file imported twice is read once.
    pub key: String,
    /// How messages name the file.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Finds and reads files for the workspace.
pub trait Loader {
    /// Resolves `path` as written in an import in the file `from` (a key), and reads it.
    fn load(&mut self, from: &str, path: &str) -> Result<LoadedFile, LoadError>;
}

/// A loader for tests and tools that hold files in memory: keys are paths joined with `/`.
#[derive(Default)]
pub struct MemoryLoader {
    pub files: HashMap<String, Vec<u8>>,
}

impl Loader for MemoryLoader {
    fn load(&mut self, from: &str, path: &str) -> Result<LoadedFile, LoadError> {
        let key = join_path(from, path).ok_or(LoadError::Outside)?;
        match self.files.get(&key) {
            Some(bytes) => Ok(LoadedFile {
                key: key.clone(),
                name: key,
                bytes: bytes.clone(),
            }),
            None => Err(LoadError::Unreadable(ReadFailure::NotFound)),
        }
    }
}

/// Joins a relative import path to the importing file's folder, `..` included; `None` when
/// the path climbs above the root.
pub fn join_path(from: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// A file whose imports are being processed: the imports still to load, and the keys of
/// those loaded.
struct OpenFile {
    key: String,
    imports: std::vec::IntoIter<(String, Span)>,
    imported_keys: Vec<String>,
}

struct FileState {
    id: FileId,
    syntax: Option<SyntaxFile>,
    /// Keys of the files this one imports.
    imports: Vec<String>,
    model: Option<FileModel>,
    in_progress: bool,
}

/// The result of analysing a set of files.
pub struct Analysis {
    pub sources: SourceMap,
    /// Every parsed file, by id, for checks that read the source text.
    pub syntax: Vec<(FileId, SyntaxFile)>,
    pub corpus: Corpus,
    pub diagnostics: Vec<Diagnostic>,
    /// The files given as roots, by id, in the order given.
    pub roots: Vec<FileId>,
}

/// Every file lowered, before the paths of its channels are analysed.
pub struct Lowered {
    pub sources: SourceMap,
    pub syntax: Vec<(FileId, SyntaxFile)>,
    /// The model; every channel's graph, dues and paths are still empty.
    pub corpus: Corpus,
    /// The lowered flows of each regulation of `corpus`, in its order: what the graphs are
    /// built from.
    pub flows: Vec<RegulationFlows>,
    pub diagnostics: Vec<Diagnostic>,
    pub roots: Vec<FileId>,
}

impl Lowered {
    /// Builds the graph of every channel, then analyses its paths (regulations on all
    /// cores), and returns the whole analysis.
    pub fn build(self) -> Analysis {
        let Lowered {
            sources,
            syntax,
            mut corpus,
            flows,
            mut diagnostics,
            roots,
        } = self;
        let jobs: Vec<_> = corpus.regulations.iter().zip(&flows).collect();
        let built = par_map(&jobs, |(r, f)| {
            let mut diagnostics = Vec::new();
            let (channels, calls) = crate::graph::build_regulation(r, f, &mut diagnostics);
            let channels: Vec<Vec<_>> = channels
                .into_iter()
                .map(|s| {
                    s.into_iter()
                        .map(|(flow, dues)| {
                            let paths = crate::paths::analyse(&flow);
                            (flow, dues, paths)
                        })
                        .collect()
                })
                .collect();
            (channels, calls, diagnostics)
        });
        for (r, (channels, calls, problems)) in corpus.regulations.iter_mut().zip(built) {
            for (s, channels) in r.scenarios.iter_mut().zip(channels) {
                for (c, (flow, dues, paths)) in s.channels.iter_mut().zip(channels) {
                    c.flow = flow;
                    c.dues = dues;
                    c.paths = paths;
                }
            }
            for (p, n) in r.procedures.iter_mut().zip(calls) {
                p.calls = n;
            }
            diagnostics.extend(problems);
        }
        sort_diagnostics(&mut diagnostics);
        diagnostics.dedup();
        Analysis {
            sources,
            syntax,
            corpus,
            diagnostics,
            roots,
        }
    }
}

/// Reads files and their imports, and lowers each file once.
pub struct Workspace<L: Loader> {
    loader: L,
    sources: SourceMap,
    files: HashMap<String, FileState>,
    order: Vec<String>,
    roots: Vec<FileId>,
    diagnostics: Vec<Diagnostic>,
    /// The spellings of keywords and fixed words, in every language.
    vocab: Vocabulary,
}

impl<L: Loader> Workspace<L> {
    pub fn new(loader: L) -> Self {
        Self::with_vocabulary(loader, Vocabulary::standard().clone())
    }

    /// A workspace that reads keywords and fixed words with `vocab` (say, one with an added
    /// language).
    pub fn with_vocabulary(loader: L, vocab: Vocabulary) -> Self {
        Workspace {
            vocab,
            loader,
            sources: SourceMap::new(),
            files: HashMap::new(),
            order: Vec::new(),
            roots: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// Adds a file to check.
    pub fn add_root(&mut self, file: LoadedFile) {
        let key = file.key.clone();
        if !self.files.contains_key(&key) {
            self.read(file);
        }
        let id = self.files[&key].id;
        if !self.roots.contains(&id) {
            self.roots.push(id);
        }
    }

    /// Registers a file that could not be read at all (the caller's I/O failed), so that its
    /// problem is reported like any other.
    pub fn add_unreadable(&mut self, name: &str, reason: ReadFailure) {
        let id = self.sources.add(name, "");
        let span = Span::new(id, 0, 0);
        self.diagnostics.push(
            Problem::ImportUnreadable {
                span,
                path: name.to_string(),
                reason,
            }
            .into_diagnostic(None),
        );
    }

    /// Adds many files to check, decoding and parsing them on all cores. The result is the
    /// same as calling [`Self::add_root`] for each in order: file ids, diagnostics and the
    /// corpus follow the order given, whatever thread finished first.
    pub fn add_roots(&mut self, files: Vec<LoadedFile>) {
        let mut fresh = Vec::new();
        let mut keys = std::collections::HashSet::new();
        let mut all_keys = Vec::with_capacity(files.len());
        for f in files {
            all_keys.push(f.key.clone());
            if !self.files.contains_key(&f.key) && keys.insert(f.key.clone()) {
                fresh.push(f);
            }
        }
        let decoded = par_map(&fresh, |f| decode(&f.bytes));
        let mut ids = Vec::with_capacity(fresh.len());
        let mut infos = Vec::with_capacity(fresh.len());
        for (f, d) in fresh.iter().zip(decoded) {
            let id = self.sources.add(f.name.clone(), d.text);
            ids.push(id);
            infos.push((id, d.invalid_at, d.invalid_byte, f.bytes.len() as u64));
        }
        let sources = &self.sources;
        let parsed = par_map(&infos, |&(id, at, byte, size)| {
            parse_text(id, sources.text(id), at, byte, size)
        });
        for ((f, id), (syntax, problems)) in fresh.into_iter().zip(ids).zip(parsed) {
            self.register(f.key, id, syntax, problems);
        }
        for key in all_keys {
            let id = self.files[&key].id;
            if !self.roots.contains(&id) {
                self.roots.push(id);
            }
        }
    }

    fn read(&mut self, file: LoadedFile) -> FileId {
        let decoded = decode(&file.bytes);
        let id = self.sources.add(file.name, decoded.text);
        let (syntax, problems) = parse_text(
            id,
            self.sources.text(id),
            decoded.invalid_at,
            decoded.invalid_byte,
            file.bytes.len() as u64,
        );
        self.register(file.key, id, syntax, problems);
        id
    }

    fn register(
        &mut self,
        key: String,
        id: FileId,
        syntax: Option<SyntaxFile>,
        problems: Vec<Problem>,
    ) {
        for p in problems {
            self.diagnostics.push(p.into_diagnostic(None));
        }
        self.files.insert(
            key.clone(),
            FileState {
                id,
                syntax,
                imports: Vec::new(),
                model: None,
                in_progress: false,
            },
        );
        self.order.push(key);
    }
    /// Loads the imports of `key` (transitively) and lowers it, each import before the files
    /// that import it. `stack` is the chain of files being lowered, for cycle reports.
    /// With `defer`, a file's own lowering is not done here but queued there with the
    /// standards it sees, so that [`Self::finish`] can lower many files on all cores; its
    /// imports are still lowered at once, since other files need their standards.
    ///
    /// Iterative, with an explicit stack of open files: a chain of 10,000 imports recursed
    /// 10,000 deep, and the parser, short of stack, then misread the deepest files (E001).
    fn process(
        &mut self,
        key: &str,
        stack: &mut Vec<String>,
        mut defer: Option<&mut Vec<(String, Vec<Standard>)>>,
    ) {
        // The keys on `stack`, for a cycle test that does not scan the chain.
        let mut on_stack: HashMap<String, usize> = HashMap::new();
        let mut open: Vec<OpenFile> = Vec::new();
        if !self.open_file(key, stack, &mut on_stack, &mut open) {
            return;
        }
        while let Some(top) = open.last_mut() {
            let Some((path, span)) = top.imports.next() else {
                let done = open.pop().expect("an open file");
                stack.pop();
                on_stack.remove(&done.key);
                // Only the file asked for is deferred; its imports are lowered at once.
                let queue = if open.is_empty() { defer.take() } else { None };
                self.lower_one(&done.key, done.imported_keys, queue);
                continue;
            };
            let from = top.key.clone();
            match self.loader.load(&from, &path) {
                Ok(file) => {
                    let ikey = file.key.clone();
                    if let Some(&pos) = on_stack.get(&ikey) {
                        let mut chain: Vec<String> =
                            stack[pos..].iter().map(|k| self.display(k)).collect();
                        chain.push(self.display(&ikey));
                        self.diagnostics
                            .push(Problem::ImportCycle { span, chain }.into_diagnostic(None));
                        continue;
                    }
                    if !self.files.contains_key(&ikey) {
                        self.read(file);
                    }
                    open.last_mut()
                        .expect("an open file")
                        .imported_keys
                        .push(ikey.clone());
                    self.open_file(&ikey, stack, &mut on_stack, &mut open);
                }
                Err(LoadError::Outside) => self
                    .diagnostics
                    .push(Problem::ImportOutside { span, path }.into_diagnostic(None)),
                Err(LoadError::Unreadable(reason)) => self
                    .diagnostics
                    .push(Problem::ImportUnreadable { span, path, reason }.into_diagnostic(None)),
                Err(LoadError::TooLarge(size)) => self.diagnostics.push(
                    Problem::ImportUnreadable {
                        span,
                        path,
                        reason: ReadFailure::TooLarge { size },
                    }
                    .into_diagnostic(None),
                ),
            }
        }
    }

    /// Starts processing `key`: reads its import statements and pushes it on the open files.
    /// `false` when it is lowered or being lowered already.
    fn open_file(
        &mut self,
        key: &str,
        stack: &mut Vec<String>,
        on_stack: &mut HashMap<String, usize>,
        open: &mut Vec<OpenFile>,
    ) -> bool {
        let state = self.files.get_mut(key).expect("known file");
        if state.model.is_some() || state.in_progress {
            return false;
        }
        state.in_progress = true;
        let imports: Vec<(String, Span)> = self.files[key]
            .syntax
            .as_ref()
            .map(|s| {
                s.statements
                    .iter()
                    .filter(|st| self.vocab.find::<Keyword>(&st.keyword) == Some(Keyword::Import))
                    .filter_map(|st| match st.args.first().map(|a| &a.kind) {
                        Some(ArgKind::Text(p)) => Some((p.clone(), st.args[0].span)),
                        _ => {
                            self.diagnostics.push(
                                Problem::BadArguments {
                                    span: st.keyword_span,
                                    statement: st.keyword.clone(),
                                    issue: ArgIssue::Missing(Expected::ImportPath),
                                }
                                .into_diagnostic(None),
                            );
                            None
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        on_stack.insert(key.to_string(), stack.len());
        stack.push(key.to_string());
        open.push(OpenFile {
            key: key.to_string(),
            imports: imports.into_iter(),
            imported_keys: Vec::new(),
        });
        true
    }

    /// Lowers `key` once its imports are lowered (or queues it, with `defer`).
    fn lower_one(
        &mut self,
        key: &str,
        imported_keys: Vec<String>,
        defer: Option<&mut Vec<(String, Vec<Standard>)>>,
    ) {
        let id = self.files[key].id;
        // Standards are visible through imports, transitively; only a regulation reads them,
        // so a file without one (a chain of standards, say) does not gather them.
        let needs_standards = self.files[key].syntax.as_ref().is_some_and(|s| {
            s.statements
                .iter()
                .any(|st| self.vocab.find::<Keyword>(&st.keyword) == Some(Keyword::Regulation))
        });
        let mut visible: Vec<Standard> = Vec::new();
        if needs_standards {
            self.collect_standards(&imported_keys, &mut visible);
        }
        let state = self.files.get_mut(key).expect("known file");
        if let Some(queue) = defer {
            state.imports = imported_keys;
            state.in_progress = false;
            queue.push((key.to_string(), visible));
            return;
        }
        let (model, diagnostics) = lower_file(id, state.syntax.as_ref(), &visible, &self.vocab);
        self.diagnostics.extend(diagnostics);
        let state = self.files.get_mut(key).expect("known file");
        state.imports = imported_keys;
        state.model = Some(model);
        state.in_progress = false;
    }

    /// The standards of `keys` and of everything they import, each file once, in the order
    /// of a depth-first walk (iterative: import chains can be long).
    fn collect_standards(&self, keys: &[String], out: &mut Vec<Standard>) {
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        // Pending keys, the next to visit last.
        let mut todo: Vec<&str> = keys.iter().rev().map(String::as_str).collect();
        while let Some(k) = todo.pop() {
            if !seen.insert(k) {
                continue;
            }
            if let Some(st) = self.files.get(k) {
                if let Some(m) = &st.model {
                    out.extend(m.standards.iter().cloned());
                }
                todo.extend(st.imports.iter().rev().map(String::as_str));
            }
        }
    }

    fn display(&self, key: &str) -> String {
        self.files
            .get(key)
            .map_or_else(|| key.to_string(), |f| self.sources.name(f.id).to_string())
    }

    /// Lowers every file, builds the graphs and analyses their paths: `lower().build()`.
    pub fn finish(self) -> Analysis {
        self.lower().build()
    }

    /// Lowers every file: the model before its paths are analysed, which a later pass (an
    /// amendment, say) may still change.
    pub fn lower(mut self) -> Lowered {
        let keys: Vec<String> = self.order.clone();
        let mut queue = Vec::new();
        for k in &keys {
            self.process(k, &mut Vec::new(), Some(&mut queue));
        }
        // Lowering one file reads only its own tree and the standards it sees: the queued
        // files are lowered on all cores, and stored in the order queued.
        let jobs: Vec<_> = queue
            .iter()
            .filter_map(|(k, visible)| {
                let st = &self.files[k];
                st.model.is_none().then_some((
                    k.as_str(),
                    st.id,
                    st.syntax.as_ref(),
                    visible.as_slice(),
                ))
            })
            .collect();
        let vocab = &self.vocab;
        let lowered = par_map(&jobs, |&(_, id, syntax, visible)| {
            lower_file(id, syntax, visible, vocab)
        });
        let done: Vec<String> = jobs.iter().map(|j| j.0.to_string()).collect();
        for (k, (model, diagnostics)) in done.iter().zip(lowered) {
            self.diagnostics.extend(diagnostics);
            self.files.get_mut(k).expect("known file").model = Some(model);
        }
        // Imports read while processing come after the roots; process them too.
        let keys: Vec<String> = self.order.clone();
        for k in &keys {
            self.process(k, &mut Vec::new(), None);
        }
        let mut corpus = Corpus::default();
        let mut flows = Vec::new();
        let mut syntax = Vec::new();
        for k in &self.order {
            let st = self.files.remove(k).expect("known file");
            if let Some(m) = st.model {
                corpus.acts.extend(m.acts);
                corpus.standards.extend(m.standards);
                corpus.regulations.extend(m.regulations);
                flows.extend(m.flows);
            }
            if let Some(s) = st.syntax {
                syntax.push((st.id, s));
            }
        }
        Lowered {
            sources: self.sources,
            syntax,
            corpus,
            flows,
            diagnostics: self.diagnostics,
            roots: self.roots,
        }
    }
}

/// Parses one decoded file: the problems of its bytes (invalid UTF-8, too large) or of its
/// syntax. Pure, so files can be parsed on several threads.
fn parse_text(
    id: FileId,
    text: &str,
    invalid_at: Option<usize>,
    invalid_byte: Option<usize>,
    size: u64,
) -> (Option<SyntaxFile>, Vec<Problem>) {
    let mut problems = Vec::new();
    let syntax = if let Some(at) = invalid_at {
        let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        problems.push(Problem::InvalidUtf8 {
            span: Span::new(id, at, end),
            byte: invalid_byte.unwrap_or(at),
        });
        None
    } else if size > MAX_FILE_BYTES {
        problems.push(Problem::TooLarge {
            span: Span::new(id, 0, 0),
            size,
            limit: MAX_FILE_BYTES,
        });
        None
    } else {
        // The tree always exists; its readable statements are lowered even when others could
        // not be read. A file with nothing readable is not lowered, so it is not also "empty".
        let parsed = parse(id, text);
        let readable = parsed.problems.is_empty() || !parsed.tree.statements.is_empty();
        problems.extend(parsed.problems);
        readable.then_some(parsed.tree)
    };
    (syntax, problems)
}

/// Maps `f` over `items` on all cores (at most one thread per item), keeping the order of
/// `items` in the result. Workers take the next index from a shared counter, so a few large
/// files do not leave a core idle.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    // Starting threads costs more than a few small items take (an editor's one file, a fuzz
    // input): below a handful, the items are worked on here.
    const FEW: usize = 4;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 || items.len() < FEW {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        out.push((i, f(item)));
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| match w.join() {
                Ok(v) => v,
                // A panic in a worker is a bug; carry it to the caller as a panic would be.
                Err(e) => std::panic::resume_unwind(e),
            })
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Lowers one parsed file (nothing for a file that did not parse) with the standards it sees.
fn lower_file(
    id: FileId,
    syntax: Option<&SyntaxFile>,
    visible: &[Standard],
    vocab: &Vocabulary,
) -> (FileModel, Vec<Diagnostic>) {
    let Some(syntax) = syntax else {
        return (FileModel::default(), Vec::new());
    };
    let mut lower = Lower {
        read: Reader {
            file: id,
            lang: Lang::Ru,
            diagnostics: Vec::new(),
            vocab,
            column: vocab.language_of(syntax),
        },
        imported: visible,
        actor_ids: HashMap::new(),
    };
    let m = lower.file(syntax);
    if syntax.statements.is_empty() {
        lower.diagnostics.push(
            Problem::EmptyFile {
                span: Span::new(id, 0, 0),
            }
            .into_diagnostic(None),
        );
    }
    (m, lower.read.diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn par_map_keeps_the_order_of_its_input() {
        let items: Vec<u64> = (0..10_000).collect();
        // Uneven work, so threads finish out of order.
        let out = par_map(&items, |&i| (0..(i % 97) * 50).fold(i, |a, b| a ^ b));
        let expected: Vec<u64> = items
            .iter()
            .map(|&i| (0..(i % 97) * 50).fold(i, |a, b| a ^ b))
            .collect();
        assert_eq!(out, expected);
    }

    /// Many roots at once give exactly what adding them one by one gives.
    #[test]
    fn add_roots_equals_add_root_one_by_one() {
        let files: Vec<(String, String)> = (0..40)
            .map(|i| {
                let text = if i % 7 == 3 {
                    format!("regulation r{i} {{\n  title ru \"x\"\n  step oops\n")
                } else {
                    format!(
                        "regulation r{i} {{\n  title ru \"x\"\n  deadline 1 wd\n  actor a ru \"a\"\n  channel c provider {{\n    step s a {i} min\n    outcome o result\n  }}\n}}\n"
                    )
                };
                (format!("f{i:02}.reglam"), text)
            })
            .collect();
        let loaded = || {
            files.iter().map(|(k, t)| LoadedFile {
                key: k.clone(),
                name: k.clone(),
                bytes: t.as_bytes().to_vec(),
            })
        };
        let mut one = Workspace::new(MemoryLoader::default());
        for f in loaded() {
            one.add_root(f);
        }
        let mut many = Workspace::new(MemoryLoader::default());
        many.add_roots(loaded().collect());
        let (a, b) = (one.finish(), many.finish());
        assert_eq!(a.roots, b.roots);
        assert_eq!(a.diagnostics, b.diagnostics);
        assert!(!a.diagnostics.is_empty(), "the broken files are reported");
        let ids = |x: &Analysis| -> Vec<String> {
            x.corpus.regulations.iter().map(|r| r.id.clone()).collect()
        };
        assert_eq!(ids(&a), ids(&b));
        // The six files left open still give their (readable) regulations.
        assert_eq!(ids(&a).len(), 40);
    }
}
