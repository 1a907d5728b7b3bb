//! The sled database under `db/`: its trees, what is stored in the clear
//! (the format version and the vault id, nothing else), and the boundaries of
//! each change. Every value outside the default tree is sealed.
//!
//! Records are stored in buckets: the key of a record's bucket is the first
//! twelve bits of its slot (a keyed hash of its id), and the bucket's value
//! is all of its records, sealed together. sled spends several microseconds
//! per entry it iterates, so a few thousand buckets open far faster than a
//! hundred thousand single records, and an edit rewrites only a few dozen
//! records' worth of bytes. All 4,096 buckets always exist, empty ones
//! sealed and padded like the rest, so the database does not count records.
//!
//! Beside the keyring, the meta tree holds the sealed [`Inventory`] of every
//! part, written in the same transaction as the parts: unlock refuses parts
//! that do not match it (see `inventory`). The sealed settings, once set,
//! are one more such part (see `settings`).

use std::path::Path;

use serde::{Deserialize, Serialize};
use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::{Batch, Db, Transactional, Tree};

use super::codec::{self, CodecError};
use super::error::{Damage, Part, Tampering, VaultError};
use super::inventory::{Audit, Inventory};
use super::seal::{self, Digest, Sealer, BUCKETS};
use super::settings::Settings;
pub use super::sled_db::probe_in_use;
use super::sled_db::{open_db, storage};
use super::trust::{Provenance, TrustState};
use crate::model::Record;
use crate::parallel;

/// The on-disk layout this build writes and reads: 2 added the inventory,
/// padding and empty buckets. A vault of format 1 is migrated when opened.
pub const STORE_FORMAT: u32 = 2;
/// The layout before the inventory, migrated on first unlock.
const LEGACY_FORMAT: u32 = 1;

const FORMAT_KEY: &[u8] = b"format";
const VAULT_ID_KEY: &[u8] = b"vault_id";
pub const RECORDS_TREE: &str = "records";
pub const META_TREE: &str = "meta";
const TRUST_KEY: &[u8] = b"trust";
const INVENTORY_KEY: &[u8] = b"inventory";
/// In the default tree, in the clear: set by every write, left out when the
/// database is rebuilt (see `compact`). A database that has it may hold
/// old versions of sealed values.
const COMPACT_DUE_KEY: &[u8] = b"compact_due";
const SETTINGS_KEY: &[u8] = b"settings";

/// One record in a bucket: the record and, when it came from a bundle, who
/// vouched for it. Borrowed for writing, owned for reading; both encode the
/// same way.
#[derive(Serialize)]
pub(crate) struct StoredRef<'a> {
    pub(crate) record: &'a Record,
    pub(crate) provenance: Option<&'a Provenance>,
}

#[derive(Deserialize)]
struct Stored {
    record: Record,
    provenance: Option<Provenance>,
}

/// A bucket number, below `BUCKETS`.
pub type Bucket = u16;

/// The whole new content of one bucket; empty leaves an empty bucket.
pub type BucketContents<'a> = Vec<(&'a Record, Option<&'a Provenance>)>;

/// One all-or-nothing change to the vault.
#[derive(Default)]
pub struct Changes<'a> {
    pub buckets: Vec<(Bucket, BucketContents<'a>)>,
    pub trust: Option<&'a TrustState>,
    pub settings: Option<&'a Settings>,
}

/// One opened record, with its bucket and who vouched for it.
type Entry = (Bucket, Record, Option<Provenance>);

/// Everything a vault holds, opened: the records bucket by bucket, so that
/// no list of them all grows (and is copied) while they are read.
pub struct Contents {
    pub records: Vec<Vec<Entry>>,
    pub trust: TrustState,
    /// `None` where the settings were never set.
    pub settings: Option<Settings>,
}

/// Which envelope the values of the database are read in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Envelope {
    Current,
    /// A format 1 vault, being migrated.
    Legacy,
}

/// An open database. Holding it holds sled's exclusive lock on the files.
pub struct Store {
    db: Db,
    records: Tree,
    meta: Tree,
    /// The inventory as last written: every commit changes a copy of it.
    inventory: Inventory,
}

