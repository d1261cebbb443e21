//! The Markdown document: snapshots for real regulations in both languages, and properties
//! that hold for every regulation of the corpus.

use reglam_emit::markdown;
use reglam_model::{Analysis, Channel, Lang, NodeKind, Regulation};
// The corpus, read by the pipeline's loader as the tool reads it.
use reglam_testkit::analyse_corpus as corpus;

fn find<'a>(a: &'a Analysis, file: &str, id: &str) -> &'a Regulation {
    a.corpus
        .regulations
        .iter()
        .find(|r| r.id == id && a.sources.name(r.file) == file)
        .unwrap_or_else(|| panic!("{file}: no regulation `{id}`"))
}

fn snapshot(file: &str, id: &str) {
    let a = corpus();
    let reg = find(&a, file, id);
    for (lang, code) in [(Lang::Ru, "ru"), (Lang::Kk, "kk")] {
        let md = markdown::render(&a.corpus, reg, lang);
        let name = format!("{}__{id}__{code}", file.split('/').nth(1).unwrap());
        insta::assert_snapshot!(name, md);
    }
}

/// Russian only, the act's first regulation (Atyrau No. 293, appendix 1).
#[test]
fn snapshot_atyrau_oralman_status() {
    snapshot(
        "regulations/atyrau-2015-293/01-oralman_status.reglam",
        "oralman_status",
    );
}

/// Russian only, with scenarios.
#[test]
fn snapshot_atyrau_semipalatinsk() {
    snapshot(
        "regulations/atyrau-2015-293/17-semipalatinsk_nuclear_tests.reglam",
        "semipalatinsk_nuclear_tests",
    );
}

/// Kazakh only, with the State Corporation channel and a shared procedure.
#[test]
fn snapshot_pavlodar_oralman_status() {
    snapshot(
        "regulations/pavlodar-2015-222-8/01-oralman_status.reglam",
        "oralman_status",
    );
}

/// Kazakh only, portal scenarios, no deadline for one of them.
#[test]
fn snapshot_mtszn_disabled_child_carer() {
    snapshot(
        "regulations/mtszn-2018-20/10-disabled_child_carer_allowance.reglam",
        "disabled_child_carer_allowance",
    );
}

/// The worst-path total of a channel, computed here from the model's paths without the
/// emitter: the longest path to an outcome held to the deadline, first declared on ties.
fn expected_total(c: &Channel) -> Option<reglam_model::time::Amount> {
    if !c.paths.cycles.is_empty() {
        return None;
    }
    let g = &c.flow.graph;
    let mut best: Option<reglam_model::time::Amount> = None;
    for n in g.node_indices() {
        let NodeKind::Outcome { outcome, .. } = g[n].kind else {
            continue;
        };
        if !outcome.bound_by_deadline() {
            continue;
        }
        if let Some(w) = c.paths.worst_to(n) {
            let k = |a: &reglam_model::time::Amount| (a.upper_working_minutes(), *a);
            if best.is_none_or(|b| k(&w.total) > k(&b)) {
                best = Some(w.total);
            }
        }
    }
    best
}

