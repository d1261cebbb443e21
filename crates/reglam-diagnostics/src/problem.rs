//! What a finding is about, as typed facts: names, source text, spans, amounts of time. No
//! field holds prose: every word a drafter reads is made from these facts in [`crate::words`].
//!
//! `String` fields hold names (of steps, actors, files …) or text copied from the source; the
//! test in `wording_stays_here.rs` keeps it that way.

use crate::codes::{self, Code};
use crate::Span;
use reglam_time::{Amount, CalendarReason};

/// What the parser found where it could not go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// A character that cannot start anything here.
    Char(char),
    /// A `{` at the start of a line: a block opens on the line of its statement.
    BraceAtLineStart,
    /// A `}` where no block can close.
    StrayClose,
    /// A `-` that is not part of `->`.
    LoneDash,
    /// A `@` with no citation after it.
    EmptyCitation,
    /// A `(` that does not follow a figure.
    LoneParen,
    /// A space (or other white space) where none may be.
    Space,
    EndOfFile,
    /// A control character, which no Reglam text contains.
    ControlChar(char),
}

/// Where an unknown statement stands: at the top of a file, or in the block of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Within {
    TopLevel,
    /// The enclosing statement's keyword, as written in the file.
    Statement(String),
}

/// What a statement lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Name,
    /// A text in quotes.
    Text,
    /// A value: a text, a word or a number.
    Value,
    Duration,
    /// The duration of a deadline.
    DeadlineDuration,
    /// A date, YYYY-MM-DD.
    Date,
    /// The language of a file.
    Language,
    RegistrationNumber,
    /// A form of delivering the result, such as `paper`.
    Form,
    /// `STANDARD.SERVICE` after `implements`.
    StandardService,
    /// A name and a duration, as in a limit `queue-wait 15 min`.
    NameAndDuration,
    /// A step and a duration, as in a table figure.
    StepAndDuration,
    /// The duration an appendix table gives.
    TableDuration,
    /// The kind of an outcome, such as `result`.
    OutcomeKind,
    /// Where a `goto` goes.
    Destination,
    ProcedureName,
    /// The target after `then` or `else`.
    BranchTarget,
    /// A name after `->`.
    NameAfterArrow,
    /// A kind of channel after `for`.
    ChannelKindAfterFor,
    /// The `branch { … }` blocks of a `parallel`.
    BranchBlocks,
    /// The limit of a rework, as in `max 2 times`.
    MaxTimes,
    /// `-> STEP`, the step a rework goes back to.
    ReworkTarget,
    /// An answer and `-> TARGET` in a `when` line.
    AnswerAndTarget,
    /// The `when "answer" -> TARGET` lines of a `decide`.
    WhenLines,
    /// The path of an imported file, in quotes.
    ImportPath,
    /// One of these fixed words (spellings from the syntax's table).
    FixedWords(Vec<&'static str>),
}

/// An argument a statement does not take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unexpected {
    Word(String),
    Text,
    Duration,
    Number(u64),
    Date(String),
    Citation,
    /// A second citation, after the statement's own.
    AnotherCitation(String),
    Arrow,
    /// Fixed words that this statement does not take (`then`/`else`, `for`, …).
    FixedWords(Vec<&'static str>),
}

/// What is wrong with a statement's arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgIssue {
    /// A required argument is absent.
    Missing(Expected),
    /// An argument that the statement does not take.
    Unexpected(Unexpected),
    /// The statement takes no block.
    UnexpectedBlock,
    /// The statement needs a block.
    MissingBlock,
    /// A word that is not one of the allowed choices.
    NotOneOf {
        found: String,
        /// The choices, spelt in the file's language.
        allowed: Vec<&'static str>,
        /// The closest choice, when the word looks like a typo of one.
        suggestion: Option<String>,
    },
    /// A number too large to be meant.
    NumberTooLarge,
    /// A date that does not exist, as written.
    BadDate(String),
}

/// The kinds of named things a name can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Step,
    StepOrOutcome,
    Procedure,
    Channel,
    Scenario,
    Actor,
    Standard,
    Service,
    /// A service of the standard just named.
    ServiceOfStandard,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadFailure {
    NotFound,
    PermissionDenied,
    /// A directory or something else that is not a file.
    NotAFile,
    /// Larger than Reglam reads.
    TooLarge {
        size: u64,
    },
    /// Another failure, in the operating system's own words.
    Os(String),
    /// The path, once links are followed, is outside the tree being checked: refused unread.
    Outside,
}

impl ReadFailure {
    pub fn from_io(e: &std::io::Error) -> ReadFailure {
        match e.kind() {
            std::io::ErrorKind::NotFound => ReadFailure::NotFound,
            std::io::ErrorKind::PermissionDenied => ReadFailure::PermissionDenied,
            _ => ReadFailure::Os(e.to_string()),
        }
    }
}

