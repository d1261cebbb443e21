//! The passes of the model crate, from outside: keywords in every language of the table, a
//! language added in a test, fixed words checked everywhere, and the documented table.

use reglam_diagnostics::Diagnostic;
use reglam_model::{Analysis, LoadedFile, MemoryLoader, Workspace};
use reglam_syntax::{
    ChannelKind, Column, Fixed, Form, Keyword, OutcomeKind, Unit, Vocabulary, Word,
};

fn analyse_with(text: &str, vocab: Vocabulary) -> Analysis {
    let mut ws = Workspace::with_vocabulary(MemoryLoader::default(), vocab);
    ws.add_root(LoadedFile {
        key: "t.reglam".into(),
        name: "t.reglam".into(),
        bytes: text.as_bytes().to_vec(),
    });
    ws.finish()
}

fn analyse(text: &str) -> Analysis {
    analyse_with(text, Vocabulary::builtin())
}

/// The model as JSON: spans and file ids are left out, so files in different languages compare.
fn model(a: &Analysis) -> String {
    serde_json::to_string_pretty(&a.corpus).expect("the corpus serialises")
}

fn errors(a: &Analysis) -> Vec<&Diagnostic> {
    a.diagnostics.iter().collect()
}

const ENGLISH: &str = r#"
regulation reg {
  title ru "Регистрация"
  form paper
  deadline 5 wd {
    receipt-day excluded
    extend by 2 wd "запрос"
  }
  actor specialist ru "специалист"
  actor head unit ru "руководитель"
  procedure review {
    step read head 2 h
  }
  channel provider provider {
    step register specialist 30 min @5.1 "регистрирует"
    call review
    check complete specialist 10 min then choose else refused
    decide choose head 1 h {
      when "да" -> issued
      when "нет" -> back
    }
    rework back specialist -> register "возврат" {
      max 2 times
      clock paused
    }
    outcome issued result "выдано"
    outcome refused reasoned-refusal "отказ"
  }
}
"#;

const RUSSIAN: &str = r#"
регламент reg {
  наименование ru "Регистрация"
  форма бумажная
  срок 5 рабочих-дней {
    день-приема не-учитывается
    продление на 2 рабочих-дня "запрос"
  }
  участник specialist ru "специалист"
  участник head подразделение ru "руководитель"
  процедура review {
    шаг read head 2 часа
  }
  канал provider услугодатель {
    шаг register specialist 30 минут @5.1 "регистрирует"
    вызов review
    проверка complete specialist 10 минут то choose иначе refused
    решение choose head 1 час {
      если "да" -> issued
      если "нет" -> back
    }
    доработка back specialist -> register "возврат" {
      не-более 2 раза
      отсчет приостановлен
    }
    исход issued результат "выдано"
    исход refused мотивированный-отказ "отказ"
  }
}
"#;

const KAZAKH: &str = r#"
регламенті reg {
  атауы ru "Регистрация"
  нысаны қағаз
  мерзім 5 жұмыс-күні {
    қабылдау-күні есептелмейді
    ұзарту қосымша 2 жұмыс-күн "запрос"
  }
  қатысушы specialist ru "специалист"
  қатысушы head бөлімше ru "руководитель"
  рәсім review {
    қадам read head 2 сағат
  }
  арна provider көрсетуші {
    қадам register specialist 30 минут @5.1 "регистрирует"
    шақыру review
    тексеру complete specialist 10 минут онда choose әйтпесе refused
    шешім choose head 1 сағат {
      егер "да" -> issued
      егер "нет" -> back
    }
    пысықтау back specialist -> register "возврат" {
      ең-көбі 2 рет
      есеп тоқтатылады
    }
    қорытынды issued нәтиже "выдано"
    қорытынды refused дәлелді-бас-тарту "отказ"
  }
}
"#;

#[test]
fn russian_and_kazakh_keywords_lower_to_the_english_model() {
    let en = analyse(ENGLISH);
    assert!(errors(&en).is_empty(), "{:?}", en.diagnostics);
    assert_eq!(en.corpus.regulations.len(), 1);
    for text in [RUSSIAN, KAZAKH] {
        let other = analyse(text);
        assert!(errors(&other).is_empty(), "{:?}", other.diagnostics);
        assert_eq!(model(&other), model(&en));
    }
}

