//! `pamphlet rekey`: a new vault key, every record, the keyring and the
//! sequence numbers sealed anew in one step, after which a copy of the old
//! `key.age`, with the passphrase, opens nothing. A rekey cut short by a
//! crash leaves the old vault or the new one, whole: the next unlock
//! finishes or discards it.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{copy_dir, disk_usage, kill_child, KillAt, TestVault, PASSPHRASE};
use pamphlet::bundle::{self, Encryption, ExportOptions};
use pamphlet::vault::{Damage, KeyMaterial, Provenance, TrustState, Vault, VaultError, WorkFactor};
use predicates::prelude::*;
use rand::{Rng, SeedableRng};
use secrecy::SecretString;
use time::macros::datetime;
use uuid::Uuid;

fn passphrase() -> SecretString {
    SecretString::from(PASSPHRASE.to_owned())
}

/// A vault holding `count` generated records of its own and a few from a
/// bundle of a trusted signer, so that the keyring, the sequence numbers
/// and the provenance of records are there to be resealed too.
fn vault_with(count: usize) -> TestVault {
    let vault = TestVault::new();
    let mut open = Vault::unlock(&vault.dir, &passphrase()).unwrap();
    open.put_all(pamphlet::generate::generate(31, count).collect())
        .unwrap();
    let recipient = bundle::public_identity(&open).recipient;
    drop(open);
    let mut rosa = Vault::init(
        &vault.temp.path().join("rosa"),
        &passphrase(),
        WorkFactor::log_n(4),
    )
    .unwrap();
    rosa.put_all(pamphlet::generate::generate(32, 20).collect())
        .unwrap();
    let ids: Vec<_> = rosa.records().map(|r| r.id).collect();
    let options = ExportOptions::new(
        Encryption::recipients([recipient.as_str()]).unwrap(),
        datetime!(2026-11-30 12:00 UTC),
    );
    let bundle_path = vault.temp.path().join("rosa.bundle");
    fs::write(
        &bundle_path,
        bundle::export(&mut rosa, &ids, options).unwrap().bytes,
    )
    .unwrap();
    vault
        .cmd()
        .arg("import")
        .arg(&bundle_path)
        .args(["--trust-signer", "--signer-name", "Rosa (Portland)"])
        .assert()
        .success();
    vault
}

/// What the vault holds: records, keyring, sequence numbers, provenance.
#[derive(Debug, PartialEq)]
struct State {
    records: String,
    trust: TrustState,
    provenance: BTreeMap<Uuid, Provenance>,
}

fn state(vault: &TestVault) -> State {
    let records = vault.dump();
    let open = Vault::unlock(&vault.dir, &passphrase()).unwrap();
    let provenance = open
        .records()
        .filter_map(|record| Some((record.id, open.provenance(&record.id)?.clone())))
        .collect();
    State {
        records,
        trust: open.trust().clone(),
        provenance,
    }
}

/// The names in the vault directory, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn after_a_rekey_the_old_key_file_opens_nothing_and_the_new_one_everything() {
    let vault = vault_with(3_000);
    let before = state(&vault);
    assert_eq!(before.provenance.len(), 20);
    assert_eq!(before.trust.last_seen.len(), 1);
    let (signing_key, recipient) = vault.public_keys();
    let old_id = Vault::unlock(&vault.dir, &passphrase()).unwrap().id();
    let old_key_file = vault.temp.path().join("old-key.age");
    fs::copy(vault.dir.join("key.age"), &old_key_file).unwrap();

    vault
        .cmd()
        .arg("rekey")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "sealed 3020 records under a new vault key",
        ));
    assert_eq!(names(&vault.dir), ["db", "key.age"]);
    assert_ne!(
        fs::read(vault.dir.join("key.age")).unwrap(),
        fs::read(&old_key_file).unwrap()
    );
    // Same records, same keyring, same identity for the people who trust it.
    assert_eq!(state(&vault), before);
    assert_eq!(vault.public_keys(), (signing_key, recipient));
    let new_id = Vault::unlock(&vault.dir, &passphrase()).unwrap().id();
    assert_ne!(new_id, old_id);

    // The old key file put back, with the passphrase: nothing opens.
    let new_key_file = vault.temp.path().join("new-key.age");
    fs::rename(vault.dir.join("key.age"), &new_key_file).unwrap();
    fs::copy(&old_key_file, vault.dir.join("key.age")).unwrap();
    vault
        .cmd()
        .arg("dump")
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: key.age does not belong to the database beside it",
        ));

    // Even with the database made to claim the old vault id, the old key
    // opens no bucket: everything was sealed anew.
    let old_keys = KeyMaterial::read(&old_key_file, &passphrase()).unwrap();
    set_vault_id(&vault.dir, &old_id);
    let opened = Vault::open(&vault.dir, old_keys);
    assert!(
        matches!(opened, Err(VaultError::Damaged(Damage::BucketSealed(_)))),
        "{:?}",
        opened.err()
    );
    set_vault_id(&vault.dir, &new_id);

    // The new key file opens everything.
    fs::rename(&new_key_file, vault.dir.join("key.age")).unwrap();
    assert_eq!(state(&vault), before);
}

