//! What a search gives back, and what it can be confined to besides its
//! query.

use uuid::Uuid;

use crate::model::Category;

use super::field::FieldSet;

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
