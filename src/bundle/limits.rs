//! What a bundle may ask of this machine. Everything in a bundle is
//! checked before it is believed, but the checks themselves cost work and
//! memory: scrypt for a passphrase, the records' bytes for the signature,
//! parsing for the count. Anyone who knows the meeting passphrase or a
//! recipient key can make a bundle, so these fixed limits are enforced
//! before the work, whoever signed it. See docs/bundle-format.md.

use super::BundleError;
pub use crate::scrypt::{scrypt_work_factor, MAX_SCRYPT_LOG_N};

/// The most records one bundle may hold: twice the 100,000 that pamphlet
/// is designed and measured for, and the most a vault holds without
/// `--allow-large` ([`MAX_VAULT_RECORDS`]).
pub const MAX_BUNDLE_RECORDS: u64 = 200_000;

/// The largest `records.jsonl`: 200,000 records of 840 bytes, a fifth more
/// than the generated directory's 680 on average. Checked from the tar
/// header, before a byte of it is read.
pub const MAX_RECORDS_BYTES: u64 = 160 * 1024 * 1024;

/// The largest bundle file: the records, the manifest and the signatures,
/// with room for tar's headers and age's 16 bytes per 64 KiB. Checked
/// before a byte is decrypted.
pub const MAX_BUNDLE_BYTES: u64 = MAX_RECORDS_BYTES + ENVELOPE_BYTES;

/// What a bundle file may hold besides `records.jsonl`: the manifest
/// (64 KiB), two signatures (4 KiB each), tar headers and a few small pax
/// headers, age's header and its 16 bytes per 64 KiB chunk.
const ENVELOPE_BYTES: u64 = 1024 * 1024;

/// The most records an import may grow a vault to without being told it
/// may (`import --allow-large`). Every record is held in memory and
/// searched on every keystroke; search is measured at 100,000 and stays
/// within a frame at twice that.
pub const MAX_VAULT_RECORDS: usize = 200_000;

// Checked as the crate builds: the envelope has room for the manifest, two
// signatures and five pax headers (see format.rs), and a bundle never holds
// more records than a vault may.
const _: () = assert!(ENVELOPE_BYTES > 64 * 1024 + 2 * 4 * 1024 + 5 * 64 * 1024 + 64 * 1024);
const _: () = assert!(MAX_BUNDLE_RECORDS as usize <= MAX_VAULT_RECORDS);

/// The limits applied to opening a bundle. [`Limits::STANDARD`]
/// everywhere; the fuzz targets and tests lower them to reach the checks
/// cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The highest scrypt work factor (log2 N) accepted.
    pub scrypt_log_n: u8,
    /// The most records in one bundle.
    pub records: u64,
    /// The most bytes of `records.jsonl`.
    pub records_bytes: u64,
}

impl Limits {
    /// The fixed limits above.
    pub const STANDARD: Limits = Limits {
        scrypt_log_n: MAX_SCRYPT_LOG_N,
        records: MAX_BUNDLE_RECORDS,
        records_bytes: MAX_RECORDS_BYTES,
    };

    /// The largest bundle file accepted under these limits.
    pub const fn file_bytes(&self) -> u64 {
        self.records_bytes.saturating_add(ENVELOPE_BYTES)
    }

    /// Refuses a manifest's record count over the limit: checked as soon
    /// as the manifest is read, before the signatures are.
    pub(super) fn check_record_count(&self, count: u64) -> Result<(), BundleError> {
        if count > self.records {
            return Err(BundleError::TooLarge(format!(
                "the manifest counts {count} records, more than {} records, the most one bundle may hold",
                self.records
            )));
        }
        Ok(())
    }

    /// Refuses a `records.jsonl` over the limit, from the size its tar
    /// header gives.
    pub(super) fn check_records_bytes(&self, size: u64) -> Result<(), BundleError> {
        if size > self.records_bytes {
            return Err(BundleError::TooLarge(format!(
                "records.jsonl is {size} bytes, more than the {} a bundle may hold",
                in_binary_units(self.records_bytes)
            )));
        }
        Ok(())
    }
}

/// Refuses an import that would make a vault of `current` records hold
/// more than `limit` (`None`: no limit) once its `new` records are added.
/// A vault already past the limit still takes updates: what it must not do
/// is grow.
pub fn check_growth(current: usize, new: usize, limit: Option<usize>) -> Result<(), BundleError> {
    let after = current.saturating_add(new);
    match limit {
        Some(limit) if new > 0 && after > limit => Err(BundleError::VaultLimit { after, limit }),
        _ => Ok(()),
    }
}

