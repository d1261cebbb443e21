//! Extraction rules. Each reads one structure every act of this kind has (numbered paragraphs,
//! "N) … – 30 (тридцать) минут", "процесс N – …", "условие N – …", the list of units, the list
//! of channels), never a particular act's wording.

use crate::text::{is_kazakh, logical_lines, norm, slug, Line};
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ru,
    Kk,
}

impl Lang {
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }
}

/// Something the importer could not read with confidence: the act's line, quoted.
#[derive(Debug, Clone, PartialEq)]
pub struct Todo {
    pub line: usize,
    pub what: &'static str,
    pub quote: String,
}

/// A duration as the act writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Dur {
    pub value: u64,
    pub words: Option<String>,
    /// `min`, `h`, `wd`, `cd` or `month`.
    pub unit: &'static str,
    /// Where in the item's text the duration ends (bytes).
    pub end: usize,
    pub start: usize,
}

impl Dur {
    pub fn render(&self) -> String {
        match &self.words {
            Some(w) => format!("{} ({}) {}", self.value, w, self.unit),
            None => format!("{} {}", self.value, self.unit),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// "N) … – 30 минут", or an unnumbered line of a procedure paragraph with a duration.
    Step,
    /// "процесс N – …" / "N-процесс – …".
    Process,
    /// "условие N – …" / "N-шарт – …".
    Condition,
}

/// One procedure, process or condition of the act.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    pub line: usize,
    /// `5.1`, or `9` for an unnumbered line of paragraph 9.
    pub cite: String,
    pub text: String,
    pub actor: Option<usize>,
    pub durations: Vec<Dur>,
    /// Several durations joined by "либо"/"или"/"немесе": alternatives, not parts.
    pub alternatives: bool,
    /// The process mentions a refusal ("отказ", "бас тарту").
    pub refusal: bool,
    /// The sentence refuses to accept the documents ("не принимаются", "қабылдаудан бас
    /// тартады"): a check failing it ends the case.
    pub rejects: bool,
    /// The item names nobody: its actor is the one of the item before (a TODO says so).
    pub inherited: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActorD {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub cite: String,
    /// From the act's list of units.
    pub listed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineD {
    pub channel: Option<&'static str>,
    pub dur: Dur,
    pub cite: String,
    pub line: usize,
    pub quote: String,
}

/// A case the act gives its own term ("1-кезең: … – 8 (сегіз) жұмыс күні ішінде:", "2)
/// рұқсатты қайта ресімдеу – 6 (алты) жұмыс күні;"), as a scenario with its deadlines only.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioD {
    /// The case's words (a stage with the sub-paragraph it belongs to), as the act states them.
    pub title: String,
    pub cite: String,
    pub line: usize,
    pub deadlines: Vec<DeadlineD>,
    /// A channel of its own (a second paragraph of steps through the same channel).
    pub channels: Vec<ChannelD>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChannelD {
    pub kind: &'static str,
    pub cite: String,
    pub items: Vec<Item>,
    /// The item that hands over to the provider's procedure ("… в пункте 5").
    pub calls_at: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RegD {
    pub number: usize,
    pub line: usize,
    pub title: Option<String>,
    pub provider: Option<(String, String)>,
    pub result: Option<(String, String)>,
    pub form: Option<(&'static str, String)>,
    pub actors: Vec<ActorD>,
    pub listed_cite: Option<String>,
    pub procedure: Option<(String, Vec<Item>)>,
    pub channels: Vec<ChannelD>,
    pub deadlines: Vec<DeadlineD>,
    /// Cases with a term of their own (stages, kinds of request): scenarios.
    pub scenarios: Vec<ScenarioD>,
    /// The lines read as a case's term, with the case's citation: no step and no deadline of
    /// the regulation; the steps under the line are cited as the case.
    pub case_lines: Vec<(usize, String)>,
    pub todos: Vec<Todo>,
    pub appendices: Vec<(usize, String)>,
    /// The act's paragraph that amends this regulation (of another act), when the draft holds
    /// only the paragraphs the amendment restates.
    pub amended_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActD {
    pub title: Option<String>,
    pub kind: Option<String>,
    pub number: Option<String>,
    pub date: Option<String>,
    pub status: Option<&'static str>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub lang: Lang,
    pub act: ActD,
    pub regs: Vec<RegD>,
    pub todos: Vec<Todo>,
}

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("a valid pattern"))
}

/// Every duration in a text, with the act's words kept.
pub fn durations(text: &str) -> Vec<Dur> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)(\d{1,4})(?:-\s?(?:[хи]|ти)\b)?\s*(?:\(([^()]{2,60})\))?\s*(минут\w*|мин\.|час(?:а|ов)?\b|рабоч\w+\s+(?:дн\w*|день)|календарн\w+\s+(?:дн\w*|день)|месяц\w*|сағат\w*|жұмыс\s+күн\w*|күнтізбелік\s+күн\w*|ай\b)",
    );
    r.captures_iter(text)
        .filter_map(|c| {
            let value: u64 = c[1].parse().ok()?;
            let u = c[3].to_lowercase();
            let unit = if u.starts_with("мин") {
                "min"
            } else if u.starts_with("час") || u.starts_with("сағат") {
                "h"
            } else if u.starts_with("рабоч") || u.starts_with("жұмыс") {
                "wd"
            } else if u.starts_with("календар") || u.starts_with("күнтізбелік") {
                "cd"
            } else {
                "month"
            };
            // The conversion moves a link's text into the brackets ("15 (пункте 9
            // пятнадцати) минут"): the act's words are what follows the link's number.
            let words = c.get(2).map(|w| {
                let w = w.as_str();
                let after = w
                    .rfind(|ch: char| ch.is_ascii_digit())
                    .map_or(w, |i| &w[i + 1..]);
                after.trim().to_string()
            });
            let words = words.filter(|w| {
                !w.is_empty()
                    && w.chars()
                        .all(|ch| ch.is_alphabetic() || ch == ' ' || ch == '-')
            });
            let m = c.get(0)?;
            Some(Dur {
                value,
                words,
                unit,
                end: m.end(),
                start: m.start(),
            })
        })
        .collect()
}

/// "1) …", "процесс 1 – …", "1-шарт – …": the kind of item and its number.
pub fn item_head(text: &str) -> Option<(ItemKind, String)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)^(?:(\d{1,3})\)|(?:процесс|действие)\s*(\d{1,3})|(\d{1,3})\s*-\s*процесс|(?:условие)\s*(\d{1,3})|(\d{1,3})\s*-\s*шарт)",
    );
    let c = r.captures(text)?;
    if let Some(n) = c.get(1) {
        // "2) процесс 1 – …": the sub-paragraph's number, the process's kind.
        let rest = text[c.get(0)?.end()..].trim_start();
        let kind = match item_head(rest) {
            Some((k, _)) if k != ItemKind::Step => k,
            _ => ItemKind::Step,
        };
        return Some((kind, n.as_str().to_string()));
    }
    if let Some(n) = c.get(2).or(c.get(3)) {
        return Some((ItemKind::Process, n.as_str().to_string()));
    }
    c.get(4)
        .or(c.get(5))
        .map(|n| (ItemKind::Condition, n.as_str().to_string()))
}

/// A numbered paragraph: "5. …", "15-1. …".
pub fn paragraph_head(text: &str) -> Option<(String, String)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(&R, r"^(\d{1,3}(?:-\d{1,2})?)\.\s+(.*)$");
    let c = r.captures(text)?;
    Some((c[1].to_string(), c[2].to_string()))
}

/// The title of a regulation from its heading, when the heading is one.
pub fn regulation_title(text: &str) -> Option<String> {
    let t = text.trim();
    let is_head = t.starts_with("Регламент государственной услуги")
        || t.starts_with("Регламент оказания государственной услуги")
        || t.ends_with("көрсетілетін қызмет регламенті")
        || t.ends_with("қызмет көрсету регламенті")
        || t.ends_with("мемлекеттік қызмет регламенті");
    if !is_head || t.len() > 700 {
        return None;
    }
    quoted(t)
}

/// The first quoted text (straight quotes or «ёлочки»), quotes inside a name allowed when
/// the closing quote is the last one before the regulation word.
pub fn quoted(t: &str) -> Option<String> {
    let (open, close) = if t.contains('«') {
        ('«', '»')
    } else {
        ('"', '"')
    };
    let a = t.find(open)? + open.len_utf8();
    let b = t.rfind(close)?;
    (b > a).then(|| t[a..b].trim().to_string())
}

fn strip_item_head(text: &str) -> &str {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)^(?:\d{1,3}\)|(?:процесс|действие|условие)\s*\d{1,3}|\d{1,3}\s*-\s*(?:процесс|шарт))\s*[–—-]?\s*",
    );
    let mut t = text;
    // Twice: "2) процесс 1 – …".
    for _ in 0..2 {
        if let Some(m) = r.find(t) {
            t = &t[m.end()..];
        }
    }
    t
}

/// The text without its "N)" number (the citation carries it).
fn strip_number(text: &str) -> &str {
    let t = text.trim_start();
    match t.split_once(')') {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => t,
    }
}

/// Whether two words are the same word in another case form (a shared stem).
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let need = la.min(lb).saturating_sub(2).max(4);
    common >= need && common + 3 >= la.max(lb).min(common + 5) && la.min(lb) >= 4
}

/// Whether `text` starts with `name` (word by word, endings of case allowed). Returns the
/// number of words matched.
pub fn starts_with_name(text: &str, name: &str) -> Option<usize> {
    let t = norm(text);
    let n = norm(name);
    let tw: Vec<&str> = t.split(' ').collect();
    let nw: Vec<&str> = n.split(' ').collect();
    if nw.is_empty() || tw.len() < nw.len() {
        return None;
    }
    nw.iter()
        .zip(&tw)
        .all(|(a, b)| same_word(a, b))
        .then_some(nw.len())
}

/// Whether `text` starts with `name` but for its first word, which shares a long stem with the
/// name's ("руководство услугодателя" for "руководитель услугодателя").
pub fn starts_with_related_name(text: &str, name: &str) -> bool {
    let t = norm(text);
    let n = norm(name);
    let tw: Vec<&str> = t.split(' ').collect();
    let nw: Vec<&str> = n.split(' ').collect();
    if nw.len() < 2 || tw.len() < nw.len() {
        return false;
    }
    let common = nw[0]
        .chars()
        .zip(tw[0].chars())
        .take_while(|(a, b)| a == b)
        .count();
    common >= 7 && nw[1..].iter().zip(&tw[1..]).all(|(a, b)| same_word(a, b))
}

/// Words that name someone who acts.
const AGENTS_RU: &[&str] = &[
    "работник",
    "сотрудник",
    "специалист",
    "инспектор",
    "сектор",
    "оператор",
    "курьер",
    "руководитель",
    "канцелярия",
    "комиссия",
    "услугополучатель",
    "услугодатель",
    "ответственный",
    "аким",
    "исполнитель",
];
const AGENTS_KK: &[&str] = &[
    "қызметкер",
    "маман",
    "басшы",
    "инспектор",
    "оператор",
    "курьер",
    "комиссия",
    "жинақтаушы",
    "әкім",
    "беруші",
    "орындаушы",
    "хатшы",
    "басшылығ",
    "бөлімше",
    "филиал",
];

