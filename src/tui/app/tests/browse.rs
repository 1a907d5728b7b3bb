//! Searching, moving through the results, opening a record, and the
//! help: what the main screen does with each key.

use super::*;

#[test]
fn quit_works_from_every_screen() {
    let mut fixture = locked();
    fixture.app.update(Action::Quit);
    assert!(fixture.app.should_quit());
    let mut fixture = open();
    fixture.app.update(Action::NewRecord);
    assert_eq!(fixture.app.context(), Context::Form);
    fixture.app.update(Action::Quit);
    assert!(fixture.app.should_quit());
}

#[test]
fn help_opens_with_f1_anywhere_and_question_mark_when_not_typing() {
    let mut fixture = open();
    fixture.app.update(Action::Help);
    assert_eq!(fixture.app.context(), Context::Help);
    fixture.app.update(Action::Help);
    assert_eq!(fixture.app.context(), Context::List);
    // `?` in an empty search box is help; once typing, it is a character.
    fixture.app.update(Action::Text(TextEdit::Insert('?')));
    assert_eq!(fixture.app.context(), Context::Help);
    fixture.app.update(Action::Back);
    type_text(&mut fixture.app, "a?");
    assert_eq!(main(&fixture.app).browse.query.text(), "a?");
    assert_eq!(fixture.app.context(), Context::List);

    let mut fixture = locked();
    fixture.app.update(Action::Help);
    assert_eq!(fixture.app.context(), Context::Help);
}

#[test]
fn help_scrolls_and_closes() {
    let mut fixture = open();
    fixture.app.update(Action::Help);
    fixture.app.update(Action::Down);
    fixture.app.update(Action::ScrollDown);
    fixture.app.update(Action::PageDown);
    assert_eq!(fixture.app.help, Some(12));
    fixture.app.update(Action::Up);
    fixture.app.update(Action::ScrollUp);
    fixture.app.update(Action::PageUp);
    assert_eq!(fixture.app.help, Some(0));
    fixture.app.update(Action::Back);
    assert_eq!(fixture.app.help, None);
}

#[test]
fn typing_searches_at_once_and_ctrl_w_ctrl_u_edit() {
    let mut fixture = open();
    assert_eq!(shown_names(&fixture.app).len(), 4);
    fixture.app.update(Action::Text(TextEdit::Insert('c')));
    assert!(main(&fixture.app).browse.searching());
    type_text(&mut fixture.app, "linic portland");
    assert_eq!(shown_names(&fixture.app), vec!["Clínica Libre"]);
    fixture.app.update(Action::Text(TextEdit::DeleteWord));
    settle(&mut fixture.app);
    assert_eq!(main(&fixture.app).browse.query.text(), "clinic ");
    assert_eq!(shown_names(&fixture.app).len(), 2);
    fixture.app.update(Action::Text(TextEdit::Left));
    fixture.app.update(Action::Text(TextEdit::Home));
    fixture.app.update(Action::Text(TextEdit::End));
    fixture.app.update(Action::Text(TextEdit::Backspace));
    fixture.app.update(Action::Text(TextEdit::Right));
    fixture.app.update(Action::Text(TextEdit::Delete));
    fixture.app.update(Action::Text(TextEdit::DeleteToStart));
    settle(&mut fixture.app);
    assert_eq!(main(&fixture.app).browse.query.text(), "");
    assert_eq!(shown_names(&fixture.app).len(), 4);
}

#[test]
fn a_query_that_matches_nothing_shows_no_results() {
    let mut fixture = open();
    type_text(&mut fixture.app, "zzzz");
    assert!(shown_names(&fixture.app).is_empty());
    assert!(main(&fixture.app).selected().is_none());
    fixture.app.update(Action::Enter);
    assert_eq!(fixture.app.context(), Context::List, "nothing to open");
}

#[test]
fn esc_clears_the_search_then_the_filters() {
    let mut fixture = open();
    fixture.app.update(Action::CycleCategory);
    fixture.app.update(Action::CycleCategory);
    type_text(&mut fixture.app, "night");
    assert_eq!(shown_names(&fixture.app), vec!["Night Clinic"]);
    fixture.app.update(Action::Back);
    settle(&mut fixture.app);
    assert_eq!(shown_names(&fixture.app).len(), 2, "still only clinics");
    fixture.app.update(Action::Back);
    settle(&mut fixture.app);
    assert_eq!(shown_names(&fixture.app).len(), 4);
}

#[test]
fn quick_filters_cycle_category_and_city() {
    let mut fixture = open();
    // Categories present, in order: lawyer, clinic, housing; then none.
    fixture.app.update(Action::CycleCategory);
    settle(&mut fixture.app);
    assert_eq!(shown_names(&fixture.app), vec!["Ana Ruiz"]);
    fixture.app.update(Action::CycleCategory);
    settle(&mut fixture.app);
    // Without a query: the most recently verified first.
    assert_eq!(
        shown_names(&fixture.app),
        vec!["Night Clinic", "Clínica Libre"]
    );
    // Cities among clinics, most records first then by name.
    fixture.app.update(Action::CycleCity);
    settle(&mut fixture.app);
    assert_eq!(shown_names(&fixture.app), vec!["Clínica Libre"]);
    fixture.app.update(Action::CycleCity);
    settle(&mut fixture.app);
    assert_eq!(shown_names(&fixture.app), vec!["Night Clinic"]);
    fixture.app.update(Action::CycleCity);
    fixture.app.update(Action::CycleCategory);
    fixture.app.update(Action::CycleCategory);
    settle(&mut fixture.app);
    assert_eq!(shown_names(&fixture.app).len(), 4, "back to everything");
}

