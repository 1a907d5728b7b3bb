//! The index's text storage: one string that every record's folded text is
//! appended to, and that never leaves a copy of that text behind. A
//! `String` that outgrows its buffer moves to a bigger one and frees the
//! old one as it is; this one wipes the old buffer first, and wipes its own
//! when dropped.

use std::ops::Deref;

use zeroize::Zeroize;

use super::fold::Sink;

/// Text that is wiped from memory wherever it was, once it moves or goes.
#[derive(Default)]
pub(crate) struct Arena {
    text: String,
}

impl Arena {
    /// An empty arena with room for `capacity` bytes.
    pub(crate) fn with_capacity(capacity: usize) -> Arena {
        Arena {
            text: String::with_capacity(capacity),
        }
    }

    pub(crate) fn push(&mut self, c: char) {
        self.reserve(c.len_utf8());
        self.text.push(c);
    }

    pub(crate) fn push_str(&mut self, text: &str) {
        self.reserve(text.len());
        self.text.push_str(text);
    }

    /// Overwrites the text in `range` (a record's, replaced or removed)
    /// with zero bytes, in place: it stays taken until the index is
    /// compacted, but holds nothing of the record any more. A range that is
    /// not whole characters is left alone.
    pub(crate) fn blank(&mut self, range: std::ops::Range<usize>) {
        if self.text.get(range.clone()).is_some() {
            let zeros = "\0".repeat(range.len());
            self.text.replace_range(range, &zeros);
        }
    }

    pub(crate) fn capacity(&self) -> usize {
        self.text.capacity()
    }

    /// Makes room for `more` bytes: in a new buffer of at least twice the
    /// size, the old one wiped before it is freed.
    fn reserve(&mut self, more: usize) {
        if self.text.capacity() - self.text.len() >= more {
            return;
        }
        let wanted = (self.text.len() + more)
            .max(self.text.capacity() * 2)
            .max(64);
        let mut bigger = String::with_capacity(wanted);
        bigger.push_str(&self.text);
        let mut old = std::mem::replace(&mut self.text, bigger);
        old.zeroize();
    }
}

impl Sink for Arena {
    fn push(&mut self, c: char) {
        Arena::push(self, c);
    }

    fn len(&self) -> usize {
        self.text.len()
    }
}

impl Deref for Arena {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        self.text.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growing_keeps_the_text_and_doubles() {
        let mut arena = Arena::default();
        let mut expected = String::new();
        let mut capacities = Vec::new();
        for i in 0..2_000 {
            let piece = format!("señal {i} ");
            arena.push_str(&piece);
            arena.push('·');
            expected.push_str(&piece);
            expected.push('·');
            if capacities.last() != Some(&arena.capacity()) {
                capacities.push(arena.capacity());
            }
        }
        assert_eq!(&*arena, expected.as_str());
        // A few moves, each to twice the room: not one per push.
        assert!(capacities.len() < 16, "{capacities:?}");
        assert!(capacities.windows(2).all(|w| w[1] >= 2 * w[0]));
    }

    #[test]
    fn blanking_overwrites_in_place() {
        let mut arena = Arena::default();
        arena.push_str("ana·clínica·bea");
        let capacity = arena.capacity();
        let start = "ana·".len();
        arena.blank(start..start + "clínica".len());
        assert_eq!(&*arena, "ana·\0\0\0\0\0\0\0\0·bea");
        assert_eq!(arena.capacity(), capacity);
        // Not on character boundaries: untouched.
        arena.push_str("é");
        let len = arena.len();
        arena.blank(len - 1..len);
        assert!(arena.ends_with('é'));
    }
}
