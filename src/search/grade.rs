//! How a piece of text occurs in folded text: as a whole word, at the start
//! of one, or inside one. Phrases and `city:`/`tag:` values are graded so.

/// An occurrence as a whole word.
pub(crate) const EXACT: i64 = 800;
/// At the start of a word.
pub(crate) const PREFIX: i64 = 600;
/// Inside a word.
pub(crate) const INFIX: i64 = 400;

/// The grade of an occurrence of the term at byte `at` of `text`. Folded
/// text has only alphanumerics and single spaces, so a word boundary is a
/// space, a field separator or an end.
pub(crate) fn contiguous(text: &[u8], at: usize, len: usize) -> i64 {
    let starts = at == 0 || is_boundary(text[at - 1]);
    let ends = at + len >= text.len() || is_boundary(text[at + len]);
    match (starts, ends) {
        (true, true) => EXACT,
        (true, false) => PREFIX,
        _ => INFIX,
    }
}

/// The separator between fields in the index's text: never produced by
/// folding, so no term can match across two fields.
pub(crate) const SEPARATOR: u8 = 0x1f;

fn is_boundary(b: u8) -> bool {
    b == b' ' || b == SEPARATOR
}
