//! The parser on arbitrary bytes: decoding and parsing must never panic or hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let decoded = reglam_syntax::decode(data);
    let _ = reglam_syntax::parse(0, &decoded.text);
});
