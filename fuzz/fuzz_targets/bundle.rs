//! The bundle reader: an age file, or (first byte 1) the tar archive inside.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = pamphlet::fuzzing::open_bundle_bytes(data);
});
