//! Bad input gets a diagnostic, never a panic: each file, given to `reglam check`, reports its
//! code (`cases::<file>`).

use crate::support::{reglam, temp};
use libtest_mimic::Trial;

pub fn trials() -> Vec<Trial> {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.reglam", vec![], "W001"),
        ("bom.reglam", b"\xEF\xBB\xBF".to_vec(), "W001"),
        (
            "utf8.reglam",
            b"regulation r {\n title ru \"\xD0\x9F\xFF\"\n}\n".to_vec(),
            "E002",
        ),
        ("nul.reglam", b"regulation r {\0}".to_vec(), "E001"),
        (
            "deep.reglam",
            ("a {".repeat(100_000) + &"}".repeat(100_000)).into_bytes(),
            "E005",
        ),
        ("self.reglam", b"import \"self.reglam\"\n".to_vec(), "E011"),
        (
            "outside.reglam",
            b"import \"../../../../../../../../etc/hostname\"\n".to_vec(),
            "E012",
        ),
        (
            "nofile.reglam",
            b"import \"nothere.reglam\"\n".to_vec(),
            "E010",
        ),
    ];
    let mut trials: Vec<Trial> = cases
        .into_iter()
        .map(|(name, bytes, code)| {
            Trial::test(format!("cases::{name}"), move || {
                // A folder per case: the cases run in parallel.
                let d = temp(&format!("bad-{name}"));
                std::fs::write(d.join(name), bytes).unwrap();
                let (exit, out, err) = reglam(&["check", "--format", "json", name], &d);
                assert!(exit == 0 || exit == 1, "{name}: exit {exit}\n{err}");
                assert!(!err.contains("panicked"), "{name}: {err}");
                assert!(
                    out.contains(&format!("\"code\": \"{code}\"")),
                    "{name}: expected {code}\n{out}"
                );
                Ok(())
            })
        })
        .collect();
    // Two files importing each other.
    trials.push(Trial::test("cases::a.reglam", || {
        let d = temp("bad-cycle");
        std::fs::write(d.join("a.reglam"), "import \"b.reglam\"\n").unwrap();
        std::fs::write(d.join("b.reglam"), "import \"a.reglam\"\n").unwrap();
        let (_, out, _) = reglam(&["check", "--format", "json", "a.reglam"], &d);
        assert!(out.contains("E011"), "{out}");
        Ok(())
    }));
    trials
}
