//! Lowered declarations: what a flow statement says, with its arguments read, its fixed words
//! resolved and its actors found, but no graph yet. A channel's body and each procedure's are
//! lowered once into these; [`crate::graph`] builds the graphs from them.

use crate::model::*;
use reglam_diagnostics::Span;
use std::collections::HashMap;
use std::sync::Arc;

/// A name as written, with where.
pub(crate) type Name = (String, Span);

/// One flow statement, lowered.
#[derive(Debug, Clone)]
pub(crate) struct FlowDecl {
    pub kind: DeclKind,
    pub cite: Option<Citation>,
    pub span: Span,
}

/// The kind of node a step-like statement makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StepKind {
    Step,
    Check,
    Decide,
    Wait,
}

/// A timed part or option of a step, and the kinds of channel it is for (all when empty).
#[derive(Debug, Clone)]
pub(crate) struct TimedDecl {
    pub timed: TimedText,
    pub for_kinds: Vec<ChannelKind>,
    pub option: bool,
}

#[derive(Debug, Clone)]
pub(crate) enum DeclKind {
    Step {
        id: Name,
        kind: StepKind,
        /// The step without its `for`-marked parts: those are in `timed`.
        step: Step,
        timed: Vec<TimedDecl>,
        for_kinds: Vec<ChannelKind>,
        arrow: Option<Name>,
        then: Option<Name>,
        otherwise: Option<Name>,
        /// `when "answer" -> target` lines of a `decide`.
        whens: Vec<(String, Name)>,
    },
    Outcome {
        id: Name,
        outcome: OutcomeKind,
        text: Text,
    },
    Goto {
        target: Name,
    },
    Call {
        name: Name,
    },
    Parallel {
        id: Option<Name>,
        branches: Vec<Vec<FlowDecl>>,
    },
    Rework {
        id: Name,
        rework: Rework,
        back: Option<Name>,
        timeout: Option<Name>,
    },
}

/// The procedures visible in a scope, each lowered once and shared by every call.
pub(crate) type Procedures = HashMap<String, Arc<[FlowDecl]>>;

/// A `due` line, lowered: the step it names is found once the graph is built.
#[derive(Debug, Clone)]
pub(crate) struct DueDecl {
    pub step: Name,
    pub limit: DueLimit,
    pub cite: Option<Citation>,
    pub span: Span,
}

/// A channel's flow, lowered: what [`crate::graph`] builds its graph from.
#[derive(Debug, Clone)]
pub(crate) struct ChannelDecl {
    pub kind: ChannelKind,
    pub body: Vec<FlowDecl>,
    /// The procedures its calls may name (the regulation's and its scenario's).
    pub procs: Procedures,
    pub dues: Vec<DueDecl>,
}

/// The lowered flows of one regulation, by scenario and channel in the order of the
/// regulation's [`Regulation::scenarios`] and their channels. Opaque: the graphs are built
/// from it by [`crate::Lowered::build`].
#[derive(Debug, Clone, Default)]
pub struct RegulationFlows {
    pub(crate) channels: Vec<Vec<ChannelDecl>>,
    /// The regulation's own procedures: one no channel calls is still built, so mistakes in
    /// its names are reported.
    pub(crate) procedures: Procedures,
}
