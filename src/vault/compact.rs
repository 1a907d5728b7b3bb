//! Rewriting the database into a fresh directory that holds only its live
//! values, so that what a change replaced or removed is no longer on disk.
//!
//! sled appends: every write leaves the value it replaced in its log until
//! its own garbage collection reuses the space, which may be never. A
//! deleted record stays readable there under the current key, and after a
//! rekey every old sealed value stays readable under the old key. So after
//! any write the database is rebuilt:
//!
//! 1. every live entry of every tree is copied, as stored, into a new sled
//!    database in `.db-compact-XXXX/` beside `db/`, flushed, and every file
//!    of it synced;
//! 2. with both databases locked (sled's lock, taken again with the same
//!    `flock`), the two directories are exchanged in one step
//!    (`renameat2(RENAME_EXCHANGE)`), and the vault directory synced;
//! 3. the old files, now under the temporary name, are overwritten with
//!    zeros, synced and removed.
//!
//! A crash at any point leaves `db/` whole, old or new; the leftover
//! directory is destroyed at the next unlock. Every write sets a flag in
//! the clear (in the same transaction), which the copy leaves out: a vault
//! still flagged when it is opened was not rebuilt since it was last
//! written, and is rebuilt then. On a file system that cannot exchange two
//! directories in one step, nothing is rebuilt and the flag stays.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rand::{rngs::OsRng, RngCore};
use sled::Db;

use super::error::VaultError;
use super::files::{self, COMPACT_PREFIX, DB_DIR};
use crate::fsio;

/// sled's main file, which it locks.
const DB_FILE: &str = "db";

/// How long to wait for sled's own threads to let go of a file it locked.
const RELEASE_GRACE: Duration = Duration::from_millis(1500);

/// Stops at `stage` when a test asks, so that it can kill the process
/// there: `PAMPHLET_TEST_COMPACT_STALL=stage`; the file named by
/// `PAMPHLET_TEST_COMPACT_SIGNAL` is created when the stage is reached.
fn test_stall(stage: &str) {
    if std::env::var("PAMPHLET_TEST_COMPACT_STALL").ok().as_deref() != Some(stage) {
        return;
    }
    if let Some(signal) = std::env::var_os("PAMPHLET_TEST_COMPACT_SIGNAL") {
        let _ = fs::write(signal, stage);
    }
    loop {
        std::thread::sleep(Duration::from_secs(60));
    }
}

/// Rebuilds the database of the vault in `dir`, which `old` (every other
/// handle to it dropped) is, into a fresh directory holding only the live
/// entries of every tree, less the key `skip` of the default tree, and
/// swaps it in. Returns whether it did; `false` when the file system
/// cannot exchange directories, and nothing changed. `old` is closed on
/// return either way.
pub(super) fn rebuild(dir: &Path, old: Db, skip: &[u8]) -> Result<bool, VaultError> {
    if files::database_is_gone(dir) {
        return Err(VaultError::Wiped);
    }
    // A `db` that is a symbolic link would be moved aside as a link and
    // the files it points to destroyed as the old copy: not rebuilt, as
    // on a file system that cannot exchange directories.
    let live = dir.join(DB_DIR);
    if fs::symlink_metadata(&live)?.file_type().is_symlink() {
        return Ok(false);
    }
    let fresh = dir.join(fresh_name());
    let built = build(&old, &fresh, skip);
    let fresh_lock = match built {
        Ok(lock) => lock,
        Err(error) => {
            let _ = destroy_tree(&fresh);
            return Err(error);
        }
    };
    test_stall("copied");
    // Closed, then locked again with the same lock sled takes, so that no
    // other process opens it in between unnoticed: one that did holds the
    // lock, and the rebuild gives up.
    drop(old);
    let old_lock = match lock_when_released(&live.join(DB_FILE)) {
        Ok(lock) => lock,
        Err(error) => {
            drop(fresh_lock);
            let _ = destroy_tree(&fresh);
            return Err(error);
        }
    };
    match exchange(&live, &fresh) {
        Ok(()) => {}
        Err(error) => {
            drop(fresh_lock);
            drop(old_lock);
            let _ = destroy_tree(&fresh);
            return match error.kind() {
                io::ErrorKind::NotFound => Err(VaultError::Wiped),
                _ if cannot_exchange(&error) => Ok(false),
                _ => Err(error.into()),
            };
        }
    }
    fsio::sync_dir(dir)?;
    test_stall("swapped");
    drop(fresh_lock);
    // `fresh` now names the old database.
    destroy_tree(&fresh)?;
    drop(old_lock);
    fsio::sync_dir(dir)?;
    Ok(true)
}

