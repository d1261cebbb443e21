//! The `reglam import` subcommand: its arguments and what it does.

use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The act's plain text; with --score, the draft folder and the reference folder.
    #[arg(required = true, num_args = 1..=2)]
    pub paths: Vec<PathBuf>,
    /// Where to write the draft (refused if it exists and is not empty, unless --force).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Write into an existing, non-empty folder, replacing the draft's files.
    #[arg(long)]
    pub force: bool,
    /// Compare a draft folder with a hand-encoded reference folder.
    #[arg(long)]
    pub score: bool,
    /// With --score: print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Why the draft could not be written.
#[derive(Debug)]
pub enum WriteError {
    NotEmpty,
    Io(std::io::Error),
}

/// Writes the files into `dir`, each to a temporary file first and then renamed, so that no
/// file is ever half-written.
pub fn write_draft(dir: &Path, files: &[(String, String)], force: bool) -> Result<(), WriteError> {
    if let Ok(mut rd) = std::fs::read_dir(dir) {
        if rd.next().is_some() && !force {
            return Err(WriteError::NotEmpty);
        }
    }
    std::fs::create_dir_all(dir).map_err(WriteError::Io)?;
    for (name, text) in files {
        let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
        let res = std::fs::File::create(&tmp)
            .and_then(|mut f| {
                f.write_all(text.as_bytes())?;
                f.sync_all()
            })
            .and_then(|_| std::fs::rename(&tmp, dir.join(name)));
        if let Err(e) = res {
            let _ = std::fs::remove_file(&tmp);
            return Err(WriteError::Io(e));
        }
    }
    Ok(())
}

pub fn run(args: ImportArgs) -> ExitCode {
    if args.score {
        let [draft, reference] = args.paths.as_slice() else {
            eprintln!("reglam import --score: give DIR REFERENCE");
            return ExitCode::from(2);
        };
        let (d, r) = match (crate::analyse_dir(draft), crate::analyse_dir(reference)) {
            (Ok(d), Ok(r)) => (d, r),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!(
                    "reglam import --score: cannot read {}: {}",
                    reglam_diagnostics::escape_controls(&e.path),
                    reglam_diagnostics::words::read_failure(&e.failure)
                );
                return ExitCode::from(2);
            }
        };
        let s = crate::score::score(&d, &r);
        if args.json {
            println!("{}", crate::score::json(&s));
        } else {
            print!("{}", crate::score::table(&s));
        }
        return ExitCode::SUCCESS;
    }
    let [act] = args.paths.as_slice() else {
        eprintln!("reglam import: give one ACT.txt");
        return ExitCode::from(2);
    };
    let Some(out) = args.out else {
        eprintln!("reglam import: --out DIR is required");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(act) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("reglam import: {}: {e}", act.display());
            return ExitCode::from(2);
        }
    };
    let src = String::from_utf8_lossy(&bytes);
    let files = crate::import(&src);
    let todos: usize = files.iter().map(|(_, t)| t.matches("# TODO").count()).sum();
    let analysis = crate::analyse_memory(&files);
    let diags = crate::check(&analysis);
    let errors = crate::errors(&diags);
    match write_draft(&out, &files, args.force) {
        Ok(()) => {}
        Err(WriteError::NotEmpty) => {
            eprintln!(
                "reglam import: {} exists and is not empty (use --force)",
                out.display()
            );
            return ExitCode::from(2);
        }
        Err(WriteError::Io(e)) => {
            eprintln!("reglam import: {}: {e}", out.display());
            return ExitCode::from(2);
        }
    }
    println!(
        "wrote {} files to {}: {} TODOs, {} errors, {} warnings",
        files.len(),
        out.display(),
        todos,
        errors,
        diags.len() - errors
    );
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
