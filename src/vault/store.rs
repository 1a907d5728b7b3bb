//! The sled database under `db/`: its trees, what is stored in the clear
//! (the format version and the vault id, nothing else), and the boundaries of
//! each change. Every value outside the default tree is sealed.
//!
//! Records are stored in buckets: the key of a record's bucket is the first
//! twelve bits of its slot (a keyed hash of its id), and the bucket's value
//! is all of its records, sealed together. sled spends several microseconds
//! per entry it iterates, so a few thousand buckets open far faster than a
//! hundred thousand single records, and an edit rewrites only a few dozen
//! records' worth of bytes.

use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::{Batch, Db, Transactional, Tree};

use super::codec::{self, CodecError};
use super::error::{Damage, VaultError};
use super::seal::{Sealer, BUCKETS};
use super::trust::{Provenance, TrustState};
use crate::model::Record;
use crate::parallel;

/// The on-disk layout this build writes and reads.
pub const STORE_FORMAT: u32 = 1;

const FORMAT_KEY: &[u8] = b"format";
const VAULT_ID_KEY: &[u8] = b"vault_id";
pub const RECORDS_TREE: &str = "records";
pub const META_TREE: &str = "meta";
const TRUST_KEY: &[u8] = b"trust";

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

/// The whole new content of one bucket; empty removes it.
pub type BucketContents<'a> = Vec<(&'a Record, Option<&'a Provenance>)>;

/// One all-or-nothing change to the vault.
#[derive(Default)]
pub struct Changes<'a> {
    pub buckets: Vec<(Bucket, BucketContents<'a>)>,
    pub trust: Option<&'a TrustState>,
}

/// Everything a vault holds, opened: the records bucket by bucket, so that
/// no list of them all grows (and is copied) while they are read.
pub struct Contents {
    pub records: Vec<Vec<(Bucket, Record, Option<Provenance>)>>,
    pub trust: TrustState,
}

/// sled keeps at most this much of the database cached in memory.
const CACHE_BYTES: u64 = 32 * 1024 * 1024;

/// An open database. Holding it holds sled's exclusive lock on the files.
pub struct Store {
    db: Db,
    records: Tree,
    meta: Tree,
}

impl Store {
    /// Creates a new database for the vault `vault_id`.
    pub fn create(path: &Path, vault_id: &[u8; 16]) -> Result<Store, VaultError> {
        let db = open_db(path, true)?;
        db.insert(FORMAT_KEY, &STORE_FORMAT.to_le_bytes())
            .map_err(storage)?;
        db.insert(VAULT_ID_KEY, &vault_id[..]).map_err(storage)?;
        db.flush().map_err(storage)?;
        Store::with_trees(db)
    }

    /// Opens an existing database and checks that it is the vault `vault_id`
    /// and a format this build understands.
    pub fn open(path: &Path, vault_id: &[u8; 16]) -> Result<Store, VaultError> {
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
        Store::with_trees(db)
    }

    fn with_trees(db: Db) -> Result<Store, VaultError> {
        let records = db.open_tree(RECORDS_TREE).map_err(storage)?;
        let meta = db.open_tree(META_TREE).map_err(storage)?;
        Ok(Store { db, records, meta })
    }

    /// Opens every record and the trust state. Decryption and decoding are
    /// split across the machine's cores: they are most of an unlock.
    pub fn load(&self, sealer: &Sealer) -> Result<Contents, VaultError> {
        // Opened a batch at a time, so the sealed bytes of the whole vault
        // are never in memory beside the opened records.
        const BATCH: usize = 1024;
        let mut records = Vec::new();
        let mut sealed = Vec::with_capacity(BATCH);
        let mut entries = self.records.iter();
        loop {
            let next = entries.next();
            let done = next.is_none();
            if let Some(entry) = next {
                sealed.push(entry.map_err(storage)?);
            }
            if sealed.len() == BATCH || (done && !sealed.is_empty()) {
                let opened =
                    parallel::map(&sealed, |(key, value)| open_bucket(sealer, key, value))?;
                records.extend(opened);
                sealed.clear();
            }
            if done {
                break;
            }
        }
        let trust = match self.meta.get(TRUST_KEY).map_err(storage)? {
            None => TrustState::default(),
            Some(value) => {
                let plaintext = sealer
                    .open(META_TREE, TRUST_KEY, &value)
                    .map_err(|_| Damage::KeyringSealed)?;
                codec::decode(&plaintext)
                    .map_err(|e| decode_error(e, Damage::KeyringUndecodable))?
            }
        };
        Ok(Contents { records, trust })
    }

