//! What a write replaces or removes does not stay in sled's files: after
//! `rm`, the deleted record's old sealed bucket is nowhere under the vault
//! directory (it would open with the current key), and after `rekey` no
//! value sealed under the old key is (it would open with a copy of the old
//! `key.age`). A kill -9 while the database is rebuilt leaves a vault that
//! opens with every record.

mod common;

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{files_under, TestVault, PASSPHRASE};
use pamphlet::vault::Vault;
use secrecy::SecretString;

fn passphrase() -> SecretString {
    SecretString::from(PASSPHRASE.to_owned())
}

/// A vault of `count` generated records, closed.
fn vault_with(count: usize) -> TestVault {
    let vault = TestVault::new();
    let mut open = Vault::unlock(&vault.dir, &passphrase()).unwrap();
    open.put_all(pamphlet::generate::generate(7, count).collect())
        .unwrap();
    drop(open);
    vault
}

/// Every value of the records and meta trees, read with sled directly
/// while the vault is closed: (tree, key, sealed value).
fn sealed_values(dir: &Path) -> Vec<(String, Vec<u8>, Vec<u8>)> {
    let db = sled::open(dir.join("db")).unwrap();
    let mut values = Vec::new();
    for tree in ["records", "meta"] {
        for entry in db.open_tree(tree).unwrap().iter() {
            let (key, value) = entry.unwrap();
            values.push((tree.to_owned(), key.to_vec(), value.to_vec()));
        }
    }
    drop(db);
    // sled lets go of its lock a moment after the last handle.
    std::thread::sleep(Duration::from_millis(200));
    values
}

/// A window of 32 bytes from the sealed part of `value`, away from its
/// header: found in a file, it means the value is still there.
fn window(value: &[u8]) -> [u8; 32] {
    assert!(value.len() >= 96, "a sealed value is longer than that");
    let middle = value.len() / 2;
    value[middle..middle + 32].try_into().unwrap()
}

/// For each of `values`, the files under `dir` that hold its window.
fn holding_each(dir: &Path, values: &[&[u8]]) -> Vec<Vec<String>> {
    let mut wanted: HashMap<[u8; 32], Vec<usize>> = HashMap::new();
    for (at, value) in values.iter().enumerate() {
        wanted.entry(window(value)).or_default().push(at);
    }
    let mut found = vec![Vec::new(); values.len()];
    for (path, bytes) in files_under(dir) {
        for piece in bytes.windows(32) {
            if let Some(ats) = wanted.get(piece) {
                for at in ats {
                    found[*at].push(path.display().to_string());
                }
            }
        }
    }
    found
}

/// The files under `dir` that hold the window of `value`.
fn holding(dir: &Path, value: &[u8]) -> Vec<String> {
    holding_each(dir, &[value]).remove(0)
}

#[test]
fn after_rm_the_deleted_records_old_bucket_is_nowhere_in_the_vault() {
    let vault = vault_with(300);
    let open = Vault::unlock(&vault.dir, &passphrase()).unwrap();
    let victim = open.records().next().unwrap().id;
    drop(open);
    let before = sealed_values(&vault.dir);
    // The finder of this test works: the values are in the files now.
    assert!(!holding(&vault.dir, &before[0].2).is_empty());

    vault
        .cmd()
        .args(["rm", &victim.to_string()])
        .assert()
        .success();

    let after = sealed_values(&vault.dir);
    let replaced: Vec<_> = before
        .iter()
        .filter(|(tree, key, value)| {
            !after
                .iter()
                .any(|(t, k, v)| t == tree && k == key && v == value)
        })
        .collect();
    // The record's bucket and the inventory at least.
    assert!(replaced.len() >= 2, "rm replaced {} values", replaced.len());
    for (tree, key, value) in replaced {
        let found = holding(&vault.dir, value);
        assert!(
            found.is_empty(),
            "the old {tree} value {key:02x?} is still in {found:?}"
        );
    }
    let open = Vault::unlock(&vault.dir, &passphrase()).unwrap();
    assert_eq!(open.len(), 299);
    assert!(open.get(&victim).is_none());
}

