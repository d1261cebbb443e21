//! Reading a statement's arguments: one generic pass that sorts them into names, texts,
//! durations, citations and jumps, so each statement only says which of those it takes.

use crate::model::{Citation, Lang};
use crate::time::Duration;
use reglam_diagnostics::{suggest::suggest, ArgIssue, Expected, Problem, Span, Unexpected};
use reglam_syntax::{ArgKind, ChannelKind, Fixed, Shape, Statement, Unit, Vocabulary};

#[derive(Debug, Default)]
pub(crate) struct Header {
    pub words: Vec<(String, Span)>,
    pub texts: Vec<(Option<Lang>, String, Span)>,
    pub durations: Vec<Duration>,
    /// Numbers not followed by a unit (`max 2 times`).
    pub numbers: Vec<(u64, Span)>,
    pub dates: Vec<(String, Span)>,
    pub cite: Option<Citation>,
    pub arrow: Option<(String, Span)>,
    pub then: Option<(String, Span)>,
    pub otherwise: Option<(String, Span)>,
    pub before_deadline: bool,
    /// `for state-corporation`: the kinds of channel this applies to (all when empty).
    pub for_kinds: Vec<(String, Span)>,
}

/// Sorts the arguments. `units` says whether a number followed by a word is a duration (and
/// an unknown word after a number a misspelt unit); `column` is the file's language, for
/// suggestions.
pub(crate) fn read_header(
    st: &Statement,
    vocab: &Vocabulary,
    column: usize,
    units: bool,
    problems: &mut Vec<Problem>,
) -> Header {
    let lang_of = |w: &str| vocab.find::<Lang>(w);
    let mut h = Header::default();
    let args = &st.args;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let next = args.get(i + 1);
        match &arg.kind {
            ArgKind::Word(w) => {
                if let (Some(lang), Some(ArgKind::Text(t))) = (lang_of(w), next.map(|n| &n.kind)) {
                    h.texts.push((Some(lang), t.clone(), next.unwrap().span));
                    i += 2;
                    continue;
                }
                let kw = vocab.find::<Fixed>(w);
                if matches!(kw, Some(Fixed::Then) | Some(Fixed::Else)) {
                    match next.map(|n| &n.kind) {
                        Some(ArgKind::Word(t)) => {
                            let target = (t.clone(), next.unwrap().span);
                            if kw == Some(Fixed::Then) {
                                h.then = Some(target);
                            } else {
                                h.otherwise = Some(target);
                            }
                            i += 2;
                            continue;
                        }
                        _ => {
                            problems.push(Problem::BadArguments {
                                span: arg.span,
                                statement: st.keyword.clone(),
                                issue: ArgIssue::Missing(Expected::BranchTarget),
                            });
                            i += 1;
                            continue;
                        }
                    }
                }
                if kw == Some(Fixed::BeforeDeadline) {
                    h.before_deadline = true;
                    i += 1;
                    continue;
                }
                if kw == Some(Fixed::For) {
                    // `for akim portal`: every following channel kind word.
                    let mut j = i + 1;
                    while let Some(ArgKind::Word(k)) = args.get(j).map(|a| &a.kind) {
                        if vocab.find::<ChannelKind>(k).is_none() {
                            break;
                        }
                        h.for_kinds.push((k.clone(), args[j].span));
                        j += 1;
                    }
                    if j == i + 1 {
                        problems.push(Problem::BadArguments {
                            span: arg.span,
                            statement: st.keyword.clone(),
                            issue: ArgIssue::Missing(Expected::ChannelKindAfterFor),
                        });
                    }
                    i = j;
                    continue;
                }
                h.words.push((w.clone(), arg.span));
            }
            ArgKind::Text(t) => h.texts.push((None, t.clone(), arg.span)),
            ArgKind::Number { value, words, .. } => {
                let Some(value) = *value else {
                    problems.push(Problem::BadArguments {
                        span: arg.span,
                        statement: st.keyword.clone(),
                        issue: ArgIssue::NumberTooLarge,
                    });
                    i += 1;
                    continue;
                };
                let words_span = words.as_ref().map(|_| arg.span);
                if units {
                    if let Some(ArgKind::Word(u)) = next.map(|n| &n.kind) {
                        let unit_span = next.unwrap().span;
                        match vocab.find::<Unit>(u) {
                            Some(unit) => {
                                let d = Duration {
                                    value,
                                    unit,
                                    words: words.clone(),
                                    span: arg.span.to(unit_span),
                                    words_span,
                                };
                                // "1 час 30 минут" is one duration written in two units; a
                                // statement has one duration, so compatible ones add up.
                                match h.durations.last_mut() {
                                    Some(prev) if adjacent(prev, &d) => {
                                        *prev = merge(prev, &d);
                                    }
                                    _ => h.durations.push(d),
                                }
                            }
                            None => {
                                // A word right after a figure is meant as its unit, unless it
                                // is a language tag or keyword.
                                if vocab.is_reserved(u) {
                                    h.numbers.push((value, arg.span));
                                    i += 1;
                                    continue;
                                }
                                problems.push(Problem::UnknownUnit {
                                    span: unit_span,
                                    word: u.clone(),
                                    suggestion: suggest_in::<Unit>(vocab, column, u),
                                });
                            }
                        }
                        i += 2;
                        continue;
                    }
                }
                h.numbers.push((value, arg.span));
            }
            ArgKind::Date(d) => h.dates.push((d.clone(), arg.span)),
            ArgKind::Citation(c) => {
                if h.cite.is_some() {
                    unexpected(
                        st,
                        arg.span,
                        Unexpected::AnotherCitation(c.clone()),
                        problems,
                    );
                } else {
                    h.cite = Some(Citation {
                        raw: c.clone(),
                        span: arg.span,
                    });
                }
            }
            ArgKind::Arrow => match next.map(|n| &n.kind) {
                Some(ArgKind::Word(t)) => {
                    h.arrow = Some((t.clone(), next.unwrap().span));
                    i += 2;
                    continue;
                }
                _ => problems.push(Problem::BadArguments {
                    span: arg.span,
                    statement: st.keyword.clone(),
                    issue: ArgIssue::Missing(Expected::NameAfterArrow),
                }),
            },
        }
        i += 1;
    }
    h
}

