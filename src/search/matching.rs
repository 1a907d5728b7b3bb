//! How a plan meets one record, the work done for every candidate at every
//! keystroke: each need looked up in the record's words (numbers into the
//! dictionary, graded once per query word by the plan), its codes and, for
//! phrases, its text.
//!
//! Points, so that ranking is one integer comparison: for each need met,
//! how it matched (a [`How`](super::rules::How), same word best) above the
//! weight of the best field it matched in, above how many fields it was
//! found in. Summed over the needs met.

use super::field::{Field, FieldSet};
use super::grade::{contiguous, EXACT};
use super::layout::{CITY, TEXT_FIELDS};
use super::plan::{Plan, Role, Test, WordTable};
use super::rules::How;
use super::slot::Row;
use super::words::{word_field, word_id};

const HOW_SHIFT: u32 = 20;
const WEIGHT_SHIFT: u32 = 11;

fn points(how: u8, weight: i64, fields: u32) -> i64 {
    (i64::from(how) << HOW_SHIFT) + (weight << WEIGHT_SHIFT) + i64::from(fields)
}

/// The best (how, weight, field) seen so far, and the fields seen.
#[derive(Default)]
struct Best {
    how: u8,
    weight: i64,
    field: Option<Field>,
    fields: u16,
}

impl Best {
    fn see(&mut self, how: u8, field: Field) {
        if how == 0 {
            return;
        }
        self.fields |= 1 << (field as u16);
        let weight = field.weight();
        if (how, weight) > (self.how, self.weight) {
            self.how = how;
            self.weight = weight;
            self.field = Some(field);
        }
    }

    fn done(self) -> Option<(i64, Field)> {
        let field = self.field?;
        Some((
            points(self.how, self.weight, self.fields.count_ones()),
            field,
        ))
    }
}

impl WordTable {
    fn score(&self, row: &Row<'_>) -> Option<(i64, Field)> {
        let slot = row.slot;
        let mut best = Best::default();
        // Most records hold none of the words a query word meets.
        let words: &[u32] = if slot.sig & self.sig == 0 {
            &[]
        } else {
            &slot.words
        };
        for &packed in words {
            let how = self.grades.get(word_id(packed)).copied().unwrap_or(0);
            if how == 0 {
                continue;
            }
            let at = word_field(packed);
            if self.only.is_some_and(|o| o != at) {
                continue;
            }
            if let Some(&field) = TEXT_FIELDS.get(at) {
                best.see(how, field);
            }
        }
        if self.only.is_none() {
            let at = |t: &[u8], i: usize| t.get(i).copied().unwrap_or(0);
            best.see(
                at(&self.categories, usize::from(slot.category)),
                Field::Category,
            );
            best.see(
                at(&self.countries, usize::from(slot.country)),
                Field::Country,
            );
            for &l in slot.languages.iter() {
                best.see(at(&self.languages, usize::from(l)), Field::Languages);
            }
        }
        best.done()
    }
}

impl Test {
    /// The points the record earns on this test and the field it earns
    /// them in, or `None` if it fails it.
    pub(crate) fn score(&self, row: &Row<'_>) -> Option<(i64, Field)> {
        let slot = row.slot;
        match self {
            Test::Word(table) => table.score(row),
            Test::Coded { set, table } => {
                let (hit, field) = match set.field() {
                    Field::Category => (set.contains(usize::from(slot.category)), Field::Category),
                    Field::Languages => (
                        slot.languages.iter().any(|&l| set.contains(usize::from(l))),
                        Field::Languages,
                    ),
                    _ => (set.contains(usize::from(slot.country)), Field::Country),
                };
                if !hit {
                    return None;
                }
                let own = points(How::Vocabulary as u8, field.weight(), 1);
                match table.as_ref().and_then(|t| t.score(row)) {
                    Some((p, f)) if p > own => Some((p, f)),
                    _ => Some((own, field)),
                }
            }
            Test::City { city, .. } => (row.field_bytes(CITY) == city.as_bytes()).then(|| {
                (
                    points(How::Same as u8, Field::City.weight(), 1),
                    Field::City,
                )
            }),
            Test::Text {
                finder,
                text,
                only,
                coded,
            } => {
                let mut best = Best::default();
                let bytes = row.bytes();
                for (i, &field) in TEXT_FIELDS.iter().enumerate() {
                    if only.is_some_and(|o| o != i) {
                        continue;
                    }
                    let range = super::layout::field_range(&slot.ends, i);
                    let Some(hay) = bytes.get(range) else {
                        continue;
                    };
                    for at in finder.find_iter(hay) {
                        let how = match contiguous(hay, at, text.len()) {
                            EXACT => How::Same,
                            g if g == super::grade::PREFIX => How::Prefix,
                            _ => continue,
                        };
                        best.see(how as u8, field);
                        if how == How::Same {
                            break;
                        }
                    }
                }
                if only.is_none() {
                    let on = |t: &[bool], i: usize| t.get(i).copied().unwrap_or(false);
                    let same = How::Same as u8;
                    if on(&coded[0], usize::from(slot.category)) {
                        best.see(same, Field::Category);
                    }
                    if on(&coded[2], usize::from(slot.country)) {
                        best.see(same, Field::Country);
                    }
                    if slot
                        .languages
                        .iter()
                        .any(|&l| on(&coded[1], usize::from(l)))
                    {
                        best.see(same, Field::Languages);
                    }
                }
                best.done()
            }
        }
    }
}

impl Plan {
    /// Whether the record is within what the search is confined to.
    fn admits(&self, row: &Row<'_>) -> bool {
        self.category.is_none_or(|c| c == row.slot.category)
            && self
                .city
                .as_deref()
                .is_none_or(|city| row.field_bytes(CITY) == city.as_bytes())
    }

    /// The record's score and the fields where it matched, if it matches
    /// in full: every required need met, no excluded one.
    pub(crate) fn evaluate(&self, row: &Row<'_>) -> Option<(i64, FieldSet)> {
        if !self.admits(row) {
            return None;
        }
        let mut score = 0;
        let mut fields = FieldSet::default();
        for need in &self.needs {
            match (need.test.score(row), need.role) {
                (Some(_), Role::Excluded) | (None, Role::Required) => return None,
                (Some((p, f)), _) => {
                    score += p;
                    fields.insert(f);
                }
                (None, _) => {}
            }
        }
        Some((score, fields))
    }

    /// For a record that may match part of the query: how many required
    /// needs it meets (marking them in `met`), its score and fields; `None`
    /// if it meets an excluded one or no required one.
    pub(crate) fn evaluate_part(
        &self,
        row: &Row<'_>,
        met: &mut [bool],
    ) -> Option<(u16, i64, FieldSet)> {
        if !self.admits(row) {
            return None;
        }
        let mut count = 0u16;
        let mut score = 0;
        let mut fields = FieldSet::default();
        for (i, need) in self.needs.iter().enumerate() {
            match (need.test.score(row), need.role) {
                (Some(_), Role::Excluded) => return None,
                (Some((p, f)), role) => {
                    if role == Role::Required {
                        count += 1;
                        if let Some(m) = met.get_mut(i) {
                            *m = true;
                        }
                    }
                    score += p;
                    fields.insert(f);
                }
                (None, _) => {}
            }
        }
        (count > 0).then_some((count, score, fields))
    }
}