/// A language is a column: one added here, in the test, reads a file written in it.
#[test]
fn a_language_added_in_a_test_reads_its_files() {
    let mut vocab = Vocabulary::builtin();
    let de = |w: Word, s: &'static str| (w, vec![s]);
    vocab.add_column(Column {
        code: "de",
        words: vec![
            de(Word::Keyword(Keyword::Regulation), "regelung"),
            de(Word::Keyword(Keyword::Title), "titel"),
            de(Word::Keyword(Keyword::Deadline), "frist"),
            de(Word::Keyword(Keyword::Actor), "akteur"),
            de(Word::Keyword(Keyword::Channel), "kanal"),
            de(Word::Keyword(Keyword::Step), "schritt"),
            de(Word::Keyword(Keyword::Outcome), "ergebnis"),
            de(Word::Keyword(Keyword::Form), "form"),
            de(Word::Form(Form::Paper), "papier"),
            de(Word::ChannelKind(ChannelKind::Provider), "anbieter"),
            de(Word::OutcomeKind(OutcomeKind::Result), "resultat"),
            (
                Word::Unit(Unit::WorkingDay),
                vec!["arbeitstag", "arbeitstage"],
            ),
            (Word::Unit(Unit::Minute), vec!["minuten"]),
            de(Word::Fixed(Fixed::For), "für"),
        ],
    });
    let german = r#"
regelung reg {
  titel ru "Регистрация"
  form papier
  frist 5 arbeitstage
  akteur specialist ru "специалист"
  kanal provider anbieter {
    schritt register specialist 30 minuten "регистрирует"
    ergebnis issued resultat "выдано"
  }
}
"#;
    let english = r#"
regulation reg {
  title ru "Регистрация"
  form paper
  deadline 5 wd
  actor specialist ru "специалист"
  channel provider provider {
    step register specialist 30 min "регистрирует"
    outcome issued result "выдано"
  }
}
"#;
    let de = analyse_with(german, vocab.clone());
    assert!(errors(&de).is_empty(), "{:?}", de.diagnostics);
    assert_eq!(model(&de), model(&analyse(english)));
    // And it answers in German.
    let typo = analyse_with(&german.replace("form papier", "form papir"), vocab);
    let d = &typo.diagnostics[0];
    assert_eq!(d.code.as_str(), "E008");
    assert!(d.primary.message.contains("`papier`"), "{d:?}");
}

#[test]
fn max_takes_only_times() {
    let a = analyse(&ENGLISH.replace("max 2 times", "max 2 bananas"));
    assert_eq!(a.diagnostics.len(), 1, "{:?}", a.diagnostics);
    let d = &a.diagnostics[0];
    assert_eq!(d.code.as_str(), "E008");
    assert!(d.message.contains("`bananas`"), "{}", d.message);
    // A typo of the word is answered with it.
    let a = analyse(&ENGLISH.replace("max 2 times", "max 2 timse"));
    assert!(a.diagnostics[0].primary.message.contains("`times`"));
    // `max 2 time` and `max 2` stay fine.
    assert!(analyse(&ENGLISH.replace("max 2 times", "max 2 time"))
        .diagnostics
        .is_empty());
    assert!(analyse(&ENGLISH.replace("max 2 times", "max 2"))
        .diagnostics
        .is_empty());
}

/// Suggestions are spelt in the language of the file's keywords.
#[test]
fn suggestions_speak_the_files_language() {
    let label = |text: &str| {
        let a = analyse(text);
        assert_eq!(a.diagnostics.len(), 1, "{:?}", a.diagnostics);
        a.diagnostics[0].primary.message.clone()
    };
    // A misspelt statement.
    assert!(label(&RUSSIAN.replace("вызов review", "вызв review")).contains("`вызов`"));
    assert!(label(&KAZAKH.replace("шақыру review", "шақру review")).contains("`шақыру`"));
    assert!(label(&ENGLISH.replace("call review", "cal review")).contains("`call`"));
    // A misspelt fixed word.
    assert!(label(&RUSSIAN.replace("форма бумажная", "форма бумажня")).contains("`бумажная`"));
    assert!(
        label(&KAZAKH.replace("есеп тоқтатылады", "есеп тоқтатлады")).contains("`тоқтатылады`")
    );
    // The list of choices too.
    let a = analyse(&RUSSIAN.replace("форма бумажная", "форма xyz"));
    assert!(a.diagnostics[0].help.contains("`электронная`"));
}

