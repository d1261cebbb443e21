//! A channel as a W3C SCXML state chart.
//!
//! One state per state of the `reglam-run` machine: steps, checks, decisions, waits and
//! return points wait for an event; the start and joins pass on at once (eventless
//! transitions); a fork is a `<parallel>` with one region per branch, each region ending in a
//! `<final>` so that `done.state.FORK` leads to the join; outcomes are top-level `<final>`
//! states. Every other state sits in one compound state, `reglam-case`, which starts the
//! service deadline's timer. Events are named `STATE.next`, `STATE.then`, `STATE.else`,
//! `STATE.when.K` (the K-th answer), `STATE.return` and `STATE.timeout` ([`Naming::event`]).
//! Timers are delayed `<send>`s, in plain clock time ([`crate::clock`]); the exact amounts are
//! in attributes of the namespace [`NS`].

use crate::xml::{a, Xml};
use crate::{clock, ExportError};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use reglam_diagnostics::words;
use reglam_model::time::Amount;
use reglam_model::{Channel, Edge, Lang, NodeKind, Regulation, Scenario};
use reglam_run::{Machine, StateKind, Trigger};
use std::collections::{HashMap, HashSet, VecDeque};

/// The Reglam namespace of the SCXML attributes (see `docs/interchange.md`).
pub const NS: &str = "https://reglam.kz/ns/scxml/1";
/// The W3C SCXML namespace.
pub const SCXML_NS: &str = "http://www.w3.org/2005/07/scxml";
/// The id of the compound state holding the whole case.
pub const CASE: &str = "reglam-case";
/// The event the service deadline's timer sends.
pub const DEADLINE_EVENT: &str = "reglam.deadline";

/// The SCXML names of a machine's states and events.
#[derive(Debug, Clone)]
pub struct Naming {
    states: Vec<String>,
}

/// A name usable both as an SCXML state id (an XML NCName) and as an event token: ASCII
/// letters, digits, `_` and `-`; a procedure's `proc/step` becomes `proc.step`.
pub(crate) fn sanitize(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| match c {
            '/' => '.',
            c if c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.' => c,
            _ => '_',
        })
        .collect();
    if !s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        s.insert_str(0, "s_");
    }
    s
}

impl Naming {
    /// Names every state of the machine; names that would clash get `-2`, `-3`, ….
    pub fn new(m: &Machine<'_>) -> Naming {
        let mut used: HashSet<String> = HashSet::new();
        used.insert(CASE.to_string());
        let mut states = Vec::with_capacity(m.states.len());
        for s in &m.states {
            let base = sanitize(&s.id);
            let mut name = base.clone();
            let mut k = 2;
            while !used.insert(name.clone()) {
                name = format!("{base}-{k}");
                k += 1;
            }
            states.push(name);
        }
        Naming { states }
    }

    /// The SCXML id of node `n`'s state.
    pub fn state(&self, n: NodeIndex) -> &str {
        &self.states[n.index()]
    }

    /// The event that fires transition `t` out of `n`; `None` for transitions that fire by
    /// themselves (out of the start, a fork or a join).
    pub fn event(&self, m: &Machine<'_>, n: NodeIndex, t: &Trigger) -> Option<String> {
        let s = m.state(n);
        if matches!(
            s.kind,
            StateKind::Start | StateKind::Fork | StateKind::Join | StateKind::Outcome
        ) {
            return None;
        }
        let id = self.state(n);
        Some(match t {
            Trigger::Done => format!("{id}.next"),
            Trigger::Then => format!("{id}.then"),
            Trigger::Else => format!("{id}.else"),
            Trigger::When(label) => {
                // Answers are free text: the event carries the answer's position instead.
                let k = s
                    .transitions
                    .iter()
                    .filter(|x| matches!(x.trigger, Trigger::When(_)))
                    .position(|x| x.trigger == Trigger::When(label.clone()))
                    .map_or(0, |p| p + 1);
                format!("{id}.when.{k}")
            }
            Trigger::Branch => return None,
            Trigger::Return => format!("{id}.return"),
            Trigger::Timeout => format!("{id}.timeout"),
        })
    }
}

/// The regions of the chart: which `<parallel>` branch each node sits in.
struct Regions {
    /// For each node, the fork and branch number (from 1) of the innermost branch holding it.
    container: Vec<Option<(NodeIndex, usize)>>,
    /// Each fork's join, when its branches meet again.
    join: HashMap<NodeIndex, NodeIndex>,
}

