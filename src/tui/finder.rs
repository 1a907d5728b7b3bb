//! The one place where the terminal UI meets search. Everything the UI needs
//! from search goes through [`Finder`]: building from the vault's records,
//! keeping up with changes, answering a query under the quick filters, and
//! the match positions of the rows on screen.
//!
//! Until the `search` module lands, the matching here is a deliberately
//! plain stand-in (folded substrings, AND of terms, a few weights); swapping
//! in `search::Index` is a change to this file only.

use std::cmp::Reverse;
use std::collections::HashMap;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};
use uuid::Uuid;

use crate::model::{country_name, Category, Record};

/// The longest query accepted; a pasted page is refused rather than searched.
const MAX_QUERY_CHARS: usize = 256;

/// A query ready to run, parsed once per keystroke.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    text: String,
    terms: Vec<String>,
}

impl Query {
    /// Reads what the person typed. Refuses only a query too long to be one.
    pub fn parse(text: &str) -> Result<Query, String> {
        let chars = text.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(format!(
                "the search is {chars} characters long; at most {MAX_QUERY_CHARS} are searched"
            ));
        }
        Ok(Query {
            text: text.to_owned(),
            terms: text.split_whitespace().map(fold).collect(),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn text(&self) -> &str {
        &self.text
    }
}

/// The quick filters, applied on top of any query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub category: Option<Category>,
    /// Compared after folding, so `Sao Paulo` and `São Paulo` are one city.
    pub city: Option<String>,
}

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
}

/// Matched characters of one part, as `char` indices into [`Part::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub part: Part,
    pub positions: Vec<usize>,
}

/// What a record is known by in the index.
struct Entry {
    category: Category,
    city_key: String,
    /// Folded searchable fields with their weight.
    fields: Vec<(u32, String)>,
}

/// The search index over the unlocked records. `Send + Sync`: the search
/// worker reads it while the UI thread renders from it.
pub struct Finder {
    entries: HashMap<Uuid, Entry>,
    /// Every id, by folded name then id: the order of an empty query and the
    /// tie-break of every other.
    order: Vec<(String, Uuid)>,
}

impl Finder {
    pub fn build<'a>(records: impl IntoIterator<Item = &'a Record>) -> Finder {
        let mut finder = Finder {
            entries: HashMap::new(),
            order: Vec::new(),
        };
        for record in records {
            finder.entries.insert(record.id, Entry::new(record));
            finder.order.push((fold(&record.name), record.id));
        }
        finder.order.sort();
        finder
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Takes in a new or changed record.
    pub fn upsert(&mut self, record: &Record) {
        self.remove(record.id);
        self.entries.insert(record.id, Entry::new(record));
        let key = (fold(&record.name), record.id);
        let at = self.order.partition_point(|probe| *probe < key);
        self.order.insert(at, key);
    }

    pub fn remove(&mut self, id: Uuid) {
        if self.entries.remove(&id).is_some() {
            self.order.retain(|(_, known)| *known != id);
        }
    }

    /// Every record that matches the query and the filter, best first.
    pub fn search(&self, query: &Query, filter: &Filter) -> Vec<Uuid> {
        let city = filter.city.as_deref().map(fold);
        let passes = |entry: &Entry| {
            filter.category.is_none_or(|c| c == entry.category)
                && city.as_deref().is_none_or(|c| c == entry.city_key)
        };
        let mut scored: Vec<(u32, Uuid)> = Vec::new();
        for (_, id) in &self.order {
            let Some(entry) = self.entries.get(id) else {
                continue;
            };
            if !passes(entry) {
                continue;
            }
            if let Some(score) = entry.score(&query.terms) {
                scored.push((score, *id));
            }
        }
        // Stable: equal scores keep name order.
        scored.sort_by_key(|(score, _)| Reverse(*score));
        scored.into_iter().map(|(_, id)| id).collect()
    }

    /// Where the query matched the shown parts of one record.
    pub fn highlights(&self, query: &Query, record: &Record) -> Vec<Highlight> {
        if query.is_empty() {
            return Vec::new();
        }
        [Part::Name, Part::Organization, Part::Category, Part::City]
            .into_iter()
            .filter_map(|part| {
                let positions = positions(part.text(record), &query.terms);
                (!positions.is_empty()).then_some(Highlight { part, positions })
            })
            .collect()
    }

    /// The categories present, in their usual order.
    pub fn categories(&self) -> Vec<Category> {
        let mut present: Vec<Category> = Vec::new();
        for entry in self.entries.values() {
            if !present.contains(&entry.category) {
                present.push(entry.category);
            }
        }
        present.sort();
        present
    }
}

