//! Wiping the vault from the main screen and from the unlock screen.

use super::*;

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
        }) => {
            let error = error.in_lang(crate::i18n::Lang::En);
            assert!(error.starts_with("Not wiped:"), "{error}");
        }
        _ => panic!("the question should stay open with the error"),
    }
}

#[test]
fn the_languages_own_word_wipes_and_wipe_still_does() {
    for (lang, word) in [
        (crate::i18n::Lang::Es, "borrar"),
        (crate::i18n::Lang::Fr, "Effacer"),
        (crate::i18n::Lang::Pt, "APAGAR"),
        (crate::i18n::Lang::Es, "wipe"),
    ] {
        let mut fixture = open();
        fixture.app.config.lang = lang;
        fixture.app.update(Action::Wipe);
        // Another language's word does not.
        let other = if word == "APAGAR" { "BORRAR" } else { "APAGAR" };
        type_wipe_and_enter(&mut fixture.app, other);
        assert!(!fixture.app.is_wiped(), "{lang:?}: {other}");
        type_wipe_and_enter(&mut fixture.app, word);
        assert!(fixture.app.is_wiped(), "{lang:?}: {word}");
        assert!(vault_is_gone(&fixture.dir));
    }
}
