//! `reglam emit dot|mermaid|json|md|scxml|bpmn FILE`: writes one file's regulations in a publication format.

use crate::fsload;
use clap::ValueEnum;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use reglam_diagnostics::render_human;
use reglam_model::{Lang, Regulation};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The formats `reglam emit` writes.
#[derive(Clone, Copy, ValueEnum)]
pub enum EmitFormat {
    /// Graphviz DOT, one digraph per channel.
    Dot,
    /// Mermaid flowcharts, one per channel.
    Mermaid,
    /// The verified model as JSON (docs/schema/reglam-model.schema.json).
    Json,
    /// The whole regulation as a Markdown document in the acts' structure (`--lang ru|kk`);
    /// `--channel` and `--scenario` are checked but the document always has every channel.
    Md,
    /// W3C SCXML of one channel (`--channel` required; docs/interchange.md).
    Scxml,
    /// BPMN 2.0 XML with diagram layout, one document per channel (docs/interchange.md).
    Bpmn,
}

/// The language of labels.
#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    Ru,
    Kk,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Ru => Lang::Ru,
            LangArg::Kk => Lang::Kk,
        }
    }
}

/// What `reglam emit` was asked for.
pub struct EmitArgs {
    pub format: EmitFormat,
    pub file: PathBuf,
    pub channel: Option<String>,
    pub scenario: Option<String>,
    pub lang: LangArg,
    pub out: Option<PathBuf>,
}

fn usage(msg: String) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(2)
}

fn choices(mut names: Vec<String>) -> String {
    names.sort();
    names.dedup();
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

/// Runs `reglam emit`: exit 2 on usage errors, 1 when the file has errors (nothing written).
pub fn run(args: EmitArgs) -> ExitCode {
    let (analysis, io_errors) = fsload::analyse_paths(std::slice::from_ref(&args.file), None);
    if !io_errors.is_empty() {
        for e in &io_errors {
            eprintln!("error: {e}");
        }
        return ExitCode::from(2);
    }
    let diagnostics = reglam_check::check(&analysis);
    // Errors in how the file is written (syntax, names, references: below E020) leave the model
    // incomplete, so nothing is emitted; findings about the act's content (E020 and up, such as
    // a path over its deadline) are what the diagrams show, so they do not stop emission.
    let blocking: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.is_malformed())
        .cloned()
        .collect();
    if !blocking.is_empty() {
        let mut err = StandardStream::stderr(ColorChoice::Never);
        let _ = render_human(&mut err, &analysis.sources, &blocking);
        eprintln!("error: nothing emitted: {} has errors", args.file.display());
        return ExitCode::from(1);
    }
    let regs: Vec<&Regulation> = analysis
        .corpus
        .regulations
        .iter()
        .filter(|r| analysis.roots.contains(&r.file))
        .collect();
    if regs.is_empty() {
        eprintln!(
            "error: nothing emitted: {} declares no regulation",
            args.file.display()
        );
        return ExitCode::from(1);
    }
    // Which (regulation, scenario, channel) to write, by index.
    let mut selected: Vec<(usize, usize, usize)> = Vec::new();
    let scenario_names: Vec<String> = regs
        .iter()
        .flat_map(|r| r.scenarios.iter().filter_map(|s| s.id.clone()))
        .collect();
    if let Some(s) = &args.scenario {
        if !scenario_names.contains(s) {
            return usage(format!(
                "no scenario `{s}` in {}; choices: {}",
                args.file.display(),
                choices(scenario_names)
            ));
        }
    }
    let mut channel_names = Vec::new();
    for (ri, r) in regs.iter().enumerate() {
        for (si, s) in r.scenarios.iter().enumerate() {
            if args.scenario.is_some() && s.id != args.scenario {
                continue;
            }
            for (ci, c) in s.channels.iter().enumerate() {
                channel_names.push(c.id.clone());
                if args.channel.as_ref().is_none_or(|want| *want == c.id) {
                    selected.push((ri, si, ci));
                }
            }
        }
    }
    if let Some(c) = &args.channel {
        if selected.is_empty() {
            return usage(format!(
                "no channel `{c}` in {}{}; choices: {}",
                args.file.display(),
                args.scenario
                    .as_ref()
                    .map(|s| format!(", scenario `{s}`"))
                    .unwrap_or_default(),
                choices(channel_names)
            ));
        }
    }
    if matches!(args.format, EmitFormat::Scxml | EmitFormat::Bpmn) && selected.len() != 1 {
        // One state chart or process per channel: an XML document has one root.
        return usage(format!(
            "this format needs one channel: pass --channel (and --scenario if it is in several); choices: {}",
            choices(channel_names)
        ));
    }
    let lang: Lang = args.lang.into();
    let text = match args.format {
        EmitFormat::Scxml | EmitFormat::Bpmn => {
            let mut parts = Vec::new();
            for &(ri, si, ci) in &selected {
                let r = regs[ri];
                let (s, c) = (&r.scenarios[si], &r.scenarios[si].channels[ci]);
                let doc = match args.format {
                    EmitFormat::Scxml => reglam_interchange::scxml::channel(r, s, c, lang),
                    _ => reglam_interchange::bpmn::channel(r, s, c, lang),
                };
                match doc {
                    Ok(t) => parts.push(t),
                    Err(e) => {
                        eprintln!("error: nothing emitted: {e}");
                        return ExitCode::from(1);
                    }
                }
            }
            parts.concat()
        }
        EmitFormat::Dot | EmitFormat::Mermaid => {
            let parts: Vec<String> = selected
                .iter()
                .map(|&(ri, si, ci)| {
                    let r = regs[ri];
                    let (s, c) = (&r.scenarios[si], &r.scenarios[si].channels[ci]);
                    match args.format {
                        EmitFormat::Dot => reglam_emit::dot::channel(r, s, c, lang),
                        _ => reglam_emit::mermaid::channel(r, s, c, lang),
                    }
                })
                .collect();
            parts.join("\n")
        }
        EmitFormat::Md => {
            let docs: Vec<String> = regs
                .iter()
                .map(|r| reglam_emit::markdown::render(&analysis.corpus, r, lang))
                .collect();
            docs.join("\n\n") + "\n"
        }
        EmitFormat::Json => {
            let mut doc = reglam_emit::json::document(&analysis.corpus);
            let ids: Vec<&str> = regs.iter().map(|r| r.id.as_str()).collect();
            doc.regulations.retain(|r| ids.contains(&r.id.as_str()));
            // Keep only the chosen scenarios and channels.
            for (ri, r) in doc.regulations.iter_mut().enumerate() {
                for (si, s) in r.scenarios.iter_mut().enumerate() {
                    let mut ci = 0;
                    s.channels.retain(|_| {
                        let keep = selected.contains(&(ri, si, ci));
                        ci += 1;
                        keep
                    });
                }
                r.scenarios.retain(|s| !s.channels.is_empty());
            }
            reglam_emit::json::to_string(&doc)
        }
    };
    match &args.out {
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write the output: {e}");
                    ExitCode::from(2)
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Some(path) => match write_atomically(path, text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                ExitCode::from(2)
            }
        },
    }
}

/// Writes to a temporary file in the same folder, then renames it over `path`, so a reader
/// never sees a half-written file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        // The rename is what makes an interrupted run leave whole files only; no fsync: these
        // are outputs a run can make again, and syncing each of thousands of files dominated
        // the time of a corpus build.
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
