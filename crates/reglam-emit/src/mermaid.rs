//! Mermaid `flowchart TD`: a subgraph per actor, so the diagram renders inside Markdown on
//! code-hosting sites with no tool installed. Ids are ASCII (`n0`, `a0`); every label is quoted.

use crate::common::{self, edge_label, node_actor, node_text, node_time};
use petgraph::visit::EdgeRef;
use reglam_model::{Channel, Edge, Lang, NodeKind, OutcomeKind, Regulation, Scenario};
use std::collections::BTreeSet;
use std::fmt::Write;

/// Escapes text for a quoted Mermaid label: characters Mermaid would read as syntax become
/// entity codes (`"` → `#quot;`), newlines become `<br>`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '|' => out.push_str("#124;"),
            '\n' => out.push_str("<br>"),
            c if c.is_control() => {}
            // Shown, not obeyed: a bidirectional control would reorder the label.
            c if reglam_diagnostics::is_unsafe_char(c) => out.push_str(
                &reglam_diagnostics::escape_controls(c.encode_utf8(&mut [0; 4])),
            ),
            c => out.push(c),
        }
    }
    out
}

fn label(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| escape(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// One channel as a Mermaid flowchart. The caption (worst path, deadline, verdict) is given
/// as `%%` comment lines at the top, since a flowchart has no caption of its own.
pub fn channel(reg: &Regulation, scenario: &Scenario, channel: &Channel, lang: Lang) -> String {
    let g = &channel.flow.graph;
    let worst = common::worst_outcome(channel);
    let on_path: Vec<_> = worst
        .map(|(_, w)| common::path_nodes(w))
        .unwrap_or_default();
    let hot_nodes: BTreeSet<usize> = on_path.iter().map(|n| n.index()).collect();
    let hot_edges: BTreeSet<(usize, usize)> = on_path
        .windows(2)
        .map(|p| (p[0].index(), p[1].index()))
        .collect();

    let mut out = String::new();
    let mut place = channel.id.clone();
    if let Some(s) = &scenario.id {
        place = format!("{s}/{place}");
    }
    let _ = writeln!(out, "%% {} / {place}", reg.id);
    if channel.falls_back(reg, scenario, lang) {
        let _ = writeln!(out, "%% {}", common::fallback_note(lang));
    }
    let short = |n: petgraph::graph::NodeIndex| {
        common::wrap(&node_text(&g[n], lang), 60, 1)
            .pop()
            .unwrap_or_default()
    };
    for line in common::caption_lines(channel, short, lang) {
        // A comment ends at the line's end; nothing in it needs escaping but line breaks.
        let _ = writeln!(out, "%% {}", line.replace(['\n', '\r'], " "));
    }
    out.push_str("flowchart TD\n");

    let mut lanes: Vec<Vec<petgraph::graph::NodeIndex>> = vec![Vec::new(); reg.actors.len()];
    let mut free = Vec::new();
    for n in g.node_indices() {
        match node_actor(&g[n]).filter(|a| *a < reg.actors.len()) {
            Some(a) => lanes[a].push(n),
            None => free.push(n),
        }
    }
    for (a, nodes) in lanes.iter().enumerate() {
        if nodes.is_empty() {
            continue;
        }
        let lane = common::wrap(&common::actor_name(reg, a, lang), 50, 3);
        let _ = writeln!(out, "  subgraph a{a}[\"{}\"]", label(&lane));
        for &n in nodes {
            let _ = writeln!(out, "    {}", node_def(g, n, lang));
        }
        out.push_str("  end\n");
    }
    for &n in &free {
        let _ = writeln!(out, "  {}", node_def(g, n, lang));
    }

    let mut hot_links = Vec::new();
    for (i, e) in g.edge_references().enumerate() {
        let (s, t) = (e.source(), e.target());
        let arrow = match e.weight() {
            Edge::Back | Edge::Timeout => "-.->",
            _ => "-->",
        };
        let text = edge_label(e.weight(), &g[s], lang)
            .map(|l| format!("|\"{}\"|", label(&common::wrap(&l, 28, 4))))
            .unwrap_or_default();
        let _ = writeln!(out, "  n{} {arrow}{text} n{}", s.index(), t.index());
        let back_hot = *e.weight() == Edge::Back
            && worst.is_some_and(|(_, w)| {
                w.steps.iter().any(|st| st.node == s)
                    && channel
                        .paths
                        .reworks
                        .iter()
                        .any(|r| r.node == s && r.target == t && !r.extra.is_zero())
            });
        if (*e.weight() != Edge::Back && hot_edges.contains(&(s.index(), t.index()))) || back_hot {
            hot_links.push(i.to_string());
        }
    }

    out.push_str("  classDef result fill:#d5f5e3,stroke:#1e8449\n");
    out.push_str("  classDef refusal fill:#fadbd8,stroke:#922b21\n");
    out.push_str("  classDef archived fill:#e5e7e9,stroke:#626567\n");
    out.push_str("  classDef bar fill:#2c3e50,stroke:#2c3e50,color:#2c3e50\n");
    out.push_str("  classDef worst stroke:#c0392b,stroke-width:3px\n");
    let mut classes: Vec<(&str, Vec<String>)> = vec![
        ("result", Vec::new()),
        ("refusal", Vec::new()),
        ("archived", Vec::new()),
        ("bar", Vec::new()),
    ];
    for n in g.node_indices() {
        let slot = match g[n].kind {
            NodeKind::Outcome { outcome, .. } => match outcome {
                OutcomeKind::Result => Some(0),
                OutcomeKind::RefusalToAccept | OutcomeKind::ReasonedRefusal => Some(1),
                OutcomeKind::Archived => Some(2),
                OutcomeKind::Other => None,
            },
            NodeKind::Fork | NodeKind::Join => Some(3),
            _ => None,
        };
        if let Some(i) = slot {
            classes[i].1.push(format!("n{}", n.index()));
        }
    }
    // `worst` last so the highlight's stroke wins over the kind's.
    let hot: Vec<String> = hot_nodes.iter().map(|i| format!("n{i}")).collect();
    classes.push(("worst", hot));
    for (class, nodes) in classes {
        if !nodes.is_empty() {
            let _ = writeln!(out, "  class {} {class}", nodes.join(","));
        }
    }
    if !hot_links.is_empty() {
        let _ = writeln!(
            out,
            "  linkStyle {} stroke:#c0392b,stroke-width:3px",
            hot_links.join(",")
        );
    }
    out
}

fn node_def(
    g: &petgraph::graph::DiGraph<reglam_model::Node, Edge>,
    n: petgraph::graph::NodeIndex,
    lang: Lang,
) -> String {
    let node = &g[n];
    let mut lines = common::wrap(&node_text(node, lang), 40, 8);
    let mut info = Vec::new();
    if let Some(c) = &node.cite {
        info.push(format!("@{}", c.raw));
    }
    if let Some(t) = node_time(node) {
        info.push(common::short_amount(t, lang));
    }
    if !info.is_empty() {
        lines.push(info.join(" · "));
    }
    let l = label(&lines);
    let id = format!("n{}", n.index());
    match &node.kind {
        NodeKind::Start => format!("{id}((\"{l}\"))"),
        NodeKind::Step(_) => format!("{id}[\"{l}\"]"),
        NodeKind::Wait(_) => format!("{id}[/\"{l}\"/]"),
        NodeKind::Check(_) | NodeKind::Decide(_) | NodeKind::Rework(_) => {
            format!("{id}{{\"{l}\"}}")
        }
        NodeKind::Fork | NodeKind::Join => format!("{id}[\" \"]"),
        NodeKind::Outcome { outcome, .. } => match outcome {
            OutcomeKind::Archived => format!("{id}[(\"{l}\")]"),
            OutcomeKind::RefusalToAccept | OutcomeKind::ReasonedRefusal => {
                format!("{id}{{{{\"{l}\"}}}}")
            }
            _ => format!("{id}([\"{l}\"])"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_turns_syntax_into_entities() {
        assert_eq!(escape("ГУ \"Центр\""), "ГУ #quot;Центр#quot;");
        assert_eq!(escape("a|b<c>#d"), "a#124;b#lt;c#gt;#35;d");
        assert_eq!(escape("x\ny"), "x<br>y");
    }
}
