//! One field as one CSV cell, each way. Text fields are the cell as it is;
//! list fields are split and joined with the separators the module doc
//! lists, escaped with a backslash (`model::list_text`).

use crate::model::list_text::{escape, join_list, split_list, split_unescaped, unescape};
use crate::model::{Field, FieldValue, PhoneInput, PhoneKind, Record, RecordInput, Shape};

/// What separates the tags of a cell.
pub(super) const TAG_SEPARATORS: &[char] = &[',', ';', '|', '\n'];
/// What separates the languages of a cell.
pub(super) const LANGUAGE_SEPARATORS: &[char] = &[',', ';', '|', '/', '\n'];
/// What separates phones (`|`, a newline, and `,` in a plain list of
/// numbers) and the parts of one phone (`;`): all are escaped in any part.
pub(super) const PHONE_SEPARATORS: &[char] = &['|', '\n', ';', ','];

/// What separates the items of a list field's cell.
fn list_separators(field: Field) -> &'static [char] {
    match field {
        Field::Languages => LANGUAGE_SEPARATORS,
        _ => TAG_SEPARATORS,
    }
}

/// Puts one cell into the field it belongs to. List fields are split.
pub(super) fn set_cell(input: &mut RecordInput, field: Field, cell: &str) {
    // A quoted newline saved on Windows is `\r\n`; records keep `\n`.
    let cell = cell.replace("\r\n", "\n").replace('\r', "\n");
    let value = match field.shape() {
        Shape::Text => FieldValue::Text(cell),
        Shape::List => FieldValue::List(split_list(&cell, list_separators(field))),
        Shape::Phones => FieldValue::Phones(split_phones(&cell)),
    };
    field.set(input, value);
}

/// The cell `write_csv` writes for one field of a record; `set_cell` reads
/// it back.
pub(super) fn cell(record: &Record, field: Field) -> String {
    match field.get(record) {
        FieldValue::Text(text) => text,
        FieldValue::List(items) => join_list(&items, list_separators(field)),
        FieldValue::Phones(phones) => join_phones(&phones),
    }
}

/// Phones are separated by `|` or a newline; each is `NUMBER[;TYPE[;NOTE]]`,
/// as `--phone` takes. A plain list of numbers separated by commas is
/// accepted too. Separators escaped with a backslash are part of the value.
pub(super) fn split_phones(cell: &str) -> Vec<PhoneInput> {
    let blank = |entry: &&str| entry.trim().is_empty();
    let mut entries = split_unescaped(cell, &['|', '\n'], usize::MAX);
    entries.retain(|entry| !blank(entry));
    if let [only] = entries[..] {
        if split_unescaped(only, &[';'], 2).len() == 1 {
            entries = split_unescaped(only, &[','], usize::MAX);
            entries.retain(|entry| !blank(entry));
        }
    }
    entries
        .iter()
        .map(|entry| {
            let mut parts = split_unescaped(entry, &[';'], 3)
                .into_iter()
                .map(|part| unescape(part, PHONE_SEPARATORS).trim().to_owned());
            PhoneInput {
                number: parts.next(),
                kind: parts.next(),
                note: parts.next(),
            }
        })
        .collect()
}

/// The cell for a record's phones; `split_phones` reads it back. A voice
/// line without a note is its number alone.
fn join_phones(phones: &[PhoneInput]) -> String {
    phones
        .iter()
        .map(|phone| {
            let part =
                |text: &Option<String>| escape(text.as_deref().unwrap_or(""), PHONE_SEPARATORS);
            let number = part(&phone.number);
            let kind = phone.kind.as_deref().unwrap_or(PhoneKind::Voice.as_str());
            let note = part(&phone.note);
            match (note.is_empty(), kind == PhoneKind::Voice.as_str()) {
                (true, true) => number,
                (true, false) => format!("{number};{kind}"),
                (false, _) => format!("{number};{kind};{note}"),
            }
        })
        .collect::<Vec<_>>()
        .join(" | ")
}
