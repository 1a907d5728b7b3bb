//! The export and import dialogs through `App::update` and `App::work`, with
//! real bundles on disk.

use std::path::{Path, PathBuf};

use super::*;
use crate::bundle::{self, BundleError, Decryption, Prefer};
use crate::tui::testing::{casa_clara, export_from, signer_vault, trust, MEETING};

fn export_dialog(app: &App) -> &ExportDialog {
    match &main(app).dialog {
        Some(Dialog::Export(dialog)) => dialog,
        _ => panic!("no export dialog"),
    }
}

fn import_dialog(app: &App) -> &ImportDialog {
    match &main(app).dialog {
        Some(Dialog::Import(dialog)) => dialog,
        _ => panic!("no import dialog"),
    }
}

fn temp_of(fixture: &Fixture) -> PathBuf {
    fixture.dir.parent().unwrap().to_owned()
}

/// Types into the focused field without searching.
fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Text(TextEdit::Insert(c)));
    }
}

fn replace_field(app: &mut App, text: &str) {
    app.update(Action::Text(TextEdit::End));
    app.update(Action::Text(TextEdit::DeleteToStart));
    type_in(app, text);
}

fn focus(app: &mut App, row: ExportRow) {
    app.update(Action::PrevField);
    for _ in 0..20 {
        if export_dialog(app).focused() == row {
            return;
        }
        app.update(Action::NextField);
    }
    panic!("no row {row:?}");
}

fn problem(app: &App) -> String {
    export_dialog(app)
        .problem
        .as_ref()
        .map(|problem| problem.in_lang(crate::i18n::Lang::En))
        .unwrap_or_default()
}

#[test]
fn ctrl_x_exports_the_records_listed_to_the_drive_by_default() {
    let mut fixture = open();
    let stick = temp_of(&fixture).join("media").join("STICK");
    std::fs::create_dir_all(&stick).unwrap();
    type_text(&mut fixture.app, "clinic");
    fixture.app.update(Action::CycleCategory);
    fixture.app.update(Action::CycleCategory);
    settle(&mut fixture.app);
    fixture.app.update(Action::Export);
    assert_eq!(fixture.app.context(), Context::Export);
    let dialog = export_dialog(&fixture.app);
    assert_eq!(dialog.ids.len(), 2);
    assert_eq!(dialog.selection, "clinic cat:clinic");
    assert_eq!(
        dialog.path.text(),
        stick.join("pamphlet-2026-11-30.age").to_str().unwrap()
    );
    assert!(dialog.use_passphrase, "a meeting passphrase by default");
    fixture.app.update(Action::Back);
    assert_eq!(fixture.app.context(), Context::List);
    assert_eq!(
        main(&fixture.app)
            .notice
            .as_ref()
            .unwrap()
            .text
            .in_lang(crate::i18n::Lang::En),
        "Nothing was exported."
    );
    assert_eq!(std::fs::read_dir(&stick).unwrap().count(), 0);
}

#[test]
fn export_without_a_drive_goes_to_the_current_directory() {
    let mut fixture = open();
    fixture.app.update(Action::Export);
    let here = temp_of(&fixture)
        .join("here")
        .join("pamphlet-2026-11-30.age");
    assert_eq!(
        export_dialog(&fixture.app).path.text(),
        here.to_str().unwrap()
    );
    assert_eq!(
        export_dialog(&fixture.app).ids.len(),
        4,
        "everything listed"
    );
}

