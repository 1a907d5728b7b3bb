//! The index: every record's searchable text folded once, packed for a fast
//! scan, and the scan itself.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use fuzzy_matcher::skim::SkimMatcherV2;
use uuid::Uuid;

use crate::model::Record;

use super::fold::{char_mask, fold};
use super::grade::{self, BEST, EXACT, SEPARATOR};
use super::query::{Query, Scope, Term};
use super::vocab::{category_index, country_index, language_index, vocab, Entry};
use super::{Field, FieldSet, Hit, Matches};

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
    /// The folded text fields in `TEXT_FIELDS` order, each followed by
    /// `SEPARATOR`.
    text: Box<str>,
    /// Where each text field ends (its separator) in `text`.
    ends: [u32; TEXT_FIELDS.len()],
    /// `char_mask` of everything searchable, the coded names included.
    mask: u64,
    category: u8,
    country: u16,
    languages: Box<[u16]>,
    /// Days since the Julian epoch; `i32::MIN` when never verified.
    verified: i32,
}

impl Drop for Slot {
    /// The folded text is record data: cleared from memory with the slot,
    /// as records are (locking drops the index).
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.text);
    }
}

impl Slot {
    fn new(record: &Record) -> Slot {
        let v = vocab();
        let mut text = String::new();
        let mut ends = [0; TEXT_FIELDS.len()];
        for (end, field) in ends.iter_mut().zip(TEXT_FIELDS) {
            text.push_str(&searchable_text(record, field));
            *end = u32::try_from(text.len()).unwrap_or(u32::MAX);
            text.push(char::from(SEPARATOR));
        }
        let category = category_index(record.category);
        let country = country_index(&record.country).unwrap_or(NONE);
        let languages: Box<[u16]> = record
            .languages
            .iter()
            .filter_map(|code| language_index(code))
            .collect();
        let mut mask = char_mask(&text) | entry_mask(&v.categories, category);
        mask |= entry_mask(&v.countries, usize::from(country));
        for &language in languages.iter() {
            mask |= entry_mask(&v.languages, usize::from(language));
        }
        Slot {
            id: record.id,
            text: text.into_boxed_str(),
            ends,
            mask,
            category: u8::try_from(category).unwrap_or(u8::MAX),
            country,
            languages,
            verified: record.verified_on.map_or(i32::MIN, |d| d.to_julian_day()),
        }
    }

    fn field_text(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.ends[i - 1] as usize + 1
        };
        self.text
            .get(start..self.ends[i] as usize)
            .unwrap_or_default()
    }

    /// The folded name, for breaking ties.
    fn name(&self) -> &str {
        self.field_text(0)
    }

    fn heap_bytes(&self) -> usize {
        self.text.len() + self.languages.len() * 2
    }
}

fn entry_mask(entries: &[Entry], i: usize) -> u64 {
    entries.get(i).map_or(0, |e| e.mask)
}

/// Gives every index state a number no other state shares, so that a
/// [`super::Searcher`] can tell that the results it remembers are stale.
fn next_version() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The records' searchable text, folded once when the vault is unlocked and
/// kept current with [`Index::upsert`] and [`Index::remove`]. Holds no
/// original text, only its folded form and what ranking needs.
#[derive(Debug)]
pub struct Index {
    slots: Vec<Slot>,
    by_id: HashMap<Uuid, u32>,
    /// Each slot's place in the tie order (verified recently first, then
    /// by name). Sorting 100,000 names takes tens of milliseconds, so it is
    /// done at the first search after a change, not at every change.
    ties: OnceLock<Vec<u32>>,
    version: u64,
}

impl Default for Index {
    fn default() -> Index {
        Index {
            slots: Vec::new(),
            by_id: HashMap::new(),
            ties: OnceLock::new(),
            version: next_version(),
        }
    }
}

/// A record that matched, with what ranking needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    /// Score in the high half, tie order in the low half: one integer sort.
    key: u64,
    pub(crate) slot: u32,
    fields: FieldSet,
}

/// Below this many records, starting threads costs more than it saves.
const PARALLEL_FROM: usize = 8_192;

