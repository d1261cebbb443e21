//! The statement table: every statement Reglam knows, which statements' blocks it may appear
//! in, and the shape of its arguments. Its spellings, in every language, are in
//! [`crate::vocab`]; lowering asks both and never compares a keyword string.
//!
//! A new statement is a variant of [`Keyword`], a row in [`STATEMENTS`], its parents' lists in
//! [`Parent::children`] and its spellings in `vocab.rs`.

use serde::Serialize;

/// A statement keyword, whatever the language it is spelt in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Keyword {
    // Files and the act.
    Lang,
    Import,
    Act,
    Body,
    Kind,
    Number,
    Date,
    Registration,
    Status,
    // Standards and regulations.
    Standard,
    Service,
    Regulation,
    Title,
    Implements,
    Provider,
    Result,
    Form,
    Note,
    Deadline,
    ReceiptDay,
    Extend,
    Cap,
    TableTotal,
    Due,
    // Structure.
    Actor,
    Name,
    Alias,
    Procedure,
    Channel,
    Scenario,
    ListedActors,
    // Flow.
    Step,
    Action,
    Produces,
    Part,
    Option,
    Table,
    Check,
    Decide,
    When,
    Parallel,
    Branch,
    Rework,
    Max,
    Takes,
    Clock,
    Timeout,
    Wait,
    Call,
    Goto,
    Outcome,
    // Findings the act is known to have.
    Acknowledge,
}

/// Where a statement appears: the top of a file, or the block of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Parent {
    Top,
    Act,
    Standard,
    Service,
    Regulation,
    Scenario,
    Channel,
    Procedure,
    /// A branch of `parallel` (and, for its flow statements, a channel).
    Branch,
    /// The block of `step`, `check` or `wait`.
    Step,
    Deadline,
    Actor,
    Decide,
    Parallel,
    Rework,
}

const FLOW: &[Keyword] = {
    use Keyword::*;
    &[
        Step, Check, Decide, Parallel, Rework, Wait, Call, Goto, Outcome,
    ]
};

impl Parent {
    /// The statement whose block this is (`None` at the top of a file).
    pub fn keyword(self) -> Option<Keyword> {
        Some(match self {
            Parent::Top => return None,
            Parent::Act => Keyword::Act,
            Parent::Standard => Keyword::Standard,
            Parent::Service => Keyword::Service,
            Parent::Regulation => Keyword::Regulation,
            Parent::Scenario => Keyword::Scenario,
            Parent::Channel => Keyword::Channel,
            Parent::Procedure => Keyword::Procedure,
            Parent::Branch => Keyword::Branch,
            Parent::Step => Keyword::Step,
            Parent::Deadline => Keyword::Deadline,
            Parent::Actor => Keyword::Actor,
            Parent::Decide => Keyword::Decide,
            Parent::Parallel => Keyword::Parallel,
            Parent::Rework => Keyword::Rework,
        })
    }

    /// The statements allowed here, in the order messages list them.
    pub fn children(self) -> &'static [Keyword] {
        use Keyword::*;
        match self {
            Parent::Top => &[Lang, Import, Act, Standard, Regulation],
            Parent::Act => &[Title, Body, Kind, Number, Date, Registration, Status, Note],
            Parent::Standard => &[Title, Number, Date, Service, Note],
            Parent::Service => &[Title, Deadline, Cap, Note],
            Parent::Regulation => &[
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
                Acknowledge,
            ],
            Parent::Scenario => &[Title, Deadline, Cap, TableTotal, Procedure, Channel, Note],
            Parent::Channel => &[
                Deadline,
                Due,
                TableTotal,
                Note,
                Step,
                Check,
                Decide,
                Parallel,
                Rework,
                Wait,
                Call,
                Goto,
                Outcome,
                Acknowledge,
            ],
            Parent::Procedure | Parent::Branch => FLOW,
            Parent::Step => &[Action, Produces, Part, Option, Table, Actor, Note],
            Parent::Deadline => &[ReceiptDay, Extend],
            Parent::Actor => &[Name, Alias, Kind],
            Parent::Decide => &[When],
            Parent::Parallel => &[Branch],
            Parent::Rework => &[Max, Takes, Clock, Timeout],
        }
    }

    pub fn allows(self, keyword: Keyword) -> bool {
        self.children().contains(&keyword)
    }
}

/// The arguments a statement takes; anything else is reported once.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// How many plain words (names, kinds, fixed words).
    pub words: usize,
    pub texts: bool,
    /// Whether a figure followed by a word is a duration (and an unknown word a misspelt unit).
    pub units: bool,
    pub durations: usize,
    /// Figures that are counts, not durations (`max 2 times`).
    pub numbers: usize,
    pub dates: usize,
    pub cite: bool,
    pub arrow: bool,
    pub then_else: bool,
    pub before_deadline: bool,
    pub for_kinds: bool,
}

/// One statement: its keyword and the shape of its arguments.
pub struct StatementRow {
    pub keyword: Keyword,
    pub shape: Shape,
}

const fn shape() -> Shape {
    Shape {
        words: 0,
        texts: false,
        units: false,
        durations: 0,
        numbers: 0,
        dates: 0,
        cite: false,
        arrow: false,
        then_else: false,
        before_deadline: false,
        for_kinds: false,
    }
}

