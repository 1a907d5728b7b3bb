//! Partial rollback: someone with write access to a closed vault puts back
//! older copies of some of its sled values, deletes one, or swaps two. The
//! vault must refuse to open, name the part that does not belong, and change
//! nothing; putting the right value back must make it open again. Rolling
//! back the whole directory at once is a backup restored, and must open.
//!
//! The tests work on the sled database itself, as an attacker would, between
//! runs of the real binary.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{copy_dir, stderr_of, TestVault};

/// Five fictional records with fixed ids, so the tests can name them.
const RECORDS: &str = r#"[
 {"id": "0b9c3f1e-1d2c-4b5a-9e8f-7a6b5c4d3e2f", "name": "Clínica Libre", "category": "clinic",
  "city": "Portland", "country": "US", "phones": [{"number": "+1 503 555 0100", "type": "voice"}],
  "updated_at": "2026-10-01T12:00:00Z"},
 {"id": "1c8d2e0f-2e3d-4c6b-8f9a-6b5c4d3e2f1a", "name": "Maître Zoë Lefèvre", "category": "lawyer",
  "city": "Paris", "country": "FR", "updated_at": "2026-09-01T08:30:00Z"},
 {"id": "2d7e1f0a-3f4e-4d7c-9a0b-5c4d3e2f1a0b", "name": "Casa Puente", "category": "housing",
  "city": "Houston", "country": "US", "updated_at": "2026-08-01T08:30:00Z"},
 {"id": "3e6f2a1b-4a5f-4e8d-8b1c-4d3e2f1a0b9c", "name": "Fondo Solidario", "category": "bail_fund",
  "city": "Oakland", "country": "US", "updated_at": "2026-07-01T08:30:00Z"},
 {"id": "4f5a3b2c-5b6a-4f9e-9c2d-3e2f1a0b9c8d", "name": "Grupo Alba", "category": "support_group",
  "city": "Chicago", "country": "US", "updated_at": "2026-06-01T08:30:00Z"}
]"#;

const CLINIC: &str = "0b9c3f1e";
const LAWYER: &str = "1c8d2e0f";

type Values = BTreeMap<Vec<u8>, Vec<u8>>;

/// The closed vault's database, opened as pamphlet opens it: without a
/// background flusher, whose thread would hold sled's lock for a moment after
/// the handle is dropped.
fn open_db(vault: &TestVault) -> sled::Db {
    sled::Config::new()
        .path(vault.dir.join("db"))
        .flush_every_ms(None)
        .open()
        .unwrap()
}

/// Every tree of the closed vault's database, key by key: what an attacker
/// copies, and what a refusal must leave as it was.
fn database(vault: &TestVault) -> BTreeMap<Vec<u8>, Values> {
    let db = open_db(vault);
    let mut trees = BTreeMap::new();
    for name in db.tree_names() {
        let tree = db.open_tree(&name).unwrap();
        let values = tree
            .iter()
            .map(|entry| {
                let (key, value) = entry.unwrap();
                (key.to_vec(), value.to_vec())
            })
            .collect();
        trees.insert(name.to_vec(), values);
    }
    trees
}

fn tree(vault: &TestVault, name: &str) -> Values {
    database(vault).remove(name.as_bytes()).unwrap_or_default()
}

/// Writes (or with `None` removes) one value of the closed vault.
fn set(vault: &TestVault, tree: &str, key: &[u8], value: Option<&[u8]>) {
    let db = open_db(vault);
    let tree = db.open_tree(tree).unwrap();
    match value {
        Some(value) => tree.insert(key, value).unwrap(),
        None => tree.remove(key).unwrap(),
    };
    db.flush().unwrap();
}

/// The keys whose values differ between two copies of a tree.
fn changed(before: &Values, after: &Values) -> Vec<Vec<u8>> {
    let mut keys: Vec<Vec<u8>> = before.keys().chain(after.keys()).cloned().collect();
    keys.sort();
    keys.dedup();
    keys.retain(|key| before.get(key) != after.get(key));
    keys
}

