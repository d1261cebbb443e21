//! Real regulations, damaged at random (bytes flipped, deleted, duplicated, lines swapped),
//! go through the whole pipeline (parse, resolve, check) without a panic.

use proptest::prelude::*;
use reglam_testkit::{analyse_files, corpus_files, repo};

fn corpus() -> Vec<Vec<u8>> {
    corpus_files()
        .into_iter()
        .filter(|f| !f.ends_with("act.reglam"))
        .map(|f| std::fs::read(repo().join(f)).unwrap())
        .collect()
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Delete(usize, usize),
    Duplicate(usize, usize),
    SwapLines(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), 1usize..200).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), 1usize..200).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

fn apply(mut bytes: Vec<u8>, m: &Mutation) -> Vec<u8> {
    if bytes.is_empty() {
        return bytes;
    }
    let len = bytes.len();
    match *m {
        Mutation::Flip(i, b) => bytes[i % len] = b,
        Mutation::Delete(i, n) => {
            let i = i % len;
            bytes.drain(i..(i + n).min(len));
        }
        Mutation::Duplicate(i, n) => {
            let i = i % len;
            let piece: Vec<u8> = bytes[i..(i + n).min(len)].to_vec();
            bytes.splice(i..i, piece);
        }
        Mutation::SwapLines(a, b) => {
            let mut lines: Vec<&[u8]> = bytes.split(|c| *c == b'\n').collect();
            let n = lines.len();
            lines.swap(a % n, b % n);
            bytes = lines.join(&b'\n');
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn damaged_regulations_never_panic(
        which in any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let files = corpus();
        let mut bytes = files[which % files.len()].clone();
        for m in &mutations {
            bytes = apply(bytes, m);
        }
        // The standard it may import is available, as in the corpus.
        let standard = std::fs::read(repo().join("regulations/standards/mzsr-2015-279.reglam")).unwrap();
        let analysis = analyse_files(&[
            ("regulations/x/damaged.reglam", &bytes),
            ("regulations/standards/mzsr-2015-279.reglam", &standard),
        ]);
        let diagnostics = reglam_check::check(&analysis);
        // Rendering every finding must work too.
        let _ = reglam_testkit::render(&analysis, &diagnostics);
    }
}
