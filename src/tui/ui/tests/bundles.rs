//! The bundle dialogs and provenance on screen. Bundles are real, made by a
//! second (fictional) organizer's vault; the signer's key is random, so its
//! fingerprint is replaced by a placeholder of the same length before the
//! screen is compared.

use std::path::{Path, PathBuf};

use super::*;
use crate::tui::app::{Dialog, ImportPhase};
use crate::tui::testing::{casa_clara, export_from, signer_vault, trust, MEETING};
use crate::vault::Vault;

pub(super) const FINGERPRINT: &str = "F1F1 F2F2 F3F3 F4F4 F5F5";

fn vault_of(app: &App) -> &Vault {
    match &app.screen {
        Screen::Open(main) => &main.session.vault,
        Screen::Locked(_) => panic!("locked"),
    }
}

/// Snapshots with `fingerprint` replaced, checking that no passphrase or
/// secret key is on screen.
fn snapshot_with(name: &str, app: &App, fingerprint: &str) {
    let terminal = draw(app);
    let text = text_of(terminal.backend().buffer());
    for secret in [TYPED, MEETING, "AGE-SECRET-KEY"] {
        assert!(!text.contains(secret), "{name}: a secret on screen");
    }
    let mut screen = terminal.backend().to_string();
    if !fingerprint.is_empty() {
        assert!(text.contains(fingerprint), "{name}: no fingerprint");
        screen = screen.replace(fingerprint, FINGERPRINT);
    }
    let name = format!("{name}_{}x{}", app.size.width, app.size.height);
    insta::assert_snapshot!(name, screen);
}

fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Text(TextEdit::Insert(c)));
    }
}

/// Rosa's bundle for the sample directory: Casa Clara (new) and Clínica
/// Girasol with other hours (a conflict), to the meeting passphrase.
pub(super) fn rosas_bundle(temp: &Path, app: &App) -> (Vault, PathBuf) {
    let mut rosa = signer_vault(&temp.join("rosa"));
    let mut girasol = vault_of(app)
        .records()
        .find(|r| r.name == "Clínica Girasol")
        .unwrap()
        .clone();
    girasol.hours = "Mon–Sat 8–18".to_owned();
    let path = temp.join("rosa.age");
    export_from(
        &mut rosa,
        vec![casa_clara(now()), girasol],
        None,
        &path,
        now(),
    );
    (rosa, path)
}

/// Opens `path` in the import dialog with the meeting passphrase.
pub(super) fn open_bundle(app: &mut App, path: &Path) {
    app.update(Action::Import);
    app.update(Action::Text(TextEdit::End));
    app.update(Action::Text(TextEdit::DeleteToStart));
    type_in(app, path.to_str().unwrap());
    app.update(Action::Enter);
    assert!(app.work());
    type_in(app, MEETING);
    app.update(Action::Enter);
    assert!(app.work());
}

pub(super) fn fingerprint_of(app: &App) -> String {
    match &app.screen {
        Screen::Open(main) => match &main.dialog {
            Some(Dialog::Import(dialog)) => match &dialog.phase {
                ImportPhase::Review(review) => review.bundle.fingerprint.clone(),
                _ => panic!("not reviewing"),
            },
            _ => panic!("no import dialog"),
        },
        Screen::Locked(_) => panic!("locked"),
    }
}

#[test]
fn export_dialog_masks_the_passphrase_and_names_the_selection() {
    for size in SIZES {
        let (_temp, mut app) = open(size, true);
        type_text(&mut app, "portland");
        app.update(Action::Export);
        app.update(Action::NextField);
        type_in(&mut app, TYPED);
        app.update(Action::NextField);
        type_in(&mut app, "not the same");
        app.update(Action::Enter);
        for _ in 0..5 {
            app.update(Action::NextField);
        }
        app.update(Action::Toggle);
        snapshot_with("export", &app, "");
    }
}

#[test]
fn import_of_an_untrusted_signer_shows_the_fingerprint_and_the_plan() {
    for size in SIZES {
        let (temp, mut app) = open(size, true);
        let (_rosa, path) = rosas_bundle(temp.path(), &app);
        open_bundle(&mut app, &path);
        type_in(&mut app, "Rosa");
        let fingerprint = fingerprint_of(&app);
        snapshot_with("import_untrusted", &app, &fingerprint);
    }
}

#[test]
fn a_replayed_bundle_is_refused_on_screen() {
    for size in SIZES {
        let (temp, mut app) = open(size, true);
        let (_rosa, path) = rosas_bundle(temp.path(), &app);
        open_bundle(&mut app, &path);
        type_in(&mut app, "Rosa");
        app.update(Action::Enter);
        assert!(app.work());
        app.update(Action::Enter);
        open_bundle(&mut app, &path);
        settle(&mut app);
        snapshot_with("import_replayed", &app, "");
    }
}

/// Imports Rosa's bundle, Rosa being trusted already under the name she
/// was given at a meeting, and lists Casa Clara.
fn import_from_rosa(temp: &Path, app: &mut App) {
    let (rosa, path) = rosas_bundle(temp, app);
    match &mut app.screen {
        Screen::Open(main) => trust(&mut main.session.vault, &rosa, "Rosa (Portland)", now()),
        Screen::Locked(_) => panic!("locked"),
    }
    open_bundle(app, &path);
    app.update(Action::Enter);
    assert!(app.work());
    app.update(Action::Enter);
    settle(app);
    type_text(app, "casa clara");
}

#[test]
fn detail_says_who_vouched_for_an_imported_record() {
    for size in SIZES {
        let (temp, mut app) = open(size, true);
        import_from_rosa(temp.path(), &mut app);
        app.update(Action::Enter);
        snapshot_with("detail_provenance", &app, "");
    }
}

#[test]
fn detail_says_an_imported_record_was_edited_here_since() {
    for size in SIZES {
        let (temp, mut app) = open(size, true);
        import_from_rosa(temp.path(), &mut app);
        // The name is the first field of the form.
        app.update(Action::EditRecord);
        type_text(&mut app, " Norte");
        app.update(Action::Save);
        settle(&mut app);
        let casa = crate::tui::testing::casa_clara(now());
        let vault = vault_of(&app);
        assert_eq!(vault.get(&casa.id).unwrap().name, "Casa Clara Norte");
        let vouched = vault.provenance(&casa.id).expect("kept through the edit");
        assert_eq!(
            (vouched.signer_name.as_str(), vouched.sequence),
            ("Rosa (Portland)", 1)
        );
        app.update(Action::Enter);
        // At 80 columns "edited here since" goes on a line of its own.
        snapshot_with("detail_provenance_edited", &app, "");
    }
}
