//! Real corpus regulations run from fixed submission times, and the audit against the
//! minute-by-minute oracle.

use crate::support::{at, channel, corpus_file};
use chrono::NaiveDate;
use reglam_calendar::Calendar;
use reglam_run::{audit, audit_brute_force, render, run_worst_case, Machine, Verdict};

fn timeline(file: &str, ch: &str, submitted: &str) -> String {
    let a = corpus_file(file);
    let m = Machine::compile(channel(&a, ch)).unwrap();
    let t = run_worst_case(&m, &Calendar::kazakhstan(), at(submitted)).unwrap();
    render::timeline(&t)
}

#[test]
fn tsa_certificate_friday_before_nauryz() {
    insta::assert_snapshot!(timeline(
        "regulations/atyrau-2015-293/11-tsa_recipient_certificate.reglam",
        "state_corp",
        "2026-03-20T17:30"
    ));
}

#[test]
fn targeted_assistance_before_new_year() {
    insta::assert_snapshot!(timeline(
        "regulations/atyrau-2015-293/06-targeted_social_assistance.reglam",
        "state_corp",
        "2025-12-31T16:00"
    ));
}

#[test]
fn semipalatinsk_registration_friday_before_nauryz() {
    insta::assert_snapshot!(timeline(
        "regulations/atyrau-2015-293/17-semipalatinsk_nuclear_tests.reglam",
        "reg_state_corp",
        "2026-03-20T17:30"
    ));
}

#[test]
fn worst_case_ends_at_the_models_worst_total() {
    // The plan's working time from a day's start equals the model's worst total.
    let a = corpus_file("regulations/atyrau-2015-293/01-oralman_status.reglam");
    let ch = channel(&a, "state_corp");
    let m = Machine::compile(ch).unwrap();
    let (_, w) = m.worst_outcome().unwrap();
    let cal = Calendar::kazakhstan();
    let s = at("2026-03-16T09:00");
    let t = run_worst_case(&m, &cal, s).unwrap();
    let end = t.reached.as_ref().unwrap().at;
    assert_eq!(
        cal.working_minutes_between(s, end).unwrap() as u64,
        w.total.working_minutes
    );
    assert!(matches!(t.verdict, Verdict::Late { .. }));
}

fn agree(file: &str, ch: &str, from: NaiveDate, to: NaiveDate) -> u64 {
    let a = corpus_file(file);
    let m = Machine::compile(channel(&a, ch)).unwrap();
    let cal = Calendar::kazakhstan();
    let fast = audit(&m, &cal, from, to).unwrap();
    let slow = audit_brute_force(&m, &cal, from, to).unwrap();
    assert_eq!(fast.method, "per-day");
    assert_eq!(fast.checked_minutes, slow.checked_minutes);
    assert_eq!(fast.late_minutes, slow.late_minutes);
    assert_eq!(fast.intervals, slow.intervals);
    fast.late_minutes
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn audit_agrees_with_the_minute_scan() {
    // Receipt day excluded, partly late each day.
    let late = agree(
        "regulations/atyrau-2015-293/06-targeted_social_assistance.reglam",
        "state_corp",
        d(2026, 3, 16),
        d(2026, 3, 31),
    );
    assert!(late > 0);
    let late = agree(
        "regulations/atyrau-2015-293/17-semipalatinsk_nuclear_tests.reglam",
        "reg_state_corp",
        d(2025, 12, 26),
        d(2026, 1, 9),
    );
    assert!(late > 0);
    // Late all day, every day: one interval across days.
    let late = agree(
        "regulations/atyrau-2015-293/01-oralman_status.reglam",
        "state_corp",
        d(2026, 3, 18),
        d(2026, 3, 27),
    );
    assert_eq!(late, 5 * 480); // 18, 19, 20, 26, 27 March
                               // Never late.
    assert_eq!(
        agree(
            "regulations/pavlodar-2015-222-8/17-tsa_recipient_certificate.reglam",
            "state_corporation",
            d(2026, 3, 18),
            d(2026, 3, 27),
        ),
        0
    );
}
