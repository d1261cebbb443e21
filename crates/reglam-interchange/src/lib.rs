//! Regulations for other workflow engines: a channel as W3C SCXML ([`scxml`]) and as BPMN 2.0
//! XML with diagram interchange ([`bpmn`]).
//!
//! Both read the verified model and the state machine of `reglam-run`
//! ([`reglam_run::Machine`]); neither re-derives the flow. Neither standard has a working
//! calendar, so every delay is written twice: exactly, in attributes or extension elements of
//! the Reglam namespaces, and as plain clock time an engine can run ([`clock`]). No file or
//! terminal I/O happens here. See `docs/interchange.md`.

pub mod bpmn;
pub mod clock;
pub mod scxml;
mod xml;

/// Why a channel cannot be exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError {
    pub channel: String,
    pub reason: String,
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "channel `{}` cannot be exported: {}",
            self.channel, self.reason
        )
    }
}

impl std::error::Error for ExportError {}