#[test]
fn after_a_rekey_no_value_sealed_under_the_old_key_is_anywhere_in_the_vault() {
    let vault = vault_with(300);
    let before = sealed_values(&vault.dir);
    assert!(before.len() > 4096);
    vault.cmd().arg("rekey").assert().success();
    let values: Vec<&[u8]> = before.iter().map(|(_, _, v)| v.as_slice()).collect();
    let left: Vec<String> = before
        .iter()
        .zip(holding_each(&vault.dir, &values))
        .filter(|(_, found)| !found.is_empty())
        .map(|((tree, key, _), found)| format!("{tree} {key:02x?} in {found:?}"))
        .collect();
    assert!(
        left.is_empty(),
        "{} of {} old values are still there, first: {}",
        left.len(),
        before.len(),
        left[0]
    );
    assert_eq!(names(&vault.dir), ["db", "key.age"]);
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
fn sigkill_while_the_database_is_rebuilt_leaves_a_vault_with_every_record() {
    let vault = vault_with(200);
    let open = Vault::unlock(&vault.dir, &passphrase()).unwrap();
    let mut ids: Vec<String> = open.records().map(|r| r.id.to_string()).collect();
    drop(open);
    ids.sort();
    for stage in ["copying", "copied", "swapped"] {
        let victim = ids.pop().unwrap();
        let before = sealed_values(&vault.dir);
        let signal = vault.temp.path().join(format!("reached-{stage}"));
        let mut child = vault
            .std_cmd()
            .args(["rm", &victim])
            .env("PAMPHLET_TEST_COMPACT_STALL", stage)
            .env("PAMPHLET_TEST_COMPACT_SIGNAL", &signal)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while !signal.exists() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the rebuild never reached {stage}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        assert!(
            names(&vault.dir)
                .iter()
                .any(|n| n.starts_with(".db-compact-")),
            "{stage}: the kill left no rebuild behind: the test proved nothing"
        );

        // Unlocking finds the rm done, every other record there, and
        // finishes the rebuild: no leftover, no old bucket.
        let open = Vault::unlock(&vault.dir, &passphrase()).unwrap();
        let mut now: Vec<String> = open.records().map(|r| r.id.to_string()).collect();
        now.sort();
        assert_eq!(now, ids, "{stage}");
        drop(open);
        assert_eq!(names(&vault.dir), ["db", "key.age"], "{stage}");
        let after = sealed_values(&vault.dir);
        for (tree, key, value) in &before {
            if !after
                .iter()
                .any(|(t, k, v)| t == tree && k == key && v == value)
            {
                assert!(
                    holding(&vault.dir, value).is_empty(),
                    "{stage}: old {tree} value {key:02x?} left"
                );
            }
        }
    }
}

#[test]
fn a_planted_leftover_directory_destroys_only_what_is_the_vaults() {
    let vault = vault_with(5);
    let outside = vault.temp.path().join("outside.txt");
    fs::write(&outside, "not the vault's\n").unwrap();
    let planted = vault.dir.join(".db-compact-planted");
    fs::create_dir(&planted).unwrap();
    fs::write(planted.join("own"), "leftover\n").unwrap();
    fs::hard_link(&outside, planted.join("hard")).unwrap();
    std::os::unix::fs::symlink(&outside, planted.join("soft")).unwrap();
    let linked_dir = vault.dir.join(".db-compact-linked");
    std::os::unix::fs::symlink(vault.temp.path(), &linked_dir).unwrap();

    drop(Vault::unlock(&vault.dir, &passphrase()).unwrap());

    assert_eq!(fs::read_to_string(&outside).unwrap(), "not the vault's\n");
    assert!(!planted.exists(), "the leftover directory is destroyed");
    // A link named like a leftover is not followed.
    assert!(vault.temp.path().join("passphrase").exists());
}

#[test]
fn a_database_that_is_a_symbolic_link_is_not_rebuilt_through_it() {
    let vault = vault_with(20);
    let real = vault.temp.path().join("real-db");
    fs::rename(vault.dir.join("db"), &real).unwrap();
    std::os::unix::fs::symlink(&real, vault.dir.join("db")).unwrap();
    let open = Vault::unlock(&vault.dir, &passphrase()).unwrap();
    let victim = open.records().next().unwrap().id;
    drop(open);

    let cannot = "warning: the change was saved, but the old copies it replaced are \
                  still in the vault's files, readable with the vault key: the database \
                  cannot be rewritten where it is";
    let output = vault
        .cmd()
        .args(["rm", &victim.to_string()])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).starts_with(cannot));
    let output = vault.cmd().arg("rekey").output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("under a new vault key"), "{stdout}");
    assert!(!stdout.contains("rewritten"), "{stdout}");
    assert!(String::from_utf8_lossy(&output.stderr).starts_with(cannot));

    assert!(fs::symlink_metadata(vault.dir.join("db"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(names(&vault.dir), ["db", "key.age"]);
    let open = Vault::unlock(&vault.dir, &passphrase()).unwrap();
    assert_eq!(open.len(), 19);
    assert!(open.get(&victim).is_none());
}