#[test]
fn the_keyring_alone_is_resealed_too() {
    // A vault with no records: the keyring is all there is to reseal, and
    // the old key must not open it either.
    let vault = TestVault::new();
    let (rosa, _) = TestVault::new().public_keys();
    vault
        .cmd()
        .args(["keys", "trust", "Rosa (Portland)"])
        .arg(rosa)
        .assert()
        .success();
    let before = state(&vault);
    assert_eq!(before.trust.keys.len(), 1);
    let old_id = Vault::unlock(&vault.dir, &passphrase()).unwrap().id();
    let old_keys = KeyMaterial::read(&vault.dir.join("key.age"), &passphrase()).unwrap();
    vault.cmd().arg("rekey").assert().success();
    assert_eq!(state(&vault), before);
    set_vault_id(&vault.dir, &old_id);
    // Every bucket exists, empty ones sealed and padded like the rest, and
    // was resealed: the first one read is the first that does not open.
    let opened = Vault::open(&vault.dir, old_keys);
    assert!(
        matches!(opened, Err(VaultError::Damaged(Damage::BucketSealed(0)))),
        "{:?}",
        opened.err()
    );
}

/// Writes `id` as the database's vault id, as someone with write access to
/// a closed vault could.
fn set_vault_id(dir: &Path, id: &[u8; 16]) {
    let db = sled::open(dir.join("db")).unwrap();
    db.insert("vault_id", &id[..]).unwrap();
    db.flush().unwrap();
}

#[test]
fn unlocking_finishes_a_rekey_cut_short_after_the_database_switched() {
    let vault = vault_with(500);
    let before = state(&vault);
    let old_key = fs::read(vault.dir.join("key.age")).unwrap();
    vault.cmd().arg("rekey").assert().success();
    let new_key = fs::read(vault.dir.join("key.age")).unwrap();

    // What a crash between the database's switch and the rename leaves:
    // the old key.age, and the new key beside it.
    fs::write(vault.dir.join("key.next.age"), &new_key).unwrap();
    fs::write(vault.dir.join("key.age"), &old_key).unwrap();
    fs::write(vault.dir.join(".pamphlet-Ab3dE6.tmp"), &new_key).unwrap();
    assert_eq!(state(&vault), before);
    assert_eq!(names(&vault.dir), ["db", "key.age"]);
    assert_eq!(fs::read(vault.dir.join("key.age")).unwrap(), new_key);
}

#[test]
fn unlocking_discards_a_rekey_cut_short_before_the_database_switched() {
    let vault = vault_with(500);
    let before = state(&vault);
    let old_key = fs::read(vault.dir.join("key.age")).unwrap();
    // A new key of the same passphrase that the database never switched to:
    // another copy of the vault, rekeyed.
    let other = vault.temp.path().join("other");
    copy_dir(&vault.dir, &other);
    Vault::unlock(&other, &passphrase())
        .unwrap()
        .rekey(&passphrase(), WorkFactor::log_n(4))
        .unwrap();
    fs::copy(other.join("key.age"), vault.dir.join("key.next.age")).unwrap();
    fs::copy(other.join("key.age"), vault.dir.join(".key-x7Yq.tmp")).unwrap();

    assert_eq!(state(&vault), before);
    assert_eq!(names(&vault.dir), ["db", "key.age"]);
    assert_eq!(fs::read(vault.dir.join("key.age")).unwrap(), old_key);
}

const RECORDS: usize = 20_000;
const ROUNDS: u32 = 16;

#[test]
fn sigkill_during_rekey_leaves_the_old_or_the_new_vault_whole() {
    let base = vault_with(RECORDS);
    let before = state(&base);
    let old_key = fs::read(base.dir.join("key.age")).unwrap();

    // One rekey to completion: how long it takes.
    let reference = copy_of(&base, "reference");
    let started = Instant::now();
    reference.cmd().arg("rekey").assert().success();
    let full = started.elapsed();

    let mut rng = rand::rngs::StdRng::seed_from_u64(0x7265_6b65);
    let (mut old, mut new, mut mid_write, mut bridged) = (0, 0, 0, 0);
    for round in 0..ROUNDS {
        let vault = copy_of(&base, &format!("round-{round}"));
        let start_size = disk_usage(&vault.dir);
        let mut child = vault
            .std_cmd()
            .arg("rekey")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let when = if round % 2 == 0 {
            KillAt::After(full.mul_f64(rng.gen_range(0.05..1.1)))
        } else {
            // Once the database has started to grow, a moment more, so the
            // kill lands while the transaction is written.
            KillAt::Writing {
                extra: Duration::from_millis(rng.gen_range(0..40)),
                start_size,
                patience: full * 10,
            }
        };
        if kill_child(&mut child, when, &vault.dir, start_size) {
            mid_write += 1;
        }
        if vault.dir.join("key.next.age").exists() {
            bridged += 1;
        }

        // The same passphrase opens the vault, with every record and the
        // keyring, under whichever key the database was sealed with.
        assert!(
            state(&vault) == before,
            "round {round}: records or keyring differ"
        );
        assert_eq!(names(&vault.dir), ["db", "key.age"], "round {round}");
        if fs::read(vault.dir.join("key.age")).unwrap() == old_key {
            old += 1;
        } else {
            new += 1;
        }
        fs::remove_dir_all(&vault.dir).unwrap();
    }
    eprintln!(
        "{ROUNDS} kills over a {full:?} rekey of {RECORDS} records: {old} left the old vault, \
         {new} the new one ({mid_write} killed after the database had grown, {bridged} with \
         key.next.age beside key.age)"
    );
    assert!(
        old > 0 && new > 0,
        "every kill landed on the same side: the test proved nothing"
    );
    assert!(mid_write > 0, "no kill landed while the database grew");
}

