//! A channel as BPMN 2.0 XML, with diagram interchange (BPMNDI) so that a modeller opens it
//! laid out.
//!
//! One pool for the channel, one lane per actor. Steps are tasks (waits receive tasks);
//! checks and decisions are a task followed by an exclusive gateway; forks and joins are
//! parallel gateways; a return point is an exclusive gateway (`next`, `return`, `timeout`);
//! outcomes are end events. Where flows meet before a task or an event, an exclusive merging
//! gateway joins them (BPMN reads several flows into a task as separate tokens). A step's
//! limit is a non-interrupting timer boundary event leading to an "overdue" end event; the
//! service deadline is a non-interrupting timer event sub-process. Durations are ISO 8601 in
//! clock time ([`crate::clock::iso8601`]); the exact amounts and the working-day semantics go
//! into `reglam:` extension elements ([`NS`]).
//!
//! Layout: lanes are horizontal bands; nodes stand in columns by their longest distance from
//! the start over forward flows; flows are orthogonal polylines (returns for rework run back
//! along the top of their row).

use crate::scxml::Naming;
use crate::xml::{a, Xml};
use crate::{clock, ExportError};
use petgraph::graph::NodeIndex;
use reglam_diagnostics::words;
use reglam_model::time::Amount;
use reglam_model::{Channel, Lang, NodeKind, Regulation, Scenario};
use reglam_run::{Machine, StateKind, Trigger};
use std::collections::BTreeMap;

/// The Reglam namespace of the extension elements (see `docs/interchange.md`).
pub const NS: &str = "https://reglam.kz/ns/bpmn/1";
const BPMN_NS: &str = "http://www.omg.org/spec/BPMN/20100524/MODEL";
const BPMNDI_NS: &str = "http://www.omg.org/spec/BPMN/20100524/DI";
const DC_NS: &str = "http://www.omg.org/spec/DD/20100524/DC";
const DI_NS: &str = "http://www.omg.org/spec/DD/20100524/DI";
const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";

// Layout, in pixels.
const COL_W: i64 = 160;
const SLOT_H: i64 = 180;
const POOL_LABEL: i64 = 30;
const LEFT: i64 = POOL_LABEL + 50;
const CY: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Start,
    Task,
    Receive,
    Exclusive,
    Parallel,
    End,
    /// A timer boundary event on the task with this node number.
    Boundary(usize),
}

impl Kind {
    fn element(self) -> &'static str {
        match self {
            Kind::Start => "bpmn:startEvent",
            Kind::Task => "bpmn:task",
            Kind::Receive => "bpmn:receiveTask",
            Kind::Exclusive => "bpmn:exclusiveGateway",
            Kind::Parallel => "bpmn:parallelGateway",
            Kind::End => "bpmn:endEvent",
            Kind::Boundary(_) => "bpmn:boundaryEvent",
        }
    }
    fn size(self) -> (i64, i64) {
        match self {
            Kind::Task | Kind::Receive => (100, 80),
            Kind::Exclusive | Kind::Parallel => (50, 50),
            _ => (36, 36),
        }
    }
}

