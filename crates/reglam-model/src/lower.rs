//! Lowering: from statements to the model. Reports every problem it meets and goes on, so one
//! run shows them all.

use crate::args::{read_header, Accepts, Header};
use crate::flow::FlowBuilder;
use crate::model::*;
use reglam_diagnostics::{
    suggest::suggest, ArgIssue, Diagnostic, Expected, FileId, NameKind, Problem, Span, Within,
};
use reglam_syntax::{Keyword, Statement, SyntaxFile};
use std::collections::HashMap;

/// What one file declares.
#[derive(Debug, Default)]
pub struct FileModel {
    pub acts: Vec<Act>,
    pub standards: Vec<Standard>,
    pub regulations: Vec<Regulation>,
}

pub(crate) struct Lower<'a> {
    pub file: FileId,
    pub lang: Lang,
    pub diagnostics: Vec<Diagnostic>,
    /// Standards of imported files.
    pub imported: &'a [Standard],
}

/// Where a statement appears, for "not allowed here" messages.
#[derive(Clone, Copy)]
pub(crate) enum Ctx {
    Top,
    Act,
    Standard,
    Service,
    Regulation,
    Scenario,
    Channel,
    Procedure,
    Branch,
    Step,
    Deadline,
    Actor,
    Decide,
    Parallel,
    Rework,
}

impl Ctx {
    /// The statement whose block this is, for "not allowed here" messages.
    fn within(self) -> Within {
        let keyword = match self {
            Ctx::Top => return Within::TopLevel,
            Ctx::Act => Keyword::Act,
            Ctx::Standard => Keyword::Standard,
            Ctx::Service => Keyword::Service,
            Ctx::Regulation => Keyword::Regulation,
            Ctx::Scenario => Keyword::Scenario,
            Ctx::Channel => Keyword::Channel,
            Ctx::Procedure => Keyword::Procedure,
            Ctx::Branch => Keyword::Branch,
            Ctx::Step => Keyword::Step,
            Ctx::Deadline => Keyword::Deadline,
            Ctx::Actor => Keyword::Actor,
            Ctx::Decide => Keyword::Decide,
            Ctx::Parallel => Keyword::Parallel,
            Ctx::Rework => Keyword::Rework,
        };
        Within::Statement(keyword.spelling().to_string())
    }

    pub(crate) fn allowed(self) -> &'static [Keyword] {
        use Keyword::*;
        const FLOW: &[Keyword] = &[
            Step, Check, Decide, Parallel, Rework, Wait, Call, Goto, Outcome,
        ];
        match self {
            Ctx::Top => &[Lang, Import, Act, Standard, Regulation],
            Ctx::Act => &[Title, Body, Kind, Number, Date, Registration, Status, Note],
            Ctx::Standard => &[Title, Number, Date, Service, Note],
            Ctx::Service => &[Title, Deadline, Cap, Note],
            Ctx::Regulation => &[
                Title,
                Implements,
                Provider,
                Result,
                Form,
                Note,
                Deadline,
                Cap,
                TableTotal,
                Actor,
                ListedActors,
                Procedure,
                Channel,
                Scenario,
            ],
            Ctx::Scenario => &[Title, Deadline, Cap, TableTotal, Procedure, Channel, Note],
            Ctx::Channel => &[
                Deadline, Due, TableTotal, Note, Step, Check, Decide, Parallel, Rework, Wait, Call,
                Goto, Outcome,
            ],
            Ctx::Procedure | Ctx::Branch => FLOW,
            Ctx::Step => &[Action, Produces, Part, Option, Table, Actor, Note],
            Ctx::Deadline => &[ReceiptDay, Extend],
            Ctx::Actor => &[Name, Alias, Kind],
            Ctx::Decide => &[When],
            Ctx::Parallel => &[Branch],
            Ctx::Rework => &[Max, Takes, Clock, Timeout],
        }
    }
}

impl<'a> Lower<'a> {
    pub(crate) fn report(&mut self, problem: Problem, cite: Option<&Citation>) {
        self.diagnostics
            .push(problem.into_diagnostic(cite.map(|c| c.raw.as_str())));
    }

    pub(crate) fn report_all(&mut self, problems: Vec<Problem>) {
        for p in problems {
            self.report(p, None);
        }
    }

    /// The keyword of a statement, if it is allowed in `ctx`; reports it otherwise.
    pub(crate) fn keyword(&mut self, st: &Statement, ctx: Ctx) -> Option<Keyword> {
        self.keyword_within(st, ctx, ctx.within())
    }

