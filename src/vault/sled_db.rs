//! Opening sled's database for the vault: its settings, the lock it takes,
//! and what its errors mean to pamphlet.

use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

use sled::Db;

use super::error::{Damage, VaultError};

/// sled keeps at most this much of the database cached in memory.
pub(super) const CACHE_BYTES: u64 = 32 * 1024 * 1024;

pub(super) fn open_db(path: &Path, create: bool) -> Result<Db, VaultError> {
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

pub(super) fn storage(error: sled::Error) -> VaultError {
    match error {
        corrupted @ sled::Error::Corruption { .. } => Damage::Corrupted(corrupted).into(),
        sled::Error::Io(e) => VaultError::from(e),
        other => VaultError::Storage(other.to_string()),
    }
}
