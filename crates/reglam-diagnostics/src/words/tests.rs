//! The English catalogue's words, and that every problem is worded.

mod english {
    use super::super::en::English;
    use super::super::Words;
    use reglam_time::Amount;
    use reglam_time::Unit;

    fn wd(n: u64) -> Amount {
        Amount::of(n, Unit::WorkingDay)
    }

    #[test]
    fn amounts_print_plainly() {
        let e = English;
        assert_eq!(
            e.amount(&wd(3).plus(Amount::of(150, Unit::Minute))),
            "3 working days 2 hours 30 minutes"
        );
        assert_eq!(
            e.amount(&Amount::of(1, Unit::CalendarDay).plus(Amount::of(1, Unit::Month))),
            "1 month + 1 calendar day"
        );
        assert_eq!(e.amount(&Amount::ZERO), "0 minutes");
    }

    #[test]
    fn citations_are_described() {
        let e = English;
        assert_eq!(e.citation("5.1"), "paragraph 5, sub-paragraph 1");
        assert_eq!(e.citation("5.1.2"), "paragraph 5, sub-paragraph 1, item 2");
        assert_eq!(e.citation("app1.row5"), "appendix 1, row 5");
        assert_eq!(e.citation("app2.t1.row5"), "appendix 2, table 1, row 5");
    }
}

mod every_problem {
    use super::super::en::English;
    use super::super::Words;
    use crate::problem::*;
    use crate::Span;
    use reglam_time::Unit;
    use reglam_time::{Amount, CalendarReason};

    fn place() -> Place {
        Place {
            regulation: "r".into(),
            scenario: Some("s".into()),
            channel: "c".into(),
        }
    }

    fn deadline() -> StatedDeadline {
        StatedDeadline {
            amount: Amount::of(5, Unit::WorkingDay),
            from: Some(ServiceRef {
                standard: "std".into(),
                service: "svc".into(),
            }),
        }
    }

    /// One problem of every kind, with made-up facts.
    fn all() -> Vec<Problem> {
        let span = Span::default();
        let a = Amount::of(90, Unit::Minute);
        let name = || "x".to_string();
        let line = PathLine {
            node: "p/x".into(),
            procedure: Some("p".into()),
            actor: Some("a".into()),
            citation: Some("5.1".into()),
            adds: a,
            running: a,
            returns: Some(Returns {
                times: 2,
                body: a,
                away: a,
            }),
        };
        let bad = |issue| Problem::BadArguments {
            span,
            statement: "step".into(),
            issue,
        };
        use Problem::*;
        vec![
            Syntax {
                span,
                found: Found::ControlChar('\u{7}'),
            },
            InvalidUtf8 { span, byte: 3 },
            UnclosedString { span },
            UnclosedBlock { span },
            StrayBrace { span },
            TooDeep { span, limit: 64 },
            TooLarge {
                span,
                size: 10,
                limit: 5,
            },
            UnknownStatement {
                span,
                word: "stp".into(),
                within: Within::Statement("channel".into()),
                suggestion: Some("step".into()),
                allowed: vec!["step"],
            },
            bad(ArgIssue::Missing(Expected::FixedWords(vec![
                "in-force", "repealed",
            ]))),
            bad(ArgIssue::Unexpected(Unexpected::FixedWords(vec![
                "then", "else",
            ]))),
            bad(ArgIssue::UnexpectedBlock),
            bad(ArgIssue::MissingBlock),
            bad(ArgIssue::NotOneOf {
                found: "y".into(),
                allowed: vec!["a", "b"],
                suggestion: None,
            }),
            bad(ArgIssue::NumberTooLarge),
            bad(ArgIssue::BadDate("2025-02-30".into())),
            UnknownUnit {
                span,
                word: "dya".into(),
                suggestion: None,
            },
            ImportUnreadable {
                span,
                path: "a.reglam".into(),
                reason: ReadFailure::TooLarge { size: 9 },
            },
            ImportCycle {
                span,
                chain: vec!["a".into(), "b".into(), "a".into()],
            },
            ImportOutside {
                span,
                path: "../a".into(),
            },
            Duplicate {
                span,
                first: span,
                what: NameKind::ServiceOfStandard,
                name: name(),
            },
            UnknownName {
                span,
                what: NameKind::StepOrOutcome,
                name: name(),
                suggestion: None,
            },
            UndeclaredActor {
                span,
                name: name(),
                suggestion: None,
            },
            ActorNameClash {
                span,
                other: span,
                name: name(),
            },
            RecursiveCall { span, name: name() },
            Overrun {
                span,
                place: place(),
                outcome: name(),
                total: a,
                deadline: deadline(),
                extended: Some(a),
                by: a,
                exact: false,
                deadline_span: Some(span),
                path: vec![line.clone()],
            },
            StepOverDeadline {
                span,
                step: name(),
                duration: a,
                deadline: deadline(),
                deadline_span: None,
            },
            SubDeadlineTooLong {
                span,
                sub: SubDeadline::BeforeDeadline(a),
                deadline: deadline(),
                deadline_span: Some(span),
            },
            SubDeadlineOverrun {
                span,
                step: name(),
                total: a,
                limit: a,
                by: a,
                path: vec![line],
            },
            Stuck {
                span,
                at: StuckAt::Start {
                    channel: "c".into(),
                },
                falls_off: false,
            },
            UnboundedLoop {
                span,
                cycle: vec![name(), name()],
            },
            ReworkUnbounded { span, name: name() },
            BranchNeverJoins {
                span,
                parallel: name(),
                parallel_span: span,
                exit: name(),
            },
            ReworkForward {
                span,
                name: name(),
                target: name(),
            },
            EmptyFile { span },
            UnusedActor { span, name: name() },
            UnlistedActor {
                span,
                name: name(),
                list: span,
            },
            UnusedProcedure { span, name: name() },
            Unreachable {
                span,
                step: name(),
                place: place(),
            },
            NoActor { span, step: name() },
            NoDuration { span, step: name() },
            OneWay { span, name: name() },
            MixedScript {
                span,
                word: "ЦOН".into(),
                letter: 'O',
                suggestion: "ЦОН".into(),
            },
            NumberWords {
                span,
                number: 30,
                words: "двадцати".into(),
                suggestion: "тридцати".into(),
                other_number: Some(20),
            },
            TableDisagrees {
                span,
                step: name(),
                table: a,
                text: a,
                table_span: span,
            },
            TableTotalDisagrees {
                span,
                of: TotalOf::Channel(place()),
                table: a,
                computed: a,
            },
            NoDeadline {
                span,
                place: place(),
            },
            NeedsCalendar {
                span,
                place: place(),
                outcome: name(),
                total: a,
                deadline: deadline(),
                reason: CalendarReason::MixedPaths,
            },
            FitsOnlyExtended {
                span,
                place: place(),
                outcome: name(),
                total: a,
                deadline: deadline(),
                extended: a,
            },
            NoResult {
                span,
                place: place(),
            },
            OutputCollision {
                span,
                regulation: name(),
                path: name(),
                other: name(),
            },
            BidiControl {
                span,
                character: 0x202E,
            },
            StaleAcknowledgement {
                span,
                code: "E020".into(),
                target: "issued".into(),
            },
            StaleBaselineEntry {
                span,
                code: "E020".into(),
                statement: "outcome issued result".into(),
            },
            // A choice that looks like a typo is answered with the closest one (kept last:
            // `a_choice_suggests_the_closest` takes the last problem).
            bad(ArgIssue::NotOneOf {
                found: "tims".into(),
                allowed: vec!["times"],
                suggestion: Some("times".into()),
            }),
        ]
    }

