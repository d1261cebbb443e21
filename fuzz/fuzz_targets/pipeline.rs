//! The whole pipeline on arbitrary bytes, as `reglam check` runs it: read through the
//! pipeline's loader (a second file is importable, so import handling is reached too), parse,
//! lower, compute paths, check, render every diagnostic as a person and a machine see it, and
//! write every output format of the registry in both languages.
#![no_main]
use libfuzzer_sys::fuzz_target;
use reglam_pipeline::formats::{Selection, FORMATS};
use reglam_pipeline::{discover, MemoryFs};
use std::path::PathBuf;

fuzz_target!(|data: &[u8]| {
    let mut fs = MemoryFs::new("/ws");
    fs.insert("dir/main.reglam", data.to_vec());
    fs.insert("dir/other.reglam", data.to_vec());
    let inputs = discover(fs, &[PathBuf::from("dir/main.reglam")], None);
    let (analysis, _) = inputs.analyse(&inputs.files);
    let diagnostics = reglam_check::check(&analysis);
    let mut out = Vec::new();
    let mut w = codespan_reporting::term::termcolor::NoColor::new(&mut out);
    let _ = reglam_diagnostics::render_human(&mut w, &analysis.sources, &diagnostics);
    let _ = reglam_diagnostics::render_json(
        &reglam_diagnostics::json_items(&analysis.sources, &diagnostics),
    );
    let corpus = &analysis.corpus;
    for reg in &corpus.regulations {
        for lang in [reglam_model::Lang::Ru, reglam_model::Lang::Kk] {
            let _ = reglam_emit::dot::regulation(reg, lang);
            for format in FORMATS {
                let mut selection = Selection::all(vec![reg]);
                if format.one_channel {
                    selection.channels.truncate(1);
                }
                let _ = format.emit(corpus, &selection, Some(lang));
            }
        }
        // Every worst path the model computed can be written out.
        for (_, channel) in reg.channels() {
            for n in channel.flow.graph.node_indices() {
                let _ = channel.paths.worst_to(n);
            }
        }
    }
});