/// The acting noun phrase at the start of an item, for an actor the act does not list:
/// Russian "работник Государственной корпорации принимает …" (up to the verb), Kazakh
/// "Мемлекеттік корпорация қызметкері …" (up to the agent noun in the nominative).
pub fn leading_agent(text: &str, lang: Lang) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().take(7).collect();
    match lang {
        Lang::Ru => {
            let words: Vec<&str> = text.split_whitespace().take(9).collect();
            // The agent noun in the nominative ("оператор", not "оператором"), after at most
            // two adjectives ("накопительный сектор").
            let agent = words
                .iter()
                .take(3)
                .position(|w| AGENTS_RU.contains(&norm(w).as_str()))?;
            let adjective = |w: &str| {
                let n = norm(w);
                ["ый", "ий", "ой", "ая", "яя"]
                    .iter()
                    .any(|e| n.ends_with(e))
            };
            if !words[..agent].iter().all(|w| adjective(w)) {
                return None;
            }
            // The phrase ends at the verb, or at a preposition after the agent noun.
            let verb = words.iter().enumerate().skip(agent + 1).find(|(_, w)| {
                let w = norm(w);
                let verb = ["ет", "ит", "ют", "ят", "ут", "ат"]
                    .iter()
                    .any(|e| w.ends_with(e))
                    && w.chars().count() > 4;
                verb || ["с", "в", "на", "по", "для", "через", "от", "после", "при"]
                    .contains(&w.as_str())
            })?;
            let phrase = words[..verb.0].join(" ");
            let phrase = phrase.trim_end_matches([',', ';']).to_string();
            (!phrase.contains(['(', ')', '"'])).then_some(phrase)
        }
        Lang::Kk => {
            for (i, w) in words.iter().enumerate().take(5) {
                let n = norm(w);
                // The longest agent noun: "басшылығы" is "басшылығ", not "басшы".
                let agent = AGENTS_KK
                    .iter()
                    .filter(|a| n.starts_with(*a))
                    .max_by_key(|a| a.len());
                if let Some(a) = agent {
                    let rest = &n[a.len()..];
                    let genitive = |w: &str| {
                        ["ның", "нің", "дың", "дің", "тың", "тің"]
                            .iter()
                            .any(|e| norm(w).ends_with(e))
                    };
                    // "беруші бөлімінің маманы": the agent noun is whose; the name goes on.
                    let whose_next = words.get(i + 1).is_some_and(|w| genitive(w));
                    // "Комиссия хатшысы": the agent noun after is whose post it is.
                    let post_next = words.get(i + 1).is_some_and(|w| {
                        let w = norm(w);
                        AGENTS_KK.iter().any(|a| {
                            w.strip_prefix(a)
                                .is_some_and(|r| ["і", "ы", "сы", "сі"].contains(&r))
                        })
                    });
                    if ["", "і", "ы", "сы", "сі"].contains(&rest) && post_next && !whose_next
                    {
                        continue;
                    }
                    if ["", "і", "ы", "сы", "сі"].contains(&rest) && !whose_next {
                        // "Мемлекеттік корпорацияға … беруші": a word in the dative is where
                        // to, not part of the name.
                        let dative = words[..i].iter().any(|w| {
                            let w = norm(w);
                            ["ға", "ге", "қа", "ке"].iter().any(|e| w.ends_with(e))
                        });
                        let phrase = words[..=i].join(" ");
                        return (!dative && !phrase.contains(['(', ')', '"', ',']))
                            .then_some(phrase);
                    }
                    // "әкімдігінің маманы", "берушінің бас маманы": whose, the agent follows.
                    if !(genitive(&n) || whose_next) {
                        return None;
                    }
                }
            }
            None
        }
    }
}

/// The agent a process names in another case, as its nominative: Russian "ввод оператором
/// Государственной корпорации" → "оператор Государственной корпорации"; Kazakh "Мемлекеттік
/// корпорация қызметкерінің …" → "Мемлекеттік корпорация қызметкері". Only near the start,
/// where the act names who does the process.
pub fn mentioned_agent(text: &str, lang: Lang) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    match lang {
        Lang::Ru => {
            // (stem, nominative).
            const NOUNS: &[(&str, &str)] = &[
                ("оператор", "оператор"),
                ("работник", "работник"),
                ("сотрудник", "сотрудник"),
                ("специалист", "специалист"),
                ("инспектор", "инспектор"),
                ("курьер", "курьер"),
                ("услугодател", "услугодатель"),
                ("услугополучател", "услугополучатель"),
                ("портал", "портал"),
            ];
            // Whole names that act only in the instrumental ("проверка услугодателем", "ввод
            // услугополучателем", "формирование порталом"); "документов услугодателя" is whose.
            const WHOLE: &[(&str, &str)] = &[
                ("услугодатель", "услугодателем"),
                ("услугополучатель", "услугополучателем"),
                ("портал", "порталом"),
            ];
            const PREPOSITIONS: &[&str] =
                &["от", "через", "к", "для", "в", "на", "у", "из", "с", "по"];
            let (i, noun) = words.iter().take(4).enumerate().find_map(|(i, w)| {
                let n = norm(w);
                // "получение от услугодателя": a source, not the agent.
                if i > 0 && PREPOSITIONS.contains(&norm(words[i - 1]).as_str()) {
                    return None;
                }
                NOUNS
                    .iter()
                    .find(|(s, nom)| {
                        n.starts_with(*s)
                            && n.len() - s.len() <= 6
                            && WHOLE.iter().all(|(w, ins)| w != nom || n == *ins)
                    })
                    .map(|(_, nom)| (i, *nom))
            })?;
            let mut phrase = vec![noun.to_string()];
            // The others take a genitive ("… корпорации").
            let more = if WHOLE.iter().any(|(w, _)| *w == noun) {
                0
            } else {
                3
            };
            for w in words.iter().skip(i + 1).take(more) {
                let n = norm(w);
                let genitive = ["ой", "ии", "ия", "ателя", "ого", "ей", "ых", "ции"]
                    .iter()
                    .any(|e| n.ends_with(e));
                let upper = w.chars().next().is_some_and(char::is_uppercase);
                if !(genitive || upper) || w.contains(['(', ')']) {
                    break;
                }
                // "… оператором Государственной корпорации, вывод …": the comma ends the name.
                let ends = w.ends_with([',', ';']);
                phrase.push(w.trim_end_matches([',', ';']).to_string());
                if ends {
                    break;
                }
            }
            Some(phrase.join(" "))
        }
        Lang::Kk => {
            for (i, w) in words.iter().enumerate().take(4) {
                let n = norm(w);
                // "беруші маманының": the agent is the next noun.
                let agent_next = words
                    .get(i + 1)
                    .is_some_and(|w| AGENTS_KK.iter().any(|a| norm(w).starts_with(a)));
                if agent_next {
                    continue;
                }
                if let Some(a) = AGENTS_KK.iter().find(|a| n.starts_with(*a)) {
                    let rest = &n[a.len()..];
                    let nominative = match rest {
                        "інің" | "ының" => {
                            format!("{a}{}", &rest[..rest.len() - "нің".len()])
                        }
                        "нің" | "ның" | "" | "і" | "ы" => {
                            if rest.is_empty() || rest == "і" || rest == "ы" {
                                format!("{a}{rest}")
                            } else {
                                a.to_string()
                            }
                        }
                        _ => return None,
                    };
                    let mut phrase: Vec<String> =
                        words[..i].iter().map(|w| w.to_string()).collect();
                    if phrase.iter().any(|w| w.contains(['(', ')', ',', '"'])) {
                        return None;
                    }
                    phrase.push(nominative);
                    return Some(phrase.join(" "));
                }
            }
            None
        }
    }
}

fn actor_kind(name: &str) -> &'static str {
    let n = norm(name);
    if n.ends_with(" аж")
        || n.contains("ақпараттық жүйе")
        || n.contains("информационн")
        || n.contains("реестр")
        || n.starts_with("шлюз")
    {
        "system"
    } else if n.contains("корпорац") {
        "state-corporation"
    } else if n.contains("портал") {
        "portal"
    } else if n.contains("курьер") {
        "courier"
    } else if n.contains("услугополучател") || n.contains("қызметті алушы")
    {
        "applicant"
    } else if n.starts_with("аким") || n.contains(" аким") || n.contains("әкім") {
        "akimat"
    } else if n.contains("комисси") {
        "commission"
    } else if n.contains("рабочая группа") || n.contains("жұмыс тобы") {
        "working-group"
    } else {
        "unit"
    }
}

/// The channel kind a phrase of the intake list names: the first one it mentions ("акима
/// сельского округа … в случае отсутствия услугодателя" is the akim).
pub fn channel_kind(text: &str) -> Option<&'static str> {
    channel_kinds(text).into_iter().next()
}

/// Every channel kind a phrase mentions, in the order it mentions them.
pub fn channel_kinds(text: &str) -> Vec<&'static str> {
    let n = norm(text);
    const WORDS: &[(&str, &str)] = &[
        ("корпорац", "state-corporation"),
        ("цон", "state-corporation"),
        ("халыққа қызмет көрсету орталы", "state-corporation"),
        ("портал", "portal"),
        ("услугодател", "provider"),
        ("қызметті беруш", "provider"),
        ("аким", "akim"),
        ("әкім", "akim"),
    ];
    let mut found: Vec<(usize, &str)> = WORDS
        .iter()
        .filter_map(|(w, k)| n.find(w).map(|i| (i, *k)))
        .collect();
    found.sort();
    let mut kinds = Vec::new();
    for (_, k) in found {
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    kinds
}

/// A sentence opening the list of channels ("Прием заявления … осуществляются через:").
fn is_intake_sentence(t: &str) -> bool {
    let n = norm(t);
    (n.contains("прием заявлени")
        || n.contains("прием документов")
        || n.contains("өтінішті қабылдау")
        || n.contains("құжаттарды қабылдау"))
        && (n.contains("через") || n.contains("арқылы") || t.trim_end().ends_with(':'))
}

/// A paragraph listing the units taking part ("задействованы следующие … единицы",
/// "… бөлімшелерінің (қызметкерлерінің) тізбесі").
pub fn is_actor_list_head(t: &str) -> bool {
    let n = norm(t);
    t.trim_end().ends_with(':')
        && (n.contains("задействован")
            || n.contains("перечень")
            || n.contains("тізбесі")
            || n.contains("қатысатын")
            // "… берушінің мынадай қызметкерлері:", "участвуют следующие работники:"; not
            // "работник проверяет следующие документы:".
            || n.contains("мынадай қызметкер")
            || n.contains("мынадай бөлімше")
            || n.contains("следующие работник")
            || n.contains("следующие сотрудник")
            || n.contains("следующие структурн"))
        && (n.contains("единиц")
            || n.contains("подразделен")
            || n.contains("работник")
            || n.contains("бөлімше")
            || n.contains("қызметкер")
            || n.contains("сфе")
            || n.contains("құрылымдық"))
        && !n.contains("ақпараттық жүйе")
        && !n.contains("информационн")
}

/// The form of service from its paragraph.
pub fn form_of(t: &str) -> Option<&'static str> {
    let n = norm(t);
    let paper = n.contains("бумажн") || n.contains("қағаз");
    let el = n.contains("электрон");
    if n.contains("частично автоматизир") || n.contains("ішінара автоматтандырылған")
    {
        Some("partly-automated")
    } else if n.contains("полностью автоматизир") || n.contains("толық автоматтандырылған")
    {
        Some("fully-automated")
    } else if paper && el {
        Some("mixed")
    } else if paper {
        Some("paper")
    } else if el {
        Some("electronic")
    } else {
        None
    }
}

fn is_form_head(t: &str) -> bool {
    let n = norm(t);
    (n.starts_with("форма оказания государственной услуги")
        || n.contains("қызметті көрсету нысаны")
        || n.contains("қызмет көрсету нысаны"))
        && !n.contains("результат")
        && !n.contains("нәтиже")
}

fn is_result_head(t: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)^(?:результат(?:ом)? оказания государственной услуги\b(?: является)?\s*[:–-]?|мемлекеттік қызметті көрсету(?:дің)? нәтижесі\b\s*[:–-]?)\s*(.+)$",
    );
    let c = r.captures(t)?;
    let v = c[1].trim().trim_end_matches('.').trim().to_string();
    (!v.is_empty() && v.len() < 600).then_some(v)
}

fn provider_of(t: &str) -> Option<String> {
    static RU: OnceLock<Regex> = OnceLock::new();
    static KK: OnceLock<Regex> = OnceLock::new();
    let ru = re(
        &RU,
        r"оказывается\s+(.{5,400}?)\s*\(далее\s*[–—-]\s*услугодатель\)",
    );
    let kk = re(
        &KK,
        r"\(бұдан әрі\s*[–—-]\s*мемлекеттік көрсетілетін қызмет\)\s*(.{5,400}?)\s*\(\s*бұдан әрі\s*[–—-]\s*көрсетілетін қызметті беруші\)",
    );
    ru.captures(t).or_else(|| kk.captures(t)).map(|c| {
        c[1].trim()
            .trim_start_matches(['–', '-'])
            .trim()
            .to_string()
    })
}

fn is_deadline_head(t: &str) -> bool {
    let n = norm(t);
    // The term as the subject: "көрсету мерзімі", not "… көрсету мерзімін көрсете отырып"
    // (a step's words about another term).
    let kk = ["көрсету мерзімі", "көрсету мерзімдері"].iter().any(|w| {
        n.match_indices(w).any(|(i, _)| {
            !n[i + w.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
        })
    });
    n.contains("срок оказания") || n.contains("сроки оказания") || kk
}

fn is_footnote(t: &str) -> bool {
    t.starts_with("Сноска.") || t.starts_with("Ескерту.") || t.starts_with("Примечание.")
}

fn is_appendix_head(t: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(&R, r"^(?:Приложение\s*\d*|\d+\s*-\s*қосымша|қосымша\b)");
    r.is_match(t.trim()) || (t.len() < 200 && t.trim_end().ends_with("қосымша"))
}

fn todo(line: usize, what: &'static str, quote: &str) -> Todo {
    let quote: String = quote.chars().take(160).collect();
    Todo { line, what, quote }
}

/// A numbered paragraph and the lines under it.
struct Para<'a> {
    num: String,
    head: &'a Line,
    /// The head's text after the number.
    text: String,
    subs: Vec<&'a Line>,
}

