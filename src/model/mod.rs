//! A referral record, its parts, and the validation that turns loose input
//! (JSON, command-line flags, a form) into a record. No I/O happens here.
//!
//! Field names follow Open Referral HSDS 3.0 where one exists. `Record` is the
//! validated, canonical form; `RecordInput` is what arrives from outside, every
//! field optional and textual, so that a bad value can be reported with the
//! name of its field instead of a parser's column number.

mod codes;
pub(crate) mod list_text;

use std::fmt;

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;
use zeroize::Zeroize;

pub use codes::{COUNTRIES, LANGUAGES};

/// What kind of help a referral offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Lawyer,
    Clinic,
    Therapist,
    Translator,
    BailFund,
    Housing,
    SupportGroup,
    Other,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Lawyer,
        Category::Clinic,
        Category::Therapist,
        Category::Translator,
        Category::BailFund,
        Category::Housing,
        Category::SupportGroup,
        Category::Other,
    ];

    /// The name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Lawyer => "lawyer",
            Category::Clinic => "clinic",
            Category::Therapist => "therapist",
            Category::Translator => "translator",
            Category::BailFund => "bail_fund",
            Category::Housing => "housing",
            Category::SupportGroup => "support_group",
            Category::Other => "other",
        }
    }

    /// A label for people: "bail fund" rather than "bail_fund".
    pub fn label(self) -> &'static str {
        match self {
            Category::BailFund => "bail fund",
            Category::SupportGroup => "support group",
            other => other.as_str(),
        }
    }

    /// Accepts the JSON name, ignoring case, with `-` or a space for `_`.
    pub fn parse(text: &str) -> Option<Category> {
        let wanted = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Category::ALL.into_iter().find(|c| c.as_str() == wanted)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a referral can still be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Active,
    Inactive,
    Defunct,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Active, Status::Inactive, Status::Defunct];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Inactive => "inactive",
            Status::Defunct => "defunct",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        let wanted = text.trim().to_ascii_lowercase();
        Status::ALL.into_iter().find(|s| s.as_str() == wanted)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// HSDS phone types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    #[default]
    Voice,
    Text,
    Cell,
    Fax,
    Video,
    Pager,
    Textphone,
}

impl PhoneKind {
    pub const ALL: [PhoneKind; 7] = [
        PhoneKind::Voice,
        PhoneKind::Text,
        PhoneKind::Cell,
        PhoneKind::Fax,
        PhoneKind::Video,
        PhoneKind::Pager,
        PhoneKind::Textphone,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PhoneKind::Voice => "voice",
            PhoneKind::Text => "text",
            PhoneKind::Cell => "cell",
            PhoneKind::Fax => "fax",
            PhoneKind::Video => "video",
            PhoneKind::Pager => "pager",
            PhoneKind::Textphone => "textphone",
        }
    }

    pub fn parse(text: &str) -> Option<PhoneKind> {
        let wanted = text.trim().to_ascii_lowercase();
        PhoneKind::ALL.into_iter().find(|k| k.as_str() == wanted)
    }
}

/// One way to reach a referral by phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    pub number: String,
    #[serde(rename = "type")]
    pub kind: PhoneKind,
    pub note: String,
}

