//! Every spelling of every reserved word, one row per word and one column per language.
//!
//! A row holds a statement keyword or a fixed word (a unit, a kind, `excluded`, `times`, …) and
//! its spellings in each column; the first spelling of a cell is the canonical one, used in
//! messages. A file may use any column; messages answer in the column its keywords are
//! written in ([`Vocabulary::language_of`]).
//!
//! - a new spelling: add it to its cell;
//! - a new fixed word: add a variant and a row;
//! - a new language: add its code to [`LANGUAGES`] and a cell to every row (the compiler finds
//!   every row that lacks it), or at run time [`Vocabulary::add_column`].

use crate::table::Keyword;
use crate::tree::{Statement, SyntaxFile};
use reglam_time::Unit;
use serde::Serialize;
use std::sync::OnceLock;

/// The language of a text: `title ru "…"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ru,
    Kk,
}

impl Lang {
    /// The other language of texts.
    pub fn other(self) -> Lang {
        match self {
            Lang::Ru => Lang::Kk,
            Lang::Kk => Lang::Ru,
        }
    }
    /// Its code as written in sources and file names: `ru`, `kk`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChannelKind {
    Provider,
    StateCorporation,
    Portal,
    Akim,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    Unit,
    StateCorporation,
    Portal,
    System,
    Commission,
    WorkingGroup,
    Akimat,
    Applicant,
    Courier,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutcomeKind {
    Result,
    RefusalToAccept,
    ReasonedRefusal,
    Archived,
    Other,
}

impl OutcomeKind {
    /// Whether reaching this outcome is held to the service deadline.
    pub fn bound_by_deadline(self) -> bool {
        self != OutcomeKind::Archived
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    Paper,
    Electronic,
    PartlyAutomated,
    FullyAutomated,
    Mixed,
}

/// The fixed words that stand alone in one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Fixed {
    /// `status in-force`
    InForce,
    /// `status repealed`
    Repealed,
    /// `receipt-day excluded`
    Excluded,
    /// `extend to 20 wd`
    To,
    /// `extend by 5 wd`
    By,
    /// `clock paused`
    Paused,
    /// `max 2 times`
    Times,
    /// `check … then X`
    Then,
    /// `check … else Y`
    Else,
    /// `step … for portal`
    For,
    /// `due X 1 wd before-deadline`
    BeforeDeadline,
}

/// A reserved word: what a spelling means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Word {
    Keyword(Keyword),
    Unit(Unit),
    Lang(Lang),
    ChannelKind(ChannelKind),
    ActorKind(ActorKind),
    OutcomeKind(OutcomeKind),
    Form(Form),
    Fixed(Fixed),
}

/// A class of reserved words, looked up by its type.
pub trait VocabWord: Copy + PartialEq + 'static {
    fn word(self) -> Word;
    fn from_word(word: Word) -> Option<Self>;
    /// Whether spellings are compared ignoring case (units are: acts write `Час`).
    const FOLD_CASE: bool = false;
}

macro_rules! vocab_word {
    ($($t:ty => $v:ident),* $(,)?) => {$(
        impl VocabWord for $t {
            fn word(self) -> Word {
                Word::$v(self)
            }
            fn from_word(word: Word) -> Option<Self> {
                match word {
                    Word::$v(x) => Some(x),
                    _ => None,
                }
            }
        }
    )*};
}

vocab_word!(Keyword => Keyword, Lang => Lang, ChannelKind => ChannelKind, ActorKind => ActorKind,
    OutcomeKind => OutcomeKind, Form => Form, Fixed => Fixed);

impl VocabWord for Unit {
    const FOLD_CASE: bool = true;
    fn word(self) -> Word {
        Word::Unit(self)
    }
    fn from_word(word: Word) -> Option<Self> {
        match word {
            Word::Unit(x) => Some(x),
            _ => None,
        }
    }
}

/// The built-in columns, in order. English first: it answers when a file's language is unclear.
pub const LANGUAGES: [&str; 3] = ["en", "ru", "kk"];

type Row = (Word, [&'static [&'static str]; LANGUAGES.len()]);

