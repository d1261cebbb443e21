//! A linear pass over the text that finds the problems a recursive parser reports badly:
//! unclosed strings, unmatched braces, nesting deep enough to exhaust the stack, and control
//! characters. It runs before pest, so pest only ever sees text of bounded depth.

use reglam_diagnostics::{FileId, Found, Problem, Span};

pub(crate) fn prescan(file: FileId, text: &str, max_depth: usize) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut open_braces: Vec<usize> = Vec::new();
    let mut deepest_reported = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '#' => {
                while let Some(&(_, c)) = chars.peek() {
                    if c == '\n' || c == '\r' {
                        break;
                    }
                    chars.next();
                }
            }
            '"' => {
                let mut closed = false;
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => {
                            closed = true;
                            break;
                        }
                        _ => {}
                    }
                }
                if !closed {
                    problems.push(Problem::UnclosedString {
                        span: Span::new(file, i, i + 1),
                    });
                    // Everything after an unclosed quote is inside it: nothing more to scan.
                    return problems;
                }
            }
            '{' => {
                open_braces.push(i);
                if open_braces.len() > max_depth && !deepest_reported {
                    deepest_reported = true;
                    problems.push(Problem::TooDeep {
                        span: Span::new(file, i, i + 1),
                        limit: max_depth,
                    });
                }
            }
            // A `}` with no open block closes nothing.
            '}' if open_braces.pop().is_none() => {
                problems.push(Problem::StrayBrace {
                    span: Span::new(file, i, i + 1),
                });
            }
            c if c.is_control() && !matches!(c, '\n' | '\r' | '\t') => {
                problems.push(Problem::Syntax {
                    span: Span::new(file, i, i + c.len_utf8()),
                    found: Found::ControlChar(c),
                });
                return problems;
            }
            _ => {}
        }
    }
    // Report the outermost unclosed block: the inner ones are usually fine and only look
    // unclosed because of it.
    if let Some(&first) = open_braces.first() {
        problems.push(Problem::UnclosedBlock {
            span: Span::new(file, first, first + 1),
        });
    }
    problems
}