    /// As [`Self::keyword`], naming the enclosing statement as written (a step's block may
    /// belong to `step`, `check` or `wait`).
    pub(crate) fn keyword_within(
        &mut self,
        st: &Statement,
        ctx: Ctx,
        within: Within,
    ) -> Option<Keyword> {
        let allowed = ctx.allowed();
        match Keyword::from_word(&st.keyword) {
            Some(k) if allowed.contains(&k) => Some(k),
            _ => {
                let spellings: Vec<&'static str> = allowed.iter().map(|k| k.spelling()).collect();
                self.report(
                    Problem::UnknownStatement {
                        span: st.keyword_span,
                        word: st.keyword.clone(),
                        within,
                        suggestion: suggest(&st.keyword, spellings.iter().copied()),
                        allowed: spellings,
                    },
                    None,
                );
                None
            }
        }
    }

    pub(crate) fn header(&mut self, st: &Statement, units: bool, accepts: Accepts) -> Header {
        let mut problems = Vec::new();
        let h = read_header(st, units, &mut problems);
        h.validate(st, accepts, &mut problems);
        self.report_all(problems);
        h
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

    fn block<'s>(&self, st: &'s Statement) -> &'s [Statement] {
        st.block.as_ref().map_or(&[], |b| &b.statements)
    }

    /// `title ru "…"` and the like: merges into `target`.
    fn text_field(&mut self, st: &Statement, target: &mut Text) {
        let h = self.header(
            st,
            false,
            Accepts {
                texts: true,
                cite: true,
                ..Default::default()
            },
        );
        self.no_block(st);
        if h.texts.is_empty() {
            self.missing(st, Expected::Text);
        }
        for (lang, text, _) in &h.texts {
            target.set(lang.unwrap_or(self.lang), normalize(text));
        }
    }

    fn string_field(&mut self, st: &Statement) -> Option<String> {
        let h = self.header(
            st,
            false,
            Accepts {
                texts: true,
                words: 1,
                numbers: 1,
                ..Default::default()
            },
        );
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

    fn date_field(&mut self, st: &Statement) -> Option<String> {
        let h = self.header(
            st,
            false,
            Accepts {
                dates: 1,
                ..Default::default()
            },
        );
        self.no_block(st);
        match h.dates.first() {
            Some((d, span)) => self.valid_date(d, *span),
            None => {
                self.missing(st, Expected::Date);
                None
            }
        }
    }

    fn valid_date(&mut self, d: &str, span: Span) -> Option<String> {
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
                    statement: Keyword::Date.spelling().into(),
                    issue: ArgIssue::BadDate(d.into()),
                },
                None,
            );
            None
        }
    }

    /// A word that must be one of `choices`.
    pub(crate) fn choice<T: Copy>(
        &mut self,
        st: &Statement,
        word: &(String, Span),
        choices: &[(&'static str, T)],
    ) -> Option<T> {
        match choices.iter().find(|(w, _)| *w == word.0) {
            Some((_, v)) => Some(*v),
            None => {
                self.report(
                    Problem::BadArguments {
                        span: word.1,
                        statement: st.keyword.clone(),
                        issue: ArgIssue::NotOneOf {
                            found: word.0.clone(),
                            allowed: choices.iter().map(|(w, _)| *w).collect(),
                        },
                    },
                    None,
                );
                None
            }
        }
    }

    pub(crate) fn file(&mut self, syntax: &SyntaxFile) -> FileModel {
        let mut out = FileModel::default();
        // `lang` applies to the whole file, wherever it is written.
        for st in &syntax.statements {
            if Keyword::from_word(&st.keyword) == Some(Keyword::Lang) {
                let h = self.header(
                    st,
                    false,
                    Accepts {
                        words: 1,
                        ..Default::default()
                    },
                );
                self.no_block(st);
                match h.words.first() {
                    Some(w) => {
                        if let Some(l) = self.choice(st, w, &[("ru", Lang::Ru), ("kk", Lang::Kk)]) {
                            self.lang = l;
                        }
                    }
                    None => self.missing(st, Expected::Language),
                }
            }
        }
        for st in &syntax.statements {
            match self.keyword(st, Ctx::Top) {
                Some(Keyword::Act) => out.acts.push(self.act(st)),
                Some(Keyword::Standard) => {
                    if let Some(s) = self.standard(st) {
                        out.standards.push(s)
                    }
                }
                Some(Keyword::Regulation) => {
                    let visible: Vec<&Standard> =
                        self.imported.iter().chain(out.standards.iter()).collect();
                    if let Some(r) = self.regulation(st, &visible) {
                        out.regulations.push(r)
                    }
                }
                // `lang` was read above; `import` is resolved by the workspace.
                _ => {}
            }
        }
        out
    }

    fn act(&mut self, st: &Statement) -> Act {
        self.header(st, false, Accepts::default());
        let mut act = Act {
            file: self.file,
            ..Default::default()
        };
        for s in self.block(st) {
            match self.keyword(s, Ctx::Act) {
                Some(Keyword::Title) => self.text_field(s, &mut act.title),
                Some(Keyword::Body) => self.text_field(s, &mut act.body),
                Some(Keyword::Kind) => self.text_field(s, &mut act.kind),
                Some(Keyword::Note) => {
                    let mut ignored = Text::default();
                    self.text_field(s, &mut ignored)
                }
                Some(Keyword::Number) => act.number = self.string_field(s),
                Some(Keyword::Date) => act.date = self.date_field(s),
                Some(Keyword::Registration) => {
                    let h = self.header(
                        s,
                        false,
                        Accepts {
                            texts: true,
                            words: 1,
                            numbers: 1,
                            dates: 1,
                            ..Default::default()
                        },
                    );
                    let number = h
                        .texts
                        .first()
                        .map(|t| t.1.clone())
                        .or_else(|| h.numbers.first().map(|n| n.0.to_string()));
                    let date = h.dates.first().and_then(|(d, sp)| self.valid_date(d, *sp));
                    match number {
                        Some(n) => act.registration = Some((n, date)),
                        None => self.missing(s, Expected::RegistrationNumber),
                    }
                }
                Some(Keyword::Status) => {
                    let h = self.header(
                        s,
                        false,
                        Accepts {
                            words: 1,
                            dates: 1,
                            texts: true,
                            ..Default::default()
                        },
                    );
                    match h.words.first().map(|w| w.0.as_str()) {
                        Some("in-force") => act.status = Some(ActStatus::InForce),
                        Some("repealed") => {
                            let date = h.dates.first().and_then(|(d, sp)| self.valid_date(d, *sp));
                            act.status = Some(ActStatus::Repealed {
                                date,
                                by: self.text_of(&h),
                            })
                        }
                        Some(_) => {
                            let w = h.words[0].clone();
                            self.choice::<()>(s, &w, &[("in-force", ()), ("repealed", ())]);
                        }
                        None => self.missing(
                            s,
                            Expected::FixedWords(vec![
                                Keyword::InForce.spelling(),
                                Keyword::Repealed.spelling(),
                            ]),
                        ),
                    }
                }
                _ => {}
            }
        }
        act
    }

    fn standard(&mut self, st: &Statement) -> Option<Standard> {
        let h = self.header(
            st,
            false,
            Accepts {
                words: 1,
                cite: true,
                texts: true,
                ..Default::default()
            },
        );
        let Some((id, _)) = h.words.first().cloned() else {
            self.missing(st, Expected::Name);
            return None;
        };
        let mut std = Standard {
            id,
            title: self.text_of(&h),
            number: None,
            date: None,
            services: Vec::new(),
            cite: h.cite.clone(),
            span: st.span,
        };
        let mut seen: HashMap<String, Span> = HashMap::new();
        for s in self.block(st) {
            match self.keyword(s, Ctx::Standard) {
                Some(Keyword::Title) => self.text_field(s, &mut std.title),
                Some(Keyword::Note) => self.text_field(s, &mut Text::default()),
                Some(Keyword::Number) => std.number = self.string_field(s),
                Some(Keyword::Date) => std.date = self.date_field(s),
                Some(Keyword::Service) => {
                    let h = self.header(
                        s,
                        false,
                        Accepts {
                            words: 1,
                            cite: true,
                            texts: true,
                            ..Default::default()
                        },
                    );
                    let Some((id, span)) = h.words.first().cloned() else {
                        self.missing(s, Expected::Name);
                        continue;
                    };
                    if let Some(first) = seen.insert(id.clone(), span) {
                        self.report(
                            Problem::Duplicate {
                                span,
                                first,
                                what: NameKind::Service,
                                name: id.clone(),
                            },
                            h.cite.as_ref(),
                        );
                    }
                    let mut svc = StandardService {
                        id,
                        title: self.text_of(&h),
                        deadlines: Vec::new(),
                        caps: Vec::new(),
                        cite: h.cite.clone(),
                        span: s.span,
                    };
                    for x in self.block(s) {
                        match self.keyword(x, Ctx::Service) {
                            Some(Keyword::Title) => self.text_field(x, &mut svc.title),
                            Some(Keyword::Note) => self.text_field(x, &mut Text::default()),
                            Some(Keyword::Deadline) => {
                                if let Some(d) = self.deadline(x, true) {
                                    svc.deadlines.push(d)
                                }
                            }
                            Some(Keyword::Cap) => {
                                if let Some(c) = self.cap(x) {
                                    svc.caps.push(c)
                                }
                            }
                            _ => {}
                        }
                    }
                    std.services.push(svc);
                }
                _ => {}
            }
        }
        Some(std)
    }

    pub(crate) fn deadline(&mut self, st: &Statement, kinds: bool) -> Option<Deadline> {
        let h = self.header(
            st,
            true,
            Accepts {
                words: usize::from(kinds),
                durations: 1,
                cite: true,
                ..Default::default()
            },
        );
        let channel = match h.words.first() {
            Some(w) => Some(self.choice(st, w, ChannelKind::WORDS)?),
            None => None,
        };
        let Some(duration) = h.durations.first().cloned() else {
            self.missing(st, Expected::DeadlineDuration);
            return None;
        };
        let mut d = Deadline {
            channel,
            duration,
            receipt_day_excluded: false,
            extensions: Vec::new(),
            cite: h.cite.clone(),
            span: st.span,
        };
        for s in self.block(st) {
            match self.keyword(s, Ctx::Deadline) {
                Some(Keyword::ReceiptDay) => {
                    let h = self.header(
                        s,
                        false,
                        Accepts {
                            words: 1,
                            cite: true,
                            ..Default::default()
                        },
                    );
                    match h.words.first() {
                        Some(w) if w.0 == "excluded" => d.receipt_day_excluded = true,
                        Some(w) => {
                            let w = w.clone();
                            self.choice::<()>(s, &w, &[("excluded", ())]);
                        }
                        None => self
                            .missing(s, Expected::FixedWords(vec![Keyword::Excluded.spelling()])),
                    }
                }
                Some(Keyword::Extend) => {
                    let h = self.header(
                        s,
                        true,
                        Accepts {
                            words: 1,
                            durations: 1,
                            texts: true,
                            cite: true,
                            ..Default::default()
                        },
                    );
                    let to = match h.words.first() {
                        Some(w) => self
                            .choice(s, w, &[("to", true), ("by", false)])
                            .unwrap_or(false),
                        None => false,
                    };
                    match h.durations.first() {
                        Some(dur) => d.extensions.push(Extension {
                            duration: dur.clone(),
                            when: self.text_of(&h),
                            to,
                        }),
                        None => self.missing(s, Expected::Duration),
                    }
                }
                _ => {}
            }
        }
        Some(d)
    }

    fn cap(&mut self, st: &Statement) -> Option<Cap> {
        let h = self.header(
            st,
            true,
            Accepts {
                words: 1,
                durations: 1,
                cite: true,
                texts: true,
                ..Default::default()
            },
        );
        self.no_block(st);
        let (Some((name, _)), Some(duration)) =
            (h.words.first().cloned(), h.durations.first().cloned())
        else {
            self.missing(st, Expected::NameAndDuration);
            return None;
        };
        Some(Cap {
            name,
            duration,
            cite: h.cite,
        })
    }

    fn table_figure(&mut self, st: &Statement) -> Option<TableFigure> {
        let h = self.header(
            st,
            true,
            Accepts {
                durations: 1,
                cite: true,
                texts: true,
                ..Default::default()
            },
        );
        self.no_block(st);
        match h.durations.first().cloned() {
            Some(duration) => Some(TableFigure {
                duration,
                cite: h.cite,
                span: st.span,
            }),
            None => {
                self.missing(st, Expected::TableDuration);
                None
            }
        }
    }

    fn regulation(&mut self, st: &Statement, standards: &[&Standard]) -> Option<Regulation> {
        let h = self.header(
            st,
            false,
            Accepts {
                words: 1,
                cite: true,
                texts: true,
                ..Default::default()
            },
        );
        let Some((id, _)) = h.words.first().cloned() else {
            self.missing(st, Expected::Name);
            return None;
        };
        let mut reg = Regulation {
            id,
            title: self.text_of(&h),
            implements: None,
            provider: Text::default(),
            result: Text::default(),
            form: None,
            notes: Vec::new(),
            deadlines: Vec::new(),
            caps: Vec::new(),
            table_totals: Vec::new(),
            actors: Vec::new(),
            listed_actors: None,
            procedures: Vec::new(),
            scenarios: Vec::new(),
            cite: h.cite.clone(),
            span: st.span,
            file: self.file,
        };
        let body = self.block(st);
        let mut service: Option<&StandardService> = None;
        // Actors first, so that steps may come before or after the declarations.
        for s in body {
            if Keyword::from_word(&s.keyword) == Some(Keyword::Actor) {
                self.actor(s, &mut reg.actors);
            }
        }
        self.actor_name_clashes(&reg.actors);
        let mut procedures: Vec<&Statement> = Vec::new();
        let mut scenario_sts: Vec<&Statement> = Vec::new();
        let mut channel_sts: Vec<&Statement> = Vec::new();
        for s in body {
            match self.keyword(s, Ctx::Regulation) {
                Some(Keyword::Title) => self.text_field(s, &mut reg.title),
                Some(Keyword::Provider) => self.text_field(s, &mut reg.provider),
                Some(Keyword::Result) => self.text_field(s, &mut reg.result),
                Some(Keyword::Note) => {
                    let mut t = Text::default();
                    self.text_field(s, &mut t);
                    reg.notes.push(t);
                }
                Some(Keyword::Form) => {
                    let h = self.header(
                        s,
                        false,
                        Accepts {
                            words: 1,
                            cite: true,
                            ..Default::default()
                        },
                    );
                    match h.words.first() {
                        Some(w) => reg.form = self.choice(s, w, Form::WORDS),
                        None => self.missing(s, Expected::Form),
                    }
                }
                Some(Keyword::Implements) => {
                    let h = self.header(
                        s,
                        false,
                        Accepts {
                            words: 1,
                            cite: true,
                            ..Default::default()
                        },
                    );
                    let Some((path, span)) = h.words.first().cloned() else {
                        self.missing(s, Expected::StandardService);
                        continue;
                    };
                    let (std_id, svc_id) = path.split_once('.').unwrap_or((path.as_str(), ""));
                    match standards.iter().find(|x| x.id == std_id) {
                        None => self.report(
                            Problem::UnknownName {
                                span,
                                what: NameKind::Standard,
                                name: std_id.to_string(),
                                suggestion: suggest(
                                    std_id,
                                    standards.iter().map(|x| x.id.as_str()),
                                ),
                            },
                            h.cite.as_ref(),
                        ),
                        Some(std) => match std.services.iter().find(|x| x.id == svc_id) {
                            None => self.report(
                                Problem::UnknownName {
                                    span,
                                    what: NameKind::ServiceOfStandard,
                                    name: svc_id.to_string(),
                                    suggestion: suggest(
                                        svc_id,
                                        std.services.iter().map(|x| x.id.as_str()),
                                    ),
                                },
                                h.cite.as_ref(),
                            ),
                            Some(svc) => {
                                service = Some(svc);
                                reg.implements = Some((std.id.clone(), svc.id.clone()));
                            }
                        },
                    }
                }
                Some(Keyword::Deadline) => {
                    if let Some(d) = self.deadline(s, true) {
                        reg.deadlines.push(d)
                    }
                }
                Some(Keyword::Cap) => {
                    if let Some(c) = self.cap(s) {
                        reg.caps.push(c)
                    }
                }
                Some(Keyword::TableTotal) => {
                    if let Some(t) = self.table_figure(s) {
                        reg.table_totals.push(t)
                    }
                }
                Some(Keyword::ListedActors) => {
                    let h = self.header(
                        s,
                        false,
                        Accepts {
                            words: usize::MAX,
                            cite: true,
                            ..Default::default()
                        },
                    );
                    self.no_block(s);
                    let mut actors = Vec::new();
                    for (w, span) in &h.words {
                        match reg.actors.iter().position(|a| a.id == *w) {
                            Some(i) => actors.push(i),
                            None => self.report(
                                Problem::UndeclaredActor {
                                    span: *span,
                                    name: w.clone(),
                                    suggestion: suggest(
                                        w,
                                        reg.actors.iter().map(|a| a.id.as_str()),
                                    ),
                                },
                                h.cite.as_ref(),
                            ),
                        }
                    }
                    reg.listed_actors = Some(ListedActors {
                        actors,
                        cite: h.cite.clone(),
                        span: s.span,
                    });
                }
                Some(Keyword::Procedure) => procedures.push(s),
                Some(Keyword::Channel) => channel_sts.push(s),
                Some(Keyword::Scenario) => scenario_sts.push(s),
                _ => {}
            }
        }
        let mut calls: HashMap<String, usize> = HashMap::new();
        let procs = self.procedure_table(&procedures, &HashMap::new(), &mut reg.procedures);
        if !channel_sts.is_empty() || scenario_sts.is_empty() {
            let scenario = self.scenario_body(
                None,
                Text::default(),
                None,
                st.span,
                &channel_sts,
                &[],
                &procs,
                &reg,
                service,
                &mut calls,
            );
            reg.scenarios.push(scenario);
        }
        let mut seen: HashMap<String, Span> = HashMap::new();
        for s in scenario_sts {
            let h = self.header(
                s,
                false,
                Accepts {
                    words: 1,
                    cite: true,
                    texts: true,
                    ..Default::default()
                },
            );
            let Some((id, span)) = h.words.first().cloned() else {
                self.missing(s, Expected::Name);
                continue;
            };
            if let Some(first) = seen.insert(id.clone(), span) {
                self.report(
                    Problem::Duplicate {
                        span,
                        first,
                        what: NameKind::Scenario,
                        name: id.clone(),
                    },
                    h.cite.as_ref(),
                );
            }
            let mut title = self.text_of(&h);
            let mut deadlines = Vec::new();
            let mut local_procs = Vec::new();
            let mut chans = Vec::new();
            for x in self.block(s) {
                match self.keyword(x, Ctx::Scenario) {
                    Some(Keyword::Title) => self.text_field(x, &mut title),
                    Some(Keyword::Note) => self.text_field(x, &mut Text::default()),
                    Some(Keyword::Deadline) => {
                        if let Some(d) = self.deadline(x, true) {
                            deadlines.push(d)
                        }
                    }
                    Some(Keyword::Cap) => {
                        if let Some(c) = self.cap(x) {
                            reg.caps.push(c)
                        }
                    }
                    Some(Keyword::TableTotal) => {
                        if let Some(t) = self.table_figure(x) {
                            reg.table_totals.push(t)
                        }
                    }
                    Some(Keyword::Procedure) => local_procs.push(x),
                    Some(Keyword::Channel) => chans.push(x),
                    _ => {}
                }
            }
            let scoped = self.procedure_table(&local_procs, &procs, &mut reg.procedures);
            let scenario = self.scenario_body(
                Some(id),
                title,
                h.cite.clone(),
                s.span,
                &chans,
                &deadlines,
                &scoped,
                &reg,
                service,
                &mut calls,
            );
            reg.scenarios.push(scenario);
        }
        for p in &mut reg.procedures {
            p.calls = calls.get(&p.id).copied().unwrap_or(0);
        }
        // A procedure no channel calls is still read, so mistakes inside it are reported.
        for p in reg.procedures.iter().filter(|p| p.calls == 0) {
            if let Some(st) = procs.get(&p.id) {
                let body: Vec<&Statement> = self.block(st).iter().collect();
                let mut builder = FlowBuilder::new(self, ChannelKind::Other, &reg.actors, &procs);
                builder.channel(&body);
                builder.finish();
            }
        }
        Some(reg)
    }

    fn procedure_table<'s>(
        &mut self,
        sts: &[&'s Statement],
        outer: &HashMap<String, &'s Statement>,
        infos: &mut Vec<ProcedureInfo>,
    ) -> HashMap<String, &'s Statement> {
        let mut table = outer.clone();
        let mut seen: HashMap<String, Span> = HashMap::new();
        for s in sts {
            let h = self.header(
                s,
                false,
                Accepts {
                    words: 1,
                    cite: true,
                    texts: true,
                    ..Default::default()
                },
            );
            let Some((id, span)) = h.words.first().cloned() else {
                self.missing(s, Expected::Name);
                continue;
            };
            if let Some(first) = seen.insert(id.clone(), span) {
                self.report(
                    Problem::Duplicate {
                        span,
                        first,
                        what: NameKind::Procedure,
                        name: id.clone(),
                    },
                    h.cite.as_ref(),
                );
                continue;
            }
            infos.push(ProcedureInfo {
                id: id.clone(),
                cite: h.cite.clone(),
                calls: 0,
                span,
            });
            table.insert(id, *s);
        }
        table
    }

    #[allow(clippy::too_many_arguments)]
    fn scenario_body(
        &mut self,
        id: Option<String>,
        title: Text,
        cite: Option<Citation>,
        span: Span,
        channel_sts: &[&Statement],
        deadlines: &[Deadline],
        procs: &HashMap<String, &Statement>,
        reg: &Regulation,
        service: Option<&StandardService>,
        calls: &mut HashMap<String, usize>,
    ) -> Scenario {
        let mut channels = Vec::new();
        let mut seen: HashMap<String, Span> = HashMap::new();
        for s in channel_sts {
            let h = self.header(
                s,
                false,
                Accepts {
                    words: 2,
                    cite: true,
                    texts: true,
                    ..Default::default()
                },
            );
            let Some((cid, cspan)) = h.words.first().cloned() else {
                self.missing(s, Expected::Name);
                continue;
            };
            if let Some(first) = seen.insert(cid.clone(), cspan) {
                self.report(
                    Problem::Duplicate {
                        span: cspan,
                        first,
                        what: NameKind::Channel,
                        name: cid.clone(),
                    },
                    h.cite.as_ref(),
                );
            }
            let kind = match h.words.get(1) {
                Some(w) => self
                    .choice(s, w, ChannelKind::WORDS)
                    .unwrap_or(ChannelKind::Other),
                // A channel named after its kind needs no second word.
                None => ChannelKind::WORDS
                    .iter()
                    .find(|(w, _)| *w == cid)
                    .map_or(ChannelKind::Other, |(_, k)| *k),
            };
            let mut own_deadlines = Vec::new();
            let mut table_totals = Vec::new();
            let mut due_sts = Vec::new();
            let mut flow_sts = Vec::new();
            for x in self.block(s) {
                match self.keyword(x, Ctx::Channel) {
                    Some(Keyword::Deadline) => {
                        if let Some(d) = self.deadline(x, false) {
                            own_deadlines.push(d)
                        }
                    }
                    Some(Keyword::TableTotal) => {
                        if let Some(t) = self.table_figure(x) {
                            table_totals.push(t)
                        }
                    }
                    Some(Keyword::Note) => self.text_field(x, &mut Text::default()),
                    Some(Keyword::Due) => due_sts.push(x),
                    Some(_) => flow_sts.push(x),
                    None => {}
                }
            }
            let mut builder = FlowBuilder::new(self, kind, &reg.actors, procs);
            builder.channel(&flow_sts);
            let (flow, labels, proc_calls) = builder.finish();
            for (p, n) in proc_calls {
                *calls.entry(p).or_default() += n;
            }
            let mut dues = Vec::new();
            for x in due_sts {
                let h = self.header(
                    x,
                    true,
                    Accepts {
                        words: 1,
                        durations: 1,
                        cite: true,
                        before_deadline: true,
                        ..Default::default()
                    },
                );
                let (Some((step, sspan)), Some(d)) =
                    (h.words.first().cloned(), h.durations.first().cloned())
                else {
                    self.missing(x, Expected::StepAndDuration);
                    continue;
                };
                let Some(node) = labels.get(&step).copied() else {
                    self.report(
                        Problem::UnknownName {
                            span: sspan,
                            what: NameKind::Step,
                            name: step.clone(),
                            suggestion: suggest(&step, labels.keys().map(|k| k.as_str())),
                        },
                        h.cite.as_ref(),
                    );
                    continue;
                };
                let limit = if h.before_deadline {
                    DueLimit::BeforeDeadline(d)
                } else {
                    DueLimit::Within(d)
                };
                dues.push(Due {
                    node,
                    limit,
                    cite: h.cite.clone(),
                    span: x.span,
                });
            }
            let deadline = effective_deadline(
                kind,
                &own_deadlines,
                deadlines,
                &reg.deadlines,
                service,
                reg,
            );
            let paths = crate::paths::analyse(&flow);
            channels.push(Channel {
                id: cid,
                kind,
                deadlines: own_deadlines,
                deadline,
                dues,
                table_totals,
                paths,
                flow,
                cite: h.cite.clone(),
                span: s.span,
            });
        }
        Scenario {
            id,
            title,
            deadlines: deadlines.to_vec(),
            channels,
            cite,
            span,
        }
    }

    fn actor(&mut self, st: &Statement, actors: &mut Vec<Actor>) {
        let h = self.header(
            st,
            false,
            Accepts {
                words: 2,
                cite: true,
                texts: true,
                ..Default::default()
            },
        );
        let Some((id, span)) = h.words.first().cloned() else {
            self.missing(st, Expected::Name);
            return;
        };
        if let Some(first) = actors.iter().find(|a| a.id == id) {
            let first = first.span;
            self.report(
                Problem::Duplicate {
                    span,
                    first,
                    what: NameKind::Actor,
                    name: id,
                },
                h.cite.as_ref(),
            );
            return;
        }
        let mut kind = match h.words.get(1) {
            Some(w) => self
                .choice(st, w, ActorKind::WORDS)
                .unwrap_or(ActorKind::Unit),
            None => ActorKind::Unit,
        };
        let mut name = self.text_of(&h);
        let mut aliases = Vec::new();
        for s in self.block(st) {
            match self.keyword(s, Ctx::Actor) {
                Some(Keyword::Name) => self.text_field(s, &mut name),
                Some(Keyword::Alias) => {
                    let h = self.header(
                        s,
                        false,
                        Accepts {
                            texts: true,
                            cite: true,
                            ..Default::default()
                        },
                    );
                    for (lang, text, _) in &h.texts {
                        let mut t = Text::default();
                        t.set(lang.unwrap_or(self.lang), normalize(text));
                        aliases.push(t);
                    }
                    if h.texts.is_empty() {
                        self.missing(s, Expected::Text);
                    }
                }
                Some(Keyword::Kind) => {
                    let h = self.header(
                        s,
                        false,
                        Accepts {
                            words: 1,
                            ..Default::default()
                        },
                    );
                    if let Some(w) = h.words.first() {
                        kind = self.choice(s, w, ActorKind::WORDS).unwrap_or(kind);
                    }
                }
                _ => {}
            }
        }
        actors.push(Actor {
            id,
            name,
            aliases,
            kind,
            cite: h.cite,
            span,
        });
    }

    fn actor_name_clashes(&mut self, actors: &[Actor]) {
        let mut owner: HashMap<String, (usize, Span)> = HashMap::new();
        for (i, a) in actors.iter().enumerate() {
            let names = std::iter::once(&a.name).chain(a.aliases.iter());
            for t in names {
                for s in [&t.ru, &t.kk].into_iter().flatten() {
                    let key = s.to_lowercase();
                    match owner.get(&key) {
                        Some((j, other)) if *j != i => {
                            let other = *other;
                            self.report(
                                Problem::ActorNameClash {
                                    span: a.span,
                                    other,
                                    name: s.clone(),
                                },
                                a.cite.as_ref(),
                            );
                        }
                        _ => {
                            owner.insert(key, (i, a.span));
                        }
                    }
                }
            }
        }
    }
}

