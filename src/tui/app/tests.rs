//! `App::update`, one action at a time, on a real vault in a temp dir. No
//! terminal, no threads, no sleeping: searches and unlocks run inline, the
//! clock and the idle timer are handed in.

use std::time::Duration;

use age::secrecy::SecretString;
use tempfile::TempDir;
use time::macros::{date, datetime};
use time::OffsetDateTime;

use super::*;
use crate::model::{Category, Phone, PhoneKind, Record, RecordInput};
use crate::tui::input::TextEdit;
use crate::tui::places::Places;
use crate::vault::WorkFactor;

const PASSPHRASE: &str = "a test passphrase";

fn now() -> OffsetDateTime {
    datetime!(2026-11-30 12:00 UTC)
}

fn record(name: &str, category: Category, city: &str) -> Record {
    let mut record = Record::new(name, category, now());
    record.city = city.to_owned();
    record.country = "US".to_owned();
    record
}

fn records() -> Vec<Record> {
    let mut clinic = record("Clínica Libre", Category::Clinic, "Portland");
    clinic.verified_on = Some(date!(2026 - 10 - 01));
    clinic.languages = vec!["es".into(), "en".into()];
    clinic.phones = vec![Phone {
        number: "+1 503 555 0100".into(),
        kind: PhoneKind::Text,
        note: "ask for Ana".into(),
    }];
    let lawyer = record("Ana Ruiz", Category::Lawyer, "Portland");
    let mut housing = record("Maison Refuge", Category::Housing, "Lyon");
    housing.country = "FR".into();
    housing.verified_on = Some(date!(2025 - 01 - 01));
    let mut clinic2 = record("Night Clinic", Category::Clinic, "Seattle");
    clinic2.verified_on = Some(date!(2026 - 11 - 01));
    vec![clinic, lawyer, housing, clinic2]
}

/// The vault in `TEMP/vault`; the "current directory" is `TEMP/here` and
/// drives are looked for under `TEMP/media`.
fn config(dir: &std::path::Path) -> Config {
    let temp = dir.parent().unwrap();
    Config {
        vault_dir: dir.to_owned(),
        lock_after: Duration::from_secs(300),
        demo: false,
        color: true,
        places: Places {
            drive_roots: vec![temp.join("media")],
            mounted_only: false,
            here: temp.join("here"),
        },
        bundle_scrypt_log_n: Some(4),
    }
}

struct Fixture {
    _temp: TempDir,
    dir: std::path::PathBuf,
    app: App,
}

/// A vault holding `records()`, closed again, and an app at its unlock
/// screen.
fn locked() -> Fixture {
    locked_with(records())
}

/// A vault holding `records`, closed again, and an app at its unlock screen.
fn locked_with(records: Vec<Record>) -> Fixture {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("vault");
    std::fs::create_dir_all(temp.path().join("here")).unwrap();
    let passphrase = SecretString::from(PASSPHRASE.to_owned());
    let mut vault = Vault::init(&dir, &passphrase, WorkFactor::log_n(4)).unwrap();
    vault.put_all(records).unwrap();
    drop(vault);
    let app = App::new(config(&dir), now());
    Fixture {
        _temp: temp,
        dir,
        app,
    }
}

/// The same, unlocked, with the first search done, at 80×24.
fn open() -> Fixture {
    open_with(records())
}

/// `locked_with(records)`, unlocked, with the first search done, at 80×24.
fn open_with(records: Vec<Record>) -> Fixture {
    let mut fixture = locked_with(records);
    let passphrase = SecretString::from(PASSPHRASE.to_owned());
    let vault = Vault::unlock(&fixture.dir, &passphrase).unwrap();
    fixture.app = App::unlocked(config(&fixture.dir), vault, now());
    fixture.app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    settle(&mut fixture.app);
    fixture
}

/// Runs the searches asked for, as the search thread would.
fn settle(app: &mut App) {
    while let Some(request) = app.take_search_request() {
        app.found(request.run());
    }
}

