//! Unit tests on known dates of the built-in data and on the arithmetic.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, min, 0).unwrap()
}

fn kz() -> Calendar {
    Calendar::kazakhstan()
}

fn kind(cal: &Calendar, date: NaiveDate) -> String {
    match cal.day_kind(date).unwrap() {
        DayKind::Working => "working".into(),
        DayKind::Weekend => "weekend".into(),
        DayKind::Holiday(h) => format!("holiday {}", h.name),
        DayKind::TransferredDayOff(o) => match &o.cause {
            DayOffCause::HolidayOnWeekend { holiday, .. } => format!("moved from {holiday}"),
            DayOffCause::Decree { .. } => "decreed day off".into(),
        },
        DayKind::TransferredWorkingDay(_) => "decreed working day".into(),
    }
}

#[test]
fn builtin_years() {
    let cal = kz();
    assert_eq!(
        cal.years().collect::<Vec<_>>(),
        (2015..=2027).collect::<Vec<_>>()
    );
    for y in 2015..=2027 {
        let data = cal.year(y).unwrap();
        assert!(data.holidays().iter().all(|h| !h.act.is_empty()));
        assert_eq!(data.source(), format!("kz/{y}.toml"));
    }
}

#[test]
fn nauryz_2026_on_a_weekend() {
    let cal = kz();
    assert_eq!(kind(&cal, d(2026, 3, 20)), "working");
    assert_eq!(kind(&cal, d(2026, 3, 21)), "holiday Nauryz meirami");
    assert_eq!(kind(&cal, d(2026, 3, 22)), "holiday Nauryz meirami");
    assert_eq!(kind(&cal, d(2026, 3, 23)), "holiday Nauryz meirami");
    assert_eq!(kind(&cal, d(2026, 3, 24)), "moved from 2026-03-21");
    assert_eq!(kind(&cal, d(2026, 3, 25)), "moved from 2026-03-22");
    assert_eq!(kind(&cal, d(2026, 3, 26)), "working");
    assert_eq!(
        cal.next_working_day(d(2026, 3, 20)).unwrap(),
        d(2026, 3, 26)
    );
}

#[test]
fn nauryz_midweek_2023() {
    let cal = kz();
    for day in 21..=23 {
        assert!(!cal.is_working_day(d(2023, 3, day)).unwrap());
    }
    assert!(cal.is_working_day(d(2023, 3, 24)).unwrap());
}

#[test]
fn new_year_on_a_weekend() {
    let cal = kz();
    // 2017: 1 January a Sunday, 2 January a holiday anyway: the 3rd is off.
    assert_eq!(kind(&cal, d(2017, 1, 2)), "holiday New Year");
    assert_eq!(kind(&cal, d(2017, 1, 3)), "moved from 2017-01-01");
    assert!(cal.is_working_day(d(2017, 1, 4)).unwrap());
    // 2022: both days on the weekend.
    assert_eq!(kind(&cal, d(2022, 1, 3)), "moved from 2022-01-01");
    assert_eq!(kind(&cal, d(2022, 1, 4)), "moved from 2022-01-02");
    assert!(cal.is_working_day(d(2022, 1, 5)).unwrap());
    // 2026: Thursday and Friday, no transfer decree.
    assert!(cal.is_working_day(d(2026, 1, 5)).unwrap());
    assert!(!cal.is_working_day(d(2026, 1, 7)).unwrap());
}

#[test]
fn religious_days_do_not_move() {
    let cal = kz();
    // Kurban Ait 9 July 2022 was a Saturday: Monday 11 July was worked.
    assert_eq!(kind(&cal, d(2022, 7, 9)), "holiday Kurban Ait (first day)");
    assert!(cal.is_working_day(d(2022, 7, 11)).unwrap());
    // 16 June 2024, a Sunday.
    assert_eq!(kind(&cal, d(2024, 6, 16)), "holiday Kurban Ait (first day)");
    assert!(cal.is_working_day(d(2024, 6, 17)).unwrap());
    // Orthodox Christmas on Saturday 7 January 2017.
    assert!(cal.is_working_day(d(2017, 1, 9)).unwrap());
    // Kurban Ait on a weekday is a day off.
    assert!(!cal.is_working_day(d(2025, 6, 6)).unwrap());
    assert!(!cal.is_working_day(d(2026, 5, 27)).unwrap());
    match cal.day_kind(d(2026, 5, 27)).unwrap() {
        DayKind::Holiday(h) => assert!(h.religious),
        other => panic!("{other:?}"),
    }
}