impl Store {
    /// Creates a new database for the vault `vault_id`, with every bucket
    /// there and empty, an empty keyring and their inventory.
    pub fn create(path: &Path, vault_id: &[u8; 16], sealer: &Sealer) -> Result<Store, VaultError> {
        let db = open_db(path, true)?;
        db.insert(VAULT_ID_KEY, &vault_id[..]).map_err(storage)?;
        let mut store = Store::with_trees(db)?;
        let empty = TrustState::default();
        let changes = Changes {
            buckets: (0..BUCKETS).map(|bucket| (bucket, Vec::new())).collect(),
            trust: Some(&empty),
            settings: None,
        };
        let clear = Clear {
            format: Some(STORE_FORMAT),
            vault_id: None,
            creating: true,
        };
        let sealed = store.seal_with(sealer, &changes, Inventory::blank(), clear)?;
        store.write(sealed)?;
        Ok(store)
    }

    /// Opens an existing database, checks that it is the vault `vault_id` in
    /// a format this build understands, and opens every record and the
    /// trust state, each checked against the inventory. A format 1 vault is
    /// migrated first, in one transaction.
    pub fn open(
        path: &Path,
        vault_id: &[u8; 16],
        sealer: &Sealer,
    ) -> Result<(Store, Contents), VaultError> {
        let db = open_db(path, false)?;
        let format = db.get(FORMAT_KEY).map_err(storage)?;
        let format = match format.as_deref() {
            Some(bytes) if bytes.len() == 4 => {
                u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
            }
            _ => return Err(Damage::NoFormatVersion.into()),
        };
        if format > STORE_FORMAT {
            return Err(VaultError::NewerFormat {
                found: format,
                supported: STORE_FORMAT,
            });
        }
        match db.get(VAULT_ID_KEY).map_err(storage)? {
            Some(stored) if stored.as_ref() == vault_id => {}
            Some(_) => return Err(VaultError::KeyMismatch),
            None => return Err(Damage::NoVaultId.into()),
        }
        let mut store = Store::with_trees(db)?;
        match format {
            STORE_FORMAT => {
                let (contents, inventory) = store.load(sealer)?;
                store.inventory = inventory;
                Ok((store, contents))
            }
            LEGACY_FORMAT => {
                let contents = store.load_legacy(sealer)?;
                store.migrate(sealer, &contents)?;
                Ok((store, contents))
            }
            _ => Err(Damage::NoFormatVersion.into()),
        }
    }

    fn with_trees(db: Db) -> Result<Store, VaultError> {
        let records = db.open_tree(RECORDS_TREE).map_err(storage)?;
        let meta = db.open_tree(META_TREE).map_err(storage)?;
        Ok(Store {
            db,
            records,
            meta,
            inventory: Inventory::blank(),
        })
    }

    /// Opens every record and the trust state, and checks each part
    /// against the inventory. A part that does not open is damage; one that
    /// opens but does not match was changed outside pamphlet.
    fn load(&self, sealer: &Sealer) -> Result<(Contents, Inventory), VaultError> {
        let inventory = match self.read_inventory(sealer) {
            Ok(inventory) => inventory,
            Err(error) => {
                // With a wrong key nothing opens, and the first bucket
                // names that as it always has; damage to the inventory
                // alone is reported as such.
                self.each_bucket(sealer, Envelope::Current, |read| read.records.map(drop))?;
                return Err(error);
            }
        };
        let mut audit = Audit::new(&inventory);
        let mut records = Vec::new();
        self.each_bucket(sealer, Envelope::Current, |read| {
            audit.part(Part::Bucket(read.bucket), &read.digest, read.genuine)?;
            match read.records {
                Ok(entries) => records.push(entries),
                // An older copy in the previous format: `finish` names it.
                Err(_) if read.genuine => {}
                Err(error) => return Err(error),
            }
            Ok(())
        })?;
        // A missing keyring is named by `finish`.
        let mut trust = TrustState::default();
        if let Some(value) = self.meta.get(TRUST_KEY).map_err(storage)? {
            let opened = open_trust(sealer, Envelope::Current, &value);
            let genuine = opened.is_ok()
                || (!seal::is_current(&value)
                    && open_trust(sealer, Envelope::Legacy, &value).is_ok());
            audit.part(Part::Keyring, &seal::digest(&value), genuine)?;
            match opened {
                Ok(opened) => trust = opened,
                Err(_) if genuine => {}
                Err(error) => return Err(error),
            }
        }
        let mut settings = None;
        if let Some(value) = self.meta.get(SETTINGS_KEY).map_err(storage)? {
            let opened = open_settings(sealer, &value);
            audit.part(Part::Settings, &seal::digest(&value), opened.is_ok())?;
            settings = Some(opened?);
        }
        audit.finish()?;
        let contents = Contents {
            records,
            trust,
            settings,
        };
        Ok((contents, inventory))
    }

