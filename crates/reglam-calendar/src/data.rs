//! The year files: their schema, and the checks run when one is loaded.
//!
//! Parsing is pure (text in, [`YearData`] out) so that the calendar can be
//! built from embedded data, from a directory, or from strings in tests.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;

use crate::error::{CalendarError, Result};

/// A public holiday or a religious day off, on its own date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
    /// Citation of the act that makes this date a day off.
    pub act: String,
    /// Religious days off (Orthodox Christmas, Kurban Ait) are not moved to
    /// the next working day when they fall on a weekend.
    pub religious: bool,
    pub note: Option<String>,
    /// The fact could not be checked against a primary source.
    pub unverified: bool,
}

/// Why a weekday is a day off although it is no holiday.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayOffCause {
    /// A secular holiday fell on a Saturday or Sunday, and the law moves the
    /// day off to the next working day.
    HolidayOnWeekend { holiday: NaiveDate, name: String },
    /// A decree made this weekday a day off, usually in exchange for a
    /// working weekend day (`instead_of`).
    Decree { instead_of: Option<NaiveDate> },
}

/// A weekday that is a day off: a transferred day off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayOff {
    pub date: NaiveDate,
    pub cause: DayOffCause,
    pub act: String,
    pub note: Option<String>,
    pub unverified: bool,
}

/// A day that would be a day off (a Saturday, a Sunday, or a moved day off)
/// but that a decree made a working day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingDay {
    pub date: NaiveDate,
    /// The day off given in exchange, if the act names one.
    pub instead_of: Option<NaiveDate>,
    pub act: String,
    pub note: Option<String>,
    pub unverified: bool,
}

/// What the Python `holidays` package says about a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackageVerdict {
    DayOff,
    WorkingDay,
}

/// A reviewed day on which this data and the Python `holidays` package
/// disagree, with the act that settles it in favour of this data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub date: NaiveDate,
    pub package_says: PackageVerdict,
    pub act: String,
    pub note: String,
}

/// The resolved meaning of a date that has an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Entry {
    Holiday(Holiday),
    DayOff(DayOff),
    WorkingDay(WorkingDay),
}

/// One loaded year file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearData {
    year: i32,
    source: String,
    country: Option<String>,
    notes: Vec<String>,
    /// Final meaning of each special date (a decree's working day overrides a
    /// moved day off on the same date).
    pub(crate) days: BTreeMap<NaiveDate, Entry>,
    holidays: Vec<Holiday>,
    days_off: Vec<DayOff>,
    working_days: Vec<WorkingDay>,
    disagreements: Vec<Disagreement>,
}

impl YearData {
    pub fn year(&self) -> i32 {
        self.year
    }
    /// Name of the source it was loaded from (a file name).
    pub fn source(&self) -> &str {
        &self.source
    }
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }
    /// Free-text notes of the file (what changed, what is unverified).
    pub fn notes(&self) -> &[String] {
        &self.notes
    }
    /// The holidays and religious days off, by date.
    pub fn holidays(&self) -> &[Holiday] {
        &self.holidays
    }
    /// Transferred days off (moved and decreed), by date, including a moved
    /// day off that a decree then made a working day.
    pub fn days_off(&self) -> &[DayOff] {
        &self.days_off
    }
    /// Days made working by a decree, by date.
    pub fn working_days(&self) -> &[WorkingDay] {
        &self.working_days
    }
    /// Reviewed disagreements with the Python `holidays` package.
    pub fn disagreements(&self) -> &[Disagreement] {
        &self.disagreements
    }
    /// Whether any entry is marked unverified.
    pub fn has_unverified(&self) -> bool {
        self.holidays.iter().any(|h| h.unverified)
            || self.days_off.iter().any(|d| d.unverified)
            || self.working_days.iter().any(|w| w.unverified)
    }
}

// ---- the TOML schema ----

