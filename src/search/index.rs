//! The index: every record's searchable text folded once, packed for a fast
//! scan, and the scan itself.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use uuid::Uuid;
use zeroize::Zeroize;

use crate::model::{Record, Status};

use super::field::{Field, FieldSet};
use super::fold::{char_mask, fold, is_subsequence};
use super::grade::{self, EXACT, SEPARATOR};
use super::hits::{Hit, Matches, Within};
use super::letters::{self, Letters};
use super::query::{CodeSet, Query, Scope, Term};
use super::vocab::{category_index, country_index, language_index, vocab, Entry};

/// The free-text fields, in the order they are packed, heaviest first so
/// that a scan can stop as soon as no later field could do better.
pub(crate) const TEXT_FIELDS: [Field; 9] = [
    Field::Name,
    Field::Organization,
    Field::City,
    Field::Region,
    Field::Tags,
    Field::Description,
    Field::Notes,
    Field::Address,
    Field::Cost,
];

/// Where the city is among `TEXT_FIELDS`.
const CITY: usize = 2;
const _: () = assert!(matches!(TEXT_FIELDS[CITY], Field::City));

/// The folded text of a record's field, as the index holds it. Highlighting
/// folds the same text again, so the two must agree.
pub(crate) fn searchable_text(record: &Record, field: Field) -> String {
    match field {
        Field::Tags => fold(&record.tags.join(", ")),
        other => fold(&other.text(record)),
    }
}

/// Where no language or country is set.
const NONE: u16 = u16::MAX;

/// One record, as search needs it.
#[derive(Debug)]
struct Slot {
    id: Uuid,
    /// Where the record's text is in the index's arena: the folded text
    /// fields in `TEXT_FIELDS` order, each followed by `SEPARATOR`.
    start: u32,
    len: u32,
    /// Where each text field ends (its separator), from `start`.
    ends: [u32; TEXT_FIELDS.len()],
    /// `char_mask` of everything searchable, the coded names included.
    mask: u64,
    category: u8,
    country: u16,
    languages: Box<[u16]>,
    /// Days since the Julian epoch; `i32::MIN` when never verified.
    verified: i32,
    /// 2 active, 1 inactive, 0 defunct: ranks above the score.
    standing: u8,
}

impl Slot {
    /// Makes the slot, appending its text to `arena`.
    fn new(record: &Record, arena: &mut String) -> Slot {
        let v = vocab();
        let start = arena.len();
        let mut ends = [0; TEXT_FIELDS.len()];
        for (end, field) in ends.iter_mut().zip(TEXT_FIELDS) {
            arena.push_str(&searchable_text(record, field));
            *end = u32::try_from(arena.len() - start).unwrap_or(u32::MAX);
            arena.push(char::from(SEPARATOR));
        }
        let text = arena.get(start..).unwrap_or_default();
        let category = category_index(record.category);
        let country = country_index(&record.country).unwrap_or(NONE);
        let languages: Box<[u16]> = record
            .languages
            .iter()
            .filter_map(|code| language_index(code))
            .collect();
        let mut mask = char_mask(text) | entry_mask(&v.categories, category);
        mask |= entry_mask(&v.countries, usize::from(country));
        for &language in languages.iter() {
            mask |= entry_mask(&v.languages, usize::from(language));
        }
        Slot {
            id: record.id,
            start: u32::try_from(start).unwrap_or(u32::MAX),
            len: u32::try_from(text.len()).unwrap_or(u32::MAX),
            ends,
            mask,
            category: u8::try_from(category).unwrap_or(u8::MAX),
            country,
            languages,
            verified: record.verified_on.map_or(i32::MIN, |d| d.to_julian_day()),
            standing: match record.status {
                Status::Active => 2,
                Status::Inactive => 1,
                Status::Defunct => 0,
            },
        }
    }

    /// The slot's text in the arena.
    fn text<'a>(&self, arena: &'a str) -> &'a str {
        let start = self.start as usize;
        arena
            .get(start..start + self.len as usize)
            .unwrap_or_default()
    }

    /// Field `i` of `TEXT_FIELDS`, in the slot's `text`.
    fn field_text<'a>(&self, text: &'a str, i: usize) -> &'a str {
        text.get(field_range(&self.ends, i)).unwrap_or_default()
    }

    fn heap_bytes(&self) -> usize {
        self.languages.len() * 2
    }
}