/// The bucket number a records key stands for.
fn bucket(key: &[u8]) -> u16 {
    u16::from_be_bytes([key[0], key[1]])
}

/// A vault holding `RECORDS`.
fn loaded() -> TestVault {
    let vault = TestVault::new();
    vault
        .cmd()
        .arg("load")
        .arg(vault.file("records.json", RECORDS))
        .assert()
        .success();
    vault
}

/// Runs `dump`, expects the refusal with `part` named in it, and checks that
/// the refusal changed nothing in the database.
fn assert_refused(vault: &TestVault, part: &str) {
    let before = database(vault);
    let output = vault.cmd().arg("dump").output().unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(
        stderr.starts_with("error: the vault was changed outside pamphlet: "),
        "{stderr}"
    );
    assert!(stderr.contains(part), "{part:?} not named in {stderr}");
    assert!(
        stderr.contains("hint: restore the whole vault directory from one backup"),
        "{stderr}"
    );
    assert!(!stderr.contains("Clínica") && !stderr.contains("Portland"));
    assert!(
        database(vault) == before,
        "the refusal changed the database"
    );
}

fn run(vault: &TestVault, args: &[&str]) {
    let output = vault.cmd().args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
}

#[test]
fn an_older_copy_of_one_bucket_is_refused() {
    let vault = loaded();
    let original = tree(&vault, "records");
    run(&vault, &["rm", CLINIC]);
    let removed = tree(&vault, "records");
    run(&vault, &["edit", LAWYER, "--city", "Lyon"]);
    let edited = tree(&vault, "records");
    let expected = vault.dump();
    assert!(!expected.contains("Clínica Libre") && expected.contains("Lyon"));

    // The clinic's bucket as it was before `rm`, beside the later edit.
    let clinic_bucket = changed(&original, &removed);
    assert_eq!(clinic_bucket.len(), 1);
    let key = &clinic_bucket[0];
    set(&vault, "records", key, Some(&original[key]));
    assert_refused(&vault, &format!("records bucket {}", bucket(key)));

    // The value pamphlet wrote put back: the vault opens as it was.
    set(&vault, "records", key, Some(&edited[key]));
    assert_eq!(vault.dump(), expected);
    assert_eq!(tree(&vault, "records"), edited);
}

#[test]
fn a_deleted_bucket_is_refused() {
    let vault = loaded();
    let before = tree(&vault, "records");
    run(&vault, &["edit", LAWYER, "--city", "Lyon"]);
    let after = tree(&vault, "records");
    let expected = vault.dump();
    // The lawyer's bucket, whose value was just written.
    let key = changed(&before, &after).remove(0);
    set(&vault, "records", &key, None);
    assert_refused(
        &vault,
        &format!("records bucket {} is missing", bucket(&key)),
    );
    set(&vault, "records", &key, Some(&after[&key]));
    assert_eq!(vault.dump(), expected);
}

#[test]
fn swapped_buckets_are_refused() {
    let vault = TestVault::new();
    let empty = tree(&vault, "records");
    vault
        .cmd()
        .arg("load")
        .arg(vault.file("records.json", RECORDS))
        .assert()
        .success();
    let expected = vault.dump();
    let records = tree(&vault, "records");
    // Two buckets that hold records.
    let mut keys = changed(&empty, &records).into_iter();
    let (first, second) = (keys.next().unwrap(), keys.next().unwrap());
    set(&vault, "records", &first, Some(&records[&second]));
    set(&vault, "records", &second, Some(&records[&first]));
    assert_refused(
        &vault,
        &format!(
            "records bucket {} holds what pamphlet wrote to bucket {}",
            bucket(&first),
            bucket(&second)
        ),
    );
    set(&vault, "records", &first, Some(&records[&first]));
    set(&vault, "records", &second, Some(&records[&second]));
    assert_eq!(vault.dump(), expected);
}

