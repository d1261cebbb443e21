use proptest::prelude::*;
use reglam_diagnostics::{Problem, Span};
use reglam_syntax::{decode, parse};

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
    let tree = parse(0, SAMPLE).expect("parses");
    insta::assert_json_snapshot!(tree);
}

fn first_problem(text: &str) -> Problem {
    parse(0, text).expect_err("should fail").remove(0)
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
    assert!(matches!(
        first_problem(&text),
        Problem::TooDeep { limit: 64, .. }
    ));
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
    let tree = parse(0, &d.text).expect("parses");
    assert_eq!(
        tree.statements[0].block.as_ref().unwrap().statements[0].keyword,
        "title"
    );
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,200}") {
        let _ = parse(0, &s);
    }

    #[test]
    fn never_panics_on_reglam_like_text(s in "[a-z{}\"@0-9 ()\\->;\n.]{0,200}") {
        let _ = parse(0, &s);
    }

    #[test]
    fn never_panics_on_any_bytes(b in proptest::collection::vec(any::<u8>(), 0..300)) {
        let d = decode(&b);
        let _ = parse(0, &d.text);
    }
}
