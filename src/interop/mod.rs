//! Records in and out of other forms: JSON and JSON Lines (the interchange
//! form of DESIGN.md), flat CSV spreadsheets, HSDS 3.0 tabular data packages,
//! and printable referral sheets.

pub mod csv;
pub mod hsds;
pub mod json;
pub mod sheet;

use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::model::Record;

/// Fields that `--redact` may empty, as in bundles.
pub use crate::bundle::REDACTABLE;

/// A field name given to `--redact` that is not redactable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot redact {field:?}; redactable fields are {}", REDACTABLE.join(", "))]
#[non_exhaustive]
pub struct RedactError {
    pub field: String,
}

/// Checks `--redact` field names, so that a typo is refused rather than
/// silently printing what should have been left out.
pub fn check_redact(fields: &[String]) -> Result<(), RedactError> {
    match fields
        .iter()
        .find(|field| !REDACTABLE.contains(&field.as_str()))
    {
        Some(field) => Err(RedactError {
            field: field.clone(),
        }),
        None => Ok(()),
    }
}

/// Empties the named fields (checked by `check_redact`).
pub fn redact(record: &mut Record, fields: &[String]) {
    for field in fields {
        match field.as_str() {
            "address" => record.address.clear(),
            "phones" => record.phones.clear(),
            "email" => record.email.clear(),
            "website" => record.website.clear(),
            "notes" => record.notes.clear(),
            _ => {}
        }
    }
}

/// A stable id derived from a name and parts (an RFC 9562 version 8 UUID
/// from SHA-256), so that exporting the same records twice writes the same
/// rows, and a foreign id that is not a UUID maps to the same record each time.
pub(crate) fn derived_id(kind: &str, parts: &[&str]) -> Uuid {
    let mut hash = Sha256::new();
    hash.update(b"pamphlet derived id\0");
    hash.update(kind.as_bytes());
    for part in parts {
        hash.update([0u8]);
        hash.update(part.as_bytes());
    }
    let digest = hash.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

/// The 1-based line of the byte at `offset`, for "line N is not UTF-8".
pub(crate) fn line_of_offset(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}
