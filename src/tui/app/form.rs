//! The add and edit form: one row per field of a record (one per phone, with
//! a spare row to add another), the focused row, and the validation problem
//! beside the field it is about. The form only collects text; the record
//! model validates it, so the form and `pamphlet add` accept the same things.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::i18n::{Lang, Message};
use crate::model::{
    language_name, today_or, Field, FieldError, FieldValue, PhoneInput, Record, RecordInput, Status,
};
use crate::tui::action::Action;
use crate::tui::input::{TextEdit, TextInput};

/// Which record the form makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormMode {
    Add,
    Edit(Uuid),
}

/// A row of the form: a field of the record, or one of its phones (each
/// phone has its own row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKey {
    Field(Field),
    Phone(usize),
}

impl FieldKey {
    pub fn label(self, lang: Lang) -> String {
        match self {
            FieldKey::Field(field) => field.label(lang),
            FieldKey::Phone(n) => crate::t!(lang, "tui-form-phone-n", n = n + 1),
        }
    }

    /// What to type, shown while the field is empty.
    pub fn hint(self, lang: Lang) -> String {
        let field = match self {
            FieldKey::Phone(_) => return crate::t!(lang, "tui-hint-phone"),
            FieldKey::Field(field) => field,
        };
        if field.choices().is_some() {
            return crate::t!(lang, "tui-hint-choose");
        }
        let id = match field {
            Field::Name => "tui-hint-required",
            Field::Country => "tui-hint-country",
            Field::Languages => "tui-hint-languages",
            Field::Tags => "tui-hint-tags",
            Field::VerifiedOn => "tui-hint-verified-on",
            _ => return String::new(),
        };
        crate::t!(lang, id)
    }

    /// The record's field this row is (part of).
    pub(crate) fn field(self) -> Field {
        match self {
            FieldKey::Field(field) => field,
            FieldKey::Phone(_) => Field::Phones,
        }
    }
}

/// A field's value: free text, or one of a few options.
pub enum Value {
    Text(TextInput),
    Choice {
        /// The stable values (`bail_fund`), shown as words of the language.
        options: Vec<&'static str>,
        index: Option<usize>,
    },
}

impl Value {
    fn choice(options: Vec<&'static str>, current: Option<&str>) -> Value {
        let index = current.and_then(|c| options.iter().position(|value| *value == c));
        Value::Choice { options, index }
    }

    /// The text the model is given.
    fn text(&self) -> String {
        match self {
            Value::Text(input) => input.text().to_owned(),
            Value::Choice { options, index } => index
                .and_then(|i| options.get(i))
                .map(|value| (*value).to_owned())
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
    pub(crate) error: Option<Message>,
}

/// What the form asks of its owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormOutcome {
    Consumed,
    Ignored,
    Cancel,
    Save,
    /// The changes are thrown away and the program ends.
    Quit,
}

/// How a person asked to leave a changed form: the question before its
/// changes are thrown away says what follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Esc: back to the list.
    Cancel,
    /// Ctrl-C: the program ends.
    Quit,
}

pub struct Form {
    pub(crate) mode: FormMode,
    pub(crate) fields: Vec<FormField>,
    pub(crate) focus: usize,
    /// The first screen line shown.
    pub(crate) scroll: usize,
    /// The question asked before a changed form is thrown away.
    pub(crate) leaving: Option<Leave>,
    /// The values as the form opened, to tell whether anything changed.
    initial: Vec<(FieldKey, String)>,
}

impl Form {
    pub fn add() -> Form {
        Form::new(FormMode::Add, None)
    }

    pub fn edit(record: &Record) -> Form {
        Form::new(FormMode::Edit(record.id), Some(record))
    }

