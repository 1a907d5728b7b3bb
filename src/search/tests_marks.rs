//! Highlights: what the list and the detail mark, by the word rules that
//! found the record.

use super::tests::record;
use super::*;
use crate::model::Record;

fn marked(records: &[Record], query: &str, at: usize) -> Vec<(Field, String)> {
    let index = Index::build(records);
    let query = Query::parse(query).expect("parses");
    let record = &records[at];
    index
        .marker(&query)
        .highlights(record)
        .into_iter()
        .map(|m| {
            let text: Vec<char> = m.field.text(record).chars().collect();
            (m.field, m.positions.iter().map(|&p| text[p]).collect())
        })
        .collect()
}

#[test]
fn highlights_point_into_the_text_as_written() {
    let records = [record("Clínica São-Paulo", "2026-01-01", |r| {
        r.city = Some("São Paulo".into());
        r.category = Some("clinic".into());
        r.languages = Some(vec!["en".into(), "es".into()]);
        r.description = Some("Straße 5, clinic".into());
    })];
    let marks = marked(&records, "sao-paulo clinica espanol strasse !x", 0);
    assert_eq!(
        marks,
        [
            // `clínica` read as the category, `clinica` found in the name;
            // `sao paulo` read as the city, so only the city is marked.
            (Field::Name, "Clínica".into()),
            (Field::Category, "clinic".into()),
            (Field::City, "SãoPaulo".into()),
            // "español" is a name of Spanish: the shown name is marked.
            (Field::Languages, "Spanish".into()),
            (Field::Description, "Straße".into()),
        ]
    );
    // Where "Spanish" is in "English, Spanish".
    let index = Index::build(&records);
    let query = Query::parse("espanol").expect("parses");
    let languages = index.marker(&query).highlights(&records[0]);
    assert_eq!(
        languages,
        [FieldMatch {
            field: Field::Languages,
            positions: (9..16).collect()
        }]
    );
}

#[test]
fn an_abbreviation_is_marked_inside_its_one_word() {
    let records = [record("Clinic", "2026-01-01", |r| {
        r.description = Some("Come late, in case".into());
    })];
    let index = Index::build(&records);
    let query = Query::parse("clnc").expect("parses");
    assert_eq!(
        index.marker(&query).highlights(&records[0]),
        [FieldMatch {
            field: Field::Name,
            positions: vec![0, 1, 3, 5]
        }]
    );
}

#[test]
fn highlights_mark_what_matched_by_the_word_rules() {
    let records = [record("Portland Dental Collective", "2026-01-01", |r| {
        r.city = Some("Portland".into());
        r.category = Some("clinic".into());
        r.languages = Some(vec!["fr".into()]);
        r.description = Some("Detention visits; a clinic in Portlandia".into());
    })];
    let at = |query: &str| marked(&records, query, 0);
    // A prefix: its letters only, in every word it starts.
    assert_eq!(
        at("portl"),
        [
            (Field::Name, "Portl".into()),
            (Field::City, "Portl".into()),
            (Field::Description, "Portl".into()),
        ]
    );
    // A typo: the whole word it stands for; never letters of other words
    // ("detention" holds d-e-n-t-i-s-t in order).
    assert_eq!(at("colective"), [(Field::Name, "Collective".into())]);
    assert!(at("dentist").is_empty());
    // The same word: that word, not the words it starts.
    assert_eq!(
        at("clinic"),
        [
            (Field::Category, "clinic".into()),
            (Field::Description, "clinic".into()),
        ]
    );
    // An abbreviation: its letters inside the one word.
    assert_eq!(
        at("prtlnd"),
        [
            (Field::Name, "Prtlnd".into()),
            (Field::City, "Prtlnd".into()),
            (Field::Description, "Prtlnd".into()),
        ]
    );
    // Through the vocabulary: the record's value it names, all of it.
    assert_eq!(at("médico"), [(Field::Category, "clinic".into())]);
    assert_eq!(
        at("lawyer who speaks francais"),
        [(Field::Languages, "French".into())]
    );
    // Small words and exclusions mark nothing; a phrase marks itself.
    assert_eq!(
        at("clinic in portland !detention"),
        [
            (Field::Category, "clinic".into()),
            (Field::City, "Portland".into()),
            (Field::Description, "clinic".into()),
        ]
    );
    assert_eq!(
        at("\"a clinic\""),
        [(Field::Description, "a clinic".into())]
    );
}

#[test]
fn marking_some_fields_marks_them_as_marking_all_does() {
    let records = [record("Portland Clinic", "2026-01-01", |r| {
        r.city = Some("Portland".into());
        r.category = Some("clinic".into());
        r.languages = Some(vec!["es".into()]);
        r.description = Some("A clinic in Portland, walk-in".into());
    })];
    let index = Index::build(&records);
    let parts = [Field::Name, Field::Category, Field::City];
    for text in [
        "clinic portland",
        "portl",
        "clnc",
        "\"walk in\"",
        "spanish",
        "médico",
    ] {
        let marker = index.marker(&Query::parse(text).expect("parses"));
        let all: Vec<FieldMatch> = marker
            .highlights(&records[0])
            .into_iter()
            .filter(|m| parts.contains(&m.field))
            .collect();
        assert_eq!(marker.highlights_in(&records[0], &parts), all, "{text}");
    }
}
