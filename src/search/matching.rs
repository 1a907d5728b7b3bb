//! How a plan meets one record, the work done for every record at every
//! keystroke: bounds on the record's score for the scan, found cheaply
//! (whole occurrences graded, scattered ones only bounded, the fuzzy matcher
//! never run), and its exact score once ranking asks for it.

use super::field::{Field, FieldSet};
use super::fold::is_subsequence;
use super::found::{Bounds, Found, SURE_TERMS};
use super::grade::{self, EXACT};
use super::layout::{field_range, CITY, TEXT_FIELDS};
use super::letters;
use super::plan::{Plan, TermPlan};
use super::query::{CodeSet, Scope};
use super::slot::{Row, Slot};

impl Plan<'_> {
    /// Whether the record is within what the search is confined to.
    fn admits(&self, row: &Row<'_>) -> bool {
        self.category.is_none_or(|c| c == row.slot.category)
            && self
                .city
                .as_deref()
                .is_none_or(|city| row.field_bytes(CITY) == city.as_bytes())
    }

    /// Bounds on the record's score, or `None` if it doesn't match. Cheap:
    /// the fuzzy matcher isn't run.
    pub(crate) fn bounds(&self, row: &Row<'_>) -> Option<Bounds> {
        if !self.admits(row) {
            return None;
        }
        let mut bounds = Bounds::default();
        (0..self.terms.len())
            .all(|i| self.add_term(i, row, &mut bounds))
            .then_some(bounds)
    }

    /// Like [`Plan::bounds`], with the bounds of every term but the last
    /// when the plan splits (else nothing).
    pub(crate) fn bounds_and_base(&self, row: &Row<'_>) -> Option<(Bounds, Bounds)> {
        if !self.admits(row) {
            return None;
        }
        let last = if self.split {
            self.terms.len() - 1
        } else {
            self.terms.len()
        };
        let mut bounds = Bounds::default();
        if !(0..last).all(|i| self.add_term(i, row, &mut bounds)) {
            return None;
        }
        let base = if self.split {
            bounds
        } else {
            Bounds::default()
        };
        (last..self.terms.len())
            .all(|i| self.add_term(i, row, &mut bounds))
            .then_some((bounds, base))
    }

    /// The record's bounds, given those of every term but the last, for a
    /// record already known to be within what the search is confined to.
    pub(crate) fn bounds_after(&self, row: &Row<'_>, base: &Bounds) -> Option<Bounds> {
        let last = self.terms.len().checked_sub(1)?;
        let mut bounds = *base;
        self.add_term(last, row, &mut bounds).then_some(bounds)
    }

    /// Adds what term `i` says of the record to `bounds`; false if the
    /// record fails the term.
    fn add_term(&self, i: usize, row: &Row<'_>, bounds: &mut Bounds) -> bool {
        let Some(plan) = self.terms.get(i) else {
            return false;
        };
        match (plan.range(row), plan.term.negated()) {
            (Some(_), true) | (None, false) => false,
            (None, true) => true,
            (Some((low, high, field)), false) => {
                bounds.low += low;
                bounds.high += high;
                bounds.fields.insert(field);
                if i < SURE_TERMS {
                    if low == high {
                        bounds.sure += low;
                        bounds.sure_fields.insert(field);
                    } else {
                        bounds.unsure |= 1 << i;
                    }
                }
                true
            }
        }
    }

    /// The score of a record the scan found, and where it matched: what
    /// [`Plan::evaluate`] gives, working out again only the terms whose
    /// points the scan did not know exactly.
    pub(crate) fn regrade(&self, row: &Row<'_>, found: &Found) -> Option<(i64, FieldSet)> {
        let mut score = i64::from(found.sure);
        let mut fields = found.sure_fields;
        for (i, plan) in self.terms.iter().enumerate() {
            // An excluded term was settled by the scan.
            let sure = i < SURE_TERMS && found.unsure & (1 << i) == 0;
            if plan.term.negated() || sure {
                continue;
            }
            let (points, field) = plan.best(row)?;
            score += points;
            fields.insert(field);
        }
        Some((score, fields))
    }

    /// The record's score and where it matched, or `None` if it doesn't,
    /// every term worked out: what ranking must agree with.
    #[cfg(test)]
    pub(crate) fn evaluate(&self, row: &Row<'_>) -> Option<(i64, FieldSet)> {
        let mut score = 0;
        let mut fields = FieldSet::default();
        for plan in &self.terms {
            let hit = plan.best(row);
            match (hit, plan.term.negated()) {
                (Some(_), true) | (None, false) => return None,
                (None, true) => {}
                (Some((points, field)), false) => {
                    score += points;
                    fields.insert(field);
                }
            }
        }
        Some((score, fields))
    }
}

