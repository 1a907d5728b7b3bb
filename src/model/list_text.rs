//! A list field (tags, languages, phones) written as one line of text, the
//! way a CSV cell and the edit form hold it: items joined with `, `, and a
//! backslash before each separator or backslash inside an item, so that the
//! text reads back as exactly the same items (tag `a,b` is written `a\,b`,
//! tag `C:\x` is written `C:\\x`). A backslash before any other character is
//! kept as it is, so that a path typed by hand (`C:\forms`) survives.

/// The items of `text`, split at each unescaped separator, unescaped and
/// trimmed; empty items are dropped.
pub(crate) fn split_list(text: &str, separators: &[char]) -> Vec<String> {
    split_unescaped(text, separators, usize::MAX)
        .into_iter()
        .map(|item| unescape(item, separators).trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}

/// The items escaped and joined with `, `; `split_list` reads them back.
pub(crate) fn join_list(items: &[impl AsRef<str>], separators: &[char]) -> String {
    items
        .iter()
        .map(|item| escape(item.as_ref(), separators))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Splits `text` at each of `at` that no backslash escapes, into at most
/// `limit` pieces (the last holds the rest). The pieces keep their escapes.
/// Each of `at` is among the separators `unescape` is then given, so a
/// backslash before one is always an escape, and can skip what follows it.
pub(crate) fn split_unescaped<'t>(text: &'t str, at: &[char], limit: usize) -> Vec<&'t str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices();
    while let Some((index, c)) = chars.next() {
        if pieces.len() + 1 >= limit {
            break;
        }
        if c == '\\' {
            chars.next();
        } else if at.contains(&c) {
            pieces.push(&text[start..index]);
            start = index + c.len_utf8();
        }
    }
    pieces.push(&text[start..]);
    pieces
}

/// Undoes `escape`: drops a backslash that stands before one of
/// `separators` or before another backslash. Any other backslash is kept,
/// as someone typed it (`C:\forms`).
pub(crate) fn unescape(text: &str, separators: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next_if(|n| *n == '\\' || separators.contains(n)) {
                out.push(next);
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Puts a backslash before each backslash and each of `separators` in one
/// item, so that it reads back as that one item.
pub(crate) fn escape(item: &str, separators: &[char]) -> String {
    let mut out = String::with_capacity(item.len());
    for c in item.chars() {
        if c == '\\' || separators.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_comma_list_escapes_commas_and_backslashes_only() {
        let tags = ["trans, competent", "C:\\x", "no-id", "semi;colon"];
        let text = join_list(&tags, &[',']);
        assert_eq!(text, "trans\\, competent, C:\\\\x, no-id, semi;colon");
        assert_eq!(split_list(&text, &[',']), tags);
        // Typed by hand: a lone backslash stays, an escaped comma is one tag.
        assert_eq!(
            split_list(" a\\, b , C:\\forms,,", &[',']),
            ["a, b", "C:\\forms"]
        );
    }

    proptest! {
        #[test]
        fn items_as_records_hold_them_read_back_the_same(
            items in prop::collection::vec("\\PC{0,12}|[ab ,;\\\\]{0,12}", 0..5)
        ) {
            // The model keeps items trimmed and drops empty ones.
            let items: Vec<String> = items
                .iter()
                .map(|item| item.trim().to_owned())
                .filter(|item| !item.is_empty())
                .collect();
            prop_assert_eq!(split_list(&join_list(&items, &[',']), &[',']), items);
        }
    }
}