    /// Applies `changes` as one transaction across the trees, durable on
    /// return: after a crash, all of it is there or none of it.
    pub fn commit(&self, sealer: &Sealer, changes: &Changes<'_>) -> Result<(), VaultError> {
        let sealed = parallel::map(&changes.buckets, |(bucket, members)| {
            let key = bucket.to_be_bytes();
            if members.is_empty() {
                return Ok::<_, VaultError>((key, None));
            }
            let stored: Vec<StoredRef<'_>> = members
                .iter()
                .map(|(record, provenance)| StoredRef {
                    record,
                    provenance: *provenance,
                })
                .collect();
            let plaintext =
                codec::encode(&stored).map_err(|e| VaultError::Storage(e.to_string()))?;
            Ok((key, Some(sealer.seal(RECORDS_TREE, &key, &plaintext))))
        })?;
        let mut records = Batch::default();
        for (key, value) in sealed {
            match value {
                Some(value) => records.insert(&key[..], value),
                None => records.remove(&key[..]),
            }
        }
        let mut meta = Batch::default();
        if let Some(trust) = changes.trust {
            let plaintext = codec::encode(trust).map_err(|e| VaultError::Storage(e.to_string()))?;
            meta.insert(TRUST_KEY, sealer.seal(META_TREE, TRUST_KEY, &plaintext));
        }
        (&self.records, &self.meta)
            .transaction(|(records_tx, meta_tx)| {
                records_tx.apply_batch(&records)?;
                meta_tx.apply_batch(&meta)?;
                Ok::<(), ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                TransactionError::Storage(e) => storage(e),
                TransactionError::Abort(()) => VaultError::Storage("transaction aborted".into()),
            })?;
        self.db.flush().map_err(storage)?;
        Ok(())
    }
}

pub(crate) fn open_bucket(
    sealer: &Sealer,
    key: &[u8],
    value: &[u8],
) -> Result<Vec<(Bucket, Record, Option<Provenance>)>, VaultError> {
    let bucket = match key {
        [a, b] if u16::from_be_bytes([*a, *b]) < BUCKETS => u16::from_be_bytes([*a, *b]),
        _ => return Err(Damage::UnexpectedKey(key.to_vec()).into()),
    };
    let plaintext = sealer
        .open(RECORDS_TREE, key, value)
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

fn open_db(path: &Path, create: bool) -> Result<Db, VaultError> {
    if create {
        fs::create_dir_all(path)?;
    }
    while_locked(|| try_open_db(path, create))
}

/// How long to wait for a lock this process itself may still hold: sled
/// finishes some writes on worker threads that keep the file open for a
/// moment after the `Db` is dropped, so locking and at once unlocking the
/// vault can find it still held. Another process's lock outlasts this.
const LOCK_GRACE: Duration = Duration::from_millis(1500);

/// Retries `attempt` while it finds the vault in use, up to `LOCK_GRACE`.
fn while_locked<T>(mut attempt: impl FnMut() -> Result<T, VaultError>) -> Result<T, VaultError> {
    let started = Instant::now();
    loop {
        match attempt() {
            Err(VaultError::InUse) if started.elapsed() < LOCK_GRACE => {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

fn try_open_db(path: &Path, create: bool) -> Result<Db, VaultError> {
    sled::Config::new()
        .path(path)
        .create_new(create)
        .cache_capacity(CACHE_BYTES)
        // Every commit flushes before it returns, so sled's background
        // flusher has nothing to do; without it, nothing outlives the `Db`
        // and its file lock is released the moment the vault is dropped.
        .flush_every_ms(None)
        .open()
        .map_err(|e| match e {
            sled::Error::Io(io) if io.to_string().contains("could not acquire lock") => {
                VaultError::InUse
            }
            sled::Error::Io(io) => match io.kind() {
                io::ErrorKind::ReadOnlyFilesystem => VaultError::ReadOnly {
                    dir: vault_dir(path),
                    reason: "it is on a read-only file system",
                },
                io::ErrorKind::PermissionDenied => VaultError::ReadOnly {
                    dir: vault_dir(path),
                    reason: "permission denied",
                },
                _ => VaultError::from(io),
            },
            other => storage(other),
        })
}

/// The vault directory of the database at `db`.
fn vault_dir(db: &Path) -> std::path::PathBuf {
    db.parent().unwrap_or(db).to_owned()
}

/// Whether another process holds the database, found without writing a
/// byte: sled takes an exclusive lock on `db/db` while it is open.
pub fn probe_in_use(path: &Path) -> Result<bool, VaultError> {
    let probe = || {
        let file = match fs::File::open(path.join("db")) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e.into()),
        };
        match file.try_lock_shared() {
            Ok(()) => Ok(()),
            Err(fs::TryLockError::WouldBlock) => Err(VaultError::InUse),
            Err(fs::TryLockError::Error(e)) => Err(e.into()),
        }
    };
    match while_locked(probe) {
        Ok(()) => Ok(false),
        Err(VaultError::InUse) => Ok(true),
        Err(other) => Err(other),
    }
}

fn storage(error: sled::Error) -> VaultError {
    match error {
        corrupted @ sled::Error::Corruption { .. } => Damage::Corrupted(corrupted).into(),
        sled::Error::Io(e) => VaultError::from(e),
        other => VaultError::Storage(other.to_string()),
    }
}