/// The work factor to write a passphrase bundle with: the one asked for,
/// or age's calibration (`None`), never above [`MAX_SCRYPT_LOG_N`].
/// `written` is what a first encryption wrote, read back from its header.
pub(super) fn clamp_scrypt_work(asked: Option<u8>, written: Option<u8>) -> Option<u8> {
    match (asked, written) {
        (Some(log_n), _) => Some(log_n.min(MAX_SCRYPT_LOG_N)),
        (None, Some(log_n)) if log_n > MAX_SCRYPT_LOG_N => Some(MAX_SCRYPT_LOG_N),
        (None, _) => None,
    }
}

/// The memory scrypt needs at `log_n` (128 · r · N bytes with r = 8), in
/// words: "1 GiB".
pub fn scrypt_memory(log_n: u8) -> String {
    in_binary_units(1u64.checked_shl(u32::from(log_n) + 10).unwrap_or(u64::MAX))
}

/// `bytes` in the largest binary unit that divides it evenly enough to
/// read: "160 MiB", "4 GiB", "512 bytes".
fn in_binary_units(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (size, unit) in UNITS {
        if bytes >= size {
            return format!("{} {unit}", bytes / size);
        }
    }
    format!("{bytes} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vault_may_not_grow_past_its_limit_but_a_large_vault_takes_updates() {
        let limit = Some(MAX_VAULT_RECORDS);
        assert!(check_growth(0, MAX_VAULT_RECORDS, limit).is_ok());
        assert!(check_growth(MAX_VAULT_RECORDS - 1, 1, limit).is_ok());
        let refused = check_growth(MAX_VAULT_RECORDS - 1, 2, limit).unwrap_err();
        assert!(
            matches!(refused, BundleError::VaultLimit { after, limit } if after == MAX_VAULT_RECORDS + 1 && limit == MAX_VAULT_RECORDS),
            "{refused:?}"
        );
        assert_eq!(
            refused.to_string(),
            "importing would grow the vault to 200001 records, past the limit of 200000"
        );
        assert!(check_growth(0, MAX_VAULT_RECORDS + 1, limit).is_err());
        assert!(check_growth(MAX_VAULT_RECORDS + 50, 0, limit).is_ok());
        assert!(check_growth(MAX_VAULT_RECORDS + 50, 1, limit).is_err());
        assert!(check_growth(MAX_VAULT_RECORDS, usize::MAX, None).is_ok());
        assert!(check_growth(usize::MAX, 1, limit).is_err());
    }

    #[test]
    fn the_standard_limits_refuse_one_over_and_take_the_limit_itself() {
        let limits = Limits::STANDARD;
        assert!(limits.check_record_count(MAX_BUNDLE_RECORDS).is_ok());
        let error = limits
            .check_record_count(MAX_BUNDLE_RECORDS + 1)
            .unwrap_err();
        assert!(
            error.to_string().contains("more than 200000 records"),
            "{error}"
        );
        assert!(limits.check_records_bytes(MAX_RECORDS_BYTES).is_ok());
        let error = limits
            .check_records_bytes(MAX_RECORDS_BYTES + 1)
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "the bundle is too large: records.jsonl is 167772161 bytes, more than the 160 MiB a bundle may hold"
        );
    }

    #[test]
    fn pamphlet_writes_no_bundle_above_the_cap() {
        assert_eq!(clamp_scrypt_work(Some(4), None), Some(4));
        assert_eq!(clamp_scrypt_work(Some(30), None), Some(MAX_SCRYPT_LOG_N));
        assert_eq!(clamp_scrypt_work(None, None), None);
        assert_eq!(clamp_scrypt_work(None, Some(19)), None);
        assert_eq!(clamp_scrypt_work(None, Some(MAX_SCRYPT_LOG_N)), None);
        assert_eq!(
            clamp_scrypt_work(None, Some(MAX_SCRYPT_LOG_N + 2)),
            Some(MAX_SCRYPT_LOG_N)
        );
    }

    #[test]
    fn the_work_factor_is_read_from_the_header_and_memory_said_in_words() {
        let header = b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18\nYm9keQ\n--- bWFj\n\x00\x01";
        assert_eq!(scrypt_work_factor(header), Some(18));
        let x25519 = b"age-encryption.org/v1\n-> X25519 abc\nYm9keQ\n--- bWFj\n";
        assert_eq!(scrypt_work_factor(x25519), None);
        assert_eq!(scrypt_work_factor(b""), None);
        assert_eq!(scrypt_memory(18), "256 MiB");
        assert_eq!(scrypt_memory(22), "4 GiB");
        assert_eq!(scrypt_memory(5), "32 KiB");
        assert!(scrypt_memory(63).ends_with(" GiB"), "no overflow");
        assert_eq!(in_binary_units(512), "512 bytes");
    }
}
