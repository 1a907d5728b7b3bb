//! Scanning: a plan run over every record, or over the matches of an
//! earlier query, on several threads when there are many.

use super::found::{key, Found};
use super::index::Index;
use super::plan::Plan;
use super::slot::Row;

/// Below this many records, starting threads costs more than it saves.
const PARALLEL_FROM: usize = 8_192;

/// How many threads a scan uses: asked of the system once per process,
/// which reads cgroup files on Linux and costs more than a small scan.
pub(crate) fn workers() -> usize {
    static WORKERS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *WORKERS.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(4)
    })
}

/// What a partial scan found: the records, and which required needs at
/// least one record met.
pub(crate) struct Partial {
    pub(crate) found: Vec<Found>,
    pub(crate) met: Vec<bool>,
}

impl Index {
    /// The records among `candidates` (slots, ascending) that match the
    /// plan in full; among all when `candidates` is `None`.
    pub(crate) fn scan(&self, plan: &Plan, candidates: Option<&[u32]>) -> Vec<Found> {
        if plan.impossible {
            return Vec::new();
        }
        self.in_parts(candidates, |range| {
            let ties = self.ties();
            let mut found = Vec::new();
            self.each_row(candidates, range, |at, row| {
                if let Some((score, fields)) = plan.evaluate(row) {
                    let tie = ties.get(at).copied().unwrap_or(u32::MAX);
                    found.push(Found {
                        key: key(row.slot.standing, score, tie),
                        slot: u32::try_from(at).unwrap_or(u32::MAX),
                        fields,
                        met: 0,
                    });
                }
            });
            Partial {
                found,
                met: Vec::new(),
            }
        })
        .found
    }

    /// Every record that meets some required part of the plan and no
    /// excluded one, with how many parts it meets.
    pub(crate) fn scan_partial(&self, plan: &Plan) -> Partial {
        self.in_parts(None, |range| {
            let ties = self.ties();
            let mut met = vec![false; plan.needs.len()];
            let mut found = Vec::new();
            self.each_row(None, range, |at, row| {
                if let Some((count, score, fields)) = plan.evaluate_part(row, &mut met) {
                    let tie = ties.get(at).copied().unwrap_or(u32::MAX);
                    found.push(Found {
                        key: key(row.slot.standing, score, tie),
                        slot: u32::try_from(at).unwrap_or(u32::MAX),
                        fields,
                        met: count,
                    });
                }
            });
            Partial { found, met }
        })
    }

    fn each_row(
        &self,
        candidates: Option<&[u32]>,
        range: std::ops::Range<usize>,
        mut visit: impl FnMut(usize, &Row<'_>),
    ) {
        for i in range {
            let at = match candidates {
                Some(c) => c[i] as usize,
                None => i,
            };
            let Some(slot) = self.slots.get(at) else {
                continue;
            };
            let row = Row {
                slot,
                arena: &self.arena,
            };
            visit(at, &row);
        }
    }

    /// Runs `part` over the candidates in pieces, one per thread when there
    /// are many, and puts the pieces together in order.
    fn in_parts(
        &self,
        candidates: Option<&[u32]>,
        part: impl Fn(std::ops::Range<usize>) -> Partial + Sync,
    ) -> Partial {
        let count = candidates.map_or(self.slots.len(), <[u32]>::len);
        let threads = workers();
        // The tie order is worked out once, before the threads need it.
        let _ = self.ties();
        if count < PARALLEL_FROM || threads < 2 {
            return part(0..count);
        }
        let chunk = count.div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|t| {
                    let range = t * chunk..((t + 1) * chunk).min(count);
                    let part = &part;
                    scope.spawn(move || part(range))
                })
                .collect();
            let mut all = Partial {
                found: Vec::new(),
                met: Vec::new(),
            };
            for worker in workers {
                match worker.join() {
                    Ok(piece) => {
                        all.found.extend(piece.found);
                        if all.met.is_empty() {
                            all.met = piece.met;
                        } else {
                            for (a, b) in all.met.iter_mut().zip(piece.met) {
                                *a |= b;
                            }
                        }
                    }
                    // A worker can only panic on a bug; say so where it happened.
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            all
        })
    }
}