#[test]
fn a_passphrase_export_checks_both_fields_then_writes_a_bundle_that_opens_with_it() {
    let mut fixture = open();
    type_text(&mut fixture.app, "portland");
    fixture.app.update(Action::Export);
    focus(&mut fixture.app, ExportRow::Passphrase);
    type_in(&mut fixture.app, "short");
    fixture.app.update(Action::Enter);
    assert!(
        problem(&fixture.app).contains("at least 10"),
        "{}",
        problem(&fixture.app)
    );
    assert_eq!(export_dialog(&fixture.app).phase, ExportPhase::Editing);

    replace_field(&mut fixture.app, MEETING);
    fixture.app.update(Action::NextField);
    type_in(&mut fixture.app, "sunflower meeting 8");
    fixture.app.update(Action::Enter);
    assert!(problem(&fixture.app).contains("differ"));
    assert!(export_dialog(&fixture.app).again.is_empty(), "typed again");
    assert_eq!(export_dialog(&fixture.app).focused(), ExportRow::Again);

    type_in(&mut fixture.app, MEETING);
    focus(&mut fixture.app, ExportRow::Redact(4));
    fixture.app.update(Action::Toggle);
    assert!(export_dialog(&fixture.app).redact[4], "notes left out");
    fixture.app.update(Action::Enter);
    assert!(export_dialog(&fixture.app).is_working());
    assert_eq!(export_dialog(&fixture.app).phase, ExportPhase::Working);
    type_in(&mut fixture.app, "ignored");
    assert!(fixture.app.work());
    assert!(!fixture.app.work(), "once");
    let path = temp_of(&fixture)
        .join("here")
        .join("pamphlet-2026-11-30.age");
    assert_eq!(
        export_dialog(&fixture.app).phase,
        ExportPhase::Done {
            count: 2,
            sequence: 1,
            path: path.clone()
        }
    );
    assert!(
        export_dialog(&fixture.app).passphrase.is_empty(),
        "not kept"
    );

    let secret = SecretString::from(MEETING.to_owned());
    let opened = bundle::open(
        &path,
        Decryption {
            identity: None,
            passphrase: Some(&secret),
        },
    )
    .unwrap();
    assert_eq!(opened.manifest.selection, "portland");
    assert_eq!(opened.manifest.redacted, vec!["notes".to_owned()]);
    let mut names: Vec<String> = opened.records.iter().map(|r| r.name.clone()).collect();
    names.sort();
    assert_eq!(names, vec!["Ana Ruiz", "Clínica Libre"]);

    fixture.app.update(Action::Enter);
    assert_eq!(fixture.app.context(), Context::List);
    assert!(main(&fixture.app).notice.is_none());
}

#[test]
fn an_existing_file_is_replaced_only_after_a_second_enter() {
    let mut fixture = open();
    let path = temp_of(&fixture)
        .join("here")
        .join("pamphlet-2026-11-30.age");
    std::fs::write(&path, b"an older bundle").unwrap();
    fixture.app.update(Action::Export);
    focus(&mut fixture.app, ExportRow::Passphrase);
    type_in(&mut fixture.app, MEETING);
    fixture.app.update(Action::NextField);
    type_in(&mut fixture.app, MEETING);
    fixture.app.update(Action::Enter);
    assert!(
        problem(&fixture.app).contains("exists"),
        "{}",
        problem(&fixture.app)
    );
    assert_eq!(export_dialog(&fixture.app).phase, ExportPhase::Editing);
    assert!(!fixture.app.work());
    assert_eq!(std::fs::read(&path).unwrap(), b"an older bundle");

    // Editing the name withdraws the agreement.
    focus(&mut fixture.app, ExportRow::Path);
    type_in(&mut fixture.app, "x");
    fixture.app.update(Action::Text(TextEdit::Backspace));
    fixture.app.update(Action::Enter);
    assert!(problem(&fixture.app).contains("exists"));
    fixture.app.update(Action::Enter);
    assert!(fixture.app.work());
    assert!(matches!(
        export_dialog(&fixture.app).phase,
        ExportPhase::Done { .. }
    ));
    assert_ne!(std::fs::read(&path).unwrap(), b"an older bundle");
}

#[test]
fn a_file_that_appears_after_the_check_is_not_replaced() {
    let mut fixture = open();
    let path = temp_of(&fixture)
        .join("here")
        .join("pamphlet-2026-11-30.age");
    fixture.app.update(Action::Export);
    focus(&mut fixture.app, ExportRow::Passphrase);
    type_in(&mut fixture.app, MEETING);
    fixture.app.update(Action::NextField);
    type_in(&mut fixture.app, MEETING);
    fixture.app.update(Action::Enter);
    assert_eq!(export_dialog(&fixture.app).phase, ExportPhase::Working);
    // Another program writes the name between the check and the write.
    std::fs::write(&path, b"someone else's file").unwrap();
    assert!(fixture.app.work());
    assert_eq!(export_dialog(&fixture.app).phase, ExportPhase::Editing);
    assert!(
        problem(&fixture.app).contains("exists"),
        "{}",
        problem(&fixture.app)
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"someone else's file");
    let beside: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(beside.len(), 1, "{beside:?}");
}

#[test]
fn a_missing_folder_is_said_in_the_dialog() {
    let mut fixture = open();
    fixture.app.update(Action::Export);
    focus(&mut fixture.app, ExportRow::Passphrase);
    type_in(&mut fixture.app, MEETING);
    fixture.app.update(Action::NextField);
    type_in(&mut fixture.app, MEETING);
    focus(&mut fixture.app, ExportRow::Path);
    let nowhere = temp_of(&fixture).join("no such stick").join("b.age");
    replace_field(&mut fixture.app, nowhere.to_str().unwrap());
    fixture.app.update(Action::Enter);
    assert!(problem(&fixture.app).contains("There is no folder"));
    assert_eq!(main(&fixture.app).session.vault.trust().last_exported, 0);
}

