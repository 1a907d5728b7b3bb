//! The ranking rules and the index's bookkeeping, each pinned through the
//! public interface. Records are built so that the tie order (verified
//! date, then name) would put them the other way round, so a test fails if
//! the rule it pins stops counting.

use time::macros::datetime;
use uuid::Uuid;

use super::*;
use crate::model::{Record, RecordInput};

pub(super) fn record(name: &str, verified: &str, edit: impl FnOnce(&mut RecordInput)) -> Record {
    let mut input = RecordInput {
        name: Some(name.into()),
        category: Some("other".into()),
        verified_on: Some(verified.into()),
        ..RecordInput::default()
    };
    edit(&mut input);
    input
        .validate(datetime!(2026-11-30 12:00 UTC))
        .expect("test record is valid")
}

fn names(records: &[Record], index: &Index, query: &str) -> Vec<String> {
    let query = Query::parse(query).expect("test query parses");
    index
        .search(&query, usize::MAX)
        .hits
        .iter()
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
fn a_whole_word_beats_a_word_start_and_letters_inside_a_word_do_not_match() {
    // Verified latest-first in the reverse of the expected order.
    let records = vec![
        record("Ana Ruiz", "2020-01-01", |_| {}),
        record("Anabel Ruiz", "2021-01-01", |_| {}),
        record("Mariana Ruiz", "2022-01-01", |_| {}),
        record("Adrian Alves", "2023-01-01", |_| {}),
    ];
    let index = Index::build(&records);
    // Matching is by word (issue 12): "Mariana" holds `ana` inside a word
    // and "Adrian Alves" only scattered, and neither is a match any more.
    assert_eq!(names(&records, &index, "ana"), ["Ana Ruiz", "Anabel Ruiz"]);
}

#[test]
fn an_abbreviation_stays_inside_one_word() {
    let records = vec![
        record("Clinic", "2020-01-01", |_| {}),
        record("Cold Lake Inn Circle", "2023-01-01", |_| {}),
    ];
    let index = Index::build(&records);
    // Scattered over four words, `clnic` used to find the circle too.
    assert_eq!(names(&records, &index, "clnic"), ["Clinic"]);
}

#[test]
fn a_hit_in_what_names_a_referral_beats_one_in_its_description() {
    type Edit = fn(&mut RecordInput);
    let heavy: [(Field, Edit); 4] = [
        (Field::Name, |_| {}),
        (Field::Organization, |r| {
            r.organization = Some("Harbor".into())
        }),
        (Field::City, |r| r.city = Some("Harbor".into())),
        (Field::Category, |r| r.category = Some("housing".into())),
    ];
    for (field, edit) in heavy {
        let name = if field == Field::Name {
            "Harbor"
        } else {
            "Zed"
        };
        let records = vec![
            record("Aaron", "2026-01-01", |r| {
                r.description = Some("Harbor housing, near the harbor.".into());
            }),
            record(name, "2020-01-01", edit),
        ];
        let index = Index::build(&records);
        let word = if field == Field::Category {
            "housing"
        } else {
            "harbor"
        };
        // A city or category word asks for that city or category (issue
        // 12), so the description's mention no longer makes a match.
        let expected: &[&str] = match field {
            Field::City | Field::Category => &[name],
            _ => &[name, "Aaron"],
        };
        assert_eq!(
            names(&records, &index, word),
            expected,
            "{field:?} should outrank the description"
        );
    }
}

#[test]
fn notes_count_like_the_description() {
    let records = vec![
        record("Aaron", "2026-01-01", |r| r.notes = Some("harbor".into())),
        record("Zed", "2020-01-01", |r| r.region = Some("Harbor".into())),
    ];
    let index = Index::build(&records);
    assert_eq!(names(&records, &index, "harbor"), ["Zed", "Aaron"]);
}

#[test]
fn equal_scores_go_to_the_most_recently_verified_then_by_name() {
    let records = vec![
        record("Beto", "2024-05-01", |r| r.city = Some("Houston".into())),
        record("álvaro", "2024-05-01", |r| r.city = Some("Houston".into())),
        record("Aaron", "2022-05-01", |r| r.city = Some("Houston".into())),
        record("Carla", "2025-05-01", |r| r.city = Some("Houston".into())),
        record("Abel", "", |r| r.city = Some("Houston".into())),
    ];
    let index = Index::build(&records);
    assert_eq!(
        names(&records, &index, "houston"),
        ["Carla", "álvaro", "Beto", "Aaron", "Abel"]
    );
    // The empty query lists everything in the same order.
    assert_eq!(
        names(&records, &index, ""),
        ["Carla", "álvaro", "Beto", "Aaron", "Abel"]
    );
}

#[test]
fn every_term_must_match_and_scores_add_up() {
    let records = vec![
        record("Ana", "2026-01-01", |r| r.city = Some("Portland".into())),
        record("Ana Clinic", "2020-01-01", |r| {
            r.city = Some("Portland".into());
            r.category = Some("clinic".into());
        }),
        record("Clinic Houston", "2026-01-01", |r| {
            r.city = Some("Houston".into());
        }),
    ];
    let index = Index::build(&records);
    assert_eq!(names(&records, &index, "clinic portland"), ["Ana Clinic"]);
    assert_eq!(
        names(&records, &index, "ana portland"),
        ["Ana", "Ana Clinic"]
    );
}

#[test]
fn accents_case_and_hyphens_do_not_matter_either_way() {
    let records = vec![
        // Clinics: `clínica` is a category word, and asks for the category.
        record("Clínica Libre", "2026-01-01", |r| {
            r.city = Some("São Paulo".into());
            r.category = Some("clinic".into());
        }),
        record("clinica popular", "2026-01-01", |r| {
            r.city = Some("SAO-PAULO".into());
            r.category = Some("clinic".into());
        }),
    ];
    let index = Index::build(&records);
    for query in ["clinica", "Clínica", "CLINICA", "clínica"] {
        assert_eq!(names(&records, &index, query).len(), 2, "{query}");
    }
    for query in ["sao paulo", "São-Paulo", "SAO PAULO", "city:são-paulo"] {
        assert_eq!(names(&records, &index, query).len(), 2, "{query}");
    }
}

#[test]
fn codes_match_through_their_names_and_synonyms() {
    let records = vec![
        record("Dra. Ana", "2026-01-01", |r| {
            r.category = Some("clinic".into());
            r.languages = Some(vec!["es".into()]);
            r.country = Some("FR".into());
        }),
        record("Maître Paul", "2026-01-01", |r| {
            r.category = Some("lawyer".into());
            r.languages = Some(vec!["fr".into()]);
            r.country = Some("CA".into());
        }),
        record("Sam", "2026-01-01", |r| {
            r.category = Some("therapist".into());
            r.languages = Some(vec!["en".into()]);
            r.country = Some("CM".into());
        }),
    ];
    let index = Index::build(&records);
    for (query, expected) in [
        ("doctor", "Dra. Ana"),
        ("health", "Dra. Ana"),
        ("attorney", "Maître Paul"),
        ("avocat", "Maître Paul"),
        ("abogado", "Maître Paul"),
        ("counselor", "Sam"),
        ("spanish", "Dra. Ana"),
        ("español", "Dra. Ana"),
        ("lang:es", "Dra. Ana"),
        ("lang:spanish", "Dra. Ana"),
        ("lang:français", "Maître Paul"),
        // With a space after it: while typed, `france` is also the start
        // of `francés`, Spanish for French, a name of Maître Paul's language.
        ("france ", "Dra. Ana"),
        ("country:fr", "Dra. Ana"),
        ("country:ca", "Maître Paul"),
        ("country:cameroon", "Sam"),
        ("cat:doctor", "Dra. Ana"),
        ("cat:law", "Maître Paul"),
    ] {
        assert_eq!(names(&records, &index, query), [expected], "{query}");
    }
    assert!(names(&records, &index, "lang:klingon").is_empty());
    assert!(names(&records, &index, "cat:translator").is_empty());
}

#[test]
fn filters_look_only_in_their_field() {
    let records = vec![
        record("Portland Ana", "2026-01-01", |r| {
            r.city = Some("Houston".into());
            r.tags = Some(vec!["no-id".into()]);
        }),
        record("Beto", "2026-01-01", |r| {
            r.city = Some("Portland".into());
            r.description = Some("No ID needed.".into());
        }),
    ];
    let index = Index::build(&records);
    assert_eq!(names(&records, &index, "city:portland"), ["Beto"]);
    // A city the directory holds asks for that city (issue 12): Portland
    // Ana is in Houston.
    assert_eq!(names(&records, &index, "portland"), ["Beto"]);
    assert_eq!(names(&records, &index, "tag:no-id"), ["Portland Ana"]);
    assert_eq!(names(&records, &index, "tag:\"no id\""), ["Portland Ana"]);
}

#[test]
fn exclusions_and_phrases() {
    let records = vec![
        record("Clinica Libre", "2026-01-01", |_| {}),
        record("Clinic Lab", "2025-01-01", |r| {
            r.description = Some("Labs, libre access".into());
        }),
        record("Casa Linda", "2024-01-01", |_| {}),
    ];
    let index = Index::build(&records);
    assert_eq!(
        names(&records, &index, "clinic !libre"),
        Vec::<String>::new(),
        "!libre leaves out every record that mentions libre anywhere"
    );
    assert_eq!(
        names(&records, &index, "!clinic"),
        ["Casa Linda"],
        "an exclusion alone leaves the rest"
    );
    assert_eq!(
        names(&records, &index, "\"clinica libre\""),
        ["Clinica Libre"]
    );
    // Word starts: `cli li` finds the two with a word starting `li`
    // (Casa Linda's letters are only scattered); quoted, none.
    assert_eq!(names(&records, &index, "cli li").len(), 2);
    assert!(names(&records, &index, "\"clinlib\"").is_empty());
    assert_eq!(
        names(&records, &index, "!\"clinic lab\""),
        ["Clinica Libre", "Casa Linda"]
    );
}

#[test]
fn queries_that_find_nothing() {
    let records = vec![record("Ana", "2026-01-01", |r| {
        r.city = Some("Portland".into())
    })];
    let index = Index::build(&records);
    for query in [
        "zzz",
        "ana houston",
        "city:ana",
        "\"ana portland\"",
        "ana !ana",
    ] {
        assert!(names(&records, &index, query).is_empty(), "{query}");
    }
}

#[test]
fn upsert_and_remove_keep_the_index_current() {
    let mut first = record("Ana", "2026-01-01", |_| {});
    let second = record("Beto", "2026-01-01", |_| {});
    let mut index = Index::build([&first, &second]);
    assert_eq!(index.len(), 2);
    let query = Query::parse("carla").expect("parses");
    assert_eq!(index.search(&query, 10).total, 0);
    first.name = "Carla".into();
    index.upsert(&first);
    assert_eq!(index.len(), 2);
    let found = index.search(&query, 10);
    assert_eq!(found.hits.len(), 1);
    assert_eq!(found.hits[0].id, first.id);
    assert!(index.remove(first.id));
    assert!(!index.remove(first.id));
    assert!(!index.contains(first.id));
    assert_eq!(index.search(&query, 10).total, 0);
    // The record moved into the freed slot is still found by its id.
    let all = index.search(&Query::default(), 10);
    assert_eq!(all.hits.len(), 1);
    assert_eq!(all.hits[0].id, second.id);
    assert!(!index.remove(Uuid::nil()));
}

#[test]
fn a_limit_keeps_the_best_and_counts_all() {
    let records: Vec<Record> = (0..50)
        .map(|i| record(&format!("Ana {i:02}"), "2026-01-01", |_| {}))
        .collect();
    let index = Index::build(&records);
    let query = Query::parse("ana").expect("parses");
    let all = index.search(&query, usize::MAX);
    let top = index.search(&query, 5);
    assert_eq!(top.total, 50);
    assert_eq!(top.hits, all.hits[..5]);
    assert_eq!(index.search(&query, 0).hits, []);
}

#[test]
fn hits_say_which_fields_matched() {
    let records = vec![record("Ana", "2026-01-01", |r| {
        r.city = Some("Portland".into());
        r.category = Some("clinic".into());
        r.languages = Some(vec!["es".into()]);
    })];
    let index = Index::build(&records);
    let query = Query::parse("ana portland doctor spanish").expect("parses");
    let hit = index.search(&query, 1).hits[0];
    let fields: Vec<&str> = hit.fields.iter().map(Field::as_str).collect();
    assert_eq!(fields, ["name", "category", "city", "languages"]);
    assert!(hit.score > 0);
}

#[test]
fn typing_gives_the_same_results_as_searching_afresh() {
    let cities = ["Portland", "Houston", "Paris", "São Paulo"];
    let mut records: Vec<Record> = (0..40)
        .map(|i| {
            record(&format!("Referral {i}"), "2026-01-01", |r| {
                r.city = Some(cities[i % 4].into());
                r.category = Some(["clinic", "lawyer", "housing"][i % 3].into());
                r.description = Some(format!("Walk-in help {}", i * 7));
            })
        })
        .collect();
    let mut index = Index::build(&records);
    let mut searcher = Searcher::new();
    let typed = [
        "",
        "c",
        "cl",
        "cli",
        "clin",
        "clinic",
        "clinic ",
        "clinic p",
        "clinic po",
        "clinic p",
        "clinic",
        "clinic !",
        "clinic !h",
        "clinic !ho",
        "clinic !h",
        "clinic",
        "lawyer",
        "lawyer city:",
        "lawyer city:s",
        "lawyer city:sao",
        "\"walk",
        "\"walk in\" 1",
    ];
    let check = |searcher: &mut Searcher, index: &Index, text: &str| {
        let query = Query::parse(text).expect("parses");
        let typed = searcher.search(index, &query, usize::MAX);
        let fresh = index.search(&query, usize::MAX);
        assert_eq!(typed, fresh, "{text:?}");
    };
    for text in typed {
        check(&mut searcher, &index, text);
    }
    // A change to the index makes the remembered results stale.
    check(&mut searcher, &index, "clinic p");
    records[0].name = "Clinic Paris Nord".into();
    index.upsert(&records[0]);
    check(&mut searcher, &index, "clinic pa");
    index.remove(records[3].id);
    check(&mut searcher, &index, "clinic par");
}

/// The marks of `query` in `record`, by field, as the characters marked.
#[test]
fn the_index_can_be_searched_from_another_thread() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Index>();
    shareable::<Query>();
}

