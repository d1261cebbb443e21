//! The regulation as a Markdown document in the official structure of the acts (Russian or
//! Kazakh): general provisions, the provider's steps, the interaction between units, the
//! interaction with the State Corporation and the portal, then appendix 1 (the step table with
//! the worst-path total and the service deadline) and appendix 2 (the diagrams as Mermaid).
//!
//! Everything is read from the model: worst paths from `channel.paths`, deadlines from
//! `channel.deadline`. A text given only in the other language is shown as such, marked, and
//! never translated. Every fixed phrase of the document is in [`phrases`], side by side in both
//! languages, so a reviewer can read them in one place.

use reglam_model::paths::WorstPath;
use reglam_model::time::{Amount, Duration, MINUTES_PER_WORKING_DAY};
use reglam_model::{
    Channel, ChannelKind, Citation, Corpus, DeadlineSource, Edge, EffectiveDeadline, Lang, Node,
    NodeKind, Regulation, Scenario, Step, Text,
};
use reglam_numerals as num;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

/// Every fixed phrase of the document, as `(Russian, Kazakh)`. `{}` marks where a text goes.
/// Headings follow the acts themselves (seed 003 for Russian, seed 001 for Kazakh).
pub mod phrases {
    use reglam_model::{ActorKind, ChannelKind, Form, OutcomeKind};

    /// A phrase in both languages: (ru, kk).
    pub type P = (&'static str, &'static str);

