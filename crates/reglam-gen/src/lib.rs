//! A generator of realistic synthetic regulations, deterministic from a seed.
//!
//! The shapes follow the bundled corpus (`regulations/`): actors with Russian and Kazakh
//! names, an intake procedure with a refusal to accept, steps timed in minutes, hours and
//! working days (some with parts, options and appendix-table figures), checks with refusals,
//! decisions between a result and a reasoned refusal, parallel work, bounded returns for
//! rework, sub-deadlines, channels through the provider, the State Corporation and the portal,
//! and sub-scenarios. Every generated regulation is valid Reglam whose deadlines hold, so it
//! checks without errors: the generator keeps an upper bound of every path as it writes and
//! sets the deadlines above it.
//!
//! No I/O here: the `reglam-gen` binary writes files.

use reglam_numerals::{ru, Unit};
use std::fmt::Write as _;

/// SplitMix64: small, fast, and the same numbers on every platform, which is all a benchmark
/// corpus needs (not cryptographic).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }
}

/// The size and features of one generated regulation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// Steps in the main part of each channel (the intake procedure and the State
    /// Corporation's processes come on top).
    pub steps: usize,
    /// Channels: 1 to 3 (provider, State Corporation, portal, in that order).
    pub channels: usize,
    /// Sub-scenarios, each with its own channels and deadline; 0 for none.
    pub scenarios: usize,
    /// Conditions in a row, each with two branches that join again (2^n paths), at the start
    /// of the first channel.
    pub nested_conditions: usize,
    /// Percentage of steps followed by a check with a refusal.
    pub check_percent: u64,
    /// Percentage of positions holding a parallel block.
    pub parallel_percent: u64,
    /// Percentage of positions holding a bounded return for rework.
    pub rework_percent: u64,
    /// Whether steps carry appendix-table figures and the regulation a `table-total`.
    pub table_figures: bool,
}

impl Shape {
    /// A regulation of the size the real corpus has (tens of steps), features chosen by the
    /// seed's generator.
    pub fn realistic(rng: &mut Rng) -> Shape {
        Shape {
            steps: rng.range(3, 14) as usize,
            channels: rng.range(1, 3) as usize,
            scenarios: if rng.chance(15) {
                rng.range(2, 3) as usize
            } else {
                0
            },
            nested_conditions: 0,
            check_percent: rng.range(5, 25),
            parallel_percent: rng.range(0, 10),
            rework_percent: rng.range(0, 8),
            table_figures: rng.chance(40),
        }
    }

    /// One huge regulation: one provider channel of `steps` steps with the usual mix.
    pub fn huge(steps: usize) -> Shape {
        Shape {
            steps,
            channels: 1,
            scenarios: 0,
            nested_conditions: 0,
            check_percent: 10,
            parallel_percent: 3,
            rework_percent: 1,
            table_figures: true,
        }
    }

    /// `conditions` conditions in a row (2^conditions paths) and a few plain steps.
    pub fn nested(conditions: usize) -> Shape {
        Shape {
            steps: 3,
            channels: 1,
            scenarios: 0,
            nested_conditions: conditions,
            check_percent: 0,
            parallel_percent: 0,
            rework_percent: 0,
            table_figures: false,
        }
    }
}

const REGIONS: &[(&str, &str)] = &[
    ("Атырауской", "Атырау"),
    ("Павлодарской", "Павлодар"),
    ("Карагандинской", "Қарағанды"),
    ("Акмолинской", "Ақмола"),
    ("Туркестанской", "Түркістан"),
    ("Мангистауской", "Маңғыстау"),
    ("Костанайской", "Қостанай"),
    ("Жамбылской", "Жамбыл"),
];

const SERVICES: &[(&str, &str)] = &[
    ("Присвоение статуса оралмана", "Оралман мәртебесін беру"),
    (
        "Назначение государственной адресной социальной помощи",
        "Мемлекеттік атаулы әлеуметтік көмек тағайындау",
    ),
    (
        "Регистрация и постановка на учет безработных граждан",
        "Жұмыссыз азаматтарды тіркеу және есепке қою",
    ),
    (
        "Выдача справки, подтверждающей принадлежность заявителя (семьи) к получателям адресной социальной помощи",
        "Өтініш берушінің (отбасының) атаулы әлеуметтік көмек алушыларға тиесілігін растайтын анықтама беру",
    ),
    (
        "Оформление документов на инвалидов для предоставления им кресла-колясок",
        "Мүгедектерге кресло-арбалар беру үшін құжаттарды ресімдеу",
    ),
    (
        "Назначение жилищной помощи",
        "Тұрғын үй көмегін тағайындау",
    ),
    (
        "Выдача разрешения иностранному работнику на трудоустройство",
        "Шетелдік жұмыскерге жұмысқа орналасуға рұқсат беру",
    ),
];

