//! The matching rules: how one word of a query meets one word of a record,
//! both folded. A query word matches a record word, best first, as the same
//! word, as its prefix, with a typo, as an abbreviation of it, or (worked
//! out in `plan`, not here) through the vocabulary. Letters scattered
//! across words or fields never make a match.

use serde::Serialize;

use super::fold::char_mask;

/// How a query word matched, best last so that `max` picks the best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// A name of the record's category or a language it speaks, found
    /// through a synonym or another language (`avocat`, `español`).
    Vocabulary = 1,
    /// The query word's letters in order inside one record word, from its
    /// first letter (`clnc` finds `clinic`).
    Abbreviation = 2,
    /// One or two letters off (see [`max_typos`]).
    Typo = 3,
    /// The start of a record word.
    Prefix = 4,
    /// The word itself.
    Same = 5,
}

/// What a query word may match besides the same word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Leeway {
    /// Whether a prefix counts: for the word being typed, and words of
    /// three letters or more.
    pub(crate) prefix: bool,
    /// The word being typed (the last, no space after it).
    pub(crate) typing: bool,
    /// Whether typos and abbreviations count: not for exclusions, which
    /// should leave out only what they name.
    pub(crate) loose: bool,
}

impl Leeway {
    pub(crate) fn for_word(word: &str, typing: bool, loose: bool) -> Leeway {
        Leeway {
            prefix: typing || word.chars().count() >= 3,
            typing,
            loose,
        }
    }
}

/// How many typos a query word of `len` letters may have: none below 5
/// letters, one up to 8, two from 9.
pub(crate) fn max_typos(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// A query word prepared for comparing with many record words.
pub(crate) struct Probe<'a> {
    pub(crate) text: &'a str,
    pub(crate) leeway: Leeway,
    chars: Vec<char>,
    mask: u64,
    typos: usize,
}

