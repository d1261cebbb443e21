//! Runs the real Graphviz `dot -Tsvg` on every diagram the corpus produces, in both languages,
//! and fails on any error or warning (bad escaping, unknown attributes, missing fonts...).

use crate::support;
use reglam_model::Lang;
use std::io::Write;
use std::process::{Command, Stdio};

fn render(dot_text: &str) -> Result<(String, String), String> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            format!(
                "cannot run Graphviz `dot` ({e}): install graphviz \
                 (apt-get install graphviz fonts-dejavu-core; tests/run.sh does it)"
            )
        })?;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot_text.as_bytes())
        .map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "dot failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok((
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

#[test]
fn every_corpus_diagram_renders_without_warnings() {
    let mut count = 0;
    let mut failures = Vec::new();
    for rel in support::corpus_files() {
        let a = support::analyse(&rel);
        for r in support::regulations(&a) {
            for lang in [Lang::Ru, Lang::Kk] {
                for d in reglam_emit::dot::regulation(r, lang) {
                    let (svg, stderr) = match render(&d.text) {
                        Ok(x) => x,
                        Err(e) => panic!("{rel} {}/{}: {e}", r.id, d.channel),
                    };
                    count += 1;
                    if !stderr.trim().is_empty() {
                        failures.push(format!("{rel} {} {}: {stderr}", r.id, d.channel));
                    }
                    assert!(svg.contains("<svg"), "{rel}: no SVG");
                    // The font asked for is the one written into the SVG.
                    assert!(svg.contains("DejaVu Sans"), "{rel}: font not used");
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(count >= 46, "only {count} diagrams rendered");
}

#[test]
fn hostile_text_renders_and_round_trips() {
    // Quotes, backslashes, braces, DOT's own escapes and newlines inside a label.
    let nasty = "a \"q\" \\ b {c} [d] <e> \\N \\G \\l \n f; g -> h";
    let text = format!(
        "digraph \"{}\" {{ n0 [label=\"{}\"]; }}",
        reglam_emit::dot::escape(nasty),
        reglam_emit::dot::escape(nasty)
    );
    let (svg, stderr) = render(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(stderr.trim().is_empty(), "{stderr}");
    // The backslash sequences stay literal: Graphviz did not expand \N into the node name.
    assert!(svg.contains("\\N \\G"), "{svg}");
    assert!(svg.contains("{c}"), "{svg}");
}
