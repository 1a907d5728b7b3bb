//! `pamphlet wipe`: crypto-shredding. Once key.age is gone, even a copy of
//! `db/` taken before the wipe opens to nothing; and no key file survives a
//! wipe, neither one a killed command left nor one a command still at work
//! writes.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::Instant;

use common::{copy_dir, TestVault, PASSPHRASE};
use pamphlet::bundle::{self, Encryption, ExportOptions};
use pamphlet::vault::{Damage, KeyMaterial, Vault, VaultError, WorkFactor};
use rand::{Rng, SeedableRng};
use secrecy::SecretString;
use time::macros::datetime;
use wait_timeout::ChildExt;

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

/// The key files under `dir`, at any depth: anything named like one, and
/// any file that is an age file (every key file is).
fn key_files_under(dir: &Path) -> Vec<PathBuf> {
    common::files_under(dir)
        .into_iter()
        .filter(|(path, bytes)| {
            let name = path.file_name().unwrap().to_string_lossy();
            name.starts_with("key.") || name.ends_with(".tmp") || bytes.starts_with(b"age-")
        })
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn a_temporary_key_file_left_by_a_killed_command_is_wiped_too() {
    let vault = TestVault::new();
    // What a `passwd` killed before its rename leaves: a whole key file
    // under a temporary name; and one of an earlier pamphlet's name.
    let key = fs::read(vault.dir.join("key.age")).unwrap();
    fs::write(vault.dir.join(".pamphlet-Kq81Zt.tmp"), &key).unwrap();
    fs::write(vault.dir.join(".key-3bX0.tmp"), &key).unwrap();
    vault.cmd().args(["wipe", "--yes"]).assert().success();
    assert_eq!(key_files_under(&vault.dir), Vec::<PathBuf>::new());
    assert!(fs::read_dir(&vault.dir).unwrap().next().is_none());

    // The temporary file alone is still something to wipe.
    fs::write(vault.dir.join(".pamphlet-Kq81Zt.tmp"), &key).unwrap();
    vault.cmd().args(["wipe", "--yes"]).assert().success();
    assert!(fs::read_dir(&vault.dir).unwrap().next().is_none());
}

#[test]
fn passwd_destroys_a_stale_temporary_key_file() {
    let vault = TestVault::new();
    let key = fs::read(vault.dir.join("key.age")).unwrap();
    fs::write(vault.dir.join(".pamphlet-Kq81Zt.tmp"), &key).unwrap();
    let new = vault.file("new", "a brand new passphrase\n");
    vault
        .cmd()
        .arg("passwd")
        .arg("--new-passphrase-file")
        .arg(&new)
        .assert()
        .success();
    let mut names: Vec<_> = fs::read_dir(&vault.dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["db", "key.age"]);
}

#[test]
fn unlocking_destroys_stale_temporary_key_files() {
    let vault = TestVault::new();
    let key = fs::read(vault.dir.join("key.age")).unwrap();
    // What a `passwd` of an earlier pamphlet and one of this one, both
    // killed before their rename, leave behind.
    fs::write(vault.dir.join(".key-3bX0.tmp"), &key).unwrap();
    fs::write(vault.dir.join(".pamphlet-Kq81Zt.tmp"), &key).unwrap();
    vault.cmd().arg("dump").assert().success();
    let mut names: Vec<_> = fs::read_dir(&vault.dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["db", "key.age"]);
}

/// A command that a wipe races.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Racer {
    /// Writes a new key.age.
    Passwd,
    /// Writes key.next.age, reseals, renames it onto key.age.
    Rekey,
    /// Unlocks, then writes records.
    Load,
    /// Unlocks, then writes records and the keyring.
    Import,
    /// Unlocks a vault whose rekey was cut short after the database
    /// switched, which renames key.next.age onto key.age: the one key file
    /// an unlock (by any command, or the terminal UI) writes.
    FinishRekey,
}

const RACERS: [Racer; 5] = [
    Racer::Passwd,
    Racer::Rekey,
    Racer::Load,
    Racer::Import,
    Racer::FinishRekey,
];

/// The vaults and files the racers start from.
struct Arena {
    base: TestVault,
    /// A vault left as a rekey cut short after the database switched.
    bridged: PathBuf,
    records: PathBuf,
    bundle: PathBuf,
    new_passphrase: PathBuf,
}

