//! Message text lives in this crate only (issue 10: "no message text outside the diagnostics
//! crate"). Other crates report typed facts; this test reads their sources to keep it so.
//!
//! Three checks, each exact rather than a guess at what English looks like:
//! 1. no `Problem::…`, `ArgIssue::…`, `Expected::…` or `Unexpected::…` written outside this
//!    crate contains a string literal or a `format!`: the facts are names and values, never
//!    words (a keyword's spelling comes from the syntax's table, not a literal);
//! 2. no phrase of the English catalogue is written in another crate's sources;
//! 3. every `String` a problem carries is a field this list knows to hold a name or source
//!    text, so a new `message: String` cannot slip in unnoticed.
//!
//! (That only this crate makes a `Diagnostic` or a `Label` is checked by the compiler: both are
//! `#[non_exhaustive]` and `Label::new` is private to the crate.)

use std::path::{Path, PathBuf};

fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("crates/")
        .to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The non-test sources of every crate but this one: `crates/*/src/**/*.rs`, each cut before
/// its `#[cfg(test)]` module (tests may well spell out what a message says).
fn other_sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut crates: Vec<_> = std::fs::read_dir(crates_dir())
        .expect("crates/ is readable")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n != "reglam-diagnostics"))
        .collect();
    crates.sort();
    for c in crates {
        rust_files(&c.join("src"), &mut files);
    }
    assert!(
        files.len() > 20,
        "the sources of the other crates are found"
    );
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a readable source file");
            let text = match text.find("#[cfg(test)]") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            // Named from crates/, so messages do not depend on where the repository is.
            let name = p.strip_prefix(crates_dir()).unwrap_or(&p).to_path_buf();
            (name, text)
        })
        .collect()
}

/// Skips a string or char literal or a comment starting at `i`; returns where it ends, or
/// `None` when nothing of the kind starts there.
fn skip_literal(b: &[u8], i: usize) -> Option<usize> {
    match b[i] {
        b'"' => {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            Some(j + 1)
        }
        b'r' if b.get(i + 1).is_some_and(|c| *c == b'"' || *c == b'#')
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
        {
            let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
            if b.get(i + 1 + hashes) != Some(&b'"') {
                return None;
            }
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            let start = i + 2 + hashes;
            let end = b[start..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(b.len(), |p| start + p + close.len());
            Some(end)
        }
        // A char literal such as '{' (a lifetime such as 'a has no closing quote nearby).
        b'\'' => {
            let rest = &b[i + 1..(i + 6).min(b.len())];
            let close = if rest.first() == Some(&b'\\') {
                rest.iter().skip(2).position(|c| *c == b'\'').map(|p| p + 2)
            } else {
                let len = rest.first().map_or(1, |c| {
                    if *c < 0x80 {
                        1
                    } else {
                        (c.leading_ones()) as usize
                    }
                });
                (rest.get(len) == Some(&b'\'')).then_some(len)
            };
            close.map(|p| i + 2 + p)
        }
        b'/' if b.get(i + 1) == Some(&b'/') => Some(
            b[i..]
                .iter()
                .position(|c| *c == b'\n')
                .map_or(b.len(), |p| i + p),
        ),
        _ => None,
    }
}

/// The bracketed body (`{ … }` or `( … )`) that follows `at`, when the next thing after the
/// path's last identifier is a bracket.
fn body_after(b: &[u8], mut at: usize) -> Option<(usize, usize)> {
    while at < b.len() && (b[at].is_ascii_alphanumeric() || b[at] == b'_') {
        at += 1;
    }
    while at < b.len() && b[at].is_ascii_whitespace() {
        at += 1;
    }
    if at >= b.len() || !(b[at] == b'{' || b[at] == b'(') {
        return None;
    }
    let start = at;
    let mut depth = 0usize;
    let mut i = at;
    while i < b.len() {
        if let Some(end) = skip_literal(b, i) {
            i = end;
            continue;
        }
        match b[i] {
            b'{' | b'(' | b'[' => depth += 1,
            b'}' | b')' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some((start, i + 1));
                }
            }
            _ => {}
        }
        i += 1;
    }
    Some((start, b.len()))
}