/// The first of the first `limit` fields (indexes into `TEXT_FIELDS`) of
/// `text` in which the letters of `needle` occur in order, found in one
/// pass: a letter found in a later field than the one being tried starts
/// the match again there.
fn first_scattered(
    needle: &str,
    text: &[u8],
    ends: &[u32; TEXT_FIELDS.len()],
    limit: usize,
) -> Option<usize> {
    let limit = limit.min(ends.len());
    if !needle.is_ascii() {
        // Fields end at an ASCII separator, so each is whole UTF-8.
        return (0..limit).find(|&i| {
            text.get(field_range(ends, i))
                .and_then(|field| std::str::from_utf8(field).ok())
                .is_some_and(|field| is_subsequence(needle, field))
        });
    }
    let end = ends[limit.checked_sub(1)?] as usize;
    let (needle, hay) = (needle.as_bytes(), text.get(..end)?);
    let mut field = 0;
    let mut at = 0;
    let mut matched = 0;
    while matched < needle.len() {
        let found = at + memchr::memchr(needle[matched], hay.get(at..)?)?;
        if found >= ends[field] as usize {
            // Past this field: try again from the start of the one it is in.
            while field < limit && ends[field] as usize <= found {
                field += 1;
            }
            if field == limit {
                return None;
            }
            at = field_range(ends, field).start;
            matched = 0;
            continue;
        }
        matched += 1;
        at = found + 1;
    }
    Some(field)
}

/// The best points a scattered match can earn in a field of `weight`.
const fn scattered_ceiling(weight: i64) -> i64 {
    (grade::SCATTERED + grade::SCATTERED_RANGE - 1) * weight
}

/// How many of `TEXT_FIELDS` (they come heaviest first) a scattered match
/// is worth looking for in, once the term is known to earn `exact` points
/// whole: all of them while it matches nowhere, since then a scattered
/// match anywhere decides whether the record matches at all; otherwise
/// only those where a scattered match could earn more than `exact`.
fn scattered_limit(exact: i64) -> usize {
    if exact == 0 {
        return TEXT_FIELDS.len();
    }
    TEXT_FIELDS
        .iter()
        .take_while(|f| scattered_ceiling(f.weight()) > exact)
        .count()
}