    /// One row per field people type, in the order they see them; one per
    /// phone and a spare one to add another. Lists are one line of text,
    /// with `\,` for a comma inside an item (tags also come from `load`,
    /// bundles and CSV) and languages by name.
    fn new(mode: FormMode, record: Option<&Record>) -> Form {
        let row = |key, value| FormField {
            key,
            value,
            error: None,
        };
        let mut fields = Vec::new();
        for field in Field::shown_order().filter(|field| field.is_editable()) {
            let value = record.map(|record| field.get(record));
            if field == Field::Phones {
                let phones = match value {
                    Some(FieldValue::Phones(phones)) => phones,
                    _ => Vec::new(),
                };
                for (n, phone) in phones.iter().enumerate() {
                    let text = TextInput::with_text(&phone.text());
                    fields.push(row(FieldKey::Phone(n), Value::Text(text)));
                }
                let spare = Value::Text(TextInput::new());
                fields.push(row(FieldKey::Phone(phones.len()), spare));
                continue;
            }
            let value = match (field, value) {
                (Field::Languages, Some(FieldValue::List(codes))) => {
                    let names = codes.iter().map(|code| language_name(code).unwrap_or(code));
                    FieldValue::List(names.map(str::to_owned).collect()).into_text()
                }
                (_, Some(value)) => value.into_text(),
                // A new record is active until someone says otherwise.
                (Field::Status, None) => Status::default().as_str().to_owned(),
                (_, None) => String::new(),
            };
            let value = match field.choices() {
                Some(options) => Value::choice(options, Some(value.as_str())),
                None => Value::Text(TextInput::with_text(&value)),
            };
            fields.push(row(FieldKey::Field(field), value));
        }
        let mut form = Form {
            mode,
            fields,
            focus: 0,
            scroll: 0,
            leaving: None,
            initial: Vec::new(),
        };
        form.initial = form.values();
        form
    }

    /// The fields that hold something, with what they hold.
    fn values(&self) -> Vec<(FieldKey, String)> {
        self.fields
            .iter()
            .map(|field| (field.key, field.value.text()))
            .filter(|(_, text)| !text.is_empty())
            .collect()
    }

    /// Whether anything was typed or chosen since the form opened (typing
    /// something and deleting it again is no change).
    pub fn is_changed(&self) -> bool {
        self.values() != self.initial
    }

    /// Asks before leaving if the form was changed; returns whether it
    /// asked (otherwise the form may go at once).
    pub fn ask_before_leaving(&mut self, leave: Leave) -> bool {
        if self.leaving.is_some() || !self.is_changed() {
            return false;
        }
        self.leaving = Some(leave);
        true
    }

    /// Lines the form takes on screen before field `index` (a problem
    /// takes up to two lines under its field).
    pub fn line_of(&self, index: usize) -> usize {
        self.fields[..index.min(self.fields.len())]
            .iter()
            .map(|f| 1 + f.error.as_ref().map_or(0, lines_of_problem))
            .sum()
    }

    pub fn handle(&mut self, action: Action, rows: usize, lang: Lang) -> FormOutcome {
        if let Some(leave) = self.leaving {
            return self.handle_leaving(action, leave);
        }
        let outcome = match action {
            Action::Back if self.ask_before_leaving(Leave::Cancel) => FormOutcome::Consumed,
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
                self.edit_focused(edit, lang);
                FormOutcome::Consumed
            }
            _ => FormOutcome::Ignored,
        };
        self.keep_in_view(rows);
        outcome
    }

    /// The question before the changes are thrown away: yes leaves as
    /// asked, no goes back to the form as it was.
    fn handle_leaving(&mut self, action: Action, leave: Leave) -> FormOutcome {
        match action {
            Action::Confirm => match leave {
                Leave::Cancel => FormOutcome::Cancel,
                Leave::Quit => FormOutcome::Quit,
            },
            Action::Back => {
                self.leaving = None;
                FormOutcome::Consumed
            }
            Action::Help => FormOutcome::Ignored,
            _ => FormOutcome::Consumed,
        }
    }

    fn edit_focused(&mut self, edit: TextEdit, lang: Lang) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        let changed = match &mut field.value {
            Value::Text(input) => input.apply(edit),
            Value::Choice { options, index } => {
                choose(options, field.key.field(), index, edit, lang)
            }
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
        for row in &self.fields {
            let text = row.value.text();
            match row.key {
                FieldKey::Phone(_) => {
                    if !text.trim().is_empty() {
                        input
                            .phones
                            .get_or_insert_with(Vec::new)
                            .push(PhoneInput::parse(&text));
                    }
                }
                FieldKey::Field(Field::VerifiedOn) => {
                    let text = today_or(text, now.date());
                    Field::VerifiedOn.set_text(&mut input, &text);
                }
                FieldKey::Field(field) => field.set_text(&mut input, &text),
            }
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
            .position(|f| f.key.field().name() == error.field && !is_good_phone(f, now))
            .or_else(|| {
                self.fields
                    .iter()
                    .position(|f| f.key.field().name() == error.field)
            })
            .unwrap_or(0);
        self.fields[at].error = Some(error.message.clone());
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
        phones: Some(vec![PhoneInput::parse(&text)]),
        ..RecordInput::default()
    }
    .validate(now)
    .is_ok()
}

