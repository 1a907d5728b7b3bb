//! Reading and writing a field: its value read from a record, written into
//! loose input (so that it is validated like any other), compared between
//! two records, and emptied or restored for redaction.

use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::Field;
use crate::model::dates::{format_date, format_timestamp};
use crate::model::input::{PhoneInput, RecordInput};
use crate::model::kinds::{Category, Status};
use crate::model::list_text::{join_list, split_list};
use crate::model::record::{Phone, Record};

/// What separates the items of a list in its one-line text form; a comma
/// inside an item is written `\,` (see `list_text`).
const LIST_SEPARATORS: &[char] = &[','];

/// A field's value as loose input holds it: text for most fields (a date,
/// a category, an id are text too), a list of texts, or phones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(String),
    List(Vec<String>),
    Phones(Vec<PhoneInput>),
}

impl FieldValue {
    /// The value as one line of text: list items (and phones, each as
    /// `NUMBER; TYPE; NOTE`) joined with `, `, a comma or backslash inside
    /// an item escaped, so that `Field::set_text` reads it back.
    pub fn into_text(self) -> String {
        match self {
            FieldValue::Text(text) => text,
            FieldValue::List(items) => join_list(&items, LIST_SEPARATORS),
            FieldValue::Phones(phones) => {
                let texts: Vec<String> = phones.iter().map(PhoneInput::text).collect();
                join_list(&texts, LIST_SEPARATORS)
            }
        }
    }
}

