//! Paths against deadlines and sub-deadlines (E020–E023, W050–W052).

use crate::support::{check, regulation, FILE};

const ACTORS: &str = r#"
actor specialist ru "специалист услугодателя"
actor head ru "руководитель услугодателя"
"#;

const SPECIALIST: &str = r#"
actor specialist ru "специалист услугодателя"
"#;

#[test]
fn a_regulation_that_fits_reports_nothing() {
    let c = check(&regulation(
        &format!("deadline 2 wd\n{ACTORS}"),
        r#"
step register specialist 30 min "регистрирует документы"
step review head 4 h "рассматривает документы"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), Vec::<&str>::new());
}

#[test]
fn an_overrun_lists_the_longest_path_with_actors_and_citations() {
    let c = check(&regulation(
        &format!("deadline 1 wd @5\n{ACTORS}"),
        r#"
step register specialist 30 min @5.1 "регистрирует документы"
step review head 4 h @5.2 "рассматривает документы"
step prepare specialist 4 h @5.3 "оформляет результат"
outcome issued result @5.4 "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["E020"]);
    assert_eq!(
        c.at("E020"),
        [(10, 5, "outcome issued result @5.4 \"результат выдан\"")]
    );
    let d = c.one("E020");
    assert_eq!(d.secondary.len(), 1, "the deadline is pointed at");
    assert_eq!(
        d.citation.as_deref(),
        Some("@5.4 (paragraph 5, sub-paragraph 4)")
    );
    insta::assert_snapshot!(c.shown());
}

#[test]
fn returns_for_rework_count_in_the_path() {
    let c = check(&regulation(
        &format!("deadline 1 wd\n{ACTORS}"),
        r#"
step register specialist 30 min "регистрирует документы"
step review head 1 h "проверяет полноту документов"
rework back head "возвращает документы на доработку" -> register {
  max 2 times
  takes 1 wd
}
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["E020"]);
    assert!(
        c.one("E020")
            .notes
            .iter()
            .any(|n| n.contains("2 returns ×")),
        "{:?}",
        c.one("E020").notes
    );
    insta::assert_snapshot!(c.shown());
}

#[test]
fn an_overrun_by_an_uncertain_amount_says_at_least() {
    let c = check(&regulation(
        &format!("deadline 1 wd {{\n  receipt-day excluded\n}}\n{SPECIALIST}"),
        r#"
step review specialist 3 wd "рассматривает документы"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["E021", "E020"]);
    assert!(c
        .one("E020")
        .message
        .ends_with("by at least 2 working days"));
    insta::assert_snapshot!(c.shown());
}

#[test]
fn an_overrun_past_the_extension_says_so() {
    let c = check(&regulation(
        &format!("deadline 1 wd {{\n  extend to 2 wd \"при проведении проверки\"\n}}\n{ACTORS}"),
        r#"
step register specialist 30 min "регистрирует документы"
step review head 2 wd "рассматривает документы"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["E021", "E020"]);
    assert!(c
        .one("E020")
        .message
        .contains("over the deadline of 1 working day, 2 working days when extended, by"));
    insta::assert_snapshot!(c.shown());
}

#[test]
fn a_deadline_from_a_standard_names_it_and_a_scenario_names_its_place() {
    let standard = r#"standard std {
  service registration {
    title ru "Регистрация документов"
    deadline 1 wd
  }
}
"#;
    let source = r#"import "std.reglam"
regulation registration {
  title ru "Регистрация документов"
  implements std.registration
  actor specialist ru "специалист услугодателя"
  scenario issue {
    channel provider provider {
      step register specialist 2 wd "регистрирует документы"
      outcome issued result "результат выдан"
    }
  }
}
"#;
    let (analysis, diagnostics) = reglam_testkit::check_files(&[
        (FILE, source.as_bytes()),
        ("std.reglam", standard.as_bytes()),
    ]);
    assert_eq!(reglam_testkit::codes(&diagnostics), ["E021", "E020"]);
    let overrun = &diagnostics[1];
    assert!(
        overrun.secondary.is_empty(),
        "the deadline is in another file"
    );
    assert_eq!(
        overrun.message,
        "in regulation `registration`, scenario `issue`, channel `provider`, the path to \
         `issued` takes 2 working days, over the deadline of 1 working day (from \
         std.registration) by 1 working day"
    );
    insta::assert_snapshot!(format!(
        "{source}\n----\n{}",
        reglam_testkit::render(&analysis, &diagnostics)
    ));
}

#[test]
fn a_step_longer_than_the_deadline_is_pointed_at() {
    let c = check(&regulation(
        &format!("deadline 5 wd\n{SPECIALIST}"),
        r#"
step register specialist 30 min "регистрирует документы"
step review specialist 10 wd "рассматривает документы"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["E021", "E020"]);
    assert_eq!(c.at("E021")[0].0, 7, "on the step's line");
    insta::assert_snapshot!(c.shown());
}

#[test]
fn sub_deadlines_longer_than_the_deadline() {
    let c = check(&regulation(
        &format!("deadline 5 wd\n{SPECIALIST}"),
        r#"
step register specialist 30 min "регистрирует документы"
step review specialist 2 wd "рассматривает документы"
due review 7 wd
due register before-deadline 5 wd
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["E022", "E022"]);
    assert_eq!(
        c.at("E022").iter().map(|a| a.2).collect::<Vec<_>>(),
        ["due review 7 wd", "due register before-deadline 5 wd"]
    );
    insta::assert_snapshot!(c.shown());
}

#[test]
fn a_path_over_a_sub_deadline() {
    let c = check(&regulation(
        &format!("deadline 5 wd\n{ACTORS}"),
        r#"
step register specialist 30 min "регистрирует документы"
step forward specialist 1 h "направляет документы руководителю"
due forward 1 h
step review head 1 h "рассматривает документы"
due review before-deadline 39 h
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["E023", "E023"]);
    insta::assert_snapshot!(c.shown());
}

#[test]
fn no_deadline_and_no_result() {
    let c = check(&regulation(
        ACTORS,
        r#"
step register specialist 30 min "регистрирует документы"
step sign head 30 min "подписывает"
outcome issued other "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["W050", "W060"]);
    assert_eq!(c.at("W050"), c.at("W060"), "both point at the channel");
    insta::assert_snapshot!(c.shown());
}

#[test]
fn calendar_time_needs_a_calendar_and_says_why() {
    let source = r#"regulation registration {
  title ru "Регистрация документов"
  actor specialist ru "специалист услугодателя"
  scenario calendar {
    deadline 5 cd
    channel provider provider {
      step review specialist 3 wd "рассматривает документы"
      outcome issued result "результат выдан"
    }
  }
  scenario months {
    deadline 1 month
    channel provider provider {
      step review specialist 30 cd "рассматривает документы"
      outcome issued result "результат выдан"
    }
  }
  scenario receipt {
    deadline 1 wd {
      receipt-day excluded
    }
    channel provider provider {
      step review specialist 9 h "рассматривает документы"
      outcome issued result "результат выдан"
    }
  }
  scenario mixed {
    deadline 2 wd
    channel provider provider {
      step review specialist 3 cd "рассматривает документы"
      outcome issued result "результат выдан"
    }
  }
}
"#;
    let c = check(source);
    assert_eq!(c.codes(), ["W051", "W051", "W051", "W051"]);
    let helps: Vec<&str> = c.diagnostics.iter().map(|d| d.help.as_str()).collect();
    assert!(helps[0].starts_with("The path is in working time and the deadline in calendar"));
    assert!(helps[1].starts_with("Months have 28 to 31 days"));
    assert!(helps[2].starts_with("The path is longer than the deadline but within the uncounted"));
    assert!(helps[3].starts_with("The path mixes calendar days or months"));
    insta::assert_snapshot!(c.shown());
}

#[test]
fn a_path_that_fits_only_the_extension() {
    let c = check(&regulation(
        &format!("deadline 5 wd {{\n  extend to 10 wd \"при проведении проверки\"\n}}\n{ACTORS}"),
        r#"
step register specialist 30 min "регистрирует документы"
step review head 3 wd "рассматривает документы"
step prepare specialist 3 wd "оформляет результат"
outcome issued result "результат выдан"
"#,
    ));
    assert_eq!(c.codes(), ["W052"]);
    insta::assert_snapshot!(c.shown());
}

/// Figures near `u64::MAX` in every unit, on the deadline and on the steps, with the receipt
/// day excluded: the comparison saturates (a debug build panicked adding the receipt day).
#[test]
fn deadlines_near_the_largest_figure_do_not_overflow() {
    let max = u64::MAX;
    for deadline_unit in ["min", "wd", "cd", "month"] {
        for step_unit in ["min", "h", "wd", "cd", "month"] {
            let source = format!(
                "regulation reg {{\n  title ru \"Р\"\n  form paper\n  deadline {max} {deadline_unit} {{\n    receipt-day excluded\n  }}\n  actor a ru \"а\"\n  channel provider provider {{\n    step s1 a {max} min\n    step s2 a {max} {step_unit}\n    outcome issued result \"выдано\"\n  }}\n}}\n"
            );
            let c = check(&source);
            assert!(
                !c.codes().contains(&"E001"),
                "{deadline_unit}/{step_unit}: {:?}",
                c.codes()
            );
        }
    }
}
