//! The shipped sample directory and the generator of large directories:
//! both must be valid, varied enough for search to be tested on them, and
//! plainly fictional (555 numbers, example.org addresses).

use std::collections::{BTreeSet, HashSet};

use pamphlet::generate::generate;
use pamphlet::model::{Category, Record, RecordInput, Status};
use serde_json::Value;
use time::macros::{date, datetime};
use time::OffsetDateTime;

const SAMPLE: &str = include_str!("../data/sample-directory.json");

/// Validation needs a clock only for records without `updated_at`; none of
/// these lack it, so any fixed instant will do.
fn now() -> OffsetDateTime {
    datetime!(2026-11-30 12:00:00 UTC)
}

fn sample() -> Vec<Record> {
    let values: Vec<Value> = serde_json::from_str(SAMPLE).expect("the sample is a JSON array");
    values
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            let input: RecordInput =
                serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("record {i}: {e}"));
            let record = input
                .validate(now())
                .unwrap_or_else(|e| panic!("record {i} ({}): {e}", value["name"]));
            let again = serde_json::to_value(&record).unwrap();
            assert_eq!(again, value, "record {i} is not in canonical form");
            record
        })
        .collect()
}

/// The text a person would search, without hours and costs whose dashes
/// are not what "non-ASCII text" is about.
fn searchable(record: &Record) -> String {
    [
        record.name.as_str(),
        &record.organization,
        &record.description,
        &record.city,
        &record.region,
        &record.notes,
        &record.tags.join(" "),
    ]
    .join(" ")
}

