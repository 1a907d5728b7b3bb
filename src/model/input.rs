//! A record as it arrives from outside (JSON, command-line flags, a form,
//! a CSV row): every field optional and textual, so that a bad value can be
//! reported with the name of its field instead of a parser's column number.
//! `RecordInput::validate` turns it into a `Record` or names the field that
//! is wrong.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::codes::{country_name, parse_language};
use super::dates::{parse_date, parse_timestamp, truncate_to_seconds};
use super::field::Field;
use super::kinds::{Category, PhoneKind, Status};
use super::record::{Phone, Record};
use crate::i18n::{Lang, Message};

/// A phone as it arrives from outside.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhoneInput {
    pub number: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub note: Option<String>,
}

impl PhoneInput {
    /// `NUMBER[;TYPE[;NOTE]]`, as `pamphlet add --phone` and a form row take
    /// it. Nothing is escaped: a number or a type never holds `;` (the model
    /// refuses both), and the note is the rest of the text, `;` and all.
    pub fn parse(text: &str) -> PhoneInput {
        let mut parts = text.splitn(3, ';').map(|part| part.trim().to_owned());
        PhoneInput {
            number: parts.next(),
            kind: parts.next(),
            note: parts.next(),
        }
    }

    /// The text `parse` reads back: `NUMBER`, `NUMBER; TYPE` or
    /// `NUMBER; TYPE; NOTE`.
    pub fn text(&self) -> String {
        let mut text = self.number.clone().unwrap_or_default();
        let kind = self.kind.as_deref().unwrap_or("");
        let note = self.note.as_deref().unwrap_or("");
        if !kind.is_empty() || !note.is_empty() {
            text.push_str("; ");
            text.push_str(if kind.is_empty() {
                PhoneKind::Voice.as_str()
            } else {
                kind
            });
        }
        if !note.is_empty() {
            text.push_str("; ");
            text.push_str(note);
        }
        text
    }
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
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("field `{field}`: {problem}")]
#[non_exhaustive]
pub struct FieldError {
    pub field: &'static str,
    /// The problem in English, as files and logs quote it.
    pub problem: String,
    /// The problem as a message, to word in the reader's language.
    pub message: Message,
}

impl FieldError {
    fn new(field: &'static str, message: Message) -> FieldError {
        FieldError {
            field,
            problem: message.in_lang(Lang::En),
            message,
        }
    }
}

/// Longest text accepted in a single field, in bytes.
pub const MAX_FIELD_LEN: usize = 4096;
/// Most entries accepted in a list field (phones, languages, tags).
pub const MAX_LIST_LEN: usize = 64;

impl RecordInput {
    /// Validates and normalizes. `now` stamps `updated_at` when it is absent
    /// and is injected so tests don't depend on the clock. Fields are
    /// checked in a fixed order, and the first problem is the one reported.
    pub fn validate(self, now: OffsetDateTime) -> Result<Record, FieldError> {
        let id = validate_id(self.id)?;
        let name = text_field(Field::Name, self.name)?;
        if name.is_empty() {
            return Err(FieldError::new(Field::Name.name(), msg!("input-required")));
        }
        let category = validate_category(self.category)?;
        let country = validate_country(self.country)?;
        let phones = self
            .phones
            .unwrap_or_default()
            .into_iter()
            .map(validate_phone)
            .collect::<Result<Vec<_>, _>>()?;
        check_list_len(Field::Phones, phones.len())?;
        let languages = validate_languages(self.languages.unwrap_or_default())?;
        let tags = validate_tags(self.tags.unwrap_or_default())?;
        let verified_on = validate_verified_on(self.verified_on)?;
        let status = validate_status(self.status)?;
        let updated_at = match non_empty(self.updated_at) {
            None => truncate_to_seconds(now),
            Some(text) => parse_timestamp(text.trim()).ok_or_else(|| {
                FieldError::new(
                    Field::UpdatedAt.name(),
                    msg!("input-not-timestamp", text = format!("{text:?}")),
                )
            })?,
        };
        Ok(Record {
            id,
            name,
            organization: text_field(Field::Organization, self.organization)?,
            category,
            description: text_field(Field::Description, self.description)?,
            city: text_field(Field::City, self.city)?,
            region: text_field(Field::Region, self.region)?,
            country,
            address: text_field(Field::Address, self.address)?,
            phones,
            email: text_field(Field::Email, self.email)?,
            website: text_field(Field::Website, self.website)?,
            languages,
            hours: text_field(Field::Hours, self.hours)?,
            cost: text_field(Field::Cost, self.cost)?,
            notes: text_field(Field::Notes, self.notes)?,
            tags,
            verified_on,
            status,
            updated_at,
        })
    }
}

