//! Exhaustive checks over 0..=1000 (and a slice of larger numbers).

use std::collections::HashMap;

use reglam_numerals::ru::{self, Case, Gender, PluralClass};
use reglam_numerals::{accepted_forms, check_words, kk, parse_words, Unit, WordsVerdict};

fn all_rendered(n: u64) -> Vec<String> {
    let mut out = Vec::new();
    for case in Case::ALL {
        for gender in Gender::ALL {
            out.push(ru::cardinal_in(n, gender, case));
            out.push(ru::cardinal_in_yo(n, gender, case));
        }
    }
    for case in kk::Case::ALL {
        out.push(kk::cardinal_in(n, case));
    }
    out
}

fn well_formed(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && s.chars()
            .all(|c| c == ' ' || ('а'..='я').contains(&c) || "ёәғқңөұүһі".contains(c))
}

#[test]
fn every_number_renders() {
    for n in 0..=1000 {
        for s in all_rendered(n) {
            assert!(well_formed(&s), "{n}: {s:?}");
        }
        for unit in Unit::ALL {
            assert!(ru::duration_phrase(n, unit).starts_with(&format!("{n} (")));
            assert!(kk::duration_phrase(n, unit).starts_with(&format!("{n} (")));
        }
    }
}

/// The class read off the words themselves, independently of the digit rule.
fn class_from_words(n: u64) -> PluralClass {
    let words = ru::cardinal(n, Gender::Masculine);
    match words.rsplit(' ').next().unwrap() {
        "один" => PluralClass::One,
        "два" | "три" | "четыре" => PluralClass::Few,
        _ => PluralClass::Many,
    }
}

#[test]
fn plural_class_rules() {
    for n in 0..=1000u64 {
        let class = ru::plural_class(n);
        assert_eq!(class, class_from_words(n), "{n}");
        if (11..=14).contains(&(n % 100)) {
            assert_eq!(class, PluralClass::Many, "{n}");
        }
        let noun = ru::unit_noun(n, Unit::WorkingDay, Case::Nominative);
        let want = match class {
            PluralClass::One => "рабочий день",
            PluralClass::Few => "рабочих дня",
            PluralClass::Many => "рабочих дней",
        };
        assert_eq!(noun, want, "{n}");
    }
}

#[test]
fn round_trip_every_form() {
    for n in 0..=1000u64 {
        for form in all_rendered(n).into_iter().chain(accepted_forms(n)) {
            assert_eq!(parse_words(&form), Some(n), "{form:?}");
            assert_eq!(check_words(n, &form), WordsVerdict::Matches, "{form:?}");
            let upper = form.to_uppercase();
            assert_eq!(check_words(n, &upper), WordsVerdict::Matches, "{upper:?}");
        }
        // Letter-spaced, as a PDF's text layer gives it.
        let canonical = ru::cardinal_in(n, Gender::Masculine, Case::Genitive);
        let spaced: Vec<String> = canonical.chars().map(String::from).collect();
        let spaced = spaced.join(" ");
        assert_eq!(check_words(n, &spaced), WordsVerdict::Matches, "{spaced:?}");
        assert_eq!(parse_words(&spaced), Some(n), "{spaced:?}");
    }
}

#[test]
fn words_of_a_neighbour_name_it() {
    for n in 0..=1000u64 {
        let words = ru::cardinal_in(n, Gender::Masculine, Case::Genitive);
        match check_words(n + 1, &words) {
            WordsVerdict::Mismatch {
                suggestion,
                names_other_number,
            } => {
                assert_eq!(names_other_number, Some(n), "{words:?}");
                assert_eq!(
                    suggestion,
                    ru::cardinal_in(n + 1, Gender::Masculine, Case::Genitive)
                );
            }
            WordsVerdict::Matches => panic!("{words:?} accepted for {}", n + 1),
        }
        let words = kk::cardinal(n);
        assert!(matches!(
            check_words(n + 1, &words),
            WordsVerdict::Mismatch { names_other_number: Some(m), .. } if m == n
        ));
    }
}

/// No two numbers share a form, even with spaces removed (letter-spaced
/// text loses word boundaries, so this is what keeps it unambiguous).
#[test]
fn forms_are_unambiguous() {
    let mut seen: HashMap<String, u64> = HashMap::new();
    let numbers = (0..=2000u64).chain((2000..=1_000_000).step_by(997));
    for n in numbers {
        for form in accepted_forms(n) {
            let compact = form.replace(' ', "");
            if let Some(&m) = seen.get(&compact) {
                assert_eq!(m, n, "{form:?} spells both {m} and {n}");
            }
            seen.insert(compact, n);
        }
    }
}

#[test]
fn round_trip_up_to_a_million_sampled() {
    for n in (0..=999_999u64)
        .step_by(7919)
        .chain([999_999, 100_001, 21_021])
    {
        for form in all_rendered(n) {
            assert_eq!(parse_words(&form), Some(n), "{form:?}");
        }
    }
}
