//! Where a query matched in a record, in the text a person reads. Worked
//! out per record, for the rows on screen only, from the same reading of
//! the query that found the record (a [`Marker`] holds it): each word of
//! the record's shown text is compared with each query word by the same
//! rules as the search (`rules`), so that what is marked is exactly what
//! matched. The index keeps no map from its folded text back to what is
//! shown, so the text is folded again here.
//!
//! What is marked, for each part of the reading the record meets:
//!
//! - a word: the record word it matched, whole for the same word or a
//!   typo, its first letters for a prefix, the letters of an abbreviation
//!   inside that one word; and a category, language or country it names;
//! - a category or language read from a sentence (`lawyer`, `speaks
//!   french`), or a `cat:`/`lang:`/`country:` filter: that value as shown,
//!   only the words of it that were typed when they were (`bail` in "Bail
//!   fund"), all of it when it was reached through another name
//!   (`avocat` marks "Lawyer");
//! - a city: the city;
//! - a phrase or a `city:`/`tag:` value: where it occurs from the start of
//!   a word.
//!
//! Small words ("in", "who") and exclusions mark nothing: they never put a
//! record in the list.

use std::collections::BTreeMap;
use std::collections::BTreeSet;
use std::sync::Arc;

use zeroize::Zeroizing;

use crate::model::{language_name, Record};

use super::field::Field;
use super::fold::{char_mask, fold_with_map};
use super::index::Index;
#[cfg(debug_assertions)]
use super::layout::searchable_text;
use super::layout::TEXT_FIELDS;
use super::plan::{Plan, Role, Test, WordTable};
use super::query::{CodeSet, Query};
use super::rules::{How, Probe};
use super::vocab::{category_index, country_index, language_index};

/// The characters of one field to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMatch {
    pub field: Field,
    /// Indices of `char`s in [`Field::text`] of the record, ascending.
    pub positions: Vec<usize>,
}

/// A query read against an index, kept to mark the records it found.
/// Cheap to clone; holds no record text.
#[derive(Clone)]
pub struct Marker {
    plan: Arc<Plan>,
}

impl std::fmt::Debug for Marker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Marker").finish_non_exhaustive()
    }
}

impl Marker {
    pub(crate) fn new(plan: Arc<Plan>) -> Marker {
        Marker { plan }
    }
}

impl Index {
    /// The reading of `query` against this index, to mark the records it
    /// finds (see [`Marker::highlights`]). Reading a query compares each of
    /// its words with the whole dictionary: keep the marker for every row
    /// of one query.
    pub fn marker(&self, query: &Query) -> Marker {
        Marker::new(Arc::new(Plan::new(
            query,
            &super::hits::Within::default(),
            self,
        )))
    }
}

/// A text as shown, folded, with the way back. The folded copy is record
/// text, wiped when it goes.
struct Shown {
    field: Field,
    folded: Zeroizing<String>,
    /// For each `char` of `folded`, the `char` of the shown text.
    map: Vec<usize>,
    /// Each word of `folded`: its first `char` and its text's byte range.
    words: Vec<(usize, std::ops::Range<usize>)>,
    /// Where the shown text starts in its field (a language among
    /// several), in `char`s.
    offset: usize,
}

impl Shown {
    fn new(field: Field, text: &str, offset: usize) -> Shown {
        let (folded, map) = fold_with_map(text);
        let folded = Zeroizing::new(folded);
        let mut words = Vec::new();
        let mut start: Option<(usize, usize)> = None;
        for (chars, (at, c)) in folded.char_indices().enumerate() {
            if c == ' ' {
                if let Some((first, from)) = start.take() {
                    words.push((first, from..at));
                }
            } else if start.is_none() {
                start = Some((chars, at));
            }
        }
        if let Some((first, from)) = start {
            words.push((first, from..folded.len()));
        }
        Shown {
            field,
            folded,
            map,
            words,
            offset,
        }
    }

