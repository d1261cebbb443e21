//! Checking an inline source and looking at the result.

use reglam_diagnostics::Diagnostic;
use reglam_model::Analysis;

/// The file name the sources are checked under, as the rendered output shows it.
pub const FILE: &str = "case.reglam";

pub struct Checked {
    pub source: String,
    pub analysis: Analysis,
    pub diagnostics: Vec<Diagnostic>,
}

/// Analyses and checks one source, as `reglam check` does.
pub fn check(source: &str) -> Checked {
    let (analysis, diagnostics) = reglam_testkit::check_text(FILE, source);
    Checked {
        source: source.to_string(),
        analysis,
        diagnostics,
    }
}

impl Checked {
    /// The codes reported, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        reglam_testkit::codes(&self.diagnostics)
    }

    /// Where each diagnostic with `code` points: (line, column) of its primary span's start,
    /// and the text the span covers.
    pub fn at(&self, code: &str) -> Vec<(usize, usize, &str)> {
        self.diagnostics
            .iter()
            .filter(|d| d.code.as_str() == code)
            .map(|d| {
                let span = d.primary.span;
                let (line, column) = self
                    .analysis
                    .sources
                    .line_col(span.file, span.start as usize);
                (line, column, self.analysis.sources.slice(span))
            })
            .collect()
    }

    /// The only diagnostic with `code`.
    pub fn one(&self, code: &str) -> &Diagnostic {
        let found: Vec<_> = self
            .diagnostics
            .iter()
            .filter(|d| d.code.as_str() == code)
            .collect();
        assert_eq!(found.len(), 1, "one {code} in {:?}", self.codes());
        found[0]
    }

    /// The source, then what `reglam check` prints for it: what a snapshot shows.
    pub fn shown(&self) -> String {
        format!(
            "{}\n----\n{}",
            self.source,
            reglam_testkit::render(&self.analysis, &self.diagnostics)
        )
    }
}

/// A regulation with one provider channel around `body`, and `head` before the channel
/// (deadline, actors, …): most cases differ only there.
pub fn regulation(head: &str, body: &str) -> String {
    let indent = |text: &str, by: &str| -> String {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| format!("{by}{l}\n"))
            .collect()
    };
    format!(
        "regulation registration {{\n  title ru \"Регистрация документов\"\n{}  channel provider provider {{\n{}  }}\n}}\n",
        indent(head, "  "),
        indent(body, "    ")
    )
}
