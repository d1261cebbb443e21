//! Checks of a regulation's graphs: deadlines, reachability, loops, forks, actors, tables.

use crate::Findings;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use reglam_diagnostics::{
    PathLine, Place, Problem, Returns, ServiceRef, Span, StatedDeadline, StuckAt, SubDeadline,
    TotalOf,
};
use reglam_model::paths::WorstPath;
use reglam_model::time::{compare, Amount, CalendarReason, Fit};
use reglam_model::*;

/// `complete` is false when statements of the regulation's file were set aside as unreadable:
/// then nothing is reported as unused, since the statement using it may be among them.
pub(crate) fn regulation(reg: &Regulation, complete: bool, out: &mut Findings) {
    let mut used = vec![false; reg.actors.len()];
    for (scenario, channel) in reg.channels() {
        let place = place(reg, scenario, channel);
        for n in channel.flow.graph.node_indices() {
            let node = &channel.flow.graph[n];
            let actor = match &node.kind {
                NodeKind::Rework(r) => r.actor,
                _ => node.step().and_then(|s| s.actor),
            };
            if let Some(a) = actor {
                used[a] = true;
            }
        }
        self::channel(reg, channel, &place, out);
    }
    if let Some(list) = &reg.listed_actors {
        let mut listed = vec![false; reg.actors.len()];
        for &i in &list.actors {
            if let Some(l) = listed.get_mut(i) {
                *l = true;
            }
        }
        for (i, a) in reg.actors.iter().enumerate() {
            // The act's list names the provider's own units; the applicant, the portal, the
            // State Corporation and other bodies are rightly absent from it.
            if used[i] && a.kind == ActorKind::Unit && !listed[i] {
                out.report(
                    Problem::UnlistedActor {
                        span: a.span,
                        name: a.id.clone(),
                        list: list.span,
                    },
                    list.cite.as_ref(),
                );
            }
        }
    }
    for (a, used) in reg.actors.iter().zip(used) {
        if !used && complete {
            out.report(
                Problem::UnusedActor {
                    span: a.span,
                    name: a.id.clone(),
                },
                a.cite.as_ref(),
            );
        }
    }
    for p in &reg.procedures {
        if p.calls == 0 && complete {
            out.report(
                Problem::UnusedProcedure {
                    span: p.span,
                    name: p.id.clone(),
                },
                p.cite.as_ref(),
            );
        }
    }
    // A regulation-wide appendix total is compared with the longest route to a result.
    if !reg.table_totals.is_empty() {
        let longest = reg
            .channels()
            .filter_map(|(_, c)| result_total(c))
            .max_by_key(|a| (a.upper_working_minutes(), *a));
        if let Some(total) = longest {
            for t in &reg.table_totals {
                table_total(t, total, TotalOf::Regulation(reg.id.clone()), out);
            }
        }
    }
}

fn place(reg: &Regulation, scenario: &Scenario, channel: &Channel) -> Place {
    Place {
        regulation: reg.id.clone(),
        scenario: scenario.id.clone(),
        channel: channel.id.clone(),
    }
}

fn name(node: &Node) -> String {
    node.id.clone()
}

/// The worst time to any reachable `result` outcome of a channel.
fn result_total(c: &Channel) -> Option<Amount> {
    c.flow
        .graph
        .node_indices()
        .filter(|n| {
            matches!(
                c.flow.graph[*n].kind,
                NodeKind::Outcome {
                    outcome: OutcomeKind::Result,
                    ..
                }
            )
        })
        .filter_map(|n| c.paths.worst_total(n))
        .max_by_key(|a| (a.upper_working_minutes(), *a))
}

fn table_total(t: &TableFigure, computed: Amount, of: TotalOf, out: &mut Findings) {
    if t.duration.amount() != computed {
        out.report(
            Problem::TableTotalDisagrees {
                span: t.span,
                of,
                table: t.duration.amount(),
                computed,
            },
            t.cite.as_ref(),
        );
    }
}

