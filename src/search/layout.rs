//! How a record's text is laid out in the index: which free-text fields,
//! in what order, folded how, and where each lies in a record's packed
//! text. The letter table, the scan and highlighting all read text by it.

use crate::model::Record;

use super::field::Field;
use super::fold::{fold_onto, Sink};

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
pub(crate) const CITY: usize = 2;
const _: () = assert!(matches!(TEXT_FIELDS[CITY], Field::City));

/// Appends the folded text of a record's field to `out`, as the index holds
/// it: the text of [`Field::text`], folded, with no copy of it made on the
/// way (tags are read as they would be joined). Highlighting folds the
/// same text again, so the two must agree.
pub(crate) fn fold_field_onto(record: &Record, field: Field, out: &mut impl Sink) {
    match field {
        Field::Tags => {
            let joined = record.tags.iter().enumerate().flat_map(|(i, tag)| {
                let comma = if i == 0 { "" } else { ", " };
                comma.chars().chain(tag.chars())
            });
            fold_onto(joined, out);
        }
        other => fold_onto(other.text(record).chars(), out),
    }
}

/// How many bytes a record's text fields take before folding, with a
/// separator after each: about what its folded text takes in the arena.
pub(crate) fn text_bytes(record: &Record) -> usize {
    TEXT_FIELDS
        .iter()
        .map(|&field| match field {
            Field::Tags => {
                let commas = 2 * record.tags.len().saturating_sub(1);
                record.tags.iter().map(String::len).sum::<usize>() + commas
            }
            other => other.text(record).len(),
        })
        .sum::<usize>()
        + TEXT_FIELDS.len()
}

/// [`fold_field_onto`] into a string of its own.
#[cfg(debug_assertions)]
pub(crate) fn searchable_text(record: &Record, field: Field) -> String {
    let mut out = String::new();
    fold_field_onto(record, field, &mut out);
    out
}

/// Where field `i` of `TEXT_FIELDS` is in a slot's text, given where each
/// field ends; empty past the last field.
pub(crate) fn field_range(ends: &[u32; TEXT_FIELDS.len()], i: usize) -> std::ops::Range<usize> {
    let start = match i.checked_sub(1) {
        Some(before) => ends.get(before).map_or(0, |&e| e as usize + 1),
        None => 0,
    };
    let end = ends.get(i).map_or(start, |&e| e as usize);
    start..end.max(start)
}
