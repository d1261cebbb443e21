//! The runtime's tests in one binary (a module per former file), so the test build stays lean.

mod support;

mod corpus;
mod rules;
