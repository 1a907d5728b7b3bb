//! The fuzzy matcher, set up once for every part of search that grades or
//! marks a scattered match: the query (a term's best score against
//! itself), grading and highlighting must all score alike.

use fuzzy_matcher::skim::SkimMatcherV2;

/// The matcher used everywhere: the index's text is already lower case, so
/// comparing as is is both right and fastest.
pub(crate) fn matcher() -> SkimMatcherV2 {
    // Above this many cells of the score matrix (a long term against a long
    // description), the matcher grades the first match it finds instead:
    // the full matrix would take megabytes and milliseconds.
    SkimMatcherV2::default()
        .respect_case()
        .element_limit(1 << 16)
}
