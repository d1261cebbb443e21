use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Whether a diagnostic says the input is malformed, or reports a finding about its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CodeKind {
    /// The file cannot be fully read or resolved (syntax, names, references, imports): the
    /// model is incomplete, and outputs built from it would be wrong.
    Malformed,
    /// A finding about the act's content, such as a path over its deadline: the model is
    /// whole and can be rendered.
    Finding,
}

/// The fixed facts about one diagnostic code.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct CodeInfo {
    pub code: &'static str,
    pub severity: Severity,
    pub kind: CodeKind,
    /// A short title, as in the docs' heading.
    pub title: &'static str,
}

/// A stable diagnostic code such as `E020`: one of the constants of this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Code(&'static CodeInfo);

impl Code {
    pub fn as_str(self) -> &'static str {
        self.0.code
    }
    pub fn severity(self) -> Severity {
        self.0.severity
    }
    pub fn kind(self) -> CodeKind {
        self.0.kind
    }
    pub fn title(self) -> &'static str {
        self.0.title
    }
    pub fn info(self) -> &'static CodeInfo {
        self.0
    }

    /// Looks up a code by its name, case-insensitively (`e020` finds `E020`): for user input
    /// such as `reglam explain`. Reglam's own code names its codes by their constants.
    pub fn find(name: &str) -> Option<Code> {
        CATALOGUE
            .iter()
            .find(|info| info.code.eq_ignore_ascii_case(name.trim()))
            .map(|info| Code(info))
    }
}

macro_rules! catalogue {
    ($($code:ident $sev:ident $kind:ident $title:literal;)*) => {
        $(
            #[doc = $title]
            pub const $code: Code = Code(&CodeInfo {
                code: stringify!($code),
                severity: Severity::$sev,
                kind: CodeKind::$kind,
                title: $title,
            });
        )*

        /// Every diagnostic code Reglam reports, in order. Codes are never reused or renumbered.
        pub static CATALOGUE: &[&CodeInfo] = &[$($code.0,)*];
    };
}

catalogue! {
    E001 Error Malformed "the text cannot be read as Reglam";
    E002 Error Malformed "the file is not valid UTF-8";
    E003 Error Malformed "a string is never closed";
    E004 Error Malformed "braces do not match";
    E005 Error Malformed "blocks are nested too deeply";
    E006 Error Malformed "the file is too large";
    E007 Error Malformed "unknown statement";
    E008 Error Malformed "wrong arguments";
    E009 Error Malformed "unknown unit of time";
    E010 Error Malformed "an imported file cannot be read";
    E011 Error Malformed "files import each other in a cycle";
    E012 Error Malformed "an import leaves the checked tree";
    E013 Error Malformed "a name is defined twice";
    E014 Error Malformed "a name refers to nothing";
    E015 Error Malformed "an actor is not declared";
    E016 Error Malformed "two actors share a name";
    E017 Error Malformed "a procedure calls itself";
    E020 Error Finding "a path overruns the deadline";
    E021 Error Finding "one step takes longer than the whole deadline";
    E022 Error Finding "a sub-deadline is longer than its deadline";
    E023 Error Finding "a path overruns a sub-deadline";
    E024 Error Finding "the case can get stuck";
    E025 Error Finding "a loop has no bound";
    E026 Error Finding "a return for rework has no bound";
    E027 Error Finding "a parallel branch never joins";
    E028 Error Finding "a return for rework goes forward";
    E029 Error Finding "two regulations would be written to one file";
    W001 Warning Finding "the file declares nothing";
    W010 Warning Finding "an actor is never used";
    W011 Warning Finding "a procedure is never called";
    W012 Warning Finding "a step can never be reached";
    W013 Warning Finding "an actor takes part but the act does not list it";
    W020 Warning Finding "a step has no actor";
    W021 Warning Finding "a step has no duration";
    W023 Warning Finding "a condition leads to one place only";
    W030 Warning Finding "a Latin letter inside a Cyrillic word";
    W031 Warning Finding "the number in words does not match the figure";
    W040 Warning Finding "the appendix table disagrees with the text";
    W041 Warning Finding "the appendix total disagrees with the steps";
    W050 Warning Finding "no deadline is known";
    W051 Warning Finding "the deadline check needs a calendar";
    W052 Warning Finding "a path fits only with the extended deadline";
    W060 Warning Finding "a channel never issues the result";
    W070 Warning Finding "a bidirectional control character";
    W071 Warning Finding "an acknowledgement matches no finding";
    W072 Warning Finding "a baseline entry matches no finding";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_ordered_and_malformed_only_if_errors() {
        for pair in CATALOGUE.windows(2) {
            let (a, b) = (pair[0].code, pair[1].code);
            assert!(a < b, "{a} before {b}");
        }
        for info in CATALOGUE {
            if info.kind == CodeKind::Malformed {
                assert_eq!(info.severity, Severity::Error, "{}", info.code);
            }
            let expected = if info.code.starts_with('E') {
                Severity::Error
            } else {
                Severity::Warning
            };
            assert_eq!(info.severity, expected, "{}", info.code);
        }
    }

    #[test]
    fn find_is_case_insensitive() {
        assert_eq!(Code::find(" e020 "), Some(E020));
        assert_eq!(Code::find("E999"), None);
        assert_eq!(E020.kind(), CodeKind::Finding);
        assert_eq!(E017.kind(), CodeKind::Malformed);
    }
}
