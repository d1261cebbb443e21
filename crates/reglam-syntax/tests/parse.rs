use proptest::prelude::*;
use reglam_diagnostics::{Problem, Span};
use reglam_syntax::{decode, parse, print};

const SAMPLE: &str = r#"lang ru
# A comment.
regulation oralman_status @app1 {
  title ru "Присвоение статуса оралмана" kk "Оралман мәртебесін беру"
  implements mzsr_279.oralman_status
  actor маман ru "специалист \"услугодателя\""
  channel provider provider {
    step register маман 30 (тридцати) min @5.1 "регистрирует" -> done; outcome done result
  }
}
"#;

#[test]
fn parse_tree_snapshot() {
    let parsed = parse(0, SAMPLE);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    insta::assert_json_snapshot!(parsed.tree);
}

fn first_problem(text: &str) -> Problem {
    let mut problems = parse(0, text).problems;
    assert!(!problems.is_empty(), "should fail");
    problems.remove(0)
}

#[test]
fn unclosed_string_points_at_its_quote() {
    assert_eq!(
        first_problem("title \"abc\n}"),
        Problem::UnclosedString {
            span: Span::new(0, 6, 7)
        }
    );
}

#[test]
fn unclosed_block_points_at_the_outermost_brace() {
    assert_eq!(
        first_problem("a {\n b {\n }\n"),
        Problem::UnclosedBlock {
            span: Span::new(0, 2, 3)
        }
    );
}

#[test]
fn stray_brace() {
    assert_eq!(
        first_problem("a\n}\n"),
        Problem::StrayBrace {
            span: Span::new(0, 2, 3)
        }
    );
}

#[test]
fn deep_nesting_is_refused_before_pest_recurses() {
    let text = "a {".repeat(100_000) + &"}".repeat(100_000);
    let parsed = parse(0, &text);
    assert!(matches!(
        parsed.problems.as_slice(),
        [Problem::TooDeep { limit: 64, .. }]
    ));
    assert_eq!(print(&parsed.tree), text);
}

#[test]
fn deep_nesting_left_open_is_one_problem_each() {
    let text = "a {\n".repeat(100_000);
    let parsed = parse(0, &text);
    assert_eq!(parsed.problems.len(), 2, "{:?}", parsed.problems);
    assert_eq!(print(&parsed.tree), text);
}

#[test]
fn nul_byte_is_reported() {
    assert!(matches!(first_problem("step a\0"), Problem::Syntax { .. }));
}

#[test]
fn crlf_tabs_and_bom_are_fine() {
    let bytes = b"\xEF\xBB\xBFregulation r {\r\n\ttitle ru \"x\"\r\n}\r\n";
    let d = decode(bytes);
    assert_eq!(d.invalid_at, None);
    let parsed = parse(0, &d.text);
    assert!(parsed.problems.is_empty());
    assert_eq!(
        parsed.tree.statements[0].block.as_ref().unwrap().statements[0].keyword,
        "title"
    );
    assert_eq!(print(&parsed.tree), d.text);
}

#[test]
fn invalid_utf8_is_located() {
    let d = decode(b"title ru \"\xD0\x90\xFF\"");
    assert_eq!(d.invalid_byte, Some(12));
}