/// (id stem, Russian name, Kazakh name, kind)
const ACTORS: &[(&str, &str, &str, &str)] = &[
    (
        "chancery",
        "специалист канцелярии услугодателя",
        "көрсетілетін қызметті берушінің кеңсе маманы",
        "unit",
    ),
    (
        "head",
        "руководитель услугодателя",
        "көрсетілетін қызметті берушінің басшысы",
        "unit",
    ),
    (
        "executor",
        "ответственный исполнитель услугодателя",
        "көрсетілетін қызметті берушінің жауапты орындаушысы",
        "unit",
    ),
    (
        "deputy",
        "заместитель руководителя услугодателя",
        "көрсетілетін қызметті беруші басшысының орынбасары",
        "unit",
    ),
    (
        "commission",
        "комиссия услугодателя",
        "көрсетілетін қызметті берушінің комиссиясы",
        "commission",
    ),
    (
        "akim_staff",
        "специалист аппарата акима сельского округа",
        "ауылдық округ әкімі аппаратының маманы",
        "akimat",
    ),
];

const ACTIONS: &[&str] = &[
    "осуществляет прием и регистрацию документов",
    "ознакамливается с входящими документами и определяет ответственного исполнителя",
    "рассматривает поступившие документы и готовит проект результата государственной услуги",
    "подписывает результат государственной услуги",
    "направляет запрос через шлюз \\\"электронного правительства\\\"",
    "выдает результат государственной услуги услугополучателю",
    "вносит сведения в информационную систему",
    "формирует уведомление и направляет его услугополучателю",
];

const CONDITIONS: &[&str] = &[
    "пакет документов, указанных в пункте 9 Стандарта, полный",
    "сведения об услугополучателе имеются в государственных базах данных",
    "услугополучатель соответствует требованиям, установленным законодательством",
    "документы соответствуют установленным требованиям",
];

/// One timed amount, kept in working minutes for the generator's bounds.
#[derive(Clone, Copy)]
struct Dur {
    n: u64,
    unit: Unit,
}

impl Dur {
    fn minutes(self) -> u64 {
        match self.unit {
            Unit::Minute => self.n,
            Unit::Hour => self.n * 60,
            Unit::WorkingDay => self.n * 480,
            // Calendar units are never generated on deadline-bound paths.
            Unit::CalendarDay | Unit::Month => 0,
        }
    }

    fn unit_word(self) -> &'static str {
        match self.unit {
            Unit::Minute => "min",
            Unit::Hour => "h",
            Unit::WorkingDay => "wd",
            Unit::CalendarDay => "cd",
            Unit::Month => "month",
        }
    }

    /// `15 min`, or with the act's words: `15 (пятнадцати) min`.
    fn write(self, words: bool) -> String {
        if words {
            let w = ru::cardinal_in(self.n, ru::unit_gender(self.unit), ru::Case::Genitive);
            format!("{} ({w}) {}", self.n, self.unit_word())
        } else {
            format!("{} {}", self.n, self.unit_word())
        }
    }
}

fn random_dur(rng: &mut Rng) -> Dur {
    match rng.range(0, 9) {
        0..=4 => Dur {
            n: *rng.pick(&[3, 5, 10, 15, 20, 30, 40]),
            unit: Unit::Minute,
        },
        5..=7 => Dur {
            n: rng.range(1, 4),
            unit: Unit::Hour,
        },
        _ => Dur {
            n: rng.range(1, 5),
            unit: Unit::WorkingDay,
        },
    }
}

/// Working minutes as the smallest whole number of working days that holds them, plus a
/// margin: a deadline every generated path fits.
fn deadline_wd(minutes: u64, rng: &mut Rng) -> u64 {
    minutes.div_ceil(480) + rng.range(0, 3)
}

