//! Every screen at 80×24 in each language, as snapshots, and the footer
//! whole in each: the list, a record, the form, help, the export and
//! import dialogs, the lock screen, the wipe question, an empty vault.

use super::*;
use crate::i18n::Lang;
use crate::tui::action;

/// The screen `name` for `lang`, with its footer checked whole.
fn snapshot_in(lang: Lang, name: &str, app: &mut App) {
    snapshot_hiding(lang, name, app, "");
}

/// [`snapshot_in`], with `fingerprint` (a random key's) replaced by a
/// placeholder of the same length.
fn snapshot_hiding(lang: Lang, name: &str, app: &mut App, fingerprint: &str) {
    app.config.lang = lang;
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let footer: String = (0..buffer.area.width)
        .map(|x| buffer[(x, buffer.area.height - 1)].symbol())
        .collect();
    let context = app.context();
    // The locked screen and the wipe question draw their own footer; what
    // is left after a wipe has none.
    let keys = if app.is_wiped() {
        Vec::new()
    } else {
        action::footer(context)
    };
    for (keys, what) in keys {
        let shown = format!("{keys} {}", crate::t!(lang, what));
        assert!(
            footer.contains(&shown),
            "{name} in {lang:?}: {shown:?} not whole in {footer:?}"
        );
    }
    let text = text_of(buffer);
    assert!(!text.contains(TYPED), "{name}: a passphrase on screen");
    let mut screen = terminal.backend().to_string();
    if !fingerprint.is_empty() {
        assert!(text.contains(fingerprint), "{name}: no fingerprint");
        screen = screen.replace(fingerprint, super::bundles::FINGERPRINT);
    }
    let name = format!("{name}_{}_80x24", lang.code());
    insta::assert_snapshot!(name, screen);
}

fn empty_vault() -> (TempDir, App) {
    let temp = tempfile::tempdir().unwrap();
    let passphrase = age::secrecy::SecretString::from("an empty vault's passphrase".to_owned());
    let vault = crate::vault::Vault::init(
        &temp.path().join("vault"),
        &passphrase,
        crate::vault::WorkFactor::log_n(4),
    )
    .unwrap();
    let mut app = App::unlocked(config(&temp, true), vault, now());
    resize(&mut app, (80, 24));
    settle(&mut app);
    (temp, app)
}

#[test]
fn every_screen_in_every_language() {
    for lang in Lang::ALL {
        let (_temp, mut app) = open((80, 24), true);
        type_text(&mut app, "portland");
        snapshot_in(lang, "lang_list", &mut app);
        app.update(Action::Enter);
        snapshot_in(lang, "lang_detail", &mut app);
        app.update(Action::Help);
        snapshot_in(lang, "lang_help", &mut app);
        app.update(Action::Back);
        app.update(Action::Back);
        app.update(Action::Export);
        snapshot_in(lang, "lang_export", &mut app);
        app.update(Action::Back);
        app.update(Action::Import);
        snapshot_in(lang, "lang_import", &mut app);
        app.update(Action::Back);
        app.update(Action::NewRecord);
        type_text(&mut app, "Casa Nueva");
        snapshot_in(lang, "lang_form", &mut app);
        app.update(Action::Back);
        snapshot_in(lang, "lang_discard", &mut app);
        app.update(Action::Confirm);
        app.update(Action::DeleteRecord);
        snapshot_in(lang, "lang_delete", &mut app);
        app.update(Action::Back);
        app.update(Action::Wipe);
        snapshot_in(lang, "lang_wipe", &mut app);

        let (_temp, mut app) = locked((80, 24));
        type_text(&mut app, TYPED);
        snapshot_in(lang, "lang_locked", &mut app);

        let (_temp, mut app) = empty_vault();
        snapshot_in(lang, "lang_empty", &mut app);
    }
}

/// The screens that need a bundle, a wrong passphrase or a wiped vault.
#[test]
fn the_other_screens_in_every_language() {
    for lang in Lang::ALL {
        let (temp, mut app) = open((80, 24), true);
        app.config.lang = lang;
        let (_rosa, path) = super::bundles::rosas_bundle(temp.path(), &app);
        super::bundles::open_bundle(&mut app, &path);
        let fingerprint = super::bundles::fingerprint_of(&app);
        snapshot_hiding(lang, "lang_import_review", &mut app, &fingerprint);
        app.update(Action::Back);
        // Saving a form with a bad country: the problem under its field.
        app.update(Action::NewRecord);
        type_text(&mut app, "Casa Nueva");
        app.update(Action::Save);
        snapshot_in(lang, "lang_form_saved", &mut app);

        let (temp, mut app) = locked((80, 24));
        app.config.lang = lang;
        type_text(&mut app, "not the passphrase");
        app.update(Action::Enter);
        let request = app.take_unlock_request().unwrap();
        app.unlocked_with(request.run());
        snapshot_in(lang, "lang_wrong_passphrase", &mut app);
        app.update(Action::Wipe);
        type_text(&mut app, &crate::t!(lang, "wipe-word"));
        app.update(Action::Confirm);
        assert!(!temp.path().join("vault").join("key.age").exists());
        snapshot_in(lang, "lang_wiped", &mut app);
    }
}

#[test]
fn categories_are_words_of_the_language() {
    let (_temp, mut app) = open((80, 24), true);
    type_text(&mut app, "bail");
    app.config.lang = Lang::Es;
    let text = text_of(draw(&app).backend().buffer());
    assert!(text.contains("fondo de fianzas"), "{text}");
    assert!(!text.contains("bail fund"), "{text}");
    assert!(text.contains("Buscar ›"), "{text}");
}