/// Whether a piece of code holds a string literal or a `format!` (comments aside).
fn has_words(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"format!") {
            return true;
        }
        if let Some(end) = skip_literal(b, i) {
            if b[i] != b'/' && b[i] != b'\'' {
                return true;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    false
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

#[test]
fn problems_are_built_from_facts_not_words() {
    let mut found = Vec::new();
    for (path, text) in other_sources() {
        let b = text.as_bytes();
        for prefix in ["Problem::", "ArgIssue::", "Expected::", "Unexpected::"] {
            for (at, _) in text.match_indices(prefix) {
                // `reglam_diagnostics::Problem::…` and `Problem::…` alike, not `MyProblem::…`.
                if at > 0 && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_') {
                    continue;
                }
                let Some((start, end)) = body_after(b, at + prefix.len()) else {
                    continue;
                };
                if has_words(&b[start..end]) {
                    found.push(format!(
                        "{}:{}: {}",
                        path.display(),
                        line_of(&text, at),
                        text[at..end].lines().next().unwrap_or_default()
                    ));
                }
            }
        }
        for (at, _) in text.match_indices(".into_diagnostic(") {
            let Some((start, end)) = body_after(b, at + ".into_diagnostic".len()) else {
                continue;
            };
            if has_words(&b[start..end]) {
                found.push(format!(
                    "{}:{}: into_diagnostic",
                    path.display(),
                    line_of(&text, at)
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words written outside reglam-diagnostics (a problem carries facts; word them in \
         crates/reglam-diagnostics/src/words):\n{}",
        found.join("\n")
    );
}

/// The phrases of the English catalogue: its string literals, cut at each placeholder.
fn catalogue_phrases() -> Vec<String> {
    let en = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/words/en.rs"))
        .expect("the English catalogue");
    let en = &en[..en.find("#[cfg(test)]").unwrap_or(en.len())];
    let b = en.as_bytes();
    let mut phrases = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match skip_literal(b, i) {
            Some(end) => {
                if b[i] == b'"' {
                    let literal = &en[i + 1..end - 1];
                    for piece in literal.split(['{', '}']) {
                        // Long enough to be a phrase rather than a common word or two.
                        if piece.len() >= 24 && piece.contains(' ') {
                            phrases.push(piece.to_string());
                        }
                    }
                }
                i = end;
            }
            None => i += 1,
        }
    }
    assert!(phrases.len() > 50, "the catalogue's phrases are found");
    phrases
}

#[test]
fn the_catalogue_is_the_only_place_its_phrases_are_written() {
    let phrases = catalogue_phrases();
    let mut found = Vec::new();
    for (path, text) in other_sources() {
        // Comments may describe what a message says.
        let text: String = text
            .lines()
            .map(|l| match l.find("//") {
                Some(i) if !l[..i].contains('"') => &l[..i],
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        for p in &phrases {
            if let Some(at) = text.find(p.as_str()) {
                found.push(format!("{}:{}: {p}", path.display(), line_of(&text, at)));
            }
        }
    }
    assert!(
        found.is_empty(),
        "message text copied outside reglam-diagnostics:\n{}",
        found.join("\n")
    );
}

/// Fields and variants that carry a `String`, each a name or text taken from the source.
const NAME_OR_SOURCE: &[&str] = &[
    // The source's own words.
    "word",
    "words",
    "statement",
    "found",
    "suggestion",
    // Names of things in the regulation or of files.
    "name",
    "path",
    "chain",
    "cycle",
    "outcome",
    "step",
    "parallel",
    "exit",
    "target",
    "regulation",
    "scenario",
    "channel",
    "standard",
    "service",
    "node",
    "procedure",
    "actor",
    "citation",
    // The regulation another one collides with, as `FILE: ID`.
    "other",
    // A diagnostic code as written (`E020`).
    "code",
    // Tuple variants: a word, a date or a citation as written, a keyword as written, a
    // regulation's name, the operating system's own message.
    "Word",
    "Date",
    "AnotherCitation",
    "Statement",
    "BadDate",
    "Regulation",
    "Step",
    "Os",
];

#[test]
fn problems_carry_no_prose_fields() {
    let src = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/problem.rs"))
        .expect("problem.rs");
    let src = &src[..src.find("impl Problem {").unwrap_or(src.len())];
    let mut unknown = Vec::new();
    for line in src.lines() {
        let line = line.trim();
        if line.starts_with("//") || !line.contains("String") {
            continue;
        }
        // `name: Type,` or `Variant(Type),`
        let name = match (line.find(':'), line.find('(')) {
            (Some(c), Some(p)) if p < c => &line[..p],
            (Some(c), _) => &line[..c],
            (None, Some(p)) => &line[..p],
            (None, None) => continue,
        };
        let name = name.trim_start_matches("pub ").trim();
        if !NAME_OR_SOURCE.contains(&name) {
            unknown.push(line.to_string());
        }
    }
    assert!(
        unknown.is_empty(),
        "a problem carries a String that is not known to be a name or source text; carry a \
         typed fact instead (or, if it is a name, add it to NAME_OR_SOURCE):\n{}",
        unknown.join("\n")
    );
}
