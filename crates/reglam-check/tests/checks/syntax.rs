//! A file with statements that cannot be read: each is reported where it stands, and the
//! statements that can be read are still checked.

use crate::support::{check, regulation};

#[test]
fn three_broken_statements_and_the_rest_still_checked() {
    let c = check(&regulation(
        r#"
deadline 5 (пяти) wd
deadline, 3 wd
actor specialist ru "специалист ЦOН"
actor clerk, ru "делопроизводитель"
"#,
        r#"
step register specialist 30 (двадцати) min "регистрирует документы"
step sign specialist - 15 min "подписывает"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(
        c.at("E001"),
        [(4, 11, ","), (6, 14, ","), (9, 26, "-")],
        "{:?}",
        c.codes()
    );
    // Findings from the healthy statements: the Latin letter, the number words.
    assert_eq!(c.at("W030").len(), 1, "{:?}", c.codes());
    assert_eq!(c.at("W031").len(), 1, "{:?}", c.codes());
    insta::assert_snapshot!(c.shown());
}