#[test]
fn a_rolled_back_keyring_is_refused() {
    let vault = TestVault::new();
    let rosa = TestVault::new();
    let (rosa_key, _) = rosa.public_keys();
    run(&vault, &["keys", "trust", "Rosa", &rosa_key]);
    let trusted = tree(&vault, "meta");
    run(&vault, &["keys", "untrust", "Rosa"]);
    let untrusted = tree(&vault, "meta");
    assert!(changed(&trusted, &untrusted).contains(&b"trust".to_vec()));

    // Rosa trusted again, behind the organizer's back.
    set(&vault, "meta", b"trust", Some(&trusted[&b"trust"[..]]));
    assert_refused(&vault, "the keyring and bundle sequence numbers");
    set(&vault, "meta", b"trust", Some(&untrusted[&b"trust"[..]]));
    let list = vault.cmd().args(["keys", "list"]).output().unwrap();
    assert!(list.status.success(), "{}", stderr_of(&list));
    assert!(!String::from_utf8_lossy(&list.stdout).contains("Rosa"));
}

#[test]
fn rolled_back_sequence_numbers_are_refused() {
    let rosa = loaded();
    let sam = TestVault::new();
    let (rosa_key, _) = rosa.public_keys();
    run(&sam, &["keys", "trust", "Rosa", &rosa_key]);
    let meeting = rosa.file("meeting", "tuesday at the library\n");
    let bundle = rosa.temp.path().join("one.age");
    let mut export = rosa.cmd();
    export.arg("export").arg("--out").arg(&bundle);
    export.arg("--bundle-passphrase-file").arg(&meeting);
    export.assert().success();
    let import = || {
        sam.cmd()
            .arg("import")
            .arg(&bundle)
            .arg("--bundle-passphrase-file")
            .arg(&meeting)
            .output()
            .unwrap()
    };

    let before_import = tree(&sam, "meta");
    let first = import();
    assert!(first.status.success(), "{}", stderr_of(&first));
    let after_import = tree(&sam, "meta");
    let replay = import();
    assert!(
        stderr_of(&replay).contains("replayed"),
        "{}",
        stderr_of(&replay)
    );

    // The sequence numbers from before the import: the bundle could be
    // replayed.
    set(&sam, "meta", b"trust", Some(&before_import[&b"trust"[..]]));
    assert_refused(&sam, "the keyring and bundle sequence numbers");
    set(&sam, "meta", b"trust", Some(&after_import[&b"trust"[..]]));
    let replay = import();
    assert!(
        stderr_of(&replay).contains("replayed"),
        "{}",
        stderr_of(&replay)
    );
}

#[test]
fn a_whole_directory_restored_from_a_backup_opens() {
    // The limit SECURITY.md states: a copy of the whole vault, put back,
    // is a backup restored, and offline it cannot be told from an attack.
    let vault = loaded();
    let expected = vault.dump();
    let backup = vault.temp.path().join("backup");
    copy_dir(&vault.dir, &backup);
    run(&vault, &["rm", CLINIC]);
    std::fs::remove_dir_all(&vault.dir).unwrap();
    copy_dir(&backup, &vault.dir);
    assert_eq!(vault.dump(), expected);
}

/// The format 1 vault of `tests/data/vault-format1/`, made by the previous
/// pamphlet, written back into a sled database in `vault`'s directory.
fn format1_vault() -> TestVault {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/vault-format1");
    let vault = TestVault::empty();
    std::fs::create_dir_all(&vault.dir).unwrap();
    std::fs::copy(data.join("key.age"), vault.dir.join("key.age")).unwrap();
    let db = open_db(&vault);
    let text = std::fs::read_to_string(data.join("db.txt")).unwrap();
    for line in text.lines().filter(|line| !line.starts_with('#')) {
        let fields: Vec<&str> = line.split(' ').collect();
        let [tree, key, value] = fields[..] else {
            panic!("bad fixture line {line}")
        };
        db.open_tree(tree)
            .unwrap()
            .insert(unhex(key), unhex(value))
            .unwrap();
    }
    db.flush().unwrap();
    vault
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&text[at..at + 2], 16).unwrap())
        .collect()
}

