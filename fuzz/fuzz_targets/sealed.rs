//! The sealed-value decoder: a sealed bucket, or (first byte 1) the
//! plaintext of one, sealed by the harness so the decoder is reached.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = pamphlet::fuzzing::open_sealed(data);
});