/// A referral, validated. Every field is always present in its JSON form (as
/// an empty string, list or `null`), so that dumps are uniform and the same
/// serde derive serves the binary codec, which cannot skip fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub id: Uuid,
    pub name: String,
    pub organization: String,
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
    pub verified_on: Option<Date>,
    pub status: Status,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl Drop for Record {
    /// Records are the plaintext this program exists to protect: clear them
    /// from memory when they go, so that locking leaves nothing behind.
    fn drop(&mut self) {
        for text in [
            &mut self.name,
            &mut self.organization,
            &mut self.description,
            &mut self.city,
            &mut self.region,
            &mut self.country,
            &mut self.address,
            &mut self.email,
            &mut self.website,
            &mut self.hours,
            &mut self.cost,
            &mut self.notes,
        ] {
            text.zeroize();
        }
        for phone in &mut self.phones {
            phone.number.zeroize();
            phone.note.zeroize();
        }
        self.languages.zeroize();
        self.tags.zeroize();
    }
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

    /// The same record as loose input, for editing.
    pub fn to_input(&self) -> RecordInput {
        RecordInput {
            id: Some(self.id.to_string()),
            name: Some(self.name.clone()),
            organization: Some(self.organization.clone()),
            category: Some(self.category.as_str().to_owned()),
            description: Some(self.description.clone()),
            city: Some(self.city.clone()),
            region: Some(self.region.clone()),
            country: Some(self.country.clone()),
            address: Some(self.address.clone()),
            phones: Some(
                self.phones
                    .iter()
                    .map(|p| PhoneInput {
                        number: Some(p.number.clone()),
                        kind: Some(p.kind.as_str().to_owned()),
                        note: Some(p.note.clone()),
                    })
                    .collect(),
            ),
            email: Some(self.email.clone()),
            website: Some(self.website.clone()),
            languages: Some(self.languages.clone()),
            hours: Some(self.hours.clone()),
            cost: Some(self.cost.clone()),
            notes: Some(self.notes.clone()),
            tags: Some(self.tags.clone()),
            verified_on: self.verified_on.map(format_date),
            status: Some(self.status.as_str().to_owned()),
            updated_at: Some(format_timestamp(self.updated_at)),
        }
    }

    /// Empties the named fields (names from `REDACTABLE`; others are
    /// ignored, so check them first).
    pub fn redact(&mut self, fields: &[String]) {
        for field in fields {
            match field.as_str() {
                "address" => self.address.clear(),
                "phones" => self.phones.clear(),
                "email" => self.email.clear(),
                "website" => self.website.clear(),
                "notes" => self.notes.clear(),
                _ => {}
            }
        }
    }

    /// The names of the fields whose values differ, `updated_at` aside.
    pub fn differences(&self, other: &Record) -> Vec<&'static str> {
        let mut fields = Vec::new();
        let mut check = |name: &'static str, same: bool| {
            if !same {
                fields.push(name);
            }
        };
        check("id", self.id == other.id);
        check("name", self.name == other.name);
        check("organization", self.organization == other.organization);
        check("category", self.category == other.category);
        check("description", self.description == other.description);
        check("city", self.city == other.city);
        check("region", self.region == other.region);
        check("country", self.country == other.country);
        check("address", self.address == other.address);
        check("phones", self.phones == other.phones);
        check("email", self.email == other.email);
        check("website", self.website == other.website);
        check("languages", self.languages == other.languages);
        check("hours", self.hours == other.hours);
        check("cost", self.cost == other.cost);
        check("notes", self.notes == other.notes);
        check("tags", self.tags == other.tags);
        check("verified_on", self.verified_on == other.verified_on);
        check("status", self.status == other.status);
        fields
    }

    /// The English name of each language, falling back to the code.
    pub fn language_names(&self) -> Vec<&str> {
        self.languages
            .iter()
            .map(|code| language_name(code).unwrap_or(code))
            .collect()
    }
}

/// A phone as it arrives from outside.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhoneInput {
    pub number: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub note: Option<String>,
}

/// A record as it arrives from outside: every field optional and textual.
/// `validate` turns it into a `Record` or names the field that is wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordInput {
    pub id: Option<String>,
    pub name: Option<String>,
    pub organization: Option<String>,
    pub category: Option<String>,
    pub description: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub address: Option<String>,
    pub phones: Option<Vec<PhoneInput>>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub languages: Option<Vec<String>>,
    pub hours: Option<String>,
    pub cost: Option<String>,
    pub notes: Option<String>,
    pub tags: Option<Vec<String>>,
    pub verified_on: Option<String>,
    pub status: Option<String>,
    pub updated_at: Option<String>,
}

/// A field that failed validation, and why. It names the field and the
/// problem; it may quote the offending value, which is never a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field `{field}`: {problem}")]
#[non_exhaustive]
pub struct FieldError {
    pub field: &'static str,
    pub problem: String,
}

impl FieldError {
    fn new(field: &'static str, problem: impl Into<String>) -> FieldError {
        FieldError {
            field,
            problem: problem.into(),
        }
    }
}

/// Fields that may be left out of what leaves the vault (`--redact`): how
/// to reach a referral, and what organizers wrote about it.
pub const REDACTABLE: [&str; 5] = ["address", "phones", "email", "website", "notes"];