fn main(app: &App) -> &MainScreen {
    match &app.screen {
        Screen::Open(main) => main,
        Screen::Locked(_) => panic!("locked"),
    }
}

fn unlock_state(app: &App) -> &UnlockState {
    match &app.screen {
        Screen::Locked(state) => state,
        Screen::Open(_) => panic!("open"),
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Text(TextEdit::Insert(c)));
    }
    settle(app);
}

fn shown_names(app: &App) -> Vec<String> {
    let main = main(app);
    main.browse
        .results
        .ids
        .iter()
        .map(|id| main.session.vault.get(id).unwrap().name.clone())
        .collect()
}

fn selected_name(app: &App) -> String {
    main(app).selected().unwrap().name.clone()
}

fn select(app: &mut App, name: &str) {
    let at = shown_names(app).iter().position(|n| n == name).unwrap();
    let main = match &mut app.screen {
        Screen::Open(main) => main,
        Screen::Locked(_) => panic!("locked"),
    };
    main.browse.selected = at;
}

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
fn lock_drops_the_records_and_asks_for_a_clear_screen() {
    let mut fixture = open();
    type_text(&mut fixture.app, "clinic");
    fixture.app.update(Action::Help);
    fixture.app.update(Action::Lock);
    assert!(fixture.app.is_locked());
    assert_eq!(fixture.app.context(), Context::Unlock);
    assert_eq!(unlock_state(&fixture.app).reason, LockReason::ByHand);
    assert!(fixture.app.take_clear());
    assert!(!fixture.app.take_clear(), "asked once");
    assert!(fixture.app.take_search_request().is_none());
    // The vault's lock is released with the records: it opens again.
    let passphrase = SecretString::from(PASSPHRASE.to_owned());
    assert!(Vault::unlock(&fixture.dir, &passphrase).is_ok());
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
    assert_eq!(selected_name(&fixture.app), "Casa Segura");
    let saved = main(&fixture.app).selected().unwrap();
    assert_eq!(
        (saved.category, saved.city.as_str()),
        (Category::Housing, "Houston")
    );
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
    assert_eq!(form.fields[form.focus].key, FieldKey::Category);
    assert_eq!(
        form.fields[form.focus].error.as_deref(),
        Some("is required")
    );
    assert_eq!(main(&fixture.app).session.vault.len(), 4);
    fixture.app.update(Action::Back);
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
    assert!(notice.text.contains("Maison Refuge"), "{notice:?}");
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
        notice.text,
        "“Casa Puente” is already marked verified today."
    );

    select(&mut fixture.app, "Night Clinic");
    fixture.app.update(Action::MarkVerified);
    settle(&mut fixture.app);
    let stored = main(&fixture.app).session.vault.get(&earlier.id).unwrap();
    assert_eq!(stored.verified_on, Some(now().date()));
    assert_eq!(stored.updated_at, now());
    let notice = main(&fixture.app).notice.clone().unwrap();
    assert_eq!(notice.text, "Marked “Night Clinic” verified today.");
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

fn vault_is_gone(dir: &std::path::Path) -> bool {
    !dir.join("key.age").exists() && !dir.join("db").exists()
}

fn type_wipe_and_enter(app: &mut App, word: &str) {
    for c in word.chars() {
        app.update(Action::Text(TextEdit::Insert(c)));
    }
    app.update(Action::Confirm);
}

