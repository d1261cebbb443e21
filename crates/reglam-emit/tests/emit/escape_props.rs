//! DOT and Mermaid escaping: whatever the text, the quoted string cannot end early and reads
//! back as the text.

use proptest::prelude::*;

/// Reads a DOT quoted string's body back, as Graphviz does for `\"`, `\\` and `\n`.
fn unescape_dot(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        match c {
            '"' => return None, // an unescaped quote would end the string
            '\\' => match it.next()? {
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                'n' => out.push('\n'),
                _ => return None,
            },
            c => out.push(c),
        }
    }
    Some(out)
}

proptest! {
    #[test]
    fn dot_escape_round_trips(s in "[a-zа-яәғқңөұүһі \"\\\\{}\\[\\]<>;\\n\\r\\t|#-]{0,40}") {
        let e = reglam_emit::dot::escape(&s);
        let expected: String = s.chars().filter(|c| *c == '\n' || !c.is_control()).collect();
        prop_assert_eq!(unescape_dot(&e), Some(expected));
        prop_assert!(!e.contains('\n'));
    }

    #[test]
    fn mermaid_escape_leaves_no_syntax(s in "[a-zа-яәғқңөұүһі \"\\\\{}\\[\\]<>;\\n|#`-]{0,40}") {
        let e = reglam_emit::mermaid::escape(&s);
        for bad in ['"', '<', '>', '|', '`', '\n'] {
            // `<` survives only in the `<br>` line breaks the escaper writes itself.
            let rest = e.replace("<br>", "");
            prop_assert!(!rest.contains(bad), "{:?} in {:?}", bad, e);
        }
    }
}