#[test]
fn up_down_page_and_wheel_move_the_selection_within_the_results() {
    let mut fixture = open();
    assert_eq!(main(&fixture.app).browse.selected, 0);
    fixture.app.update(Action::Down);
    assert_eq!(main(&fixture.app).browse.selected, 1);
    fixture.app.update(Action::Up);
    fixture.app.update(Action::Up);
    assert_eq!(main(&fixture.app).browse.selected, 0);
    fixture.app.update(Action::PageDown);
    assert_eq!(main(&fixture.app).browse.selected, 3, "clamped to the last");
    fixture.app.update(Action::PageUp);
    assert_eq!(main(&fixture.app).browse.selected, 0);
    fixture.app.update(Action::ScrollDown);
    assert_eq!(main(&fixture.app).browse.selected, 3);
    fixture.app.update(Action::ScrollUp);
    assert_eq!(main(&fixture.app).browse.selected, 0);
}

#[test]
fn enter_opens_the_detail_where_up_down_change_record_and_esc_goes_back() {
    let mut fixture = open();
    fixture.app.update(Action::Enter);
    assert_eq!(fixture.app.context(), Context::Detail);
    assert_eq!(selected_name(&fixture.app), "Night Clinic");
    fixture.app.update(Action::Down);
    assert_eq!(selected_name(&fixture.app), "Clínica Libre");
    fixture.app.update(Action::ScrollDown);
    fixture.app.update(Action::PageDown);
    assert!(matches!(
        main(&fixture.app).view,
        View::Detail { scroll } if scroll > 3
    ));
    fixture.app.update(Action::PageUp);
    fixture.app.update(Action::ScrollUp);
    assert!(matches!(
        main(&fixture.app).view,
        View::Detail { scroll: 0 }
    ));
    fixture.app.update(Action::Back);
    assert_eq!(fixture.app.context(), Context::List);
}

#[test]
fn a_click_selects_a_row_and_a_second_click_opens_it() {
    let mut fixture = open();
    // Row 0 is the search line, row 1 the list's title rule.
    fixture.app.update(Action::Click { column: 5, row: 4 });
    assert_eq!(main(&fixture.app).browse.selected, 2);
    assert_eq!(fixture.app.context(), Context::List);
    fixture.app.update(Action::Click { column: 5, row: 4 });
    assert_eq!(fixture.app.context(), Context::Detail);
    fixture.app.update(Action::Back);
    fixture.app.update(Action::Click { column: 5, row: 20 });
    assert_eq!(main(&fixture.app).browse.selected, 2, "below the last row");
}

#[test]
fn resize_keeps_the_selection_in_view() {
    let mut fixture = open();
    fixture.app.update(Action::PageDown);
    fixture.app.update(Action::Resize {
        width: 80,
        height: 6,
    });
    assert_eq!(fixture.app.size.height, 6);
    let browse = &main(&fixture.app).browse;
    // Six rows leave two for the list.
    assert_eq!((browse.selected, browse.offset), (3, 2));
}

#[test]
fn results_carry_the_reading_and_part_matches_apart_which_are_never_selected() {
    let mut fixture = open();
    type_text(&mut fixture.app, "clinic in portland");
    let results = &main(&fixture.app).browse.results;
    assert_eq!(shown_names(&fixture.app), ["Clínica Libre"]);
    assert!(results.reading.optional.contains(&"in".to_owned()));
    assert!(results.partial.is_empty(), "full matches: no partial group");

    fixture.app.update(Action::Text(TextEdit::DeleteToStart));
    type_text(&mut fixture.app, "clinic oslo");
    let results = &main(&fixture.app).browse.results;
    assert!(results.ids.is_empty());
    assert_eq!(results.reading.missing, ["oslo"]);
    assert_eq!(results.partial.len(), 2, "the two clinics match part of it");
    assert_eq!(results.partial_total, 2);
    // Moving, clicking and Enter select none of them.
    fixture.app.update(Action::Down);
    fixture.app.update(Action::Click { column: 4, row: 5 });
    fixture.app.update(Action::Enter);
    assert!(main(&fixture.app).selected().is_none());
    assert_eq!(fixture.app.context(), Context::List);
}

#[test]
fn export_of_a_search_with_no_full_match_carries_nothing() {
    let mut fixture = open();
    let listed = |app: &App| match &main(app).dialog {
        Some(Dialog::Export(dialog)) => dialog.ids.clone(),
        _ => panic!("no export dialog"),
    };
    type_text(&mut fixture.app, "clinic oslo");
    assert!(!main(&fixture.app).browse.results.partial.is_empty());
    fixture.app.update(Action::Export);
    assert!(listed(&fixture.app).is_empty(), "partial matches exported");
    fixture.app.update(Action::Back);

    // The same clinics are exported once the search matches them in full.
    fixture.app.update(Action::Text(TextEdit::DeleteToStart));
    type_text(&mut fixture.app, "clinic");
    fixture.app.update(Action::Export);
    let mut exported = listed(&fixture.app);
    let mut shown = main(&fixture.app).browse.results.ids.clone();
    exported.sort();
    shown.sort();
    assert_eq!(exported.len(), 2);
    assert_eq!(exported, shown);
}
