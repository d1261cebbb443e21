//! Graphviz DOT: one digraph per channel, with a swimlane (cluster) per actor, the worst path
//! to the deadline highlighted and the verdict in the caption.

use crate::common::{self, caption_lines, edge_label, node_actor, node_text, node_time};
use petgraph::visit::EdgeRef;
use reglam_model::{Channel, Edge, Lang, NodeKind, OutcomeKind, Regulation, Scenario};
use std::collections::BTreeSet;
use std::fmt::Write;

/// The font: DejaVu Sans covers Cyrillic including the Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і)
/// and ships with Graphviz's usual font package on Debian (`fonts-dejavu-core`).
pub const FONT: &str = "DejaVu Sans";

const HIGHLIGHT: &str = "#c0392b";

/// One diagram of a regulation: which scenario and channel, and the DOT text.
#[derive(Debug, Clone)]
pub struct Diagram {
    pub scenario: Option<String>,
    pub channel: String,
    pub text: String,
}

/// Escapes text for a DOT double-quoted string: quotes and backslashes escaped (so no DOT
/// escape such as `\N` or `\G` is interpreted), newlines as DOT's `\n`, other control
/// characters dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines joined into one escaped DOT label.
fn label(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| escape(l))
        .collect::<Vec<_>>()
        .join("\\n")
}

/// Every channel of every scenario of a regulation, one digraph each, in declaration order.
pub fn regulation(reg: &Regulation, lang: Lang) -> Vec<Diagram> {
    reg.channels()
        .map(|(s, c)| Diagram {
            scenario: s.id.clone(),
            channel: c.id.clone(),
            text: channel(reg, s, c, lang),
        })
        .collect()
}

/// One channel as a DOT digraph.
pub fn channel(reg: &Regulation, scenario: &Scenario, channel: &Channel, lang: Lang) -> String {
    let g = &channel.flow.graph;
    let worst = common::worst_outcome(channel);
    let on_path: Vec<_> = worst
        .map(|(_, w)| common::path_nodes(w))
        .unwrap_or_default();
    let hot_nodes: BTreeSet<usize> = on_path.iter().map(|n| n.index()).collect();
    // Consecutive pairs on the worst path; a return for rework counted on the path is hot too.
    let mut hot_edges: BTreeSet<(usize, usize)> = on_path
        .windows(2)
        .map(|p| (p[0].index(), p[1].index()))
        .collect();
    if let Some((_, w)) = worst {
        for s in &w.steps {
            for r in channel.paths.reworks.iter().filter(|r| r.node == s.node) {
                if !r.extra.is_zero() {
                    hot_edges.insert((r.node.index(), r.target.index()));
                }
            }
        }
    }

    let mut name = reg.id.clone();
    if let Some(s) = &scenario.id {
        name.push('/');
        name.push_str(s);
    }
    name.push('/');
    name.push_str(&channel.id);

    let mut caption = Vec::new();
    let title = common::text(&reg.title, lang).unwrap_or_else(|| reg.id.clone());
    caption.extend(common::wrap(&title, 90, 3));
    let mut place = format!(
        "{}: {}",
        match lang {
            Lang::Ru => "Канал",
            Lang::Kk => "Арна",
        },
        channel.id
    );
    if let Some(s) = &scenario.id {
        let st = common::text(&scenario.title, lang).unwrap_or_else(|| s.clone());
        place = format!(
            "{}: {st}; {place}",
            match lang {
                Lang::Ru => "Сценарий",
                Lang::Kk => "Сценарий",
            }
        );
    }
    caption.extend(common::wrap(&place, 90, 2));
    if channel.falls_back(reg, scenario, lang) {
        caption.extend(common::wrap(common::fallback_note(lang), 90, 2));
    }
    let short = |n: petgraph::graph::NodeIndex| {
        let t = node_text(&g[n], lang);
        let mut w = common::wrap(&t, 60, 1);
        w.pop().unwrap_or_default()
    };
    caption.extend(caption_lines(channel, short, lang));

    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", escape(&name));
    let _ = writeln!(
        out,
        "  graph [fontname=\"{FONT}\", fontsize=12, rankdir=TB, newrank=true, nodesep=0.3, ranksep=0.35, labelloc=t, labeljust=l, label=\"{}\\l\"];",
        caption.iter().map(|l| escape(l)).collect::<Vec<_>>().join("\\l")
    );
    let _ = writeln!(
        out,
        "  node [fontname=\"{FONT}\", fontsize=10, margin=\"0.12,0.06\"];"
    );
    let _ = writeln!(
        out,
        "  edge [fontname=\"{FONT}\", fontsize=9, arrowsize=0.7];"
    );

    // Lanes in the order actors are declared; only actors acting in this channel.
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
        let _ = writeln!(out, "  subgraph cluster_a{a} {{");
        let _ = writeln!(
            out,
            "    label=\"{}\"; style=\"rounded,filled\"; fillcolor=\"#f3f5f7\"; color=\"#aab2bd\"; fontsize=11;",
            label(&lane)
        );
        for &n in nodes {
            let _ = writeln!(
                out,
                "    {}",
                node_def(g, n, hot_nodes.contains(&n.index()), lang)
            );
        }
        let _ = writeln!(out, "  }}");
    }
    for &n in &free {
        let _ = writeln!(
            out,
            "  {}",
            node_def(g, n, hot_nodes.contains(&n.index()), lang)
        );
    }

    for e in g.edge_references() {
        let (s, t) = (e.source(), e.target());
        let mut attrs = Vec::new();
        if let Some(l) = edge_label(e.weight(), &g[s], lang) {
            attrs.push(format!("label=\"{}\"", label(&common::wrap(&l, 28, 4))));
        }
        match e.weight() {
            Edge::Back => {
                attrs.push("style=dashed".into());
                attrs.push("constraint=false".into());
            }
            Edge::Timeout => attrs.push("style=dotted".into()),
            Edge::Else => attrs.push("color=\"#7f8c8d\", fontcolor=\"#7f8c8d\"".into()),
            _ => {}
        }
        if hot_edges.contains(&(s.index(), t.index())) {
            attrs.push(format!(
                "color=\"{HIGHLIGHT}\", fontcolor=\"{HIGHLIGHT}\", penwidth=2.5"
            ));
        }
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attrs.join(", "))
        };
        let _ = writeln!(out, "  n{} -> n{}{attrs};", s.index(), t.index());
    }
    out.push_str("}\n");
    out
}

