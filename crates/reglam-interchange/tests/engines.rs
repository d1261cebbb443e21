//! The exports run in independent tools: every corpus channel's SCXML is executed in SCION
//! (`@scion-scxml/scxml`) along the worst-case path and a refusal path and compared with
//! Reglam's own run of the same path (`reglam-run`); every corpus BPMN file is validated
//! against the official BPMN 2.0 XSDs (xmllint), loaded with bpmn-moddle and linted with
//! bpmnlint's recommended rules. The tools come from `tests/run.sh`; without them these
//! tests fail, saying so.

use petgraph::graph::NodeIndex;
use reglam_calendar::Calendar;
use reglam_interchange::scxml::Naming;
use reglam_interchange::{bpmn, scxml};
use reglam_model::{Analysis, Channel, Lang, OutcomeKind, Regulation, Scenario};
use reglam_run::{replay, run_worst_case, Event, Machine, StateKind, Trigger};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn tools_dir() -> PathBuf {
    reglam_testkit::repo().join("tests/interchange")
}

/// Fails (never skips) when the tools are missing.
fn require_tools() {
    let dir = tools_dir();
    let ok = |c: &mut Command| c.output().is_ok_and(|o| o.status.success());
    assert!(
        ok(Command::new("node").arg("--version")),
        "node is not installed: run tests/run.sh, which installs the interchange test tools"
    );
    assert!(
        ok(Command::new("xmllint").arg("--version")),
        "xmllint is not installed: run tests/run.sh (it installs libxml2-utils)"
    );
    for pkg in ["@scion-scxml/scxml", "bpmn-moddle", "bpmnlint"] {
        assert!(
            dir.join("node_modules").join(pkg).is_dir(),
            "the npm package {pkg} is missing from tests/interchange/node_modules: run tests/run.sh"
        );
    }
}