#[test]
fn secular_holiday_on_a_weekend_moves() {
    let cal = kz();
    assert_eq!(
        kind(&cal, d(2025, 3, 8)),
        "holiday International Women's Day"
    );
    assert_eq!(kind(&cal, d(2025, 3, 10)), "moved from 2025-03-08");
    // 7 May 2016 was a Saturday; 9 May a holiday: the day off is the 10th.
    assert_eq!(kind(&cal, d(2016, 5, 10)), "moved from 2016-05-07");
    // 16 and 17 December 2017, Saturday and Sunday.
    assert_eq!(kind(&cal, d(2017, 12, 18)), "moved from 2017-12-16");
    assert_eq!(kind(&cal, d(2017, 12, 19)), "moved from 2017-12-17");
}

#[test]
fn decreed_transfers() {
    let cal = kz();
    assert_eq!(kind(&cal, d(2025, 1, 3)), "decreed day off");
    assert_eq!(kind(&cal, d(2025, 1, 5)), "decreed working day");
    assert!(cal.is_working_day(d(2025, 1, 5)).unwrap());
    assert_eq!(kind(&cal, d(2018, 4, 28)), "decreed working day");
    assert_eq!(kind(&cal, d(2018, 4, 30)), "decreed day off");
    // 2020: the day off moved from Victory Day (Sat 9 May) to Mon 11 May was
    // moved again by the decree to Fri 8 May; 11 May was worked.
    assert_eq!(kind(&cal, d(2020, 5, 8)), "decreed day off");
    assert_eq!(kind(&cal, d(2020, 5, 11)), "decreed working day");
    assert!(cal.is_working_day(d(2020, 5, 11)).unwrap());
    let y = cal.year(2020).unwrap();
    assert!(y.days_off().iter().any(|o| o.date == d(2020, 5, 11)));
    // The working day is listed with its act.
    let act = cal
        .day_kind(d(2022, 10, 22))
        .unwrap()
        .act()
        .unwrap()
        .to_string();
    assert!(act.contains("No. 713"), "{act}");
}

#[test]
fn changes_from_2026() {
    let cal = kz();
    // 30 August is no longer Constitution Day from 2026.
    assert_eq!(kind(&cal, d(2026, 8, 30)), "weekend");
    assert_eq!(kind(&cal, d(2026, 8, 31)), "working");
    assert_eq!(kind(&cal, d(2025, 9, 1)), "moved from 2025-08-30");
    // Constitution Day on 15 March from 2027.
    assert_eq!(kind(&cal, d(2027, 3, 15)), "holiday Constitution Day");
    assert!(cal.year(2027).unwrap().has_unverified());
    // Republic Day 2026, a Sunday, moves to Monday.
    assert_eq!(kind(&cal, d(2026, 10, 26)), "moved from 2026-10-25");
    // Republic Day from 2022, First President's Day and 17 December until 2021.
    assert!(!cal.is_working_day(d(2021, 12, 1)).unwrap());
    assert!(!cal.is_working_day(d(2021, 12, 17)).unwrap());
    assert!(cal.is_working_day(d(2022, 12, 1)).unwrap());
    assert!(cal.is_working_day(d(2021, 10, 25)).unwrap());
    assert!(!cal.is_working_day(d(2023, 10, 25)).unwrap());
}

#[test]
fn no_data_is_an_error() {
    let cal = kz();
    assert_eq!(
        cal.day_kind(d(2014, 6, 2)),
        Err(CalendarError::NoData { year: 2014 })
    );
    assert_eq!(
        cal.is_working_day(d(2028, 1, 3)),
        Err(CalendarError::NoData { year: 2028 })
    );
    assert_eq!(
        cal.next_working_day(d(2027, 12, 31)),
        Err(CalendarError::NoData { year: 2028 })
    );
    assert_eq!(
        cal.add_working_days(t(2027, 12, 30, 10, 0), 3),
        Err(CalendarError::NoData { year: 2028 })
    );
    assert_eq!(
        CalendarError::NoData { year: 2028 }.to_string(),
        "the working calendar has no data for the year 2028"
    );
}