#[test]
fn the_wipe_question_opens_and_only_the_word_wipe_confirms() {
    let mut fixture = open();
    assert!(fixture.dir.join("key.age").exists());
    fixture.app.update(Action::Wipe);
    assert_eq!(fixture.app.context(), Context::Wipe);
    // A stray y (or any word but WIPE) and Enter wipe nothing.
    type_wipe_and_enter(&mut fixture.app, "y");
    assert!(matches!(
        fixture.app.wipe,
        Some(Wipe::Asking { error: Some(_), .. })
    ));
    type_wipe_and_enter(&mut fixture.app, "wip");
    assert!(!fixture.app.is_wiped());
    assert!(fixture.dir.join("key.age").exists());
    assert!(fixture.dir.join("db").exists());
    // Esc, or any other key, closes it with the vault as it was.
    fixture.app.update(Action::Back);
    assert!(fixture.app.wipe.is_none());
    assert_eq!(fixture.app.context(), Context::List);
    fixture.app.update(Action::Wipe);
    fixture.app.update(Action::Down);
    assert!(fixture.app.wipe.is_none());
    assert_eq!(main(&fixture.app).session.vault.len(), 4);
    // Help opens over it and closes back to it.
    fixture.app.update(Action::Wipe);
    fixture.app.update(Action::Help);
    assert_eq!(fixture.app.context(), Context::Help);
    fixture.app.update(Action::Back);
    assert_eq!(fixture.app.context(), Context::Wipe);
}

#[test]
fn confirming_the_wipe_drops_the_records_destroys_the_vault_then_any_key_quits() {
    let mut fixture = open();
    fixture.app.update(Action::Enter);
    assert_eq!(fixture.app.context(), Context::Detail);
    fixture.app.update(Action::Wipe);
    type_wipe_and_enter(&mut fixture.app, "Wipe");
    assert!(fixture.app.is_wiped());
    assert!(fixture.app.is_locked(), "the records left the app");
    assert!(fixture.app.take_clear(), "and the terminal");
    assert!(vault_is_gone(&fixture.dir));
    assert!(!fixture.app.should_quit());
    fixture.app.update(Action::Tick {
        elapsed: Duration::from_secs(1),
        now: now(),
    });
    assert!(!fixture.app.should_quit(), "time alone does not quit");
    fixture.app.update(Action::Text(TextEdit::Insert('x')));
    assert!(fixture.app.should_quit());
}

#[test]
fn the_locked_screen_wipes_even_while_an_unlock_runs() {
    let mut fixture = locked();
    type_text(&mut fixture.app, PASSPHRASE);
    fixture.app.update(Action::Enter);
    let request = fixture.app.take_unlock_request().unwrap();
    fixture.app.update(Action::Wipe);
    assert_eq!(fixture.app.context(), Context::Wipe);
    type_wipe_and_enter(&mut fixture.app, "WIPE");
    assert!(fixture.app.is_wiped());
    assert!(vault_is_gone(&fixture.dir));
    // The unlock finishing late opens nothing.
    fixture.app.unlocked_with(request.run());
    assert!(fixture.app.is_locked());
    assert!(fixture.app.is_wiped());
}

#[test]
fn a_failed_wipe_is_said_in_the_question_without_panicking() {
    let mut fixture = locked();
    std::fs::remove_dir_all(&fixture.dir).unwrap();
    fixture.app.update(Action::Wipe);
    type_wipe_and_enter(&mut fixture.app, "wipe");
    assert!(!fixture.app.is_wiped());
    assert!(!fixture.app.should_quit());
    match &fixture.app.wipe {
        Some(Wipe::Asking {
            error: Some(error), ..
        }) => assert!(error.starts_with("Not wiped:"), "{error}"),
        _ => panic!("the question should stay open with the error"),
    }
}

#[test]
fn idle_time_locks_and_any_key_resets_it() {
    let mut fixture = open();
    let tick = |seconds| Action::Tick {
        elapsed: Duration::from_secs(seconds),
        now: now() + Duration::from_secs(seconds),
    };
    fixture.app.update(tick(299));
    assert!(!fixture.app.is_locked());
    fixture.app.update(Action::Down);
    fixture.app.update(tick(299));
    assert!(!fixture.app.is_locked(), "the key reset the timer");
    assert_eq!(fixture.app.now, now() + Duration::from_secs(299));
    fixture.app.update(tick(1));
    assert!(fixture.app.is_locked());
    assert_eq!(
        unlock_state(&fixture.app).reason,
        LockReason::Idle { minutes: 5 }
    );
}