    pub const TITLE: P = (
        "Регламент государственной услуги «{}»",
        "«{}» мемлекеттік көрсетілетін қызмет регламенті",
    );
    pub const SECTION_1: P = ("1. Общие положения", "1. Жалпы ережелер");
    pub const SECTION_2: P = (
        "2. Описание порядка действий структурных подразделений (работников) услугодателя в процессе оказания государственной услуги",
        "2. Мемлекеттік қызмет көрсету процесінде көрсетілетін қызметті берушінің құрылымдық бөлімшелерінің (қызметкерлерінің) іс-қимыл тәртібін сипаттау",
    );
    pub const SECTION_3: P = (
        "3. Описание порядка взаимодействия структурных подразделений (работников) услугодателя в процессе оказания государственной услуги",
        "3. Мемлекеттік қызмет көрсету процесінде көрсетілетін қызметті берушінің құрылымдық бөлімшелерінің (қызметкерлерінің) өзара іс-қимыл тәртібін сипаттау",
    );
    pub const SECTION_4: P = (
        "4. Описание порядка взаимодействия с Государственной корпорацией и (или) иными услугодателями, а также порядка использования информационных систем в процессе оказания государственной услуги",
        "4. Мемлекеттік қызмет көрсету процесінде Мемлекеттік корпорациямен және (немесе) өзге де көрсетілетін қызметті берушілермен өзара іс-қимыл тәртібін, сондай-ақ ақпараттық жүйелерді пайдалану тәртібін сипаттау",
    );
    pub const PROVIDED_BY: P = (
        "Государственная услуга «{}» (далее – государственная услуга) оказывается: {} (далее – услугодатель).",
        "«{}» мемлекеттік көрсетілетін қызметін (бұдан әрі – мемлекеттік көрсетілетін қызмет) {} (бұдан әрі – көрсетілетін қызметті беруші) көрсетеді.",
    );
    pub const CHANNELS_INTRO: P = (
        "Прием заявления и выдача результата оказания государственной услуги осуществляются через:",
        "Өтінішті қабылдау және мемлекеттік қызметті көрсету нәтижесін беру мына арналар арқылы жүзеге асырылады:",
    );
    pub const NO_CHANNELS: P = (
        "Каналы приема заявления и выдачи результата в регламенте не описаны.",
        "Өтінішті қабылдау және нәтижені беру арналары регламентте сипатталмаған.",
    );
    pub const FORM: P = (
        "Форма оказания государственной услуги: {}.",
        "Мемлекеттік қызметті көрсету нысаны: {}.",
    );
    pub const RESULT: P = (
        "Результат оказания государственной услуги: {}.",
        "Мемлекеттік қызметті көрсету нәтижесі: {}.",
    );
    pub const DEADLINE_INTRO: P = (
        "Срок оказания государственной услуги:",
        "Мемлекеттік қызметті көрсету мерзімі:",
    );
    pub const CAPS_INTRO: P = (
        "Ограничения времени, не входящие в срок оказания услуги:",
        "Қызмет көрсету мерзіміне кірмейтін уақыт шектеулері:",
    );
    pub const NOTE: P = ("Примечание: {}", "Ескерту: {}");
    pub const STEPS_INTRO: P = (
        "Содержание каждой процедуры (действия), входящей в состав процесса оказания государственной услуги, длительность его выполнения:",
        "Мемлекеттік қызметті көрсету процесіне кіретін әрбір рәсімнің (іс-қимылдың) мазмұны, орындалу ұзақтығы:",
    );
    pub const NO_PROVIDER_CHANNEL: P = (
        "Порядок действий услугодателя в регламенте не описан.",
        "Көрсетілетін қызметті берушінің іс-қимыл тәртібі регламентте сипатталмаған.",
    );
    pub const UNITS_INTRO: P = (
        "В процессе оказания государственной услуги задействованы следующие структурно-функциональные единицы (далее – СФЕ):",
        "Көрсетілетін қызметті берушінің құрылымдық бөлімшелерінің (қызметкерлерінің) тізбесі:",
    );
    pub const NO_UNITS: P = (
        "Структурные подразделения (работники) услугодателя в регламенте не названы.",
        "Көрсетілетін қызметті берушінің құрылымдық бөлімшелері (қызметкерлері) регламентте аталмаған.",
    );
    pub const SEQUENCE_REF: P = (
        "Описание последовательности процедур (действий) между структурными подразделениями (работниками) с указанием длительности каждой процедуры (действия) приведено в приложении 1 к настоящему Регламенту, диаграммы — в приложении 2.",
        "Әрбір рәсімнің (іс-қимылдың) өту реттілігінің сипаттамасы осы регламенттің 1-қосымшасында, сызбалар 2-қосымшасында келтірілген.",
    );
    pub const PARTICIPANTS_INTRO: P = (
        "Во взаимодействии участвуют:",
        "Өзара іс-қимылға қатысатындар:",
    );
    pub const SEQUENCE_VIA: P = (
        "Последовательность процедур (действий) по оказанию государственной услуги {}:",
        "Мемлекеттік қызметті {} көрсету кезіндегі рәсімдердің (іс-қимылдардың) реттілігі:",
    );
    pub const NO_OTHER_CHANNELS: P = (
        "Порядок оказания государственной услуги через Государственную корпорацию или веб-портал в регламенте не описан.",
        "Мемлекеттік қызметті Мемлекеттік корпорация немесе веб-портал арқылы көрсету тәртібі регламентте сипатталмаған.",
    );
    pub const SCENARIO: P = ("Сценарий: {}", "Сценарий: {}");
    pub const APPENDIX_1: P = (
        "Приложение 1 к регламенту государственной услуги «{}»",
        "«{}» мемлекеттік көрсетілетін қызмет регламентіне 1-қосымша",
    );
    pub const APPENDIX_1_TITLE: P = (
        "Описание последовательности процедур (действий) между структурными подразделениями (работниками) с указанием длительности каждой процедуры (действия)",
        "Әрбір рәсімнің (іс-қимылдың) ұзақтығы көрсетілген көрсетілетін қызметті беруші қызметкерлерінің арасындағы рәсімнің (іс-қимылдың) жүйелілігінің сипаттамасы",
    );
    pub const APPENDIX_2: P = (
        "Приложение 2 к регламенту государственной услуги «{}»",
        "«{}» мемлекеттік көрсетілетін қызмет регламентіне 2-қосымша",
    );
    pub const APPENDIX_2_TITLE: P = (
        "Справочник бизнес-процессов оказания государственной услуги",
        "Мемлекеттік қызмет көрсетудің бизнес-процестерінің анықтамалығы",
    );
    /// Columns of the step table: number, unit, action, form of completion, duration.
    pub const COLUMNS: [P; 5] = [
        (
            "Номер действия (хода, потока работ)",
            "Іс-қимылдың (жұмыс барысының, ағынының) №",
        ),
        (
            "Наименование структурного подразделения (работника)",
            "Құрылымдық бөлімшелердің (қызметкерлердің) атауы",
        ),
        (
            "Наименование действия (процесса, процедуры, операции) и их описание",
            "Іс-қимылдың (процестің, рәсімнің, операцияның) атауы және оның сипаттамасы",
        ),
        (
            "Форма завершения (данные, документ, организационно-распорядительное решение)",
            "Аяқтау нысаны (деректер, құжат, ұйымдық-өкімдік шешім)",
        ),
        ("Сроки исполнения", "Орындау мерзімдері"),
    ];
    pub const TOTAL_ROW: P = (
        "Итого по наиболее длительному пути",
        "Ең ұзақ жол бойынша барлығы",
    );
    pub const DEADLINE_ROW: P = (
        "Срок оказания государственной услуги",
        "Мемлекеттік қызметті көрсету мерзімі",
    );
    pub const NOT_COMPUTED: P = (
        "не вычислен: в схеме есть цикл без ограничения числа возвратов",
        "есептелмеді: сызбада қайтару саны шектелмеген цикл бар",
    );
    pub const NO_OUTCOME: P = (
        "не вычислен: нет исхода, ограниченного сроком",
        "есептелмеді: мерзіммен шектелген нәтиже жоқ",
    );
    pub const NO_DEADLINE: P = ("не установлен", "белгіленбеген");
    pub const NO_STEPS: P = (
        "Процедуры (действия) не описаны.",
        "Рәсімдер (іс-қимылдар) сипатталмаған.",
    );
    pub const NOT_GIVEN: P = ("не указано", "көрсетілмеген");
    pub const NO_ACTOR: P = ("исполнитель не указан", "орындаушы көрсетілмеген");
    pub const NO_DURATION: P = ("срок не указан", "мерзімі көрсетілмеген");
    pub const OPTION: P = ("либо", "немесе");
    pub const THEN: P = ("да", "иә");
    pub const ELSE: P = ("нет", "жоқ");
    pub const TIMEOUT: P = ("по истечении срока", "мерзім өткен соң");
    pub const WAIT: P = ("ожидание", "күту");
    pub const CHECK: P = ("проверка", "тексеру");
    pub const DECIDE: P = ("решение", "шешім");
    pub const OUTCOME: P = ("исход", "нәтиже");
    pub const REWORK: P = ("возврат на доработку", "пысықтауға қайтару");
    pub const REWORK_MAX: P = (
        "наибольшее число возвратов: {}",
        "қайтарудың ең көп саны: {}",
    );
    pub const REWORK_TAKES: P = ("на каждый возврат – {}", "әр қайтаруға – {}");
    pub const REWORK_PAUSED: P = (
        "течение срока на время доработки приостанавливается",
        "пысықтау кезінде мерзімнің өтуі тоқтатыла тұрады",
    );
    pub const RECEIPT_DAY: P = (
        "день приема не входит в срок",
        "қабылдау күні мерзімге кірмейді",
    );
    pub const EXTENSION_TO: P = ("продлевается до {}", "{} дейін ұзартылады");
    pub const EXTENSION_BY: P = ("продлевается на {}", "{} ұзартылады");
    pub const SOURCE_CHANNEL: P = ("указан для канала", "арнаға белгіленген");
    pub const SOURCE_SCENARIO: P = ("указан для сценария", "сценарийге белгіленген");
    pub const SOURCE_REGULATION: P = ("указан в регламенте", "регламентте белгіленген");
    pub const SOURCE_STANDARD: P = (
        "по стандарту государственной услуги {}",
        "{} мемлекеттік көрсетілетін қызмет стандарты бойынша",
    );
    pub const CHANNEL_ID: P = ("канал", "арна");

    /// Citation parts: paragraph, sub-paragraph, appendix, row, table. Russian puts the word
    /// before the number, Kazakh after it ("9-тармақ").
    pub const CITE_PARAGRAPH: P = ("п. {}", "{}-тармақ");
    pub const CITE_SUBPARAGRAPH: P = ("пп. {}", "{}-тармақша");
    pub const CITE_APPENDIX: P = ("приложение {}", "{}-қосымша");
    pub const CITE_ROW: P = ("строка {}", "{}-жол");
    pub const CITE_TABLE: P = ("таблица {}", "{}-кесте");

