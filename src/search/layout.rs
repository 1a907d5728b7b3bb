//! How a record's text is laid out in the index: which free-text fields,
//! in what order, folded how, and where each lies in a record's packed
//! text. The letter table, the scan and highlighting all read text by it.

use crate::model::Record;

use super::field::Field;
use super::fold::fold;

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

/// The folded text of a record's field, as the index holds it. Highlighting
/// folds the same text again, so the two must agree.
pub(crate) fn searchable_text(record: &Record, field: Field) -> String {
    match field {
        Field::Tags => fold(&record.tags.join(", ")),
        other => fold(&other.text(record)),
    }
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
