use reglam_diagnostics::Span;
use serde::Serialize;

/// A parsed file: its top-level statements.
#[derive(Debug, Clone, Serialize)]
pub struct SyntaxFile {
    pub statements: Vec<Statement>,
}

/// `keyword arg arg … { block }`.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub keyword: String,
    #[serde(skip)]
    pub keyword_span: Span,
    pub args: Vec<Arg>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<Block>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Block {
    pub statements: Vec<Statement>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Arg {
    pub kind: ArgKind,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ArgKind {
    /// An identifier or a keyword-like word (`specialist`, `ru`, `else`, `min`).
    Word(String),
    /// A quoted text, unescaped.
    Text(String),
    /// A figure, with the act's words for it when given: `30 (тридцати)`.
    Number {
        value: Option<u64>,
        digits: String,
        words: Option<String>,
    },
    Date(String),
    /// A citation without its `@`.
    Citation(String),
    Arrow,
}