/// Reads the whole act.
pub fn extract(src: &str) -> Draft {
    let lang = if is_kazakh(src) { Lang::Kk } else { Lang::Ru };
    let lines = logical_lines(src);
    let mut draft = Draft {
        lang,
        act: act_header(&lines),
        regs: Vec::new(),
        todos: Vec::new(),
    };
    // Regulation bodies: from a title heading to the first appendix heading after it.
    let mut starts = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !l.indented {
            if let Some(t) = regulation_title(&l.text) {
                starts.push((i, t));
            }
        }
    }
    let mut last_app_no = None;
    let mut app_cursor = 0;
    for (k, (i, title)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(lines.len(), |s| s.0);
        // The act's appendix number, from "Приложение N к постановлению" above the title.
        for l in &lines[app_cursor..*i] {
            if let Some(n) = act_appendix_number(&l.text) {
                last_app_no = Some(n);
            }
        }
        app_cursor = *i;
        let number = last_app_no.take().unwrap_or(k + 1);
        let mut body_end = end;
        let mut appendices = Vec::new();
        for (j, l) in lines.iter().enumerate().take(end).skip(i + 1) {
            if !l.indented && is_appendix_head(&l.text) {
                if body_end == end {
                    body_end = j;
                }
                if act_appendix_number(&l.text).is_none() {
                    appendices.push((l.no, l.text.clone()));
                }
            }
        }
        let mut reg = regulation(&lines[i + 1..body_end], lang);
        reg.number = number;
        reg.line = lines[*i].no;
        reg.title = Some(title.clone());
        reg.appendices = appendices;
        draft.regs.push(reg);
    }
    // An amending act restates paragraphs of another act's regulations: each is drafted from
    // what is restated.
    for reg in amended(&lines, lang) {
        let same = |r: &RegD| r.title.as_deref().map(norm) == reg.title.as_deref().map(norm);
        if !draft.regs.iter().any(same) {
            draft.regs.push(reg);
        }
    }
    draft.regs.sort_by_key(|r| (r.number, r.line));
    if draft.regs.is_empty() {
        draft.todos.push(todo(
            1,
            "no-regulation",
            lines.first().map_or("", |l| &l.text),
        ));
    }
    draft
}

/// The regulations an amending act restates paragraphs of. A line of the act naming a
/// regulation by its quoted title and ending in "… регламентінде" / "… регламенте" (or "в
/// регламенте … "…":") is followed by the amendments to it; the quoted text after "мынадай
/// редакцияда жазылсын" / "изложить в следующей редакции" or "мынадай мазмұндағы …
/// толықтырылсын" / "дополнить … следующего содержания" that opens with a paragraph number
/// ("2. …", "15-1. …") is that paragraph as amended, and the regulation is read from those
/// paragraphs alone. Its number is the appendix the act's list gives it ("10) осы бұйрыққа
/// 10-қосымшаға сәйкес "…" регламенті"), else one after the act's own.
fn amended(lines: &[Line], lang: Lang) -> Vec<RegD> {
    let mut targets: Vec<(usize, String, String)> = Vec::new();
    let mut order_para = String::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.trim();
        // The act's paragraph that makes the amendments ("1. … бұйрығына мынадай өзгерістер
        // енгізілсін:"); numbers inside quoted text are the other act's.
        if !t.starts_with(['"', '«']) {
            if let Some((num, rest)) = paragraph_head(t) {
                let n = norm(&rest);
                if n.contains("өзгеріс") || n.contains("изменени") {
                    order_para = num;
                }
            }
        }
        let n = norm(t);
        let names = n.ends_with("регламентінде")
            || n.ends_with("регламенте")
            || (n.contains("в регламенте") && t.ends_with(':'));
        if !names || t.starts_with(['"', '«']) || t.len() > 1000 {
            continue;
        }
        // The amendments follow: the next lines say how.
        let amends = lines.iter().skip(i + 1).take(3).any(|x| {
            let n = norm(&x.text);
            n.contains("редакцияда жазылсын")
                || n.contains("в следующей редакции")
                || n.contains("толықтырылсын")
                || n.contains("дополнить")
        });
        if let (true, Some(title)) = (amends, quoted(t)) {
            targets.push((i, title, order_para.clone()));
        }
    }
    let mut out = Vec::new();
    for (k, (i, title, cite)) in targets.iter().enumerate() {
        let end = targets.get(k + 1).map_or(lines.len(), |x| x.0);
        let mut body: Vec<Line> = Vec::new();
        let mut inside = false;
        let mut keep = false;
        for l in &lines[i + 1..end] {
            let t = l.text.trim();
            if !l.indented || (!inside && paragraph_head(t).is_some()) {
                break;
            }
            let mut text = t;
            if !inside {
                let Some(rest) = t.strip_prefix('"').or_else(|| t.strip_prefix('«')) else {
                    continue;
                };
                inside = true;
                keep = paragraph_head(rest).is_some();
                text = rest;
            }
            // The closing quote, and the order's punctuation after it; the paragraph's own
            // full stop stays.
            for c in ["\";", "\".", "\":", "\"", "»;", "».", "»:", "»"] {
                if let Some(x) = text.strip_suffix(c) {
                    text = x.trim_end();
                    inside = false;
                    break;
                }
            }
            if keep {
                body.push(Line {
                    no: l.no,
                    indented: true,
                    text: text.to_string(),
                });
            }
        }
        if body.is_empty() {
            continue;
        }
        let mut reg = regulation(&body, lang);
        // A channel the amendment lists but whose steps it does not restate (and no
        // procedure of the provider's to call) is in the unamended text: a TODO, not a
        // channel that does nothing.
        if reg.procedure.is_none() {
            let (kept, gone): (Vec<_>, Vec<_>) = std::mem::take(&mut reg.channels)
                .into_iter()
                .partition(|c| !c.items.is_empty());
            reg.channels = kept;
            for c in gone {
                reg.todos.push(Todo {
                    line: lines[*i].no,
                    what: "unrestated",
                    quote: format!("channel {} @{}", c.kind, c.cite),
                });
            }
        }
        reg.number = listed_appendix(lines, title).unwrap_or(0);
        reg.line = lines[*i].no;
        reg.title = Some(title.clone());
        reg.amended_by = Some(cite.clone()).filter(|c| !c.is_empty());
        out.push(reg);
    }
    out
}

/// The appendix number the act's list gives a regulation: "10) осы бұйрыққа 10-қосымшаға
/// сәйкес "…" регламенті" (the conversion may move "10-қосымшаға" into the title), "N)
/// … согласно приложению N …".
fn listed_appendix(lines: &[Line], title: &str) -> Option<usize> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(&R, r"(\d{1,3})\s*-\s*қосымшаға|приложению\s+(\d{1,3})");
    let want = norm(title);
    lines.iter().find_map(|l| {
        let c = r.captures(&l.text)?;
        let n = c.get(1).or(c.get(2))?;
        let clean = r.replace_all(&l.text, " ");
        let q = quoted(&clean)?;
        let got = norm(&q);
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        (squash(&got) == squash(&want)).then(|| n.as_str().parse().ok())?
    })
}

fn act_appendix_number(t: &str) -> Option<usize> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)^(?:Приложение\s+(\d+)\s+к\s+(?:постановлени|приказ|решени)|(?:.*(?:қаулысына|бұйрығына|шешіміне)\s+)?(\d+)\s*-\s*қосымша\s*$)",
    );
    let c = r.captures(t.trim())?;
    let n = c.get(1).or(c.get(2))?;
    // A Kazakh "N-қосымша" alone is the act's appendix only when it says whose.
    if c.get(2).is_some() && !(t.contains("қаулы") || t.contains("бұйрығ") || t.contains("шешім"))
    {
        return None;
    }
    n.as_str().parse().ok()
}

