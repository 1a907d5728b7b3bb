//! The store on a real sled database in a temp dir: a format 1 vault,
//! written here as the previous pamphlet wrote it, migrated whole on first
//! open, and a format version set back refused.

use std::collections::BTreeMap;

use time::macros::datetime;

use super::*;
use crate::vault::trust::TrustedKey;

fn sealer() -> Sealer {
    Sealer::new(&[0x42; 32], &VAULT_ID)
}

const VAULT_ID: [u8; 16] = [0x0d; 16];

fn trust() -> TrustState {
    TrustState {
        keys: vec![TrustedKey {
            name: "Rosa (Portland)".into(),
            public_key: "RWexample".into(),
            recipient: None,
            added_at: datetime!(2026-10-01 12:00 UTC),
        }],
        last_seen: BTreeMap::from([("RWexample".to_owned(), 7)]),
        last_exported: 3,
    }
}

/// A database laid out as format 1 was: the format and id in the clear,
/// only non-empty buckets, envelope 1, no inventory.
fn write_legacy(path: &Path, records: &[Record], trust: &TrustState) {
    let sealer = sealer();
    let db = open_db(path, true).unwrap();
    db.insert(FORMAT_KEY, &LEGACY_FORMAT.to_le_bytes()).unwrap();
    db.insert(VAULT_ID_KEY, &VAULT_ID[..]).unwrap();
    let mut buckets: BTreeMap<Bucket, Vec<StoredRef<'_>>> = BTreeMap::new();
    for record in records {
        buckets
            .entry(sealer.bucket(&record.id))
            .or_default()
            .push(StoredRef {
                record,
                provenance: None,
            });
    }
    let tree = db.open_tree(RECORDS_TREE).unwrap();
    for (bucket, stored) in &buckets {
        let key = bucket.to_be_bytes();
        let plaintext = codec::encode(stored).unwrap();
        tree.insert(key, sealer.seal_legacy(RECORDS_TREE, &key, &plaintext))
            .unwrap();
    }
    let meta = db.open_tree(META_TREE).unwrap();
    let plaintext = codec::encode(trust).unwrap();
    meta.insert(
        TRUST_KEY,
        sealer.seal_legacy(META_TREE, TRUST_KEY, &plaintext),
    )
    .unwrap();
    db.flush().unwrap();
}

fn sorted(contents: &Contents) -> Vec<Record> {
    let mut records: Vec<Record> = contents
        .records
        .iter()
        .flatten()
        .map(|e| e.1.clone())
        .collect();
    records.sort_by_key(|record| record.id);
    records
}

#[test]
fn a_format_1_vault_is_migrated_whole_on_first_open() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("db");
    let mut records: Vec<Record> = crate::generate::generate(3, 300).collect();
    records.sort_by_key(|record| record.id);
    write_legacy(&path, &records, &trust());

    let (store, contents) = Store::open(&path, &VAULT_ID, &sealer()).unwrap();
    assert_eq!(sorted(&contents), records);
    assert_eq!(contents.trust, trust());
    drop(store);

    // On disk: the new format, every bucket in the new envelope, the
    // inventory; and it opens as a vault of this format.
    {
        let db = open_db(&path, false).unwrap();
        let format = db.get(FORMAT_KEY).unwrap().unwrap();
        assert_eq!(format.as_ref(), STORE_FORMAT.to_le_bytes());
        let tree = db.open_tree(RECORDS_TREE).unwrap();
        assert_eq!(tree.len(), usize::from(BUCKETS));
        assert!(tree.iter().all(|entry| seal::is_current(&entry.unwrap().1)));
        let meta = db.open_tree(META_TREE).unwrap();
        assert!(meta.contains_key(INVENTORY_KEY).unwrap());
        assert!(seal::is_current(&meta.get(TRUST_KEY).unwrap().unwrap()));
    }
    let (mut store, contents) = Store::open(&path, &VAULT_ID, &sealer()).unwrap();
    assert_eq!(sorted(&contents), records);
    assert_eq!(contents.trust, trust());

    // And it takes changes as any vault does.
    let changes = Changes {
        buckets: vec![(sealer().bucket(&records[0].id), Vec::new())],
        trust: None,
        settings: None,
    };
    store.commit(&sealer(), &changes).unwrap();
    drop(store);
    let (_, contents) = Store::open(&path, &VAULT_ID, &sealer()).unwrap();
    assert!(contents.records.iter().flatten().count() < records.len());
}

#[test]
fn an_empty_format_1_vault_is_migrated_too() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("db");
    let sealer = sealer();
    {
        let db = open_db(&path, true).unwrap();
        db.insert(FORMAT_KEY, &LEGACY_FORMAT.to_le_bytes()).unwrap();
        db.insert(VAULT_ID_KEY, &VAULT_ID[..]).unwrap();
        db.flush().unwrap();
    }
    let (store, contents) = Store::open(&path, &VAULT_ID, &sealer).unwrap();
    assert_eq!(contents.records.iter().flatten().count(), 0);
    assert_eq!(contents.trust, TrustState::default());
    drop(store);
    assert!(Store::open(&path, &VAULT_ID, &sealer).is_ok());
}

