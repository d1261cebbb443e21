//! Reglam's syntax: from text to a tree of statements with spans.
//!
//! Parsing happens in three steps, each able to report precisely:
//! 1. [`decode`] turns bytes into text (UTF-8, byte-order mark dropped);
//! 2. a pre-scan finds unclosed strings, unmatched braces and absurd nesting, so that pest never
//!    recurses deeply and its raw "expected …" lists never reach a drafter;
//! 3. the pest grammar (`grammar/reglam.pest`) builds the statement tree.

mod keywords;
mod parser;
mod prescan;
mod tree;

pub use keywords::{Keyword, Unit, UnitWords, UNITS};
pub use parser::{decode, parse, Decoded, MAX_DEPTH, MAX_FILE_BYTES};
pub use tree::{Arg, ArgKind, Block, Statement, SyntaxFile};
