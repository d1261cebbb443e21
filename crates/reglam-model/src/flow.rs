//! Building a channel's graph. Statements run in order, so each lowered statement leaves
//! "dangling" exits that the next statement picks up; jumps by name are resolved once the whole
//! channel (with its procedures inlined) is known.

use crate::model::*;
use crate::read::{normalize, Reader};
use petgraph::graph::{DiGraph, NodeIndex};
use reglam_diagnostics::{suggest::suggest, Expected, NameKind, Problem, Span, Within};
use reglam_syntax::{Fixed, Keyword, Parent, Statement};
use std::collections::HashMap;

enum Target {
    Node(NodeIndex),
    Label {
        name: String,
        scope: String,
        span: Span,
    },
}

struct Lowered {
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

pub(crate) struct FlowBuilder<'l, 'a, 's> {
    read: &'l mut Reader<'a>,
    /// The kind of the channel being built: steps and times marked `for` other kinds are left out.
    kind: ChannelKind,
    actors: &'s [Actor],
    procs: &'s HashMap<String, &'s Statement>,
    graph: DiGraph<Node, Edge>,
    start: NodeIndex,
    /// Qualified names (`procedure/step`, or `step` at channel level) to nodes.
    labels: HashMap<String, (NodeIndex, Span)>,
    pending: Vec<Pending>,
    call_stack: Vec<String>,
    calls: HashMap<String, usize>,
}

impl<'l, 'a, 's> FlowBuilder<'l, 'a, 's> {
    pub(crate) fn new(
        read: &'l mut Reader<'a>,
        kind: ChannelKind,
        actors: &'s [Actor],
        procs: &'s HashMap<String, &'s Statement>,
    ) -> Self {
        let mut graph = DiGraph::new();
        let start = graph.add_node(Node {
            id: "start".into(),
            kind: NodeKind::Start,
            procedure: None,
            cite: None,
            span: Span::default(),
        });
        FlowBuilder {
            read,
            kind,
            actors,
            procs,
            graph,
            start,
            labels: HashMap::new(),
            pending: Vec::new(),
            call_stack: Vec::new(),
            calls: HashMap::new(),
        }
    }

    pub(crate) fn channel(&mut self, stmts: &[&Statement]) {
        // Exits left dangling at the end of a channel lead nowhere: the graph keeps them as
        // nodes without successors, which the checks report.
        let (entry, _dangling) = self.seq(stmts.iter().copied(), "");
        if let Some(t) = entry {
            self.connect(self.start, Edge::Next, t);
        }
    }

    /// The graph, the channel-level names, and how often each procedure was called.
    pub(crate) fn finish(mut self) -> (Flow, HashMap<String, NodeIndex>, HashMap<String, usize>) {
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
        (
            Flow {
                graph: self.graph,
                start: self.start,
            },
            labels,
            self.calls,
        )
    }

