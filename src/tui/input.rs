//! A one-line text field with the editing keys of a shell prompt. It holds
//! search queries, form values and the passphrase, so its text is cleared
//! from memory when it goes.

use zeroize::Zeroize;

/// An edit of a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEdit {
    Insert(char),
    Backspace,
    Delete,
    /// Ctrl-W: the word before the cursor, and the spaces after it.
    DeleteWord,
    /// Ctrl-U: everything before the cursor.
    DeleteToStart,
    Left,
    Right,
    Home,
    End,
}

/// Text and a cursor, counted in `char`s.
#[derive(Default, Clone, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
}

impl Drop for TextInput {
    fn drop(&mut self) {
        self.text.zeroize();
    }
}

/// Room reserved up front, so that typing a passphrase does not leave copies
/// behind in freed buffers as the string grows.
const RESERVE: usize = 256;

impl TextInput {
    pub fn new() -> TextInput {
        TextInput {
            text: String::with_capacity(RESERVE),
            cursor: 0,
        }
    }

    pub fn with_text(text: &str) -> TextInput {
        let mut input = TextInput::new();
        input.text.push_str(text);
        input.cursor = input.text.chars().count();
        input
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The cursor, in `char`s from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn char_count(&self) -> usize {
        self.text.chars().count()
    }

    /// Empties the field, clearing the old text from memory.
    pub fn clear(&mut self) {
        self.text.zeroize();
        self.cursor = 0;
    }

    /// Moves the text out, leaving the field empty.
    pub fn take(&mut self) -> String {
        self.cursor = 0;
        std::mem::replace(&mut self.text, String::with_capacity(RESERVE))
    }

    /// Applies an edit; returns whether the text changed.
    pub fn apply(&mut self, edit: TextEdit) -> bool {
        let len = self.char_count();
        match edit {
            TextEdit::Insert(c) => {
                if c.is_control() {
                    return false;
                }
                let at = self.byte_at(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
                true
            }
            TextEdit::Backspace => {
                if self.cursor == 0 {
                    return false;
                }
                self.remove_range(self.cursor - 1, self.cursor);
                self.cursor -= 1;
                true
            }
            TextEdit::Delete => {
                if self.cursor >= len {
                    return false;
                }
                self.remove_range(self.cursor, self.cursor + 1);
                true
            }
            TextEdit::DeleteWord => {
                let chars: Vec<char> = self.text.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                if start == self.cursor {
                    return false;
                }
                self.remove_range(start, self.cursor);
                self.cursor = start;
                true
            }
            TextEdit::DeleteToStart => {
                if self.cursor == 0 {
                    return false;
                }
                self.remove_range(0, self.cursor);
                self.cursor = 0;
                true
            }
            TextEdit::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            TextEdit::Right => {
                self.cursor = (self.cursor + 1).min(len);
                false
            }
            TextEdit::Home => {
                self.cursor = 0;
                false
            }
            TextEdit::End => {
                self.cursor = len;
                false
            }
        }
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(at, _)| at)
    }

    /// Removes chars `from..to` in place, so the buffer is not reallocated.
    fn remove_range(&mut self, from: usize, to: usize) {
        let (start, end) = (self.byte_at(from), self.byte_at(to));
        self.text.replace_range(start..end, "");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextInput {
        let mut input = TextInput::new();
        for c in text.chars() {
            input.apply(TextEdit::Insert(c));
        }
        input
    }

    #[test]
    fn typing_and_moving_work_in_chars_not_bytes() {
        let mut input = typed("São");
        assert_eq!(input.cursor(), 3);
        input.apply(TextEdit::Left);
        input.apply(TextEdit::Left);
        input.apply(TextEdit::Backspace);
        assert_eq!(input.text(), "ão");
        input.apply(TextEdit::Delete);
        assert_eq!(input.text(), "o");
        input.apply(TextEdit::End);
        input.apply(TextEdit::Insert('x'));
        input.apply(TextEdit::Home);
        input.apply(TextEdit::Insert('>'));
        assert_eq!(input.text(), ">ox");
        assert!(!input.apply(TextEdit::Insert('\u{7}')));
    }

    #[test]
    fn ctrl_w_deletes_the_last_word_and_ctrl_u_the_line_before_the_cursor() {
        let mut input = typed("clinic portland  ");
        assert!(input.apply(TextEdit::DeleteWord));
        assert_eq!(input.text(), "clinic ");
        input.apply(TextEdit::Insert('x'));
        input.apply(TextEdit::Left);
        assert!(input.apply(TextEdit::DeleteToStart));
        assert_eq!((input.text(), input.cursor()), ("x", 0));
        assert!(!input.apply(TextEdit::DeleteWord));
        assert_eq!(input.take(), "x");
        assert!(input.is_empty());
    }
}
