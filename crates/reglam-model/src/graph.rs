//! Building a channel's graph from its lowered declarations. Statements run in order, so each
//! one leaves "dangling" exits that the next picks up; jumps by name are resolved once the
//! whole channel (with its procedures inlined) is known. Procedures are lowered once
//! ([`crate::lower_flow`]) and inlined here at each call, each call with its own names.

use crate::decl::*;
use crate::model::*;
use petgraph::graph::{DiGraph, NodeIndex};
use reglam_diagnostics::{suggest::suggest, Diagnostic, NameKind, Problem, Span};
use reglam_syntax::ChannelKind;
use std::collections::HashMap;

enum Target {
    Node(NodeIndex),
    Label {
        name: String,
        scope: String,
        span: Span,
    },
}

/// What one declaration became: where to enter it and the exits that fall through.
struct Piece {
    entry: Target,
    exits: Vec<(NodeIndex, Edge)>,
}

struct Pending {
    from: NodeIndex,
    edge: Edge,
    name: String,
    scope: String,
    span: Span,
}

/// A channel's graph, its channel-level names, and how often each procedure was called.
pub(crate) struct Built {
    pub flow: Flow,
    pub labels: HashMap<String, NodeIndex>,
    pub calls: HashMap<String, usize>,
}

/// Builds the graph of a channel of kind `kind` from its declarations; the problems of names
/// (unknown targets, duplicates, calls) go to `diagnostics`.
pub(crate) fn build(
    body: &[FlowDecl],
    kind: ChannelKind,
    procs: &Procedures,
    diagnostics: &mut Vec<Diagnostic>,
) -> Built {
    let mut graph = DiGraph::new();
    let start = graph.add_node(Node {
        id: "start".into(),
        kind: NodeKind::Start,
        procedure: None,
        cite: None,
        span: Span::default(),
    });
    let mut b = GraphBuilder {
        diagnostics,
        kind,
        procs,
        graph,
        start,
        labels: HashMap::new(),
        pending: Vec::new(),
        call_stack: Vec::new(),
        calls: HashMap::new(),
    };
    // Exits left dangling at the end of a channel lead nowhere: the graph keeps them as nodes
    // without successors, which the checks report.
    let (entry, _dangling) = b.seq(body, "");
    if let Some(t) = entry {
        b.connect(b.start, Edge::Next, t);
    }
    b.finish()
}

struct GraphBuilder<'d, 's> {
    diagnostics: &'d mut Vec<Diagnostic>,
    /// The kind of the channel being built: steps and times marked `for` other kinds are left out.
    kind: ChannelKind,
    procs: &'s Procedures,
    graph: DiGraph<Node, Edge>,
    start: NodeIndex,
    /// Qualified names (`procedure/step`, or `step` at channel level) to nodes.
    labels: HashMap<String, (NodeIndex, Span)>,
    pending: Vec<Pending>,
    call_stack: Vec<String>,
    calls: HashMap<String, usize>,
}

impl GraphBuilder<'_, '_> {
    fn report(&mut self, problem: Problem, cite: Option<&Citation>) {
        self.diagnostics
            .push(problem.into_diagnostic(cite.map(|c| c.raw.as_str())));
    }

    fn finish(mut self) -> Built {
        for p in std::mem::take(&mut self.pending) {
            if let Some(to) = self.resolve(&p.name, &p.scope, p.span) {
                self.graph.add_edge(p.from, to, p.edge);
            }
        }
        let labels = self
            .labels
            .iter()
            .map(|(k, (n, _))| (k.clone(), *n))
            .collect();
        Built {
            flow: Flow {
                graph: self.graph,
                start: self.start,
            },
            labels,
            calls: self.calls,
        }
    }

    fn resolve(&mut self, name: &str, scope: &str, span: Span) -> Option<NodeIndex> {
        let scoped = qualify(scope, name);
        if let Some((n, _)) = self.labels.get(&scoped).or_else(|| self.labels.get(name)) {
            return Some(*n);
        }
        let candidates: Vec<&str> = self.labels.keys().map(|k| k.as_str()).collect();
        let suggestion = suggest(name, candidates.iter().copied())
            .or_else(|| suggest(&scoped, candidates.iter().copied()));
        self.report(
            Problem::UnknownName {
                span,
                what: NameKind::StepOrOutcome,
                name: name.to_string(),
                suggestion,
            },
            None,
        );
        None
    }

    fn connect(&mut self, from: NodeIndex, edge: Edge, to: Target) {
        match to {
            Target::Node(n) => {
                self.graph.add_edge(from, n, edge);
            }
            Target::Label { name, scope, span } => self.pending.push(Pending {
                from,
                edge,
                name,
                scope,
                span,
            }),
        }
    }

