//! Property tests: the checker never panics and agrees with the parser.

use proptest::prelude::*;
use reglam_numerals::ru::{self, Case, Gender};
use reglam_numerals::{check_words, kk, parse_words, WordsVerdict};

fn gender() -> impl Strategy<Value = Gender> {
    prop::sample::select(Gender::ALL.to_vec())
}

fn ru_case() -> impl Strategy<Value = Case> {
    prop::sample::select(Case::ALL.to_vec())
}

fn kk_case() -> impl Strategy<Value = kk::Case> {
    prop::sample::select(kk::Case::ALL.to_vec())
}

/// Text made of numeral-like Cyrillic, spaces and a few Latin look-alikes,
/// which reaches the parser far more often than arbitrary Unicode.
fn cyrillicish() -> impl Strategy<Value = String> {
    "[а-яёәғқңөұүһіaoepcx ]{0,40}"
}

fn check_consistent(n: u64, words: &str) -> Result<(), TestCaseError> {
    let verdict = check_words(n, words);
    let parsed = parse_words(words);
    match verdict {
        WordsVerdict::Matches => prop_assert_eq!(parsed, Some(n)),
        WordsVerdict::Mismatch {
            names_other_number, ..
        } => {
            prop_assert_ne!(parsed, Some(n));
            prop_assert_eq!(names_other_number, parsed);
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn never_panics_on_any_string(n in any::<u64>(), words in any::<String>()) {
        check_consistent(n, &words)?;
    }

    #[test]
    fn never_panics_on_cyrillic(n in 0u64..2000, words in cyrillicish()) {
        check_consistent(n, &words)?;
    }

    #[test]
    fn russian_round_trip(n in any::<u64>(), g in gender(), c in ru_case()) {
        let words = ru::cardinal_in(n, g, c);
        prop_assert_eq!(parse_words(&words), Some(n));
        prop_assert_eq!(check_words(n, &words), WordsVerdict::Matches);
        prop_assert_eq!(check_words(n, &ru::cardinal_in_yo(n, g, c)), WordsVerdict::Matches);
    }

    #[test]
    fn kazakh_round_trip(n in any::<u64>(), c in kk_case()) {
        let words = kk::cardinal_in(n, c);
        prop_assert_eq!(parse_words(&words), Some(n));
        prop_assert_eq!(check_words(n, &words), WordsVerdict::Matches);
    }

    #[test]
    fn one_letter_typo_is_never_accepted_silently(
        n in 0u64..1_000_000,
        g in gender(),
        c in ru_case(),
        pos in any::<prop::sample::Index>(),
    ) {
        let words = ru::cardinal_in(n, g, c);
        let chars: Vec<char> = words.chars().collect();
        let i = pos.index(chars.len());
        prop_assume!(chars[i] != ' ');
        let mut typo = chars.clone();
        typo[i] = 'ъ';
        let typo: String = typo.into_iter().collect();
        prop_assert!(
            matches!(check_words(n, &typo), WordsVerdict::Mismatch { .. }),
            "{typo:?} accepted"
        );
    }
}
