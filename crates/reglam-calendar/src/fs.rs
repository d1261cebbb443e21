//! The only file I/O of the crate: reading a directory of year files.

use std::path::Path;

use crate::calendar::Calendar;
use crate::error::{CalendarError, Result};

impl Calendar {
    /// Builds a calendar from every `*.toml` file of `dir` (not recursive),
    /// e.g. a copy of `data/kz` with a year added. To put local files over
    /// the built-in data: `Calendar::kazakhstan().overlay(Calendar::from_dir(dir)?)`.
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Calendar> {
        let dir = dir.as_ref();
        let io = |path: &Path, e: std::io::Error| CalendarError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        };
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
            let path = entry.map_err(|e| io(dir, e))?.path();
            if path.is_file() && path.extension().is_some_and(|x| x == "toml") {
                let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
                files.push((path.display().to_string(), text));
            }
        }
        // Sorted so that errors (e.g. a duplicate year) are reproducible.
        files.sort();
        let sources: Vec<(&str, &str)> = files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        Calendar::from_sources(&sources)
    }
}
