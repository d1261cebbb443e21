//! Snapshot tables, for reviewing many forms at a glance.

use reglam_numerals::ru::{self, Case, Gender};
use reglam_numerals::{kk, Unit};

fn row(n: u64) -> String {
    format!(
        "{n:>7} | {} | {} | {} | {} | {}",
        ru::cardinal(n, Gender::Masculine),
        ru::cardinal(n, Gender::Feminine),
        ru::cardinal_in(n, Gender::Masculine, Case::Genitive),
        ru::cardinal_in(n, Gender::Masculine, Case::Instrumental),
        kk::cardinal(n),
    )
}

#[test]
fn table_1_to_30() {
    let rows: Vec<String> = (1..=30).map(row).collect();
    insta::assert_snapshot!(rows.join("\n"));
}

#[test]
fn table_larger_numbers() {
    let numbers = [
        40, 50, 90, 99, 100, 101, 111, 112, 120, 121, 200, 300, 345, 400, 580, 999, 1000, 1001,
        1011, 1100, 1999, 2000, 2022, 4004, 5000, 11_000, 21_000, 22_000, 100_000, 101_000,
        999_999, 1_000_000, 2_500_000,
    ];
    let rows: Vec<String> = numbers.into_iter().map(row).collect();
    insta::assert_snapshot!(rows.join("\n"));
}

#[test]
fn durations() {
    let mut rows = Vec::new();
    for unit in Unit::ALL {
        for n in [1, 2, 5, 10, 11, 15, 21, 22, 30, 45] {
            rows.push(format!(
                "{} | {} | {}",
                ru::duration_phrase(n, unit),
                ru::duration_phrase_in(n, unit, Case::Genitive),
                kk::duration_phrase(n, unit),
            ));
        }
    }
    insta::assert_snapshot!(rows.join("\n"));
}
