//! Reading and writing CSV: headers, separators, escapes, round trips,
//! and every bad row reported.

use proptest::prelude::*;
use time::OffsetDateTime;
use uuid::Uuid;

use super::cells::{split_phones, LANGUAGE_SEPARATORS, PHONE_SEPARATORS, TAG_SEPARATORS};
use super::read::sniff_separator;
use super::*;
use crate::model::list_text::{escape, split_list, split_unescaped, unescape};
use crate::model::{Field, PhoneInput, RecordInput};

fn now() -> OffsetDateTime {
    time::macros::datetime!(2026-11-30 12:00 UTC)
}

#[test]
fn headers_match_fields_through_aliases_and_case() {
    assert_eq!(field_for_header("Phone Number"), Some(Field::Phones));
    assert_eq!(field_for_header(" TOWN "), Some(Field::City));
    assert_eq!(field_for_header("Language(s)"), Some(Field::Languages));
    assert_eq!(field_for_header("verified_on"), Some(Field::VerifiedOn));
    assert_eq!(field_for_header("Verified-On:"), Some(Field::VerifiedOn));
    assert_eq!(field_for_header("favourite colour"), None);
}

#[test]
fn the_separator_is_sniffed_from_the_header() {
    assert_eq!(sniff_separator("name;category;\"a,b,c\"\n"), ';');
    assert_eq!(sniff_separator("name\tcategory\n"), '\t');
    assert_eq!(sniff_separator("name,category\n"), ',');
    assert_eq!(sniff_separator("name\n"), ',');
}

#[test]
fn phones_read_back_what_is_written() {
    let cell = "+1 503 555 0100 | +1 503 555 0101;text | +1 503 555 0102;voice;ask; for Ana";
    let phones = split_phones(cell);
    assert_eq!(phones.len(), 3);
    assert_eq!(phones[1].kind.as_deref(), Some("text"));
    assert_eq!(phones[2].note.as_deref(), Some("ask; for Ana"));
    let plain = split_phones("555 0100, 555 0101");
    assert_eq!(plain.len(), 2);
}

fn phone(number: &str, kind: &str, note: &str) -> PhoneInput {
    PhoneInput {
        number: Some(number.into()),
        kind: Some(kind.into()),
        note: Some(note.into()),
    }
}

/// Writes records with `write_csv` and reads them back with `parse_csv`.
fn through_csv(records: &[Record]) -> (String, Vec<Record>) {
    let mut bytes = Vec::new();
    write_csv(records, &mut bytes).unwrap();
    let back = parse_csv(&bytes, now()).unwrap().records;
    (String::from_utf8(bytes).unwrap(), back)
}

#[test]
fn separators_backslashes_quotes_and_newlines_round_trip() {
    let input = RecordInput {
        name: Some("Ana \"the\" Ruiz, MD".into()),
        category: Some("clinic".into()),
        notes: Some("line one\nline two, \\ and | too".into()),
        tags: Some(
            [
                "a,b",
                "x|y",
                "back\\slash",
                "semi;colon",
                "ends with \\",
                "\\,",
                "say \"hi\"",
                "it's",
                "slash/ed",
            ]
            .map(String::from)
            .to_vec(),
        ),
        languages: Some(vec!["es".into(), "en".into()]),
        phones: Some(vec![
            phone("+1 503 555 0100", "voice", "ask | for Ana, or Bo; evenings"),
            phone("+1 503 555 0101", "text", "C:\\notes \\| and \\\\"),
            phone("+1 503 555 0102", "voice", "first; second"),
            phone("555-0103 ext. 4", "fax", ""),
        ]),
        ..RecordInput::default()
    };
    let record = input.validate(now()).unwrap();
    let (text, back) = through_csv(std::slice::from_ref(&record));
    assert_eq!(back, [record]);
    assert!(
        text.contains("a\\,b, x\\|y, back\\\\slash, semi\\;colon"),
        "{text}"
    );
}

#[test]
fn a_backslash_only_escapes_a_separator_or_a_backslash() {
    // As people type them: kept.
    assert_eq!(
        split_list("C:\\forms, a\\b , \\", TAG_SEPARATORS),
        ["C:\\forms", "a\\b", "\\"]
    );
    // `/` separates languages, not tags.
    assert_eq!(split_list("a\\/b", TAG_SEPARATORS), ["a\\/b"]);
    assert_eq!(split_list("en/es", LANGUAGE_SEPARATORS), ["en", "es"]);
    // Escapes.
    assert_eq!(
        split_list("x\\,y; p\\|q | r\\\\, s\\;t\\\nu", TAG_SEPARATORS),
        ["x,y", "p|q", "r\\", "s;t\nu"]
    );
    let phones = split_phones("555 0100;voice;a\\|b\\, c\\d | 555 0101\\, 555 0102");
    assert_eq!(phones.len(), 2);
    assert_eq!(phones[0].note.as_deref(), Some("a|b, c\\d"));
    assert_eq!(phones[1].number.as_deref(), Some("555 0101, 555 0102"));
    assert_eq!(escape("a\\b,c", TAG_SEPARATORS), "a\\\\b\\,c");
}

