//! The emitters' tests in one binary (a module per former file), so the test build stays lean.

mod support;

mod escape_props;
mod graphviz;
mod json_schema;
mod markdown;
mod snapshots_emit;