/// The closest spelling of a word of class `T`: in the file's language first, then in any.
pub(crate) fn suggest_in<T: reglam_syntax::VocabWord>(
    vocab: &Vocabulary,
    column: usize,
    word: &str,
) -> Option<String> {
    suggest(word, vocab.all_spellings::<T>(column)).or_else(|| {
        let all: Vec<&str> = (0..vocab.columns().len())
            .flat_map(|c| vocab.all_spellings::<T>(c))
            .collect();
        suggest(word, all)
    })
}

/// Whether two durations written one after the other can be one amount: both working time, or
/// the same calendar unit.
fn adjacent(a: &Duration, b: &Duration) -> bool {
    let working = |u: Unit| matches!(u, Unit::Minute | Unit::Hour | Unit::WorkingDay);
    (working(a.unit) && working(b.unit)) || a.unit == b.unit
}

fn merge(a: &Duration, b: &Duration) -> Duration {
    let (value, unit) = if a.unit == b.unit {
        (a.value.saturating_add(b.value), a.unit)
    } else {
        let minutes = a
            .amount()
            .working_minutes
            .saturating_add(b.amount().working_minutes);
        (minutes, Unit::Minute)
    };
    Duration {
        value,
        unit,
        words: None,
        span: a.span.to(b.span),
        words_span: None,
    }
}

pub(crate) fn unexpected(
    st: &Statement,
    span: Span,
    what: Unexpected,
    problems: &mut Vec<Problem>,
) {
    problems.push(Problem::BadArguments {
        span,
        statement: st.keyword.clone(),
        issue: ArgIssue::Unexpected(what),
    });
}

impl Header {
    pub(crate) fn validate(
        &self,
        st: &Statement,
        accepts: Shape,
        vocab: &Vocabulary,
        column: usize,
        problems: &mut Vec<Problem>,
    ) {
        let say = |f: Fixed| vocab.spelling(f, column);
        let mut extra = |span: Span, what: Unexpected| {
            problems.push(Problem::BadArguments {
                span,
                statement: st.keyword.clone(),
                issue: ArgIssue::Unexpected(what),
            })
        };
        for (w, span) in self.words.iter().skip(accepts.words) {
            extra(*span, Unexpected::Word(w.clone()));
        }
        if !accepts.texts {
            for (_, _, span) in &self.texts {
                extra(*span, Unexpected::Text);
            }
        }
        for d in self.durations.iter().skip(accepts.durations) {
            extra(d.span, Unexpected::Duration);
        }
        for (n, span) in self.numbers.iter().skip(accepts.numbers) {
            extra(*span, Unexpected::Number(*n));
        }
        for (d, span) in self.dates.iter().skip(accepts.dates) {
            extra(*span, Unexpected::Date(d.clone()));
        }
        if let (false, Some(c)) = (accepts.cite, &self.cite) {
            extra(c.span, Unexpected::Citation);
        }
        if let (false, Some((_, span))) = (accepts.arrow, &self.arrow) {
            extra(*span, Unexpected::Arrow);
        }
        if !accepts.then_else {
            for (_, span) in self.then.iter().chain(self.otherwise.iter()) {
                let words = vec![say(Fixed::Then), say(Fixed::Else)];
                extra(*span, Unexpected::FixedWords(words));
            }
        }
        if !accepts.for_kinds {
            for (_, span) in &self.for_kinds {
                extra(*span, Unexpected::FixedWords(vec![say(Fixed::For)]));
            }
        }
        if self.before_deadline && !accepts.before_deadline {
            let words = vec![say(Fixed::BeforeDeadline)];
            extra(st.keyword_span, Unexpected::FixedWords(words));
        }
    }
}
