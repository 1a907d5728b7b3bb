//! The add and edit form: one row per field of a record (one per phone, with
//! a spare row to add another), the focused row, and the validation problem
//! beside the field it is about. The form only collects text; the record
//! model validates it, so the form and `pamphlet add` accept the same things.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::model::list_text::{join_list, split_list};
use crate::model::{
    format_date, language_name, Category, FieldError, PhoneInput, Record, RecordInput, Status,
};
use crate::tui::action::Action;
use crate::tui::input::{TextEdit, TextInput};

/// Which record the form makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormMode {
    Add,
    Edit(Uuid),
}

/// A field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKey {
    Name,
    Category,
    Organization,
    Description,
    City,
    Region,
    Country,
    Address,
    Phone(usize),
    Email,
    Website,
    Languages,
    Tags,
    Hours,
    Cost,
    Notes,
    VerifiedOn,
    Status,
}

impl FieldKey {
    pub fn label(self) -> String {
        match self {
            FieldKey::Name => "Name".into(),
            FieldKey::Category => "Category".into(),
            FieldKey::Organization => "Organization".into(),
            FieldKey::Description => "Description".into(),
            FieldKey::City => "City".into(),
            FieldKey::Region => "Region".into(),
            FieldKey::Country => "Country".into(),
            FieldKey::Address => "Address".into(),
            FieldKey::Phone(n) => format!("Phone {}", n + 1),
            FieldKey::Email => "Email".into(),
            FieldKey::Website => "Website".into(),
            FieldKey::Languages => "Languages".into(),
            FieldKey::Tags => "Tags".into(),
            FieldKey::Hours => "Hours".into(),
            FieldKey::Cost => "Cost".into(),
            FieldKey::Notes => "Notes".into(),
            FieldKey::VerifiedOn => "Verified on".into(),
            FieldKey::Status => "Status".into(),
        }
    }

    /// What to type, shown while the field is empty.
    pub fn hint(self) -> &'static str {
        match self {
            FieldKey::Name => "required",
            FieldKey::Category | FieldKey::Status => "←/→ to choose",
            FieldKey::Country => "two letters, like US or FR",
            FieldKey::Phone(_) => "number; type; note — like +1 503 555 0100; text",
            FieldKey::Languages => "names or codes, comma-separated",
            FieldKey::Tags => "comma-separated, like no-id, walk-in (\\, for a comma)",
            FieldKey::VerifiedOn => "YYYY-MM-DD, or today",
            _ => "",
        }
    }

    /// The name `RecordInput::validate` gives this field in its errors.
    fn model_name(self) -> &'static str {
        match self {
            FieldKey::Name => "name",
            FieldKey::Category => "category",
            FieldKey::Organization => "organization",
            FieldKey::Description => "description",
            FieldKey::City => "city",
            FieldKey::Region => "region",
            FieldKey::Country => "country",
            FieldKey::Address => "address",
            FieldKey::Phone(_) => "phones",
            FieldKey::Email => "email",
            FieldKey::Website => "website",
            FieldKey::Languages => "languages",
            FieldKey::Tags => "tags",
            FieldKey::Hours => "hours",
            FieldKey::Cost => "cost",
            FieldKey::Notes => "notes",
            FieldKey::VerifiedOn => "verified_on",
            FieldKey::Status => "status",
        }
    }
}

/// A field's value: free text, or one of a few options.
pub enum Value {
    Text(TextInput),
    Choice {
        options: Vec<(&'static str, &'static str)>,
        index: Option<usize>,
    },
}

impl Value {
    fn choice(options: Vec<(&'static str, &'static str)>, current: Option<&str>) -> Value {
        let index = current.and_then(|c| options.iter().position(|(value, _)| *value == c));
        Value::Choice { options, index }
    }

    /// The text the model is given.
    fn text(&self) -> String {
        match self {
            Value::Text(input) => input.text().to_owned(),
            Value::Choice { options, index } => index
                .and_then(|i| options.get(i))
                .map(|(value, _)| (*value).to_owned())
                .unwrap_or_default(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Value::Text(input) => input.is_empty(),
            Value::Choice { index, .. } => index.is_none(),
        }
    }
}

pub struct FormField {
    pub(crate) key: FieldKey,
    pub(crate) value: Value,
    pub(crate) error: Option<String>,
}

/// What separates the languages and the tags of a field. A tag may hold a
/// comma (tags also come from `load`, bundles and CSV), so the form shows
/// `\,` for it and `\\` for a backslash, as CSV cells do.
const LIST_SEPARATORS: &[char] = &[','];

/// What the form asks of its owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormOutcome {
    Consumed,
    Ignored,
    Cancel,
    Save,
}

