//! A form keeps its work: Esc or Ctrl-C in a changed form asks before the
//! changes go, and a saved record is shown, not just the list.

use super::*;

#[test]
fn esc_in_a_changed_form_asks_and_no_keeps_what_was_typed() {
    let mut fixture = open();
    fixture.app.update(Action::NewRecord);
    type_text(&mut fixture.app, "Casa Segura");
    fixture.app.update(Action::Back);
    assert_eq!(fixture.app.context(), Context::Discard);
    // Typing while asked goes nowhere.
    fixture.app.update(Action::Text(TextEdit::Insert('x')));
    fixture.app.update(Action::Back);
    assert_eq!(fixture.app.context(), Context::Form);
    let View::Form(form) = &main(&fixture.app).view else {
        panic!("the form stays open");
    };
    let Value::Text(name) = &form.fields[0].value else {
        panic!("the name is text");
    };
    assert_eq!(name.text(), "Casa Segura");

    fixture.app.update(Action::Back);
    fixture.app.update(Action::Confirm);
    assert_eq!(fixture.app.context(), Context::List);
    assert_eq!(main(&fixture.app).session.vault.len(), 4, "nothing saved");
    assert!(!fixture.app.should_quit());
}

#[test]
fn esc_in_an_unchanged_form_leaves_at_once() {
    let mut fixture = open();
    fixture.app.update(Action::EditRecord);
    type_text(&mut fixture.app, "x");
    fixture.app.update(Action::Text(TextEdit::Backspace));
    fixture.app.update(Action::Back);
    assert_eq!(fixture.app.context(), Context::List, "typed and undone");
}

#[test]
fn ctrl_c_in_a_changed_form_asks_and_yes_or_a_second_ctrl_c_quits() {
    for second in [Action::Confirm, Action::Quit] {
        let mut fixture = open();
        fixture.app.update(Action::EditRecord);
        type_text(&mut fixture.app, " Nord");
        fixture.app.update(Action::Quit);
        assert!(!fixture.app.should_quit(), "asks first");
        assert_eq!(fixture.app.context(), Context::Discard);
        fixture.app.update(second);
        assert!(fixture.app.should_quit(), "{second:?}");
    }
    // Unchanged, Ctrl-C quits at once, as everywhere else.
    let mut fixture = open();
    fixture.app.update(Action::EditRecord);
    fixture.app.update(Action::Quit);
    assert!(fixture.app.should_quit());
}

#[test]
fn ctrl_c_with_help_over_a_changed_form_closes_help_and_asks() {
    let mut fixture = open();
    fixture.app.update(Action::NewRecord);
    type_text(&mut fixture.app, "Casa");
    fixture.app.update(Action::Help);
    fixture.app.update(Action::Quit);
    assert!(!fixture.app.should_quit());
    assert_eq!(fixture.app.context(), Context::Discard);
}

#[test]
fn after_saving_an_edit_the_record_is_shown() {
    let mut fixture = open();
    select(&mut fixture.app, "Maison Refuge");
    fixture.app.update(Action::EditRecord);
    type_text(&mut fixture.app, " Nord");
    fixture.app.update(Action::Save);
    settle(&mut fixture.app);
    assert_eq!(fixture.app.context(), Context::Detail);
    assert_eq!(selected_name(&fixture.app), "Maison Refuge Nord");
    fixture.app.update(Action::Back);
    assert_eq!(fixture.app.context(), Context::List);
    assert_eq!(selected_name(&fixture.app), "Maison Refuge Nord");
}

#[test]
fn a_saved_record_the_search_does_not_list_is_not_shown_in_its_place() {
    let mut fixture = open();
    type_text(&mut fixture.app, "portland");
    fixture.app.update(Action::NewRecord);
    type_text(&mut fixture.app, "Casa Segura");
    fixture.app.update(Action::NextField);
    type_text(&mut fixture.app, "h");
    fixture.app.update(Action::Save);
    settle(&mut fixture.app);
    // Not the first record listed in its stead: the list, and why.
    assert_eq!(fixture.app.context(), Context::List);
    let notice = main(&fixture.app).notice.clone().unwrap();
    assert!(
        notice
            .text
            .in_lang(crate::i18n::Lang::En)
            .contains("does not list it"),
        "{notice:?}"
    );
    assert_eq!(main(&fixture.app).session.vault.len(), 5, "but it is saved");
}
