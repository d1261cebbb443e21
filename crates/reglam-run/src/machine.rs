//! A channel's flow compiled into a state machine.
//!
//! One state per node of the flow: steps, checks, decisions and waits are states that take
//! time; the start, forks and joins pass the case on at once; a return for rework is a choice
//! point (continue, go back, or time out); outcomes end the case. Transitions carry what
//! fires them: completion, a condition's outcome, a return, a timeout.

use crate::error::{Result, RunError};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use reglam_model::paths::WorstPath;
use reglam_model::time::Amount;
use reglam_model::{Channel, Edge, NodeKind, OutcomeKind, Rework};
use serde::Serialize;
use std::collections::HashMap;

/// What kind of state a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StateKind {
    Start,
    Step,
    Check,
    Decide,
    Wait,
    Fork,
    Join,
    Rework,
    Outcome,
}

impl StateKind {
    /// The word used in timelines.
    pub fn word(self) -> &'static str {
        match self {
            StateKind::Start => "start",
            StateKind::Step => "step",
            StateKind::Check => "check",
            StateKind::Decide => "decide",
            StateKind::Wait => "wait",
            StateKind::Fork => "fork",
            StateKind::Join => "join",
            StateKind::Rework => "rework",
            StateKind::Outcome => "outcome",
        }
    }

    /// Whether the case stays in this state until something happens (an event, or time).
    pub fn takes_time(self) -> bool {
        matches!(
            self,
            StateKind::Step | StateKind::Check | StateKind::Decide | StateKind::Wait
        )
    }
}

/// What fires a transition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "on", content = "label", rename_all = "kebab-case")]
pub enum Trigger {
    /// The state is complete.
    Done,
    /// A check's condition holds.
    Then,
    /// A check's condition does not hold.
    Else,
    /// A decision's answer.
    When(String),
    /// A fork starts this branch.
    Branch,
    /// A return for rework, back to an earlier state.
    Return,
    /// Rework not finished within the timeout.
    Timeout,
}

impl Trigger {
    /// The outcome label an events file uses for this trigger.
    pub fn label(&self) -> &str {
        match self {
            Trigger::Done => "next",
            Trigger::Then => "then",
            Trigger::Else => "else",
            Trigger::When(l) => l,
            Trigger::Branch => "branch",
            Trigger::Return => "return",
            Trigger::Timeout => "timeout",
        }
    }
}

/// A transition out of a state.
#[derive(Debug, Clone, Serialize)]
pub struct Transition {
    pub trigger: Trigger,
    #[serde(serialize_with = "ser_index")]
    pub to: NodeIndex,
}

/// One state of the machine.
#[derive(Debug, Clone, Serialize)]
pub struct State {
    /// The node's name in the source.
    pub id: String,
    pub kind: StateKind,
    /// The most time the state may take (the model's worst own time).
    pub allowance: Amount,
    pub transitions: Vec<Transition>,
    /// For an outcome, its kind.
    pub outcome: Option<OutcomeKind>,
}

fn ser_index<S: serde::Serializer>(i: &NodeIndex, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_u64(i.index() as u64)
}

/// A channel compiled into a state machine. State `i` is node `i` of the channel's flow.
#[derive(Debug)]
pub struct Machine<'c> {
    pub channel: &'c Channel,
    pub states: Vec<State>,
    by_id: HashMap<String, NodeIndex>,
    /// How many branches each join waits for.
    join_needs: Vec<usize>,
}

