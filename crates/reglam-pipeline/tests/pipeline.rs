//! The pipeline on a file system in memory and on disk: workspaces with imports, refusal of
//! files out of the tree, size limits, unreadable paths, discovery order and the format
//! registry.

use reglam_diagnostics::ReadFailure;
use reglam_model::{Analysis, LoadError, Loader};
use reglam_pipeline::formats::{self, Selection, FORMATS};
use reglam_pipeline::fs::read_bounded;
use reglam_pipeline::{discover, DirLoader, FileSystem, InputError, MemoryFs, RealFs};
use reglam_syntax::MAX_FILE_BYTES;
use std::path::{Path, PathBuf};

const ACT: &str = "regulations/pavlodar-2015-222-8/16-medical_social_institutions.reglam";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// An act of the corpus with everything it imports, in memory under `/ws`.
fn corpus_in_memory() -> MemoryFs {
    let mut fs = MemoryFs::new("/ws");
    for rel in [
        ACT,
        "regulations/pavlodar-2015-222-8/act.reglam",
        "regulations/standards/mzsr-2015-279.reglam",
    ] {
        fs.insert(rel, std::fs::read(repo().join(rel)).expect("corpus file"));
    }
    fs
}

fn codes(a: &Analysis) -> Vec<&'static str> {
    a.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn a_workspace_in_memory_reads_its_imports() {
    // The act imports `../standards/…`: the tree is widened to the whole workspace, as
    // `--root` does (a file's folder alone is the tree by default).
    let inputs = discover(
        corpus_in_memory(),
        &[PathBuf::from(ACT)],
        Some("/ws".into()),
    );
    assert!(inputs.errors.is_empty());
    let (a, errors) = inputs.analyse(&inputs.files);
    assert!(errors.is_empty());
    let names: Vec<&str> = (0..3).map(|i| a.sources.name(i)).collect();
    assert_eq!(
        names,
        [
            ACT,
            "regulations/pavlodar-2015-222-8/act.reglam",
            "regulations/standards/mzsr-2015-279.reglam"
        ]
    );
    assert_eq!(a.roots, [0]);
    assert!(!a.corpus.standards.is_empty(), "the standard is imported");
    assert!(
        !codes(&a)
            .iter()
            .any(|c| ["E010", "E011", "E012"].contains(c)),
        "every import resolves: {:?}",
        codes(&a)
    );
    // The same files on disk give the same diagnostics.
    let on_disk = DirLoader::new(RealFs, vec![repo().canonicalize().unwrap()])
        .names_relative_to(repo().canonicalize().unwrap());
    let root = on_disk
        .read_root(&repo().join(ACT), ACT.to_string())
        .unwrap();
    let mut ws = reglam_model::Workspace::new(on_disk);
    ws.add_root(root);
    assert_eq!(ws.finish().diagnostics, a.diagnostics);
}

#[test]
fn imports_out_of_the_tree_are_refused() {
    let mut fs = MemoryFs::new("/ws");
    fs.insert("/outside.reglam", "standard s {\n}\n");
    fs.insert("/ws/a.reglam", "import \"../outside.reglam\"\n");
    fs.insert("/ws/b.reglam", "import \"../missing.reglam\"\n");
    fs.insert("/ws/c.reglam", "import \"/outside.reglam\"\n");
    let mut loader = DirLoader::new(fs, vec![PathBuf::from("/ws")]);
    // Refused the same way whether or not the file exists out there.
    for path in ["../outside.reglam", "../missing.reglam", "/outside.reglam"] {
        assert!(matches!(
            loader.load("/ws/a.reglam", path),
            Err(LoadError::Outside)
        ));
    }
    let inputs = discover(loader.fs().clone(), &[PathBuf::from("/ws")], None);
    let (a, _) = inputs.analyse(&inputs.files);
    assert_eq!(
        a.diagnostics
            .iter()
            .filter(|d| d.code.as_str() == "E012")
            .count(),
        3,
        "{:?}",
        codes(&a)
    );
}

