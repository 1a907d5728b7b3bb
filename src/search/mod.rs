//! Search: the query language, the folded index kept beside the vault's
//! records, ranking, and match positions for highlighting. Pure: no I/O, no
//! clock, no vault; it sees records only as they are handed to it.
//!
//! How a query meets a record:
//!
//! - Text is folded once, when a record enters the [`Index`]: case, accents
//!   and punctuation go (see [`fold()`]), so `sao paulo` finds `São-Paulo`.
//! - Every term must match some field of a record; `!term` must match none.
//!   A term matches a field if its letters occur in it in order (`clnic`
//!   finds `clinic`), like fzf. Category, language and country codes match
//!   through their names and synonyms (`doctor` finds clinics, `español`
//!   finds `es`).
//! - Each term is graded where it matched best: a whole word beats the start
//!   of a word, which beats the inside of one, which beats letters scattered
//!   with gaps (graded by fuzzy-matcher's `SkimMatcherV2`). The grade is
//!   weighted by the field: name, organization, category and city count
//!   three times, region, country, languages and tags twice, description,
//!   notes, address and cost once. A record's score is the sum over its
//!   terms; ties go to the more recently verified record, then by name.
//!
//! Typing is served by [`Searcher`], which looks for the results of a query
//! among those of the query it extends, and by computing positions
//! ([`Query::highlights`]) only for the rows that are shown.

mod fold;
mod grade;
mod highlight;
mod index;
mod letters;
mod query;
mod searcher;
mod vocab;

use std::borrow::Cow;

use uuid::Uuid;

use crate::model::{country_name, Category, Record};

pub use fold::fold;
pub use highlight::FieldMatch;
pub use index::Index;
pub use query::{CodeSet, Notice, Query, Scope, Term, MAX_QUERY_CHARS};
pub use searcher::Searcher;
pub use vocab::category_words;

/// Why a query can't be searched. Everything else a person can type has a
/// sensible reading (see [`Notice`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    #[error("the query is {chars} characters long; a search can be at most {max}")]
    TooLong { chars: usize, max: usize },
}

/// A searchable part of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    Organization,
    Category,
    City,
    Region,
    Country,
    Languages,
    Tags,
    Description,
    Notes,
    Address,
    Cost,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::Name,
        Field::Organization,
        Field::Category,
        Field::City,
        Field::Region,
        Field::Country,
        Field::Languages,
        Field::Tags,
        Field::Description,
        Field::Notes,
        Field::Address,
        Field::Cost,
    ];

    /// The name used in JSON output; stable.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Organization => "organization",
            Field::Category => "category",
            Field::City => "city",
            Field::Region => "region",
            Field::Country => "country",
            Field::Languages => "languages",
            Field::Tags => "tags",
            Field::Description => "description",
            Field::Notes => "notes",
            Field::Address => "address",
            Field::Cost => "cost",
        }
    }

    /// The text of this field as an interface shows it, which is the text
    /// that [`FieldMatch`] positions point into: tags and languages joined
    /// with `, `, languages by their English names, the category by its
    /// label, the country by its name.
    pub fn text(self, record: &Record) -> Cow<'_, str> {
        match self {
            Field::Name => Cow::Borrowed(&record.name),
            Field::Organization => Cow::Borrowed(&record.organization),
            Field::Category => Cow::Borrowed(record.category.label()),
            Field::City => Cow::Borrowed(&record.city),
            Field::Region => Cow::Borrowed(&record.region),
            Field::Country => {
                Cow::Borrowed(country_name(&record.country).unwrap_or(&record.country))
            }
            Field::Languages => Cow::Owned(record.language_names().join(", ")),
            Field::Tags => Cow::Owned(record.tags.join(", ")),
            Field::Description => Cow::Borrowed(&record.description),
            Field::Notes => Cow::Borrowed(&record.notes),
            Field::Address => Cow::Borrowed(&record.address),
            Field::Cost => Cow::Borrowed(&record.cost),
        }
    }

    /// How much a match here counts: a hit in what names the referral says
    /// more than one in its description.
    pub(crate) fn weight(self) -> i64 {
        match self {
            Field::Name | Field::Organization | Field::Category | Field::City => 3,
            Field::Region | Field::Country | Field::Languages | Field::Tags => 2,
            Field::Description | Field::Notes | Field::Address | Field::Cost => 1,
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of fields, small enough to carry in every hit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FieldSet(u16);

impl FieldSet {
    pub fn contains(self, field: Field) -> bool {
        self.0 & field.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub(crate) fn insert(&mut self, field: Field) {
        self.0 |= field.bit();
    }

    /// In the order of [`Field::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Field> {
        Field::ALL.into_iter().filter(move |f| self.contains(*f))
    }
}

/// One record found by a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub id: Uuid,
    /// Higher is better; comparable only between hits of the same query.
    pub score: i64,
    /// Where the terms matched: for each term, the field it matched best.
    pub fields: FieldSet,
}

/// What a search is confined to besides its query: the terminal UI's quick
/// filters. Unlike `cat:` and `city:` terms, these compare whole values: a
/// record is within when its category is the one given and its city folds
/// to the same text as the one given (`Sao Paulo` is `São Paulo`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Within {
    pub category: Option<Category>,
    pub city: Option<String>,
}

/// The best hits of a search, and how many records matched in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    /// Best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    pub total: usize,
}

#[cfg(test)]
mod tests;