#[test]
fn a_block_must_open_on_its_line() {
    match first_problem("actor a\n{\n}\n") {
        p @ Problem::Syntax { .. } => {
            let message = p.into_diagnostic(None).message;
            assert!(
                message.contains("same line") || message.contains("start of a line"),
                "{message}"
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn three_broken_statements_are_three_located_problems() {
    let text = "a x\nb , y\nc z\nd @\ne w\nf -\ng v\n";
    let parsed = parse(0, text);
    let at: Vec<_> = parsed.problems.iter().map(|p| p.span().start).collect();
    assert_eq!(at, [6, 16, 24]);
    let kept: Vec<_> = parsed
        .tree
        .statements
        .iter()
        .map(|s| s.keyword.as_str())
        .collect();
    assert_eq!(kept, ["a", "c", "e", "g"]);
}

#[test]
fn a_huge_line_of_parentheses_is_linear() {
    let text = "a ".to_string() + &"(".repeat(2_000_000);
    let parsed = parse(0, &text);
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(print(&parsed.tree), text);
}

#[test]
fn many_lines_are_linear() {
    let text = "step a b 30 min \"x\" # c\n".repeat(200_000) + &"}\n".repeat(100_000);
    let parsed = parse(0, &text);
    assert_eq!(parsed.tree.statements.len(), 200_000);
    assert_eq!(parsed.problems.len(), 100_000);
    assert_eq!(print(&parsed.tree), text);
}

// Recovery, one snapshot per case: the source, then the outline of its tree and its problems.

fn outline(text: &str) -> String {
    use reglam_syntax::{Block, Item, Statement};
    fn items(out: &mut String, items: &[Item], statements: &[Statement], indent: usize) {
        let pad = "  ".repeat(indent);
        for item in items {
            match item {
                Item::Statement(i) => {
                    let s = &statements[*i];
                    let args: Vec<String> =
                        s.args.iter().map(|a| format!("{:?}", a.kind)).collect();
                    out.push_str(&format!(
                        "{pad}statement {} [{}] {:?}\n",
                        s.keyword,
                        args.join(", "),
                        s.span
                    ));
                    if let Some(b) = &s.block {
                        block(out, b, indent + 1);
                    }
                }
                Item::Comment(p) => out.push_str(&format!("{pad}comment {:?}\n", p.text)),
                // Plain spaces and line ends would only make the outline long; the rest shows
                // what the snapshot's text cannot (a carriage return).
                Item::Trivia(p) if p.text.bytes().all(|b| b == b' ' || b == b'\n') => {}
                Item::Trivia(p) => out.push_str(&format!("{pad}trivia {:?}\n", p.text)),
                Item::Error(e) => {
                    out.push_str(&format!("{pad}error {:?} {:?}\n", e.text, e.problem));
                    if let Some(b) = &e.block {
                        block(out, b, indent + 1);
                    }
                }
            }
        }
    }
    fn block(out: &mut String, b: &Block, indent: usize) {
        let pad = "  ".repeat(indent);
        out.push_str(&format!("{pad}block closed={}\n", b.close.is_some()));
        items(out, &b.items, &b.statements, indent + 1);
    }
    let parsed = parse(0, text);
    assert_eq!(print(&parsed.tree), text);
    let mut out = format!("{text}\n----\n");
    items(&mut out, &parsed.tree.items, &parsed.tree.statements, 0);
    out.push_str("----\n");
    for p in &parsed.problems {
        out.push_str(&format!("{p:?}\n"));
    }
    out
}

#[test]
fn recovery_missing_brace() {
    insta::assert_snapshot!(outline(
        "regulation r {\n  title ru \"x\"\n  channel c provider {\n    step a s 30 min\n}\n"
    ));
}

#[test]
fn recovery_extra_brace() {
    insta::assert_snapshot!(outline(
        "regulation r {\n  title ru \"x\"\n  }\n  actor s ru \"s\"\n}\n"
    ));
}

#[test]
fn recovery_unclosed_string() {
    insta::assert_snapshot!(outline(
        "regulation r {\n  title ru \"x\n  actor s ru s\n  note ru \"y\"\n  step a s 1 min\n}\n"
    ));
}

#[test]
fn recovery_unclosed_string_at_the_end() {
    insta::assert_snapshot!(outline(
        "regulation r {\n  title ru \"x\"\n  note ru \"y\n}\n"
    ));
}

#[test]
fn recovery_bad_token_mid_line() {
    insta::assert_snapshot!(outline(
        "regulation r {\n  actor s, ru \"s\"\n  step a s 30 min\n}\n"
    ));
}

#[test]
fn recovery_three_broken_statements() {
    insta::assert_snapshot!(outline(
        "regulation r {\n  actor s ru \"s\" %\n  deadline 5 wd\n  step a s 30 min @\n  outcome o result\n  step b s - 1 min\n}\n"
    ));
}

#[test]
fn recovery_broken_head_keeps_its_block() {
    insta::assert_snapshot!(outline(
        "regulation r {\n  channel c, provider {\n    step a s 30 min\n  }\n  outcome o result\n}\n"
    ));
}

#[test]
fn recovery_text_after_a_block() {
    insta::assert_snapshot!(outline("a { b } c\nd\n"));
}

#[test]
fn comment_kept() {
    insta::assert_snapshot!(outline(
        "# head of file\nregulation r { # after brace\n  title ru \"x # not a comment\" # after title\n  # own line\n}\n# tail"
    ));
}

#[test]
fn crlf() {
    insta::assert_snapshot!(outline(
        "regulation r {\r\n  title ru \"x\"\r\n  actor s, ru\r\n}\r\n"
    ));
}

#[test]
fn bom_less() {
    // decode drops a byte-order mark; a file without one parses the same.
    let with = decode(b"\xEF\xBB\xBFlang ru\nregulation r {\n}\n").text;
    let without = decode(b"lang ru\nregulation r {\n}\n").text;
    assert_eq!(with, without);
    insta::assert_snapshot!(outline(&without));
}

// Round trips: every corpus file, damaged versions of them, and arbitrary text.

fn corpus() -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "reglam") {
                out.push(p);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../regulations");
    let mut paths = Vec::new();
    walk(&root, &mut paths);
    paths.sort();
    paths
        .iter()
        .map(|p| decode(&std::fs::read(p).expect("readable corpus file")).text)
        .collect()
}

fn corpus_cached() -> &'static [String] {
    static CORPUS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(corpus)
}

#[test]
fn every_corpus_file_round_trips_without_problems() {
    let files = corpus_cached();
    assert!(files.len() > 10, "corpus found: {}", files.len());
    for text in files {
        let parsed = parse(0, text);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(print(&parsed.tree), *text);
    }
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(f64),
    Insert(f64, char),
    Truncate(f64),
}

fn edit() -> impl Strategy<Value = Edit> {
    let inserted = prop_oneof![
        Just('{'),
        Just('}'),
        Just('"'),
        Just('#'),
        Just('\n'),
        Just(';'),
        Just('('),
        any::<char>()
    ];
    prop_oneof![
        6 => (0.0..1.0f64).prop_map(Edit::Delete),
        6 => (0.0..1.0f64, inserted).prop_map(|(at, c)| Edit::Insert(at, c)),
        1 => (0.0..1.0f64).prop_map(Edit::Truncate),
    ]
}

fn damage(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let at = |f: f64, n: usize| ((f * n as f64) as usize).min(n);
        match *e {
            Edit::Delete(f) if !chars.is_empty() => {
                let i = at(f, chars.len() - 1);
                chars.remove(i);
            }
            Edit::Delete(_) => {}
            Edit::Insert(f, c) => {
                let i = at(f, chars.len());
                chars.insert(i, c);
            }
            Edit::Truncate(f) => {
                let i = at(f, chars.len());
                chars.truncate(i);
            }
        }
    }
    chars.into_iter().collect()
}

fn check_round_trip(text: &str) {
    let parsed = parse(0, text);
    assert_eq!(print(&parsed.tree), text);
    // Every error node carries its problem into the list.
    fn errors(items: &[reglam_syntax::Item], statements: &[reglam_syntax::Statement]) -> usize {
        let block = |b: &Option<reglam_syntax::Block>| {
            b.as_ref().map_or(0, |b| errors(&b.items, &b.statements))
        };
        items
            .iter()
            .map(|i| match i {
                reglam_syntax::Item::Error(e) => 1 + block(&e.block),
                reglam_syntax::Item::Statement(i) => block(&statements[*i].block),
                _ => 0,
            })
            .sum()
    }
    let n = errors(&parsed.tree.items, &parsed.tree.statements);
    assert!(n <= parsed.problems.len() && parsed.problems.len() <= n + 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn damaged_corpus_files_round_trip(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(edit(), 1..12),
    ) {
        let files = corpus_cached();
        let text = damage(&files[which.index(files.len())], &edits);
        check_round_trip(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn any_text_round_trips(s in "\\PC{0,200}") {
        check_round_trip(&s);
    }

    #[test]
    fn any_text_with_controls_round_trips(s in any::<String>()) {
        check_round_trip(&s);
    }

    #[test]
    fn reglam_like_text_round_trips(s in "[a-z{}\"@0-9 ()\\->;#\\\\\n\r\t.]{0,200}") {
        check_round_trip(&s);
    }

    #[test]
    fn any_bytes_round_trip(b in proptest::collection::vec(any::<u8>(), 0..300)) {
        let d = decode(&b);
        check_round_trip(&d.text);
    }
}
