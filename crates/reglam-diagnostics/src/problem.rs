//! Every message Reglam prints, in one place, so that Russian and Kazakh texts can be added
//! beside the English ones without hunting through the checks.

use crate::{Code, Diagnostic, Label, Span};

/// What is wrong with a statement's arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgIssue {
    /// A required argument is absent; names what was expected.
    Missing(&'static str),
    /// An argument that the statement does not take; names what was found.
    Unexpected(String),
    /// The statement takes no block.
    UnexpectedBlock,
    /// The statement needs a block.
    MissingBlock,
    /// A word that is not one of the allowed choices.
    NotOneOf {
        found: String,
        allowed: Vec<&'static str>,
    },
    /// A number too large to be meant.
    NumberTooLarge,
    /// A date that does not exist.
    BadDate(String),
}

/// A finding, with the facts needed to explain it. `into_diagnostic` words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Syntax {
        span: Span,
        found: String,
    },
    InvalidUtf8 {
        span: Span,
        byte: usize,
    },
    UnclosedString {
        span: Span,
    },
    UnclosedBlock {
        span: Span,
    },
    StrayBrace {
        span: Span,
    },
    TooDeep {
        span: Span,
        limit: usize,
    },
    TooLarge {
        span: Span,
        size: u64,
        limit: u64,
    },
    UnknownStatement {
        span: Span,
        word: String,
        context: &'static str,
        suggestion: Option<String>,
        allowed: Vec<&'static str>,
    },
    BadArguments {
        span: Span,
        statement: String,
        issue: ArgIssue,
    },
    UnknownUnit {
        span: Span,
        word: String,
        suggestion: Option<String>,
    },
    ImportUnreadable {
        span: Span,
        path: String,
        reason: String,
    },
    ImportCycle {
        span: Span,
        chain: Vec<String>,
    },
    ImportOutside {
        span: Span,
        path: String,
    },
    Duplicate {
        span: Span,
        first: Span,
        what: &'static str,
        name: String,
    },
    UnknownName {
        span: Span,
        what: &'static str,
        name: String,
        suggestion: Option<String>,
    },
    UndeclaredActor {
        span: Span,
        name: String,
        suggestion: Option<String>,
    },
    ActorNameClash {
        span: Span,
        other: Span,
        name: String,
    },
    RecursiveCall {
        span: Span,
        name: String,
    },
    Overrun {
        span: Span,
        place: String,
        outcome: String,
        total: String,
        deadline: String,
        by: String,
        deadline_span: Option<Span>,
        path: Vec<String>,
    },
    StepOverDeadline {
        span: Span,
        step: String,
        duration: String,
        deadline: String,
        deadline_span: Option<Span>,
    },
    SubDeadlineTooLong {
        span: Span,
        sub: String,
        deadline: String,
        deadline_span: Option<Span>,
    },
    SubDeadlineOverrun {
        span: Span,
        step: String,
        total: String,
        limit: String,
        by: String,
        path: Vec<String>,
    },
    Stuck {
        span: Span,
        step: String,
        falls_off: bool,
    },
    UnboundedLoop {
        span: Span,
        cycle: Vec<String>,
    },
    ReworkUnbounded {
        span: Span,
        name: String,
    },
    BranchNeverJoins {
        span: Span,
        parallel: String,
        parallel_span: Span,
        exit: String,
    },
    ReworkForward {
        span: Span,
        name: String,
        target: String,
    },
    EmptyFile {
        span: Span,
    },
    UnusedActor {
        span: Span,
        name: String,
    },
    UnlistedActor {
        span: Span,
        name: String,
        list: Span,
    },
    UnusedProcedure {
        span: Span,
        name: String,
    },
    Unreachable {
        span: Span,
        step: String,
        place: String,
    },
    NoActor {
        span: Span,
        step: String,
    },
    NoDuration {
        span: Span,
        step: String,
    },
    OneWay {
        span: Span,
        name: String,
    },
    MixedScript {
        span: Span,
        word: String,
        letter: char,
        suggestion: String,
    },
    NumberWords {
        span: Span,
        number: u64,
        words: String,
        suggestion: String,
        other_number: Option<u64>,
    },
    TableDisagrees {
        span: Span,
        step: String,
        table: String,
        text: String,
        table_span: Span,
    },
    TableTotalDisagrees {
        span: Span,
        place: String,
        table: String,
        computed: String,
    },
    NoDeadline {
        span: Span,
        place: String,
    },
    NeedsCalendar {
        span: Span,
        place: String,
        outcome: String,
        total: String,
        deadline: String,
        reason: String,
    },
    FitsOnlyExtended {
        span: Span,
        place: String,
        outcome: String,
        total: String,
        deadline: String,
        extended: String,
    },
    NoResult {
        span: Span,
        place: String,
    },
}