    fn word(&self, range: &std::ops::Range<usize>) -> &str {
        self.folded.get(range.clone()).unwrap_or("")
    }

    /// Marks folded `char`s `from..to` (positions in the shown field).
    fn mark(&self, marks: &mut Marks, from: usize, to: usize) {
        let set = marks.entry(self.field).or_default();
        set.extend(
            (from..to)
                .filter_map(|p| self.map.get(p))
                .map(|&p| p + self.offset),
        );
    }

    /// Marks every word of the text (not the spaces and punctuation
    /// between them).
    fn mark_all(&self, marks: &mut Marks) {
        for (first, range) in &self.words {
            let len = self.word(range).chars().count();
            self.mark(marks, *first, first + len);
        }
    }

    /// Marks what `probe` meets in this text, word by word; whether it
    /// met anything.
    fn mark_probe(&self, marks: &mut Marks, probe: &Probe<'_>) -> bool {
        let mut any = false;
        for (first, range) in &self.words {
            let word = self.word(range);
            let len = word.chars().count();
            let Some(how) = probe.meets(word, char_mask(word), len) else {
                continue;
            };
            any = true;
            match how {
                How::Prefix => self.mark(marks, *first, first + probe.text.chars().count()),
                How::Abbreviation => {
                    let mut wanted = probe.text.chars().peekable();
                    for (i, c) in word.chars().enumerate() {
                        if wanted.peek() == Some(&c) {
                            wanted.next();
                            self.mark(marks, first + i, first + i + 1);
                        }
                    }
                }
                How::Same | How::Typo | How::Vocabulary => self.mark(marks, *first, first + len),
            }
        }
        any
    }

    /// Marks every occurrence of `text` (folded) that starts a word.
    fn mark_text(&self, marks: &mut Marks, text: &str) -> bool {
        let mut any = false;
        let len = text.chars().count();
        for (at, _) in self.folded.match_indices(text) {
            if at > 0 && self.folded.as_bytes()[at - 1] != b' ' {
                continue;
            }
            any = true;
            let start = self.folded.get(..at).map_or(0, |s| s.chars().count());
            self.mark(marks, start, start + len);
        }
        any
    }
}

type Marks = BTreeMap<Field, BTreeSet<usize>>;

/// A coded value of the record (its category, a language, its country): its
/// place in the vocabulary table, as a `CodeSet` counts, and its name as
/// shown.
struct Item {
    index: usize,
    shown: Shown,
}

impl Item {
    fn field(&self) -> Field {
        self.shown.field
    }
}

impl Marker {
    /// Where the query matched in `record`, by field: see the module's
    /// documentation. A record the query did not find gets the marks of
    /// the parts it meets, if any.
    pub fn highlights(&self, record: &Record) -> Vec<FieldMatch> {
        self.highlights_in(record, &Field::ALL)
    }