/// Writes the statements of one flow and tracks an upper bound of its paths.
struct FlowWriter<'a> {
    rng: &'a mut Rng,
    out: String,
    /// Outcomes written after the main line (an outcome ends the case, so refusals jumped to
    /// from checks go at the end).
    tail: String,
    /// Upper bound of the worst path so far, in working minutes: every timed thing added.
    bound: u64,
    /// Ids used in this channel, to keep them unique.
    prefix: String,
    counter: usize,
    actors: &'a [String],
    /// Top-level steps written so far (targets for returns), with the bound before each.
    earlier: Vec<(String, u64)>,
    table_figures: bool,
    /// Which of `actors` this flow names, so that only actors taking part are declared.
    used: Vec<bool>,
    /// Steps that get a sub-deadline, with the bound of the path to their end.
    dues: Vec<(String, u64)>,
}

impl FlowWriter<'_> {
    fn id(&mut self, stem: &str) -> String {
        self.counter += 1;
        format!("{}{}_{}", self.prefix, stem, self.counter)
    }

    fn actor(&mut self) -> String {
        let i = self.rng.range(0, self.actors.len() as u64 - 1) as usize;
        self.used[i] = true;
        self.actors[i].clone()
    }

    fn cite(&mut self) -> String {
        format!("@5.{}", self.rng.range(1, 12))
    }

    /// A step at `indent`, returning its id and time.
    fn step(&mut self, indent: &str) -> (String, u64) {
        let id = self.id("s");
        let actor = self.actor();
        let cite = self.cite();
        let action = *self.rng.pick(ACTIONS);
        let form = self.rng.range(0, 9);
        let minutes;
        match form {
            // parts
            0 => {
                let a = random_dur(self.rng);
                let b = random_dur(self.rng);
                minutes = a.minutes() + b.minutes();
                let _ = writeln!(
                    self.out,
                    "{indent}step {id} {actor} {cite} {{\n{indent}  part {} \"{action}\"\n{indent}  part {} \"направляет на подпись\"\n{indent}}}",
                    a.write(false),
                    b.write(false)
                );
            }
            // options: the longest counts
            1 => {
                let a = random_dur(self.rng);
                let b = random_dur(self.rng);
                minutes = a.minutes().max(b.minutes());
                let _ = writeln!(
                    self.out,
                    "{indent}step {id} {actor} {cite} {{\n{indent}  option {} \"передает результат услугополучателю\"\n{indent}  option {} \"передает курьеру Государственной корпорации\"\n{indent}}}",
                    a.write(false),
                    b.write(false)
                );
            }
            _ => {
                let d = random_dur(self.rng);
                minutes = d.minutes();
                let words = self.rng.chance(30);
                if self.table_figures && self.rng.chance(30) {
                    let row = self.rng.range(1, 9);
                    let _ = writeln!(
                        self.out,
                        "{indent}step {id} {actor} {} {cite} \"{action}\" {{\n{indent}  table {} @app2.row{row}\n{indent}}}",
                        d.write(words),
                        d.write(false)
                    );
                } else {
                    let _ = writeln!(
                        self.out,
                        "{indent}step {id} {actor} {} {cite} \"{action}\"",
                        d.write(words)
                    );
                }
            }
        }
        (id, minutes)
    }

    /// The main line of a flow: `steps` positions of steps, checks, parallel work and returns.
    fn line(&mut self, steps: usize, shape: &Shape) {
        for i in 0..steps {
            let roll = self.rng.range(0, 99);
            if roll < shape.parallel_percent {
                self.parallel();
            } else if roll < shape.parallel_percent + shape.rework_percent
                && !self.earlier.is_empty()
            {
                self.rework();
            } else {
                let before = self.bound;
                let (id, m) = self.step("    ");
                self.bound += m;
                self.earlier.push((id.clone(), before));
                // Now and then a sub-deadline on a step, above the bound so far.
                if i % 7 == 3 && self.rng.chance(30) {
                    self.dues.push((id, self.bound));
                }
            }
            if self.rng.range(0, 99) < shape.check_percent {
                self.check();
            }
        }
    }

    fn check(&mut self) {
        let id = self.id("c");
        let refusal = self.id("refused");
        let actor = self.actor();
        let d = Dur {
            n: *self.rng.pick(&[5, 10, 15]),
            unit: Unit::Minute,
        };
        self.bound += d.minutes();
        let cond = *self.rng.pick(CONDITIONS);
        let cite = self.cite();
        let _ = writeln!(
            self.out,
            "    check {id} {actor} {} {cite} \"{cond}\" else {refusal}",
            d.write(false)
        );
        let kind = if self.rng.chance(50) {
            "refusal-to-accept"
        } else {
            "reasoned-refusal"
        };
        let _ = writeln!(
            self.tail,
            "    outcome {refusal} {kind} {cite} \"мотивированный ответ об отказе в оказании государственной услуги\""
        );
    }

    fn parallel(&mut self) {
        let id = self.id("p");
        let _ = writeln!(
            self.out,
            "    parallel {id} @5.{} {{",
            self.rng.range(1, 12)
        );
        let branches = self.rng.range(2, 3);
        let mut longest = 0;
        for _ in 0..branches {
            let b = self.id("b");
            let _ = writeln!(self.out, "      branch {b} {{");
            let mut sum = 0;
            for _ in 0..self.rng.range(1, 3) {
                let (_, m) = self.step("        ");
                sum += m;
            }
            longest = longest.max(sum);
            let _ = writeln!(self.out, "      }}");
        }
        let _ = writeln!(self.out, "    }}");
        self.bound += longest;
    }

    /// A bounded return to an earlier top-level step: at worst the steps from there are done
    /// again `max` times, plus the time away each time.
    fn rework(&mut self) {
        let (target, before) = {
            // Acts return a case a few steps back, not to the start: a recent target also
            // keeps the worst path of a huge regulation from growing exponentially.
            let len = self.earlier.len() as u64;
            let i = self.rng.range(len.saturating_sub(8), len - 1) as usize;
            self.earlier[i].clone()
        };
        let id = self.id("rw");
        let actor = self.actor();
        let times = self.rng.range(1, 3);
        let takes = Dur {
            n: self.rng.range(1, 3),
            unit: Unit::WorkingDay,
        };
        let paused = self.rng.chance(30);
        let body = self.bound - before;
        self.bound += times * (body + if paused { 0 } else { takes.minutes() });
        let _ = writeln!(
            self.out,
            "    rework {id} {actor} @6.1 \"возвращает документы на доработку\" -> {target} {{\n      max {times} times\n      takes {}{}\n    }}",
            takes.write(false),
            if paused { "\n      clock paused" } else { "" }
        );
    }

    /// `conditions` checks in a row; each has a short and a long branch that join at the next.
    fn nested(&mut self, conditions: usize) {
        for i in 0..conditions {
            let next = format!("{}n{}", self.prefix, i + 1);
            let actor = self.actor();
            let _ = writeln!(
                self.out,
                "    check {}n{i} {actor} 5 min @5.{} \"{}\" else {}long{i}",
                self.prefix,
                i % 12 + 1,
                CONDITIONS[i % CONDITIONS.len()],
                self.prefix
            );
            let _ = writeln!(
                self.out,
                "    step {}short{i} {actor} 10 min \"упрощенная проверка\" -> {next}",
                self.prefix
            );
            let _ = writeln!(
                self.out,
                "    step {}long{i} {actor} 20 min \"углубленная проверка\"",
                self.prefix
            );
            self.bound += 25;
        }
        let actor = self.actor();
        let _ = writeln!(
            self.out,
            "    step {}n{conditions} {actor} 5 min \"завершает проверку\"",
            self.prefix
        );
        self.bound += 5;
    }
}