/// An app whose vault trusts `Rosa`, a second organizer, and Rosa's vault.
fn open_trusting_rosa() -> (Fixture, Vault) {
    let mut fixture = locked();
    let rosa = signer_vault(&temp_of(&fixture).join("rosa"));
    let passphrase = SecretString::from(PASSPHRASE.to_owned());
    let mut vault = Vault::unlock(&fixture.dir, &passphrase).unwrap();
    trust(&mut vault, &rosa, "Rosa (Portland)", now());
    fixture.app = App::unlocked(config(&fixture.dir), vault, now());
    settle(&mut fixture.app);
    (fixture, rosa)
}

#[test]
fn a_recipient_export_goes_to_the_chosen_keyring_entries_only() {
    let (mut fixture, rosa) = open_trusting_rosa();
    fixture.app.update(Action::Export);
    fixture.app.update(Action::Text(TextEdit::Right));
    assert!(!export_dialog(&fixture.app).use_passphrase);
    assert_eq!(export_dialog(&fixture.app).recipients.len(), 1);
    fixture.app.update(Action::Enter);
    assert!(problem(&fixture.app).contains("Choose at least one"));
    assert_eq!(
        export_dialog(&fixture.app).focused(),
        ExportRow::Recipient(0)
    );
    fixture.app.update(Action::Toggle);
    fixture.app.update(Action::Enter);
    assert!(fixture.app.work());
    let path = temp_of(&fixture)
        .join("here")
        .join("pamphlet-2026-11-30.age");
    let opened = bundle::open(
        &path,
        Decryption {
            identity: Some(rosa.age_identity()),
            passphrase: None,
        },
    )
    .unwrap();
    assert_eq!(opened.records.len(), 4);
    let own = match &fixture.app.screen {
        Screen::Open(main) => main.session.vault.age_identity().clone(),
        Screen::Locked(_) => unreachable!(),
    };
    let not_ours = bundle::open(
        &path,
        Decryption {
            identity: Some(&own),
            passphrase: None,
        },
    );
    assert!(matches!(not_ours, Err(BundleError::NotForUs)));
}

/// Rosa's bundle: Casa Clara (new here) and a changed copy of this vault's
/// Night Clinic (a conflict: never imported here).
fn rosas_bundle(fixture: &Fixture, rosa: &mut Vault, recipient: Option<&str>) -> PathBuf {
    let mut night = main(&fixture.app)
        .session
        .vault
        .records()
        .find(|r| r.name == "Night Clinic")
        .unwrap()
        .clone();
    night.hours = "Nightly 20–02".to_owned();
    let path = temp_of(fixture).join("rosa.age");
    export_from(
        rosa,
        vec![casa_clara(now()), night],
        recipient,
        &path,
        now(),
    )
}

fn open_import(app: &mut App, path: &Path) {
    app.update(Action::Import);
    assert_eq!(app.context(), Context::Import);
    replace_field(app, path.to_str().unwrap());
    app.update(Action::Enter);
    assert!(app.work());
}

fn review(app: &App) -> &Review {
    match &import_dialog(app).phase {
        ImportPhase::Review(review) => review,
        _ => panic!("not reviewing"),
    }
}

