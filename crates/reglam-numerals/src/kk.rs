//! Kazakh cardinal numerals in words.
//!
//! Conventions: 100 is "жүз" (not "бір жүз"), 1000 is "бір мың" (as
//! official documents write amounts), 1 000 000 is "бір миллион". The
//! checker also accepts "бір жүз" and a bare "мың"/"миллион". Nouns do not
//! inflect after Kazakh numerals, so [`duration_phrase`] only needs the
//! numeral; case endings, when present, go on the last word of the numeral.

use crate::Unit;

/// The seven Kazakh cases (септік).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// Атау: "бес".
    Nominative,
    /// Ілік: "бестің".
    Genitive,
    /// Барыс: "беске".
    Dative,
    /// Табыс: "бесті".
    Accusative,
    /// Жатыс: "бесте".
    Locative,
    /// Шығыс: "бестен".
    Ablative,
    /// Көмектес: "беспен".
    Instrumental,
}

impl Case {
    /// All cases in the traditional order.
    pub const ALL: [Case; 7] = [
        Case::Nominative,
        Case::Genitive,
        Case::Dative,
        Case::Accusative,
        Case::Locative,
        Case::Ablative,
        Case::Instrumental,
    ];
}

/// Vowel harmony of a word: which variant of a suffix it takes.
#[derive(Clone, Copy)]
pub(crate) enum Harmony {
    Front,
    Back,
}

/// The kind of a word's final sound, which picks the suffix's first
/// consonant.
#[derive(Clone, Copy)]
pub(crate) enum Final {
    /// A vowel: -ның, -ға, -ны, -да, -дан, -мен.
    Vowel,
    /// л, р, у, й: -дың, -ға, -ды, -да, -дан, -мен.
    Liquid,
    /// з, ж: as `Liquid` but -бен.
    Sibilant,
    /// м, н, ң: -ның, -ға, -ды, -да, -нан, -мен.
    Nasal,
    /// Voiceless (and devoiced б, в, г, д): -тың, -қа, -ты, -та, -тан, -пен.
    Voiceless,
}

pub(crate) struct Word {
    pub(crate) text: &'static str,
    harmony: Harmony,
    fin: Final,
}

const fn w(text: &'static str, harmony: Harmony, fin: Final) -> Word {
    Word { text, harmony, fin }
}

use Final::*;
use Harmony::*;

pub(crate) const ZERO: Word = w("нөл", Front, Liquid);

/// 1..=9.
pub(crate) const UNITS: [Word; 9] = [
    w("бір", Front, Liquid),
    w("екі", Front, Vowel),
    w("үш", Front, Voiceless),
    w("төрт", Front, Voiceless),
    w("бес", Front, Voiceless),
    w("алты", Back, Vowel),
    w("жеті", Front, Vowel),
    w("сегіз", Front, Sibilant),
    w("тоғыз", Back, Sibilant),
];

/// 10, 20, …, 90.
pub(crate) const TENS: [Word; 9] = [
    w("он", Back, Nasal),
    w("жиырма", Back, Vowel),
    w("отыз", Back, Sibilant),
    w("қырық", Back, Voiceless),
    w("елу", Front, Liquid),
    w("алпыс", Back, Voiceless),
    w("жетпіс", Front, Voiceless),
    w("сексен", Front, Nasal),
    w("тоқсан", Back, Nasal),
];

pub(crate) const HUNDRED: Word = w("жүз", Front, Sibilant);

/// 1000^1 ..= 1000^6.
pub(crate) const SCALES: [Word; 6] = [
    w("мың", Back, Nasal),
    w("миллион", Back, Nasal),
    w("миллиард", Back, Voiceless),
    w("триллион", Back, Nasal),
    w("квадриллион", Back, Nasal),
    w("квинтиллион", Back, Nasal),
];

