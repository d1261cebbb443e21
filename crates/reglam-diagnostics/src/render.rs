use crate::{Acknowledgement, AcknowledgementKind, Diagnostic, Severity, SourceMap, CATALOGUE};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::term::{self, termcolor::WriteColor};
use serde::Serialize;
use serde_json::json;

/// Writes diagnostics the way a person reads them: the source line, the underline, the help.
pub fn render_human(
    out: &mut dyn WriteColor,
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
) -> std::io::Result<()> {
    let config = term::Config::default();
    for d in diagnostics {
        let severity = match d.severity() {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
        };
        let mut labels = vec![
            cs::Label::primary(d.primary.span.file, d.primary.span.range())
                .with_message(&d.primary.message),
        ];
        labels.extend(
            d.secondary.iter().map(|l| {
                cs::Label::secondary(l.span.file, l.span.range()).with_message(&l.message)
            }),
        );
        let words = crate::words::default();
        let mut notes = d.notes.clone();
        if let Some(c) = &d.citation {
            notes.push(format!("{}: {c}", words.in_the_act()));
        }
        notes.push(format!("{}: {}", words.help(), d.help));
        if let Some(a) = &d.acknowledged {
            notes.push(format!(
                "{}: {}",
                words.acknowledged(),
                acknowledged_reason(a)
            ));
        }
        let diagnostic = cs::Diagnostic::new(severity)
            .with_code(d.code.as_str())
            .with_message(&d.message)
            .with_labels(labels)
            .with_notes(notes);
        term::emit(out, &config, sources, &diagnostic).map_err(|e| match e {
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

/// SARIF 2.1.0, so that code-scanning services put the findings on the lines.
pub fn render_sarif(items: &[JsonDiagnostic], version: &str) -> String {
    let rules: Vec<_> = CATALOGUE
        .iter()
        .map(|info| {
            json!({
                "id": info.code,
                "shortDescription": { "text": info.title },
                "helpUri": format!("docs/diagnostics.md#{}", anchor(info.code, info.title)),
                "defaultConfiguration": { "level": sarif_level(info.severity) },
            })
        })
        .collect();
    let results: Vec<_> = items
        .iter()
        .map(|j| {
            let words = crate::words::default();
            let mut text = j.message.clone();
            if let Some(c) = &j.citation {
                text.push_str(&format!(" ({}: {c})", words.in_the_act()));
            }
            let mut result = json!({
                "ruleId": j.code,
                "ruleIndex": CATALOGUE.iter().position(|i| i.code == j.code),
                "level": sarif_level(j.severity),
                "message": { "text": format!("{text}\n{}: {}", words.help(), j.help) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": j.file },
                        "region": {
                            "startLine": j.start.line,
                            "startColumn": j.start.column,
                            "endLine": j.end.line,
                            "endColumn": j.end.column,
                        }
                    }
                }],
            });
            if let Some(a) = &j.acknowledged {
                let kind = match a.kind {
                    AcknowledgementKind::InSource => "inSource",
                    AcknowledgementKind::Baseline => "external",
                };
                result["suppressions"] = json!([{
                    "kind": kind,
                    "justification": acknowledged_reason(a),
                }]);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "reglam",
                "version": version,
                "informationUri": "docs/diagnostics.md",
                "rules": rules,
            }},
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("SARIF serialises")
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
