//! Every generated regulation is valid and fits its deadlines: the whole pipeline, run in
//! memory as the CLI runs it, reports no error.

use proptest::prelude::*;
use reglam_diagnostics::{Diagnostic, Severity};
use reglam_gen::{corpus_file, generate_regulation, Shape};
use reglam_model::{LoadedFile, MemoryLoader, Workspace};

fn check(text: &str) -> (reglam_model::Analysis, Vec<Diagnostic>) {
    let mut ws = Workspace::new(MemoryLoader::default());
    ws.add_root(LoadedFile {
        key: "gen.reglam".into(),
        name: "gen.reglam".into(),
        bytes: text.as_bytes().to_vec(),
    });
    let analysis = ws.finish();
    let diagnostics = reglam_check::check(&analysis);
    (analysis, diagnostics)
}

fn errors(text: &str) -> Vec<String> {
    check(text)
        .1
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| format!("{}: {}", d.code.as_str(), d.message))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn corpus_files_check_without_errors(seed in any::<u64>(), index in 0u64..100_000) {
        let text = corpus_file(seed, index);
        let errs = errors(&text);
        prop_assert!(errs.is_empty(), "{errs:?}\n{text}");
    }

    #[test]
    fn huge_and_nested_check_without_errors(seed in any::<u64>(), steps in 1usize..400, conditions in 0usize..30) {
        let huge = generate_regulation(seed, &Shape::huge(steps));
        let errs = errors(&huge);
        prop_assert!(errs.is_empty(), "{errs:?}\n{huge}");
        let nested = generate_regulation(seed, &Shape::nested(conditions));
        let errs = errors(&nested);
        prop_assert!(errs.is_empty(), "{errs:?}\n{nested}");
    }
}

#[test]
fn same_seed_same_text() {
    assert_eq!(corpus_file(7, 3), corpus_file(7, 3));
    assert_ne!(corpus_file(7, 3), corpus_file(7, 4));
    let shape = Shape::huge(50);
    assert_eq!(
        generate_regulation(1, &shape),
        generate_regulation(1, &shape)
    );
}

/// The corpus has the shapes it claims: every feature appears somewhere in a hundred files.
#[test]
fn corpus_has_the_real_shapes() {
    let all: String = (0..100).map(|i| corpus_file(1, i)).collect();
    for needle in [
        "step ",
        "check ",
        "decide ",
        "parallel ",
        "rework ",
        "max ",
        "call intake",
        "state-corporation",
        "portal",
        "scenario ",
        "due ",
        "table ",
        "refusal-to-accept",
        "reasoned-refusal",
        " wd",
        " h ",
        " min",
        "kk \"",
        "option ",
        "part ",
        "archived",
    ] {
        assert!(all.contains(needle), "no `{needle}` in 100 generated files");
    }
}

/// Forty conditions in a row have 2^40 paths; the worst one (every long branch) is still named,
/// with its exact total: 40 × (5 + 20) min for the checks and long branches, plus the intake
/// and the final steps.
#[test]
fn forty_nested_conditions_name_their_worst_path() {
    let text = generate_regulation(1, &Shape::nested(40));
    let started = std::time::Instant::now();
    let (analysis, diagnostics) = check(&text);
    let elapsed = started.elapsed();
    assert!(diagnostics.iter().all(|d| d.severity() != Severity::Error));
    let (_, channel) = analysis.corpus.regulations[0]
        .channels()
        .next()
        .expect("a channel");
    let g = &channel.flow.graph;
    let issued = g
        .node_indices()
        .find(|n| g[*n].id == "p_issued")
        .expect("the result outcome");
    let worst = channel.paths.worst_to(issued).expect("a worst path");
    let ids: Vec<&str> = worst.steps.iter().map(|s| g[s.node].id.as_str()).collect();
    for i in 0..40 {
        let long = format!("p_long{i}");
        assert!(ids.contains(&long.as_str()), "{long} not on {ids:?}");
        assert!(!ids.contains(&format!("p_short{i}").as_str()));
    }
    // A debug build of the whole pipeline; an enumeration of 2^40 paths would never finish.
    assert!(elapsed.as_secs() < 5, "took {elapsed:?}");
}
