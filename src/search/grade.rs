//! How well a term matches one piece of folded text: the ranking rules in
//! numbers. Shared by the index (which scores) and highlighting (which must
//! agree with it about where a term matched).

use fuzzy_matcher::FuzzyMatcher;

use super::fold::is_subsequence;
use super::matcher::matcher;
use super::query::Term;

/// Points for a term found as a whole word.
pub(crate) const EXACT: i64 = 800;
/// Found at the start of a word.
pub(crate) const PREFIX: i64 = 600;
/// Found whole inside a word.
pub(crate) const INFIX: i64 = 400;
/// Found scattered: this much, plus up to `SCATTERED_RANGE - 1` for how
/// close the matcher says it comes to the term typed whole, so that even the
/// best scattered match stays below `INFIX`.
pub(crate) const SCATTERED: i64 = 100;
pub(crate) const SCATTERED_RANGE: i64 = 200;

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

/// The best contiguous grade of the term in `text`, if it occurs whole.
pub(crate) fn best_contiguous(term: &Term, text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let len = term.text().len();
    let mut best = None;
    for at in term.finder.find_iter(bytes) {
        let grade = contiguous(bytes, at, len);
        best = best.max(Some(grade));
        if grade == EXACT {
            break;
        }
    }
    best
}

/// Points for the term scattered in `text`, if its letters occur in order.
///
/// The score is `SkimMatcherV2::fuzzy_indices`'s, not `fuzzy_match`'s,
/// which keeps only two rows of the score matrix and disagreed with
/// `fuzzy_indices` on the same pairs. Neither may reuse its matrix: the
/// matcher resizes it between calls without clearing it and reads bonuses
/// from cells the call did not write, so the same text scored 232 fresh
/// and 238 after another text had been graded. Turning its cache off
/// panics (it frees the matrix while still borrowing it), so each call
/// gets a matcher of its own, at the cost of an allocation.
pub(crate) fn scattered(term: &Term, text: &str) -> Option<i64> {
    if !is_subsequence(term.text(), text) {
        return None;
    }
    let score = matcher().fuzzy_indices(text, term.text())?.0;
    let closeness = (score.max(0) * SCATTERED_RANGE / term.ideal).min(SCATTERED_RANGE - 1);
    Some(SCATTERED + closeness)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::Query;

    #[test]
    fn a_scattered_grade_does_not_depend_on_what_was_graded_before() {
        let query = Query::parse("collec").expect("parses");
        let term = &query.terms()[0];
        let text = "avocate en droit des etrangers et droit penal aide juridictionnelle acceptee";
        let other = "tamsin is lovely mention the collective when you call";
        let first = std::thread::scope(|s| s.spawn(|| scattered(term, text)).join())
            .expect("grading thread");
        assert!(first.is_some());
        for before in [other, text, "c o l l e c", other] {
            let _ = scattered(term, before);
            assert_eq!(scattered(term, text), first, "after {before:?}");
        }
    }
}
