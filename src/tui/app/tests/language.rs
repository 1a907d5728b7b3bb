//! The language dialog (F2) and the vault's language setting: followed at
//! unlock unless `--lang` was given, changed in the dialog, saved in the
//! vault at once, and the screens switched with it.

use super::*;
use crate::i18n::Lang;
use crate::tui::action::Context;

/// Sets the vault's language with the vault closed, as another run did.
fn set_language(dir: &std::path::Path, lang: Option<Lang>) {
    let passphrase = SecretString::from(PASSPHRASE.to_owned());
    let mut vault = Vault::unlock(dir, &passphrase).unwrap();
    let mut settings = vault.settings().clone();
    settings.set_language(lang);
    vault.set_settings(settings).unwrap();
}

fn saved_language(dir: &std::path::Path) -> Option<Lang> {
    let passphrase = SecretString::from(PASSPHRASE.to_owned());
    let vault = Vault::unlock(dir, &passphrase).unwrap();
    vault.settings().language
}

/// Types the passphrase on the unlock screen and runs the unlock inline.
fn unlock(app: &mut App) {
    type_text(app, PASSPHRASE);
    app.update(Action::Enter);
    let request = app.take_unlock_request().unwrap();
    app.unlocked_with(request.run());
    settle(app);
}

#[test]
fn unlocking_follows_the_vault_language_unless_lang_was_given() {
    let mut fixture = locked();
    set_language(&fixture.dir, Some(Lang::Fr));
    assert_eq!(fixture.app.config.lang, Lang::En);
    unlock(&mut fixture.app);
    assert!(!fixture.app.is_locked());
    assert_eq!(fixture.app.config.lang, Lang::Fr);
    fixture.app.update(Action::Lock);

    let mut given = App::new(config(&fixture.dir), now());
    given.keep_given_language();
    unlock(&mut given);
    assert!(!given.is_locked());
    assert_eq!(given.config.lang, Lang::En);
}

#[test]
fn the_dialog_saves_the_language_and_switches_the_screens() {
    let mut fixture = open();
    let app = &mut fixture.app;
    app.update(Action::Language);
    assert_eq!(app.context(), Context::Language);
    // The cursor starts on "automatic", the vault's setting; Esc changes
    // nothing.
    app.update(Action::Down);
    app.update(Action::Back);
    assert_eq!(app.context(), Context::List);
    assert_eq!(app.config.lang, Lang::En);

    // Down twice from automatic: English, then español.
    app.update(Action::Language);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Enter);
    assert_eq!(app.context(), Context::List);
    assert_eq!(app.config.lang, Lang::Es);

    // Saved in the vault: opening it again finds it.
    app.update(Action::Lock);
    assert_eq!(saved_language(&fixture.dir), Some(Lang::Es));
}

#[test]
fn automatic_goes_back_to_the_language_pamphlet_started_in() {
    let mut fixture = locked();
    set_language(&fixture.dir, Some(Lang::Pt));
    unlock(&mut fixture.app);
    assert_eq!(fixture.app.config.lang, Lang::Pt);
    fixture.app.update(Action::Language);
    // Up to the top: automatic.
    for _ in 0..5 {
        fixture.app.update(Action::Up);
    }
    fixture.app.update(Action::Enter);
    assert_eq!(fixture.app.config.lang, Lang::En);
    // Locking closes a dialog left open.
    fixture.app.update(Action::Language);
    fixture.app.update(Action::Lock);
    assert!(fixture.app.language.is_none());
    assert_eq!(saved_language(&fixture.dir), None);
}