/// The path step by step, with the running total, for the lines under a diagnostic.
fn path_lines(reg: &Regulation, channel: &Channel, w: &WorstPath) -> Vec<PathLine> {
    let g = &channel.flow.graph;
    w.steps
        .iter()
        .filter(|s| !matches!(g[s.node].kind, NodeKind::Start | NodeKind::Join))
        .map(|s| {
            let node = &g[s.node];
            let returns = channel
                .paths
                .reworks
                .iter()
                .find(|r| r.node == s.node && r.times > 0 && r.backward)
                .map(|r| Returns {
                    times: r.times,
                    body: r.body,
                    away: r.away,
                });
            PathLine {
                node: name(node),
                procedure: node.procedure.clone(),
                actor: node
                    .step()
                    .and_then(|st| st.actor)
                    .map(|a| reg.actors[a].id.clone()),
                citation: node.cite.as_ref().map(|c| c.raw.clone()),
                adds: s.adds,
                running: s.running,
                returns,
            }
        })
        .collect()
}

fn channel(reg: &Regulation, channel: &Channel, place: &Place, out: &mut Findings) {
    let g = &channel.flow.graph;
    let paths = &channel.paths;

    for cycle in &paths.cycles {
        // Point at the node of the cycle that jumps back: the one with an edge to an earlier node.
        let back = cycle
            .iter()
            .flat_map(|n| g.edges_directed(*n, Direction::Outgoing))
            .find(|e| cycle.contains(&e.target()) && e.target().index() <= e.source().index())
            .map(|e| e.source())
            .unwrap_or(cycle[0]);
        let names = cycle.iter().map(|n| name(&g[*n])).collect();
        out.report(
            Problem::UnboundedLoop {
                span: g[back].span,
                cycle: names,
            },
            g[back].cite.as_ref(),
        );
    }
    for r in &paths.reworks {
        let node = &g[r.node];
        if let NodeKind::Rework(rw) = &node.kind {
            if rw.max.is_none() {
                out.report(
                    Problem::ReworkUnbounded {
                        span: node.span,
                        name: name(node),
                    },
                    node.cite.as_ref(),
                );
            }
        }
        if !r.backward {
            out.report(
                Problem::ReworkForward {
                    span: node.span,
                    name: name(node),
                    target: name(&g[r.target]),
                },
                node.cite.as_ref(),
            );
        }
    }

    let mut any_result = false;
    for n in g.node_indices() {
        let node = &g[n];
        let reachable = paths.reachable[n.index()];
        if !reachable {
            if !matches!(node.kind, NodeKind::Join | NodeKind::Start) && !node.id.starts_with('#') {
                out.report(
                    Problem::Unreachable {
                        span: node.span,
                        step: name(node),
                        place: place.clone(),
                    },
                    node.cite.as_ref(),
                );
            }
            continue;
        }
        if let NodeKind::Outcome {
            outcome: OutcomeKind::Result,
            ..
        } = node.kind
        {
            any_result = true;
        }
        let successors = g.edges_directed(n, Direction::Outgoing).count();
        if successors == 0 && !node.is_outcome() {
            let at = if n == channel.flow.start {
                StuckAt::Start {
                    channel: channel.id.clone(),
                }
            } else {
                StuckAt::Step(name(node))
            };
            let span = if n == channel.flow.start {
                channel.span
            } else {
                node.span
            };
            out.report(
                Problem::Stuck {
                    span,
                    at,
                    falls_off: true,
                },
                node.cite.as_ref(),
            );
        }
        match &node.kind {
            NodeKind::Step(s) => {
                // A step naming an undeclared actor is reported as such (E015), not as nobody's.
                if s.actor.is_none() && s.actor_name.is_none() {
                    out.report(
                        Problem::NoActor {
                            span: node.span,
                            step: name(node),
                        },
                        node.cite.as_ref(),
                    );
                }
                if !s.has_duration() {
                    out.report(
                        Problem::NoDuration {
                            span: node.span,
                            step: name(node),
                        },
                        node.cite.as_ref(),
                    );
                }
            }
            NodeKind::Check(_) | NodeKind::Decide(_) => {
                let mut targets: Vec<NodeIndex> = g
                    .edges_directed(n, Direction::Outgoing)
                    .map(|e| e.target())
                    .collect();
                targets.sort();
                targets.dedup();
                let edges = g.edges_directed(n, Direction::Outgoing).count();
                if edges > 0 && targets.len() < 2 {
                    out.report(
                        Problem::OneWay {
                            span: node.span,
                            name: name(node),
                        },
                        node.cite.as_ref(),
                    );
                }
            }
            NodeKind::Fork => fork_joins(&channel.flow, n, out),
            _ => {}
        }
        if let Some(s) = node.step() {
            if let Some(t) = &s.table {
                let text = s.worst();
                if t.duration.amount() != text {
                    out.report(
                        Problem::TableDisagrees {
                            span: node.span,
                            step: name(node),
                            table: t.duration.amount(),
                            text,
                            table_span: t.span,
                        },
                        node.cite.as_ref(),
                    );
                }
            }
        }
    }
    if !any_result {
        out.report(
            Problem::NoResult {
                span: channel.span,
                place: place.clone(),
            },
            channel.cite.as_ref(),
        );
    }
    if let Some(total) = result_total(channel) {
        for t in &channel.table_totals {
            table_total(t, total, TotalOf::Channel(place.clone()), out);
        }
    }
    deadlines(reg, channel, place, out);
}