fn out_dir(name: &str) -> PathBuf {
    // One folder per process: two test runs at once must not delete each other's files.
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(cmd: &mut Command) -> (bool, String, String) {
    let o = cmd.output().expect("the tool runs");
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// One event of a path: the state it finishes and the way it leaves it.
#[derive(Debug, Clone)]
struct PathEvent {
    node: NodeIndex,
    trigger: Trigger,
}

/// The events that drive a case along `route`, the way `reglam run` walks it: the other
/// branches of a fork first (their longest way to the join), and, when `returns`, every
/// return for rework the model counts at worst.
fn events_along(
    m: &Machine<'_>,
    route: &[NodeIndex],
    returns: bool,
    body: bool,
    out: &mut Vec<PathEvent>,
    made: &mut std::collections::HashMap<NodeIndex, u64>,
) {
    for (i, &n) in route.iter().enumerate() {
        let s = m.state(n);
        let next = route.get(i + 1).copied();
        let way = next.and_then(|b| m.transition_between(n, b)).cloned();
        match s.kind {
            StateKind::Start | StateKind::Join | StateKind::Outcome => {}
            StateKind::Fork => {
                let join = m.join_on_route(route, i);
                for tr in &s.transitions {
                    if Some(tr.to) == next || tr.trigger != Trigger::Branch {
                        continue;
                    }
                    if let Some(j) = join.filter(|j| *j != tr.to) {
                        let r = m
                            .longest_route(tr.to, j)
                            .expect("a branch reaches its join");
                        events_along(m, &r[..r.len() - 1], returns, false, out, made);
                    }
                }
            }
            StateKind::Step | StateKind::Wait | StateKind::Check | StateKind::Decide => {
                out.push(PathEvent {
                    node: n,
                    trigger: way.unwrap_or(Trigger::Done),
                });
            }
            StateKind::Rework => {
                let last = i + 1 == route.len();
                if body && last {
                    continue;
                }
                if returns {
                    if let Some(cost) = m
                        .channel
                        .paths
                        .reworks
                        .iter()
                        .find(|c| c.node == n && c.backward)
                    {
                        let max = m.rework(n).and_then(|r| r.max).unwrap_or(0);
                        for _ in 0..cost.times {
                            // Never more returns than the act allows (a return point inside
                            // another's body would otherwise return again on each pass).
                            let k = made.entry(n).or_insert(0);
                            if *k >= max {
                                break;
                            }
                            *k += 1;
                            out.push(PathEvent {
                                node: n,
                                trigger: Trigger::Return,
                            });
                            if cost.target != n {
                                let r = m.longest_route(cost.target, n).unwrap();
                                events_along(m, &r, returns, true, out, made);
                            }
                        }
                    }
                }
                if let Some(w) = way {
                    out.push(PathEvent {
                        node: n,
                        trigger: w,
                    });
                }
            }
        }
    }
}

/// Reglam's events file for the path (every step finishing at the moment of submission:
/// only the way matters here).
fn reglam_events(m: &Machine<'_>, path: &[PathEvent], at: chrono::NaiveDateTime) -> Vec<Event> {
    path.iter()
        .enumerate()
        .map(|(i, e)| {
            let s = m.state(e.node);
            let outcome = match s.kind {
                StateKind::Step | StateKind::Wait => None,
                _ => Some(e.trigger.label().to_string()),
            };
            Event {
                line: i + 1,
                step: s.id.clone(),
                finished: Some(at),
                outcome,
            }
        })
        .collect()
}

/// A path to compare: the SCXML run's events and what Reglam's replay visited.
struct Case {
    name: String,
    file: PathBuf,
    events: Vec<(String, String)>,
    /// The SCXML ids of the states Reglam's replay entered, in order.
    visited: Vec<String>,
    outcome: String,
}

fn case(
    name: String,
    file: &Path,
    m: &Machine<'_>,
    naming: &Naming,
    route: &[NodeIndex],
    returns: bool,
) -> Case {
    let mut path = Vec::new();
    events_along(m, route, returns, false, &mut path, &mut Default::default());
    let at = reglam_run::parse_moment("2026-03-16T09:00").unwrap();
    let cal = Calendar::kazakhstan();
    let t = replay(m, &cal, at, &reglam_events(m, &path, at))
        .unwrap_or_else(|e| panic!("{name}: Reglam's replay of the path fails: {e}"));
    let end = *route.last().unwrap();
    let reached = t.reached.as_ref().expect("the path ends in an outcome");
    assert_eq!(reached.outcome, m.state(end).id, "{name}");
    let by_id = |id: &str| naming.state(m.find(id).unwrap()).to_string();
    let visited = t
        .entries
        .iter()
        .filter(|e| e.kind != "rework" && e.kind != "timeout")
        .map(|e| by_id(&e.step))
        .collect();
    let events = path
        .iter()
        .map(|e| {
            (
                naming.event(m, e.node, &e.trigger).unwrap(),
                naming.state(e.node).to_string(),
            )
        })
        .collect();
    Case {
        name,
        file: file.to_path_buf(),
        events,
        visited,
        outcome: naming.state(end).to_string(),
    }
}

/// Whether a return point lies inside another return's body.
fn nested_returns(m: &Machine<'_>) -> bool {
    m.channel.paths.reworks.iter().any(|c| {
        c.backward
            && m.longest_route(c.target, c.node).is_some_and(|r| {
                r[..r.len() - 1]
                    .iter()
                    .any(|&n| m.state(n).kind == StateKind::Rework)
            })
    })
}

/// The worst-case and refusal cases of one channel, with the SCXML written to `dir`.
fn cases_of(
    reg: &Regulation,
    sc: &Scenario,
    ch: &Channel,
    dir: &Path,
    cases: &mut Vec<Case>,
) -> Option<PathBuf> {
    let m = Machine::compile(ch).ok()?;
    let naming = Naming::new(&m);
    let text = scxml::channel(reg, sc, ch, Lang::Ru).unwrap();
    let key = format!(
        "{}.{}{}",
        reg.id,
        sc.id.as_ref().map(|s| format!("{s}.")).unwrap_or_default(),
        ch.id
    );
    // Several acts encode the same service under the same id: number the files.
    let file = dir.join(format!("{:03}-{key}.scxml", cases.len()));
    std::fs::write(&file, text).unwrap();
    if let Some((_, worst)) = m.worst_outcome() {
        let route: Vec<NodeIndex> = worst.steps.iter().map(|s| s.node).collect();
        let c = case(format!("{key} worst"), &file, &m, &naming, &route, true);
        // The same path as `reglam run`'s worst case: the same states, the same outcome.
        let cal = Calendar::kazakhstan();
        let at = reglam_run::parse_moment("2026-03-16T09:00").unwrap();
        let w = run_worst_case(&m, &cal, at).unwrap();
        let mut a: Vec<String> = w
            .entries
            .iter()
            .filter(|e| e.kind != "rework" && e.kind != "timeout")
            .map(|e| naming.state(m.find(&e.step).unwrap()).to_string())
            .collect();
        let mut b = c.visited.clone();
        a.sort();
        b.sort();
        if a != b {
            // `reglam run` returns again at a return point inside another's body on every
            // pass, beyond `max` (its own replay refuses that); the states are the same.
            a.dedup();
            b.dedup();
            assert!(
                nested_returns(&m),
                "{key}: the path differs from reglam run's worst case"
            );
        }
        assert_eq!(a, b, "{key}: the path differs from reglam run's worst case");
        assert_eq!(
            w.reached.unwrap().outcome,
            m.state(*route.last().unwrap()).id
        );
        cases.push(c);
    }
    let refusal = ch.flow.graph.node_indices().find(|&n| {
        matches!(
            m.state(n).outcome,
            Some(OutcomeKind::RefusalToAccept | OutcomeKind::ReasonedRefusal)
        ) && ch.paths.worst_to(n).is_some()
    });
    if let Some(n) = refusal {
        let route: Vec<NodeIndex> = ch
            .paths
            .worst_to(n)
            .unwrap()
            .steps
            .iter()
            .map(|s| s.node)
            .collect();
        cases.push(case(
            format!("{key} refusal"),
            &file,
            &m,
            &naming,
            &route,
            false,
        ));
    }
    Some(file)
}

/// Runs the cases in SCION and compares each with Reglam's run.
fn execute(cases: &[Case], dir: &Path) {
    let jobs: Vec<Value> = cases
        .iter()
        .map(|c| {
            serde_json::json!({
                "name": c.name,
                "file": c.file,
                "events": c.events.iter().map(|(e, s)| serde_json::json!({"event": e, "state": s})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let jobs_file = dir.join("jobs.json");
    std::fs::write(&jobs_file, serde_json::to_string(&jobs).unwrap()).unwrap();
    let results_file = dir.join("results.json");
    let (ok, _, stderr) = run(Command::new("node")
        .arg(tools_dir().join("run-scxml.js"))
        .arg(&jobs_file)
        .arg(&results_file));
    assert!(ok, "SCION failed: {stderr}");
    let results: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(&results_file).expect("SCION wrote its results"),
    )
    .expect("SCION's output is JSON");
    assert_eq!(results.len(), cases.len());
    for (c, r) in cases.iter().zip(&results) {
        assert!(
            r.get("error").is_none(),
            "{}: SCION: {}",
            c.name,
            r["error"]
        );
        let known: std::collections::HashSet<&str> = c.visited.iter().map(String::as_str).collect();
        let mut entered: Vec<String> = Vec::new();
        let mut take = |v: &Value| {
            for s in v.as_array().unwrap() {
                let s = s.as_str().unwrap();
                if known.contains(s) {
                    entered.push(s.to_string());
                }
            }
        };
        take(&r["initial"]);
        for (i, step) in r["steps"].as_array().unwrap().iter().enumerate() {
            assert_eq!(
                step["active"],
                Value::Bool(true),
                "{}: event {} ({}) came when SCION was not in {}",
                c.name,
                i + 1,
                c.events[i].0,
                c.events[i].1
            );
            take(&step["entered"]);
        }
        assert_eq!(entered, c.visited, "{}: visited states differ", c.name);
        assert_eq!(
            r["final"],
            Value::Bool(true),
            "{}: SCION did not finish",
            c.name
        );
        assert_eq!(
            r["configuration"],
            serde_json::json!([c.outcome]),
            "{}: SCION ended elsewhere",
            c.name
        );
    }
}

fn corpus() -> Analysis {
    reglam_testkit::analyse_corpus()
}

#[test]
fn scxml_of_every_corpus_channel_runs_as_reglam_runs() {
    require_tools();
    let a = corpus();
    let dir = out_dir("scxml-corpus");
    let mut cases = Vec::new();
    let mut files = Vec::new();
    let mut not_runnable = 0;
    for reg in reglam_testkit::regulations(&a) {
        for (sc, ch) in reg.channels() {
            match cases_of(reg, sc, ch, &dir, &mut cases) {
                Some(f) => files.push(f),
                None => {
                    // Only a channel the runtime cannot run has no SCXML.
                    assert!(!ch.paths.cycles.is_empty(), "{}: {}", reg.id, ch.id);
                    not_runnable += 1;
                }
            }
        }
    }
    let worst = cases.iter().filter(|c| c.name.ends_with("worst")).count();
    let refusal = cases.len() - worst;
    eprintln!(
        "{} channels, {worst} worst-case and {refusal} refusal paths, {not_runnable} not runnable",
        files.len()
    );
    assert!(
        files.len() > 100 && refusal > 50,
        "the corpus is smaller than expected"
    );
    execute(&cases, &dir);
    // The structure: the subset schema Reglam emits.
    let (ok, _, stderr) = run(Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(tools_dir().join("scxml-subset.xsd"))
        .args(&files));
    assert!(ok, "SCXML outside the subset schema:\n{stderr}");
}

const FORK: &str = r#"
regulation forked {
  title ru "Пример"
  deadline 3 wd
  actor a ru "специалист"
  actor b ru "юрист"
  channel provider provider {
    step receive a 30 min "принимает"
    check complete a 10 min "документы полные" else refused
    parallel review {
      branch {
        step legal b 4 h "проверяет право"
        step legal_note b 1 h "пишет заключение"
      }
      branch {
        step money a 2 h "проверяет оплату"
      }
    }
    step sign a 1 h "подписывает"
    rework redo a "вернуть" -> sign {
      max 2 times
      takes 1 wd
      timeout 2 wd -> archived
    }
    outcome issued result "выдано"
    outcome refused refusal-to-accept "отказ"
    outcome archived archived "в архив"
  }
}
"#;

#[test]
fn parallel_branches_run_in_scion_as_in_reglam() {
    require_tools();
    let (a, _) = reglam_testkit::check_text("fork.reglam", FORK);
    let regs = reglam_testkit::regulations(&a);
    assert_eq!(regs.len(), 1, "{:?}", a.diagnostics);
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
    let (sc, ch) = regs[0].channels().next().unwrap();
    let dir = out_dir("scxml-fork");
    let mut cases = Vec::new();
    let file = cases_of(regs[0], sc, ch, &dir, &mut cases).unwrap();
    assert_eq!(cases.len(), 2);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("<parallel id=\"review\""), "{text}");
    execute(&cases, &dir);
    insta::assert_snapshot!("fork_scxml", text);
}

#[test]
fn bpmn_of_every_corpus_channel_is_valid_and_lints_clean() {
    require_tools();
    let a = corpus();
    let dir = out_dir("bpmn-corpus");
    let mut files = Vec::new();
    for reg in reglam_testkit::regulations(&a) {
        for (sc, ch) in reg.channels() {
            let Ok(text) = bpmn::channel(reg, sc, ch, Lang::Ru) else {
                assert!(!ch.paths.cycles.is_empty(), "{}: {}", reg.id, ch.id);
                continue;
            };
            let key = format!(
                "{}.{}{}",
                reg.id,
                sc.id.as_ref().map(|s| format!("{s}.")).unwrap_or_default(),
                ch.id
            );
            let f = dir.join(format!("{:03}-{key}.bpmn", files.len()));
            std::fs::write(&f, text).unwrap();
            files.push(f);
        }
    }
    assert!(files.len() > 100);
    let xsd = tools_dir().join("node_modules/bpmn-moddle/resources/bpmn/xsd/BPMN20.xsd");
    let (ok, _, stderr) = run(Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .args(&files));
    assert!(ok, "BPMN not valid against the BPMN 2.0 XSDs:\n{stderr}");
    let (ok, stdout, stderr) = run(Command::new("node")
        .current_dir(tools_dir())
        .arg(tools_dir().join("check-bpmn.js"))
        .args(&files));
    assert!(ok, "check-bpmn.js failed: {stderr}");
    let results: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(results.len(), files.len());
    let mut problems = Vec::new();
    for r in &results {
        if let Some(e) = r.get("error") {
            problems.push(format!("{}: {e}", r["file"]));
        }
        for w in r["warnings"].as_array().unwrap() {
            problems.push(format!("{}: import warning {w}", r["file"]));
        }
        for rep in r["reports"].as_array().unwrap() {
            problems.push(format!("{}: {rep}", r["file"]));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_linter_catches_a_missing_layout() {
    // The lint check above must be able to fail: drop one shape and bpmnlint must object.
    require_tools();
    let a = reglam_testkit::analyse_file("regulations/atyrau-2015-293/01-oralman_status.reglam");
    let reg = reglam_testkit::regulations(&a)[0];
    let (sc, ch) = reg.channels().next().unwrap();
    let text = bpmn::channel(reg, sc, ch, Lang::Ru).unwrap();
    let start = text.find("<bpmndi:BPMNShape id=\"Start_").unwrap();
    let end = start + text[start..].find("</bpmndi:BPMNShape>").unwrap() + 19;
    let broken = format!("{}{}", &text[..start], &text[end..]);
    let dir = out_dir("bpmn-broken");
    let f = dir.join("broken.bpmn");
    std::fs::write(&f, broken).unwrap();
    let (_, stdout, _) = run(Command::new("node")
        .current_dir(tools_dir())
        .arg(tools_dir().join("check-bpmn.js"))
        .arg(&f));
    assert!(stdout.contains("no-bpmndi"), "{stdout}");
}

#[test]
fn snapshots() {
    for (file, channel, format) in [
        (
            "regulations/atyrau-2015-293/01-oralman_status.reglam",
            "state_corp",
            "scxml",
        ),
        (
            "regulations/atyrau-2015-293/01-oralman_status.reglam",
            "state_corp",
            "bpmn",
        ),
        (
            "regulations/mtszn-2018-20/15-large_family_mothers_allowance.reglam",
            "",
            "scxml",
        ),
    ] {
        let a = reglam_testkit::analyse_file(file);
        let reg = reglam_testkit::regulations(&a)[0];
        let (sc, ch) = reg
            .channels()
            .find(|(_, c)| channel.is_empty() || c.id == channel)
            .unwrap();
        let text = match format {
            "scxml" => scxml::channel(reg, sc, ch, Lang::Ru).unwrap(),
            _ => bpmn::channel(reg, sc, ch, Lang::Ru).unwrap(),
        };
        // Same input, same bytes.
        let again = match format {
            "scxml" => scxml::channel(reg, sc, ch, Lang::Ru).unwrap(),
            _ => bpmn::channel(reg, sc, ch, Lang::Ru).unwrap(),
        };
        assert_eq!(text, again);
        insta::assert_snapshot!(format!("{}_{}_{format}", reg.id, ch.id), text);
    }
}