/// Longest text accepted in a single field, in bytes.
pub const MAX_FIELD_LEN: usize = 4096;
/// Most entries accepted in a list field (phones, languages, tags).
pub const MAX_LIST_LEN: usize = 64;

impl RecordInput {
    /// Validates and normalizes. `now` stamps `updated_at` when it is absent
    /// and is injected so tests don't depend on the clock.
    pub fn validate(self, now: OffsetDateTime) -> Result<Record, FieldError> {
        let id = match non_empty(self.id) {
            None => Uuid::new_v4(),
            Some(text) => Uuid::parse_str(&text)
                .map_err(|_| FieldError::new("id", format!("{text:?} is not a UUID")))?,
        };
        let name = text_field("name", self.name)?;
        if name.is_empty() {
            return Err(FieldError::new("name", "is required"));
        }
        let category = match non_empty(self.category) {
            None => return Err(FieldError::new("category", "is required")),
            Some(text) => Category::parse(&text).ok_or_else(|| {
                FieldError::new(
                    "category",
                    format!(
                        "unknown category {text:?} (expected one of: {})",
                        Category::ALL.map(Category::as_str).join(", ")
                    ),
                )
            })?,
        };
        let country = match non_empty(self.country) {
            None => String::new(),
            Some(text) => {
                let code = text.trim().to_ascii_uppercase();
                if country_name(&code).is_none() {
                    return Err(FieldError::new(
                        "country",
                        format!(
                            "{text:?} is not an ISO 3166-1 alpha-2 country code (like US, FR, BR)"
                        ),
                    ));
                }
                code
            }
        };
        let phones = self
            .phones
            .unwrap_or_default()
            .into_iter()
            .map(validate_phone)
            .collect::<Result<Vec<_>, _>>()?;
        check_list_len("phones", phones.len())?;
        let mut languages = Vec::new();
        for text in self.languages.unwrap_or_default() {
            let code = parse_language(&text).ok_or_else(|| {
                FieldError::new(
                    "languages",
                    format!("{text:?} is not an ISO 639-1 language code (like en, es, fr)"),
                )
            })?;
            if !languages.iter().any(|known| known == code) {
                languages.push(code.to_owned());
            }
        }
        check_list_len("languages", languages.len())?;
        let mut tags: Vec<String> = Vec::new();
        for tag in self.tags.unwrap_or_default() {
            let tag = clean_text("tags", &tag)?;
            if !tag.is_empty() && !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        check_list_len("tags", tags.len())?;
        let verified_on = match non_empty(self.verified_on) {
            None => None,
            Some(text) => Some(parse_date(text.trim()).ok_or_else(|| {
                FieldError::new(
                    "verified_on",
                    format!("{text:?} is not a date in the form YYYY-MM-DD"),
                )
            })?),
        };
        let status = match non_empty(self.status) {
            None => Status::Active,
            Some(text) => Status::parse(&text).ok_or_else(|| {
                FieldError::new(
                    "status",
                    format!("unknown status {text:?} (expected active, inactive or defunct)"),
                )
            })?,
        };
        let updated_at = match non_empty(self.updated_at) {
            None => truncate_to_seconds(now),
            Some(text) => parse_timestamp(text.trim()).ok_or_else(|| {
                FieldError::new(
                    "updated_at",
                    format!("{text:?} is not an RFC 3339 timestamp (like 2026-10-01T12:00:00Z)"),
                )
            })?,
        };
        Ok(Record {
            id,
            name,
            organization: text_field("organization", self.organization)?,
            category,
            description: text_field("description", self.description)?,
            city: text_field("city", self.city)?,
            region: text_field("region", self.region)?,
            country,
            address: text_field("address", self.address)?,
            phones,
            email: text_field("email", self.email)?,
            website: text_field("website", self.website)?,
            languages,
            hours: text_field("hours", self.hours)?,
            cost: text_field("cost", self.cost)?,
            notes: text_field("notes", self.notes)?,
            tags,
            verified_on,
            status,
            updated_at,
        })
    }
}

fn validate_phone(input: PhoneInput) -> Result<Phone, FieldError> {
    let number = text_field("phones", input.number)?;
    if number.is_empty() {
        return Err(FieldError::new("phones", "a phone needs a number"));
    }
    if !number
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().#*/".contains(c) || c.is_ascii_alphabetic())
        || !number.chars().any(|c| c.is_ascii_digit())
    {
        return Err(FieldError::new(
            "phones",
            format!("{number:?} does not look like a phone number"),
        ));
    }
    let kind = match non_empty(input.kind) {
        None => PhoneKind::Voice,
        Some(text) => PhoneKind::parse(&text).ok_or_else(|| {
            FieldError::new(
                "phones",
                format!(
                    "unknown phone type {text:?} (expected one of: {})",
                    PhoneKind::ALL.map(PhoneKind::as_str).join(", ")
                ),
            )
        })?,
    };
    Ok(Phone {
        number,
        kind,
        note: text_field("phones", input.note)?,
    })
}

fn check_list_len(field: &'static str, len: usize) -> Result<(), FieldError> {
    if len > MAX_LIST_LEN {
        return Err(FieldError::new(
            field,
            format!("has {len} entries; at most {MAX_LIST_LEN} are accepted"),
        ));
    }
    Ok(())
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|text| !text.trim().is_empty())
}

