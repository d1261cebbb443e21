//! Hand-written tables of known forms.

use reglam_numerals::ru::{self, Case, Gender, PluralClass};
use reglam_numerals::{kk, Unit};

#[test]
fn russian_nominative_masculine() {
    let table: &[(u64, &str)] = &[
        (0, "ноль"),
        (1, "один"),
        (2, "два"),
        (3, "три"),
        (4, "четыре"),
        (5, "пять"),
        (8, "восемь"),
        (10, "десять"),
        (11, "одиннадцать"),
        (12, "двенадцать"),
        (13, "тринадцать"),
        (14, "четырнадцать"),
        (19, "девятнадцать"),
        (20, "двадцать"),
        (21, "двадцать один"),
        (22, "двадцать два"),
        (40, "сорок"),
        (90, "девяносто"),
        (99, "девяносто девять"),
        (100, "сто"),
        (101, "сто один"),
        (111, "сто одиннадцать"),
        (200, "двести"),
        (340, "триста сорок"),
        (999, "девятьсот девяносто девять"),
        (1000, "одна тысяча"),
        (1001, "одна тысяча один"),
        (1100, "одна тысяча сто"),
        (2000, "две тысячи"),
        (5000, "пять тысяч"),
        (11_000, "одиннадцать тысяч"),
        (21_000, "двадцать одна тысяча"),
        (22_000, "двадцать две тысячи"),
        (100_000, "сто тысяч"),
        (
            999_999,
            "девятьсот девяносто девять тысяч девятьсот девяносто девять",
        ),
        (1_000_000, "один миллион"),
        (2_000_000, "два миллиона"),
        (5_000_000_000, "пять миллиардов"),
    ];
    for &(n, words) in table {
        assert_eq!(ru::cardinal(n, Gender::Masculine), words, "{n}");
    }
}

#[test]
fn russian_gender() {
    assert_eq!(ru::cardinal(1, Gender::Feminine), "одна");
    assert_eq!(ru::cardinal(1, Gender::Neuter), "одно");
    assert_eq!(ru::cardinal(2, Gender::Feminine), "две");
    assert_eq!(ru::cardinal(2, Gender::Neuter), "два");
    assert_eq!(ru::cardinal(22, Gender::Feminine), "двадцать две");
    assert_eq!(ru::cardinal(21, Gender::Neuter), "двадцать одно");
    assert_eq!(ru::cardinal(5, Gender::Feminine), "пять");
    assert_eq!(ru::cardinal(12, Gender::Feminine), "двенадцать");
    assert_eq!(ru::cardinal(2001, Gender::Feminine), "две тысячи одна");
}

#[test]
fn russian_genitive() {
    let table: &[(u64, Gender, &str)] = &[
        (30, Gender::Masculine, "тридцати"),
        (5, Gender::Masculine, "пяти"),
        (1, Gender::Masculine, "одного"),
        (1, Gender::Feminine, "одной"),
        (2, Gender::Masculine, "двух"),
        (2, Gender::Feminine, "двух"),
        (3, Gender::Masculine, "трех"),
        (8, Gender::Masculine, "восьми"),
        (11, Gender::Masculine, "одиннадцати"),
        (21, Gender::Masculine, "двадцати одного"),
        (40, Gender::Masculine, "сорока"),
        (50, Gender::Masculine, "пятидесяти"),
        (80, Gender::Masculine, "восьмидесяти"),
        (90, Gender::Masculine, "девяноста"),
        (100, Gender::Masculine, "ста"),
        (101, Gender::Masculine, "ста одного"),
        (200, Gender::Masculine, "двухсот"),
        (400, Gender::Masculine, "четырехсот"),
        (999, Gender::Masculine, "девятисот девяноста девяти"),
        (1000, Gender::Masculine, "одной тысячи"),
        (2000, Gender::Masculine, "двух тысяч"),
        (5000, Gender::Masculine, "пяти тысяч"),
        (21_000, Gender::Masculine, "двадцати одной тысячи"),
        (1_000_000, Gender::Masculine, "одного миллиона"),
    ];
    for &(n, g, words) in table {
        assert_eq!(ru::cardinal_in(n, g, Case::Genitive), words, "{n} {g:?}");
    }
    assert_eq!(
        ru::cardinal_in_yo(3, Gender::Masculine, Case::Genitive),
        "трёх"
    );
    assert_eq!(
        ru::cardinal_in_yo(34, Gender::Masculine, Case::Dative),
        "тридцати четырём"
    );
}

