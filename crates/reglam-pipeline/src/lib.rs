//! Reglam's pipeline as a library, for the command-line tool, the test kit and an editor's
//! language server alike. It owns everything between the disk and the core crates:
//!
//! - [`fs`]: the [`FileSystem`] trait, with the disk ([`RealFs`]) and memory ([`MemoryFs`])
//!   behind it, and [`DirLoader`], the model's `Loader` over it (imports confined to the tree
//!   checked, files bounded in size);
//! - [`discover`]: from the paths given to the sorted input files and the tree's roots;
//! - [`parts`]: a large corpus analysed and checked part by part, each finding reported once;
//! - [`formats`]: the one registry of output formats, used by `emit` and `build`;
//! - [`index`]: the `index.md` of a build;
//! - [`build`]: writing a corpus's documents atomically.
//!
//! It writes nothing to a terminal and words no diagnostic: it returns typed facts
//! ([`InputError`], [`WriteFailure`], [`Event`]) for the caller to word (its only text is the
//! content of the `index.md` document).

pub mod build;
pub mod discover;
pub mod formats;
pub mod fs;
pub mod index;
pub mod parts;

pub use build::{build, publish, write_atomically, BuildOptions, BuildReport, Event, WriteFailure};
pub use discover::{analyse_paths, discover, InputError, Inputs};
pub use formats::{BuildLangs, Format, Render, Selection, FORMATS};
pub use fs::{DirLoader, FileSystem, Kind, MemoryFs, Metadata, RealFs};
pub use parts::{part_size, parts, Part, ReportedOnce};
