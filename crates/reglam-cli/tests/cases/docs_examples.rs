//! Every ```reglam example in docs/ is checked, one test each (`docs::<file>::line_<n>`): a
//! plain block must check without errors; a block marked `reglam,fails=CODE` must report CODE.
//! The failing examples' rendered output is snapshotted next to their source, so a reviewer
//! sees both.

use crate::support::*;
use libtest_mimic::{Failed, Trial};

struct Example {
    doc: String,
    line: usize,
    /// For a failing example, its place among the document's examples of the same code: the
    /// snapshot's name, which stays put when text is added around it.
    ordinal: usize,
    fails: Option<String>,
    source: String,
}

fn examples() -> Vec<Example> {
    let mut out = Vec::new();
    for doc in files_with_ext(&repo().join("docs"), "md") {
        let text = std::fs::read_to_string(&doc).unwrap();
        let name = doc.file_name().unwrap().to_string_lossy().to_string();
        let mut lines = text.lines().enumerate();
        let mut per_code: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        while let Some((i, line)) = lines.next() {
            let Some(info) = line.trim().strip_prefix("```reglam") else {
                continue;
            };
            let fails = info.strip_prefix(",fails=").map(|c| c.trim().to_string());
            let mut source = String::new();
            for (_, l) in lines.by_ref() {
                if l.trim_start().starts_with("```") {
                    break;
                }
                source.push_str(l);
                source.push('\n');
            }
            let ordinal = match &fails {
                Some(code) => {
                    let n = per_code.entry(code.clone()).or_default();
                    *n += 1;
                    *n
                }
                None => 0,
            };
            out.push(Example {
                doc: name.clone(),
                line: i + 1,
                ordinal,
                fails,
                source,
            });
        }
    }
    out
}

/// The examples as tests, and one that there are examples at all.
pub fn trials() -> Vec<Trial> {
    let all = examples();
    let count = all.len();
    let mut trials = vec![Trial::test("docs::examples_exist", move || {
        assert!(count >= 5, "docs should hold examples");
        Ok(())
    })];
    trials.extend(all.into_iter().map(|ex| {
        Trial::test(format!("docs::{}::line_{}", ex.doc, ex.line), move || {
            behaves_as_documented(&ex)
        })
    }));
    trials
}

fn behaves_as_documented(ex: &Example) -> Result<(), Failed> {
    let mut failures = Vec::new();
    let name = format!("{}:{}", ex.doc, ex.line);
    // Failing examples are snapshotted: name their file by code and place, not by line.
    let file = match &ex.fails {
        Some(code) => format!(
            "{}-{code}-{}.reglam",
            ex.doc.trim_end_matches(".md"),
            ex.ordinal
        ),
        None => name.clone(),
    };
    let (analysis, diags) = check_text(&file, &ex.source);
    let codes = codes(&diags);
    match &ex.fails {
        Some(code) => {
            if !codes.contains(&code.as_str()) {
                failures.push(format!(
                    "{name}: expected {code}, got {codes:?}\n{}",
                    render(&analysis, &diags)
                ));
            }
            let snap = format!("{}\n----\n{}", ex.source, render(&analysis, &diags));
            insta::with_settings!({ snapshot_suffix => format!("{}-{code}-{}", ex.doc.trim_end_matches(".md"), ex.ordinal), prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!("example", snap);
            });
        }
        None => {
            let errors: Vec<_> = diags.iter().filter(|d| d.fails()).collect();
            if !errors.is_empty() {
                failures.push(format!(
                    "{name}: expected no errors\n{}",
                    render(&analysis, &diags)
                ));
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n\n").into())
    }
}
