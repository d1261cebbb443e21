//! The parser on arbitrary bytes: decoding and parsing must never panic or hang, and printing
//! the tree must give the decoded text back exactly.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let decoded = reglam_syntax::decode(data);
    let parsed = reglam_syntax::parse(0, &decoded.text);
    assert_eq!(reglam_syntax::print(&parsed.tree), decoded.text);
});
