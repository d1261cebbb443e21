//! Lowering: from statements to the model. Reports every problem it meets and goes on, so one
//! run shows them all.

use crate::decl::{ChannelDecl, DueDecl, FlowDecl, Procedures, RegulationFlows};
use crate::lower_flow::FlowLowering;
use crate::model::*;
use crate::read::{normalize, Reader};
use reglam_diagnostics::{suggest::suggest, Expected, NameKind, Problem, Span};
use reglam_syntax::{Fixed, Keyword, Parent, Statement, SyntaxFile};
use std::collections::HashMap;

/// What one file declares.
#[derive(Debug, Default)]
pub struct FileModel {
    pub acts: Vec<Act>,
    pub standards: Vec<Standard>,
    /// The regulations, their channels' graphs not built yet.
    pub regulations: Vec<Regulation>,
    /// The lowered flows of each regulation, in the same order.
    pub flows: Vec<RegulationFlows>,
}

pub(crate) struct Lower<'a> {
    pub read: Reader<'a>,
    /// Standards of imported files.
    pub imported: &'a [Standard],
    /// The actors of the regulation being lowered, by id: looking each up in the list made
    /// a regulation of 100,000 actors quadratic.
    pub actor_ids: HashMap<String, usize>,
}

impl<'a> std::ops::Deref for Lower<'a> {
    type Target = Reader<'a>;
    fn deref(&self) -> &Reader<'a> {
        &self.read
    }
}

impl std::ops::DerefMut for Lower<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.read
    }
}

impl<'a> Lower<'a> {
    pub(crate) fn file(&mut self, syntax: &SyntaxFile) -> FileModel {
        let mut out = FileModel::default();
        // `lang` applies to the whole file, wherever it is written.
        for st in &syntax.statements {
            if self.keyword_of(st) == Some(Keyword::Lang) {
                let h = self.header(st);
                self.no_block(st);
                match h.words.first() {
                    Some(w) => {
                        if let Some(l) = self.choice::<Lang>(st, w) {
                            self.lang = l;
                        }
                    }
                    None => self.missing(st, Expected::Language),
                }
            }
        }
        for st in &syntax.statements {
            match self.keyword(st, Parent::Top) {
                Some(Keyword::Act) => out.acts.push(self.act(st)),
                Some(Keyword::Standard) => {
                    if let Some(s) = self.standard(st) {
                        out.standards.push(s)
                    }
                }
                Some(Keyword::Regulation) => {
                    let visible: Vec<&Standard> =
                        self.imported.iter().chain(out.standards.iter()).collect();
                    if let Some((r, flows)) = self.regulation(st, &visible) {
                        out.regulations.push(r);
                        out.flows.push(flows);
                    }
                }
                // `lang` was read above; `import` is resolved by the workspace.
                _ => {}
            }
        }
        out
    }

