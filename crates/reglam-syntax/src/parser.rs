use crate::tree::{Arg, ArgKind, Block, ErrorNode, Item, Piece, Statement, SyntaxFile};
use pest::iterators::Pair;
use pest::Parser;
use reglam_diagnostics::{FileId, Found, Problem, Span};

#[derive(pest_derive::Parser)]
#[grammar = "../../../grammar/reglam.pest"]
struct ReglamParser;

/// Blocks deeper than this become one error node; real regulations use five or six.
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

/// A file's tree and the problems found while building it.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// Always there, whatever the text: `print(&tree)` gives the text back.
    pub tree: SyntaxFile,
    /// In source order: one per error node, and one for the outermost block the file leaves
    /// open. Empty when the whole file could be read.
    pub problems: Vec<Problem>,
}

/// Parses a file's text into a lossless tree; never fails. Unreadable statements become error
/// nodes (each with its problem) and parsing resumes after them, so one bad line hides nothing
/// else.
pub fn parse(file: FileId, text: &str) -> Parsed {
    let scan = |cut| Scanner {
        file,
        text,
        bytes: text.as_bytes(),
        pos: 0,
        problems: Vec::new(),
        no_close_paren_before: 0,
        swallowed: false,
        first_multiline: None,
        cut,
    };
    let mut first = scan(None);
    let parsed = first.run();
    // The file ends inside a text. Texts may span lines, so the text that lacks its closing
    // quote is usually not the one left open at the end but the first that spans a line end:
    // it took the next text's opening quote as its end, and every later quote is paired wrong.
    // Read the file again with that text ending at its line; if the rest then reads, that is
    // the better tree (the problem points at the culprit), else keep the first.
    if let (true, Some(quote)) = (first.swallowed, first.first_multiline) {
        let mut second = scan(Some(quote));
        let again = second.run();
        if !second.swallowed {
            return again;
        }
    }
    parsed
}

/// The text of a tree, exactly as it was parsed.
pub fn print(tree: &SyntaxFile) -> String {
    let mut out = String::new();
    print_items(&tree.items, &tree.statements, &mut out);
    out
}

fn print_items(items: &[Item], statements: &[Statement], out: &mut String) {
    for item in items {
        match item {
            Item::Statement(i) => {
                // An index out of range only comes from a tree built by hand: print nothing.
                if let Some(s) = statements.get(*i) {
                    out.push_str(&s.head.text);
                    if let Some(b) = &s.block {
                        print_block(b, out);
                    }
                }
            }
            Item::Comment(p) | Item::Trivia(p) => out.push_str(&p.text),
            Item::Error(e) => {
                out.push_str(&e.text);
                if let Some(b) = &e.block {
                    print_block(b, out);
                }
            }
        }
    }
}

fn print_block(block: &Block, out: &mut String) {
    // Depth is bounded by MAX_DEPTH, so this recursion is too.
    out.push('{');
    print_items(&block.items, &block.statements, out);
    if block.close.is_some() {
        out.push('}');
    }
}

/// A block being read: what it will belong to, and what it holds so far.
struct Frame {
    /// `None` for the file itself.
    owner: Option<Owner>,
    open: usize,
    items: Vec<Item>,
    statements: Vec<Statement>,
}

/// The statement whose head opened a block: its start, its head's text and what its head
/// reads as.
struct Owner {
    start: usize,
    head: Piece,
    read: Result<Head, Box<Problem>>,
}

/// A statement's head, read.
struct Head {
    keyword: String,
    keyword_span: Span,
    args: Vec<Arg>,
    /// The end of its last argument.
    end: usize,
}

struct Scanner<'a> {
    file: FileId,
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    problems: Vec<Problem>,
    /// A `(` before this offset has no `)` before the end of its line: remembered so that a
    /// line of many `(` is scanned once.
    no_close_paren_before: usize,
    /// The file ends inside a text that is never closed.
    swallowed: bool,
    /// The opening quote of the first text that spans a line end.
    first_multiline: Option<usize>,
    /// The opening quote of a text taken to end, unclosed, at its line end.
    cut: Option<usize>,
}