#[test]
fn import_asks_for_the_passphrase_shows_the_plan_and_trusts_the_signer_by_name() {
    let mut fixture = open();
    let mut rosa = signer_vault(&temp_of(&fixture).join("rosa"));
    let path = rosas_bundle(&fixture, &mut rosa, None);
    fixture.app.update(Action::Import);
    // Offered: the newest bundle in the current directory; none there yet.
    assert!(import_dialog(&fixture.app).path.text().ends_with("here/"));
    replace_field(&mut fixture.app, path.to_str().unwrap());
    fixture.app.update(Action::Enter);
    assert!(matches!(
        import_dialog(&fixture.app).phase,
        ImportPhase::Opening
    ));
    assert!(fixture.app.work());
    assert!(matches!(
        import_dialog(&fixture.app).phase,
        ImportPhase::Passphrase
    ));

    type_in(&mut fixture.app, "the wrong passphrase");
    fixture.app.update(Action::Enter);
    assert!(fixture.app.work());
    let dialog = import_dialog(&fixture.app);
    assert!(matches!(dialog.phase, ImportPhase::Passphrase));
    assert!(dialog
        .problem
        .as_ref()
        .unwrap()
        .in_lang(crate::i18n::Lang::En)
        .contains("wrong passphrase"));
    assert!(dialog.passphrase.is_empty(), "not kept");

    type_in(&mut fixture.app, MEETING);
    fixture.app.update(Action::Enter);
    assert!(fixture.app.work());
    let plan = review(&fixture.app);
    assert_eq!(plan.signer, None);
    let counts = plan.plan.counts();
    assert_eq!((counts.new, counts.conflicts), (1, 1));
    assert_eq!(plan.bundle.fingerprint.len(), 24);

    // Accepting needs a name for the untrusted signer.
    fixture.app.update(Action::Enter);
    assert!(review(&fixture.app)
        .problem
        .as_ref()
        .unwrap()
        .in_lang(crate::i18n::Lang::En)
        .contains("aloud"));
    type_in(&mut fixture.app, "Rosa");
    fixture.app.update(Action::Down);
    fixture.app.update(Action::Up);
    fixture.app.update(Action::Toggle);
    assert_eq!(review(&fixture.app).plan.prefer, Prefer::Bundle);
    fixture.app.update(Action::Enter);
    assert!(matches!(
        import_dialog(&fixture.app).phase,
        ImportPhase::Applying(_)
    ));
    assert!(fixture.app.work());
    let ImportPhase::Done(summary) = &import_dialog(&fixture.app).phase else {
        panic!("not done");
    };
    let summary = summary.in_lang(crate::i18n::Lang::En);
    assert!(summary.contains("1 new"), "{summary}");
    assert!(summary.contains("Now trusting Rosa"), "{summary}");

    let vault = &main(&fixture.app).session.vault;
    assert_eq!(vault.len(), 5);
    assert_eq!(vault.trust().by_name("Rosa").unwrap().name, "Rosa");
    let casa = vault.get(&casa_clara(now()).id).unwrap();
    let vouched = vault.provenance(&casa.id).unwrap();
    assert_eq!(
        (vouched.signer_name.as_str(), vouched.sequence),
        ("Rosa", 1)
    );
    let night = vault.records().find(|r| r.name == "Night Clinic").unwrap();
    assert_eq!(night.hours, "Nightly 20–02", "took the bundle's");

    fixture.app.update(Action::Enter);
    assert_eq!(fixture.app.context(), Context::List);
    settle(&mut fixture.app);
    type_text(&mut fixture.app, "casa clara");
    assert_eq!(
        shown_names(&fixture.app),
        vec!["Casa Clara"],
        "indexed at once"
    );
}

#[test]
fn rejecting_a_plan_changes_nothing() {
    let (mut fixture, mut rosa) = open_trusting_rosa();
    let recipient = bundle::public_identity(&main(&fixture.app).session.vault).recipient;
    let path = rosas_bundle(&fixture, &mut rosa, Some(&recipient));
    let before = main(&fixture.app).session.vault.trust().clone();
    open_import(&mut fixture.app, &path);
    assert_eq!(
        review(&fixture.app).signer.as_deref(),
        Some("Rosa (Portland)")
    );
    type_in(&mut fixture.app, "no name field for a trusted signer");
    assert!(review(&fixture.app).trust_as.is_empty());
    fixture.app.update(Action::Back);
    assert_eq!(fixture.app.context(), Context::List);
    assert_eq!(
        main(&fixture.app)
            .notice
            .as_ref()
            .unwrap()
            .text
            .in_lang(crate::i18n::Lang::En),
        "Nothing was imported."
    );
    let vault = &main(&fixture.app).session.vault;
    assert_eq!(vault.len(), 4);
    assert_eq!(vault.trust(), &before);
}

#[test]
fn a_replayed_bundle_is_refused_and_the_vault_is_unchanged() {
    let (mut fixture, mut rosa) = open_trusting_rosa();
    let recipient = bundle::public_identity(&main(&fixture.app).session.vault).recipient;
    let path = rosas_bundle(&fixture, &mut rosa, Some(&recipient));
    open_import(&mut fixture.app, &path);
    fixture.app.update(Action::Enter);
    assert!(fixture.app.work());
    fixture.app.update(Action::Enter);
    let trust = main(&fixture.app).session.vault.trust().clone();
    let len = main(&fixture.app).session.vault.len();

    open_import(&mut fixture.app, &path);
    let ImportPhase::Refused(reason) = &import_dialog(&fixture.app).phase else {
        panic!("not refused");
    };
    let reason = reason.in_lang(crate::i18n::Lang::En);
    assert!(reason.contains("already imported"), "{reason}");
    assert!(reason.ends_with("Nothing was imported."), "{reason}");
    assert_eq!(main(&fixture.app).session.vault.trust(), &trust);
    assert_eq!(main(&fixture.app).session.vault.len(), len);
    // Enter goes back to the path, Esc closes.
    fixture.app.update(Action::Enter);
    assert!(matches!(
        import_dialog(&fixture.app).phase,
        ImportPhase::Path
    ));
    fixture.app.update(Action::Back);
    assert_eq!(fixture.app.context(), Context::List);
}