#[test]
fn working_minutes() {
    let cal = kz();
    // Inside a span.
    assert_eq!(
        cal.add_working_minutes(t(2026, 2, 2, 9, 0), 90).unwrap(),
        t(2026, 2, 2, 10, 30)
    );
    // Reaching the end of a span stays there.
    assert_eq!(
        cal.add_working_minutes(t(2026, 2, 2, 9, 0), 240).unwrap(),
        t(2026, 2, 2, 13, 0)
    );
    assert_eq!(
        cal.add_working_minutes(t(2026, 2, 2, 9, 0), 241).unwrap(),
        t(2026, 2, 2, 14, 1)
    );
    assert_eq!(
        cal.add_working_minutes(t(2026, 2, 2, 9, 0), 480).unwrap(),
        t(2026, 2, 2, 18, 0)
    );
    // Lunch is skipped; a start in lunch begins at 14:00.
    assert_eq!(
        cal.add_working_minutes(t(2026, 2, 2, 12, 30), 60).unwrap(),
        t(2026, 2, 2, 14, 30)
    );
    assert_eq!(
        cal.add_working_minutes(t(2026, 2, 2, 13, 20), 30).unwrap(),
        t(2026, 2, 2, 14, 30)
    );
    // Before and after hours.
    assert_eq!(
        cal.add_working_minutes(t(2026, 2, 2, 7, 0), 0).unwrap(),
        t(2026, 2, 2, 9, 0)
    );
    assert_eq!(
        cal.add_working_minutes(t(2026, 2, 2, 18, 0), 10).unwrap(),
        t(2026, 2, 3, 9, 10)
    );
    // Friday evening to Monday; over Nauryz 2026.
    assert_eq!(
        cal.add_working_minutes(t(2026, 2, 6, 17, 30), 60).unwrap(),
        t(2026, 2, 9, 9, 30)
    );
    assert_eq!(
        cal.add_working_minutes(t(2026, 3, 20, 17, 30), 60).unwrap(),
        t(2026, 3, 26, 9, 30)
    );
    // Seconds are kept.
    let s = d(2026, 2, 2).and_hms_opt(10, 0, 30).unwrap();
    assert_eq!(
        cal.add_working_minutes(s, 1).unwrap(),
        d(2026, 2, 2).and_hms_opt(10, 1, 30).unwrap()
    );
}

#[test]
fn working_days() {
    let cal = kz();
    // 1 working day from Friday 17:30 is Monday 17:30.
    assert_eq!(
        cal.add_working_days(t(2026, 2, 6, 17, 30), 1).unwrap(),
        t(2026, 2, 9, 17, 30)
    );
    // The worked example of docs/calendar.md.
    assert_eq!(
        cal.add_working_days(t(2026, 3, 20, 17, 30), 5).unwrap(),
        t(2026, 4, 1, 17, 30)
    );
    // Outside hours: to the end of the n-th working day.
    assert_eq!(
        cal.add_working_days(t(2026, 2, 6, 19, 0), 1).unwrap(),
        t(2026, 2, 9, 18, 0)
    );
    assert_eq!(
        cal.add_working_days(t(2026, 2, 9, 8, 0), 2).unwrap(),
        t(2026, 2, 10, 18, 0)
    );
    // Over a decreed working Sunday: 5 January 2025 was worked.
    assert_eq!(
        cal.add_working_days(t(2024, 12, 31, 18, 0), 1).unwrap(),
        t(2025, 1, 5, 18, 0)
    );
    assert_eq!(
        cal.add_working_days(t(2024, 12, 31, 18, 0), 2).unwrap(),
        t(2025, 1, 6, 18, 0)
    );
}

