//! Word-level matching, the reading of sentences, partial matches and the
//! dictionary's bookkeeping, pinned through the public interface.

use time::macros::datetime;

use super::*;
use crate::model::{Record, RecordInput};

const SAMPLE: &str = include_str!("../../data/sample-directory.json");

fn sample() -> Vec<Record> {
    let inputs: Vec<RecordInput> = serde_json::from_str(SAMPLE).expect("the sample parses");
    inputs
        .into_iter()
        .map(|i| {
            i.validate(datetime!(2026-11-30 12:00 UTC))
                .expect("sample records are valid")
        })
        .collect()
}

fn record(name: &str, edit: impl FnOnce(&mut RecordInput)) -> Record {
    let mut input = RecordInput {
        name: Some(name.into()),
        category: Some("other".into()),
        verified_on: Some("2024-01-01".into()),
        ..RecordInput::default()
    };
    edit(&mut input);
    input
        .validate(datetime!(2026-11-30 12:00 UTC))
        .expect("test record is valid")
}

fn search(index: &Index, text: &str) -> Matches {
    index.search(&Query::parse(text).expect("test query parses"), usize::MAX)
}

fn names(records: &[Record], hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|hit| {
            records
                .iter()
                .find(|r| r.id == hit.id)
                .map(|r| r.name.clone())
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn letters_scattered_across_a_word_or_words_no_longer_match() {
    let records = vec![
        record("Detention Defense Collective", |r| {
            r.category = Some("lawyer".into())
        }),
        record("Smile Dentist", |_| {}),
    ];
    let index = Index::build(&records);
    assert_eq!(
        names(&records, &search(&index, "dentist").hits),
        ["Smile Dentist"]
    );
    // `clinic` scattered over "Cold Lake Inn Circle" is not a match.
    let records = vec![record("Cold Lake Inn Circle", |_| {})];
    let index = Index::build(&records);
    assert!(search(&index, "clinic").hits.is_empty());
}

#[test]
fn same_word_beats_prefix_beats_typo_beats_abbreviation() {
    // Verified in the reverse order, so the tie order would swap them.
    let records = vec![
        record("Portland Aid", |r| {
            r.verified_on = Some("2020-01-01".into())
        }),
        record("Portlandia", |r| r.verified_on = Some("2021-01-01".into())),
        record("Portlnad", |r| r.verified_on = Some("2022-01-01".into())),
        record("Pxorxtxlxaxnxd", |r| {
            r.verified_on = Some("2023-01-01".into())
        }),
        record("Xortland", |r| r.verified_on = Some("2024-01-01".into())),
    ];
    let index = Index::build(&records);
    let found = search(&index, "portland");
    assert_eq!(
        names(&records, &found.hits),
        ["Portland Aid", "Portlandia", "Portlnad", "Pxorxtxlxaxnxd"],
        "a typo on the first letter (Xortland) counts twice: too far for 8 letters"
    );
}

#[test]
fn a_literal_word_beats_the_same_word_through_the_vocabulary() {
    let records = vec![
        record("Cabinet Hirondelle", |r| {
            r.category = Some("lawyer".into());
            r.verified_on = Some("2026-01-01".into());
        }),
        record("Avocat Solidaire", |r| {
            r.category = Some("lawyer".into());
            r.verified_on = Some("2020-01-01".into());
        }),
    ];
    let index = Index::build(&records);
    let found = search(&index, "avocat");
    assert_eq!(
        names(&records, &found.hits),
        ["Avocat Solidaire", "Cabinet Hirondelle"]
    );
}

#[test]
fn atlanta_finds_nothing_in_the_sample_and_says_why() {
    let records = sample();
    let index = Index::build(&records);
    let found = search(&index, "atlanta");
    assert!(found.hits.is_empty(), "{:?}", names(&records, &found.hits));
    assert_eq!(found.total, 0);
    assert!(found.partial.is_empty());
    assert_eq!(found.reading.missing, ["atlanta"]);
    assert_eq!(
        found.reading.missing_lines(),
        ["no record mentions \"atlanta\""]
    );
    // Part of a query: the rest is shown apart, and the missing word named.
    let found = search(&index, "clinic oslo");
    assert!(found.hits.is_empty());
    assert_eq!(found.reading.missing, ["oslo"]);
    assert!(!found.partial.is_empty());
    assert_eq!(found.partial.len(), found.partial_total);
    for hit in &found.partial {
        let record = records.iter().find(|r| r.id == hit.id).expect("a record");
        let named =
            fold(&record.name).contains("clinic") || fold(&record.organization).contains("clinic");
        assert!(
            record.category == crate::model::Category::Clinic || named,
            "{}",
            record.name
        );
    }
}

#[test]
fn a_sentence_is_read_into_its_parts() {
    let records = sample();
    let index = Index::build(&records);
    let found = search(&index, "lawyer who speaks french in paris");
    let reading = &found.reading;
    assert_eq!(
        reading.parts,
        [
            Part::Category {
                category: "lawyer".into(),
                word: "lawyer".into()
            },
            Part::Language {
                language: "fr".into(),
                word: "french".into()
            },
            Part::City {
                city: "paris".into()
            },
        ]
    );
    assert_eq!(reading.optional, ["who", "in"]);
    assert_eq!(
        reading.to_string(),
        "lawyer · speaks French · Paris (optional: who, in)"
    );
    assert!(!found.hits.is_empty());
    for hit in &found.hits {
        let record = records.iter().find(|r| r.id == hit.id).expect("a record");
        assert_eq!(record.category, crate::model::Category::Lawyer);
        assert_eq!(record.city, "Paris");
        assert!(record.languages.iter().any(|l| l == "fr"));
    }
    for (text, city) in [
        ("terapeuta em são paulo", "sao paulo"),
        ("clinique à montréal", "montreal"),
        ("abogada que habla español en madrid", "madrid"),
        ("Anwalt in Berlin der Spanisch spricht", "berlin"),
    ] {
        let found = search(&index, text);
        assert!(
            found
                .reading
                .parts
                .contains(&Part::City { city: city.into() }),
            "{text}: {}",
            found.reading
        );
    }
    let found = search(&index, "abogada que habla español en madrid");
    assert!(found
        .reading
        .parts
        .iter()
        .any(|p| matches!(p, Part::Language { language, .. } if language == "es")));
    assert!(found.reading.to_string().starts_with("lawyer"));
}

#[test]
fn optional_words_never_remove_a_result() {
    let records = sample();
    let index = Index::build(&records);
    for (plain, sentence) in [
        ("lawyer paris", "a lawyer in paris"),
        ("housing toronto", "the housing in toronto"),
        ("clinic houston", "la clinic en houston que"),
    ] {
        let a = search(&index, plain);
        let b = search(&index, sentence);
        assert!(a.total > 0, "{plain}");
        assert_eq!(a.total, b.total, "{sentence}");
    }
    // Small words alone are searched for.
    assert!(search(&index, "de").total > 0);
}

#[test]
fn the_word_being_typed_is_a_prefix_others_need_three_letters() {
    let records = vec![record("Clinic", |_| {})];
    let index = Index::build(&records);
    assert_eq!(search(&index, "cl").total, 1);
    assert_eq!(search(&index, "cl ").total, 0);
    assert_eq!(search(&index, "cli ").total, 1);
}

#[test]
fn bad_input_gets_a_reading_not_a_panic() {
    let records = sample();
    let index = Index::build(&records);
    for text in [
        "\"clinic portl",
        "name:ana",
        "",
        "   ",
        "\u{0}\u{7}\u{1b}[2J",
        "🏥 clinic",
        "🏥🏥",
        "!",
        "city:",
        "\"\"",
        "!\"",
        &"é".repeat(MAX_QUERY_CHARS),
        &"a ".repeat(MAX_QUERY_CHARS / 2),
    ] {
        let query = Query::parse(text).expect("parses");
        let found = index.search(&query, 20);
        let _ = found.reading.to_string();
        // Marking the records shown never panics either.
        let marker = index.marker(&query);
        for record in &records {
            let _ = marker.highlights(record);
        }
    }
    assert!(Query::parse(&"x".repeat(10_000)).is_err());
    let found = search(&index, "🏥 clinic");
    assert_eq!(found.reading.to_string(), "clinic");
    assert!(found.total > 0);
}

#[test]
fn the_dictionary_follows_changes_and_forgets_removed_words() {
    let mut records = vec![
        record("Zanzibar Aid", |r| r.city = Some("Oslo".into())),
        record("Other Aid", |_| {}),
    ];
    let mut index = Index::build(&records);
    assert_eq!(search(&index, "zanzibar").total, 1);
    assert!(search(&index, "oslo").reading.parts.contains(&Part::City {
        city: "oslo".into()
    }));
    records[0].name = "Quokka Aid".into();
    records[0].city = "Bergen".into();
    index.upsert(&records[0]);
    assert_eq!(search(&index, "zanzibar").reading.missing, ["zanzibar"]);
    assert_eq!(search(&index, "quokka").total, 1);
    assert_eq!(search(&index, "oslo").reading.missing, ["oslo"]);
    assert!(index.remove(records[0].id));
    assert_eq!(search(&index, "quokka").reading.missing, ["quokka"]);
    assert_eq!(search(&index, "aid").total, 1);
    assert!(index.dict.id("quokka").is_none());
    assert!(index.dict.id("zanzibar").is_none());
    assert!(!index.dict.has_city("bergen"));
}

#[test]
fn exclusions_leave_out_only_what_they_name() {
    let records = vec![
        record("Bail Project", |_| {}),
        record("Beautiful Garden", |_| {}),
    ];
    let index = Index::build(&records);
    assert_eq!(
        names(&records, &search(&index, "aid !bail").hits).len(),
        0,
        "no record has `aid`"
    );
    assert_eq!(
        names(&records, &search(&index, "garden !bail").hits),
        ["Beautiful Garden"]
    );
}
