//! The index's storage: every record's searchable text folded once and
//! packed into one arena, kept current as records are added, replaced and
//! removed, and wiped from memory when the index goes. Searching it is
//! planned in `plan`, done per record in `matching`, run over the records
//! in `scan` and put in order in `rank`.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use uuid::Uuid;

use crate::model::Record;

use super::arena::Arena;
use super::layout::text_bytes;
use super::layout::CITY;
use super::slot::Slot;
use super::words::Dictionary;

/// Gives every index state a number no other state shares, so that a
/// `Searcher` can tell that the results it remembers are stale.
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
    pub(super) slots: Vec<Slot>,
    /// All the slots' text, one after the other in slot order (but for
    /// changes since the last compaction), so that a scan reads memory in
    /// order instead of chasing 100,000 allocations.
    pub(super) arena: Arena,
    /// Bytes of `arena` no slot uses any more.
    garbage: usize,
    by_id: HashMap<Uuid, u32>,
    /// Every distinct word of the slots' text, and every city.
    pub(super) dict: Dictionary,
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
        // The arena and the dictionary's words wipe themselves; the slots'
        // word numbers say which words each record has.
        for slot in &mut self.slots {
            zeroize::Zeroize::zeroize(&mut *slot.words);
        }
    }
}

impl Default for Index {
    fn default() -> Index {
        Index {
            slots: Vec::new(),
            arena: Arena::default(),
            garbage: 0,
            by_id: HashMap::new(),
            dict: Dictionary::default(),
            ties: OnceLock::new(),
            version: next_version(),
        }
    }
}

impl Index {
    pub fn build<'a>(records: impl IntoIterator<Item = &'a Record>) -> Index {
        let records: Vec<&Record> = records.into_iter().collect();
        // Room for everything at once: folding seldom makes text longer,
        // and growing would copy the arena (and wipe the old one) each time
        // it doubled.
        let text: usize = records.iter().map(|r| text_bytes(r)).sum();
        let mut index = Index::default();
        index.slots.reserve(records.len());
        index.arena = Arena::with_capacity(text);
        index.by_id.reserve(records.len());
        for record in records {
            index.insert(record);
        }
        index
    }

    fn insert(&mut self, record: &Record) {
        let mut slot = Slot::new(record, &mut self.arena);
        let text = slot.text(&self.arena);
        slot.words = self.dict.add_text(text);
        slot.sig = super::words::signature(&slot.words);
        self.dict.add_city(slot.field_text(text, CITY));
        match self.by_id.get(&record.id) {
            Some(&at) => {
                let mut old = std::mem::replace(&mut self.slots[at as usize], slot);
                self.forget_text(&mut old);
            }
            None => {
                let at = u32::try_from(self.slots.len()).unwrap_or(u32::MAX);
                self.by_id.insert(record.id, at);
                self.slots.push(slot);
            }
        }
    }

    /// Blanks the text of a slot that is replaced or removed, and counts
    /// its words out of the dictionary: the record may have been deleted
    /// for a reason, and its text should not wait for the next compaction
    /// to go.
    fn forget_text(&mut self, slot: &mut Slot) {
        self.dict.release(&slot.words);
        zeroize::Zeroize::zeroize(&mut *slot.words);
        let city = slot.field_text(slot.text(&self.arena), CITY);
        self.dict.remove_city(city);
        let start = slot.start as usize;
        self.arena.blank(start..start + slot.len as usize);
        self.garbage += slot.len as usize;
    }

    /// Rewrites the arena without the text of replaced and removed
    /// records, once that is more than half of it.
    fn compact(&mut self) {
        if self.garbage <= self.arena.len() / 2 {
            return;
        }
        let mut arena = Arena::with_capacity(self.arena.len() - self.garbage);
        for slot in &mut self.slots {
            let start = arena.len();
            arena.push_str(slot.text(&self.arena));
            slot.start = u32::try_from(start).unwrap_or(u32::MAX);
        }
        // The old arena wipes itself as it goes.
        self.arena = arena;
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
        let mut gone = self.slots.swap_remove(at as usize);
        self.forget_text(&mut gone);
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
        slots + ids + ties + self.dict.heap_bytes()
    }

    pub(super) fn ties(&self) -> &[u32] {
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