    /// The sealed inventory, opened. Its absence in a vault of this format
    /// is itself a change made outside pamphlet.
    fn read_inventory(&self, sealer: &Sealer) -> Result<Inventory, VaultError> {
        let value = self
            .meta
            .get(INVENTORY_KEY)
            .map_err(storage)?
            .ok_or(Tampering::NoInventory)?;
        let plaintext = sealer
            .open(META_TREE, INVENTORY_KEY, &value)
            .map_err(|_| Damage::InventorySealed)?;
        let inventory = Inventory::decode(&plaintext)
            .map_err(|e| decode_error(e, Damage::InventoryUndecodable))?;
        if !inventory.is_whole() {
            let short = CodecError::Malformed("not every bucket is listed".into());
            return Err(Damage::InventoryUndecodable(short).into());
        }
        Ok(inventory)
    }

    /// Opens a format 1 vault: envelope 1, no inventory to check against,
    /// empty buckets absent. Nothing written by this build may be in it: a
    /// format version set back is refused, not migrated.
    fn load_legacy(&self, sealer: &Sealer) -> Result<Contents, VaultError> {
        if self.meta.contains_key(INVENTORY_KEY).map_err(storage)? {
            return Err(Tampering::FormatSetBack {
                found: LEGACY_FORMAT,
            }
            .into());
        }
        let mut records = Vec::new();
        self.each_bucket(sealer, Envelope::Legacy, |read| {
            records.push(read.records?);
            Ok(())
        })?;
        let trust = match self.meta.get(TRUST_KEY).map_err(storage)? {
            None => TrustState::default(),
            Some(value) => open_trust(sealer, Envelope::Legacy, &value)?,
        };
        Ok(Contents {
            records,
            trust,
            settings: None,
        })
    }

    /// Rewrites a format 1 vault in this format, every bucket and the
    /// keyring sealed anew, with the inventory and the new format version,
    /// in one transaction: a crash leaves the old vault or the new one.
    fn migrate(&mut self, sealer: &Sealer, contents: &Contents) -> Result<(), VaultError> {
        let mut members: Vec<BucketContents<'_>> = vec![Vec::new(); usize::from(BUCKETS)];
        for (bucket, record, provenance) in contents.records.iter().flatten() {
            if let Some(bucket) = members.get_mut(usize::from(*bucket)) {
                bucket.push((record, provenance.as_ref()));
            }
        }
        let changes = Changes {
            buckets: (0..BUCKETS).zip(members).collect(),
            trust: Some(&contents.trust),
            settings: None,
        };
        let clear = Clear {
            format: Some(STORE_FORMAT),
            vault_id: None,
            creating: false,
        };
        let sealed = self.seal_with(sealer, &changes, Inventory::blank(), clear)?;
        self.write(sealed)
    }

    /// Reads every bucket, a batch at a time, opening each batch across the
    /// machine's cores (opening is most of an unlock), and shows each to
    /// `visit` in key order. The sealed bytes of the whole vault are never
    /// in memory beside the opened records.
    fn each_bucket(
        &self,
        sealer: &Sealer,
        envelope: Envelope,
        mut visit: impl FnMut(ReadBucket) -> Result<(), VaultError>,
    ) -> Result<(), VaultError> {
        const BATCH: usize = 1024;
        let mut sealed = Vec::with_capacity(BATCH);
        let mut entries = self.records.iter();
        loop {
            let next = entries.next();
            let done = next.is_none();
            if let Some(entry) = next {
                sealed.push(entry.map_err(storage)?);
            }
            if sealed.len() == BATCH || (done && !sealed.is_empty()) {
                let read = parallel::map(&sealed, |(key, value)| {
                    read_bucket(sealer, envelope, key, value)
                })?;
                sealed.clear();
                for bucket in read {
                    visit(bucket)?;
                }
            }
            if done {
                return Ok(());
            }
        }
    }

