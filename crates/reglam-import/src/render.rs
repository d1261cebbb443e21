//! Writes a [`Draft`] as Reglam files: `act.reglam` and one file per regulation, laid out as
//! the hand encodings in `regulations/` are.

use crate::extract::{result_or_refusal, ChannelD, Draft, Item, ItemKind, RegD, Todo};
use crate::text::slug;
use std::collections::HashSet;
use std::fmt::Write;

/// A Reglam string literal.
pub fn lit(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' | '\r' | '\t' => o.push(' '),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn comment_text(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

fn todo_line(out: &mut String, indent: &str, t: &Todo) {
    let _ = writeln!(
        out,
        "{indent}# TODO({}) line {}: {}",
        t.what,
        t.line,
        comment_text(&t.quote)
    );
}

/// The files of the draft, named as they are to be written.
pub fn render(d: &Draft) -> Vec<(String, String)> {
    let lang = d.lang.tag();
    let mut files = Vec::new();
    let mut act = String::new();
    let _ = writeln!(act, "lang {lang}");
    let _ = writeln!(
        act,
        "# Draft made by `reglam import`: read every TODO against the act."
    );
    for t in &d.todos {
        todo_line(&mut act, "", t);
    }
    act.push_str("act {\n");
    let a = &d.act;
    if let Some(t) = &a.title {
        let _ = writeln!(act, "  title {lang} {}", lit(t));
    }
    if let Some(k) = &a.kind {
        let _ = writeln!(act, "  kind {lang} {}", lit(k));
    }
    if let Some(n) = &a.number {
        let _ = writeln!(act, "  number {}", lit(n));
    }
    if let Some(dt) = &a.date {
        let _ = writeln!(act, "  date {dt}");
    }
    if let Some(s) = a.status {
        let _ = writeln!(act, "  status {s}");
    }
    act.push_str("}\n");
    files.push(("act.reglam".to_string(), act));
    let mut names = HashSet::new();
    for r in &d.regs {
        let mut name = format!(
            "{:02}-{}.reglam",
            r.number,
            slug(r.title.as_deref().unwrap_or("regulation"), 4)
        );
        let mut k = 2;
        while !names.insert(name.clone()) {
            name = format!(
                "{:02}-{}-{k}.reglam",
                r.number,
                slug(r.title.as_deref().unwrap_or("regulation"), 4)
            );
            k += 1;
        }
        files.push((name, regulation(r, lang)));
    }
    files
}

struct Ids(HashSet<String>);

impl Ids {
    fn take(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut k = 2;
        while !self.0.insert(id.clone()) {
            id = format!("{base}_{k}");
            k += 1;
        }
        id
    }
}

fn regulation(r: &RegD, lang: &str) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "lang {lang}");
    let _ = writeln!(o, "import \"act.reglam\"");
    let _ = writeln!(
        o,
        "# Draft made by `reglam import` from the act's line {}.",
        r.line
    );
    for t in &r.todos {
        todo_line(&mut o, "", t);
    }
    for (line, head) in &r.appendices {
        let _ = writeln!(
            o,
            "# TODO(appendix) line {line}: {} (not read)",
            comment_text(head)
        );
    }
    let _ = writeln!(o);
    match &r.amended_by {
        Some(c) => {
            let _ = writeln!(
                o,
                "# TODO(amended) paragraph {c} of the act amends this regulation of another act: only\n# the paragraphs it restates are drafted; the rest is in the act it amends (not read)."
            );
            let _ = writeln!(o, "regulation app{n} @{c} {{", n = r.number);
        }
        None => {
            let _ = writeln!(o, "regulation app{n} @app{n} {{", n = r.number);
        }
    }
    if let Some(t) = &r.title {
        let _ = writeln!(o, "  title {lang} {}", lit(t));
    }
    if let Some((p, c)) = &r.provider {
        let _ = writeln!(o, "  provider {lang} {} @{c}", lit(p));
    }
    if let Some((p, c)) = &r.result {
        let _ = writeln!(o, "  result {lang} {} @{c}", lit(p));
    }
    if let Some((f, c)) = &r.form {
        let _ = writeln!(o, "  form {f} @{c}");
    }
    for dl in &r.deadlines {
        match dl.channel {
            Some(k) => {
                let _ = writeln!(o, "  deadline {k} {} @{}", dl.dur.render(), dl.cite);
            }
            None => {
                let _ = writeln!(o, "  deadline {} @{}", dl.dur.render(), dl.cite);
            }
        }
    }
    if !r.actors.is_empty() {
        o.push('\n');
    }
    for a in &r.actors {
        let kind = if a.kind == "unit" {
            String::new()
        } else {
            format!(" {}", a.kind)
        };
        let _ = writeln!(
            o,
            "  actor {} {lang} {}{kind} @{}",
            a.id,
            lit(&a.name),
            a.cite
        );
    }
    if let Some(c) = &r.listed_cite {
        let listed: Vec<&str> = r
            .actors
            .iter()
            .filter(|a| a.listed)
            .map(|a| a.id.as_str())
            .collect();
        if !listed.is_empty() {
            let _ = writeln!(o, "  listed-actors @{c} {}", listed.join(" "));
        }
    }
    let mut ids = Ids(HashSet::new());
    if let Some((cite, items)) = &r.procedure {
        let _ = writeln!(o, "\n  procedure provider_proc @{cite} {{");
        flow(&mut o, r, items, None, &mut ids, "p", false);
        o.push_str("  }\n");
    }
    for (k, ch) in r.channels.iter().enumerate() {
        channel(&mut o, r, ch, k, &mut ids);
    }
    if r.scenarios.iter().any(|s| s.channels.is_empty()) {
        let _ = writeln!(
            o,
            "\n  # TODO(scenario) the cases below with deadlines only have terms of their own; which\n  # steps and channels belong to each is not read (the channels above hold them all)"
        );
    }
    for (k, sc) in r.scenarios.iter().enumerate() {
        let id = ids.take(format!("case{}", k + 1));
        let _ = writeln!(
            o,
            "  # the case stated at line {}\n  scenario {id} {lang} {} @{} {{",
            sc.line,
            lit(&sc.title),
            sc.cite
        );
        for dl in &sc.deadlines {
            match dl.channel {
                Some(k) => {
                    let _ = writeln!(o, "    deadline {k} {} @{}", dl.dur.render(), dl.cite);
                }
                None => {
                    let _ = writeln!(o, "    deadline {} @{}", dl.dur.render(), dl.cite);
                }
            }
        }
        for (j, ch) in sc.channels.iter().enumerate() {
            let _ = writeln!(
                o,
                "    # TODO(scenario) a second paragraph of steps through this channel: another case"
            );
            channel(&mut o, r, ch, r.channels.len() + k + j, &mut ids);
        }
        o.push_str("  }\n");
    }
    o.push_str("}\n");
    o
}

