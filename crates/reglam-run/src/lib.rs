//! Running a regulation: the model compiled into a state machine, driven on a calendar.
//!
//! * [`Machine::compile`] turns a channel of the verified model into a state machine.
//! * [`run_worst_case`] drives it with each step's worst time and, at each choice, the way of
//!   the model's worst path.
//! * [`replay`] drives it from the events of a real case ([`parse_events`]).
//! * [`audit`] finds the submission moments of a period at which the worst case ends after
//!   the legal deadline.
//!
//! Working time moves with the calendar's working-time arithmetic, calendar days and months
//! on the wall calendar (see [`clock`]). No file or terminal I/O happens here: [`render`]
//! only builds text. See `docs/running.md`.

pub mod audit;
pub mod clock;
mod error;
mod machine;
pub mod render;
mod run;

pub use audit::{audit, audit_brute_force, ChannelAudit, LateInterval, Unaudited};
pub use error::{Result, RunError};
pub use machine::{Machine, State, StateKind, Transition, Trigger};
pub use run::{
    parse_events, parse_moment, replay, run_worst_case, CutRounds, Entry, Event, ExtendedDeadline,
    Reached, ReturnsCut, ServiceDeadline, Timeline, Verdict, RETURN_ROUNDS_WALKED,
};
