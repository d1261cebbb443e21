//! Appendix tables against the text (W040, W041).

use crate::support::{check, regulation};

const HEAD: &str = r#"
deadline 5 wd
actor specialist ru "специалист услугодателя"
actor head ru "руководитель услугодателя"
"#;

#[test]
fn a_table_figure_that_disagrees_with_the_text() {
    let c = check(&regulation(
        HEAD,
        r#"
step register specialist 30 min @5.1 "регистрирует документы" {
  table 15 min @app1.row1
}
step sign head 1 h "подписывает результат"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["W040"]);
    let d = c.one("W040");
    assert_eq!(
        d.message,
        "for `register` the text says 30 minutes but the appendix table says 15 minutes"
    );
    assert_eq!(
        d.citation.as_deref(),
        Some("@5.1 (paragraph 5, sub-paragraph 1)")
    );
    insta::assert_snapshot!(c.shown());
}

#[test]
fn table_totals_of_a_channel_and_of_the_regulation() {
    let c = check(&regulation(
        &format!("{HEAD}\ntable-total 1 h @app1.row3"),
        r#"
step register specialist 30 min "регистрирует документы"
step sign head 1 h "подписывает результат"
table-total 2 h @app1.t2.row4
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["W041", "W041"]);
    let messages: Vec<&str> = c.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(messages[0].contains("the total for regulation `registration`, but"));
    assert!(messages[1].contains("the total for regulation `registration`, channel `provider`,"));
    assert_eq!(
        c.diagnostics[1].citation.as_deref(),
        Some("@app1.t2.row4 (appendix 1, table 2, row 4)")
    );
    insta::assert_snapshot!(c.shown());
}