#[test]
fn defunct_and_inactive_referrals_sink_below_active_ones() {
    let records = vec![
        record("Harbor Clinic", "2026-06-01", |r| {
            r.status = Some("defunct".into())
        }),
        record("Harbor Care", "2026-05-01", |r| {
            r.status = Some("inactive".into())
        }),
        record("Ana", "2020-01-01", |r| {
            r.notes = Some("near the harbor".into())
        }),
    ];
    let index = Index::build(&records);
    assert_eq!(
        names(&records, &index, "harbor"),
        ["Ana", "Harbor Care", "Harbor Clinic"]
    );
}

#[test]
fn text_left_behind_by_changes_is_reclaimed_without_losing_records() {
    let mut records: Vec<Record> = ["Ana", "Beto", "Carla", "Dario"]
        .iter()
        .map(|n| record(n, "2026-01-01", |r| r.city = Some("Lyon".into())))
        .collect();
    let mut index = Index::build(&records);
    let before = index.memory_bytes();
    for round in 0..5 {
        for r in &mut records {
            r.city = format!("Lyon {round}");
            index.upsert(r);
        }
    }
    index.remove(records[1].id);
    assert!(index.memory_bytes() < before * 3, "the arena was compacted");
    assert_eq!(names(&records, &index, "lyon 4"), ["Ana", "Carla", "Dario"]);
    assert!(names(&records, &index, "\"lyon 3\"").is_empty());
}