macro_rules! rows {
    ($($w:expr => [$($en:literal),+] [$($ru:literal),+] [$($kk:literal),+];)*) => {
        /// Every reserved word and its spellings: English, Russian, Kazakh.
        pub const ROWS: &[Row] = &[$(($w, [&[$($en),+], &[$($ru),+], &[$($kk),+]]),)*];
    };
}

use Keyword as K;
use Word::{ActorKind as A, ChannelKind as C, Fixed as F, Form as Fm, OutcomeKind as O};

rows! {
    // Statements: files and the act.
    Word::Keyword(K::Lang) => ["lang"] ["язык"] ["тіл"];
    Word::Keyword(K::Import) => ["import"] ["импорт"] ["импорттау"];
    Word::Keyword(K::Act) => ["act"] ["акт"] ["акті"];
    Word::Keyword(K::Body) => ["body"] ["орган"] ["органы"];
    Word::Keyword(K::Kind) => ["kind"] ["вид"] ["түрі"];
    Word::Keyword(K::Number) => ["number"] ["номер"] ["нөмірі"];
    Word::Keyword(K::Date) => ["date"] ["дата"] ["күні"];
    Word::Keyword(K::Registration) => ["registration"] ["регистрация"] ["тіркеу"];
    Word::Keyword(K::Status) => ["status"] ["статус"] ["мәртебесі"];
    // Standards and regulations.
    Word::Keyword(K::Standard) => ["standard"] ["стандарт"] ["стандарты"];
    Word::Keyword(K::Service) => ["service"] ["услуга"] ["қызмет"];
    Word::Keyword(K::Regulation) => ["regulation"] ["регламент"] ["регламенті"];
    Word::Keyword(K::Title) => ["title"] ["наименование"] ["атауы"];
    Word::Keyword(K::Implements) => ["implements"] ["реализует"] ["іске-асырады"];
    Word::Keyword(K::Provider) => ["provider"] ["услугодатель"] ["көрсетуші"];
    Word::Keyword(K::Result) => ["result"] ["результат"] ["нәтижесі"];
    Word::Keyword(K::Form) => ["form"] ["форма"] ["нысаны"];
    Word::Keyword(K::Note) => ["note"] ["примечание"] ["ескертпе"];
    Word::Keyword(K::Deadline) => ["deadline"] ["срок"] ["мерзім"];
    Word::Keyword(K::ReceiptDay) => ["receipt-day"] ["день-приема"] ["қабылдау-күні"];
    Word::Keyword(K::Extend) => ["extend"] ["продление"] ["ұзарту"];
    Word::Keyword(K::Cap) => ["cap"] ["предел"] ["шегі"];
    Word::Keyword(K::TableTotal) => ["table-total"] ["итог-таблицы"] ["кесте-жиыны"];
    Word::Keyword(K::Due) => ["due"] ["не-позднее"] ["кешіктірмей"];
    // Structure.
    Word::Keyword(K::Actor) => ["actor"] ["участник"] ["қатысушы"];
    Word::Keyword(K::Name) => ["name"] ["название"] ["аты"];
    Word::Keyword(K::Alias) => ["alias"] ["также"] ["сондай-ақ"];
    Word::Keyword(K::Procedure) => ["procedure"] ["процедура"] ["рәсім"];
    Word::Keyword(K::Channel) => ["channel"] ["канал"] ["арна"];
    Word::Keyword(K::Scenario) => ["scenario"] ["сценарий"] ["сценарийі"];
    Word::Keyword(K::ListedActors) => ["listed-actors"] ["перечень-участников"] ["қатысушылар-тізбесі"];
    // Flow.
    Word::Keyword(K::Step) => ["step"] ["шаг"] ["қадам"];
    Word::Keyword(K::Action) => ["action"] ["действие"] ["әрекет"];
    Word::Keyword(K::Produces) => ["produces"] ["формирует"] ["қалыптастырады"];
    Word::Keyword(K::Part) => ["part"] ["часть"] ["бөлігі"];
    Word::Keyword(K::Option) => ["option"] ["вариант"] ["нұсқа"];
    Word::Keyword(K::Table) => ["table"] ["таблица"] ["кесте"];
    Word::Keyword(K::Check) => ["check"] ["проверка"] ["тексеру"];
    Word::Keyword(K::Decide) => ["decide"] ["решение"] ["шешім"];
    Word::Keyword(K::When) => ["when"] ["если"] ["егер"];
    Word::Keyword(K::Parallel) => ["parallel"] ["параллельно"] ["қатар"];
    Word::Keyword(K::Branch) => ["branch"] ["ветвь"] ["тармақ"];
    Word::Keyword(K::Rework) => ["rework"] ["доработка"] ["пысықтау"];
    Word::Keyword(K::Max) => ["max"] ["не-более"] ["ең-көбі"];
    Word::Keyword(K::Takes) => ["takes"] ["занимает"] ["алады"];
    Word::Keyword(K::Clock) => ["clock"] ["отсчет"] ["есеп"];
    Word::Keyword(K::Timeout) => ["timeout"] ["по-истечении"] ["өткенде"];
    Word::Keyword(K::Wait) => ["wait"] ["ожидание"] ["күту"];
    Word::Keyword(K::Call) => ["call"] ["вызов"] ["шақыру"];
    Word::Keyword(K::Goto) => ["goto"] ["переход"] ["өту"];
    Word::Keyword(K::Outcome) => ["outcome"] ["исход"] ["қорытынды"];
    Word::Keyword(K::Acknowledge) => ["acknowledge"] ["признано"] ["мойындалған"];
    // Fixed words.
    F(Fixed::InForce) => ["in-force"] ["действует"] ["қолданыста"];
    F(Fixed::Repealed) => ["repealed"] ["утратил-силу"] ["күшін-жойған"];
    F(Fixed::Excluded) => ["excluded"] ["не-учитывается"] ["есептелмейді"];
    F(Fixed::To) => ["to"] ["до"] ["дейін"];
    F(Fixed::By) => ["by"] ["на"] ["қосымша"];
    F(Fixed::Paused) => ["paused"] ["приостановлен"] ["тоқтатылады"];
    F(Fixed::Times) => ["times", "time"] ["раз", "раза"] ["рет"];
    F(Fixed::Then) => ["then"] ["то"] ["онда"];
    F(Fixed::Else) => ["else"] ["иначе"] ["әйтпесе"];
    F(Fixed::For) => ["for"] ["для"] ["үшін"];
    F(Fixed::BeforeDeadline) => ["before-deadline"] ["до-срока"] ["мерзімге-дейін"];
    // The languages of texts.
    Word::Lang(Lang::Ru) => ["ru"] ["ru", "рус"] ["ru", "орыс"];
    Word::Lang(Lang::Kk) => ["kk"] ["kk", "каз"] ["kk", "қаз"];
    // Units, in every form the acts write them (with `-` for spaces).
    Word::Unit(Unit::Minute) => ["min", "minute", "minutes"] ["мин", "минута", "минуты", "минут"] ["минут"];
    Word::Unit(Unit::Hour) => ["h", "hour", "hours"] ["час", "часа", "часов"] ["сағат"];
    Word::Unit(Unit::WorkingDay) => ["wd", "working-day", "working-days"] ["рабочий-день", "рабочих-дня", "рабочих-дней"] ["жұмыс-күні", "жұмыс-күн"];
    Word::Unit(Unit::CalendarDay) => ["cd", "calendar-day", "calendar-days"] ["календарный-день", "календарных-дня", "календарных-дней"] ["күнтізбелік-күн"];
    Word::Unit(Unit::Month) => ["month", "months"] ["мес", "месяц", "месяца", "месяцев"] ["ай"];
    // Kinds of channel.
    C(ChannelKind::Provider) => ["provider"] ["услугодатель"] ["көрсетуші"];
    C(ChannelKind::StateCorporation) => ["state-corporation"] ["госкорпорация"] ["мемкорпорация"];
    C(ChannelKind::Portal) => ["portal"] ["портал"] ["портал"];
    C(ChannelKind::Akim) => ["akim"] ["аким"] ["әкім"];
    C(ChannelKind::Other) => ["other"] ["иной"] ["басқа"];
    // Kinds of actor.
    A(ActorKind::Unit) => ["unit"] ["подразделение"] ["бөлімше"];
    A(ActorKind::StateCorporation) => ["state-corporation"] ["госкорпорация"] ["мемкорпорация"];
    A(ActorKind::Portal) => ["portal"] ["портал"] ["портал"];
    A(ActorKind::System) => ["system"] ["система"] ["жүйе"];
    A(ActorKind::Commission) => ["commission"] ["комиссия"] ["комиссия"];
    A(ActorKind::WorkingGroup) => ["working-group"] ["рабочая-группа"] ["жұмыс-тобы"];
    A(ActorKind::Akimat) => ["akimat"] ["акимат"] ["әкімдік"];
    A(ActorKind::Applicant) => ["applicant"] ["услугополучатель"] ["алушы"];
    A(ActorKind::Courier) => ["courier"] ["курьер"] ["курьер"];
    A(ActorKind::Other) => ["other"] ["иной"] ["басқа"];
    // Kinds of outcome.
    O(OutcomeKind::Result) => ["result"] ["результат"] ["нәтиже"];
    O(OutcomeKind::RefusalToAccept) => ["refusal-to-accept"] ["отказ-в-приеме"] ["қабылдаудан-бас-тарту"];
    O(OutcomeKind::ReasonedRefusal) => ["reasoned-refusal"] ["мотивированный-отказ"] ["дәлелді-бас-тарту"];
    O(OutcomeKind::Archived) => ["archived"] ["в-архив"] ["мұрағатқа"];
    O(OutcomeKind::Other) => ["other"] ["иной"] ["басқа"];
    // Forms of a service.
    Fm(Form::Paper) => ["paper"] ["бумажная"] ["қағаз"];
    Fm(Form::Electronic) => ["electronic"] ["электронная"] ["электрондық"];
    Fm(Form::PartlyAutomated) => ["partly-automated"] ["частично-автоматизированная"] ["ішінара-автоматтандырылған"];
    Fm(Form::FullyAutomated) => ["fully-automated"] ["автоматизированная"] ["толық-автоматтандырылған"];
    Fm(Form::Mixed) => ["mixed"] ["смешанная"] ["аралас"];
}