fn forward_reach(ch: &Channel, from: NodeIndex, stop: Option<NodeIndex>) -> HashSet<NodeIndex> {
    let g = &ch.flow.graph;
    let mut seen = HashSet::new();
    let mut q = VecDeque::from([from]);
    while let Some(n) = q.pop_front() {
        if Some(n) == stop || g[n].is_outcome() || !seen.insert(n) {
            continue;
        }
        for e in g.edges_directed(n, Direction::Outgoing) {
            if *e.weight() != Edge::Back {
                q.push_back(e.target());
            }
        }
    }
    seen
}

impl Regions {
    fn of(m: &Machine<'_>) -> Regions {
        let ch = m.channel;
        let g = &ch.flow.graph;
        let n_nodes = g.node_count();
        let mut best: Vec<Option<(NodeIndex, usize, usize)>> = vec![None; n_nodes];
        let mut join = HashMap::new();
        for f in g.node_indices() {
            if m.state(f).kind != StateKind::Fork {
                continue;
            }
            let starts: Vec<NodeIndex> = m.branches(f).collect();
            // The join: a join every branch reaches, the nearest one (reached by the fewest
            // nodes of the branches; ties by index, which is source order).
            let reach: Vec<HashSet<NodeIndex>> =
                starts.iter().map(|&b| forward_reach(ch, b, None)).collect();
            let j = g
                .node_indices()
                .filter(|&n| m.state(n).kind == StateKind::Join)
                .filter(|n| reach.iter().all(|r| r.contains(n)))
                .min_by_key(|&n| {
                    let size: usize = starts
                        .iter()
                        .map(|&b| forward_reach(ch, b, Some(n)).len())
                        .sum();
                    (size, n.index())
                });
            if let Some(j) = j {
                join.insert(f, j);
            }
            for (i, &b) in starts.iter().enumerate() {
                let region = forward_reach(ch, b, j);
                let size = region.len();
                for n in region {
                    // The innermost region is the smallest one holding the node.
                    if best[n.index()].is_none_or(|(_, _, s)| size < s) {
                        best[n.index()] = Some((f, i + 1, size));
                    }
                }
            }
        }
        Regions {
            container: best
                .into_iter()
                .map(|b| b.map(|(f, i, _)| (f, i)))
                .collect(),
            join,
        }
    }
}

fn region_id(naming: &Naming, fork: NodeIndex, branch: usize) -> String {
    format!("{}-branch-{branch}", naming.state(fork))
}

fn region_done_id(naming: &Naming, fork: NodeIndex, branch: usize) -> String {
    format!("{}-done", region_id(naming, fork, branch))
}

struct Writer<'a, 'c> {
    m: &'a Machine<'c>,
    reg: &'a Regulation,
    naming: Naming,
    regions: Regions,
    lang: Lang,
    x: Xml,
}

impl Writer<'_, '_> {
    /// The id a transition from a node in `from` to node `to` targets: the branch's final
    /// state when `to` is the join of that branch's fork.
    fn target(&self, from: Option<(NodeIndex, usize)>, to: NodeIndex) -> String {
        if let Some((f, i)) = from {
            if self.regions.join.get(&f) == Some(&to) {
                return region_done_id(&self.naming, f, i);
            }
        }
        self.naming.state(to).to_string()
    }

    fn timer_attrs(&self, amount: Amount) -> Vec<(&'static str, String)> {
        let mut v = vec![a("reglam:duration", words::amount(&amount))];
        for (k, val) in clock::parts(amount) {
            v.push((
                match k {
                    "working-minutes" => "reglam:working-minutes",
                    "calendar-days" => "reglam:calendar-days",
                    _ => "reglam:months",
                },
                val,
            ));
        }
        v
    }

    fn send(&mut self, event: &str, id: &str, amount: Amount) {
        let mut attrs = vec![
            a("event", event),
            a("id", id),
            a("delay", clock::scxml_delay(amount)),
        ];
        attrs.extend(self.timer_attrs(amount));
        self.x.empty("send", &attrs);
    }

    /// The states of one container (the case, or a branch), in source order.
    fn container(&mut self, c: Option<(NodeIndex, usize)>) {
        let nodes: Vec<NodeIndex> = self
            .m
            .channel
            .flow
            .graph
            .node_indices()
            .filter(|&n| {
                self.regions.container[n.index()] == c && self.m.state(n).kind != StateKind::Outcome
            })
            .collect();
        for n in nodes {
            if self.m.state(n).kind == StateKind::Fork {
                self.fork(n);
            } else {
                self.state(n, c);
            }
        }
    }