    /// Applies `changes` as one transaction across the trees, durable on
    /// return: after a crash, all of it is there or none of it. (The vault
    /// seals and writes in two steps; the store's tests in one.)
    #[cfg(test)]
    pub fn commit(&mut self, sealer: &Sealer, changes: &Changes<'_>) -> Result<(), VaultError> {
        let sealed = self.seal(sealer, changes)?;
        self.write(sealed)
    }

    /// Seals `changes` and the inventory they make, writing nothing: the
    /// first half of a commit. What it returns no longer
    /// borrows the records, which a caller that ends (`pamphlet load`) may
    /// then drop before [`write`](Self::write), so that a large change is
    /// never held in memory beside sled's copy of it.
    pub fn seal(&self, sealer: &Sealer, changes: &Changes<'_>) -> Result<Sealed, VaultError> {
        self.seal_with(sealer, changes, self.inventory.clone(), Clear::default())
    }

    /// A rekey's one transaction: every bucket and the keyring sealed under
    /// the new key's `sealer`, a fresh inventory of them, and the new key's
    /// `vault_id`, which from then on says that the database belongs to the
    /// new key file. `changes` must name every bucket (the empty ones
    /// empty: padded and written like the rest, never removed) and the
    /// keyring, and the settings if there are any, so that nothing sealed
    /// under the old key is left.
    pub fn reseal(
        &mut self,
        sealer: &Sealer,
        vault_id: &[u8; 16],
        changes: &Changes<'_>,
    ) -> Result<(), VaultError> {
        let mut named = vec![false; usize::from(BUCKETS)];
        for (bucket, _) in &changes.buckets {
            if let Some(seen) = named.get_mut(usize::from(*bucket)) {
                *seen = true;
            }
        }
        let has_settings = self.meta.contains_key(SETTINGS_KEY).map_err(storage)?;
        if changes.trust.is_none()
            || named.contains(&false)
            || (has_settings && changes.settings.is_none())
        {
            return Err(VaultError::Storage(
                "a reseal must name every bucket, the keyring and the settings".into(),
            ));
        }
        let clear = Clear {
            format: None,
            vault_id: Some(*vault_id),
            creating: false,
        };
        let sealed = self.seal_with(sealer, changes, Inventory::blank(), clear)?;
        self.write(sealed)
    }

    /// Seals the changed buckets and keyring, and `base` (the inventory
    /// they change) updated for them, with `clear`, for one [`write`](Self::write).
    fn seal_with(
        &self,
        sealer: &Sealer,
        changes: &Changes<'_>,
        base: Inventory,
        clear: Clear,
    ) -> Result<Sealed, VaultError> {
        let sealed = parallel::map(&changes.buckets, |(bucket, members)| {
            let key = bucket.to_be_bytes();
            let stored: Vec<StoredRef<'_>> = members
                .iter()
                .map(|(record, provenance)| StoredRef {
                    record,
                    provenance: *provenance,
                })
                .collect();
            let plaintext = codec::encode(&stored).map_err(encode_error)?;
            let value = sealer.seal(RECORDS_TREE, &key, &plaintext);
            let digest = seal::digest(&value);
            // Made sled's own value here, on the thread that sealed it: a
            // copy on the writing thread would hold every bucket twice.
            Ok::<_, VaultError>((*bucket, digest, sled::IVec::from(value)))
        })?;
        let mut inventory = base;
        let mut records = Batch::default();
        for (bucket, digest, value) in sealed {
            inventory.set(Part::Bucket(bucket), digest);
            records.insert(&bucket.to_be_bytes()[..], value);
        }
        let mut meta = Batch::default();
        if let Some(trust) = changes.trust {
            let plaintext = codec::encode(trust).map_err(encode_error)?;
            let value = sealer.seal(META_TREE, TRUST_KEY, &plaintext);
            inventory.set(Part::Keyring, seal::digest(&value));
            meta.insert(TRUST_KEY, value);
        }
        if let Some(settings) = changes.settings {
            let plaintext = settings.encode().map_err(encode_error)?;
            let value = sealer.seal(META_TREE, SETTINGS_KEY, &plaintext);
            inventory.set(Part::Settings, seal::digest(&value));
            meta.insert(SETTINGS_KEY, value);
        }
        let listed = inventory.encode().map_err(encode_error)?;
        meta.insert(
            INVENTORY_KEY,
            sealer.seal(META_TREE, INVENTORY_KEY, &listed),
        );
        let mut clear_batch = Batch::default();
        if let Some(format) = clear.format {
            clear_batch.insert(FORMAT_KEY, &format.to_le_bytes()[..]);
        }
        if let Some(vault_id) = clear.vault_id {
            clear_batch.insert(VAULT_ID_KEY, &vault_id[..]);
        }
        // Whatever this write replaces stays in sled's files until the
        // database is rebuilt; a new one holds nothing old.
        if !clear.creating {
            clear_batch.insert(COMPACT_DUE_KEY, &[1u8][..]);
        }
        Ok(Sealed {
            clear: clear_batch,
            records,
            meta,
            inventory,
        })
    }