impl Index {
    pub fn build<'a>(records: impl IntoIterator<Item = &'a Record>) -> Index {
        let mut index = Index::default();
        for record in records {
            index.insert(record);
        }
        index
    }

    fn insert(&mut self, record: &Record) {
        match self.by_id.get(&record.id) {
            Some(&at) => self.slots[at as usize] = Slot::new(record),
            None => {
                let at = u32::try_from(self.slots.len()).unwrap_or(u32::MAX);
                self.by_id.insert(record.id, at);
                self.slots.push(Slot::new(record));
            }
        }
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
        self.slots.swap_remove(at as usize);
        if let Some(moved) = self.slots.get(at as usize) {
            self.by_id.insert(moved.id, at);
        }
        self.changed();
        true
    }

    fn changed(&mut self) {
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
            + self.slots.iter().map(Slot::heap_bytes).sum::<usize>();
        let ids = self.by_id.capacity() * (std::mem::size_of::<(Uuid, u32)>() + 1);
        let ties = self.ties.get().map_or(0, |t| t.capacity() * 4);
        slots + ids + ties
    }

    /// Every record that matches, best first; at most `limit` of them, with
    /// the count of all.
    pub fn search(&self, query: &Query, limit: usize) -> Matches {
        let mut found = self.scan(query, None);
        let hits = self.rank(&mut found, limit);
        Matches {
            hits,
            total: found.len(),
        }
    }

    /// The records among `candidates` (slots) that match `query`; all of
    /// them when `candidates` is `None`.
    pub(crate) fn scan(&self, query: &Query, candidates: Option<&[u32]>) -> Vec<Found> {
        let ties = self.ties();
        let plan = Plan::new(query);
        let count = candidates.map_or(self.slots.len(), <[u32]>::len);
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(4);
        if count < PARALLEL_FROM || threads < 2 {
            return self.scan_range(&plan, ties, candidates, 0..count);
        }
        let chunk = count.div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|t| {
                    let range = t * chunk..((t + 1) * chunk).min(count);
                    let plan = &plan;
                    scope.spawn(move || self.scan_range(plan, ties, candidates, range))
                })
                .collect();
            let mut all = Vec::new();
            for worker in workers {
                match worker.join() {
                    Ok(part) => all.extend(part),
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
        range: std::ops::Range<usize>,
    ) -> Vec<Found> {
        let mut found = Vec::new();
        for i in range {
            let at = match candidates {
                Some(c) => c[i],
                None => u32::try_from(i).unwrap_or(u32::MAX),
            };
            let Some(slot) = self.slots.get(at as usize) else {
                continue;
            };
            if let Some((score, fields)) = plan.evaluate(slot) {
                let tie = ties.get(at as usize).copied().unwrap_or(u32::MAX);
                let score = u32::try_from(score).unwrap_or(u32::MAX);
                found.push(Found {
                    key: (u64::from(score) << 32) | u64::from(u32::MAX - tie),
                    slot: at,
                    fields,
                });
            }
        }
        found
    }

    /// Puts the best `limit` first, in order, and returns them as hits.
    pub(crate) fn rank(&self, found: &mut [Found], limit: usize) -> Vec<Hit> {
        let best_first = |a: &Found, b: &Found| b.key.cmp(&a.key);
        let top = if limit < found.len() {
            if limit > 0 {
                found.select_nth_unstable_by(limit - 1, best_first);
            }
            &mut found[..limit]
        } else {
            &mut found[..]
        };
        top.sort_unstable_by(best_first);
        top.iter()
            .filter_map(|f| {
                let slot = self.slots.get(f.slot as usize)?;
                Some(Hit {
                    id: slot.id,
                    score: i64::from((f.key >> 32) as u32),
                    fields: f.fields,
                })
            })
            .collect()
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
                    .then_with(|| a.name().cmp(b.name()))
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

/// A query made ready for one scan: each term with its grades against every
/// category, language and country name worked out once, not per record.
struct Plan<'q> {
    terms: Vec<TermPlan<'q>>,
    matcher: SkimMatcherV2,
}

struct TermPlan<'q> {
    term: &'q Term,
    /// For `Scope::Everywhere`: weighted points against each entry of the
    /// vocabulary, 0 where it doesn't match.
    categories: Vec<i64>,
    languages: Vec<i64>,
    countries: Vec<i64>,
}

