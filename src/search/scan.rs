//! Scanning: a plan run over every record, or over the matches of an
//! earlier query, on several threads when there are many.

use super::found::{key, Bounds, Found};
use super::index::Index;
use super::plan::Plan;
use super::slot::Row;

/// Below this many records, starting threads costs more than it saves.
const PARALLEL_FROM: usize = 8_192;

/// How many threads a scan or a grading uses.
pub(crate) fn workers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(4)
}

/// What a scan knows of each candidate before it starts.
#[derive(Clone, Copy)]
pub(crate) enum Start<'s> {
    /// Nothing: every term is worked out.
    Fresh,
    /// For each candidate (in the same order), the bounds of every term of
    /// the plan but its last, which [`Plan::split`] allows: only the last
    /// is worked out.
    Known(&'s [Bounds]),
}

/// What a scan found.
pub(crate) struct Scan {
    pub(crate) found: Vec<Found>,
    /// When asked for, and the plan has a last term to split off: for each
    /// of `found`, the bounds of every term but the last. A scan for the
    /// same query with the last term typed on starts from these.
    pub(crate) bases: Vec<Bounds>,
}

impl Index {
    /// The records among `candidates` (slots) that match the plan's query;
    /// all of them when `candidates` is `None`.
    pub(crate) fn scan(&self, plan: &Plan<'_>, candidates: Option<&[u32]>) -> Vec<Found> {
        self.scan_from(plan, candidates, Start::Fresh, false).found
    }

    /// Like [`Index::scan`], for a typing session: starting, if it can,
    /// from what an earlier scan knew of each candidate, and giving back
    /// what a later one can start from (see [`Scan`]).
    pub(crate) fn scan_from(
        &self,
        plan: &Plan<'_>,
        candidates: Option<&[u32]>,
        start: Start<'_>,
        keep_bases: bool,
    ) -> Scan {
        let ties = self.ties();
        let count = candidates.map_or(self.slots.len(), <[u32]>::len);
        let threads = workers();
        let part = |range| self.scan_range(plan, ties, candidates, start, keep_bases, range);
        if count < PARALLEL_FROM || threads < 2 {
            return part(0..count);
        }
        let chunk = count.div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|t| {
                    let range = t * chunk..((t + 1) * chunk).min(count);
                    scope.spawn(move || part(range))
                })
                .collect();
            let mut all = Scan {
                found: Vec::with_capacity(count),
                bases: Vec::new(),
            };
            for worker in workers {
                match worker.join() {
                    Ok(scan) => {
                        all.found.extend(scan.found);
                        all.bases.extend(scan.bases);
                    }
                    // A worker can only panic on a bug; say so where it happened.
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            all
        })
    }

    fn scan_range(
        &self,
        plan: &Plan<'_>,
        ties: &[u32],
        candidates: Option<&[u32]>,
        start: Start<'_>,
        keep_bases: bool,
        range: std::ops::Range<usize>,
    ) -> Scan {
        let mut scan = Scan {
            found: Vec::with_capacity(range.len()),
            bases: Vec::new(),
        };
        for i in range {
            let at = match candidates {
                Some(c) => c[i],
                None => u32::try_from(i).unwrap_or(u32::MAX),
            };
            let Some(slot) = self.slots.get(at as usize) else {
                continue;
            };
            let row = Row {
                slot,
                arena: &self.arena,
                letters: &self.letters,
                at: at as usize,
            };
            let found = match start {
                Start::Fresh if keep_bases => plan.bounds_and_base(&row),
                Start::Fresh => plan.bounds(&row).map(|b| (b, Bounds::default())),
                Start::Known(bases) => {
                    let base = bases.get(i).copied().unwrap_or_default();
                    plan.bounds_after(&row, &base).map(|b| (b, base))
                }
            };
            if let Some((bounds, base)) = found {
                let tie = ties.get(at as usize).copied().unwrap_or(u32::MAX);
                scan.found.push(Found {
                    low: key(slot.standing, bounds.low, tie),
                    high: key(slot.standing, bounds.high, tie),
                    slot: at,
                    fields: bounds.fields,
                    sure: u32::try_from(bounds.sure).unwrap_or(0),
                    sure_fields: bounds.sure_fields,
                    unsure: bounds.unsure,
                });
                if keep_bases {
                    scan.bases.push(base);
                }
            }
        }
        scan
    }
}