/// A copy of `base`'s vault (closed) in its temp dir, under `name`.
fn copy_of(base: &TestVault, name: &str) -> TestVault {
    let dir = base.temp.path().join(name);
    copy_dir(&base.dir, &dir);
    TestVault {
        dir,
        passphrase_file: base.passphrase_file.clone(),
        temp: tempfile::tempdir_in(base.temp.path()).unwrap(),
    }
}

/// A `key.next.age` that no rekey wrote (garbage, or a key file of another
/// vault under the same passphrase) changes nothing: the vault opens with
/// `key.age`, as before, and the stray file is destroyed.
#[test]
fn a_hand_made_next_key_file_changes_nothing() {
    let vault = TestVault::new();
    vault
        .cmd()
        .args(["add", "--name", "Casa Puente", "--category", "housing"])
        .assert()
        .success();
    let before = vault.dump();
    let old_key = fs::read(vault.dir.join("key.age")).unwrap();
    let other = TestVault::new();
    let strays: [Vec<u8>; 3] = [
        b"age-encryption.org/v1\n-> scrypt AAAA 22\nnot really\n".to_vec(),
        vec![0u8; 70_000],
        fs::read(other.dir.join("key.age")).unwrap(),
    ];
    for stray in strays {
        fs::write(vault.dir.join("key.next.age"), &stray).unwrap();
        assert_eq!(vault.dump(), before);
        assert_eq!(names(&vault.dir), ["db", "key.age"]);
        assert_eq!(fs::read(vault.dir.join("key.age")).unwrap(), old_key);
    }
}

/// `key.age` with the work factor on its scrypt stanza set to `log_n`:
/// what age checks before any work (the header's MAC no longer matches,
/// which is only seen after the work).
fn with_work_factor(key_file: &[u8], log_n: u8) -> Vec<u8> {
    let text = String::from_utf8_lossy(&key_file[..200]).into_owned();
    let line = text.lines().find(|l| l.starts_with("-> scrypt ")).unwrap();
    let (stanza, _) = line.rsplit_once(' ').unwrap();
    let at = key_file
        .windows(line.len())
        .position(|w| w == line.as_bytes())
        .unwrap();
    let mut costly = key_file[..at].to_vec();
    costly.extend_from_slice(format!("{stanza} {log_n}").as_bytes());
    costly.extend_from_slice(&key_file[at + line.len()..]);
    costly
}

/// A `key.next.age` asking for scrypt work factor 21 (2 GiB, about 12 s)
/// is refused from its header: the unlock does not do that work.
#[test]
fn a_next_key_file_asking_for_too_much_work_is_refused_before_the_work() {
    let vault = TestVault::new();
    let key = fs::read(vault.dir.join("key.age")).unwrap();
    fs::write(vault.dir.join("key.next.age"), with_work_factor(&key, 21)).unwrap();
    let started = Instant::now();
    let open = Vault::unlock(&vault.dir, &passphrase()).unwrap();
    let took = started.elapsed();
    drop(open);
    assert!(
        took < Duration::from_secs(3),
        "the unlock took {took:?}: the work was done"
    );
    assert_eq!(names(&vault.dir), ["db", "key.age"]);
}

/// After a rekey cut short once the database switched, a damaged
/// `key.next.age` is named as such, not as a damaged or wrong `key.age`.
#[test]
fn a_damaged_next_key_file_is_named_when_the_database_needs_it() {
    let vault = TestVault::new();
    let old_key = fs::read(vault.dir.join("key.age")).unwrap();
    vault.cmd().arg("rekey").assert().success();
    let mut new_key = fs::read(vault.dir.join("key.age")).unwrap();
    let last = new_key.len() - 1;
    new_key[last] ^= 0x55;
    fs::write(vault.dir.join("key.next.age"), &new_key).unwrap();
    fs::write(vault.dir.join("key.age"), &old_key).unwrap();
    vault
        .cmd()
        .arg("dump")
        .assert()
        .failure()
        .stderr(predicate::str::contains("key.next.age"))
        .stderr(predicate::str::contains("key.age is damaged").not())
        .stderr(predicate::str::contains("does not belong").not());
}
