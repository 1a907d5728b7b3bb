//! The vault's settings through the real binary: `pamphlet settings`, the
//! language it sets for every command that unlocks the vault (`--lang`
//! still wins; the environment comes after it), the setting kept across a
//! rekey, and the settings entry treated like every other sealed part: an
//! older copy put back, or the entry deleted, is refused at unlock.

mod common;

use std::collections::BTreeMap;

use common::{stderr_of, TestVault};

fn stdout(vault: &TestVault, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = vault.std_cmd();
    cmd.args(args);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let output = cmd.output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    String::from_utf8(output.stdout).unwrap()
}

fn stderr_failing(vault: &TestVault, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = vault.std_cmd();
    cmd.args(args);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{args:?}");
    stderr_of(&output)
}

#[test]
fn the_language_setting_is_spoken_after_unlock_unless_lang_is_given() {
    let vault = TestVault::new();
    // No setting, no LANG: English, and the settings say so.
    assert_eq!(
        stdout(&vault, &["settings"], &[]),
        "language: automatic, from --lang, else LC_ALL, LC_MESSAGES or LANG (now: English)\n"
    );

    // The confirmation is already in the new language.
    assert_eq!(
        stdout(&vault, &["settings", "language", "es"], &[]),
        "idioma cambiado a español: pamphlet lo usa en cuanto se abre la bóveda, \
         salvo que --lang indique otro\n"
    );
    // Without --lang and without LANG: Spanish, in output and in errors.
    assert_eq!(stdout(&vault, &["settings"], &[]), "idioma: español\n");
    let refused = stderr_failing(&vault, &["show", "ffff"], &[]);
    assert!(
        refused.starts_with("error: no hay ninguna ficha con el id ffff\n"),
        "{refused}"
    );
    // The setting comes before the environment's locale.
    assert_eq!(
        stdout(&vault, &["settings"], &[("LANG", "fr_FR.UTF-8")]),
        "idioma: español\n"
    );
    // --lang still wins.
    assert_eq!(
        stdout(&vault, &["--lang", "fr", "settings"], &[]),
        "langue : español\n"
    );
    let refused = stderr_failing(&vault, &["--lang", "en", "show", "ffff"], &[]);
    assert!(
        refused.starts_with("error: no record with id ffff\n"),
        "{refused}"
    );

    // Back to automatic: the environment decides again.
    stdout(&vault, &["settings", "language", "auto"], &[]);
    assert_eq!(
        stdout(&vault, &["settings"], &[("LANG", "pt_BR.UTF-8")]),
        "idioma: automático, conforme --lang ou, senão, LC_ALL, LC_MESSAGES ou LANG \
         (agora: português)\n"
    );
}

#[test]
fn a_rekey_keeps_the_setting() {
    let vault = TestVault::new();
    stdout(&vault, &["settings", "language", "pt"], &[]);
    stdout(&vault, &["rekey"], &[]);
    assert_eq!(stdout(&vault, &["settings"], &[]), "idioma: português\n");
}

type Values = BTreeMap<Vec<u8>, Vec<u8>>;

fn open_db(vault: &TestVault) -> sled::Db {
    sled::Config::new()
        .path(vault.dir.join("db"))
        .flush_every_ms(None)
        .open()
        .unwrap()
}

fn meta(vault: &TestVault) -> Values {
    let db = open_db(vault);
    let tree = db.open_tree("meta").unwrap();
    tree.iter()
        .map(|entry| {
            let (key, value) = entry.unwrap();
            (key.to_vec(), value.to_vec())
        })
        .collect()
}

fn set_settings(vault: &TestVault, value: Option<&[u8]>) {
    let db = open_db(vault);
    let tree = db.open_tree("meta").unwrap();
    match value {
        Some(value) => tree.insert("settings", value).unwrap(),
        None => tree.remove("settings").unwrap(),
    };
    db.flush().unwrap();
}

fn assert_refused(vault: &TestVault, part: &str) {
    let stderr = stderr_failing(vault, &["dump"], &[]);
    assert!(
        stderr.starts_with("error: the vault was changed outside pamphlet: "),
        "{stderr}"
    );
    assert!(stderr.contains(part), "{part:?} not named in {stderr}");
}

#[test]
fn a_rolled_back_or_deleted_settings_entry_is_refused() {
    let vault = TestVault::new();
    // A vault whose settings were never set has no settings entry.
    assert!(!meta(&vault).contains_key(&b"settings"[..]));
    stdout(&vault, &["settings", "language", "es"], &[]);
    let spanish = meta(&vault)[&b"settings"[..]].clone();
    stdout(&vault, &["settings", "language", "fr"], &[]);
    let french = meta(&vault)[&b"settings"[..]].clone();

    // Spanish put back behind the organizer's back.
    set_settings(&vault, Some(&spanish));
    assert_refused(&vault, "the settings are not the copy pamphlet last wrote");
    // Removed.
    set_settings(&vault, None);
    assert_refused(&vault, "the settings are missing");
    // The value pamphlet wrote put back: it opens, in French.
    set_settings(&vault, Some(&french));
    assert_eq!(stdout(&vault, &["settings"], &[]), "langue : français\n");
}