    /// Writes what [`seal`](Self::seal) made in one transaction across the
    /// trees, flushed before it returns: after a crash, all of it is there
    /// or none of it. Every write of the vault goes through here, and the
    /// inventory kept in memory is the sealed one only once it is written.
    pub fn write(&mut self, sealed: Sealed) -> Result<(), VaultError> {
        let Sealed {
            clear: clear_batch,
            records,
            meta,
            inventory,
        } = sealed;
        let default: &Tree = &self.db;
        (default, &self.records, &self.meta)
            .transaction(|(clear_tx, records_tx, meta_tx)| {
                clear_tx.apply_batch(&clear_batch)?;
                records_tx.apply_batch(&records)?;
                meta_tx.apply_batch(&meta)?;
                Ok::<(), ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                TransactionError::Storage(e) => storage(e),
                TransactionError::Abort(()) => VaultError::Storage("transaction aborted".into()),
            })?;
        self.db.flush().map_err(storage)?;
        self.inventory = inventory;
        Ok(())
    }

    /// Whether a write since the database was last rebuilt may have left
    /// old versions of sealed values in sled's files.
    pub fn compaction_due(&self) -> Result<bool, VaultError> {
        self.db.contains_key(COMPACT_DUE_KEY).map_err(storage)
    }

    /// Rebuilds the database of the vault in `dir` with only its live
    /// values and swaps it in (see `compact`), closing this store. Returns
    /// whether it did: not on a file system that cannot swap directories.
    pub fn compact(self, dir: &Path) -> Result<bool, VaultError> {
        let Store {
            db, records, meta, ..
        } = self;
        drop(records);
        drop(meta);
        super::compact::rebuild(dir, db, COMPACT_DUE_KEY)
    }

    /// Opens the database at `path` again after [`compact`](Self::compact),
    /// with the inventory it had: its contents were checked before.
    pub fn reopen(path: &Path, inventory: Inventory) -> Result<Store, VaultError> {
        let mut store = Store::with_trees(open_db(path, false)?)?;
        store.inventory = inventory;
        Ok(store)
    }

    /// The inventory as last written.
    pub(super) fn inventory(&self) -> &Inventory {
        &self.inventory
    }
}

/// A change sealed by [`Store::seal`], ready for [`Store::write`]: the
/// batches of the three trees, and the inventory they make.
pub struct Sealed {
    clear: Batch,
    records: Batch,
    meta: Batch,
    inventory: Inventory,
}

/// What a write changes in the default tree, in the clear, beside the
/// sealed parts.
#[derive(Default)]
struct Clear {
    /// The format version, when a migration or creation sets it.
    format: Option<u32>,
    /// The vault id, when a rekey switches the database to a new key.
    vault_id: Option<[u8; 16]>,
    /// Whether this write makes the database: nothing older is in it.
    creating: bool,
}