fn month_number(w: &str) -> Option<u32> {
    const RU: [&str; 12] = [
        "январ",
        "феврал",
        "март",
        "апрел",
        "ма",
        "июн",
        "июл",
        "август",
        "сентябр",
        "октябр",
        "ноябр",
        "декабр",
    ];
    const KK: [&str; 12] = [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ];
    let w = w.to_lowercase();
    if let Some(i) = KK.iter().position(|m| w.starts_with(m)) {
        return Some(i as u32 + 1);
    }
    if w == "мая" || w == "май" {
        return Some(5);
    }
    RU.iter()
        .position(|m| *m != "ма" && w.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// The act's title, kind, number, date and status from its first lines.
fn act_header(lines: &[Line]) -> ActD {
    let mut act = ActD::default();
    let mut title = Vec::new();
    for l in lines.iter().take(12) {
        let n = norm(&l.text);
        if n.starts_with("утративший силу") || n.starts_with("күшін жойған")
        {
            act.status = Some("repealed");
            break;
        }
        if n.starts_with("действующий") || n.starts_with("қолданыстағы") {
            act.status = Some("in-force");
            break;
        }
        if l.indented || title.len() > 4 {
            break;
        }
        title.push(l.text.clone());
    }
    if !title.is_empty() && act.status.is_some() {
        act.title = Some(title.join(" "));
    }
    static RU: OnceLock<Regex> = OnceLock::new();
    static KK: OnceLock<Regex> = OnceLock::new();
    let ru = re(
        &RU,
        r"^(Постановление|Приказ|Решение|Указ)\s.*?от\s+(\d{1,2})\s+(\S+)\s+(\d{4})\s+года\s+№\s*([\w/-]+)",
    );
    let kk = re(
        &KK,
        r"(\d{4})\s+жылғы\s+(\d{1,2})\s+(\S+?)(?:дағы|дегі|тағы|тегі)\s+№\s*([\w/-]+)\s+(қаулысы|бұйрығы|шешімі)",
    );
    for l in lines.iter().take(20) {
        let (kind, d, m, y, no) = if let Some(c) = ru.captures(&l.text) {
            (
                c[1].to_lowercase(),
                c[2].to_string(),
                c[3].to_string(),
                c[4].to_string(),
                c[5].to_string(),
            )
        } else if let Some(c) = kk.captures(&l.text) {
            (
                c[5].to_string(),
                c[2].to_string(),
                c[3].to_string(),
                c[1].to_string(),
                c[4].to_string(),
            )
        } else {
            continue;
        };
        let kind = match kind.as_str() {
            "қаулысы" => "қаулы".to_string(),
            "бұйрығы" => "бұйрық".to_string(),
            "шешімі" => "шешім".to_string(),
            k => k.to_string(),
        };
        act.kind = Some(kind);
        act.number = Some(no);
        if let (Some(mo), Ok(day)) = (month_number(&m), d.parse::<u32>()) {
            act.date = Some(format!("{y}-{mo:02}-{day:02}"));
        }
        act.line = l.no;
        break;
    }
    act
}

fn paragraphs(lines: &[Line]) -> Vec<Para<'_>> {
    let mut out: Vec<Para> = Vec::new();
    for l in lines {
        if !l.indented {
            continue;
        }
        if let Some((n, rest)) = paragraph_head(&l.text) {
            out.push(Para {
                num: n,
                head: l,
                text: rest,
                subs: Vec::new(),
            });
        } else if let Some(p) = out.last_mut() {
            if !is_footnote(&l.text) {
                p.subs.push(l);
            }
        }
    }
    out
}

/// Cuts a cap clause ("при этом максимально допустимое время …", "бұл ретте …") off an item:
/// its figure is a limit, not the step's time.
fn cut_cap(text: &str) -> (&str, Option<&str>) {
    for m in [", при этом", " при этом ", ", бұл ретте", " бұл ретте "]
    {
        if let Some(i) = text.find(m) {
            return (&text[..i], Some(&text[i..]));
        }
    }
    (text, None)
}

/// Reads one regulation's body.
fn regulation(lines: &[Line], lang: Lang) -> RegD {
    let mut reg = RegD::default();
    let paras = paragraphs(lines);
    // Actors first: the steps are read against them.
    for p in &paras {
        if is_actor_list_head(&p.text) && reg.listed_cite.is_none() {
            reg.listed_cite = Some(p.num.clone());
            for s in &p.subs {
                let name = s
                    .text
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c == ')' || c == ' ');
                let name = name.trim_end_matches(['.', ';', ',', ' ']).trim();
                // "… берушінің басшысы қатысады.": the list's sentence ends on its last line.
                let name = ["қатысады", "участвуют", "задействованы"]
                    .iter()
                    .find_map(|v| name.strip_suffix(v))
                    .map_or(name, |n| n.trim_end_matches([',', ' ']));
                let words = name.split_whitespace().count();
                if name.is_empty()
                    || words > 12
                    || name.chars().any(|c| c.is_ascii_digit())
                    || name.ends_with(':')
                {
                    reg.todos.push(todo(s.no, "actor", &s.text));
                    continue;
                }
                add_actor(&mut reg, name, &p.num, true);
            }
        }
    }
    for p in &paras {
        let all = std::iter::once(p.text.as_str()).chain(p.subs.iter().map(|s| s.text.as_str()));
        if reg.provider.is_none() {
            if let Some(v) = provider_of(&p.text) {
                reg.provider = Some((v, p.num.clone()));
            }
        }
        for t in all {
            if reg.form.is_none() && is_form_head(t) {
                match form_of(t) {
                    Some(f) => reg.form = Some((f, p.num.clone())),
                    None => reg.todos.push(todo(p.head.no, "form", t)),
                }
            }
            if reg.result.is_none() {
                if let Some(r) = is_result_head(t) {
                    reg.result = Some((r, p.num.clone()));
                }
            }
        }
        // The list of channels.
        let intake = std::iter::once((p.head, p.text.as_str()))
            .chain(p.subs.iter().map(|s| (*s, s.text.as_str())))
            .position(|(_, t)| is_intake_sentence(t));
        if let Some(at) = intake {
            if reg.channels.is_empty() {
                let lines: Vec<(&Line, &str)> = std::iter::once((p.head, p.text.as_str()))
                    .chain(p.subs.iter().map(|s| (*s, s.text.as_str())))
                    .collect();
                let (_, sentence) = lines[at];
                let mut kinds = Vec::new();
                let mut n = 0;
                for (l, t) in lines.iter().skip(at + 1) {
                    let Some((ItemKind::Step, num)) = item_head(t) else {
                        break;
                    };
                    n += 1;
                    // Each item names another channel: "… көрсетілетін қызметті беруші
                    // болмаған жағдайда – … ауылдық округ әкімі" is the akim, the provider
                    // being listed already.
                    let named = channel_kinds(strip_item_head(t));
                    match named
                        .iter()
                        .copied()
                        .find(|k| !kinds.iter().any(|(x, _)| x == k))
                    {
                        Some(k) => kinds.push((k, format!("{}.{}", p.num, num))),
                        None if !named.is_empty() => {}
                        None => reg.todos.push(todo(l.no, "channel", t)),
                    }
                }
                if n == 0 {
                    // The channels in the sentence itself: "… через услугодателя".
                    let tail = sentence.rsplit(" через ").next().unwrap_or(sentence);
                    for part in tail.split([',', ';']) {
                        if let Some(k) = channel_kind(part) {
                            if !kinds.iter().any(|(x, _)| *x == k) {
                                kinds.push((k, p.num.clone()));
                            }
                        }
                    }
                }
                for (k, cite) in kinds {
                    reg.channels.push(ChannelD {
                        kind: k,
                        cite,
                        items: Vec::new(),
                        calls_at: None,
                    });
                }
            }
        }
        cases(&mut reg, p);
        deadlines(&mut reg, p, lang);
    }
    if reg.channels.is_empty() {
        if let Some(p) = paras.first() {
            reg.todos.push(todo(p.head.no, "channels", &p.text));
        }
    }
    // Procedures, processes and conditions.
    for p in &paras {
        let items = items_of(&mut reg, p, lang);
        if items.is_empty() {
            continue;
        }
        let head = norm(&p.text);
        // "… қызметкерлері арасындағы рәсімнің (іс-қимылдың) жүйелілігі …", "последовательность
        // процедур между структурными подразделениями": the provider's procedure told again,
        // unit by unit, once it is read; no channel's steps.
        let between = (head.contains("арасындағы")
            && (head.contains("жүйелілігі") || head.contains("реттілігі")))
            || (head.contains("последовательност") && head.contains("между"));
        if between && reg.procedure.is_some() {
            reg.todos.push(todo(p.head.no, "sequence", &p.text));
            continue;
        }
        let target = if head.contains("портал") {
            Some("portal")
        } else if (head.contains("аким") || head.contains("әкім"))
            && reg.channels.iter().any(|c| c.kind == "akim")
        {
            Some("akim")
        } else if head.contains("корпорац")
            || items
                .iter()
                .any(|i| norm(&i.text).contains("корпорац") && i.kind != ItemKind::Step)
        {
            Some("state-corporation")
        } else {
            None
        };
        let exception = {
            let t = p.text.trim_end();
            t.ends_with(':')
                && (head.trim_end().ends_with("жағдайда") || head.starts_with("в случае"))
        };
        // One step, the paragraph's own (with the checks made before it).
        let opening = items
            .last()
            .is_some_and(|i| i.kind == ItemKind::Step && i.cite == p.num)
            && items
                .iter()
                .filter(|i| i.kind != ItemKind::Condition)
                .count()
                == 1;
        let timed = items.iter().filter(|i| !i.durations.is_empty()).count();
        let corp_items = items
            .iter()
            .filter(|i| norm(&i.text).contains("корпорац"))
            .count();
        let target = match target {
            Some(t) => Some(t),
            None if corp_items * 2 > items.len() => Some("state-corporation"),
            None => None,
        };
        match target {
            Some(kind) => {
                let provider_para = reg.procedure.as_ref().map(|(c, _)| c.clone());
                match reg.channels.iter_mut().find(|c| c.kind == kind) {
                    // A paragraph that is one step, its opening sentence, goes on with the
                    // channel's steps: it states no case.
                    // "13. … көрсетілетін қызметті берушіден қайтарылған жағдайда:": a paragraph
                    // headed by a condition alone is a branch of the channel's steps (a return,
                    // an error), not a case of the service; where it joins them is not read.
                    Some(ch) if exception && !ch.items.is_empty() => {
                        reg.todos.push(todo(p.head.no, "channel-items", &p.text));
                    }
                    Some(ch) if opening && !ch.items.is_empty() => {
                        ch.items.extend(items);
                    }
                    Some(ch) if ch.items.is_empty() => {
                        ch.calls_at = provider_para.and_then(|pp| {
                            items.iter().position(|i| refers_to_paragraph(&i.text, &pp))
                        });
                        ch.items = items;
                    }
                    // A second paragraph of steps through a channel that has its steps is
                    // another case of the service through it ("… ақпаратты алу …", then "…
                    // өтінішті … беру …"): a scenario with that channel, named by the
                    // paragraph's first sentence.
                    Some(_) if items.iter().any(|i| i.actor.is_some()) => {
                        let calls_at = provider_para.and_then(|pp| {
                            items.iter().position(|i| refers_to_paragraph(&i.text, &pp))
                        });
                        let title = p.text.split(". ").next().unwrap_or(&p.text);
                        let title = title.trim_end_matches(['.', ':']).trim().to_string();
                        reg.scenarios.push(ScenarioD {
                            title,
                            cite: p.num.clone(),
                            line: p.head.no,
                            deadlines: Vec::new(),
                            channels: vec![ChannelD {
                                kind,
                                cite: p.num.clone(),
                                items,
                                calls_at,
                            }],
                        });
                    }
                    _ => {
                        reg.todos.push(todo(p.head.no, "channel-items", &p.text));
                    }
                }
            }
            None if timed > 0 && reg.procedure.is_none() => {
                reg.procedure = Some((p.num.clone(), items));
            }
            None => {
                reg.todos.push(todo(p.head.no, "items", &p.text));
            }
        }
    }
    reg
}

fn refers_to_paragraph(text: &str, para: &str) -> bool {
    let n = norm(text);
    n.contains(&format!("пункте {para}"))
        || n.contains(&format!("пунктом {para}"))
        || n.contains(&format!("пункта {para}"))
        || n.contains(&format!("пункту {para}"))
        || n.contains(&format!("{para}-тармағында"))
        || n.contains(&format!("{para}-тармақта"))
}

fn add_actor(reg: &mut RegD, name: &str, cite: &str, listed: bool) -> usize {
    if let Some(i) = reg.actors.iter().position(|a| norm(&a.name) == norm(name)) {
        return i;
    }
    let mut id = slug(name, 3);
    if id.len() > 40 {
        id.truncate(40);
        id = id.trim_end_matches('_').to_string();
    }
    let base = id.clone();
    let mut k = 2;
    while reg.actors.iter().any(|a| a.id == id) {
        id = format!("{base}_{k}");
        k += 1;
    }
    reg.actors.push(ActorD {
        id,
        name: name.to_string(),
        kind: actor_kind(name),
        cite: cite.to_string(),
        listed,
    });
    reg.actors.len() - 1
}

/// The main clause after an opening clause of time or condition ("көрсетілетін қызметті алушы
/// барлық құжаттарды ұсынған кезде, …", "в случае обращения через портал, …"): who acts is
/// named there.
pub fn after_leading_clause(text: &str, lang: Lang) -> Option<&str> {
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .take(15)
        .collect();
    let end = match lang {
        Lang::Kk => words.iter().find_map(|(at, w)| {
            let n = norm(w);
            (n.ends_with("кезде") || n.ends_with("жағдайда")).then_some(at + w.len())
        })?,
        Lang::Ru => {
            let n = norm(text);
            if !["в случае ", "при ", "после "]
                .iter()
                .any(|w| n.starts_with(w))
            {
                return None;
            }
            words
                .iter()
                .find(|(_, w)| w.ends_with(','))
                .map(|(at, w)| at + w.len())?
        }
    };
    let rest = text[end..].trim_start_matches([',', ' ', '–', '-']);
    (!rest.is_empty()).then_some(rest)
}

/// Whether the opening clause names the State Corporation, the portal or an akim ("…
/// корпорацияға жүгінген кезде – 5 жұмыс күні"): the line is that channel's term, not a step.
fn names_a_remote_channel(text: &str, lang: Lang) -> bool {
    let Some(rest) = after_leading_clause(text, lang) else {
        return false;
    };
    let clause = &text[..text.len() - rest.len()];
    channel_kinds(clause).iter().any(|k| *k != "provider")
}

/// The actor an item starts with: the longest listed name, or the acting phrase; after an
/// opening clause, the one its main clause starts with.
fn find_actor(reg: &mut RegD, text: &str, cite: &str, lang: Lang, process: bool) -> Option<usize> {
    let body = strip_item_head(text);
    if let Some(a) = actor_at(reg, body, cite, lang, process) {
        return Some(a);
    }
    if let Some(rest) = after_leading_clause(body, lang) {
        if let Some(a) = actor_at(reg, rest, cite, lang, false) {
            return Some(a);
        }
    }
    if let Some(phrase) = last_clause_agent(body, lang) {
        return actor_at(reg, &phrase, cite, lang, false);
    }
    if !process {
        return None;
    }
    let name = verbal_noun_subject(&reg.actors, body, lang)?;
    Some(add_actor(reg, &name, cite, false))
}

/// Names whose genitive is the subject of a Kazakh verbal noun, besides the declared actors.
/// The longer form with "мемлекеттік" is the same term in full and wins where the act uses it.
const SUBJECTS_KK: &[&str] = &[
    "көрсетілетін қызметті алушы",
    "көрсетілетін қызметті беруші",
    "мемлекеттік көрсетілетін қызметті алушы",
    "мемлекеттік көрсетілетін қызметті беруші",
    "портал",
];

/// The subject of a Kazakh process worded as a verbal noun with the possessive ending
/// ("1-процесс – көрсетілетін қызметті алушының … парольді порталға енгізуі", "… хабарламаны
/// порталдың қалыптастыруы"): the name in the genitive nearest before the verbal noun that
/// ends the process's first clause, a declared actor's or the applicant's, the provider's or
/// the portal's. A process ending in the bare verbal noun ("… жіберу") names nobody so.
pub fn verbal_noun_subject(actors: &[ActorD], text: &str, lang: Lang) -> Option<String> {
    if lang != Lang::Kk {
        return None;
    }
    let body = text.split_once(" – ").map_or(text, |(_, b)| b);
    // Parentheses are asides ("(авторизациялау процесі)", "(қол қою)").
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in body.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let clause = plain.split([',', ';', '.', ':']).next()?;
    let words: Vec<&str> = clause.split_whitespace().collect();
    let last = norm(words.last()?);
    if !(last.ends_with("уы") || last.ends_with("уі")) || words.len() < 2 {
        return None;
    }
    let genitive = |w: &str| {
        ["ның", "нің", "дың", "дің", "тың", "тің"]
            .iter()
            .any(|e| norm(w).ends_with(e))
    };
    let at = words[..words.len() - 1].iter().rposition(|w| genitive(w))?;
    let names = actors
        .iter()
        .map(|a| a.name.as_str())
        .chain(SUBJECTS_KK.iter().copied());
    names
        .filter(|name| {
            let n = name.split_whitespace().count();
            at + 1 >= n && starts_with_name(&words[at + 1 - n..=at].join(" "), name) == Some(n)
        })
        .max_by_key(|name| name.split_whitespace().count())
        .map(str::to_string)
}

