//! What every diagram emitter shares: texts in the chosen language, short durations, edge
//! labels, and the worst path with its verdict, all read from the model.

use petgraph::graph::NodeIndex;
use reglam_model::paths::WorstPath;
use reglam_model::time::{compare, Amount, Fit, MINUTES_PER_WORKING_DAY};
use reglam_model::{
    Channel, DeadlineSource, Edge, EffectiveDeadline, Lang, Node, NodeKind, OutcomeKind,
    Regulation, Text,
};

/// The text to show in `lang` ([`Text::pick`]: the other language's when the source has none
/// in `lang`; the diagram then says so once, [`fallback_note`]). `None` when neither has it.
pub fn text(t: &Text, lang: Lang) -> Option<String> {
    t.any(lang).map(str::to_string)
}

/// The one note of a document in `lang` some of whose texts are in the other language, the
/// source having none in `lang`: said once, never a marker on every label.
pub fn fallback_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Часть текстов — на казахском языке: в источнике нет их текста на русском.",
        Lang::Kk => "Кейбір мәтіндер орыс тілінде: дереккөзде олардың қазақша мәтіні жоқ.",
    }
}

/// A duration for a diagram label: "3 раб. дн. 2 ч 30 мин", "3 жұмыс күні 2 сағат 30 минут".
/// Abbreviations (ru) and Kazakh's invariant nouns after numerals need no plural forms.
pub fn short_amount(a: Amount, lang: Lang) -> String {
    let (mo, cd, wd, h, m) = match lang {
        Lang::Ru => ("мес.", "кал. дн.", "раб. дн.", "ч", "мин"),
        Lang::Kk => ("ай", "күнтізбелік күн", "жұмыс күні", "сағат", "минут"),
    };
    let days = a.working_minutes / MINUTES_PER_WORKING_DAY;
    let hours = a.working_minutes % MINUTES_PER_WORKING_DAY / 60;
    let minutes = a.working_minutes % 60;
    let mut parts = Vec::new();
    for (n, unit) in [
        (a.months, mo),
        (a.calendar_days, cd),
        (days, wd),
        (hours, h),
        (minutes, m),
    ] {
        if n > 0 {
            parts.push(format!("{n} {unit}"));
        }
    }
    if parts.is_empty() {
        format!("0 {m}")
    } else {
        parts.join(" ")
    }
}

/// The actor a node belongs to (an index into the regulation's actors).
pub fn node_actor(node: &Node) -> Option<usize> {
    match &node.kind {
        NodeKind::Rework(r) => r.actor,
        _ => node.step().and_then(|s| s.actor),
    }
}

/// The actor's name in `lang` (marked when only in the other language), or its id.
pub fn actor_name(reg: &Regulation, actor: usize, lang: Lang) -> String {
    reg.actors
        .get(actor)
        .map(|a| text(&a.name, lang).unwrap_or_else(|| a.id.clone()))
        .unwrap_or_default()
}

/// The main text of a node: what a step does, what a check asks, why a case is returned,
/// the outcome; the node's id when the source gives no text.
pub fn node_text(node: &Node, lang: Lang) -> String {
    let t = match &node.kind {
        NodeKind::Start => {
            return match lang {
                Lang::Ru => "Начало".into(),
                Lang::Kk => "Бастау".into(),
            }
        }
        NodeKind::Fork | NodeKind::Join => return String::new(),
        NodeKind::Rework(r) => text(&r.reason, lang),
        NodeKind::Outcome { text: t, .. } => text(t, lang),
        _ => node.step().and_then(|s| {
            // A step written as timed parts (or options) has its texts there.
            text(&s.action, lang).or_else(|| {
                let parts: Vec<String> = s
                    .parts
                    .iter()
                    .chain(&s.options)
                    .filter_map(|p| text(&p.text, lang))
                    .collect();
                (!parts.is_empty()).then(|| parts.join("; "))
            })
        }),
    };
    t.unwrap_or_else(|| node.id.clone())
}

/// The worst time of a node for its label: `None` for nodes that take no time of their own.
pub fn node_time(node: &Node) -> Option<Amount> {
    node.step().filter(|s| s.has_duration()).map(|s| s.worst())
}

/// The bound written on a return for rework: "≤ 2×, 5 раб. дн.", with "clock paused".
pub fn rework_bound(node: &Node, lang: Lang) -> Option<String> {
    let NodeKind::Rework(r) = &node.kind else {
        return None;
    };
    let mut parts = Vec::new();
    if let Some(max) = r.max {
        parts.push(format!("≤ {max}×"));
    }
    if let Some(t) = &r.takes {
        parts.push(short_amount(t.amount(), lang));
    }
    if r.clock_paused {
        parts.push(
            match lang {
                Lang::Ru => "срок приостановлен",
                Lang::Kk => "мерзім тоқтатылады",
            }
            .to_string(),
        );
    }
    Some(parts.join(", "))
}