impl<'a> Probe<'a> {
    pub(crate) fn new(text: &'a str, leeway: Leeway) -> Probe<'a> {
        let chars: Vec<char> = text.chars().collect();
        Probe {
            text,
            typos: if leeway.loose {
                max_typos(chars.len())
            } else {
                0
            },
            chars,
            mask: char_mask(text),
            leeway,
        }
    }

    /// How this query word matches `word`, a folded record word of
    /// `word_mask` (its [`char_mask`]) and `word_len` chars.
    pub(crate) fn meets(&self, word: &str, word_mask: u64, word_len: usize) -> Option<How> {
        if word == self.text {
            return Some(How::Same);
        }
        let len = self.chars.len();
        if self.leeway.prefix && word_len > len && word.starts_with(self.text) {
            return Some(How::Prefix);
        }
        if !self.leeway.loose {
            return None;
        }
        if self.typos > 0
            && word_len.abs_diff(len) <= self.typos
            && (self.mask & !word_mask).count_ones() as usize <= self.typos
            && typo_distance(&self.chars, word, self.typos).is_some()
        {
            return Some(How::Typo);
        }
        if len >= 3 && word_len > len && self.mask & !word_mask == 0 && abbreviates(self.text, word)
        {
            return Some(How::Abbreviation);
        }
        None
    }
}

/// Whether `short`'s letters occur in order in `word`, the first at its
/// first letter.
pub(crate) fn abbreviates(short: &str, word: &str) -> bool {
    let mut w = word.chars();
    let mut s = short.chars();
    match (s.next(), w.next()) {
        (Some(a), Some(b)) if a == b => {}
        _ => return false,
    }
    s.all(|c| w.any(|h| h == c))
}

/// The Damerau-Levenshtein distance (optimal string alignment) between a
/// query word and a record word, with an edit at the first letter counted
/// twice; `None` when above `max`.
pub(crate) fn typo_distance(query: &[char], word: &str, max: usize) -> Option<usize> {
    let mut buf = [' '; 64];
    let mut n = 0;
    for c in word.chars() {
        if n == buf.len() {
            return None;
        }
        buf[n] = c;
        n += 1;
    }
    let word = &buf[..n];
    let d = match (query.first(), word.first()) {
        (Some(a), Some(b)) if a == b => osa(&query[1..], &word[1..], max)?,
        _ => osa(query, word, max.checked_sub(1)?)? + 1,
    };
    (d <= max).then_some(d)
}

/// Optimal string alignment distance, `None` when it is above `max`.
fn osa(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max || a.len() >= 63 || b.len() >= 63 {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = [[0usize; 64]; 2];
    for (j, cell) in rows[1].iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        // rows[1] is row i - 1, rows[0] row i - 2.
        let (prev, prev2) = (1, 0);
        let mut row = [0usize; 64];
        row[0] = i;
        let mut least = row[0];
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev][j] + 1)
                .min(row[j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[prev2][j - 2] + 1);
            }
            row[j] = v;
            least = least.min(v);
        }
        if least > max {
            return None;
        }
        rows[0] = rows[1];
        rows[1] = row;
    }
    let d = rows[1][b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meets(query: &str, word: &str, typing: bool) -> Option<How> {
        let probe = Probe::new(query, Leeway::for_word(query, typing, true));
        probe.meets(word, char_mask(word), word.chars().count())
    }

    #[test]
    fn the_same_word_and_prefixes() {
        assert_eq!(meets("clinic", "clinic", false), Some(How::Same));
        assert_eq!(meets("clin", "clinic", false), Some(How::Prefix));
        // Two letters: a prefix only while being typed.
        assert_eq!(meets("cl", "clinic", true), Some(How::Prefix));
        assert_eq!(meets("cl", "clinic", false), None);
        assert_eq!(meets("c", "clinic", true), Some(How::Prefix));
    }

    #[test]
    fn typos_by_length() {
        // Below five letters, none.
        assert_eq!(meets("clnc", "clinic", false), Some(How::Abbreviation));
        assert_eq!(meets("bial", "bail", false), None);
        // Five to eight: one.
        assert_eq!(meets("clinc", "clinic", false), Some(How::Typo));
        assert_eq!(meets("housng", "housing", false), Some(How::Typo));
        // Two letters off is too many for five letters; but it abbreviates.
        assert_eq!(meets("hosng", "housing", false), Some(How::Abbreviation));
        assert_eq!(meets("husong", "housing", false), None);
        assert_eq!(meets("cilnic", "clinic", false), Some(How::Typo));
        // Nine and more: two.
        assert_eq!(meets("interpetr", "interpreter", false), Some(How::Typo));
        assert_eq!(meets("translatr", "translator", false), Some(How::Typo));
    }

    #[test]
    fn a_typo_on_the_first_letter_counts_twice() {
        assert_eq!(meets("xlinic", "clinic", false), None);
        assert_eq!(meets("lcinic", "clinic", false), None);
        assert_eq!(meets("clinix", "clinic", false), Some(How::Typo));
        let q: Vec<char> = "xnterpreter".chars().collect();
        assert_eq!(typo_distance(&q, "interpreter", 2), Some(2));
        let q: Vec<char> = "ixterpreter".chars().collect();
        assert_eq!(typo_distance(&q, "interpreter", 2), Some(1));
        let q: Vec<char> = "xnterpretex".chars().collect();
        assert_eq!(typo_distance(&q, "interpreter", 2), None);
    }

    #[test]
    fn abbreviations_stay_inside_one_word_from_its_start() {
        assert_eq!(meets("prtlnd", "portland", false), Some(How::Abbreviation));
        assert_eq!(meets("clnc", "clinic", false), Some(How::Abbreviation));
        assert_eq!(meets("lnc", "clinic", false), None);
        assert_eq!(meets("cn", "clinic", false), None);
        // The rule that listed a lawyer for `dentist`.
        assert_eq!(meets("dentist", "detention", false), None);
        assert_eq!(meets("atlanta", "atlantic", false), None);
    }

    #[test]
    fn exclusions_are_strict() {
        let probe = Probe::new("bail", Leeway::for_word("bail", false, false));
        assert_eq!(probe.meets("beautiful", char_mask("beautiful"), 9), None);
        assert_eq!(
            probe.meets("bails", char_mask("bails"), 5),
            Some(How::Prefix)
        );
        let loose = Probe::new("bail", Leeway::for_word("bail", false, true));
        assert_eq!(
            loose.meets("beautiful", char_mask("beautiful"), 9),
            Some(How::Abbreviation)
        );
    }

    #[test]
    fn other_scripts_and_long_words() {
        assert_eq!(meets("русски", "русскии", false), Some(How::Prefix));
        assert_eq!(meets("руссии", "русскии", false), Some(How::Typo));
        let long = "a".repeat(100);
        assert_eq!(meets(&long, &"a".repeat(99), false), None);
    }
}