#[test]
fn a_format_version_set_back_is_refused_and_nothing_is_written() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("db");
    let sealer = sealer();
    let records: Vec<Record> = crate::generate::generate(4, 20).collect();
    let mut store = Store::create(&path, &VAULT_ID, &sealer).unwrap();
    let changes = Changes {
        buckets: records
            .iter()
            .map(|record| (sealer.bucket(&record.id), vec![(record, None)]))
            .collect(),
        trust: None,
        settings: None,
    };
    store.commit(&sealer, &changes).unwrap();
    drop(store);

    let set_back = |remove_inventory: bool| {
        let db = open_db(&path, false).unwrap();
        db.insert(FORMAT_KEY, &LEGACY_FORMAT.to_le_bytes()).unwrap();
        if remove_inventory {
            let meta = db.open_tree(META_TREE).unwrap();
            meta.remove(INVENTORY_KEY).unwrap();
        }
        db.flush().unwrap();
    };
    // With the inventory still there, and without it: the buckets' envelope
    // gives it away.
    for remove_inventory in [false, true] {
        set_back(remove_inventory);
        let refused = Store::open(&path, &VAULT_ID, &sealer).map(drop);
        assert!(
            matches!(
                refused,
                Err(VaultError::ChangedOutside(Tampering::FormatSetBack {
                    found: 1
                }))
            ),
            "{refused:?}"
        );
        let db = open_db(&path, false).unwrap();
        let format = db.get(FORMAT_KEY).unwrap().unwrap();
        assert_eq!(format.as_ref(), LEGACY_FORMAT.to_le_bytes());
    }
}

#[test]
fn a_new_store_has_every_bucket_and_no_more_bytes_for_a_few_hundred_records() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("db");
    let sealer = sealer();
    let mut store = Store::create(&path, &VAULT_ID, &sealer).unwrap();
    let sizes = |store: &Store| -> Vec<usize> {
        store
            .records
            .iter()
            .map(|entry| entry.unwrap().1.len())
            .collect()
    };
    let empty = sizes(&store);
    assert_eq!(empty.len(), usize::from(BUCKETS));
    assert!(empty.iter().all(|size| *size == empty[0]));

    // 300 records: still every bucket, and each holding one or two records
    // is the size of an empty one.
    let records: Vec<Record> = crate::generate::generate(9, 300).collect();
    let mut buckets: BTreeMap<Bucket, BucketContents<'_>> = BTreeMap::new();
    for record in &records {
        buckets
            .entry(sealer.bucket(&record.id))
            .or_default()
            .push((record, None));
    }
    let crowded: Vec<usize> = buckets
        .iter()
        .filter(|(_, members)| members.len() > 2)
        .map(|(bucket, _)| usize::from(*bucket))
        .collect();
    assert!(buckets.values().any(|members| members.len() == 2));
    let changes = Changes {
        buckets: buckets.into_iter().collect(),
        trust: None,
        settings: None,
    };
    store.commit(&sealer, &changes).unwrap();
    let loaded = sizes(&store);
    assert_eq!(loaded.len(), usize::from(BUCKETS));
    for (bucket, size) in loaded.iter().enumerate() {
        if !crowded.contains(&bucket) {
            assert_eq!(*size, empty[0], "bucket {bucket}");
        }
    }
}

fn change_of<'a>(sealer: &Sealer, record: &'a Record) -> Changes<'a> {
    Changes {
        buckets: vec![(sealer.bucket(&record.id), vec![(record, None)])],
        trust: None,
        settings: None,
    }
}

#[test]
fn a_sealed_change_changes_nothing_until_written() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("db");
    let sealer = sealer();
    let mut store = Store::create(&path, &VAULT_ID, &sealer).unwrap();
    let records: Vec<Record> = crate::generate::generate(5, 2).collect();
    assert_ne!(sealer.bucket(&records[0].id), sealer.bucket(&records[1].id));

    // Sealed and dropped: nothing on disk, and the inventory in memory is
    // still the written one, so that the next write leaves a vault that
    // opens (a sealed inventory taken for written would not).
    let dropped = store
        .seal(&sealer, &change_of(&sealer, &records[0]))
        .unwrap();
    drop(dropped);
    let kept = store
        .seal(&sealer, &change_of(&sealer, &records[1]))
        .unwrap();
    store.write(kept).unwrap();
    drop(store);
    let (mut store, contents) = Store::open(&path, &VAULT_ID, &sealer).unwrap();
    assert_eq!(sorted(&contents), vec![records[1].clone()]);

    // Written, the inventory in memory is the new one: the next write
    // keeps the first record's bucket listed, and the vault opens whole.
    let first = store
        .seal(&sealer, &change_of(&sealer, &records[0]))
        .unwrap();
    store.write(first).unwrap();
    drop(store);
    let (_, contents) = Store::open(&path, &VAULT_ID, &sealer).unwrap();
    let mut wanted = records.clone();
    wanted.sort_by_key(|record| record.id);
    assert_eq!(sorted(&contents), wanted);
}
