//! Cross-check of the built-in data against the Python `holidays` package,
//! day by day for 2015–2025.
//!
//! Runs `python3 tests/calendar/holidays_dump.py` (workspace root), which
//! needs the package pinned in `tests/requirements.txt`. A day on which the
//! package and the data disagree fails the test unless the year file lists
//! it in a `[[disagreement]]` entry citing the act that settles it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;

use chrono::{Datelike, NaiveDate, Weekday};
use reglam_calendar::{Calendar, DayKind, PackageVerdict};

const FIRST: i32 = 2015;
const LAST: i32 = 2025;
const INSTALL: &str = "run `pip install -r tests/requirements.txt` from the workspace root";

/// The package's view of the years compared.
struct Package {
    version: String,
    holidays: BTreeMap<NaiveDate, String>,
    weekend_workdays: BTreeSet<NaiveDate>,
}

impl Package {
    fn day_off(&self, d: NaiveDate) -> bool {
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        self.holidays.contains_key(&d) || (weekend && !self.weekend_workdays.contains(&d))
    }
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn pinned_version() -> String {
    let path = workspace_root().join("tests/requirements.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .find_map(|l| l.trim().strip_prefix("holidays=="))
        .unwrap_or_else(|| panic!("{} pins no `holidays==` version", path.display()))
        .trim()
        .to_string()
}

fn run_package() -> Package {
    let script = workspace_root().join("tests/calendar/holidays_dump.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg(FIRST.to_string())
        .arg(LAST.to_string())
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 ({e}): install Python 3, then {INSTALL}"));
    if !out.status.success() {
        panic!(
            "{} failed ({}): {}\n{INSTALL}",
            script.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("the script prints JSON");
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("ISO date");
    Package {
        version: json["version"].as_str().expect("version").to_string(),
        holidays: json["holidays"]
            .as_object()
            .expect("holidays")
            .iter()
            .map(|(k, v)| (date(k), v.as_str().unwrap_or_default().to_string()))
            .collect(),
        weekend_workdays: json["weekend_workdays"]
            .as_array()
            .expect("weekend_workdays")
            .iter()
            .map(|v| date(v.as_str().expect("date")))
            .collect(),
    }
}

fn describe(kind: &DayKind<'_>) -> String {
    match kind {
        DayKind::Working => "a working day".into(),
        DayKind::Weekend => "a weekend day".into(),
        DayKind::Holiday(h) => format!("a day off ({})", h.name),
        DayKind::TransferredDayOff(d) => format!("a transferred day off ({})", d.act),
        DayKind::TransferredWorkingDay(w) => format!("a transferred working day ({})", w.act),
    }
}

/// Compares every day of `first..=last`; returns the unexplained differences
/// and the reviewed disagreements that were used.
fn compare(cal: &Calendar, pkg: &Package, first: i32, last: i32) -> (Vec<String>, Vec<String>) {
    let mut problems = Vec::new();
    let mut settled = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(first, 1, 1).unwrap();
    while d.year() <= last {
        let kind = cal.day_kind(d).unwrap_or_else(|e| panic!("{d}: {e}"));
        let ours_off = !kind.is_working();
        let pkg_off = pkg.day_off(d);
        let listed = cal
            .year(d.year())
            .unwrap()
            .disagreements()
            .iter()
            .find(|x| x.date == d);
        let pkg_says = if pkg_off {
            PackageVerdict::DayOff
        } else {
            PackageVerdict::WorkingDay
        };
        let pkg_text = match (pkg_off, pkg.holidays.get(&d)) {
            (true, Some(name)) => format!("a day off ({name})"),
            (true, None) => "a day off (weekend)".to_string(),
            (false, _) => "a working day".to_string(),
        };
        match (ours_off == pkg_off, listed) {
            (true, None) => {}
            (true, Some(_)) => problems.push(format!(
                "{d} ({}): listed as a disagreement, but the package agrees ({pkg_text}): remove the [[disagreement]] entry",
                d.weekday()
            )),
            (false, Some(x)) if x.package_says == pkg_says => {
                settled.push(format!("{d}: package says {pkg_text}; data says {} — settled by {}", describe(&kind), x.act))
            }
            (false, Some(x)) => problems.push(format!(
                "{d} ({}): the [[disagreement]] entry says the package says {:?}, but it says {pkg_text}",
                d.weekday(),
                x.package_says
            )),
            (false, None) => problems.push(format!(
                "{d} ({}): the holidays package says {pkg_text}; the data says {}",
                d.weekday(),
                describe(&kind)
            )),
        }
        d = d.succ_opt().unwrap();
    }
    (problems, settled)
}

#[test]
fn data_agrees_with_the_holidays_package_2015_2025() {
    let pkg = run_package();
    let pinned = pinned_version();
    assert_eq!(
        pkg.version, pinned,
        "python3 has holidays {} but tests/requirements.txt pins {pinned}: {INSTALL}",
        pkg.version
    );
    let cal = Calendar::kazakhstan();
    let (problems, settled) = compare(&cal, &pkg, FIRST, LAST);
    for s in &settled {
        eprintln!("reviewed disagreement: {s}");
    }
    assert!(
        problems.is_empty(),
        "{} day(s) differ from the holidays package {} without a reviewed [[disagreement]] entry:\n{}",
        problems.len(),
        pkg.version,
        problems.join("\n")
    );
}

/// The comparison itself, on made-up data: a listed disagreement is
/// accepted, an unlisted one is named, a stale one is reported.
#[test]
fn comparison_names_unreviewed_days() {
    let d = |m, day| NaiveDate::from_ymd_opt(2028, m, day).unwrap();
    let text = r#"
        year = 2028
        [[holiday]]
        date = 2028-03-08
        name = "International Women's Day"
        act = "Law No. 267-II art. 5"
        [[disagreement]]
        date = 2028-03-08
        holidays_package = "working day"
        act = "Law No. 267-II art. 5"
        note = "made up"
        [[disagreement]]
        date = 2028-03-10
        holidays_package = "working day"
        act = "A"
        note = "stale"
    "#;
    let cal = Calendar::from_sources(&[("t/2028.toml", text)]).unwrap();
    let pkg = Package {
        version: "test".into(),
        holidays: [(d(3, 9), "Invented".to_string())].into_iter().collect(),
        weekend_workdays: BTreeSet::new(),
    };
    let (problems, settled) = compare(&cal, &pkg, 2028, 2028);
    assert_eq!(settled.len(), 1, "{settled:?}");
    assert!(settled[0].starts_with("2028-03-08"));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("2028-03-09 (Thu): the holidays package says a day off (Invented); the data says a working day"));
    assert!(problems[1].starts_with("2028-03-10 (Fri): listed as a disagreement"));
}