/// One bucket as read at unlock: its number, the digest of its sealed value,
/// and its records, or why they did not open (judged with the digest).
struct ReadBucket {
    bucket: Bucket,
    digest: Digest,
    records: Result<Vec<Entry>, VaultError>,
    /// Whether it opens, in this format or as a value of the previous one:
    /// something pamphlet wrote, not damage.
    genuine: bool,
}

fn read_bucket(
    sealer: &Sealer,
    envelope: Envelope,
    key: &[u8],
    value: &[u8],
) -> Result<ReadBucket, VaultError> {
    let bucket = bucket_number(key)?;
    if envelope == Envelope::Legacy && seal::is_current(value) {
        return Err(Tampering::FormatSetBack {
            found: LEGACY_FORMAT,
        }
        .into());
    }
    let records = open_records(sealer, envelope, bucket, key, value);
    // A value of the previous format in a migrated vault is an older copy
    // put back, if it opens as one.
    let genuine = records.is_ok()
        || (envelope == Envelope::Current
            && !seal::is_current(value)
            && open_records(sealer, Envelope::Legacy, bucket, key, value).is_ok());
    Ok(ReadBucket {
        bucket,
        digest: seal::digest(value),
        records,
        genuine,
    })
}

fn bucket_number(key: &[u8]) -> Result<Bucket, VaultError> {
    match key {
        [a, b] if u16::from_be_bytes([*a, *b]) < BUCKETS => Ok(u16::from_be_bytes([*a, *b])),
        _ => Err(Damage::UnexpectedKey(key.to_vec()).into()),
    }
}

/// Opens one bucket's sealed value (the fuzz target's entry point).
#[cfg(any(test, feature = "testkit"))]
pub(crate) fn open_bucket(
    sealer: &Sealer,
    key: &[u8],
    value: &[u8],
) -> Result<Vec<Entry>, VaultError> {
    open_records(sealer, Envelope::Current, bucket_number(key)?, key, value)
}

fn open_records(
    sealer: &Sealer,
    envelope: Envelope,
    bucket: Bucket,
    key: &[u8],
    value: &[u8],
) -> Result<Vec<Entry>, VaultError> {
    let plaintext = match envelope {
        Envelope::Current => sealer.open(RECORDS_TREE, key, value),
        Envelope::Legacy => sealer.open_legacy(RECORDS_TREE, key, value),
    }
    .map_err(|_| Damage::BucketSealed(bucket))?;
    let stored: Vec<Stored> = codec::decode(&plaintext)
        .map_err(|e| decode_error(e, |source| Damage::BucketUndecodable { bucket, source }))?;
    stored
        .into_iter()
        .map(|s| {
            if sealer.bucket(&s.record.id) == bucket {
                Ok((bucket, s.record, s.provenance))
            } else {
                Err(Damage::MisplacedRecord(bucket).into())
            }
        })
        .collect()
}

fn open_trust(sealer: &Sealer, envelope: Envelope, value: &[u8]) -> Result<TrustState, VaultError> {
    let plaintext = match envelope {
        Envelope::Current => sealer.open(META_TREE, TRUST_KEY, value),
        Envelope::Legacy => sealer.open_legacy(META_TREE, TRUST_KEY, value),
    }
    .map_err(|_| Damage::KeyringSealed)?;
    codec::decode(&plaintext).map_err(|e| decode_error(e, Damage::KeyringUndecodable))
}

fn open_settings(sealer: &Sealer, value: &[u8]) -> Result<Settings, VaultError> {
    let plaintext = sealer
        .open(META_TREE, SETTINGS_KEY, value)
        .map_err(|_| Damage::SettingsSealed)?;
    Settings::decode(&plaintext).map_err(|e| decode_error(e, Damage::SettingsUndecodable))
}

fn encode_error(error: CodecError) -> VaultError {
    VaultError::Storage(error.to_string())
}

/// A value written by a newer pamphlet is a newer format, not damage.
fn decode_error(error: CodecError, damage: impl FnOnce(CodecError) -> Damage) -> VaultError {
    match error {
        CodecError::NewerVersion { found } => VaultError::NewerFormat {
            found: u32::from(found),
            supported: u32::from(codec::FORMAT_VERSION),
        },
        other => damage(other).into(),
    }
}

#[cfg(test)]
mod tests;
