//! Test helpers shared by the app and screen tests: a second organizer's
//! vault, and real bundles made with `bundle::export` from it. Everything
//! here is fictional.

use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::bundle::{self, Encryption, ExportOptions};
use crate::model::{Category, Record};
use crate::vault::{TrustedKey, Vault, WorkFactor};

/// The meeting passphrase of test bundles.
pub const MEETING: &str = "sunflower meeting 7";

/// scrypt kept cheap in tests.
pub const CHEAP: u8 = 4;

/// Another organizer's vault, in `dir`.
pub fn signer_vault(dir: &Path) -> Vault {
    let passphrase = SecretString::from("the signer's own passphrase".to_owned());
    Vault::init(dir, &passphrase, WorkFactor::log_n(CHEAP)).unwrap()
}

/// A record that only the signer has, with a fixed id so screens are stable.
pub fn casa_clara(now: OffsetDateTime) -> Record {
    let mut record = Record::new("Casa Clara", Category::Housing, now);
    record.id = Uuid::from_u128(0x0c0a_5a00_c1a2_4000_8000_0000_0000_0001);
    record.city = "Portland".to_owned();
    record.region = "OR".to_owned();
    record.country = "US".to_owned();
    record.description = "Emergency beds for three nights, no questions.".to_owned();
    record.notes = "Call ahead after 18:00.".to_owned();
    record
}

/// The signer puts `records` in their vault and exports them to `path`,
/// to the meeting passphrase or to `recipient`.
pub fn export_from(
    signer: &mut Vault,
    records: Vec<Record>,
    recipient: Option<&str>,
    path: &Path,
    now: OffsetDateTime,
) -> PathBuf {
    let ids: Vec<Uuid> = records.iter().map(|r| r.id).collect();
    signer.put_all(records).unwrap();
    let encryption = match recipient {
        Some(recipient) => Encryption::recipients([recipient]).unwrap(),
        None => Encryption::Passphrase(
            SecretString::from(MEETING.to_owned()),
            WorkFactor::log_n(CHEAP),
        ),
    };
    let summary = bundle::export(
        signer,
        &ids,
        ExportOptions::new(encryption, now).selection("portland"),
    )
    .unwrap();
    std::fs::write(path, summary.bytes).unwrap();
    path.to_owned()
}

/// Puts `other`'s keys in `vault`'s keyring as `name`.
pub fn trust(vault: &mut Vault, other: &Vault, name: &str, now: OffsetDateTime) {
    let identity = bundle::public_identity(other);
    let mut trust = vault.trust().clone();
    trust.keys.push(TrustedKey {
        name: name.to_owned(),
        public_key: identity.signing_key,
        recipient: Some(identity.recipient),
        added_at: now,
    });
    vault.set_trust(trust).unwrap();
}