fn entry_mask(entries: &[Entry], i: usize) -> u64 {
    entries.get(i).map_or(0, |e| e.mask)
}

/// Gives every index state a number no other state shares, so that a
/// [`Searcher`](super::Searcher) can tell that the results it remembers are stale.
fn next_version() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The records' searchable text, folded once when the vault is unlocked and
/// kept current with [`Index::upsert`] and [`Index::remove`]. Holds no
/// original text, only its folded form and what ranking needs; that is
/// still the directory in plain text, so it is kept out of `Debug` and
/// wiped from memory when the index goes, like the records themselves.
pub struct Index {
    slots: Vec<Slot>,
    /// All the slots' text, one after the other in slot order (but for
    /// changes since the last compaction), so that a scan reads memory in
    /// order instead of chasing 100,000 allocations.
    arena: String,
    /// Bytes of `arena` no slot uses any more.
    garbage: usize,
    by_id: HashMap<Uuid, u32>,
    /// Where each letter and digit is best found in each slot's text.
    letters: Letters,
    /// Each slot's place in the tie order (verified recently first, then
    /// by name). Sorting 100,000 names takes tens of milliseconds, so it is
    /// done at the first search after a change, not at every change.
    ties: OnceLock<Vec<u32>>,
    version: u64,
}

impl fmt::Debug for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Index")
            .field("records", &self.slots.len())
            .finish_non_exhaustive()
    }
}

impl Drop for Index {
    fn drop(&mut self) {
        self.arena.zeroize();
        self.letters.zeroize();
    }
}

impl Default for Index {
    fn default() -> Index {
        Index {
            slots: Vec::new(),
            arena: String::new(),
            garbage: 0,
            by_id: HashMap::new(),
            letters: Letters::default(),
            ties: OnceLock::new(),
            version: next_version(),
        }
    }
}

/// A record that matched, with what ranking needs. Its score may be known
/// only within bounds: grading a scattered match takes the fuzzy matcher,
/// the costliest step of a search, so it is left until the record might
/// make the page asked for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    /// From the top: standing (2 bits), score (30 bits), tie order (32
    /// bits), so that ranking is one integer sort. `low` and `high` are the
    /// same when the score is known.
    low: u64,
    high: u64,
    pub(crate) slot: u32,
    fields: FieldSet,
    /// What grading need not work out again: the points of the terms
    /// whose points the scan knew exactly, and the fields they earned them
    /// in. The other terms are in `unsure` (bit `i` for the plan's term `i`;
    /// terms from the 33rd on are always graded again).
    sure: u32,
    sure_fields: FieldSet,
    unsure: u32,
}

impl Found {
    fn exact(&self) -> bool {
        self.low == self.high
    }

    fn score(&self) -> i64 {
        score_of(self.low)
    }
}

/// The score part of a ranking key (see [`key`]).
fn score_of(key: u64) -> i64 {
    i64::try_from((key >> 32) & SCORE_BITS).unwrap_or(0)
}

/// The most a score can be: 256 characters make at most 128 terms of at
/// most 2,400 points each, far below this.
const SCORE_BITS: u64 = (1 << 30) - 1;

fn key(standing: u8, score: i64, tie: u32) -> u64 {
    let score = u64::try_from(score).unwrap_or(0).min(SCORE_BITS);
    (u64::from(standing) << 62) | (score << 32) | u64::from(u32::MAX - tie)
}

/// Below this many records, starting threads costs more than it saves.
const PARALLEL_FROM: usize = 8_192;

/// Likewise for records to grade, each of which costs the fuzzy matcher.
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

/// How many threads a scan or a grading uses.
fn workers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(4)
}

