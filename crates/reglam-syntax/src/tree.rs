use reglam_diagnostics::{Problem, Span};
use serde::Serialize;

/// A parsed file: its top-level statements, and every byte of its text in order.
///
/// `statements` holds only the statements that could be read, so lowering sees a valid (if
/// incomplete) file; `items` interleaves them with comments, trivia and error nodes, so that
/// [`crate::print`] gives back the text exactly.
#[derive(Debug, Clone, Serialize)]
pub struct SyntaxFile {
    pub statements: Vec<Statement>,
    /// The file in order; an [`Item::Statement`] indexes `statements`.
    #[serde(skip)]
    pub items: Vec<Item>,
}

impl SyntaxFile {
    /// Whether some text of the file could not be read as a statement and was set aside, at any
    /// depth. Findings that depend on the whole file (an actor nobody uses) cannot be trusted
    /// then: the statement that used it may be the one set aside.
    pub fn has_errors(&self) -> bool {
        // A work list, not recursion: depth is bounded by MAX_DEPTH, but this keeps it obvious.
        let mut work: Vec<(&[Item], &[Statement])> = vec![(&self.items, &self.statements)];
        while let Some((items, statements)) = work.pop() {
            for item in items {
                match item {
                    Item::Error(_) => return true,
                    Item::Statement(i) => {
                        if let Some(block) = statements.get(*i).and_then(|s| s.block.as_ref()) {
                            work.push((&block.items, &block.statements));
                        }
                    }
                    Item::Comment(_) | Item::Trivia(_) => {}
                }
            }
        }
        false
    }
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
    /// From the keyword to the end of the last argument, or of the block.
    #[serde(skip)]
    pub span: Span,
    /// The statement's text before its block's `{` (or before the end of its line), as written:
    /// keyword, arguments and the spaces between and after them.
    #[serde(skip)]
    pub head: Piece,
}

#[derive(Debug, Clone, Serialize)]
pub struct Block {
    pub statements: Vec<Statement>,
    /// From the `{` to the `}` (to the end of the file when the block is never closed).
    #[serde(skip)]
    pub span: Span,
    /// The block in order, like [`SyntaxFile::items`].
    #[serde(skip)]
    pub items: Vec<Item>,
    /// The `{`.
    #[serde(skip)]
    pub open: Span,
    /// The `}`; `None` when the file ends first.
    #[serde(skip)]
    pub close: Option<Span>,
}

/// One piece of a file or block, in source order.
#[derive(Debug, Clone)]
pub enum Item {
    /// The statement at this index of the enclosing `statements`.
    Statement(usize),
    /// A `# …` comment, without its line end.
    Comment(Piece),
    /// Spaces, tabs, line ends and `;` between statements.
    Trivia(Piece),
    /// Text that could not be read as a statement (boxed: a problem is large, error nodes rare).
    Error(Box<ErrorNode>),
}

/// A piece of source text kept as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    pub text: String,
}

/// A statement (or stray text) that could not be read, and why.
#[derive(Debug, Clone)]
pub struct ErrorNode {
    /// All of it, its block included.
    pub span: Span,
    /// Its text before its block, or all of its text when it has none.
    pub text: String,
    /// The one problem reported for it.
    pub problem: Problem,
    /// The block it opens, parsed like any other, so that its braces still match; lowering
    /// never sees its statements, since their parent could not be read.
    pub block: Option<Block>,
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
