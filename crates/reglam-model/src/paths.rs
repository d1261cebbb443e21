//! Worst paths: for every node, the longest time from intake to its end, and the path that
//! takes it. Linear in the size of the graph (one pass in topological order, plus one pass per
//! return for rework), never an enumeration of paths, so 2^40 paths cost no more than 40.

pub use crate::model::{ChannelPaths, PathStep, ReworkCost, WorstPath};
use crate::model::{Edge, Flow, Node, NodeKind, TreeNode};
use crate::time::Amount;
use petgraph::algo::toposort;
use petgraph::graph::DiGraph;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeFiltered, EdgeRef, Reversed};
use petgraph::Direction;
use std::sync::OnceLock;

impl ChannelPaths {
    /// The worst path to `node`, step by step; `None` when the node is unreachable or times
    /// were not computed (the flow has cycles). Built once per node, on first request, in
    /// time proportional to the path's length.
    pub fn worst_to(&self, node: NodeIndex) -> Option<&WorstPath> {
        let cell = self.worst.get(node.index())?;
        cell.get_or_init(|| self.build(node)).as_ref()
    }

    /// How many path steps have been written out so far by [`Self::worst_to`], over all
    /// nodes: the work and memory the paths asked for cost. A consumer that asks for every
    /// node's path makes this quadratic in a long chain; the tests hold emitters to linear.
    pub fn steps_written_out(&self) -> usize {
        self.worst
            .iter()
            .filter_map(|c| c.get())
            .flatten()
            .map(|w| w.steps.len())
            .sum()
    }

    /// The worst time to `node` (the total of [`Self::worst_to`]) without building the path.
    pub fn worst_total(&self, node: NodeIndex) -> Option<Amount> {
        self.tree
            .get(node.index())
            .copied()
            .flatten()
            .map(|t| t.total)
    }

    /// The bound of [`Self::worst_to`] without building the path: checks that only compare
    /// times should use this and [`Self::worst_total`], and build the path only to report it.
    pub fn worst_bound(&self, node: NodeIndex) -> Option<Amount> {
        self.tree
            .get(node.index())
            .copied()
            .flatten()
            .map(|t| t.bound.join(t.total))
    }

    fn build(&self, node: NodeIndex) -> Option<WorstPath> {
        let last = self.tree.get(node.index()).copied().flatten()?;
        let mut steps = Vec::new();
        let mut cur = Some(node);
        while let Some(c) = cur {
            let t = self.tree[c.index()].expect("a worst path runs through reached nodes");
            steps.push(PathStep {
                node: c,
                adds: t.adds,
                running: t.total,
            });
            cur = t.pred;
        }
        steps.reverse();
        Some(WorstPath {
            total: last.total,
            bound: last.bound.join(last.total),
            steps,
        })
    }
}

fn rank(a: &Amount) -> (u64, Amount) {
    (a.upper_working_minutes(), *a)
}

/// Analyses a flow. Run once per channel, at lowering; the result is part of the model.
impl ChannelPaths {
    /// Nothing analysed yet: what lowering leaves before the graphs are built and analysed.
    pub(crate) fn pending() -> ChannelPaths {
        ChannelPaths {
            cycles: Vec::new(),
            reworks: Vec::new(),
            reachable: Vec::new(),
            can_finish: Vec::new(),
            tree: Vec::new(),
            worst: Vec::new(),
            order: Vec::new(),
            position: Vec::new(),
            extra: Vec::new(),
        }
    }
}

