//! The one place where the terminal UI meets search. Everything the UI needs
//! from search goes through [`Finder`]: building from the vault's records,
//! keeping up with changes, answering a query under the quick filters, and
//! the match positions of the rows on screen.
//!
//! Matching and ranking are `crate::search`'s; this file adds what only the
//! UI wants: the quick filters (exact category and city) and a cap on how
//! many rows a list can hold.

use std::collections::HashMap;
use std::sync::Mutex;

use uuid::Uuid;

use crate::i18n::Message;
use crate::model::{Category, Record};
use crate::search::{self, Field, Index, Marker, Searcher};

/// The most results a list holds. Nobody scrolls past this; the status line
/// still counts them all.
pub const MAX_ROWS: usize = 5_000;

/// How many results a new query asks for when the list shows `shown`
/// rows: those rows and no more. Moving the selection asks for more (see
/// `Browse`), four times as many at a time, up to [`MAX_ROWS`]. Every
/// keystroke ranks exactly the rows it asks for, and each row past what
/// the screen shows is paid for at every key for a row nobody may scroll
/// to: with the fuzzy search of November 2026, asking for 250 instead of
/// a screenful took about 40% more CPU per key at the 95th percentile, at
/// 100,000 records over `bench_tui`'s keys; ranking 5,000, several times.
pub fn first_rows(shown: usize) -> usize {
    shown.clamp(1, MAX_ROWS)
}

/// A query ready to run, parsed once per keystroke, with the text it was
/// read from.
#[derive(Debug, Clone, Default)]
pub struct Query {
    text: String,
    parsed: search::Query,
}

impl Query {
    /// Reads what the person typed. Refuses only a query too long to be one.
    pub fn parse(text: &str) -> Result<Query, Message> {
        let parsed = search::Query::parse(text).map_err(|error| match error {
            search::QueryError::TooLong { chars, max } => {
                crate::msg!("query-too-long", count = chars, max = max)
            }
        })?;
        Ok(Query {
            text: text.to_owned(),
            parsed,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.parsed.is_empty()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// What search had to guess about the query, to say in the status line.
    pub fn notice(&self) -> Option<Message> {
        self.parsed.notices().first().map(search::Notice::message)
    }
}

/// The quick filters, applied on top of any query: an exact category, and
/// a city compared after folding, so `Sao Paulo` and `São Paulo` are one
/// city. The search applies them as it scans, before ranking.
pub type Filter = search::Within;

/// Parts of a record that the list shows with highlights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Name,
    Organization,
    Category,
    City,
}

impl Part {
    /// The text the positions of this part point into.
    pub fn text(self, record: &Record) -> &str {
        match self {
            Part::Name => &record.name,
            Part::Organization => &record.organization,
            Part::Category => record.category.label(),
            Part::City => &record.city,
        }
    }

    fn of(field: Field) -> Option<Part> {
        Some(match field {
            Field::Name => Part::Name,
            Field::Organization => Part::Organization,
            Field::Category => Part::Category,
            Field::City => Part::City,
            _ => return None,
        })
    }
}

/// Matched characters of one part, as `char` indices into [`Part::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub part: Part,
    pub positions: Vec<usize>,
}

/// What the results of a search are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The full matches, best first, at most [`MAX_ROWS`]: the only rows
    /// a person can select, and what an export of the search takes.
    pub ids: Vec<Uuid>,
    /// How many records matched in full.
    pub total: usize,
    /// Only when nothing matches in full: records that match part of the
    /// query, best first. Listed apart, never selected, never exported.
    pub partial: Vec<Uuid>,
    pub partial_total: usize,
    /// How the search read the query, and the words no record has.
    pub reading: search::Reading,
}

/// The search index over the unlocked records, and what the filters need.
/// `Send + Sync`: the search thread reads it while the UI thread draws.
pub struct Finder {
    index: Index,
    /// Each record's category, for the list of those present.
    categories: HashMap<Uuid, Category>,
    /// Remembers the last queries typed, so typing on searches only their
    /// results. Only the search thread uses it.
    searcher: Mutex<Searcher>,
    /// The reading of the last query searched or marked, with the text it
    /// was read from: marking the rows on screen reads the query once, not
    /// once per row.
    marker: Mutex<Option<(String, Marker)>>,
}