/// The agent of a list of verbal nouns named only in its last clause, as the subject of that
/// clause's verbal noun (Kazakh "құжаттарды қабылдау, …, құрылымдық бөлімше басшысының …
/// орындаушысын айқындауы – 1 жұмыс күні"): the genitive phrase before the agent noun, in the
/// nominative ("құрылымдық бөлімше басшысы"). Only when the clause ends in a verbal noun with
/// the possessive ending ("-уы", "-уі"), which is what makes the genitive its subject.
pub fn last_clause_agent(text: &str, lang: Lang) -> Option<String> {
    if lang != Lang::Kk {
        return None;
    }
    // The clause before the item's time ("… – 1 (бір) жұмыс күні ішінде").
    let head = text.split(" – ").next()?.trim_end_matches([';', '.', ' ']);
    let clause = head.rsplit(',').next()?.trim();
    if clause.len() == head.trim().len() || clause.contains(['(', ')', '"']) {
        return None;
    }
    let words: Vec<&str> = clause.split_whitespace().collect();
    let last = norm(words.last()?);
    if !(last.ends_with("уы") || last.ends_with("уі")) {
        return None;
    }
    let (i, nominative) = words.iter().enumerate().take(4).find_map(|(i, w)| {
        let n = norm(w);
        let stem = n.strip_suffix("ның").or_else(|| n.strip_suffix("нің"))?;
        let agent = AGENTS_KK.iter().any(|a| stem.starts_with(a))
            && (stem.ends_with('ы') || stem.ends_with('і'));
        agent.then(|| (i, stem.to_string()))
    })?;
    // The words before the agent noun qualify it; none of them is in the genitive, which
    // would make the agent noun whose ("берушінің маманының").
    let genitive = |w: &str| {
        ["ның", "нің", "дың", "дің", "тың", "тің"]
            .iter()
            .any(|e| norm(w).ends_with(e))
    };
    if words[..i].iter().any(|w| genitive(w)) || i + 2 > words.len() {
        return None;
    }
    let mut phrase: Vec<String> = words[..i].iter().map(|w| w.to_string()).collect();
    phrase.push(nominative);
    Some(phrase.join(" "))
}

fn actor_at(reg: &mut RegD, body: &str, cite: &str, lang: Lang, process: bool) -> Option<usize> {
    let best = reg
        .actors
        .iter()
        .enumerate()
        .filter_map(|(i, a)| starts_with_name(body, &a.name).map(|n| (n, i)))
        .max();
    // "жәрдемақы тағайындау жөніндегі функцияны жүзеге асыратын көрсетілетін қызметті беруші
    // бөлімінің (басқармасының) маманы …": a listed name after a Kazakh participle that
    // qualifies it is that unit.
    let best = best.or_else(|| {
        if lang != Lang::Kk {
            return None;
        }
        let words: Vec<(usize, &str)> = body
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - body.as_ptr() as usize, w))
            .take(8)
            .collect();
        let at = words.iter().find_map(|(at, w)| {
            let n = norm(w);
            ["атын", "етін", "йтын", "йтін", "ытын", "ітін"]
                .iter()
                .any(|e| n.ends_with(e))
                .then_some(at + w.len())
        })?;
        let rest = body[at..].trim_start();
        reg.actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.listed)
            .filter_map(|(i, a)| starts_with_name(rest, &a.name).map(|n| (n, i)))
            .max()
    });
    if let Some((_, i)) = best {
        // "Комиссия хатшысы" after "Комиссия" was declared: a longer acting phrase is
        // another actor, unless the name is the act's list's.
        let longer = !reg.actors[i].listed
            && leading_agent(body, lang).is_some_and(|p| {
                p.split_whitespace().count() > reg.actors[i].name.split_whitespace().count()
            });
        if !longer {
            return Some(i);
        }
    }
    // The act's list says "руководитель услугодателя", its procedures "руководство
    // услугодателя": the same name with the head noun derived from the same stem, when only
    // one listed name reads so.
    let related: Vec<usize> = reg
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.listed && starts_with_related_name(body, &a.name))
        .map(|(i, _)| i)
        .collect();
    if let [i] = related[..] {
        return Some(i);
    }
    let phrase = match leading_agent(body, lang) {
        Some(p) => p,
        None if process => mentioned_agent(body, lang)?,
        None => return None,
    };
    if let Some(i) = reg.actors.iter().position(|a| {
        starts_with_name(&phrase, &a.name).is_some() && starts_with_name(&a.name, &phrase).is_some()
    }) {
        return Some(i);
    }
    // "көрсетілетін қызметті беруші маманы" for the listed "… берушінің жауапты маманы": the
    // act left out a word of the name, when only one listed name reads so.
    let within: Vec<usize> = reg
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.listed && words_within(&phrase, &a.name))
        .map(|(i, _)| i)
        .collect();
    if let [i] = within[..] {
        return Some(i);
    }
    Some(add_actor(reg, &phrase, cite, false))
}

/// Whether every word of `phrase` is a word of `name`, in order, with one word of `name` at
/// most left out, and the last words the same.
fn words_within(phrase: &str, name: &str) -> bool {
    let p = norm(phrase);
    let n = norm(name);
    let pw: Vec<&str> = p.split(' ').collect();
    let nw: Vec<&str> = n.split(' ').collect();
    if pw.len() < 2 || nw.len() != pw.len() + 1 || !same_word(pw[pw.len() - 1], nw[nw.len() - 1]) {
        return false;
    }
    let mut j = 0;
    for w in &nw {
        if j < pw.len() && same_word(pw[j], w) {
            j += 1;
        }
    }
    j == pw.len()
}

/// "11. Мемлекеттік корпорация бөлімшесі … 2 (екі) жұмыс күні ішінде … қалыптастырады.", "12.
/// … келіп түскен күннен бастап Мемлекеттік корпорация филиалы 2 (екі) жұмыс күні ішінде:": a
/// paragraph whose lines carry no time and whose opening sentence names who acts, with one
/// time, is one step, cited by the paragraph (its lines are what the step holds).
fn opening_step(reg: &mut RegD, p: &Para, lang: Lang) -> Option<Item> {
    let sentence = p
        .text
        .split(". ")
        .next()?
        .trim()
        .trim_end_matches(['.', ':', ';'])
        .trim();
    let n = norm(sentence);
    // A term of the service ("… көрсету мерзімі", "срок оказания") is a deadline, not a step.
    if n.contains("мерзім") || n.contains("срок") {
        return None;
    }
    let durs = durations(sentence);
    if durs.len() != 1 || is_limit(sentence, &durs[0]) {
        return None;
    }
    // The actor opens the sentence, or its main clause after an opening clause of time
    // ("… келіп түскен күннен бастап …").
    let actor = find_actor(reg, sentence, &p.num, lang, false).or_else(|| {
        let at = sentence.find(" бастап ").filter(|_| lang == Lang::Kk)?;
        actor_at(reg, &sentence[at + " бастап ".len()..], &p.num, lang, false)
    })?;
    Some(Item {
        kind: ItemKind::Step,
        line: p.head.no,
        cite: p.num.clone(),
        text: sentence.to_string(),
        actor: Some(actor),
        durations: durs,
        alternatives: false,
        refusal: false,
        rejects: false,
        inherited: false,
    })
}

/// The checks among the untimed sub-paragraphs of a paragraph read as its opening step ("1) …
/// тағайындау фактісінің болмауына тексеруді жүзеге асырады, … болған кезде өтінішті
/// қабылдаудан бас тарту туралы қолхат береді;", "2) … толықтығын … тексереді;"): made before
/// the step, by whom the line introducing the list names ("Бұл ретте құжаттарды қабылдайтын
/// маман мынадай іс-қимылдарды жүзеге асырады:"); only under such a line.
fn opening_checks(reg: &mut RegD, p: &Para, lang: Lang) -> Vec<Item> {
    let mut out = Vec::new();
    let mut actor = None;
    for s in &p.subs {
        let t = s.text.trim();
        let Some((ItemKind::Step, num)) = item_head(t) else {
            // "… толық ұсынбаған … жағдайда өтінішті қабылдаудан бас тарту туралы қолхат береді."
            // after the list: what the last check that refuses nothing ends in when it fails.
            if is_conditional(t) && refuses_acceptance(t) {
                if let Some(last) = out.last_mut().filter(|i: &&mut Item| !i.rejects) {
                    last.rejects = true;
                    last.refusal = true;
                }
                continue;
            }
            if t.ends_with(':') {
                let body = ["Бұл ретте ", "При этом "]
                    .iter()
                    .find_map(|w| t.strip_prefix(w))
                    .unwrap_or(t);
                actor = find_actor(reg, body, &p.num, lang, false);
            }
            continue;
        };
        let text = strip_number(t)
            .trim()
            .trim_end_matches([';', '.', ','])
            .trim();
        let n = norm(text);
        // A list straight under the opening sentence is what the step holds.
        if actor.is_none() || !(n.contains("тексер") || n.contains("провер")) {
            continue;
        }
        out.push(Item {
            kind: ItemKind::Condition,
            line: s.no,
            cite: format!("{}.{}", p.num, num),
            text: text.to_string(),
            actor,
            durations: Vec::new(),
            alternatives: false,
            refusal: n.contains("отказ") || n.contains("бас тарт"),
            rejects: refuses_acceptance(text),
            inherited: false,
        });
    }
    out
}

