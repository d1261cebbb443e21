//! JSON: the verified model for other tools, in a documented shape
//! (docs/schema/reglam-model.schema.json). Fields come out in a fixed order; optional values
//! are `null` rather than absent, except the two languages of a text.
//!
//! The types here are this format's own (with `Deserialize`), so a consumer written in Rust can
//! read the JSON back, and a change in the model does not silently change the format.

use crate::common;
use petgraph::visit::EdgeRef;
use reglam_model::paths::WorstPath;
use reglam_model::time::{Amount, Duration, Fit};
use reglam_model::{
    Act, ActStatus, Actor, Cap, Channel, Citation, Corpus, Deadline, DeadlineSource, DueLimit,
    Edge, EffectiveDeadline, NodeKind, Regulation, Scenario, Standard, TableFigure, Text,
    TimedText,
};
use serde::{Deserialize, Serialize};

/// The format's name and version, written at the top of every document.
pub const FORMAT: &str = "reglam-model";
/// Raised when a field changes meaning or goes away (adding a field does not raise it).
pub const VERSION: u32 = 1;

/// A whole document: the acts, standards and regulations read in one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u32,
    pub acts: Vec<ActJson>,
    pub standards: Vec<StandardJson>,
    pub regulations: Vec<RegulationJson>,
}

/// A text in Russian, Kazakh or both; a language the source lacks is absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TextJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ru: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kk: Option<String>,
}

/// A duration as the source writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DurationJson {
    pub value: u64,
    /// `minute`, `hour`, `working-day`, `calendar-day` or `month`.
    pub unit: String,
    /// The act's own words for the figure, if written.
    pub words: Option<String>,
}

