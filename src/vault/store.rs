//! The sled database under `db/`: its trees, what is stored in the clear
//! (the format version and the vault id, nothing else), and the boundaries of
//! each change. Every value outside the default tree is sealed.

use std::fs;
use std::io;
use std::path::Path;

use sled::{Batch, Db, Tree};
use uuid::Uuid;

use super::seal::Sealer;
use super::VaultError;
use crate::codec;
use crate::model::Record;

/// The on-disk layout this build writes and reads.
pub const STORE_FORMAT: u32 = 1;

const FORMAT_KEY: &[u8] = b"format";
const VAULT_ID_KEY: &[u8] = b"vault_id";
pub const RECORDS_TREE: &str = "records";

/// An open database. Holding it holds sled's exclusive lock on the files.
pub struct Store {
    db: Db,
    records: Tree,
}

impl Store {
    /// Creates a new database for the vault `vault_id`.
    pub fn create(path: &Path, vault_id: &[u8; 16]) -> Result<Store, VaultError> {
        let db = open_db(path, true)?;
        db.insert(FORMAT_KEY, &STORE_FORMAT.to_le_bytes())
            .map_err(storage)?;
        db.insert(VAULT_ID_KEY, &vault_id[..]).map_err(storage)?;
        db.flush().map_err(storage)?;
        let records = db.open_tree(RECORDS_TREE).map_err(storage)?;
        Ok(Store { db, records })
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
        let records = db.open_tree(RECORDS_TREE).map_err(storage)?;
        Ok(Store { db, records })
    }

    /// Opens every record. Decryption and decoding are split across the
    /// machine's cores: they are most of the time an unlock takes.
    pub fn load_records(&self, sealer: &Sealer) -> Result<Vec<Record>, VaultError> {
        let mut sealed = Vec::with_capacity(self.records.len());
        for entry in self.records.iter() {
            sealed.push(entry.map_err(storage)?);
        }
        let workers = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 8);
        let chunk = sealed.len().div_ceil(workers).max(1);
        let opened: Vec<Result<Vec<Record>, VaultError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = sealed
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|(slot, value)| open_record(sealer, slot, value))
                            .collect::<Result<Vec<_>, _>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|_| Err(VaultError::damaged("a worker failed")))
                })
                .collect()
        });
        let mut records = Vec::with_capacity(sealed.len());
        for part in opened {
            records.extend(part?);
        }
        Ok(records)
    }

    /// Writes and removes records as one all-or-nothing change, durable on
    /// return.
    pub fn commit(
        &self,
        sealer: &Sealer,
        put: &[&Record],
        remove: &[Uuid],
    ) -> Result<(), VaultError> {
        let sealed = seal_records(sealer, put)?;
        let mut batch = Batch::default();
        for (slot, value) in sealed {
            batch.insert(&slot[..], value);
        }
        for id in remove {
            batch.remove(&sealer.slot(id)[..]);
        }
        self.records.apply_batch(batch).map_err(storage)?;
        self.db.flush().map_err(storage)?;
        Ok(())
    }
}

fn open_record(sealer: &Sealer, slot: &[u8], value: &[u8]) -> Result<Record, VaultError> {
    let plaintext = sealer.open(RECORDS_TREE, slot, value).map_err(|_| {
        VaultError::damaged(format!("the record in slot {} does not open", hex(slot)))
    })?;
    codec::decode(&plaintext).map_err(|e| match e {
        codec::CodecError::NewerVersion { found } => VaultError::NewerFormat {
            found: u32::from(found),
            supported: u32::from(codec::FORMAT_VERSION),
        },
        other => VaultError::damaged(format!("the record in slot {}: {other}", hex(slot))),
    })
}

/// A record's slot in the tree and its sealed value.
type Sealed = ([u8; 16], Vec<u8>);

/// Seals records in parallel; for a large load this is the bulk of the work.
fn seal_records(sealer: &Sealer, records: &[&Record]) -> Result<Vec<Sealed>, VaultError> {
    let seal_one = |record: &&Record| -> Result<Sealed, VaultError> {
        let slot = sealer.slot(&record.id);
        let plaintext = codec::encode(*record).map_err(|e| VaultError::Storage(e.to_string()))?;
        Ok((slot, sealer.seal(RECORDS_TREE, &slot, &plaintext)))
    };
    if records.len() < 256 {
        return records.iter().map(seal_one).collect();
    }
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    let chunk = records.len().div_ceil(workers);
    let parts: Vec<Result<Vec<_>, VaultError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = records
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(seal_one).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(VaultError::Storage("a worker failed".into())))
            })
            .collect()
    });
    let mut sealed = Vec::with_capacity(records.len());
    for part in parts {
        sealed.extend(part?);
    }
    Ok(sealed)
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
