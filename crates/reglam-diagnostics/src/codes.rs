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

/// The fixed facts about one diagnostic code.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct CodeInfo {
    pub code: &'static str,
    pub severity: Severity,
    /// A short title, as in the docs' heading.
    pub title: &'static str,
}

/// A stable diagnostic code such as `E020`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Code(&'static CodeInfo);

impl Code {
    pub fn as_str(self) -> &'static str {
        self.0.code
    }
    pub fn severity(self) -> Severity {
        self.0.severity
    }
    pub fn title(self) -> &'static str {
        self.0.title
    }
    pub fn info(self) -> &'static CodeInfo {
        self.0
    }

    /// Looks up a code by its name, case-insensitively (`e020` finds `E020`).
    pub fn find(name: &str) -> Option<Code> {
        CATALOGUE
            .iter()
            .find(|info| info.code.eq_ignore_ascii_case(name.trim()))
            .map(Code)
    }

    pub(crate) fn of(name: &str) -> Code {
        Code::find(name).unwrap_or_else(|| panic!("diagnostic code {name} is not in the catalogue"))
    }
}

macro_rules! catalogue {
    ($($code:literal $sev:ident $title:literal;)*) => {
        /// Every diagnostic code Reglam reports. Codes are never reused or renumbered.
        pub static CATALOGUE: &[CodeInfo] = &[
            $(CodeInfo { code: $code, severity: Severity::$sev, title: $title },)*
        ];
    };
}

catalogue! {
    "E001" Error "the text cannot be read as Reglam";
    "E002" Error "the file is not valid UTF-8";
    "E003" Error "a string is never closed";
    "E004" Error "braces do not match";
    "E005" Error "blocks are nested too deeply";
    "E006" Error "the file is too large";
    "E007" Error "unknown statement";
    "E008" Error "wrong arguments";
    "E009" Error "unknown unit of time";
    "E010" Error "an imported file cannot be read";
    "E011" Error "files import each other in a cycle";
    "E012" Error "an import leaves the checked tree";
    "E013" Error "a name is defined twice";
    "E014" Error "a name refers to nothing";
    "E015" Error "an actor is not declared";
    "E016" Error "two actors share a name";
    "E017" Error "a procedure calls itself";
    "E020" Error "a path overruns the deadline";
    "E021" Error "one step takes longer than the whole deadline";
    "E022" Error "a sub-deadline is longer than its deadline";
    "E023" Error "a path overruns a sub-deadline";
    "E024" Error "the case can get stuck";
    "E025" Error "a loop has no bound";
    "E026" Error "a return for rework has no bound";
    "E027" Error "a parallel branch never joins";
    "E028" Error "a return for rework goes forward";
    "W001" Warning "the file declares nothing";
    "W010" Warning "an actor is never used";
    "W011" Warning "a procedure is never called";
    "W012" Warning "a step can never be reached";
    "W013" Warning "an actor takes part but the act does not list it";
    "W020" Warning "a step has no actor";
    "W021" Warning "a step has no duration";
    "W023" Warning "a condition leads to one place only";
    "W030" Warning "a Latin letter inside a Cyrillic word";
    "W031" Warning "the number in words does not match the figure";
    "W040" Warning "the appendix table disagrees with the text";
    "W041" Warning "the appendix total disagrees with the steps";
    "W050" Warning "no deadline is known";
    "W051" Warning "the deadline check needs a calendar";
    "W052" Warning "a path fits only with the extended deadline";
    "W060" Warning "a channel never issues the result";
}
