//! Reports for CI services: GitHub Actions workflow commands (annotations on the lines of a
//! pull request) and GitLab's Code Quality report. Acknowledged findings are left out of both:
//! neither format has a way to show a finding as accepted, and a finding that does not fail
//! the run should not be shown as one that does.

use crate::render::{escape_controls, JsonDiagnostic};
use crate::Severity;
use serde_json::json;
use std::collections::HashMap;

/// A path as CI services match it against the repository: without a leading `./` (a run of
/// `reglam check .` names files so).
fn ci_path(file: &str) -> &str {
    let mut f = file;
    while let Some(rest) = f.strip_prefix("./") {
        f = rest;
    }
    f
}

/// The data of a workflow command (after `::`): `%`, CR and LF percent-encoded.
fn github_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// A property value of a workflow command: as data, and `:` and `,` too.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One GitHub Actions workflow command per finding not acknowledged:
/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`, the help on the
/// annotation's next line. Control characters of the source are shown escaped.
pub fn render_github(items: &[JsonDiagnostic]) -> String {
    let words = crate::words::default();
    let mut out = String::new();
    for j in items.iter().filter(|j| j.acknowledged.is_none()) {
        let command = match j.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut text = escape_controls(&j.message).into_owned();
        if let Some(c) = &j.citation {
            text.push_str(&format!(
                " ({}: {})",
                words.in_the_act(),
                escape_controls(c)
            ));
        }
        text.push_str(&format!("\n{}: {}", words.help(), escape_controls(&j.help)));
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            github_property(&escape_controls(ci_path(&j.file))),
            j.start.line,
            j.start.column,
            j.end.line,
            j.end.column,
            github_property(j.code),
            github_data(&text),
        ));
    }
    out
}

/// FNV-1a, 64 bits: a hash that is the same on every machine and every Rust version (the
/// standard library's is not promised to be), so a fingerprint survives an upgrade.
fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A stable fingerprint of a finding: its code, file and message (not its line, so that a
/// finding keeps its identity when lines above it move), and which of the equal findings of
/// the file it is.
fn fingerprint(j: &JsonDiagnostic, occurrence: usize) -> String {
    let facts = format!(
        "{}\0{}\0{}\0{occurrence}",
        j.code,
        ci_path(&j.file),
        j.message
    );
    let a = fnv1a(0xcbf2_9ce4_8422_2325, facts.as_bytes());
    let b = fnv1a(a ^ 0x9e37_79b9_7f4a_7c15, facts.as_bytes());
    format!("{a:016x}{b:016x}")
}

/// GitLab's Code Quality report: a JSON array of `{description, check_name, fingerprint,
/// severity, location: {path, lines: {begin}}}`, errors `major` and warnings `minor`.
/// Acknowledged findings are left out.
pub fn render_gitlab(items: &[JsonDiagnostic]) -> String {
    let words = crate::words::default();
    let mut seen: HashMap<(&str, &str, &str), usize> = HashMap::new();
    let issues: Vec<_> = items
        .iter()
        .filter(|j| j.acknowledged.is_none())
        .map(|j| {
            let occurrence = seen
                .entry((j.code, j.file.as_str(), j.message.as_str()))
                .or_insert(0);
            *occurrence += 1;
            let severity = match j.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
            };
            let mut description = j.message.clone();
            if let Some(c) = &j.citation {
                description.push_str(&format!(" ({}: {c})", words.in_the_act()));
            }
            json!({
                "description": description,
                "check_name": j.code,
                "fingerprint": fingerprint(j, *occurrence),
                "severity": severity,
                "location": {
                    "path": ci_path(&j.file),
                    "lines": { "begin": j.start.line },
                },
                "content": { "body": format!("{}: {}", words.help(), j.help) },
            })
        })
        .collect();
    serde_json::to_string_pretty(&issues).expect("the report serialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Position;

    fn item(message: &str, file: &str) -> JsonDiagnostic {
        JsonDiagnostic {
            code: "E020",
            severity: Severity::Error,
            message: message.into(),
            file: file.into(),
            start: Position { line: 3, column: 5 },
            end: Position { line: 3, column: 9 },
            help: "fix it".into(),
            citation: None,
            notes: Vec::new(),
            acknowledged: None,
        }
    }

    #[test]
    fn github_escapes_data_and_properties() {
        let out = render_github(&[item("100% late\r\nreally", "a,b:c%.reglam")]);
        assert_eq!(
            out,
            "::error file=a%2Cb%3Ac%25.reglam,line=3,col=5,endLine=3,endColumn=9,title=E020\
             ::100%25 late%0D%0Areally%0Ahelp: fix it\n"
        );
        assert_eq!(out.lines().count(), 1);
    }

    #[test]
    fn gitlab_fingerprints_are_stable_and_distinct() {
        let a = item("m", "a.reglam");
        let mut moved = a.clone();
        moved.start.line = 40;
        assert_eq!(fingerprint(&a, 1), fingerprint(&moved, 1));
        assert_ne!(fingerprint(&a, 1), fingerprint(&a, 2));
        assert_ne!(fingerprint(&a, 1), fingerprint(&item("m", "b.reglam"), 1));
        let report: serde_json::Value =
            serde_json::from_str(&render_gitlab(&[a.clone(), a])).unwrap();
        let prints: Vec<_> = report
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(prints.len(), 2);
        assert_ne!(prints[0], prints[1]);
    }
}
