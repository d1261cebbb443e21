//! The Reglam model: regulations resolved into graphs, with time arithmetic and path totals.
//!
//! Source → [`reglam_syntax`] tree → this crate's [`Corpus`] → checks → emitters. The model
//! knows everything the emitters need (worst paths, totals, effective deadlines), so they never
//! re-derive it.
//!
//! The passes, in order, each with its own data:
//! 1. **lower** (`read.rs`, `args.rs`, `lower.rs`, `lower_flow.rs`): statements → declarations,
//!    asking the syntax's statement table and vocabulary; flow statements become
//!    declarations (`decl.rs`), each procedure lowered once;
//! 2. **build the graphs** (`graph.rs`): declarations → one petgraph per channel, procedures
//!    inlined at each call;
//! 3. **analyse paths** (`paths.rs`), run by [`Lowered::build`] once every file is lowered;
//! 4. **check**: the `reglam-check` crate, over the [`Analysis`].
//!
//! [`Workspace::lower`] gives the model before its paths are analysed ([`Lowered`]), so a pass
//! such as an amendment can change it first; [`Workspace::finish`] is `lower().build()`.

mod acknowledge;
mod args;
mod decl;
mod graph;
mod lower;
mod lower_flow;
pub mod model;
pub mod paths;
mod read;
pub mod time;
mod workspace;

pub use decl::RegulationFlows;
pub use lower::FileModel;
pub use model::*;
pub use workspace::{
    join_path, par_map, Analysis, LoadError, LoadedFile, Loader, Lowered, MemoryLoader, Workspace,
};