fn node_def(
    g: &petgraph::graph::DiGraph<reglam_model::Node, Edge>,
    n: petgraph::graph::NodeIndex,
    hot: bool,
    lang: Lang,
) -> String {
    let node = &g[n];
    let full = node_text(node, lang);
    let mut attrs: Vec<String> = Vec::new();
    let (width, max_lines) = match node.kind {
        NodeKind::Check(_) | NodeKind::Decide(_) | NodeKind::Rework(_) => (30, 6),
        _ => (40, 8),
    };
    let mut lines = if full.is_empty() {
        Vec::new()
    } else {
        common::wrap(&full, width, max_lines)
    };
    let mut info = Vec::new();
    if let Some(c) = &node.cite {
        info.push(format!("@{}", c.raw));
    }
    if let Some(t) = node_time(node) {
        info.push(common::short_amount(t, lang));
    }
    if !info.is_empty() && !matches!(node.kind, NodeKind::Fork | NodeKind::Join) {
        lines.push(info.join(" · "));
    }
    let (shape, style, fill) = match &node.kind {
        NodeKind::Start => ("circle", "filled", "#2c3e50"),
        NodeKind::Step(_) => ("box", "rounded,filled", "#ffffff"),
        NodeKind::Wait(_) => ("box", "rounded,filled,dashed", "#fdf6e3"),
        NodeKind::Check(_) | NodeKind::Decide(_) => ("diamond", "filled", "#fef9e7"),
        NodeKind::Rework(_) => ("diamond", "filled,dashed", "#fdebd0"),
        NodeKind::Fork | NodeKind::Join => ("box", "filled", "#2c3e50"),
        NodeKind::Outcome { outcome, .. } => match outcome {
            OutcomeKind::Result => ("box", "rounded,filled,bold", "#d5f5e3"),
            OutcomeKind::RefusalToAccept | OutcomeKind::ReasonedRefusal => {
                ("octagon", "filled", "#fadbd8")
            }
            OutcomeKind::Archived => ("cylinder", "filled", "#e5e7e9"),
            OutcomeKind::Other => ("ellipse", "filled", "#eaecee"),
        },
    };
    attrs.push(format!("shape={shape}"));
    attrs.push(format!("style=\"{style}\""));
    attrs.push(format!("fillcolor=\"{fill}\""));
    match &node.kind {
        NodeKind::Start => {
            attrs.push("label=\"\", width=0.25, fixedsize=true".into());
            attrs.push(format!("tooltip=\"{}\"", escape(&full)));
        }
        NodeKind::Fork | NodeKind::Join => {
            attrs.push("label=\"\", height=0.06, width=1.6, fixedsize=true".into());
            attrs.push(format!("tooltip=\"{}\"", escape(&node.id)));
        }
        NodeKind::Outcome { .. } => {
            attrs.push("peripheries=2".into());
            attrs.push(format!("label=\"{}\"", label(&lines)));
            attrs.push(format!("tooltip=\"{}\"", escape(&full)));
        }
        _ => {
            attrs.push(format!("label=\"{}\"", label(&lines)));
            attrs.push(format!("tooltip=\"{}\"", escape(&full)));
        }
    }
    if hot {
        attrs.push(format!("color=\"{HIGHLIGHT}\", penwidth=2.5"));
    }
    format!("n{} [{}];", n.index(), attrs.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_handles_quotes_backslashes_braces_and_newlines() {
        assert_eq!(escape(r#"a "b" \c"#), r#"a \"b\" \\c"#);
        assert_eq!(escape("x\ny"), "x\\ny");
        assert_eq!(escape("{ }"), "{ }");
        assert_eq!(escape("\\N\\G"), "\\\\N\\\\G");
        assert_eq!(escape("a\r\tb"), "ab");
    }
}