/// The text of one channel and the upper bound of its paths, in working minutes.
struct ChannelText {
    body: String,
    bound: u64,
    dues: Vec<(String, u64)>,
    used: Vec<bool>,
}

fn channel(
    rng: &mut Rng,
    shape: &Shape,
    kind: &str,
    prefix: &str,
    actors: &[String],
    intake_bound: u64,
    nested: usize,
) -> ChannelText {
    let mut w = FlowWriter {
        rng,
        out: String::new(),
        tail: String::new(),
        bound: 0,
        prefix: prefix.to_string(),
        counter: 0,
        actors,
        earlier: Vec::new(),
        table_figures: shape.table_figures,
        used: vec![false; actors.len()],
        dues: Vec::new(),
    };
    match kind {
        "state-corporation" => {
            let refusal = format!("{prefix}gc_not_accepted");
            let _ = writeln!(w.out, "    check {prefix}gc_accept gc_operator 5 min @8.1 \"пакет документов полный согласно перечню, предусмотренному пунктом 9 Стандарта\" else {refusal}");
            let _ = writeln!(w.out, "    step {prefix}gc_login gc_operator 3 min @8.2 \"процесс 1 – ввод оператором Государственной корпорации в АРМ ИИС логина и пароля\"");
            let _ = writeln!(w.out, "    step {prefix}gc_send gc_operator 3 min @8.3 \"процесс 2 – направление электронного документа через ШЭП в АРМ ШЭП\"");
            let _ = writeln!(w.tail, "    outcome {refusal} refusal-to-accept @8.1 \"работник Государственной корпорации выдает расписку об отказе в приеме документов\"");
            w.bound += 11;
        }
        "portal" => {
            let _ = writeln!(w.out, "    step {prefix}portal_send portal 1 min @10.1 \"услугополучатель направляет запрос через портал, удостоверенный ЭЦП\"");
            w.bound += 1;
        }
        _ => {}
    }
    w.nested(nested);
    let _ = writeln!(w.out, "    call intake @5");
    w.bound += intake_bound;
    w.line(shape.steps, shape);
    match kind {
        "state-corporation" => {
            let _ = writeln!(w.out, "    step {prefix}gc_issue gc_operator 3 min @8.9 \"процесс 7 – выдача услугополучателю результата оказания государственной услуги\"");
            w.bound += 3;
        }
        "portal" => {
            let _ = writeln!(w.out, "    step {prefix}portal_notify portal 1 min @10.2 \"направление уведомления в личный кабинет услугополучателя\"");
            w.bound += 1;
        }
        _ => {}
    }
    let issued = format!("{prefix}issued");
    let refused = format!("{prefix}refused");
    let archived = w.rng.chance(20);
    let unclaimed = if archived {
        format!("\n      when \"результат не востребован\" -> {prefix}unclaimed")
    } else {
        String::new()
    };
    let _ = writeln!(
        w.out,
        "    decide {prefix}verdict @5.3 \"результат рассмотрения\" {{\n      when \"положительный\" -> {issued}\n      when \"отрицательный\" -> {refused}{unclaimed}\n    }}"
    );
    let _ = writeln!(
        w.out,
        "    outcome {issued} result @5.5 \"результат государственной услуги выдан\""
    );
    let _ = writeln!(
        w.out,
        "    outcome {refused} reasoned-refusal @5.3 \"мотивированный ответ об отказе\""
    );
    if archived {
        // The unclaimed result goes to the archive after a month: not held to the deadline.
        let _ = writeln!(
            w.out,
            "    wait {prefix}unclaimed 1 month @5.6 \"результат не востребован\""
        );
        let _ = writeln!(
            w.out,
            "    outcome {prefix}to_archive archived @5.6 \"результат передан в архив\""
        );
    }
    let mut body = w.out;
    body.push_str(&w.tail);
    ChannelText {
        body,
        bound: w.bound,
        dues: w.dues,
        used: w.used,
    }
}

