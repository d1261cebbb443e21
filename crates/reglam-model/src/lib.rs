//! The Reglam model: regulations resolved into graphs, with time arithmetic and path totals.
//!
//! Source → [`reglam_syntax`] tree → this crate's [`Corpus`] → checks → emitters. The model
//! knows everything the emitters need (worst paths, totals, effective deadlines), so they never
//! re-derive it.

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

pub use lower::FileModel;
pub use model::*;
pub use workspace::{
    join_path, par_map, Analysis, LoadError, LoadedFile, Loader, Lowered, MemoryLoader, Workspace,
};
