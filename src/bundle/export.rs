//! Making a bundle: redact, sign, pack, encrypt.

use std::io::Write;

use age::secrecy::SecretString;
use time::OffsetDateTime;
use uuid::Uuid;

use super::format::{self, Contents, Manifest};
use super::limits::{clamp_scrypt_work, scrypt_work_factor, MAX_BUNDLE_RECORDS, MAX_RECORDS_BYTES};
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

/// How to export: made with [`ExportOptions::new`], then told what else
/// differs from the plain case (all fields, no expiry, no query).
pub struct ExportOptions {
    selection: String,
    redact: Vec<String>,
    expires_at: Option<OffsetDateTime>,
    encryption: Encryption,
    now: OffsetDateTime,
}

impl ExportOptions {
    /// A bundle encrypted as `encryption`, created at `now`, redacting
    /// nothing, never expiring, with an empty selection.
    pub fn new(encryption: Encryption, now: OffsetDateTime) -> ExportOptions {
        ExportOptions {
            selection: String::new(),
            redact: Vec::new(),
            expires_at: None,
            encryption,
            now,
        }
    }

    /// The query that selected the records, recorded in the manifest.
    pub fn selection(mut self, query: impl Into<String>) -> ExportOptions {
        self.selection = query.into();
        self
    }

    /// Fields to empty in every record, from `REDACTABLE`.
    pub fn redact(mut self, fields: Vec<String>) -> ExportOptions {
        self.redact = fields;
        self
    }

    /// The instant from which import refuses the bundle; `None` for never.
    pub fn expires_at(mut self, when: Option<OffsetDateTime>) -> ExportOptions {
        self.expires_at = when;
        self
    }
}

/// A finished bundle.
pub struct ExportSummary {
    /// The encrypted file's bytes.
    pub bytes: Vec<u8>,
    pub manifest: Manifest,
}

/// The records a bundle of `ids` holds, in the order it holds them: each
/// once, by id, those not in the vault left out. What an export lists
/// before it writes is this list, so that it is exactly what leaves.
pub fn selected<'v>(vault: &'v Vault, ids: &[Uuid]) -> Vec<&'v Record> {
    let mut selected: Vec<&Record> = ids.iter().filter_map(|id| vault.get(id)).collect();
    selected.sort_by_key(|record| record.id);
    selected.dedup_by_key(|record| record.id);
    selected
}

/// Builds a bundle of `ids` (in the vault) and bumps the vault's export
/// sequence first, durably, so that no two bundles ever share a sequence.
pub fn export(
    vault: &mut Vault,
    ids: &[Uuid],
    options: ExportOptions,
) -> Result<ExportSummary, BundleError> {
    crate::interop::check_redact(&options.redact)
        .map_err(|e| BundleError::UnknownRedaction { field: e.field })?;
    let selected = selected(vault, ids);
    // No bundle that a reader would refuse is made, or numbered.
    if selected.len() as u64 > MAX_BUNDLE_RECORDS {
        return Err(BundleError::TooLarge(format!(
            "{} records selected, more than the {MAX_BUNDLE_RECORDS} one bundle may hold",
            selected.len()
        )));
    }
    let mut records = Vec::with_capacity(selected.len() * 400);
    for record in &selected {
        let mut record = (*record).clone();
        record.redact(&options.redact);
        records.extend_from_slice(record.to_json_line().as_bytes());
        records.push(b'\n');
    }
    let record_count = selected.len() as u64;
    if records.len() as u64 > MAX_RECORDS_BYTES {
        return Err(BundleError::TooLarge(format!(
            "the records selected take {} bytes, more than the {MAX_RECORDS_BYTES} one bundle may hold",
            records.len()
        )));
    }

    let mut trust = vault.trust().clone();
    trust.last_exported += 1;
    let sequence = trust.last_exported;
    vault.set_trust(trust)?;

    let manifest = Manifest {
        format: format::FORMAT_NAME.to_owned(),
        version: format::FORMAT_VERSION,
        bundle_id: Uuid::new_v4(),
        signer: vault.signing_key().to_base64(),
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
        Ok(vault.sign(data, &comment)?.to_string().into_bytes())
    };
    let contents = Contents {
        manifest_sig: sign(&manifest_json)?,
        records_sig: sign(&records)?,
        manifest: manifest_json,
        records,
    };
    let tar = zeroize::Zeroizing::new(contents.to_tar(manifest.created_at)?);
    let bytes = encrypt(&tar, options.encryption)?;
    Ok(ExportSummary { bytes, manifest })
}

fn encrypt(plaintext: &[u8], encryption: Encryption) -> Result<Vec<u8>, BundleError> {
    match encryption {
        Encryption::Passphrase(passphrase, work) => {
            // age calibrates to this machine when no work factor is asked
            // for; a fast machine's calibration may pass what every reader
            // accepts, and then the bundle is made again at the cap.
            let asked = work.value();
            let first =
                encrypt_to_passphrase(plaintext, &passphrase, clamp_scrypt_work(asked, None))?;
            match clamp_scrypt_work(asked, scrypt_work_factor(&first)) {
                Some(log_n) if asked.is_none() => {
                    encrypt_to_passphrase(plaintext, &passphrase, Some(log_n))
                }
                _ => Ok(first),
            }
        }
        Encryption::Recipients(recipients) => encrypt_to(
            plaintext,
            recipients.iter().map(|r| r as &dyn age::Recipient),
        ),
    }
}

fn encrypt_to_passphrase(
    plaintext: &[u8],
    passphrase: &SecretString,
    log_n: Option<u8>,
) -> Result<Vec<u8>, BundleError> {
    let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
    if let Some(log_n) = log_n {
        recipient.set_work_factor(log_n);
    }
    encrypt_to(
        plaintext,
        std::iter::once(&recipient as &dyn age::Recipient),
    )
}

fn encrypt_to<'a>(
    plaintext: &[u8],
    recipients: impl Iterator<Item = &'a dyn age::Recipient>,
) -> Result<Vec<u8>, BundleError> {
    let encryptor = age::Encryptor::with_recipients(recipients).map_err(BundleError::Encrypt)?;
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
