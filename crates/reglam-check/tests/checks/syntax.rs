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

/// An actor used only by a statement that cannot be read is not reported as unused: the
/// statement is set aside, not gone.
#[test]
fn an_actor_used_by_a_broken_statement_is_not_unused() {
    let broken = check(&regulation(
        r#"
deadline 5 wd
actor specialist ru "специалист"
actor head ru "руководитель"
"#,
        r#"
step register specialist 30 min "регистрирует документы"
step sign head, 15 min "подписывает"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(broken.at("E001").len(), 1, "{:?}", broken.codes());
    assert!(broken.at("W010").is_empty(), "{:?}", broken.codes());
    // The same file without the damage still reports a real unused actor.
    let unused = check(&regulation(
        r#"
deadline 5 wd
actor specialist ru "специалист"
actor head ru "руководитель"
"#,
        r#"
step register specialist 30 min "регистрирует документы"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(unused.at("W010").len(), 1, "{:?}", unused.codes());
}

/// A right-to-left override reorders what the reader sees: one W070 per line that holds one,
/// at its first such character, in a text or a comment alike.
#[test]
fn bidirectional_controls_are_reported_once_a_line() {
    let c = check(&regulation(
        "\ndeadline 5 wd\nactor specialist ru \"специалист\"\n",
        "\nstep register specialist 30 min \"регистрирует \u{202E}\u{202E}документы\"\n\
         # \u{2066}comment\n\
         outcome issued result \"результат выдан\"\n",
    ));
    assert_eq!(c.at("W070").len(), 2, "{:?}", c.codes());
}