fn validate_id(text: Option<String>) -> Result<Uuid, FieldError> {
    match non_empty(text) {
        None => Ok(Uuid::new_v4()),
        Some(text) => Uuid::parse_str(&text).map_err(|_| {
            FieldError::new(
                Field::Id.name(),
                msg!("input-not-uuid", text = format!("{text:?}")),
            )
        }),
    }
}

fn validate_category(text: Option<String>) -> Result<Category, FieldError> {
    let field = Field::Category.name();
    let text = non_empty(text).ok_or_else(|| FieldError::new(field, msg!("input-required")))?;
    Category::parse(&text).ok_or_else(|| {
        FieldError::new(
            field,
            msg!(
                "input-unknown-category",
                text = format!("{text:?}"),
                expected = Category::ALL.map(Category::as_str).join(", ")
            ),
        )
    })
}

fn validate_country(text: Option<String>) -> Result<String, FieldError> {
    let Some(text) = non_empty(text) else {
        return Ok(String::new());
    };
    let code = text.trim().to_ascii_uppercase();
    if country_name(&code).is_none() {
        return Err(FieldError::new(
            Field::Country.name(),
            msg!("input-not-country", text = format!("{text:?}")),
        ));
    }
    Ok(code)
}

/// Codes or names, to codes without duplicates.
fn validate_languages(texts: Vec<String>) -> Result<Vec<String>, FieldError> {
    let mut languages = Vec::new();
    for text in texts {
        let code = parse_language(&text).ok_or_else(|| {
            FieldError::new(
                Field::Languages.name(),
                msg!("input-not-language", text = format!("{text:?}")),
            )
        })?;
        if !languages.iter().any(|known| known == code) {
            languages.push(code.to_owned());
        }
    }
    check_list_len(Field::Languages, languages.len())?;
    Ok(languages)
}

/// Trimmed, without empty tags or duplicates.
fn validate_tags(texts: Vec<String>) -> Result<Vec<String>, FieldError> {
    let mut tags: Vec<String> = Vec::new();
    for tag in texts {
        let tag = clean_text(Field::Tags, &tag)?;
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    check_list_len(Field::Tags, tags.len())?;
    Ok(tags)
}

fn validate_verified_on(text: Option<String>) -> Result<Option<Date>, FieldError> {
    let Some(text) = non_empty(text) else {
        return Ok(None);
    };
    parse_date(text.trim()).map(Some).ok_or_else(|| {
        FieldError::new(
            Field::VerifiedOn.name(),
            msg!("input-not-date", text = format!("{text:?}")),
        )
    })
}

fn validate_status(text: Option<String>) -> Result<Status, FieldError> {
    let Some(text) = non_empty(text) else {
        return Ok(Status::Active);
    };
    Status::parse(&text).ok_or_else(|| {
        FieldError::new(
            Field::Status.name(),
            msg!("input-unknown-status", text = format!("{text:?}")),
        )
    })
}

fn validate_phone(input: PhoneInput) -> Result<Phone, FieldError> {
    let field = Field::Phones;
    let number = text_field(field, input.number)?;
    if number.is_empty() {
        return Err(FieldError::new(
            field.name(),
            msg!("input-phone-needs-number"),
        ));
    }
    if !number
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().#*/".contains(c) || c.is_ascii_alphabetic())
        || !number.chars().any(|c| c.is_ascii_digit())
    {
        return Err(FieldError::new(
            field.name(),
            msg!("input-not-phone", text = format!("{number:?}")),
        ));
    }
    let kind = match non_empty(input.kind) {
        None => PhoneKind::Voice,
        Some(text) => PhoneKind::parse(&text).ok_or_else(|| {
            FieldError::new(
                field.name(),
                msg!(
                    "input-unknown-phone-type",
                    text = format!("{text:?}"),
                    expected = PhoneKind::ALL.map(PhoneKind::as_str).join(", ")
                ),
            )
        })?,
    };
    Ok(Phone {
        number,
        kind,
        note: text_field(field, input.note)?,
    })
}

fn check_list_len(field: Field, len: usize) -> Result<(), FieldError> {
    if len > MAX_LIST_LEN {
        return Err(FieldError::new(
            field.name(),
            msg!("input-too-many", count = len, max = MAX_LIST_LEN),
        ));
    }
    Ok(())
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|text| !text.trim().is_empty())
}