    #[test]
    fn every_problem_has_a_message_a_label_and_a_help_line() {
        let problems = all();
        let codes: std::collections::BTreeSet<_> =
            problems.iter().map(|p| p.code().as_str()).collect();
        assert_eq!(
            codes.len(),
            crate::CATALOGUE.len(),
            "one problem per code at least"
        );
        for p in problems {
            let w = English.problem(&p);
            let code = p.code().as_str();
            assert!(!w.message.is_empty() && !w.label.is_empty(), "{code}");
            assert!(
                w.help.ends_with('.'),
                "{code}: the help is a sentence: {}",
                w.help
            );
            assert!(
                !w.message.ends_with('.'),
                "{code}: the message is not: {}",
                w.message
            );
        }
    }

    #[test]
    fn a_choice_suggests_the_closest() {
        let p = all();
        let w = English.problem(p.last().expect("problems"));
        assert_eq!(w.label, "did you mean `times`?");
    }

    #[test]
    fn the_facts_are_worded_as_before() {
        let w = |p: &Problem| English.problem(p);
        let p = all();
        assert_eq!(
            w(&p[0]).message,
            "Reglam cannot read the control character U+0007 here"
        );
        assert_eq!(
            w(&p[7]).message,
            "`stp` is not a statement Reglam knows inside `channel`"
        );
        assert_eq!(w(&p[8]).message, "`step` needs `in-force` or `repealed`");
        assert_eq!(w(&p[9]).message, "`step` does not take `then`/`else` here");
        let overrun = w(&p[24]);
        assert_eq!(
            overrun.message,
            "in regulation `r`, scenario `s`, channel `c`, the path to `x` takes 1 hour 30 \
             minutes, over the deadline of 5 working days (from std.svc), 1 hour 30 minutes \
             when extended, by at least 1 hour 30 minutes"
        );
        assert_eq!(
            overrun.notes,
            [
                "the longest path:",
                "  1. p/x (a) @5.1: +1 hour 30 minutes = 1 hour 30 minutes [2 returns × (1 hour \
                 30 minutes again + 1 hour 30 minutes away)]"
            ]
        );
        assert_eq!(
            w(&p[28]).message,
            "from `the start of c` no outcome can be reached"
        );
    }
}