impl From<std::io::Error> for ReadFailure {
    fn from(e: std::io::Error) -> Self {
        ReadFailure::from_io(&e)
    }
}

/// A channel of a regulation, perhaps of one of its scenarios.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub regulation: String,
    pub scenario: Option<String>,
    pub channel: String,
}

/// What an appendix total is the total of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TotalOf {
    /// The regulation as a whole: its longest route to a result.
    Regulation(String),
    Channel(Place),
}

/// A standard's service, where a deadline comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceRef {
    pub standard: String,
    pub service: String,
}

/// The deadline a path is held to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatedDeadline {
    pub amount: Amount,
    /// Set when the regulation takes it from a standard rather than stating it.
    pub from: Option<ServiceRef>,
}

/// A sub-deadline as the act states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubDeadline {
    /// Within this long from the start.
    Within(Amount),
    /// This long before the deadline.
    BeforeDeadline(Amount),
}

/// Where the case gets stuck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StuckAt {
    Step(String),
    /// The channel has no first step.
    Start {
        channel: String,
    },
}

/// The returns for rework counted at one step of a worst path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Returns {
    pub times: u64,
    /// The steps done again, once.
    pub body: Amount,
    /// The time away for rework, once.
    pub away: Amount,
}

/// One step of a worst path, with the running total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathLine {
    /// The node's name as the model has it (`procedure/name` for a procedure's step).
    pub node: String,
    /// The procedure the step comes from, if any.
    pub procedure: Option<String>,
    pub actor: Option<String>,
    /// The step's citation, without `@`.
    pub citation: Option<String>,
    /// What the step adds; zero for steps that take no time.
    pub adds: Amount,
    pub running: Amount,
    pub returns: Option<Returns>,
}

/// A finding, with the facts needed to explain it. [`Problem::into_diagnostic`] words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Syntax {
        span: Span,
        found: Found,
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
        within: Within,
        suggestion: Option<String>,
        /// The spellings allowed there.
        allowed: Vec<&'static str>,
    },
    BadArguments {
        span: Span,
        /// The statement's keyword, as written.
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
        reason: ReadFailure,
    },
    ImportCycle {
        span: Span,
        /// The files of the cycle, by name, the first repeated at the end.
        chain: Vec<String>,
    },
    ImportOutside {
        span: Span,
        path: String,
    },
    Duplicate {
        span: Span,
        first: Span,
        what: NameKind,
        name: String,
    },
    UnknownName {
        span: Span,
        what: NameKind,
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
        place: Place,
        outcome: String,
        total: Amount,
        deadline: StatedDeadline,
        /// The longest extension the act allows, when it has one (not enough either).
        extended: Option<Amount>,
        by: Amount,
        /// False when `by` is only a lower bound.
        exact: bool,
        deadline_span: Option<Span>,
        path: Vec<PathLine>,
    },
    StepOverDeadline {
        span: Span,
        step: String,
        duration: Amount,
        deadline: StatedDeadline,
        deadline_span: Option<Span>,
    },
    SubDeadlineTooLong {
        span: Span,
        sub: SubDeadline,
        deadline: StatedDeadline,
        deadline_span: Option<Span>,
    },
    SubDeadlineOverrun {
        span: Span,
        step: String,
        total: Amount,
        limit: Amount,
        by: Amount,
        path: Vec<PathLine>,
    },
    Stuck {
        span: Span,
        at: StuckAt,
        /// True when nothing follows; false when something does but no outcome is reachable.
        falls_off: bool,
    },
    UnboundedLoop {
        span: Span,
        /// The names of the cycle's steps, in order.
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
        place: Place,
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
        /// The word as written.
        word: String,
        letter: char,
        /// The word with the Cyrillic letters meant.
        suggestion: String,
    },
    NumberWords {
        span: Span,
        number: u64,
        /// The act's words for the figure, as written.
        words: String,
        /// The words that spell the figure.
        suggestion: String,
        other_number: Option<u64>,
    },
    TableDisagrees {
        span: Span,
        step: String,
        table: Amount,
        text: Amount,
        table_span: Span,
    },
    TableTotalDisagrees {
        span: Span,
        of: TotalOf,
        table: Amount,
        computed: Amount,
    },
    NoDeadline {
        span: Span,
        place: Place,
    },
    NeedsCalendar {
        span: Span,
        place: Place,
        outcome: String,
        total: Amount,
        deadline: StatedDeadline,
        reason: CalendarReason,
    },
    FitsOnlyExtended {
        span: Span,
        place: Place,
        outcome: String,
        total: Amount,
        deadline: StatedDeadline,
        extended: Amount,
    },
    NoResult {
        span: Span,
        place: Place,
    },
    /// `build` would write two regulations to one file (`a.b.reglam` and regulation `b` of
    /// `a.reglam` both make `a.b.…`): the second is not written.
    OutputCollision {
        span: Span,
        /// The regulation not written.
        regulation: String,
        /// The output file both would be written to, relative to `--out`.
        path: String,
        /// The regulation written there, as `FILE: ID`.
        other: String,
    },
    /// A bidirectional control character (U+202A–U+202E, U+2066–U+2069) in the source: the
    /// text may display in an order other than the one it is read in.
    BidiControl {
        span: Span,
        /// The character's code point.
        character: u32,
    },
    /// An `acknowledge` statement that no finding of this run matches.
    StaleAcknowledgement {
        span: Span,
        /// The code as written.
        code: String,
        /// The element's name as written.
        target: String,
    },
    /// A baseline entry for a file checked in this run that no finding matches; `span` is the
    /// start of that file.
    StaleBaselineEntry {
        span: Span,
        code: String,
        /// The source line the entry recorded.
        statement: String,
    },
}

