//! Adding, editing, marking verified and deleting records through the
//! form and the main screen.

use super::*;
use crate::model::Field;

#[test]
fn the_form_adds_a_record_in_one_save_and_it_is_then_found() {
    let mut fixture = open();
    fixture.app.update(Action::NewRecord);
    assert_eq!(fixture.app.context(), Context::Form);
    type_text(&mut fixture.app, "Casa Segura");
    fixture.app.update(Action::NextField);
    type_text(&mut fixture.app, "h");
    for _ in 0..3 {
        fixture.app.update(Action::NextField);
    }
    type_text(&mut fixture.app, "Houston");
    fixture.app.update(Action::PrevField);
    fixture.app.update(Action::NextField);
    fixture.app.update(Action::Save);
    assert_eq!(fixture.app.context(), Context::List);
    settle(&mut fixture.app);
    assert_eq!(
        fixture.app.context(),
        Context::Detail,
        "the new record shown"
    );
    assert_eq!(selected_name(&fixture.app), "Casa Segura");
    let saved = main(&fixture.app).selected().unwrap();
    assert_eq!(
        (saved.category, saved.city.as_str()),
        (Category::Housing, "Houston")
    );
    fixture.app.update(Action::Back);
    type_text(&mut fixture.app, "casa houston");
    assert_eq!(shown_names(&fixture.app), vec!["Casa Segura"]);
}

#[test]
fn a_bad_field_is_named_beside_it_and_nothing_is_saved() {
    let mut fixture = open();
    fixture.app.update(Action::NewRecord);
    type_text(&mut fixture.app, "Casa Segura");
    fixture.app.update(Action::Save);
    let View::Form(form) = &main(&fixture.app).view else {
        panic!("the form stays open");
    };
    assert_eq!(
        form.fields[form.focus].key,
        FieldKey::Field(Field::Category)
    );
    assert_eq!(
        form.fields[form.focus]
            .error
            .as_ref()
            .map(|error| error.in_lang(crate::i18n::Lang::En)),
        Some("is required".to_owned())
    );
    assert_eq!(main(&fixture.app).session.vault.len(), 4);
    fixture.app.update(Action::Back);
    assert_eq!(fixture.app.context(), Context::Discard);
    fixture.app.update(Action::Confirm);
    assert_eq!(fixture.app.context(), Context::List);
    assert_eq!(main(&fixture.app).session.vault.len(), 4);
}

#[test]
fn esc_in_the_edit_form_changes_nothing_and_save_changes_one_record() {
    let mut fixture = open();
    select(&mut fixture.app, "Maison Refuge");
    let before = main(&fixture.app).selected().unwrap().clone();
    fixture.app.update(Action::EditRecord);
    type_text(&mut fixture.app, " Nord");
    fixture.app.update(Action::Back);
    fixture.app.update(Action::Confirm);
    assert_eq!(main(&fixture.app).selected().unwrap(), &before);

    fixture.app.update(Action::EditRecord);
    type_text(&mut fixture.app, " Nord");
    fixture.app.update(Action::Save);
    settle(&mut fixture.app);
    let after = main(&fixture.app).selected().unwrap();
    assert_eq!(after.name, "Maison Refuge Nord");
    assert_eq!(after.id, before.id);
    assert_eq!(after.verified_on, before.verified_on);
    assert_eq!(main(&fixture.app).session.vault.len(), 4);
}

#[test]
fn mark_verified_sets_today() {
    let mut fixture = open();
    select(&mut fixture.app, "Maison Refuge");
    fixture.app.update(Action::MarkVerified);
    settle(&mut fixture.app);
    let record = main(&fixture.app).selected().unwrap();
    assert_eq!(record.name, "Maison Refuge");
    assert_eq!(record.verified_on, Some(now().date()));
    let notice = main(&fixture.app).notice.clone().unwrap();
    assert!(
        notice
            .text
            .in_lang(crate::i18n::Lang::En)
            .contains("Maison Refuge"),
        "{notice:?}"
    );
}

