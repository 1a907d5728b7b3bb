//! The index's dictionary: every distinct folded word of the records'
//! text fields, with how many times it occurs, and every distinct city. A
//! query word is compared with the dictionary once (far fewer words than
//! the records hold), and a record is then matched by looking its words'
//! numbers up in what that comparison found.
//!
//! The words are the directory's text: each is wiped from memory when the
//! last record holding it goes, and all of them when the index goes.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use zeroize::Zeroize;

use super::fold::char_mask;
use super::grade::SEPARATOR;
use super::layout::TEXT_FIELDS;

/// A folded word (or city) that wipes itself when dropped.
pub(crate) struct Word(Box<str>);

impl Drop for Word {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl PartialEq for Word {
    fn eq(&self, other: &Word) -> bool {
        self.0 == other.0
    }
}

impl Eq for Word {}

impl Hash for Word {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl Borrow<str> for Word {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// A word shared between the dictionary's map and its entry, looked up by
/// its text.
#[derive(PartialEq, Eq, Hash)]
struct Shared(Arc<Word>);

impl Borrow<str> for Shared {
    fn borrow(&self) -> &str {
        &self.0 .0
    }
}

/// One word of the dictionary.
pub(crate) struct Entry {
    /// `None` once no record holds it; its number may be given to another.
    pub(crate) word: Option<Arc<Word>>,
    pub(crate) count: u32,
    pub(crate) mask: u64,
    pub(crate) chars: u16,
}

impl Entry {
    pub(crate) fn text(&self) -> Option<&str> {
        self.word.as_deref().map(|w| &*w.0)
    }
}

/// How a record's word is kept in its slot: its number in the dictionary
/// and the field (index into `TEXT_FIELDS`) it is in.
pub(crate) const FIELD_BITS: u32 = 4;
const _: () = assert!(TEXT_FIELDS.len() < 1 << FIELD_BITS);

pub(crate) fn word_id(packed: u32) -> usize {
    (packed >> FIELD_BITS) as usize
}

pub(crate) fn word_field(packed: u32) -> usize {
    (packed & ((1 << FIELD_BITS) - 1)) as usize
}

/// The bit that stands for a dictionary word in a [`signature`].
pub(crate) fn word_bit(id: usize) -> u64 {
    let spread = (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    1 << (spread >> 58)
}

/// A record's words (as a slot keeps them) folded into 64 bits: a record
/// whose signature shares no bit with a query word's cannot hold any word
/// it meets, and is passed over without reading its words.
pub(crate) fn signature(words: &[u32]) -> u64 {
    words.iter().fold(0, |sig, &p| sig | word_bit(word_id(p)))
}

#[derive(Default)]
pub(crate) struct Dictionary {
    ids: HashMap<Shared, u32>,
    pub(crate) entries: Vec<Entry>,
    free: Vec<u32>,
    cities: HashMap<Word, u32>,
}

impl Dictionary {
    /// The words of a slot's text (folded fields, each followed by the
    /// separator) as the slot keeps them, sorted, each (word, field) once;
    /// counted in (see [`Dictionary::release`]).
    pub(crate) fn add_text(&mut self, text: &str) -> Box<[u32]> {
        let mut words = Vec::new();
        for (field, part) in text.split(char::from(SEPARATOR)).enumerate() {
            if field >= TEXT_FIELDS.len() {
                break;
            }
            for word in part.split(' ').filter(|w| !w.is_empty()) {
                let id = self.intern(word);
                words.push((id << FIELD_BITS) | field as u32);
            }
        }
        words.sort_unstable();
        words.dedup();
        self.hold(&words);
        words.into_boxed_slice()
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let word = Arc::new(Word(word.into()));
        let entry = Entry {
            mask: char_mask(&word.0),
            chars: u16::try_from(word.0.chars().count()).unwrap_or(u16::MAX),
            word: Some(Arc::clone(&word)),
            count: 0,
        };
        let id = match self.free.pop() {
            Some(id) => {
                self.entries[id as usize] = entry;
                id
            }
            None => {
                self.entries.push(entry);
                u32::try_from(self.entries.len() - 1).unwrap_or(u32::MAX)
            }
        };
        self.ids.insert(Shared(word), id);
        id
    }

    fn hold(&mut self, words: &[u32]) {
        for &p in words {
            if let Some(e) = self.entries.get_mut(word_id(p)) {
                e.count += 1;
            }
        }
    }

    /// Counts a slot's words out, forgetting those no record holds any more.
    pub(crate) fn release(&mut self, words: &[u32]) {
        for &p in words {
            let id = word_id(p);
            let Some(e) = self.entries.get_mut(id) else {
                continue;
            };
            e.count = e.count.saturating_sub(1);
            if e.count == 0 {
                if let Some(word) = e.word.take() {
                    self.ids.remove(&*word.0);
                    self.free.push(u32::try_from(id).unwrap_or(u32::MAX));
                }
            }
        }
    }

    /// The number of a word some record holds.
    pub(crate) fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    pub(crate) fn add_city(&mut self, city: &str) {
        if city.is_empty() {
            return;
        }
        match self.cities.get_mut(city) {
            Some(count) => *count += 1,
            None => {
                self.cities.insert(Word(city.into()), 1);
            }
        }
    }

    pub(crate) fn remove_city(&mut self, city: &str) {
        if let Some(count) = self.cities.get_mut(city) {
            *count -= 1;
            if *count == 0 {
                self.cities.remove(city);
            }
        }
    }

    /// Whether some record is in this city (folded).
    pub(crate) fn has_city(&self, city: &str) -> bool {
        self.cities.contains_key(city)
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        let words: usize = self
            .entries
            .iter()
            .filter_map(Entry::text)
            .map(str::len)
            .sum();
        let cities: usize = self.cities.keys().map(|c| c.0.len() + 40).sum();
        words
            + self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.ids.capacity() * 24
            + cities
    }
}
