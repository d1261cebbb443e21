use codespan_reporting::files::{self, Files, SimpleFile};
use std::ops::Range;

/// Index of a file in a [`SourceMap`].
pub type FileId = usize;

/// A byte range in one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        // Files are capped well below 4 GiB before parsing, so offsets fit in u32.
        Span {
            file,
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The smallest span that covers both.
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// The texts of every file a run has read, by [`FileId`].
#[derive(Default)]
pub struct SourceMap {
    files: Vec<SimpleFile<String, String>>,
}

impl SourceMap {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file's (already decoded) text and returns its id.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        self.files.push(SimpleFile::new(name.into(), text.into()));
        self.files.len() - 1
    }

    pub fn name(&self, id: FileId) -> &str {
        self.files[id].name()
    }

    pub fn text(&self, id: FileId) -> &str {
        self.files[id].source()
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// One-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, id: FileId, offset: usize) -> (usize, usize) {
        // A binary search over the line starts the file keeps: rescanning the text from its
        // start made rendering every diagnostic of a large file quadratic.
        let file = &self.files[id];
        let text = file.source().as_str();
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = files::Files::line_index(file, (), offset).unwrap_or(0);
        let line_start = files::Files::line_range(file, (), line).map_or(0, |r| r.start);
        let column = text[line_start.min(offset)..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        let text = self.text(span.file);
        let start = floor_char_boundary(text, (span.start as usize).min(text.len()));
        let end = floor_char_boundary(text, (span.end as usize).min(text.len()));
        &text[start..end.max(start)]
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl<'a> Files<'a> for SourceMap {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, files::Error> {
        self.files
            .get(id)
            .map(|f| f.name().as_str())
            .ok_or(files::Error::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, files::Error> {
        self.files
            .get(id)
            .map(|f| f.source().as_str())
            .ok_or(files::Error::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, files::Error> {
        self.files
            .get(id)
            .ok_or(files::Error::FileMissing)?
            .line_index((), byte_index)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, files::Error> {
        self.files
            .get(id)
            .ok_or(files::Error::FileMissing)?
            .line_range((), line_index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_characters() {
        let mut m = SourceMap::new();
        let id = m.add("t", "ab\nвг\n\nx");
        assert_eq!(m.line_col(id, 0), (1, 1));
        assert_eq!(m.line_col(id, 2), (1, 3));
        assert_eq!(m.line_col(id, 3), (2, 1));
        // Inside `в` (two bytes): the character's start.
        assert_eq!(m.line_col(id, 4), (2, 1));
        assert_eq!(m.line_col(id, 5), (2, 2));
        assert_eq!(m.line_col(id, 8), (3, 1));
        assert_eq!(m.line_col(id, 9), (4, 1));
        assert_eq!(m.line_col(id, 100), (4, 2));
    }

    /// The place of every line of a file of `n` lines, `reps` times over.
    fn every_line(n: usize, reps: usize) -> f64 {
        let mut m = SourceMap::new();
        let id = m.add("t", "step s a 1 min\n".repeat(n));
        let t = std::time::Instant::now();
        for _ in 0..reps {
            for l in 0..n {
                assert_eq!(m.line_col(id, l * 15 + 5).0, l + 1);
            }
        }
        t.elapsed().as_secs_f64()
    }

    /// `line_col` rescanned the text from its start: rendering every diagnostic of a file
    /// of 100,000 lines was quadratic (65 s). Places of 8 × the lines cost about 8 × as much
    /// (64 × when quadratic); the least of three timings of each size is compared.
    #[test]
    fn line_col_is_a_lookup_not_a_scan() {
        let best = |n: usize| {
            (0..3)
                .map(|_| every_line(n, 16))
                .fold(f64::INFINITY, f64::min)
        };
        let (small, large) = (best(4_000), best(32_000));
        let ratio = large / small;
        // Halfway (on a log scale) between linear and quadratic, with room for a loaded machine.
        assert!(ratio < 32.0, "8 × the lines took {ratio:.1} × as long");
    }
}
