//! Containment of the loader: whatever a file imports (`..`, absolute paths, links of names,
//! NUL bytes, very long paths), nothing outside the checked tree is read. The input's first
//! line is an import path, the rest the importing file's text; a secret file sits beside the
//! tree, and its text must never reach the analysis.
#![no_main]
use libfuzzer_sys::fuzz_target;
use reglam_pipeline::{discover, MemoryFs};
use std::path::PathBuf;

const SECRET: &str = "standard secret_beside_the_tree {\n}\n";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (path, rest) = text.split_once('\n').unwrap_or((&text, ""));
    let escaped = path.replace('\\', "\\\\").replace('"', "\\\"");
    let main = format!("import \"{escaped}\"\n{rest}");
    let mut fs = MemoryFs::new("/ws");
    fs.insert("/ws/tree/main.reglam", main.into_bytes());
    fs.insert("/ws/tree/sub/inner.reglam", b"standard inner {\n}\n".to_vec());
    fs.insert("/ws/secret.reglam", SECRET.as_bytes().to_vec());
    fs.insert("/secret.reglam", SECRET.as_bytes().to_vec());
    let inputs = discover(fs, &[PathBuf::from("/ws/tree")], None);
    let (analysis, _) = inputs.analyse(&inputs.files);
    for file in 0..analysis.sources.len() {
        assert!(
            !analysis.sources.text(file).contains("secret_beside_the_tree"),
            "a file outside the tree was read: {}",
            analysis.sources.name(file)
        );
    }
});
