//! The numerals' tests in one binary (a module per former file), so the test build stays lean.

mod check_words;
mod exhaustive;
mod known_forms;
mod props;
mod snapshots;
