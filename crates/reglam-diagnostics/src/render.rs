use crate::{
    Acknowledgement, AcknowledgementKind, Diagnostic, FileId, Severity, SourceMap, Span, CATALOGUE,
};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{self, Files, SimpleFile};
use codespan_reporting::term::{self, termcolor::WriteColor};
use serde::Serialize;
use serde_json::json;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

/// Whether a character must not reach a terminal or a document as it is: the C0 controls
/// (but tab and line feed), DEL, the C1 controls (ESC and CSI begin terminal sequences, OSC
/// sets titles and links), and the bidirectional controls that reorder what is displayed
/// (U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F, U+061C).
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || is_bidi_control(c)
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// The bidirectional embeddings, overrides and isolates (W070).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether the character at `i` of `text` is to be escaped: an unsafe one, but for the
/// carriage return of a CRLF line end.
fn escapes_at(text: &str, i: usize, c: char) -> bool {
    is_unsafe_char(c) && !(c == '\r' && text[i + 1..].starts_with('\n'))
}

fn needs_escape(text: &str) -> bool {
    text.char_indices().any(|(i, c)| escapes_at(text, i, c))
}

/// `text` with every [unsafe character](is_unsafe_char) written as `\u{…}`: safe to print.
/// (The carriage return of a CRLF line end is kept.)
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !needs_escape(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        if escapes_at(text, i, c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The files as a terminal may show them: a file holding unsafe characters is shown escaped,
/// with the offsets of its labels moved to match.
struct Shown<'s> {
    sources: &'s SourceMap,
    escaped: HashMap<FileId, Escaped>,
}

struct Escaped {
    file: SimpleFile<String, String>,
    /// For each character escaped: its offset in the original, and the bytes added by it and
    /// every one before it.
    shifts: Vec<(usize, usize)>,
}

impl<'s> Shown<'s> {
    fn new(sources: &'s SourceMap, diagnostics: &[Diagnostic]) -> Shown<'s> {
        let mut escaped = HashMap::new();
        let ids = diagnostics
            .iter()
            .flat_map(|d| std::iter::once(&d.primary).chain(&d.secondary))
            .map(|l| l.span.file);
        for id in ids {
            if escaped.contains_key(&id) || id >= sources.len() {
                continue;
            }
            let (name, text) = (sources.name(id), sources.text(id));
            if !needs_escape(text) && !needs_escape(name) {
                continue;
            }
            let mut shown = String::with_capacity(text.len() + 16);
            let mut shifts = Vec::new();
            let mut added = 0;
            for (i, c) in text.char_indices() {
                if escapes_at(text, i, c) {
                    let before = shown.len();
                    let _ = write!(shown, "\\u{{{:x}}}", c as u32);
                    added += shown.len() - before - c.len_utf8();
                    shifts.push((i, added));
                } else {
                    shown.push(c);
                }
            }
            let file = SimpleFile::new(escape_controls(name).into_owned(), shown);
            escaped.insert(id, Escaped { file, shifts });
        }
        Shown { sources, escaped }
    }

    /// Where an offset of the original is in the text shown: a span that starts at an
    /// escaped character starts at its escape, one that ends after it ends after the escape.
    fn offset(&self, id: FileId, offset: usize) -> usize {
        let Some(e) = self.escaped.get(&id) else {
            return offset;
        };
        let before = e.shifts.partition_point(|(at, _)| *at < offset);
        offset + before.checked_sub(1).map_or(0, |i| e.shifts[i].1)
    }

    fn range(&self, span: Span) -> Range<usize> {
        let r = span.range();
        self.offset(span.file, r.start)..self.offset(span.file, r.end)
    }
}

impl<'a> Files<'a> for Shown<'_> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, files::Error> {
        match self.escaped.get(&id) {
            Some(e) => Ok(e.file.name()),
            None => Files::name(self.sources, id),
        }
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, files::Error> {
        match self.escaped.get(&id) {
            Some(e) => Ok(e.file.source()),
            None => self.sources.source(id),
        }
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, files::Error> {
        match self.escaped.get(&id) {
            Some(e) => e.file.line_index((), byte_index),
            None => self.sources.line_index(id, byte_index),
        }
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, files::Error> {
        match self.escaped.get(&id) {
            Some(e) => e.file.line_range((), line_index),
            None => self.sources.line_range(id, line_index),
        }
    }
}

/// Writes diagnostics the way a person reads them: the source line, the underline, the help.
/// Control and bidirectional characters of the source (and of the messages, which quote it)
/// are shown escaped, so a file cannot send escape sequences to the terminal nor reorder what
/// it displays.
pub fn render_human(
    out: &mut dyn WriteColor,
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
) -> std::io::Result<()> {
    let config = term::Config::default();
    let shown = Shown::new(sources, diagnostics);
    let safe = |s: &str| escape_controls(s).into_owned();
    for d in diagnostics {
        let severity = match d.severity() {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
        };
        let mut labels = vec![
            cs::Label::primary(d.primary.span.file, shown.range(d.primary.span))
                .with_message(safe(&d.primary.message)),
        ];
        labels.extend(d.secondary.iter().map(|l| {
            cs::Label::secondary(l.span.file, shown.range(l.span)).with_message(safe(&l.message))
        }));
        let words = crate::words::default();
        let mut notes: Vec<String> = d.notes.iter().map(|n| safe(n)).collect();
        if let Some(c) = &d.citation {
            notes.push(format!("{}: {}", words.in_the_act(), safe(c)));
        }
        notes.push(format!("{}: {}", words.help(), safe(&d.help)));
        if let Some(a) = &d.acknowledged {
            notes.push(format!(
                "{}: {}",
                words.acknowledged(),
                safe(&acknowledged_reason(a))
            ));
        }
        let diagnostic = cs::Diagnostic::new(severity)
            .with_code(d.code.as_str())
            .with_message(safe(&d.message))
            .with_labels(labels)
            .with_notes(notes);
        term::emit(out, &config, &shown, &diagnostic).map_err(|e| match e {
            codespan_reporting::files::Error::Io(e) => e,
            other => std::io::Error::other(other.to_string()),
        })?;
    }
    Ok(())
}

/// A one-based line and column (in characters).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The JSON form of one diagnostic: stable field names that other tools may rely on.
#[derive(Debug, Clone, Serialize)]
pub struct JsonDiagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: String,
    pub start: Position,
    pub end: Position,
    pub help: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<Acknowledgement>,
}

/// The reason an acknowledged finding is shown with: the drafter's, with the act's place.
fn acknowledged_reason(a: &Acknowledgement) -> String {
    let words = crate::words::default();
    match (a.kind, &a.citation) {
        (AcknowledgementKind::Baseline, _) => words.in_baseline().to_string(),
        (AcknowledgementKind::InSource, Some(c)) => format!("{} (@{c})", a.reason),
        (AcknowledgementKind::InSource, None) => a.reason.clone(),
    }
}

/// The JSON form of diagnostics, resolved against their sources: plain data that outlives the
/// analysis, so a large run can render part by part and print one report.
pub fn json_items(sources: &SourceMap, diagnostics: &[Diagnostic]) -> Vec<JsonDiagnostic> {
    diagnostics.iter().map(|d| to_json(sources, d)).collect()
}

fn to_json(sources: &SourceMap, d: &Diagnostic) -> JsonDiagnostic {
    let span = d.primary.span;
    let (line, column) = sources.line_col(span.file, span.start as usize);
    let (end_line, end_column) = sources.line_col(span.file, span.end as usize);
    JsonDiagnostic {
        code: d.code.as_str(),
        severity: d.severity(),
        message: d.message.clone(),
        file: sources.name(span.file).to_string(),
        start: Position { line, column },
        end: Position {
            line: end_line,
            column: end_column,
        },
        help: d.help.clone(),
        citation: d.citation.clone(),
        notes: d.notes.clone(),
        acknowledged: d.acknowledged.clone(),
    }
}

/// One JSON array of every diagnostic.
pub fn render_json(items: &[JsonDiagnostic]) -> String {
    serde_json::to_string_pretty(items).expect("diagnostics serialise")
}

/// Where the project's documentation is published: SARIF's `helpUri` and `informationUri` must
/// be absolute, so rules point at `docs/diagnostics.md` under this base.
pub const DOCS_URL: &str = "https://github.com/reglam/reglam/blob/main/docs/";

/// The project's home page (SARIF's `informationUri`).
pub const PROJECT_URL: &str = "https://github.com/reglam/reglam";

/// The SARIF base id every artifact location is relative to: the directory reglam ran in.
const SOURCE_ROOT: &str = "%SRCROOT%";

/// SARIF 2.1.0, so that code-scanning services put the findings on the lines.
pub fn render_sarif(items: &[JsonDiagnostic], version: &str) -> String {
    let words = crate::words::default();
    let rules: Vec<_> = CATALOGUE
        .iter()
        .map(|info| {
            let help_uri = format!("{DOCS_URL}diagnostics.md#{}", anchor(info.code, info.title));
            json!({
                "id": info.code,
                "name": info.code,
                "shortDescription": { "text": info.title },
                "fullDescription": {
                    "text": words.sarif_rule_description(info.title, info.kind),
                },
                "help": { "text": words.sarif_rule_help(&help_uri) },
                "helpUri": help_uri,
                "defaultConfiguration": { "level": sarif_level(info.severity) },
            })
        })
        .collect();
    let results: Vec<_> = items
        .iter()
        .map(|j| {
            let mut text = j.message.clone();
            if let Some(c) = &j.citation {
                text.push_str(&format!(" ({}: {c})", words.in_the_act()));
            }
            let mut result = json!({
                "ruleId": j.code,
                "level": sarif_level(j.severity),
                "message": { "text": format!("{text}\n{}: {}", words.help(), j.help) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": sarif_artifact(&j.file),
                        "region": {
                            "startLine": j.start.line.max(1),
                            "startColumn": j.start.column.max(1),
                            "endLine": j.end.line.max(1),
                            "endColumn": j.end.column.max(1),
                        }
                    }
                }],
            });
            // A code outside the catalogue has no rule to index: the schema forbids `null`.
            if let Some(index) = CATALOGUE.iter().position(|i| i.code == j.code) {
                result["ruleIndex"] = json!(index);
            }
            if let Some(a) = &j.acknowledged {
                let kind = match a.kind {
                    AcknowledgementKind::InSource => "inSource",
                    AcknowledgementKind::Baseline => "external",
                };
                result["suppressions"] = json!([{
                    "kind": kind,
                    "status": "accepted",
                    "justification": acknowledged_reason(a),
                }]);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "reglam",
                "version": version,
                "informationUri": PROJECT_URL,
                "rules": rules,
            }},
            "originalUriBaseIds": {
                SOURCE_ROOT: { "description": { "text": words.sarif_source_root() } },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("SARIF serialises")
}

/// A file's SARIF location: a relative path becomes a URI reference relative to the source root
/// (percent-encoded, `/`-separated, without `./`); an absolute one a `file:` URI of its own.
fn sarif_artifact(file: &str) -> serde_json::Value {
    let path = file.replace('\\', "/");
    let b = path.as_bytes();
    let drive = b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'/';
    let absolute = path.starts_with('/') || drive;
    if absolute {
        let path = percent_encode(path.trim_start_matches('/'));
        // A drive letter keeps its colon: `file:///C:/…`.
        let path = match path.split_once("%3A") {
            Some((drive, rest)) if drive.len() == 1 => format!("{drive}:{rest}"),
            _ => path,
        };
        return json!({ "uri": format!("file:///{path}") });
    }
    let mut rest = path.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r.trim_start_matches('/');
    }
    json!({ "uri": percent_encode(rest), "uriBaseId": SOURCE_ROOT })
}

/// Percent-encodes every byte of a path but the unreserved characters of RFC 3986 and `/`, so
/// that Cyrillic names, spaces and `%` make a valid URI reference. A `:` is encoded as well:
/// in a first segment it would read as a scheme.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// The anchor a Markdown renderer gives the heading `## CODE title`.
fn anchor(code: &str, title: &str) -> String {
    format!("{code} {title}")
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Problem;
    use codespan_reporting::term::termcolor::NoColor;

    fn human(sources: &SourceMap, diagnostics: &[Diagnostic]) -> String {
        let mut out = NoColor::new(Vec::new());
        render_human(&mut out, sources, diagnostics).unwrap();
        String::from_utf8(out.into_inner()).unwrap()
    }

    /// Issue 12: ESC/OSC bytes of a source were echoed raw to the terminal in snippets and
    /// messages; bidi overrides too.
    #[test]
    fn snippets_and_messages_show_control_characters_escaped() {
        let mut sources = SourceMap::new();
        let text = "import \"\x1b]0;pwned\x07\u{202e}x\" target\r\nnext\n";
        let file = sources.add("a\x1b[2J.reglam", text);
        let at = text.find("target").unwrap();
        let d = Problem::ImportOutside {
            span: Span::new(file, at, at + "target".len()),
            path: "\x1b[31mred\u{9b}".into(),
        }
        .into_diagnostic(None);
        let out = human(&sources, &[d]);
        assert!(
            !out.chars().any(|c| c == '\x1b'
                || c == '\x07'
                || c == '\u{9b}'
                || c == '\u{202e}'
                || c == '\r'),
            "{out:?}"
        );
        assert!(out.contains("\\u{1b}]0;pwned\\u{7}\\u{202e}x"), "{out}");
        assert!(out.contains("a\\u{1b}[2J.reglam"), "{out}");
        assert!(out.contains("`\\u{1b}[31mred\\u{9b}`"), "{out}");
        // The underline is still under `target`.
        let lines: Vec<&str> = out.lines().collect();
        let snippet = lines.iter().position(|l| l.contains("pwned")).unwrap();
        let col = lines[snippet].find("target").unwrap();
        let carets = lines[snippet + 1];
        assert_eq!(carets.find('^'), Some(col), "{out}");
        assert_eq!(carets.matches('^').count(), "target".len(), "{out}");
    }

    #[test]
    fn sarif_locations_are_uri_references() {
        let uri = |f: &str| sarif_artifact(f)["uri"].as_str().unwrap().to_string();
        assert_eq!(uri("./a/b.reglam"), "a/b.reglam");
        assert_eq!(sarif_artifact("a.reglam")["uriBaseId"], SOURCE_ROOT);
        assert_eq!(uri("акт 1%.reglam"), "%D0%B0%D0%BA%D1%82%201%25.reglam");
        assert_eq!(uri("x:y.reglam"), "x%3Ay.reglam");
        assert_eq!(uri("/srv/a b.reglam"), "file:///srv/a%20b.reglam");
        assert_eq!(uri("C:\\src\\a.reglam"), "file:///C:/src/a.reglam");
        assert!(sarif_artifact("/srv/a.reglam").get("uriBaseId").is_none());
    }

    #[test]
    fn plain_text_is_untouched() {
        assert!(matches!(
            escape_controls("обычный\tтекст\n"),
            Cow::Borrowed(_)
        ));
        assert_eq!(escape_controls("a\r\nb\rc"), "a\r\nb\\u{d}c");
        assert_eq!(
            escape_controls("\u{2066}\u{200f}\u{7f}"),
            "\\u{2066}\\u{200f}\\u{7f}"
        );
    }
}
