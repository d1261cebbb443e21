//! Lowering flow statements into [`FlowDecl`]s: every argument read and checked, fixed words
//! and actors resolved. No graph is built here, so a procedure is lowered once however many
//! channels call it.

use crate::decl::*;
use crate::model::*;
use crate::read::{normalize, Reader};
use reglam_diagnostics::{suggest::suggest, Expected, Problem, Span, Within};
use reglam_syntax::{ChannelKind, Fixed, Keyword, Parent, Statement};

pub(crate) struct FlowLowering<'r, 'a, 's> {
    pub read: &'r mut Reader<'a>,
    pub actors: &'s [Actor],
    /// `actors` by id.
    pub actor_ids: &'s std::collections::HashMap<String, usize>,
}

impl FlowLowering<'_, '_, '_> {
    /// Lowers statements in order. `parent` is where they are, for "not allowed here".
    pub(crate) fn seq<'x>(
        &mut self,
        stmts: impl Iterator<Item = &'x Statement>,
        parent: Parent,
    ) -> Vec<FlowDecl> {
        let mut out = Vec::new();
        for st in stmts {
            let Some(kw) = self.read.keyword(st, parent) else {
                continue;
            };
            if let Some(d) = self.statement(st, kw, parent) {
                out.push(d);
            }
        }
        out
    }

    fn actor(&mut self, word: &Name, cite: Option<&Citation>) -> Option<usize> {
        if let Some(&i) = self.actor_ids.get(&word.0) {
            return Some(i);
        }
        let suggestion = suggest(&word.0, self.actors.iter().map(|a| a.id.as_str()));
        self.read.report(
            Problem::UndeclaredActor {
                span: word.1,
                name: word.0.clone(),
                suggestion,
            },
            cite,
        );
        None
    }

    fn kinds(&self, words: &[(String, Span)]) -> Vec<ChannelKind> {
        words
            .iter()
            .filter_map(|(w, _)| self.read.vocab.find::<ChannelKind>(w))
            .collect()
    }

    fn decl(kind: DeclKind, cite: Option<Citation>, st: &Statement) -> Option<FlowDecl> {
        Some(FlowDecl {
            kind,
            cite,
            span: st.span,
        })
    }

    fn statement(&mut self, st: &Statement, kw: Keyword, parent: Parent) -> Option<FlowDecl> {
        match kw {
            Keyword::Step | Keyword::Wait | Keyword::Check | Keyword::Decide => {
                self.step_like(st, kw)
            }
            Keyword::Outcome => {
                let h = self.read.header(st);
                self.read.no_block(st);
                let Some(id) = h.words.first().cloned() else {
                    self.read.missing(st, Expected::Name);
                    return None;
                };
                let outcome = match h.words.get(1) {
                    Some(w) => self
                        .read
                        .choice::<OutcomeKind>(st, w)
                        .unwrap_or(OutcomeKind::Other),
                    None => {
                        self.read.missing(st, Expected::OutcomeKind);
                        OutcomeKind::Other
                    }
                };
                let text = self.read.text_of(&h);
                Self::decl(DeclKind::Outcome { id, outcome, text }, h.cite, st)
            }
            Keyword::Goto => {
                let h = self.read.header(st);
                self.read.no_block(st);
                let Some(target) = h.words.first().cloned() else {
                    self.read.missing(st, Expected::Destination);
                    return None;
                };
                Self::decl(DeclKind::Goto { target }, h.cite, st)
            }
            Keyword::Call => {
                let h = self.read.header(st);
                self.read.no_block(st);
                let Some(name) = h.words.first().cloned() else {
                    self.read.missing(st, Expected::ProcedureName);
                    return None;
                };
                Self::decl(DeclKind::Call { name }, h.cite, st)
            }
            Keyword::Parallel => {
                let h = self.read.header(st);
                let id = h.words.first().cloned();
                let mut branches = Vec::new();
                for b in st.block.as_ref().map_or(&[][..], |b| &b.statements[..]) {
                    if self.read.keyword(b, Parent::Parallel).is_none() {
                        continue;
                    }
                    self.read.header(b);
                    let body = b.block.as_ref().map_or(&[][..], |b| &b.statements[..]);
                    branches.push(self.seq(body.iter(), parent));
                }
                if branches.is_empty() {
                    self.read.missing(st, Expected::BranchBlocks);
                }
                Self::decl(DeclKind::Parallel { id, branches }, h.cite, st)
            }
            Keyword::Rework => self.rework(st),
            _ => None,
        }
    }

    fn rework(&mut self, st: &Statement) -> Option<FlowDecl> {
        let h = self.read.header(st);
        let Some(id) = h.words.first().cloned() else {
            self.read.missing(st, Expected::Name);
            return None;
        };
        let actor = h.words.get(1).and_then(|w| self.actor(w, h.cite.as_ref()));
        let mut rw = Rework {
            actor,
            reason: self.read.text_of(&h),
            max: None,
            takes: None,
            clock_paused: false,
            timeout: None,
        };
        let mut timeout = None;
        for s in st.block.as_ref().map_or(&[][..], |b| &b.statements[..]) {
            match self.read.keyword(s, Parent::Rework) {
                Some(Keyword::Max) => {
                    let h = self.read.header(s);
                    // `max 2 times`: the word, when written, must be `times`.
                    if let Some(w) = h.words.first() {
                        self.read.choice_of(s, w, &[Fixed::Times]);
                    }
                    match h.numbers.first() {
                        Some((n, _)) => rw.max = Some(*n),
                        None => self.read.missing(s, Expected::MaxTimes),
                    }
                }
                Some(Keyword::Takes) => {
                    let h = self.read.header(s);
                    rw.takes = h.durations.first().cloned();
                    if rw.takes.is_none() {
                        self.read.missing(s, Expected::Duration);
                    }
                }
                Some(Keyword::Clock) => {
                    let h = self.read.header(s);
                    match h.words.first() {
                        Some(w) => {
                            if self.read.choice_of(s, w, &[Fixed::Paused]).is_some() {
                                rw.clock_paused = true;
                            }
                        }
                        None => {
                            let expected = self.read.fixed_words(&[Fixed::Paused]);
                            self.read.missing(s, expected)
                        }
                    }
                }
                Some(Keyword::Timeout) => {
                    let h = self.read.header(s);
                    rw.timeout = h.durations.first().cloned();
                    if rw.timeout.is_none() {
                        self.read.missing(s, Expected::Duration);
                    }
                    timeout = h.arrow.clone();
                }
                _ => {}
            }
        }
        if h.arrow.is_none() {
            self.read.missing(st, Expected::ReworkTarget);
        }
        Self::decl(
            DeclKind::Rework {
                id,
                rework: rw,
                back: h.arrow.clone(),
                timeout,
            },
            h.cite,
            st,
        )
    }

    fn step_like(&mut self, st: &Statement, kw: Keyword) -> Option<FlowDecl> {
        let is_decide = kw == Keyword::Decide;
        let h = self.read.header(st);
        let Some(id) = h.words.first().cloned() else {
            self.read.missing(st, Expected::Name);
            return None;
        };
        let mut step = Step::default();
        if let Some(w) = h.words.get(1) {
            step.actor = self.actor(w, h.cite.as_ref());
            step.actor_name = Some(w.0.clone());
        }
        step.action = self.read.text_of(&h);
        for d in &h.durations {
            step.parts.push(TimedText {
                duration: d.clone(),
                text: Text::default(),
            });
        }
        let mut timed = Vec::new();
        let mut whens = Vec::new();
        let block = st.block.as_ref().map_or(&[][..], |b| &b.statements[..]);
        for s in block {
            let parent = if is_decide {
                Parent::Decide
            } else {
                Parent::Step
            };
            let within = Within::Statement(st.keyword.clone());
            let Some(k) = self.read.keyword_within(s, parent, within) else {
                continue;
            };
            match k {
                Keyword::Action => self.text(s, &mut step.action),
                Keyword::Produces => self.text(s, &mut step.produces),
                Keyword::Note => self.text(s, &mut Text::default()),
                Keyword::Part | Keyword::Option => {
                    let h = self.read.header(s);
                    match h.durations.first() {
                        Some(d) => timed.push(TimedDecl {
                            timed: TimedText {
                                duration: d.clone(),
                                text: self.read.text_of(&h),
                            },
                            for_kinds: self.kinds(&h.for_kinds),
                            option: k == Keyword::Option,
                        }),
                        None => self.read.missing(s, Expected::Duration),
                    }
                }
                Keyword::Table => {
                    let h = self.read.header(s);
                    match h.durations.first() {
                        Some(d) => {
                            step.table = Some(TableFigure {
                                duration: d.clone(),
                                cite: h.cite.clone(),
                                span: s.span,
                            })
                        }
                        None => self.read.missing(s, Expected::TableDuration),
                    }
                }
                Keyword::Actor => {
                    let h = self.read.header_in(s, Parent::Step);
                    if let Some(w) = h.words.first() {
                        step.actor = self.actor(w, None);
                        step.actor_name = Some(w.0.clone());
                    }
                }
                Keyword::When => {
                    let h = self.read.header(s);
                    let label = h
                        .texts
                        .first()
                        .map(|t| normalize(&t.1))
                        .or_else(|| h.words.first().map(|w| w.0.clone()));
                    match (label, h.arrow.clone()) {
                        (Some(l), Some(t)) => whens.push((l, t)),
                        _ => self.read.missing(s, Expected::AnswerAndTarget),
                    }
                }
                _ => {}
            }
        }
        if is_decide && whens.is_empty() {
            self.read.missing(st, Expected::WhenLines);
        }
        let kind = match kw {
            Keyword::Check => StepKind::Check,
            Keyword::Decide => StepKind::Decide,
            Keyword::Wait => StepKind::Wait,
            _ => StepKind::Step,
        };
        Self::decl(
            DeclKind::Step {
                id,
                kind,
                step,
                timed,
                for_kinds: self.kinds(&h.for_kinds),
                arrow: h.arrow.clone(),
                then: h.then.clone(),
                otherwise: h.otherwise.clone(),
                whens,
            },
            h.cite,
            st,
        )
    }

    fn text(&mut self, st: &Statement, target: &mut Text) {
        let h = self.read.header(st);
        if h.texts.is_empty() {
            self.read.missing(st, Expected::Text);
        }
        for (lang, text, _) in &h.texts {
            target.set(lang.unwrap_or(self.read.lang), normalize(text));
        }
    }
}