#[test]
fn russian_all_cases() {
    let table: &[(u64, Gender, [&str; 6])] = &[
        (
            0,
            Gender::Masculine,
            ["ноль", "ноля", "нолю", "ноль", "нолем", "ноле"],
        ),
        (
            1,
            Gender::Feminine,
            ["одна", "одной", "одной", "одну", "одной", "одной"],
        ),
        (
            1,
            Gender::Masculine,
            ["один", "одного", "одному", "один", "одним", "одном"],
        ),
        (
            2,
            Gender::Feminine,
            ["две", "двух", "двум", "две", "двумя", "двух"],
        ),
        (
            4,
            Gender::Masculine,
            [
                "четыре",
                "четырех",
                "четырем",
                "четыре",
                "четырьмя",
                "четырех",
            ],
        ),
        (
            5,
            Gender::Masculine,
            ["пять", "пяти", "пяти", "пять", "пятью", "пяти"],
        ),
        (
            8,
            Gender::Masculine,
            ["восемь", "восьми", "восьми", "восемь", "восемью", "восьми"],
        ),
        (
            300,
            Gender::Masculine,
            [
                "триста",
                "трехсот",
                "тремстам",
                "триста",
                "тремястами",
                "трехстах",
            ],
        ),
        (
            580,
            Gender::Masculine,
            [
                "пятьсот восемьдесят",
                "пятисот восьмидесяти",
                "пятистам восьмидесяти",
                "пятьсот восемьдесят",
                "пятьюстами восемьюдесятью",
                "пятистах восьмидесяти",
            ],
        ),
        (
            1000,
            Gender::Masculine,
            [
                "одна тысяча",
                "одной тысячи",
                "одной тысяче",
                "одну тысячу",
                "одной тысячей",
                "одной тысяче",
            ],
        ),
        (
            3000,
            Gender::Masculine,
            [
                "три тысячи",
                "трех тысяч",
                "трем тысячам",
                "три тысячи",
                "тремя тысячами",
                "трех тысячах",
            ],
        ),
        (
            21,
            Gender::Feminine,
            [
                "двадцать одна",
                "двадцати одной",
                "двадцати одной",
                "двадцать одну",
                "двадцатью одной",
                "двадцати одной",
            ],
        ),
    ];
    for (n, g, forms) in table {
        for (case, want) in Case::ALL.iter().zip(forms) {
            assert_eq!(ru::cardinal_in(*n, *g, *case), *want, "{n} {g:?} {case:?}");
        }
    }
}

#[test]
fn russian_plural_class() {
    use PluralClass::*;
    let table: &[(u64, PluralClass)] = &[
        (0, Many),
        (1, One),
        (2, Few),
        (3, Few),
        (4, Few),
        (5, Many),
        (10, Many),
        (11, Many),
        (12, Many),
        (13, Many),
        (14, Many),
        (15, Many),
        (20, Many),
        (21, One),
        (22, Few),
        (24, Few),
        (25, Many),
        (100, Many),
        (101, One),
        (111, Many),
        (112, Many),
        (121, One),
        (1000, Many),
        (1001, One),
        (1011, Many),
        (1_000_002, Few),
    ];
    for &(n, class) in table {
        assert_eq!(ru::plural_class(n), class, "{n}");
    }
}

#[test]
fn kazakh_cardinals() {
    let table: &[(u64, &str)] = &[
        (0, "нөл"),
        (1, "бір"),
        (2, "екі"),
        (3, "үш"),
        (4, "төрт"),
        (5, "бес"),
        (6, "алты"),
        (7, "жеті"),
        (8, "сегіз"),
        (9, "тоғыз"),
        (10, "он"),
        (11, "он бір"),
        (14, "он төрт"),
        (20, "жиырма"),
        (21, "жиырма бір"),
        (30, "отыз"),
        (40, "қырық"),
        (50, "елу"),
        (60, "алпыс"),
        (70, "жетпіс"),
        (80, "сексен"),
        (90, "тоқсан"),
        (99, "тоқсан тоғыз"),
        (100, "жүз"),
        (101, "жүз бір"),
        (111, "жүз он бір"),
        (115, "жүз он бес"),
        (200, "екі жүз"),
        (999, "тоғыз жүз тоқсан тоғыз"),
        (1000, "бір мың"),
        (1001, "бір мың бір"),
        (1100, "бір мың жүз"),
        (2000, "екі мың"),
        (100_000, "жүз мың"),
        (999_999, "тоғыз жүз тоқсан тоғыз мың тоғыз жүз тоқсан тоғыз"),
        (1_000_000, "бір миллион"),
    ];
    for &(n, words) in table {
        assert_eq!(kk::cardinal(n), words, "{n}");
    }
}