pub struct Form {
    pub(crate) mode: FormMode,
    pub(crate) fields: Vec<FormField>,
    pub(crate) focus: usize,
    /// The first screen line shown.
    pub(crate) scroll: usize,
}

impl Form {
    pub fn add() -> Form {
        Form::from_input(FormMode::Add, &RecordInput::default())
    }

    pub fn edit(record: &Record) -> Form {
        Form::from_input(FormMode::Edit(record.id), &record.to_input())
    }

    fn from_input(mode: FormMode, input: &RecordInput) -> Form {
        let text = |value: &Option<String>| {
            Value::Text(TextInput::with_text(value.as_deref().unwrap_or("")))
        };
        let field = |key, value| FormField {
            key,
            value,
            error: None,
        };
        let categories = Category::ALL
            .iter()
            .map(|c| (c.as_str(), c.label()))
            .collect();
        let statuses = Status::ALL
            .iter()
            .map(|s| (s.as_str(), s.as_str()))
            .collect();
        let mut fields = vec![
            field(FieldKey::Name, text(&input.name)),
            field(
                FieldKey::Category,
                Value::choice(categories, input.category.as_deref()),
            ),
            field(FieldKey::Organization, text(&input.organization)),
            field(FieldKey::Description, text(&input.description)),
            field(FieldKey::City, text(&input.city)),
            field(FieldKey::Region, text(&input.region)),
            field(FieldKey::Country, text(&input.country)),
            field(FieldKey::Address, text(&input.address)),
        ];
        let phones = input.phones.as_deref().unwrap_or_default();
        for (n, phone) in phones.iter().enumerate() {
            fields.push(field(
                FieldKey::Phone(n),
                Value::Text(TextInput::with_text(&phone_text(phone))),
            ));
        }
        fields.push(field(
            FieldKey::Phone(phones.len()),
            Value::Text(TextInput::new()),
        ));
        let languages = input
            .languages
            .iter()
            .flatten()
            .map(|code| language_name(code).unwrap_or(code))
            .collect::<Vec<_>>();
        let languages = join_list(&languages, LIST_SEPARATORS);
        let tags = join_list(input.tags.as_deref().unwrap_or_default(), LIST_SEPARATORS);
        fields.extend([
            field(FieldKey::Email, text(&input.email)),
            field(FieldKey::Website, text(&input.website)),
            field(
                FieldKey::Languages,
                Value::Text(TextInput::with_text(&languages)),
            ),
            field(FieldKey::Tags, Value::Text(TextInput::with_text(&tags))),
            field(FieldKey::Hours, text(&input.hours)),
            field(FieldKey::Cost, text(&input.cost)),
            field(FieldKey::Notes, text(&input.notes)),
            field(FieldKey::VerifiedOn, text(&input.verified_on)),
            field(
                FieldKey::Status,
                Value::choice(statuses, input.status.as_deref().or(Some("active"))),
            ),
        ]);
        Form {
            mode,
            fields,
            focus: 0,
            scroll: 0,
        }
    }

    /// Lines the form takes on screen before field `index` (a problem
    /// takes up to two lines under its field).
    pub fn line_of(&self, index: usize) -> usize {
        self.fields[..index.min(self.fields.len())]
            .iter()
            .map(|f| {
                1 + f
                    .error
                    .as_ref()
                    .map_or(0, |e| if e.len() > 60 { 2 } else { 1 })
            })
            .sum()
    }

    pub fn handle(&mut self, action: Action, rows: usize) -> FormOutcome {
        let outcome = match action {
            Action::Back => return FormOutcome::Cancel,
            Action::Save => return FormOutcome::Save,
            Action::NextField | Action::ScrollDown => {
                self.focus = (self.focus + 1).min(self.fields.len() - 1);
                FormOutcome::Consumed
            }
            Action::PrevField | Action::ScrollUp => {
                self.focus = self.focus.saturating_sub(1);
                FormOutcome::Consumed
            }
            Action::Text(edit) => {
                self.edit_focused(edit);
                FormOutcome::Consumed
            }
            _ => FormOutcome::Ignored,
        };
        self.keep_in_view(rows);
        outcome
    }

