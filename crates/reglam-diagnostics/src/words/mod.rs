//! Every word a user reads, made from a [`Problem`]'s facts: messages, labels, notes, help,
//! amounts of time, citations. One language is one implementation of [`Words`]; English
//! ([`English`]) is the only one so far. A Russian or Kazakh catalogue is a new module here
//! implementing the same trait, and the compiler lists whatever it has not yet worded.
//!
//! The free functions ([`amount`], [`citation`], …) word in the default language, for the
//! emitters and the command line, which print the same phrases as the diagnostics.

mod en;
#[cfg(test)]
mod tests;

use crate::{Diagnostic, Label, Problem, ReadFailure, Span};
use reglam_time::{Amount, CalendarReason};

pub use en::English;

/// A problem in words, before it is placed into a [`Diagnostic`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worded {
    pub message: String,
    /// What is wrong at the primary span.
    pub label: String,
    /// Further places, each with a short explanation.
    pub secondary: Vec<(Span, String)>,
    /// Further lines, such as the worst path step by step.
    pub notes: Vec<String>,
    pub help: String,
}

/// One language's catalogue of everything Reglam says about a regulation.
pub trait Words: Sync {
    /// "3 working days 2 hours 30 minutes + 1 month": largest units first.
    fn amount(&self, a: &Amount) -> String;
    /// "paragraph 5, sub-paragraph 1" for the citation `5.1` (given without its `@`).
    fn citation(&self, raw: &str) -> String;
    /// Why a comparison with a deadline needs a calendar, as a sentence.
    fn calendar_reason(&self, reason: CalendarReason) -> String;
    /// Why a file could not be read.
    fn read_failure(&self, failure: &ReadFailure) -> String;
    /// The words of a problem.
    fn problem(&self, problem: &Problem) -> Worded;
    /// Introduces the act's place under a diagnostic: "in the act".
    fn in_the_act(&self) -> &'static str;
    /// Introduces the help line: "help".
    fn help(&self) -> &'static str;
    /// Introduces the reason a finding is acknowledged: "acknowledged".
    fn acknowledged(&self) -> &'static str;
    /// The reason of a finding acknowledged by a baseline file: "in the baseline".
    fn in_baseline(&self) -> &'static str;
    /// What SARIF's source root `%SRCROOT%` stands for: the directory the check ran in.
    fn sarif_source_root(&self) -> &'static str;
    /// A SARIF rule's full description: its title and whether it is malformed input or a finding.
    fn sarif_rule_description(&self, title: &str, kind: crate::CodeKind) -> String;
    /// A SARIF rule's help: where the code is explained.
    fn sarif_rule_help(&self, uri: &str) -> String;
    /// A build's one note that `outputs` documents and diagrams (of `regulations`) show some
    /// texts in the other language, the source having none in theirs.
    fn fallback_outputs(&self, outputs: usize, regulations: usize) -> String;
}

/// The language diagnostics are worded in until a run can choose one.
pub fn default() -> &'static dyn Words {
    &English
}

/// An amount of time in the default language.
pub fn amount(a: &Amount) -> String {
    default().amount(a)
}

/// A citation (without its `@`) in the default language.
pub fn citation(raw: &str) -> String {
    default().citation(raw)
}

/// Why a comparison needs a calendar, in the default language.
pub fn calendar_reason(reason: CalendarReason) -> String {
    default().calendar_reason(reason)
}

/// Why a file could not be read, in the default language.
pub fn read_failure(failure: &ReadFailure) -> String {
    default().read_failure(failure)
}

/// A build's note on texts shown in the other language, in the default language.
pub fn fallback_outputs(outputs: usize, regulations: usize) -> String {
    default().fallback_outputs(outputs, regulations)
}

impl Problem {
    /// Words the problem in the default language. `citation` is the raw citation (without
    /// `@`) of the element the problem is about, when the file gives one.
    pub fn into_diagnostic(self, citation: Option<&str>) -> Diagnostic {
        self.word(default(), citation)
    }

    /// Words the problem in the given language.
    pub fn word(&self, words: &dyn Words, citation: Option<&str>) -> Diagnostic {
        let Worded {
            message,
            label,
            secondary,
            notes,
            help,
        } = words.problem(self);
        Diagnostic {
            code: self.code(),
            message,
            primary: Label::new(self.span(), label),
            secondary: secondary
                .into_iter()
                .map(|(span, text)| Label::new(span, text))
                .collect(),
            notes,
            help,
            citation: citation.map(|raw| format!("@{raw} ({})", words.citation(raw))),
            acknowledged: None,
        }
    }
}
