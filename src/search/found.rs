//! What a scan knows of a record that matched: bounds on its score, and
//! the key it is ranked by, packed into one integer (standing, score, tie
//! order) so that ranking is one integer sort.

use super::field::FieldSet;

/// A record that matched, with what ranking needs. Its score may be known
/// only within bounds: grading a scattered match takes the fuzzy matcher,
/// the costliest step of a search, so it is left until the record might
/// make the page asked for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    /// From the top: standing (2 bits), score (30 bits), tie order (32
    /// bits), so that ranking is one integer sort. `low` and `high` are the
    /// same when the score is known.
    pub(crate) low: u64,
    pub(crate) high: u64,
    pub(crate) slot: u32,
    pub(crate) fields: FieldSet,
    /// What grading need not work out again: the points of the terms
    /// whose points the scan knew exactly, and the fields they earned them
    /// in. The other terms are in `unsure` (bit `i` for the plan's term `i`;
    /// terms from the 33rd on are always graded again).
    pub(crate) sure: u32,
    pub(crate) sure_fields: FieldSet,
    pub(crate) unsure: u32,
}

impl Found {
    pub(crate) fn exact(&self) -> bool {
        self.low == self.high
    }

    pub(crate) fn score(&self) -> i64 {
        score_of(self.low)
    }
}

/// The score part of a ranking key (see [`key`]).
pub(crate) fn score_of(key: u64) -> i64 {
    i64::try_from((key >> 32) & SCORE_BITS).unwrap_or(0)
}

/// The most a score can be: 256 characters make at most 128 terms of at
/// most 2,400 points each, far below this.
const SCORE_BITS: u64 = (1 << 30) - 1;

pub(crate) fn key(standing: u8, score: i64, tie: u32) -> u64 {
    let score = u64::try_from(score).unwrap_or(0).min(SCORE_BITS);
    (u64::from(standing) << 62) | (score << 32) | u64::from(u32::MAX - tie)
}

/// What `Plan::bounds` knows of a record's score.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Bounds {
    pub(crate) low: i64,
    pub(crate) high: i64,
    pub(crate) fields: FieldSet,
    /// As in [`Found`].
    pub(crate) sure: i64,
    pub(crate) sure_fields: FieldSet,
    pub(crate) unsure: u32,
}

impl Bounds {
    /// The bounds a record was found with.
    pub(crate) fn of(found: &Found) -> Bounds {
        Bounds {
            low: score_of(found.low),
            high: score_of(found.high),
            fields: found.fields,
            sure: i64::from(found.sure),
            sure_fields: found.sure_fields,
            unsure: found.unsure,
        }
    }
}

/// How many terms a [`Found`] can tell apart as sure or not.
pub(crate) const SURE_TERMS: usize = 32;
