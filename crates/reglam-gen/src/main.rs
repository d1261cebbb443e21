//! `reglam-gen`: writes synthetic regulations for benchmarks.
//!
//! ```text
//! reglam-gen corpus --count 10000 --seed 1 --out DIR   # DIR/g0000/r0000000.reglam …
//! reglam-gen huge --steps 10000 [--seed 1] [--out FILE]
//! reglam-gen nested --conditions 40 [--seed 1] [--out FILE]
//! ```
//! Without `--out`, `huge` and `nested` print to standard output. `corpus` prints the number of
//! files, bytes and steps written.

use clap::{Parser, Subcommand};
use reglam_gen::{corpus_file, generate_regulation, Shape};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "reglam-gen", about = "Writes synthetic Reglam regulations")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Many realistic regulations, 1,000 per folder.
    Corpus {
        #[arg(long, default_value_t = 1000)]
        count: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        out: PathBuf,
    },
    /// One regulation with one channel of `steps` steps.
    Huge {
        #[arg(long, default_value_t = 10_000)]
        steps: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// One regulation with `conditions` conditions in a row (2^conditions paths).
    Nested {
        #[arg(long, default_value_t = 40)]
        conditions: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Corpus { count, seed, out } => corpus(count, seed, &out),
        Command::Huge { steps, seed, out } => single(
            &generate_regulation(seed, &Shape::huge(steps)),
            out.as_deref(),
        ),
        Command::Nested {
            conditions,
            seed,
            out,
        } => single(
            &generate_regulation(seed, &Shape::nested(conditions)),
            out.as_deref(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes through a temporary file in the same folder and renames it, so an interrupted run
/// never leaves a half-written regulation.
fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("reglam.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

fn single(text: &str, out: Option<&Path>) -> std::io::Result<()> {
    match out {
        Some(p) => write_atomic(p, text),
        None => std::io::stdout().lock().write_all(text.as_bytes()),
    }
}

fn corpus(count: u64, seed: u64, out: &Path) -> std::io::Result<()> {
    let (mut bytes, mut steps) = (0u64, 0u64);
    for i in 0..count {
        let dir = out.join(format!("g{:04}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&dir)?;
        }
        let text = corpus_file(seed, i);
        bytes += text.len() as u64;
        steps += reglam_gen::count_steps(&text);
        write_atomic(&dir.join(format!("r{i:07}.reglam")), &text)?;
    }
    println!("files {count} bytes {bytes} steps {steps}");
    Ok(())
}