/// A field of a record, borrowed, to compare without copying.
#[derive(PartialEq)]
enum View<'r> {
    Text(&'r str),
    Id(Uuid),
    Category(Category),
    Status(Status),
    Date(Option<Date>),
    Time(OffsetDateTime),
    List(&'r [String]),
    Phones(&'r [Phone]),
}

impl Field {
    fn view(self, record: &Record) -> View<'_> {
        match self {
            Field::Id => View::Id(record.id),
            Field::Name => View::Text(&record.name),
            Field::Organization => View::Text(&record.organization),
            Field::Category => View::Category(record.category),
            Field::Description => View::Text(&record.description),
            Field::City => View::Text(&record.city),
            Field::Region => View::Text(&record.region),
            Field::Country => View::Text(&record.country),
            Field::Address => View::Text(&record.address),
            Field::Phones => View::Phones(&record.phones),
            Field::Email => View::Text(&record.email),
            Field::Website => View::Text(&record.website),
            Field::Languages => View::List(&record.languages),
            Field::Hours => View::Text(&record.hours),
            Field::Cost => View::Text(&record.cost),
            Field::Notes => View::Text(&record.notes),
            Field::Tags => View::List(&record.tags),
            Field::VerifiedOn => View::Date(record.verified_on),
            Field::Status => View::Status(record.status),
            Field::UpdatedAt => View::Time(record.updated_at),
        }
    }

    /// Where loose input keeps this field, by shape.
    fn slot(self, input: &mut RecordInput) -> Slot<'_> {
        let text = match self {
            Field::Id => &mut input.id,
            Field::Name => &mut input.name,
            Field::Organization => &mut input.organization,
            Field::Category => &mut input.category,
            Field::Description => &mut input.description,
            Field::City => &mut input.city,
            Field::Region => &mut input.region,
            Field::Country => &mut input.country,
            Field::Address => &mut input.address,
            Field::Email => &mut input.email,
            Field::Website => &mut input.website,
            Field::Hours => &mut input.hours,
            Field::Cost => &mut input.cost,
            Field::Notes => &mut input.notes,
            Field::VerifiedOn => &mut input.verified_on,
            Field::Status => &mut input.status,
            Field::UpdatedAt => &mut input.updated_at,
            Field::Languages => return Slot::List(&mut input.languages),
            Field::Tags => return Slot::List(&mut input.tags),
            Field::Phones => return Slot::Phones(&mut input.phones),
        };
        Slot::Text(text)
    }

    /// The field's value in `record`, as loose input would hold it: the
    /// category and status by their stable names, dates as `YYYY-MM-DD`
    /// (empty when there is none), languages as codes.
    pub fn get(self, record: &Record) -> FieldValue {
        match self.view(record) {
            View::Text(text) => FieldValue::Text(text.to_owned()),
            View::Id(id) => FieldValue::Text(id.to_string()),
            View::Category(category) => FieldValue::Text(category.as_str().to_owned()),
            View::Status(status) => FieldValue::Text(status.as_str().to_owned()),
            View::Date(date) => FieldValue::Text(date.map(format_date).unwrap_or_default()),
            View::Time(when) => FieldValue::Text(format_timestamp(when)),
            View::List(items) => FieldValue::List(items.to_vec()),
            View::Phones(phones) => FieldValue::Phones(
                phones
                    .iter()
                    .map(|phone| PhoneInput {
                        number: Some(phone.number.clone()),
                        kind: Some(phone.kind.as_str().to_owned()),
                        note: Some(phone.note.clone()),
                    })
                    .collect(),
            ),
        }
    }

    /// Puts `value` into `input`, for `RecordInput::validate` to check. A
    /// value of another shape goes through its one-line text form.
    pub fn set(self, input: &mut RecordInput, value: FieldValue) {
        match (self.slot(input), value) {
            (Slot::Text(slot), FieldValue::Text(text)) => *slot = Some(text),
            (Slot::List(slot), FieldValue::List(items)) => *slot = Some(items),
            (Slot::Phones(slot), FieldValue::Phones(phones)) => *slot = Some(phones),
            (_, other) => self.set_text(input, &other.into_text()),
        }
    }

    /// The field's value in `record` as one line of text (see
    /// `FieldValue::into_text`).
    pub fn text(self, record: &Record) -> String {
        self.get(record).into_text()
    }

    /// Reads the one-line text form into `input`: a list split at each
    /// unescaped comma, each phone as `NUMBER; TYPE; NOTE`.
    pub fn set_text(self, input: &mut RecordInput, text: &str) {
        match self.slot(input) {
            Slot::Text(slot) => *slot = Some(text.to_owned()),
            Slot::List(slot) => *slot = Some(split_list(text, LIST_SEPARATORS)),
            Slot::Phones(slot) => {
                let items = split_list(text, LIST_SEPARATORS);
                *slot = Some(items.iter().map(|item| PhoneInput::parse(item)).collect());
            }
        }
    }

    /// How the field is held in loose input; agrees with `slot`.
    #[cfg(test)]
    fn slot_shape(self) -> super::Shape {
        match self.slot(&mut RecordInput::default()) {
            Slot::Text(_) => super::Shape::Text,
            Slot::List(_) => super::Shape::List,
            Slot::Phones(_) => super::Shape::Phones,
        }
    }

    /// The field of `record`, to change in place; `None` for a field that
    /// cannot be emptied (the id, the category, dates, the status).
    fn view_mut(self, record: &mut Record) -> Option<ViewMut<'_>> {
        let text = match self {
            Field::Name => &mut record.name,
            Field::Organization => &mut record.organization,
            Field::Description => &mut record.description,
            Field::City => &mut record.city,
            Field::Region => &mut record.region,
            Field::Country => &mut record.country,
            Field::Address => &mut record.address,
            Field::Email => &mut record.email,
            Field::Website => &mut record.website,
            Field::Hours => &mut record.hours,
            Field::Cost => &mut record.cost,
            Field::Notes => &mut record.notes,
            Field::Phones => return Some(ViewMut::Phones(&mut record.phones)),
            Field::Languages => return Some(ViewMut::List(&mut record.languages)),
            Field::Tags => return Some(ViewMut::List(&mut record.tags)),
            Field::Id | Field::Category | Field::VerifiedOn | Field::Status | Field::UpdatedAt => {
                return None
            }
        };
        Some(ViewMut::Text(text))
    }

    /// Empties the field of `record`, if it can be empty.
    fn clear(self, record: &mut Record) {
        match self.view_mut(record) {
            Some(ViewMut::Text(text)) => text.clear(),
            Some(ViewMut::List(items)) => items.clear(),
            Some(ViewMut::Phones(phones)) => phones.clear(),
            None => {}
        }
    }

    /// Copies the field of `from` into `record`, if it can be empty.
    fn restore(self, record: &mut Record, from: &Record) {
        match (self.view_mut(record), self.view(from)) {
            (Some(ViewMut::Text(text)), View::Text(original)) => original.clone_into(text),
            (Some(ViewMut::List(items)), View::List(original)) => original.clone_into(items),
            (Some(ViewMut::Phones(phones)), View::Phones(original)) => original.clone_into(phones),
            _ => {}
        }
    }
}