#[test]
fn a_bundle_that_would_grow_the_vault_past_its_limit_is_refused_naming_the_flag() {
    let (mut fixture, mut rosa) = open_trusting_rosa();
    let recipient = bundle::public_identity(&main(&fixture.app).session.vault).recipient;
    let path = rosas_bundle(&fixture, &mut rosa, Some(&recipient));
    let trust = main(&fixture.app).session.vault.trust().clone();
    for (limit, refused) in [(4, true), (5, false)] {
        fixture.app.update(Action::Import);
        replace_field(&mut fixture.app, path.to_str().unwrap());
        let Screen::Open(main) = &mut fixture.app.screen else {
            panic!("locked");
        };
        let Some(Dialog::Import(dialog)) = &mut main.dialog else {
            panic!("no import dialog");
        };
        dialog.vault_limit = Some(limit);
        fixture.app.update(Action::Enter);
        assert!(fixture.app.work());
        match &import_dialog(&fixture.app).phase {
            ImportPhase::Refused(reason) if refused => {
                let reason = reason.in_lang(crate::i18n::Lang::En);
                assert!(
                    reason.contains("grow the vault to 5 records, past the limit of 4")
                        && reason.contains("pamphlet import --allow-large")
                        && reason.ends_with("Nothing was imported."),
                    "{reason}"
                );
            }
            ImportPhase::Review(review) if !refused => {
                assert_eq!(review.plan.counts().new, 1, "at the limit itself");
            }
            _ => panic!("limit {limit}: neither refused nor reviewed as expected"),
        }
        fixture.app.update(Action::Back);
    }
    assert_eq!(main(&fixture.app).session.vault.len(), 4);
    assert_eq!(main(&fixture.app).session.vault.trust(), &trust);
}

#[test]
fn missing_damaged_and_foreign_bundles_are_refused_in_the_dialog() {
    let mut fixture = open();
    let mut rosa = signer_vault(&temp_of(&fixture).join("rosa"));
    let missing = temp_of(&fixture).join("nothing.age");
    open_import(&mut fixture.app, &missing);
    let dialog = import_dialog(&fixture.app);
    assert!(matches!(dialog.phase, ImportPhase::Path));
    assert!(dialog
        .problem
        .as_ref()
        .unwrap()
        .in_lang(crate::i18n::Lang::En)
        .contains("There is no file"));
    fixture.app.update(Action::Back);

    // Encrypted to Rosa herself, not to this vault.
    let own = bundle::public_identity(&rosa).recipient;
    let foreign = rosas_bundle(&fixture, &mut rosa, Some(&own));
    open_import(&mut fixture.app, &foreign);
    let ImportPhase::Refused(reason) = &import_dialog(&fixture.app).phase else {
        panic!("not refused");
    };
    let reason = reason.in_lang(crate::i18n::Lang::En);
    assert!(
        reason.contains("not encrypted to this vault's key"),
        "{reason}"
    );
    fixture.app.update(Action::Back);

    let mut bytes = std::fs::read(&foreign).unwrap();
    let at = bytes.len() - 20;
    bytes[at] ^= 1;
    let damaged = temp_of(&fixture).join("damaged.age");
    std::fs::write(&damaged, bytes).unwrap();
    open_import(&mut fixture.app, &damaged);
    assert!(matches!(
        import_dialog(&fixture.app).phase,
        ImportPhase::Refused(_)
    ));
    assert_eq!(main(&fixture.app).session.vault.len(), 4);
    assert!(main(&fixture.app).session.vault.trust().keys.is_empty());
}

#[test]
fn help_opens_over_a_dialog_and_lock_drops_it() {
    let mut fixture = open();
    fixture.app.update(Action::Export);
    focus(&mut fixture.app, ExportRow::Passphrase);
    type_in(&mut fixture.app, MEETING);
    fixture.app.update(Action::Help);
    assert_eq!(fixture.app.context(), Context::Help);
    fixture.app.update(Action::Back);
    assert_eq!(fixture.app.context(), Context::Export);
    fixture.app.update(Action::Lock);
    assert!(fixture.app.is_locked());
    assert!(!fixture.app.work());
}