pub fn analyse(flow: &Flow) -> ChannelPaths {
    let g = &flow.graph;
    let n = g.node_count();
    let forward = EdgeFiltered::from_fn(g, |e| *e.weight() != Edge::Back);

    let reachable = reach(g, flow.start, Direction::Outgoing);
    let mut can_finish = vec![false; n];
    let reversed = Reversed(g);
    // One search from all outcomes, sharing what it has seen: a search per outcome would
    // cost outcomes × nodes (a 10,000-step flow has a thousand refusals).
    let mut dfs = petgraph::visit::Dfs::empty(&reversed);
    for o in g.node_indices().filter(|i| g[*i].is_outcome()) {
        dfs.move_to(o);
        while let Some(x) = dfs.next(&reversed) {
            can_finish[x.index()] = true;
        }
    }

    let cycles: Vec<Vec<NodeIndex>> = forward_sccs(g)
        .into_iter()
        .filter(|scc| {
            scc.len() > 1
                || g.edges_connecting(scc[0], scc[0])
                    .any(|e| *e.weight() != Edge::Back)
        })
        .map(|mut scc| {
            scc.sort();
            scc
        })
        .collect();
    let mut paths = ChannelPaths {
        cycles,
        reworks: Vec::new(),
        reachable,
        can_finish,
        tree: vec![None; n],
        worst: (0..n).map(|_| OnceLock::new()).collect(),
        order: Vec::new(),
        position: Vec::new(),
        extra: Vec::new(),
    };
    if !paths.cycles.is_empty() {
        return paths;
    }
    let order = toposort(&forward, None).expect("no cycles remain");
    let mut position = vec![0usize; n];
    for (i, x) in order.iter().enumerate() {
        position[x.index()] = i;
    }
    let edge_time = |e: EdgeIndex| edge_time(g, e);

    // Returns for rework: each adds its bound × (its body once + its time away).
    let mut extra = vec![Amount::ZERO; n];
    let no_returns = vec![Amount::ZERO; n];
    let mut backs: Vec<(NodeIndex, NodeIndex)> = g
        .edge_references()
        .filter(|e| *e.weight() == Edge::Back)
        .map(|e| (e.source(), e.target()))
        .collect();
    backs.sort_by_key(|(r, t)| (position[r.index()].abs_diff(position[t.index()]), r.index()));
    for (r, t) in backs {
        let NodeKind::Rework(rw) = &g[r].kind else {
            continue;
        };
        let times = rw.max.unwrap_or(0);
        // Time away counts against the deadline unless the clock pauses meanwhile.
        let away = if rw.clock_paused {
            Amount::ZERO
        } else {
            rw.time_away()
        };
        // Longest path from t to r, over the forward graph. Nodes after r in topological
        // order cannot lie on such a path, so the pass stops at r: a return costs the span it
        // covers, not the whole graph.
        // The body is counted without the returns inside it: `max N times` bounds the returns
        // of the whole case, so an inner return is counted at its own node, once per case, not
        // again on every outer pass.
        let (best, _) = longest_span(g, &order, &position, &no_returns, t, r);
        let backward = t == r || best[r.index()].is_some();
        let body = if t == r {
            g[r].own_time()
        } else {
            best[r.index()].unwrap_or_default()
        };
        let add = if backward {
            body.plus(away).times(times)
        } else {
            Amount::ZERO
        };
        extra[r.index()] = extra[r.index()].plus(add);
        paths.reworks.push(ReworkCost {
            node: r,
            target: t,
            body,
            away,
            times,
            extra: add,
            backward,
        });
    }

    paths.position = position;
    paths.extra = extra.clone();
    // The worst path to every node, in topological order.
    let mut total: Vec<Option<Amount>> = vec![None; n];
    let mut bound: Vec<Amount> = vec![Amount::ZERO; n];
    let mut pred: Vec<Option<(NodeIndex, EdgeIndex)>> = vec![None; n];
    let s = flow.start;
    total[s.index()] = Some(g[s].own_time());
    for &x in &order {
        let Some(here) = total[x.index()] else {
            continue;
        };
        for e in g
            .edges_directed(x, Direction::Outgoing)
            .filter(|e| *e.weight() != Edge::Back)
        {
            let y = e.target();
            let adds = edge_time(e.id())
                .plus(g[y].own_time())
                .plus(extra[y.index()]);
            let cand = here.plus(adds);
            bound[y.index()] = bound[y.index()].join(bound[x.index()].plus(adds));
            if total[y.index()].is_none_or(|b| rank(&cand) > rank(&b)) {
                total[y.index()] = Some(cand);
                pred[y.index()] = Some((x, e.id()));
            }
        }
    }
    for x in g.node_indices() {
        let Some(t) = total[x.index()] else { continue };
        let (adds, p) = match pred[x.index()] {
            Some((p, e)) => (
                edge_time(e).plus(g[x].own_time()).plus(extra[x.index()]),
                Some(p),
            ),
            None => (g[x].own_time().plus(extra[x.index()]), None),
        };
        paths.tree[x.index()] = Some(TreeNode {
            total: t,
            bound: bound[x.index()],
            adds,
            pred: p,
        });
    }
    paths.order = order;
    paths
}

/// The time spent on an edge itself: waiting out a rework's timeout.
fn edge_time(g: &DiGraph<Node, Edge>, e: EdgeIndex) -> Amount {
    let (from, _) = g.edge_endpoints(e).expect("edge exists");
    match (&g[e], &g[from].kind) {
        (Edge::Timeout, NodeKind::Rework(r)) => {
            r.timeout.as_ref().map(|d| d.amount()).unwrap_or_default()
        }
        _ => Amount::ZERO,
    }
}

