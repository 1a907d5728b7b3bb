//! Locking by hand and when idle, and unlocking: typed, given from a
//! file or the environment, wrong, or late.

use super::*;

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
    assert_eq!(
        state
            .error
            .as_ref()
            .map(|error| error.in_lang(crate::i18n::Lang::En)),
        Some("Wrong passphrase. Try again.".to_owned())
    );
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
    assert_eq!(
        state
            .error
            .as_ref()
            .map(|error| error.in_lang(crate::i18n::Lang::En)),
        Some("Wrong passphrase. Try again.".to_owned())
    );
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
fn locking_after_a_write_whose_rebuild_cannot_run_says_so() {
    let mut fixture = locked();
    // A `db` that is a symbolic link is not rebuilt: the old copies stay.
    let real = fixture.dir.with_file_name("real-db");
    std::fs::rename(fixture.dir.join("db"), &real).unwrap();
    std::os::unix::fs::symlink(&real, fixture.dir.join("db")).unwrap();
    let passphrase = SecretString::from(PASSPHRASE.to_owned());
    let vault = Vault::unlock(&fixture.dir, &passphrase).unwrap();
    fixture.app = App::unlocked(config(&fixture.dir), vault, now());
    let Screen::Open(main) = &mut fixture.app.screen else {
        panic!("open");
    };
    let id = main.session.vault.records().next().unwrap().id;
    main.session.vault.delete(&id).unwrap();
    fixture.app.update(Action::Lock);
    assert!(fixture.app.is_locked());
    let error = unlock_state(&fixture.app).error.clone().unwrap();
    assert_eq!(error.id, "tui-old-copies-cannot");
    assert!(Vault::unlock(&fixture.dir, &passphrase)
        .unwrap()
        .get(&id)
        .is_none());
}

#[test]
fn locking_without_a_write_says_nothing() {
    let mut fixture = open();
    fixture.app.update(Action::Lock);
    assert!(unlock_state(&fixture.app).error.is_none());
}
