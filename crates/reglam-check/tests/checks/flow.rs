//! The shape of a channel's flow: stuck cases, loops, returns, forks, unreachable steps,
//! conditions and steps without an actor or a duration (E024–E028, W012, W020, W021, W023).

use crate::support::{check, regulation};

const HEAD: &str = r#"
deadline 5 wd
actor specialist ru "специалист услугодателя"
actor head ru "руководитель услугодателя"
"#;

#[test]
fn a_case_that_goes_nowhere() {
    let c = check(&regulation(
        HEAD,
        r#"
step register specialist 30 min "регистрирует документы"
step issue head 30 min "выдает результат услугополучателю"
"#,
    ));
    assert_eq!(c.codes(), ["W060", "E024"]);
    assert_eq!(c.at("E024")[0].0, 8, "at the last step");
    insta::assert_snapshot!(c.shown());
}

#[test]
fn an_empty_channel_is_stuck_at_its_start() {
    let c = check(&regulation(HEAD, ""));
    assert!(c.codes().contains(&"E024"), "{:?}", c.codes());
    assert!(c.one("E024").message.contains("the start of provider"));
    assert_eq!(c.at("E024")[0].0, 6, "at the channel");
    insta::assert_snapshot!(c.shown());
}

#[test]
fn a_loop_without_a_bound() {
    let c = check(&regulation(
        HEAD,
        r#"
step register specialist 30 min "регистрирует документы"
check complete head 1 h "документы полные" then issued else register
outcome issued result "результат выдан"
"#,
    ));
    assert!(c.codes().contains(&"E025"), "{:?}", c.codes());
    assert_eq!(
        c.one("E025").message,
        "the case can go round forever: register → complete"
    );
    assert_eq!(c.at("E025")[0].0, 8, "at the step that jumps back");
    insta::assert_snapshot!(c.shown());
}

#[test]
fn a_return_without_a_limit_and_a_return_forward() {
    let c = check(&regulation(
        HEAD,
        r#"
step register specialist 30 min "регистрирует документы"
rework back head "возвращает документы на доработку" -> register {
  takes 1 wd
}
rework ahead head "направляет дальше" -> issue {
  max 1 times
}
step issue specialist 30 min "выдает результат"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["E026", "E028"]);
    assert_eq!(c.at("E026")[0].0, 8);
    assert_eq!(c.at("E028")[0].0, 11);
    insta::assert_snapshot!(c.shown());
}

#[test]
fn a_parallel_branch_that_never_joins() {
    let c = check(&regulation(
        HEAD,
        r#"
parallel approvals {
  branch {
    step request specialist 1 wd "направляет запрос"
  }
  branch {
    step review head 1 h "рассматривает документы"
    outcome early result "результат выдан"
  }
}
step issue specialist 30 min "выдает результат"
outcome done result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["E027"]);
    let d = c.one("E027");
    assert_eq!(d.secondary.len(), 1, "the parallel block is pointed at");
    insta::assert_snapshot!(c.shown());
}

#[test]
fn a_step_after_the_outcome_is_unreachable() {
    let c = check(&regulation(
        HEAD,
        r#"
step register specialist 30 min "регистрирует документы"
step sign head 30 min "подписывает"
outcome issued result "результат выдан"
step archive specialist 30 min "передает дело в архив"
"#,
    ));
    assert_eq!(c.codes(), ["W012"]);
    assert_eq!(c.at("W012")[0].0, 10);
    insta::assert_snapshot!(c.shown());
}

#[test]
fn a_condition_with_one_way_out() {
    let c = check(&regulation(
        HEAD,
        r#"
check complete specialist 30 min "документы представлены в полном объеме"
step register head 30 min "регистрирует документы"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["W023"]);
    insta::assert_snapshot!(c.shown());
}

#[test]
fn steps_without_an_actor_or_a_duration() {
    let c = check(&regulation(
        HEAD,
        r#"
step register specialist "регистрирует документы"
step forward 30 min "направляет документы руководителю"
step sign head 30 min "подписывает"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["W021", "W020"]);
    assert_eq!(c.at("W021")[0].0, 7);
    assert_eq!(c.at("W020")[0].0, 8);
    insta::assert_snapshot!(c.shown());
}