fn text_field(field: &'static str, value: Option<String>) -> Result<String, FieldError> {
    clean_text(field, value.as_deref().unwrap_or(""))
}

/// Trims surrounding white space and refuses control characters other than
/// newlines and tabs, which would corrupt a terminal or a printed sheet.
fn clean_text(field: &'static str, text: &str) -> Result<String, FieldError> {
    let text = text.trim();
    if text.len() > MAX_FIELD_LEN {
        return Err(FieldError::new(
            field,
            format!(
                "is {} bytes long; at most {MAX_FIELD_LEN} are accepted",
                text.len()
            ),
        ));
    }
    if let Some(bad) = text
        .chars()
        .find(|c| c.is_control() && *c != '\n' && *c != '\t')
    {
        return Err(FieldError::new(
            field,
            format!("contains the control character U+{:04X}", bad as u32),
        ));
    }
    Ok(text.to_owned())
}

/// The ISO 639-1 code for a code or a language's name, in any case.
pub fn parse_language(text: &str) -> Option<&'static str> {
    let wanted = text.trim().to_lowercase();
    LANGUAGES
        .iter()
        .find(|(code, english, others)| {
            *code == wanted
                || english.to_lowercase() == wanted
                || others.iter().any(|o| o.to_lowercase() == wanted)
        })
        .map(|(code, _, _)| *code)
}

/// The English name of an ISO 639-1 code.
pub fn language_name(code: &str) -> Option<&'static str> {
    LANGUAGES
        .binary_search_by(|(known, _, _)| (*known).cmp(code))
        .ok()
        .map(|i| LANGUAGES[i].1)
}

/// The English name of an ISO 3166-1 alpha-2 code (upper case).
pub fn country_name(code: &str) -> Option<&'static str> {
    COUNTRIES
        .binary_search_by(|(known, _)| (*known).cmp(code))
        .ok()
        .map(|i| COUNTRIES[i].1)
}

const DATE_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text, DATE_FORMAT).ok()
}

/// Formats as `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    date.format(DATE_FORMAT).unwrap_or_default()
}

fn parse_timestamp(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .ok()
        .map(truncate_to_seconds)
}