impl TermPlan<'_> {
    /// Bounds on the term's best points in the record, and the field
    /// that earns them (or, while the bounds are apart, the field that may).
    /// Whole occurrences are graded exactly; a scattered one is only known
    /// to lie between the lowest and highest scattered grade of its field.
    fn range(&self, row: &Row<'_>) -> Option<Range> {
        let slot = row.slot;
        let term = self.term;
        let only = match term.scope() {
            Scope::Codes(set) => {
                return self.codes(set, slot).map(|(p, f)| (p, p, f));
            }
            Scope::Field(field) => Some(*field),
            Scope::Everywhere => None,
        };
        if let Some(column) = self.letter {
            // One character: found whole wherever it is found at all.
            return self
                .letter(slot, row.letters.get(column, row.at))
                .map(|(p, f)| (p, p, f));
        }
        if term.mask & !slot.mask != 0 {
            return None;
        }
        let bytes = row.bytes();
        let best = pick(&self.whole(slot, bytes, only));
        let exact = best.map_or(0, |(b, _)| b);
        if !term.phrase() {
            let limit = scattered_limit(exact);
            let found = match only {
                Some(o) => TEXT_FIELDS
                    .iter()
                    .take(limit)
                    .position(|&f| f == o)
                    .filter(|&i| is_subsequence(term.text(), slot.field_text(row.text(), i))),
                None => first_scattered(term.text(), bytes, &slot.ends, limit),
            };
            if let Some(i) = found {
                let f = TEXT_FIELDS[i];
                let high = scattered_ceiling(f.weight());
                // Fields further on weigh no more, so can't do better.
                if high > exact {
                    let low = (grade::SCATTERED * f.weight()).max(exact);
                    return Some((low, high, f));
                }
            }
        }
        best.map(|(b, f)| (b, b, f))
    }

    /// A coded filter: whether the record has one of the codes.
    fn codes(&self, set: &CodeSet, slot: &Slot) -> Option<(i64, Field)> {
        let (hit, field) = match set.field() {
            Field::Category => (set.contains(usize::from(slot.category)), Field::Category),
            Field::Languages => (
                slot.languages.iter().any(|&l| set.contains(usize::from(l))),
                Field::Languages,
            ),
            _ => (set.contains(usize::from(slot.country)), Field::Country),
        };
        hit.then_some((EXACT * field.weight(), field))
    }

    /// Weighted points per field (`Field as usize`) for the names of the
    /// record's category, languages and country; 0 elsewhere.
    fn coded(&self, slot: &Slot) -> Points {
        let mut points = [0i64; Field::ALL.len()];
        let at = |table: &[i64], i: u16| table.get(usize::from(i)).copied().unwrap_or(0);
        note(
            &mut points,
            Field::Category,
            at(&self.categories, u16::from(slot.category)),
        );
        note(
            &mut points,
            Field::Country,
            at(&self.countries, slot.country),
        );
        if self.any_language {
            for &l in slot.languages.iter() {
                note(&mut points, Field::Languages, at(&self.languages, l));
            }
        }
        points
    }

    /// The best points of a one-character term, from the record's code for
    /// it in [`Letters`](letters::Letters) and the names of its codes.
    fn letter(&self, slot: &Slot, code: u8) -> Option<(i64, Field)> {
        let mut points = self.coded(slot);
        if let Some((p, field)) = letters::decode(code) {
            note(&mut points, field, p);
        }
        pick(&points)
    }

    /// Weighted points per field (`Field as usize`) for the names of the
    /// record's codes and for whole occurrences in its text; 0 elsewhere.
    fn whole(&self, slot: &Slot, bytes: &[u8], only: Option<Field>) -> Points {
        let term = self.term;
        let mut points = match only {
            None => self.coded(slot),
            Some(_) => [0; Field::ALL.len()],
        };
        let mut ceiling = points.iter().copied().max().unwrap_or(0);
        let len = term.text().len();
        let mut field = 0;
        for at in term.finder.find_iter(bytes) {
            while field < TEXT_FIELDS.len() && slot.ends[field] as usize <= at {
                field += 1;
            }
            let Some(&f) = TEXT_FIELDS.get(field) else {
                break;
            };
            // Fields come heaviest first: once none left could do better,
            // the long descriptions at the end need not be looked at.
            if EXACT * f.weight() <= ceiling {
                break;
            }
            if only.is_none_or(|o| o == f) {
                let p = grade::contiguous(bytes, at, len) * f.weight();
                note(&mut points, f, p);
                ceiling = ceiling.max(p);
            }
        }
        points
    }

    /// The term's best points in the record and the field that earned them.
    fn best(&self, row: &Row<'_>) -> Option<(i64, Field)> {
        let slot = row.slot;
        let term = self.term;
        let only = match term.scope() {
            Scope::Codes(set) => return self.codes(set, slot),
            Scope::Field(field) => Some(*field),
            Scope::Everywhere => None,
        };
        if let Some(column) = self.letter {
            return self.letter(slot, row.letters.get(column, row.at));
        }
        if term.mask & !slot.mask != 0 {
            return None;
        }
        let mut points = self.whole(slot, row.bytes(), only);
        // Scattered, only where it could still beat what was found whole.
        if !term.phrase() {
            let mut ceiling = points.iter().copied().max().unwrap_or(0);
            for (i, f) in TEXT_FIELDS.into_iter().enumerate() {
                let could = scattered_ceiling(f.weight());
                if could <= ceiling {
                    break;
                }
                if only.is_some_and(|o| o != f) || points[f as usize] > 0 {
                    continue;
                }
                if let Some(g) = grade::scattered(term, slot.field_text(row.text(), i)) {
                    points[f as usize] = g * f.weight();
                    ceiling = ceiling.max(g * f.weight());
                }
            }
        }
        pick(&points)
    }
}

