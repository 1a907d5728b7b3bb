//! Where a query matched in a record, in the text a person reads. Worked
//! out per record, for the rows on screen only: it folds the record's text
//! again to keep a map from folded back to original positions, which the
//! index does not store.

use std::collections::BTreeMap;
use std::collections::BTreeSet;

use fuzzy_matcher::FuzzyMatcher;
use zeroize::Zeroizing;

use crate::model::{language_name, Record};

use super::field::Field;
use super::fold::fold_with_map;
use super::grade;
#[cfg(debug_assertions)]
use super::layout::searchable_text;
use super::layout::TEXT_FIELDS;
use super::matcher::matcher;
use super::query::{Query, Scope, Term};
use super::vocab::{category_index, country_index, language_index, vocab, Entry};

/// The characters of one field to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMatch {
    pub field: Field,
    /// Indices of `char`s in [`Field::text`] of the record, ascending.
    pub positions: Vec<usize>,
}

/// A field's text as shown, folded, with the way back. The folded copy is
/// record text, wiped when it goes.
struct Shown {
    field: Field,
    folded: Zeroizing<String>,
    /// For each `char` of `folded`, the `char` of the shown text.
    map: Vec<usize>,
}

/// A coded value of the record (its category, a language, its country) and
/// which characters of the field's shown text stand for it.
struct Item<'v> {
    field: Field,
    /// Its place in the vocabulary table, as a `CodeSet` counts.
    index: usize,
    entry: &'v Entry,
    chars: std::ops::Range<usize>,
}

/// How a term matched in one place.
enum Place<'a> {
    Text(&'a Shown),
    Item(&'a Item<'a>),
}

impl Query {
    /// Where each term of the query matched in `record`, by field. A term
    /// found whole is marked wherever it is found whole; a term found only
    /// scattered is marked in the one field where it scored best, since its
    /// letters would be scattered all over a long description. A name that
    /// matched through a synonym or a code (`doctor`, `es`) is marked whole.
    /// Negated terms mark nothing.
    pub fn highlights(&self, record: &Record) -> Vec<FieldMatch> {
        let shown: Vec<Shown> = TEXT_FIELDS
            .iter()
            .map(|&field| {
                let (folded, map) = fold_with_map(&field.text(record));
                #[cfg(debug_assertions)]
                debug_assert_eq!(folded, *Zeroizing::new(searchable_text(record, field)));
                Shown {
                    field,
                    folded: Zeroizing::new(folded),
                    map,
                }
            })
            .collect();
        let items = items(record);
        let mut marks: BTreeMap<Field, BTreeSet<usize>> = BTreeMap::new();
        for term in self.terms().iter().filter(|t| !t.negated()) {
            match term.scope() {
                Scope::Codes(set) => {
                    for item in &items {
                        if item.field == set.field() && set.contains(item.index) {
                            mark_item(&mut marks, item);
                        }
                    }
                }
                scope => {
                    let places: Vec<Place<'_>> = shown
                        .iter()
                        .filter(|s| scope == &Scope::Everywhere || scope == &Scope::Field(s.field))
                        .map(Place::Text)
                        .chain(
                            items
                                .iter()
                                .filter(|_| scope == &Scope::Everywhere)
                                .map(Place::Item),
                        )
                        .collect();
                    mark_term(&mut marks, term, &places);
                }
            }
        }
        marks
            .into_iter()
            .map(|(field, positions)| FieldMatch {
                field,
                positions: positions.into_iter().collect(),
            })
            .collect()
    }
}

fn mark_term(marks: &mut BTreeMap<Field, BTreeSet<usize>>, term: &Term, places: &[Place<'_>]) {
    let mut whole = false;
    for place in places {
        match place {
            Place::Text(shown) => {
                if let Some(best) = grade::best_contiguous(term, &shown.folded) {
                    whole = true;
                    mark_occurrences(marks, term, shown, best);
                }
            }
            Place::Item(item) => {
                if item
                    .entry
                    .keys
                    .iter()
                    .any(|k| grade::best_contiguous(term, k).is_some())
                {
                    whole = true;
                    mark_item(marks, item);
                }
            }
        }
    }
    if whole || term.phrase() {
        return;
    }
    let mut best: Option<(i64, &Place<'_>)> = None;
    for place in places {
        let (points, field) = match place {
            Place::Text(shown) => (grade::scattered(term, &shown.folded), shown.field),
            Place::Item(item) => (
                item.entry
                    .keys
                    .iter()
                    .filter_map(|k| grade::scattered(term, k))
                    .max(),
                item.field,
            ),
        };
        if let Some(points) = points.map(|p| p * field.weight()) {
            if best.is_none_or(|(b, _)| points > b) {
                best = Some((points, place));
            }
        }
    }
    match best {
        Some((_, Place::Text(shown))) => {
            // A fresh matcher, for the reason given at `grade::scattered`;
            // the limit keeps a long field's score matrix small.
            let matcher = matcher().element_limit(1 << 20);
            if let Some((_, positions)) = matcher.fuzzy_indices(&shown.folded, term.text()) {
                let set = marks.entry(shown.field).or_default();
                set.extend(positions.iter().filter_map(|&p| shown.map.get(p)));
            }
        }
        Some((_, Place::Item(item))) => mark_item(marks, item),
        None => {}
    }
}

/// Marks every occurrence of the term in `shown` that has the field's best
/// grade, so that an exact word is marked without the word it prefixes.
fn mark_occurrences(
    marks: &mut BTreeMap<Field, BTreeSet<usize>>,
    term: &Term,
    shown: &Shown,
    best: i64,
) {
    let bytes = shown.folded.as_bytes();
    let len_bytes = term.text().len();
    let len_chars = term.text().chars().count();
    let set = marks.entry(shown.field).or_default();
    for at in term.finder.find_iter(bytes) {
        if grade::contiguous(bytes, at, len_bytes) != best {
            continue;
        }
        let start = shown.folded.get(..at).map_or(0, |s| s.chars().count());
        set.extend((start..start + len_chars).filter_map(|p| shown.map.get(p)));
    }
}

fn mark_item(marks: &mut BTreeMap<Field, BTreeSet<usize>>, item: &Item<'_>) {
    marks
        .entry(item.field)
        .or_default()
        .extend(item.chars.clone());
}

/// The record's coded values, with where each shows in its field's text.
fn items(record: &Record) -> Vec<Item<'static>> {
    let v = vocab();
    let mut items = Vec::new();
    let index = category_index(record.category);
    if let Some(entry) = v.categories.get(index) {
        items.push(Item {
            field: Field::Category,
            index,
            entry,
            chars: 0..Field::Category.text(record).chars().count(),
        });
    }
    if let Some(index) = country_index(&record.country).map(usize::from) {
        let entry = &v.countries[index];
        items.push(Item {
            field: Field::Country,
            index,
            entry,
            chars: 0..Field::Country.text(record).chars().count(),
        });
    }
    // Mirrors `Record::language_names().join(", ")`.
    let mut start = 0;
    for code in &record.languages {
        let shown = language_name(code).unwrap_or(code);
        let len = shown.chars().count();
        if let Some(index) = language_index(code).map(usize::from) {
            let entry = &v.languages[index];
            items.push(Item {
                field: Field::Languages,
                index,
                entry,
                chars: start..start + len,
            });
        }
        start += len + 2;
    }
    items
}