impl Index {
    pub fn build<'a>(records: impl IntoIterator<Item = &'a Record>) -> Index {
        let mut index = Index::default();
        for record in records {
            index.insert(record);
        }
        index
    }

    fn insert(&mut self, record: &Record) {
        let slot = Slot::new(record, &mut self.arena);
        let at = match self.by_id.get(&record.id) {
            Some(&at) => {
                self.garbage += self.slots[at as usize].len as usize;
                self.slots[at as usize] = slot;
                at
            }
            None => {
                let at = u32::try_from(self.slots.len()).unwrap_or(u32::MAX);
                self.by_id.insert(record.id, at);
                self.slots.push(slot);
                at
            }
        };
        let slot = &self.slots[at as usize];
        self.letters.set(at as usize, slot.text(&self.arena));
    }

    /// Rewrites the arena without the text of replaced and removed
    /// records, once that is more than half of it.
    fn compact(&mut self) {
        if self.garbage <= self.arena.len() / 2 {
            return;
        }
        let mut arena = String::with_capacity(self.arena.len() - self.garbage);
        for slot in &mut self.slots {
            let start = arena.len();
            arena.push_str(slot.text(&self.arena));
            slot.start = u32::try_from(start).unwrap_or(u32::MAX);
        }
        let mut old = std::mem::replace(&mut self.arena, arena);
        old.zeroize();
        self.garbage = 0;
    }

    /// Adds a record, or replaces the one with the same id.
    pub fn upsert(&mut self, record: &Record) {
        self.insert(record);
        self.changed();
    }

    /// Forgets a record; true if it was there.
    pub fn remove(&mut self, id: Uuid) -> bool {
        let Some(at) = self.by_id.remove(&id) else {
            return false;
        };
        let gone = self.slots.swap_remove(at as usize);
        self.letters.swap_remove(at as usize);
        self.garbage += gone.len as usize;
        if let Some(moved) = self.slots.get(at as usize) {
            self.by_id.insert(moved.id, at);
        }
        self.changed();
        true
    }

    fn changed(&mut self) {
        self.compact();
        self.ties = OnceLock::new();
        self.version = next_version();
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub fn contains(&self, id: Uuid) -> bool {
        self.by_id.contains_key(&id)
    }

    /// Changes whenever the records do.
    pub(crate) fn version(&self) -> u64 {
        self.version
    }

    /// About how many bytes the index holds, for the benchmark and for
    /// anyone wondering what unlocking costs in memory.
    pub fn memory_bytes(&self) -> usize {
        let slots = self.slots.capacity() * std::mem::size_of::<Slot>()
            + self.slots.iter().map(Slot::heap_bytes).sum::<usize>()
            + self.arena.capacity();
        let ids = self.by_id.capacity() * (std::mem::size_of::<(Uuid, u32)>() + 1);
        let ties = self.ties.get().map_or(0, |t| t.capacity() * 4);
        slots + ids + ties + self.letters.heap_bytes()
    }

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

    fn ties(&self) -> &[u32] {
        self.ties.get_or_init(|| {
            let mut order: Vec<u32> = (0..self.slots.len())
                .filter_map(|i| u32::try_from(i).ok())
                .collect();
            order.sort_unstable_by(|&a, &b| {
                let (a, b) = (&self.slots[a as usize], &self.slots[b as usize]);
                b.verified
                    .cmp(&a.verified)
                    .then_with(|| {
                        let name = |s: &Slot| s.field_text(s.text(&self.arena), 0);
                        name(a).cmp(name(b))
                    })
                    .then_with(|| a.id.cmp(&b.id))
            });
            let mut ties = vec![0; self.slots.len()];
            for (rank, &slot) in order.iter().enumerate() {
                ties[slot as usize] = u32::try_from(rank).unwrap_or(u32::MAX);
            }
            ties
        })
    }
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

/// A query made ready for one scan: each term with its grades against every
/// category, language and country name worked out once, not per record.
pub(crate) struct Plan<'q> {
    terms: Vec<TermPlan<'q>>,
    /// Whether the query's last term is the plan's last too (coded filters
    /// come first, so it is unless it is one): then the bounds of the
    /// other terms can be kept apart and reused while it is typed on.
    split: bool,
    /// From [`Within`]: the category's index, and the city folded.
    category: Option<u8>,
    city: Option<String>,
}

struct TermPlan<'q> {
    term: &'q Term,
    /// For `Scope::Everywhere`: weighted points against each entry of the
    /// vocabulary, 0 where it doesn't match.
    categories: Vec<i64>,
    languages: Vec<i64>,
    countries: Vec<i64>,
    /// Whether any language matches at all: most terms match none, and
    /// then a record's languages need not be looked at.
    any_language: bool,
    /// For a one-character term looked for everywhere: its column in the
    /// index's [`Letters`].
    letter: Option<usize>,
}

/// One record as a scan sees it.
struct Row<'a> {
    slot: &'a Slot,
    arena: &'a str,
    letters: &'a Letters,
    /// The slot's number.
    at: usize,
}