/// One language's spellings.
#[derive(Debug, Clone)]
pub struct Column {
    /// Its code (`en`, `ru`, `kk`, …).
    pub code: &'static str,
    /// Each word with its spellings, canonical first.
    pub words: Vec<(Word, Vec<&'static str>)>,
}

/// The spellings of every reserved word in every language.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    columns: Vec<Column>,
}

impl Vocabulary {
    /// The built-in vocabulary: English, Russian and Kazakh.
    pub fn builtin() -> Vocabulary {
        let columns = LANGUAGES
            .iter()
            .enumerate()
            .map(|(i, code)| Column {
                code,
                words: ROWS.iter().map(|(w, c)| (*w, c[i].to_vec())).collect(),
            })
            .collect();
        Vocabulary { columns }
    }

    /// The built-in vocabulary, shared.
    pub fn standard() -> &'static Vocabulary {
        static STANDARD: OnceLock<Vocabulary> = OnceLock::new();
        STANDARD.get_or_init(Vocabulary::builtin)
    }

    /// Adds a language.
    pub fn add_column(&mut self, column: Column) {
        self.columns.push(column);
    }

    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// What `spelling` means as a word of class `T`, in any column.
    pub fn find<T: VocabWord>(&self, spelling: &str) -> Option<T> {
        self.find_in::<T>(spelling).map(|(w, _)| w)
    }

    /// As [`Self::find`], with the column it is spelt in.
    pub fn find_in<T: VocabWord>(&self, spelling: &str) -> Option<(T, usize)> {
        let folded;
        let spelling = if T::FOLD_CASE {
            folded = spelling.to_lowercase();
            folded.as_str()
        } else {
            spelling
        };
        self.columns.iter().enumerate().find_map(|(i, c)| {
            c.words.iter().find_map(|(w, spellings)| {
                let t = T::from_word(*w)?;
                spellings.contains(&spelling).then_some((t, i))
            })
        })
    }

    /// Whether `spelling` is any keyword or fixed word that is not a name of a kind (a word
    /// after a figure that is one of these is not a misspelt unit).
    pub fn is_reserved(&self, spelling: &str) -> bool {
        self.find::<Keyword>(spelling).is_some()
            || self.find::<Fixed>(spelling).is_some()
            || self.find::<Lang>(spelling).is_some()
    }

    /// The canonical spelling of `word` in `column` (English when that column lacks it).
    pub fn spelling<T: VocabWord>(&self, word: T, column: usize) -> &'static str {
        let of = |c: &Column| {
            c.words
                .iter()
                .find(|(w, _)| *w == word.word())
                .and_then(|(_, s)| s.first().copied())
        };
        self.columns
            .get(column)
            .and_then(of)
            .or_else(|| self.columns.first().and_then(of))
            .unwrap_or("")
    }

    /// The canonical spellings of every word of class `T` in `column`, in the table's order.
    pub fn spellings<T: VocabWord>(&self, column: usize) -> Vec<&'static str> {
        self.words::<T>()
            .into_iter()
            .map(|w| self.spelling(w, column))
            .collect()
    }

    /// Every spelling of every word of class `T` in `column`.
    pub fn all_spellings<T: VocabWord>(&self, column: usize) -> Vec<&'static str> {
        self.columns.get(column).map_or_else(Vec::new, |c| {
            c.words
                .iter()
                .filter(|(w, _)| T::from_word(*w).is_some())
                .flat_map(|(_, s)| s.iter().copied())
                .collect()
        })
    }

    /// Every word of class `T`, in the table's order.
    pub fn words<T: VocabWord>(&self) -> Vec<T> {
        let mut out: Vec<T> = Vec::new();
        for c in &self.columns {
            for (w, _) in &c.words {
                if let Some(t) = T::from_word(*w) {
                    if !out.contains(&t) {
                        out.push(t);
                    }
                }
            }
        }
        out
    }

    /// The column a file's keywords are written in: the one that spells most of its statement
    /// keywords (English on a tie), so messages answer in the drafter's language.
    pub fn language_of(&self, file: &SyntaxFile) -> usize {
        let mut counts = vec![0usize; self.columns.len()];
        fn walk(v: &Vocabulary, sts: &[Statement], counts: &mut [usize]) {
            for st in sts {
                for (i, c) in v.columns.iter().enumerate() {
                    let spelt = c.words.iter().any(|(w, s)| {
                        matches!(w, Word::Keyword(_)) && s.contains(&st.keyword.as_str())
                    });
                    if spelt {
                        counts[i] += 1;
                    }
                }
                if let Some(b) = &st.block {
                    walk(v, &b.statements, counts);
                }
            }
        }
        walk(self, &file.statements, &mut counts);
        let mut best = 0;
        for (i, n) in counts.iter().enumerate() {
            if *n > counts[best] {
                best = i;
            }
        }
        best
    }
}

