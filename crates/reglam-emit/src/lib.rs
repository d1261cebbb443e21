//! Emitters: each reads the verified model and writes one format. None re-parses a source or
//! re-derives what the model knows (worst paths, totals, effective deadlines).

pub mod common;
pub mod dot;
pub mod json;
pub mod markdown;
pub mod mermaid;