#[cfg(unix)]
#[test]
fn a_link_cannot_lead_out_of_the_tree() {
    let dir = std::env::temp_dir().join(format!("reglam-pipeline-link-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("tree")).unwrap();
    std::fs::write(dir.join("secret.reglam"), "standard s {\n}\n").unwrap();
    std::os::unix::fs::symlink(dir.join("secret.reglam"), dir.join("tree/link.reglam")).unwrap();
    let tree = dir.join("tree").canonicalize().unwrap();
    let mut loader = DirLoader::new(RealFs, vec![tree.clone()]);
    let from = tree.join("main.reglam").display().to_string();
    let result = loader.load(&from, "link.reglam");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(matches!(result, Err(LoadError::Outside)));
}

#[test]
fn sizes_are_bounded_and_unreadable_paths_reported() {
    let mut fs = MemoryFs::new("/ws");
    fs.insert("big.reglam", vec![b' '; MAX_FILE_BYTES as usize + 1]);
    fs.insert("locked/a.reglam", "");
    fs.insert("secret.reglam", "");
    fs.insert("imports.reglam", "import \"secret.reglam\"\n");
    fs.deny("locked").deny("secret.reglam");
    assert!(matches!(
        read_bounded(&fs, Path::new("big.reglam")),
        Err(LoadError::TooLarge(n)) if n == MAX_FILE_BYTES + 1
    ));
    assert!(matches!(
        read_bounded(&fs, Path::new("locked")),
        Err(LoadError::Unreadable(ReadFailure::NotAFile))
    ));
    let inputs = discover(&fs, &[PathBuf::from("."), PathBuf::from("gone")], None);
    assert_eq!(
        inputs.errors,
        [
            InputError {
                path: "./locked".into(),
                failure: ReadFailure::PermissionDenied
            },
            InputError {
                path: "gone".into(),
                failure: ReadFailure::NotFound
            },
        ]
    );
    let (a, errors) = inputs.analyse(&inputs.files);
    assert_eq!(
        errors,
        [
            InputError {
                path: "./big.reglam".into(),
                failure: ReadFailure::TooLarge {
                    size: MAX_FILE_BYTES + 1
                }
            },
            InputError {
                path: "./secret.reglam".into(),
                failure: ReadFailure::PermissionDenied
            },
        ]
    );
    // The unreadable import is reported where it is written.
    let e010 = a
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "E010")
        .expect("an unreadable import is reported");
    assert_eq!(a.sources.name(e010.primary.span.file), "./imports.reglam");
    assert!(e010.primary.span.start > 0);
}

#[test]
fn discovery_is_sorted_and_recursive() {
    let mut fs = MemoryFs::new("/ws");
    for f in [
        "z.reglam",
        "b/y.reglam",
        "a.reglam",
        "b/a/x.reglam",
        "notes.md",
        "b/c.txt",
    ] {
        fs.insert(f, "");
    }
    let inputs = discover(
        &fs,
        &[
            PathBuf::from("b"),
            PathBuf::from("z.reglam"),
            PathBuf::from("."),
        ],
        None,
    );
    let files: Vec<String> = inputs
        .files
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(
        files,
        [
            "./a.reglam",
            "./b/a/x.reglam",
            "./b/y.reglam",
            "./z.reglam",
            "b/a/x.reglam",
            "b/y.reglam",
            "z.reglam"
        ]
    );
    assert_eq!(
        fs.read_dir(Path::new("b")).unwrap(),
        [
            PathBuf::from("b/a"),
            PathBuf::from("b/c.txt"),
            PathBuf::from("b/y.reglam")
        ]
    );
    // The tree is the paths given (a file's folder), whatever project holds them.
    assert_eq!(
        inputs.roots,
        [
            PathBuf::from("/ws/b"),
            PathBuf::from("/ws"),
            PathBuf::from("/ws")
        ]
    );
    fs.add_dir("/.git");
    let inputs = discover(&fs, &[PathBuf::from("b")], None);
    assert_eq!(inputs.roots, [PathBuf::from("/ws/b")]);
}

#[test]
fn the_registry_covers_every_format() {
    let names: Vec<&str> = FORMATS.iter().map(|f| f.name).collect();
    assert_eq!(names, ["dot", "mermaid", "json", "md", "scxml", "bpmn"]);
    for f in FORMATS {
        assert!(std::ptr::eq(formats::find(f.name).unwrap(), f));
        assert!(!f.about.is_empty());
    }
    // Issue 13: one file in the regulation's language (names as before), both on request;
    // Markdown always in both, the model (which holds both) always once.
    use reglam_model::Lang::{Kk, Ru};
    use reglam_pipeline::BuildLangs;
    let files = |name, langs| formats::find(name).unwrap().build_files(Kk, langs);
    assert_eq!(files("dot", BuildLangs::Own), [(Kk, "dot".to_string())]);
    assert_eq!(
        files("bpmn", BuildLangs::Only(Ru)),
        [(Ru, "bpmn".to_string())]
    );
    assert_eq!(
        files("mermaid", BuildLangs::Both),
        [(Ru, "ru.mmd".to_string()), (Kk, "kk.mmd".to_string())]
    );
    assert_eq!(
        files("md", BuildLangs::Own),
        [(Ru, "ru.md".to_string()), (Kk, "kk.md".to_string())]
    );
    assert_eq!(files("json", BuildLangs::Both), [(Kk, "json".to_string())]);
    let mut exts: Vec<&str> = FORMATS.iter().map(|f| f.extension).collect();
    exts.sort();
    exts.dedup();
    assert_eq!(
        exts.len(),
        FORMATS.len(),
        "each format has its own extension"
    );
    let inputs = discover(
        corpus_in_memory(),
        &[PathBuf::from(ACT)],
        Some("/ws".into()),
    );
    let (a, _) = inputs.analyse(&inputs.files);
    let regs: Vec<_> = a
        .corpus
        .regulations
        .iter()
        .filter(|r| a.roots.contains(&r.file))
        .collect();
    for f in FORMATS {
        let mut selection = Selection::all(regs.clone());
        if f.one_channel {
            selection.channels.truncate(1);
        }
        let text = f
            .emit(&a.corpus, &selection, Some(reglam_model::Lang::Ru))
            .unwrap_or_else(|e| panic!("{}: {e}", f.name));
        assert!(!text.is_empty(), "{} writes something", f.name);
    }
}

/// Issue 12: the tree imports may not leave is the paths given, not the git project around the
/// current directory (which let a corpus import any file of the repository).
#[test]
fn the_default_tree_is_the_paths_given_not_the_project() {
    let mut fs = MemoryFs::new("/ws");
    fs.add_dir("/.git");
    fs.insert("/ws/secret.reglam", "standard s {\n}\n");
    fs.insert("/ws/sub/a.reglam", "import \"../secret.reglam\"\n");
    let inputs = discover(&fs, &[PathBuf::from("sub/a.reglam")], None);
    assert_eq!(inputs.roots, [PathBuf::from("/ws/sub")]);
    let (a, _) = inputs.analyse(&inputs.files);
    assert!(codes(&a).contains(&"E012"), "{:?}", codes(&a));
    assert_eq!(a.sources.len(), 1, "the file out of the tree is not read");
    // `--root` still widens it.
    let inputs = discover(&fs, &[PathBuf::from("sub/a.reglam")], Some("/ws".into()));
    let (a, _) = inputs.analyse(&inputs.files);
    assert!(!codes(&a).contains(&"E012"), "{:?}", codes(&a));
}

/// Issue 12: from the working directory `/`, `import "/etc/passwd"` was read (and its first
/// line printed in an E001 snippet).
#[test]
fn an_absolute_import_out_of_the_tree_is_refused_from_the_top_directory() {
    let mut fs = MemoryFs::new("/");
    fs.insert("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
    fs.insert("/tmp/acts/a.reglam", "import \"/etc/passwd\"\n");
    let inputs = discover(&fs, &[PathBuf::from("/tmp/acts/a.reglam")], None);
    let (a, _) = inputs.analyse(&inputs.files);
    assert!(codes(&a).contains(&"E012"), "{:?}", codes(&a));
    assert!(!codes(&a).contains(&"E001"), "{:?}", codes(&a));
    assert!((0..a.sources.len()).all(|i| !a.sources.text(i).contains("root:x")));
}

/// Issue 12: a corpus file that is a link out of the tree (to `/proc/self/environ`, to a file
/// beside the tree) is refused, not read.
#[cfg(unix)]
#[test]
fn a_walked_link_out_of_the_tree_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("tree");
    std::fs::create_dir_all(&tree).unwrap();
    std::fs::write(dir.path().join("secret.reglam"), "SECRET standard s {\n}\n").unwrap();
    std::fs::write(tree.join("ok.reglam"), "standard ok {\n}\n").unwrap();
    std::os::unix::fs::symlink(dir.path().join("secret.reglam"), tree.join("link.reglam")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", tree.join("environ.reglam")).unwrap();
    // A link that stays inside is read as the file it names.
    std::os::unix::fs::symlink(tree.join("ok.reglam"), tree.join("alias.reglam")).unwrap();
    for paths in [vec![tree.clone()], vec![tree.join("link.reglam")]] {
        let inputs = discover(RealFs, &paths, None);
        let (a, errors) = inputs.analyse(&inputs.files);
        let refused: Vec<&str> = errors
            .iter()
            .filter(|e| e.failure == ReadFailure::Outside)
            .map(|e| e.path.rsplit('/').next().unwrap())
            .collect();
        if paths.len() == 1 && paths[0] == tree {
            let mut want = vec!["link.reglam"];
            if Path::new("/proc/self/environ").exists() {
                want.insert(0, "environ.reglam");
            }
            assert_eq!(refused, want, "{errors:?}");
            // (Both name one file, read once.)
            assert!(
                (0..a.sources.len()).any(|i| a.sources.text(i).contains("standard ok")),
                "ok.reglam and alias.reglam are read"
            );
        } else {
            assert_eq!(refused, ["link.reglam"], "{errors:?}");
        }
        for i in 0..a.sources.len() {
            let text = a.sources.text(i);
            assert!(
                !text.contains("SECRET") && !text.contains("PATH="),
                "{text}"
            );
        }
    }
}