impl Keyword {
    /// The English spelling.
    pub fn spelling(self) -> &'static str {
        Vocabulary::standard().spelling(self, 0)
    }
}

macro_rules! english_word {
    ($($t:ty),*) => {$(
        impl $t {
            /// The English spelling, which is also the model's name for it (in JSON and XML).
            pub fn word(self) -> &'static str {
                Vocabulary::standard().spelling(self, 0)
            }
        }
    )*};
}

english_word!(ChannelKind, ActorKind, OutcomeKind, Form, Fixed);

#[cfg(test)]
mod tests {
    use super::*;

    /// Within one column and one class, a spelling means one word.
    #[test]
    fn spellings_are_unambiguous() {
        let v = Vocabulary::builtin();
        for c in v.columns() {
            for (i, (w, s)) in c.words.iter().enumerate() {
                for (w2, s2) in &c.words[i + 1..] {
                    if std::mem::discriminant(w) == std::mem::discriminant(w2) {
                        for x in s {
                            assert!(!s2.contains(x), "{x} in {} means {w:?} and {w2:?}", c.code);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn every_keyword_is_spelt_in_every_column() {
        let v = Vocabulary::builtin();
        for k in Keyword::all() {
            for c in 0..LANGUAGES.len() {
                assert!(!v.all_spellings::<Keyword>(c).is_empty());
                assert_ne!(v.spelling(k, c), "");
            }
        }
    }
}
