//! Diagnostics as plain data, and the ways to print them.
//!
//! Every finding Reglam reports is a [`Diagnostic`] built from a [`Problem`]: the problem
//! carries the facts, and `problem.rs` is the one place where those facts become the words a
//! drafter reads. Rendering (human, JSON, SARIF) is kept apart from finding.

mod codes;
mod problem;
mod render;
mod source;
pub mod suggest;
pub use problem::ArgIssue;

pub use codes::{Code, CodeInfo, Severity, CATALOGUE};
pub use problem::Problem;
pub use render::{json_items, render_human, render_json, render_sarif, JsonDiagnostic, Position};
pub use source::{FileId, SourceMap, Span};

/// A secondary location with a short explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Label {
            span,
            message: message.into(),
        }
    }
}

/// One finding: a stable code, where it is, what is wrong and how to put it right.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

impl Diagnostic {
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// An error in how the file is written (syntax, names, references, imports: codes below
    /// E020), which leaves the model incomplete. Errors from E020 on are findings about the
    /// act's content, such as a path over its deadline: the model is whole and can be rendered.
    pub fn is_malformed(&self) -> bool {
        self.is_error() && self.code.as_str() < "E020"
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