type TomlDate = toml::value::Datetime;

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    year: i32,
    country: Option<String>,
    #[serde(default)]
    notes: Vec<String>,
    /// Check that holidays on a weekend have their moved day off listed.
    #[serde(default = "yes")]
    weekend_rule: bool,
    #[serde(default)]
    holiday: Vec<RawHoliday>,
    #[serde(default)]
    moved: Vec<RawMoved>,
    #[serde(default)]
    day_off: Vec<RawDecree>,
    #[serde(default)]
    working_day: Vec<RawDecree>,
    #[serde(default)]
    disagreement: Vec<RawDisagreement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    date: TomlDate,
    name: String,
    act: String,
    #[serde(default)]
    religious: bool,
    note: Option<String>,
    #[serde(default)]
    unverified: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMoved {
    date: TomlDate,
    from: TomlDate,
    act: String,
    note: Option<String>,
    #[serde(default)]
    unverified: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDecree {
    date: TomlDate,
    instead_of: Option<TomlDate>,
    act: String,
    note: Option<String>,
    #[serde(default)]
    unverified: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDisagreement {
    date: TomlDate,
    holidays_package: String,
    act: String,
    note: String,
}

/// Saturday and Sunday: the five-day week.
pub(crate) fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Builds the errors of one source, naming its entries.
struct Ctx<'a> {
    source: &'a str,
}

impl Ctx<'_> {
    fn err(&self, entry: impl Into<String>, message: impl Into<String>) -> CalendarError {
        CalendarError::Invalid {
            source: self.source.to_string(),
            entry: entry.into(),
            message: message.into(),
        }
    }

    fn date(&self, entry: &str, field: &str, v: &TomlDate) -> Result<NaiveDate> {
        let bad = || {
            self.err(
                entry,
                format!("`{field}` must be a plain date such as 2026-03-21, not {v}"),
            )
        };
        if v.time.is_some() || v.offset.is_some() {
            return Err(bad());
        }
        let d = v.date.ok_or_else(bad)?;
        NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            .ok_or_else(bad)
    }

    fn act(&self, entry: &str, act: &str) -> Result<String> {
        if act.trim().is_empty() {
            return Err(self.err(entry, "`act` must cite the act that sets this entry"));
        }
        Ok(act.to_string())
    }
}

fn label(kind: &str, index: usize, date: &TomlDate) -> String {
    format!("{kind} #{} ({date})", index + 1)
}

/// The moved days off that the weekend rule requires: each secular holiday
/// on a Saturday or Sunday, taken in date order, gives the first following
/// weekday that is neither a holiday nor already given to another holiday.
pub(crate) fn weekend_moves(holidays: &[Holiday]) -> Vec<(NaiveDate, NaiveDate)> {
    let holiday_dates: BTreeSet<NaiveDate> = holidays.iter().map(|h| h.date).collect();
    let mut taken = BTreeSet::new();
    let mut sorted: Vec<&Holiday> = holidays.iter().collect();
    sorted.sort_by_key(|h| h.date);
    let mut out = Vec::new();
    for h in sorted {
        if h.religious || !is_weekend(h.date) {
            continue;
        }
        let mut c = h.date + Duration::days(1);
        while is_weekend(c) || holiday_dates.contains(&c) || taken.contains(&c) {
            c += Duration::days(1);
        }
        taken.insert(c);
        out.push((h.date, c));
    }
    out
}

