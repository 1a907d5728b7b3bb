//! Bundles: signed, encrypted files of records for a USB stick.
//!
//! Export signs a manifest and the records with the vault's minisign key,
//! packs them in a tar archive and encrypts that with age, to a meeting
//! passphrase or to recipients' `age1…` keys. Import decrypts, verifies the
//! signatures, checks the signer is trusted and the sequence is new, shows a
//! plan, and applies it in one transaction. Nothing here prints.

mod export;
mod format;
mod merge;
mod open;

use std::io;

use time::OffsetDateTime;

pub use export::{export, Encryption, ExportOptions, ExportSummary, REDACTABLE};
pub use format::{Manifest, FORMAT_NAME, FORMAT_VERSION};
pub use merge::{
    apply, plan, ConflictReason, Counts, ImportSummary, Outcome, Plan, PlanItem, Prefer,
};
pub(crate) use open::open_archive;
pub use open::{open, open_bytes, Decryption, OpenedBundle};

use crate::vault::{TrustState, VaultError};

/// The largest bundle file accepted; anything bigger is refused before a
/// byte is decrypted.
pub const MAX_BUNDLE_BYTES: u64 = 300 * 1024 * 1024;

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
    /// Deliberately one variant: which of these it was is not revealed.
    #[error("the bundle does not decrypt: wrong passphrase, or the file is damaged")]
    Undecryptable,
    /// Decrypted, but its contents are not a well-formed bundle.
    #[error("the bundle is malformed: {0}")]
    Malformed(String),
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
pub fn public_identity(keys: &crate::vault::KeyMaterial) -> Result<PublicIdentity, BundleError> {
    let signing = minisign::PublicKey::from_bytes(&keys.signing_public)
        .map_err(|_| BundleError::Malformed("the vault's public key is unreadable".into()))?;
    let identity = keys
        .age_identity
        .parse::<age::x25519::Identity>()
        .map_err(|_| BundleError::Malformed("the vault's age identity is unreadable".into()))?;
    let signing_key = signing.to_base64();
    Ok(PublicIdentity {
        fingerprint: fingerprint(&signing_key),
        recipient: identity.to_public().to_string(),
        signing_key,
    })
}

/// `text` as a QR code drawn with Unicode half blocks, two modules a
/// character cell, dark on light, with the quiet zone scanners need.
pub fn qr_text(text: &str) -> Result<String, BundleError> {
    let code = qrcode::QrCode::new(text.as_bytes())
        .map_err(|e| BundleError::Malformed(format!("cannot draw a QR code: {e}")))?;
    Ok(code
        .render::<qrcode::render::unicode::Dense1x2>()
        .dark_color(qrcode::render::unicode::Dense1x2::Light)
        .light_color(qrcode::render::unicode::Dense1x2::Dark)
        .quiet_zone(true)
        .build())
}

/// A short fingerprint of a minisign public key, for reading aloud:
/// five groups of four hex digits of its SHA-256.
pub fn fingerprint(public_key: &str) -> String {
    let digest = format::sha256_hex(public_key.trim().as_bytes()).to_uppercase();
    digest
        .as_bytes()
        .chunks(4)
        .take(5)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The checks that make a verified bundle acceptable for import: a trusted
/// signer (unless the caller is about to trust it), a new sequence, not
/// expired.
pub fn check_acceptable(
    bundle: &OpenedBundle,
    trust: &TrustState,
    trusting_now: bool,
    now: OffsetDateTime,
) -> Result<(), BundleError> {
    let manifest = &bundle.manifest;
    let trusted = trust.by_key(&manifest.signer);
    if trusted.is_none() && !trusting_now {
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