/// Copies `old` into a new database at `fresh`, closes it and syncs every
/// file of it; returns it locked.
fn build(old: &Db, fresh: &Path, skip: &[u8]) -> Result<fs::File, VaultError> {
    fs::create_dir(fresh)?;
    fsio::make_private(fresh)?;
    {
        let new = sled::Config::new()
            .path(fresh)
            .create_new(true)
            .cache_capacity(super::sled_db::CACHE_BYTES)
            .flush_every_ms(None)
            .open()
            .map_err(storage)?;
        let default_name = old.name();
        for name in old.tree_names() {
            let (from, to) = if name == default_name {
                (std::ops::Deref::deref(old).clone(), (*new).clone())
            } else {
                (
                    old.open_tree(&name).map_err(storage)?,
                    new.open_tree(&name).map_err(storage)?,
                )
            };
            let is_default = name == default_name;
            for entry in from.iter() {
                let (key, value) = entry.map_err(storage)?;
                if is_default && key.as_ref() == skip {
                    continue;
                }
                to.insert(key, value).map_err(storage)?;
            }
            test_stall("copying");
        }
        new.flush().map_err(storage)?;
    }
    let lock = lock_when_released(&fresh.join(DB_FILE))?;
    sync_tree(fresh)?;
    Ok(lock)
}

/// Takes `flock` on sled's file at `path`, waiting a moment for sled's
/// threads of this process to let go of it.
fn lock_when_released(path: &Path) -> Result<fs::File, VaultError> {
    let file = fs::File::open(path)?;
    let started = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(fs::TryLockError::WouldBlock) if started.elapsed() < RELEASE_GRACE => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(fs::TryLockError::WouldBlock) => return Err(VaultError::InUse),
            Err(fs::TryLockError::Error(e)) => return Err(e.into()),
        }
    }
}

/// Swaps two directories in one step.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Whether `error` says the file system (or the system) has no atomic
/// exchange.
fn cannot_exchange(error: &io::Error) -> bool {
    const EINVAL: i32 = 22;
    const ENOSYS: i32 = 38;
    const EOPNOTSUPP: i32 = 95;
    error.kind() == io::ErrorKind::Unsupported
        || matches!(error.raw_os_error(), Some(EINVAL | ENOSYS | EOPNOTSUPP))
}

/// Destroys the directories an interrupted rebuild left in `dir`: a half
/// built database or an old one not yet destroyed. Call it holding the
/// database; one whose files another process still holds is left to it.
pub(super) fn destroy_leftovers(dir: &Path) -> Result<(), VaultError> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let is_leftover = name
            .to_str()
            .is_some_and(|name| name.starts_with(COMPACT_PREFIX));
        if !is_leftover || !entry.file_type()?.is_dir() {
            continue;
        }
        let path = entry.path();
        let held = match fs::File::open(path.join(DB_FILE)) {
            Ok(file) => matches!(file.try_lock(), Err(fs::TryLockError::WouldBlock)),
            Err(_) => false,
        };
        if !held {
            destroy_tree(&path)?;
        }
    }
    fsio::sync_dir(dir)?;
    Ok(())
}

/// Overwrites every file under `path` with zeros, syncs and removes it,
/// then removes the directories. Gone is fine. Symbolic links are removed,
/// never followed, and a file with another name (a hard link) is only
/// unlinked: its contents are not the vault's to destroy.
fn destroy_tree(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if !meta.file_type().is_dir() => return remove_file(path),
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    }
    let entries = match fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let kind = entry.file_type()?;
        let child = entry.path();
        if kind.is_dir() {
            destroy_tree(&child)?;
        } else {
            if kind.is_file() && only_name(&child)? {
                zero(&child)?;
            }
            remove_file(&child)?;
        }
    }
    match fs::remove_dir(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Removes the file or link at `path`. Gone is fine.
fn remove_file(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Whether the regular file at `path` has no other name than this one.
#[cfg(unix)]
fn only_name(path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    match fs::symlink_metadata(path) {
        Ok(meta) => Ok(meta.file_type().is_file() && meta.nlink() == 1),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(not(unix))]
fn only_name(_path: &Path) -> io::Result<bool> {
    Ok(true)
}

/// Overwrites the file at `path` with zeros, its whole length, synced.
fn zero(path: &Path) -> io::Result<()> {
    let mut file = match fs::OpenOptions::new().write(true).open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Linked since it was looked at: not this vault's to zero.
        if !meta.is_file() || meta.nlink() != 1 {
            return Ok(());
        }
    }
    let mut left = meta.len();
    let zeros = vec![0u8; 1 << 20];
    while left > 0 {
        let now = usize::try_from(left.min(zeros.len() as u64)).unwrap_or(zeros.len());
        let chunk = zeros.get(..now).unwrap_or(&zeros);
        file.write_all(chunk)?;
        left = left.saturating_sub(chunk.len() as u64);
    }
    file.sync_all()
}

/// Syncs every file and directory under `path`.
fn sync_tree(path: &Path) -> io::Result<()> {
    for entry in fs::read_dir(path)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            sync_tree(&entry.path())?;
        } else {
            fs::File::open(entry.path())?.sync_all()?;
        }
    }
    fs::File::open(path)?.sync_all()
}

fn fresh_name() -> PathBuf {
    let mut tag = [0u8; 8];
    OsRng.fill_bytes(&mut tag);
    let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
    PathBuf::from(format!("{COMPACT_PREFIX}{hex}"))
}

fn storage(error: sled::Error) -> VaultError {
    match error {
        sled::Error::Io(e) => VaultError::from(e),
        other => VaultError::Storage(other.to_string()),
    }
}