/// Parses and checks one year file. `source` names it in errors.
pub fn parse_year(source: &str, text: &str) -> Result<YearData> {
    let raw: RawYear = toml::from_str(text).map_err(|e| CalendarError::Parse {
        source: source.to_string(),
        message: e.to_string().trim_end().to_string(),
    })?;
    let cx = Ctx { source };
    let year = raw.year;
    let in_year = |entry: &str, d: NaiveDate| -> Result<()> {
        if d.year() != year {
            return Err(cx.err(entry, format!("{d} is not in the file's year {year}")));
        }
        Ok(())
    };

    // Every date has at most one entry, except that a decree's working day
    // may cancel a moved day off: `taken` tracks the first entry per date.
    let mut taken: BTreeMap<NaiveDate, String> = BTreeMap::new();
    let mut claim = |entry: &str, d: NaiveDate| -> Result<()> {
        if let Some(prev) = taken.get(&d) {
            return Err(cx.err(entry, format!("{d} already has an entry: {prev}")));
        }
        taken.insert(d, entry.to_string());
        Ok(())
    };

    let mut holidays = Vec::new();
    for (i, h) in raw.holiday.iter().enumerate() {
        let e = label("holiday", i, &h.date);
        let date = cx.date(&e, "date", &h.date)?;
        in_year(&e, date)?;
        if h.name.trim().is_empty() {
            return Err(cx.err(&e, "`name` is empty"));
        }
        claim(&e, date)?;
        holidays.push(Holiday {
            date,
            name: h.name.clone(),
            act: cx.act(&e, &h.act)?,
            religious: h.religious,
            note: h.note.clone(),
            unverified: h.unverified,
        });
    }
    holidays.sort_by_key(|h| h.date);

    // Moved days off: each must be the one the weekend rule gives.
    let expected: BTreeMap<NaiveDate, NaiveDate> = weekend_moves(&holidays).into_iter().collect();
    let mut moved_from = BTreeSet::new();
    let mut days_off = Vec::new();
    for (i, m) in raw.moved.iter().enumerate() {
        let e = label("moved", i, &m.date);
        let date = cx.date(&e, "date", &m.date)?;
        let from = cx.date(&e, "from", &m.from)?;
        in_year(&e, date)?;
        let Some(h) = holidays.iter().find(|h| h.date == from) else {
            return Err(cx.err(&e, format!("`from` = {from} is not a holiday of this file")));
        };
        if is_weekend(date) {
            return Err(cx.err(
                &e,
                format!(
                    "{date} is a {}: a moved day off must be a weekday",
                    date.weekday()
                ),
            ));
        }
        if raw.weekend_rule {
            match expected.get(&from) {
                None if h.religious => {
                    return Err(cx.err(
                        &e,
                        format!(
                            "{from} ({}) is a religious day off, which is not moved",
                            h.name
                        ),
                    ))
                }
                None => {
                    return Err(cx.err(
                        &e,
                        format!("{from} ({}) is not on a weekend; nothing is moved", h.name),
                    ))
                }
                Some(want) if *want != date => {
                    return Err(cx.err(
                        &e,
                        format!(
                        "the weekend rule moves the day off for {from} to {want}, not to {date}"
                    ),
                    ))
                }
                Some(_) => {}
            }
        }
        if !moved_from.insert(from) {
            return Err(cx.err(&e, format!("the day off for {from} is moved twice")));
        }
        claim(&e, date)?;
        days_off.push(DayOff {
            date,
            cause: DayOffCause::HolidayOnWeekend {
                holiday: from,
                name: h.name.clone(),
            },
            act: cx.act(&e, &m.act)?,
            note: m.note.clone(),
            unverified: m.unverified,
        });
    }
    if raw.weekend_rule {
        for (from, want) in &expected {
            if !moved_from.contains(from) {
                let (i, h) = holidays
                    .iter()
                    .enumerate()
                    .find(|(_, h)| h.date == *from)
                    .expect("expected moves come from holidays");
                return Err(cx.err(
                    format!("holiday #{} ({from})", i + 1),
                    format!(
                        "{} falls on a {}; the weekend rule makes {want} a day off: add [[moved]] date = {want}, from = {from} (or set weekend_rule = false)",
                        h.name,
                        from.weekday()
                    ),
                ));
            }
        }
    }
    let moved_dates: BTreeSet<NaiveDate> = days_off.iter().map(|d| d.date).collect();

    // Decreed days off: weekdays that would otherwise be worked.
    for (i, d) in raw.day_off.iter().enumerate() {
        let e = label("day_off", i, &d.date);
        let date = cx.date(&e, "date", &d.date)?;
        in_year(&e, date)?;
        if is_weekend(date) {
            return Err(cx.err(
                &e,
                format!("{date} is a {} and already a day off", date.weekday()),
            ));
        }
        claim(&e, date)?;
        let instead_of = d
            .instead_of
            .as_ref()
            .map(|v| cx.date(&e, "instead_of", v))
            .transpose()?;
        days_off.push(DayOff {
            date,
            cause: DayOffCause::Decree { instead_of },
            act: cx.act(&e, &d.act)?,
            note: d.note.clone(),
            unverified: d.unverified,
        });
    }
    days_off.sort_by_key(|d| d.date);

    // Decreed working days: days that would otherwise be off.
    let mut working_days = Vec::new();
    for (i, w) in raw.working_day.iter().enumerate() {
        let e = label("working_day", i, &w.date);
        let date = cx.date(&e, "date", &w.date)?;
        in_year(&e, date)?;
        if holidays.iter().any(|h| h.date == date) {
            return Err(cx.err(
                &e,
                format!("{date} is a holiday and cannot be made a working day"),
            ));
        }
        let cancels_move = moved_dates.contains(&date);
        if !is_weekend(date) && !cancels_move {
            return Err(cx.err(
                &e,
                format!("{date} is a {} and already a working day", date.weekday()),
            ));
        }
        if !cancels_move {
            claim(&e, date)?;
        } else if working_days.iter().any(|x: &WorkingDay| x.date == date) {
            return Err(cx.err(&e, format!("{date} is listed twice")));
        }
        let instead_of = w
            .instead_of
            .as_ref()
            .map(|v| cx.date(&e, "instead_of", v))
            .transpose()?;
        working_days.push(WorkingDay {
            date,
            instead_of,
            act: cx.act(&e, &w.act)?,
            note: w.note.clone(),
            unverified: w.unverified,
        });
    }
    working_days.sort_by_key(|w| w.date);

    // A decree's pair must be complete when both halves are in this year.
    for d in &days_off {
        if let DayOffCause::Decree {
            instead_of: Some(w),
        } = d.cause
        {
            if w.year() == year && !working_days.iter().any(|x| x.date == w) {
                return Err(cx.err(
                    format!("day_off ({})", d.date),
                    format!("it is given instead of {w}, but there is no [[working_day]] for {w}"),
                ));
            }
        }
    }
    for w in &working_days {
        if let Some(off) = w.instead_of {
            let ok = days_off
                .iter()
                .any(|d| d.date == off && matches!(d.cause, DayOffCause::Decree { .. }));
            if off.year() == year && !ok {
                return Err(cx.err(
                    format!("working_day ({})", w.date),
                    format!("it is worked instead of {off}, but there is no [[day_off]] for {off}"),
                ));
            }
        }
    }

    let mut disagreements = Vec::new();
    for (i, d) in raw.disagreement.iter().enumerate() {
        let e = label("disagreement", i, &d.date);
        let date = cx.date(&e, "date", &d.date)?;
        in_year(&e, date)?;
        let package_says = match d.holidays_package.as_str() {
            "day off" => PackageVerdict::DayOff,
            "working day" => PackageVerdict::WorkingDay,
            other => {
                return Err(cx.err(
                    &e,
                    format!(
                        "`holidays_package` must be \"day off\" or \"working day\", not {other:?}"
                    ),
                ))
            }
        };
        if d.note.trim().is_empty() {
            return Err(cx.err(&e, "`note` must explain the disagreement"));
        }
        disagreements.push(Disagreement {
            date,
            package_says,
            act: cx.act(&e, &d.act)?,
            note: d.note.clone(),
        });
    }

    let mut days = BTreeMap::new();
    for h in &holidays {
        days.insert(h.date, Entry::Holiday(h.clone()));
    }
    for d in &days_off {
        days.insert(d.date, Entry::DayOff(d.clone()));
    }
    // Last, so that a working day overrides the moved day off it cancels.
    for w in &working_days {
        days.insert(w.date, Entry::WorkingDay(w.clone()));
    }

    Ok(YearData {
        year,
        source: source.to_string(),
        country: raw.country,
        notes: raw.notes,
        days,
        holidays,
        days_off,
        working_days,
        disagreements,
    })
}