fn items_of(reg: &mut RegD, p: &Para, lang: Lang) -> Vec<Item> {
    let mut items = Vec::new();
    let subs: Vec<&Line> = p.subs.clone();
    let any_timed = subs
        .iter()
        .any(|s| !durations(cut_cap(&s.text).0).is_empty());
    if !any_timed {
        if let Some(step) = opening_step(reg, p, lang) {
            let mut items = opening_checks(reg, p, lang);
            items.push(step);
            return items;
        }
    }
    let mut last_process_actor = None;
    let mut group: Option<String> = None;
    let abbreviations: Vec<(String, String)> = subs
        .iter()
        .flat_map(|s| defined_abbreviations(&s.text))
        .collect();
    let has_processes = subs.iter().any(|s| {
        matches!(
            item_head(&s.text),
            Some((ItemKind::Process | ItemKind::Condition, _))
        )
    });
    for s in subs {
        // A case's term heads the steps of that case; it is no step.
        if let Some((_, c)) = reg.case_lines.iter().find(|(l, _)| *l == s.no) {
            group = (*c != p.num).then(|| c.clone());
            continue;
        }
        let head = item_head(&s.text);
        let (text, cap) = cut_cap(&s.text);
        // Offsets of durations are into the text as kept (without its "N)").
        let text = strip_number(text)
            .trim()
            .trim_end_matches([';', '.', ','])
            .trim();
        let mut durs = durations(text);
        // "30 жұмыс күнінен аспайтын мерзімге", "не более 30 минут": a limit, not a time.
        let limits = durs.iter().filter(|d| is_limit(text, d)).count();
        if limits > 0 {
            reg.todos.push(todo(s.no, "cap", &s.text));
            durs.retain(|d| !is_limit(text, d));
            if durs.is_empty() && item_head(&s.text).is_none() {
                continue;
            }
        }
        let numbered = s
            .text
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
            && head.is_some()
            && s.text
                .split(')')
                .next()
                .is_some_and(|x| x.trim().chars().all(|c| c.is_ascii_digit()));
        // "1) для первичной регистрации:" heads a group of unnumbered lines: they are cited
        // by it (@5.1), and the heading itself is no step.
        if numbered
            && durs.is_empty()
            && matches!(head, Some((ItemKind::Step, _)))
            && s.text.trim_end().ends_with(':')
        {
            if let Some((_, n)) = &head {
                group = Some(format!("{}.{}", p.num, n));
            }
            continue;
        }
        let unnumbered_cite = group.clone().unwrap_or_else(|| p.num.clone());
        let (kind, cite) = match &head {
            Some((k, n)) if numbered => {
                group = None;
                (*k, format!("{}.{}", p.num, n))
            }
            Some((k, _)) => (*k, unnumbered_cite),
            None if !durs.is_empty() && any_timed => (ItemKind::Step, unnumbered_cite),
            None => {
                // "В случае … не полного пакета документов … не принимаются" under a numbered
                // procedure: the check that guards it, cited by it and made before it.
                let prev = items
                    .last()
                    .filter(|i: &&Item| i.kind == ItemKind::Step && i.cite != p.num);
                if let Some(prev) = prev.filter(|_| any_timed && is_conditional(text)) {
                    let check = Item {
                        kind: ItemKind::Condition,
                        line: s.no,
                        cite: prev.cite.clone(),
                        text: text.to_string(),
                        actor: prev.actor,
                        durations: Vec::new(),
                        alternatives: false,
                        refusal: true,
                        rejects: refuses_acceptance(text),
                        inherited: false,
                    };
                    let at = items.len() - 1;
                    items.insert(at, check);
                    continue;
                }
                // The same sentence in a list of processes ("… толық емес топтамасын ұсынған
                // жағдайда, … қабылдаудан бас тартады"): a check where it stands.
                if has_processes && is_conditional(text) {
                    let cite = group.clone().unwrap_or_else(|| p.num.clone());
                    let actor = find_actor(reg, &s.text, &cite, lang, true);
                    items.push(Item {
                        kind: ItemKind::Condition,
                        line: s.no,
                        cite,
                        text: text.to_string(),
                        actor,
                        durations: Vec::new(),
                        alternatives: false,
                        refusal: true,
                        rejects: refuses_acceptance(text),
                        inherited: false,
                    });
                    continue;
                }
                // A line of a procedure paragraph without a time: not read as a step.
                if any_timed && !s.text.trim_end().ends_with(':') {
                    reg.todos.push(todo(s.no, "untimed", &s.text));
                }
                continue;
            }
        };
        if kind == ItemKind::Step && durs.is_empty() && !any_timed {
            // Numbered lists that are not procedures (channels, documents).
            continue;
        }
        if cap.is_some_and(|c| !durations(c).is_empty()) {
            reg.todos.push(todo(s.no, "cap", &s.text));
        }
        if kind == ItemKind::Step && any_timed && durs.is_empty() {
            reg.todos.push(todo(s.no, "duration", &s.text));
        }
        let mut alternatives = false;
        for w in durs.windows(2) {
            let between = norm(&text[w[0].end..w[1].start]);
            if between
                .split(' ')
                .any(|x| x == "либо" || x == "или" || x == "немесе" || x == "не")
            {
                alternatives = true;
            }
        }
        let actor = find_actor(reg, &s.text, &cite, lang, kind != ItemKind::Step);
        // "условие 1 – проверка на портале …", "1-шарт – … порталда тексеру": the portal checks.
        let actor = match actor {
            None if kind == ItemKind::Condition && checked_on_portal(text) => {
                Some(add_actor(reg, "портал", &cite, false))
            }
            None if kind == ItemKind::Condition => checking_system(text)
                .or_else(|| checked_in_register(text, &abbreviations))
                .map(|name| add_actor(reg, &name, &cite, false)),
            a => a,
        };
        // A procedure that says what happens otherwise ("в случае неполного пакета … отказ")
        // is a condition the case passes or fails.
        let kind = if kind == ItemKind::Step && durs.len() <= 1 && is_conditional(text) {
            ItemKind::Condition
        } else {
            kind
        };
        // "услугополучатель подает документы оператору Государственной корпорации … В случае
        // неполного пакета … выдается расписка об отказе": the applicant does not check the
        // documents; the one receiving them does.
        let actor = match actor {
            Some(a) if kind == ItemKind::Condition && reg.actors[a].kind == "applicant" => {
                receiver(text)
                    .map(|name| {
                        reg.actors
                            .iter()
                            .position(|x| {
                                starts_with_name(&name, &x.name).is_some()
                                    && starts_with_name(&x.name, &name).is_some()
                            })
                            .unwrap_or_else(|| add_actor(reg, &name, &cite, false))
                    })
                    .or(Some(a))
            }
            a => a,
        };
        // "… барлық құжаттарды ұсынған кезде кіріс құжаттар журналында тіркейді": an opening
        // clause and a main clause naming nobody go on with the one acting before.
        // A lower-case line after a numbered sub-paragraph goes on with it (below), cited by it.
        let goes_on = items.last().is_some_and(|prev: &Item| {
            prev.kind == ItemKind::Step
                && prev.cite.starts_with(&format!("{}.", p.num))
                && text.starts_with(|c: char| c.is_lowercase())
        });
        let (actor, inherited_here) = match (actor, items.last()) {
            (None, Some(prev))
                if head.is_none()
                    && !goes_on
                    && after_leading_clause(text, lang).is_some()
                    && !names_a_remote_channel(text, lang) =>
            {
                (prev.actor, prev.actor.is_some())
            }
            (a, _) => (a, false),
        };
        // "3) … в течение 19 рабочих дней при принятии решения …;" then "при выдачи дубликата
        // удостоверения - в течение 4 рабочих дней": a line going on in lower case with
        // nobody named continues the sub-paragraph before it, by the same actor.
        let mut cite = cite;
        let mut continued = false;
        let (actor, inherited_here) = match (actor, items.last()) {
            (None, Some(prev))
                if head.is_none()
                    && prev.kind == ItemKind::Step
                    && prev.cite.starts_with(&format!("{}.", p.num))
                    && text.starts_with(|c: char| c.is_lowercase())
                    && !names_a_remote_channel(text, lang) =>
            {
                cite = prev.cite.clone();
                continued = true;
                (prev.actor, prev.actor.is_some())
            }
            (a, _) => (a, inherited_here),
        };
        // "… толық ұсынбаған … жағдайда өтінішті қабылдаудан бас тартады – 3 (үш) жұмыс күні
        // ішінде" after a sub-paragraph that names nobody: its check all the same (whose, a
        // TODO says).
        let check_of_sub = continued && kind == ItemKind::Condition;
        if check_of_sub && actor.is_none() {
            reg.todos.push(todo(s.no, "actor", &s.text));
        }
        if head.is_none() && actor.is_none() && !check_of_sub {
            // An unnumbered line with a time but nobody acting is often a deadline or a limit.
            reg.todos.push(todo(s.no, "unread", &s.text));
            continue;
        }
        // A list of processes describes one agent's work in an information system: a process
        // that names nobody ("направление запроса через ШЭП") is done by the one who did the
        // process before it.
        let mut actor = actor;
        let mut inherited = inherited_here;
        if kind == ItemKind::Process {
            match actor {
                Some(a) => last_process_actor = Some(a),
                None => {
                    actor = last_process_actor;
                    inherited = actor.is_some();
                }
            }
        }
        let n = norm(text);
        let refusal = n.contains("отказ") || n.contains("бас тарт");
        items.push(Item {
            kind,
            line: s.no,
            cite,
            text: text.to_string(),
            actor,
            durations: durs,
            alternatives,
            refusal,
            rejects: refuses_acceptance(text),
            inherited,
        });
    }
    // Numbered lines with times of which none names an actor are a list of terms ("1) выдача
    // удостоверения – 20 рабочих дней"), not a procedure: they are left to a person.
    let sub = format!("{}.", p.num);
    let numbered = |i: &Item| i.kind == ItemKind::Step && i.cite.starts_with(&sub);
    // A list of terms by case ("1) … – 20 (жиырма) жұмыс күнi;") is read as scenarios: its
    // items without a term are no steps either.
    let cases_here = reg.case_lines.iter().any(|(l, c)| {
        c.starts_with(&sub)
            && p.subs
                .iter()
                .any(|s| s.no == *l && item_head(&s.text).is_some())
    });
    if (cases_here || items.iter().any(|i| numbered(i) && !i.durations.is_empty()))
        && !items.iter().any(|i| numbered(i) && i.actor.is_some())
    {
        for i in items.iter().filter(|i| numbered(i)) {
            reg.todos.push(todo(i.line, "unread", &i.text));
        }
        items.retain(|i| !numbered(i));
        // A check that guarded one of them ("… толық емес топтамасын … бас тартады") guards
        // what the paragraph does: it is cited by the paragraph.
        for i in items.iter_mut() {
            if i.kind == ItemKind::Condition && i.cite.starts_with(&sub) {
                i.cite = p.num.clone();
            }
        }
    }
    items
}

/// The two results a step prepares, the service's result "or" a reasoned refusal ("оформляет
/// уведомление или мотивированный ответ об отказе", "хабарламаны немесе … бас тарту туралы
/// дәлелді жауапты дайындайды"): the answers of the decision it makes, as the act words them.
pub fn result_or_refusal(text: &str) -> Option<(String, String)> {
    static RU: OnceLock<Regex> = OnceLock::new();
    static KK: OnceLock<Regex> = OnceLock::new();
    let ru = re(
        &RU,
        r"(?i)(\w+)\s+(?:или|либо)\s+(мотивированн\w*\s+(?:ответ\w*\s+об\s+отказе|отказ\w*))",
    );
    let kk = re(
        &KK,
        r"(?i)(\w+)\s+немесе\s+[^;.]{0,160}?(дәлелді\s+жауап\w*)|(дәлелді\s+жауап\w*)\s+немесе\s+(\w+)",
    );
    // A decision between giving and refusing ("анықтаманы беру не … беруден бас тарту туралы
    // шешім қабылдайды"): its two answers.
    static KK_DECISION: OnceLock<Regex> = OnceLock::new();
    let kk_decision = re(
        &KK_DECISION,
        r"(?i)(\w+\s+беру)\s+(?:не|немесе)\s+([^;.]{0,160}?бас\s+тарту)\s+туралы\s+шешім\s+қабылда",
    );
    if let Some(c) = ru.captures(text) {
        return Some((c[1].to_string(), c[2].to_string()));
    }
    if let Some(c) = kk_decision.captures(text) {
        return Some((c[1].to_string(), c[2].to_string()));
    }
    let c = kk.captures(text)?;
    match (c.get(1), c.get(2), c.get(3), c.get(4)) {
        (Some(a), Some(b), _, _) => Some((a.as_str().to_string(), b.as_str().to_string())),
        (_, _, Some(b), Some(a)) => Some((a.as_str().to_string(), b.as_str().to_string())),
        _ => None,
    }
}

/// Whether a time is a limit ("не более 15 минут", "30 жұмыс күнінен аспайтын", "5 жұмыс күні
/// мерзіміне") rather than how long a step takes.
fn is_limit(text: &str, d: &Dur) -> bool {
    let before = norm(text.get(..d.start).unwrap_or(""));
    let after = norm(text.get(d.end..).unwrap_or(""));
    let next = after.split(' ').next().unwrap_or("");
    ["не более", "не позднее", "не превыша", "не превыш"]
        .iter()
        .any(|w| before.ends_with(w))
        || ["аспайтын", "мерзімге", "мерзіміне", "мерзімге дейін"].contains(&next)
}

/// Who receives the documents (Russian): "… подает документы оператору Государственной
/// корпорации" (the dative), else who issues the refusal ("оператором Государственной
/// корпорации выдается"), as a nominative name.
fn receiver(text: &str) -> Option<String> {
    const NOUNS: &[&str] = &[
        "оператор",
        "работник",
        "сотрудник",
        "специалист",
        "инспектор",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    let find = |endings: &[&str]| {
        words.iter().enumerate().find_map(|(i, w)| {
            let n = norm(w);
            NOUNS
                .iter()
                .find(|s| endings.iter().any(|e| n == format!("{s}{e}")))
                .map(|s| (i, *s))
        })
    };
    let (i, noun) = find(&["у"]).or_else(|| find(&["ом"]))?;
    let mut phrase = vec![noun.to_string()];
    for w in words.iter().skip(i + 1).take(3) {
        let upper = w.chars().next().is_some_and(char::is_uppercase);
        let n = norm(w);
        let genitive = ["ой", "ии", "ции", "ого"].iter().any(|e| n.ends_with(e));
        if !(upper || genitive) || w.contains(['(', ')']) {
            break;
        }
        let ends = w.ends_with([',', ';', '.']);
        phrase.push(w.trim_end_matches([',', ';', '.']).to_string());
        if ends {
            break;
        }
    }
    Some(phrase.join(" "))
}

/// A check made on the portal ("проверка на портале", "порталда тексеру").
fn checked_on_portal(text: &str) -> bool {
    let n = norm(text);
    (n.contains("проверка на портале") || n.contains("на портале проверка"))
        || (n.contains("порталда") && n.contains("тексер"))
}

/// The information system a check is made in ("… Мемлекеттік корпорацияның АЖ-да тексеру",
/// "… ақпараттық жүйесінде тексеру"), as a name in the nominative.
fn checking_system(text: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"((?:\p{L}+\s+)?\p{L}+(?:ның|нің))\s+(АЖ|ақпараттық\s+жүйесі)(?:-да|-де|нде)\s+тексер",
    );
    let c = r.captures(text)?;
    Some(format!("{} {}", &c[1], &c[2]))
}

