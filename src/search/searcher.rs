//! Search while typing: each keystroke's query is looked for among the
//! results of an earlier query that admits everything it does, instead of
//! among all the records.

use std::sync::Arc;

use super::found::Found;
use super::highlight::Marker;
use super::hits::{Matches, Within};
use super::index::Index;
use super::plan::{Plan, Tables};
use super::query::Query;

/// How many earlier queries are remembered, which bounds the memory a
/// session holds. Each narrows the one before; when there are this many,
/// one from the middle is forgotten, not the first: deleting back past the
/// forgotten ones then searches among the results of the nearest broader
/// query still remembered instead of among every record.
const REMEMBERED: usize = 32;

/// A typing session over one index. Holds the queries typed so far that
/// each narrow the one before (`c`, `cl`, `clinic`, `clinic p`), with their
/// full matches. A new query is searched among the matches of the last of
/// them that it narrows (see `Plan::narrows`, which compares what each
/// query word meets in the index's dictionary): typing on reuses the last
/// one, deleting goes back to an earlier one, anything else scans every
/// record. The results are always the same as [`Index::search`]'s.
#[derive(Default)]
pub struct Searcher {
    steps: Vec<Step>,
    version: u64,
    /// What the remembered steps were confined to.
    within: Within,
    /// The reading of the last query searched, for marking its rows.
    last: Option<Arc<Plan>>,
    /// The query words already compared with the index's dictionary.
    tables: Tables,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("steps", &self.steps.len())
            .finish_non_exhaustive()
    }
}

struct Step {
    plan: Arc<Plan>,
    found: Vec<Found>,
    /// The slots of `found`, in ascending order.
    slots: Vec<u32>,
}

impl Searcher {
    pub fn new() -> Searcher {
        Searcher::default()
    }

    /// Like [`Index::search`], faster when `query` extends one searched
    /// before on the same, unchanged index.
    pub fn search(&mut self, index: &Index, query: &Query, limit: usize) -> Matches {
        self.search_within(index, query, &Within::default(), limit)
    }

    /// Like [`Index::search_within`], faster when `query` extends one
    /// searched before on the same, unchanged index, within the same.
    pub fn search_within(
        &mut self,
        index: &Index,
        query: &Query,
        within: &Within,
        limit: usize,
    ) -> Matches {
        if self.version != index.version() || &self.within != within {
            self.steps.clear();
            self.tables.clear();
            self.version = index.version();
            self.within = within.clone();
        }
        let plan = Arc::new(Plan::with_tables(query, within, index, &mut self.tables));
        self.last = Some(Arc::clone(&plan));
        while let Some(last) = self.steps.last() {
            if plan.narrows(&last.plan) {
                break;
            }
            self.steps.pop();
        }
        if let Some(last) = self.steps.last_mut() {
            if last.plan.same(&plan) {
                let hits = index.rank(&mut last.found, limit);
                let total = last.found.len();
                return index.finish(&plan, hits, total, limit);
            }
        }
        let candidates = self.steps.last().map(|last| last.slots.as_slice());
        let mut found = index.scan(&plan, candidates);
        // In slot order, as the scan returns them: ranking reorders `found`,
        // and a scan that follows candidates out of order misses the cache.
        let slots: Vec<u32> = found.iter().map(|f| f.slot).collect();
        let hits = index.rank(&mut found, limit);
        let total = found.len();
        let matches = index.finish(&plan, hits, total, limit);
        if self.steps.len() == REMEMBERED {
            self.steps.remove(REMEMBERED / 2);
        }
        found.shrink_to_fit();
        self.steps.push(Step { plan, found, slots });
        matches
    }

    /// The reading of the last query searched, to mark the rows it found
    /// without reading the query again.
    pub fn marker(&self) -> Option<Marker> {
        self.last.as_ref().map(|plan| Marker::new(Arc::clone(plan)))
    }

    /// Forgets what was typed, and the memory it held (when the vault
    /// locks, say).
    pub fn reset(&mut self) {
        self.steps = Vec::new();
        self.last = None;
        self.tables.clear();
    }
}