#[test]
fn a_wrong_passphrase_says_so_and_the_right_one_unlocks() {
    let mut fixture = locked();
    fixture.app.update(Action::Enter);
    assert!(unlock_state(&fixture.app).error.is_some(), "empty: asks");
    assert!(fixture.app.take_unlock_request().is_none());

    type_text(&mut fixture.app, "wrong");
    fixture.app.update(Action::Enter);
    assert!(fixture.app.is_busy());
    assert!(unlock_state(&fixture.app).input.is_empty(), "not kept");
    fixture.app.update(Action::Tick {
        elapsed: Duration::from_millis(80),
        now: now(),
    });
    assert_eq!(
        unlock_state(&fixture.app).phase,
        Phase::Unlocking { frame: 1 }
    );
    type_text(&mut fixture.app, "ignored while unlocking");
    let request = fixture.app.take_unlock_request().unwrap();
    assert!(
        !format!("{request:?}").contains("wrong"),
        "no secret in Debug"
    );
    fixture
        .app
        .unlocked_with(request.run().map(|_| unreachable!()));
    let state = unlock_state(&fixture.app);
    assert_eq!(state.error.as_deref(), Some("Wrong passphrase. Try again."));
    assert_eq!(state.phase, Phase::Waiting);
    assert!(state.input.is_empty());

    type_text(&mut fixture.app, "typo");
    fixture.app.update(Action::Back);
    assert!(unlock_state(&fixture.app).input.is_empty(), "Esc clears");
    type_text(&mut fixture.app, PASSPHRASE);
    fixture.app.update(Action::Text(TextEdit::Backspace));
    type_text(&mut fixture.app, "e");
    fixture.app.update(Action::Text(TextEdit::DeleteWord));
    fixture.app.update(Action::Text(TextEdit::DeleteToStart));
    type_text(&mut fixture.app, PASSPHRASE);
    fixture.app.update(Action::Enter);
    let request = fixture.app.take_unlock_request().unwrap();
    fixture.app.unlocked_with(request.run());
    assert!(!fixture.app.is_locked());
    settle(&mut fixture.app);
    assert_eq!(shown_names(&fixture.app).len(), 4);
}

#[test]
fn a_late_unlock_result_after_quitting_the_attempt_is_ignored() {
    let mut fixture = open();
    fixture.app.update(Action::Lock);
    let passphrase = SecretString::from(PASSPHRASE.to_owned());
    let vault = Vault::unlock(&fixture.dir, &passphrase).unwrap();
    fixture.app.unlocked_with(Ok(Session::new(vault)));
    assert!(fixture.app.is_locked(), "nobody asked for it");
}

/// An app started with `passphrase` given (from a file or the
/// environment), on a vault holding `records()`.
fn started_with(passphrase: &str) -> Fixture {
    let mut fixture = locked();
    fixture.app = App::unlocking(
        config(&fixture.dir),
        SecretString::from(passphrase.to_owned()),
        now(),
    );
    fixture
}

#[test]
fn a_given_passphrase_unlocks_at_once_as_if_typed() {
    let mut fixture = started_with(PASSPHRASE);
    assert!(fixture.app.is_locked());
    assert_eq!(
        unlock_state(&fixture.app).phase,
        Phase::Unlocking { frame: 0 }
    );
    assert!(fixture.app.is_busy(), "the progress screen moves");
    assert!(unlock_state(&fixture.app).input.is_empty(), "nothing typed");
    type_text(&mut fixture.app, "ignored while unlocking");
    let request = fixture.app.take_unlock_request().unwrap();
    assert!(
        !format!("{request:?}").contains(PASSPHRASE),
        "no secret in Debug"
    );
    assert!(fixture.app.take_unlock_request().is_none(), "asked once");
    fixture.app.unlocked_with(request.run());
    assert!(!fixture.app.is_locked());
    assert_eq!(fixture.app.context(), Context::List);
    fixture.app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    settle(&mut fixture.app);
    assert_eq!(shown_names(&fixture.app).len(), 4);
}

