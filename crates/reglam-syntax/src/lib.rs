//! Reglam's syntax: from text to a lossless tree of statements with spans.
//!
//! 1. [`decode`] turns bytes into text (UTF-8, byte-order mark dropped).
//! 2. [`parse`] always returns a tree ([`Parsed`]): a linear scan in Rust cuts the text into
//!    statement heads (`keyword arg …`, up to a line end, `;`, `#`, `{` or `}` outside texts),
//!    blocks, comments and trivia, keeping a stack of open blocks instead of recursing; each head
//!    is read by the pest grammar (`grammar/reglam.pest`), which therefore never sees a block.
//! 3. A head the grammar cannot read becomes an [`ErrorNode`] with one located problem, and the
//!    scan goes on at the next statement: one bad line hides nothing else. A stray `}` is an
//!    error node; a text never closed is looked for where it went wrong (texts may span lines,
//!    so the file is read once more with the first text that spans a line end ending there) or
//!    else is one error node to the end of the file; a block never closed ends with the file
//!    (one problem, at the outermost such `{`); a block deeper than [`MAX_DEPTH`] is one error
//!    node to its matching `}`, so the tree's depth is bounded.
//!
//! The tree is lossless: [`SyntaxFile::items`] and [`Block::items`] hold statements, comments,
//! trivia (spaces, line ends, `;`) and error nodes in order, so `print(&parse(f, t).tree) == t`
//! for every text. [`SyntaxFile::statements`] and [`Block::statements`] hold only the statements
//! that could be read, which is all lowering looks at.

mod parser;
pub mod table;
mod tree;
pub mod vocab;

pub use parser::{decode, parse, print, Decoded, Parsed, MAX_DEPTH, MAX_FILE_BYTES};
pub use reglam_time::Unit;
pub use table::{Keyword, Parent, Shape};
pub use tree::{Arg, ArgKind, Block, ErrorNode, Item, Piece, Statement, SyntaxFile};
pub use vocab::{
    ActorKind, ChannelKind, Column, Fixed, Form, Lang, OutcomeKind, VocabWord, Vocabulary, Word,
};
