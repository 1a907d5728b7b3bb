//! Planning: a query made ready for one scan, with what can be worked out
//! once instead of per record: each term's grades against every name in
//! the vocabulary, its column in the letter table, and the order the terms
//! are tried in. What a plan does with each record is in `matching`.

use super::field::Field;
use super::fold::fold;
use super::grade;
use super::hits::Within;
use super::letters;
use super::query::{Query, Scope, Term};
use super::vocab::{category_index, vocab, Entry};

/// A query made ready for one scan: each term with its grades against every
/// category, language and country name worked out once, not per record.
pub(crate) struct Plan<'q> {
    pub(crate) terms: Vec<TermPlan<'q>>,
    /// Whether the query's last term is the plan's last too (coded filters
    /// come first, so it is unless it is one): then the bounds of the
    /// other terms can be kept apart and reused while it is typed on.
    pub(crate) split: bool,
    /// From [`Within`]: the category's index, and the city folded.
    pub(crate) category: Option<u8>,
    pub(crate) city: Option<String>,
}

pub(crate) struct TermPlan<'q> {
    pub(crate) term: &'q Term,
    /// For `Scope::Everywhere`: weighted points against each entry of the
    /// vocabulary, 0 where it doesn't match.
    pub(crate) categories: Vec<i64>,
    pub(crate) languages: Vec<i64>,
    pub(crate) countries: Vec<i64>,
    /// Whether any language matches at all: most terms match none, and
    /// then a record's languages need not be looked at.
    pub(crate) any_language: bool,
    /// For a one-character term looked for everywhere: its column in the
    /// index's [`Letters`](letters::Letters).
    pub(crate) letter: Option<usize>,
}

impl<'q> Plan<'q> {
    pub(crate) fn new(query: &'q Query, within: &Within) -> Plan<'q> {
        let v = vocab();
        let mut terms: Vec<TermPlan<'q>> = query
            .terms()
            .iter()
            .map(|term| {
                let table = |entries: &[Entry], field: Field| -> Vec<i64> {
                    if term.scope() != &Scope::Everywhere {
                        return Vec::new();
                    }
                    entries
                        .iter()
                        .map(|e| {
                            if term.mask & !e.mask != 0 {
                                return 0;
                            }
                            e.keys
                                .iter()
                                .filter_map(|k| grade::best(term, k))
                                .max()
                                .map_or(0, |g| g * field.weight())
                        })
                        .collect()
                };
                let languages = table(&v.languages, Field::Languages);
                TermPlan {
                    term,
                    categories: table(&v.categories, Field::Category),
                    any_language: languages.iter().any(|&p| p > 0),
                    languages,
                    letter: match term.scope() {
                        Scope::Everywhere => letters::column(term.text()),
                        _ => None,
                    },
                    countries: table(&v.countries, Field::Country),
                }
            })
            .collect();
        // Cheap, selective conditions first: coded filters, then the rest.
        // The sort is stable, so the terms keep the query's order otherwise.
        terms.sort_by_key(|t| !matches!(t.term.scope(), Scope::Codes(_)));
        let split = query
            .terms()
            .last()
            .is_some_and(|t| !matches!(t.scope(), Scope::Codes(_)));
        Plan {
            terms,
            split,
            category: within
                .category
                .map(|c| u8::try_from(category_index(c)).unwrap_or(u8::MAX)),
            city: within.city.as_deref().map(fold),
        }
    }

    /// Whether the plan's last term is the query's last, so that a scan can
    /// keep the other terms' bounds apart (see `Start::Known`).
    pub(crate) fn split(&self) -> bool {
        self.split
    }
}
