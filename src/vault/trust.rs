//! Whom this vault trusts, and who vouched for each imported record. Both are
//! sealed in the vault like the records; public keys are not secrets, so
//! these types may be `Debug`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::model::Record;

/// The keyring and the sequence numbers that stop replayed bundles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustState {
    /// Signers whose bundles this vault accepts, in the order they were added.
    pub keys: Vec<TrustedKey>,
    /// The highest bundle sequence imported from each signer, by public key.
    pub last_seen: BTreeMap<String, u64>,
    /// The sequence number of this vault's latest export.
    pub last_exported: u64,
}

impl TrustState {
    /// The trusted key with this minisign public key, if any.
    pub fn by_key(&self, public_key: &str) -> Option<&TrustedKey> {
        self.keys.iter().find(|k| k.public_key == public_key)
    }

    /// The trusted key with this name (names are compared ignoring case).
    pub fn by_name(&self, name: &str) -> Option<&TrustedKey> {
        self.keys.iter().find(|k| k.name.eq_ignore_ascii_case(name))
    }
}

/// A signer this vault trusts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustedKey {
    /// A name the organizer chose, like "Rosa (Portland)".
    pub name: String,
    /// minisign public key, base64 (`RW…`).
    pub public_key: String,
    /// Their age recipient (`age1…`), if known, for exporting to them.
    pub recipient: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub added_at: OffsetDateTime,
}

/// Who vouched for an imported record, and what exactly they sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The signer's name in this vault's keyring when it was imported.
    pub signer_name: String,
    /// The signer's minisign public key, base64.
    pub signer_key: String,
    pub bundle_id: Uuid,
    pub sequence: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub imported_at: OffsetDateTime,
    /// SHA-256 of the record's JSON as imported: if the local record no
    /// longer hashes to this, someone here changed it since.
    pub imported_hash: [u8; 32],
}

impl Provenance {
    /// Whether `record` no longer hashes to what the signer sent: someone
    /// here changed it since it was imported. Import then calls the signer's
    /// next version of it a conflict, not an update.
    pub fn edited_since_import(&self, record: &Record) -> bool {
        record_hash(record) != self.imported_hash
    }

    /// "Rosa (bundle #3, imported 2026-11-02)": who vouched for the record,
    /// in which of their bundles, and when it came in.
    pub fn source(&self, lang: crate::i18n::Lang) -> String {
        crate::t!(
            lang,
            "vouch-source",
            name = self.signer_name.as_str(),
            sequence = self.sequence,
            day = lang.date(self.imported_at.date())
        )
    }
}

/// The SHA-256 of a record's JSON form: what provenance remembers.
pub(crate) fn record_hash(record: &Record) -> [u8; 32] {
    Sha256::digest(record.to_json_line().as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;
    use time::macros::datetime;

    #[test]
    fn a_record_is_edited_since_import_once_it_no_longer_hashes_the_same() {
        let now = datetime!(2026-11-02 12:00 UTC);
        let mut record = Record::new("Casa Puente", Category::Housing, now);
        let vouched = Provenance {
            signer_name: "Rosa".into(),
            signer_key: "RWexample".into(),
            bundle_id: Uuid::nil(),
            sequence: 3,
            imported_at: now,
            imported_hash: record_hash(&record),
        };
        assert_eq!(
            vouched.source(crate::i18n::Lang::En),
            "Rosa (bundle #3, imported 2 November 2026)"
        );
        assert_eq!(
            vouched.source(crate::i18n::Lang::Es),
            "Rosa (paquete n.º 3, importado el 2 de noviembre de 2026)"
        );
        assert!(!vouched.edited_since_import(&record));
        record.hours = "Mon 9-5".into();
        assert!(vouched.edited_since_import(&record));
    }
}
