//! Every reserved word of Reglam, in one table.
//!
//! The grammar treats keywords as plain words; this table gives them meaning. To add Russian or
//! Kazakh keywords, add rows: nothing else changes.

use serde::Serialize;

macro_rules! keywords {
    ($($variant:ident => [$($spelling:literal),+];)*) => {
        /// A reserved word: a statement keyword or a word with a fixed meaning inside one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        pub enum Keyword { $($variant,)* }

        const KEYWORDS: &[(&str, Keyword)] = &[
            $($(($spelling, Keyword::$variant),)+)*
        ];
    };
}

keywords! {
    // Files and the act.
    Lang => ["lang"];
    Import => ["import"];
    Act => ["act"];
    Body => ["body"];
    Kind => ["kind"];
    Number => ["number"];
    Date => ["date"];
    Registration => ["registration"];
    Status => ["status"];
    InForce => ["in-force"];
    Repealed => ["repealed"];
    // Standards and regulations.
    Standard => ["standard"];
    Service => ["service"];
    Regulation => ["regulation"];
    Title => ["title"];
    Implements => ["implements"];
    Provider => ["provider"];
    Result => ["result"];
    Form => ["form"];
    Note => ["note"];
    Deadline => ["deadline"];
    ReceiptDay => ["receipt-day"];
    Excluded => ["excluded"];
    Extend => ["extend"];
    Cap => ["cap"];
    TableTotal => ["table-total"];
    Due => ["due"];
    BeforeDeadline => ["before-deadline"];
    // Structure.
    Actor => ["actor"];
    Name => ["name"];
    Alias => ["alias"];
    Procedure => ["procedure"];
    Channel => ["channel"];
    Scenario => ["scenario"];
    // Flow.
    Step => ["step"];
    Action => ["action"];
    Produces => ["produces"];
    Part => ["part"];
    Option => ["option"];
    Table => ["table"];
    Check => ["check"];
    Then => ["then"];
    Else => ["else"];
    Decide => ["decide"];
    When => ["when"];
    Parallel => ["parallel"];
    Branch => ["branch"];
    Rework => ["rework"];
    Max => ["max"];
    Times => ["times", "time"];
    Takes => ["takes"];
    Clock => ["clock"];
    Paused => ["paused"];
    Timeout => ["timeout"];
    Wait => ["wait"];
    Call => ["call"];
    Goto => ["goto"];
    Outcome => ["outcome"];
    For => ["for"];
    ListedActors => ["listed-actors"];
}

impl Keyword {
    pub fn from_word(word: &str) -> Option<Keyword> {
        KEYWORDS.iter().find(|(s, _)| *s == word).map(|(_, k)| *k)
    }

    /// The canonical (first) spelling, for messages.
    pub fn spelling(self) -> &'static str {
        KEYWORDS
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(s, _)| *s)
            .expect("every keyword has a spelling")
    }
}

pub use reglam_time::Unit;

/// Reading a unit from its spelling: the spellings are the syntax's table ([`UNITS`]), the
/// unit itself lives in `reglam-time`. With this trait in scope `Unit::from_word` works.
pub trait UnitWords: Sized {
    fn from_word(word: &str) -> Option<Self>;
}

impl UnitWords for Unit {
    fn from_word(word: &str) -> Option<Unit> {
        let lower = word.to_lowercase();
        UNITS.iter().find(|(s, _)| *s == lower).map(|(_, u)| *u)
    }
}

/// Spellings of the units, in English and as the acts write them (with `-` for spaces).
pub const UNITS: &[(&str, Unit)] = &[
    ("min", Unit::Minute),
    ("minute", Unit::Minute),
    ("minutes", Unit::Minute),
    ("мин", Unit::Minute),
    ("минута", Unit::Minute),
    ("минуты", Unit::Minute),
    ("минут", Unit::Minute),
    ("h", Unit::Hour),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("час", Unit::Hour),
    ("часа", Unit::Hour),
    ("часов", Unit::Hour),
    ("сағат", Unit::Hour),
    ("wd", Unit::WorkingDay),
    ("working-day", Unit::WorkingDay),
    ("working-days", Unit::WorkingDay),
    ("рабочий-день", Unit::WorkingDay),
    ("рабочих-дня", Unit::WorkingDay),
    ("рабочих-дней", Unit::WorkingDay),
    ("жұмыс-күні", Unit::WorkingDay),
    ("жұмыс-күн", Unit::WorkingDay),
    ("cd", Unit::CalendarDay),
    ("calendar-day", Unit::CalendarDay),
    ("calendar-days", Unit::CalendarDay),
    ("календарный-день", Unit::CalendarDay),
    ("календарных-дня", Unit::CalendarDay),
    ("календарных-дней", Unit::CalendarDay),
    ("күнтізбелік-күн", Unit::CalendarDay),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("мес", Unit::Month),
    ("месяц", Unit::Month),
    ("месяца", Unit::Month),
    ("месяцев", Unit::Month),
    ("ай", Unit::Month),
];
