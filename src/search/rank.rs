//! Ranking: the best of a scan's matches put in order, graded exactly only
//! where they could make the page asked for; and [`Index::search`], which
//! plans, scans and ranks.

use super::found::{key, Found};
use super::hits::{Hit, Matches, Within};
use super::index::Index;
use super::plan::Plan;
use super::query::Query;
use super::scan::workers;
use super::slot::Row;

/// Below this many records to grade, each of which costs the fuzzy
/// matcher, starting threads costs more than it saves.
const GRADE_PARALLEL_FROM: usize = 512;

/// Moves the items for which `keep` holds to the front, keeping their
/// order (so that grading them reads memory in order); returns how many
/// there are.
fn move_to_front<T>(items: &mut [T], keep: impl Fn(&T) -> bool) -> usize {
    let mut front = 0;
    for i in 0..items.len() {
        if keep(&items[i]) {
            items.swap(front, i);
            front += 1;
        }
    }
    front
}

impl Index {
    /// Every record that matches, best first; at most `limit` of them, with
    /// the count of all.
    pub fn search(&self, query: &Query, limit: usize) -> Matches {
        self.search_within(query, &Within::default(), limit)
    }

    /// Like [`Index::search`], among the records `within` admits only.
    pub fn search_within(&self, query: &Query, within: &Within, limit: usize) -> Matches {
        let plan = Plan::new(query, within);
        let mut found = self.scan(&plan, None);
        let hits = self.rank(&plan, &mut found, limit);
        Matches {
            hits,
            total: found.len(),
        }
    }

    /// Puts the best `limit` first, in order, and returns them as hits.
    /// Only the records whose bounds reach the `limit`-th best lower bound
    /// are graded exactly; the rest can't make the page. (Grading them best
    /// first, by upper bound, and stopping once the rest can't make the page
    /// graded nearly as many, since bounds on scattered matches are coarse,
    /// and took longer: out of slot order, every record is a cache miss.)
    pub(crate) fn rank(&self, plan: &Plan<'_>, found: &mut [Found], limit: usize) -> Vec<Hit> {
        let limit = limit.min(found.len());
        if limit == 0 {
            return Vec::new();
        }
        let contenders = if limit < found.len() {
            found.select_nth_unstable_by(limit - 1, |a, b| b.low.cmp(&a.low));
            let floor = found[limit - 1].low;
            move_to_front(found, |f| f.high >= floor)
        } else {
            found.len()
        };
        let top = &mut found[..contenders];
        self.grade(plan, top);
        let by_key = |a: &Found, b: &Found| b.low.cmp(&a.low);
        if limit < top.len() {
            top.select_nth_unstable_by(limit - 1, by_key);
        }
        let top = &mut top[..limit];
        top.sort_unstable_by(by_key);
        top.iter()
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

    /// Works out the exact score of every record in `found` whose score is
    /// known only within bounds, on every core when there are many.
    fn grade(&self, plan: &Plan<'_>, found: &mut [Found]) {
        let ties = self.ties();
        let grade_all = |found: &mut [Found]| {
            for f in found.iter_mut().filter(|f| !f.exact()) {
                let Some(slot) = self.slots.get(f.slot as usize) else {
                    continue;
                };
                let row = Row {
                    slot,
                    arena: &self.arena,
                    letters: &self.letters,
                    at: f.slot as usize,
                };
                if let Some((score, fields)) = plan.regrade(&row, f) {
                    let tie = ties.get(f.slot as usize).copied().unwrap_or(u32::MAX);
                    f.low = key(slot.standing, score, tie);
                    f.high = f.low;
                    f.fields = fields;
                }
            }
        };
        let threads = workers();
        if found.len() < GRADE_PARALLEL_FROM || threads < 2 {
            grade_all(found);
            return;
        }
        let chunk = found.len().div_ceil(threads);
        std::thread::scope(|scope| {
            for part in found.chunks_mut(chunk) {
                scope.spawn(|| grade_all(part));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::model::Record;
    use crate::search::field::FieldSet;
    use crate::search::found::score_of;

    #[test]
    fn ranking_gives_the_best_of_every_record_graded_in_full() {
        let records: Vec<Record> = crate::generate::generate(17, 6_000).collect();
        let index = Index::build(&records);
        let ties = index.ties();
        for text in [
            "c",
            "cl",
            "cln",
            "clnic portlnd",
            "sao p",
            "clinic portla",
            "avocat paris",
            "bail !imm",
            "lang:es tor",
            "zxqv",
            // More terms than a Found tells apart.
            &["e", "cl", "a", "cln"].repeat(9).join(" "),
        ] {
            let query = Query::parse(text).expect("parses");
            let plan = Plan::new(&query, &Within::default());
            // Every match graded, the plain way.
            let mut all: Vec<(u64, Uuid, FieldSet)> = index
                .scan(&plan, None)
                .iter()
                .map(|f| {
                    let slot = &index.slots[f.slot as usize];
                    let row = Row {
                        slot,
                        arena: &index.arena,
                        letters: &index.letters,
                        at: f.slot as usize,
                    };
                    let (score, fields) = plan.evaluate(&row).expect("a match grades");
                    (
                        key(slot.standing, score, ties[f.slot as usize]),
                        slot.id,
                        fields,
                    )
                })
                .collect();
            all.sort_unstable_by_key(|&(key, _, _)| std::cmp::Reverse(key));
            for limit in [1, 7, 50, 250, usize::MAX] {
                let got: Vec<(i64, Uuid, FieldSet)> = index
                    .search(&query, limit)
                    .hits
                    .iter()
                    .map(|h| (h.score, h.id, h.fields))
                    .collect();
                let expected: Vec<(i64, Uuid, FieldSet)> = all
                    .iter()
                    .take(limit)
                    .map(|&(key, id, fields)| (score_of(key), id, fields))
                    .collect();
                assert_eq!(got, expected, "{text:?}, best {limit}");
            }
        }
    }
}