fn list(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn did_you_mean(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("did you mean `{s}`?"),
        None => String::new(),
    }
}

impl Problem {
    pub fn code(&self) -> Code {
        use Problem::*;
        Code::of(match self {
            Syntax { .. } => "E001",
            InvalidUtf8 { .. } => "E002",
            UnclosedString { .. } => "E003",
            UnclosedBlock { .. } | StrayBrace { .. } => "E004",
            TooDeep { .. } => "E005",
            TooLarge { .. } => "E006",
            UnknownStatement { .. } => "E007",
            BadArguments { .. } => "E008",
            UnknownUnit { .. } => "E009",
            ImportUnreadable { .. } => "E010",
            ImportCycle { .. } => "E011",
            ImportOutside { .. } => "E012",
            Duplicate { .. } => "E013",
            UnknownName { .. } => "E014",
            UndeclaredActor { .. } => "E015",
            ActorNameClash { .. } => "E016",
            RecursiveCall { .. } => "E017",
            Overrun { .. } => "E020",
            StepOverDeadline { .. } => "E021",
            SubDeadlineTooLong { .. } => "E022",
            SubDeadlineOverrun { .. } => "E023",
            Stuck { .. } => "E024",
            UnboundedLoop { .. } => "E025",
            ReworkUnbounded { .. } => "E026",
            BranchNeverJoins { .. } => "E027",
            ReworkForward { .. } => "E028",
            EmptyFile { .. } => "W001",
            UnusedActor { .. } => "W010",
            UnusedProcedure { .. } => "W011",
            UnlistedActor { .. } => "W013",
            Unreachable { .. } => "W012",
            NoActor { .. } => "W020",
            NoDuration { .. } => "W021",
            OneWay { .. } => "W023",
            MixedScript { .. } => "W030",
            NumberWords { .. } => "W031",
            TableDisagrees { .. } => "W040",
            TableTotalDisagrees { .. } => "W041",
            NoDeadline { .. } => "W050",
            NeedsCalendar { .. } => "W051",
            FitsOnlyExtended { .. } => "W052",
            NoResult { .. } => "W060",
        })
    }

