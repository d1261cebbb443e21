//! Russian cardinal numerals in words, with gender, case and noun agreement.
//!
//! Output uses "е" where standard orthography allows "ё" ("трех", "четырем",
//! "рабочим днем"), because the acts are printed that way; the `_yo`
//! variants give the "ё" spelling. Accusative forms are the inanimate ones
//! (every unit this crate knows is inanimate): they equal the nominative
//! except "одну" and "тысячу".

use crate::Unit;

/// Grammatical gender that a numeral agrees with; it only shows on 1 and 2
/// ("один/одна/одно", "два/две").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// "один", "два" (день, час, месяц).
    Masculine,
    /// "одна", "две" (минута, тысяча).
    Feminine,
    /// "одно", "два".
    Neuter,
}

impl Gender {
    /// All genders, masculine first.
    pub const ALL: [Gender; 3] = [Gender::Masculine, Gender::Feminine, Gender::Neuter];
}

/// The six Russian cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// Именительный: "пять".
    Nominative,
    /// Родительный: "пяти" ("в течение пяти рабочих дней").
    Genitive,
    /// Дательный: "пяти".
    Dative,
    /// Винительный (inanimate): "пять", "одну".
    Accusative,
    /// Творительный: "пятью".
    Instrumental,
    /// Предложный: "пяти".
    Prepositional,
}

impl Case {
    /// All cases in the traditional order.
    pub const ALL: [Case; 6] = [
        Case::Nominative,
        Case::Genitive,
        Case::Dative,
        Case::Accusative,
        Case::Instrumental,
        Case::Prepositional,
    ];

    fn idx(self) -> usize {
        match self {
            Case::Nominative => 0,
            Case::Genitive => 1,
            Case::Dative => 2,
            Case::Accusative => 3,
            Case::Instrumental => 4,
            Case::Prepositional => 5,
        }
    }

    fn is_direct(self) -> bool {
        matches!(self, Case::Nominative | Case::Accusative)
    }
}

/// Which noun form a number takes in the nominative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PluralClass {
    /// 1, 21, 101, … (but not 11): "один день".
    One,
    /// 2–4, 22–24, … (but not 12–14): "два дня".
    Few,
    /// 0, 5–20, 25–30, …: "пять дней".
    Many,
}

/// The plural class of `n`: the last two digits 11–14 are `Many`, otherwise
/// the last digit decides.
pub fn plural_class(n: u64) -> PluralClass {
    if (11..=14).contains(&(n % 100)) {
        return PluralClass::Many;
    }
    match n % 10 {
        1 => PluralClass::One,
        2..=4 => PluralClass::Few,
        _ => PluralClass::Many,
    }
}