#[test]
fn nth_working_day_and_counts() {
    let cal = kz();
    assert_eq!(
        cal.nth_working_day_after(d(2026, 3, 20), 1).unwrap(),
        d(2026, 3, 26)
    );
    assert_eq!(
        cal.nth_working_day_after(d(2026, 3, 20), 5).unwrap(),
        d(2026, 4, 1)
    );
    assert_eq!(
        cal.nth_working_day_after(d(2026, 3, 21), 1).unwrap(),
        d(2026, 3, 26)
    );
    assert_eq!(
        cal.nth_working_day_after(d(2026, 3, 21), 0).unwrap(),
        d(2026, 3, 26)
    );
    assert_eq!(
        cal.nth_working_day_after(d(2026, 3, 20), 0).unwrap(),
        d(2026, 3, 20)
    );
    assert_eq!(
        cal.working_day_on_or_after(d(2026, 3, 20)).unwrap(),
        d(2026, 3, 20)
    );
    // 22 weekdays less 9, 23, 24 and 25 March.
    assert_eq!(
        cal.count_working_days(d(2026, 3, 1), d(2026, 3, 31))
            .unwrap(),
        18
    );
    assert_eq!(
        cal.count_working_days(d(2026, 3, 2), d(2026, 3, 1))
            .unwrap(),
        0
    );
    // 2025: 261 weekdays, 16 of them days off, plus the worked Sunday 5 January.
    assert_eq!(
        cal.count_working_days(d(2025, 1, 1), d(2025, 12, 31))
            .unwrap(),
        246
    );
}

#[test]
fn minutes_between() {
    let cal = kz();
    assert_eq!(
        cal.working_minutes_between(t(2026, 2, 2, 9, 0), t(2026, 2, 2, 18, 0))
            .unwrap(),
        480
    );
    assert_eq!(
        cal.working_minutes_between(t(2026, 2, 2, 12, 0), t(2026, 2, 2, 15, 0))
            .unwrap(),
        120
    );
    assert_eq!(
        cal.working_minutes_between(t(2026, 2, 6, 17, 30), t(2026, 2, 9, 9, 30))
            .unwrap(),
        60
    );
    assert_eq!(
        cal.working_minutes_between(t(2026, 2, 9, 9, 30), t(2026, 2, 6, 17, 30))
            .unwrap(),
        -60
    );
    assert_eq!(
        cal.working_minutes_between(t(2026, 3, 21, 0, 0), t(2026, 3, 26, 0, 0))
            .unwrap(),
        0
    );
    // Inverse of add_working_minutes from a working moment.
    let start = t(2026, 3, 19, 11, 17);
    for m in [0, 1, 43, 480, 1000, 5000] {
        let end = cal.add_working_minutes(start, m).unwrap();
        assert_eq!(
            cal.working_minutes_between(start, end).unwrap(),
            i64::from(m)
        );
    }
}

#[test]
fn receipt_day_not_counted() {
    let cal = kz();
    let received = t(2026, 3, 20, 17, 30);
    assert_eq!(
        cal.counting_start_after_receipt(received).unwrap(),
        t(2026, 3, 26, 9, 0)
    );
    assert_eq!(
        cal.deadline_after_receipt(received, 5).unwrap(),
        t(2026, 4, 1, 18, 0)
    );
    assert_eq!(
        cal.deadline_after_receipt(received, 1).unwrap(),
        t(2026, 3, 26, 18, 0)
    );
    // Received before hours on a working day: that day is still not counted.
    assert_eq!(
        cal.counting_start_after_receipt(t(2026, 2, 2, 8, 0))
            .unwrap(),
        t(2026, 2, 3, 9, 0)
    );
    // Received on a Saturday: counting starts on Monday.
    assert_eq!(
        cal.counting_start_after_receipt(t(2026, 2, 7, 12, 0))
            .unwrap(),
        t(2026, 2, 9, 9, 0)
    );
}

