//! Reglam's syntax: from text to a tree of statements with spans.
//!
//! Parsing happens in three steps, each able to report precisely:
//! 1. [`decode`] turns bytes into text (UTF-8, byte-order mark dropped);
//! 2. a pre-scan finds unclosed strings, unmatched braces and absurd nesting, so that pest never
//!    recurses deeply and its raw "expected …" lists never reach a drafter;
//! 3. the pest grammar (`grammar/reglam.pest`) builds the statement tree.

mod parser;
mod prescan;
pub mod table;
mod tree;
pub mod vocab;

pub use parser::{decode, parse, Decoded, MAX_DEPTH, MAX_FILE_BYTES};
pub use reglam_time::Unit;
pub use table::{Keyword, Parent, Shape};
pub use tree::{Arg, ArgKind, Block, Statement, SyntaxFile};
pub use vocab::{
    ActorKind, ChannelKind, Column, Fixed, Form, Lang, OutcomeKind, VocabWord, Vocabulary, Word,
};