/// Forms in case order: nom, gen, dat, acc, ins, prep.
pub(crate) type Forms = [&'static str; 6];

pub(crate) const ZERO: Forms = ["ноль", "ноля", "нолю", "ноль", "нолём", "ноле"];
pub(crate) const ONE_M: Forms = ["один", "одного", "одному", "один", "одним", "одном"];
pub(crate) const ONE_F: Forms = ["одна", "одной", "одной", "одну", "одной", "одной"];
pub(crate) const ONE_N: Forms = ["одно", "одного", "одному", "одно", "одним", "одном"];
pub(crate) const TWO_MN: Forms = ["два", "двух", "двум", "два", "двумя", "двух"];
pub(crate) const TWO_F: Forms = ["две", "двух", "двум", "две", "двумя", "двух"];

/// 3..=9.
pub(crate) const UNITS_3_9: [Forms; 7] = [
    ["три", "трёх", "трём", "три", "тремя", "трёх"],
    [
        "четыре",
        "четырёх",
        "четырём",
        "четыре",
        "четырьмя",
        "четырёх",
    ],
    ["пять", "пяти", "пяти", "пять", "пятью", "пяти"],
    ["шесть", "шести", "шести", "шесть", "шестью", "шести"],
    ["семь", "семи", "семи", "семь", "семью", "семи"],
    ["восемь", "восьми", "восьми", "восемь", "восемью", "восьми"],
    ["девять", "девяти", "девяти", "девять", "девятью", "девяти"],
];

/// 10..=19.
pub(crate) const TEENS: [Forms; 10] = [
    ["десять", "десяти", "десяти", "десять", "десятью", "десяти"],
    [
        "одиннадцать",
        "одиннадцати",
        "одиннадцати",
        "одиннадцать",
        "одиннадцатью",
        "одиннадцати",
    ],
    [
        "двенадцать",
        "двенадцати",
        "двенадцати",
        "двенадцать",
        "двенадцатью",
        "двенадцати",
    ],
    [
        "тринадцать",
        "тринадцати",
        "тринадцати",
        "тринадцать",
        "тринадцатью",
        "тринадцати",
    ],
    [
        "четырнадцать",
        "четырнадцати",
        "четырнадцати",
        "четырнадцать",
        "четырнадцатью",
        "четырнадцати",
    ],
    [
        "пятнадцать",
        "пятнадцати",
        "пятнадцати",
        "пятнадцать",
        "пятнадцатью",
        "пятнадцати",
    ],
    [
        "шестнадцать",
        "шестнадцати",
        "шестнадцати",
        "шестнадцать",
        "шестнадцатью",
        "шестнадцати",
    ],
    [
        "семнадцать",
        "семнадцати",
        "семнадцати",
        "семнадцать",
        "семнадцатью",
        "семнадцати",
    ],
    [
        "восемнадцать",
        "восемнадцати",
        "восемнадцати",
        "восемнадцать",
        "восемнадцатью",
        "восемнадцати",
    ],
    [
        "девятнадцать",
        "девятнадцати",
        "девятнадцати",
        "девятнадцать",
        "девятнадцатью",
        "девятнадцати",
    ],
];

/// 20, 30, …, 90.
pub(crate) const TENS: [Forms; 8] = [
    [
        "двадцать",
        "двадцати",
        "двадцати",
        "двадцать",
        "двадцатью",
        "двадцати",
    ],
    [
        "тридцать",
        "тридцати",
        "тридцати",
        "тридцать",
        "тридцатью",
        "тридцати",
    ],
    ["сорок", "сорока", "сорока", "сорок", "сорока", "сорока"],
    [
        "пятьдесят",
        "пятидесяти",
        "пятидесяти",
        "пятьдесят",
        "пятьюдесятью",
        "пятидесяти",
    ],
    [
        "шестьдесят",
        "шестидесяти",
        "шестидесяти",
        "шестьдесят",
        "шестьюдесятью",
        "шестидесяти",
    ],
    [
        "семьдесят",
        "семидесяти",
        "семидесяти",
        "семьдесят",
        "семьюдесятью",
        "семидесяти",
    ],
    [
        "восемьдесят",
        "восьмидесяти",
        "восьмидесяти",
        "восемьдесят",
        "восемьюдесятью",
        "восьмидесяти",
    ],
    [
        "девяносто",
        "девяноста",
        "девяноста",
        "девяносто",
        "девяноста",
        "девяноста",
    ],
];

/// 100, 200, …, 900.
pub(crate) const HUNDREDS: [Forms; 9] = [
    ["сто", "ста", "ста", "сто", "ста", "ста"],
    [
        "двести",
        "двухсот",
        "двумстам",
        "двести",
        "двумястами",
        "двухстах",
    ],
    [
        "триста",
        "трёхсот",
        "трёмстам",
        "триста",
        "тремястами",
        "трёхстах",
    ],
    [
        "четыреста",
        "четырёхсот",
        "четырёмстам",
        "четыреста",
        "четырьмястами",
        "четырёхстах",
    ],
    [
        "пятьсот",
        "пятисот",
        "пятистам",
        "пятьсот",
        "пятьюстами",
        "пятистах",
    ],
    [
        "шестьсот",
        "шестисот",
        "шестистам",
        "шестьсот",
        "шестьюстами",
        "шестистах",
    ],
    [
        "семьсот",
        "семисот",
        "семистам",
        "семьсот",
        "семьюстами",
        "семистах",
    ],
    [
        "восемьсот",
        "восьмисот",
        "восьмистам",
        "восемьсот",
        "восемьюстами",
        "восьмистах",
    ],
    [
        "девятьсот",
        "девятисот",
        "девятистам",
        "девятьсот",
        "девятьюстами",
        "девятистах",
    ],
];

/// A counted noun: singular and plural in case order, plus the form used
/// after 2–4 in the nominative ("рабочих дня" differs from the genitive
/// singular "рабочего дня" because the adjective goes plural).
pub(crate) struct Noun {
    pub(crate) sg: Forms,
    pub(crate) pl: Forms,
    pub(crate) few: &'static str,
}

/// "тысяча" is feminine; the larger scale words are masculine.
pub(crate) const THOUSAND: Noun = Noun {
    sg: ["тысяча", "тысячи", "тысяче", "тысячу", "тысячей", "тысяче"],
    pl: [
        "тысячи",
        "тысяч",
        "тысячам",
        "тысячи",
        "тысячами",
        "тысячах",
    ],
    few: "тысячи",
};

macro_rules! scale_noun {
    ($s:literal) => {
        Noun {
            sg: [
                $s,
                concat!($s, "а"),
                concat!($s, "у"),
                $s,
                concat!($s, "ом"),
                concat!($s, "е"),
            ],
            pl: [
                concat!($s, "ы"),
                concat!($s, "ов"),
                concat!($s, "ам"),
                concat!($s, "ы"),
                concat!($s, "ами"),
                concat!($s, "ах"),
            ],
            few: concat!($s, "а"),
        }
    };
}

/// Scale words for 1000^1 ..= 1000^6; u64 tops out below 1000^7.
pub(crate) const SCALES: [Noun; 6] = [
    THOUSAND,
    scale_noun!("миллион"),
    scale_noun!("миллиард"),
    scale_noun!("триллион"),
    scale_noun!("квадриллион"),
    scale_noun!("квинтиллион"),
];

const UNIT_NOUNS: [Noun; 5] = [
    Noun {
        sg: ["минута", "минуты", "минуте", "минуту", "минутой", "минуте"],
        pl: [
            "минуты",
            "минут",
            "минутам",
            "минуты",
            "минутами",
            "минутах",
        ],
        few: "минуты",
    },
    Noun {
        sg: ["час", "часа", "часу", "час", "часом", "часе"],
        pl: ["часы", "часов", "часам", "часы", "часами", "часах"],
        few: "часа",
    },
    Noun {
        sg: [
            "рабочий день",
            "рабочего дня",
            "рабочему дню",
            "рабочий день",
            "рабочим днём",
            "рабочем дне",
        ],
        pl: [
            "рабочие дни",
            "рабочих дней",
            "рабочим дням",
            "рабочие дни",
            "рабочими днями",
            "рабочих днях",
        ],
        few: "рабочих дня",
    },
    Noun {
        sg: [
            "календарный день",
            "календарного дня",
            "календарному дню",
            "календарный день",
            "календарным днём",
            "календарном дне",
        ],
        pl: [
            "календарные дни",
            "календарных дней",
            "календарным дням",
            "календарные дни",
            "календарными днями",
            "календарных днях",
        ],
        few: "календарных дня",
    },
    Noun {
        sg: ["месяц", "месяца", "месяцу", "месяц", "месяцем", "месяце"],
        pl: [
            "месяцы",
            "месяцев",
            "месяцам",
            "месяцы",
            "месяцами",
            "месяцах",
        ],
        few: "месяца",
    },
];

impl Noun {
    /// The form this noun takes after the number `n` in `case`.
    fn after(&self, n: u64, case: Case) -> &'static str {
        let c = case.idx();
        match (plural_class(n), case.is_direct()) {
            (PluralClass::One, _) => self.sg[c],
            (PluralClass::Few, true) => self.few,
            (PluralClass::Many, true) => self.pl[Case::Genitive.idx()],
            (_, false) => self.pl[c],
        }
    }
}