#[test]
fn calendar_arithmetic() {
    assert_eq!(
        add_calendar_days(d(2026, 3, 20), 10).unwrap(),
        d(2026, 3, 30)
    );
    assert_eq!(
        add_calendar_days(d(2026, 3, 1), -1).unwrap(),
        d(2026, 2, 28)
    );
    assert_eq!(add_months(d(2026, 1, 31), 1).unwrap(), d(2026, 2, 28));
    assert_eq!(add_months(d(2028, 1, 31), 1).unwrap(), d(2028, 2, 29));
    assert_eq!(add_months(d(2026, 3, 31), -1).unwrap(), d(2026, 2, 28));
    assert_eq!(add_months(d(2026, 8, 31), 1).unwrap(), d(2026, 9, 30));
    assert_eq!(add_months(d(2026, 5, 15), 12).unwrap(), d(2027, 5, 15));
    assert_eq!(
        add_calendar_days(NaiveDate::MAX, 1),
        Err(CalendarError::OutOfRange)
    );
    // The methods need no data.
    assert_eq!(kz().add_months(d(1999, 1, 31), 1).unwrap(), d(1999, 2, 28));
    assert_eq!(
        kz().add_calendar_days(d(1999, 1, 31), 1).unwrap(),
        d(1999, 2, 1)
    );
}

#[test]
fn custom_hours() {
    let h = |x| NaiveTime::from_hms_opt(x, 0, 0).unwrap();
    let hours = WorkingHours::new(h(8), h(17), None).unwrap();
    assert_eq!(hours.minutes_per_day(), 540);
    let cal = kz().with_hours(hours);
    assert_eq!(
        cal.add_working_minutes(t(2026, 2, 2, 12, 30), 60).unwrap(),
        t(2026, 2, 2, 13, 30)
    );
    assert_eq!(
        cal.add_working_days(t(2026, 2, 6, 16, 0), 1).unwrap(),
        t(2026, 2, 9, 16, 0)
    );
    assert_eq!(WorkingHours::default().minutes_per_day(), 480);
    assert!(WorkingHours::new(h(18), h(9), None).is_err());
    assert!(WorkingHours::new(h(9), h(18), Some((h(8), h(10)))).is_err());
}

const MINI: &str = r#"
year = 2028
[[holiday]]
date = 2028-01-01  # Saturday
name = "New Year"
act = "Law No. 267-II art. 5"
[[holiday]]
date = 2028-01-02  # Sunday
name = "New Year"
act = "Law No. 267-II art. 5"
[[moved]]
date = 2028-01-03
from = 2028-01-01
act = "Law No. 267-II art. 5"
[[moved]]
date = 2028-01-04
from = 2028-01-02
act = "Law No. 267-II art. 5"
"#;

#[test]
fn a_user_year_added_to_the_builtin_data() {
    let mut sources = Calendar::builtin_sources().to_vec();
    sources.push(("my/2028.toml", MINI));
    let cal = Calendar::from_sources(&sources).unwrap();
    assert!(!cal.is_working_day(d(2028, 1, 4)).unwrap());
    assert!(cal.is_working_day(d(2028, 1, 5)).unwrap());
    assert_eq!(
        cal.next_working_day(d(2027, 12, 31)).unwrap(),
        d(2028, 1, 5)
    );
    // Or as an overlay.
    let cal = kz().overlay(Calendar::from_sources(&[("my/2028.toml", MINI)]).unwrap());
    assert!(cal.is_working_day(d(2028, 1, 5)).unwrap());
    assert!(!cal.is_working_day(d(2026, 3, 24)).unwrap());
}