impl<'a> Row<'a> {
    /// The record's text. Only taken when it is read: a one-letter term
    /// never reads it, and merely slicing it reads the arena at both ends
    /// of the text (to check they are character boundaries), which at one
    /// cache miss per record was most of the cost of such a search.
    fn text(&self) -> &'a str {
        self.slot.text(self.arena)
    }

    /// The record's text as bytes, for the scan: unlike [`Row::text`],
    /// taking it reads nothing.
    fn bytes(&self) -> &'a [u8] {
        let start = self.slot.start as usize;
        self.arena
            .as_bytes()
            .get(start..start + self.slot.len as usize)
            .unwrap_or_default()
    }

    /// Field `i` of `TEXT_FIELDS`, as bytes.
    fn field_bytes(&self, i: usize) -> &'a [u8] {
        self.bytes()
            .get(field_range(&self.slot.ends, i))
            .unwrap_or_default()
    }
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

    /// Whether the record is within what the search is confined to.
    fn admits(&self, row: &Row<'_>) -> bool {
        self.category.is_none_or(|c| c == row.slot.category)
            && self
                .city
                .as_deref()
                .is_none_or(|city| row.field_bytes(CITY) == city.as_bytes())
    }

    /// Whether the plan's last term is the query's last, so that a scan can
    /// keep the other terms' bounds apart (see [`Start::Known`]).
    pub(crate) fn split(&self) -> bool {
        self.split
    }

    /// Bounds on the record's score, or `None` if it doesn't match. Cheap:
    /// the fuzzy matcher isn't run.
    fn bounds(&self, row: &Row<'_>) -> Option<Bounds> {
        if !self.admits(row) {
            return None;
        }
        let mut bounds = Bounds::default();
        (0..self.terms.len())
            .all(|i| self.add_term(i, row, &mut bounds))
            .then_some(bounds)
    }

    /// Like [`Plan::bounds`], with the bounds of every term but the last
    /// when the plan splits (else nothing).
    fn bounds_and_base(&self, row: &Row<'_>) -> Option<(Bounds, Bounds)> {
        if !self.admits(row) {
            return None;
        }
        let last = if self.split {
            self.terms.len() - 1
        } else {
            self.terms.len()
        };
        let mut bounds = Bounds::default();
        if !(0..last).all(|i| self.add_term(i, row, &mut bounds)) {
            return None;
        }
        let base = if self.split {
            bounds
        } else {
            Bounds::default()
        };
        (last..self.terms.len())
            .all(|i| self.add_term(i, row, &mut bounds))
            .then_some((bounds, base))
    }

    /// The record's bounds, given those of every term but the last, for a
    /// record already known to be within what the search is confined to.
    fn bounds_after(&self, row: &Row<'_>, base: &Bounds) -> Option<Bounds> {
        let last = self.terms.len().checked_sub(1)?;
        let mut bounds = *base;
        self.add_term(last, row, &mut bounds).then_some(bounds)
    }

    /// Adds what term `i` says of the record to `bounds`; false if the
    /// record fails the term.
    fn add_term(&self, i: usize, row: &Row<'_>, bounds: &mut Bounds) -> bool {
        let Some(plan) = self.terms.get(i) else {
            return false;
        };
        match (plan.range(row), plan.term.negated()) {
            (Some(_), true) | (None, false) => false,
            (None, true) => true,
            (Some((low, high, field)), false) => {
                bounds.low += low;
                bounds.high += high;
                bounds.fields.insert(field);
                if i < SURE_TERMS {
                    if low == high {
                        bounds.sure += low;
                        bounds.sure_fields.insert(field);
                    } else {
                        bounds.unsure |= 1 << i;
                    }
                }
                true
            }
        }
    }

    /// The score of a record the scan found, and where it matched: what
    /// [`Plan::evaluate`] gives, working out again only the terms whose
    /// points the scan did not know exactly.
    fn regrade(&self, row: &Row<'_>, found: &Found) -> Option<(i64, FieldSet)> {
        let mut score = i64::from(found.sure);
        let mut fields = found.sure_fields;
        for (i, plan) in self.terms.iter().enumerate() {
            // An excluded term was settled by the scan.
            let sure = i < SURE_TERMS && found.unsure & (1 << i) == 0;
            if plan.term.negated() || sure {
                continue;
            }
            let (points, field) = plan.best(row)?;
            score += points;
            fields.insert(field);
        }
        Some((score, fields))
    }

    /// The record's score and where it matched, or `None` if it doesn't,
    /// every term worked out: what ranking must agree with.
    #[cfg(test)]
    fn evaluate(&self, row: &Row<'_>) -> Option<(i64, FieldSet)> {
        let mut score = 0;
        let mut fields = FieldSet::default();
        for plan in &self.terms {
            let hit = plan.best(row);
            match (hit, plan.term.negated()) {
                (Some(_), true) | (None, false) => return None,
                (None, true) => {}
                (Some((points, field)), false) => {
                    score += points;
                    fields.insert(field);
                }
            }
        }
        Some((score, fields))
    }
}