/// A term's lowest and highest points in a record, and the field.
type Range = (i64, i64, Field);

/// Points per field, indexed by `Field as usize`.
type Points = [i64; Field::ALL.len()];

/// Keeps the better of what a field has and `p`.
fn note(points: &mut Points, field: Field, p: i64) {
    let cell = &mut points[field as usize];
    *cell = (*cell).max(p);
}

/// The most points, and the field that has them: the first in
/// `Field::ALL` order among equals. `None` when every field has 0.
fn pick(points: &Points) -> Option<(i64, Field)> {
    let mut best: Option<(i64, Field)> = None;
    for f in Field::ALL {
        let p = points[f as usize];
        if p > best.map_or(0, |(b, _)| b) {
            best = Some((p, f));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::model::{Record, RecordInput};
    use crate::search::hits::Within;
    use crate::search::index::Index;
    use crate::search::query::Query;

    /// What every one-letter term earns in every record, with the plan's
    /// table of letters or without it.
    fn every_letter(index: &Index, table: bool) -> Vec<(char, Option<Range>)> {
        let mut seen = Vec::new();
        for c in ('a'..='z').chain('0'..='9') {
            let query = Query::parse(&c.to_string()).expect("a letter parses");
            let mut plan = Plan::new(&query, &Within::default());
            assert!(plan.terms[0].letter.is_some(), "{c} has a column");
            if !table {
                plan.terms[0].letter = None;
            }
            for (at, slot) in index.slots.iter().enumerate() {
                let row = Row {
                    slot,
                    arena: &index.arena,
                    letters: &index.letters,
                    at,
                };
                let range = plan.terms[0].range(&row);
                let best = plan.terms[0].best(&row);
                assert_eq!(range.map(|(low, _, f)| (low, f)), best, "{c} in slot {at}");
                seen.push((c, range));
            }
        }
        seen
    }

    #[test]
    fn one_letter_terms_earn_from_the_table_what_they_earn_from_the_text() {
        let mut records: Vec<Record> = crate::generate::generate(11, 1_500).collect();
        // One-letter words, digits, a letter beside other scripts, a letter
        // only in a light field, and a record with no text to speak of.
        for (name, description) in [
            ("A B Okafor", "x"),
            ("Клиника b", "жa aж 9 a9"),
            ("Zed", "only q here"),
            ("Ø", ""),
        ] {
            let input = RecordInput {
                name: Some(name.into()),
                category: Some("other".into()),
                description: Some(description.into()),
                ..RecordInput::default()
            };
            records.push(
                input
                    .validate(datetime!(2026-11-30 12:00 UTC))
                    .expect("test record is valid"),
            );
        }
        let mut index = Index::build(&records);
        // Replaced and removed records keep the table in step with the slots.
        index.upsert(&records[3]);
        assert!(index.remove(records[0].id));
        let from_table = every_letter(&index, true);
        let from_text = every_letter(&index, false);
        assert_eq!(from_table, from_text);
        // Every grade occurs, so the comparison covers them all.
        for grade in [grade::EXACT, grade::PREFIX, grade::INFIX] {
            assert!(
                from_table
                    .iter()
                    .any(|(_, r)| r.is_some_and(|(p, _, f)| p == grade * f.weight())),
                "grade {grade} occurs"
            );
        }
        assert!(from_table.iter().any(|(_, r)| r.is_none()));
    }
}