/// The abbreviations a text defines, with the words they stand for: "национальный реестр
/// индивидуальных идентификационных номеров (далее – НР ИИН)" (the words whose initials spell
/// the abbreviation).
pub fn defined_abbreviations(text: &str) -> Vec<(String, String)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(&R, r"\((?:далее|бұдан әрі)\s*[-–—]\s*([\p{Lu}\s]{2,12})\)");
    let mut out = Vec::new();
    for c in r.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let abbr: Vec<char> = c[1].chars().filter(|ch| !ch.is_whitespace()).collect();
        let before: Vec<&str> = text[..m.start()].split_whitespace().collect();
        if abbr.len() < 2 || before.len() < abbr.len() {
            continue;
        }
        let words = &before[before.len() - abbr.len()..];
        let spelled = words.iter().zip(&abbr).all(|(w, a)| {
            w.trim_start_matches(['"', '«'])
                .chars()
                .next()
                .is_some_and(|f| f.to_uppercase().eq(a.to_uppercase()))
        });
        if spelled {
            let name = words.join(" ").replace(['"', '«', '»'], "");
            out.push((c[1].trim().to_string(), name));
        }
    }
    out
}

/// The register a check looks in ("проверка наличия данных … в НР ИИН"), by the words its
/// abbreviation stands for.
fn checked_in_register(text: &str, abbreviations: &[(String, String)]) -> Option<String> {
    let n = norm(text);
    if !n.contains("проверка") {
        return None;
    }
    abbreviations
        .iter()
        .find(|(a, _)| n.contains(&format!(" в {}", norm(a))))
        .map(|(_, name)| name.clone())
}

/// A refusal to accept the documents, as opposed to the service's refusal a step decides on.
pub fn refuses_acceptance(text: &str) -> bool {
    let n = norm(text);
    n.contains("не принима")
        || n.contains("қабылдаудан бас тарт")
        || n.contains("возвраща")
        || n.contains("қайтар")
        || (n.contains("отказ") && n.contains("в прием"))
}

/// A clause of condition and a refusal in one sentence.
pub fn is_conditional(text: &str) -> bool {
    let n = norm(text);
    let general = ["в случае", "если", "жағдайда", "болған кезде"]
        .iter()
        .any(|w| n.contains(w))
        && ["отказ", "не принима", "бас тарт", "қайтар", "возвра"]
            .iter()
            .any(|w| n.contains(w));
    // "… топтамасын тапсырған кезде … өтінішті қабылдаудан бас тартады": "when" with a refusal
    // to accept (a bare "бас тарту" there is often the reasoned refusal a step prepares).
    general || (n.contains(" кезде") && n.contains("қабылдаудан бас тарт"))
}

/// "1-кезең: …", "2-этап: …": a stage of the sub-paragraph above it.
fn stage_label(text: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)^(?:\d{1,2}\s*-\s*(?:кезең|этап)|этап\s*\d{1,2})\s*:",
    )
    .is_match(text.trim())
}

/// The case and its one term of a line "CASE – … TERM": the words before the first dash, and
/// the one duration after it ("… – 11 (он бір) жұмыс күні ішінде, оның 10 (он) жұмыс күні …":
/// what follows "оның"/"из них" is a part of the term, not another term).
fn case_and_term(text: &str) -> Option<(String, Dur)> {
    let (case, rest) = [" – ", " — ", " - "]
        .iter()
        .filter_map(|d| text.find(d).map(|i| (i, d.len())))
        .min()
        .map(|(i, l)| (&text[..i], &text[i + l..]))?;
    let rest = [", оның ", ", из них "]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
        .map_or(rest, |i| &rest[..i]);
    if !durations(case).is_empty() {
        return None;
    }
    let mut d = durations(rest);
    if d.len() != 1 || is_limit(rest, &d[0]) {
        return None;
    }
    let case = case.trim().trim_end_matches([':', ',']).trim();
    (!case.is_empty() && case.split_whitespace().count() <= 40)
        .then(|| (case.to_string(), d.remove(0)))
}

/// Cases with terms of their own: a deadlines paragraph ("… көрсету мерзімдері:") whose items
/// each name a case and a term, or, in any paragraph, a line heading a group of steps with a
/// term ("1-кезең: … – 8 (сегіз) жұмыс күні ішінде:", "2) … – 6 (алты) жұмыс күні:"). Each
/// case is a scenario with that deadline; the same case stated again in another paragraph (its
/// term through another channel) is the same scenario. A group heading without a time ("1)
/// рұқсатты беру:") names the cases of its stages; a heading without a number after the first
/// case ("корпоративішілік ауыстыру шеңберінде:") opens a second list, whose cases it names.
fn cases(reg: &mut RegD, p: &Para) {
    let lines: Vec<(usize, &str)> = std::iter::once((p.head.no, p.text.as_str()))
        .chain(p.subs.iter().map(|s| (s.no, s.text.as_str())))
        .collect();
    // The deadlines list: after a term line ending in ':' with no figure of its own.
    let list_head = lines.iter().position(|(_, t)| {
        is_deadline_head(t) && t.trim_end().ends_with(':') && durations(t).is_empty()
    });
    let remote = |k: Option<&'static str>| k.filter(|k| *k != "provider" && *k != "akim");
    let list_channel = list_head.and_then(|i| {
        let t = lines[i].1;
        let n = norm(t);
        let applying = n.contains("сдачи")
            || n.contains("обращени")
            || n.contains("тапсырған")
            || n.contains("жүгін");
        remote(channel_kind(t)).or_else(|| channel_kind(t).filter(|_| applying))
    });
    let mut open = false;
    let mut heading: Option<(String, String)> = None;
    let mut second: Option<String> = None;
    let mut found = 0;
    // Scenarios given a term in this paragraph: a case stated twice here is another case.
    let mut here: Vec<usize> = Vec::new();
    for (i, (no, t)) in lines.iter().enumerate() {
        if Some(i) == list_head {
            open = true;
            continue;
        }
        if i == 0 {
            continue;
        }
        let t = t.trim();
        let in_list = open && list_head.is_some_and(|h| i > h);
        let head = item_head(t).filter(|(k, _)| *k == ItemKind::Step);
        let body = strip_number(t).trim();
        let ends_group = t.ends_with(':');
        if durations(t).is_empty() {
            if ends_group {
                match &head {
                    Some((_, n)) => {
                        heading = Some((body.trim_end_matches(':').trim().to_string(), n.clone()))
                    }
                    None if found > 0 => {
                        second = Some(body.trim_end_matches(':').trim().to_string());
                        heading = None;
                    }
                    None => {}
                }
            } else if in_list && head.is_none() {
                open = false;
            }
            continue;
        }
        let stage = stage_label(body);
        if !(in_list || ends_group || stage) {
            if open && head.is_none() {
                open = false;
            }
            continue;
        }
        let Some((case, dur)) = case_and_term(body) else {
            continue;
        };
        if head.is_some() {
            heading = None;
        }
        let mut title = case;
        let mut num = head.as_ref().map(|(_, n)| n.clone());
        if stage {
            if let Some((h, n)) = &heading {
                title = format!("{h}, {title}");
                num = Some(n.clone());
            }
        }
        if let Some(g) = &second {
            // A second list restarts its numbering: its items are cited by the paragraph.
            title = format!("{g} {title}");
            num = None;
        }
        let cite = num.map_or_else(|| p.num.clone(), |n| format!("{}.{}", p.num, n));
        let channel = if in_list { list_channel } else { None };
        let key = norm(&title);
        let at = reg
            .scenarios
            .iter()
            .position(|s| norm(&s.title) == key)
            .filter(|at| !here.contains(at));
        let at = match at {
            Some(at) => at,
            None => {
                reg.scenarios.push(ScenarioD {
                    title: title.clone(),
                    cite: cite.clone(),
                    line: *no,
                    deadlines: Vec::new(),
                    channels: Vec::new(),
                });
                reg.scenarios.len() - 1
            }
        };
        here.push(at);
        reg.scenarios[at].deadlines.push(DeadlineD {
            channel,
            dur,
            cite: cite.clone(),
            line: *no,
            quote: t.chars().take(160).collect(),
        });
        reg.case_lines.push((*no, cite.clone()));
        found += 1;
        // The list goes on while its lines end a clause, not a sentence.
        if in_list && t.ends_with('.') {
            open = false;
        }
    }
}