#[test]
fn marking_a_record_verified_today_again_writes_nothing() {
    let mut today = record("Casa Puente", Category::Housing, "Portland");
    today.verified_on = Some(now().date());
    today.updated_at = datetime!(2026-10-01 09:00 UTC);
    let mut earlier = record("Night Clinic", Category::Clinic, "Seattle");
    earlier.verified_on = Some(date!(2026 - 11 - 01));
    earlier.updated_at = datetime!(2026-10-01 09:00 UTC);
    let mut fixture = open_with(vec![today.clone(), earlier.clone()]);

    select(&mut fixture.app, "Casa Puente");
    fixture.app.update(Action::MarkVerified);
    settle(&mut fixture.app);
    let stored = main(&fixture.app).session.vault.get(&today.id).unwrap();
    assert_eq!(stored, &today, "not even updated_at changed");
    let notice = main(&fixture.app).notice.clone().unwrap();
    assert_eq!(
        notice.text.in_lang(crate::i18n::Lang::En),
        "“Casa Puente” is already marked verified today."
    );

    select(&mut fixture.app, "Night Clinic");
    fixture.app.update(Action::MarkVerified);
    settle(&mut fixture.app);
    let stored = main(&fixture.app).session.vault.get(&earlier.id).unwrap();
    assert_eq!(stored.verified_on, Some(now().date()));
    assert_eq!(stored.updated_at, now());
    let notice = main(&fixture.app).notice.clone().unwrap();
    assert_eq!(
        notice.text.in_lang(crate::i18n::Lang::En),
        "Marked “Night Clinic” verified today."
    );
}

#[test]
fn delete_asks_naming_the_record_and_only_yes_deletes() {
    let mut fixture = open();
    select(&mut fixture.app, "Night Clinic");
    fixture.app.update(Action::DeleteRecord);
    assert_eq!(fixture.app.context(), Context::Confirm);
    assert_eq!(
        main(&fixture.app).confirm.as_ref().unwrap().name,
        "Night Clinic"
    );
    fixture.app.update(Action::Down);
    fixture.app.update(Action::Back);
    assert_eq!(main(&fixture.app).session.vault.len(), 4);
    fixture.app.update(Action::DeleteRecord);
    fixture.app.update(Action::Confirm);
    settle(&mut fixture.app);
    assert_eq!(main(&fixture.app).session.vault.len(), 3);
    assert!(!shown_names(&fixture.app).contains(&"Night Clinic".to_owned()));
    type_text(&mut fixture.app, "night");
    assert!(
        shown_names(&fixture.app).is_empty(),
        "gone from the index too"
    );
}

#[test]
fn an_edited_record_round_trips_through_the_form_unchanged() {
    // Saving an edit without touching anything keeps every field.
    let mut fixture = open();
    select(&mut fixture.app, "Clínica Libre");
    let before = main(&fixture.app).selected().unwrap().clone();
    fixture.app.update(Action::EditRecord);
    fixture.app.update(Action::Save);
    settle(&mut fixture.app);
    let after = main(&fixture.app).selected().unwrap().clone();
    let mut expected = before.to_input();
    expected.updated_at = None;
    let mut got: RecordInput = after.to_input();
    got.updated_at = None;
    assert_eq!(got, expected);
}

#[test]
fn saving_an_edit_that_changes_nothing_writes_nothing() {
    let mut older = record("Casa Puente", Category::Housing, "Portland");
    older.updated_at = datetime!(2026-10-01 09:00 UTC);
    let mut fixture = open_with(vec![older.clone()]);
    fixture.app.update(Action::EditRecord);
    fixture.app.update(Action::Save);
    settle(&mut fixture.app);
    assert_eq!(fixture.app.context(), Context::Detail);
    let stored = main(&fixture.app).session.vault.get(&older.id).unwrap();
    assert_eq!(stored, &older, "not even updated_at changed");
    let notice = main(&fixture.app).notice.clone().unwrap();
    assert_eq!(
        notice.text.in_lang(crate::i18n::Lang::En),
        "No changes to “Casa Puente”."
    );
}

/// The open form, or a panic.
fn form(app: &App) -> &Form {
    match &main(app).view {
        View::Form(form) => form,
        _ => panic!("no form open"),
    }
}

/// Tabs through the open form to `key`.
fn focus_field(app: &mut App, key: FieldKey) {
    for _ in 0..40 {
        let form = form(app);
        if form.fields[form.focus].key == key {
            return;
        }
        app.update(Action::NextField);
    }
    panic!("no field {key:?}");
}

