//! The shared test support (crates/reglam-testkit).
#![allow(unused_imports)]
pub use reglam_testkit::*;
