//! Micro-benchmarks of each stage on generated regulations: parse, resolve (parse + lowering
//! + worst paths), check, and each emitter. `cargo bench -p reglam-gen`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use reglam_gen::{corpus_file, generate_regulation, Shape};
use reglam_model::{Analysis, Lang, LoadedFile, MemoryLoader, Workspace};
use std::hint::black_box;

fn analyse(text: &str) -> Analysis {
    let mut ws = Workspace::new(MemoryLoader::default());
    ws.add_root(LoadedFile {
        key: "b.reglam".into(),
        name: "b.reglam".into(),
        bytes: text.as_bytes().to_vec(),
    });
    ws.finish()
}

fn inputs() -> Vec<(&'static str, String)> {
    vec![
        ("realistic", corpus_file(1, 0)),
        ("1k-steps", generate_regulation(1, &Shape::huge(1000))),
        ("nested-40", generate_regulation(1, &Shape::nested(40))),
    ]
}

fn stages(c: &mut Criterion) {
    for (name, text) in inputs() {
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function("parse", |b| {
            b.iter(|| {
                reglam_syntax::parse(0, black_box(&text))
                    .tree
                    .statements
                    .len()
            })
        });
        g.bench_function("resolve", |b| b.iter(|| analyse(black_box(&text))));
        let analysis = analyse(&text);
        g.bench_function("check", |b| {
            b.iter(|| reglam_check::check(black_box(&analysis)).len())
        });
        let corpus = &analysis.corpus;
        g.bench_function("emit-json", |b| {
            b.iter(|| reglam_emit::json::to_string(&reglam_emit::json::document(corpus)))
        });
        for reg in &corpus.regulations {
            g.bench_function("emit-dot", |b| {
                b.iter(|| reglam_emit::dot::regulation(reg, Lang::Ru).len())
            });
            g.bench_function("emit-mermaid", |b| {
                b.iter(|| {
                    reg.channels()
                        .map(|(s, c)| reglam_emit::mermaid::channel(reg, s, c, Lang::Ru).len())
                        .sum::<usize>()
                })
            });
            g.bench_with_input(BenchmarkId::new("emit-markdown", "ru"), reg, |b, reg| {
                b.iter(|| reglam_emit::markdown::render(corpus, reg, Lang::Ru).len())
            });
        }
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = stages
}
criterion_main!(benches);