    fn resolve(&mut self, name: &str, scope: &str, span: Span) -> Option<NodeIndex> {
        let scoped = qualify(scope, name);
        if let Some((n, _)) = self.labels.get(&scoped).or_else(|| self.labels.get(name)) {
            return Some(*n);
        }
        let candidates: Vec<&str> = self.labels.keys().map(|k| k.as_str()).collect();
        let suggestion = suggest(name, candidates.iter().copied())
            .or_else(|| suggest(&scoped, candidates.iter().copied()));
        self.read.report(
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

    fn label(name: &(String, Span), scope: &str) -> Target {
        Target::Label {
            name: name.0.clone(),
            scope: scope.to_string(),
            span: name.1,
        }
    }

    /// Lowers statements in order; returns the entry and the exits that fall through.
    fn seq<'x>(
        &mut self,
        stmts: impl Iterator<Item = &'x Statement>,
        scope: &str,
    ) -> (Option<Target>, Vec<(NodeIndex, Edge)>) {
        let mut entry = None;
        let mut dangling: Vec<(NodeIndex, Edge)> = Vec::new();
        for st in stmts {
            let ctx = if scope.is_empty() {
                Parent::Channel
            } else {
                Parent::Procedure
            };
            let Some(kw) = self.read.keyword(
                st,
                if matches!(ctx, Parent::Channel) {
                    Parent::Branch
                } else {
                    ctx
                },
            ) else {
                continue;
            };
            let Some(l) = self.statement(st, kw, scope) else {
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
        id: Option<&(String, Span)>,
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
                self.read.report(
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

    fn actor(&mut self, word: &(String, Span), cite: Option<&Citation>) -> Option<usize> {
        if let Some(i) = self.actors.iter().position(|a| a.id == word.0) {
            return Some(i);
        }
        let suggestion = suggest(&word.0, self.actors.iter().map(|a| a.id.as_str()));
        self.read.report(
            Problem::UndeclaredActor {
                span: word.1,
                name: word.0.clone(),
                suggestion,
            },
            cite,
        );
        None
    }

    fn statement(&mut self, st: &Statement, kw: Keyword, scope: &str) -> Option<Lowered> {
        match kw {
            Keyword::Step | Keyword::Wait | Keyword::Check | Keyword::Decide => {
                self.step_like(st, kw, scope)
            }
            Keyword::Outcome => {
                let h = self.read.header(st);
                self.read.no_block(st);
                let Some(id) = h.words.first().cloned() else {
                    self.read.missing(st, Expected::Name);
                    return None;
                };
                let outcome = match h.words.get(1) {
                    Some(w) => self
                        .read
                        .choice::<OutcomeKind>(st, w)
                        .unwrap_or(OutcomeKind::Other),
                    None => {
                        self.read.missing(st, Expected::OutcomeKind);
                        OutcomeKind::Other
                    }
                };
                let text = self.read.text_of(&h);
                let n = self.add(
                    Some(&id),
                    NodeKind::Outcome { outcome, text },
                    scope,
                    h.cite.clone(),
                    st.span,
                );
                Some(Lowered {
                    entry: Target::Node(n),
                    exits: vec![],
                })
            }
            Keyword::Goto => {
                let h = self.read.header(st);
                self.read.no_block(st);
                let Some(t) = h.words.first() else {
                    self.read.missing(st, Expected::Destination);
                    return None;
                };
                Some(Lowered {
                    entry: Self::label(t, scope),
                    exits: vec![],
                })
            }
            Keyword::Call => {
                let h = self.read.header(st);
                self.read.no_block(st);
                let Some((name, span)) = h.words.first().cloned() else {
                    self.read.missing(st, Expected::ProcedureName);
                    return None;
                };
                let Some(proc_st) = self.procs.get(&name).copied() else {
                    let suggestion = suggest(&name, self.procs.keys().map(|k| k.as_str()));
                    self.read.report(
                        Problem::UnknownName {
                            span,
                            what: NameKind::Procedure,
                            name,
                            suggestion,
                        },
                        h.cite.as_ref(),
                    );
                    return None;
                };
                if self.call_stack.contains(&name) {
                    self.read
                        .report(Problem::RecursiveCall { span, name }, h.cite.as_ref());
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
                self.call_stack.push(name);
                let body = proc_st
                    .block
                    .as_ref()
                    .map_or(&[][..], |b| &b.statements[..]);
                let (entry, exits) = self.seq(body.iter(), &inner_scope);
                self.call_stack.pop();
                entry.map(|entry| Lowered { entry, exits })
            }
            Keyword::Parallel => {
                let h = self.read.header(st);
                let id = h.words.first().cloned();
                let fork = self.add(id.as_ref(), NodeKind::Fork, scope, h.cite.clone(), st.span);
                let join_id = id.as_ref().map(|(n, s)| (format!("{n}-join"), *s));
                // Created right after its fork: `Flow::join_of` relies on it.
                let join = self.add(
                    join_id.as_ref(),
                    NodeKind::Join,
                    scope,
                    h.cite.clone(),
                    st.span,
                );
                let branches = st.block.as_ref().map_or(&[][..], |b| &b.statements[..]);
                let mut count = 0;
                for b in branches {
                    if self.read.keyword(b, Parent::Parallel).is_none() {
                        continue;
                    }
                    count += 1;
                    self.read.header(b);
                    let body = b.block.as_ref().map_or(&[][..], |b| &b.statements[..]);
                    let (entry, exits) = self.seq(body.iter(), scope);
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
                if count == 0 {
                    self.read.missing(st, Expected::BranchBlocks);
                    self.graph.add_edge(fork, join, Edge::Next);
                }
                Some(Lowered {
                    entry: Target::Node(fork),
                    exits: vec![(join, Edge::Next)],
                })
            }
            Keyword::Rework => {
                let h = self.read.header(st);
                let Some(id) = h.words.first().cloned() else {
                    self.read.missing(st, Expected::Name);
                    return None;
                };
                let actor = h.words.get(1).and_then(|w| self.actor(w, h.cite.as_ref()));
                let mut rw = Rework {
                    actor,
                    reason: self.read.text_of(&h),
                    max: None,
                    takes: None,
                    clock_paused: false,
                    timeout: None,
                };
                let mut timeout_target = None;
                for s in st.block.as_ref().map_or(&[][..], |b| &b.statements[..]) {
                    match self.read.keyword(s, Parent::Rework) {
                        Some(Keyword::Max) => {
                            let h = self.read.header(s);
                            // `max 2 times`: the word, when written, must be `times`.
                            if let Some(w) = h.words.first() {
                                self.read.choice_of(s, w, &[Fixed::Times]);
                            }
                            match h.numbers.first() {
                                Some((n, _)) => rw.max = Some(*n),
                                None => self.read.missing(s, Expected::MaxTimes),
                            }
                        }
                        Some(Keyword::Takes) => {
                            let h = self.read.header(s);
                            rw.takes = h.durations.first().cloned();
                            if rw.takes.is_none() {
                                self.read.missing(s, Expected::Duration);
                            }
                        }
                        Some(Keyword::Clock) => {
                            let h = self.read.header(s);
                            match h.words.first() {
                                Some(w) => {
                                    if self.read.choice_of(s, w, &[Fixed::Paused]).is_some() {
                                        rw.clock_paused = true;
                                    }
                                }
                                None => {
                                    let expected = self.read.fixed_words(&[Fixed::Paused]);
                                    self.read.missing(s, expected)
                                }
                            }
                        }
                        Some(Keyword::Timeout) => {
                            let h = self.read.header(s);
                            rw.timeout = h.durations.first().cloned();
                            if rw.timeout.is_none() {
                                self.read.missing(s, Expected::Duration);
                            }
                            timeout_target = h.arrow.clone();
                        }
                        _ => {}
                    }
                }
                let n = self.add(
                    Some(&id),
                    NodeKind::Rework(rw),
                    scope,
                    h.cite.clone(),
                    st.span,
                );
                match &h.arrow {
                    Some(t) => self.connect(n, Edge::Back, Self::label(t, scope)),
                    None => self.read.missing(st, Expected::ReworkTarget),
                }
                if let Some(t) = timeout_target {
                    self.connect(n, Edge::Timeout, Self::label(&t, scope));
                }
                Some(Lowered {
                    entry: Target::Node(n),
                    exits: vec![(n, Edge::Next)],
                })
            }
            _ => None,
        }
    }

    fn step_like(&mut self, st: &Statement, kw: Keyword, scope: &str) -> Option<Lowered> {
        let is_check = kw == Keyword::Check;
        let is_decide = kw == Keyword::Decide;
        let h = self.read.header(st);
        let Some(id) = h.words.first().cloned() else {
            self.read.missing(st, Expected::Name);
            return None;
        };
        if !self.applies(&h.for_kinds) {
            return None;
        }
        let mut step = Step::default();
        if let Some(w) = h.words.get(1) {
            step.actor = self.actor(w, h.cite.as_ref());
            step.actor_name = Some(w.0.clone());
        }
        step.action = self.read.text_of(&h);
        for d in &h.durations {
            step.parts.push(TimedText {
                duration: d.clone(),
                text: Text::default(),
            });
        }
        let mut whens: Vec<((String, Span), (String, Span))> = Vec::new();
        let block = st.block.as_ref().map_or(&[][..], |b| &b.statements[..]);
        for s in block {
            let ctx = if is_decide {
                Parent::Decide
            } else {
                Parent::Step
            };
            let within = Within::Statement(st.keyword.clone());
            let Some(k) = self.read.keyword_within(s, ctx, within) else {
                continue;
            };
            match k {
                Keyword::Action => self.lower_text(s, &mut step.action),
                Keyword::Produces => self.lower_text(s, &mut step.produces),
                Keyword::Note => self.lower_text(s, &mut Text::default()),
                Keyword::Part | Keyword::Option => {
                    let h = self.read.header(s);
                    if !self.applies(&h.for_kinds) {
                        continue;
                    }
                    match h.durations.first() {
                        Some(d) => {
                            let t = TimedText {
                                duration: d.clone(),
                                text: self.read.text_of(&h),
                            };
                            if k == Keyword::Part {
                                step.parts.push(t)
                            } else {
                                step.options.push(t)
                            }
                        }
                        None => self.read.missing(s, Expected::Duration),
                    }
                }
                Keyword::Table => {
                    let h = self.read.header(s);
                    match h.durations.first() {
                        Some(d) => {
                            step.table = Some(TableFigure {
                                duration: d.clone(),
                                cite: h.cite.clone(),
                                span: s.span,
                            })
                        }
                        None => self.read.missing(s, Expected::TableDuration),
                    }
                }
                Keyword::Actor => {
                    let h = self.read.header_in(s, Parent::Step);
                    if let Some(w) = h.words.first() {
                        step.actor = self.actor(w, None);
                        step.actor_name = Some(w.0.clone());
                    }
                }
                Keyword::When => {
                    let h = self.read.header(s);
                    let label = h
                        .texts
                        .first()
                        .map(|t| normalize(&t.1))
                        .or_else(|| h.words.first().map(|w| w.0.clone()));
                    match (label, h.arrow.clone()) {
                        (Some(l), Some(t)) => whens.push(((l, s.span), t)),
                        _ => self.read.missing(s, Expected::AnswerAndTarget),
                    }
                }
                _ => {}
            }
        }
        let kind = match kw {
            Keyword::Check => NodeKind::Check(step),
            Keyword::Decide => NodeKind::Decide(step),
            Keyword::Wait => NodeKind::Wait(step),
            _ => NodeKind::Step(step),
        };
        let n = self.add(Some(&id), kind, scope, h.cite.clone(), st.span);
        let mut exits = Vec::new();
        if is_check {
            match &h.then {
                Some(t) => self.connect(n, Edge::Then, Self::label(t, scope)),
                None => exits.push((n, Edge::Then)),
            }
            // Without `else` the check leads one way only; the checks report that (W023).
            if let Some(t) = &h.otherwise {
                self.connect(n, Edge::Else, Self::label(t, scope));
            }
        } else if is_decide {
            if whens.is_empty() {
                self.read.missing(st, Expected::WhenLines);
            }
            for ((label, _), t) in whens {
                self.connect(n, Edge::When(label), Self::label(&t, scope));
            }
        } else {
            match &h.arrow {
                Some(t) => self.connect(n, Edge::Next, Self::label(t, scope)),
                None => exits.push((n, Edge::Next)),
            }
        }
        Some(Lowered {
            entry: Target::Node(n),
            exits,
        })
    }

    /// Whether something marked `for KIND…` belongs in this channel.
    fn applies(&self, kinds: &[(String, Span)]) -> bool {
        kinds.is_empty()
            || kinds
                .iter()
                .any(|(k, _)| self.read.vocab.find::<ChannelKind>(k) == Some(self.kind))
    }

    fn lower_text(&mut self, st: &Statement, target: &mut Text) {
        let h = self.read.header(st);
        if h.texts.is_empty() {
            self.read.missing(st, Expected::Text);
        }
        for (lang, text, _) in &h.texts {
            target.set(lang.unwrap_or(self.read.lang), normalize(text));
        }
    }
}

fn qualify(scope: &str, name: &str) -> String {
    if scope.is_empty() {
        name.to_string()
    } else {
        format!("{scope}/{name}")
    }
}
