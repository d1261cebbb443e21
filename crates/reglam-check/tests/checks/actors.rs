//! Actors and procedures: unused ones, and actors the act's list leaves out (W010, W011,
//! W013), and a procedure's steps on a worst path.

use crate::support::{check, regulation};

#[test]
fn an_actor_that_takes_no_part() {
    let c = check(&regulation(
        r#"
deadline 5 wd
actor specialist ru "специалист услугодателя"
actor head ru "руководитель услугодателя"
"#,
        r#"
step register specialist 30 min "регистрирует документы"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["W010"]);
    assert_eq!(c.at("W010"), [(5, 9, "head")]);
    insta::assert_snapshot!(c.shown());
}

#[test]
fn a_procedure_never_called() {
    let c = check(&regulation(
        r#"
deadline 5 wd
actor specialist ru "специалист услугодателя"
procedure intake {
  step register specialist 30 min "регистрирует документы"
}
"#,
        r#"
step issue specialist 30 min "выдает результат"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["W011"]);
    assert_eq!(c.at("W011")[0].0, 5);
    insta::assert_snapshot!(c.shown());
}

#[test]
fn an_actor_missing_from_the_acts_list() {
    let c = check(&regulation(
        r#"
deadline 5 wd
actor specialist ru "специалист услугодателя"
actor head ru "руководитель услугодателя"
listed-actors @6 specialist
"#,
        r#"
step register specialist 30 min "регистрирует документы"
step sign head 1 h "подписывает результат"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["W013"]);
    let d = c.one("W013");
    assert_eq!(d.citation.as_deref(), Some("@6 (paragraph 6)"));
    assert_eq!(d.secondary.len(), 1, "the list is pointed at");
    insta::assert_snapshot!(c.shown());
}

#[test]
fn a_procedures_steps_on_the_worst_path() {
    let c = check(&regulation(
        r#"
deadline 1 wd
actor specialist ru "специалист услугодателя"
procedure intake {
  step register specialist 5 h @4.1 "регистрирует документы"
}
"#,
        r#"
call intake
step issue specialist 4 h "выдает результат"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["E020"]);
    assert!(
        c.one("E020")
            .notes
            .iter()
            .any(|n| n.contains("intake/register (specialist) @4.1")),
        "{:?}",
        c.one("E020").notes
    );
    insta::assert_snapshot!(c.shown());
}
