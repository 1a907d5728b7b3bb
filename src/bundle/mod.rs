//! Bundles: signed, encrypted files of records for a USB stick.
//!
//! Export signs a manifest and the records with the vault's minisign key,
//! packs them in a tar archive and encrypts that with age, to a meeting
//! passphrase or to recipients' `age1…` keys. Import decrypts, verifies the
//! signatures, checks the signer is trusted and the sequence is new, shows a
//! plan, and applies it in one transaction. Nothing here prints.

mod export;
mod format;
pub mod limits;
mod merge;
mod open;

use std::io;

use time::OffsetDateTime;

pub use export::{export, selected, Encryption, ExportOptions, ExportSummary, REDACTABLE};
pub use format::{Manifest, FORMAT_NAME, FORMAT_VERSION};
pub use limits::{Limits, MAX_BUNDLE_BYTES, MAX_VAULT_RECORDS};
pub use merge::{
    apply, plan, ConflictReason, Counts, ImportSummary, Outcome, Plan, PlanItem, Prefer,
};
#[cfg(any(test, feature = "testkit"))]
pub(crate) use open::open_archive;
pub use open::{open, open_bytes, open_bytes_within, open_within, Decryption, OpenedBundle};

use crate::vault::{TrustState, Vault, VaultError};

/// What went wrong with a bundle. Each says what to do about it at the edge;
/// none quotes a secret or a record.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BundleError {
    /// The file is empty, not an age file, or larger than any bundle.
    #[error("not a pamphlet bundle: {0}")]
    NotABundle(String),
    /// The bundle is encrypted to a passphrase and none was given.
    #[error("this bundle is encrypted to a passphrase")]
    NeedsPassphrase,
    /// The bundle is encrypted to recipients, and this vault is not one.
    #[error("this bundle is not encrypted to this vault's key")]
    NotForUs,
    /// Decryption failed: a wrong passphrase, or a damaged or truncated file.
    /// Deliberately one variant with one message: which of these it was is
    /// not revealed. age's error is kept as the source, for a debugger's
    /// eyes only; nothing shown to a person follows it.
    #[error("the bundle does not decrypt: wrong passphrase, or the file is damaged")]
    Undecryptable(#[source] age::DecryptError),
    /// A passphrase bundle asks for more scrypt work than any bundle may
    /// ([`limits::MAX_SCRYPT_LOG_N`]): refused from the header, before the
    /// work, which would take seconds and gigabytes. The work factor is in
    /// the clear in every age header, so saying it reveals nothing.
    #[error("the bundle's passphrase asks for scrypt work factor {log_n}, but pamphlet opens bundles of at most {max}")]
    ExcessiveWork { log_n: u8, max: u8 },
    /// The bundle holds more records or bytes than any bundle may
    /// ([`limits`]): refused before they are read or parsed, whoever
    /// signed it.
    #[error("the bundle is too large: {0}")]
    TooLarge(String),
    /// Importing would grow the vault past [`MAX_VAULT_RECORDS`] records
    /// (or the plan's own limit) without the caller allowing it.
    #[error("importing would grow the vault to {after} records, past the limit of {limit}")]
    VaultLimit { after: usize, limit: usize },
    /// Decrypted, but its contents are not a well-formed bundle.
    #[error("the bundle is malformed: {0}")]
    Malformed(String),
    /// `--redact` named a field that cannot be redacted.
    #[error("cannot redact {field:?}; redactable fields are {}", REDACTABLE.join(", "))]
    UnknownRedaction { field: String },
    /// A bundle format this build does not read.
    #[error("the bundle has format version {0}; this pamphlet reads up to {FORMAT_VERSION}")]
    NewerFormat(u32),
    /// A signature does not verify against the manifest's signer.
    #[error("the signature on {0} does not verify: the bundle was changed after it was signed")]
    BadSignature(&'static str),
    /// The manifest and the records disagree.
    #[error("the manifest does not match the records: {0}")]
    Mismatch(String),
    /// A record in the bundle is invalid or duplicated.
    #[error("a record in the bundle is invalid: {0}")]
    InvalidRecord(String),
    /// The signer is not in the keyring.
    #[error("the bundle is signed by an untrusted key (fingerprint {fingerprint})")]
    Untrusted { fingerprint: String },
    /// What was typed as a fingerprint is not 20 hex digits.
    #[error("not a fingerprint: {0:?}")]
    BadFingerprint(String),
    /// The bundle's signer does not have the fingerprint the person was
    /// read: nothing is trusted or imported.
    #[error("the bundle's signer has fingerprint {actual}, not {given}")]
    FingerprintMismatch { given: String, actual: String },
    /// The signer's sequence number is not newer than one already imported.
    #[error("this bundle is sequence {sequence} from {signer}, but sequence {last_seen} was already imported: an older bundle replayed?")]
    Replayed {
        signer: String,
        sequence: u64,
        last_seen: u64,
    },
    /// The bundle's expiry has passed.
    #[error("the bundle expired on {0}")]
    Expired(String),
    /// A new key's name is already in the keyring.
    #[error("the keyring already has a key named {0:?}")]
    NameTaken(String),
    /// A recipient is not an `age1…` key.
    #[error("not an age recipient: {0}")]
    BadRecipient(String),
    /// age refused to encrypt to the recipients given.
    #[error("cannot encrypt the bundle: {0}")]
    Encrypt(#[source] age::EncryptError),
    /// The text is too long for a QR code.
    #[error("cannot draw a QR code: {0}")]
    QrCode(#[source] qrcode::types::QrError),
    /// The vault refused the change.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// Reading or writing a file failed.
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// What others need to know of this vault's keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicIdentity {
    /// minisign public key, base64 (`RW…`): what `keys trust` takes.
    pub signing_key: String,
    /// age recipient (`age1…`): what `export --recipient` takes.
    pub recipient: String,
    /// The signing key's fingerprint, for reading aloud.
    pub fingerprint: String,
}

/// The public halves of a vault's keys.
pub fn public_identity(vault: &Vault) -> PublicIdentity {
    let signing_key = vault.signing_key().to_base64();
    PublicIdentity {
        fingerprint: fingerprint(&signing_key),
        recipient: vault.recipient().to_string(),
        signing_key,
    }
}

/// `text` as a QR code drawn with Unicode half blocks, two modules a
/// character cell, dark on light, with the quiet zone scanners need.
pub fn qr_text(text: &str) -> Result<String, BundleError> {
    let code = qrcode::QrCode::new(text.as_bytes()).map_err(BundleError::QrCode)?;
    Ok(code
        .render::<qrcode::render::unicode::Dense1x2>()
        .dark_color(qrcode::render::unicode::Dense1x2::Light)
        .light_color(qrcode::render::unicode::Dense1x2::Dark)
        .quiet_zone(true)
        .build())
}

/// How many hex digits a fingerprint has.
const FINGERPRINT_DIGITS: usize = 20;

/// A short fingerprint of a minisign public key, for reading aloud:
/// five groups of four hex digits of its SHA-256. The one form every screen
/// shows, the exporter's and the importer's alike.
pub fn fingerprint(public_key: &str) -> String {
    use sha2::{Digest, Sha256};
    let digits: String = Sha256::digest(public_key.trim().as_bytes())
        .iter()
        .take(FINGERPRINT_DIGITS / 2)
        .map(|byte| format!("{byte:02X}"))
        .collect();
    in_groups(&digits)
}

/// "A75AAA8D…" as "A75A AA8D …": groups of four.
fn in_groups(digits: &str) -> String {
    digits
        .as_bytes()
        .chunks(4)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A fingerprint as someone typed it after hearing it read aloud, in the
/// form [`fingerprint`] writes: 20 hex digits, spaces and case ignored.
pub fn parse_fingerprint(text: &str) -> Result<String, BundleError> {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if digits.chars().count() != FINGERPRINT_DIGITS
        || !digits.chars().all(|c| c.is_ascii_hexdigit())
    {
        return Err(BundleError::BadFingerprint(text.chars().take(80).collect()));
    }
    Ok(in_groups(&digits))
}

/// Refuses `bundle` unless its signer has the fingerprint `expected` (in
/// the form [`parse_fingerprint`] returns): the check that lets a
/// fingerprint read aloud stand for the key it was made from.
pub fn check_fingerprint(bundle: &OpenedBundle, expected: &str) -> Result<(), BundleError> {
    if bundle.fingerprint == expected {
        Ok(())
    } else {
        Err(BundleError::FingerprintMismatch {
            given: expected.to_owned(),
            actual: bundle.fingerprint.clone(),
        })
    }
}

/// Whether [`check_acceptable`] asks for a signer already in the keyring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signer {
    /// The signer must be trusted already: an import that trusts no one new.
    MustBeTrusted,
    /// Any signer will do: the caller trusts this one with the import, or
    /// only reports what an import would say (`verify`, a review screen).
    MayBeNew,
}

/// The checks that make a verified bundle acceptable for import: a trusted
/// signer (unless `signer` allows a new one), a new sequence, not expired.
pub fn check_acceptable(
    bundle: &OpenedBundle,
    trust: &TrustState,
    signer: Signer,
    now: OffsetDateTime,
) -> Result<(), BundleError> {
    let manifest = &bundle.manifest;
    let trusted = trust.by_key(&manifest.signer);
    if trusted.is_none() && signer == Signer::MustBeTrusted {
        return Err(BundleError::Untrusted {
            fingerprint: fingerprint(&manifest.signer),
        });
    }
    if let Some(last_seen) = trust.last_seen.get(&manifest.signer) {
        if manifest.sequence <= *last_seen {
            return Err(BundleError::Replayed {
                signer: trusted
                    .map(|k| k.name.clone())
                    .unwrap_or_else(|| fingerprint(&manifest.signer)),
                sequence: manifest.sequence,
                last_seen: *last_seen,
            });
        }
    }
    if let Some(expires) = manifest.expires_at {
        if now >= expires {
            return Err(BundleError::Expired(crate::model::format_date(
                (expires - time::Duration::seconds(1)).date(),
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_is_the_first_twenty_hex_digits_of_the_keys_hash() {
        use sha2::{Digest, Sha256};
        let key = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";
        let digits = format!("{:X}", Sha256::digest(key.as_bytes()));
        let expected = format!(
            "{} {} {} {} {}",
            &digits[0..4],
            &digits[4..8],
            &digits[8..12],
            &digits[12..16],
            &digits[16..20]
        );
        assert_eq!(fingerprint(key), expected);
        assert_eq!(fingerprint(&format!("  {key}\n")), expected, "trimmed");
        assert_eq!(fingerprint(key).len(), 24);
    }

    #[test]
    fn a_fingerprint_read_aloud_parses_back_whatever_its_spaces_and_case() {
        let key = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";
        let shown = fingerprint(key);
        assert_eq!(parse_fingerprint(&shown).unwrap(), shown);
        let typed = shown.replace(' ', "").to_lowercase();
        assert_eq!(parse_fingerprint(&typed).unwrap(), shown);
        let spaced = format!("  {}\t", shown.replace(' ', "  "));
        assert_eq!(parse_fingerprint(&spaced).unwrap(), shown);
        for bad in [
            "",
            "A75A AA8D",
            &format!("{shown} 0"),
            &shown.replace(&shown[..1], "G"),
            "A75A-AA8D-588F-3507-6771",
        ] {
            assert!(
                matches!(parse_fingerprint(bad), Err(BundleError::BadFingerprint(_))),
                "{bad:?} parsed"
            );
        }
    }
}
