//! Checking the number words printed next to a figure.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::{kk, ru};

/// The result of [`check_words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordsVerdict {
    /// The words are a correct form of the number (any Russian case and
    /// gender, any Kazakh case, or an accepted variant spelling).
    Matches,
    /// The words are not a correct form of the number.
    Mismatch {
        /// The correct form of the number closest to the words: by edit
        /// distance among all forms in both languages, or, when the words
        /// spell another number, the form in the same language, case and
        /// gender. Lowercase, spelled with "е".
        suggestion: String,
        /// The number the words do correctly spell, when that is a
        /// different number: "шести" checked against 5 gives `Some(6)`.
        names_other_number: Option<u64>,
    },
}

/// Characters a PDF's text layer can leave inside words that nobody sees.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Words normalised for comparison.
struct Key {
    /// Lowercase, "ё" as "е", single spaces, variant spellings mapped to the
    /// ones the generator uses.
    text: String,
    /// The text was letter-spaced ("т р и д ц а т и"), so word boundaries
    /// are unknown and comparison ignores spaces.
    spaced: bool,
}

impl Key {
    fn new(input: &str) -> Key {
        let mut lower = String::with_capacity(input.len());
        for c in input.chars().filter(|&c| !is_invisible(c)) {
            for lc in c.to_lowercase() {
                lower.push(if lc == 'ё' { 'е' } else { lc });
            }
        }
        // Parentheses and punctuation around the words are not part of them.
        let trimmed = lower.trim_matches(|c: char| !c.is_alphanumeric());
        let tokens: Vec<&str> = trimmed.split_whitespace().collect();
        // No Russian or Kazakh numeral is a single letter, so a lone letter
        // means the text layer spaced the letters out.
        let spaced = tokens.len() >= 2 && tokens.iter().any(|t| t.chars().count() == 1);
        let text = tokens
            .join(" ")
            .replace("восьмью", "восемью")
            .replace("тысячью", "тысячей")
            .replace("нул", "нол");
        Key { text, spaced }
    }

    /// How `form` (generated, already normalised) is compared with the key.
    fn shape(&self, form: &str) -> String {
        if self.spaced {
            form.replace(' ', "")
        } else {
            form.to_string()
        }
    }

    fn probe(&self) -> String {
        self.shape(&self.text)
    }

    fn matches(&self, form: &str) -> bool {
        if self.spaced {
            self.text
                .chars()
                .filter(|&c| c != ' ')
                .eq(form.chars().filter(|&c| c != ' '))
        } else {
            self.text == form
        }
    }
}

/// Every form of `n` that [`check_words`] accepts, normalised (lowercase,
/// "е" for "ё"), canonical nominative masculine Russian first: all six
/// Russian cases in all three genders, with and without "один/одна" before
/// a scale word ("одна тысяча"/"тысяча"), then all seven Kazakh cases with
/// "жүз"/"бір жүз" and "бір мың"/"мың". Variant spellings applied to a whole
/// number at once ("тысяча сто", not a mix across scales), and the spellings
/// "восьмью", "тысячью", "нуль" are accepted too, by mapping them when
/// normalising the checked words.
pub fn accepted_forms(n: u64) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(64);
    for form in form_slots(n) {
        if !out.contains(&form) {
            out.push(form);
        }
    }
    out
}

/// Every form of `n` in a fixed order of (language, variant, case, gender)
/// slots, the same for every number, so that a form of one number can be
/// matched with the form of another in the same slot.
fn form_slots(n: u64) -> Vec<String> {
    let mut out = Vec::with_capacity(64);
    for bare_one in [false, true] {
        for case in ru::Case::ALL {
            for gender in ru::Gender::ALL {
                out.push(ru::strip_yo(&ru::render_yo(n, gender, case, bare_one)));
            }
        }
    }
    for (bir_zhuz, bare_scale) in [(false, false), (true, false), (false, true), (true, true)] {
        let style = kk::Style {
            bir_zhuz,
            bare_scale,
        };
        for case in kk::Case::ALL {
            out.push(kk::render(n, case, style));
        }
    }
    out
}

/// Edit distance is quadratic; beyond this many characters the words are
/// nothing like a numeral anyway, so only the start is compared.
const MAX_COMPARED_CHARS: usize = 512;

/// Longest key [`parse_words`] tries; the longest form in `u64` is well
/// under this.
const MAX_PARSED_CHARS: usize = 600;

