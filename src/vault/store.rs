//! The sled database under `db/`: its trees, what is stored in the clear
//! (the format version and the vault id, nothing else), and the boundaries of
//! each change. Every value outside the default tree is sealed.

use std::fs;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::{Batch, Db, Transactional, Tree};
use uuid::Uuid;

use super::seal::Sealer;
use super::trust::{Provenance, TrustState};
use super::VaultError;
use crate::codec;
use crate::model::Record;

/// The on-disk layout this build writes and reads.
pub const STORE_FORMAT: u32 = 1;

const FORMAT_KEY: &[u8] = b"format";
const VAULT_ID_KEY: &[u8] = b"vault_id";
pub const RECORDS_TREE: &str = "records";
pub const META_TREE: &str = "meta";
const TRUST_KEY: &[u8] = b"trust";

/// What one record slot holds: the record and, when it came from a bundle,
/// who vouched for it. Borrowed for writing, owned for reading; both encode
/// the same way.
#[derive(Serialize)]
struct StoredRef<'a> {
    record: &'a Record,
    provenance: Option<&'a Provenance>,
}

#[derive(Deserialize)]
struct Stored {
    record: Record,
    provenance: Option<Provenance>,
}

/// One all-or-nothing change to the vault.
#[derive(Default)]
pub struct Changes<'a> {
    pub put: Vec<(&'a Record, Option<&'a Provenance>)>,
    pub remove: Vec<Uuid>,
    pub trust: Option<&'a TrustState>,
}

/// Everything a vault holds, opened.
pub struct Contents {
    pub records: Vec<(Record, Option<Provenance>)>,
    pub trust: TrustState,
}

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
            _ => return Err(VaultError::damaged("the database has no format version")),
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
            None => return Err(VaultError::damaged("the database has no vault id")),
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
        let mut sealed = Vec::with_capacity(self.records.len());
        for entry in self.records.iter() {
            sealed.push(entry.map_err(storage)?);
        }
        let records = in_parallel(&sealed, |(slot, value)| open_record(sealer, slot, value))?;
        let trust = match self.meta.get(TRUST_KEY).map_err(storage)? {
            None => TrustState::default(),
            Some(value) => {
                let plaintext = sealer
                    .open(META_TREE, TRUST_KEY, &value)
                    .map_err(|_| VaultError::damaged("the keyring does not open"))?;
                codec::decode(&plaintext).map_err(|e| decode_error("the keyring", e))?
            }
        };
        Ok(Contents { records, trust })
    }

    /// Applies `changes` as one transaction across the trees, durable on
    /// return: after a crash, all of it is there or none of it.
    pub fn commit(&self, sealer: &Sealer, changes: &Changes<'_>) -> Result<(), VaultError> {
        let sealed = in_parallel(&changes.put, |(record, provenance)| {
            let slot = sealer.slot(&record.id);
            let stored = StoredRef {
                record,
                provenance: *provenance,
            };
            let plaintext =
                codec::encode(&stored).map_err(|e| VaultError::Storage(e.to_string()))?;
            Ok((slot, sealer.seal(RECORDS_TREE, &slot, &plaintext)))
        })?;
        let mut records = Batch::default();
        for (slot, value) in sealed {
            records.insert(&slot[..], value);
        }
        for id in &changes.remove {
            records.remove(&sealer.slot(id)[..]);
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

fn open_record(
    sealer: &Sealer,
    slot: &[u8],
    value: &[u8],
) -> Result<(Record, Option<Provenance>), VaultError> {
    let plaintext = sealer.open(RECORDS_TREE, slot, value).map_err(|_| {
        VaultError::damaged(format!("the record in slot {} does not open", hex(slot)))
    })?;
    let stored: Stored = codec::decode(&plaintext)
        .map_err(|e| decode_error(&format!("the record in slot {}", hex(slot)), e))?;
    Ok((stored.record, stored.provenance))
}

fn decode_error(what: &str, error: codec::CodecError) -> VaultError {
    match error {
        codec::CodecError::NewerVersion { found } => VaultError::NewerFormat {
            found: u32::from(found),
            supported: u32::from(codec::FORMAT_VERSION),
        },
        other => VaultError::damaged(format!("{what}: {other}")),
    }
}

/// Maps `work` over `items` on the machine's cores, in order; the first
/// error wins. Small inputs stay on this thread.
fn in_parallel<T: Sync, U: Send>(
    items: &[T],
    work: impl Fn(&T) -> Result<U, VaultError> + Sync,
) -> Result<Vec<U>, VaultError> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    if items.len() < 512 || workers == 1 {
        return items.iter().map(&work).collect();
    }
    let chunk = items.len().div_ceil(workers);
    let work = &work;
    let parts: Vec<Result<Vec<U>, VaultError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(work).collect()))
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|_| Err(VaultError::Storage("a worker thread failed".into())))
            })
            .collect()
    });
    let mut out = Vec::with_capacity(items.len());
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}

fn open_db(path: &Path, create: bool) -> Result<Db, VaultError> {
    if create {
        fs::create_dir_all(path)?;
    }
    sled::Config::new()
        .path(path)
        .create_new(create)
        .open()
        .map_err(|e| match e {
            sled::Error::Io(io) if io.to_string().contains("could not acquire lock") => {
                VaultError::InUse
            }
            other => storage(other),
        })
}

/// Whether another process holds the database, found without writing a
/// byte: sled takes an exclusive lock on `db/db` while it is open.
pub fn probe_in_use(path: &Path) -> Result<bool, VaultError> {
    let file = match fs::File::open(path.join("db")) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e.into()),
    };
    match file.try_lock_shared() {
        Ok(()) => Ok(false),
        Err(fs::TryLockError::WouldBlock) => Ok(true),
        Err(fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

fn storage(error: sled::Error) -> VaultError {
    match error {
        sled::Error::Corruption { .. } => VaultError::damaged("the database is corrupted"),
        sled::Error::Io(e) => VaultError::Io(e),
        other => VaultError::Storage(other.to_string()),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
