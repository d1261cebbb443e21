//! The whole pipeline on arbitrary bytes, as `reglam check` runs it: read, parse, resolve
//! imports (a second file is importable, so import handling is reached too), lower, compute
//! paths, check, render every diagnostic as a person and a machine see it, and run every
//! emitter (DOT, Mermaid, JSON, Markdown in both languages).
#![no_main]
use libfuzzer_sys::fuzz_target;
use reglam_model::{LoadedFile, MemoryLoader, Workspace};

fuzz_target!(|data: &[u8]| {
    let mut loader = MemoryLoader::default();
    loader
        .files
        .insert("dir/other.reglam".into(), data.to_vec());
    let mut ws = Workspace::new(loader);
    ws.add_root(LoadedFile {
        key: "dir/main.reglam".into(),
        name: "dir/main.reglam".into(),
        bytes: data.to_vec(),
    });
    let analysis = ws.finish();
    let diagnostics = reglam_check::check(&analysis);
    let mut out = Vec::new();
    let mut w = codespan_reporting::term::termcolor::NoColor::new(&mut out);
    let _ = reglam_diagnostics::render_human(&mut w, &analysis.sources, &diagnostics);
    let _ = reglam_diagnostics::render_json(&reglam_diagnostics::json_items(
        &analysis.sources,
        &diagnostics,
    ));
    let corpus = &analysis.corpus;
    let _ = reglam_emit::json::to_string(&reglam_emit::json::document(corpus));
    for reg in &corpus.regulations {
        for lang in [reglam_model::Lang::Ru, reglam_model::Lang::Kk] {
            let _ = reglam_emit::dot::regulation(reg, lang);
            let _ = reglam_emit::markdown::render(corpus, reg, lang);
            for (scenario, channel) in reg.channels() {
                let _ = reglam_emit::mermaid::channel(reg, scenario, channel, lang);
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
