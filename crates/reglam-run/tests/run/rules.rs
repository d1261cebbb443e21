//! Deadline rules and replays on small regulations.

use crate::support::{at, channel, text};
use reglam_calendar::Calendar;
use reglam_run::{
    audit, parse_events, replay, run_worst_case, CutRounds, Machine, ReturnsCut, RunError, Verdict,
    RETURN_ROUNDS_WALKED,
};

const SRC: &str = r#"
regulation rules {
  title ru "Пример"
  deadline 5 wd {
    receipt-day excluded
    extend 2 wd "когда нужно"
  }
  actor s ru "специалист"
  channel state_corp state-corporation {
    step review s 1 wd "рассматривает"
    rework back s "возвращает на доработку" -> review {
      max 1 times
      takes 2 wd
      clock paused
    }
    step issue s 1 h "выдает"
    outcome done result
  }
}
"#;

#[test]
fn receipt_day_not_counted_and_clock_paused() {
    let a = text(SRC);
    let m = Machine::compile(channel(&a, "state_corp")).unwrap();
    let cal = Calendar::kazakhstan();
    let t = run_worst_case(&m, &cal, at("2026-03-20T17:30")).unwrap();
    let d = t.deadline.as_ref().unwrap();
    // 26, 27, 30, 31 March, 1 April, then 2 wd of pause: 3 April 18:00.
    assert_eq!(d.at, at("2026-04-03T18:00"));
    assert_eq!(d.paused_minutes, 960);
    // review to Thu 26 17:30, away to Mon 30 17:30, review to Tue 31 17:30, issue 1 h.
    assert_eq!(t.reached.as_ref().unwrap().at, at("2026-04-01T09:30"));
    assert!(matches!(t.verdict, Verdict::InTime { .. }));
    assert_eq!(d.extensions[0].at, at("2026-04-07T18:00"));
}

#[test]
fn replay_checks_order_and_names() {
    let a = text(SRC);
    let m = Machine::compile(channel(&a, "state_corp")).unwrap();
    let cal = Calendar::kazakhstan();
    let ev = parse_events("{\"step\": \"nope\", \"finished\": \"2026-03-26T10:00\"}\n").unwrap();
    let e = replay(&m, &cal, at("2026-03-20T17:30"), &ev).unwrap_err();
    assert!(matches!(e, RunError::Event { line: 1, .. }), "{e}");
    let ev = parse_events(
        "{\"step\": \"review\", \"finished\": \"2026-03-26T10:00\"}\n\n{\"step\": \"review\", \"finished\": \"2026-03-26T11:00\"}\n",
    )
    .unwrap();
    let e = replay(&m, &cal, at("2026-03-20T17:30"), &ev).unwrap_err();
    assert!(matches!(e, RunError::Event { line: 3, .. }), "{e}");
    // A late step is a breach; the case still ends in time.
    let ev = parse_events(
        "{\"step\": \"review\", \"finished\": \"2026-03-27T10:00\"}\n{\"step\": \"issue\", \"finished\": \"2026-03-27T11:00\"}\n",
    )
    .unwrap();
    let t = replay(&m, &cal, at("2026-03-20T17:30"), &ev).unwrap();
    assert!(t.entries[0].breach);
    assert!(!t.entries[1].breach);
    assert!(matches!(t.verdict, Verdict::InTime { .. }));
    // A second return is more than allowed.
    let ev = parse_events(
        "{\"step\": \"review\", \"finished\": \"2026-03-26T10:00\"}\n{\"step\": \"back\", \"outcome\": \"return\", \"finished\": \"2026-03-27T10:00\"}\n{\"step\": \"review\", \"finished\": \"2026-03-27T11:00\"}\n{\"step\": \"back\", \"outcome\": \"return\", \"finished\": \"2026-03-30T10:00\"}\n",
    )
    .unwrap();
    let e = replay(&m, &cal, at("2026-03-20T17:30"), &ev).unwrap_err();
    assert!(matches!(e, RunError::Event { line: 4, .. }), "{e}");
}