impl Arena {
    fn new() -> Arena {
        let base = TestVault::new();
        let passphrase = SecretString::from(PASSPHRASE.to_owned());
        let recipient = {
            let mut vault = Vault::unlock(&base.dir, &passphrase).unwrap();
            vault
                .put_all(pamphlet::generate::generate(41, 200).collect())
                .unwrap();
            bundle::public_identity(&vault).recipient
        };
        let records = base.temp.path().join("more.jsonl");
        let lines: String = pamphlet::generate::generate(42, 200)
            .map(|record| record.to_json_line() + "\n")
            .collect();
        fs::write(&records, lines).unwrap();
        let bundle = base.temp.path().join("rosa.bundle");
        let mut rosa = Vault::init(
            &base.temp.path().join("rosa"),
            &passphrase,
            WorkFactor::log_n(4),
        )
        .unwrap();
        rosa.put_all(pamphlet::generate::generate(43, 200).collect())
            .unwrap();
        let ids: Vec<_> = rosa.records().map(|r| r.id).collect();
        let options = ExportOptions::new(
            Encryption::recipients([recipient.as_str()]).unwrap(),
            datetime!(2026-11-30 12:00 UTC),
        );
        fs::write(
            &bundle,
            bundle::export(&mut rosa, &ids, options).unwrap().bytes,
        )
        .unwrap();

        let bridged = base.temp.path().join("bridged");
        copy_dir(&base.dir, &bridged);
        let old_key = fs::read(bridged.join("key.age")).unwrap();
        Vault::unlock(&bridged, &passphrase)
            .unwrap()
            .rekey(&passphrase, WorkFactor::log_n(4))
            .unwrap();
        fs::rename(bridged.join("key.age"), bridged.join("key.next.age")).unwrap();
        fs::write(bridged.join("key.age"), old_key).unwrap();

        let new_passphrase = base.file("new-passphrase", "a brand new passphrase\n");
        Arena {
            base,
            bridged,
            records,
            bundle,
            new_passphrase,
        }
    }

    /// A fresh copy of the vault `racer` starts from, at `dir`.
    fn prepare(&self, racer: Racer, dir: &Path) {
        let from = match racer {
            Racer::FinishRekey => &self.bridged,
            _ => &self.base.dir,
        };
        copy_dir(from, dir);
    }

    /// The binary, pointed at the vault in `dir`.
    fn cmd(&self, dir: &Path, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("pamphlet"));
        cmd.env_clear()
            .env("PAMPHLET_TEST_SCRYPT_LOG_N", "4")
            .arg("--vault")
            .arg(dir)
            .arg("--passphrase-file")
            .arg(&self.base.passphrase_file)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        cmd
    }

    fn spawn(&self, racer: Racer, dir: &Path) -> Child {
        let mut cmd = match racer {
            Racer::Passwd => self.cmd(dir, &["passwd"]),
            Racer::Rekey => self.cmd(dir, &["rekey"]),
            Racer::Load => self.cmd(dir, &["load"]),
            Racer::Import => self.cmd(dir, &["import", "--trust-signer"]),
            Racer::FinishRekey => self.cmd(dir, &["dump"]),
        };
        match racer {
            Racer::Passwd => cmd.arg("--new-passphrase-file").arg(&self.new_passphrase),
            Racer::Load => cmd.arg(&self.records),
            Racer::Import => cmd.arg(&self.bundle),
            _ => &mut cmd,
        };
        cmd.spawn().unwrap()
    }
}

const RACE_ROUNDS: usize = 8;

#[test]
fn a_wipe_racing_any_command_leaves_no_key_file() {
    let arena = Arena::new();
    let workspace = tempfile::tempdir().unwrap();

    // How long each racer takes alone: the wipe starts at a random moment
    // within that.
    let mut spans = Vec::new();
    for racer in RACERS {
        let dir = workspace.path().join(format!("{racer:?}-alone"));
        arena.prepare(racer, &dir);
        let started = Instant::now();
        assert!(
            arena.spawn(racer, &dir).wait().unwrap().success(),
            "{racer:?}"
        );
        spans.push(started.elapsed());
    }

    let mut rng = rand::rngs::StdRng::seed_from_u64(0x7769_7065);
    let (mut finished_first, mut cut_off, mut ghosts) = (0, 0, 0);
    for round in 0..RACE_ROUNDS * RACERS.len() {
        let racer = RACERS[round % RACERS.len()];
        let dir = workspace.path().join(format!("round-{round}"));
        arena.prepare(racer, &dir);
        let span = spans[round % RACERS.len()];
        let delay = span.mul_f64(rng.gen_range(0.0..1.2));

        let mut child = arena.spawn(racer, &dir);
        let early = child.wait_timeout(delay).unwrap();
        let wipe = arena.cmd(&dir, &["wipe", "--yes"]).status().unwrap();
        let status = match early {
            Some(status) => status,
            None => child.wait().unwrap(),
        };

        assert!(wipe.success(), "round {round} ({racer:?}): wipe failed");
        let left = key_files_under(&dir);
        assert!(
            left.is_empty(),
            "round {round} ({racer:?}, wipe after {delay:?}): key files left: {left:?}"
        );
        if status.success() {
            finished_first += 1;
        } else {
            cut_off += 1;
        }
        if pamphlet::vault::has_anything_to_wipe(&dir) {
            // Not a key file: a database sled made again in the moment
            // between the command's last look and its opening.
            ghosts += 1;
        }
        fs::remove_dir_all(&dir).unwrap();
    }
    eprintln!(
        "{} races: {finished_first} commands finished, {cut_off} were cut off by the wipe, \
         {ghosts} left an empty database behind",
        RACE_ROUNDS * RACERS.len()
    );
    assert!(
        finished_first > 0 && cut_off > 0,
        "every wipe landed on the same side of its command: the test proved nothing"
    );
}
