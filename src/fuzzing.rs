//! Entry points for the fuzz targets in `fuzz/` and for the property tests
//! that feed the same functions on stable Rust (`tests/fuzz.rs`). Each takes
//! untrusted bytes and must return, never panic, hang or allocate without
//! bound. Each returns how much it accepted or the error's message, so tests
//! can say more than "it did not crash". Not a stable API, and built only
//! with the `testkit` feature (or in unit tests), never into the binary.

use std::str::FromStr;

use time::macros::datetime;

use age::secrecy::SecretString;

use crate::bundle::{self, Decryption, Limits};
use crate::model::Record;
use crate::search::Query;
use crate::vault::codec;
use crate::vault::inventory::Inventory;
use crate::vault::seal::Sealer;
use crate::vault::store::{open_bucket, META_TREE, RECORDS_TREE};
use crate::vault::{KeyMaterial, TrustState};

/// A throwaway age identity for fuzzing only: seed bundles are encrypted to
/// its recipient so that the fuzzer starts from files that decrypt. It
/// protects nothing.
pub const FUZZ_IDENTITY: &str =
    "AGE-SECRET-KEY-15EVVME96DDUG3LATWM86FE5PV8HDGMFV305UEE3RS253NJ9TP8LQA7XTUF";

/// The vault key and id of the fuzzing sealer. Fixed, so seeds stay valid.
const FUZZ_VAULT_KEY: [u8; 32] = [0x5a; 32];
const FUZZ_VAULT_ID: [u8; 16] = [0x17; 16];

/// The first byte of a bundle input that asks for the archive layer (no age).
pub const BUNDLE_ARCHIVE: u8 = 1;
/// The first byte of a bundle input that asks for an age file decrypted
/// with [`FUZZ_PASSPHRASE`].
pub const BUNDLE_PASSPHRASE: u8 = 2;
/// The first byte of a sealed-value input that asks for the plaintext layer.
pub const SEALED_PLAINTEXT: u8 = 1;

/// The meeting passphrase of passphrase seed bundles. It protects nothing.
pub const FUZZ_PASSPHRASE: &str = "fuzzing only";

/// The limits the bundle target opens with: the checks of
/// [`Limits::STANDARD`], at sizes a fuzzer reaches in a few steps and an
/// execution affords (scrypt at 2^8 costs 256 KiB, not 1 GiB).
pub const FUZZ_LIMITS: Limits = Limits {
    scrypt_log_n: 8,
    records: 16,
    records_bytes: 64 * 1024,
};

/// The bundle reader. After a first byte that chooses the layer: an age file
/// (decrypted with [`FUZZ_IDENTITY`], no passphrase), with
/// [`BUNDLE_ARCHIVE`] the tar archive inside one, or with
/// [`BUNDLE_PASSPHRASE`] an age file for [`FUZZ_PASSPHRASE`]. Opened within
/// [`FUZZ_LIMITS`]. Returns the number of records of a bundle that opened.
pub fn open_bundle_bytes(data: &[u8]) -> Result<usize, String> {
    let identity = age::x25519::Identity::from_str(FUZZ_IDENTITY).ok();
    let passphrase = SecretString::from(FUZZ_PASSPHRASE.to_owned());
    let opened = match data.split_first() {
        Some((&BUNDLE_ARCHIVE, archive)) => bundle::open_archive(archive, &FUZZ_LIMITS),
        Some((&layer, file)) => bundle::open_bytes_within(
            file,
            Decryption {
                identity: identity.as_ref(),
                passphrase: (layer == BUNDLE_PASSPHRASE).then_some(&passphrase),
            },
            &FUZZ_LIMITS,
        ),
        None => return Err("empty input".to_owned()),
    };
    opened
        .map(|bundle| bundle.records.len())
        .map_err(|e| e.to_string())
}

/// The sealed-value decoder. After a first byte that chooses the layer and
/// two bytes of database key: a sealed bucket, opened with the fuzzing key;
/// or with [`SEALED_PLAINTEXT`] an opened bucket's plaintext, sealed here so
/// the decoder behind the AEAD is reached. The plaintext is also decoded as
/// the keyring, the inventory, the settings and a key file's contents; a sealed value is
/// also tried as one of the previous format. Returns the number of records.
pub fn open_sealed(data: &[u8]) -> Result<usize, String> {
    let Some((&layer, rest)) = data.split_first() else {
        return Err("empty input".to_owned());
    };
    if rest.len() < 2 {
        return Err("no key".to_owned());
    }
    let (key, value) = rest.split_at(2);
    let sealer = Sealer::new(&FUZZ_VAULT_KEY, &FUZZ_VAULT_ID);
    let sealed = if layer == SEALED_PLAINTEXT {
        let _ = codec::decode::<TrustState>(value);
        let _ = codec::decode::<KeyMaterial>(value);
        let _ = Inventory::decode(value);
        let _ = crate::vault::Settings::decode(value);
        sealer.seal(RECORDS_TREE, key, value)
    } else {
        let _ = sealer.open(META_TREE, b"trust", value);
        let _ = sealer.open_legacy(RECORDS_TREE, key, value);
        value.to_vec()
    };
    open_bucket(&sealer, key, &sealed)
        .map(|records| records.len())
        .map_err(|e| e.to_string())
}

/// The JSON record loader, as `load` and bundles use it. Returns the number
/// of records.
pub fn parse_records(text: &str) -> Result<usize, String> {
    crate::interop::json::parse_records(text, datetime!(2026-11-30 12:00 UTC))
        .map(|records| records.len())
        .map_err(|e| e.to_string())
}

/// The search query parser. Returns the number of terms.
pub fn parse_query(text: &str) -> Result<usize, String> {
    Query::parse(text)
        .map(|query| query.terms().len())
        .map_err(|e| e.to_string())
}

/// A seed for [`open_sealed`]: the plaintext of the bucket that the first
/// record falls in, holding those of `records` that fall in it too.
pub fn sealed_seed(records: &[Record]) -> Vec<u8> {
    let sealer = Sealer::new(&FUZZ_VAULT_KEY, &FUZZ_VAULT_ID);
    let Some(first) = records.first() else {
        return vec![SEALED_PLAINTEXT, 0, 0];
    };
    let bucket = sealer.bucket(&first.id);
    let members: Vec<crate::vault::store::StoredRef<'_>> = records
        .iter()
        .filter(|record| sealer.bucket(&record.id) == bucket)
        .map(|record| crate::vault::store::StoredRef {
            record,
            provenance: None,
        })
        .collect();
    let mut seed = vec![SEALED_PLAINTEXT];
    seed.extend_from_slice(&bucket.to_be_bytes());
    if let Ok(plaintext) = codec::encode(&members) {
        seed.extend_from_slice(&plaintext);
    }
    seed
}

/// The age recipient of [`FUZZ_IDENTITY`], to encrypt seed bundles to.
pub fn fuzz_recipient() -> String {
    age::x25519::Identity::from_str(FUZZ_IDENTITY)
        .map(|identity| identity.to_public().to_string())
        .unwrap_or_default()
}