impl Problem {
    /// The problem's code: a constant of the catalogue, checked when this crate compiles.
    pub fn code(&self) -> Code {
        use codes::*;
        use Problem::*;
        match self {
            Syntax { .. } => E001,
            InvalidUtf8 { .. } => E002,
            UnclosedString { .. } => E003,
            UnclosedBlock { .. } | StrayBrace { .. } => E004,
            TooDeep { .. } => E005,
            TooLarge { .. } => E006,
            UnknownStatement { .. } => E007,
            BadArguments { .. } => E008,
            UnknownUnit { .. } => E009,
            ImportUnreadable { .. } => E010,
            ImportCycle { .. } => E011,
            ImportOutside { .. } => E012,
            Duplicate { .. } => E013,
            UnknownName { .. } => E014,
            UndeclaredActor { .. } => E015,
            ActorNameClash { .. } => E016,
            RecursiveCall { .. } => E017,
            Overrun { .. } => E020,
            StepOverDeadline { .. } => E021,
            SubDeadlineTooLong { .. } => E022,
            SubDeadlineOverrun { .. } => E023,
            Stuck { .. } => E024,
            UnboundedLoop { .. } => E025,
            ReworkUnbounded { .. } => E026,
            BranchNeverJoins { .. } => E027,
            ReworkForward { .. } => E028,
            EmptyFile { .. } => W001,
            UnusedActor { .. } => W010,
            UnusedProcedure { .. } => W011,
            Unreachable { .. } => W012,
            UnlistedActor { .. } => W013,
            NoActor { .. } => W020,
            NoDuration { .. } => W021,
            OneWay { .. } => W023,
            MixedScript { .. } => W030,
            NumberWords { .. } => W031,
            TableDisagrees { .. } => W040,
            TableTotalDisagrees { .. } => W041,
            NoDeadline { .. } => W050,
            NeedsCalendar { .. } => W051,
            FitsOnlyExtended { .. } => W052,
            NoResult { .. } => W060,
            OutputCollision { .. } => E029,
            BidiControl { .. } => W070,
            StaleAcknowledgement { .. } => W071,
            StaleBaselineEntry { .. } => W072,
        }
    }

    /// The primary span: the place the finding is about.
    pub fn span(&self) -> Span {
        use Problem::*;
        match self {
            Syntax { span, .. }
            | InvalidUtf8 { span, .. }
            | UnclosedString { span }
            | UnclosedBlock { span }
            | StrayBrace { span }
            | TooDeep { span, .. }
            | TooLarge { span, .. }
            | UnknownStatement { span, .. }
            | BadArguments { span, .. }
            | UnknownUnit { span, .. }
            | ImportUnreadable { span, .. }
            | ImportCycle { span, .. }
            | ImportOutside { span, .. }
            | Duplicate { span, .. }
            | UnknownName { span, .. }
            | UndeclaredActor { span, .. }
            | ActorNameClash { span, .. }
            | RecursiveCall { span, .. }
            | Overrun { span, .. }
            | StepOverDeadline { span, .. }
            | SubDeadlineTooLong { span, .. }
            | SubDeadlineOverrun { span, .. }
            | Stuck { span, .. }
            | UnboundedLoop { span, .. }
            | ReworkUnbounded { span, .. }
            | BranchNeverJoins { span, .. }
            | ReworkForward { span, .. }
            | EmptyFile { span }
            | UnusedActor { span, .. }
            | UnlistedActor { span, .. }
            | UnusedProcedure { span, .. }
            | Unreachable { span, .. }
            | NoActor { span, .. }
            | NoDuration { span, .. }
            | OneWay { span, .. }
            | MixedScript { span, .. }
            | NumberWords { span, .. }
            | TableDisagrees { span, .. }
            | TableTotalDisagrees { span, .. }
            | NoDeadline { span, .. }
            | NeedsCalendar { span, .. }
            | FitsOnlyExtended { span, .. }
            | NoResult { span, .. }
            | OutputCollision { span, .. }
            | BidiControl { span, .. }
            | StaleAcknowledgement { span, .. }
            | StaleBaselineEntry { span, .. } => *span,
        }
    }
}