/// The value cells of the totals rows, in document order.
fn total_rows(md: &str, lang: Lang) -> Vec<String> {
    let label = match lang {
        Lang::Ru => "Итого по наиболее длительному пути",
        Lang::Kk => "Ең ұзақ жол бойынша барлығы",
    };
    let prefix = format!("|  | **{label}** |  |  | **");
    md.lines()
        .filter_map(|l| l.strip_prefix(&prefix)?.strip_suffix("** |"))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_regulation_renders_in_both_languages_with_the_model_totals() {
    let a = corpus();
    assert!(a.corpus.regulations.len() >= 40, "the corpus is loaded");
    let mut checked = 0;
    for reg in &a.corpus.regulations {
        for lang in [Lang::Ru, Lang::Kk] {
            let md = markdown::render(&a.corpus, reg, lang);
            assert_eq!(
                md,
                markdown::render(&a.corpus, reg, lang),
                "{}: output is deterministic",
                reg.id
            );
            let rows = total_rows(&md, lang);
            let channels: Vec<_> = reg.channels().map(|(_, c)| c).collect();
            assert_eq!(
                rows.len(),
                channels.len(),
                "{}: one totals row per channel",
                reg.id
            );
            for (row, c) in rows.iter().zip(&channels) {
                if let Some(total) = expected_total(c) {
                    assert_eq!(row, &markdown::amount(total, lang), "{} / {}", reg.id, c.id);
                    checked += 1;
                }
            }
            // Every table row has exactly five cells: texts with pipes are escaped.
            for l in md.lines().filter(|l| l.starts_with('|')) {
                let cells = l.replace("\\|", "").matches('|').count();
                assert_eq!(cells, 6, "{}: table row breaks its columns: {l}", reg.id);
            }
            // The document never shows an unfilled phrase slot.
            assert!(!md.contains("{}"), "{}", reg.id);
        }
    }
    assert!(checked > 100, "totals compared: {checked}");
}

/// Issue 13: a text missing in the document's language is the other language's text, and the
/// document says so once (under its title), never with a marker on every text.
#[test]
fn a_text_missing_in_one_language_falls_back_noted_once() {
    let a = corpus();
    let note = reglam_emit::common::fallback_note;
    // The document's own note, in italics (the Mermaid sources embedded in it carry theirs).
    let noted = |md: &str, lang| md.matches(&format!("*{}*", note(lang))).count();
    // Atyrau's regulations are written in Russian only.
    let ru_only = find(
        &a,
        "regulations/atyrau-2015-293/01-oralman_status.reglam",
        "oralman_status",
    );
    let kk = markdown::render(&a.corpus, ru_only, Lang::Kk);
    assert!(kk.contains("«Присвоение статуса оралмана»"));
    assert_eq!(noted(&kk, Lang::Kk), 1);
    assert!(!kk.contains("none]") && !kk.contains("мәтін жоқ"));
    let ru = markdown::render(&a.corpus, ru_only, Lang::Ru);
    assert!(
        !ru.contains(note(Lang::Ru)),
        "the Russian text is all there"
    );
    // Pavlodar's are in Kazakh only.
    let kk_only = find(
        &a,
        "regulations/pavlodar-2015-222-8/01-oralman_status.reglam",
        "oralman_status",
    );
    let ru = markdown::render(&a.corpus, kk_only, Lang::Ru);
    assert!(ru.contains("«Оралман мәртебесін беру»"));
    assert_eq!(noted(&ru, Lang::Ru), 1);
    assert!(ru.contains("## 1. Общие положения"));
    assert!(!ru.contains("отсутствует"));
    let kk = markdown::render(&a.corpus, kk_only, Lang::Kk);
    assert!(kk.contains("## 1. Жалпы ережелер"));
    assert!(!kk.contains(note(Lang::Kk)), "the Kazakh text is all there");
}

/// The README's example: the longest path is 1 working day 10 minutes against 1 working day.
#[test]
fn totals_and_durations_of_a_small_regulation() {
    let src = r#"
regulation oralman_status @app1 {
  title ru "Присвоение статуса оралмана"
  deadline 1 wd
  actor specialist ru "специалист | услугодателя"
  actor head ru "руководитель услугодателя"

  channel provider provider {
    step register specialist 30 (тридцати) min @5.1 "регистрирует документы"
    step review head 4 h @5.3 "рассматривает документы"
    step prepare specialist 3 h 40 min @5.6 "оформляет удостоверение"
    outcome issued result "удостоверение выдано"
  }
}
"#;
    let a = reglam_testkit::analyse_files(&[("a.reglam", src.as_bytes())]);
    let reg = &a.corpus.regulations[0];
    let ru = markdown::render(&a.corpus, reg, Lang::Ru);
    assert_eq!(
        total_rows(&ru, Lang::Ru),
        ["1 (один) рабочий день 10 (десять) минут"]
    );
    assert!(ru.contains(
        "1) специалист \\| услугодателя: регистрирует документы – 30 (тридцать) минут (п. 5, пп. 1);"
    ));
    assert!(ru.contains("оформляет удостоверение – 3 (три) часа 40 (сорок) минут"));
    assert!(ru.contains(
        "| 3 | специалист \\| услугодателя | оформляет удостоверение (п. 5, пп. 6) | — | 3 (три) часа 40 (сорок) минут |"
    ));
    assert!(ru.contains("**1 (один) рабочий день (указан в регламенте)**"));
    let kk = markdown::render(&a.corpus, reg, Lang::Kk);
    assert_eq!(
        total_rows(&kk, Lang::Kk),
        ["1 (бір) жұмыс күні 10 (он) минут"]
    );
}