impl<'c> Machine<'c> {
    /// Compiles a channel. Fails when the flow has cycles that are not bounded returns
    /// (the case could go round forever, and the model computed no times).
    pub fn compile(channel: &'c Channel) -> Result<Machine<'c>> {
        if !channel.paths.cycles.is_empty() {
            return Err(RunError::NotRunnable {
                channel: channel.id.clone(),
                reason: "its flow has a cycle that is not a bounded return for rework".into(),
            });
        }
        let g = &channel.flow.graph;
        let mut states = Vec::with_capacity(g.node_count());
        let mut by_id = HashMap::new();
        let mut join_needs = vec![0; g.node_count()];
        for n in g.node_indices() {
            let node = &g[n];
            let (kind, outcome) = match &node.kind {
                NodeKind::Start => (StateKind::Start, None),
                NodeKind::Step(_) => (StateKind::Step, None),
                NodeKind::Check(_) => (StateKind::Check, None),
                NodeKind::Decide(_) => (StateKind::Decide, None),
                NodeKind::Wait(_) => (StateKind::Wait, None),
                NodeKind::Fork => (StateKind::Fork, None),
                NodeKind::Join => (StateKind::Join, None),
                NodeKind::Rework(_) => (StateKind::Rework, None),
                NodeKind::Outcome { outcome, .. } => (StateKind::Outcome, Some(*outcome)),
            };
            let mut transitions: Vec<Transition> = g
                .edges_directed(n, Direction::Outgoing)
                .map(|e| Transition {
                    trigger: match e.weight() {
                        Edge::Next => Trigger::Done,
                        Edge::Then => Trigger::Then,
                        Edge::Else => Trigger::Else,
                        Edge::When(l) => Trigger::When(l.clone()),
                        Edge::Branch => Trigger::Branch,
                        Edge::Back => Trigger::Return,
                        Edge::Timeout => Trigger::Timeout,
                    },
                    to: e.target(),
                })
                .collect();
            // petgraph lists edges newest first: source order reads better.
            transitions.reverse();
            if kind == StateKind::Join {
                join_needs[n.index()] = g
                    .edges_directed(n, Direction::Incoming)
                    .filter(|e| *e.weight() != Edge::Back)
                    .count();
            }
            by_id.entry(node.id.clone()).or_insert(n);
            states.push(State {
                id: node.id.clone(),
                kind,
                allowance: node.own_time(),
                transitions,
                outcome,
            });
        }
        Ok(Machine {
            channel,
            states,
            by_id,
            join_needs,
        })
    }

    /// The state named `id` in the source.
    pub fn find(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// The state of node `n`.
    pub fn state(&self, n: NodeIndex) -> &State {
        &self.states[n.index()]
    }

    /// The states a fork starts, in source order.
    pub fn branches(&self, fork: NodeIndex) -> impl Iterator<Item = NodeIndex> + '_ {
        self.state(fork)
            .transitions
            .iter()
            .filter(|t| t.trigger == Trigger::Branch)
            .map(|t| t.to)
    }

    /// The join on `route` that closes the fork at `route[i]` (nested forks counted).
    pub fn join_on_route(&self, route: &[NodeIndex], i: usize) -> Option<NodeIndex> {
        let mut depth = 0usize;
        for &n in &route[i + 1..] {
            match self.state(n).kind {
                StateKind::Fork => depth += 1,
                StateKind::Join if depth == 0 => return Some(n),
                StateKind::Join => depth -= 1,
                _ => {}
            }
        }
        None
    }

    /// The flow's start state.
    pub fn start(&self) -> NodeIndex {
        self.channel.flow.start
    }

    /// How many branches a join waits for.
    pub fn join_needs(&self, n: NodeIndex) -> usize {
        self.join_needs[n.index()]
    }

    /// The rework settings of a rework state.
    pub fn rework(&self, n: NodeIndex) -> Option<&'c Rework> {
        match &self.channel.flow.graph[n].kind {
            NodeKind::Rework(r) => Some(r),
            _ => None,
        }
    }

    /// The outcome held to the deadline whose worst path the model ranks longest, with that
    /// path (ties: the outcome declared first). The same choice as the checks and emitters.
    pub fn worst_outcome(&self) -> Option<(NodeIndex, &'c WorstPath)> {
        // Ranked by totals; only the winner's path is written out.
        let mut best: Option<(NodeIndex, (u64, Amount))> = None;
        for (i, s) in self.states.iter().enumerate() {
            if !s.outcome.is_some_and(|k| k.bound_by_deadline()) {
                continue;
            }
            let n = NodeIndex::new(i);
            let Some(total) = self.channel.paths.worst_total(n) else {
                continue;
            };
            let key = (total.upper_working_minutes(), total);
            if best.is_none_or(|(_, b)| key > b) {
                best = Some((n, key));
            }
        }
        let (n, _) = best?;
        Some((n, self.channel.paths.worst_to(n)?))
    }

    /// The longest route from `from` to `to` over forward transitions, as the model ranks
    /// paths (`ChannelPaths::longest_route`). `None` when `to` cannot be reached.
    pub fn longest_route(&self, from: NodeIndex, to: NodeIndex) -> Option<Vec<NodeIndex>> {
        self.channel
            .paths
            .longest_route(&self.channel.flow, from, to)
    }

    /// The time an edge itself takes: a timeout's wait.
    pub fn edge_wait(&self, from: NodeIndex, edge: &Edge) -> Amount {
        match (edge, self.rework(from)) {
            (Edge::Timeout, Some(r)) => r.timeout.as_ref().map(|d| d.amount()).unwrap_or_default(),
            _ => Amount::ZERO,
        }
    }

    /// The transition from `a` to `b` a route takes: a timeout when it is the only way or it
    /// makes the route longer (as the model's worst path counts it), else the first other.
    pub fn transition_between(&self, a: NodeIndex, b: NodeIndex) -> Option<&Trigger> {
        let ts: Vec<&Transition> = self.states[a.index()]
            .transitions
            .iter()
            .filter(|t| t.to == b && t.trigger != Trigger::Return)
            .collect();
        let timeout_waits = self
            .rework(a)
            .and_then(|r| r.timeout.as_ref())
            .is_some_and(|d| !d.amount().is_zero());
        ts.iter()
            .find(|t| t.trigger == Trigger::Timeout && timeout_waits)
            .or_else(|| ts.iter().find(|t| t.trigger != Trigger::Timeout))
            .or_else(|| ts.first())
            .map(|t| &t.trigger)
    }
}