/// The label of an edge, if it has one.
pub fn edge_label(edge: &Edge, from: &Node, lang: Lang) -> Option<String> {
    match edge {
        Edge::Then => Some(match lang {
            Lang::Ru => "да".into(),
            Lang::Kk => "иә".into(),
        }),
        Edge::Else => Some(match lang {
            Lang::Ru => "нет".into(),
            Lang::Kk => "жоқ".into(),
        }),
        Edge::When(s) => Some(s.clone()),
        Edge::Back => rework_bound(from, lang),
        Edge::Timeout => {
            let d = match &from.kind {
                NodeKind::Rework(r) => r.timeout.as_ref().map(|d| short_amount(d.amount(), lang)),
                _ => None,
            };
            Some(match (lang, d) {
                (Lang::Ru, Some(d)) => format!("по истечении {d}"),
                (Lang::Kk, Some(d)) => format!("{d} өткен соң"),
                (Lang::Ru, None) => "по истечении срока".into(),
                (Lang::Kk, None) => "мерзім өткен соң".into(),
            })
        }
        Edge::Next | Edge::Branch => None,
    }
}

/// The outcome kind of a node, if it is an outcome.
pub fn outcome_kind(node: &Node) -> Option<OutcomeKind> {
    match node.kind {
        NodeKind::Outcome { outcome, .. } => Some(outcome),
        _ => None,
    }
}

/// The outcome held to the deadline whose worst path is longest, with that path. Ties go to
/// the outcome declared first, so the choice is deterministic.
pub fn worst_outcome(channel: &Channel) -> Option<(NodeIndex, &WorstPath)> {
    let g = &channel.flow.graph;
    // Ranked by totals; only the winner's path is written out (a path per outcome would be
    // quadratic with thousands of refusals).
    let mut best: Option<(NodeIndex, (u64, Amount))> = None;
    for n in g.node_indices() {
        if !outcome_kind(&g[n]).is_some_and(|k| k.bound_by_deadline()) {
            continue;
        }
        let Some(total) = channel.paths.worst_total(n) else {
            continue;
        };
        let key = (total.upper_working_minutes(), total);
        if best.is_none_or(|(_, b)| key > b) {
            best = Some((n, key));
        }
    }
    let (n, _) = best?;
    Some((n, channel.paths.worst_to(n)?))
}

/// How a worst path compares with the deadline, as the checks decide it: the bound over all
/// paths when it fits, otherwise the longest path.
pub fn fit(w: &WorstPath, deadline: &EffectiveDeadline) -> Fit {
    let limit = deadline.deadline.duration.amount();
    let excluded = deadline.deadline.receipt_day_excluded;
    match compare(w.bound, limit, excluded) {
        f @ Fit::Fits { .. } => f,
        _ => compare(w.total, limit, excluded),
    }
}

/// Where a deadline comes from, for captions.
pub fn deadline_source(source: &DeadlineSource, lang: Lang) -> String {
    match (source, lang) {
        (DeadlineSource::Channel, Lang::Ru) => "срок канала".into(),
        (DeadlineSource::Channel, Lang::Kk) => "арна мерзімі".into(),
        (DeadlineSource::Scenario, Lang::Ru) => "срок сценария".into(),
        (DeadlineSource::Scenario, Lang::Kk) => "сценарий мерзімі".into(),
        (DeadlineSource::Regulation, Lang::Ru) => "срок регламента".into(),
        (DeadlineSource::Regulation, Lang::Kk) => "регламент мерзімі".into(),
        (DeadlineSource::Standard { standard, service }, Lang::Ru) => {
            format!("стандарт {standard}.{service}")
        }
        (DeadlineSource::Standard { standard, service }, Lang::Kk) => {
            format!("{standard}.{service} стандарты")
        }
    }
}