    /// Words the problem: message, labels, notes and help.
    pub fn into_diagnostic(self, citation: Option<String>) -> Diagnostic {
        use Problem::*;
        let code = self.code();
        let mut secondary = Vec::new();
        let mut notes = Vec::new();
        let (span, message, label, help) = match self {
            Syntax { span, found } => (
                span,
                format!("Reglam cannot read {found} here"),
                "not understood".to_string(),
                "A statement is a keyword, its arguments (names, \"texts\", numbers with units such as `30 min`, citations such as `@5.1`, `-> target`) and an optional `{ … }` block. Check for a stray character or a missing quote.".to_string(),
            ),
            InvalidUtf8 { span, byte } => (
                span,
                format!("the file is not valid UTF-8 (byte {byte})"),
                "this byte is not UTF-8".to_string(),
                "Save the file as UTF-8. Texts exported from older editors are often in Windows-1251; convert them, for example with `iconv -f cp1251 -t utf-8`.".to_string(),
            ),
            UnclosedString { span } => (
                span,
                "this text is never closed".to_string(),
                "the text starts here".to_string(),
                "Add the closing `\"`. A quote inside a text is written `\\\"`; «ёлочки» need nothing.".to_string(),
            ),
            UnclosedBlock { span } => (
                span,
                "this block is never closed".to_string(),
                "opened here".to_string(),
                "Add the matching `}` at the end of the block.".to_string(),
            ),
            StrayBrace { span } => (
                span,
                "this `}` closes nothing".to_string(),
                "no block is open here".to_string(),
                "Remove it, or add the `{` it was meant to close.".to_string(),
            ),
            TooDeep { span, limit } => (
                span,
                format!("blocks are nested more than {limit} deep"),
                "too deep".to_string(),
                "No regulation needs this depth: check for a missing `}` or a generated file gone wrong.".to_string(),
            ),
            TooLarge { span, size, limit } => (
                span,
                format!("the file is {size} bytes; Reglam reads files up to {limit} bytes"),
                "too large".to_string(),
                "Split the act into one file per regulation.".to_string(),
            ),
            UnknownStatement { span, word, context, suggestion, allowed } => (
                span,
                format!("`{word}` is not a statement Reglam knows {context}"),
                did_you_mean(&suggestion).trim_end_matches('?').to_string() + if suggestion.is_some() { "?" } else { "unknown here" },
                format!("Allowed here: {}.", list(&allowed)),
            ),
            BadArguments { span, statement, issue } => {
                let (message, label, help) = match issue {
                    ArgIssue::Missing(what) => (
                        format!("`{statement}` needs {what}"),
                        format!("{what} is missing"),
                        format!("See the `{statement}` statement in docs/language.md."),
                    ),
                    ArgIssue::Unexpected(found) => (
                        format!("`{statement}` does not take {found} here"),
                        "not expected here".to_string(),
                        format!("Remove it or move it; see the `{statement}` statement in docs/language.md."),
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
                    ArgIssue::NotOneOf { found, allowed } => (
                        format!("`{found}` is not a choice of `{statement}`"),
                        "not one of the choices".to_string(),
                        format!("Use one of {}.", list(&allowed)),
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
                };
                (span, message, label, help)
            }
            UnknownUnit { span, word, suggestion } => (
                span,
                format!("`{word}` is not a unit of time"),
                if suggestion.is_some() { did_you_mean(&suggestion) } else { "unknown unit".to_string() },
                "Units are `min`, `h`, `wd` (working days), `cd` (calendar days) and `month`; docs/language.md lists the Russian and Kazakh spellings.".to_string(),
            ),
            ImportUnreadable { span, path, reason } => (
                span,
                format!("cannot read `{path}`: {reason}"),
                "imported here".to_string(),
                "The path is relative to this file. Check the name and that the file exists.".to_string(),
            ),
            ImportCycle { span, chain } => (
                span,
                format!("files import each other in a cycle: {}", chain.join(" → ")),
                "this import closes the cycle".to_string(),
                "A standard should not import the regulations that implement it; remove one import of the cycle.".to_string(),
            ),
            ImportOutside { span, path } => (
                span,
                format!("`{path}` is outside the tree being checked"),
                "leaves the tree".to_string(),
                "Keep standards and regulations in one tree and import them by a path inside it.".to_string(),
            ),
            Duplicate { span, first, what, name } => {
                secondary.push(Label::new(first, "first defined here"));
                (
                    span,
                    format!("the {what} `{name}` is defined twice"),
                    "defined again here".to_string(),
                    format!("Give each {what} its own name."),
                )
            }
            UnknownName { span, what, name, suggestion } => (
                span,
                format!("there is no {what} called `{name}`"),
                if suggestion.is_some() { did_you_mean(&suggestion) } else { "not defined".to_string() },
                format!("Define the {what}, or correct the name."),
            ),
            UndeclaredActor { span, name, suggestion } => (
                span,
                format!("the actor `{name}` is not declared"),
                if suggestion.is_some() { did_you_mean(&suggestion) } else { "not declared".to_string() },
                format!("Declare it with `actor {name} ru \"…\"` in the regulation, or use a declared actor."),
            ),
            ActorNameClash { span, other, name } => {
                secondary.push(Label::new(other, "also used here"));
                (
                    span,
                    format!("two actors are called \"{name}\""),
                    "clashes".to_string(),
                    "Each name and alias must belong to one actor, so that a text can be matched to its actor.".to_string(),
                )
            }
            RecursiveCall { span, name } => (
                span,
                format!("the procedure `{name}` calls itself"),
                "calls itself".to_string(),
                "A procedure runs once per call; use `rework` for a bounded return.".to_string(),
            ),
            Overrun { span, place, outcome, total, deadline, by, deadline_span, path } => {
                if let Some(d) = deadline_span {
                    secondary.push(Label::new(d, format!("the deadline is {deadline}")));
                }
                notes.push("the longest path:".to_string());
                notes.extend(path);
                (
                    span,
                    format!("in {place}, the path to `{outcome}` takes {total}, over the deadline of {deadline} by {by}"),
                    format!("reached after {total}"),
                    "Shorten the steps on this path, or correct the deadline if the act gives another.".to_string(),
                )
            }
            StepOverDeadline { span, step, duration, deadline, deadline_span } => {
                if let Some(d) = deadline_span {
                    secondary.push(Label::new(d, "the deadline"));
                }
                (
                    span,
                    format!("the step `{step}` alone takes {duration}, longer than the whole deadline of {deadline}"),
                    format!("takes {duration}"),
                    "Check the step's duration and unit against the act.".to_string(),
                )
            }
            SubDeadlineTooLong { span, sub, deadline, deadline_span } => {
                if let Some(d) = deadline_span {
                    secondary.push(Label::new(d, "the deadline it belongs to"));
                }
                (
                    span,
                    format!("this sub-deadline of {sub} does not fit inside the deadline of {deadline}"),
                    "longer than the deadline".to_string(),
                    "A part of the service must end within the service's deadline.".to_string(),
                )
            }
            SubDeadlineOverrun { span, step, total, limit, by, path } => {
                notes.push("the longest path:".to_string());
                notes.extend(path);
                (
                    span,
                    format!("the path to the end of `{step}` takes {total}, over its sub-deadline of {limit} by {by}"),
                    "sub-deadline".to_string(),
                    "Shorten the steps before it, or correct the sub-deadline.".to_string(),
                )
            }
            Stuck { span, step, falls_off } => (
                span,
                if falls_off {
                    format!("after `{step}` the case goes nowhere: no next step and no outcome")
                } else {
                    format!("from `{step}` no outcome can be reached")
                },
                "the case stops here".to_string(),
                "End the route with an `outcome`, or send the case on with `-> target`.".to_string(),
            ),
            UnboundedLoop { span, cycle } => (
                span,
                format!("the case can go round forever: {}", cycle.join(" → ")),
                "this jump goes back".to_string(),
                "A return for rework is written with `rework … { max N times }`, which bounds it.".to_string(),
            ),
            ReworkUnbounded { span, name } => (
                span,
                format!("the return for rework `{name}` says no limit on how often it may happen"),
                "no `max N times`".to_string(),
                "Add `max N times` with the limit the act gives; if the act gives none, that is a gap in the act worth reporting.".to_string(),
            ),
            BranchNeverJoins { span, parallel, parallel_span, exit } => {
                secondary.push(Label::new(parallel_span, "the parallel work starts here"));
                (
                    span,
                    format!("a branch of `{parallel}` leaves it at `{exit}` and never joins the other branches"),
                    "leaves the parallel block".to_string(),
                    "Each branch must finish inside its `parallel` block; put the outcome after the block.".to_string(),
                )
            }
            ReworkForward { span, name, target } => (
                span,
                format!("the return for rework `{name}` goes to `{target}`, which does not come before it"),
                "not an earlier step".to_string(),
                "A return sends the case back to an earlier step; for a jump forward use `-> target`.".to_string(),
            ),
            EmptyFile { span } => (
                span,
                "this file declares no regulation, standard or act".to_string(),
                "nothing here".to_string(),
                "Start with `regulation NAME { … }`; docs/tutorial.md shows a whole one.".to_string(),
            ),
            UnusedActor { span, name } => (
                span,
                format!("the actor `{name}` is declared but takes no part"),
                "never used".to_string(),
                "Remove it, or give it the steps the act assigns to it.".to_string(),
            ),
            UnlistedActor { span, name, list } => {
                secondary.push(Label::new(list, "the act's list of the units taking part"));
                (
                    span,
                    format!("the actor `{name}` takes part, but the act's list of units does not name it"),
                    "not in the list".to_string(),
                    "Either the list in the act is incomplete or the steps name the wrong unit; the act should be corrected.".to_string(),
                )
            }
            UnusedProcedure { span, name } => (
                span,
                format!("the procedure `{name}` is never called"),
                "never called".to_string(),
                format!("A channel runs it with `call {name}`."),
            ),
            Unreachable { span, step, place } => (
                span,
                format!("in {place}, `{step}` can never be reached"),
                "unreachable".to_string(),
                "Nothing leads here: add `-> {step}` where the case should come to it, or remove it.".replace("{step}", &step),
            ),
            NoActor { span, step } => (
                span,
                format!("the step `{step}` says nobody does it"),
                "no actor".to_string(),
                "Name the actor after the step's name: `step NAME ACTOR …`.".to_string(),
            ),
            NoDuration { span, step } => (
                span,
                format!("the step `{step}` has no duration"),
                "no duration".to_string(),
                "Give the duration the act states, e.g. `30 min` or `1 wd`; a step without one cannot be checked against the deadline.".to_string(),
            ),
            OneWay { span, name } => (
                span,
                format!("`{name}` leads to the same place whatever the answer"),
                "one successor".to_string(),
                "A condition needs different successors for success and failure (`then A else B`).".to_string(),
            ),
            MixedScript { span, word, letter, suggestion } => (
                span,
                format!("\"{word}\" mixes a Latin `{letter}` into a Cyrillic word"),
                format!("Latin `{letter}`"),
                format!("Did you mean \"{suggestion}\"? Latin and Cyrillic letters look alike but are different characters."),
            ),
            NumberWords { span, number, words, suggestion, other_number } => (
                span,
                match other_number {
                    Some(n) => format!("the figure is {number} but the words \"{words}\" say {n}"),
                    None => format!("the words \"{words}\" do not spell {number}"),
                },
                format!("expected \"{suggestion}\""),
                format!("Write `{number} ({suggestion})`, or the figure the act means."),
            ),
            TableDisagrees { span, step, table, text, table_span } => {
                secondary.push(Label::new(table_span, format!("the table says {table}")));
                (
                    span,
                    format!("for `{step}` the text says {text} but the appendix table says {table}"),
                    format!("the text says {text}"),
                    "One of the two is wrong in the act; the check uses the text's figure.".to_string(),
                )
            }
            TableTotalDisagrees { span, place, table, computed } => (
                span,
                format!("the appendix gives {table} as the total for {place}, but the steps add up to {computed}"),
                format!("the table says {table}"),
                "The total row of the appendix should equal the longest path through the steps.".to_string(),
            ),
            NoDeadline { span, place } => (
                span,
                format!("no deadline is known for {place}"),
                "no deadline".to_string(),
                "Write the deadline the act states (`deadline 5 wd`), or `implements STANDARD.SERVICE` when the Standard gives it.".to_string(),
            ),
            NeedsCalendar { span, place, outcome, total, deadline, reason } => (
                span,
                format!("in {place}, whether the path to `{outcome}` ({total}) fits the deadline of {deadline} depends on the calendar"),
                "needs a calendar".to_string(),
                format!("{reason} `reglam run` and `reglam audit` decide it on the working calendar."),
            ),
            FitsOnlyExtended { span, place, outcome, total, deadline, extended } => (
                span,
                format!("in {place}, the path to `{outcome}` takes {total}: over the deadline of {deadline}, within the extended {extended}"),
                "needs the extension".to_string(),
                "The act allows the extension only in the cases it names; check this path is one of them.".to_string(),
            ),
            NoResult { span, place } => (
                span,
                format!("{place} never issues the result"),
                "no `result` outcome is reachable".to_string(),
                "Every route should be able to end with `outcome NAME result`.".to_string(),
            ),
        };
        Diagnostic {
            code,
            message,
            primary: Label::new(span, label),
            secondary,
            notes,
            help,
            citation,
        }
    }
}