/// Generates one regulation file (`lang`, an `act` and one `regulation`) from `seed`.
pub fn generate_regulation(seed: u64, shape: &Shape) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(4096 + shape.steps * 160);
    let (region_ru, region_kk) = *rng.pick(REGIONS);
    let (service_ru, service_kk) = *rng.pick(SERVICES);
    let number = rng.range(1, 400);
    let _ = writeln!(out, "lang ru\n# Synthetic regulation, seed {seed}.\n");
    let _ = writeln!(
        out,
        "act {{\n  title ru \"Об утверждении регламентов государственных услуг в социально-трудовой сфере\"\n  body ru \"Акимат {region_ru} области\"\n  kind ru \"постановление\"\n  number \"{number}\"\n  date 2015-{:02}-{:02}\n  status in-force\n}}\n",
        rng.range(1, 12),
        rng.range(1, 28)
    );
    let app = rng.range(1, 20);
    let _ = writeln!(out, "regulation reg_{seed:x} @app{app} {{");
    let _ = writeln!(out, "  title ru \"{service_ru}\" kk \"{service_kk}\"");
    let _ = writeln!(
        out,
        "  provider ru \"ГУ «Управление координации занятости и социальных программ {region_ru} области»\" kk \"{region_kk} облысының жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы\" @1"
    );
    let _ = writeln!(
        out,
        "  result ru \"уведомление о результате оказания государственной услуги\" @3\n  form paper @2"
    );

    // Actors: a few of the provider's, plus the State Corporation's operator and the portal.
    let n_actors = rng.range(3, ACTORS.len() as u64) as usize;
    let actors: Vec<String> = ACTORS[..n_actors].iter().map(|a| a.0.to_string()).collect();
    // The intake procedure names the first two.
    let mut used = vec![false; n_actors];
    used[0] = true;
    used[1] = true;
    // Channels are written first, so that only the actors they name are declared.
    let header_len = out.len();
    let kinds = ["provider", "state-corporation", "portal"];
    let channels = shape.channels.clamp(1, 3);
    if channels >= 2 {
        let _ = writeln!(out, "  actor gc_operator ru \"оператор Государственной корпорации\" kk \"Мемлекеттік корпорация операторы\" state-corporation @8.1");
    }
    if channels >= 3 {
        let _ = writeln!(out, "  actor portal ru \"портал «электронного правительства»\" kk \"«электрондық үкімет» порталы\" portal @10 {{\n    alias ru \"ПЭП\"\n  }}");
    }
    out.push('\n');

    // The intake procedure, shared by every channel, with its refusal to accept.
    let receive = Dur {
        n: 15,
        unit: Unit::Minute,
    };
    let resolve = Dur {
        n: *rng.pick(&[15, 30]),
        unit: Unit::Minute,
    };
    let intake_bound = 5 + receive.minutes() + resolve.minutes();
    let _ = writeln!(
        out,
        "  procedure intake @5 {{\n    check complete {} 5 min @5.1 \"{}\" then receive else not_accepted\n    outcome not_accepted refusal-to-accept @5.1 \"документы не принимаются\"\n    step receive {} {} @5.1 \"{}\"\n    step resolution {} {} @5.2 \"{}\"\n  }}\n",
        actors[0],
        CONDITIONS[0],
        actors[0],
        receive.write(true),
        ACTIONS[0],
        actors[1],
        resolve.write(true),
        ACTIONS[1]
    );

    let scenarios = shape.scenarios;
    let groups = scenarios.max(1);
    for s in 0..groups {
        let indent_open = if scenarios > 0 {
            let _ = writeln!(
                out,
                "  scenario stage{} ru \"{}-й этап\" @7.{} {{",
                s + 1,
                s + 1,
                s + 1
            );
            true
        } else {
            false
        };
        let mut texts = Vec::new();
        for (c, kind) in kinds.iter().take(channels).enumerate() {
            let prefix = if scenarios > 0 {
                format!("s{}{}_", s + 1, &kind[..1])
            } else {
                format!("{}_", &kind[..1])
            };
            let nested = if c == 0 && s == 0 {
                shape.nested_conditions
            } else {
                0
            };
            let text = channel(
                &mut rng,
                shape,
                kind,
                &prefix,
                &actors,
                intake_bound,
                nested,
            );
            for (u, t) in used.iter_mut().zip(&text.used) {
                *u |= *t;
            }
            texts.push((*kind, text));
        }
        let worst = texts.iter().map(|t| t.1.bound).max().unwrap_or(0);
        let wd = deadline_wd(worst, &mut rng).max(1);
        let receipt = if rng.chance(30) {
            " {\n    receipt-day excluded\n  }"
        } else {
            ""
        };
        let _ = writeln!(out, "  deadline {wd} wd @4{receipt}\n");
        for (i, (kind, t)) in texts.iter().enumerate() {
            let _ = writeln!(
                out,
                "  channel ch{}_{} {kind} @1.{} {{",
                s + 1,
                i + 1,
                i + 1
            );
            out.push_str(&t.body);
            for (step, bound) in &t.dues {
                let _ = writeln!(out, "    due {step} {} wd @5.9", bound.div_ceil(480).max(1));
            }
            let _ = writeln!(out, "  }}\n");
        }
        if indent_open {
            let _ = writeln!(out, "  }}\n");
        }
    }
    let _ = writeln!(out, "}}");
    let mut declared = String::new();
    for (i, (stem, name_ru, name_kk, kind)) in ACTORS[..n_actors].iter().enumerate() {
        if used[i] {
            let _ = writeln!(
                declared,
                "  actor {stem} ru \"{name_ru}\" kk \"{name_kk}\" {kind} @6.{}",
                i + 1
            );
        }
    }
    out.insert_str(header_len, &declared);
    out
}

/// The `index`-th file of a corpus generated from `seed`: a realistic shape and content, both
/// drawn from `seed` and `index`.
pub fn corpus_file(seed: u64, index: u64) -> String {
    let file_seed = Rng::new(seed ^ index.wrapping_mul(0xA24B_AED4_963E_E407)).next_u64();
    let mut rng = Rng::new(file_seed);
    let shape = Shape::realistic(&mut rng);
    generate_regulation(file_seed, &shape)
}

/// The number of timed flow statements (`step`, `check`, `wait`) in a generated text: the
/// "steps" a benchmark reports. Counts statement keywords at the start of a line.
pub fn count_steps(text: &str) -> u64 {
    text.lines()
        .filter(|l| {
            let t = l.trim_start();
            t.starts_with("step ") || t.starts_with("check ") || t.starts_with("wait ")
        })
        .count() as u64
}
