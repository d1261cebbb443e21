//! A small XML writer. Hand-written rather than a crate: the output is a fixed, small set of
//! elements, and all that matters is correct escaping and stable bytes.

use std::fmt::Write;

/// Escapes text for an attribute value or element content. Characters XML 1.0 forbids
/// (control characters other than tab, newline and carriage return) are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// An indented XML document being written.
pub struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    pub fn new() -> Xml {
        Xml {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            depth: 0,
        }
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, String)]) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            let _ = write!(self.out, " {k}=\"{}\"", escape(v));
        }
    }

    /// `<name attrs>`, and what follows is inside it.
    pub fn open(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.tag(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    /// `</name>`.
    pub fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        let _ = writeln!(self.out, "</{name}>");
    }

    /// `<name attrs/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// `<name attrs>text</name>` on one line.
    pub fn text(&mut self, name: &str, attrs: &[(&str, String)], text: &str) {
        self.tag(name, attrs);
        let _ = writeln!(self.out, ">{}</{name}>", escape(text));
    }

    /// `<!-- text -->`.
    pub fn comment(&mut self, text: &str) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        // "--" may not appear in a comment.
        let _ = writeln!(self.out, "<!-- {} -->", text.replace("--", "- -"));
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// An attribute list entry.
pub fn a(k: &'static str, v: impl Into<String>) -> (&'static str, String) {
    (k, v.into())
}