/// Checks that `words` spell the number `n`.
///
/// Case-insensitive; "ё" and "е" are the same; surrounding punctuation,
/// extra spaces, invisible characters and letter-spacing ("т р и д ц а т
/// и") are ignored. Latin look-alike letters are not: "тридцати" with a
/// Latin "o"/"a" is a mismatch whose suggestion shows the correct spelling.
pub fn check_words(n: u64, words: &str) -> WordsVerdict {
    let key = Key::new(words);
    let forms = form_slots(n);
    if forms.iter().any(|f| key.matches(f)) {
        return WordsVerdict::Matches;
    }
    let other = parse_key(&key).filter(|&m| m != n);
    // Words of another number are not a typo: suggest the form of `n` in
    // the same language, case and gender ("шести" → "пяти", not the
    // Kazakh "бесті" that happens to be fewer edits away).
    let same_slot = other.and_then(|m| {
        let slot = form_slots(m).iter().position(|f| key.matches(f))?;
        forms.get(slot).cloned()
    });
    let suggestion = same_slot.unwrap_or_else(|| closest(&key, &forms));
    WordsVerdict::Mismatch {
        suggestion,
        names_other_number: other,
    }
}

/// The form nearest to the words by edit distance; ties go to the earlier
/// (more canonical) form.
fn closest(key: &Key, forms: &[String]) -> String {
    let probe: Vec<char> = key.probe().chars().take(MAX_COMPARED_CHARS).collect();
    let mut best: Option<(usize, &String)> = None;
    for form in forms {
        let d = edit_distance(&probe, &key.shape(form).chars().collect::<Vec<_>>());
        let better = match best {
            None => true,
            Some((bd, _)) => d < bd,
        };
        if better {
            best = Some((d, form));
        }
    }
    best.map(|(_, f)| f.clone()).unwrap_or_default()
}

/// The number that `words` correctly spell, in any form [`check_words`]
/// accepts, or `None`.
pub fn parse_words(words: &str) -> Option<u64> {
    parse_key(&Key::new(words))
}

fn parse_key(key: &Key) -> Option<u64> {
    if key.text.is_empty() || key.text.chars().count() > MAX_PARSED_CHARS {
        return None;
    }
    let lex = lexicon();
    let candidates = if key.spaced {
        let chars: Vec<char> = key.text.chars().filter(|&c| c != ' ').collect();
        segment_values(&chars, lex)
    } else {
        let toks: Option<Vec<Tok>> = key
            .text
            .split(' ')
            .map(|w| lex.words.get(w).copied())
            .collect();
        toks.and_then(|t| evaluate(&t)).into_iter().collect()
    };
    // The token arithmetic is loose ("пять жүз" adds up too); generating the
    // candidate's forms is what makes the answer exact.
    candidates
        .into_iter()
        .find(|&m| accepted_forms(m).iter().any(|f| key.matches(f)))
}

/// What a numeral word contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// Added to the current group: 0..=19, tens, Russian hundreds.
    Value(u64),
    /// Kazakh "жүз": multiplies the current group by 100.
    KkHundred,
    /// 1000^k: multiplies the current group (or 1) and closes it.
    Scale(u32),
}

struct Lexicon {
    words: HashMap<String, Tok>,
    max_chars: usize,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build_lexicon)
}

fn build_lexicon() -> Lexicon {
    let mut words = HashMap::new();
    fn add(words: &mut HashMap<String, Tok>, w: String, t: Tok) {
        let prev = words.insert(w, t);
        debug_assert!(
            !matches!(prev, Some(p) if p != t),
            "conflicting numeral word"
        );
    }
    fn add_ru(words: &mut HashMap<String, Tok>, forms: &ru::Forms, t: Tok) {
        for f in forms {
            add(words, ru::strip_yo(f), t);
        }
    }
    let w = &mut words;
    add_ru(w, &ru::ZERO, Tok::Value(0));
    for f in [ru::ONE_M, ru::ONE_F, ru::ONE_N] {
        add_ru(w, &f, Tok::Value(1));
    }
    for f in [ru::TWO_MN, ru::TWO_F] {
        add_ru(w, &f, Tok::Value(2));
    }
    for (i, f) in ru::UNITS_3_9.iter().enumerate() {
        add_ru(w, f, Tok::Value(3 + i as u64));
    }
    for (i, f) in ru::TEENS.iter().enumerate() {
        add_ru(w, f, Tok::Value(10 + i as u64));
    }
    for (i, f) in ru::TENS.iter().enumerate() {
        add_ru(w, f, Tok::Value(20 + 10 * i as u64));
    }
    for (i, f) in ru::HUNDREDS.iter().enumerate() {
        add_ru(w, f, Tok::Value(100 * (i as u64 + 1)));
    }
    for (k, noun) in ru::SCALES.iter().enumerate() {
        add_ru(w, &noun.sg, Tok::Scale(k as u32 + 1));
        add_ru(w, &noun.pl, Tok::Scale(k as u32 + 1));
    }
    let mut kk_words: Vec<(&kk::Word, Tok)> = vec![(&kk::ZERO, Tok::Value(0))];
    for (i, word) in kk::UNITS.iter().enumerate() {
        kk_words.push((word, Tok::Value(i as u64 + 1)));
    }
    for (i, word) in kk::TENS.iter().enumerate() {
        kk_words.push((word, Tok::Value(10 * (i as u64 + 1))));
    }
    kk_words.push((&kk::HUNDRED, Tok::KkHundred));
    for (k, word) in kk::SCALES.iter().enumerate() {
        kk_words.push((word, Tok::Scale(k as u32 + 1)));
    }
    for (word, t) in kk_words {
        for case in kk::Case::ALL {
            add(w, format!("{}{}", word.text, word.suffix(case)), t);
        }
    }
    let max_chars = words.keys().map(|w| w.chars().count()).max().unwrap_or(0);
    Lexicon { words, max_chars }
}

