//! Diagnostics as plain data, and the ways to print them.
//!
//! Every finding Reglam reports is a [`Diagnostic`] built from a [`Problem`]: the problem
//! carries typed facts (names, spans, amounts of time, citations), and [`words`] is the one
//! place where those facts become the words a drafter reads, in one catalogue per language.
//! Rendering (human, JSON, SARIF) is kept apart from finding.
//!
//! Only this crate makes a [`Diagnostic`] or a [`Label`]: other crates report problems.

mod ci;
pub mod codes;
mod problem;
mod render;
mod source;
pub mod suggest;
#[cfg(test)]
mod wording_stays_here;
pub mod words;

pub use ci::{render_github, render_gitlab};
pub use codes::{Code, CodeInfo, CodeKind, Severity, CATALOGUE};
pub use problem::{
    ArgIssue, Expected, Found, NameKind, PathLine, Place, Problem, ReadFailure, Returns,
    ServiceRef, StatedDeadline, StuckAt, SubDeadline, TotalOf, Unexpected, Within,
};
pub use reglam_time::{Amount, CalendarReason};
pub use render::{escape_controls, is_bidi_control, is_unsafe_char};
pub use render::{json_items, render_human, render_json, render_sarif, JsonDiagnostic, Position};
pub use render::{DOCS_URL, PROJECT_URL};
use serde::Serialize;
pub use source::{FileId, SourceMap, Span};

/// A location with a short explanation. Not exhaustive, so that only this crate (its
/// catalogue) makes labels.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Label {
    pub span: Span,
    pub message: String,
}

impl Label {
    pub(crate) fn new(span: Span, message: impl Into<String>) -> Self {
        Label {
            span,
            message: message.into(),
        }
    }
}

/// One finding: a stable code, where it is, what is wrong and how to put it right. Not
/// exhaustive, so that only this crate makes diagnostics: other crates report [`Problem`]s.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    pub code: Code,
    pub message: String,
    /// The place the finding is about; its label says what is wrong there.
    pub primary: Label,
    pub secondary: Vec<Label>,
    /// Further lines, such as the worst path step by step.
    pub notes: Vec<String>,
    pub help: String,
    /// Where the element comes from in the source act, when the file cites it.
    pub citation: Option<String>,
    /// Set when the finding is known and accepted: it is still shown, but does not fail a run.
    pub acknowledged: Option<Acknowledgement>,
}

/// Why a finding is accepted: an `acknowledge` statement of the file, or a baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Acknowledgement {
    pub kind: AcknowledgementKind,
    /// The drafter's reason, as written (empty, and not written in JSON, for a baseline entry).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// The act's place the reason rests on, as written after `@`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
}

/// Where an acknowledgement comes from (SARIF's `suppression.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AcknowledgementKind {
    /// An `acknowledge` statement in the regulation.
    InSource,
    /// An entry of the baseline file given with `--baseline`.
    Baseline,
}

impl Acknowledgement {
    pub fn in_source(reason: impl Into<String>, citation: Option<String>) -> Self {
        Acknowledgement {
            kind: AcknowledgementKind::InSource,
            reason: reason.into(),
            citation,
        }
    }

    pub fn baseline() -> Self {
        Acknowledgement {
            kind: AcknowledgementKind::Baseline,
            reason: String::new(),
            citation: None,
        }
    }
}

impl Diagnostic {
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// An error in how the file is written (syntax, names, references, imports), which leaves
    /// the model incomplete. Other errors are findings about the act's content, such as a path
    /// over its deadline: the model is whole and can be rendered.
    pub fn is_malformed(&self) -> bool {
        self.code.kind() == CodeKind::Malformed
    }

    /// An error that fails a run: not acknowledged.
    pub fn fails(&self) -> bool {
        self.is_error() && self.acknowledged.is_none()
    }

    pub fn is_acknowledged(&self) -> bool {
        self.acknowledged.is_some()
    }
}

/// Sorts diagnostics by file, position and code so output does not depend on the order in
/// which checks ran.
pub fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (
            a.primary.span.file,
            a.primary.span.start,
            a.code.as_str(),
            &a.message,
        )
            .cmp(&(
                b.primary.span.file,
                b.primary.span.start,
                b.code.as_str(),
                &b.message,
            ))
    });
}