    fn fork(&mut self, f: NodeIndex) {
        let m = self.m;
        let id = self.naming.state(f).to_string();
        self.x.open(
            "parallel",
            &[
                a("id", id.clone()),
                a("reglam:kind", "fork"),
                a("reglam:id", m.state(f).id.clone()),
            ],
        );
        let starts: Vec<NodeIndex> = m.branches(f).collect();
        let join = self.regions.join.get(&f).copied();
        for (i, b) in starts.into_iter().enumerate() {
            let branch = i + 1;
            let rid = region_id(&self.naming, f, branch);
            let initial = if Some(b) == join {
                region_done_id(&self.naming, f, branch)
            } else {
                self.naming.state(b).to_string()
            };
            self.x.open("state", &[a("id", rid), a("initial", initial)]);
            self.container(Some((f, branch)));
            self.x
                .empty("final", &[a("id", region_done_id(&self.naming, f, branch))]);
            self.x.close("state");
        }
        if let Some(j) = join {
            let done = format!("done.state.{id}");
            let target = self.naming.state(j).to_string();
            self.x
                .empty("transition", &[a("event", done), a("target", target)]);
        }
        self.x.close("parallel");
    }

    fn state(&mut self, n: NodeIndex, c: Option<(NodeIndex, usize)>) {
        let m = self.m;
        let s = m.state(n);
        let node = &m.channel.flow.graph[n];
        let id = self.naming.state(n).to_string();
        let mut attrs = vec![
            a("id", id.clone()),
            a("reglam:kind", s.kind.word()),
            a("reglam:id", s.id.clone()),
        ];
        let actor = match &node.kind {
            NodeKind::Rework(r) => r.actor,
            _ => node.step().and_then(|st| st.actor),
        };
        if let Some(ac) = actor.and_then(|i| self.reg.actors.get(i)) {
            attrs.push(a("reglam:actor", ac.id.clone()));
        }
        if let Some(cite) = &node.cite {
            attrs.push(a("reglam:cite", cite.raw.clone()));
        }
        if let Some(text) = node.step().and_then(|st| st.action.any(self.lang)) {
            attrs.push(a("reglam:action", text));
        }
        self.x.open("state", &attrs);
        // Timers: the step's limit, or the return point's timeout.
        let timer = if s.kind.takes_time() && !s.allowance.is_zero() {
            Some((format!("{id}.overdue"), s.allowance))
        } else {
            m.rework(n)
                .and_then(|r| r.timeout.as_ref())
                .filter(|_| s.transitions.iter().any(|t| t.trigger == Trigger::Timeout))
                .map(|d| (format!("{id}.timeout"), d.amount()))
        };
        if let Some((event, amount)) = &timer {
            let send_id = format!("{id}.timer");
            self.x.open("onentry", &[]);
            self.send(event, &send_id, *amount);
            self.x.close("onentry");
            self.x.open("onexit", &[]);
            self.x.empty("cancel", &[a("sendid", send_id)]);
            self.x.close("onexit");
        }
        for t in &s.transitions {
            let target = self.target(c, t.to);
            let event = self.naming.event(m, n, &t.trigger);
            let mut attrs = Vec::new();
            if let Some(e) = &event {
                attrs.push(a("event", e.clone()));
            }
            match &t.trigger {
                Trigger::When(label) => attrs.push(a("reglam:answer", label.clone())),
                Trigger::Return => {
                    let max = m.rework(n).and_then(|r| r.max).unwrap_or(0);
                    attrs.push(a("cond", format!("returns_{} < {max}", n.index())));
                }
                _ => {}
            }
            attrs.push(a("target", target));
            if t.trigger == Trigger::Return {
                self.x.open("transition", &attrs);
                let var = format!("returns_{}", n.index());
                self.x.empty(
                    "assign",
                    &[a("location", var.clone()), a("expr", format!("{var} + 1"))],
                );
                self.x.close("transition");
            } else {
                self.x.empty("transition", &attrs);
            }
        }
        if let Some((event, _)) = timer.filter(|(e, _)| e.ends_with(".overdue")) {
            // A step over its limit is a breach to report, not a change of state.
            self.x.open("transition", &[a("event", event)]);
            self.x.empty(
                "log",
                &[a("label", "reglam.overdue"), a("expr", format!("'{id}'"))],
            );
            self.x.close("transition");
        }
        self.x.close("state");
    }
}