/// A branch of a fork must reach the fork's join before any outcome.
fn fork_joins(flow: &Flow, fork: NodeIndex, out: &mut Findings) {
    let g = &flow.graph;
    let join = flow.join_of(fork);
    let mut stack: Vec<NodeIndex> = g
        .edges_directed(fork, Direction::Outgoing)
        .map(|e| e.target())
        .collect();
    let mut seen = vec![false; g.node_count()];
    while let Some(x) = stack.pop() {
        if Some(x) == join || seen[x.index()] {
            continue;
        }
        seen[x.index()] = true;
        if g[x].is_outcome() {
            out.report(
                Problem::BranchNeverJoins {
                    span: g[x].span,
                    parallel: name(&g[fork]),
                    parallel_span: g[fork].span,
                    exit: name(&g[x]),
                },
                g[x].cite.as_ref(),
            );
            continue;
        }
        stack.extend(
            g.edges_directed(x, Direction::Outgoing)
                .filter(|e| *e.weight() != Edge::Back)
                .map(|e| e.target()),
        );
    }
}

fn deadlines(reg: &Regulation, channel: &Channel, place: &Place, out: &mut Findings) {
    let g = &channel.flow.graph;
    let Some(eff) = &channel.deadline else {
        out.report(
            Problem::NoDeadline {
                span: channel.span,
                place: place.clone(),
            },
            channel.cite.as_ref(),
        );
        return;
    };
    let d = &eff.deadline;
    let limit = d.duration.amount();
    let excluded = d.receipt_day_excluded;
    let stated = StatedDeadline {
        amount: limit,
        from: match &eff.source {
            DeadlineSource::Standard { standard, service } => Some(ServiceRef {
                standard: standard.clone(),
                service: service.clone(),
            }),
            _ => None,
        },
    };
    // A deadline written in another file has no span in this one worth pointing at.
    let deadline_span: Option<Span> = match eff.source {
        DeadlineSource::Standard { .. } => None,
        _ => Some(d.span),
    };

    for n in g.node_indices() {
        let node = &g[n];
        let own = node.own_time();
        if own.is_zero() || !channel.paths.reachable[n.index()] {
            continue;
        }
        if let Fit::Overruns { .. } = compare(own, limit, excluded) {
            out.report(
                Problem::StepOverDeadline {
                    span: node.span,
                    step: name(node),
                    duration: own,
                    deadline: stated.clone(),
                    deadline_span,
                },
                node.cite.as_ref(),
            );
        }
    }

    for n in g.node_indices() {
        let node = &g[n];
        let NodeKind::Outcome { outcome, .. } = node.kind else {
            continue;
        };
        if !outcome.bound_by_deadline() {
            continue;
        }
        // Compare totals; write out the path only to report an overrun (a long regulation
        // has thousands of outcomes, and most fit).
        let (Some(total), Some(bound)) =
            (channel.paths.worst_total(n), channel.paths.worst_bound(n))
        else {
            continue;
        };
        if let Fit::Fits { .. } = compare(bound, limit, excluded) {
            continue;
        }
        match compare(total, limit, excluded) {
            Fit::Fits { .. } | Fit::NeedsCalendar { .. } => {
                let reason = match compare(bound, limit, excluded) {
                    Fit::NeedsCalendar { reason } => reason,
                    _ => CalendarReason::MixedPaths,
                };
                out.report(
                    Problem::NeedsCalendar {
                        span: node.span,
                        place: place.clone(),
                        outcome: name(node),
                        total,
                        deadline: stated.clone(),
                        reason,
                    },
                    node.cite.as_ref(),
                );
            }
            Fit::Overruns { by, exact } => {
                let extended = d
                    .extensions
                    .iter()
                    .map(|e| e.extended(limit))
                    .find(|ext| matches!(compare(total, *ext, excluded), Fit::Fits { .. }));
                if let Some(ext) = extended {
                    out.report(
                        Problem::FitsOnlyExtended {
                            span: node.span,
                            place: place.clone(),
                            outcome: name(node),
                            total,
                            deadline: stated.clone(),
                            extended: ext,
                        },
                        node.cite.as_ref(),
                    );
                    continue;
                }
                let worst = channel.paths.worst_to(n);
                let worst = worst.expect("a reachable node has a worst path");
                out.report(
                    Problem::Overrun {
                        span: node.span,
                        place: place.clone(),
                        outcome: name(node),
                        total,
                        deadline: stated.clone(),
                        extended: d
                            .extensions
                            .iter()
                            .map(|e| e.extended(limit))
                            .max_by_key(|a| (a.upper_working_minutes(), *a)),
                        by,
                        exact,
                        deadline_span,
                        path: path_lines(reg, channel, worst),
                    },
                    node.cite.as_ref(),
                );
            }
        }
    }

    for due in &channel.dues {
        let (sub, check_against_deadline) = match &due.limit {
            DueLimit::Within(x) => (x.amount(), true),
            DueLimit::BeforeDeadline(x) => {
                let before = x.amount();
                if limit.is_working_only() && before.is_working_only() {
                    if before.working_minutes >= limit.working_minutes {
                        out.report(
                            Problem::SubDeadlineTooLong {
                                span: due.span,
                                sub: SubDeadline::BeforeDeadline(before),
                                deadline: stated.clone(),
                                deadline_span,
                            },
                            due.cite.as_ref(),
                        );
                        continue;
                    }
                    (
                        Amount {
                            working_minutes: limit.working_minutes - before.working_minutes,
                            ..Amount::ZERO
                        },
                        false,
                    )
                } else {
                    // Subtracting calendar time from working time needs a calendar.
                    continue;
                }
            }
        };
        if check_against_deadline {
            if let Fit::Overruns { .. } = compare(sub, limit, false) {
                out.report(
                    Problem::SubDeadlineTooLong {
                        span: due.span,
                        sub: SubDeadline::Within(sub),
                        deadline: stated.clone(),
                        deadline_span,
                    },
                    due.cite.as_ref(),
                );
            }
        }
        let Some(total) = channel.paths.worst_total(due.node) else {
            continue;
        };
        if let Fit::Overruns { by, .. } = compare(total, sub, false) {
            let worst = channel.paths.worst_to(due.node);
            let worst = worst.expect("a reachable node has a worst path");
            out.report(
                Problem::SubDeadlineOverrun {
                    span: due.span,
                    step: name(&g[due.node]),
                    total,
                    limit: sub,
                    by,
                    path: path_lines(reg, channel, worst),
                },
                due.cite.as_ref(),
            );
        }
    }
}
