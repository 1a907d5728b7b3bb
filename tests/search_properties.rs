//! Properties of search over random queries, checked against a plain
//! re-statement of what a match is, written here from the public pieces
//! (folding, the parsed terms, the name tables) rather than from the
//! index's code: no query panics, and a search returns exactly the records
//! that match every term.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use pamphlet::model::{country_name, Record, RecordInput, LANGUAGES};
use pamphlet::search::{category_words, fold, Field, Index, Query, Scope, Searcher, Term};
use proptest::prelude::*;
use time::macros::datetime;
use uuid::Uuid;

const SAMPLE: &str = include_str!("../data/sample-directory.json");

/// Read once: every case searches the same directory.
static SAMPLE_RECORDS: LazyLock<(Vec<Record>, Index)> = LazyLock::new(|| {
    let inputs: Vec<RecordInput> = serde_json::from_str(SAMPLE).expect("the sample parses");
    let records: Vec<Record> = inputs
        .into_iter()
        .map(|i| {
            i.validate(datetime!(2026-11-30 12:00 UTC))
                .expect("sample records are valid")
        })
        .collect();
    let index = Index::build(&records);
    (records, index)
});

/// A record's searchable text, folded, the way a person would list it.
struct Plain {
    id: Uuid,
    fields: Vec<(Field, String)>,
    /// Every name of its category, languages and country, folded.
    names: Vec<String>,
    category: &'static str,
    languages: Vec<String>,
    country: String,
}

/// The fields matched as text; the category, the languages and the
/// country are matched by their names (`Plain::names`) instead.
fn is_text(field: Field) -> bool {
    !matches!(field, Field::Category | Field::Languages | Field::Country)
}

fn plain(record: &Record) -> Plain {
    let mut names: Vec<String> = vec![
        fold(record.category.as_str()),
        fold(record.category.label()),
    ];
    names.extend(category_words(record.category).iter().map(|w| fold(w)));
    for code in &record.languages {
        for (known, english, others) in LANGUAGES {
            if known == code {
                names.push(fold(code));
                names.push(fold(english));
                names.extend(others.iter().map(|o| fold(o)));
            }
        }
    }
    if let Some(name) = country_name(&record.country) {
        names.push(fold(&record.country));
        names.push(fold(name));
    }
    Plain {
        id: record.id,
        fields: Field::ALL
            .into_iter()
            .filter(|&f| is_text(f))
            .map(|f| (f, fold(&f.text(record))))
            .collect(),
        names,
        category: record.category.as_str(),
        languages: record.languages.clone(),
        country: record.country.clone(),
    }
}

fn subsequence(needle: &str, hay: &str) -> bool {
    let mut hay = hay.chars();
    needle.chars().all(|c| hay.any(|h| h == c))
}

fn found_in(term: &Term, text: &str) -> bool {
    if term.phrase() {
        text.contains(term.text())
    } else {
        subsequence(term.text(), text)
    }
}

fn term_matches(term: &Term, record: &Plain) -> bool {
    match term.scope() {
        Scope::Codes(set) => {
            let codes = set.codes();
            match set.field() {
                Field::Category => codes.contains(&record.category),
                Field::Languages => record.languages.iter().any(|l| codes.contains(&l.as_str())),
                _ => codes.contains(&record.country.as_str()),
            }
        }
        Scope::Field(field) => record
            .fields
            .iter()
            .any(|(f, text)| f == field && found_in(term, text)),
        _ => {
            record.fields.iter().any(|(_, text)| found_in(term, text))
                || record.names.iter().any(|name| found_in(term, name))
        }
    }
}

fn query_matches(query: &Query, record: &Plain) -> bool {
    query
        .terms()
        .iter()
        .all(|term| term_matches(term, record) != term.negated())
}

/// Pieces of queries: real words, half words, accents, operators, and
/// things that don't belong in a query at all.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "clinic",
            "clin",
            "portland",
            "PORTLAND",
            "são",
            "sao-paulo",
            "Montréal",
            "avocat",
            "doctor",
            "español",
            "spanish",
            "es",
            "fr",
            "no-id",
            "walk",
            "harm reduction",
            "housing",
            "bail",
            "ca",
            "br",
            "france",
            "cam",
            "trans",
            "à",
            "ß",
            "🏥",
            "中文",
            "x",
            "e",
            "a",
        ])
        .prop_map(str::to_owned),
        "[a-zé ñ\"!:\\-]{0,6}",
        any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ]
}