/// The caption of a channel's diagram: the worst path's total, the deadline, and the slack
/// or overrun. One line each.
pub fn caption_lines(
    channel: &Channel,
    node_name: impl Fn(NodeIndex) -> String,
    lang: Lang,
) -> Vec<String> {
    let ru = lang == Lang::Ru;
    let mut lines = Vec::new();
    if !channel.paths.cycles.is_empty() {
        lines.push(if ru {
            "Сроки не вычислены: в схеме есть цикл без ограничения".to_string()
        } else {
            "Мерзімдер есептелмеді: сызбада шексіз цикл бар".to_string()
        });
        return lines;
    }
    let worst = worst_outcome(channel);
    match worst {
        Some((n, w)) => lines.push(if ru {
            format!(
                "Наихудший путь до «{}»: {}",
                node_name(n),
                short_amount(w.total, lang)
            )
        } else {
            format!(
                "«{}» дейінгі ең ұзақ жол: {}",
                node_name(n),
                short_amount(w.total, lang)
            )
        }),
        None => lines.push(if ru {
            "Нет исхода, ограниченного сроком".to_string()
        } else {
            "Мерзіммен шектелген нәтиже жоқ".to_string()
        }),
    }
    match &channel.deadline {
        Some(d) => {
            let extra = if d.deadline.receipt_day_excluded {
                if ru {
                    ", день приёма не считается"
                } else {
                    ", қабылдау күні есептелмейді"
                }
            } else {
                ""
            };
            lines.push(format!(
                "{}: {} ({}{extra})",
                if ru { "Срок" } else { "Мерзім" },
                short_amount(d.deadline.duration.amount(), lang),
                deadline_source(&d.source, lang)
            ));
            if let Some((_, w)) = worst {
                lines.push(fit_text(&fit(w, d), lang));
            }
        }
        None => lines.push(if ru {
            "Срок не указан".to_string()
        } else {
            "Мерзім көрсетілмеген".to_string()
        }),
    }
    lines
}

/// A verdict in words: "Запас: 2 ч", "Превышение: не менее 1 раб. дн.".
pub fn fit_text(f: &Fit, lang: Lang) -> String {
    let ru = lang == Lang::Ru;
    let at_least = |exact: bool| match (exact, ru) {
        (true, _) => "",
        (false, true) => "не менее ",
        (false, false) => "кемінде ",
    };
    match f {
        Fit::Fits { slack, exact } => format!(
            "{}: {}{}",
            if ru { "Запас" } else { "Қор" },
            at_least(*exact),
            short_amount(*slack, lang)
        ),
        Fit::Overruns { by, exact } => format!(
            "{}: {}{}",
            if ru {
                "Превышение срока"
            } else {
                "Мерзімнен асуы"
            },
            at_least(*exact),
            short_amount(*by, lang)
        ),
        Fit::NeedsCalendar { .. } => if ru {
            "Укладывается ли в срок, зависит от календаря"
        } else {
            "Мерзімге сыятыны күнтізбеге байланысты"
        }
        .to_string(),
    }
}

/// Splits a text into lines of at most `width` characters at spaces (longer words are cut),
/// and at most `max_lines` lines, the last ending in "…" when text was left out.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut len = 0;
        for word in para.split_whitespace() {
            let mut word: Vec<char> = word.chars().collect();
            while word.len() > width {
                if len > 0 {
                    lines.push(std::mem::take(&mut line));
                    len = 0;
                }
                lines.push(word[..width].iter().collect());
                word.drain(..width);
            }
            if word.is_empty() {
                continue;
            }
            if len > 0 && len + 1 + word.len() > width {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            line.extend(word.iter());
            len += word.len();
        }
        lines.push(line);
    }
    while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// Nodes and the edges (by their endpoints) on a worst path, for highlighting.
pub fn path_nodes(w: &WorstPath) -> Vec<NodeIndex> {
    w.steps.iter().map(|s| s.node).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_every_word_within_width() {
        assert_eq!(
            wrap("один два три четыре", 8, 10),
            ["один два", "три", "четыре"]
        );
        assert_eq!(wrap("абвгдежзий", 4, 10), ["абвг", "дежз", "ий"]);
        assert_eq!(wrap("a b c d e f", 1, 3), ["a", "b", "c…"]);
        assert_eq!(wrap("", 5, 3), [""]);
    }

    #[test]
    fn a_missing_language_falls_back_unmarked() {
        let t = Text {
            ru: Some("выдача".into()),
            kk: None,
        };
        assert_eq!(text(&t, Lang::Kk).as_deref(), Some("выдача"));
        assert_eq!(text(&t, Lang::Ru).as_deref(), Some("выдача"));
        assert_eq!(text(&Text::default(), Lang::Ru), None);
        assert!(t.falls_back(Lang::Kk) && !t.falls_back(Lang::Ru));
    }

    #[test]
    fn short_amounts() {
        use reglam_syntax::Unit;
        let a = Amount::of(3, Unit::WorkingDay)
            .plus(Amount::of(150, Unit::Minute))
            .plus(Amount::of(1, Unit::Month));
        assert_eq!(short_amount(a, Lang::Ru), "1 мес. 3 раб. дн. 2 ч 30 мин");
        assert_eq!(
            short_amount(a, Lang::Kk),
            "1 ай 3 жұмыс күні 2 сағат 30 минут"
        );
        assert_eq!(short_amount(Amount::ZERO, Lang::Ru), "0 мин");
    }
}