/// A field of a record that can be emptied, borrowed to change.
enum ViewMut<'r> {
    Text(&'r mut String),
    List(&'r mut Vec<String>),
    Phones(&'r mut Vec<Phone>),
}

/// A field's place in loose input.
enum Slot<'i> {
    Text(&'i mut Option<String>),
    List(&'i mut Option<Vec<String>>),
    Phones(&'i mut Option<Vec<PhoneInput>>),
}

/// The redactable fields among `names`; other names are skipped.
fn redactable(names: &[String]) -> impl Iterator<Item = Field> + '_ {
    names
        .iter()
        .filter_map(|name| Field::parse(name))
        .filter(|field| field.is_redactable())
}

impl Record {
    /// The same record as loose input, for editing.
    pub fn to_input(&self) -> RecordInput {
        let mut input = RecordInput::default();
        for field in Field::ALL {
            field.set(&mut input, field.get(self));
        }
        input
    }

    /// Empties the named fields (names from `REDACTABLE`; others are
    /// ignored, so check them first).
    pub fn redact(&mut self, fields: &[String]) {
        for field in redactable(fields) {
            field.clear(self);
        }
    }

    /// Puts back, from `local`, the named fields that were redacted out of
    /// this copy (names as for `redact`).
    pub fn restore_redacted(&mut self, local: &Record, fields: &[String]) {
        for field in redactable(fields) {
            field.restore(self, local);
        }
    }

    /// The names of the fields whose values differ, in the record's order,
    /// `updated_at` aside.
    pub fn differences(&self, other: &Record) -> Vec<&'static str> {
        Field::ALL
            .into_iter()
            .filter(|field| *field != Field::UpdatedAt)
            .filter(|field| field.view(self) != field.view(other))
            .map(Field::name)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PhoneKind;

    fn now() -> OffsetDateTime {
        time::macros::datetime!(2026-11-30 12:00 UTC)
    }

    /// A record with every field set, none to its default.
    fn full() -> Record {
        let input = RecordInput {
            id: Some("6f1c1f9e-8f5a-4c39-9d0e-2b7f1b9f0a11".into()),
            name: Some("Ana Ruiz".into()),
            organization: Some("Clínica, Libre".into()),
            category: Some("bail_fund".into()),
            description: Some("Walk-in.\nNo ID needed.".into()),
            city: Some("Portland".into()),
            region: Some("OR".into()),
            country: Some("US".into()),
            address: Some("1 Example St".into()),
            phones: Some(vec![
                PhoneInput::parse("+1 503 555 0100; text; ask; for Ana, evenings"),
                PhoneInput::parse("555 0101"),
            ]),
            email: Some("ana@example.org".into()),
            website: Some("https://example.org".into()),
            languages: Some(vec!["es".into(), "pt".into()]),
            hours: Some("Mon–Fri 9–17".into()),
            cost: Some("free".into()),
            notes: Some("C:\\intake".into()),
            tags: Some(vec!["trans, competent".into(), "no-id".into()]),
            verified_on: Some("2026-10-01".into()),
            status: Some("inactive".into()),
            updated_at: Some("2026-10-02T08:00:00Z".into()),
        };
        input.validate(now()).unwrap()
    }

    #[test]
    fn every_field_set_from_a_record_gives_the_record_back() {
        let record = full();
        let empty = Record::new("x", Category::Other, now());
        for field in Field::ALL {
            assert!(
                field.view(&record) != field.view(&empty),
                "{field:?} is set in the test record"
            );
        }
        // Through values.
        let mut input = RecordInput::default();
        for field in Field::ALL {
            field.set(&mut input, field.get(&record));
        }
        assert_eq!(input.validate(now()).unwrap(), record);
        // Through one-line text.
        let mut input = RecordInput::default();
        for field in Field::ALL {
            field.set_text(&mut input, &field.text(&record));
        }
        assert_eq!(input.validate(now()).unwrap(), record);
        // One field at a time, onto another record's input.
        for field in Field::ALL {
            let mut input = empty.to_input();
            field.set(&mut input, field.get(&record));
            let back = input.validate(now()).unwrap();
            assert_eq!(field.get(&back), field.get(&record), "{field:?}");
        }
    }

    #[test]
    fn differences_name_every_field_but_the_time_of_the_change() {
        let record = full();
        let other = Record::new(
            "x",
            Category::Other,
            time::macros::datetime!(2020-01-01 0:00 UTC),
        );
        let names: Vec<&str> = Field::ALL
            .into_iter()
            .filter(|field| *field != Field::UpdatedAt)
            .map(Field::name)
            .collect();
        assert_eq!(record.differences(&other), names);
        assert!(record.differences(&record.clone()).is_empty());
        let mut later = record.clone();
        later.updated_at = now();
        assert!(record.differences(&later).is_empty());
        for field in Field::ALL {
            if field == Field::UpdatedAt {
                continue;
            }
            let mut input = record.to_input();
            field.set(&mut input, field.get(&other));
            let changed = input.validate(now()).unwrap();
            assert_eq!(record.differences(&changed), [field.name()], "{field:?}");
        }
    }

    #[test]
    fn shapes_agree_with_where_input_keeps_each_field() {
        for field in Field::ALL {
            assert_eq!(field.shape(), field.slot_shape(), "{field:?}");
        }
    }

    #[test]
    fn a_value_of_another_shape_goes_through_text() {
        let mut input = RecordInput::default();
        Field::Tags.set(&mut input, FieldValue::Text("a\\, b, c".into()));
        assert_eq!(input.tags, Some(vec!["a, b".to_owned(), "c".to_owned()]));
        Field::Notes.set(&mut input, FieldValue::List(vec!["x,y".into(), "z".into()]));
        assert_eq!(input.notes.as_deref(), Some("x\\,y, z"));
        Field::Phones.set(&mut input, FieldValue::Text("555 0100; fax".into()));
        assert_eq!(input.phones, Some(vec![PhoneInput::parse("555 0100; fax")]));
    }

    #[test]
    fn redaction_empties_only_redactable_fields_and_restores_them() {
        let local = full();
        let mut copy = local.clone();
        let names: Vec<String> = Field::ALL.map(|f| f.name().to_owned()).to_vec();
        copy.redact(&names);
        for field in Field::ALL {
            let emptied = field.view(&copy) != field.view(&local);
            assert_eq!(emptied, field.is_redactable(), "{field:?}");
        }
        assert_eq!(copy.phones, []);
        assert_eq!(copy.notes, "");
        copy.restore_redacted(&local, &names);
        assert_eq!(copy, local);
        let mut copy = local.clone();
        copy.redact(&["notes".into(), "nonsense".into()]);
        assert_eq!(local.differences(&copy), ["notes"]);
        assert_eq!(copy.phones[0].kind, PhoneKind::Text);
    }
}
