//! Search while typing: each keystroke's query is looked for among the
//! results of an earlier query that admits everything it does, instead of
//! among all the records.

use super::found::{Bounds, Found};
use super::hits::{Matches, Within};
use super::index::Index;
use super::plan::Plan;
use super::query::Query;
use super::scan::Start;

/// How many earlier queries are remembered, which bounds the memory a
/// session holds. Each narrows the one before; when there are this many,
/// one from the middle is forgotten, not the first: deleting back past the
/// forgotten ones then searches among the results of the nearest broader
/// query still remembered instead of among every record.
const REMEMBERED: usize = 32;

/// A typing session over one index. Holds the queries typed so far that
/// each narrow the one before (`c`, `cl`, `clinic`, `clinic p`), with their
/// matches. A new query is searched among the matches of the last of them
/// that it narrows: typing on reuses the last one, deleting goes back to an
/// earlier one, anything else scans every record. When only the last term
/// changed, or a term was added, the other terms are not worked out again
/// either. The results are always the same as [`Index::search`]'s.
#[derive(Debug, Default)]
pub struct Searcher {
    steps: Vec<Step>,
    version: u64,
    /// What the remembered steps were confined to.
    within: Within,
}

#[derive(Debug)]
struct Step {
    query: Query,
    found: Vec<Found>,
    /// The slots of `found`, in ascending order.
    slots: Vec<u32>,
    /// Kept for the latest step only (64 bytes a record together): for
    /// each of `slots`, the bounds of every term but the last, when the
    /// query's plan splits so, and the bounds of all terms. The next
    /// keystroke, typing on the last term or starting a new one, then
    /// works out only the term it changes.
    bases: Option<Vec<Bounds>>,
    all: Option<Vec<Bounds>>,
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
            self.version = index.version();
            self.within = within.clone();
        }
        while let Some(last) = self.steps.last() {
            if query.narrows(&last.query) {
                break;
            }
            self.steps.pop();
        }
        let plan = Plan::new(query, within);
        if let Some(last) = self.steps.last_mut() {
            if last.query.same_terms(query) {
                let hits = index.rank(&plan, &mut last.found, limit);
                return Matches {
                    hits,
                    total: last.found.len(),
                };
            }
        }
        let last = self.steps.last();
        let candidates = last.map(|last| last.slots.as_slice());
        let start = match last {
            Some(last) if plan.split() => known(query, last),
            _ => Start::Fresh,
        };
        let scan = index.scan_from(&plan, candidates, start, plan.split());
        let mut found = scan.found;
        // In slot order, as the scan returns them: ranking reorders `found`,
        // and a scan that follows candidates out of order misses the cache
        // at every record, which made typing three times slower.
        let slots: Vec<u32> = found.iter().map(|f| f.slot).collect();
        let all: Vec<Bounds> = found.iter().map(Bounds::of).collect();
        let bases = plan.split().then_some(scan.bases);
        let hits = index.rank(&plan, &mut found, limit);
        let total = found.len();
        if let Some(last) = self.steps.last_mut() {
            last.bases = None;
            last.all = None;
        }
        if self.steps.len() == REMEMBERED {
            self.steps.remove(REMEMBERED / 2);
        }
        // The scan reserved room for every candidate; keep only the matches.
        found.shrink_to_fit();
        self.steps.push(Step {
            query: query.clone(),
            found,
            slots,
            bases,
            all: Some(all),
        });
        Matches { hits, total }
    }

    /// Forgets what was typed, and the memory it held (when the vault
    /// locks, say).
    pub fn reset(&mut self) {
        self.steps = Vec::new();
    }
}

/// What a scan for `query` can start from, given the step before it, whose
/// results are its candidates: the bounds of every term but the last when
/// only the last term changed (`sao pa` after `sao p`), or the bounds of
/// all its terms when `query` adds one (`sao p` after `sao`).
fn known<'s>(query: &Query, before: &'s Step) -> Start<'s> {
    let (now, then) = (query.terms().len(), before.query.terms().len());
    let keeps = |n: usize| query.same_first_terms(&before.query, n);
    match (&before.bases, &before.all) {
        (Some(bases), _) if now == then && now > 0 && keeps(now - 1) => Start::Known(bases),
        (_, Some(all)) if now == then + 1 && keeps(then) => Start::Known(all),
        _ => Start::Fresh,
    }
}
