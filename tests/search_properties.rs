//! Properties of search over random queries, checked against a plain
//! re-statement of the matching rules, written here from the public pieces
//! (folding, the reading, the name tables) rather than from the index's
//! code: no query panics, every full match meets every part of the
//! reading, small words never remove a result, and typing gives what a
//! fresh search does.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use pamphlet::model::{country_name, Record, RecordInput, LANGUAGES};
use pamphlet::search::{
    category_words, fold, more_country_names, more_language_names, Field, Index, Part, Query,
    Searcher,
};
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
    fields: Vec<(Field, String)>,
    /// Every name of its category, languages and country, folded.
    names: Vec<String>,
    category: &'static str,
    languages: Vec<String>,
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
                names.extend(more_language_names(code).iter().map(|o| fold(o)));
            }
        }
    }
    if let Some(name) = country_name(&record.country) {
        names.push(fold(&record.country));
        names.push(fold(name));
        names.extend(more_country_names(&record.country).iter().map(|o| fold(o)));
    }
    Plain {
        fields: Field::ALL
            .into_iter()
            .filter(|&f| is_text(f))
            .map(|f| (f, fold(&f.text(record))))
            .collect(),
        names,
        category: record.category.as_str(),
        languages: record.languages.clone(),
    }
}

/// The restricted Damerau-Levenshtein distance, an edit at the first
/// letter counting twice: written plainly, as the issue states the rule.
fn typos(a: &[char], b: &[char]) -> usize {
    fn osa(a: &[char], b: &[char]) -> usize {
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }
    match (a.first(), b.first()) {
        (Some(x), Some(y)) if x == y => osa(&a[1..], &b[1..]),
        _ => osa(a, b) + 1,
    }
}

/// Whether a query word matches a record word by any of the rules: same,
/// prefix, typo, abbreviation (prefixes of short words are allowed here:
/// the word being typed may be one).
fn word_meets(query: &str, word: &str) -> bool {
    let q: Vec<char> = query.chars().collect();
    let w: Vec<char> = word.chars().collect();
    if word.starts_with(query) {
        return true;
    }
    let max = match q.len() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    };
    if max > 0 && typos(&q, &w) <= max {
        return true;
    }
    q.len() >= 3 && q.first() == w.first() && {
        let mut rest = w.iter();
        q.iter().all(|c| rest.any(|h| h == c))
    }
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(' ').filter(|w| !w.is_empty())
}

fn field_text(record: &Plain, field: Field) -> &str {
    record
        .fields
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("", |(_, t)| t.as_str())
}

/// Whether the record has what one part of a reading asks for.
fn part_met(part: &Part, record: &Plain) -> bool {
    match part {
        Part::Word { word } => {
            record
                .fields
                .iter()
                .any(|(_, text)| words(text).any(|w| word_meets(word, w)))
                || record
                    .names
                    .iter()
                    .any(|n| words(n).any(|w| word_meets(word, w)))
        }
        Part::Category { category, .. } => category.as_str() == record.category,
        Part::City { city } => field_text(record, Field::City) == city,
        Part::Language { language, .. } => record.languages.contains(language),
        Part::Phrase { text } => {
            record.fields.iter().any(|(_, t)| t.contains(text.as_str()))
                || record.names.iter().any(|n| n.contains(text.as_str()))
        }
        Part::Filter { field, value } if matches!(field, Field::City | Field::Tags) => {
            field_text(record, *field).contains(fold(value).as_str())
        }
        _ => true,
    }
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
    fn every_full_match_meets_every_part_of_the_reading(text in query_text()) {
        let (records, index) = &*SAMPLE_RECORDS;
        let Ok(query) = Query::parse(&text) else {
            // Only a query too long to be a search is refused.
            prop_assert!(text.chars().count() > pamphlet::search::MAX_QUERY_CHARS);
            return Ok(());
        };
        let found = index.search(&query, usize::MAX);
        let marker = index.marker(&query);
        let got: BTreeSet<Uuid> = found.hits.iter().map(|h| h.id).collect();
        prop_assert_eq!(got.len(), found.total);
        // Full and partial matches never mix; partial ones only when there
        // is no full one.
        prop_assert!(found.partial.is_empty() || found.hits.is_empty());
        prop_assert!(found.partial.iter().all(|h| !got.contains(&h.id)));
        for hit in &found.hits {
            let record = records.iter().find(|r| r.id == hit.id);
            prop_assert!(record.is_some());
            if let Some(record) = record {
                let p = plain(record);
                for part in &found.reading.parts {
                    prop_assert!(part_met(part, &p), "{} does not meet {:?} of {:?}", record.name, part, text);
                }
                // Highlights point inside the text they belong to, mark
                // letters and digits only (but for a phrase or a `city:`
                // or `tag:` value, which may hold a space), and mark
                // something wherever the record was found for a reason.
                let marks = marker.highlights(record);
                let spaced = text.contains('"') || text.contains(':');
                for mark in &marks {
                    let shown: Vec<char> = mark.field.text(record).chars().collect();
                    prop_assert!(mark.positions.iter().all(|&p| p < shown.len()));
                    prop_assert!(
                        spaced || mark.positions.iter().all(|&p| shown[p].is_alphanumeric()),
                        "{:?} in {:?}", text, mark
                    );
                }
                let asked = found.reading.parts.iter().any(|p| !matches!(p, Part::Excluded { .. }));
                prop_assert!(!asked || !marks.is_empty(), "{} unmarked for {:?}", record.name, text);
            }
        }
    }

    #[test]
    fn optional_words_never_remove_a_result(text in query_text()) {
        let (_, index) = &*SAMPLE_RECORDS;
        let before = format!("{text} ");
        let after = format!("{text} in the ");
        let (Ok(a), Ok(b)) = (Query::parse(&before), Query::parse(&after)) else {
            return Ok(());
        };
        // Only where the small words stand alone and were read as optional
        // (small words alone are the search, and then required).
        let ok = b.terms().len() == a.terms().len() + 2
            && index.search(&b, 0).reading.optional.len() >= 2;
        if ok {
            let without: BTreeSet<Uuid> = index.search(&a, usize::MAX).hits.iter().map(|h| h.id).collect();
            let with: BTreeSet<Uuid> = index.search(&b, usize::MAX).hits.iter().map(|h| h.id).collect();
            prop_assert_eq!(without, with, "{:?}", after);
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