#[test]
fn a_year_without_data_is_an_error() {
    let a = text(SRC);
    let m = Machine::compile(channel(&a, "state_corp")).unwrap();
    let e = run_worst_case(&m, &Calendar::kazakhstan(), at("2030-01-10T10:00")).unwrap_err();
    assert!(e.to_string().contains("2030"), "{e}");
}

const PAR: &str = r#"
regulation par {
  title ru "Пример"
  deadline 3 wd
  actor s ru "специалист"
  channel state_corp state-corporation {
    step intake s 1 h "принимает"
    parallel both {
      branch { step long s 2 wd "рассматривает" }
      branch { step short s 2 h "запрашивает" }
    }
    step send s 1 h "направляет"
    step issue s 30 min "выдает"
    due send before-deadline 1 wd
    outcome done result
  }
}
"#;

#[test]
fn forks_run_together_and_sub_deadlines_apply() {
    let a = text(PAR);
    let m = Machine::compile(channel(&a, "state_corp")).unwrap();
    let cal = Calendar::kazakhstan();
    let t = run_worst_case(&m, &cal, at("2026-03-16T09:00")).unwrap();
    let steps: Vec<&str> = t.entries.iter().map(|e| e.step.as_str()).collect();
    assert!(
        steps.contains(&"long") && steps.contains(&"short"),
        "{steps:?}"
    );
    let find = |id: &str| t.entries.iter().find(|e| e.step == id).unwrap();
    // Both branches start after intake; the join waits for the longer one.
    assert_eq!(find("short").start, find("long").start);
    assert_eq!(find("send").start, find("long").end.unwrap());
    // Deadline: Mon 16 09:00 + 3 wd = Wed 18 18:00; send is due 1 wd earlier, Tue 17
    // 18:00, but ends Wed 18 11:00: a breach, though the case ends in time.
    assert_eq!(t.deadline.as_ref().unwrap().at, at("2026-03-18T18:00"));
    assert_eq!(find("send").due, Some(at("2026-03-17T18:00")));
    assert!(find("send").breach);
    assert!(matches!(t.verdict, Verdict::InTime { .. }));
}

#[test]
fn replay_waits_at_the_join_for_every_branch() {
    let a = text(PAR);
    let m = Machine::compile(channel(&a, "state_corp")).unwrap();
    let cal = Calendar::kazakhstan();
    let ev = parse_events(
        "{\"step\": \"intake\", \"finished\": \"2026-03-16T10:00\"}\n{\"step\": \"short\", \"finished\": \"2026-03-16T11:00\"}\n{\"step\": \"send\", \"finished\": \"2026-03-16T12:00\"}\n",
    )
    .unwrap();
    // `send` cannot finish while `long` is under way.
    let e = replay(&m, &cal, at("2026-03-16T09:00"), &ev).unwrap_err();
    assert!(matches!(e, RunError::Event { line: 3, .. }), "{e}");
    let ev = parse_events(
        "{\"step\": \"intake\", \"finished\": \"2026-03-16T10:00\"}\n{\"step\": \"short\", \"finished\": \"2026-03-16T11:00\"}\n{\"step\": \"long\", \"finished\": \"2026-03-17T10:00\"}\n{\"step\": \"send\", \"finished\": \"2026-03-17T11:00\"}\n{\"step\": \"issue\", \"finished\": \"2026-03-17T11:30\"}\n",
    )
    .unwrap();
    let t = replay(&m, &cal, at("2026-03-16T09:00"), &ev).unwrap();
    let send = t.entries.iter().find(|e| e.step == "send").unwrap();
    assert_eq!(send.start, at("2026-03-17T10:00"));
    assert_eq!(t.reached.as_ref().unwrap().at, at("2026-03-17T11:30"));
    assert!(matches!(t.verdict, Verdict::InTime { .. }));
}

