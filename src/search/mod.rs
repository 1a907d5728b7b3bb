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
//!
//! Where things are, leaves first: `field`, `hits`, `fold`, `matcher` and
//! `vocab` depend on no other file here; `query` reads text into terms and
//! `grade` scores a term against text. The index is `arena` (text storage
//! that leaves no copies behind), `layout` (which fields, in what order,
//! folded how), `letters` (one-letter terms from a table), `slot` (one
//! stored record), `index` (storage), `plan` (a query made ready), `matching`
//! (a plan against one record), `found` (what a scan knows of a match),
//! `scan` and `rank`. `searcher` and `highlight` sit on top.

mod arena;
mod field;
mod fold;
mod found;
mod grade;
mod highlight;
mod hits;
mod index;
mod layout;
mod letters;
mod matcher;
mod matching;
mod plan;
mod query;
mod rank;
mod scan;
mod searcher;
mod slot;
mod vocab;

pub use field::{Field, FieldSet};
pub use fold::fold;
pub use highlight::FieldMatch;
pub use hits::{Hit, Matches, Within};
pub use index::Index;
pub use query::{CodeSet, Notice, Query, QueryError, Scope, Term, MAX_QUERY_CHARS};
pub use searcher::Searcher;
pub use vocab::category_words;

#[cfg(test)]
mod tests;