fn channel(o: &mut String, r: &RegD, ch: &ChannelD, k: usize, ids: &mut Ids) {
    let id = ids.take(match ch.kind {
        "state-corporation" => "state_corp".to_string(),
        other => other.replace('-', "_"),
    });
    let _ = writeln!(o, "\n  channel {id} {} @{} {{", ch.kind, ch.cite);
    let has_proc = r.procedure.is_some();
    let mut pending = Vec::new();
    if ch.kind == "provider" && has_proc {
        o.push_str("    call provider_proc\n");
    } else {
        let call = if has_proc { ch.calls_at } else { None };
        if has_proc && ch.calls_at.is_none() && !ch.items.is_empty() {
            o.push_str("    # TODO(call) where the provider's procedure runs in this channel is not read\n");
        }
        pending = flow(o, r, &ch.items, call, ids, &format!("c{k}_"), true);
    }
    let result = ids.take(format!("result_{id}"));
    // The provider's step that prepares the result or a reasoned refusal decides between the
    // two outcomes; the channels carry its result, so each ends in that decision.
    // A channel that neither runs the procedure nor has steps of its own decides nothing.
    let runs = (ch.kind == "provider" && has_proc) || ch.calls_at.is_some() || !ch.items.is_empty();
    let decision = r
        .procedure
        .iter()
        .filter(|_| runs)
        .flat_map(|(_, items)| items.iter())
        .chain(ch.items.iter().filter(|_| !has_proc))
        .filter(|it| it.kind != ItemKind::Condition)
        .find_map(|it| result_or_refusal(&it.text).map(|w| (it, w)));
    match decision {
        Some((it, (yes, no))) => {
            let refused = ids.take(format!("refused_{id}"));
            let _ = writeln!(
                o,
                "    decide {} @{} {} {{\n      when {} -> {result}\n      when {} -> {refused}\n    }}",
                ids.take(format!("verdict_{id}")),
                it.cite,
                lit(&format!("{yes} / {no}")),
                lit(&yes),
                lit(&no),
            );
            let _ = writeln!(o, "    outcome {result} result");
            let _ = writeln!(o, "    outcome {refused} reasoned-refusal @{}", it.cite);
        }
        None => {
            let _ = writeln!(o, "    outcome {result} result");
        }
    }
    // Refusal branches after the main outcome: only a check's `else` reaches them.
    o.push_str(&refusals(r, &ch.items, pending, ids));
    o.push_str("  }\n");
}

fn item_id(it: &Item, prefix: &str) -> String {
    let c = it.cite.replace('.', "_");
    match it.kind {
        ItemKind::Step => format!("{prefix}s{c}"),
        ItemKind::Process => format!("{prefix}p{c}"),
        ItemKind::Condition => format!("{prefix}c{c}"),
    }
}