    fn act(&mut self, st: &Statement) -> Act {
        self.header(st);
        let mut act = Act {
            file: self.file,
            ..Default::default()
        };
        for s in self.block(st) {
            match self.keyword(s, Parent::Act) {
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
                    let h = self.header(s);
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
                    let h = self.header(s);
                    let statuses = [Fixed::InForce, Fixed::Repealed];
                    let status = h
                        .words
                        .first()
                        .cloned()
                        .map(|w| self.choice_of(s, &w, &statuses));
                    match status {
                        Some(Some(Fixed::InForce)) => act.status = Some(ActStatus::InForce),
                        Some(Some(_)) => {
                            let date = h.dates.first().and_then(|(d, sp)| self.valid_date(d, *sp));
                            act.status = Some(ActStatus::Repealed {
                                date,
                                by: self.text_of(&h),
                            })
                        }
                        // Reported by `choice_of`.
                        Some(None) => {}
                        None => {
                            let expected = self.fixed_words(&statuses);
                            self.missing(s, expected)
                        }
                    }
                }
                _ => {}
            }
        }
        act
    }

    fn standard(&mut self, st: &Statement) -> Option<Standard> {
        let h = self.header(st);
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
            match self.keyword(s, Parent::Standard) {
                Some(Keyword::Title) => self.text_field(s, &mut std.title),
                Some(Keyword::Note) => self.text_field(s, &mut Text::default()),
                Some(Keyword::Number) => std.number = self.string_field(s),
                Some(Keyword::Date) => std.date = self.date_field(s),
                Some(Keyword::Service) => {
                    let h = self.header(s);
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
                        match self.keyword(x, Parent::Service) {
                            Some(Keyword::Title) => self.text_field(x, &mut svc.title),
                            Some(Keyword::Note) => self.text_field(x, &mut Text::default()),
                            Some(Keyword::Deadline) => {
                                if let Some(d) = self.deadline(x, Parent::Service) {
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

    /// A deadline; `parent` says where, since a channel's own deadline names no channel kind.
    pub(crate) fn deadline(&mut self, st: &Statement, parent: Parent) -> Option<Deadline> {
        let h = self.header_in(st, parent);
        let channel = match h.words.first() {
            Some(w) => Some(self.choice::<ChannelKind>(st, w)?),
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
            match self.keyword(s, Parent::Deadline) {
                Some(Keyword::ReceiptDay) => {
                    let h = self.header(s);
                    match h.words.first().cloned() {
                        Some(w) => {
                            if self.choice_of(s, &w, &[Fixed::Excluded]).is_some() {
                                d.receipt_day_excluded = true;
                            }
                        }
                        None => {
                            let expected = self.fixed_words(&[Fixed::Excluded]);
                            self.missing(s, expected)
                        }
                    }
                }
                Some(Keyword::Extend) => {
                    let h = self.header(s);
                    let to = match h.words.first() {
                        Some(w) => self.choice_of(s, w, &[Fixed::To, Fixed::By]) == Some(Fixed::To),
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
        let h = self.header(st);
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
        let h = self.header(st);
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

    fn regulation(
        &mut self,
        st: &Statement,
        standards: &[&Standard],
    ) -> Option<(Regulation, RegulationFlows)> {
        let h = self.header(st);
        let Some((id, _)) = h.words.first().cloned() else {
            self.missing(st, Expected::Name);
            return None;
        };
        let mut reg = Regulation {
            id,
            lang: self.lang,
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
            acknowledgements: Vec::new(),
        };
        self.read.acknowledgements(st, &mut reg);
        let body = self.block(st);
        let mut service: Option<&StandardService> = None;
        // Actors first, so that steps may come before or after the declarations.
        self.actor_ids.clear();
        for s in body {
            if self.keyword_of(s) == Some(Keyword::Actor) {
                self.actor(s, &mut reg.actors);
            }
        }
        self.actor_name_clashes(&reg.actors);
        let mut procedures: Vec<&Statement> = Vec::new();
        let mut scenario_sts: Vec<&Statement> = Vec::new();
        let mut channel_sts: Vec<&Statement> = Vec::new();
        for s in body {
            match self.keyword(s, Parent::Regulation) {
                Some(Keyword::Title) => self.text_field(s, &mut reg.title),
                Some(Keyword::Provider) => self.text_field(s, &mut reg.provider),
                Some(Keyword::Result) => self.text_field(s, &mut reg.result),
                Some(Keyword::Note) => {
                    let mut t = Text::default();
                    self.text_field(s, &mut t);
                    reg.notes.push(t);
                }
                Some(Keyword::Form) => {
                    let h = self.header(s);
                    match h.words.first() {
                        Some(w) => reg.form = self.choice::<Form>(s, w),
                        None => self.missing(s, Expected::Form),
                    }
                }
                Some(Keyword::Implements) => {
                    let h = self.header(s);
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
                    if let Some(d) = self.deadline(s, Parent::Regulation) {
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
                    let h = self.header(s);
                    self.no_block(s);
                    let mut actors = Vec::new();
                    for (w, span) in &h.words {
                        match self.actor_ids.get(w) {
                            Some(&i) => actors.push(i),
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
        let mut flows = RegulationFlows::default();
        let procs = self.procedure_table(
            &procedures,
            &Procedures::new(),
            &reg.actors,
            &mut reg.procedures,
        );
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
            );
            reg.scenarios.push(scenario.0);
            flows.channels.push(scenario.1);
        }
        let mut seen: HashMap<String, Span> = HashMap::new();
        for s in scenario_sts {
            let h = self.header(s);
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
                match self.keyword(x, Parent::Scenario) {
                    Some(Keyword::Title) => self.text_field(x, &mut title),
                    Some(Keyword::Note) => self.text_field(x, &mut Text::default()),
                    Some(Keyword::Deadline) => {
                        if let Some(d) = self.deadline(x, Parent::Scenario) {
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
            let scoped =
                self.procedure_table(&local_procs, &procs, &reg.actors, &mut reg.procedures);
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
            );
            reg.scenarios.push(scenario.0);
            flows.channels.push(scenario.1);
        }
        flows.procedures = procs;
        Some((reg, flows))
    }

    /// The procedures visible in a scope: those of the enclosing one and `sts`, each lowered
    /// here, once.
    fn procedure_table(
        &mut self,
        sts: &[&Statement],
        outer: &Procedures,
        actors: &[Actor],
        infos: &mut Vec<ProcedureInfo>,
    ) -> Procedures {
        let mut table = outer.clone();
        let mut seen: HashMap<String, Span> = HashMap::new();
        for s in sts {
            let h = self.header(s);
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
            let mut lowering = FlowLowering {
                read: &mut self.read,
                actors,
                actor_ids: &self.actor_ids,
            };
            let body: Vec<FlowDecl> = lowering.seq(self_block(s).iter(), Parent::Procedure);
            table.insert(id, body.into());
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
        procs: &Procedures,
        reg: &Regulation,
        service: Option<&StandardService>,
    ) -> (Scenario, Vec<ChannelDecl>) {
        let mut channels = Vec::new();
        let mut decls = Vec::new();
        let mut seen: HashMap<String, Span> = HashMap::new();
        for s in channel_sts {
            let h = self.header(s);
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
                    .choice::<ChannelKind>(s, w)
                    .unwrap_or(ChannelKind::Other),
                // A channel named after its kind needs no second word.
                None => self
                    .vocab
                    .find::<ChannelKind>(&cid)
                    .unwrap_or(ChannelKind::Other),
            };
            let mut own_deadlines = Vec::new();
            let mut table_totals = Vec::new();
            let mut due_sts = Vec::new();
            let mut flow_sts = Vec::new();
            for x in self.block(s) {
                match self.keyword(x, Parent::Channel) {
                    Some(Keyword::Deadline) => {
                        if let Some(d) = self.deadline(x, Parent::Channel) {
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
                    // Lowered with the regulation's ([`Reader::acknowledgements`]).
                    Some(Keyword::Acknowledge) => {}
                    Some(_) => flow_sts.push(x),
                    None => {}
                }
            }
            let mut lowering = FlowLowering {
                read: &mut self.read,
                actors: &reg.actors,
                actor_ids: &self.actor_ids,
            };
            let body = lowering.seq(flow_sts.into_iter(), Parent::Branch);
            let mut dues = Vec::new();
            for x in due_sts {
                let h = self.header(x);
                let (Some((step, sspan)), Some(d)) =
                    (h.words.first().cloned(), h.durations.first().cloned())
                else {
                    self.missing(x, Expected::StepAndDuration);
                    continue;
                };
                let limit = if h.before_deadline {
                    DueLimit::BeforeDeadline(d)
                } else {
                    DueLimit::Within(d)
                };
                dues.push(DueDecl {
                    step: (step, sspan),
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
            // Built and analysed once the whole model is lowered ([`crate::Lowered::build`]).
            let paths = crate::paths::ChannelPaths::pending();
            let flow = Flow {
                graph: Default::default(),
                start: Default::default(),
            };
            decls.push(ChannelDecl {
                kind,
                body,
                procs: procs.clone(),
                dues,
            });
            channels.push(Channel {
                id: cid,
                kind,
                deadlines: own_deadlines,
                deadline,
                dues: Vec::new(),
                table_totals,
                paths,
                flow,
                cite: h.cite.clone(),
                span: s.span,
            });
        }
        let scenario = Scenario {
            id,
            title,
            deadlines: deadlines.to_vec(),
            channels,
            cite,
            span,
        };
        (scenario, decls)
    }

    fn actor(&mut self, st: &Statement, actors: &mut Vec<Actor>) {
        let h = self.header(st);
        let Some((id, span)) = h.words.first().cloned() else {
            self.missing(st, Expected::Name);
            return;
        };
        if let Some(&i) = self.actor_ids.get(&id) {
            let first = actors[i].span;
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
            Some(w) => self.choice::<ActorKind>(st, w).unwrap_or(ActorKind::Unit),
            None => ActorKind::Unit,
        };
        let mut name = self.text_of(&h);
        let mut aliases = Vec::new();
        for s in self.block(st) {
            match self.keyword(s, Parent::Actor) {
                Some(Keyword::Name) => self.text_field(s, &mut name),
                Some(Keyword::Alias) => {
                    let h = self.header(s);
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
                    let h = self.header_in(s, Parent::Actor);
                    if let Some(w) = h.words.first() {
                        kind = self.choice::<ActorKind>(s, w).unwrap_or(kind);
                    }
                }
                _ => {}
            }
        }
        self.actor_ids.insert(id.clone(), actors.len());
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

fn self_block(st: &Statement) -> &[Statement] {
    st.block.as_ref().map_or(&[], |b| &b.statements)
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
