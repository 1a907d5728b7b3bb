//! The scrypt work factor of age files encrypted to a passphrase: the
//! vault's `key.age`, `key.next.age` and passphrase bundles. Read from the
//! header before any derivation, so that a file asking for more work than
//! this machine should give is refused before the work. Kept apart from
//! the bundle and vault code, which both use it.

/// The highest scrypt work factor (log2 N) a passphrase bundle may ask
/// for. scrypt needs 2^log_n KiB of memory: 1 GiB and about 4 s at 20 on
/// the 2-core machine pamphlet is measured on, where age's own calibration
/// (about a second of work) chooses 19 (512 MiB). 20 leaves a faster
/// machine's calibration room, while the 22 a hostile bundle asked for
/// (4 GiB, 19 s) is refused from the header. pamphlet never writes more
/// than this (`bundle::limits::clamp_scrypt_work`), so it opens every
/// bundle it makes.
pub const MAX_SCRYPT_LOG_N: u8 = 20;

/// The work factor on the scrypt stanza of an age file's header, if it
/// has one: `-> scrypt SALT LOG_N` (see c2sp.org/age).
pub fn scrypt_work_factor(age_file: &[u8]) -> Option<u8> {
    const HEADER_LINES: usize = 8;
    age_file
        .split(|byte| *byte == b'\n')
        .take(HEADER_LINES)
        .find_map(|line| line.strip_prefix(b"-> scrypt "))
        .and_then(|rest| rest.rsplit(|byte| *byte == b' ').next())
        .and_then(|digits| std::str::from_utf8(digits).ok())
        .and_then(|digits| digits.parse().ok())
}
