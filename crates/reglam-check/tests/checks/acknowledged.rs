//! Acknowledged findings (`acknowledge`, W071) and baselines (W072).

use crate::support::{check, regulation};
use reglam_check::{Baseline, BaselineMatcher};
use reglam_diagnostics::{json_items, render_json, render_sarif, AcknowledgementKind};

const HEAD: &str = r#"
deadline 1 h
actor specialist ru "специалист услугодателя"
"#;

const BODY: &str = r#"
step register specialist 2 h @5.1 "регистрирует документы"
outcome issued result @5.2 "результат выдан"
"#;

#[test]
fn an_acknowledged_finding_is_shown_but_does_not_fail() {
    let c = check(&regulation(
        &format!("{HEAD}acknowledge E021 register \"the act gives 2 hours to one step\" @5.1"),
        &format!("{BODY}acknowledge E020 issued \"the act's own steps overrun its deadline\" @5.3"),
    ));
    assert_eq!(c.codes(), ["E021", "E020"]);
    for d in &c.diagnostics {
        let a = d.acknowledged.as_ref().expect("acknowledged");
        assert_eq!(a.kind, AcknowledgementKind::InSource);
        assert!(!d.fails(), "{}", d.code.as_str());
    }
    let e020 = c.one("E020").acknowledged.clone().expect("acknowledged");
    assert_eq!(e020.reason, "the act's own steps overrun its deadline");
    assert_eq!(e020.citation.as_deref(), Some("5.3"));
    insta::assert_snapshot!(c.shown());
}

#[test]
fn the_element_is_the_statement_the_finding_is_on() {
    // The overrun is reported on the outcome, not on the step: acknowledging it at the step
    // matches nothing, and the error still fails.
    let c = check(&regulation(
        HEAD,
        &format!("{BODY}acknowledge E020 register \"wrong place\" @5.3"),
    ));
    assert_eq!(c.codes(), ["E021", "E020", "W071"]);
    assert!(c.one("E020").fails());
    assert_eq!(
        c.one("W071").message,
        "the acknowledgement of E020 at `register` matches no finding"
    );
    // A channel's name covers everything in the channel.
    let c = check(&regulation(
        HEAD,
        &format!("{BODY}acknowledge E020 provider \"the whole channel\" @5.3"),
    ));
    assert_eq!(c.codes(), ["E021", "E020"]);
    assert!(c.one("E020").is_acknowledged() && c.one("E021").fails());
}

#[test]
fn an_acknowledgement_that_matches_nothing_is_reported() {
    let c = check(&regulation(
        HEAD,
        r#"
step register specialist 30 min "регистрирует документы"
outcome issued result "результат выдан"
acknowledge E020 issued "fixed since" @5.3
acknowledge e999 issued "no such code"
"#,
    ));
    assert_eq!(c.codes(), ["W071", "W071"]);
    insta::assert_snapshot!(c.shown());
}

#[test]
fn a_malformed_file_cannot_be_acknowledged() {
    // E015 (an undeclared actor) says the encoding is wrong, not the act.
    let c = check(&regulation(
        HEAD,
        r#"
step register nobody 30 min "регистрирует документы"
outcome issued result "результат выдан"
acknowledge E015 register "not a finding of the act"
"#,
    ));
    assert!(c.one("E015").fails());
}

#[test]
fn json_and_sarif_show_the_acknowledgement() {
    let c = check(&regulation(
        HEAD,
        &format!("{BODY}acknowledge E020 issued \"the act's own steps overrun its deadline\" @5.3"),
    ));
    let items = json_items(&c.analysis.sources, &c.diagnostics);
    let json = render_json(&items);
    assert!(json.contains("\"kind\": \"in-source\""), "{json}");
    let sarif = render_sarif(&items, "0.0.0");
    let log: serde_json::Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
    let results = log["runs"][0]["results"].as_array().expect("results");
    let suppressed: Vec<_> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    insta::assert_json_snapshot!(suppressed[0]);
}

#[test]
fn a_baseline_survives_line_shifts_and_reports_what_is_gone() {
    let source = regulation(HEAD, BODY);
    let c = check(&source);
    assert_eq!(c.codes(), ["E021", "E020"]);
    let mut diagnostics = c.diagnostics.clone();
    let mut baseline = Baseline::default();
    baseline.record(&c.analysis.sources, &mut diagnostics);
    assert!(diagnostics.iter().all(|d| !d.fails()));
    let json = baseline.to_json();
    insta::assert_snapshot!(json);
    let read = Baseline::from_json(&json).expect("reads back");
    assert_eq!(read.to_json(), json);

    // Lines added above: every finding still matches.
    let shifted = check(&format!("\n\n# moved\n{source}"));
    let mut d = shifted.diagnostics.clone();
    let mut m = BaselineMatcher::new(&read);
    m.apply(&shifted.analysis.sources, &shifted.analysis.roots, &mut d);
    assert_eq!(reglam_testkit::codes(&d), ["E021", "E020"]);
    assert!(d
        .iter()
        .all(|d| d.acknowledged.as_ref().unwrap().kind == AcknowledgementKind::Baseline));

    // The step fixed: both findings are gone, and their entries are reported.
    let fixed = check(&source.replace("2 h @5.1", "50 min @5.1"));
    let mut d = fixed.diagnostics.clone();
    let mut m = BaselineMatcher::new(&read);
    m.apply(&fixed.analysis.sources, &fixed.analysis.roots, &mut d);
    assert_eq!(reglam_testkit::codes(&d), ["W072", "W072"]);
    insta::assert_snapshot!(reglam_testkit::render(&fixed.analysis, &d));
}

#[test]
fn russian_and_kazakh_spell_it_too() {
    for keyword in ["признано", "мойындалған"] {
        let c = check(&regulation(
            HEAD,
            &format!(
                "{BODY}{keyword} E020 issued \"the act's own steps overrun its deadline\" @5.3"
            ),
        ));
        assert_eq!(c.codes(), ["E021", "E020"], "{keyword}");
        assert!(c.one("E020").is_acknowledged(), "{keyword}");
    }
}

#[test]
fn only_a_regulation_or_a_channel_acknowledges() {
    let c = check(&regulation(
        HEAD,
        &format!(
            "{BODY}step other specialist 10 min \"x\" {{\n  acknowledge E020 issued \"no\"\n}}"
        ),
    ));
    assert!(c.codes().contains(&"E007"), "{:?}", c.codes());
    assert!(c.one("E020").fails());
}