/// Where field `i` of `TEXT_FIELDS` is in a slot's text, given where each
/// field ends; empty past the last field.
fn field_range(ends: &[u32; TEXT_FIELDS.len()], i: usize) -> std::ops::Range<usize> {
    let start = match i.checked_sub(1) {
        Some(before) => ends.get(before).map_or(0, |&e| e as usize + 1),
        None => 0,
    };
    let end = ends.get(i).map_or(start, |&e| e as usize);
    start..end.max(start)
}

/// The first of the first `limit` fields (indexes into `TEXT_FIELDS`) of
/// `text` in which the letters of `needle` occur in order, found in one
/// pass: a letter found in a later field than the one being tried starts
/// the match again there.
fn first_scattered(
    needle: &str,
    text: &[u8],
    ends: &[u32; TEXT_FIELDS.len()],
    limit: usize,
) -> Option<usize> {
    let limit = limit.min(ends.len());
    if !needle.is_ascii() {
        // Fields end at an ASCII separator, so each is whole UTF-8.
        return (0..limit).find(|&i| {
            text.get(field_range(ends, i))
                .and_then(|field| std::str::from_utf8(field).ok())
                .is_some_and(|field| is_subsequence(needle, field))
        });
    }
    let end = ends[limit.checked_sub(1)?] as usize;
    let (needle, hay) = (needle.as_bytes(), text.get(..end)?);
    let mut field = 0;
    let mut at = 0;
    let mut matched = 0;
    while matched < needle.len() {
        let found = at + memchr::memchr(needle[matched], hay.get(at..)?)?;
        if found >= ends[field] as usize {
            // Past this field: try again from the start of the one it is in.
            while field < limit && ends[field] as usize <= found {
                field += 1;
            }
            if field == limit {
                return None;
            }
            at = field_range(ends, field).start;
            matched = 0;
            continue;
        }
        matched += 1;
        at = found + 1;
    }
    Some(field)
}

/// The best points a scattered match can earn in a field of `weight`.
const fn scattered_ceiling(weight: i64) -> i64 {
    (grade::SCATTERED + grade::SCATTERED_RANGE - 1) * weight
}

/// How many of `TEXT_FIELDS` (they come heaviest first) a scattered match
/// is worth looking for in, once the term is known to earn `exact` points
/// whole: all of them while it matches nowhere, since then a scattered
/// match anywhere decides whether the record matches at all; otherwise
/// only those where a scattered match could earn more than `exact`.
fn scattered_limit(exact: i64) -> usize {
    if exact == 0 {
        return TEXT_FIELDS.len();
    }
    TEXT_FIELDS
        .iter()
        .take_while(|f| scattered_ceiling(f.weight()) > exact)
        .count()
}

/// What [`Plan::bounds`] knows of a record's score.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Bounds {
    low: i64,
    high: i64,
    fields: FieldSet,
    /// As in [`Found`].
    sure: i64,
    sure_fields: FieldSet,
    unsure: u32,
}

impl Bounds {
    /// The bounds a record was found with.
    pub(crate) fn of(found: &Found) -> Bounds {
        Bounds {
            low: score_of(found.low),
            high: score_of(found.high),
            fields: found.fields,
            sure: i64::from(found.sure),
            sure_fields: found.sure_fields,
            unsure: found.unsure,
        }
    }
}

/// How many terms a [`Found`] can tell apart as sure or not.
const SURE_TERMS: usize = 32;

