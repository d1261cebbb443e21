//! Scores a draft against a hand encoding, element by element, per kind.
//!
//! Regulations are paired by title. Each element becomes a key (below); a draft key that the
//! reference has too is a hit. Precision counts the draft's regulations that the reference
//! encodes; recall counts every regulation of the reference (one the draft missed loses all of
//! its elements).

use crate::text::norm;
use reglam_model::{Analysis, NodeKind, Regulation, Text};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The kinds scored, in the order printed.
pub const KINDS: [&str; 7] = [
    "actors",
    "steps",
    "conditions",
    "outcomes",
    "channels",
    "deadlines",
    "citations",
];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Count {
    /// Keys of the draft found in the reference.
    pub hits: usize,
    pub draft: usize,
    pub reference: usize,
}

impl Count {
    pub fn precision(&self) -> f64 {
        if self.draft == 0 {
            if self.reference == 0 {
                1.0
            } else {
                0.0
            }
        } else {
            self.hits as f64 / self.draft as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.reference == 0 {
            1.0
        } else {
            self.hits as f64 / self.reference as f64
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Score {
    pub kinds: BTreeMap<&'static str, Count>,
    /// Regulations paired, of the draft's and of the reference's.
    pub paired: usize,
    pub draft_regulations: usize,
    pub reference_regulations: usize,
}

fn text(t: &Text) -> String {
    norm(t.ru.as_deref().or(t.kk.as_deref()).unwrap_or(""))
}

fn cite(c: &Option<reglam_model::Citation>) -> String {
    c.as_ref()
        .map(|c| c.raw.trim_start_matches('@').to_string())
        .unwrap_or_default()
}

/// The number of a condition as the act writes it ("условие 2", "2-шарт").
fn condition_number(t: &str) -> String {
    let n = norm(t);
    let w: Vec<&str> = n.split(' ').collect();
    for (i, x) in w.iter().enumerate() {
        if let Some(num) = x.strip_suffix("-шарт") {
            return num.to_string();
        }
        if *x == "условие" {
            if let Some(num) = w
                .get(i + 1)
                .filter(|v| v.chars().all(|c| c.is_ascii_digit()))
            {
                return num.to_string();
            }
        }
    }
    String::new()
}

type Keys = HashMap<&'static str, Vec<String>>;

/// A step's citation, actor, and its (duration, text) times.
type StepTimes = (String, String, BTreeSet<(String, String)>);

/// The keys of one regulation. `names` maps every name and alias of the reference's actors to
/// the reference's name, so an alias in the draft counts as the actor.
fn keys(r: &Regulation, names: &HashMap<String, String>) -> Keys {
    let canon = |s: String| names.get(&s).cloned().unwrap_or(s);
    let mut k: Keys = HashMap::new();
    let set = |kind: &'static str, key: String, k: &mut Keys| k.entry(kind).or_default().push(key);
    let mut actors = HashSet::new();
    for a in &r.actors {
        let n = canon(text(&a.name));
        if actors.insert(n.clone()) {
            set("actors", n, &mut k);
        }
    }
    for d in &r.deadlines {
        let ch = d.channel.map_or("all", |c| c.word());
        set(
            "deadlines",
            format!("{ch} {:?}", d.duration.amount()),
            &mut k,
        );
    }
    for s in &r.scenarios {
        for d in &s.deadlines {
            let ch = d.channel.map_or("all", |c| c.word());
            set(
                "deadlines",
                format!("{ch} {:?}", d.duration.amount()),
                &mut k,
            );
        }
    }
    let mut seen = HashSet::new();
    let mut cites = HashSet::new();
    let mut steps: BTreeMap<(String, String), StepTimes> = BTreeMap::new();
    let mut kinds = HashSet::new();
    for (_, ch) in r.channels() {
        // Each kind once: the act lists its channels once, and an encoding with scenarios
        // repeats them in every scenario.
        if kinds.insert(ch.kind.word()) {
            set("channels", ch.kind.word().to_string(), &mut k);
        }
        for d in &ch.deadlines {
            set(
                "deadlines",
                format!("{} {:?}", ch.kind.word(), d.duration.amount()),
                &mut k,
            );
        }
        for n in ch.flow.graph.node_weights() {
            let owner = n.procedure.clone().unwrap_or_else(|| ch.id.clone());
            if !seen.insert((owner.clone(), n.id.clone())) && !matches!(n.kind, NodeKind::Step(_)) {
                continue;
            }
            let c = cite(&n.cite);
            if !c.is_empty() && !matches!(n.kind, NodeKind::Start | NodeKind::Fork | NodeKind::Join)
            {
                cites.insert(c.clone());
            }
            // A timed check is a step of its actor too: encodings differ on whether "checks
            // the documents – 30 minutes" is a step followed by a check or a timed check.
            if let NodeKind::Step(s)
            | NodeKind::Wait(s)
            | NodeKind::Check(s)
            | NodeKind::Decide(s) = &n.kind
            {
                if s.has_duration() {
                    let actor = s
                        .actor
                        .map(|a| canon(text(&r.actors[a].name)))
                        .unwrap_or_default();
                    // A step of a shared procedure keeps, in each channel, only the times
                    // marked for it: the step's times are the union over its channels.
                    let e = steps
                        .entry((owner.clone(), n.id.clone()))
                        .or_insert_with(|| (c.clone(), actor, BTreeSet::new()));
                    for p in s.parts.iter().chain(&s.options) {
                        e.2.insert((format!("{:?}", p.duration.amount()), text(&p.text)));
                    }
                }
            }
            match &n.kind {
                NodeKind::Check(s) | NodeKind::Decide(s) => {
                    set(
                        "conditions",
                        format!("{c} | {}", condition_number(&text(&s.action))),
                        &mut k,
                    );
                }
                NodeKind::Outcome { outcome, .. } => {
                    set("outcomes", outcome.word().to_string(), &mut k);
                }
                _ => {}
            }
        }
    }
    for (c, actor, times) in steps.into_values() {
        // One key per distinct amount of a step: a sentence with two times scores the same
        // whether it is one step with two parts or two steps ("принимает … 15 минут, …
        // рассматривает … 2 рабочих дня"), and one time split into options by who receives the
        // result ("1 wd to the courier", "1 wd to the akim") counts once. Each key still holds
        // the citation, the actor and the exact amount.
        let mut durs: Vec<&str> = times.iter().map(|t| t.0.as_str()).collect();
        durs.sort();
        durs.dedup();
        for d in durs {
            set("steps", format!("{c} | {actor} | {d}"), &mut k);
        }
    }
    let mut cites: Vec<String> = cites.into_iter().collect();
    cites.sort();
    for c in cites {
        set("citations", c, &mut k);
    }
    k
}

fn hits(a: &[String], b: &[String]) -> usize {
    let mut m: HashMap<&str, usize> = HashMap::new();
    for x in b {
        *m.entry(x).or_default() += 1;
    }
    let mut n = 0;
    for x in a {
        if let Some(c) = m.get_mut(x.as_str()).filter(|c| **c > 0) {
            *c -= 1;
            n += 1;
        }
    }
    n
}

/// The keys of `a` that `b` does not have, each as often as `a` has it more.
fn leftover<'a>(a: &'a [String], b: &[String]) -> Vec<&'a str> {
    let mut m: HashMap<&str, usize> = HashMap::new();
    for x in b {
        *m.entry(x).or_default() += 1;
    }
    a.iter()
        .filter(|x| match m.get_mut(x.as_str()).filter(|c| **c > 0) {
            Some(c) => {
                *c -= 1;
                false
            }
            None => true,
        })
        .map(String::as_str)
        .collect()
}

/// Conditions match by citation and the act's number; a condition whose text keeps no number
/// (an encoding may drop "1-шарт –" from it) matches one left over at the same citation.
fn condition_hits(a: &[String], b: &[String]) -> usize {
    let mut m: HashMap<&str, usize> = HashMap::new();
    for x in b {
        *m.entry(x).or_default() += 1;
    }
    let mut left = Vec::new();
    let mut n = 0;
    for x in a {
        match m.get_mut(x.as_str()).filter(|c| **c > 0) {
            Some(c) => {
                *c -= 1;
                n += 1;
            }
            None => left.push(x.as_str()),
        }
    }
    let split = |x: &str| -> (String, String) {
        let (c, num) = x.split_once(" | ").unwrap_or((x, ""));
        (c.to_string(), num.to_string())
    };
    let mut rest: Vec<(String, String)> = m
        .iter()
        .flat_map(|(x, c)| std::iter::repeat_n(split(x), *c))
        .collect();
    rest.sort();
    for x in left {
        let (c, num) = split(x);
        if let Some(i) = rest
            .iter()
            .position(|(rc, rn)| *rc == c && (rn.is_empty() || num.is_empty()))
        {
            rest.remove(i);
            n += 1;
        }
    }
    n
}

fn root_regulations(a: &Analysis) -> Vec<&Regulation> {
    a.corpus
        .regulations
        .iter()
        .filter(|r| a.roots.contains(&r.file))
        .collect()
}

/// Scores the draft's regulations against the reference's.
pub fn score(draft: &Analysis, reference: &Analysis) -> Score {
    let refs = root_regulations(reference);
    let drafts = root_regulations(draft);
    let mut s = Score {
        draft_regulations: drafts.len(),
        reference_regulations: refs.len(),
        ..Score::default()
    };
    for k in KINDS {
        s.kinds.insert(k, Count::default());
    }
    let mut used = HashSet::new();
    for r in &refs {
        let mut names = HashMap::new();
        for a in &r.actors {
            let primary = text(&a.name);
            for al in &a.aliases {
                names.insert(text(al), primary.clone());
            }
        }
        let rk = keys(r, &names);
        let title = text(&r.title);
        let d = drafts
            .iter()
            .enumerate()
            .find(|(i, d)| !used.contains(i) && !title.is_empty() && text(&d.title) == title);
        let dk = match d {
            Some((i, d)) => {
                used.insert(i);
                s.paired += 1;
                keys(d, &names)
            }
            None => HashMap::new(),
        };
        for k in KINDS {
            let empty = Vec::new();
            let (a, b) = (dk.get(k).unwrap_or(&empty), rk.get(k).unwrap_or(&empty));
            let c = s.kinds.get_mut(k).expect("every kind");
            c.hits += if k == "conditions" {
                condition_hits(a, b)
            } else {
                hits(a, b)
            };
            if std::env::var_os("REGLAM_IMPORT_DEBUG").is_some_and(|v| v == k) {
                let title = text(&r.title);
                // Keys left over on each side, as many times as they are left over.
                for x in leftover(a, b) {
                    eprintln!("{title:.30} draft-only: {x}");
                }
                for x in leftover(b, a) {
                    eprintln!("{title:.30} ref-only:   {x}");
                }
            }
            c.draft += a.len();
            c.reference += b.len();
        }
    }
    s
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The human table.
pub fn table(s: &Score) -> String {
    let mut o = format!(
        "regulations paired: {} (draft {}, reference {})\n{:<11} {:>9} {:>7} {:>5} {:>9} {:>7}\n",
        s.paired,
        s.draft_regulations,
        s.reference_regulations,
        "kind",
        "precision",
        "recall",
        "hits",
        "draft",
        "reference"
    );
    for k in KINDS {
        let c = &s.kinds[k];
        o.push_str(&format!(
            "{:<11} {:>9} {:>7} {:>5} {:>9} {:>7}\n",
            k,
            pct(c.precision()),
            pct(c.recall()),
            c.hits,
            c.draft,
            c.reference
        ));
    }
    o
}

/// The JSON form.
pub fn json(s: &Score) -> serde_json::Value {
    let kinds: serde_json::Map<String, serde_json::Value> = KINDS
        .iter()
        .map(|k| {
            let c = &s.kinds[k];
            (
                k.to_string(),
                serde_json::json!({
                    "precision": c.precision(),
                    "recall": c.recall(),
                    "hits": c.hits,
                    "draft": c.draft,
                    "reference": c.reference,
                }),
            )
        })
        .collect();
    serde_json::json!({
        "paired": s.paired,
        "draft_regulations": s.draft_regulations,
        "reference_regulations": s.reference_regulations,
        "kinds": kinds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn condition_numbers() {
        assert_eq!(condition_number("1-шарт – тексеру"), "1");
        assert_eq!(condition_number("условие 2 – проверка"), "2");
        assert_eq!(condition_number("проверка"), "");
    }

    #[test]
    fn a_condition_without_its_number_matches_at_its_citation() {
        let a = vec![
            "10 | 1".to_string(),
            "10 | 2".to_string(),
            "5 | 1".to_string(),
        ];
        let b = vec![
            "10 | ".to_string(),
            "10 | 2".to_string(),
            "5 | 3".to_string(),
        ];
        assert_eq!(condition_hits(&a, &b), 2);
    }

    #[test]
    fn hits_are_a_multiset_intersection() {
        let a = vec!["x".to_string(), "x".to_string(), "y".to_string()];
        let b = vec!["x".to_string(), "z".to_string()];
        assert_eq!(hits(&a, &b), 1);
    }
}
