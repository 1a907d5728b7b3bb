//! Ranking: the best of a scan's matches put in order; and
//! [`Index::search`], which plans, scans and ranks, and looks for partial
//! matches when nothing matches in full.

use super::found::Found;
use super::hits::{Hit, Matches, Within};
use super::index::Index;
use super::plan::{Plan, Role};
use super::query::Query;

impl Index {
    /// Every record that matches in full, best first; at most `limit` of
    /// them, with the count of all. When none does, the records that match
    /// part of the query, apart; and always how the query was read.
    pub fn search(&self, query: &Query, limit: usize) -> Matches {
        self.search_within(query, &Within::default(), limit)
    }

    /// Like [`Index::search`], among the records `within` admits only.
    pub fn search_within(&self, query: &Query, within: &Within, limit: usize) -> Matches {
        let plan = Plan::new(query, within, self);
        let mut found = self.scan(&plan, None);
        let hits = self.rank(&mut found, limit);
        self.finish(&plan, hits, found.len(), limit)
    }

    /// The matches, with the partial ones and the words no record has
    /// when nothing matched in full.
    pub(crate) fn finish(
        &self,
        plan: &Plan,
        hits: Vec<Hit>,
        total: usize,
        limit: usize,
    ) -> Matches {
        let mut matches = Matches {
            hits,
            total,
            partial: Vec::new(),
            partial_total: 0,
            reading: plan.reading.clone(),
        };
        let required = plan
            .needs
            .iter()
            .filter(|n| n.role == Role::Required)
            .count();
        if total > 0 || required == 0 {
            matches.reading.missing.clear();
            return matches;
        }
        let mut partial = self.scan_partial(plan);
        // Every required part that no record (within) meets.
        let mut missing = Vec::new();
        for (need, met) in plan.needs.iter().zip(&partial.met) {
            if need.role == Role::Required && !met && !missing.contains(&need.word) {
                missing.push(need.word.clone());
            }
        }
        matches.reading.missing = missing;
        if required > 1 {
            let found = &mut partial.found;
            let limit = limit.min(found.len());
            let by = |a: &Found, b: &Found| (b.met, b.key).cmp(&(a.met, a.key));
            if limit > 0 && limit < found.len() {
                found.select_nth_unstable_by(limit - 1, by);
            }
            found[..limit].sort_unstable_by(by);
            matches.partial = self.hits(&found[..limit]);
            matches.partial_total = found.len();
        }
        matches
    }

    /// Puts the best `limit` first, in order, and returns them as hits.
    pub(crate) fn rank(&self, found: &mut [Found], limit: usize) -> Vec<Hit> {
        let limit = limit.min(found.len());
        if limit == 0 {
            return Vec::new();
        }
        let by_key = |a: &Found, b: &Found| b.key.cmp(&a.key);
        if limit < found.len() {
            found.select_nth_unstable_by(limit - 1, by_key);
        }
        let top = &mut found[..limit];
        top.sort_unstable_by(by_key);
        self.hits(top)
    }

    fn hits(&self, found: &[Found]) -> Vec<Hit> {
        found
            .iter()
            .filter_map(|f| {
                let slot = self.slots.get(f.slot as usize)?;
                Some(Hit {
                    id: slot.id,
                    score: f.score(),
                    fields: f.fields,
                })
            })
            .collect()
    }
}
