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
        lang: crate::i18n::Lang::En,
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

mod browse;
mod bundles;
mod language;
mod leaving;
mod lock;
mod records;
mod wipe;