/// Durations parse as before: units in every spelling, case ignored.
#[test]
fn units_read_in_every_spelling() {
    let v = Vocabulary::builtin();
    for (s, u) in [
        ("min", Unit::Minute),
        ("МИНУТ", Unit::Minute),
        ("Час", Unit::Hour),
        ("сағат", Unit::Hour),
        ("рабочих-дней", Unit::WorkingDay),
        ("жұмыс-күн", Unit::WorkingDay),
        ("calendar-days", Unit::CalendarDay),
        ("күнтізбелік-күн", Unit::CalendarDay),
        ("ай", Unit::Month),
        ("мес", Unit::Month),
    ] {
        assert_eq!(v.find::<Unit>(s), Some(u), "{s}");
    }
}

const BEGIN: &str = "<!-- keyword table: generated from crates/reglam-syntax/src/vocab.rs -->\n";
const END: &str = "<!-- end of keyword table -->\n";

fn keyword_table() -> String {
    let v = Vocabulary::builtin();
    let columns = v.columns();
    let mut out = String::from("| word |");
    for c in columns {
        out.push_str(&format!(" {} |", c.code));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(columns.len()));
    out.push('\n');
    for (i, (word, _)) in columns[0].words.iter().enumerate() {
        let class = match word {
            Word::Keyword(_) => "statement",
            Word::Unit(_) => "unit",
            Word::Lang(_) => "text language",
            Word::ChannelKind(_) => "channel kind",
            Word::ActorKind(_) => "actor kind",
            Word::OutcomeKind(_) => "outcome kind",
            Word::Form(_) => "form",
            Word::Fixed(_) => "fixed word",
        };
        out.push_str(&format!("| {class} |"));
        for c in columns {
            let cell: Vec<String> = c.words[i].1.iter().map(|s| format!("`{s}`")).collect();
            out.push_str(&format!(" {} |", cell.join(", ")));
        }
        out.push('\n');
    }
    out
}

/// The table in docs/language.md is the vocabulary's; `REGLAM_BLESS=1` rewrites it.
#[test]
fn the_documented_keyword_table_is_the_vocabulary() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/language.md");
    let doc = std::fs::read_to_string(path).expect("docs/language.md");
    let (Some(b), Some(e)) = (doc.find(BEGIN), doc.find(END)) else {
        panic!("docs/language.md has no generated keyword table");
    };
    let table = keyword_table();
    let current = &doc[b + BEGIN.len()..e];
    if current != table {
        if std::env::var_os("REGLAM_BLESS").is_some() {
            let new = format!("{}{BEGIN}{table}{}", &doc[..b], &doc[e..]);
            std::fs::write(path, new).expect("docs/language.md is writable");
        } else {
            panic!("docs/language.md's keyword table is out of date: run with REGLAM_BLESS=1");
        }
    }
}

/// Lowering and building are separate passes: the lowered model has no graphs yet, and the
/// build gives each channel its graph, dues and paths, and each procedure its calls.
#[test]
fn lowering_comes_before_building_the_graphs() {
    let mut ws = Workspace::new(MemoryLoader::default());
    ws.add_root(LoadedFile {
        key: "t.reglam".into(),
        name: "t.reglam".into(),
        bytes: ENGLISH.as_bytes().to_vec(),
    });
    let lowered = ws.lower();
    let channel = |c: &reglam_model::Corpus| c.regulations[0].scenarios[0].channels[0].clone();
    assert_eq!(channel(&lowered.corpus).flow.graph.node_count(), 0);
    assert_eq!(lowered.corpus.regulations[0].procedures[0].calls, 0);
    let built = lowered.build();
    let c = channel(&built.corpus);
    assert!(c.flow.graph.node_count() > 5);
    assert!(c.paths.reachable.iter().all(|r| *r));
    assert_eq!(built.corpus.regulations[0].procedures[0].calls, 1);
}

/// A mistake inside a procedure called from two channels is found once, where it is written.
#[test]
fn a_procedure_is_lowered_once() {
    let text = ENGLISH
        .replace("step read head 2 h", "step read head 2 h\n    stpe x head 1 h")
        .replace(
            "  channel provider provider {",
            "  channel portal portal {\n    call review\n    outcome done result\n  }\n  channel provider provider {",
        );
    let a = analyse(&text);
    let unknown: Vec<_> = a
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "E007")
        .collect();
    assert_eq!(unknown.len(), 1, "{:?}", a.diagnostics);
    assert!(
        unknown[0].message.contains("`procedure`"),
        "{}",
        unknown[0].message
    );
}