/// Longest times from `from` to every node up to `to` in topological order, over the forward
/// graph, ranked as worst paths are; with each node's predecessor on its longest route.
fn longest_span(
    g: &DiGraph<Node, Edge>,
    order: &[NodeIndex],
    position: &[usize],
    extra: &[Amount],
    from: NodeIndex,
    to: NodeIndex,
) -> (Vec<Option<Amount>>, Vec<Option<NodeIndex>>) {
    let n = g.node_count();
    let mut best: Vec<Option<Amount>> = vec![None; n];
    let mut pred: Vec<Option<NodeIndex>> = vec![None; n];
    best[from.index()] = Some(g[from].own_time().plus(extra[from.index()]));
    let (a, b) = (position[from.index()], position[to.index()]);
    let span = if a <= b {
        &order[a..=b]
    } else {
        &order[a..a + 1]
    };
    for &x in span {
        let Some(here) = best[x.index()] else {
            continue;
        };
        for e in g
            .edges_directed(x, Direction::Outgoing)
            .filter(|e| *e.weight() != Edge::Back)
        {
            let y = e.target();
            let cand = here
                .plus(edge_time(g, e.id()))
                .plus(g[y].own_time())
                .plus(extra[y.index()]);
            if best[y.index()].is_none_or(|b| rank(&cand) > rank(&b)) {
                best[y.index()] = Some(cand);
                pred[y.index()] = Some(x);
            }
        }
    }
    (best, pred)
}

impl ChannelPaths {
    /// The longest route from `from` to `to` (both included) over the forward graph, ranked as
    /// worst paths are, with returns for rework counted at their nodes: the body a return
    /// repeats, or the branch a join waits for. `None` when `to` cannot be reached from
    /// `from` or times were not computed.
    pub fn longest_route(
        &self,
        flow: &Flow,
        from: NodeIndex,
        to: NodeIndex,
    ) -> Option<Vec<NodeIndex>> {
        if self.order.is_empty() {
            return None;
        }
        if from == to {
            return Some(vec![from]);
        }
        let (best, pred) = longest_span(
            &flow.graph,
            &self.order,
            &self.position,
            &self.extra,
            from,
            to,
        );
        best[to.index()]?;
        let mut route = vec![to];
        let mut cur = to;
        while cur != from {
            cur = pred[cur.index()]?;
            route.push(cur);
        }
        route.reverse();
        Some(route)
    }
}

/// The strongly connected components of the forward graph (every edge but returns), in the
/// order Tarjan's algorithm finishes them. Iterative: a channel of 100,000 steps is a path
/// 100,000 deep, and a recursive search (petgraph's `tarjan_scc`) overflows the stack.
fn forward_sccs(g: &DiGraph<Node, Edge>) -> Vec<Vec<NodeIndex>> {
    const UNSEEN: usize = usize::MAX;
    let n = g.node_count();
    let succ = |x: NodeIndex| {
        g.edges_directed(x, Direction::Outgoing)
            .filter(|e| *e.weight() != Edge::Back)
            .map(|e| e.target())
    };
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<NodeIndex> = Vec::new();
    let mut next = 0usize;
    let mut out = Vec::new();
    // Each frame: a node and the successors it has still to look at.
    let mut frames: Vec<(NodeIndex, std::vec::IntoIter<NodeIndex>)> = Vec::new();
    for root in g.node_indices() {
        if index[root.index()] != UNSEEN {
            continue;
        }
        index[root.index()] = next;
        low[root.index()] = next;
        next += 1;
        stack.push(root);
        on_stack[root.index()] = true;
        frames.push((root, succ(root).collect::<Vec<_>>().into_iter()));
        while let Some((v, rest)) = frames.last_mut() {
            let v = *v;
            if let Some(w) = rest.next() {
                if index[w.index()] == UNSEEN {
                    index[w.index()] = next;
                    low[w.index()] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w.index()] = true;
                    frames.push((w, succ(w).collect::<Vec<_>>().into_iter()));
                } else if on_stack[w.index()] {
                    low[v.index()] = low[v.index()].min(index[w.index()]);
                }
                continue;
            }
            frames.pop();
            if let Some((parent, _)) = frames.last() {
                low[parent.index()] = low[parent.index()].min(low[v.index()]);
            }
            if low[v.index()] == index[v.index()] {
                let mut scc = Vec::new();
                while let Some(x) = stack.pop() {
                    on_stack[x.index()] = false;
                    scc.push(x);
                    if x == v {
                        break;
                    }
                }
                out.push(scc);
            }
        }
    }
    out
}

fn reach(
    g: &petgraph::graph::DiGraph<crate::model::Node, Edge>,
    from: NodeIndex,
    _d: Direction,
) -> Vec<bool> {
    let mut seen = vec![false; g.node_count()];
    let mut dfs = petgraph::visit::Dfs::new(g, from);
    while let Some(x) = dfs.next(g) {
        seen[x.index()] = true;
    }
    seen
}
