//! Making a bundle: redact, sign, pack, encrypt.

use std::io::{Cursor, Write};

use age::secrecy::SecretString;
use time::OffsetDateTime;
use uuid::Uuid;

use super::format::{self, Contents, Manifest};
use super::BundleError;
use crate::model::Record;
use crate::vault::{Vault, WorkFactor};

pub use crate::model::REDACTABLE;

/// Whom a bundle is encrypted to.
pub enum Encryption {
    /// A meeting passphrase (age scrypt).
    Passphrase(SecretString, WorkFactor),
    /// One or more `age1…` recipients.
    Recipients(Vec<age::x25519::Recipient>),
}

impl Encryption {
    /// Parses `age1…` recipients; blank lines and `#` comments are skipped,
    /// as in age's recipients files.
    pub fn recipients<'a>(
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Result<Encryption, BundleError> {
        let mut recipients = Vec::new();
        for text in texts {
            let text = text.trim();
            if text.is_empty() || text.starts_with('#') {
                continue;
            }
            let recipient = text
                .parse::<age::x25519::Recipient>()
                .map_err(|_| BundleError::BadRecipient(text.chars().take(80).collect()))?;
            recipients.push(recipient);
        }
        if recipients.is_empty() {
            return Err(BundleError::BadRecipient("no recipients given".to_owned()));
        }
        Ok(Encryption::Recipients(recipients))
    }
}

/// How to export.
pub struct ExportOptions {
    /// The query that selected the records, recorded in the manifest.
    pub selection: String,
    /// Fields to empty, from `REDACTABLE`.
    pub redact: Vec<String>,
    pub expires_at: Option<OffsetDateTime>,
    pub encryption: Encryption,
    pub now: OffsetDateTime,
}

/// A finished bundle.
pub struct ExportSummary {
    /// The encrypted file's bytes.
    pub bytes: Vec<u8>,
    pub manifest: Manifest,
}

/// Builds a bundle of `ids` (in the vault) and bumps the vault's export
/// sequence first, durably, so that no two bundles ever share a sequence.
pub fn export(
    vault: &mut Vault,
    ids: &[Uuid],
    options: ExportOptions,
) -> Result<ExportSummary, BundleError> {
    for field in &options.redact {
        if !REDACTABLE.contains(&field.as_str()) {
            return Err(BundleError::Malformed(format!(
                "cannot redact {field:?}; redactable fields are {}",
                REDACTABLE.join(", ")
            )));
        }
    }
    let mut selected: Vec<&Record> = ids.iter().filter_map(|id| vault.get(id)).collect();
    selected.sort_by_key(|record| record.id);
    selected.dedup_by_key(|record| record.id);
    let mut records = Vec::with_capacity(selected.len() * 400);
    for record in &selected {
        let mut record = (*record).clone();
        record.redact(&options.redact);
        records.extend_from_slice(record.to_json_line().as_bytes());
        records.push(b'\n');
    }
    let record_count = selected.len() as u64;

    let mut trust = vault.trust().clone();
    trust.last_exported += 1;
    let sequence = trust.last_exported;
    vault.set_trust(trust)?;

    let keys = vault.keys();
    let secret = minisign::SecretKey::from_bytes(&keys.signing_secret)
        .map_err(|_| BundleError::Malformed("the vault's signing key is unreadable".into()))?;
    let public = minisign::PublicKey::from_bytes(&keys.signing_public)
        .map_err(|_| BundleError::Malformed("the vault's public key is unreadable".into()))?;
    let manifest = Manifest {
        format: format::FORMAT_NAME.to_owned(),
        version: format::FORMAT_VERSION,
        bundle_id: Uuid::new_v4(),
        signer: public.to_base64(),
        sequence,
        created_at: crate::model::truncate_to_seconds(options.now),
        expires_at: options.expires_at,
        record_count,
        records_sha256: format::sha256_hex(&records),
        selection: options.selection,
        redacted: options.redact,
    };
    let mut manifest_json =
        serde_json::to_vec_pretty(&manifest).map_err(|e| BundleError::Malformed(e.to_string()))?;
    manifest_json.push(b'\n');
    let comment = format!(
        "pamphlet bundle {} sequence {}",
        manifest.bundle_id, manifest.sequence
    );
    let sign = |data: &[u8]| -> Result<Vec<u8>, BundleError> {
        let signature = minisign::sign(
            Some(&public),
            &secret,
            Cursor::new(data),
            Some(&comment),
            Some("signature from pamphlet"),
        )
        .map_err(|e| BundleError::Io(std::io::Error::other(e.to_string())))?;
        Ok(signature.to_string().into_bytes())
    };
    let contents = Contents {
        manifest_sig: sign(&manifest_json)?,
        records_sig: sign(&records)?,
        manifest: manifest_json,
        records,
    };
    // minisign 0.7's SecretKey has no zeroizing Drop; it lives only for
    // this call, and the bytes it came from are zeroized with the vault.
    let tar = zeroize::Zeroizing::new(contents.to_tar(manifest.created_at)?);
    let bytes = encrypt(&tar, options.encryption)?;
    Ok(ExportSummary { bytes, manifest })
}

fn encrypt(plaintext: &[u8], encryption: Encryption) -> Result<Vec<u8>, BundleError> {
    let encryptor = match encryption {
        Encryption::Passphrase(passphrase, work) => {
            let mut recipient = age::scrypt::Recipient::new(passphrase);
            if let Some(log_n) = work.value() {
                recipient.set_work_factor(log_n);
            }
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        }
        Encryption::Recipients(recipients) => {
            age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
        }
    }
    .map_err(|e| BundleError::BadRecipient(e.to_string()))?;
    let mut out = Vec::with_capacity(plaintext.len() + plaintext.len() / 4096 + 1024);
    let mut writer = encryptor.wrap_output(&mut out)?;
    writer.write_all(plaintext)?;
    writer.finish()?;
    Ok(out)
}

/// Keeps `local`'s value for each redacted field, so that importing a
/// redacted bundle never erases what this vault knows.
pub(super) fn unredact(record: &mut Record, local: Option<&Record>, fields: &[String]) {
    if let Some(local) = local {
        record.restore_redacted(local, fields);
    }
}
