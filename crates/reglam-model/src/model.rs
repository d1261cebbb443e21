//! The resolved model: what a file says, with every name resolved and every flow a graph.

use crate::time::{Amount, Duration};
use petgraph::graph::{DiGraph, NodeIndex};
use reglam_diagnostics::{FileId, Span};
pub use reglam_syntax::{ActorKind, ChannelKind, Form, Lang, OutcomeKind};
use serde::Serialize;
use std::sync::OnceLock;

/// A text in Russian, Kazakh or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ru: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kk: Option<String>,
}

impl Text {
    pub fn is_empty(&self) -> bool {
        self.ru.is_none() && self.kk.is_none()
    }
    pub fn get(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Ru => self.ru.as_deref(),
            Lang::Kk => self.kk.as_deref(),
        }
    }
    /// The text to show in `lang`, with whether it is in `lang` (`true`) or, the source having
    /// none in `lang`, the other language's (`false`). `None` when neither has it. Every
    /// output picks its texts here, so a missing language is handled one way everywhere: the
    /// other language's text, and one note per document (see [`Regulation::falls_back`]).
    pub fn pick(&self, lang: Lang) -> Option<(&str, bool)> {
        let given = |l| self.get(l).filter(|s| !s.trim().is_empty());
        given(lang)
            .map(|s| (s, true))
            .or_else(|| given(lang.other()).map(|s| (s, false)))
    }
    /// [`Text::pick`]'s text alone.
    pub fn any(&self, lang: Lang) -> Option<&str> {
        self.pick(lang).map(|(s, _)| s)
    }
    /// Whether a document in `lang` shows this text in the other language.
    pub fn falls_back(&self, lang: Lang) -> bool {
        matches!(self.pick(lang), Some((_, false)))
    }
    pub(crate) fn set(&mut self, lang: Lang, text: String) {
        match lang {
            Lang::Ru => self.ru = Some(text),
            Lang::Kk => self.kk = Some(text),
        }
    }
}

/// Where an element comes from in the source act: `@5.1`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub raw: String,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Act {
    pub title: Text,
    pub body: Text,
    pub kind: Text,
    pub number: Option<String>,
    pub date: Option<String>,
    pub registration: Option<(String, Option<String>)>,
    pub status: Option<ActStatus>,
    #[serde(skip)]
    pub file: FileId,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum ActStatus {
    InForce,
    Repealed { date: Option<String>, by: Text },
}