#[test]
fn kazakh_cases() {
    let table: &[(u64, [&str; 7])] = &[
        (
            5,
            [
                "бес",
                "бестің",
                "беске",
                "бесті",
                "бесте",
                "бестен",
                "беспен",
            ],
        ),
        (
            2,
            [
                "екі",
                "екінің",
                "екіге",
                "екіні",
                "екіде",
                "екіден",
                "екімен",
            ],
        ),
        (
            6,
            [
                "алты",
                "алтының",
                "алтыға",
                "алтыны",
                "алтыда",
                "алтыдан",
                "алтымен",
            ],
        ),
        (
            10,
            ["он", "онның", "онға", "онды", "онда", "оннан", "онмен"],
        ),
        (
            30,
            [
                "отыз",
                "отыздың",
                "отызға",
                "отызды",
                "отызда",
                "отыздан",
                "отызбен",
            ],
        ),
        (
            40,
            [
                "қырық",
                "қырықтың",
                "қырыққа",
                "қырықты",
                "қырықта",
                "қырықтан",
                "қырықпен",
            ],
        ),
        (
            1,
            [
                "бір",
                "бірдің",
                "бірге",
                "бірді",
                "бірде",
                "бірден",
                "бірмен",
            ],
        ),
        (
            1000,
            [
                "бір мың",
                "бір мыңның",
                "бір мыңға",
                "бір мыңды",
                "бір мыңда",
                "бір мыңнан",
                "бір мыңмен",
            ],
        ),
    ];
    for (n, forms) in table {
        for (case, want) in kk::Case::ALL.iter().zip(forms) {
            assert_eq!(kk::cardinal_in(*n, *case), *want, "{n} {case:?}");
        }
    }
}

#[test]
fn duration_examples_from_the_brief() {
    let ru_table: &[(u64, Unit, &str)] = &[
        (5, Unit::WorkingDay, "5 (пять) рабочих дней"),
        (1, Unit::WorkingDay, "1 (один) рабочий день"),
        (2, Unit::Hour, "2 (два) часа"),
        (21, Unit::WorkingDay, "21 (двадцать один) рабочий день"),
        (30, Unit::Minute, "30 (тридцать) минут"),
        (1, Unit::Minute, "1 (одна) минута"),
        (2, Unit::Minute, "2 (две) минуты"),
        (1, Unit::Month, "1 (один) месяц"),
        (5, Unit::CalendarDay, "5 (пять) календарных дней"),
        (3, Unit::WorkingDay, "3 (три) рабочих дня"),
        (11, Unit::WorkingDay, "11 (одиннадцать) рабочих дней"),
        (22, Unit::CalendarDay, "22 (двадцать два) календарных дня"),
        (21, Unit::Minute, "21 (двадцать одна) минута"),
        (5, Unit::Hour, "5 (пять) часов"),
        (3, Unit::Month, "3 (три) месяца"),
        (6, Unit::Month, "6 (шесть) месяцев"),
        (1, Unit::CalendarDay, "1 (один) календарный день"),
    ];
    for &(n, unit, want) in ru_table {
        assert_eq!(ru::duration_phrase(n, unit), want);
    }
    let kk_table: &[(u64, Unit, &str)] = &[
        (5, Unit::WorkingDay, "5 (бес) жұмыс күні"),
        (30, Unit::Minute, "30 (отыз) минут"),
        (2, Unit::Hour, "2 (екі) сағат"),
        (1, Unit::Month, "1 (бір) ай"),
        (10, Unit::CalendarDay, "10 (он) күнтізбелік күн"),
    ];
    for &(n, unit, want) in kk_table {
        assert_eq!(kk::duration_phrase(n, unit), want);
    }
}

#[test]
fn russian_durations_in_cases() {
    let table: &[(u64, Unit, Case, &str)] = &[
        (30, Unit::Minute, Case::Genitive, "30 (тридцати) минут"),
        (5, Unit::WorkingDay, Case::Genitive, "5 (пяти) рабочих дней"),
        (
            1,
            Unit::WorkingDay,
            Case::Genitive,
            "1 (одного) рабочего дня",
        ),
        (
            21,
            Unit::WorkingDay,
            Case::Genitive,
            "21 (двадцати одного) рабочего дня",
        ),
        (2, Unit::Hour, Case::Genitive, "2 (двух) часов"),
        (1, Unit::Minute, Case::Genitive, "1 (одной) минуты"),
        (1, Unit::Minute, Case::Accusative, "1 (одну) минуту"),
        (2, Unit::Minute, Case::Accusative, "2 (две) минуты"),
        (3, Unit::Month, Case::Dative, "3 (трем) месяцам"),
        (
            10,
            Unit::CalendarDay,
            Case::Instrumental,
            "10 (десятью) календарными днями",
        ),
        (
            1,
            Unit::WorkingDay,
            Case::Instrumental,
            "1 (одним) рабочим днем",
        ),
        (
            2,
            Unit::CalendarDay,
            Case::Prepositional,
            "2 (двух) календарных днях",
        ),
    ];
    for &(n, unit, case, want) in table {
        assert_eq!(ru::duration_phrase_in(n, unit, case), want);
    }
    assert_eq!(
        ru::unit_noun(4, Unit::WorkingDay, Case::Nominative),
        "рабочих дня"
    );
    assert_eq!(ru::unit_gender(Unit::Minute), Gender::Feminine);
    assert_eq!(kk::unit_noun(Unit::WorkingDay), "жұмыс күні");
}