    /// A channel kind in the list of channels of paragraph 1 ("через: …").
    pub fn channel_in_list(k: ChannelKind) -> P {
        match k {
            ChannelKind::Provider => ("услугодателя", "көрсетілетін қызметті беруші"),
            ChannelKind::StateCorporation => (
                "некоммерческое акционерное общество «Государственная корпорация «Правительство для граждан»» (далее – Государственная корпорация)",
                "«„Азаматтарға арналған үкімет“ мемлекеттік корпорациясы» коммерциялық емес акционерлік қоғамы (бұдан әрі – Мемлекеттік корпорация)",
            ),
            ChannelKind::Portal => (
                "веб-портал «электронного правительства» www.egov.kz (далее – портал)",
                "«электрондық үкіметтің» www.egov.kz веб-порталы (бұдан әрі – портал)",
            ),
            ChannelKind::Akim => (
                "аппарат акима города районного значения, поселка, села, сельского округа",
                "аудандық маңызы бар қала, кент, ауыл, ауылдық округ әкімінің аппараты",
            ),
            ChannelKind::Other => ("иные каналы", "өзге арналар"),
        }
    }

    /// A channel kind as a heading: "При обращении к услугодателю".
    pub fn channel_heading(k: ChannelKind) -> P {
        match k {
            ChannelKind::Provider => (
                "При обращении к услугодателю",
                "Көрсетілетін қызметті берушіге жүгінген кезде",
            ),
            ChannelKind::StateCorporation => (
                "При обращении в Государственную корпорацию",
                "Мемлекеттік корпорацияға жүгінген кезде",
            ),
            ChannelKind::Portal => ("При обращении через портал", "Портал арқылы жүгінген кезде"),
            ChannelKind::Akim => (
                "При обращении через аппарат акима",
                "Әкім аппараты арқылы жүгінген кезде",
            ),
            ChannelKind::Other => ("Иной порядок обращения", "Өзге жүгіну тәртібі"),
        }
    }

    /// A channel kind after "по оказанию государственной услуги …" / "Мемлекеттік қызметті …".
    pub fn channel_via(k: ChannelKind) -> P {
        match k {
            ChannelKind::Provider => ("через услугодателя", "көрсетілетін қызметті беруші арқылы"),
            ChannelKind::StateCorporation => (
                "через Государственную корпорацию",
                "Мемлекеттік корпорация арқылы",
            ),
            ChannelKind::Portal => ("через портал", "портал арқылы"),
            ChannelKind::Akim => ("через аппарат акима", "әкім аппараты арқылы"),
            ChannelKind::Other => ("иным способом", "өзге тәсілмен"),
        }
    }

    pub fn form(f: Form) -> P {
        match f {
            Form::Paper => ("бумажная", "қағаз түрінде"),
            Form::Electronic => ("электронная", "электрондық"),
            Form::PartlyAutomated => (
                "электронная (частично автоматизированная)",
                "электрондық (ішінара автоматтандырылған)",
            ),
            Form::FullyAutomated => (
                "электронная (полностью автоматизированная)",
                "электрондық (толық автоматтандырылған)",
            ),
            Form::Mixed => (
                "электронная и (или) бумажная",
                "электрондық және (немесе) қағаз түрінде",
            ),
        }
    }

    pub fn outcome(k: OutcomeKind) -> P {
        match k {
            OutcomeKind::Result => ("выдача результата", "нәтижені беру"),
            OutcomeKind::RefusalToAccept => (
                "отказ в приеме документов",
                "құжаттарды қабылдаудан бас тарту",
            ),
            OutcomeKind::ReasonedRefusal => (
                "мотивированный отказ в оказании государственной услуги",
                "мемлекеттік қызметті көрсетуден дәлелді бас тарту",
            ),
            OutcomeKind::Archived => ("передача результата в архив", "нәтижені мұрағатқа беру"),
            OutcomeKind::Other => ("иной исход", "өзге нәтиже"),
        }
    }

    /// Limits that are not elapsed time, by their name in the source.
    pub fn cap(name: &str) -> Option<P> {
        match name {
            "service-time" => Some((
                "максимально допустимое время обслуживания услугополучателя",
                "бір көрсетілетін қызметті алушыға қызмет көрсетудің рұқсат етілген ең ұзақ уақыты",
            )),
            "queue-wait" => Some((
                "максимально допустимое время ожидания для сдачи документов",
                "құжаттарды тапсыру үшін күтудің рұқсат етілген ең ұзақ уақыты",
            )),
            _ => None,
        }
    }

    /// Whether an actor of this kind is one of the provider's own units (section 3); the
    /// others take part in the interaction of section 4.
    pub fn is_provider_unit(k: ActorKind) -> bool {
        matches!(
            k,
            ActorKind::Unit
                | ActorKind::Commission
                | ActorKind::WorkingGroup
                | ActorKind::Akimat
                | ActorKind::Other
        )
    }
}

use phrases as ph;

fn t(p: ph::P, lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => p.0,
        Lang::Kk => p.1,
    }
}