/// Adds up numeral words; `None` on overflow.
fn evaluate(toks: &[Tok]) -> Option<u64> {
    let (mut total, mut group) = (0u64, 0u64);
    for t in toks {
        match *t {
            Tok::Value(v) => group = group.checked_add(v)?,
            Tok::KkHundred => group = group.max(1).checked_mul(100)?,
            Tok::Scale(k) => {
                let scaled = group.max(1).checked_mul(1000u64.checked_pow(k)?)?;
                total = total.checked_add(scaled)?;
                group = 0;
            }
        }
    }
    total.checked_add(group)
}

/// A few splittings are enough: real numerals split one way, and every
/// candidate is verified anyway.
const MAX_SEGMENTATIONS: usize = 32;

/// Values of the ways letter-spaced text (spaces lost) splits into
/// numeral words.
fn segment_values(chars: &[char], lex: &Lexicon) -> Vec<u64> {
    let n = chars.len();
    let word_at = |i: usize, len: usize| -> Option<Tok> {
        let s: String = chars[i..i + len].iter().collect();
        lex.words.get(&s).copied()
    };
    // reach[i]: chars[i..] splits into words; prunes the search below.
    let mut reach = vec![false; n + 1];
    reach[n] = true;
    for i in (0..n).rev() {
        reach[i] =
            (1..=lex.max_chars.min(n - i)).any(|len| reach[i + len] && word_at(i, len).is_some());
    }
    let mut out = Vec::new();
    if n > 0 && reach[0] {
        let mut toks = Vec::new();
        split_from(0, chars, &reach, lex, &word_at, &mut toks, &mut out);
    }
    out
}

fn split_from(
    i: usize,
    chars: &[char],
    reach: &[bool],
    lex: &Lexicon,
    word_at: &dyn Fn(usize, usize) -> Option<Tok>,
    toks: &mut Vec<Tok>,
    out: &mut Vec<u64>,
) {
    if out.len() >= MAX_SEGMENTATIONS {
        return;
    }
    if i == chars.len() {
        if let Some(v) = evaluate(toks) {
            if !out.contains(&v) {
                out.push(v);
            }
        }
        return;
    }
    for len in 1..=lex.max_chars.min(chars.len() - i) {
        if !reach[i + len] {
            continue;
        }
        if let Some(t) = word_at(i, len) {
            toks.push(t);
            split_from(i + len, chars, reach, lex, word_at, toks, out);
            toks.pop();
        }
    }
}

/// Optimal-string-alignment distance: Levenshtein plus adjacent
/// transpositions, the commonest typing slip ("пяит" for "пяти").
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * w] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_basics() {
        let d = |a: &str, b: &str| {
            edit_distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("", ""), 0);
        assert_eq!(d("традцати", "тридцати"), 1);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("", "пять"), 4);
        assert_eq!(d("пяит", "пяти"), 1);
    }

    #[test]
    fn lexicon_words_are_single_words() {
        for w in lexicon().words.keys() {
            assert!(!w.contains(' ') && !w.is_empty(), "{w:?}");
        }
    }

    #[test]
    fn evaluate_overflow_is_none() {
        assert_eq!(evaluate(&[Tok::Value(999), Tok::Scale(7)]), None);
    }
}
