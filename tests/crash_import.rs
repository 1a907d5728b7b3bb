//! Crash safety of `pamphlet import`: a bundle of many records is imported
//! by the real binary, killed with SIGKILL at moments spread from decryption
//! to the final flush. After every kill the vault must open and hold exactly
//! the state before the import (records, keyring and sequence numbers) or
//! exactly the state after it; and when it holds the state before, the same
//! bundle must still be importable (not refused as a replay).
//! `tests/crash.rs` does the same for `pamphlet load`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use pamphlet::bundle::{self, Encryption, ExportOptions};
use pamphlet::vault::{Vault, WorkFactor};
use secrecy::SecretString;
use time::macros::datetime;

use common::{copy_dir, disk_usage, kill_child, KillAt, TestVault, PASSPHRASE};

/// Records in the bundle: enough that the write takes a while, few enough
/// for many rounds.
const BUNDLE_RECORDS: usize = 20_000;
/// Records the importing vault holds before.
const OWN_RECORDS: usize = 2_000;
const ROUNDS: u32 = 40;

/// What the vault holds: `dump` and `keys list --json`.
#[derive(Debug, PartialEq, Eq)]
struct State {
    records: String,
    keys: String,
}

fn state(vault: &TestVault) -> State {
    let keys = vault
        .cmd()
        .args(["keys", "list", "--json"])
        .output()
        .unwrap();
    assert!(keys.status.success(), "{}", common::stderr_of(&keys));
    // When a key was trusted is the clock's business, not the import's.
    let keys = String::from_utf8(keys.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let mut key: serde_json::Value = serde_json::from_str(line).unwrap();
            key.as_object_mut().unwrap().remove("added_at").unwrap();
            key.to_string() + "\n"
        })
        .collect();
    State {
        records: vault.dump(),
        keys,
    }
}

fn import_cmd(vault: &TestVault, bundle: &Path) -> std::process::Command {
    let mut cmd = vault.std_cmd();
    cmd.arg("import").arg(bundle).arg("--trust-signer");
    cmd
}

#[test]
fn sigkill_during_import_leaves_the_state_before_or_after() {
    // Sam's vault, with records of their own, is the starting point of every
    // round; Rosa's bundle is encrypted to Sam's age key (no scrypt).
    let base = TestVault::new();
    let passphrase = SecretString::from(PASSPHRASE.to_owned());
    let recipient = {
        let mut sam = Vault::unlock(&base.dir, &passphrase).unwrap();
        sam.put_all(pamphlet::generate::generate(21, OWN_RECORDS).collect())
            .unwrap();
        bundle::public_identity(&sam).recipient
    };
    let bundle_path = base.temp.path().join("rosa.bundle");
    {
        let mut rosa = Vault::init(
            &base.temp.path().join("rosa"),
            &passphrase,
            WorkFactor::log_n(4),
        )
        .unwrap();
        rosa.put_all(pamphlet::generate::generate(22, BUNDLE_RECORDS).collect())
            .unwrap();
        let ids: Vec<_> = rosa.records().map(|r| r.id).collect();
        let summary = bundle::export(
            &mut rosa,
            &ids,
            ExportOptions::new(
                Encryption::recipients([recipient.as_str()]).unwrap(),
                datetime!(2026-11-30 12:00 UTC),
            ),
        )
        .unwrap();
        fs::write(&bundle_path, summary.bytes).unwrap();
    }
    let before = state(&base);
    assert_eq!(before.records.lines().count(), OWN_RECORDS);

    // One import to completion: how long it takes, and the state after.
    let reference = copy_of(&base, "reference");
    let started = Instant::now();
    let status = import_cmd(&reference, &bundle_path)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    let full = started.elapsed();
    assert!(status.success());
    let after = state(&reference);
    assert_eq!(after.records.lines().count(), OWN_RECORDS + BUNDLE_RECORDS);
    assert_ne!(after.keys, before.keys);

    let (mut nothing, mut everything, mut mid_write) = (0, 0, 0);
    for round in 0..ROUNDS {
        let vault = copy_of(&base, &format!("round-{round}"));
        let start_size = disk_usage(&vault.dir);
        let fraction = 0.05 + 1.1 * f64::from(round) / f64::from(ROUNDS);
        let delay = full.mul_f64(fraction);
        let mut child = import_cmd(&vault, &bundle_path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let when = if round % 2 == 0 {
            KillAt::After(delay)
        } else {
            // Once the database starts to grow, a little more, so the kill
            // lands while the transaction is being written.
            KillAt::Writing {
                extra: Duration::from_millis(u64::from(round) * 4),
                start_size,
                patience: full * 10,
            }
        };
        let grew = kill_child(&mut child, when, &vault.dir, start_size);

        let now = state(&vault);
        if now == before {
            nothing += 1;
            if grew {
                mid_write += 1;
            }
            // The sequence number did not move either: the same bundle is
            // still welcome. (Asked where it matters, to keep the test quick.)
            if !grew && nothing > 1 {
                fs::remove_dir_all(&vault.dir).unwrap();
                continue;
            }
            let retry = import_cmd(&vault, &bundle_path)
                .arg("--dry-run")
                .output()
                .unwrap();
            assert!(
                retry.status.success(),
                "round {round}: {}",
                common::stderr_of(&retry)
            );
        } else {
            assert!(
                now == after,
                "round {round} (kill after {delay:?}): the vault holds {} records and keyring {:?}, \
                 neither the state before nor after",
                now.records.lines().count(),
                now.keys
            );
            everything += 1;
        }
        fs::remove_dir_all(&vault.dir).unwrap();
    }
    eprintln!(
        "{ROUNDS} kills over a {full:?} import of {BUNDLE_RECORDS} records: {nothing} left the \
         state before ({mid_write} of them after the database had grown), {everything} the state after"
    );
    assert!(
        nothing > 0 && everything > 0,
        "every kill landed on the same side: the test proved nothing"
    );
    assert!(
        mid_write > 0,
        "no kill landed while the database was growing: the test proved little"
    );
}

/// A copy of `base`'s vault (closed) in its temp dir, under `name`.
fn copy_of(base: &TestVault, name: &str) -> TestVault {
    let dir: PathBuf = base.temp.path().join(name);
    copy_dir(&base.dir, &dir);
    TestVault {
        dir,
        passphrase_file: base.passphrase_file.clone(),
        temp: tempfile::tempdir_in(base.temp.path()).unwrap(),
    }
}