#[test]
fn the_index_does_not_print_the_directory() {
    let records = [record("Clínica Secreta", "2026-01-01", |r| {
        r.city = Some("Portland".into())
    })];
    let index = Index::build(&records);
    let shown = format!("{index:?}");
    assert!(!shown.to_lowercase().contains("secreta"), "{shown}");
    assert!(!shown.to_lowercase().contains("portland"), "{shown}");
    assert!(shown.contains("records: 1"), "{shown}");
}

#[test]
fn a_search_within_a_category_and_city_is_the_search_with_the_others_left_out() {
    let records: Vec<Record> = crate::generate::generate(5, 3_000).collect();
    let index = Index::build(&records);
    let by_id: std::collections::HashMap<Uuid, &Record> =
        records.iter().map(|r| (r.id, r)).collect();
    // A city written the way someone might type it, accents and case off.
    let sample = &records[0];
    let typed_city = crate::search::fold(&sample.city).to_uppercase();
    let withins = [
        Within {
            category: Some(sample.category),
            city: None,
        },
        Within {
            category: None,
            city: Some(typed_city.clone()),
        },
        Within {
            category: Some(sample.category),
            city: Some(typed_city),
        },
    ];
    let mut searcher = Searcher::new();
    for within in &withins {
        let admits = |r: &Record| {
            within.category.is_none_or(|c| c == r.category)
                && within
                    .city
                    .as_deref()
                    .is_none_or(|c| fold(c) == fold(&r.city))
        };
        for text in [
            "",
            "c",
            "cl",
            "cli",
            "clinic",
            "e",
            "spanish lawyer",
            "zxqv",
        ] {
            let query = Query::parse(text).expect("parses");
            let all = index.search(&query, usize::MAX);
            let expected: Vec<Uuid> = all
                .hits
                .iter()
                .map(|h| h.id)
                .filter(|id| admits(by_id[id]))
                .collect();
            let within_all = index.search_within(&query, within, usize::MAX);
            let got: Vec<Uuid> = within_all.hits.iter().map(|h| h.id).collect();
            assert_eq!(got, expected, "{text:?} within {within:?}");
            assert_eq!(within_all.total, expected.len());
            // Typing, with the filter changing under it, gives the same.
            let typed = searcher.search_within(&index, &query, within, 20);
            let first: Vec<Uuid> = typed.hits.iter().map(|h| h.id).collect();
            assert_eq!(first, expected[..expected.len().min(20)], "{text:?} typed");
            assert_eq!(typed.total, expected.len());
        }
        assert!(
            !index
                .search_within(&Query::default(), within, 1)
                .hits
                .is_empty(),
            "the sample record is within {within:?}"
        );
    }
    // The filter changing while the query narrows: remembered results of
    // another filter must not be searched among.
    let mut searcher = Searcher::new();
    for (i, text) in ["c", "cl", "cli", "clin", "clinic"].iter().enumerate() {
        for within in [&withins[i % 3], &Within::default()] {
            let query = Query::parse(text).expect("parses");
            let typed = searcher.search_within(&index, &query, within, 20);
            assert_eq!(typed, index.search_within(&query, within, 20), "{text:?}");
        }
    }
}