impl Word {
    /// The case ending this word takes; empty for the nominative.
    pub(crate) fn suffix(&self, case: Case) -> &'static str {
        let pick = |front: &'static str, back: &'static str| match self.harmony {
            Front => front,
            Back => back,
        };
        match (case, self.fin) {
            (Case::Nominative, _) => "",
            (Case::Genitive, Vowel | Nasal) => pick("нің", "ның"),
            (Case::Genitive, Liquid | Sibilant) => pick("дің", "дың"),
            (Case::Genitive, Voiceless) => pick("тің", "тың"),
            (Case::Dative, Voiceless) => pick("ке", "қа"),
            (Case::Dative, _) => pick("ге", "ға"),
            (Case::Accusative, Vowel) => pick("ні", "ны"),
            (Case::Accusative, Voiceless) => pick("ті", "ты"),
            (Case::Accusative, _) => pick("ді", "ды"),
            (Case::Locative, Voiceless) => pick("те", "та"),
            (Case::Locative, _) => pick("де", "да"),
            (Case::Ablative, Nasal) => pick("нен", "нан"),
            (Case::Ablative, Voiceless) => pick("тен", "тан"),
            (Case::Ablative, _) => pick("ден", "дан"),
            (Case::Instrumental, Sibilant) => "бен",
            (Case::Instrumental, Voiceless) => "пен",
            (Case::Instrumental, _) => "мен",
        }
    }
}

/// Spelling choices the checker accepts besides the canonical one.
#[derive(Clone, Copy, Default)]
pub(crate) struct Style {
    /// "бір жүз" instead of "жүз".
    pub(crate) bir_zhuz: bool,
    /// "мың" instead of "бір мың" (and likewise for larger scales).
    pub(crate) bare_scale: bool,
}

fn group_words(g: u64, style: Style, out: &mut Vec<&'static Word>) {
    let (h, t, u) = (g / 100, g / 10 % 10, g % 10);
    if h > 0 {
        if h > 1 || style.bir_zhuz {
            out.push(&UNITS[(h - 1) as usize]);
        }
        out.push(&HUNDRED);
    }
    if t > 0 {
        out.push(&TENS[(t - 1) as usize]);
    }
    if u > 0 {
        out.push(&UNITS[(u - 1) as usize]);
    }
}

pub(crate) fn render(n: u64, case: Case, style: Style) -> String {
    let mut words: Vec<&'static Word> = Vec::new();
    if n == 0 {
        words.push(&ZERO);
    }
    let mut scale_div = 1_000_000_000_000_000_000u64;
    for k in (1..=6).rev() {
        let g = (n / scale_div) % 1000;
        if g > 0 {
            if !(style.bare_scale && g == 1) {
                group_words(g, style, &mut words);
            }
            words.push(&SCALES[k - 1]);
        }
        scale_div /= 1000;
    }
    group_words(n % 1000, style, &mut words);
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word.text);
    }
    if let Some(last) = words.last() {
        out.push_str(last.suffix(case));
    }
    out
}

/// `n` in words: `cardinal(115)` is "жүз он бес", `cardinal(1000)` is
/// "бір мың". Covers all of `u64`.
pub fn cardinal(n: u64) -> String {
    cardinal_in(n, Case::Nominative)
}

/// `n` in words with a case ending on the last word: `cardinal_in(5,
/// Case::Dative)` is "беске".
pub fn cardinal_in(n: u64, case: Case) -> String {
    render(n, case, Style::default())
}

/// The unit's noun as it stands after a Kazakh numeral (it does not change
/// with the number): "минут", "сағат", "жұмыс күні", "күнтізбелік күн", "ай".
pub fn unit_noun(unit: Unit) -> &'static str {
    match unit {
        Unit::Minute => "минут",
        Unit::Hour => "сағат",
        Unit::WorkingDay => "жұмыс күні",
        Unit::CalendarDay => "күнтізбелік күн",
        Unit::Month => "ай",
    }
}

/// A duration as the acts write it: "5 (бес) жұмыс күні", "30 (отыз)
/// минут".
pub fn duration_phrase(n: u64, unit: Unit) -> String {
    format!("{n} ({}) {}", cardinal(n), unit_noun(unit))
}