impl Entry {
    fn new(record: &Record) -> Entry {
        let mut fields = vec![
            (3, fold(&record.name)),
            (3, fold(&record.organization)),
            (
                3,
                fold(&format!(
                    "{} {}",
                    record.category.label(),
                    record.category.as_str()
                )),
            ),
            (3, fold(&record.city)),
            (2, fold(&record.region)),
            (
                2,
                fold(&format!(
                    "{} {}",
                    record.country,
                    country_name(&record.country).unwrap_or("")
                )),
            ),
            (
                2,
                fold(&format!(
                    "{} {}",
                    record.languages.join(" "),
                    record.language_names().join(" ")
                )),
            ),
            (2, fold(&record.tags.join(" "))),
            (1, fold(&record.description)),
            (1, fold(&record.notes)),
            (1, fold(&record.address)),
            (1, fold(&record.cost)),
        ];
        fields.retain(|(_, text)| !text.is_empty());
        Entry {
            category: record.category,
            city_key: fold(&record.city),
            fields,
        }
    }

    /// `None` unless every term occurs in some field; higher is better.
    fn score(&self, terms: &[String]) -> Option<u32> {
        let mut total = 0;
        for term in terms {
            let best = self
                .fields
                .iter()
                .filter_map(|(weight, text)| {
                    let at = text.find(term.as_str())?;
                    let word_start = at == 0 || text.as_bytes()[at - 1] == b' ';
                    Some(weight * if word_start { 2 } else { 1 })
                })
                .max()?;
            total += best;
        }
        Some(total)
    }
}

/// Char indices of `text` covered by any occurrence of any term.
fn positions(text: &str, terms: &[String]) -> Vec<usize> {
    let (folded, map) = fold_with_map(text);
    let folded_chars: Vec<char> = folded.chars().collect();
    let mut hit = vec![false; folded_chars.len()];
    for term in terms {
        let term: Vec<char> = term.chars().collect();
        if term.is_empty() || term.len() > folded_chars.len() {
            continue;
        }
        for start in 0..=folded_chars.len() - term.len() {
            if folded_chars[start..start + term.len()] == term[..] {
                hit[start..start + term.len()].fill(true);
            }
        }
    }
    let mut out: Vec<usize> = hit
        .iter()
        .zip(&map)
        .filter(|(hit, _)| **hit)
        .map(|(_, source)| *source)
        .collect();
    out.dedup();
    out
}

/// Lower case without accents, for matching.
fn fold(text: &str) -> String {
    fold_with_map(text).0
}

/// Folds and maps each folded `char` back to the `char` of `text` it came
/// from.
fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        decompose_compatible(c, |part| {
            if !is_combining_mark(part) {
                for lower in part.to_lowercase() {
                    out.push(lower);
                    map.push(index);
                }
            }
        });
    }
    (out, map)
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
        assert_eq!(finder.search(&query, &Filter::default()), vec![a.id]);
        let query = Query::parse("clinic portland").unwrap();
        assert!(finder.search(&query, &Filter::default()).is_empty());
        let all = finder.search(&Query::default(), &Filter::default());
        assert_eq!(all, vec![b.id, a.id], "empty query lists by name");
    }

    #[test]
    fn filters_narrow_and_changes_are_seen() {
        let a = record("Ana", Category::Clinic, "Portland");
        let b = record("Bea", Category::Clinic, "Lyon");
        let mut finder = Finder::build([&a, &b]);
        let filter = Filter {
            category: Some(Category::Clinic),
            city: Some("LYON".into()),
        };
        assert_eq!(finder.search(&Query::default(), &filter), vec![b.id]);
        let mut moved = b.clone();
        moved.city = "Portland".into();
        finder.upsert(&moved);
        assert!(finder.search(&Query::default(), &filter).is_empty());
        finder.remove(a.id);
        assert_eq!(finder.len(), 1);
        assert_eq!(finder.categories(), vec![Category::Clinic]);
    }

    #[test]
    fn highlights_point_at_original_characters() {
        let a = record("Clínica Libre", Category::Clinic, "São Paulo");
        let finder = Finder::build([&a]);
        let query = Query::parse("nica sao").unwrap();
        let marks = finder.highlights(&query, &a);
        assert_eq!(
            marks,
            vec![
                Highlight {
                    part: Part::Name,
                    positions: vec![3, 4, 5, 6]
                },
                Highlight {
                    part: Part::City,
                    positions: vec![0, 1, 2]
                },
            ]
        );
        assert!(Query::parse(&"x".repeat(300)).is_err());
    }
}
