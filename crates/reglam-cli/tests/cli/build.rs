//! `reglam build`: complete, deterministic output; and the README's diagram is current.

use crate::support;
use crate::support::repo;
use std::path::Path;
use std::process::Command;

fn build(out: &Path) -> (i32, String) {
    build_in_parts(out, "1000")
}

/// Builds with parts of `part` files (`REGLAM_CHUNK`).
fn build_in_parts(out: &Path, part: &str) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_reglam"))
        .args(["build", "regulations", "--out"])
        .arg(out)
        .current_dir(repo())
        .env("CI", "true")
        .env("REGLAM_CHUNK", part)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = support::files_with_ext(dir, "md");
    for ext in ["json", "dot", "mmd", "svg"] {
        files.extend(support::files_with_ext(dir, ext));
    }
    files.sort();
    files
        .into_iter()
        .map(|f| {
            (
                f.strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(&f).unwrap(),
            )
        })
        .collect()
}

#[test]
fn build_twice_gives_identical_bytes_in_one_part_or_several() {
    let base = support::temp("build");
    let (a, b) = (base.join("a"), base.join("b"));
    let (code, err) = build(&a);
    assert_eq!(code, 0, "{err}");
    // The second build goes part by part, as a large corpus would: the same bytes.
    build_in_parts(&b, "7");
    let (ta, tb) = (tree(&a), tree(&b));
    assert_eq!(ta.len(), tb.len());
    for ((na, ba), (nb, bb)) in ta.iter().zip(&tb) {
        assert_eq!(na, nb);
        assert!(ba == bb, "{na} differs between two builds");
    }
    // Every regulation has its documents, and nothing half-written is left behind.
    let names: Vec<&str> = ta.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"index.md"));
    assert!(names.contains(&"atyrau-2015-293/01-oralman_status.ru.md"));
    assert!(names.contains(&"atyrau-2015-293/01-oralman_status.kk.md"));
    assert!(names.contains(&"atyrau-2015-293/01-oralman_status.json"));
    assert!(names.contains(&"atyrau-2015-293/01-oralman_status.state_corp.dot"));
    assert!(names.contains(&"atyrau-2015-293/01-oralman_status.state_corp.mmd"));
    let regulations = support::files_with_ext(&repo().join("regulations"), "reglam").len();
    let md = names.iter().filter(|n| n.ends_with(".ru.md")).count();
    assert!(
        md >= regulations - 4,
        "{md} documents for {regulations} files (act and standard files have none)"
    );
    let leftovers: Vec<_> = walk(&a)
        .into_iter()
        .filter(|p| p.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p.display().to_string());
        }
    }
    out
}

/// The README shows docs/images/oralman-state-corporation.svg; `tests/regen-docs.sh` makes it.
/// It must be what the current tool and Graphviz make of the corpus file.
#[test]
fn readme_diagram_is_current() {
    let script = repo().join("tests/regen-docs.sh");
    let out = Command::new("bash")
        .arg(&script)
        .arg("--print")
        .env("REGLAM", env!("CARGO_BIN_EXE_reglam"))
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committed =
        std::fs::read(repo().join("docs/images/oralman-state-corporation.svg")).unwrap();
    assert!(
        out.stdout == committed,
        "docs/images/oralman-state-corporation.svg is stale: run `bash tests/regen-docs.sh`"
    );
}

/// Issue 13: every document and diagram is in its regulation's own language by default, so a
/// Russian-only and a Kazakh-only regulation show no text in the other language in any format
/// but the other language's Markdown (which says so once); `--lang both` writes the diagrams in
/// both languages, their names carrying the language as the Markdown's do.
#[test]
fn outputs_are_in_each_regulations_own_language() {
    const RU_NOTE: &str = "Часть текстов — на казахском языке";
    const KK_NOTE: &str = "Кейбір мәтіндер орыс тілінде";
    let base = std::env::temp_dir().join(format!("reglam-build-lang-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let run = |out: &Path, extra: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_reglam"))
            .args(["build", "regulations", "--no-svg", "--out"])
            .arg(out)
            .args(extra)
            .current_dir(repo())
            .env("CI", "true")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(0), "{err}");
        err
    };
    let own = base.join("own");
    let err = run(&own, &[]);
    // Reported once by the build: the other language's Markdown of single-language acts.
    assert_eq!(err.matches("in the other language").count(), 1, "{err}");
    let read = |p: &str| std::fs::read_to_string(p).unwrap();
    for (stem, other_md, kazakh) in [
        ("atyrau-2015-293/01-oralman_status", "kk.md", false),
        ("pavlodar-2015-222-8/01-oralman_status", "ru.md", true),
    ] {
        let files: Vec<String> = walk(&own)
            .into_iter()
            .filter(|p| p.contains(&format!("{stem}.")))
            .collect();
        // Two documents, the model, and per channel (two) DOT, Mermaid, SCXML and BPMN.
        assert_eq!(files.len(), 11, "{files:?}");
        for f in &files {
            let text = read(f);
            if f.ends_with(other_md) {
                let note = if kazakh { RU_NOTE } else { KK_NOTE };
                assert!(
                    text.contains(note),
                    "{f} says once it is in the other language"
                );
                continue;
            }
            for marker in [RU_NOTE, KK_NOTE, "ru: none]", "kk: none]", "отсутствует"] {
                assert!(!text.contains(marker), "{f} has {marker}");
            }
            if f.ends_with(".dot") {
                let channel = if kazakh { "Арна:" } else { "Канал:" };
                assert!(text.contains(channel), "{f} is in its own language");
            }
        }
    }
    let both = base.join("both");
    run(&both, &["--lang", "both"]);
    let stem = both.join("pavlodar-2015-222-8/01-oralman_status");
    let has = |suffix: &str| Path::new(&format!("{}.{suffix}", stem.display())).is_file();
    for suffix in [
        "ru.md",
        "kk.md",
        "json",
        "provider.ru.dot",
        "provider.kk.dot",
        "provider.ru.mmd",
        "provider.kk.bpmn",
        "state_corp.ru.scxml",
    ] {
        assert!(has(suffix), "{suffix}");
    }
    assert!(!has("provider.dot") && !has("ru.json"));
    let ru_dot = read(&format!("{}.provider.ru.dot", stem.display()));
    assert_eq!(ru_dot.matches(RU_NOTE).count(), 1);
    let _ = std::fs::remove_dir_all(&base);
}
