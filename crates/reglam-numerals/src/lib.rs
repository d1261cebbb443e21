//! Cardinal numerals in words for Reglam, in Russian and Kazakh.
//!
//! Two uses:
//!
//! * rendering durations the way the acts write them, with the figure and
//!   the number in words in the right grammatical form:
//!   [`ru::duration_phrase`] gives "5 (пять) рабочих дней",
//!   [`kk::duration_phrase`] gives "5 (бес) жұмыс күні";
//! * checking the words an act prints next to a figure:
//!   [`check_words`] says whether "(тридцати)" really spells 30, and if not,
//!   which correct form is closest and whether the words spell some other
//!   number.
//!
//! All numbers of `u64` are covered (the acts need 0..=999 999; the larger
//! scales cost nothing extra and keep every function total).
//!
//! ```
//! use reglam_numerals::{check_words, kk, ru, Unit, WordsVerdict};
//!
//! assert_eq!(ru::duration_phrase(21, Unit::WorkingDay), "21 (двадцать один) рабочий день");
//! assert_eq!(
//!     ru::duration_phrase_in(30, Unit::Minute, ru::Case::Genitive),
//!     "30 (тридцати) минут"
//! );
//! assert_eq!(kk::duration_phrase(10, Unit::CalendarDay), "10 (он) күнтізбелік күн");
//! assert_eq!(check_words(30, "т р и д ц а т и"), WordsVerdict::Matches);
//! assert_eq!(
//!     check_words(30, "традцати"),
//!     WordsVerdict::Mismatch { suggestion: "тридцати".into(), names_other_number: None }
//! );
//! ```

mod check;
pub mod kk;
pub mod ru;

pub use check::{accepted_forms, check_words, parse_words, WordsVerdict};

/// A unit of duration used in the acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// минута / минут.
    Minute,
    /// час / сағат.
    Hour,
    /// рабочий день / жұмыс күні.
    WorkingDay,
    /// календарный день / күнтізбелік күн.
    CalendarDay,
    /// месяц / ай.
    Month,
}

impl Unit {
    /// Every unit, shortest first.
    pub const ALL: [Unit; 5] = [
        Unit::Minute,
        Unit::Hour,
        Unit::WorkingDay,
        Unit::CalendarDay,
        Unit::Month,
    ];
}