impl Finder {
    pub fn build<'a>(records: impl IntoIterator<Item = &'a Record>) -> Finder {
        let records: Vec<&Record> = records.into_iter().collect();
        Finder {
            index: Index::build(records.iter().copied()),
            categories: records.iter().map(|r| (r.id, r.category)).collect(),
            searcher: Mutex::new(Searcher::new()),
            marker: Mutex::new(None),
        }
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Takes in a new or changed record.
    pub fn upsert(&mut self, record: &Record) {
        self.index.upsert(record);
        self.categories.insert(record.id, record.category);
        self.forget_marker();
    }

    pub fn remove(&mut self, id: Uuid) {
        self.index.remove(id);
        self.categories.remove(&id);
        self.forget_marker();
    }

    /// A change to the records can change how a query reads (a city
    /// appears or goes).
    fn forget_marker(&mut self) {
        if let Ok(marker) = self.marker.get_mut() {
            *marker = None;
        }
    }

    /// The records that match the query and the filter, best first: the
    /// best `rows` of them (at most [`MAX_ROWS`]), and how many there are.
    pub fn search(&self, query: &Query, filter: &Filter, rows: usize) -> Found {
        let rows = rows.min(MAX_ROWS);
        let matches = match self.searcher.lock() {
            Ok(mut searcher) => {
                let matches = searcher.search_within(&self.index, &query.parsed, filter, rows);
                if let (Some(marker), Ok(mut kept)) = (searcher.marker(), self.marker.lock()) {
                    *kept = Some((query.text.clone(), marker));
                }
                matches
            }
            Err(_) => self.index.search_within(&query.parsed, filter, rows),
        };
        Found {
            ids: matches.hits.iter().map(|hit| hit.id).collect(),
            total: matches.total,
            partial: matches.partial.iter().map(|hit| hit.id).collect(),
            partial_total: matches.partial_total,
            reading: matches.reading,
        }
    }

    /// Every record that matches the query and the filter in full, not
    /// only the rows a list holds: what an export of "the records listed"
    /// takes. Partial matches are never among them.
    pub fn all_matching(&self, query: &Query, filter: &Filter) -> Vec<Uuid> {
        self.index
            .search_within(&query.parsed, filter, usize::MAX)
            .hits
            .iter()
            .map(|hit| hit.id)
            .collect()
    }

    /// Where the query matched the shown parts of one record.
    pub fn highlights(&self, query: &Query, record: &Record) -> Vec<Highlight> {
        if query.is_empty() {
            return Vec::new();
        }
        let marker = match self.marker.lock() {
            Ok(mut kept) => match kept.as_ref() {
                Some((text, marker)) if *text == query.text => marker.clone(),
                _ => {
                    let marker = self.index.marker(&query.parsed);
                    *kept = Some((query.text.clone(), marker.clone()));
                    marker
                }
            },
            Err(_) => self.index.marker(&query.parsed),
        };
        let parts = [
            Field::Name,
            Field::Organization,
            Field::Category,
            Field::City,
        ];
        marker
            .highlights_in(record, &parts)
            .into_iter()
            .filter_map(|m| {
                Some(Highlight {
                    part: Part::of(m.field)?,
                    positions: m.positions,
                })
            })
            .collect()
    }

    /// The categories present, in their usual order.
    pub fn categories(&self) -> Vec<Category> {
        let mut present: Vec<Category> = Vec::new();
        for category in self.categories.values() {
            if !present.contains(category) {
                present.push(*category);
            }
        }
        present.sort();
        present
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn record(name: &str, category: Category, city: &str) -> Record {
        let mut record = Record::new(name, category, datetime!(2026-11-30 12:00 UTC));
        record.city = city.to_owned();
        record
    }

    #[test]
    fn terms_must_all_match_ignoring_case_and_accents() {
        let a = record("Clínica Libre", Category::Clinic, "São Paulo");
        let b = record("Ana Ruiz", Category::Lawyer, "Portland");
        let finder = Finder::build([&a, &b]);
        let query = Query::parse("clinica sao").unwrap();
        assert_eq!(
            finder.search(&query, &Filter::default(), MAX_ROWS).ids,
            vec![a.id]
        );
        let query = Query::parse("clinic portland").unwrap();
        assert!(finder
            .search(&query, &Filter::default(), MAX_ROWS)
            .ids
            .is_empty());
        let all = finder.search(&Query::default(), &Filter::default(), MAX_ROWS);
        assert_eq!(all.total, 2);
    }

    #[test]
    fn filters_narrow_exactly_and_changes_are_seen() {
        let a = record("Ana", Category::Clinic, "Portland");
        let b = record("Bea", Category::Clinic, "Lyon");
        let c = record("Cy", Category::Clinic, "Lyonnais");
        let mut finder = Finder::build([&a, &b, &c]);
        let filter = Filter {
            category: Some(Category::Clinic),
            city: Some("LYON".into()),
        };
        assert_eq!(
            finder.search(&Query::default(), &filter, MAX_ROWS).ids,
            vec![b.id]
        );
        let mut moved = b.clone();
        moved.city = "Portland".into();
        finder.upsert(&moved);
        assert!(finder
            .search(&Query::default(), &filter, MAX_ROWS)
            .ids
            .is_empty());
        finder.remove(a.id);
        assert_eq!(finder.len(), 2);
        assert_eq!(finder.categories(), vec![Category::Clinic]);
    }

    #[test]
    fn highlights_point_at_original_characters_of_shown_parts() {
        let a = record("Clínica Libre", Category::Clinic, "São Paulo");
        let finder = Finder::build([&a]);
        let query = Query::parse("clinica sao").unwrap();
        let marks = finder.highlights(&query, &a);
        let name = marks.iter().find(|h| h.part == Part::Name).unwrap();
        assert_eq!(name.positions, vec![0, 1, 2, 3, 4, 5, 6]);
        let city = marks.iter().find(|h| h.part == Part::City).unwrap();
        assert_eq!(city.positions, vec![0, 1, 2]);
        assert!(Query::parse(&"x".repeat(300)).is_err());
    }
}
