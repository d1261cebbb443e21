//! Running what `check` accepts: every channel of the input compiled into a state machine, run
//! at its worst on the real calendar, audited over a fortnight, and the results rendered. The
//! run must end (bounded work) and never panic, whatever the flow and its times.
#![no_main]
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use reglam_calendar::Calendar;
use reglam_run::{audit, render, run_worst_case, Machine};
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    let cal = CALENDAR.get_or_init(Calendar::kazakhstan);
    let analysis = reglam_testkit::analyse_files(&[("main.reglam", data)]);
    let from = NaiveDate::from_ymd_opt(2024, 3, 4).expect("a date");
    let to = NaiveDate::from_ymd_opt(2024, 3, 17).expect("a date");
    let submitted = from.and_hms_opt(10, 0, 0).expect("a time");
    for reg in &analysis.corpus.regulations {
        for (_, channel) in reg.channels() {
            let Ok(machine) = Machine::compile(channel) else {
                continue;
            };
            if let Ok(timeline) = run_worst_case(&machine, cal, submitted) {
                let _ = render::timeline(&timeline);
            }
            if let Ok(a) = audit(&machine, cal, from, to) {
                let _ = render::audit(&a, 20);
            }
        }
    }
});
