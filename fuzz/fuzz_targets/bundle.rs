//! The bundle reader: an age file, (first byte 1) the tar archive inside,
//! or (first byte 2) an age file for the fuzzing passphrase; opened within
//! the fuzzing limits, so the record, byte and scrypt caps are reached.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = pamphlet::fuzzing::open_bundle_bytes(data);
});