fn deadlines(reg: &mut RegD, p: &Para, lang: Lang) {
    let lines: Vec<(usize, &str)> = std::iter::once((p.head.no, p.text.as_str()))
        .chain(p.subs.iter().map(|s| (s.no, s.text.as_str())))
        .collect();
    let whole = is_deadline_head(&p.text);
    for (no, t) in lines {
        if reg.case_lines.iter().any(|(l, _)| *l == no) {
            continue;
        }
        // "аудандық Мемлекеттік корпорацияға жүгінген кезде … – 5 (бес) жұмыс күні ішінде": a
        // line that opens with applying to a channel and names nobody is that channel's term.
        let applying_line = {
            let n = norm(t);
            (n.contains("жүгін") || n.contains("обращени"))
                && names_a_remote_channel(t, lang)
                && !reg.actors.iter().any(|a| {
                    after_leading_clause(t, lang)
                        .is_some_and(|rest| starts_with_name(rest, &a.name).is_some())
                })
        };
        if !whole && !is_deadline_head(t) && !applying_line {
            continue;
        }
        let d = durations(t);
        if d.is_empty() {
            continue;
        }
        let n = norm(t);
        if n.contains("ожидани")
            || n.contains("обслуживани")
            || n.contains("күту")
            || n.contains("қызмет көрсетудің рұқсат")
        {
            continue;
        }
        if d.len() > 1 {
            reg.todos.push(todo(no, "deadline", t));
            continue;
        }
        if n.contains("продлева") || n.contains("ұзарт") {
            reg.todos.push(todo(no, "extension", t));
            continue;
        }
        // The State Corporation or the portal named in the line, or in the paragraph's head
        // (a paragraph about that channel); the provider only where the line says "on
        // applying to" it, since the provider is named in most sentences as the one acting.
        let remote = |k: Option<&'static str>| k.filter(|k| *k != "provider" && *k != "akim");
        let applying = n.contains("сдачи")
            || n.contains("обращени")
            || n.contains("тапсырған")
            || n.contains("жүгін");
        let channel = remote(channel_kind(t))
            .or_else(|| channel_kind(t).filter(|_| applying))
            .or_else(|| remote(channel_kind(&p.text)));
        let dur = d.into_iter().next().expect("one");
        if reg
            .deadlines
            .iter()
            .any(|x| x.channel == channel && x.dur.value == dur.value && x.dur.unit == dur.unit)
        {
            continue;
        }
        reg.deadlines.push(DeadlineD {
            channel,
            dur,
            cite: p.num.clone(),
            line: no,
            quote: t.chars().take(160).collect(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_keep_words() {
        let d =
            durations("регистрирует в течение 30 (тридцати) минут и за 1 (одного) рабочего дня");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].render(), "30 (тридцати) min");
        assert_eq!(d[1].render(), "1 (одного) wd");
        let d = durations("тіркейді – 4 (төрт) сағат; 5 (бес) жұмыс күні ішінде, 15 минуттан");
        let r: Vec<String> = d.iter().map(Dur::render).collect();
        assert_eq!(r, ["4 (төрт) h", "5 (бес) wd", "15 min"]);
        assert!(durations("в течение 10 дней").is_empty());
        let d = durations("в течении 15 (пункте 9 пятнадцати) минут");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].render(), "15 (пятнадцати) min");
    }

    #[test]
    fn results_or_refusals() {
        assert_eq!(
            result_or_refusal("оформляет уведомление или мотивированный ответ об отказе"),
            Some((
                "уведомление".into(),
                "мотивированный ответ об отказе".into()
            ))
        );
        assert_eq!(
            result_or_refusal("хабарламаны немесе мемлекеттік қызметті көрсетуден бас тарту туралы дәлелді жауапты дайындайды"),
            Some(("хабарламаны".into(), "дәлелді жауапты".into()))
        );
        assert_eq!(
            result_or_refusal("бас тарту туралы дәлелді жауапты немесе хабарламаны дайындайды"),
            Some(("хабарламаны".into(), "дәлелді жауапты".into()))
        );
        assert_eq!(result_or_refusal("выдает уведомление"), None);
        // A decision between giving and refusing is one; a protocol of it is not.
        assert_eq!(
            result_or_refusal(
                "басшылығы анықтаманы беру не оны беруден бас тарту туралы шешім қабылдайды"
            ),
            Some(("анықтаманы беру".into(), "оны беруден бас тарту".into()))
        );
        assert_eq!(
            result_or_refusal(
                "анықтаманы беру не оны беруден бас тарту туралы шешімінің хаттамасын жасайды"
            ),
            None
        );
    }

    #[test]
    fn abbreviations_are_spelled_by_their_words() {
        assert_eq!(
            defined_abbreviations("запрос в национальный реестр индивидуальных идентификационных номеров (далее – НР ИИН) о данных"),
            [(
                "НР ИИН".to_string(),
                "национальный реестр индивидуальных идентификационных номеров".to_string()
            )]
        );
        assert!(defined_abbreviations("в информационную систему (далее – ИС ГК)").is_empty());
    }

    #[test]
    fn cases_and_their_terms() {
        let (c, d) = case_and_term(
            "2-кезең: рұқсатты беру – 11 (он бір) жұмыс күні ішінде, оның 10 (он) жұмыс күні ішінде береді",
        )
        .expect("a case");
        assert_eq!(c, "2-кезең: рұқсатты беру");
        assert_eq!((d.value, d.unit), (11, "wd"));
        let (c, d) = case_and_term("куәлiк беру – шешiм қабылданғаннан кейiн - 5 (бес) жұмыс күнi")
            .expect("a case");
        assert_eq!((c.as_str(), d.value), ("куәлiк беру", 5));
        // Two terms, a limit, or no dash: no case.
        assert!(case_and_term("беру – 5 (бес) жұмыс күні немесе 3 (үш) жұмыс күні").is_none());
        assert!(case_and_term("беру – не более 15 минут").is_none());
        assert!(case_and_term("маманы 5 (бес) жұмыс күні ішінде тексереді").is_none());
        assert!(stage_label(
            "1-кезең: рұқсатты беру – 8 (сегіз) жұмыс күні ішінде:"
        ));
        assert!(!stage_label("1) рұқсатты беру:"));
    }

    #[test]
    fn item_heads() {
        assert_eq!(
            item_head("1) специалист"),
            Some((ItemKind::Step, "1".into()))
        );
        assert_eq!(
            item_head("процесс 3 – проверка"),
            Some((ItemKind::Process, "3".into()))
        );
        assert_eq!(
            item_head("3-процесс – тексеру"),
            Some((ItemKind::Process, "3".into()))
        );
        assert_eq!(
            item_head("условие 2 – проверка"),
            Some((ItemKind::Condition, "2".into()))
        );
        assert_eq!(
            item_head("2-шарт - тексеру"),
            Some((ItemKind::Condition, "2".into()))
        );
        assert_eq!(item_head("специалист"), None);
    }

    #[test]
    fn titles() {
        assert_eq!(
            regulation_title("Регламент государственной услуги \"Выдача справки\""),
            Some("Выдача справки".into())
        );
        assert_eq!(
            regulation_title(
                "\"Оралман мәртебесін беру\" мемлекеттік көрсетілетін қызмет регламенті"
            ),
            Some("Оралман мәртебесін беру".into())
        );
        assert_eq!(regulation_title("Регламентом установлено"), None);
    }

    #[test]
    fn names_match_across_case_endings() {
        assert_eq!(
            starts_with_name(
                "специалист услугодателя регистрирует",
                "специалист услугодателя"
            ),
            Some(2)
        );
        assert_eq!(
            starts_with_name(
                "руководитель отдела услугодателя",
                "руководитель услугодателя"
            ),
            None
        );
        assert_eq!(
            starts_with_name(
                "көрсетілетін қызметті берушінің маманы тіркейді",
                "көрсетілетін қызметті берушінің маманы"
            ),
            Some(4)
        );
    }

    #[test]
    fn agents_named_in_other_cases() {
        assert_eq!(
            mentioned_agent("ввод оператором Государственной корпорации в АРМ", Lang::Ru),
            Some("оператор Государственной корпорации".into())
        );
        assert_eq!(
            mentioned_agent("направление запроса через шлюз", Lang::Ru),
            None
        );
        assert_eq!(
            mentioned_agent(
                "Мемлекеттік корпорация қызметкерінің мемлекеттік қызметті таңдауы",
                Lang::Kk
            ),
            Some("Мемлекеттік корпорация қызметкері".into())
        );
    }

    #[test]
    fn the_subject_of_a_verbal_noun() {
        let subject = |t: &str| verbal_noun_subject(&[], t, Lang::Kk);
        assert_eq!(
            subject("1-процесс – көрсетілетін қызметті алушының қызметті алу үшін ЖСН мен парольді порталға енгізуі (авторизациялау процесі)"),
            Some("көрсетілетін қызметті алушы".into())
        );
        // The genitive nearest the verbal noun is its subject; the one before is whose.
        assert_eq!(
            subject("2-процесс – көрсетілетін қызметті алушының деректерінде бас тарту туралы хабарламаны порталдың қалыптастыруы"),
            Some("портал".into())
        );
        // The bare verbal noun names nobody.
        assert_eq!(
            subject("6-процесс – көрсетілетін қызметті алушының құжатын жіберу"),
            None
        );
    }

    #[test]
    fn an_agent_named_in_the_last_clause() {
        assert_eq!(
            last_clause_agent(
                "құжаттарды қабылдау, тіркеу, құрылымдық бөлімше басшысының өтінішті қарау үшін орындаушысын айқындауы – 1 (бір) жұмыс күні ішінде",
                Lang::Kk
            ),
            Some("құрылымдық бөлімше басшысы".into())
        );
        // No verbal noun of the agent at the end: the genitive is whose, not who.
        assert_eq!(
            last_clause_agent(
                "құжаттарды қабылдау, бөлімше басшысының қарауына жіберу – 1 (бір) жұмыс күні",
                Lang::Kk
            ),
            None
        );
        // One clause only: nothing is named after the list.
        assert_eq!(
            last_clause_agent(
                "бөлімше басшысының орындаушысын айқындауы – 1 (бір) жұмыс күні",
                Lang::Kk
            ),
            None
        );
    }

    #[test]
    fn acting_phrases() {
        assert_eq!(
            leading_agent(
                "работник Государственной корпорации принимает документы",
                Lang::Ru
            ),
            Some("работник Государственной корпорации".into())
        );
        assert_eq!(leading_agent("документы принимаются", Lang::Ru), None);
        assert_eq!(
            leading_agent(
                "Мемлекеттік корпорация қызметкері құжаттарды қабылдайды",
                Lang::Kk
            ),
            Some("Мемлекеттік корпорация қызметкері".into())
        );
        assert_eq!(
            leading_agent(
                "Мемлекеттік корпорация қызметкерінің авторландыру",
                Lang::Kk
            ),
            None
        );
    }

    #[test]
    fn channels_forms_and_actor_lists() {
        assert_eq!(
            channel_kind("некоммерческое акционерное общество \"Государственная корпорация\""),
            Some("state-corporation")
        );
        assert_eq!(
            channel_kind("веб-портал \"электронного правительства\""),
            Some("portal")
        );
        assert_eq!(
            channel_kind("көрсетілетін қызметті беруші арқылы"),
            Some("provider")
        );
        assert_eq!(
            form_of("Форма оказания государственной услуги - бумажная."),
            Some("paper")
        );
        assert_eq!(
            form_of(
                "Мемлекеттік қызметті көрсету нысаны: электрондық және (немесе) қағаз түрінде."
            ),
            Some("mixed")
        );
        assert!(is_actor_list_head("В процессе оказания государственной услуги задействованы следующие структурно-функциональные единицы (далее – СФЕ):"));
        assert!(is_actor_list_head(
            "Көрсетілетін қызметті берушінің құрылымдық бөлімшелерінің (қызметкерлерінің) тізбесі:"
        ));
    }

    #[test]
    fn a_small_act_in_russian() {
        let src = "Регламент государственной услуги \"Выдача справки\"\n\n1. Общие положения\n\n      1. Государственная услуга оказывается отделом (далее – услугодатель).\n      Прием заявления и выдача результата осуществляются через:\n      1) услугодателя;\n      2) Государственную корпорацию.\n      2. Форма оказания государственной услуги: бумажная.\n      3. Содержание каждой процедуры:\n      1) специалист услугодателя принимает документы – 15 (пятнадцать) минут;\n      2) руководитель услугодателя подписывает справку – 1 (один) час либо 1 (один) рабочий день.\n      4. В процессе оказания государственной услуги задействованы следующие структурно-функциональные единицы:\n      специалист услугодателя;\n      руководитель услугодателя.\n";
        let d = extract(src);
        assert_eq!(d.lang, Lang::Ru);
        let r = &d.regs[0];
        assert_eq!(r.title.as_deref(), Some("Выдача справки"));
        assert_eq!(r.form.as_ref().map(|f| f.0), Some("paper"));
        assert_eq!(
            r.channels.iter().map(|c| c.kind).collect::<Vec<_>>(),
            ["provider", "state-corporation"]
        );
        let (cite, items) = r.procedure.as_ref().expect("procedure");
        assert_eq!(cite, "3");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].cite, "3.1");
        assert_eq!(
            r.actors[items[0].actor.unwrap()].name,
            "специалист услугодателя"
        );
        assert!(items[1].alternatives);
    }

    #[test]
    fn a_small_act_in_kazakh() {
        let src = "\"Анықтама беру\" мемлекеттік көрсетілетін қызмет регламенті\n\n      1. Өтінішті қабылдау және нәтижесін беру көрсетілетін қызметті беруші арқылы жүзеге асырылады.\n      2. Рәсімнің мазмұны, орындалу ұзақтығы:\n      кеңсе қызметкері құжаттарды қабылдайды – 30 (отыз) минут;\n      көрсетілетін қызметті берушінің басшысы қол қояды – 2 (екі) сағат.\n      3. Құрылымдық бөлімшелерінің (қызметкерлерінің) тізбесі:\n      кеңсе қызметкері;\n      көрсетілетін қызметті берушінің басшысы.\n";
        let d = extract(src);
        assert_eq!(d.lang, Lang::Kk);
        let r = &d.regs[0];
        assert_eq!(r.channels.len(), 1);
        assert_eq!(r.channels[0].kind, "provider");
        let (_, items) = r.procedure.as_ref().expect("procedure");
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].cite, "2");
        assert_eq!(
            r.actors[items[1].actor.unwrap()].name,
            "көрсетілетін қызметті берушінің басшысы"
        );
        assert_eq!(items[1].durations[0].render(), "2 (екі) h");
    }

    #[test]
    fn an_amending_act_drafts_the_paragraphs_it_restates() {
        let src = "      1. \"Х\" бұйрығына мынадай өзгерістер енгізілсін:\n      көрсетілген бұйрықпен бекітілген \"Анықтама беру\" мемлекеттік қызметті көрсету регламентінде:\n      3-тармақ мынадай редакцияда жазылсын:\n      \"3. Мемлекеттік қызметті көрсету нысаны: қағаз түрінде.\";\n      5-тармақ мынадай редакцияда жазылсын:\n      \"5. Рәсімнің мазмұны, орындалу ұзақтығы:\n      1) көрсетілетін қызметті берушінің жауапты орындаушысы құжаттарды тіркейді – 1 (бір) жұмыс күні ішінде;\n      2) Комиссия хатшысы хаттаманы жасайды – 2 (екі) жұмыс күні ішінде.\";\n      2. Осы бұйрық қолданысқа енгізіледі.\n";
        let d = extract(src);
        assert_eq!(d.regs.len(), 1);
        let r = &d.regs[0];
        assert_eq!(r.title.as_deref(), Some("Анықтама беру"));
        assert_eq!(r.amended_by.as_deref(), Some("1"));
        assert_eq!(r.form.as_ref().map(|f| f.0), Some("paper"));
        let (cite, items) = r.procedure.as_ref().expect("procedure");
        assert_eq!(cite, "5");
        assert_eq!(items.len(), 2);
        assert_eq!(
            r.actors[items[0].actor.unwrap()].name,
            "көрсетілетін қызметті берушінің жауапты орындаушысы"
        );
        assert_eq!(r.actors[items[1].actor.unwrap()].name, "Комиссия хатшысы");
    }

    #[test]
    fn an_amending_act_in_russian() {
        let src = "      1. Внести в приказ № 407 следующие изменения:\n      в Регламенте государственной услуги «Выдача справки», утвержденном указанным приказом:\n      пункт 5 изложить в следующей редакции:\n      «5. Содержание каждой процедуры, длительность ее выполнения:\n      1) руководитель услугодателя рассматривает документы – 2 (два) часа;\n      2) исполнитель услугодателя выдает справку – 1 (один) рабочий день.»;\n      2. Настоящий приказ вводится в действие.\n";
        let d = extract(src);
        assert_eq!(d.regs.len(), 1);
        let r = &d.regs[0];
        assert_eq!(r.title.as_deref(), Some("Выдача справки"));
        assert_eq!(r.amended_by.as_deref(), Some("1"));
        let (_, items) = r.procedure.as_ref().expect("procedure");
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].durations[0].render(), "1 (один) wd");
    }
}