/// The lines a problem takes under its field: one, or two when long. A
/// language's words may run longer than English's, so the measure is
/// generous.
fn lines_of_problem(problem: &Message) -> usize {
    if problem.in_lang(Lang::En).chars().count() > 45 {
        2
    } else {
        1
    }
}

/// ←/→ step through the options; a letter picks the next option that starts
/// with it.
fn choose(
    options: &[&str],
    field: Field,
    index: &mut Option<usize>,
    edit: TextEdit,
    lang: Lang,
) -> bool {
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
                .find(|i| {
                    let word = field.choice_word(options[*i], lang).to_lowercase();
                    word.starts_with(c.to_lowercase().to_string().as_str())
                })
                .or(current)
        }
        (_, current) => current,
    };
    *index != before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;
    use time::macros::datetime;

    fn now() -> OffsetDateTime {
        datetime!(2026-11-30 12:00 UTC)
    }

    fn type_into(form: &mut Form, key: FieldKey, text: &str) {
        form.focus = form.fields.iter().position(|f| f.key == key).unwrap();
        for c in text.chars() {
            form.handle(Action::Text(TextEdit::Insert(c)), 20, Lang::En);
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
    fn every_field_people_type_has_a_row_in_the_order_they_see_them() {
        let form = Form::add();
        let rows: Vec<Field> = form.fields.iter().map(|f| f.key.field()).collect();
        let expected: Vec<Field> = Field::shown_order().filter(|f| f.is_editable()).collect();
        assert_eq!(rows, expected);
        assert_eq!(form.fields[0].key.label(Lang::En), "Name");
        assert_eq!(form.fields[0].key.label(Lang::Fr), "Nom");
        let phone = form.fields.iter().find(|f| f.key == FieldKey::Phone(0));
        assert_eq!(
            phone.map(|f| f.key.label(Lang::En)).as_deref(),
            Some("Phone 1")
        );
    }

    #[test]
    fn a_phone_error_lands_on_the_bad_phone_and_typing_clears_it() {
        let mut form = Form::add();
        type_into(&mut form, FieldKey::Field(Field::Name), "Ana");
        type_into(&mut form, FieldKey::Field(Field::Category), "c");
        type_into(&mut form, FieldKey::Phone(0), "555 0100");
        type_into(&mut form, FieldKey::Phone(1), "call me");
        type_into(&mut form, FieldKey::Field(Field::VerifiedOn), "today");
        let input = form.to_input(now());
        assert_eq!(input.category.as_deref(), Some("clinic"));
        assert_eq!(input.verified_on.as_deref(), Some("2026-11-30"));
        let error = input.validate(now()).unwrap_err();
        form.show_error(&error, now(), 20);
        assert_eq!(form.fields[form.focus].key, FieldKey::Phone(1));
        assert!(form.fields[form.focus].error.is_some());
        form.handle(Action::Text(TextEdit::Backspace), 20, Lang::En);
        assert!(form.fields[form.focus].error.is_none());
    }
}