/// The SCXML document of a channel. Fails when `reglam-run` cannot compile the channel (a
/// cycle that is not a bounded return for rework).
pub fn channel(
    reg: &Regulation,
    scenario: &Scenario,
    channel: &Channel,
    lang: Lang,
) -> Result<String, ExportError> {
    let m = Machine::compile(channel).map_err(|e| ExportError {
        channel: channel.id.clone(),
        reason: e.to_string(),
    })?;
    let naming = Naming::new(&m);
    let regions = Regions::of(&m);
    let mut w = Writer {
        m: &m,
        reg,
        naming,
        regions,
        lang,
        x: Xml::new(),
    };
    // Underscores only: SCION turns the name into JavaScript, where a dot breaks it.
    let name = match &scenario.id {
        Some(s) => format!("{}__{s}__{}", reg.id, channel.id),
        None => format!("{}__{}", reg.id, channel.id),
    }
    .replace(|c: char| !c.is_ascii_alphanumeric(), "_");
    let mut root = vec![
        a("xmlns", SCXML_NS),
        a("xmlns:reglam", NS),
        a("version", "1.0"),
        a("datamodel", "ecmascript"),
        a("name", name),
        a("initial", CASE),
        a("reglam:regulation", reg.id.clone()),
        a("reglam:channel", channel.id.clone()),
        a("reglam:channel-kind", channel.kind.word()),
    ];
    if let Some(s) = &scenario.id {
        root.push(a("reglam:scenario", s.clone()));
    }
    if let Some(t) = reg.title.any(lang) {
        root.push(a("reglam:title", t));
    }
    w.x.open("scxml", &root);
    w.x.comment(
        "Generated by Reglam. Delays are plain clock time: 1 working day = 8 hours, \
         1 calendar day = 24 hours, 1 month = 28 days; exact amounts are in reglam:* \
         attributes. See docs/interchange.md.",
    );
    if channel.falls_back(reg, scenario, lang) {
        w.x.comment(match lang {
            Lang::Ru => "Часть текстов — на казахском языке: в источнике нет их текста на русском.",
            Lang::Kk => "Кейбір мәтіндер орыс тілінде: дереккөзде олардың қазақша мәтіні жоқ.",
        });
    }
    let reworks: Vec<NodeIndex> = channel
        .flow
        .graph
        .node_indices()
        .filter(|&n| m.state(n).kind == StateKind::Rework)
        .collect();
    if !reworks.is_empty() {
        w.x.open("datamodel", &[]);
        for n in &reworks {
            w.x.empty(
                "data",
                &[a("id", format!("returns_{}", n.index())), a("expr", "0")],
            );
        }
        w.x.close("datamodel");
    }
    let start = w.naming.state(m.start()).to_string();
    w.x.open("state", &[a("id", CASE), a("initial", start)]);
    if let Some(d) = &channel.deadline {
        let amount = d.deadline.duration.amount();
        w.x.open("onentry", &[]);
        let mut attrs = vec![
            a("event", DEADLINE_EVENT),
            a("id", "reglam.deadline.timer"),
            a("delay", clock::scxml_delay(amount)),
        ];
        attrs.extend(w.timer_attrs(amount));
        attrs.push(a(
            "reglam:receipt-day-excluded",
            d.deadline.receipt_day_excluded.to_string(),
        ));
        if let Some(x) = d.deadline.extensions.first() {
            attrs.push(a("reglam:extended", words::amount(&x.extended(amount))));
        }
        w.x.empty("send", &attrs);
        w.x.close("onentry");
        w.x.open("onexit", &[]);
        w.x.empty("cancel", &[a("sendid", "reglam.deadline.timer")]);
        w.x.close("onexit");
    }
    w.container(None);
    if channel.deadline.is_some() {
        // Past the deadline the case goes on (it is late, not stopped): report it.
        w.x.open("transition", &[a("event", DEADLINE_EVENT)]);
        w.x.empty(
            "log",
            &[a("label", DEADLINE_EVENT), a("expr", "'deadline passed'")],
        );
        w.x.close("transition");
    }
    w.x.close("state");
    for n in channel.flow.graph.node_indices() {
        let s = m.state(n);
        if s.kind != StateKind::Outcome {
            continue;
        }
        let node = &channel.flow.graph[n];
        let mut attrs = vec![
            a("id", w.naming.state(n).to_string()),
            a("reglam:kind", "outcome"),
            a("reglam:id", s.id.clone()),
        ];
        if let NodeKind::Outcome { outcome, text } = &node.kind {
            let word = outcome.word();
            attrs.push(a("reglam:outcome", word));
            if let Some(t) = text.any(lang) {
                attrs.push(a("reglam:text", t));
            }
        }
        w.x.empty("final", &attrs);
    }
    w.x.close("scxml");
    Ok(w.x.finish())
}