/// `title ru "…"` and every other statement that holds a text.
const TEXT: Shape = Shape {
    texts: true,
    cite: true,
    ..shape()
};
/// `regulation NAME "…" @cite` and the like.
const NAMED: Shape = Shape {
    words: 1,
    texts: true,
    cite: true,
    ..shape()
};
const STEP: Shape = Shape {
    words: 2,
    texts: true,
    units: true,
    // Several durations add up: "7 сағат 40 минут" is `7 h 40 min`.
    durations: usize::MAX,
    cite: true,
    arrow: true,
    for_kinds: true,
    ..shape()
};
const TIMED: Shape = Shape {
    texts: true,
    units: true,
    durations: 1,
    cite: true,
    ..shape()
};

macro_rules! rows {
    ($($k:ident => $shape:expr;)*) => {
        /// Every statement, with the shape of its arguments.
        pub const STATEMENTS: &[StatementRow] = &[
            $(StatementRow { keyword: Keyword::$k, shape: $shape },)*
        ];
    };
}

rows! {
    Lang => Shape { words: 1, ..shape() };
    Import => Shape { texts: true, ..shape() };
    Act => shape();
    Body => TEXT;
    Kind => TEXT;
    Number => Shape { words: 1, texts: true, numbers: 1, ..shape() };
    Date => Shape { dates: 1, ..shape() };
    Registration => Shape { words: 1, texts: true, numbers: 1, dates: 1, ..shape() };
    Status => Shape { words: 1, texts: true, dates: 1, ..shape() };
    Standard => NAMED;
    Service => NAMED;
    Regulation => NAMED;
    Title => TEXT;
    Implements => Shape { words: 1, cite: true, ..shape() };
    Provider => TEXT;
    Result => TEXT;
    Form => Shape { words: 1, cite: true, ..shape() };
    Note => TEXT;
    Deadline => Shape { words: 1, units: true, durations: 1, cite: true, ..shape() };
    ReceiptDay => Shape { words: 1, cite: true, ..shape() };
    Extend => Shape { words: 1, ..TIMED };
    Cap => Shape { words: 1, ..TIMED };
    TableTotal => TIMED;
    Due => Shape { words: 1, units: true, durations: 1, cite: true, before_deadline: true, ..shape() };
    Actor => Shape { words: 2, ..NAMED };
    Name => TEXT;
    Alias => TEXT;
    Procedure => NAMED;
    Channel => Shape { words: 2, ..NAMED };
    Scenario => NAMED;
    ListedActors => Shape { words: usize::MAX, cite: true, ..shape() };
    Step => STEP;
    Action => TEXT;
    Produces => TEXT;
    Part => Shape { for_kinds: true, ..TIMED };
    Option => Shape { for_kinds: true, ..TIMED };
    Table => TIMED;
    Check => Shape { then_else: true, ..STEP };
    Decide => Shape { arrow: false, ..STEP };
    When => Shape { words: 1, arrow: true, ..NAMED };
    Parallel => NAMED;
    Branch => NAMED;
    Rework => Shape { words: 2, arrow: true, ..NAMED };
    Max => Shape { words: 1, numbers: 1, ..shape() };
    Takes => Shape { units: true, durations: 1, cite: true, ..shape() };
    Clock => Shape { words: 1, ..shape() };
    Timeout => Shape { units: true, durations: 1, arrow: true, cite: true, ..shape() };
    Wait => STEP;
    Call => Shape { words: 1, cite: true, ..shape() };
    Goto => Shape { words: 1, cite: true, ..shape() };
    Outcome => Shape { words: 2, ..NAMED };
    // `acknowledge E020 issued_gc "reason" @8.7`: a code, the element, the reason.
    Acknowledge => Shape { words: 2, ..NAMED };
}

/// Statements whose arguments depend on where they are written.
const SHAPE_IN: &[(Keyword, Parent, Shape)] = &[
    // A channel's deadline is for that channel: no channel kind.
    (
        Keyword::Deadline,
        Parent::Channel,
        Shape {
            units: true,
            durations: 1,
            cite: true,
            ..shape()
        },
    ),
    // `actor NAME` inside a step: who does it.
    (
        Keyword::Actor,
        Parent::Step,
        Shape {
            words: 1,
            ..shape()
        },
    ),
    // `kind WORD` inside an actor: the actor's kind.
    (
        Keyword::Kind,
        Parent::Actor,
        Shape {
            words: 1,
            ..shape()
        },
    ),
];

impl Keyword {
    /// Every keyword, in the table's order.
    pub fn all() -> impl Iterator<Item = Keyword> {
        STATEMENTS.iter().map(|r| r.keyword)
    }

    /// The shape of this statement's arguments where it is written.
    pub fn shape_in(self, parent: Parent) -> Shape {
        SHAPE_IN
            .iter()
            .find(|(k, p, _)| *k == self && *p == parent)
            .map(|(_, _, s)| *s)
            .unwrap_or_else(|| self.shape())
    }

    /// The shape of this statement's arguments.
    pub fn shape(self) -> Shape {
        STATEMENTS
            .iter()
            .find(|r| r.keyword == self)
            .map_or_else(shape, |r| r.shape)
    }

    /// The statements this one's block may hold, when it has a block of its own.
    pub fn as_parent(self) -> Option<Parent> {
        use Parent as P;
        [
            P::Act,
            P::Standard,
            P::Service,
            P::Regulation,
            P::Scenario,
            P::Channel,
            P::Procedure,
            P::Branch,
            P::Step,
            P::Deadline,
            P::Actor,
            P::Decide,
            P::Parallel,
            P::Rework,
        ]
        .into_iter()
        .find(|p| p.keyword() == Some(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_has_one_row() {
        for k in Keyword::all() {
            assert_eq!(STATEMENTS.iter().filter(|r| r.keyword == k).count(), 1);
        }
        assert_eq!(STATEMENTS.len(), Keyword::Acknowledge as usize + 1);
    }
}