fn token() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![
            "", "", "", "!", "city:", "cat:", "lang:", "tag:", "country:", "!lang:", "name:",
            "!cat:", "CITY:",
        ]),
        word(),
        prop::sample::select(vec!["", "\"", "\"\""]),
    )
        .prop_map(|(prefix, word, quote)| match quote {
            "\"" => format!("{prefix}\"{word}"),
            "\"\"" => format!("{prefix}\"{word}\""),
            _ => format!("{prefix}{word}"),
        })
}

fn query_text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..5).prop_map(|tokens| tokens.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn search_returns_exactly_the_records_that_match_every_term(text in query_text()) {
        let (records, index) = &*SAMPLE_RECORDS;
        let Ok(query) = Query::parse(&text) else {
            // Only a query too long to be a search is refused.
            prop_assert!(text.chars().count() > pamphlet::search::MAX_QUERY_CHARS);
            return Ok(());
        };
        let found = index.search(&query, usize::MAX);
        let got: BTreeSet<Uuid> = found.hits.iter().map(|h| h.id).collect();
        prop_assert_eq!(got.len(), found.total);
        let expected: BTreeSet<Uuid> = records
            .iter()
            .map(plain)
            .filter(|p| query_matches(&query, p))
            .map(|p| p.id)
            .collect();
        prop_assert_eq!(got, expected, "{:?}", query.terms());
        for hit in &found.hits {
            let record = records.iter().find(|r| r.id == hit.id);
            prop_assert!(record.is_some());
            if let Some(record) = record {
                // Highlights point inside the text they belong to.
                for mark in query.highlights(record) {
                    let len = mark.field.text(record).chars().count();
                    prop_assert!(mark.positions.iter().all(|&p| p < len));
                }
            }
        }
    }

}

proptest! {
    // Each case types several queries a character at a time: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn typing_and_deleting_give_the_same_results_as_searching_afresh(
        texts in prop::collection::vec(query_text(), 1..4),
        deletes in prop::collection::vec(0usize..4, 1..4),
    ) {
        let (_, index) = &*SAMPLE_RECORDS;
        let mut searcher = Searcher::new();
        for (text, delete) in texts.iter().zip(deletes.iter().cycle()) {
            let mut typed = String::new();
            for c in text.chars() {
                typed.push(c);
                if let Ok(query) = Query::parse(&typed) {
                    prop_assert_eq!(
                        searcher.search(index, &query, 20),
                        index.search(&query, 20),
                        "{:?}", typed
                    );
                }
            }
            for _ in 0..*delete {
                typed.pop();
                if let Ok(query) = Query::parse(&typed) {
                    prop_assert_eq!(
                        searcher.search(index, &query, 20),
                        index.search(&query, 20),
                        "{:?}", typed
                    );
                }
            }
        }
    }

}

proptest! {
    #[test]
    fn any_text_parses_or_is_refused_for_its_length(text in any::<String>()) {
        match Query::parse(&text) {
            Ok(query) => {
                for term in query.terms() {
                    prop_assert!(!term.text().is_empty());
                }
            }
            Err(err) => prop_assert!(err.to_string().contains("characters long")),
        }
    }
}

#[test]
fn pathological_queries_are_answered() {
    let (_, index) = &*SAMPLE_RECORDS;
    let long = "a".repeat(10_000);
    assert!(Query::parse(&long).is_err());
    for text in [
        "\"",
        "\"\"\"",
        "!!!",
        ":::",
        "city:city:city:",
        "🏥🏥🏥",
        "\u{0}\u{1}\u{7f}\u{1b}[2J",
        "e\u{301}\u{301}\u{301}",
        &"a ".repeat(128),
        &"é".repeat(256),
        &"ﷺ".repeat(100),
    ] {
        let query = Query::parse(text).expect("short enough to parse");
        let _ = index.search(&query, 10);
    }
}