/// Fills the `{}` of a phrase in order.
fn fill(p: ph::P, lang: Lang, args: &[&str]) -> String {
    let mut out = String::new();
    let mut rest = t(p, lang);
    for a in args {
        match rest.split_once("{}") {
            Some((before, after)) => {
                out.push_str(before);
                out.push_str(a);
                rest = after;
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// Escapes a text for inline Markdown (tables included): the characters that would start
/// emphasis, code, links, HTML or a table cell, and collapses line breaks to spaces so a text
/// never breaks a paragraph or a table row. Control characters (ESC would reach the terminal
/// of whoever `cat`s the document) and bidirectional controls (they reorder what a reader
/// sees) are written visibly as `\u{…}`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if reglam_diagnostics::is_unsafe_char(c) {
                out.push_str(&reglam_diagnostics::escape_controls(
                    c.encode_utf8(&mut [0; 4]),
                ));
                continue;
            }
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '!'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A text in `lang`, escaped: the other language's when the source has none in `lang`
/// ([`Text::pick`]); the document then says so once, under its title. `None` when neither has it.
pub fn text(x: &Text, lang: Lang) -> Option<String> {
    x.any(lang).map(escape)
}

fn text_or(x: &Text, lang: Lang, missing: ph::P) -> String {
    text(x, lang).unwrap_or_else(|| format!("*({})*", t(missing, lang)))
}

fn to_numerals(u: reglam_syntax::Unit) -> num::Unit {
    match u {
        reglam_syntax::Unit::Minute => num::Unit::Minute,
        reglam_syntax::Unit::Hour => num::Unit::Hour,
        reglam_syntax::Unit::WorkingDay => num::Unit::WorkingDay,
        reglam_syntax::Unit::CalendarDay => num::Unit::CalendarDay,
        reglam_syntax::Unit::Month => num::Unit::Month,
    }
}

fn phrase(n: u64, unit: num::Unit, lang: Lang) -> String {
    match lang {
        Lang::Ru => num::ru::duration_phrase(n, unit),
        Lang::Kk => num::kk::duration_phrase(n, unit),
    }
}

/// A duration as the source writes it, in words: `30 min` is "30 (тридцать) минут", never
/// re-expressed in other units.
///
/// The model merges "3 h 40 min" into one duration of 220 minutes (with no words of the act's
/// own); such a sum is written back as hours and minutes.
pub fn duration(d: &Duration, lang: Lang) -> String {
    if d.words.is_none() && d.unit == reglam_syntax::Unit::Minute && d.value >= 60 {
        return amount(d.amount(), lang);
    }
    phrase(d.value, to_numerals(d.unit), lang)
}

/// An amount as the acts write durations, largest unit first, one phrase per unit:
/// "1 (один) рабочий день 2 (два) часа 30 (тридцать) минут". Calendar time and working time
/// are never converted into each other; they are joined with " + ".
pub fn amount(a: Amount, lang: Lang) -> String {
    let mut calendar = Vec::new();
    if a.months > 0 {
        calendar.push(phrase(a.months, num::Unit::Month, lang));
    }
    if a.calendar_days > 0 {
        calendar.push(phrase(a.calendar_days, num::Unit::CalendarDay, lang));
    }
    let mut working = Vec::new();
    let days = a.working_minutes / MINUTES_PER_WORKING_DAY;
    let hours = a.working_minutes % MINUTES_PER_WORKING_DAY / 60;
    let minutes = a.working_minutes % 60;
    for (n, u) in [
        (days, num::Unit::WorkingDay),
        (hours, num::Unit::Hour),
        (minutes, num::Unit::Minute),
    ] {
        if n > 0 {
            working.push(phrase(n, u, lang));
        }
    }
    let mut groups = Vec::new();
    if !calendar.is_empty() {
        groups.push(calendar.join(" "));
    }
    if !working.is_empty() {
        groups.push(working.join(" "));
    }
    if groups.is_empty() {
        return phrase(0, num::Unit::Minute, lang);
    }
    groups.join(" + ")
}

/// A citation in the document's language: "п. 5, пп. 1", "5-тармақ, 1-тармақша".
pub fn cite(c: &Citation, lang: Lang) -> String {
    let mut parts = Vec::new();
    let mut numeric = 0;
    for seg in c.raw.split('.').filter(|s| !s.is_empty()) {
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        let (p, n) = if let Some(n) = seg.strip_prefix("app") {
            (Some(ph::CITE_APPENDIX), n)
        } else if let Some(n) = seg.strip_prefix("row").filter(|n| digits(n)) {
            (Some(ph::CITE_ROW), n)
        } else if let Some(n) = seg.strip_prefix('t').filter(|n| digits(n)) {
            (Some(ph::CITE_TABLE), n)
        } else if seg.starts_with(|c: char| c.is_ascii_digit()) {
            numeric += 1;
            match numeric {
                1 => (Some(ph::CITE_PARAGRAPH), seg),
                2 => (Some(ph::CITE_SUBPARAGRAPH), seg),
                _ => (None, seg),
            }
        } else {
            (None, seg)
        };
        parts.push(match p {
            Some(p) => fill(p, lang, &[&escape(n)]),
            None => escape(n),
        });
    }
    parts.join(", ")
}

/// The worst path a channel's totals row shows: the longest path to any outcome held to the
/// deadline (a result or a refusal; not an unclaimed result sent to the archive), read from
/// the model's precomputed paths. The diagrams caption the same path, so both agree.
pub fn channel_worst(channel: &Channel) -> Option<(NodeIndex, &WorstPath)> {
    crate::common::worst_outcome(channel)
}

/// The text of a channel's totals row: the worst path's total in words, or why there is none.
pub fn total_text(channel: &Channel, lang: Lang) -> String {
    if !channel.paths.cycles.is_empty() {
        return t(ph::NOT_COMPUTED, lang).to_string();
    }
    match channel_worst(channel) {
        Some((_, w)) => amount(w.total, lang),
        None => t(ph::NO_OUTCOME, lang).to_string(),
    }
}

fn standard_name(corpus: &Corpus, standard: &str, service: &str, lang: Lang) -> String {
    let found = corpus.standards.iter().find(|s| s.id == standard);
    let title = found
        .and_then(|s| s.services.iter().find(|x| x.id == service))
        .and_then(|x| text(&x.title, lang));
    match title {
        Some(title) => format!("«{title}»"),
        None => format!("`{standard}.{service}`"),
    }
}

/// A deadline in words with where it comes from: "5 (пять) рабочих дней (указан в регламенте,
/// п. 9; день приема не входит в срок)".
pub fn deadline_text(corpus: &Corpus, d: &EffectiveDeadline, lang: Lang) -> String {
    let mut notes = Vec::new();
    notes.push(match &d.source {
        DeadlineSource::Channel => t(ph::SOURCE_CHANNEL, lang).to_string(),
        DeadlineSource::Scenario => t(ph::SOURCE_SCENARIO, lang).to_string(),
        DeadlineSource::Regulation => t(ph::SOURCE_REGULATION, lang).to_string(),
        DeadlineSource::Standard { standard, service } => fill(
            ph::SOURCE_STANDARD,
            lang,
            &[&standard_name(corpus, standard, service, lang)],
        ),
    });
    if let Some(c) = &d.deadline.cite {
        notes.push(cite(c, lang));
    }
    let mut s = format!(
        "{} ({})",
        duration(&d.deadline.duration, lang),
        notes.join(", ")
    );
    if d.deadline.receipt_day_excluded {
        s.push_str("; ");
        s.push_str(t(ph::RECEIPT_DAY, lang));
    }
    for e in &d.deadline.extensions {
        let p = if e.to {
            ph::EXTENSION_TO
        } else {
            ph::EXTENSION_BY
        };
        s.push_str("; ");
        s.push_str(&fill(p, lang, &[&duration(&e.duration, lang)]));
        if let Some(when) = text(&e.when, lang) {
            s.push_str(": ");
            s.push_str(&when);
        }
    }
    s
}

/// Whether a node is shown as a numbered item in the step lists.
fn numbered(node: &Node) -> bool {
    !matches!(node.kind, NodeKind::Start | NodeKind::Fork | NodeKind::Join)
}

/// A node's number in its channel's list (1-based), by node index.
fn numbers(channel: &Channel) -> Vec<Option<usize>> {
    let g = &channel.flow.graph;
    let mut next = 0;
    g.node_indices()
        .map(|n| {
            numbered(&g[n]).then(|| {
                next += 1;
                next
            })
        })
        .collect()
}

/// Where the case goes from `n`, as item numbers, looking through forks and joins; each with
/// the edge that leaves `n`.
fn successors(channel: &Channel, n: NodeIndex, nums: &[Option<usize>]) -> Vec<(Edge, usize)> {
    let g = &channel.flow.graph;
    let mut out = Vec::new();
    for e in g.edges_directed(n, Direction::Outgoing) {
        let mut seen = vec![false; g.node_count()];
        let mut stack = vec![e.target()];
        let mut found = Vec::new();
        while let Some(x) = stack.pop() {
            if std::mem::replace(&mut seen[x.index()], true) {
                continue;
            }
            match nums[x.index()] {
                Some(k) => found.push(k),
                None => stack.extend(
                    g.edges_directed(x, Direction::Outgoing)
                        .filter(|e| *e.weight() != Edge::Back)
                        .map(|e| e.target()),
                ),
            }
        }
        found.sort_unstable();
        for k in found {
            out.push((e.weight().clone(), k));
        }
    }
    // petgraph lists edges newest first; the order of declaration reads better.
    out.reverse();
    out
}

fn actor_name(reg: &Regulation, actor: Option<usize>, lang: Lang) -> String {
    match actor.and_then(|i| reg.actors.get(i)) {
        Some(a) => text(&a.name, lang).unwrap_or_else(|| format!("`{}`", a.id)),
        None => format!("*({})*", t(ph::NO_ACTOR, lang)),
    }
}

/// A step's durations in words, as its parts and options are written.
fn step_duration(s: &Step, lang: Lang) -> String {
    if !s.has_duration() {
        return format!("*({})*", t(ph::NO_DURATION, lang));
    }
    let mut out = Vec::new();
    let parts: Vec<String> = s
        .parts
        .iter()
        .map(|p| duration(&p.duration, lang))
        .collect();
    if !parts.is_empty() {
        // Header durations ("3 h 40 min") read as one amount; parts with texts are a sum.
        let sep = if s.parts.iter().all(|p| p.text.is_empty()) {
            " "
        } else {
            " + "
        };
        out.push(parts.join(sep));
    }
    let options: Vec<String> = s
        .options
        .iter()
        .map(|o| duration(&o.duration, lang))
        .collect();
    if !options.is_empty() {
        out.push(options.join(&format!(" {} ", t(ph::OPTION, lang))));
    }
    out.join(" + ")
}

/// The numbered items of one channel's flow, each a Markdown list line (with sub-items for
/// timed parts and options that have their own texts).
fn flow_items(reg: &Regulation, channel: &Channel, lang: Lang) -> Vec<String> {
    let g = &channel.flow.graph;
    let nums = numbers(channel);
    let mut lines = Vec::new();
    for n in g.node_indices() {
        let Some(k) = nums[n.index()] else { continue };
        let node = &g[n];
        let succ = successors(channel, n, &nums);
        let cite_txt = node.cite.as_ref().map(|c| format!(" ({})", cite(c, lang)));
        let mut line = format!("{k}) ");
        let mut subs = Vec::new();
        match &node.kind {
            NodeKind::Step(s) | NodeKind::Check(s) | NodeKind::Decide(s) | NodeKind::Wait(s) => {
                let label = match &node.kind {
                    NodeKind::Check(_) => Some(ph::CHECK),
                    NodeKind::Decide(_) => Some(ph::DECIDE),
                    NodeKind::Wait(_) => Some(ph::WAIT),
                    _ => None,
                };
                line.push_str(&actor_name(reg, s.actor, lang));
                line.push_str(": ");
                if let Some(l) = label {
                    line.push_str(&format!("*{}*: ", t(l, lang)));
                }
                let has_sub_texts = s.parts.iter().chain(&s.options).any(|p| !p.text.is_empty());
                match text(&s.action, lang) {
                    Some(a) => {
                        line.push_str(&a);
                        line.push_str(" – ");
                    }
                    // The timed parts below say what is done.
                    None if has_sub_texts => {}
                    None => line.push_str(&format!("`{}` – ", node.id)),
                }
                line.push_str(&step_duration(s, lang));
                for p in s.parts.iter().filter(|p| !p.text.is_empty()) {
                    subs.push(format!(
                        "{} – {}",
                        text_or(&p.text, lang, ph::NOT_GIVEN),
                        duration(&p.duration, lang)
                    ));
                }
                // "либо" only where there is a choice.
                let either = if s.options.len() > 1 {
                    format!("{} ", t(ph::OPTION, lang))
                } else {
                    String::new()
                };
                for o in s.options.iter().filter(|o| !o.text.is_empty()) {
                    subs.push(format!(
                        "{either}{} – {}",
                        text_or(&o.text, lang, ph::NOT_GIVEN),
                        duration(&o.duration, lang)
                    ));
                }
                if let Some(p) = text(&s.produces, lang) {
                    subs.push(format!("{}: {p}", t(ph::COLUMNS[3], lang)));
                }
            }
            NodeKind::Rework(r) => {
                line.push_str(&actor_name(reg, r.actor, lang));
                line.push_str(&format!(": *{}*", t(ph::REWORK, lang)));
                if let Some(reason) = text(&r.reason, lang) {
                    line.push_str(": ");
                    line.push_str(&reason);
                }
                if let Some(m) = r.max {
                    line.push_str("; ");
                    line.push_str(&fill(ph::REWORK_MAX, lang, &[&m.to_string()]));
                }
                if let Some(d) = &r.takes {
                    line.push_str("; ");
                    line.push_str(&fill(ph::REWORK_TAKES, lang, &[&duration(d, lang)]));
                }
                if r.clock_paused {
                    line.push_str("; ");
                    line.push_str(t(ph::REWORK_PAUSED, lang));
                }
            }
            NodeKind::Outcome { outcome, text: x } => {
                line.push_str(&format!(
                    "*{}: {}*",
                    t(ph::OUTCOME, lang),
                    t(ph::outcome(*outcome), lang)
                ));
                if let Some(x) = text(x, lang) {
                    line.push_str(" – ");
                    line.push_str(&x);
                }
            }
            NodeKind::Start | NodeKind::Fork | NodeKind::Join => continue,
        }
        if let Some(c) = cite_txt {
            line.push_str(&c);
        }
        // Transitions other than simply going on to the next item.
        let plain = succ.iter().all(|(e, to)| *e == Edge::Next && *to == k + 1) && succ.len() <= 1;
        if !plain && !node.is_outcome() {
            let parts: Vec<String> = succ
                .iter()
                .map(|(e, to)| match e {
                    Edge::Then => format!("{} → {to})", t(ph::THEN, lang)),
                    Edge::Else => format!("{} → {to})", t(ph::ELSE, lang)),
                    Edge::When(w) => format!("«{}» → {to})", escape(w)),
                    Edge::Back => format!("{} → {to})", t(ph::REWORK, lang)),
                    Edge::Timeout => format!("{} → {to})", t(ph::TIMEOUT, lang)),
                    Edge::Next | Edge::Branch => format!("→ {to})"),
                })
                .collect();
            if !parts.is_empty() {
                line.push_str("; ");
                line.push_str(&parts.join("; "));
            }
        }
        line.push(';');
        lines.push(line);
        for s in subs {
            lines.push(format!("   - {s};"));
        }
    }
    if let Some(last) = lines.iter_mut().rev().find(|l| !l.starts_with("   ")) {
        last.pop();
        last.push('.');
    }
    lines
}

fn channel_heading(scenario: &Scenario, channel: &Channel, lang: Lang) -> String {
    let mut s = format!(
        "{} ({} `{}`)",
        t(ph::channel_heading(channel.kind), lang),
        t(ph::CHANNEL_ID, lang),
        channel.id
    );
    if let Some(c) = &channel.cite {
        s.push_str(&format!(", {}", cite(c, lang)));
    }
    if let Some(title) = scenario_title(scenario, lang) {
        s = format!("{title}. {s}");
    }
    s
}

fn scenario_title(scenario: &Scenario, lang: Lang) -> Option<String> {
    let id = scenario.id.as_ref()?;
    let title = text(&scenario.title, lang).unwrap_or_else(|| format!("`{id}`"));
    Some(fill(ph::SCENARIO, lang, &[&title]))
}

fn is_section_4(k: ChannelKind) -> bool {
    matches!(k, ChannelKind::StateCorporation | ChannelKind::Portal)
}

/// Renders a regulation as a Markdown document in `lang`.
pub fn render(corpus: &Corpus, reg: &Regulation, lang: Lang) -> String {
    let mut out = String::new();
    let title = text(&reg.title, lang).unwrap_or_else(|| format!("`{}`", reg.id));
    let mut para = 0;
    let mut next_para = || {
        para += 1;
        para
    };

    out.push_str(&format!("# {}\n\n", fill(ph::TITLE, lang, &[&title])));
    let standard_title = reg.implements.as_ref().and_then(|(std, svc)| {
        let s = corpus.standards.iter().find(|s| &s.id == std)?;
        s.services.iter().find(|x| &x.id == svc).map(|x| &x.title)
    });
    if reg.falls_back(lang) || standard_title.is_some_and(|t| t.falls_back(lang)) {
        out.push_str(&format!("*{}*\n\n", crate::common::fallback_note(lang)));
    }

    // 1. General provisions.
    out.push_str(&format!("## {}\n\n", t(ph::SECTION_1, lang)));
    let provider = text_or(&reg.provider, lang, ph::NOT_GIVEN);
    out.push_str(&format!(
        "{}. {}\n\n",
        next_para(),
        fill(ph::PROVIDED_BY, lang, &[&title, &provider])
    ));
    let mut kinds: Vec<ChannelKind> = Vec::new();
    for (_, c) in reg.channels() {
        if !kinds.contains(&c.kind) {
            kinds.push(c.kind);
        }
    }
    if kinds.is_empty() {
        out.push_str(&format!("{}\n\n", t(ph::NO_CHANNELS, lang)));
    } else {
        out.push_str(&format!("{}\n\n", t(ph::CHANNELS_INTRO, lang)));
        for (i, k) in kinds.iter().enumerate() {
            let end = if i + 1 == kinds.len() { '.' } else { ';' };
            out.push_str(&format!(
                "{}) {}{end}\n",
                i + 1,
                t(ph::channel_in_list(*k), lang)
            ));
        }
        out.push('\n');
    }
    let form = reg
        .form
        .map(|f| t(ph::form(f), lang).to_string())
        .unwrap_or_else(|| format!("*{}*", t(ph::NOT_GIVEN, lang)));
    out.push_str(&format!(
        "{}. {}\n\n",
        next_para(),
        fill(ph::FORM, lang, &[&form])
    ));
    let result = text_or(&reg.result, lang, ph::NOT_GIVEN);
    out.push_str(&format!(
        "{}. {}\n\n",
        next_para(),
        fill(ph::RESULT, lang, &[&result])
    ));
    out.push_str(&format!(
        "{}. {}\n\n",
        next_para(),
        t(ph::DEADLINE_INTRO, lang)
    ));
    for (s, c) in reg.channels() {
        let d = match &c.deadline {
            Some(d) => deadline_text(corpus, d, lang),
            None => format!("*{}*", t(ph::NO_DEADLINE, lang)),
        };
        out.push_str(&format!("- {}: {d}.\n", channel_heading(s, c, lang)));
    }
    if reg.scenarios.iter().all(|s| s.channels.is_empty()) {
        out.push_str(&format!("- *{}*.\n", t(ph::NO_DEADLINE, lang)));
    }
    out.push('\n');
    let mut caps: Vec<&reglam_model::Cap> = reg.caps.iter().collect();
    if let Some((std, svc)) = &reg.implements {
        let from_standard = corpus
            .standards
            .iter()
            .filter(|s| &s.id == std)
            .flat_map(|s| s.services.iter().filter(|x| &x.id == svc))
            .flat_map(|x| x.caps.iter());
        for c in from_standard {
            if !caps.iter().any(|k| k.name == c.name) {
                caps.push(c);
            }
        }
    }
    if !caps.is_empty() {
        out.push_str(&format!("{}\n\n", t(ph::CAPS_INTRO, lang)));
        for c in caps {
            let name = ph::cap(&c.name)
                .map(|p| t(p, lang).to_string())
                .unwrap_or_else(|| format!("`{}`", c.name));
            let at = c.cite.as_ref().map(|x| format!(" ({})", cite(x, lang)));
            out.push_str(&format!(
                "- {name} – {}{};\n",
                duration(&c.duration, lang),
                at.unwrap_or_default()
            ));
        }
        out.pop();
        out.pop();
        out.push_str(".\n\n");
    }
    for n in &reg.notes {
        if let Some(x) = text(n, lang) {
            out.push_str(&format!("{}\n\n", fill(ph::NOTE, lang, &[&x])));
        }
    }

    // 2. The provider's steps.
    out.push_str(&format!("## {}\n\n", t(ph::SECTION_2, lang)));
    let own: Vec<_> = reg
        .channels()
        .filter(|(_, c)| !is_section_4(c.kind))
        .collect();
    if own.is_empty() {
        out.push_str(&format!("{}\n\n", t(ph::NO_PROVIDER_CHANNEL, lang)));
    } else {
        out.push_str(&format!(
            "{}. {}\n\n",
            next_para(),
            t(ph::STEPS_INTRO, lang)
        ));
        for (s, c) in own {
            out.push_str(&format!("### {}\n\n", channel_heading(s, c, lang)));
            push_items(&mut out, reg, c, lang);
        }
    }

    // 3. Interaction between units: the actors list.
    out.push_str(&format!("## {}\n\n", t(ph::SECTION_3, lang)));
    let units: Vec<_> = reg
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| ph::is_provider_unit(a.kind))
        .collect();
    if units.is_empty() {
        out.push_str(&format!("{}. {}\n\n", next_para(), t(ph::NO_UNITS, lang)));
    } else {
        out.push_str(&format!(
            "{}. {}\n\n",
            next_para(),
            t(ph::UNITS_INTRO, lang)
        ));
        push_actor_list(&mut out, reg, &units, lang);
    }
    out.push_str(&format!(
        "{}. {}\n\n",
        next_para(),
        t(ph::SEQUENCE_REF, lang)
    ));

    // 4. The State Corporation and the portal.
    out.push_str(&format!("## {}\n\n", t(ph::SECTION_4, lang)));
    let others: Vec<_> = reg
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| !ph::is_provider_unit(a.kind))
        .collect();
    if !others.is_empty() {
        out.push_str(&format!("{}\n\n", t(ph::PARTICIPANTS_INTRO, lang)));
        push_actor_list(&mut out, reg, &others, lang);
    }
    let via: Vec<_> = reg
        .channels()
        .filter(|(_, c)| is_section_4(c.kind))
        .collect();
    if via.is_empty() {
        out.push_str(&format!("{}\n\n", t(ph::NO_OTHER_CHANNELS, lang)));
    }
    for (s, c) in via {
        out.push_str(&format!("### {}\n\n", channel_heading(s, c, lang)));
        let how = t(ph::channel_via(c.kind), lang);
        out.push_str(&format!(
            "{}. {}\n\n",
            next_para(),
            fill(ph::SEQUENCE_VIA, lang, &[how])
        ));
        push_items(&mut out, reg, c, lang);
    }

    // Appendix 1: the step table of every channel.
    out.push_str(&format!("## {}\n\n", fill(ph::APPENDIX_1, lang, &[&title])));
    out.push_str(&format!("**{}**\n\n", t(ph::APPENDIX_1_TITLE, lang)));
    for (s, c) in reg.channels() {
        out.push_str(&format!("### {}\n\n", channel_heading(s, c, lang)));
        push_table(&mut out, corpus, reg, c, lang);
    }

    // Appendix 2: the diagrams.
    out.push_str(&format!("## {}\n\n", fill(ph::APPENDIX_2, lang, &[&title])));
    out.push_str(&format!("**{}**\n\n", t(ph::APPENDIX_2_TITLE, lang)));
    for (s, c) in reg.channels() {
        out.push_str(&format!("### {}\n\n", channel_heading(s, c, lang)));
        out.push_str("```mermaid\n");
        out.push_str(crate::mermaid::channel(reg, s, c, lang).trim_end());
        out.push_str("\n```\n\n");
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn push_items(out: &mut String, reg: &Regulation, c: &Channel, lang: Lang) {
    let items = flow_items(reg, c, lang);
    if items.is_empty() {
        out.push_str(&format!("{}\n\n", t(ph::NO_STEPS, lang)));
        return;
    }
    for l in items {
        out.push_str(&l);
        out.push('\n');
    }
    out.push('\n');
}

fn push_actor_list(
    out: &mut String,
    reg: &Regulation,
    actors: &[(usize, &reglam_model::Actor)],
    lang: Lang,
) {
    for (i, (idx, a)) in actors.iter().enumerate() {
        let end = if i + 1 == actors.len() { '.' } else { ';' };
        let at = a
            .cite
            .as_ref()
            .map(|c| format!(" ({})", cite(c, lang)))
            .unwrap_or_default();
        out.push_str(&format!(
            "- {}{at}{end}\n",
            actor_name(reg, Some(*idx), lang)
        ));
    }
    out.push('\n');
}

/// A table cell: escaped already, so only emptiness needs care.
fn cell(s: &str) -> String {
    if s.is_empty() {
        "—".into()
    } else {
        s.to_string()
    }
}

fn push_table(out: &mut String, corpus: &Corpus, reg: &Regulation, c: &Channel, lang: Lang) {
    let g = &c.flow.graph;
    let head: Vec<&str> = ph::COLUMNS.iter().map(|p| t(*p, lang)).collect();
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    out.push_str("|---:|---|---|---|---|\n");
    let mut row = 0;
    for n in g.node_indices() {
        let node = &g[n];
        let Some(s) = node.step() else { continue };
        row += 1;
        let part_texts: Vec<String> = s
            .parts
            .iter()
            .chain(&s.options)
            .filter_map(|p| text(&p.text, lang))
            .collect();
        let mut action = match (text(&s.action, lang), part_texts.is_empty()) {
            (Some(a), true) => a,
            (Some(a), false) => format!("{a}: {}", part_texts.join("; ")),
            (None, false) => part_texts.join("; "),
            (None, true) => format!("`{}`", node.id),
        };
        if let Some(cit) = &node.cite {
            action.push_str(&format!(" ({})", cite(cit, lang)));
        }
        let time = if s.has_duration() {
            amount(s.worst(), lang)
        } else {
            "—".into()
        };
        out.push_str(&format!(
            "| {row} | {} | {} | {} | {} |\n",
            cell(&actor_name(reg, s.actor, lang)),
            cell(&action),
            cell(&text(&s.produces, lang).unwrap_or_default()),
            time
        ));
    }
    out.push_str(&format!(
        "|  | **{}** |  |  | **{}** |\n",
        t(ph::TOTAL_ROW, lang),
        total_text(c, lang)
    ));
    let deadline = match &c.deadline {
        Some(d) => deadline_text(corpus, d, lang),
        None => t(ph::NO_DEADLINE, lang).to_string(),
    };
    out.push_str(&format!(
        "|  | **{}** |  |  | **{deadline}** |\n\n",
        t(ph::DEADLINE_ROW, lang)
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use reglam_syntax::Unit;

    #[test]
    fn escapes_what_markdown_would_read() {
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(
            escape("*x* _y_ [z](w) <b>"),
            "\\*x\\* \\_y\\_ \\[z\\](w) \\<b\\>"
        );
        assert_eq!(escape("две\nстроки  здесь"), "две строки здесь");
        assert_eq!(escape("«ёлочки» \"кавычки\""), "«ёлочки» \"кавычки\"");
    }

    /// Issue 12: ESC/OSC bytes and bidi overrides of a source went raw into Markdown.
    #[test]
    fn escapes_control_and_bidi_characters() {
        assert_eq!(
            escape("a\u{1b}]8;;http://x\u{7}b \u{202e}c\u{9b}"),
            "a\\u{1b}\\]8;;http://x\\u{7}b \\u{202e}c\\u{9b}"
        );
    }

    #[test]
    fn amounts_read_as_the_acts_write_them() {
        let a = Amount::of(1, Unit::WorkingDay)
            .plus(Amount::of(2, Unit::Hour))
            .plus(Amount::of(30, Unit::Minute));
        assert_eq!(
            amount(a, Lang::Ru),
            "1 (один) рабочий день 2 (два) часа 30 (тридцать) минут"
        );
        assert_eq!(
            amount(a, Lang::Kk),
            "1 (бір) жұмыс күні 2 (екі) сағат 30 (отыз) минут"
        );
        assert_eq!(
            amount(Amount::of(5, Unit::WorkingDay), Lang::Ru),
            "5 (пять) рабочих дней"
        );
        assert_eq!(
            amount(Amount::of(5, Unit::WorkingDay), Lang::Kk),
            "5 (бес) жұмыс күні"
        );
        let mixed = Amount::of(1, Unit::Month).plus(Amount::of(3, Unit::Hour));
        assert_eq!(amount(mixed, Lang::Ru), "1 (один) месяц + 3 (три) часа");
        assert_eq!(amount(Amount::ZERO, Lang::Ru), "0 (ноль) минут");
    }

    #[test]
    fn a_missing_language_falls_back_unmarked() {
        let only_kk = Text {
            ru: None,
            kk: Some("кеңсе | қызметкері".into()),
        };
        assert_eq!(text(&only_kk, Lang::Ru).unwrap(), "кеңсе \\| қызметкері");
        assert_eq!(text(&only_kk, Lang::Kk).unwrap(), "кеңсе \\| қызметкері");
        assert_eq!(text(&Text::default(), Lang::Ru), None);
    }

    #[test]
    fn citations_in_both_languages() {
        let c = |raw: &str| Citation {
            raw: raw.into(),
            span: Default::default(),
        };
        assert_eq!(cite(&c("5.1"), Lang::Ru), "п. 5, пп. 1");
        assert_eq!(cite(&c("5.1"), Lang::Kk), "5-тармақ, 1-тармақша");
        assert_eq!(cite(&c("app1.row6"), Lang::Ru), "приложение 1, строка 6");
        assert_eq!(
            cite(&c("app2.t1.row5"), Lang::Kk),
            "2-қосымша, 1-кесте, 5-жол"
        );
        assert_eq!(cite(&c("15-3.19"), Lang::Ru), "п. 15-3, пп. 19");
    }

    #[test]
    fn every_phrase_fills_all_its_slots() {
        for lang in [Lang::Ru, Lang::Kk] {
            let one = [
                ph::TITLE,
                ph::FORM,
                ph::RESULT,
                ph::NOTE,
                ph::SCENARIO,
                ph::APPENDIX_1,
            ];
            for p in one {
                let s = fill(p, lang, &["X"]);
                assert!(s.contains('X') && !s.contains("{}"), "{s}");
            }
            let s = fill(ph::PROVIDED_BY, lang, &["X", "Y"]);
            assert!(s.find('X') < s.find('Y') && !s.contains("{}"), "{s}");
        }
    }
}
