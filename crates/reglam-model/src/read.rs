//! Reading statements: the keyword table's answers for one file (which statement, which
//! arguments, which fixed word), with problems reported as it goes. Lowering and the flow
//! builder both read through it, so neither depends on the other.

use crate::args::{read_header, suggest_in, Header};
use crate::model::*;
use reglam_diagnostics::{
    suggest::suggest, ArgIssue, Diagnostic, Expected, FileId, Problem, Span, Within,
};
use reglam_syntax::{Fixed, Keyword, Parent, Statement, VocabWord, Vocabulary};

pub(crate) struct Reader<'a> {
    pub file: FileId,
    /// The default language of texts (`lang`).
    pub lang: Lang,
    pub diagnostics: Vec<Diagnostic>,
    /// The spellings of keywords and fixed words.
    pub vocab: &'a Vocabulary,
    /// The column of `vocab` the file is written in: messages answer in it.
    pub column: usize,
}

impl Reader<'_> {
    pub(crate) fn report(&mut self, problem: Problem, cite: Option<&Citation>) {
        self.diagnostics
            .push(problem.into_diagnostic(cite.map(|c| c.raw.as_str())));
    }

    pub(crate) fn report_all(&mut self, problems: Vec<Problem>) {
        for p in problems {
            self.report(p, None);
        }
    }

    /// The statement whose block `parent` is, spelt in the file's language.
    pub(crate) fn within(&self, parent: Parent) -> Within {
        match parent.keyword() {
            None => Within::TopLevel,
            Some(k) => Within::Statement(self.vocab.spelling(k, self.column).to_string()),
        }
    }

    /// What a statement's keyword means, whatever it is allowed.
    pub(crate) fn keyword_of(&self, st: &Statement) -> Option<Keyword> {
        self.vocab.find::<Keyword>(&st.keyword)
    }

    /// The keyword of a statement, if it is allowed in `parent`; reports it otherwise.
    pub(crate) fn keyword(&mut self, st: &Statement, parent: Parent) -> Option<Keyword> {
        self.keyword_within(st, parent, self.within(parent))
    }

    /// As [`Self::keyword`], naming the enclosing statement as written (a step's block may
    /// belong to `step`, `check` or `wait`).
    pub(crate) fn keyword_within(
        &mut self,
        st: &Statement,
        parent: Parent,
        within: Within,
    ) -> Option<Keyword> {
        let allowed = parent.children();
        match self.keyword_of(st) {
            Some(k) if allowed.contains(&k) => Some(k),
            _ => {
                let spellings: Vec<&'static str> = allowed
                    .iter()
                    .map(|k| self.vocab.spelling(*k, self.column))
                    .collect();
                let suggestion = suggest(&st.keyword, spellings.iter().copied());
                self.report(
                    Problem::UnknownStatement {
                        span: st.keyword_span,
                        word: st.keyword.clone(),
                        within,
                        suggestion,
                        allowed: spellings,
                    },
                    None,
                );
                None
            }
        }
    }

    /// Reads a statement's arguments as its row of the statement table says.
    pub(crate) fn header(&mut self, st: &Statement) -> Header {
        let shape = self.keyword_of(st).map(|k| k.shape()).unwrap_or_default();
        self.header_shaped(st, shape)
    }

    /// As [`Self::header`], for a statement whose arguments depend on where it is.
    pub(crate) fn header_in(&mut self, st: &Statement, parent: Parent) -> Header {
        let shape = self
            .keyword_of(st)
            .map(|k| k.shape_in(parent))
            .unwrap_or_default();
        self.header_shaped(st, shape)
    }

    pub(crate) fn header_shaped(&mut self, st: &Statement, shape: reglam_syntax::Shape) -> Header {
        let mut problems = Vec::new();
        let h = read_header(st, self.vocab, self.column, shape.units, &mut problems);
        h.validate(st, shape, self.vocab, self.column, &mut problems);
        self.report_all(problems);
        h
    }

    /// The fixed words `words`, spelt in the file's language.
    pub(crate) fn fixed_words(&self, words: &[Fixed]) -> Expected {
        Expected::FixedWords(
            words
                .iter()
                .map(|w| self.vocab.spelling(*w, self.column))
                .collect(),
        )
    }

    pub(crate) fn no_block(&mut self, st: &Statement) {
        if let Some(b) = &st.block {
            self.report(
                Problem::BadArguments {
                    span: Span {
                        end: b.span.start + 1,
                        ..b.span
                    },
                    statement: st.keyword.clone(),
                    issue: ArgIssue::UnexpectedBlock,
                },
                None,
            );
        }
    }

    pub(crate) fn missing(&mut self, st: &Statement, what: Expected) {
        self.report(
            Problem::BadArguments {
                span: st.keyword_span,
                statement: st.keyword.clone(),
                issue: ArgIssue::Missing(what),
            },
            None,
        );
    }

    /// Texts of a header, as one bilingual text.
    pub(crate) fn text_of(&self, h: &Header) -> Text {
        let mut t = Text::default();
        for (lang, text, _) in &h.texts {
            t.set(lang.unwrap_or(self.lang), normalize(text));
        }
        t
    }

    pub(crate) fn block<'s>(&self, st: &'s Statement) -> &'s [Statement] {
        st.block.as_ref().map_or(&[], |b| &b.statements)
    }

    /// `title ru "…"` and the like: merges into `target`.
    pub(crate) fn text_field(&mut self, st: &Statement, target: &mut Text) {
        let h = self.header(st);
        self.no_block(st);
        if h.texts.is_empty() {
            self.missing(st, Expected::Text);
        }
        for (lang, text, _) in &h.texts {
            target.set(lang.unwrap_or(self.lang), normalize(text));
        }
    }

    pub(crate) fn string_field(&mut self, st: &Statement) -> Option<String> {
        let h = self.header(st);
        self.no_block(st);
        let value = h
            .texts
            .first()
            .map(|(_, t, _)| t.clone())
            .or_else(|| h.words.first().map(|(w, _)| w.clone()))
            .or_else(|| h.numbers.first().map(|(n, _)| n.to_string()));
        if value.is_none() {
            self.missing(st, Expected::Value);
        }
        value
    }

    pub(crate) fn date_field(&mut self, st: &Statement) -> Option<String> {
        let h = self.header(st);
        self.no_block(st);
        match h.dates.first() {
            Some((d, span)) => self.valid_date(d, *span),
            None => {
                self.missing(st, Expected::Date);
                None
            }
        }
    }

    pub(crate) fn valid_date(&mut self, d: &str, span: Span) -> Option<String> {
        let parts: Vec<u32> = d.split('-').filter_map(|p| p.parse().ok()).collect();
        let ok = parts.len() == 3 && {
            let (y, m, day) = (parts[0], parts[1], parts[2]);
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ];
            (1..=12).contains(&m) && day >= 1 && day <= days[(m - 1) as usize]
        };
        if ok {
            Some(d.to_string())
        } else {
            self.report(
                Problem::BadArguments {
                    span,
                    statement: self.vocab.spelling(Keyword::Date, self.column).into(),
                    issue: ArgIssue::BadDate(d.into()),
                },
                None,
            );
            None
        }
    }

    /// A word that must be a word of class `T`.
    pub(crate) fn choice<T: VocabWord>(
        &mut self,
        st: &Statement,
        word: &(String, Span),
    ) -> Option<T> {
        let all = self.vocab.words::<T>();
        self.choice_of(st, word, &all)
    }

    /// A word that must be one of `choices`; otherwise an error with the closest spelling in
    /// the file's language.
    pub(crate) fn choice_of<T: VocabWord>(
        &mut self,
        st: &Statement,
        word: &(String, Span),
        choices: &[T],
    ) -> Option<T> {
        match self.vocab.find::<T>(&word.0) {
            Some(v) if choices.contains(&v) => Some(v),
            _ => {
                let allowed: Vec<&'static str> = choices
                    .iter()
                    .map(|c| self.vocab.spelling(*c, self.column))
                    .collect();
                let suggestion = suggest(&word.0, allowed.iter().copied())
                    .or_else(|| suggest_in::<T>(self.vocab, self.column, &word.0));
                self.report(
                    Problem::BadArguments {
                        span: word.1,
                        statement: st.keyword.clone(),
                        issue: ArgIssue::NotOneOf {
                            found: word.0.clone(),
                            allowed,
                            suggestion,
                        },
                    },
                    None,
                );
                None
            }
        }
    }
}

/// Texts copied from acts span lines; documents want them on one line.
pub(crate) fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
