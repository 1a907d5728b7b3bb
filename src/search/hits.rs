//! What a search gives back, and what it can be confined to besides its
//! query.

use uuid::Uuid;

use crate::model::Category;

use super::field::FieldSet;
use super::reading::Reading;

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
    /// The full matches (every required part of the query met), best
    /// first, at most the limit asked for. Only these are ever exported,
    /// printed or bundled.
    pub hits: Vec<Hit>,
    pub total: usize,
    /// Only when nothing matches in full and the query asks for more than
    /// one thing: the records that meet some of it (the most parts first,
    /// then best), at most the limit. Never mixed with `hits`.
    pub partial: Vec<Hit>,
    pub partial_total: usize,
    /// How the query was read, and what no record has.
    pub reading: Reading,
}