/// A deadline as a source states it.
#[derive(Debug, Clone, Serialize)]
pub struct Deadline {
    /// The kind of channel it is for; `None` for every channel.
    pub channel: Option<ChannelKind>,
    pub duration: Duration,
    pub receipt_day_excluded: bool,
    pub extensions: Vec<Extension>,
    pub cite: Option<Citation>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Extension {
    pub duration: Duration,
    pub when: Text,
    /// `extend to 20 wd`: the deadline becomes the duration; otherwise it grows by it.
    pub to: bool,
}

impl Extension {
    /// The deadline once extended.
    pub fn extended(&self, deadline: crate::time::Amount) -> crate::time::Amount {
        if self.to {
            self.duration.amount()
        } else {
            deadline.plus(self.duration.amount())
        }
    }
}

/// A limit that is not elapsed time (queue wait, service time per applicant).
#[derive(Debug, Clone, Serialize)]
pub struct Cap {
    pub name: String,
    pub duration: Duration,
    pub cite: Option<Citation>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableFigure {
    pub duration: Duration,
    pub cite: Option<Citation>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Standard {
    pub id: String,
    pub title: Text,
    pub number: Option<String>,
    pub date: Option<String>,
    pub services: Vec<StandardService>,
    pub cite: Option<Citation>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct StandardService {
    pub id: String,
    pub title: Text,
    pub deadlines: Vec<Deadline>,
    pub caps: Vec<Cap>,
    pub cite: Option<Citation>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    pub id: String,
    pub name: Text,
    pub aliases: Vec<Text>,
    pub kind: ActorKind,
    pub cite: Option<Citation>,
    #[serde(skip)]
    pub span: Span,
}

/// Where a channel's deadline came from.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineSource {
    Channel,
    Scenario,
    Regulation,
    Standard { standard: String, service: String },
}

#[derive(Debug, Clone, Serialize)]
pub struct EffectiveDeadline {
    pub deadline: Deadline,
    pub source: DeadlineSource,
}

#[derive(Debug, Clone, Serialize)]
pub struct Regulation {
    pub id: String,
    /// The language of its texts by default (the file's `lang`): its outputs are in it.
    pub lang: Lang,
    pub title: Text,
    pub implements: Option<(String, String)>,
    pub provider: Text,
    pub result: Text,
    pub form: Option<Form>,
    pub notes: Vec<Text>,
    pub deadlines: Vec<Deadline>,
    pub caps: Vec<Cap>,
    pub table_totals: Vec<TableFigure>,
    pub actors: Vec<Actor>,
    /// The units the act itself lists as taking part (`listed-actors @6 a b c`), when encoded.
    pub listed_actors: Option<ListedActors>,
    pub procedures: Vec<ProcedureInfo>,
    pub scenarios: Vec<Scenario>,
    pub cite: Option<Citation>,
    #[serde(skip)]
    pub span: Span,
    #[serde(skip)]
    pub file: FileId,
    /// Findings the act is known to have (`acknowledge`), in the regulation and its channels.
    #[serde(skip)]
    pub acknowledgements: Vec<Acknowledgement>,
}

/// `acknowledge CODE ELEMENT "reason" @cite`: the findings with code `CODE` whose primary span
/// lies inside `regions`, the statements named `ELEMENT` in the block it is written in.
#[derive(Debug, Clone)]
pub struct Acknowledgement {
    /// The code as written (matched case-insensitively by the check).
    pub code: String,
    pub code_span: Span,
    pub target: String,
    pub target_span: Span,
    pub reason: String,
    pub cite: Option<Citation>,
    /// The spans of the statements named `target` (with their blocks).
    pub regions: Vec<Span>,
    pub span: Span,
}

impl Regulation {
    /// Whether a document of the whole regulation in `lang` shows some text in the other
    /// language (the source has none in `lang`): it says so once, and `build` reports it.
    pub fn falls_back(&self, lang: Lang) -> bool {
        let mut own = [&self.title, &self.provider, &self.result]
            .into_iter()
            .chain(&self.notes)
            .chain(self.actors.iter().map(|a| &a.name))
            .chain(self.scenarios.iter().map(|s| &s.title));
        let deadlines = self
            .deadlines
            .iter()
            .chain(self.scenarios.iter().flat_map(|s| &s.deadlines))
            .chain(self.channels().flat_map(|(_, c)| {
                c.deadlines
                    .iter()
                    .chain(c.deadline.iter().map(|d| &d.deadline))
            }));
        own.any(|t| t.falls_back(lang))
            || deadlines
                .flat_map(|d| &d.extensions)
                .any(|e| e.when.falls_back(lang))
            || self.channels().any(|(s, c)| c.falls_back(self, s, lang))
    }

    /// Every channel of every scenario, with its scenario.
    pub fn channels(&self) -> impl Iterator<Item = (&Scenario, &Channel)> {
        self.scenarios
            .iter()
            .flat_map(|s| s.channels.iter().map(move |c| (s, c)))
    }
}

/// The act's own list of the units taking part (its "СФЕ" paragraph), as actor indices.
#[derive(Debug, Clone, Serialize)]
pub struct ListedActors {
    pub actors: Vec<usize>,
    pub cite: Option<Citation>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProcedureInfo {
    pub id: String,
    pub cite: Option<Citation>,
    pub calls: usize,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    /// `None` for a regulation without scenarios.
    pub id: Option<String>,
    pub title: Text,
    pub deadlines: Vec<Deadline>,
    pub channels: Vec<Channel>,
    pub cite: Option<Citation>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Channel {
    pub id: String,
    pub kind: ChannelKind,
    pub deadlines: Vec<Deadline>,
    /// The deadline that applies, after looking through scenario, regulation and standard.
    pub deadline: Option<EffectiveDeadline>,
    pub dues: Vec<Due>,
    pub table_totals: Vec<TableFigure>,
    pub flow: Flow,
    /// Worst paths and what the path analysis found.
    pub paths: ChannelPaths,
    pub cite: Option<Citation>,
    #[serde(skip)]
    pub span: Span,
}

impl Channel {
    /// Whether a diagram of this channel in `lang` shows some text in the other language: the
    /// regulation's and scenario's titles, the actors' names and every node's texts.
    pub fn falls_back(&self, reg: &Regulation, scenario: &Scenario, lang: Lang) -> bool {
        reg.title.falls_back(lang)
            || scenario.title.falls_back(lang)
            || reg.actors.iter().any(|a| a.name.falls_back(lang))
            || self
                .flow
                .graph
                .node_weights()
                .any(|n| n.texts().any(|t| t.falls_back(lang)))
    }
}

/// A sub-deadline: the path to the end of `node` must fit.
#[derive(Debug, Clone, Serialize)]
pub struct Due {
    #[serde(serialize_with = "ser_index")]
    pub node: NodeIndex,
    pub limit: DueLimit,
    pub cite: Option<Citation>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DueLimit {
    Within(Duration),
    BeforeDeadline(Duration),
}

fn ser_index<S: serde::Serializer>(i: &NodeIndex, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(i.index() as u64)
}

/// A channel's process: a graph from `start` to outcomes.
#[derive(Debug, Clone, Serialize)]
pub struct Flow {
    #[serde(skip)]
    pub graph: DiGraph<Node, Edge>,
    #[serde(serialize_with = "ser_index")]
    pub start: NodeIndex,
}

impl Flow {
    /// The join that closes the `parallel` block opened by `fork`. The builder creates a fork's
    /// join right after the fork, so it is the next node; this is the one place that knows.
    pub fn join_of(&self, fork: NodeIndex) -> Option<NodeIndex> {
        if !matches!(self.graph.node_weight(fork)?.kind, NodeKind::Fork) {
            return None;
        }
        let join = NodeIndex::new(fork.index() + 1);
        matches!(self.graph.node_weight(join)?.kind, NodeKind::Join).then_some(join)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// The name in the source; for nodes from a procedure, `procedure/name`.
    pub id: String,
    pub kind: NodeKind,
    /// The procedure this node comes from, if called.
    pub procedure: Option<String>,
    pub cite: Option<Citation>,
    #[serde(skip)]
    pub span: Span,
}

impl Node {
    /// Every text the node carries.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        let (step, single) = match &self.kind {
            NodeKind::Step(s) | NodeKind::Check(s) | NodeKind::Decide(s) | NodeKind::Wait(s) => {
                (Some(s), None)
            }
            NodeKind::Rework(r) => (None, Some(&r.reason)),
            NodeKind::Outcome { text, .. } => (None, Some(text)),
            NodeKind::Start | NodeKind::Fork | NodeKind::Join => (None, None),
        };
        single.into_iter().chain(step.into_iter().flat_map(|s| {
            [&s.action, &s.produces]
                .into_iter()
                .chain(s.parts.iter().chain(&s.options).map(|p| &p.text))
        }))
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum NodeKind {
    Start,
    Step(Step),
    Check(Step),
    Decide(Step),
    Wait(Step),
    Fork,
    Join,
    Rework(Rework),
    Outcome { outcome: OutcomeKind, text: Text },
}

/// What a step (or a check, decision or wait) does and how long it may take.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Step {
    /// Index into the regulation's actors.
    pub actor: Option<usize>,
    /// The actor's name as written, even when it names no declared actor.
    #[serde(skip)]
    pub actor_name: Option<String>,
    pub action: Text,
    pub produces: Text,
    /// Timed parts: they add up. A header duration is a part.
    pub parts: Vec<TimedText>,
    /// Alternatives: the longest counts.
    pub options: Vec<TimedText>,
    pub table: Option<TableFigure>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimedText {
    pub duration: Duration,
    pub text: Text,
}

impl Step {
    pub fn has_duration(&self) -> bool {
        !self.parts.is_empty() || !self.options.is_empty()
    }

    /// The most this step can take: its parts plus its longest option.
    pub fn worst(&self) -> Amount {
        let parts = self
            .parts
            .iter()
            .fold(Amount::ZERO, |a, p| a.plus(p.duration.amount()));
        let option = self
            .options
            .iter()
            .map(|o| o.duration.amount())
            .max_by_key(|a| (a.upper_working_minutes(), *a))
            .unwrap_or_default();
        parts.plus(option)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Rework {
    pub actor: Option<usize>,
    pub reason: Text,
    pub max: Option<u64>,
    pub takes: Option<Duration>,
    pub clock_paused: bool,
    pub timeout: Option<Duration>,
}

impl Rework {
    /// How long the case is away for one return at worst: `takes`, capped by the `timeout`
    /// (whichever is shorter, as the longer is never waited out).
    pub fn time_away(&self) -> Amount {
        let rank = |a: &Amount| (a.upper_working_minutes(), *a);
        match (&self.takes, &self.timeout) {
            (Some(d), Some(to)) => {
                let (d, to) = (d.amount(), to.amount());
                if rank(&d) <= rank(&to) {
                    d
                } else {
                    to
                }
            }
            (Some(d), None) => d.amount(),
            (None, Some(to)) => to.amount(),
            (None, None) => Amount::ZERO,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "edge", content = "label", rename_all = "kebab-case")]
pub enum Edge {
    Next,
    Then,
    Else,
    When(String),
    Branch,
    /// A return for rework, back to an earlier node.
    Back,
    /// Taken when rework is not finished within the timeout.
    Timeout,
}

impl Node {
    /// The time this node itself takes, at worst (not counting returns).
    pub fn own_time(&self) -> Amount {
        match &self.kind {
            NodeKind::Step(s) | NodeKind::Check(s) | NodeKind::Decide(s) | NodeKind::Wait(s) => {
                s.worst()
            }
            _ => Amount::ZERO,
        }
    }

    pub fn step(&self) -> Option<&Step> {
        match &self.kind {
            NodeKind::Step(s) | NodeKind::Check(s) | NodeKind::Decide(s) | NodeKind::Wait(s) => {
                Some(s)
            }
            _ => None,
        }
    }

    pub fn is_outcome(&self) -> bool {
        matches!(self.kind, NodeKind::Outcome { .. })
    }
}

/// Everything read from one run: files, acts, standards and regulations.
#[derive(Debug, Default, Serialize)]
pub struct Corpus {
    pub acts: Vec<Act>,
    pub standards: Vec<Standard>,
    pub regulations: Vec<Regulation>,
}

// What the path analysis (`paths.rs`) finds, kept here with the rest of the model's data so that
// the model never depends on the analysis that fills it in.

/// One node on a worst path, with the time it adds and the running total.
#[derive(Debug, Clone, Serialize)]
pub struct PathStep {
    #[serde(serialize_with = "ser_index")]
    pub node: NodeIndex,
    /// The node's own time, plus any returns for rework counted at it, plus a timeout wait
    /// on the way in.
    pub adds: Amount,
    pub running: Amount,
}

/// The worst way to reach one node.
#[derive(Debug, Clone, Serialize)]
pub struct WorstPath {
    /// The time along `steps`: the path that ranks longest.
    pub total: Amount,
    /// An upper bound over every path to the node, unit by unit. Equals `total` when paths
    /// do not mix kinds of time.
    pub bound: Amount,
    pub steps: Vec<PathStep>,
}

/// A return for rework, with what its returns add at worst.
#[derive(Debug, Clone, Serialize)]
pub struct ReworkCost {
    #[serde(serialize_with = "ser_index")]
    pub node: NodeIndex,
    #[serde(serialize_with = "ser_index")]
    pub target: NodeIndex,
    /// The steps from the target back to the return point, once.
    pub body: Amount,
    /// The time away for rework counted against the deadline, once (zero when the clock pauses).
    pub away: Amount,
    pub times: u64,
    pub extra: Amount,
    /// False when the target does not come before the return point.
    pub backward: bool,
}

/// What the path analysis knows about a channel.
#[derive(Debug, Clone, Serialize)]
pub struct ChannelPaths {
    /// Cycles not made by a bounded `rework`: the case could go round forever. When there are
    /// any, no times are computed.
    #[serde(serialize_with = "ser_cycles")]
    pub cycles: Vec<Vec<NodeIndex>>,
    pub reworks: Vec<ReworkCost>,
    #[serde(skip)]
    pub reachable: Vec<bool>,
    /// Whether an outcome can be reached from each node.
    #[serde(skip)]
    pub can_finish: Vec<bool>,
    /// Per node, by index: the running total of its worst path, the upper bound, and the
    /// node before it on that path (with the edge taken); `None` when unreachable or not
    /// computed. This is the whole tree of worst paths in linear space.
    #[serde(skip)]
    pub(crate) tree: Vec<Option<TreeNode>>,
    /// The worst paths written out step by step, built on first request: writing out every
    /// node's path eagerly would cost the sum of all path lengths, quadratic in a long chain
    /// (10,000 steps took 13 s and 4.7 GB), while the checks ask for a handful of nodes.
    #[serde(skip)]
    pub(crate) worst: Vec<OnceLock<Option<WorstPath>>>,
    /// The forward graph (returns left out) in topological order, and each node's place in it.
    #[serde(skip)]
    pub(crate) order: Vec<NodeIndex>,
    #[serde(skip)]
    pub(crate) position: Vec<usize>,
    /// Per node: the time its returns for rework add at worst.
    #[serde(skip)]
    pub(crate) extra: Vec<Amount>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct TreeNode {
    pub(crate) total: Amount,
    pub(crate) bound: Amount,
    /// Time this node adds on its worst path (own time, returns counted at it, timeout wait).
    pub(crate) adds: Amount,
    pub(crate) pred: Option<NodeIndex>,
}

fn ser_cycles<S: serde::Serializer>(c: &[Vec<NodeIndex>], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(c.len()))?;
    for cycle in c {
        seq.serialize_element(&cycle.iter().map(|n| n.index()).collect::<Vec<_>>())?;
    }
    seq.end()
}
