//! Checks of the text as typed: Latin letters inside Cyrillic words, number words that do not
//! spell their figure, and bidirectional control characters.

use crate::Findings;
use reglam_diagnostics::{is_bidi_control, FileId, Problem, Span};
use reglam_model::Citation;
use reglam_numerals::{check_words, WordsVerdict};
use reglam_syntax::{ArgKind, Statement, SyntaxFile};

/// W070 at the first bidirectional control character of every line that holds one: it reorders
/// what a reader sees, so the text read is not the text shown (comments included, which is
/// why this reads the source text, not the tree).
pub(crate) fn bidi_controls(file: FileId, text: &str, out: &mut Findings) {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some((i, c)) = line.char_indices().find(|(_, c)| is_bidi_control(*c)) {
            let at = line_start + i;
            out.report(
                Problem::BidiControl {
                    span: Span::new(file, at, at + c.len_utf8()),
                    character: c as u32,
                },
                None,
            );
        }
        line_start += line.len();
    }
}

pub(crate) fn file(syntax: &SyntaxFile, out: &mut Findings) {
    for st in &syntax.statements {
        statement(st, out);
    }
}

fn statement(st: &Statement, out: &mut Findings) {
    // Findings inside a statement name the statement's citation, so a drafter finds the place.
    let cite = st.args.iter().find_map(|a| match &a.kind {
        ArgKind::Citation(c) => Some(Citation {
            raw: c.clone(),
            span: a.span,
        }),
        _ => None,
    });
    let cite = cite.as_ref();
    mixed_script(&st.keyword, st.keyword_span, cite, out);
    for arg in &st.args {
        match &arg.kind {
            ArgKind::Word(w) => mixed_script(w, arg.span, cite, out),
            ArgKind::Text(t) => {
                // One finding per text, naming its first mixed word: an act typed with a Latin
                // `i` throughout would otherwise bury everything else.
                // Most texts have no Latin letter at all: nothing to look at.
                if !t.bytes().any(|b| b.is_ascii_alphabetic()) {
                    continue;
                }
                let words = t.split(|c: char| !c.is_alphanumeric());
                if let Some(word) = words.into_iter().find(|w| mixed_letter(w).is_some()) {
                    mixed_script(word, arg.span, cite, out);
                }
            }
            ArgKind::Number {
                value: Some(n),
                words: Some(words),
                ..
            } => {
                if let WordsVerdict::Mismatch {
                    suggestion,
                    names_other_number,
                } = check_words(*n, words)
                {
                    out.report(
                        Problem::NumberWords {
                            span: arg.span,
                            number: *n,
                            words: words.clone(),
                            suggestion,
                            other_number: names_other_number,
                        },
                        cite,
                    );
                }
            }
            _ => {}
        }
    }
    if let Some(b) = &st.block {
        for s in &b.statements {
            statement(s, out);
        }
    }
}

/// Latin letters that look like Cyrillic ones, and the Cyrillic letter a drafter meant.
const LOOKALIKES: &[(char, char)] = &[
    ('a', 'а'),
    ('c', 'с'),
    ('e', 'е'),
    ('i', 'і'),
    ('o', 'о'),
    ('p', 'р'),
    ('x', 'х'),
    ('y', 'у'),
    ('A', 'А'),
    ('B', 'В'),
    ('C', 'С'),
    ('E', 'Е'),
    ('H', 'Н'),
    ('I', 'І'),
    ('K', 'К'),
    ('M', 'М'),
    ('O', 'О'),
    ('P', 'Р'),
    ('T', 'Т'),
    ('X', 'Х'),
    ('Y', 'У'),
    ('h', 'һ'),
];

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

/// A word that is mostly Cyrillic with a Latin look-alike in it is a typing slip. Words mixing
/// scripts on purpose (`ЦОН-2`, `e-gov`) have no Cyrillic letters or no look-alikes.
fn mixed_letter(word: &str) -> Option<char> {
    // Identifiers are mostly ASCII, texts mostly Cyrillic: neither can mix.
    if word.is_ascii() {
        return None;
    }
    let cyr = word.chars().filter(|c| is_cyrillic(*c)).count();
    let latin: Vec<char> = word.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    if cyr == 0 || latin.is_empty() || cyr < latin.len() {
        return None;
    }
    latin
        .into_iter()
        .find(|c| LOOKALIKES.iter().any(|(l, _)| l == c))
}

fn mixed_script(word: &str, span: Span, cite: Option<&Citation>, out: &mut Findings) {
    let Some(letter) = mixed_letter(word) else {
        return;
    };
    let suggestion: String = word
        .chars()
        .map(|c| {
            LOOKALIKES
                .iter()
                .find(|(l, _)| *l == c)
                .map_or(c, |(_, k)| *k)
        })
        .collect();
    out.report(
        Problem::MixedScript {
            span,
            word: word.to_string(),
            letter,
            suggestion,
        },
        cite,
    );
}
