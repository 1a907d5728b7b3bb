//! The JSON record loader (a JSON array or JSON Lines).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = pamphlet::fuzzing::parse_records(text);
    }
});