    fn label(name: &Name, scope: &str) -> Target {
        Target::Label {
            name: name.0.clone(),
            scope: scope.to_string(),
            span: name.1,
        }
    }

    /// Builds declarations in order; returns the entry and the exits that fall through.
    fn seq(&mut self, body: &[FlowDecl], scope: &str) -> (Option<Target>, Vec<(NodeIndex, Edge)>) {
        let mut entry = None;
        let mut dangling: Vec<(NodeIndex, Edge)> = Vec::new();
        for d in body {
            let Some(l) = self.decl(d, scope) else {
                continue;
            };
            for (n, e) in dangling.drain(..) {
                let t = match &l.entry {
                    Target::Node(x) => Target::Node(*x),
                    Target::Label { name, scope, span } => Target::Label {
                        name: name.clone(),
                        scope: scope.clone(),
                        span: *span,
                    },
                };
                self.connect(n, e, t);
            }
            if entry.is_none() {
                entry = Some(l.entry);
            }
            dangling = l.exits;
        }
        (entry, dangling)
    }

    fn add(
        &mut self,
        id: Option<&Name>,
        kind: NodeKind,
        scope: &str,
        cite: Option<Citation>,
        span: Span,
    ) -> NodeIndex {
        let name = id.map_or_else(
            || format!("#{}", self.graph.node_count()),
            |(n, _)| qualify(scope, n),
        );
        let procedure =
            (!scope.is_empty()).then(|| scope.split('#').next().unwrap_or(scope).to_string());
        let idx = self.graph.add_node(Node {
            id: name.clone(),
            kind,
            procedure,
            cite: cite.clone(),
            span,
        });
        if let Some((n, nspan)) = id {
            if let Some((_, first)) = self.labels.get(&name) {
                let first = *first;
                self.report(
                    Problem::Duplicate {
                        span: *nspan,
                        first,
                        what: NameKind::Step,
                        name: n.clone(),
                    },
                    cite.as_ref(),
                );
            } else {
                self.labels.insert(name, (idx, *nspan));
            }
        }
        idx
    }

    /// Whether something marked `for KIND…` belongs in this channel.
    fn applies(&self, kinds: &[ChannelKind]) -> bool {
        kinds.is_empty() || kinds.contains(&self.kind)
    }

