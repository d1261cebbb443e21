//! `reglam emit dot|mermaid|json|md|scxml|bpmn FILE`: writes one file's regulations in a publication format.

use clap::builder::PossibleValue;
use clap::ValueEnum;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use reglam_diagnostics::render_human;
use reglam_model::{Lang, Regulation};
use reglam_pipeline::formats::{Format, Selection, FORMATS};
use reglam_pipeline::publish;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::LazyLock;

/// A format of the pipeline's registry, as a command-line value.
#[derive(Clone, Copy)]
pub struct EmitFormat(&'static Format);

static FORMAT_ARGS: LazyLock<Vec<EmitFormat>> =
    LazyLock::new(|| FORMATS.iter().map(EmitFormat).collect());

impl ValueEnum for EmitFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &FORMAT_ARGS
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.name).help(self.0.about))
    }
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
    pub lang: Option<LangArg>,
    pub out: Option<PathBuf>,
    pub root: Option<PathBuf>,
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
    let (analysis, io_errors) = reglam_pipeline::analyse_paths(
        reglam_pipeline::RealFs,
        std::slice::from_ref(&args.file),
        args.root.clone(),
    );
    if let Err(code) = crate::report_input_errors(&io_errors) {
        return code;
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
    let format = args.format.0;
    if format.one_channel && selected.len() != 1 {
        // One state chart or process per channel: an XML document has one root.
        return usage(format!(
            "this format needs one channel: pass --channel (and --scenario if it is in several); choices: {}",
            choices(channel_names)
        ));
    }
    let lang: Option<Lang> = args.lang.map(Into::into);
    let selection = Selection {
        regulations: regs,
        channels: selected,
    };
    let text = match format.emit(&analysis.corpus, &selection, lang) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: nothing emitted: {e}");
            return ExitCode::from(1);
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
        // Never a device, a FIFO or a link: `--out /dev/sda` must not be replaced.
        Some(path) => match publish(path, text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(f) => {
                eprintln!("error: {}", crate::build::failure(&f));
                ExitCode::from(2)
            }
        },
    }
}
