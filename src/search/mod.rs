//! Search: the query language, the folded index kept beside the vault's
//! records, ranking, and match positions for highlighting. Pure: no I/O, no
//! clock, no vault; it sees records only as they are handed to it.
//!
//! How a query meets a record:
//!
//! - Text is folded once, when a record enters the [`Index`]: case, accents
//!   and punctuation go (see [`fold()`]), so `sao paulo` finds `São-Paulo`.
//!   The index keeps a dictionary of every distinct folded word (`words`),
//!   and each record as the numbers of its words.
//! - A query is read against the index (`plan`, giving a [`Reading`]): the
//!   small words of a sentence in English, Spanish, French, Portuguese and
//!   German are optional; "speaks X" and a language's name ask for that
//!   language; a city the directory holds (one or more words) asks for
//!   that city; a category word (`lawyer`, `avocat`) asks for that
//!   category; the rest are words that must match. Quotes, `!` and the
//!   filters `city:`, `cat:`, `lang:`, `tag:`, `country:` keep their sense.
//! - A query word matches a record word, best first (`rules`): the same
//!   word; a prefix of it (for the word being typed, and words of 3 or more
//!   letters); a typo (1 for 5–8 letters, 2 from 9, a first letter counting
//!   twice); an abbreviation (its letters in order inside one word, from
//!   that word's first letter); the vocabulary (category and language
//!   names in five languages). Letters scattered across words or fields
//!   never match. Each query word is compared once with the dictionary,
//!   not with every record.
//! - Full matches meet every required part; when there are none, the
//!   records meeting some parts are given apart ([`Matches::partial`]) with
//!   the words no record has. Ranking: how each word matched, then the
//!   field's weight (name, organization, category and city above region,
//!   country, languages and tags, above description, notes, address and
//!   cost), then in how many fields; ties go to the more recently verified
//!   record, then by name. Defunct records come last, inactive ones before.
//!
//! Typing is served by [`Searcher`], which looks for the results of a query
//! among those of the query it extends, and by computing positions
//! ([`Marker::highlights`], from the same reading) only for the rows that
//! are shown.
//!
//! Where things are, leaves first: `field`, `hits`, `fold`, `grade`,
//! `rules`, `reading` and `vocab` depend on no other file here; `query`
//! reads text into terms and `grade` places a phrase in text. The index is `arena` (text storage that leaves no copies
//! behind), `words` (the dictionary), `layout` (which fields, in what
//! order, folded how), `slot` (one stored record), `index` (storage),
//! `plan` (a query read against the index), `matching` (a plan against one
//! record), `found`, `scan` and `rank`. `searcher` and `highlight` sit on
//! top.

mod arena;
mod field;
mod fold;
mod found;
mod grade;
mod highlight;
mod hits;
mod index;
mod layout;
mod matching;
mod plan;
mod query;
mod rank;
mod reading;
mod rules;
mod scan;
mod searcher;
mod slot;
mod vocab;
mod words;

pub use field::{Field, FieldSet};
pub use fold::fold;
pub use highlight::{FieldMatch, Marker};
pub use hits::{Hit, Matches, Within};
pub use index::Index;
pub use query::{CodeSet, Notice, Query, QueryError, Scope, Term, MAX_QUERY_CHARS};
pub use reading::{Part, Reading};
pub use rules::How;
pub use searcher::Searcher;
pub use vocab::{category_words, more_country_names, more_language_names};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_marks;
#[cfg(test)]
mod tests_words;
