//! `acknowledge CODE ELEMENT "reason" @cite`: a finding the act itself is known to have.
//!
//! The acknowledgement is lowered here with the places it covers; the check crate marks the
//! findings it matches, after every check has run.

use crate::model::{Acknowledgement, Regulation};
use crate::read::Reader;
use reglam_diagnostics::{Expected, Span};
use reglam_syntax::{ArgKind, Keyword, Statement};

impl Reader<'_> {
    /// Every `acknowledge` of the regulation `st` and of its channels (in scenarios too).
    pub(crate) fn acknowledgements(&mut self, st: &Statement, reg: &mut Regulation) {
        let mut out = Vec::new();
        self.acknowledgements_in(st, &mut out);
        reg.acknowledgements = out;
    }

    fn acknowledgements_in(&mut self, owner: &Statement, out: &mut Vec<Acknowledgement>) {
        let owner_kw = self.keyword_of(owner);
        for s in self.block(owner) {
            match self.keyword_of(s) {
                // Allowed only in a regulation or a channel; elsewhere lowering reports it.
                Some(Keyword::Acknowledge)
                    if matches!(owner_kw, Some(Keyword::Regulation | Keyword::Channel)) =>
                {
                    if let Some(a) = self.acknowledgement(s, owner) {
                        out.push(a);
                    }
                }
                Some(Keyword::Scenario | Keyword::Channel) => self.acknowledgements_in(s, out),
                _ => {}
            }
        }
    }

    fn acknowledgement(&mut self, st: &Statement, owner: &Statement) -> Option<Acknowledgement> {
        let h = self.header(st);
        self.no_block(st);
        let (Some((code, code_span)), Some((target, target_span))) =
            (h.words.first().cloned(), h.words.get(1).cloned())
        else {
            self.missing(st, Expected::Name);
            return None;
        };
        let Some((_, reason, _)) = h.texts.first().cloned() else {
            self.missing(st, Expected::Text);
            return None;
        };
        let mut regions = Vec::new();
        self.named(owner, &target, &mut regions);
        Some(Acknowledgement {
            code,
            code_span,
            target,
            target_span,
            reason,
            cite: h.cite,
            regions,
            span: st.span,
        })
    }

    /// The spans of the statements under `st` (and `st` itself) named `name`: those whose
    /// statement takes a name and whose first word is `name`.
    fn named(&self, st: &Statement, name: &str, out: &mut Vec<Span>) {
        let takes_name = self
            .keyword_of(st)
            .is_some_and(|k| k.shape().words > 0 && k != Keyword::Acknowledge);
        let first = st.args.iter().find_map(|a| match &a.kind {
            ArgKind::Word(w) => Some(w.as_str()),
            _ => None,
        });
        if takes_name && first == Some(name) {
            out.push(st.span);
        }
        for s in self.block(st) {
            self.named(s, name, out);
        }
    }
}
