//! One-letter terms, answered from a table. The first keystroke of a query
//! is a single letter that nearly every record contains, so finding its
//! best occurrence by scanning every record's text would cost as much as
//! any search; instead the index keeps, for each letter and digit and each
//! record, where that character is best found, worked out when the record
//! is added.

use super::field::Field;
use super::grade::{EXACT, INFIX, PREFIX, SEPARATOR};
use super::layout::TEXT_FIELDS;

/// The characters with a column: `a`–`z`, then `0`–`9`.
const CHARS: usize = 36;

/// The column of a folded one-character term, if it has one.
pub(crate) fn column(term: &str) -> Option<usize> {
    match term.as_bytes() {
        &[b] => byte_column(b),
        _ => None,
    }
}

fn byte_column(b: u8) -> Option<usize> {
    match b {
        b'a'..=b'z' => Some(usize::from(b - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(b - b'0')),
        _ => None,
    }
}

/// Grades in the order their codes count them.
const GRADES: [i64; 3] = [INFIX, PREFIX, EXACT];

/// Where a character is best found in one record: 0 when it isn't, else
/// `1 + field * 3 + grade`, `field` indexing `TEXT_FIELDS` and `grade`
/// indexing `GRADES`. One byte per record and character, kept by character
/// so that a search for one reads one byte per record.
#[derive(Default)]
pub(crate) struct Letters {
    columns: Vec<Vec<u8>>,
}

impl Letters {
    pub(crate) fn get(&self, column: usize, at: usize) -> u8 {
        self.columns
            .get(column)
            .and_then(|c| c.get(at))
            .copied()
            .unwrap_or(0)
    }

    /// Sets the codes of record `at` from its folded text (the index's
    /// fields, each followed by `SEPARATOR`); `at` may be one past the end.
    pub(crate) fn set(&mut self, at: usize, text: &str) {
        if self.columns.is_empty() {
            self.columns = vec![Vec::new(); CHARS];
        }
        let codes = codes(text.as_bytes());
        for (column, code) in self.columns.iter_mut().zip(codes) {
            match column.get_mut(at) {
                Some(cell) => *cell = code,
                None => column.push(code),
            }
        }
    }

    /// Makes room for `more` records, so that adding them does not grow
    /// the columns again and again.
    pub(crate) fn reserve(&mut self, more: usize) {
        if self.columns.is_empty() {
            self.columns = vec![Vec::new(); CHARS];
        }
        for column in &mut self.columns {
            column.reserve(more);
        }
    }

    /// Removes record `at`, moving the last one into its place, as
    /// `Vec::swap_remove` does with the index's slots.
    pub(crate) fn swap_remove(&mut self, at: usize) {
        for column in &mut self.columns {
            if at < column.len() {
                column.swap_remove(at);
            }
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.columns.iter().map(Vec::capacity).sum()
    }

    /// Overwrites the table: it says which letters each record's fields
    /// hold, so it goes with the records when the vault locks.
    pub(crate) fn zeroize(&mut self) {
        for column in &mut self.columns {
            zeroize::Zeroize::zeroize(column);
        }
    }
}

/// The points and field a code stands for.
pub(crate) fn decode(code: u8) -> Option<(i64, Field)> {
    let i = usize::from(code.checked_sub(1)?);
    let field = *TEXT_FIELDS.get(i / 3)?;
    Some((GRADES[i % 3] * field.weight(), field))
}

/// Each character's code in a record's folded text. Fields come heaviest
/// first and a later field wins only with more points, so among equal
/// points the earlier field is kept, as ranking does.
fn codes(text: &[u8]) -> [u8; CHARS] {
    let mut best = [0u8; CHARS];
    let mut points = [0i64; CHARS];
    let mut field = 0;
    let mut i = 0;
    while i < text.len() {
        if text[i] == SEPARATOR {
            field += 1;
            i += 1;
            continue;
        }
        if text[i] == b' ' {
            i += 1;
            continue;
        }
        // A word: from here to the next space or separator.
        let end = text[i..]
            .iter()
            .position(|&b| b == b' ' || b == SEPARATOR)
            .map_or(text.len(), |n| i + n);
        for (at, &b) in text[i..end].iter().enumerate() {
            let Some(column) = byte_column(b) else {
                continue;
            };
            let grade = match (at == 0, end - i == 1) {
                (true, true) => 2,
                (true, false) => 1,
                _ => 0,
            };
            let Some(weight) = TEXT_FIELDS.get(field).map(|f| f.weight()) else {
                continue;
            };
            let p = GRADES[grade] * weight;
            if p > points[column] {
                points[column] = p;
                best[column] = u8::try_from(1 + field * 3 + grade).unwrap_or(0);
            }
        }
        i = end;
    }
    best
}