fn field_text(app: &App, key: FieldKey) -> String {
    let form = form(app);
    match &form.fields.iter().find(|f| f.key == key).unwrap().value {
        Value::Text(input) => input.text().to_owned(),
        Value::Choice { .. } => panic!("{key:?} is a choice"),
    }
}

#[test]
fn editing_another_field_keeps_a_tag_with_a_comma_and_a_phone_note_with_semicolons() {
    // As `load`, a bundle or a CSV import can store them.
    let mut shelter = record("Casa Puente", Category::Housing, "Portland");
    shelter.tags = vec![
        "trans, competent".into(),
        "C:\\intake".into(),
        "no-id".into(),
    ];
    shelter.phones = vec![
        Phone {
            number: "+1 503 555 0142".into(),
            kind: PhoneKind::Text,
            note: "ask; for Bo; evenings, weekends".into(),
        },
        Phone {
            number: "+1 503 555 0143".into(),
            kind: PhoneKind::Voice,
            note: String::new(),
        },
    ];
    let mut fixture = open_with(vec![shelter]);
    let before = main(&fixture.app).selected().unwrap().clone();
    fixture.app.update(Action::EditRecord);
    assert_eq!(
        field_text(&fixture.app, FieldKey::Field(Field::Tags)),
        "trans\\, competent, C:\\\\intake, no-id"
    );
    assert_eq!(
        field_text(&fixture.app, FieldKey::Phone(0)),
        "+1 503 555 0142; text; ask; for Bo; evenings, weekends"
    );
    focus_field(&mut fixture.app, FieldKey::Field(Field::Hours));
    type_text(&mut fixture.app, "Mon–Fri 9–17");
    fixture.app.update(Action::Save);
    settle(&mut fixture.app);
    assert_eq!(fixture.app.context(), Context::Detail);

    let after = main(&fixture.app).session.vault.get(&before.id).unwrap();
    assert_eq!(after.hours, "Mon–Fri 9–17");
    assert_eq!(after.tags, before.tags);
    assert_eq!(after.phones, before.phones);
    assert_eq!(before.differences(after), ["hours"]);
}

#[test]
fn typing_an_escaped_comma_makes_one_tag() {
    let mut fixture = open();
    fixture.app.update(Action::NewRecord);
    type_text(&mut fixture.app, "Casa Puente");
    fixture.app.update(Action::NextField);
    type_text(&mut fixture.app, "h");
    focus_field(&mut fixture.app, FieldKey::Field(Field::Tags));
    type_text(&mut fixture.app, "trans\\, competent, no-id,, C:\\forms");
    fixture.app.update(Action::Save);
    settle(&mut fixture.app);
    assert_eq!(fixture.app.context(), Context::Detail);
    let saved = main(&fixture.app).selected().unwrap();
    assert_eq!(saved.name, "Casa Puente");
    // A backslash before anything but a comma or a backslash is kept.
    assert_eq!(saved.tags, ["trans, competent", "no-id", "C:\\forms"]);
}

/// The form takes no control character (the text input drops them as they
/// are typed); what can be typed, a bidirectional override or isolate, or
/// a line separator in a one-line field, the model refuses, named beside
/// the field, and nothing is saved.
#[test]
fn the_form_refuses_overrides_and_line_separators() {
    for (field, text) in [
        (Field::Name, "Casa\u{202e}Segura"),
        (Field::City, "Hous\u{2028}ton"),
        (Field::Notes, "ask \u{2067}for\u{2069} Bo"),
    ] {
        let mut fixture = open();
        fixture.app.update(Action::NewRecord);
        let name = if field == Field::Name { text } else { "Casa" };
        type_text(&mut fixture.app, name);
        fixture.app.update(Action::NextField);
        type_text(&mut fixture.app, "h");
        if field != Field::Name {
            focus_field(&mut fixture.app, FieldKey::Field(field));
            type_text(&mut fixture.app, text);
        }
        fixture.app.update(Action::Save);
        let form = form(&fixture.app);
        let error = form.fields[form.focus]
            .error
            .as_ref()
            .map(|error| error.in_lang(crate::i18n::Lang::En));
        assert_eq!(form.fields[form.focus].key, FieldKey::Field(field));
        assert!(
            error.as_deref().is_some_and(|e| e.contains("U+2")),
            "{field:?}: {error:?}"
        );
        assert_eq!(main(&fixture.app).session.vault.len(), 4, "{field:?}");
    }
}