fn has_accents(text: &str) -> bool {
    text.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// Nothing in a record may reach a real phone, inbox or website.
fn assert_fictional(record: &Record) {
    assert!(!record.phones.is_empty(), "{}: no phone", record.name);
    for phone in &record.phones {
        assert!(
            phone.number.contains("555"),
            "{}: {}",
            record.name,
            phone.number
        );
    }
    if !record.email.is_empty() {
        let domain = record.email.rsplit_once('@').map(|(_, d)| d);
        assert!(
            domain.is_some_and(|d| d == "example.org" || d.ends_with(".example.org")),
            "{}: {}",
            record.name,
            record.email
        );
    }
    if !record.website.is_empty() {
        let host = record
            .website
            .strip_prefix("https://")
            .map(|rest| rest.split('/').next().unwrap_or(""));
        assert!(
            host.is_some_and(|h| h == "example.org" || h.ends_with(".example.org")),
            "{}: {}",
            record.name,
            record.website
        );
    }
}

#[test]
fn every_sample_record_is_valid_and_canonical() {
    assert!(sample().len() >= 200);
}

#[test]
fn the_sample_is_fictional_with_unique_ids() {
    let records = sample();
    let mut ids = HashSet::new();
    for record in &records {
        assert_fictional(record);
        assert!(ids.insert(record.id), "duplicate id {}", record.id);
        assert_eq!(record.id.get_version_num(), 4, "{}", record.name);
    }
}

#[test]
fn the_sample_is_varied_enough_to_search() {
    let records = sample();
    let cities: BTreeSet<&str> = records.iter().map(|r| r.city.as_str()).collect();
    let countries: BTreeSet<&str> = records.iter().map(|r| r.country.as_str()).collect();
    let languages: BTreeSet<&str> = records
        .iter()
        .flat_map(|r| r.languages.iter().map(String::as_str))
        .collect();
    assert!(cities.len() >= 8, "{cities:?}");
    assert!(countries.len() >= 4, "{countries:?}");
    assert!(languages.len() >= 5, "{languages:?}");
    for category in Category::ALL {
        let in_cities: BTreeSet<&str> = records
            .iter()
            .filter(|r| r.category == category)
            .map(|r| r.city.as_str())
            .collect();
        assert!(in_cities.len() >= 3, "{category} only in {in_cities:?}");
    }
    let accented = records
        .iter()
        .filter(|r| has_accents(&searchable(r)))
        .count();
    assert!(
        accented * 5 >= records.len(),
        "{accented} of {} records have accented text",
        records.len()
    );
    for tag in ["no-id", "walk-in", "sliding-scale", "trans-competent"] {
        assert!(
            records
                .iter()
                .filter(|r| r.tags.iter().any(|t| t == tag))
                .count()
                >= 5,
            "few records tagged {tag}"
        );
    }
}

#[test]
fn the_sample_shows_every_state_a_record_can_be_in() {
    let records = sample();
    for status in Status::ALL {
        assert!(
            records.iter().any(|r| r.status == status),
            "no {status} record"
        );
    }
    let six_months_ago = date!(2026 - 05 - 30);
    assert!(records.iter().any(|r| r.verified_on.is_none()));
    assert!(records
        .iter()
        .any(|r| r.verified_on.is_some_and(|d| d < six_months_ago)));
    assert!(records
        .iter()
        .any(|r| r.verified_on.is_some_and(|d| d >= date!(2026 - 10 - 01))));
}

fn lines(seed: u64, count: usize) -> Vec<String> {
    generate(seed, count).map(|r| r.to_json_line()).collect()
}

#[test]
fn generation_depends_on_the_seed_alone() {
    let first = lines(7, 300);
    assert_eq!(first.len(), 300);
    assert_eq!(first, lines(7, 300));
    assert_eq!(lines(7, 40)[..], first[..40], "a shorter run is a prefix");
    let other = lines(8, 300);
    assert!(first.iter().zip(&other).all(|(a, b)| a != b));
    assert_eq!(generate(7, 300).len(), 300);
}

#[test]
fn generated_records_are_valid_fictional_and_round_trip() {
    let records: Vec<Record> = generate(42, 3000).collect();
    let mut ids = HashSet::new();
    for record in &records {
        assert_fictional(record);
        assert!(ids.insert(record.id), "duplicate id {}", record.id);
        assert_eq!(record.id.get_version_num(), 4);
        let line = record.to_json_line();
        let input: RecordInput = serde_json::from_str(&line).unwrap();
        let back = input
            .validate(now())
            .unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(&back, record);
        assert_eq!(back.to_json_line(), line);
        assert!(back.updated_at <= now(), "{line}");
        assert!(back.verified_on.is_none_or(|d| d <= back.updated_at.date()));
    }
}

#[test]
fn generated_directories_look_like_real_ones() {
    let records: Vec<Record> = generate(1, 5000).collect();
    let count = records.len();
    let cities: BTreeSet<(&str, &str)> = records
        .iter()
        .map(|r| (r.city.as_str(), r.country.as_str()))
        .collect();
    let countries: BTreeSet<&str> = records.iter().map(|r| r.country.as_str()).collect();
    assert!(cities.len() >= 200, "{} cities", cities.len());
    assert!(countries.len() >= 15, "{} countries", countries.len());
    for category in Category::ALL {
        assert!(
            records.iter().filter(|r| r.category == category).count() > count / 30,
            "few {category} records"
        );
    }
    let active = records
        .iter()
        .filter(|r| r.status == Status::Active)
        .count();
    assert!(active * 100 > count * 80, "{active} active of {count}");

    let accented = records
        .iter()
        .filter(|r| has_accents(&searchable(r)))
        .count();
    let percent = accented * 100 / count;
    assert!((78..=88).contains(&percent), "{percent}% accented");
    let chars: usize = records.iter().map(|r| searchable(r).chars().count()).sum();
    let average = chars / count;
    assert!((130..=190).contains(&average), "{average} characters");

    let languages: usize = records.iter().map(|r| r.languages.len()).sum();
    assert!(languages > count * 3 / 2, "too few languages per record");
    assert!(records.iter().all(|r| (1..=3).contains(&r.phones.len())));
    assert!(records.iter().any(|r| !r.notes.is_empty()));
    assert!(records.iter().any(|r| r.verified_on.is_none()));
}
