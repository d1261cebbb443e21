//! The English catalogue.

use super::{Worded, Words};
use crate::problem::*;
use reglam_time::{Amount, CalendarReason, MINUTES_PER_WORKING_DAY};

/// Reglam's messages in English.
#[derive(Debug, Clone, Copy, Default)]
pub struct English;

fn list(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn did_you_mean(suggestion: &Option<String>, otherwise: &str) -> String {
    match suggestion {
        Some(s) => format!("did you mean `{s}`?"),
        None => otherwise.to_string(),
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl English {
    fn place(&self, p: &Place) -> String {
        match &p.scenario {
            Some(s) => format!(
                "regulation `{}`, scenario `{s}`, channel `{}`",
                p.regulation, p.channel
            ),
            None => format!("regulation `{}`, channel `{}`", p.regulation, p.channel),
        }
    }

    fn total_of(&self, of: &TotalOf) -> String {
        match of {
            TotalOf::Regulation(r) => format!("regulation `{r}`"),
            TotalOf::Channel(p) => self.place(p),
        }
    }

    fn deadline(&self, d: &StatedDeadline) -> String {
        match &d.from {
            Some(s) => format!(
                "{} (from {}.{})",
                self.amount(&d.amount),
                s.standard,
                s.service
            ),
            None => self.amount(&d.amount),
        }
    }

    fn sub_deadline(&self, s: &SubDeadline) -> String {
        match s {
            SubDeadline::Within(a) => self.amount(a),
            SubDeadline::BeforeDeadline(a) => format!("{} before the deadline", self.amount(a)),
        }
    }

    fn found(&self, f: &Found) -> String {
        match f {
            Found::Char(c) => format!("`{c}`"),
            Found::BraceAtLineStart => {
                "a `{` at the start of a line (a block opens on the line of its statement)"
                    .to_string()
            }
            Found::StrayClose => "this `}`".to_string(),
            Found::LoneDash => "a `-` (an arrow is written `->`)".to_string(),
            Found::EmptyCitation => "an empty citation (write `@5.1`)".to_string(),
            Found::LoneParen => {
                "a `(` (number words follow a figure: `30 (тридцати) min`)".to_string()
            }
            Found::Space => "this space".to_string(),
            Found::EndOfFile => "the end of the file".to_string(),
            Found::ControlChar(c) => format!("the control character U+{:04X}", *c as u32),
        }
    }

    fn within(&self, w: &Within) -> String {
        match w {
            Within::TopLevel => "at the top of a file".to_string(),
            Within::Statement(k) => format!("inside `{k}`"),
        }
    }

    fn fixed_words(&self, words: &[&str], joint: &str) -> String {
        words
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(joint)
    }

    fn expected(&self, e: &Expected) -> String {
        match e {
            Expected::Name => "a name".to_string(),
            Expected::Text => "a text in quotes".to_string(),
            Expected::Value => "a value".to_string(),
            Expected::Duration => "a duration".to_string(),
            Expected::DeadlineDuration => "a duration, such as `5 wd`".to_string(),
            Expected::Date => "a date (YYYY-MM-DD)".to_string(),
            Expected::Language => "a language: `ru` or `kk`".to_string(),
            Expected::RegistrationNumber => "the registration number".to_string(),
            Expected::Form => "a form such as `paper`".to_string(),
            Expected::StandardService => "`STANDARD.SERVICE`".to_string(),
            Expected::NameAndDuration => {
                "a name and a duration, such as `queue-wait 15 min`".to_string()
            }
            Expected::StepAndDuration => "a step and a duration".to_string(),
            Expected::TableDuration => "the table's duration".to_string(),
            Expected::OutcomeKind => {
                "the kind of outcome, such as `result` or `reasoned-refusal`".to_string()
            }
            Expected::Destination => "where to go".to_string(),
            Expected::ProcedureName => "the procedure's name".to_string(),
            Expected::BranchTarget => "the name of where to go after it".to_string(),
            Expected::NameAfterArrow => "a name after `->`".to_string(),
            Expected::ChannelKindAfterFor => {
                "a kind of channel after `for`, such as `state-corporation`".to_string()
            }
            Expected::BranchBlocks => "`branch { … }` blocks".to_string(),
            Expected::MaxTimes => "a number, as in `max 2 times`".to_string(),
            Expected::ReworkTarget => "`-> STEP`, the step the case goes back to".to_string(),
            Expected::AnswerAndTarget => "an answer and `-> TARGET`".to_string(),
            Expected::WhenLines => "`when \"answer\" -> TARGET` lines".to_string(),
            Expected::ImportPath => "the file's path in quotes".to_string(),
            Expected::FixedWords(words) => self.fixed_words(words, " or "),
        }
    }

    fn unexpected(&self, u: &Unexpected) -> String {
        match u {
            Unexpected::Word(w) => format!("the word `{w}`"),
            Unexpected::Text => "a text".to_string(),
            Unexpected::Duration => "a duration".to_string(),
            Unexpected::Number(n) => format!("the number {n}"),
            Unexpected::Date(d) => format!("the date {d}"),
            Unexpected::Citation => "a citation".to_string(),
            Unexpected::AnotherCitation(c) => format!("the citation @{c}"),
            Unexpected::Arrow => "`->`".to_string(),
            Unexpected::FixedWords(words) => self.fixed_words(words, "/"),
        }
    }

    fn name_kind(&self, k: NameKind) -> &'static str {
        match k {
            NameKind::Step => "step",
            NameKind::StepOrOutcome => "step or outcome",
            NameKind::Procedure => "procedure",
            NameKind::Channel => "channel",
            NameKind::Scenario => "scenario",
            NameKind::Actor => "actor",
            NameKind::Standard => "standard",
            NameKind::Service => "service",
            NameKind::ServiceOfStandard => "service of that standard",
        }
    }

    fn path_lines(&self, path: &[PathLine], notes: &mut Vec<String>) {
        notes.push("the longest path:".to_string());
        for (i, line) in path.iter().enumerate() {
            let who = line
                .actor
                .as_ref()
                .map(|a| format!(" ({a})"))
                .unwrap_or_default();
            let cite = line
                .citation
                .as_ref()
                .map(|c| format!(" @{c}"))
                .unwrap_or_default();
            let adds = if line.adds.is_zero() {
                String::new()
            } else {
                format!("+{} ", self.amount(&line.adds))
            };
            let returns = line
                .returns
                .map(|r| {
                    format!(
                        " [{} returns × ({} again + {} away)]",
                        r.times,
                        self.amount(&r.body),
                        self.amount(&r.away)
                    )
                })
                .unwrap_or_default();
            notes.push(format!(
                "{:>3}. {}{who}{cite}: {adds}= {}{returns}",
                i + 1,
                line.node,
                self.amount(&line.running)
            ));
        }
    }

    fn arguments(&self, statement: &str, issue: &ArgIssue) -> (String, String, String) {
        match issue {
            ArgIssue::Missing(what) => {
                let what = self.expected(what);
                (
                    format!("`{statement}` needs {what}"),
                    format!("{what} is missing"),
                    format!("See the `{statement}` statement in docs/language.md."),
                )
            }
            ArgIssue::Unexpected(found) => (
                format!(
                    "`{statement}` does not take {} here",
                    self.unexpected(found)
                ),
                "not expected here".to_string(),
                format!(
                    "Remove it or move it; see the `{statement}` statement in docs/language.md."
                ),
            ),
            ArgIssue::UnexpectedBlock => (
                format!("`{statement}` takes no `{{ … }}` block"),
                "unexpected block".to_string(),
                "Remove the block, or write its contents as arguments.".to_string(),
            ),
            ArgIssue::MissingBlock => (
                format!("`{statement}` needs a `{{ … }}` block"),
                "block missing".to_string(),
                format!("Add a block after `{statement}`; see docs/language.md."),
            ),
            ArgIssue::NotOneOf {
                found,
                allowed,
                suggestion,
            } => (
                format!("`{found}` is not a choice of `{statement}`"),
                did_you_mean(suggestion, "not one of the choices"),
                format!("Use one of {}.", list(allowed)),
            ),
            ArgIssue::NumberTooLarge => (
                "this number is too large".to_string(),
                "too large".to_string(),
                "Numbers in Reglam are durations and counts; check for a typo.".to_string(),
            ),
            ArgIssue::BadDate(date) => (
                format!("{date} is not a date"),
                "no such day".to_string(),
                "Write dates as YYYY-MM-DD.".to_string(),
            ),
        }
    }
}

impl Words for English {
    fn amount(&self, a: &Amount) -> String {
        let mut parts = Vec::new();
        if a.months > 0 {
            parts.push(plural(a.months, "month", "months"));
        }
        if a.calendar_days > 0 {
            parts.push(plural(a.calendar_days, "calendar day", "calendar days"));
        }
        let days = a.working_minutes / MINUTES_PER_WORKING_DAY;
        let hours = a.working_minutes % MINUTES_PER_WORKING_DAY / 60;
        let minutes = a.working_minutes % 60;
        let mut working = Vec::new();
        if days > 0 {
            working.push(plural(days, "working day", "working days"));
        }
        if hours > 0 {
            working.push(plural(hours, "hour", "hours"));
        }
        if minutes > 0 {
            working.push(plural(minutes, "minute", "minutes"));
        }
        if !working.is_empty() {
            parts.push(working.join(" "));
        }
        if parts.is_empty() {
            return "0 minutes".to_string();
        }
        parts.join(" + ")
    }

    fn citation(&self, raw: &str) -> String {
        let mut parts = Vec::new();
        for (i, seg) in raw.split('.').filter(|s| !s.is_empty()).enumerate() {
            let text = if let Some(n) = seg.strip_prefix("app") {
                format!("appendix {n}")
            } else if let Some(n) = seg.strip_prefix("row") {
                format!("row {n}")
            } else if let Some(n) = seg
                .strip_prefix('t')
                .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            {
                // An appendix with several tables: `@app2.t1.row5`.
                format!("table {n}")
            } else if seg.chars().all(|c| c.is_ascii_digit()) {
                match i {
                    0 => format!("paragraph {seg}"),
                    1 => format!("sub-paragraph {seg}"),
                    _ => format!("item {seg}"),
                }
            } else {
                seg.to_string()
            };
            parts.push(text);
        }
        parts.join(", ")
    }

    fn calendar_reason(&self, reason: CalendarReason) -> String {
        match reason {
            CalendarReason::WithinReceiptDay => "The path is longer than the deadline but within the uncounted day of receipt, so it depends on the hour of submission.",
            CalendarReason::CalendarPathWorkingDeadline => "The path mixes calendar days or months with a deadline in working time; how many working days a calendar day holds depends on weekends and holidays.",
            CalendarReason::WorkingPathCalendarDeadline => "The path is in working time and the deadline in calendar days; how many calendar days the working time spans depends on weekends and holidays.",
            CalendarReason::MonthLengths => "Months have 28 to 31 days, so the comparison depends on the month of submission.",
            CalendarReason::MixedDeadline => "The deadline mixes working and calendar time.",
            CalendarReason::MixedPaths => "Some paths mix kinds of time, so the longest one depends on the calendar.",
        }
        .to_string()
    }

    fn read_failure(&self, failure: &ReadFailure) -> String {
        match failure {
            ReadFailure::NotFound => "no such file".to_string(),
            ReadFailure::PermissionDenied => "permission denied".to_string(),
            ReadFailure::NotAFile => "it is not a file".to_string(),
            ReadFailure::TooLarge { size } => {
                format!("the file is {size} bytes, more than Reglam reads")
            }
            ReadFailure::Os(text) => text.clone(),
            ReadFailure::Outside => {
                "it leads outside the tree being checked (`--root DIR` widens the tree)".to_string()
            }
        }
    }

    fn in_the_act(&self) -> &'static str {
        "in the act"
    }

    fn help(&self) -> &'static str {
        "help"
    }

    fn acknowledged(&self) -> &'static str {
        "acknowledged"
    }

    fn in_baseline(&self) -> &'static str {
        "in the baseline"
    }

    fn sarif_source_root(&self) -> &'static str {
        "the directory reglam ran in: file paths are relative to it"
    }

    fn sarif_rule_description(&self, title: &str, kind: crate::CodeKind) -> String {
        match kind {
            crate::CodeKind::Malformed => {
                format!("{title}: the input cannot be fully read, so nothing is built from it")
            }
            crate::CodeKind::Finding => format!("{title}: a finding about the act's content"),
        }
    }

    fn sarif_rule_help(&self, uri: &str) -> String {
        format!("The code is explained, with a wrong and a corrected example, at {uri}")
    }

    fn fallback_outputs(&self, outputs: usize, regulations: usize) -> String {
        format!(
            "{outputs} document{} or diagram{} of {regulations} regulation{} show{} some texts in the other language, as the source has none in {}; each says so once",
            if outputs == 1 { "" } else { "s" },
            if outputs == 1 { "" } else { "s" },
            if regulations == 1 { "" } else { "s" },
            if outputs == 1 { "s" } else { "" },
            if outputs == 1 { "its" } else { "theirs" },
        )
    }

    fn problem(&self, problem: &Problem) -> Worded {
        use Problem::*;
        let mut secondary = Vec::new();
        let mut notes = Vec::new();
        let (message, label, help) = match problem {
            Syntax { found, .. } => (
                format!("Reglam cannot read {} here", self.found(found)),
                "not understood".to_string(),
                "A statement is a keyword, its arguments (names, \"texts\", numbers with units such as `30 min`, citations such as `@5.1`, `-> target`) and an optional `{ … }` block. Check for a stray character or a missing quote.".to_string(),
            ),
            InvalidUtf8 { byte, .. } => (
                format!("the file is not valid UTF-8 (byte {byte})"),
                "this byte is not UTF-8".to_string(),
                "Save the file as UTF-8. Texts exported from older editors are often in Windows-1251; convert them, for example with `iconv -f cp1251 -t utf-8`.".to_string(),
            ),
            UnclosedString { .. } => (
                "this text is never closed".to_string(),
                "the text starts here".to_string(),
                "Add the closing `\"`. A quote inside a text is written `\\\"`; «ёлочки» need nothing.".to_string(),
            ),
            UnclosedBlock { .. } => (
                "this block is never closed".to_string(),
                "opened here".to_string(),
                "Add the matching `}` at the end of the block.".to_string(),
            ),
            StrayBrace { .. } => (
                "this `}` closes nothing".to_string(),
                "no block is open here".to_string(),
                "Remove it, or add the `{` it was meant to close.".to_string(),
            ),
            TooDeep { limit, .. } => (
                format!("blocks are nested more than {limit} deep"),
                "too deep".to_string(),
                "No regulation needs this depth: check for a missing `}` or a generated file gone wrong.".to_string(),
            ),
            TooLarge { size, limit, .. } => (
                format!("the file is {size} bytes; Reglam reads files up to {limit} bytes"),
                "too large".to_string(),
                "Split the act into one file per regulation.".to_string(),
            ),
            UnknownStatement { word, within, suggestion, allowed, .. } => (
                format!("`{word}` is not a statement Reglam knows {}", self.within(within)),
                did_you_mean(suggestion, "unknown here"),
                format!("Allowed here: {}.", list(allowed)),
            ),
            BadArguments { statement, issue, .. } => self.arguments(statement, issue),
            UnknownUnit { word, suggestion, .. } => (
                format!("`{word}` is not a unit of time"),
                did_you_mean(suggestion, "unknown unit"),
                "Units are `min`, `h`, `wd` (working days), `cd` (calendar days) and `month`; docs/language.md lists the Russian and Kazakh spellings.".to_string(),
            ),
            ImportUnreadable { path, reason, .. } => (
                format!("cannot read `{path}`: {}", self.read_failure(reason)),
                "imported here".to_string(),
                "The path is relative to this file. Check the name and that the file exists.".to_string(),
            ),
            ImportCycle { chain, .. } => (
                format!("files import each other in a cycle: {}", chain.join(" → ")),
                "this import closes the cycle".to_string(),
                "A standard should not import the regulations that implement it; remove one import of the cycle.".to_string(),
            ),
            ImportOutside { path, .. } => (
                format!("`{path}` is outside the tree being checked"),
                "leaves the tree".to_string(),
                "Keep standards and regulations in one tree and import them by a path inside it.".to_string(),
            ),
            Duplicate { first, what, name, .. } => {
                let what = self.name_kind(*what);
                secondary.push((*first, "first defined here".to_string()));
                (
                    format!("the {what} `{name}` is defined twice"),
                    "defined again here".to_string(),
                    format!("Give each {what} its own name."),
                )
            }
            UnknownName { what, name, suggestion, .. } => {
                let what = self.name_kind(*what);
                (
                    format!("there is no {what} called `{name}`"),
                    did_you_mean(suggestion, "not defined"),
                    format!("Define the {what}, or correct the name."),
                )
            }
            UndeclaredActor { name, suggestion, .. } => (
                format!("the actor `{name}` is not declared"),
                did_you_mean(suggestion, "not declared"),
                format!("Declare it with `actor {name} ru \"…\"` in the regulation, or use a declared actor."),
            ),
            ActorNameClash { other, name, .. } => {
                secondary.push((*other, "also used here".to_string()));
                (
                    format!("two actors are called \"{name}\""),
                    "clashes".to_string(),
                    "Each name and alias must belong to one actor, so that a text can be matched to its actor.".to_string(),
                )
            }
            RecursiveCall { name, .. } => (
                format!("the procedure `{name}` calls itself"),
                "calls itself".to_string(),
                "A procedure runs once per call; use `rework` for a bounded return.".to_string(),
            ),
            Overrun { place, outcome, total, deadline, extended, by, exact, deadline_span, path, .. } => {
                let stated = self.deadline(deadline);
                // Say when even the act's extension would not be enough.
                let deadline = match extended {
                    Some(ext) => format!("{stated}, {} when extended,", self.amount(ext)),
                    None => stated,
                };
                if let Some(d) = deadline_span {
                    secondary.push((*d, format!("the deadline is {deadline}")));
                }
                self.path_lines(path, &mut notes);
                let total = self.amount(total);
                let by = if *exact {
                    self.amount(by)
                } else {
                    format!("at least {}", self.amount(by))
                };
                (
                    format!("in {}, the path to `{outcome}` takes {total}, over the deadline of {deadline} by {by}", self.place(place)),
                    format!("reached after {total}"),
                    "Shorten the steps on this path, or correct the deadline if the act gives another.".to_string(),
                )
            }
            StepOverDeadline { step, duration, deadline, deadline_span, .. } => {
                if let Some(d) = deadline_span {
                    secondary.push((*d, "the deadline".to_string()));
                }
                let duration = self.amount(duration);
                (
                    format!("the step `{step}` alone takes {duration}, longer than the whole deadline of {}", self.deadline(deadline)),
                    format!("takes {duration}"),
                    "Check the step's duration and unit against the act.".to_string(),
                )
            }
            SubDeadlineTooLong { sub, deadline, deadline_span, .. } => {
                if let Some(d) = deadline_span {
                    secondary.push((*d, "the deadline it belongs to".to_string()));
                }
                (
                    format!("this sub-deadline of {} does not fit inside the deadline of {}", self.sub_deadline(sub), self.deadline(deadline)),
                    "longer than the deadline".to_string(),
                    "A part of the service must end within the service's deadline.".to_string(),
                )
            }
            SubDeadlineOverrun { step, total, limit, by, path, .. } => {
                self.path_lines(path, &mut notes);
                (
                    format!("the path to the end of `{step}` takes {}, over its sub-deadline of {} by {}", self.amount(total), self.amount(limit), self.amount(by)),
                    "sub-deadline".to_string(),
                    "Shorten the steps before it, or correct the sub-deadline.".to_string(),
                )
            }
            Stuck { at, falls_off, .. } => {
                let step = match at {
                    StuckAt::Step(s) => s.clone(),
                    StuckAt::Start { channel } => format!("the start of {channel}"),
                };
                (
                    if *falls_off {
                        format!("after `{step}` the case goes nowhere: no next step and no outcome")
                    } else {
                        format!("from `{step}` no outcome can be reached")
                    },
                    "the case stops here".to_string(),
                    "End the route with an `outcome`, or send the case on with `-> target`.".to_string(),
                )
            }
            UnboundedLoop { cycle, .. } => (
                format!("the case can go round forever: {}", cycle.join(" → ")),
                "this jump goes back".to_string(),
                "A return for rework is written with `rework … { max N times }`, which bounds it.".to_string(),
            ),
            ReworkUnbounded { name, .. } => (
                format!("the return for rework `{name}` says no limit on how often it may happen"),
                "no `max N times`".to_string(),
                "Add `max N times` with the limit the act gives; if the act gives none, that is a gap in the act worth reporting.".to_string(),
            ),
            BranchNeverJoins { parallel, parallel_span, exit, .. } => {
                secondary.push((*parallel_span, "the parallel work starts here".to_string()));
                (
                    format!("a branch of `{parallel}` leaves it at `{exit}` and never joins the other branches"),
                    "leaves the parallel block".to_string(),
                    "Each branch must finish inside its `parallel` block; put the outcome after the block.".to_string(),
                )
            }
            ReworkForward { name, target, .. } => (
                format!("the return for rework `{name}` goes to `{target}`, which does not come before it"),
                "not an earlier step".to_string(),
                "A return sends the case back to an earlier step; for a jump forward use `-> target`.".to_string(),
            ),
            EmptyFile { .. } => (
                "this file declares no regulation, standard or act".to_string(),
                "nothing here".to_string(),
                "Start with `regulation NAME { … }`; docs/tutorial.md shows a whole one.".to_string(),
            ),
            UnusedActor { name, .. } => (
                format!("the actor `{name}` is declared but takes no part"),
                "never used".to_string(),
                "Remove it, or give it the steps the act assigns to it.".to_string(),
            ),
            UnlistedActor { name, list, .. } => {
                secondary.push((*list, "the act's list of the units taking part".to_string()));
                (
                    format!("the actor `{name}` takes part, but the act's list of units does not name it"),
                    "not in the list".to_string(),
                    "Either the list in the act is incomplete or the steps name the wrong unit; the act should be corrected.".to_string(),
                )
            }
            UnusedProcedure { name, .. } => (
                format!("the procedure `{name}` is never called"),
                "never called".to_string(),
                format!("A channel runs it with `call {name}`."),
            ),
            Unreachable { step, place, .. } => (
                format!("in {}, `{step}` can never be reached", self.place(place)),
                "unreachable".to_string(),
                format!("Nothing leads here: add `-> {step}` where the case should come to it, or remove it."),
            ),
            NoActor { step, .. } => (
                format!("the step `{step}` says nobody does it"),
                "no actor".to_string(),
                "Name the actor after the step's name: `step NAME ACTOR …`.".to_string(),
            ),
            NoDuration { step, .. } => (
                format!("the step `{step}` has no duration"),
                "no duration".to_string(),
                "Give the duration the act states, e.g. `30 min` or `1 wd`; a step without one cannot be checked against the deadline.".to_string(),
            ),
            OneWay { name, .. } => (
                format!("`{name}` leads to the same place whatever the answer"),
                "one successor".to_string(),
                "A condition needs different successors for success and failure (`then A else B`).".to_string(),
            ),
            MixedScript { word, letter, suggestion, .. } => (
                format!("\"{word}\" mixes a Latin `{letter}` into a Cyrillic word"),
                format!("Latin `{letter}`"),
                format!("Did you mean \"{suggestion}\"? Latin and Cyrillic letters look alike but are different characters."),
            ),
            NumberWords { number, words, suggestion, other_number, .. } => (
                match other_number {
                    Some(n) => format!("the figure is {number} but the words \"{words}\" say {n}"),
                    None => format!("the words \"{words}\" do not spell {number}"),
                },
                format!("expected \"{suggestion}\""),
                format!("Write `{number} ({suggestion})`, or the figure the act means."),
            ),
            TableDisagrees { step, table, text, table_span, .. } => {
                let (table, text) = (self.amount(table), self.amount(text));
                secondary.push((*table_span, format!("the table says {table}")));
                (
                    format!("for `{step}` the text says {text} but the appendix table says {table}"),
                    format!("the text says {text}"),
                    "One of the two is wrong in the act; the check uses the text's figure.".to_string(),
                )
            }
            TableTotalDisagrees { of, table, computed, .. } => {
                let table = self.amount(table);
                (
                    format!("the appendix gives {table} as the total for {}, but the steps add up to {}", self.total_of(of), self.amount(computed)),
                    format!("the table says {table}"),
                    "The total row of the appendix should equal the longest path through the steps.".to_string(),
                )
            }
            NoDeadline { place, .. } => (
                format!("no deadline is known for {}", self.place(place)),
                "no deadline".to_string(),
                "Write the deadline the act states (`deadline 5 wd`), or `implements STANDARD.SERVICE` when the Standard gives it.".to_string(),
            ),
            NeedsCalendar { place, outcome, total, deadline, reason, .. } => (
                format!("in {}, whether the path to `{outcome}` ({}) fits the deadline of {} depends on the calendar", self.place(place), self.amount(total), self.deadline(deadline)),
                "needs a calendar".to_string(),
                format!("{} `reglam run` and `reglam audit` decide it on the working calendar.", self.calendar_reason(*reason)),
            ),
            FitsOnlyExtended { place, outcome, total, deadline, extended, .. } => (
                format!("in {}, the path to `{outcome}` takes {}: over the deadline of {}, within the extended {}", self.place(place), self.amount(total), self.deadline(deadline), self.amount(extended)),
                "needs the extension".to_string(),
                "The act allows the extension only in the cases it names; check this path is one of them.".to_string(),
            ),
            NoResult { place, .. } => (
                format!("{} never issues the result", self.place(place)),
                "no `result` outcome is reachable".to_string(),
                "Every route should be able to end with `outcome NAME result`.".to_string(),
            ),
            OutputCollision {
                regulation,
                path,
                other,
                ..
            } => (
                format!(
                    "regulation `{regulation}` would be written to `{path}`, which {other} already writes"
                ),
                "not written".to_string(),
                "Rename the file or the regulation: a file `a.b.reglam` and regulation `b` of a file `a.reglam` with several regulations share their output names.".to_string(),
            ),
            BidiControl { character, .. } => (
                format!(
                    "a bidirectional control character (U+{character:04X}) is in the text"
                ),
                "reorders how the text is displayed".to_string(),
                "Remove it: it makes the text display in an order other than the one it is read in, so what a reviewer sees is not what Reglam reads. Output shows it escaped.".to_string(),
            ),
            StaleAcknowledgement { code, target, .. } => (
                format!("the acknowledgement of {code} at `{target}` matches no finding"),
                "nothing to acknowledge here".to_string(),
                "Remove the acknowledgement, or name the element the finding is reported on (a finding of the act, not a malformed file).".to_string(),
            ),
            StaleBaselineEntry { code, statement, .. } => (
                format!("the baseline entry {code} at `{statement}` matches no finding of this file"),
                "the baseline expects a finding in this file".to_string(),
                "The finding is gone: write the baseline again with `--write-baseline`.".to_string(),
            ),
        };
        Worded {
            message,
            label,
            secondary,
            notes,
            help,
        }
    }
}
