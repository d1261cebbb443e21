//! The text as typed: Latin letters in Cyrillic words, number words that do not spell their
//! figure (W030, W031).

use crate::support::{check, regulation};

#[test]
fn a_latin_letter_in_a_cyrillic_text() {
    let c = check(&regulation(
        r#"
deadline 5 wd
actor specialist ru "специалист ЦOН"
"#,
        r#"
step register specialist 30 min @5.1 "регистрирует дoкументы"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["W030", "W030"]);
    let messages: Vec<&str> = c.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "\"ЦOН\" mixes a Latin `O` into a Cyrillic word",
            "\"дoкументы\" mixes a Latin `o` into a Cyrillic word"
        ]
    );
    assert_eq!(
        c.diagnostics[1].citation.as_deref(),
        Some("@5.1 (paragraph 5, sub-paragraph 1)"),
        "a finding in a statement names its citation"
    );
    insta::assert_snapshot!(c.shown());
}

#[test]
fn number_words_that_do_not_spell_the_figure() {
    let c = check(&regulation(
        r#"
deadline 5 (пяти) wd
actor specialist ru "специалист услугодателя"
"#,
        r#"
step register specialist 30 (двадцати) min "регистрирует документы"
step sign specialist 15 (пятнадцаты) min "подписывает"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["W031", "W031"]);
    assert_eq!(
        c.diagnostics[0].message,
        "the figure is 30 but the words \"двадцати\" say 20"
    );
    assert_eq!(c.at("W031")[0].0, 6);
    insta::assert_snapshot!(c.shown());
}
