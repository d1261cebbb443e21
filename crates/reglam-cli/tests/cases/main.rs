//! One test per case, so a failure names its case: every ```reglam example of docs/
//! (`docs::<file>::line_<n>`) and every bad-input file given to the binary (`cases::<file>`).
//! libtest-mimic's harness (`harness = false`), so `cargo test <filter>` selects cases by name.

#[path = "../support/mod.rs"]
mod support;

mod bad_input;
mod docs_examples;

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let mut trials = docs_examples::trials();
    trials.extend(bad_input::trials());
    libtest_mimic::run(&args, trials).exit();
}
