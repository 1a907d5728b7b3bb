//! Relevance over the shipped sample directory: what a person types, and
//! the referral that must come first (or among the first three) for it.
//! Each expectation was checked against the sample by hand; when the sample
//! changes, a failure here says which search got worse.

use pamphlet::model::{Record, RecordInput};
use pamphlet::search::{Index, Query, Searcher};
use time::macros::datetime;

const SAMPLE: &str = include_str!("../data/sample-directory.json");

fn sample() -> Vec<Record> {
    let inputs: Vec<RecordInput> =
        serde_json::from_str(SAMPLE).expect("the sample is a JSON array of records");
    inputs
        .into_iter()
        .map(|input| {
            input
                .validate(datetime!(2026-11-30 12:00 UTC))
                .expect("sample records are valid")
        })
        .collect()
}

enum Expect {
    First(&'static str),
    Top3(&'static str),
    Nothing,
}
use Expect::{First, Nothing, Top3};

const CASES: &[(&str, Expect)] = &[
    // The examples of the design and the issue.
    ("clinic portland", First("Clínica Girasol")),
    // Both are lawyers in Paris; Maître Héraudin's description has
    // "Avocat", the same word, hers "Avocate", a longer one: by the
    // ranking of issue 12 the same word comes first.
    ("avocat paris", Top3("Maître Hélène Rénaudel")),
    ("clnic portlnd", First("Clínica Girasol")),
    ("spanish lawyer houston", First("Marisol Quintarro")),
    // Typos: letters left out.
    ("clinc houston", First("Clínica Colibrí")),
    ("girasl", Top3("Clínica Girasol")),
    ("montral housng", Top3("Maison Hirondelle")),
    ("thrapist berln", First("Amira Sjövall")),
    ("interpetr houston", First("Thảo Phamora")),
    // Accents both ways.
    ("clinica colibri", First("Clínica Colibrí")),
    ("CLÍNICA COLIBRÍ", First("Clínica Colibrí")),
    ("Clínica Girasol", First("Clínica Girasol")),
    ("sao paulo housing", First("Casa Amanhecer")),
    ("São-Paulo housing", First("Casa Amanhecer")),
    ("SAO PAULO housing", First("Casa Amanhecer")),
    ("montréal bail", First("Caisse de solidarité Rivière")),
    ("montreal bail", First("Caisse de solidarité Rivière")),
    ("sjovall", First("Amira Sjövall")),
    ("nuneza", First("Dário Núñeza")),
    ("ibanell", First("Maître Fatima Ibáñell")),
    ("quinonel", First("Martín Quiñonel")),
    ("ciudad de mexico bail", First("Fondo de Fianzas Colibrí")),
    // Words across fields.
    ("housing toronto spanish", First("Casa Amanecer Toronto")),
    (
        "translator paris arabic",
        First("Réseau d'interprètes bénévoles"),
    ),
    ("therapist montreal french", First("Hélène Boisvérd")),
    ("lawyer berlin polish", First("Kanzlei Brücke")),
    ("trans clinic mexico", First("Consultorio Trans Amanecer")),
    (
        "harm reduction portland",
        First("Lantern Harm Reduction Van"),
    ),
    (
        "\"harm reduction\" new york",
        First("Marigold Harm Reduction Drop-in"),
    ),
    // Synonyms and language names.
    ("doctor houston", First("Clínica Colibrí")),
    ("health toronto", Top3("Juniper Community Health Centre")),
    ("attorney oakland", First("Ayesha Brandtmoor")),
    ("abogado madrid", First("Pilar Urquíaga, abogada")),
    ("advogado rio", Top3("Dr. Antônio Ximarro")),
    ("interpreter houston", First("Thảo Phamora")),
    ("counselor toronto", First("Priya Rosavel")),
    ("shelter lyon", First("Maison Béguinage")),
    ("español therapist", Top3("Léa Zúñara")),
    // Both are Vietnamese translators; Hương Nguyenhart's record names the
    // language in more fields, which issue 12's ranking counts.
    ("vietnamese translator", Top3("Thảo Phamora")),
    ("farsi", First("Dayereh Women's Circle")),
    ("kreyol translator", First("Roselaure Déspradel")),
    ("tagalog oakland", First("Kapwa Circle")),
    // Filters.
    ("lang:es cat:housing houston", First("Casa Semilla")),
    (
        "lang:spanish cat:therapist new york",
        First("Sam Estrellano"),
    ),
    ("lang:fa", First("Dayereh Women's Circle")),
    ("cat:doctor city:lyon", First("Centre de santé Jardin")),
    ("city:portland cat:bail", First("Thistle Bail Fund")),
    (
        "tag:no-id berlin clinic",
        First("Offene Sprechstunde Mitte"),
    ),
    ("country:br cat:lawyer", First("Dra. Inês Velmont")),
    ("country:canada translator", First("Roselaure Déspradel")),
    ("cat:translator lang:ru", First("Oksana Kovrinsk")),
    // Exclusions.
    ("clinic portland !spanish", First("Trans Health Drop-in")),
    ("bail new york !immigration", First("Lantern Bail Fund")),
    ("lawyer houston !lang:es", First("Thomas Farnsby")),
    ("support paris !\"sex worker\"", First("Trans et fières")),
    // Nothing to find.
    ("zxqv", Nothing),
    ("clinic city:atlantis", Nothing),
    ("lang:klingon", Nothing),
    ("cat:lawyer cat:clinic", Nothing),
    ("clinic !clinic", Nothing),
    ("\"portland paris\"", Nothing),
];

fn name_of(records: &[Record], id: uuid::Uuid) -> &str {
    records
        .iter()
        .find(|r| r.id == id)
        .map_or("?", |r| r.name.as_str())
}

#[test]
fn each_query_puts_the_right_referral_on_top() {
    let records = sample();
    let index = Index::build(&records);
    let mut failures = Vec::new();
    for (text, expect) in CASES {
        let query = Query::parse(text).expect("relevance queries parse");
        let found = index.search(&query, 3);
        let top: Vec<&str> = found
            .hits
            .iter()
            .map(|hit| name_of(&records, hit.id))
            .collect();
        let ok = match expect {
            First(name) => top.first() == Some(name),
            Top3(name) => top.contains(name),
            Nothing => top.is_empty(),
        };
        if !ok {
            failures.push(format!("{text:?}: got {top:?}"));
        }
    }
    assert!(CASES.len() >= 40);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn typing_each_query_finds_the_same_as_searching_it_whole() {
    let records = sample();
    let index = Index::build(&records);
    for (text, _) in CASES {
        let mut searcher = Searcher::new();
        let mut typed = String::new();
        for c in text.chars() {
            typed.push(c);
            let query = Query::parse(&typed).expect("prefixes parse");
            assert_eq!(
                searcher.search(&index, &query, 10),
                index.search(&query, 10),
                "{typed:?}"
            );
        }
        while typed.pop().is_some() {
            let query = Query::parse(&typed).expect("prefixes parse");
            assert_eq!(
                searcher.search(&index, &query, 10),
                index.search(&query, 10),
                "{typed:?} (deleting)"
            );
        }
    }
}

#[test]
fn highlights_mark_the_words_found() {
    let records = sample();
    let record = records
        .iter()
        .find(|r| r.name == "Clínica Colibrí")
        .expect("the sample has Clínica Colibrí");
    let query = Query::parse("clinica houston").expect("parses");
    for mark in query.highlights(record) {
        let text: Vec<char> = mark.field.text(record).chars().collect();
        let marked: String = mark.positions.iter().map(|&p| text[p]).collect();
        match mark.field.as_str() {
            "name" => assert_eq!(marked, "Clínica"),
            "city" => assert_eq!(marked, "Houston"),
            "category" => assert_eq!(marked, "clinic"),
            other => {
                // Elsewhere only whole occurrences are marked.
                assert!(
                    marked.eq_ignore_ascii_case("houston") || marked.len() > 3,
                    "{other}: {marked}"
                );
            }
        }
    }
}