#[test]
fn typing_and_deleting_a_query_longer_than_the_searcher_remembers() {
    let records: Vec<Record> = crate::generate::generate(9, 2_000).collect();
    let index = Index::build(&records);
    let mut searcher = Searcher::new();
    let text = "trans competent sliding scale evenings therapist oakland";
    let mut typed = String::new();
    let mut check = |typed: &str| {
        let query = Query::parse(typed).expect("parses");
        assert_eq!(
            searcher.search(&index, &query, 20),
            index.search(&query, 20),
            "{typed:?}"
        );
    };
    for c in text.chars() {
        typed.push(c);
        check(&typed);
    }
    while typed.pop().is_some() {
        check(&typed);
    }
}

#[test]
fn typing_several_terms_reuses_the_earlier_ones_and_gives_what_a_fresh_search_does() {
    let records: Vec<Record> = crate::generate::generate(21, 3_000).collect();
    let index = Index::build(&records);
    let mut searcher = Searcher::new();
    let check = |searcher: &mut Searcher, typed: &str| {
        let query = Query::parse(typed).expect("parses");
        for limit in [20, usize::MAX] {
            assert_eq!(
                searcher.search(&index, &query, limit),
                index.search(&query, limit),
                "{typed:?}, best {limit}"
            );
        }
    };
    for text in [
        "sao paulo housing",
        "clinic portland !spanish",
        "lang:es toronto tera",
        "toronto lang:es tera",
        "bail !immig lang:fr abog",
        "\"harm red\" walk in",
        "clnic portlnd",
    ] {
        let mut typed = String::new();
        for c in text.chars() {
            typed.push(c);
            check(&mut searcher, &typed);
        }
        // Back over the last word and on again, differently.
        for _ in 0..4 {
            typed.pop();
            check(&mut searcher, &typed);
        }
        for c in "xq e".chars() {
            typed.push(c);
            check(&mut searcher, &typed);
        }
    }
}
