//! The CLI's tests in one binary (a module per former file), so the test build stays lean. The
//! examples of docs/ and the bad-input files run one test per case in `tests/cases`.

#[path = "../support/mod.rs"]
mod support;

mod acknowledged;
mod bad_input_extra;
mod build;
mod ci_gate;
mod cli;
mod corpus;
mod mutations;
mod sarif;
mod security;
