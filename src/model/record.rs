//! A referral as the vault keeps it, validated and canonical.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::codes::language_name;
use super::dates::{iso_date, truncate_to_seconds};
use super::kinds::{Category, PhoneKind, Status};

/// One way to reach a referral by phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize)]
pub struct Phone {
    pub number: String,
    #[serde(rename = "type")]
    #[zeroize(skip)]
    pub kind: PhoneKind,
    pub note: String,
}

/// A referral, validated. Every field is always present in its JSON form (as
/// an empty string, list or `null`), so that dumps are uniform and the same
/// serde derive serves the binary codec, which cannot skip fields.
///
/// Records are the plaintext this program exists to protect: their text is
/// cleared from memory when they are dropped, so that locking leaves
/// nothing behind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct Record {
    #[zeroize(skip)]
    pub id: Uuid,
    pub name: String,
    pub organization: String,
    #[zeroize(skip)]
    pub category: Category,
    pub description: String,
    pub city: String,
    pub region: String,
    /// ISO 3166-1 alpha-2, upper case, or empty.
    pub country: String,
    pub address: String,
    pub phones: Vec<Phone>,
    pub email: String,
    pub website: String,
    /// ISO 639-1 codes, lower case, without duplicates.
    pub languages: Vec<String>,
    pub hours: String,
    pub cost: String,
    pub notes: String,
    pub tags: Vec<String>,
    #[serde(with = "iso_date")]
    #[zeroize(skip)]
    pub verified_on: Option<Date>,
    #[zeroize(skip)]
    pub status: Status,
    #[serde(with = "time::serde::rfc3339")]
    #[zeroize(skip)]
    pub updated_at: OffsetDateTime,
}

impl Record {
    /// A new, empty active record with a fresh id.
    pub fn new(name: impl Into<String>, category: Category, now: OffsetDateTime) -> Record {
        Record {
            id: Uuid::new_v4(),
            name: name.into(),
            organization: String::new(),
            category,
            description: String::new(),
            city: String::new(),
            region: String::new(),
            country: String::new(),
            address: String::new(),
            phones: Vec::new(),
            email: String::new(),
            website: String::new(),
            languages: Vec::new(),
            hours: String::new(),
            cost: String::new(),
            notes: String::new(),
            tags: Vec::new(),
            verified_on: None,
            status: Status::Active,
            updated_at: truncate_to_seconds(now),
        }
    }

    /// Serializes the record as one line of JSON, the interchange form.
    pub fn to_json_line(&self) -> String {
        // A Record holds only strings, enums and dates: serialization can't fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The English name of each language, falling back to the code.
    pub fn language_names(&self) -> Vec<&str> {
        self.languages
            .iter()
            .map(|code| language_name(code).unwrap_or(code))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zeroizing_clears_the_text_and_keeps_what_is_not_secret() {
        let now = time::macros::datetime!(2026-11-30 12:00 UTC);
        let mut record = Record::new("Ana Ruiz", Category::Clinic, now);
        record.notes = "ask for Bo".into();
        record.phones = vec![Phone {
            number: "555 0100".into(),
            kind: PhoneKind::Text,
            note: "evenings".into(),
        }];
        record.tags = vec!["no-id".into()];
        let id = record.id;
        record.zeroize();
        assert!(record.name.is_empty() && record.notes.is_empty());
        assert!(record.phones.is_empty() && record.tags.is_empty());
        assert_eq!((record.id, record.category), (id, Category::Clinic));
    }
}