    fn edit_focused(&mut self, edit: TextEdit) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        let changed = match &mut field.value {
            Value::Text(input) => input.apply(edit),
            Value::Choice { options, index } => choose(options, index, edit),
        };
        if changed {
            field.error = None;
        }
        // Typing into the spare phone row makes another spare row.
        if let FieldKey::Phone(n) = field.key {
            let is_last_phone = !self
                .fields
                .iter()
                .any(|f| matches!(f.key, FieldKey::Phone(m) if m > n));
            if is_last_phone && !self.fields[self.focus].value.is_empty() {
                self.fields.insert(
                    self.focus + 1,
                    FormField {
                        key: FieldKey::Phone(n + 1),
                        value: Value::Text(TextInput::new()),
                        error: None,
                    },
                );
            }
        }
    }

    pub fn keep_in_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        let top = self.line_of(self.focus);
        let bottom = self.line_of(self.focus + 1);
        if top < self.scroll {
            self.scroll = top;
        } else if bottom > self.scroll + rows {
            self.scroll = bottom.saturating_sub(rows);
        }
    }

    /// The fields as loose input, for the model to validate.
    pub fn to_input(&self, now: OffsetDateTime) -> RecordInput {
        let mut input = RecordInput {
            id: match self.mode {
                FormMode::Add => None,
                FormMode::Edit(id) => Some(id.to_string()),
            },
            phones: Some(Vec::new()),
            ..RecordInput::default()
        };
        for field in &self.fields {
            let text = field.value.text();
            let slot = match field.key {
                FieldKey::Name => &mut input.name,
                FieldKey::Category => &mut input.category,
                FieldKey::Organization => &mut input.organization,
                FieldKey::Description => &mut input.description,
                FieldKey::City => &mut input.city,
                FieldKey::Region => &mut input.region,
                FieldKey::Country => &mut input.country,
                FieldKey::Address => &mut input.address,
                FieldKey::Email => &mut input.email,
                FieldKey::Website => &mut input.website,
                FieldKey::Hours => &mut input.hours,
                FieldKey::Cost => &mut input.cost,
                FieldKey::Notes => &mut input.notes,
                FieldKey::Status => &mut input.status,
                FieldKey::VerifiedOn => {
                    input.verified_on = Some(if text.trim().eq_ignore_ascii_case("today") {
                        format_date(now.date())
                    } else {
                        text
                    });
                    continue;
                }
                FieldKey::Phone(_) => {
                    if !text.trim().is_empty() {
                        input
                            .phones
                            .get_or_insert_with(Vec::new)
                            .push(parse_phone(&text));
                    }
                    continue;
                }
                FieldKey::Languages => {
                    input.languages = Some(split_list(&text, LIST_SEPARATORS));
                    continue;
                }
                FieldKey::Tags => {
                    input.tags = Some(split_list(&text, LIST_SEPARATORS));
                    continue;
                }
            };
            *slot = Some(text);
        }
        input
    }

    /// Puts a validation problem beside its field and moves there.
    pub fn show_error(&mut self, error: &FieldError, now: OffsetDateTime, rows: usize) {
        for field in &mut self.fields {
            field.error = None;
        }
        let at = self
            .fields
            .iter()
            .position(|f| f.key.model_name() == error.field && !is_good_phone(f, now))
            .or_else(|| {
                self.fields
                    .iter()
                    .position(|f| f.key.model_name() == error.field)
            })
            .unwrap_or(0);
        self.fields[at].error = Some(error.problem.clone());
        self.focus = at;
        self.keep_in_view(rows);
    }
}

/// Whether a phone row holds a phone the model accepts on its own (so that
/// a phone error lands on the phone that caused it). Other rows: false.
fn is_good_phone(field: &FormField, now: OffsetDateTime) -> bool {
    if !matches!(field.key, FieldKey::Phone(_)) {
        return false;
    }
    let text = field.value.text();
    if text.trim().is_empty() {
        return true;
    }
    RecordInput {
        name: Some("phone".into()),
        category: Some("other".into()),
        phones: Some(vec![parse_phone(&text)]),
        ..RecordInput::default()
    }
    .validate(now)
    .is_ok()
}