/// The deadline that applies to a channel: its own, else the scenario's, else the
/// regulation's, else the standard's; at each level one for its kind of channel first.
fn effective_deadline(
    kind: ChannelKind,
    channel: &[Deadline],
    scenario: &[Deadline],
    regulation: &[Deadline],
    service: Option<&StandardService>,
    reg: &Regulation,
) -> Option<EffectiveDeadline> {
    let pick = |list: &[Deadline]| {
        list.iter()
            .find(|d| d.channel == Some(kind))
            .or_else(|| list.iter().find(|d| d.channel.is_none()))
            .cloned()
    };
    if let Some(d) = pick(channel) {
        return Some(EffectiveDeadline {
            deadline: d,
            source: DeadlineSource::Channel,
        });
    }
    if let Some(d) = pick(scenario) {
        return Some(EffectiveDeadline {
            deadline: d,
            source: DeadlineSource::Scenario,
        });
    }
    if let Some(d) = pick(regulation) {
        return Some(EffectiveDeadline {
            deadline: d,
            source: DeadlineSource::Regulation,
        });
    }
    let svc = service?;
    let (standard, service) = reg.implements.clone()?;
    pick(&svc.deadlines).map(|d| EffectiveDeadline {
        deadline: d,
        source: DeadlineSource::Standard { standard, service },
    })
}

/// Texts copied from acts span lines; documents want them on one line.
pub(crate) fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