#[test]
fn a_record_that_would_not_read_back_is_refused_before_anything_is_written() {
    let good = Record::new("Ana", crate::model::Category::Clinic, now());
    // Not a record `validate` would make: a carriage return, a tag with
    // space around it.
    let mut odd = Record::new("Bo", crate::model::Category::Lawyer, now());
    odd.notes = "one\rtwo".into();
    let mut out = Vec::new();
    match write_csv(&[good.clone(), odd.clone()], &mut out) {
        Err(CsvWriteError::WouldChange { id, field }) => {
            assert_eq!((id, field), (odd.id, "notes"));
        }
        other => panic!("expected WouldChange, got {other:?}"),
    }
    assert!(out.is_empty(), "nothing was written");
    odd.notes.clear();
    odd.tags = vec![" padded ".into()];
    assert!(matches!(
        write_csv(&[odd], &mut out),
        Err(CsvWriteError::WouldChange { field: "tags", .. })
    ));
    assert!(out.is_empty());
    assert!(write_csv(&[good], &mut out).is_ok());
}

/// Text a person might type, and text meant to break a list cell.
fn nasty_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,16}",
        "[ab ,;|/\\\\\"'\n\t]{0,16}",
        "[ab\\\\]{0,3}[,;|\n]{0,2}[ab\\\\ ]{0,3}",
    ]
}

/// Nasty text for a one-line field, which refuses line breaks (U+2028 and
/// U+2029 too) and tabs.
fn nasty_line() -> impl Strategy<Value = String> {
    nasty_text().prop_map(|text| text.replace(['\n', '\t', '\u{2028}', '\u{2029}'], " "))
}

fn record_input() -> impl Strategy<Value = RecordInput> {
    let phone = (
        "[0-9][0-9 +()#*/A-Za-z-]{0,14}",
        prop::sample::select(crate::model::PhoneKind::ALL.to_vec()),
        nasty_line(),
    )
        .prop_map(|(number, kind, note)| PhoneInput {
            number: Some(number),
            kind: Some(kind.as_str().to_owned()),
            note: Some(note),
        });
    (
        any::<u128>(),
        nasty_line(),
        nasty_text(),
        prop::collection::vec(nasty_line(), 0..6),
        prop::collection::vec(phone, 0..4),
        prop::collection::vec(
            prop::sample::select(vec!["en", "es", "fr", "pt", "ar"]),
            0..4,
        ),
    )
        .prop_map(|(id, name, notes, tags, phones, languages)| RecordInput {
            id: Some(Uuid::from_u128(id).to_string()),
            name: Some(format!("N{name}")),
            category: Some("other".into()),
            notes: Some(notes),
            tags: Some(tags),
            phones: Some(phones),
            languages: Some(languages.into_iter().map(String::from).collect()),
            ..RecordInput::default()
        })
}

proptest! {
    #[test]
    fn records_round_trip_through_csv(inputs in prop::collection::vec(record_input(), 1..4)) {
        let records: Vec<Record> = inputs
            .into_iter()
            .map(|input| input.validate(now()).unwrap())
            .collect();
        let ids: std::collections::HashSet<Uuid> = records.iter().map(|r| r.id).collect();
        prop_assume!(ids.len() == records.len());
        let (text, back) = through_csv(&records);
        prop_assert_eq!(back, records, "{}", text);
    }

    #[test]
    fn any_list_item_survives_escaping(item in "\\PC{0,24}|[ab,;|/\\\\\n ]{0,24}") {
        for separators in [TAG_SEPARATORS, LANGUAGE_SEPARATORS, PHONE_SEPARATORS] {
            let cell = escape(&item, separators);
            prop_assert_eq!(split_unescaped(&cell, separators, usize::MAX), [cell.as_str()]);
            prop_assert_eq!(unescape(&cell, separators), item.clone());
        }
    }
}

#[test]
fn every_bad_row_is_listed_and_nothing_is_returned() {
    let text = "name,category\nAna,clinic\nBo,lawyr\n,clinic\nCy,lawyer\n";
    match parse_csv(text.as_bytes(), now()) {
        Err(CsvError::Rows { rows, problems }) => {
            assert_eq!(rows, 4);
            assert_eq!(problems.len(), 2);
            assert_eq!((problems[0].line, problems[0].row), (3, 2));
            assert_eq!(problems[0].field, "category");
            assert_eq!((problems[1].line, problems[1].field.as_str()), (4, "name"));
        }
        other => panic!("expected row problems, got {other:?}"),
    }
}

#[test]
fn non_utf8_names_the_line() {
    let bytes = b"name,category\nAna,clinic\nCl\xednica,clinic\n";
    match parse_csv(bytes, now()) {
        Err(CsvError::NotUtf8 { line, .. }) => assert_eq!(line, 3),
        other => panic!("expected NotUtf8, got {other:?}"),
    }
}

#[test]
fn the_header_is_every_field_in_the_record_order() {
    let (text, _) = through_csv(&[Record::new("Ana", crate::model::Category::Clinic, now())]);
    assert_eq!(
        text.lines().next(),
        Some(
            "id,name,organization,category,description,city,region,country,address,phones,\
             email,website,languages,hours,cost,notes,tags,verified_on,status,updated_at"
        )
    );
}
