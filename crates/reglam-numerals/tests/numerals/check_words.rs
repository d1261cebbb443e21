//! The checker: accepted spellings, typos, other numbers.

use reglam_numerals::{check_words, parse_words, WordsVerdict};

fn mismatch(suggestion: &str, other: Option<u64>) -> WordsVerdict {
    WordsVerdict::Mismatch {
        suggestion: suggestion.to_string(),
        names_other_number: other,
    }
}

#[test]
fn accepts_correct_forms() {
    let ok: &[(u64, &str)] = &[
        (30, "тридцать"),
        (30, "тридцати"),
        (30, "тридцатью"),
        (30, "ТРИДЦАТИ"),
        (30, "Тридцати"),
        (30, "  тридцати  "),
        (30, "(тридцати)"),
        (30, "т р и д ц а т и"),
        (30, "т р и д ц а т ь"),
        (31, "тридцать  один"),
        (31, "тридцать\u{a0}один"),
        (31, "т р и д ц а т ь   о д и н"),
        (31, "т р и д ц а т ь о д и н"),
        (31, "тридцать одна"),
        (31, "тридцати одной"),
        (3, "трех"),
        (3, "трёх"),
        (3, "ТРЁХ"),
        (4, "четырём"),
        (300, "трёхсот"),
        (5, "пяти"),
        (1, "одна"),
        (1, "одну"),
        (1, "одного"),
        (21, "двадцати одного"),
        (8, "восьмью"),
        (8, "восемью"),
        (0, "нуль"),
        (0, "ноль"),
        (1000, "тысяча"),
        (1000, "одна тысяча"),
        (1000, "тысячи"),
        (1000, "одной тысячью"),
        (1100, "тысяча сто"),
        (100, "сто"),
        (11, "одиннадцать"),
        (5, "бес"),
        (5, "БЕС"),
        (5, "беске"),
        (5, "бестен"),
        (30, "отыз"),
        (30, "отыздан"),
        (100, "жүз"),
        (100, "бір жүз"),
        (1000, "бір мың"),
        (1000, "мың"),
        (1000, "мыңнан"),
        (115, "жүз он бес"),
        (115, "бір жүз он бес"),
        (21, "ж и ы р м а б і р"),
        (30, "тридца\u{ad}ти"),
    ];
    for &(n, words) in ok {
        assert_eq!(
            check_words(n, words),
            WordsVerdict::Matches,
            "{n} {words:?}"
        );
        assert_eq!(parse_words(words), Some(n), "{words:?}");
    }
}

#[test]
fn typos_get_the_closest_form() {
    assert_eq!(check_words(30, "традцати"), mismatch("тридцати", None));
    assert_eq!(check_words(30, "тридцат"), mismatch("тридцать", None));
    assert_eq!(check_words(5, "пятт"), mismatch("пять", None));
    assert_eq!(check_words(5, "пяит"), mismatch("пяти", None));
    assert_eq!(
        check_words(21, "двадцать адин"),
        mismatch("двадцать один", None)
    );
    assert_eq!(
        check_words(30, "т р а д ц а т и"),
        mismatch("тридцати", None)
    );
    assert_eq!(check_words(30, "отыс"), mismatch("отыз", None));
    assert_eq!(check_words(5, "бесс"), mismatch("бес", None));
    assert_eq!(check_words(12, "двенадцат"), mismatch("двенадцать", None));
}

#[test]
fn latin_look_alikes_are_not_accepted() {
    // Latin a (U+0061) and o (U+006F) in otherwise Cyrillic words.
    assert_eq!(check_words(30, "тридцaти"), mismatch("тридцати", None));
    assert_eq!(check_words(40, "сoрок"), mismatch("сорок", None));
    assert_eq!(check_words(1, "oдин"), mismatch("один", None));
    assert_eq!(check_words(3, "тpи"), mismatch("три", None));
    assert_eq!(parse_words("тридцaти"), None);
}

#[test]
fn words_of_another_number() {
    assert_eq!(check_words(5, "шести"), mismatch("пяти", Some(6)));
    assert_eq!(
        check_words(30, "тридцать один"),
        mismatch("тридцать", Some(31))
    );
    assert_eq!(check_words(10, "двадцати"), mismatch("десяти", Some(20)));
    assert_eq!(check_words(5, "алты"), mismatch("бес", Some(6)));
    assert_eq!(
        check_words(11, "двенадцать"),
        mismatch("одиннадцать", Some(12))
    );
    assert_eq!(check_words(1000, "сто"), mismatch("одна тысяча", Some(100)));
    assert_eq!(
        check_words(30, "т р и д ц а т ь о д и н"),
        mismatch("тридцать", Some(31))
    );
}

#[test]
fn not_a_number() {
    // Mixed languages and arbitrary text name no number.
    assert_eq!(parse_words("пять мың"), None);
    assert_eq!(parse_words("один один"), None);
    assert_eq!(parse_words("сто сто"), None);
    assert_eq!(parse_words("жүз жүз"), None);
    assert_eq!(parse_words(""), None);
    assert_eq!(parse_words("рабочих дней"), None);
    assert!(matches!(
        check_words(5, ""),
        WordsVerdict::Mismatch {
            names_other_number: None,
            ..
        }
    ));
    assert!(matches!(
        check_words(5, "пять мың"),
        WordsVerdict::Mismatch {
            names_other_number: None,
            ..
        }
    ));
}

#[test]
fn large_numbers() {
    assert_eq!(parse_words("один миллион"), Some(1_000_000));
    assert_eq!(parse_words("миллион"), Some(1_000_000));
    assert_eq!(parse_words("бір миллион"), Some(1_000_000));
    assert_eq!(
        check_words(
            u64::MAX,
            &reglam_numerals::ru::cardinal(u64::MAX, reglam_numerals::ru::Gender::Masculine)
        ),
        WordsVerdict::Matches
    );
}