/// ←/→ step through the options; a letter picks the next option that starts
/// with it.
fn choose(options: &[(&str, &str)], index: &mut Option<usize>, edit: TextEdit) -> bool {
    let len = options.len();
    let before = *index;
    *index = match (edit, *index) {
        (TextEdit::Right, None) => Some(0),
        (TextEdit::Right, Some(i)) => Some((i + 1) % len),
        (TextEdit::Left, None) => Some(len - 1),
        (TextEdit::Left, Some(i)) => Some((i + len - 1) % len),
        (TextEdit::Insert(c), current) => {
            let start = current.map_or(0, |i| i + 1);
            (0..len)
                .map(|step| (start + step) % len)
                .find(|i| options[*i].1.starts_with(c.to_ascii_lowercase()))
                .or(current)
        }
        (_, current) => current,
    };
    *index != before
}

/// `NUMBER[; TYPE[; NOTE]]`, as `pamphlet add --phone` takes it. Nothing
/// is escaped: a number or a type never holds `;` (the model refuses both),
/// and the note is the rest of the text, `;` and all. Each phone has its own
/// row, so nothing separates phones.
fn parse_phone(text: &str) -> PhoneInput {
    let mut parts = text.splitn(3, ';').map(|p| p.trim().to_owned());
    PhoneInput {
        number: parts.next(),
        kind: parts.next(),
        note: parts.next(),
    }
}

fn phone_text(phone: &PhoneInput) -> String {
    let mut text = phone.number.clone().unwrap_or_default();
    let kind = phone.kind.as_deref().unwrap_or("");
    let note = phone.note.as_deref().unwrap_or("");
    if !kind.is_empty() || !note.is_empty() {
        text.push_str("; ");
        text.push_str(if kind.is_empty() { "voice" } else { kind });
    }
    if !note.is_empty() {
        text.push_str("; ");
        text.push_str(note);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn now() -> OffsetDateTime {
        datetime!(2026-11-30 12:00 UTC)
    }

    fn type_into(form: &mut Form, key: FieldKey, text: &str) {
        form.focus = form.fields.iter().position(|f| f.key == key).unwrap();
        for c in text.chars() {
            form.handle(Action::Text(TextEdit::Insert(c)), 20);
        }
    }

    #[test]
    fn an_edit_form_gives_back_the_record_unchanged() {
        let mut record = Record::new("Ana Ruiz", Category::BailFund, now());
        record.languages = vec!["es".into(), "en".into()];
        record.tags = vec!["no-id".into(), "trans, competent".into(), "C:\\x\\".into()];
        record.phones = vec![crate::model::Phone {
            number: "+1 503 555 0100".into(),
            kind: crate::model::PhoneKind::Text,
            note: "ask; for Ana".into(),
        }];
        record.verified_on = Some(time::macros::date!(2026 - 10 - 01));
        let form = Form::edit(&record);
        let mut input = form.to_input(now());
        input.updated_at = Some("2026-11-30T12:00:00Z".into());
        assert_eq!(input.validate(now()).unwrap(), record);
    }

    #[test]
    fn a_phone_error_lands_on_the_bad_phone_and_typing_clears_it() {
        let mut form = Form::add();
        type_into(&mut form, FieldKey::Name, "Ana");
        type_into(&mut form, FieldKey::Category, "c");
        type_into(&mut form, FieldKey::Phone(0), "555 0100");
        type_into(&mut form, FieldKey::Phone(1), "call me");
        type_into(&mut form, FieldKey::VerifiedOn, "today");
        let input = form.to_input(now());
        assert_eq!(input.category.as_deref(), Some("clinic"));
        assert_eq!(input.verified_on.as_deref(), Some("2026-11-30"));
        let error = input.validate(now()).unwrap_err();
        form.show_error(&error, now(), 20);
        assert_eq!(form.fields[form.focus].key, FieldKey::Phone(1));
        assert!(form.fields[form.focus].error.is_some());
        form.handle(Action::Text(TextEdit::Backspace), 20);
        assert!(form.fields[form.focus].error.is_none());
    }
}