/// Inputs that `check` accepts must not crash or blow up the model's passes.
mod robust {
    use super::*;

    /// One channel of `n` steps in a row, each a minute.
    pub(super) fn long_channel(n: usize) -> String {
        let mut s = String::from(
            "regulation reg {\n  title ru \"Р\"\n  form paper\n  deadline 500 wd\n  actor a ru \"а\"\n  channel provider provider {\n",
        );
        for i in 0..n {
            s.push_str(&format!("    step s{i} a 1 min\n"));
        }
        s.push_str("    outcome issued result \"выдано\"\n  }\n}\n");
        s
    }

    /// A channel as long as a path is deep: a recursive graph search (petgraph's
    /// `tarjan_scc` was one) needs a frame per step and overflowed the stack at about 87,000
    /// steps. The graphs are built and analysed on a thread with a small stack, which the
    /// recursive search overflowed at this size; an iterative one needs no more for more steps.
    #[test]
    fn a_long_channel_is_analysed_on_a_small_stack() {
        let n = 20_000;
        let mut ws = Workspace::new(MemoryLoader::default());
        ws.add_root(LoadedFile {
            key: "t.reglam".into(),
            name: "t.reglam".into(),
            bytes: long_channel(n).into_bytes(),
        });
        let lowered = ws.lower();
        let built = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || lowered.build())
            .expect("a thread starts")
            .join()
            .expect("the analysis does not overflow a small stack");
        let c = &built.corpus.regulations[0].scenarios[0].channels[0];
        assert!(c.paths.cycles.is_empty());
        assert_eq!(c.flow.graph.node_count(), n + 2);
        let outcome = c
            .flow
            .graph
            .node_indices()
            .find(|i| c.flow.graph[*i].is_outcome())
            .expect("an outcome");
        assert_eq!(
            c.paths.worst_to(outcome).map(|p| p.steps.len()),
            Some(n + 2)
        );
    }

    /// The least of three timings of `f(n)`, in seconds: the growth tests compare two sizes,
    /// never a time against a threshold.
    fn time(f: &impl Fn(usize), n: usize) -> f64 {
        (0..3)
            .map(|_| {
                let t = std::time::Instant::now();
                f(n);
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    }

    /// How much longer `f` takes at 4 × `n` than at `n`: about 4 when linear, 16 when
    /// quadratic.
    fn growth(f: impl Fn(usize), n: usize) -> f64 {
        time(&f, 4 * n) / time(&f, n)
    }

    /// A chain of `n` files, each importing the next and stating a standard; the first
    /// holds a regulation that sees them all.
    fn chain(n: usize) -> (MemoryLoader, LoadedFile) {
        let mut loader = MemoryLoader::default();
        let file = |i: usize| {
            let import = if i + 1 < n {
                format!("import \"f{}.reglam\"\n", i + 1)
            } else {
                String::new()
            };
            format!("{import}standard s{i} {{\n  title ru \"С\"\n}}\n")
        };
        for i in 1..n {
            loader
                .files
                .insert(format!("f{i}.reglam"), file(i).into_bytes());
        }
        let root = LoadedFile {
            key: "f0.reglam".into(),
            name: "f0.reglam".into(),
            bytes: format!("{}{}", file(0), long_channel(1)).into_bytes(),
        };
        (loader, root)
    }

    fn lower_chain(n: usize) -> Analysis {
        let (loader, root) = chain(n);
        let mut ws = Workspace::new(loader);
        ws.add_root(root);
        ws.finish()
    }

    /// A 10,000-deep import chain took 213 s and reported a false E001: the imports were
    /// processed by recursion, one frame per file (the parser, short of stack, misread the
    /// deepest files), and each file gathered its visible standards by a quadratic walk.
    /// On a small stack the chain is read whole; the work grows linearly.
    #[test]
    fn a_long_import_chain_is_linear_and_read_whole() {
        let a = std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(|| lower_chain(3_000))
            .expect("a thread starts")
            .join()
            .expect("no overflow");
        assert!(errors(&a).is_empty(), "{:?}", errors(&a));
        assert_eq!(a.corpus.standards.len(), 3_000);
        let g = growth(
            |n| {
                lower_chain(n);
            },
            500,
        );
        assert!(g < 10.0, "4 × the files took {g:.1} × as long");
    }
}
