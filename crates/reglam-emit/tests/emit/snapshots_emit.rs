//! Snapshots of every emitter for corpus regulations: one from each act's folder, one with
//! scenarios, one written in Kazakh (drawn in both languages).

use crate::support;
use reglam_emit::{dot, json, mermaid};
use reglam_model::Lang;

const FILES: &[(&str, &str)] = &[
    (
        "atyrau_01",
        "regulations/atyrau-2015-293/01-oralman_status.reglam",
    ),
    (
        "pavlodar_05",
        "regulations/pavlodar-2015-222-8/05-foreign_labour_permit.reglam",
    ),
    (
        "mtszn_15",
        "regulations/mtszn-2018-20/15-large_family_mothers_allowance.reglam",
    ),
];

fn diagrams(rel: &str, lang: Lang, mermaid_too: bool) -> String {
    let a = support::analyse(rel);
    let regs = support::regulations(&a);
    assert!(!regs.is_empty(), "{rel} declares a regulation");
    let mut out = String::new();
    for r in regs {
        for (s, c) in r.channels() {
            out.push_str(&if mermaid_too {
                mermaid::channel(r, s, c, lang)
            } else {
                dot::channel(r, s, c, lang)
            });
            out.push('\n');
        }
    }
    out
}

#[test]
fn dot_snapshots() {
    for (name, rel) in FILES {
        insta::assert_snapshot!(format!("dot_{name}_ru"), diagrams(rel, Lang::Ru, false));
    }
    insta::assert_snapshot!("dot_mtszn_15_kk", diagrams(FILES[2].1, Lang::Kk, false));
}

#[test]
fn mermaid_snapshots() {
    for (name, rel) in FILES {
        insta::assert_snapshot!(format!("mermaid_{name}_ru"), diagrams(rel, Lang::Ru, true));
    }
    insta::assert_snapshot!("mermaid_atyrau_01_kk", diagrams(FILES[0].1, Lang::Kk, true));
}

#[test]
fn json_snapshots() {
    for (name, rel) in FILES {
        let a = support::analyse(rel);
        let mut doc = json::document(&a.corpus);
        let ids: Vec<String> = support::regulations(&a)
            .iter()
            .map(|r| r.id.clone())
            .collect();
        doc.regulations.retain(|r| ids.contains(&r.id));
        insta::assert_snapshot!(format!("json_{name}"), json::to_string(&doc));
    }
}

#[test]
fn output_is_deterministic() {
    for (_, rel) in FILES {
        assert_eq!(
            diagrams(rel, Lang::Ru, false),
            diagrams(rel, Lang::Ru, false)
        );
        let a = json::to_string(&json::document(&support::analyse(rel).corpus));
        let b = json::to_string(&json::document(&support::analyse(rel).corpus));
        assert_eq!(a, b);
    }
}
