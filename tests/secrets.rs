//! Memory hygiene as far as a test can see it: the types that hold keys and
//! passphrases cannot be printed with `{:?}` at all, and the few that can
//! (because they hold a secret beside other state) print no secret.
//!
//! What a test cannot see is checked by reading the code (see SECURITY.md):
//! `KeyMaterial` is zeroized on drop; passphrases live in `SecretString`
//! (also when read from a file); the passphrase fields of the terminal UI
//! (unlock, export, import) are zeroized; locking drops the records and the
//! search index, both zeroized; only age output ever goes to a temporary
//! file.

use std::marker::PhantomData;
use std::time::Duration;

use pamphlet::tui::action::Action;
use pamphlet::tui::input::TextEdit;
use pamphlet::tui::{App, Config};
use pamphlet::vault::{KeyMaterial, Vault, WorkFactor};
use secrecy::{ExposeSecret, SecretString};
use time::macros::datetime;

/// `Probe::<T>::DEBUG` is the inherent constant (true) when `T: Debug`, and
/// the trait's (false) otherwise: whether a concrete type is `Debug`,
/// answered on stable Rust.
struct Probe<T: ?Sized>(PhantomData<T>);

trait NotDebug {
    const DEBUG: bool = false;
}

impl<T: ?Sized> NotDebug for Probe<T> {}

impl<T: ?Sized + std::fmt::Debug> Probe<T> {
    const DEBUG: bool = true;
}

macro_rules! is_debug {
    ($t:ty) => {
        <Probe<$t>>::DEBUG
    };
}

/// Checked when the test compiles: a secret-holding type that became
/// `Debug` fails the build of this test.
#[test]
fn types_holding_secrets_cannot_be_debug_printed() {
    // The probe itself, so that it cannot pass by being broken.
    const { assert!(is_debug!(String)) };
    const { assert!(is_debug!(pamphlet::vault::VaultError)) };
    const { assert!(!is_debug!(Probe<u8>)) };

    const { assert!(!is_debug!(KeyMaterial), "KeyMaterial") };
    // What `Vault::age_identity` hands out.
    const { assert!(!is_debug!(age::x25519::Identity), "age identity") };
    const { assert!(!is_debug!(Vault), "Vault") };
    const { assert!(!is_debug!(pamphlet::bundle::Encryption), "Encryption") };
    const { assert!(!is_debug!(pamphlet::bundle::ExportOptions), "ExportOptions") };
    const {
        assert!(
            !is_debug!(pamphlet::bundle::Decryption<'static>),
            "Decryption"
        )
    };
    const { assert!(!is_debug!(pamphlet::tui::input::TextInput), "TextInput") };
    const { assert!(!is_debug!(pamphlet::tui::app::UnlockState), "UnlockState") };
    const { assert!(!is_debug!(pamphlet::tui::app::ExportDialog), "ExportDialog") };
    const { assert!(!is_debug!(pamphlet::tui::app::ImportDialog), "ImportDialog") };
    const { assert!(!is_debug!(App), "App") };
}

#[test]
fn what_can_be_debug_printed_holds_no_secret() {
    let passphrase = "purple elephant sunrise";
    let secret = SecretString::from(passphrase.to_owned());
    assert!(!format!("{secret:?}").contains(passphrase));

    // The passphrase typed on the unlock screen travels in an
    // `UnlockRequest`, which is Debug for the UI's logs: without it.
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("vault");
    let vault = Vault::init(&dir, &secret, WorkFactor::log_n(4)).unwrap();
    let identity = vault.age_identity().to_string().expose_secret().to_owned();
    let key_file = key_file_plaintext(&dir.join("key.age"), &secret);
    let mut app = App::new(
        Config {
            vault_dir: dir.clone(),
            lock_after: Duration::from_secs(300),
            demo: false,
            color: false,
            places: pamphlet::tui::places::Places {
                drive_roots: vec![temp.path().join("media")],
                mounted_only: false,
                here: temp.path().join("here"),
            },
            bundle_scrypt_log_n: Some(4),
            lang: pamphlet::i18n::Lang::En,
        },
        datetime!(2026-11-30 12:00 UTC),
    );
    for c in passphrase.chars() {
        app.update(Action::Text(TextEdit::Insert(c)));
    }
    app.update(Action::Enter);
    let request = app.take_unlock_request().expect("an unlock request");
    let printed = format!("{request:?}");
    assert!(printed.contains("UnlockRequest"), "{printed}");
    assert!(!printed.contains(passphrase), "{printed}");
    drop(vault);

    // The session it opens is Debug too: a count, no keys.
    let session = request.run().unwrap();
    let printed = format!("{session:?}");
    assert!(printed.contains("records"), "{printed}");
    assert!(!printed.contains(&identity), "{printed}");
    assert!(!printed.contains("AGE-SECRET-KEY"), "{printed}");
    // Nor any stretch of the keys (vault key, signing key) in any of the
    // forms `Debug` writes bytes in.
    for window in key_file.windows(16) {
        let hex: String = window.iter().map(|b| format!("{b:02x}")).collect();
        let list = format!("{window:?}");
        assert!(!printed.to_lowercase().contains(&hex), "{printed}");
        assert!(!printed.contains(&list[1..list.len() - 1]), "{printed}");
    }
}

/// The decrypted contents of a key file: every secret of the vault.
fn key_file_plaintext(path: &std::path::Path, passphrase: &SecretString) -> Vec<u8> {
    use std::io::Read;
    let sealed = std::fs::read(path).unwrap();
    let decryptor = age::Decryptor::new(&sealed[..]).unwrap();
    let identity = age::scrypt::Identity::new(passphrase.clone());
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .unwrap();
    let mut plaintext = Vec::new();
    reader.read_to_end(&mut plaintext).unwrap();
    assert!(plaintext.len() > 16 + 32 + 64, "{} bytes", plaintext.len());
    plaintext
}