fn unit_noun_entry(unit: Unit) -> &'static Noun {
    &UNIT_NOUNS[match unit {
        Unit::Minute => 0,
        Unit::Hour => 1,
        Unit::WorkingDay => 2,
        Unit::CalendarDay => 3,
        Unit::Month => 4,
    }]
}

/// The grammatical gender of the unit's Russian noun (минута is feminine,
/// the rest masculine).
pub fn unit_gender(unit: Unit) -> Gender {
    match unit {
        Unit::Minute => Gender::Feminine,
        Unit::Hour | Unit::WorkingDay | Unit::CalendarDay | Unit::Month => Gender::Masculine,
    }
}

fn unit_word(u: u64, gender: Gender, case: Case) -> &'static str {
    let c = case.idx();
    match (u, gender) {
        (1, Gender::Masculine) => ONE_M[c],
        (1, Gender::Feminine) => ONE_F[c],
        (1, Gender::Neuter) => ONE_N[c],
        (2, Gender::Feminine) => TWO_F[c],
        (2, _) => TWO_MN[c],
        (3..=9, _) => UNITS_3_9[(u - 3) as usize][c],
        _ => unreachable!("unit digit out of range: {u}"),
    }
}

/// Pushes the words of `g` (1..=999).
fn group_words(g: u64, gender: Gender, case: Case, out: &mut Vec<&'static str>) {
    let c = case.idx();
    let (h, r) = (g / 100, g % 100);
    if h > 0 {
        out.push(HUNDREDS[(h - 1) as usize][c]);
    }
    if r >= 20 {
        out.push(TENS[(r / 10 - 2) as usize][c]);
        if r % 10 > 0 {
            out.push(unit_word(r % 10, gender, case));
        }
    } else if r >= 10 {
        out.push(TEENS[(r - 10) as usize][c]);
    } else if r > 0 {
        out.push(unit_word(r, gender, case));
    }
}