/// A sum of time, each kind kept apart (see docs/time.md), with its English wording.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmountJson {
    pub working_minutes: u64,
    pub calendar_days: u64,
    pub months: u64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegistrationJson {
    pub number: String,
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusJson {
    /// `in-force` or `repealed`.
    pub status: String,
    pub date: Option<String>,
    pub by: Option<TextJson>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActJson {
    pub title: TextJson,
    pub body: TextJson,
    pub kind: TextJson,
    pub number: Option<String>,
    pub date: Option<String>,
    pub registration: Option<RegistrationJson>,
    pub status: Option<StatusJson>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtensionJson {
    pub duration: DurationJson,
    pub when: TextJson,
    /// True: the deadline becomes `duration`; false: it grows by it.
    pub to: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadlineJson {
    /// The kind of channel it is for; `null` for every channel.
    pub channel: Option<String>,
    pub duration: DurationJson,
    pub receipt_day_excluded: bool,
    pub extensions: Vec<ExtensionJson>,
    pub cite: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapJson {
    pub name: String,
    pub duration: DurationJson,
    pub cite: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableFigureJson {
    pub duration: DurationJson,
    pub cite: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceJson {
    pub id: String,
    pub title: TextJson,
    pub deadlines: Vec<DeadlineJson>,
    pub caps: Vec<CapJson>,
    pub cite: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StandardJson {
    pub id: String,
    pub title: TextJson,
    pub number: Option<String>,
    pub date: Option<String>,
    pub services: Vec<ServiceJson>,
    pub cite: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorJson {
    pub id: String,
    pub name: TextJson,
    pub aliases: Vec<TextJson>,
    pub kind: String,
    pub cite: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImplementsJson {
    pub standard: String,
    pub service: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcedureJson {
    pub id: String,
    pub calls: usize,
    pub cite: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegulationJson {
    pub id: String,
    /// The language of its texts by default (the file's `lang`): `ru` or `kk`.
    pub lang: String,
    pub title: TextJson,
    pub implements: Option<ImplementsJson>,
    pub provider: TextJson,
    pub result: TextJson,
    pub form: Option<String>,
    pub notes: Vec<TextJson>,
    pub deadlines: Vec<DeadlineJson>,
    pub caps: Vec<CapJson>,
    pub table_totals: Vec<TableFigureJson>,
    pub actors: Vec<ActorJson>,
    pub procedures: Vec<ProcedureJson>,
    pub scenarios: Vec<ScenarioJson>,
    pub cite: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioJson {
    /// `null` for a regulation without scenarios.
    pub id: Option<String>,
    pub title: TextJson,
    pub deadlines: Vec<DeadlineJson>,
    pub channels: Vec<ChannelJson>,
    pub cite: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadlineSourceJson {
    /// `channel`, `scenario`, `regulation` or `standard`.
    pub kind: String,
    pub standard: Option<String>,
    pub service: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EffectiveDeadlineJson {
    pub deadline: DeadlineJson,
    pub source: DeadlineSourceJson,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DueJson {
    pub node: usize,
    /// `within` (from intake) or `before-deadline`.
    pub limit: String,
    pub duration: DurationJson,
    pub cite: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimedTextJson {
    pub duration: DurationJson,
    pub text: TextJson,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReworkJson {
    pub max: Option<u64>,
    pub takes: Option<DurationJson>,
    pub clock_paused: bool,
    pub timeout: Option<DurationJson>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeJson {
    /// The node's number in this channel; edges and paths refer to it.
    pub index: usize,
    pub id: String,
    /// `start`, `step`, `check`, `decide`, `wait`, `fork`, `join`, `rework` or `outcome`.
    pub kind: String,
    /// The actor's id.
    pub actor: Option<String>,
    pub procedure: Option<String>,
    /// What the node says: a step's action, a check's question, a return's reason, an outcome.
    pub text: TextJson,
    pub produces: TextJson,
    pub parts: Vec<TimedTextJson>,
    pub options: Vec<TimedTextJson>,
    pub table: Option<TableFigureJson>,
    pub rework: Option<ReworkJson>,
    /// The outcome's kind, for outcomes.
    pub outcome: Option<String>,
    /// The most this node itself takes (parts plus its longest option).
    pub own_time: AmountJson,
    /// The longest time from intake to the end of this node; `null` when unreachable or not
    /// computed (an unbounded cycle).
    pub worst_to: Option<AmountJson>,
    pub cite: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EdgeJson {
    pub from: usize,
    pub to: usize,
    /// `next`, `then`, `else`, `when`, `branch`, `back` (a return for rework) or `timeout`.
    pub kind: String,
    /// The answer of a `when` edge.
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReworkCostJson {
    pub node: usize,
    pub target: usize,
    pub body: AmountJson,
    pub away: AmountJson,
    pub times: u64,
    pub extra: AmountJson,
    pub backward: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathStepJson {
    pub node: usize,
    pub id: String,
    pub adds: AmountJson,
    pub running: AmountJson,
}

/// A comparison with the deadline, as `reglam check` makes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum FitJson {
    Fits { slack: AmountJson, exact: bool },
    Overruns { by: AmountJson, exact: bool },
    NeedsCalendar { reason: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomePathJson {
    pub node: usize,
    pub id: String,
    pub outcome: String,
    pub bound_by_deadline: bool,
    /// The time along `path`.
    pub total: AmountJson,
    /// An upper bound over every path, unit by unit.
    pub bound: AmountJson,
    pub path: Vec<PathStepJson>,
    /// Against the effective deadline; `null` without one or for outcomes not held to it.
    pub fit: Option<FitJson>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerdictJson {
    /// The outcome held to the deadline with the longest worst path.
    pub outcome: usize,
    pub id: String,
    pub total: AmountJson,
    pub deadline: Option<AmountJson>,
    pub fit: Option<FitJson>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelJson {
    pub id: String,
    pub kind: String,
    pub deadlines: Vec<DeadlineJson>,
    pub deadline: Option<EffectiveDeadlineJson>,
    pub dues: Vec<DueJson>,
    pub table_totals: Vec<TableFigureJson>,
    pub start: usize,
    pub nodes: Vec<NodeJson>,
    pub edges: Vec<EdgeJson>,
    /// Cycles not made by a bounded return (no times are computed when there are any).
    pub cycles: Vec<Vec<usize>>,
    pub reworks: Vec<ReworkCostJson>,
    pub outcomes: Vec<OutcomePathJson>,
    pub verdict: Option<VerdictJson>,
    pub cite: Option<String>,
}

/// The document for a corpus: every act, standard and regulation it holds.
pub fn document(corpus: &Corpus) -> Document {
    Document {
        format: FORMAT.into(),
        version: VERSION,
        acts: corpus.acts.iter().map(act).collect(),
        standards: corpus.standards.iter().map(standard).collect(),
        regulations: corpus.regulations.iter().map(regulation).collect(),
    }
}

/// The document as pretty-printed JSON with a final newline.
pub fn to_string(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_default();
    s.push('\n');
    s
}

/// A model enum's kebab-case word, as the model serializes it.
fn word<T: Serialize>(t: &T) -> String {
    match serde_json::to_value(t) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn text(t: &Text) -> TextJson {
    TextJson {
        ru: t.ru.clone(),
        kk: t.kk.clone(),
    }
}

fn cite(c: &Option<Citation>) -> Option<String> {
    c.as_ref().map(|c| c.raw.clone())
}

fn duration(d: &Duration) -> DurationJson {
    DurationJson {
        value: d.value,
        unit: word(&d.unit),
        words: d.words.clone(),
    }
}

fn amount(a: Amount) -> AmountJson {
    AmountJson {
        working_minutes: a.working_minutes,
        calendar_days: a.calendar_days,
        months: a.months,
        text: reglam_diagnostics::words::amount(&a),
    }
}

fn fit(f: Fit) -> FitJson {
    match f {
        Fit::Fits { slack, exact } => FitJson::Fits {
            slack: amount(slack),
            exact,
        },
        Fit::Overruns { by, exact } => FitJson::Overruns {
            by: amount(by),
            exact,
        },
        Fit::NeedsCalendar { reason } => FitJson::NeedsCalendar {
            reason: reglam_diagnostics::words::calendar_reason(reason),
        },
    }
}

fn act(a: &Act) -> ActJson {
    ActJson {
        title: text(&a.title),
        body: text(&a.body),
        kind: text(&a.kind),
        number: a.number.clone(),
        date: a.date.clone(),
        registration: a.registration.as_ref().map(|(n, d)| RegistrationJson {
            number: n.clone(),
            date: d.clone(),
        }),
        status: a.status.as_ref().map(|s| match s {
            ActStatus::InForce => StatusJson {
                status: "in-force".into(),
                date: None,
                by: None,
            },
            ActStatus::Repealed { date, by } => StatusJson {
                status: "repealed".into(),
                date: date.clone(),
                by: Some(text(by)),
            },
        }),
    }
}

fn deadline(d: &Deadline) -> DeadlineJson {
    DeadlineJson {
        channel: d.channel.map(|k| k.word().to_string()),
        duration: duration(&d.duration),
        receipt_day_excluded: d.receipt_day_excluded,
        extensions: d
            .extensions
            .iter()
            .map(|e| ExtensionJson {
                duration: duration(&e.duration),
                when: text(&e.when),
                to: e.to,
            })
            .collect(),
        cite: cite(&d.cite),
    }
}

fn cap(c: &Cap) -> CapJson {
    CapJson {
        name: c.name.clone(),
        duration: duration(&c.duration),
        cite: cite(&c.cite),
    }
}

fn table(t: &TableFigure) -> TableFigureJson {
    TableFigureJson {
        duration: duration(&t.duration),
        cite: cite(&t.cite),
    }
}

fn standard(s: &Standard) -> StandardJson {
    StandardJson {
        id: s.id.clone(),
        title: text(&s.title),
        number: s.number.clone(),
        date: s.date.clone(),
        services: s
            .services
            .iter()
            .map(|v| ServiceJson {
                id: v.id.clone(),
                title: text(&v.title),
                deadlines: v.deadlines.iter().map(deadline).collect(),
                caps: v.caps.iter().map(cap).collect(),
                cite: cite(&v.cite),
            })
            .collect(),
        cite: cite(&s.cite),
    }
}

fn actor(a: &Actor) -> ActorJson {
    ActorJson {
        id: a.id.clone(),
        name: text(&a.name),
        aliases: a.aliases.iter().map(text).collect(),
        kind: word(&a.kind),
        cite: cite(&a.cite),
    }
}

/// One regulation with its scenarios and channels.
pub fn regulation(r: &Regulation) -> RegulationJson {
    RegulationJson {
        id: r.id.clone(),
        lang: r.lang.code().to_string(),
        title: text(&r.title),
        implements: r.implements.as_ref().map(|(s, v)| ImplementsJson {
            standard: s.clone(),
            service: v.clone(),
        }),
        provider: text(&r.provider),
        result: text(&r.result),
        form: r.form.as_ref().map(word),
        notes: r.notes.iter().map(text).collect(),
        deadlines: r.deadlines.iter().map(deadline).collect(),
        caps: r.caps.iter().map(cap).collect(),
        table_totals: r.table_totals.iter().map(table).collect(),
        actors: r.actors.iter().map(actor).collect(),
        procedures: r
            .procedures
            .iter()
            .map(|p| ProcedureJson {
                id: p.id.clone(),
                calls: p.calls,
                cite: cite(&p.cite),
            })
            .collect(),
        scenarios: r.scenarios.iter().map(|s| scenario(r, s)).collect(),
        cite: cite(&r.cite),
    }
}

fn scenario(r: &Regulation, s: &Scenario) -> ScenarioJson {
    ScenarioJson {
        id: s.id.clone(),
        title: text(&s.title),
        deadlines: s.deadlines.iter().map(deadline).collect(),
        channels: s.channels.iter().map(|c| channel(r, c)).collect(),
        cite: cite(&s.cite),
    }
}

fn effective(d: &EffectiveDeadline) -> EffectiveDeadlineJson {
    let (kind, standard, service) = match &d.source {
        DeadlineSource::Channel => ("channel", None, None),
        DeadlineSource::Scenario => ("scenario", None, None),
        DeadlineSource::Regulation => ("regulation", None, None),
        DeadlineSource::Standard { standard, service } => {
            ("standard", Some(standard.clone()), Some(service.clone()))
        }
    };
    EffectiveDeadlineJson {
        deadline: deadline(&d.deadline),
        source: DeadlineSourceJson {
            kind: kind.into(),
            standard,
            service,
        },
    }
}

fn timed(t: &TimedText) -> TimedTextJson {
    TimedTextJson {
        duration: duration(&t.duration),
        text: text(&t.text),
    }
}

fn path(c: &Channel, w: &WorstPath) -> Vec<PathStepJson> {
    let g = &c.flow.graph;
    w.steps
        .iter()
        .map(|s| PathStepJson {
            node: s.node.index(),
            id: g[s.node].id.clone(),
            adds: amount(s.adds),
            running: amount(s.running),
        })
        .collect()
}

fn channel(r: &Regulation, c: &Channel) -> ChannelJson {
    let g = &c.flow.graph;
    let nodes = g
        .node_indices()
        .map(|n| {
            let node = &g[n];
            let step = node.step();
            let (main, rework, outcome) = match &node.kind {
                NodeKind::Rework(rw) => (
                    text(&rw.reason),
                    Some(ReworkJson {
                        max: rw.max,
                        takes: rw.takes.as_ref().map(duration),
                        clock_paused: rw.clock_paused,
                        timeout: rw.timeout.as_ref().map(duration),
                    }),
                    None,
                ),
                NodeKind::Outcome { outcome, text: t } => (text(t), None, Some(word(outcome))),
                _ => (
                    step.map(|s| text(&s.action)).unwrap_or_default(),
                    None,
                    None,
                ),
            };
            NodeJson {
                index: n.index(),
                id: node.id.clone(),
                kind: kind_word(&node.kind).to_string(),
                actor: common::node_actor(node)
                    .and_then(|a| r.actors.get(a))
                    .map(|a| a.id.clone()),
                procedure: node.procedure.clone(),
                text: main,
                produces: step.map(|s| text(&s.produces)).unwrap_or_default(),
                parts: step
                    .map(|s| s.parts.iter().map(timed).collect())
                    .unwrap_or_default(),
                options: step
                    .map(|s| s.options.iter().map(timed).collect())
                    .unwrap_or_default(),
                table: step.and_then(|s| s.table.as_ref()).map(table),
                rework,
                outcome,
                own_time: amount(node.own_time()),
                worst_to: c.paths.worst_total(n).map(amount),
                cite: cite(&node.cite),
            }
        })
        .collect();
    let edges = g
        .edge_references()
        .map(|e| {
            let (kind, label) = match e.weight() {
                Edge::Next => ("next", None),
                Edge::Then => ("then", None),
                Edge::Else => ("else", None),
                Edge::When(s) => ("when", Some(s.clone())),
                Edge::Branch => ("branch", None),
                Edge::Back => ("back", None),
                Edge::Timeout => ("timeout", None),
            };
            EdgeJson {
                from: e.source().index(),
                to: e.target().index(),
                kind: kind.into(),
                label,
            }
        })
        .collect();
    let outcomes = g
        .node_indices()
        .filter_map(|n| {
            let kind = common::outcome_kind(&g[n])?;
            let w = c.paths.worst_to(n)?;
            Some(OutcomePathJson {
                node: n.index(),
                id: g[n].id.clone(),
                outcome: word(&kind),
                bound_by_deadline: kind.bound_by_deadline(),
                total: amount(w.total),
                bound: amount(w.bound),
                path: path(c, w),
                fit: c
                    .deadline
                    .as_ref()
                    .filter(|_| kind.bound_by_deadline())
                    .map(|d| fit(common::fit(w, d))),
            })
        })
        .collect();
    let verdict = common::worst_outcome(c).map(|(n, w)| VerdictJson {
        outcome: n.index(),
        id: g[n].id.clone(),
        total: amount(w.total),
        deadline: c
            .deadline
            .as_ref()
            .map(|d| amount(d.deadline.duration.amount())),
        fit: c.deadline.as_ref().map(|d| fit(common::fit(w, d))),
    });
    ChannelJson {
        id: c.id.clone(),
        kind: c.kind.word().to_string(),
        deadlines: c.deadlines.iter().map(deadline).collect(),
        deadline: c.deadline.as_ref().map(effective),
        dues: c
            .dues
            .iter()
            .map(|d| {
                let (limit, dur) = match &d.limit {
                    DueLimit::Within(x) => ("within", x),
                    DueLimit::BeforeDeadline(x) => ("before-deadline", x),
                };
                DueJson {
                    node: d.node.index(),
                    limit: limit.into(),
                    duration: duration(dur),
                    cite: cite(&d.cite),
                }
            })
            .collect(),
        table_totals: c.table_totals.iter().map(table).collect(),
        start: c.flow.start.index(),
        nodes,
        edges,
        cycles: c
            .paths
            .cycles
            .iter()
            .map(|cy| cy.iter().map(|n| n.index()).collect())
            .collect(),
        reworks: c
            .paths
            .reworks
            .iter()
            .map(|rw| ReworkCostJson {
                node: rw.node.index(),
                target: rw.target.index(),
                body: amount(rw.body),
                away: amount(rw.away),
                times: rw.times,
                extra: amount(rw.extra),
                backward: rw.backward,
            })
            .collect(),
        outcomes,
        verdict,
        cite: cite(&c.cite),
    }
}

fn kind_word(k: &NodeKind) -> &'static str {
    match k {
        NodeKind::Start => "start",
        NodeKind::Step(_) => "step",
        NodeKind::Check(_) => "check",
        NodeKind::Decide(_) => "decide",
        NodeKind::Wait(_) => "wait",
        NodeKind::Fork => "fork",
        NodeKind::Join => "join",
        NodeKind::Rework(_) => "rework",
        NodeKind::Outcome { .. } => "outcome",
    }
}