/// The calendar's last year can be audited: submissions whose worst case runs into the next
/// year (which has no data) are cut and reported, by either method, instead of failing the
/// whole audit; a year before it is audited whole.
#[test]
fn the_calendars_last_year_is_audited_up_to_what_runs_past_it() {
    let cal = Calendar::kazakhstan();
    let last = (2015..2100)
        .take_while(|y| cal.year(*y).is_ok())
        .last()
        .expect("a year of data");
    let calendar_days = SRC.replace("deadline 5 wd {", "deadline 10 cd {");
    for (src, method) in [(SRC.to_string(), "per-day"), (calendar_days, "minute-scan")] {
        let a = text(&src);
        let m = Machine::compile(channel(&a, "state_corp")).unwrap();
        let from = chrono::NaiveDate::from_ymd_opt(last, 12, 1).unwrap();
        let to = chrono::NaiveDate::from_ymd_opt(last, 12, 31).unwrap();
        let r = audit(&m, &cal, from, to).expect("the last year is audited");
        assert_eq!(r.method, method);
        let cut = r.unaudited.as_ref().expect("the end of the year is cut");
        assert_eq!(cut.year, last + 1);
        assert_eq!(chrono::Datelike::year(&cut.from), last);
        assert!(cut.minutes > 0 && r.checked_minutes > 0);
        let (from0, to0) = (
            chrono::NaiveDate::from_ymd_opt(last - 1, 12, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(last - 1, 12, 31).unwrap(),
        );
        let whole = audit(&m, &cal, from0, to0).expect("the year before is audited");
        assert!(whole.unaudited.is_none());
        let per_day = cal.hours().minutes_per_day() as u64;
        assert_eq!((r.checked_minutes + cut.minutes) % per_day, 0);
    }
}

/// A return for rework bounded only by a huge `max N times`.
fn reworked(step: &str, times: u64) -> String {
    format!(
        "regulation rw {{\n  title ru \"Пример\"\n  deadline 5 wd\n  actor s ru \"специалист\"\n  channel state_corp state-corporation {{\n    {step}\n    rework back s \"возвращает\" -> review {{\n      max {times} times\n    }}\n    outcome done result\n  }}\n}}\n"
    )
}

/// `max 10000000 times` on a step without a duration: the worst case walked every round (out
/// of memory); rounds that take no time are cut after the first, and rounds that take time
/// after a fixed number, both reported. The work is measured by the timeline's length at
/// two sizes: it must not grow with `max`.
#[test]
fn returns_for_rework_are_bounded_and_what_is_cut_is_reported() {
    let cal = Calendar::kazakhstan();
    let entries = |step: &str, times: u64| {
        let a = text(&reworked(step, times));
        let m = Machine::compile(channel(&a, "state_corp")).unwrap();
        run_worst_case(&m, &cal, at("2026-03-20T10:00")).map(|t| (t.entries.len(), t.returns_cut))
    };
    let (small, _) = entries("step review s", 1_000).unwrap();
    let (large, cut) = entries("step review s", 20_000).unwrap();
    assert_eq!(small, large, "the timeline grows with `max`");
    assert_eq!(
        cut,
        vec![ReturnsCut {
            rework: "back".into(),
            walked: 1,
            skipped: 19_999,
            how: CutRounds::TakeNoTime,
        }]
    );
    assert!(entries("step review s", 10_000_000).is_ok());
    // Rounds that take time: walked up to the bound, the rest in one stride (which here runs
    // past the calendar's data: an error, not a hang).
    let (small, _) = entries("step review s 1 min", 2_000).unwrap();
    let (large, cut) = entries("step review s 1 min", 20_000).unwrap();
    assert_eq!(small, large);
    assert_eq!(cut[0].walked, RETURN_ROUNDS_WALKED);
    assert_eq!(cut[0].how, CutRounds::InOneStride);
    assert!(matches!(
        entries("step review s 1 min", 10_000_000),
        Err(RunError::Calendar(_))
    ));
}