fn format_timestamp(when: OffsetDateTime) -> String {
    when.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Timestamps are kept in UTC to the second, so that a record's JSON form is
/// the same however it was made.
pub fn truncate_to_seconds(when: OffsetDateTime) -> OffsetDateTime {
    let utc = when.to_offset(time::UtcOffset::UTC);
    utc.replace_nanosecond(0).unwrap_or(utc)
}

mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(
        value: &Option<Date>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(date) => serializer.serialize_some(&super::format_date(*date)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Date>, D::Error> {
        let text: Option<String> = Option::deserialize(deserializer)?;
        match text {
            None => Ok(None),
            Some(text) => super::parse_date(&text)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom("bad date")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> OffsetDateTime {
        time::macros::datetime!(2026-11-30 12:00:00.5 UTC)
    }

    fn input(name: &str, category: &str) -> RecordInput {
        RecordInput {
            name: Some(name.into()),
            category: Some(category.into()),
            ..RecordInput::default()
        }
    }

    #[test]
    fn a_minimal_record_gets_an_id_and_a_timestamp_to_the_second() {
        let record = input("Ana Ruiz", "clinic").validate(now()).unwrap();
        assert_eq!(record.category, Category::Clinic);
        assert_eq!(record.status, Status::Active);
        assert_eq!(
            record.updated_at,
            time::macros::datetime!(2026-11-30 12:00:00 UTC)
        );
        assert_eq!(record.id.get_version_num(), 4);
    }

    #[test]
    fn missing_name_and_unknown_category_name_the_field() {
        let err = input("  ", "clinic").validate(now()).unwrap_err();
        assert_eq!(err.field, "name");
        let err = input("Ana", "clinik").validate(now()).unwrap_err();
        assert_eq!(err.field, "category");
        assert!(err.problem.contains("clinik"), "{err}");
    }

    #[test]
    fn codes_are_checked_and_normalized() {
        let mut record = input("Ana", "bail-fund");
        record.country = Some("br".into());
        record.languages = Some(vec!["ES".into(), "Spanish".into(), "français".into()]);
        let record = record.validate(now()).unwrap();
        assert_eq!(record.category, Category::BailFund);
        assert_eq!(record.country, "BR");
        assert_eq!(record.languages, vec!["es", "fr"]);

        let mut bad = input("Ana", "clinic");
        bad.country = Some("XX".into());
        assert_eq!(bad.validate(now()).unwrap_err().field, "country");
        let mut bad = input("Ana", "clinic");
        bad.languages = Some(vec!["klingon".into()]);
        assert_eq!(bad.validate(now()).unwrap_err().field, "languages");
    }

    #[test]
    fn dates_must_be_iso() {
        let mut record = input("Ana", "clinic");
        record.verified_on = Some("2026-10-01".into());
        assert_eq!(
            record.validate(now()).unwrap().verified_on,
            Some(time::macros::date!(2026 - 10 - 01))
        );
        for bad in ["01/10/2026", "2026-13-01", "yesterday"] {
            let mut record = input("Ana", "clinic");
            record.verified_on = Some(bad.into());
            assert_eq!(
                record.validate(now()).unwrap_err().field,
                "verified_on",
                "{bad}"
            );
        }
        let mut record = input("Ana", "clinic");
        record.updated_at = Some("2026-10-01 12:00".into());
        assert_eq!(record.validate(now()).unwrap_err().field, "updated_at");
    }

    #[test]
    fn phones_and_control_characters_are_checked() {
        let mut record = input("Ana", "clinic");
        record.phones = Some(vec![PhoneInput {
            number: Some("+1 503 555 0100".into()),
            kind: Some("pager".into()),
            note: None,
        }]);
        assert_eq!(
            record.validate(now()).unwrap().phones[0].kind,
            PhoneKind::Pager
        );
        let mut record = input("Ana", "clinic");
        record.phones = Some(vec![PhoneInput {
            number: Some("call me".into()),
            ..PhoneInput::default()
        }]);
        assert_eq!(record.validate(now()).unwrap_err().field, "phones");
        let mut record = input("Ana", "clinic");
        record.notes = Some("bell\u{7}".into());
        assert_eq!(record.validate(now()).unwrap_err().field, "notes");
    }

    #[test]
    fn json_round_trip_through_input_is_identity() {
        let mut record = input("Clínica São Paulo", "clinic");
        record.languages = Some(vec!["pt".into()]);
        record.verified_on = Some("2026-01-02".into());
        let record = record.validate(now()).unwrap();
        let line = record.to_json_line();
        let back: RecordInput = serde_json::from_str(&line).unwrap();
        let back = back.validate(now()).unwrap();
        assert_eq!(back, record);
        assert_eq!(back.to_json_line(), line);
        assert_eq!(record.to_input().validate(now()).unwrap(), record);
    }

    #[test]
    fn the_code_tables_are_sorted_for_binary_search() {
        assert!(LANGUAGES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(language_name("es"), Some("Spanish"));
        assert_eq!(country_name("FR"), Some("France"));
    }
}