#[test]
fn a_format_1_vault_is_migrated_on_first_unlock_and_checked_after() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/vault-format1");
    let expected = std::fs::read_to_string(data.join("dump.jsonl")).unwrap();
    let vault = format1_vault();
    let old = database(&vault);
    let format =
        |trees: &BTreeMap<Vec<u8>, Values>| trees[&b"__sled__default"[..]][&b"format"[..]].clone();
    assert_eq!(format(&old), 1u32.to_le_bytes());
    assert_eq!(old[&b"records"[..]].len(), 5);

    assert_eq!(vault.dump(), expected);
    let migrated = database(&vault);
    assert_eq!(
        format(&migrated),
        pamphlet::vault::STORE_FORMAT.to_le_bytes()
    );
    assert_eq!(migrated[&b"records"[..]].len(), 4096);
    assert!(migrated[&b"meta"[..]].contains_key(&b"inventory"[..]));
    // The signer, its sequence number and the record it vouched for came
    // through.
    let keys = vault.cmd().args(["keys", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&keys.stdout).contains("(last bundle: #1)"));
    let show = vault.cmd().args(["show", "5a6b7c8d"]).output().unwrap();
    assert!(String::from_utf8_lossy(&show.stdout)
        .contains("source       vouched for by signer 8D18 D505 (bundle #1"));

    // Once is enough: the next unlock writes nothing.
    assert_eq!(vault.dump(), expected);
    assert!(database(&vault) == migrated);

    // A bucket of the old vault put back is an older copy.
    let (key, value) = old[&b"records"[..]].iter().next().unwrap();
    set(&vault, "records", key, Some(value));
    assert_refused(
        &vault,
        &format!(
            "records bucket {} is not the copy pamphlet last wrote",
            bucket(key)
        ),
    );
    set(
        &vault,
        "records",
        key,
        Some(&migrated[&b"records"[..]][key]),
    );
    // And so is its keyring.
    let trust = |trees: &BTreeMap<Vec<u8>, Values>| trees[&b"meta"[..]][&b"trust"[..]].clone();
    set(&vault, "meta", b"trust", Some(&trust(&old)));
    assert_refused(
        &vault,
        "the keyring and bundle sequence numbers are not the copy pamphlet last wrote",
    );
    set(&vault, "meta", b"trust", Some(&trust(&migrated)));
    assert_eq!(vault.dump(), expected);
}

#[test]
fn a_removed_or_older_inventory_is_refused() {
    let vault = loaded();
    let before = database(&vault);
    run(&vault, &["rm", CLINIC]);
    let after = database(&vault);
    let expected = vault.dump();
    let inventory =
        |trees: &BTreeMap<Vec<u8>, Values>| trees[&b"meta"[..]][&b"inventory"[..]].clone();

    set(&vault, "meta", b"inventory", None);
    assert_refused(&vault, "the inventory of the vault's parts is missing");

    // The inventory from before `rm`: the clinic's bucket, written since,
    // no longer matches it.
    set(&vault, "meta", b"inventory", Some(&inventory(&before)));
    let clinic_bucket = changed(&before[&b"records"[..]], &after[&b"records"[..]]);
    assert_refused(
        &vault,
        &format!(
            "records bucket {} is not the copy pamphlet last wrote",
            bucket(&clinic_bucket[0])
        ),
    );
    set(&vault, "meta", b"inventory", Some(&inventory(&after)));
    assert_eq!(vault.dump(), expected);
}
