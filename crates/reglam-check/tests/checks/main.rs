//! The checks of `reglam-check`, one small regulation each: which codes they report, where,
//! and (in the snapshots, with the source beside the output) what the drafter reads.
//!
//! One test binary with a module per group of checks, so the test build stays lean.

mod support;

mod acknowledged;
mod actors;
mod deadlines;
mod flow;
mod lexical;
mod syntax;
mod tables;
