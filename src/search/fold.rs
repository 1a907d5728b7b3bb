//! Folding: the one normal form that both records and queries are reduced to
//! before they are compared, so that `São-Paulo`, `SAO PAULO` and `sao paulo`
//! are the same text.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Folds text for matching: compatibility decomposition (NFKD) with the marks
/// dropped, lower case, and every run of characters that are neither letters
/// nor digits (punctuation, hyphens, spaces, emoji, control characters) turned
/// into one space, trimmed at both ends.
///
/// The result contains only alphanumeric characters and single spaces, which
/// the word rules rely on: a space is the only word boundary they know.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text.chars(), &mut out, |_| {});
    out
}

/// Where folded text is written: a `String`, or the index's arena, which
/// takes record text without a temporary copy of it.
pub(crate) trait Sink {
    fn push(&mut self, c: char);
    fn len(&self) -> usize;
}

impl Sink for String {
    fn push(&mut self, c: char) {
        String::push(self, c);
    }

    fn len(&self) -> usize {
        String::len(self)
    }
}

/// Folds like [`fold`], appending to `out`: text that went before in `out`
/// is not this text's start, so no space is dropped or doubled there.
pub(crate) fn fold_onto(text: impl Iterator<Item = char>, out: &mut impl Sink) {
    fold_into(text, out, |_| {});
}

/// Folds like [`fold`] and also returns, for each `char` of the folded text,
/// the index of the `char` of `text` it came from, so that match positions can
/// be given back in the text a person reads. Decomposition changes lengths
/// (`ß` becomes `ss`, `ﬁ` becomes `fi`, a decomposed `é` loses its mark), so
/// positions can't be carried over as they are.
pub(crate) fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    fold_into(text.chars(), &mut out, |source| map.push(source));
    (out, map)
}

/// The folding itself, appended to `out`; `emit` is called with the source
/// `char` index of each `char` pushed.
fn fold_into<S: Sink>(text: impl Iterator<Item = char>, out: &mut S, mut emit: impl FnMut(usize)) {
    let start = out.len();
    // A separator seen since the last pushed char, and where it was.
    let mut pending_space: Option<usize> = None;
    let mut push = |c: char, source: usize, out: &mut S| {
        if c.is_alphanumeric() {
            if let Some(at) = pending_space.take() {
                if out.len() > start {
                    out.push(' ');
                    emit(at);
                }
            }
            out.push(c);
            emit(source);
        } else if pending_space.is_none() {
            pending_space = Some(source);
        }
    };
    for (source, c) in text.enumerate() {
        if c.is_ascii() {
            push(c.to_ascii_lowercase(), source, out);
            continue;
        }
        for lower in c.to_lowercase() {
            decompose_compatible(lower, |d| {
                if is_combining_mark(d) {
                    return;
                }
                if let Some(spelled) = spell_out(d) {
                    for s in spelled.chars() {
                        push(s, source, out);
                    }
                    return;
                }
                // Compatibility forms can decompose to capitals (ℌ → H).
                for l in d.to_lowercase() {
                    push(l, source, out);
                }
            });
        }
    }
}

/// Letters that NFKD leaves whole but that people type as plain Latin letters.
fn spell_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' => "d",
        'ð' | 'Ð' => "d",
        'ł' | 'Ł' => "l",
        'ı' => "i",
        'þ' | 'Þ' => "th",
        _ => return None,
    })
}

/// The bit that stands for `c` in a [`char_mask`].
fn char_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        ' ' => 0,
        // Other scripts share the remaining 28 bits: a clash only lets a
        // record through to the real comparison, it never hides one.
        _ => 1 << (36 + c as u32 % 28),
    }
}

/// A 64-bit summary of which characters occur in folded text. If a pattern
/// has a bit that a record lacks, the pattern can't match the record, which
/// rejects most records before any string is compared.
pub(crate) fn char_mask(folded: &str) -> u64 {
    if folded.is_ascii() {
        folded
            .bytes()
            .fold(0, |mask, b| mask | char_bit(char::from(b)))
    } else {
        folded.chars().fold(0, |mask, c| mask | char_bit(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_punctuation_fold_away() {
        assert_eq!(fold("São-Paulo"), "sao paulo");
        assert_eq!(fold("SAO PAULO"), "sao paulo");
        assert_eq!(fold("  sao   paulo!! "), "sao paulo");
        assert_eq!(fold("Clínica"), "clinica");
        // A decomposed é (e + combining acute) folds like the composed one.
        assert_eq!(fold("Cli\u{301}nica"), "clinica");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ﬁle Œuvre"), "file oeuvre");
        assert_eq!(fold("Montréal, QC"), "montreal qc");
        assert_eq!(fold("l'avocat—d'abord"), "l avocat d abord");
    }

    #[test]
    fn emoji_and_control_characters_are_separators() {
        assert_eq!(fold("🏥clinic\u{7}\tpdx🌹"), "clinic pdx");
        assert_eq!(fold("🏥"), "");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn other_scripts_are_kept() {
        assert_eq!(fold("Español / РУССКИЙ"), "espanol русскии");
        assert_eq!(fold("中文"), "中文");
    }

    #[test]
    fn the_map_points_back_into_the_original_text() {
        let (folded, map) = fold_with_map("Straße São-Paulo");
        assert_eq!(folded, "strasse sao paulo");
        assert_eq!(map.len(), folded.chars().count());
        // "ss" both come from ß at index 4.
        assert_eq!(&map[..7], &[0, 1, 2, 3, 4, 4, 5]);
        // The space stands for the separator it replaced.
        assert_eq!(map[7], 6);
        // The hyphen in São-Paulo is original index 10.
        assert_eq!(map[11], 10);
        assert_eq!(map[12], 11);
        let (folded, map) = fold_with_map("--É");
        assert_eq!(folded, "e");
        assert_eq!(map, vec![2]);
    }

    #[test]
    fn masks_reject_only_what_cannot_match() {
        assert_eq!(char_mask("abc") & !char_mask("cab"), 0);
        assert_ne!(char_mask("abz") & !char_mask("abc"), 0);
        assert_eq!(char_mask("a b"), char_mask("ab"));
        assert_ne!(char_mask("9"), 0);
    }
}