impl<'q> Plan<'q> {
    fn new(query: &'q Query) -> Plan<'q> {
        let matcher = grade::matcher();
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
                                .filter_map(|k| grade::best(&matcher, term, k))
                                .max()
                                .map_or(0, |g| g * field.weight())
                        })
                        .collect()
                };
                TermPlan {
                    term,
                    categories: table(&v.categories, Field::Category),
                    languages: table(&v.languages, Field::Languages),
                    countries: table(&v.countries, Field::Country),
                }
            })
            .collect();
        // Cheap, selective conditions first: coded filters, then the rest.
        terms.sort_by_key(|t| !matches!(t.term.scope(), Scope::Codes(_)));
        Plan { terms, matcher }
    }

    /// The record's score and where it matched, or `None` if it doesn't.
    fn evaluate(&self, slot: &Slot) -> Option<(i64, FieldSet)> {
        let mut score = 0;
        let mut fields = FieldSet::default();
        for plan in &self.terms {
            let hit = plan.best(slot, &self.matcher);
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

impl TermPlan<'_> {
    /// The term's best points in the record and the field that earned them.
    fn best(&self, slot: &Slot, matcher: &SkimMatcherV2) -> Option<(i64, Field)> {
        let term = self.term;
        let only = match term.scope() {
            Scope::Codes(set) => {
                let (hit, field) = match set.field() {
                    Field::Category => (set.contains(usize::from(slot.category)), Field::Category),
                    Field::Languages => (
                        slot.languages.iter().any(|&l| set.contains(usize::from(l))),
                        Field::Languages,
                    ),
                    _ => (set.contains(usize::from(slot.country)), Field::Country),
                };
                return hit.then_some((EXACT * field.weight(), field));
            }
            Scope::Field(field) => Some(*field),
            Scope::Everywhere => None,
        };
        if term.mask & !slot.mask != 0 {
            return None;
        }
        let mut best: Option<(i64, Field)> = None;
        let consider = |best: &mut Option<(i64, Field)>, points: i64, field: Field| {
            if best.is_none_or(|(b, _)| points > b) {
                *best = Some((points, field));
            }
        };
        if only.is_none() {
            let at = |table: &[i64], i: u16| table.get(usize::from(i)).copied().unwrap_or(0);
            let p = at(&self.categories, u16::from(slot.category));
            if p > 0 {
                consider(&mut best, p, Field::Category);
            }
            let p = at(&self.countries, slot.country);
            if p > 0 {
                consider(&mut best, p, Field::Country);
            }
            let p = slot
                .languages
                .iter()
                .map(|&l| at(&self.languages, l))
                .max()
                .unwrap_or(0);
            if p > 0 {
                consider(&mut best, p, Field::Languages);
            }
        }
        let ceiling = |best: Option<(i64, Field)>| best.map_or(0, |(b, _)| b);
        // Whole occurrences: one pass over all the text.
        if ceiling(best) < BEST {
            let bytes = slot.text.as_bytes();
            let len = term.text().len();
            let mut field = 0;
            for at in term.finder.find_iter(bytes) {
                while field < TEXT_FIELDS.len() && slot.ends[field] as usize <= at {
                    field += 1;
                }
                let Some(&f) = TEXT_FIELDS.get(field) else {
                    break;
                };
                if only.is_some_and(|o| o != f) {
                    continue;
                }
                consider(&mut best, grade::contiguous(bytes, at, len) * f.weight(), f);
                if ceiling(best) >= BEST {
                    break;
                }
            }
        }
        // Scattered, only where it could still beat what was found whole.
        if !term.phrase() {
            for (i, f) in TEXT_FIELDS.into_iter().enumerate() {
                let could = (grade::SCATTERED + grade::SCATTERED_RANGE - 1) * f.weight();
                if could <= ceiling(best) {
                    break;
                }
                if only.is_some_and(|o| o != f) {
                    continue;
                }
                if let Some(g) = grade::scattered(matcher, term, slot.field_text(i)) {
                    consider(&mut best, g * f.weight(), f);
                }
            }
        }
        best
    }
}