impl TermPlan<'_> {
    /// Bounds on the term's best points in the record, and the field
    /// that earns them (or, while the bounds are apart, the field that may).
    /// Whole occurrences are graded exactly; a scattered one is only known
    /// to lie between the lowest and highest scattered grade of its field.
    fn range(&self, row: &Row<'_>) -> Option<Range> {
        let slot = row.slot;
        let term = self.term;
        let only = match term.scope() {
            Scope::Codes(set) => {
                return self.codes(set, slot).map(|(p, f)| (p, p, f));
            }
            Scope::Field(field) => Some(*field),
            Scope::Everywhere => None,
        };
        if let Some(column) = self.letter {
            // One character: found whole wherever it is found at all.
            return self
                .letter(slot, row.letters.get(column, row.at))
                .map(|(p, f)| (p, p, f));
        }
        if term.mask & !slot.mask != 0 {
            return None;
        }
        let bytes = row.bytes();
        let best = pick(&self.whole(slot, bytes, only));
        let exact = best.map_or(0, |(b, _)| b);
        if !term.phrase() {
            let limit = scattered_limit(exact);
            let found = match only {
                Some(o) => TEXT_FIELDS
                    .iter()
                    .take(limit)
                    .position(|&f| f == o)
                    .filter(|&i| is_subsequence(term.text(), slot.field_text(row.text(), i))),
                None => first_scattered(term.text(), bytes, &slot.ends, limit),
            };
            if let Some(i) = found {
                let f = TEXT_FIELDS[i];
                let high = scattered_ceiling(f.weight());
                // Fields further on weigh no more, so can't do better.
                if high > exact {
                    let low = (grade::SCATTERED * f.weight()).max(exact);
                    return Some((low, high, f));
                }
            }
        }
        best.map(|(b, f)| (b, b, f))
    }

    /// A coded filter: whether the record has one of the codes.
    fn codes(&self, set: &CodeSet, slot: &Slot) -> Option<(i64, Field)> {
        let (hit, field) = match set.field() {
            Field::Category => (set.contains(usize::from(slot.category)), Field::Category),
            Field::Languages => (
                slot.languages.iter().any(|&l| set.contains(usize::from(l))),
                Field::Languages,
            ),
            _ => (set.contains(usize::from(slot.country)), Field::Country),
        };
        hit.then_some((EXACT * field.weight(), field))
    }

    /// Weighted points per field (`Field as usize`) for the names of the
    /// record's category, languages and country; 0 elsewhere.
    fn coded(&self, slot: &Slot) -> Points {
        let mut points = [0i64; Field::ALL.len()];
        let at = |table: &[i64], i: u16| table.get(usize::from(i)).copied().unwrap_or(0);
        note(
            &mut points,
            Field::Category,
            at(&self.categories, u16::from(slot.category)),
        );
        note(
            &mut points,
            Field::Country,
            at(&self.countries, slot.country),
        );
        if self.any_language {
            for &l in slot.languages.iter() {
                note(&mut points, Field::Languages, at(&self.languages, l));
            }
        }
        points
    }

    /// The best points of a one-character term, from the record's code for
    /// it in [`Letters`] and the names of its codes.
    fn letter(&self, slot: &Slot, code: u8) -> Option<(i64, Field)> {
        let mut points = self.coded(slot);
        if let Some((p, field)) = letters::decode(code) {
            note(&mut points, field, p);
        }
        pick(&points)
    }

    /// Weighted points per field (`Field as usize`) for the names of the
    /// record's codes and for whole occurrences in its text; 0 elsewhere.
    fn whole(&self, slot: &Slot, bytes: &[u8], only: Option<Field>) -> Points {
        let term = self.term;
        let mut points = match only {
            None => self.coded(slot),
            Some(_) => [0; Field::ALL.len()],
        };
        let mut ceiling = points.iter().copied().max().unwrap_or(0);
        let len = term.text().len();
        let mut field = 0;
        for at in term.finder.find_iter(bytes) {
            while field < TEXT_FIELDS.len() && slot.ends[field] as usize <= at {
                field += 1;
            }
            let Some(&f) = TEXT_FIELDS.get(field) else {
                break;
            };
            // Fields come heaviest first: once none left could do better,
            // the long descriptions at the end need not be looked at.
            if EXACT * f.weight() <= ceiling {
                break;
            }
            if only.is_none_or(|o| o == f) {
                let p = grade::contiguous(bytes, at, len) * f.weight();
                note(&mut points, f, p);
                ceiling = ceiling.max(p);
            }
        }
        points
    }

    /// The term's best points in the record and the field that earned them.
    fn best(&self, row: &Row<'_>) -> Option<(i64, Field)> {
        let slot = row.slot;
        let term = self.term;
        let only = match term.scope() {
            Scope::Codes(set) => return self.codes(set, slot),
            Scope::Field(field) => Some(*field),
            Scope::Everywhere => None,
        };
        if let Some(column) = self.letter {
            return self.letter(slot, row.letters.get(column, row.at));
        }
        if term.mask & !slot.mask != 0 {
            return None;
        }
        let mut points = self.whole(slot, row.bytes(), only);
        // Scattered, only where it could still beat what was found whole.
        if !term.phrase() {
            let mut ceiling = points.iter().copied().max().unwrap_or(0);
            for (i, f) in TEXT_FIELDS.into_iter().enumerate() {
                let could = scattered_ceiling(f.weight());
                if could <= ceiling {
                    break;
                }
                if only.is_some_and(|o| o != f) || points[f as usize] > 0 {
                    continue;
                }
                if let Some(g) = grade::scattered(term, slot.field_text(row.text(), i)) {
                    points[f as usize] = g * f.weight();
                    ceiling = ceiling.max(g * f.weight());
                }
            }
        }
        pick(&points)
    }
}