/// Renders with "ё". `bare_one` drops "один/одна" before a scale word
/// ("тысяча" instead of "одна тысяча"), an accepted variant.
pub(crate) fn render_yo(n: u64, gender: Gender, case: Case, bare_one: bool) -> String {
    if n == 0 {
        return ZERO[case.idx()].to_string();
    }
    let mut words = Vec::new();
    let mut scale_div = 1_000_000_000_000_000_000u64;
    for k in (1..=6).rev() {
        let g = (n / scale_div) % 1000;
        if g > 0 {
            let g_gender = if k == 1 {
                Gender::Feminine
            } else {
                Gender::Masculine
            };
            if !(bare_one && g == 1) {
                group_words(g, g_gender, case, &mut words);
            }
            words.push(SCALES[k - 1].after(g, case));
        }
        scale_div /= 1000;
    }
    let g = n % 1000;
    if g > 0 {
        group_words(g, gender, case, &mut words);
    }
    words.join(" ")
}

pub(crate) fn strip_yo(s: &str) -> String {
    s.replace('ё', "е")
}

/// `n` in words, nominative, agreeing with `gender`: `cardinal(21,
/// Gender::Feminine)` is "двадцать одна". Covers all of `u64`.
pub fn cardinal(n: u64, gender: Gender) -> String {
    cardinal_in(n, gender, Case::Nominative)
}

/// `n` in words in `case`, spelled with "е" as the acts print it:
/// `cardinal_in(3, Gender::Masculine, Case::Genitive)` is "трех".
pub fn cardinal_in(n: u64, gender: Gender, case: Case) -> String {
    strip_yo(&render_yo(n, gender, case, false))
}

/// Like [`cardinal_in`] but spelled with "ё": "трёх", "четырём".
pub fn cardinal_in_yo(n: u64, gender: Gender, case: Case) -> String {
    render_yo(n, gender, case, false)
}

/// The noun form of `unit` after the number `n` in `case`:
/// `unit_noun(2, Unit::WorkingDay, Case::Nominative)` is "рабочих дня".
pub fn unit_noun(n: u64, unit: Unit, case: Case) -> String {
    strip_yo(unit_noun_entry(unit).after(n, case))
}

/// A nominative duration as the acts write it: "5 (пять) рабочих дней",
/// "1 (одна) минута", "2 (два) часа".
pub fn duration_phrase(n: u64, unit: Unit) -> String {
    duration_phrase_in(n, unit, Case::Nominative)
}

/// A duration in `case`: `duration_phrase_in(30, Unit::Minute,
/// Case::Genitive)` is "30 (тридцати) минут", as in "в течение 30
/// (тридцати) минут".
pub fn duration_phrase_in(n: u64, unit: Unit, case: Case) -> String {
    format!(
        "{n} ({}) {}",
        cardinal_in(n, unit_gender(unit), case),
        unit_noun(n, unit, case)
    )
}
