use crate::prescan::prescan;
use crate::tree::{Arg, ArgKind, Block, Statement, SyntaxFile};
use pest::iterators::Pair;
use pest::Parser;
use reglam_diagnostics::{FileId, Found, Problem, Span};

#[derive(pest_derive::Parser)]
#[grammar = "../../../grammar/reglam.pest"]
struct ReglamParser;

/// Blocks deeper than this are refused before parsing; real regulations use five or six.
pub const MAX_DEPTH: usize = 64;
/// Files larger than this are refused; the largest real act is under 1 MB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A file's bytes as text.
pub struct Decoded {
    /// The text; invalid sequences replaced by U+FFFD so that a diagnostic can show them.
    pub text: String,
    /// Byte offset (in `text`) of the first invalid sequence, if any.
    pub invalid_at: Option<usize>,
    /// Byte offset in the original bytes of the first invalid sequence.
    pub invalid_byte: Option<usize>,
}

/// Decodes UTF-8, dropping a leading byte-order mark.
pub fn decode(bytes: &[u8]) -> Decoded {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let body = if bom { &bytes[3..] } else { bytes };
    match std::str::from_utf8(body) {
        Ok(text) => Decoded {
            text: text.to_string(),
            invalid_at: None,
            invalid_byte: None,
        },
        Err(e) => {
            let valid = e.valid_up_to();
            Decoded {
                text: String::from_utf8_lossy(body).into_owned(),
                // The lossy text agrees with the bytes up to the first invalid sequence.
                invalid_at: Some(valid),
                invalid_byte: Some(valid + if bom { 3 } else { 0 }),
            }
        }
    }
}

/// Parses a file's text into statements. Returns the tree when the text could be read, and the
/// problems found on the way (none when the tree is returned whole).
pub fn parse(file: FileId, text: &str) -> Result<SyntaxFile, Vec<Problem>> {
    let problems = prescan(file, text, MAX_DEPTH);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut pairs =
        ReglamParser::parse(Rule::file, text).map_err(|e| vec![syntax_problem(file, text, &e)])?;
    let root = pairs.next().expect("the file rule always produces a pair");
    let mut builder = Builder {
        file,
        problems: Vec::new(),
    };
    let statements = root
        .into_inner()
        .filter(|p| p.as_rule() == Rule::statement)
        .map(|p| builder.statement(p))
        .collect();
    if builder.problems.is_empty() {
        Ok(SyntaxFile { statements })
    } else {
        Err(builder.problems)
    }
}

fn syntax_problem(file: FileId, text: &str, error: &pest::error::Error<Rule>) -> Problem {
    let pos = match error.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let rest = &text[pos..];
    let Some(c) = rest.chars().next() else {
        return Problem::Syntax {
            span: Span::new(file, pos, pos),
            found: Found::EndOfFile,
        };
    };
    let len = c.len_utf8();
    let found = match c {
        '{' => Found::BraceAtLineStart,
        '}' => Found::StrayClose,
        '-' => Found::LoneDash,
        '@' => Found::EmptyCitation,
        '(' => Found::LoneParen,
        c if c.is_whitespace() => Found::Space,
        c => Found::Char(c),
    };
    Problem::Syntax {
        span: Span::new(file, pos, pos + len),
        found,
    }
}

struct Builder {
    file: FileId,
    problems: Vec<Problem>,
}

impl Builder {
    fn span(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, s.start(), s.end())
    }

    fn statement(&mut self, pair: Pair<Rule>) -> Statement {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let keyword = inner.next().expect("a statement starts with a word");
        let keyword_span = self.span(&keyword);
        let mut args = Vec::new();
        let mut block = None;
        for p in inner {
            match p.as_rule() {
                Rule::block => {
                    let span = self.span(&p);
                    let statements = p
                        .into_inner()
                        .filter(|p| p.as_rule() == Rule::statement)
                        .map(|p| self.statement(p))
                        .collect();
                    block = Some(Block { statements, span });
                }
                _ => args.push(self.arg(p)),
            }
        }
        Statement {
            keyword: keyword.as_str().to_string(),
            keyword_span,
            args,
            block,
            span,
        }
    }

    fn arg(&mut self, pair: Pair<Rule>) -> Arg {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::arrow => ArgKind::Arrow,
            Rule::citation => ArgKind::Citation(pair.as_str()[1..].to_string()),
            Rule::string => {
                let raw = pair.into_inner().next().map_or("", |p| p.as_str());
                ArgKind::Text(unescape(raw))
            }
            Rule::date => ArgKind::Date(pair.as_str().to_string()),
            Rule::number => {
                let mut inner = pair.into_inner();
                let digits = inner
                    .next()
                    .expect("a number has digits")
                    .as_str()
                    .to_string();
                let words = inner
                    .next()
                    .and_then(|w| w.into_inner().next())
                    .map(|t| t.as_str().to_string());
                ArgKind::Number {
                    value: digits.parse().ok(),
                    digits,
                    words,
                }
            }
            Rule::word => ArgKind::Word(pair.as_str().to_string()),
            other => unreachable!("the grammar yields no {other:?} argument"),
        };
        Arg { kind, span }
    }
}

fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}
