//! Text from outside on its way to a terminal. A record, a bundle's
//! manifest, a CSV header, an HSDS cell, a file name or an error that quotes
//! any of them may hold characters that a terminal obeys instead of showing:
//! an escape sequence that retitles the window or clears the screen, a
//! newline that starts a line pamphlet did not write, a bidirectional
//! override that makes text read in another order than it is stored.
//! [`shown`] is the one function such text goes through before it is
//! printed or drawn; [`is_hidden`] says which characters it escapes.
//!
//! The convention is Rust's: a newline shows as `\n`, a tab as `\t`, a
//! carriage return as `\r`, every other hidden character as `\u{…}` with its
//! code point in lower-case hex (`\u{1b}` for ESC, `\u{202e}` for a
//! right-to-left override). A backslash is left as it is, so `shown` changes
//! nothing twice: its output holds no hidden character.
//!
//! Where text may run over several lines (a description, notes), the caller
//! splits it at newlines first, passes each line through `shown`, and
//! indents the lines after the first, so that no line of the text can pass
//! for a line of pamphlet's own.
//!
//! JSON is for programs and has its own escapes: [`json`] writes the same
//! hidden characters as `\uXXXX` inside a JSON document, which then means
//! exactly what it meant and still cannot move a terminal.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` must not reach a terminal as it is:
///
/// - control characters: C0 (including ESC, newline and tab), DEL and C1
///   (U+0080–U+009F, where U+009B starts a sequence like ESC `[`);
/// - the bidirectional controls: U+061C, U+200E, U+200F, U+202A–U+202E,
///   U+2066–U+2069;
/// - the line and paragraph separators U+2028 and U+2029;
/// - format characters that are invisible and join nothing: U+180E, U+200B,
///   U+2060–U+2064, U+206A–U+206F, U+FEFF, U+FFF9–U+FFFB and the tag
///   characters (U+E0001, U+E0020–U+E007F).
///
/// The zero-width non-joiner and joiner (U+200C, U+200D) are kept: Persian,
/// the Indic scripts and emoji need them, and they move nothing.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{180e}'
                | '\u{200b}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0001}'
                | '\u{e0020}'..='\u{e007f}'
        )
}

/// Whether `c` is a bidirectional embedding, override or isolate
/// (U+202A–U+202E, U+2066–U+2069): characters that reorder the text around
/// them, refused in every field of a record.
pub fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` as it may be shown on a terminal, on one line: every character
/// [`is_hidden`] names written as a visible escape (see the module doc),
/// everything else as it is. Borrows when there is nothing to escape.
pub fn shown(text: &str) -> Cow<'_, str> {
    let Some(first) = text.find(is_hidden) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A serialized JSON document with every hidden character that is still
/// raw in it written as a `\uXXXX` escape (a surrogate pair above U+FFFF).
/// A hidden character can only stand inside a JSON string, where the escape
/// means the same character, so the document parses to the same value.
/// serde_json already escapes C0; this catches DEL, C1 and the rest.
pub fn json(document: &str) -> Cow<'_, str> {
    let Some(first) = document.find(is_hidden) else {
        return Cow::Borrowed(document);
    };
    let mut out = String::with_capacity(document.len() + 8);
    out.push_str(&document[..first]);
    for c in document[first..].chars() {
        if is_hidden(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        for text in ["", "Clínica Girasol", "C:\\forms", "زن‌ها", "👩‍⚕️ ok"] {
            assert!(
                matches!(shown(text), Cow::Borrowed(t) if t == text),
                "{text}"
            );
            assert!(
                matches!(json(text), Cow::Borrowed(t) if t == text),
                "{text}"
            );
        }
    }

    #[test]
    fn controls_sequences_and_overrides_show_visibly() {
        assert_eq!(
            shown("\u{1b}]0;PWN\u{7}\u{1b}[2J"),
            "\\u{1b}]0;PWN\\u{7}\\u{1b}[2J"
        );
        assert_eq!(shown("a\nb\tc\rd"), "a\\nb\\tc\\rd");
        assert_eq!(shown("x\u{9b}31m\u{7f}"), "x\\u{9b}31m\\u{7f}");
        assert_eq!(shown("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(
            shown("\u{2066}\u{200b}\u{feff}"),
            "\\u{2066}\\u{200b}\\u{feff}"
        );
        assert_eq!(shown("tag\u{e0041}"), "tag\\u{e0041}");
    }

    #[test]
    fn every_hidden_character_is_escaped_and_shown_is_idempotent() {
        let hidden: String = (0..=0x10ffff_u32)
            .filter_map(char::from_u32)
            .filter(|c| is_hidden(*c))
            .collect();
        // 65 controls, 12 bidi controls, 2 separators, 114 format characters.
        assert_eq!(hidden.chars().count(), 193);
        let once = shown(&hidden).into_owned();
        assert!(!once.contains(is_hidden), "{once}");
        assert_eq!(shown(&once), once);
        for c in ['\u{200c}', '\u{200d}', 'é', ' ', '\u{a0}'] {
            assert!(!is_hidden(c), "{c:?}");
        }
        for c in ['\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}'] {
            assert!(is_bidi_override(c) && is_hidden(c), "{c:?}");
        }
        assert!(!is_bidi_override('\u{200f}'));
    }

    #[test]
    fn json_escapes_mean_the_same_characters() {
        let value = serde_json::json!({
            "name": "a\u{1b}[2J\u{7f}\u{9b}\u{202e}\u{2028}\u{e0041}z",
            "ok": "Clínica",
        });
        let raw = value.to_string();
        let escaped = json(&raw);
        assert!(!escaped.contains(is_hidden), "{escaped}");
        assert!(escaped.contains("\\u202e") && escaped.contains("\\udb40\\udc41"));
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, value);
    }
}
