//! What a scan knows of a record that matched: the key it is ranked by,
//! packed into one integer (standing, score, tie order) so that ranking is
//! one integer sort.

use super::field::FieldSet;

/// A record that matched, with what ranking needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    /// From the top: standing (2 bits), score (30 bits), tie order (32
    /// bits).
    pub(crate) key: u64,
    pub(crate) slot: u32,
    pub(crate) fields: FieldSet,
    /// For a partial match: how many required parts it meets.
    pub(crate) met: u16,
}

impl Found {
    pub(crate) fn score(&self) -> i64 {
        score_of(self.key)
    }
}

/// The score part of a ranking key (see [`key`]).
pub(crate) fn score_of(key: u64) -> i64 {
    i64::try_from((key >> 32) & SCORE_BITS).unwrap_or(0)
}

/// The most a score can be: 256 characters make at most 128 needs of less
/// than 6 << 20 points each, below this.
const SCORE_BITS: u64 = (1 << 30) - 1;

pub(crate) fn key(standing: u8, score: i64, tie: u32) -> u64 {
    let score = u64::try_from(score).unwrap_or(0).min(SCORE_BITS);
    (u64::from(standing) << 62) | (score << 32) | u64::from(u32::MAX - tie)
}