/// A term's lowest and highest points in a record, and the field.
type Range = (i64, i64, Field);

/// Points per field, indexed by `Field as usize`.
type Points = [i64; Field::ALL.len()];

/// Keeps the better of what a field has and `p`.
fn note(points: &mut Points, field: Field, p: i64) {
    let cell = &mut points[field as usize];
    *cell = (*cell).max(p);
}

/// The most points, and the field that has them: the first in
/// `Field::ALL` order among equals. `None` when every field has 0.
fn pick(points: &Points) -> Option<(i64, Field)> {
    let mut best: Option<(i64, Field)> = None;
    for f in Field::ALL {
        let p = points[f as usize];
        if p > best.map_or(0, |(b, _)| b) {
            best = Some((p, f));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::model::RecordInput;

    /// What every one-letter term earns in every record, with the plan's
    /// table of letters or without it.
    fn every_letter(index: &Index, table: bool) -> Vec<(char, Option<Range>)> {
        let mut seen = Vec::new();
        for c in ('a'..='z').chain('0'..='9') {
            let query = Query::parse(&c.to_string()).expect("a letter parses");
            let mut plan = Plan::new(&query, &Within::default());
            assert!(plan.terms[0].letter.is_some(), "{c} has a column");
            if !table {
                plan.terms[0].letter = None;
            }
            for (at, slot) in index.slots.iter().enumerate() {
                let row = Row {
                    slot,
                    arena: &index.arena,
                    letters: &index.letters,
                    at,
                };
                let range = plan.terms[0].range(&row);
                let best = plan.terms[0].best(&row);
                assert_eq!(range.map(|(low, _, f)| (low, f)), best, "{c} in slot {at}");
                seen.push((c, range));
            }
        }
        seen
    }

    #[test]
    fn one_letter_terms_earn_from_the_table_what_they_earn_from_the_text() {
        let mut records: Vec<Record> = crate::generate::generate(11, 1_500).collect();
        // One-letter words, digits, a letter beside other scripts, a letter
        // only in a light field, and a record with no text to speak of.
        for (name, description) in [
            ("A B Okafor", "x"),
            ("Клиника b", "жa aж 9 a9"),
            ("Zed", "only q here"),
            ("Ø", ""),
        ] {
            let input = RecordInput {
                name: Some(name.into()),
                category: Some("other".into()),
                description: Some(description.into()),
                ..RecordInput::default()
            };
            records.push(
                input
                    .validate(datetime!(2026-11-30 12:00 UTC))
                    .expect("test record is valid"),
            );
        }
        let mut index = Index::build(&records);
        // Replaced and removed records keep the table in step with the slots.
        index.upsert(&records[3]);
        assert!(index.remove(records[0].id));
        let from_table = every_letter(&index, true);
        let from_text = every_letter(&index, false);
        assert_eq!(from_table, from_text);
        // Every grade occurs, so the comparison covers them all.
        for grade in [grade::EXACT, grade::PREFIX, grade::INFIX] {
            assert!(
                from_table
                    .iter()
                    .any(|(_, r)| r.is_some_and(|(p, _, f)| p == grade * f.weight())),
                "grade {grade} occurs"
            );
        }
        assert!(from_table.iter().any(|(_, r)| r.is_none()));
    }

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