struct BNode {
    id: String,
    kind: Kind,
    name: Option<String>,
    documentation: Option<String>,
    /// Extension element attributes (`reglam:node`).
    ext: Vec<(&'static str, String)>,
    timer: Option<Amount>,
    lane: Option<usize>,
    col: i64,
    row: i64,
    /// Drawn under its task (an "overdue" end event).
    below: Option<usize>,
}

struct BFlow {
    id: String,
    from: usize,
    to: usize,
    name: Option<String>,
    cond: Option<String>,
    back: bool,
    ext: Vec<(&'static str, String)>,
}

struct Words {
    start: &'static str,
    overdue: &'static str,
    deadline: &'static str,
    deadline_lane: &'static str,
    no_actor: &'static str,
    /// Said once when some texts are in the other language, the source having none in this one.
    fallback: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Ru => Words {
            start: "Поступление документов",
            overdue: "Срок шага истёк",
            deadline: "Срок оказания услуги истёк",
            deadline_lane: "Срок оказания услуги",
            no_actor: "Без исполнителя",
            fallback: "Часть текстов — на казахском языке: в источнике нет их текста на русском.",
        },
        Lang::Kk => Words {
            start: "Құжаттардың түсуі",
            overdue: "Қадам мерзімі өтті",
            deadline: "Қызмет көрсету мерзімі өтті",
            deadline_lane: "Қызмет көрсету мерзімі",
            no_actor: "Орындаушысыз",
            fallback: "Кейбір мәтіндер орыс тілінде: дереккөзде олардың қазақша мәтіні жоқ.",
        },
    }
}

fn short(text: &str, max: usize) -> String {
    let t: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() <= max {
        t
    } else {
        let mut s: String = t.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

fn time_ext(amount: Amount) -> Vec<(&'static str, String)> {
    let mut v = vec![a("duration", words::amount(&amount))];
    for (k, val) in clock::parts(amount) {
        v.push((k, val));
    }
    v
}

struct Graph {
    nodes: Vec<BNode>,
    flows: Vec<BFlow>,
}

impl Graph {
    fn node(&mut self, id: String, kind: Kind, name: Option<String>) -> usize {
        self.nodes.push(BNode {
            id,
            kind,
            name,
            documentation: None,
            ext: Vec::new(),
            timer: None,
            lane: None,
            col: 0,
            row: 0,
            below: None,
        });
        self.nodes.len() - 1
    }
    fn flow(&mut self, from: usize, to: usize) -> usize {
        let id = format!("Flow_{}", self.flows.len() + 1);
        self.flows.push(BFlow {
            id,
            from,
            to,
            name: None,
            cond: None,
            back: false,
            ext: Vec::new(),
        });
        self.flows.len() - 1
    }
    fn incoming(&self, n: usize) -> Vec<usize> {
        (0..self.flows.len())
            .filter(|&f| self.flows[f].to == n)
            .collect()
    }
    fn outgoing(&self, n: usize) -> Vec<usize> {
        (0..self.flows.len())
            .filter(|&f| self.flows[f].from == n)
            .collect()
    }
}

/// Builds the process graph from the machine.
fn build(m: &Machine<'_>, reg: &Regulation, naming: &Naming, lang: Lang) -> Graph {
    let w = words(lang);
    let ch = m.channel;
    let g = &ch.flow.graph;
    let mut gr = Graph {
        nodes: Vec::new(),
        flows: Vec::new(),
    };
    let mut entry = vec![0usize; g.node_count()];
    let mut exit = vec![0usize; g.node_count()];
    for n in g.node_indices() {
        let s = m.state(n);
        let node = &g[n];
        let sid = naming.state(n);
        let action = node.step().and_then(|st| st.action.any(lang));
        let task_name = Some(action.map_or_else(|| s.id.clone(), |t| short(t, 80)));
        let mut ext = vec![a("id", s.id.clone()), a("kind", s.kind.word())];
        if let Some(c) = &node.cite {
            ext.push(a("cite", c.raw.clone()));
        }
        let (first, last) = match s.kind {
            StateKind::Start => {
                let i = gr.node(format!("Start_{sid}"), Kind::Start, Some(w.start.into()));
                (i, i)
            }
            StateKind::Step | StateKind::Wait | StateKind::Check | StateKind::Decide => {
                let kind = if s.kind == StateKind::Wait {
                    Kind::Receive
                } else {
                    Kind::Task
                };
                let t = gr.node(format!("Activity_{sid}"), kind, task_name);
                gr.nodes[t].documentation = action.map(str::to_string);
                if !s.allowance.is_zero() {
                    gr.nodes[t].timer = Some(s.allowance);
                }
                let targets: Vec<NodeIndex> = distinct_targets(m, n);
                let last = if matches!(s.kind, StateKind::Check | StateKind::Decide)
                    && targets.len() > 1
                {
                    gr.node(
                        format!("Gateway_{sid}"),
                        Kind::Exclusive,
                        Some(format!("{}?", s.id)),
                    )
                } else {
                    t
                };
                (t, last)
            }
            StateKind::Rework => {
                let i = gr.node(
                    format!("Gateway_{sid}"),
                    Kind::Exclusive,
                    Some(format!("{}?", s.id)),
                );
                if let Some(r) = m.rework(n) {
                    if let Some(max) = r.max {
                        ext.push(a("max-returns", max.to_string()));
                    }
                    if let Some(t) = &r.takes {
                        ext.push(a("takes", words::amount(&t.amount())));
                    }
                    if let Some(t) = &r.timeout {
                        ext.push(a("timeout", words::amount(&t.amount())));
                    }
                    if r.clock_paused {
                        ext.push(a("clock-paused", "true"));
                    }
                    gr.nodes[i].documentation = r.reason.any(lang).map(str::to_string);
                }
                (i, i)
            }
            StateKind::Fork | StateKind::Join => {
                let i = gr.node(format!("Gateway_{sid}"), Kind::Parallel, Some(s.id.clone()));
                (i, i)
            }
            StateKind::Outcome => {
                let text = match &node.kind {
                    NodeKind::Outcome { text, outcome } => {
                        let word = outcome.word();
                        ext.push(a("outcome", word));
                        text.any(lang).map(|t| short(t, 80))
                    }
                    _ => None,
                };
                let i = gr.node(
                    format!("Event_{sid}"),
                    Kind::End,
                    Some(text.unwrap_or_else(|| s.id.clone())),
                );
                (i, i)
            }
        };
        if let Some(ac) = node.step().and_then(|st| st.actor).or(match &node.kind {
            NodeKind::Rework(r) => r.actor,
            _ => None,
        }) {
            if let Some(actor) = reg.actors.get(ac) {
                ext.push(a("actor", actor.id.clone()));
            }
            // Lanes are numbered by actor index here and renumbered later.
            gr.nodes[first].lane = Some(ac);
            gr.nodes[last].lane = Some(ac);
        }
        gr.nodes[first].ext = ext;
        entry[n.index()] = first;
        exit[n.index()] = last;
        if first != last {
            gr.flow(first, last);
        }
    }
    // Flows of the model: one per distinct target; a gateway's flows carry their condition.
    for n in g.node_indices() {
        let s = m.state(n);
        let from = exit[n.index()];
        let is_gateway = gr.nodes[from].kind == Kind::Exclusive;
        for t in distinct_targets(m, n) {
            let triggers: Vec<&Trigger> = s
                .transitions
                .iter()
                .filter(|x| x.to == t)
                .map(|x| &x.trigger)
                .collect();
            let f = gr.flow(from, entry[t.index()]);
            gr.flows[f].back = triggers.iter().all(|x| **x == Trigger::Return);
            if is_gateway {
                let labels: Vec<String> = triggers.iter().map(|x| label(x)).collect();
                gr.flows[f].name = Some(labels.join(" / "));
                let conds: Vec<String> = triggers
                    .iter()
                    .map(|x| format!("outcome == '{}'", x.label().replace('\'', "\\'")))
                    .collect();
                gr.flows[f].cond = Some(format!("${{{}}}", conds.join(" || ")));
                gr.flows[f].ext = vec![a(
                    "outcome",
                    triggers
                        .iter()
                        .map(|x| x.label().to_string())
                        .collect::<Vec<_>>()
                        .join(" "),
                )];
                if triggers.contains(&&Trigger::Timeout) {
                    if let Some(d) = m.rework(n).and_then(|r| r.timeout.as_ref()) {
                        gr.flows[f].ext.extend(time_ext(d.amount()));
                    }
                }
            }
        }
    }
    // Where flows meet before anything but a join, an exclusive gateway merges them.
    let count = gr.nodes.len();
    for i in 0..count {
        let ins = gr.incoming(i);
        let joins = gr.nodes[i].kind == Kind::Parallel && gr.outgoing(i).len() <= 1;
        if ins.len() < 2 || joins {
            continue;
        }
        let lane = gr.nodes[i].lane;
        let id = format!("Merge_{}", gr.nodes[i].id);
        let mg = gr.node(id, Kind::Exclusive, None);
        gr.nodes[mg].lane = lane;
        for f in ins {
            gr.flows[f].to = mg;
        }
        gr.flow(mg, i);
    }
    // Step limits: a non-interrupting timer on the task, to an "overdue" end event.
    for i in 0..gr.nodes.len() {
        let Some(t) = gr.nodes[i].timer else { continue };
        let base = gr.nodes[i].id.trim_start_matches("Activity_").to_string();
        let b = gr.node(
            format!("Timer_{base}"),
            Kind::Boundary(i),
            Some(short(&words::amount(&t), 40)),
        );
        gr.nodes[b].timer = Some(t);
        gr.nodes[b].ext = time_ext(t);
        gr.nodes[b].lane = gr.nodes[i].lane;
        let e = gr.node(
            format!("Overdue_{base}"),
            Kind::End,
            Some(w.overdue.to_string()),
        );
        gr.nodes[e].lane = gr.nodes[i].lane;
        gr.nodes[e].below = Some(i);
        gr.nodes[b].below = Some(i);
        gr.flow(b, e);
    }
    gr
}

/// The states a node leads to, each once, in transition order.
fn distinct_targets(m: &Machine<'_>, n: NodeIndex) -> Vec<NodeIndex> {
    let mut v: Vec<NodeIndex> = Vec::new();
    for t in &m.state(n).transitions {
        if !v.contains(&t.to) {
            v.push(t.to);
        }
    }
    v
}

fn label(t: &Trigger) -> String {
    match t {
        Trigger::When(l) => l.clone(),
        t => t.label().to_string(),
    }
}

/// Columns by longest forward distance from the start; lanes for nodes without an actor from
/// their neighbours.
fn layout(gr: &mut Graph, lanes_of_actors: &[usize]) -> Vec<usize> {
    let n = gr.nodes.len();
    // Kahn's order over forward flows (boundary flows count: they are forward).
    let mut indeg = vec![0usize; n];
    for f in gr.flows.iter().filter(|f| !f.back) {
        indeg[f.to] += 1;
    }
    // Each node's forward flows, in the order of the flows: scanning every flow for every
    // node made the layout quadratic (3,000 conditions took 10 s).
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for f in gr.flows.iter().filter(|f| !f.back) {
        out[f.from].push(f.to);
    }
    let mut order = Vec::with_capacity(n);
    let mut placed = vec![false; n];
    let mut ready: Vec<usize> = (0..n).filter(|&i| indeg[i] == 0).collect();
    ready.reverse();
    while let Some(i) = ready.pop() {
        order.push(i);
        placed[i] = true;
        for &t in &out[i] {
            indeg[t] -= 1;
            if indeg[t] == 0 {
                ready.push(t);
            }
        }
    }
    // Anything left over (a cycle the machine allows cannot occur; be safe) goes last.
    order.extend((0..n).filter(|&i| !placed[i]));
    for &i in &order {
        if let Kind::Boundary(t) = gr.nodes[i].kind {
            gr.nodes[i].col = gr.nodes[t].col;
            continue;
        }
        if let Some(t) = gr.nodes[i].below {
            gr.nodes[i].col = gr.nodes[t].col;
            continue;
        }
        let col = gr
            .flows
            .iter()
            .filter(|f| !f.back && f.to == i)
            .map(|f| gr.nodes[f.from].col + 1)
            .max()
            .unwrap_or(0);
        gr.nodes[i].col = col;
    }
    // Lanes: an actor's node is in its lane; others take a predecessor's, else a successor's.
    for &i in &order {
        if gr.nodes[i].lane.is_none() {
            gr.nodes[i].lane = gr
                .flows
                .iter()
                .filter(|f| f.to == i && !f.back)
                .find_map(|f| gr.nodes[f.from].lane);
        }
    }
    for &i in order.iter().rev() {
        if gr.nodes[i].lane.is_none() {
            gr.nodes[i].lane = gr
                .flows
                .iter()
                .filter(|f| f.from == i && !f.back)
                .find_map(|f| gr.nodes[f.to].lane);
        }
    }
    // Renumber lanes: actors in declaration order, then "no actor".
    let mut used: Vec<usize> = lanes_of_actors
        .iter()
        .copied()
        .filter(|a| gr.nodes.iter().any(|x| x.lane == Some(*a)))
        .collect();
    used.sort_unstable();
    let none = used.len();
    for x in gr.nodes.iter_mut() {
        x.lane = Some(match x.lane {
            Some(a) => used.iter().position(|u| *u == a).unwrap_or(none),
            None => none,
        });
    }
    // Rows: nodes sharing a lane and a column stack downwards.
    let mut cells: BTreeMap<(usize, i64), i64> = BTreeMap::new();
    for i in 0..n {
        if matches!(gr.nodes[i].kind, Kind::Boundary(_)) || gr.nodes[i].below.is_some() {
            continue;
        }
        let key = (gr.nodes[i].lane.unwrap_or(none), gr.nodes[i].col);
        let r = cells.entry(key).or_insert(0);
        gr.nodes[i].row = *r;
        *r += 1;
    }
    for i in 0..n {
        if let Some(t) = gr.nodes[i].below {
            gr.nodes[i].row = gr.nodes[t].row;
        }
    }
    used
}

/// A shape's bounds.
#[derive(Clone, Copy)]
struct Rect {
    x: i64,
    y: i64,
    w: i64,
    h: i64,
}

impl Rect {
    fn cx(&self) -> i64 {
        self.x + self.w / 2
    }
    fn cy(&self) -> i64 {
        self.y + self.h / 2
    }
}

/// The BPMN 2.0 document of a channel. Fails when `reglam-run` cannot compile the channel.
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
    let w = words(lang);
    let naming = Naming::new(&m);
    let mut gr = build(&m, reg, &naming, lang);
    let actor_ids: Vec<usize> = (0..reg.actors.len()).collect();
    let used = layout(&mut gr, &actor_ids);
    let none_lane = used.len();
    let has_none = gr.nodes.iter().any(|x| x.lane == Some(none_lane));
    let mut lane_names: Vec<String> = used
        .iter()
        .map(|&i| {
            let ac = &reg.actors[i];
            ac.name
                .any(lang)
                .map_or_else(|| ac.id.clone(), |t| short(t, 60))
        })
        .collect();
    if has_none {
        lane_names.push(w.no_actor.to_string());
    }
    let deadline_lane = channel.deadline.as_ref().map(|_| lane_names.len());
    if deadline_lane.is_some() {
        lane_names.push(w.deadline_lane.to_string());
    }
    // Lane heights and positions.
    let mut lane_rows = vec![1i64; lane_names.len()];
    for x in &gr.nodes {
        let l = x.lane.unwrap_or(0);
        lane_rows[l] = lane_rows[l].max(x.row + 1);
    }
    let mut lane_top = Vec::with_capacity(lane_names.len());
    let mut y = 0;
    for r in &lane_rows {
        lane_top.push(y);
        y += r * SLOT_H;
    }
    let pool_h = y;
    let max_col = gr.nodes.iter().map(|x| x.col).max().unwrap_or(0);
    let pool_w = (LEFT + (max_col + 1) * COL_W + 40).max(LEFT + 300 + 40);
    let rect = |gr: &Graph, i: usize| -> Rect {
        let x = &gr.nodes[i];
        let (w, h) = x.kind.size();
        let slot_top = lane_top[x.lane.unwrap_or(0)] + x.row * SLOT_H;
        let col_left = LEFT + x.col * COL_W;
        let cx = col_left + 50;
        match (x.kind, x.below) {
            (Kind::Boundary(_), _) => Rect {
                x: cx - 18,
                y: slot_top + CY + 40 - 18,
                w,
                h,
            },
            (_, Some(_)) => Rect {
                x: cx - 18,
                y: slot_top + CY + 76,
                w,
                h,
            },
            _ => Rect {
                x: cx - w / 2,
                y: slot_top + CY - h / 2,
                w,
                h,
            },
        }
    };

    let mut x = Xml::new();
    let def_id = format!("Definitions_{}", crate::scxml::sanitize(&reg.id));
    x.open(
        "bpmn:definitions",
        &[
            a("xmlns:bpmn", BPMN_NS),
            a("xmlns:bpmndi", BPMNDI_NS),
            a("xmlns:dc", DC_NS),
            a("xmlns:di", DI_NS),
            a("xmlns:xsi", XSI_NS),
            a("xmlns:reglam", NS),
            a("id", def_id),
            a(
                "targetNamespace",
                format!("https://reglam.kz/regulations/{}", reg.id),
            ),
            a("exporter", "reglam"),
            a("exporterVersion", env!("CARGO_PKG_VERSION")),
        ],
    );
    let key = match &scenario.id {
        Some(s) => format!("{}.{s}.{}", reg.id, channel.id),
        None => format!("{}.{}", reg.id, channel.id),
    };
    let pid = format!("Process_{}", crate::scxml::sanitize(&key));
    let coll = format!("Collaboration_{}", crate::scxml::sanitize(&key));
    let part = format!("Participant_{}", crate::scxml::sanitize(&key));
    let title = reg
        .title
        .any(lang)
        .map_or_else(|| reg.id.clone(), |t| short(t, 100));
    x.open("bpmn:collaboration", &[a("id", coll.clone())]);
    if channel.falls_back(reg, scenario, lang) {
        x.text("bpmn:documentation", &[], w.fallback);
    }
    x.empty(
        "bpmn:participant",
        &[
            a("id", part.clone()),
            a("name", format!("{title} ({})", channel.id)),
            a("processRef", pid.clone()),
        ],
    );
    x.close("bpmn:collaboration");
    x.open(
        "bpmn:process",
        &[a("id", pid), a("name", title), a("isExecutable", "true")],
    );
    // The process's extension: the regulation, the channel and the service deadline.
    x.open("bpmn:extensionElements", &[]);
    let mut attrs = vec![
        a("regulation", reg.id.clone()),
        a("channel", channel.id.clone()),
        a("channel-kind", channel.kind.word()),
    ];
    if let Some(s) = &scenario.id {
        attrs.push(a("scenario", s.clone()));
    }
    x.empty("reglam:channel", &attrs);
    if let Some(d) = &channel.deadline {
        let mut attrs = time_ext(d.deadline.duration.amount());
        attrs.push(a(
            "receipt-day-excluded",
            d.deadline.receipt_day_excluded.to_string(),
        ));
        attrs.push(a("calendar", "kz-working-calendar"));
        x.empty("reglam:deadline", &attrs);
    }
    x.close("bpmn:extensionElements");
    // Lanes.
    let sp_id = "SubProcess_deadline".to_string();
    x.open("bpmn:laneSet", &[a("id", "LaneSet_1")]);
    for (l, name) in lane_names.iter().enumerate() {
        x.open(
            "bpmn:lane",
            &[a("id", format!("Lane_{}", l + 1)), a("name", name.clone())],
        );
        if let Some(&ai) = used.get(l) {
            x.open("bpmn:extensionElements", &[]);
            x.empty("reglam:actor", &[a("id", reg.actors[ai].id.clone())]);
            x.close("bpmn:extensionElements");
        }
        for n in gr.nodes.iter().filter(|n| n.lane == Some(l)) {
            x.text("bpmn:flowNodeRef", &[], &n.id);
        }
        if Some(l) == deadline_lane {
            x.text("bpmn:flowNodeRef", &[], &sp_id);
        }
        x.close("bpmn:lane");
    }
    x.close("bpmn:laneSet");
    // Flow nodes.
    for (i, n) in gr.nodes.iter().enumerate() {
        let mut attrs = vec![a("id", n.id.clone())];
        if let Some(name) = &n.name {
            attrs.push(a("name", name.clone()));
        }
        if let Kind::Boundary(t) = n.kind {
            attrs.push(a("cancelActivity", "false"));
            attrs.push(a("attachedToRef", gr.nodes[t].id.clone()));
        }
        if n.kind == Kind::Exclusive {
            // No default flow: every way out is named by its condition.
        }
        let el = n.kind.element();
        x.open(el, &attrs);
        if let Some(d) = &n.documentation {
            x.text("bpmn:documentation", &[], d);
        }
        if !n.ext.is_empty() || (n.timer.is_some() && !matches!(n.kind, Kind::Boundary(_))) {
            x.open("bpmn:extensionElements", &[]);
            if !n.ext.is_empty() {
                let tag = if matches!(n.kind, Kind::Boundary(_)) {
                    "reglam:time"
                } else {
                    "reglam:node"
                };
                x.empty(tag, &n.ext);
            }
            if let (Some(t), false) = (n.timer, matches!(n.kind, Kind::Boundary(_))) {
                x.empty("reglam:limit", &time_ext(t));
            }
            x.close("bpmn:extensionElements");
        }
        for f in gr.incoming(i) {
            x.text("bpmn:incoming", &[], &gr.flows[f].id);
        }
        for f in gr.outgoing(i) {
            x.text("bpmn:outgoing", &[], &gr.flows[f].id);
        }
        if let (Kind::Boundary(_), Some(t)) = (n.kind, n.timer) {
            x.open(
                "bpmn:timerEventDefinition",
                &[a("id", format!("TimerDef_{}", n.id))],
            );
            x.text(
                "bpmn:timeDuration",
                &[a("xsi:type", "bpmn:tFormalExpression")],
                &clock::iso8601(t),
            );
            x.close("bpmn:timerEventDefinition");
        }
        x.close(el);
    }
    // The service deadline: a non-interrupting timer event sub-process.
    if let Some(d) = &channel.deadline {
        let amount = d.deadline.duration.amount();
        x.open(
            "bpmn:subProcess",
            &[
                a("id", sp_id.clone()),
                a("name", w.deadline_lane),
                a("triggeredByEvent", "true"),
            ],
        );
        x.open(
            "bpmn:startEvent",
            &[
                a("id", "Start_deadline"),
                a("name", words::amount(&amount)),
                a("isInterrupting", "false"),
            ],
        );
        x.open("bpmn:extensionElements", &[]);
        let mut attrs = time_ext(amount);
        attrs.push(a(
            "receipt-day-excluded",
            d.deadline.receipt_day_excluded.to_string(),
        ));
        x.empty("reglam:deadline", &attrs);
        x.close("bpmn:extensionElements");
        x.text("bpmn:outgoing", &[], "Flow_deadline");
        x.open("bpmn:timerEventDefinition", &[a("id", "TimerDef_deadline")]);
        x.text(
            "bpmn:timeDuration",
            &[a("xsi:type", "bpmn:tFormalExpression")],
            &clock::iso8601(amount),
        );
        x.close("bpmn:timerEventDefinition");
        x.close("bpmn:startEvent");
        x.open(
            "bpmn:endEvent",
            &[a("id", "End_deadline"), a("name", w.deadline)],
        );
        x.text("bpmn:incoming", &[], "Flow_deadline");
        x.close("bpmn:endEvent");
        x.empty(
            "bpmn:sequenceFlow",
            &[
                a("id", "Flow_deadline"),
                a("sourceRef", "Start_deadline"),
                a("targetRef", "End_deadline"),
            ],
        );
        x.close("bpmn:subProcess");
    }
    for f in &gr.flows {
        let mut attrs = vec![a("id", f.id.clone())];
        if let Some(nm) = &f.name {
            attrs.push(a("name", nm.clone()));
        }
        attrs.push(a("sourceRef", gr.nodes[f.from].id.clone()));
        attrs.push(a("targetRef", gr.nodes[f.to].id.clone()));
        if f.cond.is_none() && f.ext.is_empty() {
            x.empty("bpmn:sequenceFlow", &attrs);
            continue;
        }
        x.open("bpmn:sequenceFlow", &attrs);
        if !f.ext.is_empty() {
            x.open("bpmn:extensionElements", &[]);
            x.empty("reglam:flow", &f.ext);
            x.close("bpmn:extensionElements");
        }
        if let Some(c) = &f.cond {
            x.text(
                "bpmn:conditionExpression",
                &[a("xsi:type", "bpmn:tFormalExpression")],
                c,
            );
        }
        x.close("bpmn:sequenceFlow");
    }
    x.close("bpmn:process");

    // Diagram interchange.
    x.open("bpmndi:BPMNDiagram", &[a("id", "BPMNDiagram_1")]);
    x.open(
        "bpmndi:BPMNPlane",
        &[a("id", "BPMNPlane_1"), a("bpmnElement", coll)],
    );
    let bounds = |x: &mut Xml, r: Rect| {
        x.empty(
            "dc:Bounds",
            &[
                a("x", r.x.to_string()),
                a("y", r.y.to_string()),
                a("width", r.w.to_string()),
                a("height", r.h.to_string()),
            ],
        );
    };
    let shape = |x: &mut Xml, el: &str, r: Rect, extra: Vec<(&'static str, String)>| {
        let mut attrs = vec![a("id", format!("{el}_di")), a("bpmnElement", el)];
        attrs.extend(extra);
        x.open("bpmndi:BPMNShape", &attrs);
        bounds(x, r);
        x.close("bpmndi:BPMNShape");
    };
    shape(
        &mut x,
        &part,
        Rect {
            x: 0,
            y: 0,
            w: pool_w,
            h: pool_h,
        },
        vec![a("isHorizontal", "true")],
    );
    for (l, top) in lane_top.iter().enumerate() {
        shape(
            &mut x,
            &format!("Lane_{}", l + 1),
            Rect {
                x: POOL_LABEL,
                y: *top,
                w: pool_w - POOL_LABEL,
                h: lane_rows[l] * SLOT_H,
            },
            vec![a("isHorizontal", "true")],
        );
    }
    let rects: Vec<Rect> = (0..gr.nodes.len()).map(|i| rect(&gr, i)).collect();
    for (i, n) in gr.nodes.iter().enumerate() {
        let extra = if n.kind == Kind::Exclusive {
            vec![a("isMarkerVisible", "true")]
        } else {
            Vec::new()
        };
        shape(&mut x, &n.id, rects[i], extra);
    }
    let edge = |x: &mut Xml, id: &str, pts: &[(i64, i64)]| {
        x.open(
            "bpmndi:BPMNEdge",
            &[a("id", format!("{id}_di")), a("bpmnElement", id)],
        );
        let mut last = None;
        for &(px, py) in pts {
            if last == Some((px, py)) {
                continue;
            }
            x.empty(
                "di:waypoint",
                &[a("x", px.to_string()), a("y", py.to_string())],
            );
            last = Some((px, py));
        }
        x.close("bpmndi:BPMNEdge");
    };
    if let (Some(l), Some(_)) = (deadline_lane, &channel.deadline) {
        let top = lane_top[l];
        let sp = Rect {
            x: LEFT,
            y: top + 20,
            w: 300,
            h: 140,
        };
        shape(&mut x, &sp_id, sp, vec![a("isExpanded", "true")]);
        let s = Rect {
            x: sp.x + 40,
            y: sp.cy() - 18,
            w: 36,
            h: 36,
        };
        let e = Rect {
            x: sp.x + sp.w - 76,
            y: sp.cy() - 18,
            w: 36,
            h: 36,
        };
        shape(&mut x, "Start_deadline", s, Vec::new());
        shape(&mut x, "End_deadline", e, Vec::new());
        edge(
            &mut x,
            "Flow_deadline",
            &[(s.x + s.w, s.cy()), (e.x, e.cy())],
        );
    }
    for f in &gr.flows {
        let (s, t) = (rects[f.from], rects[f.to]);
        let pts: Vec<(i64, i64)> = if matches!(gr.nodes[f.from].kind, Kind::Boundary(_)) {
            vec![(s.cx(), s.y + s.h), (t.cx(), t.y)]
        } else if f.back {
            // Back along the top of the rows, above the shapes.
            let top_s = s.cy() - CY + 6;
            let top_t = t.cy() - CY + 6;
            let yb = top_s.min(top_t);
            vec![(s.cx(), s.y), (s.cx(), yb), (t.cx(), yb), (t.cx(), t.y)]
        } else if s.cy() == t.cy() {
            vec![(s.x + s.w, s.cy()), (t.x, t.cy())]
        } else {
            let mid = t.x - 20;
            vec![
                (s.x + s.w, s.cy()),
                (mid, s.cy()),
                (mid, t.cy()),
                (t.x, t.cy()),
            ]
        };
        edge(&mut x, &f.id, &pts);
    }
    x.close("bpmndi:BPMNPlane");
    x.close("bpmndi:BPMNDiagram");
    x.close("bpmn:definitions");
    Ok(x.finish())
}