fn text_field(field: Field, value: Option<String>) -> Result<String, FieldError> {
    clean_text(field, value.as_deref().unwrap_or(""))
}

/// Trims surrounding white space and refuses what would corrupt a
/// terminal, a printed sheet or a listing: control characters (free text
/// keeps newlines and tabs), and bidirectional overrides and isolates, which
/// make text read in another order than it is stored. A one-line field
/// (`Field::is_one_line`) refuses line breaks and tabs too, so that no value
/// can start a line of its own in a list of records. The problem names the
/// character by its code point, never the text around it.
fn clean_text(field: Field, text: &str) -> Result<String, FieldError> {
    let text = text.trim();
    if text.len() > MAX_FIELD_LEN {
        return Err(FieldError::new(
            field.name(),
            msg!("input-too-long", count = text.len(), max = MAX_FIELD_LEN),
        ));
    }
    let one_line = field.is_one_line();
    if let Some(problem) = text.chars().find_map(|c| refusal(c, one_line)) {
        return Err(FieldError::new(field.name(), problem));
    }
    Ok(text.to_owned())
}

/// Why `c` may not stand in a field, if it may not.
fn refusal(c: char, one_line: bool) -> Option<Message> {
    let code = format!("{:04X}", u32::from(c));
    match c {
        '\n' | '\u{2028}' | '\u{2029}' if one_line => Some(msg!("input-line-break", code = code)),
        '\t' if one_line => Some(msg!("input-tab")),
        '\n' | '\t' => None,
        c if c.is_control() => Some(msg!("input-control", code = code)),
        c if crate::text::is_bidi_override(c) => Some(msg!("input-bidi", code = code)),
        _ => None,
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

    /// Every free-text way into a record: each one-line field, a tag, a
    /// phone's note, and the two fields that may run over several lines.
    fn with(field: Field, text: &str) -> RecordInput {
        let mut record = input("Ana", "clinic");
        match field {
            Field::Tags => record.tags = Some(vec![text.to_owned()]),
            Field::Phones => {
                record.phones = Some(vec![PhoneInput {
                    number: Some("555 0100".into()),
                    kind: None,
                    note: Some(text.to_owned()),
                }])
            }
            other => other.set_text(&mut record, text),
        }
        record
    }

    const FREE_TEXT: [Field; 13] = [
        Field::Name,
        Field::Organization,
        Field::City,
        Field::Region,
        Field::Address,
        Field::Email,
        Field::Website,
        Field::Hours,
        Field::Cost,
        Field::Tags,
        Field::Phones,
        Field::Description,
        Field::Notes,
    ];

    #[test]
    fn one_line_fields_refuse_line_breaks_and_no_field_takes_an_override() {
        let forged = "Ana\n0badc0de  Clínica Girasol  [clinic]  Portland, US  +1 503 555 9999";
        for field in FREE_TEXT {
            let one_line = field.is_one_line();
            for (text, refused) in [
                (forged, one_line),
                ("a\u{2028}b", one_line),
                ("a\tb", one_line),
                ("right\u{202e}tfel", true),
                ("\u{2067}isolate\u{2069}", true),
                ("\u{1b}]0;PWN\u{7}\u{1b}[2J", true),
                ("csi\u{9b}2J", true),
                ("carriage\rreturn", true),
                ("שלום\u{200f} ok, زن\u{200c}ها", false),
            ] {
                let result = with(field, text).validate(now());
                match result {
                    Err(error) => {
                        assert!(refused, "{field:?} refused {text:?}: {error}");
                        assert_eq!(error.field, field.name());
                        assert!(!error.problem.contains(text.trim()), "{error}");
                    }
                    Ok(_) => assert!(!refused, "{field:?} took {text:?}"),
                }
            }
        }
        let error = with(Field::Name, forged).validate(now()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "field `name`: is one line, but contains a line break (U+000A)"
        );
        let error = with(Field::Notes, "a\u{202e}b")
            .validate(now())
            .unwrap_err();
        assert!(error
            .problem
            .starts_with("contains U+202E, a bidirectional override"));
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
}