    fn decl(&mut self, d: &FlowDecl, scope: &str) -> Option<Piece> {
        match &d.kind {
            DeclKind::Step {
                id,
                kind,
                step,
                timed,
                for_kinds,
                arrow,
                then,
                otherwise,
                whens,
            } => {
                if !self.applies(for_kinds) {
                    return None;
                }
                let mut step = step.clone();
                for t in timed.iter().filter(|t| self.applies(&t.for_kinds)) {
                    if t.option {
                        step.options.push(t.timed.clone());
                    } else {
                        step.parts.push(t.timed.clone());
                    }
                }
                let node = match kind {
                    StepKind::Check => NodeKind::Check(step),
                    StepKind::Decide => NodeKind::Decide(step),
                    StepKind::Wait => NodeKind::Wait(step),
                    StepKind::Step => NodeKind::Step(step),
                };
                let n = self.add(Some(id), node, scope, d.cite.clone(), d.span);
                let mut exits = Vec::new();
                match kind {
                    StepKind::Check => {
                        match then {
                            Some(t) => self.connect(n, Edge::Then, Self::label(t, scope)),
                            None => exits.push((n, Edge::Then)),
                        }
                        // Without `else` the check leads one way only; the checks report that
                        // (W023).
                        if let Some(t) = otherwise {
                            self.connect(n, Edge::Else, Self::label(t, scope));
                        }
                    }
                    StepKind::Decide => {
                        for (label, t) in whens {
                            self.connect(n, Edge::When(label.clone()), Self::label(t, scope));
                        }
                    }
                    StepKind::Step | StepKind::Wait => match arrow {
                        Some(t) => self.connect(n, Edge::Next, Self::label(t, scope)),
                        None => exits.push((n, Edge::Next)),
                    },
                }
                Some(Piece {
                    entry: Target::Node(n),
                    exits,
                })
            }
            DeclKind::Outcome { id, outcome, text } => {
                let node = NodeKind::Outcome {
                    outcome: *outcome,
                    text: text.clone(),
                };
                let n = self.add(Some(id), node, scope, d.cite.clone(), d.span);
                Some(Piece {
                    entry: Target::Node(n),
                    exits: vec![],
                })
            }
            DeclKind::Goto { target } => Some(Piece {
                entry: Self::label(target, scope),
                exits: vec![],
            }),
            DeclKind::Call { name: (name, span) } => {
                let Some(body) = self.procs.get(name).cloned() else {
                    let suggestion = suggest(name, self.procs.keys().map(|k| k.as_str()));
                    self.report(
                        Problem::UnknownName {
                            span: *span,
                            what: NameKind::Procedure,
                            name: name.clone(),
                            suggestion,
                        },
                        d.cite.as_ref(),
                    );
                    return None;
                };
                if self.call_stack.contains(name) {
                    let problem = Problem::RecursiveCall {
                        span: *span,
                        name: name.clone(),
                    };
                    self.report(problem, d.cite.as_ref());
                    return None;
                }
                let count = self.calls.entry(name.clone()).or_default();
                *count += 1;
                // A second call in one channel gets its own copy of the procedure's names.
                let inner_scope = if *count == 1 {
                    name.clone()
                } else {
                    format!("{name}#{count}")
                };
                self.call_stack.push(name.clone());
                let (entry, exits) = self.seq(&body, &inner_scope);
                self.call_stack.pop();
                entry.map(|entry| Piece { entry, exits })
            }
            DeclKind::Parallel { id, branches } => {
                let fork = self.add(id.as_ref(), NodeKind::Fork, scope, d.cite.clone(), d.span);
                let join_id = id.as_ref().map(|(n, s)| (format!("{n}-join"), *s));
                // Created right after its fork: `Flow::join_of` relies on it.
                let join = self.add(
                    join_id.as_ref(),
                    NodeKind::Join,
                    scope,
                    d.cite.clone(),
                    d.span,
                );
                for branch in branches {
                    let (entry, exits) = self.seq(branch, scope);
                    match entry {
                        Some(t) => self.connect(fork, Edge::Branch, t),
                        None => {
                            self.graph.add_edge(fork, join, Edge::Branch);
                        }
                    }
                    for (n, e) in exits {
                        self.graph.add_edge(n, join, e);
                    }
                }
                if branches.is_empty() {
                    self.graph.add_edge(fork, join, Edge::Next);
                }
                Some(Piece {
                    entry: Target::Node(fork),
                    exits: vec![(join, Edge::Next)],
                })
            }
            DeclKind::Rework {
                id,
                rework,
                back,
                timeout,
            } => {
                let node = NodeKind::Rework(rework.clone());
                let n = self.add(Some(id), node, scope, d.cite.clone(), d.span);
                if let Some(t) = back {
                    self.connect(n, Edge::Back, Self::label(t, scope));
                }
                if let Some(t) = timeout {
                    self.connect(n, Edge::Timeout, Self::label(t, scope));
                }
                Some(Piece {
                    entry: Target::Node(n),
                    exits: vec![(n, Edge::Next)],
                })
            }
        }
    }
}

/// A channel's graph and its dues.
pub(crate) type BuiltChannel = (Flow, Vec<Due>);

/// Builds every channel of a lowered regulation: its graph and its dues, and counts the calls
/// of its procedures.
pub(crate) fn build_regulation(
    reg: &Regulation,
    flows: &RegulationFlows,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Vec<BuiltChannel>>, Vec<usize>) {
    let mut calls: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for channels in &flows.channels {
        let mut built_channels = Vec::new();
        for c in channels {
            let built = build(&c.body, c.kind, &c.procs, diagnostics);
            for (p, n) in &built.calls {
                *calls.entry(p.clone()).or_default() += n;
            }
            let mut dues = Vec::new();
            for d in &c.dues {
                let (step, span) = &d.step;
                let Some(node) = built.labels.get(step).copied() else {
                    let problem = Problem::UnknownName {
                        span: *span,
                        what: NameKind::Step,
                        name: step.clone(),
                        suggestion: suggest(step, built.labels.keys().map(|k| k.as_str())),
                    };
                    diagnostics
                        .push(problem.into_diagnostic(d.cite.as_ref().map(|c| c.raw.as_str())));
                    continue;
                };
                dues.push(Due {
                    node,
                    limit: d.limit.clone(),
                    cite: d.cite.clone(),
                    span: d.span,
                });
            }
            built_channels.push((built.flow, dues));
        }
        out.push(built_channels);
    }
    let counts: Vec<usize> = reg
        .procedures
        .iter()
        .map(|p| calls.get(&p.id).copied().unwrap_or(0))
        .collect();
    // A procedure no channel calls is still built, so mistakes in its names are reported.
    for (p, n) in reg.procedures.iter().zip(&counts) {
        if *n == 0 {
            if let Some(body) = flows.procedures.get(&p.id) {
                build(body, ChannelKind::Other, &flows.procedures, diagnostics);
            }
        }
    }
    (out, counts)
}

fn qualify(scope: &str, name: &str) -> String {
    if scope.is_empty() {
        name.to_string()
    } else {
        format!("{scope}/{name}")
    }
}