#[test]
fn from_dir_reads_toml_files() {
    let dir = std::env::temp_dir().join(format!("reglam-calendar-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("2028.toml"), MINI).unwrap();
    std::fs::write(dir.join("README.txt"), "not data").unwrap();
    let cal = Calendar::from_dir(&dir).unwrap();
    assert_eq!(cal.years().collect::<Vec<_>>(), vec![2028]);
    std::fs::write(dir.join("bad.toml"), "year = \"x\"").unwrap();
    let err = Calendar::from_dir(&dir).unwrap_err().to_string();
    assert!(err.contains("bad.toml"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(matches!(
        Calendar::from_dir(&dir),
        Err(CalendarError::Io { .. })
    ));
}

fn load_err(text: &str) -> String {
    Calendar::from_sources(&[("x/2028.toml", text)])
        .unwrap_err()
        .to_string()
}

#[test]
fn malformed_data_names_file_and_entry() {
    let e = load_err("year = 2028\n[[holiday]]\ndate = 2028-01-05\nname = \"X\"\n");
    assert!(e.starts_with("x/2028.toml:") && e.contains("act"), "{e}");
    let e = load_err(
        "year = 2028\n[[holiday]]\ndate = 2028-01-05\nname = \"X\"\nact = \"A\"\ncolour = 1\n",
    );
    assert!(e.contains("colour"), "{e}");
    let e = load_err("year = 2028\n[[holiday]]\ndate = 2027-01-05\nname = \"X\"\nact = \"A\"\n");
    assert_eq!(
        e,
        "x/2028.toml: holiday #1 (2027-01-05): 2027-01-05 is not in the file's year 2028"
    );
    let e = load_err("year = 2028\n[[holiday]]\ndate = 2028-01-05\nname = \"X\"\nact = \" \"\n");
    assert!(
        e.contains("holiday #1 (2028-01-05)") && e.contains("cite"),
        "{e}"
    );
    let e = load_err(
        "year = 2028\n[[holiday]]\ndate = 2028-01-05T10:00:00\nname = \"X\"\nact = \"A\"\n",
    );
    assert!(e.contains("plain date"), "{e}");
}

#[test]
fn weekend_rule_is_checked() {
    // The moved day off is missing.
    let text = MINI.split("[[moved]]").next().unwrap();
    let e = load_err(text);
    assert!(
        e.contains("holiday #1 (2028-01-01)") && e.contains("2028-01-03"),
        "{e}"
    );
    // A moved day off on the wrong date.
    let e = load_err(&MINI.replace("date = 2028-01-04", "date = 2028-01-05"));
    assert!(
        e.contains("moved #2 (2028-01-05)") && e.contains("2028-01-04"),
        "{e}"
    );
    // Switched off for a local calendar with other rules.
    let text = format!("weekend_rule = false\n{text}");
    assert!(Calendar::from_sources(&[("x", &text)]).is_ok());
}

#[test]
fn transfers_are_checked() {
    let base = "year = 2028\n";
    let e = load_err(&format!(
        "{base}[[working_day]]\ndate = 2028-01-05\nact = \"A\"\n"
    ));
    assert!(
        e.contains("working_day #1 (2028-01-05)") && e.contains("already a working day"),
        "{e}"
    );
    let e = load_err(&format!(
        "{base}[[day_off]]\ndate = 2028-01-08\nact = \"A\"\n"
    ));
    assert!(e.contains("already a day off"), "{e}");
    let e = load_err(&format!(
        "{base}[[day_off]]\ndate = 2028-01-07\ninstead_of = 2028-01-08\nact = \"A\"\n"
    ));
    assert!(e.contains("no [[working_day]] for 2028-01-08"), "{e}");
    let ok = format!(
        "{base}[[day_off]]\ndate = 2028-01-07\ninstead_of = 2028-01-08\nact = \"A\"\n\
         [[working_day]]\ndate = 2028-01-08\ninstead_of = 2028-01-07\nact = \"A\"\n"
    );
    let cal = Calendar::from_sources(&[("x", &ok)]).unwrap();
    assert!(cal.is_working_day(d(2028, 1, 8)).unwrap());
    assert!(!cal.is_working_day(d(2028, 1, 7)).unwrap());
    let e = load_err(&format!("{base}[[disagreement]]\ndate = 2028-01-07\nholidays_package = \"maybe\"\nact = \"A\"\nnote = \"n\"\n"));
    assert!(e.contains("disagreement #1"), "{e}");
}

#[test]
fn duplicate_year() {
    let e = Calendar::from_sources(&[("a.toml", MINI), ("b.toml", MINI)]).unwrap_err();
    assert_eq!(
        e,
        CalendarError::DuplicateYear {
            year: 2028,
            first: "a.toml".into(),
            second: "b.toml".into()
        }
    );
}

#[test]
fn every_data_file_is_built_in() {
    // A year file added to data/kz but not to BUILTIN would be silently unused.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/kz");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| format!("kz/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|n| n.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let built_in: Vec<String> = Calendar::builtin_sources()
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    assert_eq!(on_disk, built_in);
}