    /// [`Marker::highlights`] in `fields` only: what a list row shows
    /// needs no folding of a long description. Each field is marked on its
    /// own, so the marks are the same as those of all fields, kept.
    pub fn highlights_in(&self, record: &Record, fields: &[Field]) -> Vec<FieldMatch> {
        // Fields left out keep their place (the plan counts text fields by
        // it) with nothing in them.
        let texts: Vec<Shown> = TEXT_FIELDS
            .iter()
            .map(|&field| {
                if !fields.contains(&field) {
                    return Shown::new(field, "", 0);
                }
                let shown = Shown::new(field, &field.text(record), 0);
                #[cfg(debug_assertions)]
                debug_assert_eq!(
                    *shown.folded,
                    *Zeroizing::new(searchable_text(record, field))
                );
                shown
            })
            .collect();
        let mut items = items(record);
        items.retain(|item| fields.contains(&item.field()));
        let mut marks = Marks::new();
        for need in self.plan.needs.iter().filter(|n| n.role == Role::Required) {
            match &need.test {
                Test::Word(table) => mark_table(&mut marks, table, &texts, &items),
                Test::Coded { set, table } => {
                    mark_codes(&mut marks, set, table.as_deref(), &items);
                    if let Some(table) = table {
                        mark_words(&mut marks, table, &texts);
                    }
                }
                Test::City { city, .. } => {
                    for shown in texts.iter().filter(|s| s.field == Field::City) {
                        if shown.folded.as_str() == city.as_str() {
                            shown.mark_all(&mut marks);
                        }
                    }
                }
                Test::Text {
                    text, only, coded, ..
                } => {
                    for (i, shown) in texts.iter().enumerate() {
                        if only.is_none_or(|o| o == i) {
                            shown.mark_text(&mut marks, text);
                        }
                    }
                    if only.is_none() {
                        for item in &items {
                            let on = coded_of(coded, item.field())
                                .get(item.index)
                                .copied()
                                .unwrap_or(false);
                            if on && !item.shown.mark_text(&mut marks, text) {
                                item.shown.mark_all(&mut marks);
                            }
                        }
                    }
                }
            }
        }
        marks
            .into_iter()
            .filter(|(_, positions)| !positions.is_empty())
            .map(|(field, positions)| FieldMatch {
                field,
                positions: positions.into_iter().collect(),
            })
            .collect()
    }
}

fn coded_of<T>(tables: &[Vec<T>; 3], field: Field) -> &[T] {
    match field {
        Field::Category => &tables[0],
        Field::Languages => &tables[1],
        _ => &tables[2],
    }
}

/// The record's words a query word meets, in the fields it looks in.
fn mark_words(marks: &mut Marks, table: &WordTable, texts: &[Shown]) {
    let probe = table.probe();
    for (i, shown) in texts.iter().enumerate() {
        if table.only.is_none_or(|o| o == i) {
            shown.mark_probe(marks, &probe);
        }
    }
}

/// A query word: the record's words it meets, and the coded values it
/// names.
fn mark_table(marks: &mut Marks, table: &WordTable, texts: &[Shown], items: &[Item]) {
    mark_words(marks, table, texts);
    if table.only.is_some() {
        return;
    }
    let probe = table.probe();
    for item in items {
        let grades = match item.field() {
            Field::Category => &table.categories,
            Field::Languages => &table.languages,
            _ => &table.countries,
        };
        if grades.get(item.index).is_some_and(|&g| g != 0) {
            mark_item(marks, item, Some(&probe));
        }
    }
}

/// A category, language or country asked for: the record's values in it.
fn mark_codes(marks: &mut Marks, set: &CodeSet, table: Option<&WordTable>, items: &[Item]) {
    let probe = table.map(WordTable::probe);
    for item in items {
        if item.field() == set.field() && set.contains(item.index) {
            mark_item(marks, item, probe.as_ref());
        }
    }
}

/// A coded value: the words of its shown name that were typed, or all of
/// it when it was named another way.
fn mark_item(marks: &mut Marks, item: &Item, probe: Option<&Probe<'_>>) {
    if !probe.is_some_and(|p| item.shown.mark_probe(marks, p)) {
        item.shown.mark_all(marks);
    }
}

/// The record's coded values, with where each shows in its field's text.
fn items(record: &Record) -> Vec<Item> {
    let mut items = vec![Item {
        index: category_index(record.category),
        shown: Shown::new(Field::Category, &Field::Category.text(record), 0),
    }];
    if let Some(index) = country_index(&record.country).map(usize::from) {
        items.push(Item {
            index,
            shown: Shown::new(Field::Country, &Field::Country.text(record), 0),
        });
    }
    // Mirrors `Record::language_names().join(", ")`.
    let mut start = 0;
    for code in &record.languages {
        let shown = language_name(code).unwrap_or(code);
        if let Some(index) = language_index(code).map(usize::from) {
            items.push(Item {
                index,
                shown: Shown::new(Field::Languages, shown, start),
            });
        }
        start += shown.chars().count() + 2;
    }
    items
}
