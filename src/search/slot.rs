//! One record as the index stores it, a [`Slot`]: where its folded text
//! lies in the index's arena, its codes, and what ranking needs. And the
//! same record as a scan reads it, a [`Row`].

use uuid::Uuid;

use crate::model::{Record, Status};

use super::arena::Arena;
use super::grade::SEPARATOR;
use super::layout::{field_range, fold_field_onto, TEXT_FIELDS};
use super::vocab::{category_index, country_index, language_index};

/// Where no language or country is set.
const NONE: u16 = u16::MAX;

/// One record, as search needs it.
#[derive(Debug)]
pub(crate) struct Slot {
    pub(crate) id: Uuid,
    /// Where the record's text is in the index's arena: the folded text
    /// fields in `TEXT_FIELDS` order, each followed by `SEPARATOR`.
    pub(crate) start: u32,
    pub(crate) len: u32,
    /// Where each text field ends (its separator), from `start`.
    pub(crate) ends: [u32; TEXT_FIELDS.len()],
    pub(crate) category: u8,
    pub(crate) country: u16,
    pub(crate) languages: Box<[u16]>,
    /// The record's words: numbers into the index's dictionary, each with
    /// its field (see `words::word_id`), sorted.
    pub(crate) words: Box<[u32]>,
    /// Its words' `words::signature`.
    pub(crate) sig: u64,
    /// Days since the Julian epoch; `i32::MIN` when never verified.
    pub(crate) verified: i32,
    /// 2 active, 1 inactive, 0 defunct: ranks above the score.
    pub(crate) standing: u8,
}

impl Slot {
    /// Makes the slot, appending its text to `arena`.
    pub(crate) fn new(record: &Record, arena: &mut Arena) -> Slot {
        let start = arena.len();
        let mut ends = [0; TEXT_FIELDS.len()];
        for (end, field) in ends.iter_mut().zip(TEXT_FIELDS) {
            fold_field_onto(record, field, arena);
            *end = u32::try_from(arena.len() - start).unwrap_or(u32::MAX);
            arena.push(char::from(SEPARATOR));
        }
        let category = category_index(record.category);
        let country = country_index(&record.country).unwrap_or(NONE);
        let languages: Box<[u16]> = record
            .languages
            .iter()
            .filter_map(|code| language_index(code))
            .collect();
        Slot {
            id: record.id,
            start: u32::try_from(start).unwrap_or(u32::MAX),
            len: u32::try_from(arena.len() - start).unwrap_or(u32::MAX),
            ends,
            category: u8::try_from(category).unwrap_or(u8::MAX),
            country,
            languages,
            words: Box::new([]),
            sig: 0,
            verified: record.verified_on.map_or(i32::MIN, |d| d.to_julian_day()),
            standing: match record.status {
                Status::Active => 2,
                Status::Inactive => 1,
                Status::Defunct => 0,
            },
        }
    }

    /// The slot's text in the arena.
    pub(crate) fn text<'a>(&self, arena: &'a str) -> &'a str {
        let start = self.start as usize;
        arena
            .get(start..start + self.len as usize)
            .unwrap_or_default()
    }

    /// Field `i` of `TEXT_FIELDS`, in the slot's `text`.
    pub(crate) fn field_text<'a>(&self, text: &'a str, i: usize) -> &'a str {
        text.get(field_range(&self.ends, i)).unwrap_or_default()
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.languages.len() * 2 + self.words.len() * 4
    }
}

/// One record as a scan sees it.
pub(crate) struct Row<'a> {
    pub(crate) slot: &'a Slot,
    pub(crate) arena: &'a str,
}

impl<'a> Row<'a> {
    /// The record's text as bytes, for the scan: unlike [`Row::text`],
    /// taking it reads nothing.
    pub(crate) fn bytes(&self) -> &'a [u8] {
        let start = self.slot.start as usize;
        self.arena
            .as_bytes()
            .get(start..start + self.slot.len as usize)
            .unwrap_or_default()
    }

    /// Field `i` of `TEXT_FIELDS`, as bytes.
    pub(crate) fn field_bytes(&self, i: usize) -> &'a [u8] {
        self.bytes()
            .get(field_range(&self.slot.ends, i))
            .unwrap_or_default()
    }
}