impl Scanner<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    fn piece(&self, start: usize, end: usize) -> Piece {
        Piece {
            span: self.span(start, end),
            text: self.text[start..end].to_string(),
        }
    }

    fn run(&mut self) -> Parsed {
        let mut stack = vec![Frame {
            owner: None,
            open: 0,
            items: Vec::new(),
            statements: Vec::new(),
        }];
        // After a block's `}`, the next statement must start on a new line (or after `;`).
        let mut glued = false;
        loop {
            if self.trivia(&mut stack) {
                glued = false;
            }
            let start = self.pos;
            let Some(&b) = self.bytes.get(start) else {
                break;
            };
            match b {
                b'}' if stack.len() > 1 => {
                    self.pos += 1;
                    let frame = stack.pop().expect("more than the root");
                    let close = Some(self.span(start, start + 1));
                    let item = self.finish(frame, close);
                    push(&mut stack, item);
                    glued = true;
                }
                b'}' => {
                    self.pos += 1;
                    let problem = Problem::StrayBrace {
                        span: self.span(start, start + 1),
                    };
                    let item = self.error(start, self.pos, problem, None);
                    push(&mut stack, item);
                }
                _ => {
                    let head = self.head();
                    if self.swallowed {
                        // `head` stops at the unclosed quote with its problem.
                        let problem = head.err().map_or(
                            Problem::UnclosedString {
                                span: self.span(start, start + 1),
                            },
                            |p| *p,
                        );
                        let item = self.error(start, self.pos, problem, None);
                        push(&mut stack, item);
                        break;
                    }
                    let end = self.pos;
                    let mut read = head;
                    if glued {
                        read = Err(Box::new(self.syntax_at(start)));
                        glued = false;
                    }
                    let head = self.piece(start, end);
                    if self.bytes.get(end) == Some(&b'{') {
                        if stack.len() > MAX_DEPTH {
                            let item = self.too_deep(start);
                            push(&mut stack, item);
                            glued = true;
                            if self.swallowed {
                                break;
                            }
                            continue;
                        }
                        self.pos += 1;
                        stack.push(Frame {
                            owner: Some(Owner { start, head, read }),
                            open: end,
                            items: Vec::new(),
                            statements: Vec::new(),
                        });
                    } else {
                        let item = self.statement(read, start, end, head, None);
                        push(&mut stack, item);
                    }
                }
            }
        }
        // The file ended with blocks open: close them where it ends, and report the outermost
        // one (the inner ones usually only look open because of it), unless an unclosed text
        // already explains why.
        if stack.len() > 1 && !self.swallowed {
            let open = stack[1].open;
            self.problems.push(Problem::UnclosedBlock {
                span: self.span(open, open + 1),
            });
        }
        while stack.len() > 1 {
            let frame = stack.pop().expect("more than the root");
            let item = self.finish(frame, None);
            push(&mut stack, item);
        }
        let root = stack.pop().expect("the root");
        let mut problems = std::mem::take(&mut self.problems);
        problems.sort_by_key(|p| p.span());
        Parsed {
            tree: SyntaxFile {
                statements: root.statements,
                items: root.items,
            },
            problems,
        }
    }

    /// Reads spaces, line ends, `;` and comments into the current frame. Returns whether they
    /// separate statements (a line end, a `;` or a comment, which ends at a line end).
    fn trivia(&mut self, stack: &mut [Frame]) -> bool {
        let mut separates = false;
        loop {
            let start = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                match b {
                    b' ' | b'\t' => {}
                    b'\n' | b'\r' | b';' => separates = true,
                    _ => break,
                }
                self.pos += 1;
            }
            if self.pos > start {
                let piece = self.piece(start, self.pos);
                top(stack).items.push(Item::Trivia(piece));
            }
            if self.bytes.get(self.pos) != Some(&b'#') {
                return separates;
            }
            separates = true;
            let start = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'\n' || b == b'\r' {
                    break;
                }
                self.pos += 1;
            }
            let piece = self.piece(start, self.pos);
            top(stack).items.push(Item::Comment(piece));
        }
    }

    /// Scans a statement's head from `self.pos` to its end (a line end, `;`, `#`, `{`, `}` or
    /// the end of the file, outside texts and number words) and reads it with the grammar.
    fn head(&mut self) -> Result<Head, Box<Problem>> {
        let start = self.pos;
        let mut control = None;
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'\n' | b'\r' | b';' | b'#' | b'{' | b'}' => break,
                b'"' => {
                    let quote = self.pos;
                    match self.skip_text() {
                        TextEnd::Closed => continue,
                        TextEnd::Unclosed => self.swallowed = true,
                        TextEnd::Cut => {}
                    }
                    return Err(Box::new(Problem::UnclosedString {
                        span: self.span(quote, quote + 1),
                    }));
                }
                b'(' => {
                    if self.skip_words() {
                        continue;
                    }
                }
                _ if (b < 0x20 && b != b'\t') || b == 0x7f => {
                    control.get_or_insert(self.pos);
                }
                _ => {
                    // Other control characters are not ASCII: check the whole character.
                    if b >= 0x80 {
                        let c = self.text[self.pos..].chars().next().unwrap_or(' ');
                        if c.is_control() {
                            control.get_or_insert(self.pos);
                        }
                        self.pos += c.len_utf8();
                        continue;
                    }
                }
            }
            self.pos += 1;
        }
        let end = self.pos;
        if let Some(at) = control {
            return Err(Box::new(self.syntax_at(at)));
        }
        let trimmed = self.text[start..end].trim_end_matches([' ', '\t']);
        let mut pairs = ReglamParser::parse(Rule::head, trimmed).map_err(|e| {
            let at = match e.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
            Box::new(self.syntax_at(start + at))
        })?;
        let root = pairs.next().expect("the head rule always produces a pair");
        let mut inner = root.into_inner();
        let keyword = inner.next().expect("a head starts with a word");
        let keyword_span = self.pair_span(&keyword, start);
        let args = inner
            .filter(|p| p.as_rule() != Rule::EOI)
            .map(|p| self.arg(p, start))
            .collect();
        Ok(Head {
            keyword: keyword.as_str().to_string(),
            keyword_span,
            args,
            end: start + trimmed.len(),
        })
    }

    /// Skips a text from its opening quote at `self.pos`: to its closing quote, to the end of
    /// the file when it is never closed, or to its line end when it is the one to cut there.
    fn skip_text(&mut self) -> TextEnd {
        let quote = self.pos;
        let cut = self.cut == Some(quote);
        let mut multiline = false;
        self.pos += 1;
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                // An escape may be followed by a multi-byte character: its continuation bytes
                // are never `"` or `\`, so skipping one byte is enough.
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    if multiline && self.first_multiline.is_none() {
                        self.first_multiline = Some(quote);
                    }
                    return TextEnd::Closed;
                }
                b'\n' | b'\r' if cut => return TextEnd::Cut,
                b'\n' | b'\r' => {
                    multiline = true;
                    self.pos += 1;
                }
                _ => self.pos += 1,
            }
        }
        self.pos = self.bytes.len();
        TextEnd::Unclosed
    }

    /// Skips number words `( … )` from the `(` at `self.pos` when they close on their line.
    fn skip_words(&mut self) -> bool {
        if self.pos < self.no_close_paren_before {
            return false;
        }
        let mut i = self.pos + 1;
        while let Some(&b) = self.bytes.get(i) {
            match b {
                b')' => {
                    self.pos = i + 1;
                    return true;
                }
                b'\n' | b'\r' => break,
                _ => i += 1,
            }
        }
        self.no_close_paren_before = i;
        false
    }

    /// A block too deep to build: one error node from its statement's start to its matching
    /// `}` (or the end of the file). `self.pos` is at its `{`.
    fn too_deep(&mut self, start: usize) -> Built {
        let open = self.pos;
        let mut depth = 0usize;
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        break;
                    }
                }
                b'"' => {
                    if self.skip_text() == TextEnd::Unclosed {
                        self.swallowed = true;
                    }
                    continue;
                }
                b'(' if self.skip_words() => continue,
                b'#' => {
                    while let Some(&b) = self.bytes.get(self.pos) {
                        if b == b'\n' || b == b'\r' {
                            break;
                        }
                        self.pos += 1;
                    }
                    continue;
                }
                _ => {}
            }
            self.pos += 1;
        }
        let problem = Problem::TooDeep {
            span: self.span(open, open + 1),
            limit: MAX_DEPTH,
        };
        self.error(start, self.pos, problem, None)
    }

    /// An error node over `start..end` with its problem.
    fn error(&mut self, start: usize, end: usize, problem: Problem, block: Option<Block>) -> Built {
        self.problems.push(problem.clone());
        Built::Item(Item::Error(Box::new(ErrorNode {
            span: self.span(start, end),
            text: self.text[start..end].to_string(),
            problem,
            block,
        })))
    }

    /// Closes a block (at its `}`, or at the end of the file) into its owner.
    fn finish(&mut self, frame: Frame, close: Option<Span>) -> Built {
        let end = close.map_or(self.bytes.len(), |c| c.end as usize);
        let block = Block {
            statements: frame.statements,
            span: self.span(frame.open, end),
            items: frame.items,
            open: self.span(frame.open, frame.open + 1),
            close,
        };
        let Some(Owner { start, head, read }) = frame.owner else {
            unreachable!("the root is never closed")
        };
        self.statement(read, start, end, head, Some(block))
    }

    /// A statement from its head as read, or an error node (with its problem reported) when the
    /// head could not be read. `start..end` covers the head and its block; a statement without a
    /// block ends with its last argument, not with the spaces after it.
    fn statement(
        &mut self,
        read: Result<Head, Box<Problem>>,
        start: usize,
        end: usize,
        head: Piece,
        block: Option<Block>,
    ) -> Built {
        let span = self.span(start, end);
        match read {
            Ok(h) => Built::Statement(Statement {
                keyword: h.keyword,
                keyword_span: h.keyword_span,
                args: h.args,
                span: if block.is_some() {
                    span
                } else {
                    self.span(start, h.end)
                },
                block,
                head,
            }),
            Err(problem) => {
                let problem = *problem;
                self.problems.push(problem.clone());
                Built::Item(Item::Error(Box::new(ErrorNode {
                    span,
                    text: head.text,
                    problem,
                    block,
                })))
            }
        }
    }

    /// The syntax problem of the character at `at`.
    fn syntax_at(&self, at: usize) -> Problem {
        let Some(c) = self.text.get(at..).and_then(|r| r.chars().next()) else {
            return Problem::Syntax {
                span: self.span(self.text.len(), self.text.len()),
                found: Found::EndOfFile,
            };
        };
        let found = match c {
            '{' => Found::BraceAtLineStart,
            '}' => Found::StrayClose,
            '-' => Found::LoneDash,
            '@' => Found::EmptyCitation,
            '(' => Found::LoneParen,
            c if c.is_control() && !matches!(c, '\n' | '\r' | '\t') => Found::ControlChar(c),
            c if c.is_whitespace() => Found::Space,
            c => Found::Char(c),
        };
        Problem::Syntax {
            span: self.span(at, at + c.len_utf8()),
            found,
        }
    }

    fn pair_span(&self, pair: &Pair<Rule>, offset: usize) -> Span {
        let s = pair.as_span();
        self.span(offset + s.start(), offset + s.end())
    }

    fn arg(&self, pair: Pair<Rule>, offset: usize) -> Arg {
        let span = self.pair_span(&pair, offset);
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

/// Where a text ended.
#[derive(PartialEq, Eq)]
enum TextEnd {
    Closed,
    /// At the end of the file.
    Unclosed,
    /// At its line end, as [`Scanner::cut`] asks.
    Cut,
}

/// What closing a block or reading a head gives its frame: moved straight into it, so the
/// difference in size costs nothing.
#[allow(clippy::large_enum_variant)]
enum Built {
    Statement(Statement),
    Item(Item),
}

fn top(stack: &mut [Frame]) -> &mut Frame {
    stack.last_mut().expect("the root is always there")
}

fn push(stack: &mut [Frame], built: Built) {
    let frame = top(stack);
    match built {
        Built::Statement(s) => {
            frame.items.push(Item::Statement(frame.statements.len()));
            frame.statements.push(s);
        }
        Built::Item(item) => frame.items.push(item),
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