/// Which items are refusal branches: a process right after a condition that reports a refusal.
fn refusal_branches(items: &[Item]) -> Vec<bool> {
    let mut out = vec![false; items.len()];
    for i in 1..items.len() {
        if items[i - 1].kind == ItemKind::Condition
            && items[i].kind == ItemKind::Process
            && items[i].refusal
        {
            out[i] = true;
        }
    }
    out
}

/// Writes the items in order; returns the refusal branches left to write after an outcome.
/// A procedure has no outcome of its own to put them behind, so it keeps them in line.
fn flow(
    o: &mut String,
    r: &RegD,
    items: &[Item],
    call_at: Option<usize>,
    ids: &mut Ids,
    prefix: &str,
    branch: bool,
) -> Vec<(usize, String)> {
    let branches = if branch {
        refusal_branches(items)
    } else {
        vec![false; items.len()]
    };
    // Ids first, so a check can name its refusal branch.
    let names: Vec<String> = items
        .iter()
        .map(|it| ids.take(item_id(it, prefix)))
        .collect();
    let pending: Vec<(usize, String)> = branches
        .iter()
        .enumerate()
        .filter(|(_, b)| **b)
        .map(|(i, _)| (i, names[i].clone()))
        .collect();
    for (i, it) in items.iter().enumerate() {
        if branches[i] {
            continue;
        }
        if Some(i) == call_at {
            let _ = writeln!(o, "    call provider_proc @{}", it.cite);
            continue;
        }
        let else_target = if i + 1 < items.len() && branches[i + 1] {
            Some(names[i + 1].as_str())
        } else {
            None
        };
        // A check whose sentence says the documents are refused ("… не принимаются", "…
        // қабылдаудан бас тартады") ends the case there when it fails; otherwise the case goes on
        // to the next statement.
        let next_plain = i + 1 < items.len() && !branches[i + 1] && Some(i + 1) != call_at;
        if it.kind == ItemKind::Condition && it.rejects && else_target.is_none() && next_plain {
            let refused = ids.take(format!("{}_refused", names[i]));
            let mut line = String::new();
            statement(&mut line, r, it, &names[i], Some(&refused));
            let line = line.replacen(
                &format!(" else {refused}"),
                &format!(" then {} else {refused}", names[i + 1]),
                1,
            );
            o.push_str(&line);
            let _ = writeln!(o, "    outcome {refused} refusal-to-accept @{}", it.cite);
            continue;
        }
        statement(o, r, it, &names[i], else_target);
    }
    pending
}

fn statement(o: &mut String, r: &RegD, it: &Item, id: &str, else_target: Option<&str>) {
    let actor = it
        .actor
        .map(|a| format!(" {}", r.actors[a].id))
        .unwrap_or_default();
    let text = lit(&it.text);
    if it.inherited {
        let _ = writeln!(
            o,
            "    # TODO(actor) line {}: nobody named; the actor of the item before is assumed",
            it.line
        );
    }
    if it.actor.is_none() && it.kind != ItemKind::Condition {
        let _ = writeln!(
            o,
            "    # TODO(actor) line {}: the actor is not read",
            it.line
        );
    }
    match it.kind {
        ItemKind::Condition => {
            let els = else_target
                .map(|e| format!(" else {e}"))
                .unwrap_or_default();
            let dur = it
                .durations
                .first()
                .map(|d| format!(" {}", d.render()))
                .unwrap_or_default();
            let _ = writeln!(o, "    check {id}{actor}{dur} @{} {text}{els}", it.cite);
        }
        _ => match it.durations.len() {
            0 => {
                let _ = writeln!(o, "    step {id}{actor} @{} {text}", it.cite);
            }
            1 => {
                let _ = writeln!(
                    o,
                    "    step {id}{actor} {} @{} {text}",
                    it.durations[0].render(),
                    it.cite
                );
            }
            _ => {
                let _ = writeln!(o, "    step {id}{actor} @{} {text} {{", it.cite);
                let word = if it.alternatives { "option" } else { "part" };
                let mut from = 0;
                for d in &it.durations {
                    let seg = it.text.get(from..d.end.min(it.text.len())).unwrap_or("");
                    let seg = seg.trim_start_matches([',', ';', ' ', '–', '-']).trim();
                    let _ = writeln!(o, "      {word} {} {}", d.render(), lit(seg));
                    from = d.end.min(it.text.len());
                }
                o.push_str("    }\n");
            }
        },
    }
}

fn refusals(r: &RegD, items: &[Item], pending: Vec<(usize, String)>, ids: &mut Ids) -> String {
    let mut o = String::new();
    for (i, name) in pending {
        let it = &items[i];
        statement(&mut o, r, it, &name, None);
        // A refused log-in ("отказ в авторизации") ends the session, not the application.
        let n = crate::text::norm(&it.text);
        let kind = if n.contains("авторизац") || n.contains("авторланд") {
            "other"
        } else {
            "refusal-to-accept"
        };
        let _ = writeln!(
            o,
            "    outcome {} {kind} @{}",
            ids.take(format!("{name}_refused")),
            it.cite
        );
    }
    o
}
