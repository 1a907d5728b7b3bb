//! `pamphlet wipe`: crypto-shredding. Once key.age is gone, even a copy of
//! `db/` taken before the wipe opens to nothing.

mod common;

use std::time::Instant;

use common::{copy_dir, TestVault};
use pamphlet::vault::{Damage, KeyMaterial, Vault, VaultError, WorkFactor};
use secrecy::SecretString;

#[test]
fn a_wiped_vault_cannot_be_opened_even_from_an_earlier_copy_of_its_database() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("vault");
    let passphrase = SecretString::from("correct horse battery staple".to_owned());
    let mut vault = Vault::init(&dir, &passphrase, WorkFactor::log_n(4)).unwrap();
    let records: Vec<_> = pamphlet::generate::generate(11, 100_000).collect();
    let names: Vec<String> = records
        .iter()
        .step_by(500)
        .take(200)
        .map(|r| r.name.clone())
        .collect();
    vault.put_all(records).unwrap();
    let vault_id = vault.id();
    drop(vault);

    // The raid: someone copies db/ before the wipe (and never gets key.age).
    let stolen = temp.path().join("stolen-db");
    copy_dir(&dir.join("db"), &stolen);

    let started = Instant::now();
    pamphlet::vault::wipe(&dir).unwrap();
    let took = started.elapsed();
    eprintln!("wiped a vault of 100,000 records in {took:?}");
    assert!(!dir.join("key.age").exists());
    assert!(!dir.join("db").exists());
    assert!(matches!(Vault::check(&dir), Err(VaultError::NotFound(_))));

    // Put the stolen database back beside a key file of the attacker's own,
    // even one claiming the right vault id: nothing opens.
    let attempt = temp.path().join("attempt");
    copy_dir(&stolen, &attempt.join("db"));
    let wrong_id = Vault::open(&attempt, KeyMaterial::generate().unwrap());
    assert!(
        matches!(wrong_id, Err(VaultError::KeyMismatch)),
        "{:?}",
        wrong_id.err()
    );
    let forged = KeyMaterial::generate_claiming(vault_id).unwrap();
    let wrong_key = Vault::open(&attempt, forged);
    assert!(
        matches!(wrong_key, Err(VaultError::Damaged(Damage::BucketSealed(_)))),
        "{:?}",
        wrong_key.err()
    );

    // And no record's name is in the copy in the clear.
    let files = common::files_under(&stolen);
    for name in names.iter().filter(|name| name.len() >= 6) {
        for bytes in files.values() {
            assert!(memchr::memmem::find(bytes, name.as_bytes()).is_none());
        }
    }
}

#[test]
fn the_command_wipes_without_a_passphrase_and_says_so() {
    let vault = TestVault::new();
    vault
        .cmd()
        .args(["add", "--name", "Casa Segura", "--category", "housing"])
        .assert()
        .success();
    let output = vault.cmd().args(["wipe", "--yes"]).output().unwrap();
    assert!(output.status.success(), "{}", common::stderr_of(&output));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("wiped "));
    assert!(!vault.dir.join("key.age").exists() && !vault.dir.join("db").exists());
    let again = vault.cmd().args(["wipe", "--yes"]).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(common::stderr_of(&again).contains("error: no vault at"));
}