#[test]
fn a_wrong_given_passphrase_ends_on_the_unlock_screen_saying_so() {
    let mut fixture = started_with("not the passphrase");
    let request = fixture.app.take_unlock_request().unwrap();
    fixture
        .app
        .unlocked_with(request.run().map(|_| unreachable!()));
    let state = unlock_state(&fixture.app);
    assert_eq!(state.error.as_deref(), Some("Wrong passphrase. Try again."));
    assert_eq!(state.phase, Phase::Waiting);
    assert!(state.input.is_empty());
    assert!(!fixture.app.is_busy());

    // The right one, typed, then unlocks as usual.
    type_text(&mut fixture.app, PASSPHRASE);
    fixture.app.update(Action::Enter);
    let request = fixture.app.take_unlock_request().unwrap();
    fixture.app.unlocked_with(request.run());
    assert!(!fixture.app.is_locked());
}

#[test]
fn after_locking_a_given_passphrase_is_not_used_again() {
    let mut fixture = started_with(PASSPHRASE);
    let request = fixture.app.take_unlock_request().unwrap();
    fixture.app.unlocked_with(request.run());
    assert!(!fixture.app.is_locked());

    for lock in [
        Action::Lock,
        Action::Tick {
            elapsed: Duration::from_secs(300),
            now: now(),
        },
    ] {
        fixture.app.update(lock);
        assert!(fixture.app.is_locked());
        let state = unlock_state(&fixture.app);
        assert_eq!(state.phase, Phase::Waiting, "asks on screen");
        assert!(state.input.is_empty());
        assert!(state.error.is_none());
        assert!(!fixture.app.is_busy());
        assert!(fixture.app.take_unlock_request().is_none(), "no unlock");
        for _ in 0..3 {
            fixture.app.update(Action::Tick {
                elapsed: Duration::from_millis(80),
                now: now(),
            });
        }
        assert!(fixture.app.take_unlock_request().is_none(), "none later");
        assert_eq!(unlock_state(&fixture.app).phase, Phase::Waiting);

        // Only typing it unlocks again.
        type_text(&mut fixture.app, PASSPHRASE);
        fixture.app.update(Action::Enter);
        let request = fixture.app.take_unlock_request().unwrap();
        fixture.app.unlocked_with(request.run());
        assert!(!fixture.app.is_locked());
    }
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
    assert_eq!(fixture.app.context(), Context::List);
    let stored = main(&fixture.app).session.vault.get(&older.id).unwrap();
    assert_eq!(stored, &older, "not even updated_at changed");
    let notice = main(&fixture.app).notice.clone().unwrap();
    assert_eq!(notice.text, "No changes to “Casa Puente”.");
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
        field_text(&fixture.app, FieldKey::Tags),
        "trans\\, competent, C:\\\\intake, no-id"
    );
    assert_eq!(
        field_text(&fixture.app, FieldKey::Phone(0)),
        "+1 503 555 0142; text; ask; for Bo; evenings, weekends"
    );
    focus_field(&mut fixture.app, FieldKey::Hours);
    type_text(&mut fixture.app, "Mon–Fri 9–17");
    fixture.app.update(Action::Save);
    settle(&mut fixture.app);
    assert_eq!(fixture.app.context(), Context::List);

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
    focus_field(&mut fixture.app, FieldKey::Tags);
    type_text(&mut fixture.app, "trans\\, competent, no-id,, C:\\forms");
    fixture.app.update(Action::Save);
    settle(&mut fixture.app);
    assert_eq!(fixture.app.context(), Context::List);
    let saved = main(&fixture.app).selected().unwrap();
    assert_eq!(saved.name, "Casa Puente");
    // A backslash before anything but a comma or a backslash is kept.
    assert_eq!(saved.tags, ["trans, competent", "no-id", "C:\\forms"]);
}

mod bundles;
