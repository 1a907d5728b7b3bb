//! The files of a vault directory, and the only two ways a key file comes
//! or goes: [`install`] (init, passwd, rekey, the end of a cut-short
//! rekey) and [`wipe`].
//!
//! A *key file* is any file that holds the vault key wrapped to the
//! passphrase: `key.age`; `key.next.age`, a rekey's new key until the
//! database has switched to it; and the temporary files both are written
//! through. Writers and `wipe` follow two rules, so that a `wipe` racing a
//! writer leaves no key file behind, whoever wins:
//!
//! 1. `wipe` first moves `db/` aside (one rename: from then on there is no
//!    vault for any writer to write to), then destroys every key file.
//! 2. A writer holds the *key lock* (an advisory lock on the vault
//!    directory) while it writes; it checks before writing that `db/` is
//!    still the database it opened, and again after its rename. If the
//!    vault is gone by then, it destroys what it wrote.
//!
//! If the second check sees the vault, the rename came before `wipe` moved
//! `db/`, so `wipe`, which destroys key files only after that move, finds
//! the new file. If it does not, the writer destroys the file itself.
//! `wipe` also takes the key lock before it looks for temporary files, so
//! a writer killed half-way through its write leaves a temporary file that
//! `wipe` finds. It waits for the lock only briefly (a writer holds it for
//! one small write and two syncs); a writer stopped for longer is still
//! caught by its own second check, and a file system without locks relies
//! on the checks alone.

use std::fs;
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rand::{rngs::OsRng, RngCore};

use super::error::VaultError;
use crate::fsio;

/// The file that holds the vault's keys.
pub const KEY_FILE: &str = "key.age";
/// A rekey's new key file, until the database has switched to its key.
pub const NEXT_KEY_FILE: &str = "key.next.age";
/// The directory that holds the sealed records.
pub const DB_DIR: &str = "db";

/// The name of a database being rebuilt (see `compact`), or, after the
/// exchange, of the old one being destroyed.
pub(super) const COMPACT_PREFIX: &str = ".db-compact-";

/// sled's main file inside `db/`, open as long as the database is.
const DB_FILE: &str = "db";
/// sled's settings file inside `db/`, written when the database is made.
const SLED_CONF: &str = "conf";

/// What `wipe` renames a file or `db/` to before destroying it.
const WIPED_PREFIX: &str = ".wiped-";
/// Temporary files: `fsio`'s, the `.key-…` files of earlier versions, and
/// `wipe`'s own.
const TEMP_PREFIXES: [&str; 3] = [".pamphlet-", ".key-", WIPED_PREFIX];
const TEMP_SUFFIX: &str = ".tmp";

/// How long a writer waits for the key lock before saying the vault is in
/// use.
const WRITER_PATIENCE: Duration = Duration::from_secs(5);
/// How long `wipe` waits for the key lock before going on without it.
const WIPE_PATIENCE: Duration = Duration::from_millis(500);

/// Which database a vault opened, to tell whether `db/` is still it: the
/// device and inode of sled's file `db/db` on Unix, on other systems only
/// that it exists. The vault holds that file open, so its inode cannot be
/// freed and given to the file of a new vault made in the same place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DbMark {
    #[cfg(unix)]
    dev: u64,
    #[cfg(unix)]
    ino: u64,
}

impl DbMark {
    /// The database now at `dir/db`.
    pub(super) fn of(dir: &Path) -> io::Result<DbMark> {
        let meta = fs::metadata(dir.join(DB_DIR).join(DB_FILE))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Ok(DbMark {
                dev: meta.dev(),
                ino: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            Ok(DbMark {})
        }
    }

    /// Whether `dir/db` is still this database: false once a `wipe` moved
    /// it aside, or a new vault took its place.
    fn still_in(&self, dir: &Path) -> bool {
        DbMark::of(dir).is_ok_and(|now| now == *self)
    }
}

/// The key lock, released when dropped.
struct KeyLock {
    /// The locked directory; `None` when the file system cannot lock.
    _held: Option<fs::File>,
}

impl KeyLock {
    /// Takes the key lock of `dir`, waiting up to `patience`.
    fn take(dir: &Path, patience: Duration) -> Result<KeyLock, VaultError> {
        let handle = match fs::File::open(dir) {
            Ok(handle) => handle,
            Err(_) => return Ok(KeyLock { _held: None }),
        };
        let started = Instant::now();
        loop {
            match handle.try_lock() {
                Ok(()) => {
                    return Ok(KeyLock {
                        _held: Some(handle),
                    })
                }
                Err(fs::TryLockError::WouldBlock) if started.elapsed() < patience => {
                    std::thread::sleep(Duration::from_millis(2));
                }
                Err(fs::TryLockError::WouldBlock) => return Err(VaultError::InUse),
                // A file system that cannot lock: the checks alone hold.
                Err(fs::TryLockError::Error(_)) => return Ok(KeyLock { _held: None }),
            }
        }
    }
}

/// Whether the database of the vault in `dir` is gone: `db/` moved away by
/// a wipe, or made again without sled's files (sled makes its directory
/// afresh to write a snapshot into, even after a wipe took it). A ghost
/// like that holds none of the vault; it is removed.
pub(super) fn database_is_gone(dir: &Path) -> bool {
    let db = dir.join(DB_DIR);
    if db.join(DB_FILE).exists() || db.join(SLED_CONF).exists() {
        return false;
    }
    let _ = remove_dir(&db);
    true
}

/// Writes a key file of the vault in `dir` whose database is `db`:
/// `write` runs under the key lock, between the two checks (see the module
/// doc). Stale temporary files are destroyed first: under the lock, none is
/// being written. Fails with [`VaultError::Wiped`], having written nothing
/// or destroyed it again, when the vault is gone.
pub(super) fn install(
    dir: &Path,
    db: DbMark,
    write: impl FnOnce() -> io::Result<()>,
) -> Result<(), VaultError> {
    let _lock = KeyLock::take(dir, WRITER_PATIENCE)?;
    if !db.still_in(dir) {
        return Err(VaultError::Wiped);
    }
    destroy_temporary_files(dir)?;
    let written = write();
    if !db.still_in(dir) {
        destroy_key_files(dir)?;
        return Err(VaultError::Wiped);
    }
    Ok(written?)
}

/// Destroys temporary key files left by a writer that was killed. Call it
/// only while no writer can be at work: under the key lock, or holding the
/// database (every writer holds the database while it writes). What a
/// wipe has moved aside is left to it.
pub(super) fn destroy_temporary_files(dir: &Path) -> io::Result<()> {
    for name in names_in(dir)? {
        let wipes = name.starts_with(WIPED_PREFIX);
        if is_temporary(&name) && !wipes && !is_dir(&dir.join(&name)) {
            shred(&dir.join(&name))?;
        }
    }
    Ok(())
}

/// Destroys one key file, if it is there.
pub(super) fn destroy(path: &Path) -> io::Result<()> {
    shred(path)?;
    fsio::sync_dir(fsio::parent_dir(path))
}

/// Destroys the vault in `dir` without needing its passphrase: `db/` is
/// moved aside, so that no writer still at work finds its vault; `key.age`
/// is overwritten with random bytes, synced and removed, which alone makes
/// every sealed value unreadable, even in a copy of `db/` taken earlier;
/// then every other key file (a rekey's next key, temporary files); then
/// the database. Works while another process has the vault open, and
/// finishes what an interrupted wipe left.
pub fn wipe(dir: &Path) -> Result<(), VaultError> {
    let names = match names_in(dir) {
        Ok(names) => names,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    if !names.iter().any(|name| is_part_of_a_vault(dir, name)) {
        return Err(VaultError::NotFound(dir.to_owned()));
    }
    // Every step is tried even if one fails; the first failure is told.
    let mut failure = None;
    let mut step = |result: io::Result<()>| {
        if let Err(error) = result {
            failure.get_or_insert(error);
        }
    };
    // If db/ cannot be moved (a mount point, say), the key lock and the
    // writers' first check still hold; it is removed in place below.
    let db_aside = dir.join(aside_dir_name());
    let moved = fs::rename(dir.join(DB_DIR), &db_aside).is_ok();
    step(shred(&dir.join(KEY_FILE)));
    {
        // A writer at work has the lock: wait for it to finish or give up,
        // so that its temporary file is there to be found.
        let _lock = KeyLock::take(dir, WIPE_PATIENCE).ok();
        step(destroy_key_files(dir));
    }
    step(fsio::sync_dir(dir));
    if moved {
        step(remove_dir(&db_aside));
    }
    // The database if it could not be moved, or appeared again (sled
    // recreates its directory to write a snapshot), and whatever an
    // interrupted wipe moved aside.
    step(remove_leftover_dirs(dir));
    step(fsio::sync_dir(dir));
    match failure {
        Some(error) => Err(error.into()),
        None => Ok(()),
    }
}

/// Removes `db/` and directories an earlier wipe moved aside.
fn remove_leftover_dirs(dir: &Path) -> io::Result<()> {
    for name in names_in(dir)? {
        let path = dir.join(&name);
        let leftover =
            name == DB_DIR || name.starts_with(WIPED_PREFIX) || name.starts_with(COMPACT_PREFIX);
        if leftover && is_dir(&path) {
            remove_dir(&path)?;
        }
    }
    Ok(())
}

/// Whether `dir` holds anything `wipe` would destroy.
pub fn has_anything_to_wipe(dir: &Path) -> bool {
    names_in(dir).is_ok_and(|names| names.iter().any(|name| is_part_of_a_vault(dir, name)))
}

/// Whether the entry `name` of `dir` is something `wipe` destroys.
fn is_part_of_a_vault(dir: &Path, name: &str) -> bool {
    name == DB_DIR
        || name.starts_with(WIPED_PREFIX)
        || name.starts_with(COMPACT_PREFIX)
        || (is_key_file(name) && !is_dir(&dir.join(name)))
}

fn is_key_file(name: &str) -> bool {
    name == KEY_FILE || name == NEXT_KEY_FILE || is_temporary(name)
}

fn is_temporary(name: &str) -> bool {
    name.ends_with(TEMP_SUFFIX) && TEMP_PREFIXES.iter().any(|p| name.starts_with(p))
}

/// Destroys every key file in `dir`.
fn destroy_key_files(dir: &Path) -> io::Result<()> {
    for name in names_in(dir)? {
        if is_key_file(&name) && !is_dir(&dir.join(&name)) {
            shred(&dir.join(&name))?;
        }
    }
    Ok(())
}

/// The names in `dir` that are valid UTF-8 (every name pamphlet makes is).
fn names_in(dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        if let Ok(name) = entry?.file_name().into_string() {
            names.push(name);
        }
    }
    Ok(names)
}

/// Whether `path` is a directory itself (not a link to one).
fn is_dir(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.is_dir())
}

/// A fresh name in `dir` for a file about to be destroyed.
fn aside(dir: &Path) -> PathBuf {
    let mut name = aside_dir_name();
    name.push_str(TEMP_SUFFIX);
    dir.join(name)
}

/// A fresh name for a directory about to be removed.
fn aside_dir_name() -> String {
    let mut tag = [0u8; 8];
    OsRng.fill_bytes(&mut tag);
    let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
    format!("{WIPED_PREFIX}{hex}")
}

/// Destroys a small file if it is there: renamed to a name of its own
/// first, so that what is overwritten is exactly what is removed even
/// while a writer renames a new file onto the old name; then overwritten
/// with random bytes, synced, and removed. On flash storage and journaling
/// file systems the old blocks may survive the overwrite; what remains of
/// a key file is still encrypted to the passphrase, and the overwrite
/// defeats a casual undelete.
fn shred(path: &Path) -> io::Result<()> {
    let target = aside(fsio::parent_dir(path));
    // Another wipe may take the file at any step: then it is its to
    // destroy.
    gone_is_fine(fs::rename(path, &target))?;
    gone_is_fine(overwrite(&target))?;
    gone_is_fine(fs::remove_file(&target))
}

/// Overwrites the file at `path` (not a link) with random bytes, synced.
fn overwrite(path: &Path) -> io::Result<()> {
    let meta = fs::symlink_metadata(path)?;
    if !meta.is_file() {
        return Ok(());
    }
    let mut file = fs::OpenOptions::new().write(true).open(path)?;
    let mut noise = vec![0u8; usize::try_from(meta.len()).unwrap_or(0).max(1024)];
    OsRng.fill_bytes(&mut noise);
    file.seek(io::SeekFrom::Start(0))?;
    file.write_all(&noise)?;
    file.sync_all()
}

/// `result`, with "not found" taken as done.
fn gone_is_fine(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Removes a directory tree; one that is already gone is fine.
fn remove_dir(path: &Path) -> io::Result<()> {
    gone_is_fine(fs::remove_dir_all(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names = names_in(dir).unwrap();
        names.sort();
        names
    }

    #[test]
    fn wipe_destroys_every_key_file_and_leaves_what_is_not_the_vaults() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        fs::create_dir_all(dir.join("db/blobs")).unwrap();
        fs::write(dir.join("db/conf"), b"sled").unwrap();
        for name in [
            KEY_FILE,
            NEXT_KEY_FILE,
            ".pamphlet-Ab12Cd.tmp",
            ".key-Xy98.tmp",
            ".wiped-0011.tmp",
            "notes.txt",
            ".other-program.tmp",
        ] {
            fs::write(dir.join(name), b"age-encryption.org/v1 wrapped key").unwrap();
        }
        fs::create_dir(dir.join(".wiped-2233")).unwrap();
        fs::write(dir.join(".wiped-2233/snap"), b"x").unwrap();
        fs::create_dir(dir.join(".pamphlet-dir.tmp")).unwrap();
        assert!(has_anything_to_wipe(dir));
        wipe(dir).unwrap();
        assert_eq!(
            names(dir),
            [".other-program.tmp", ".pamphlet-dir.tmp", "notes.txt"]
        );
        assert!(!has_anything_to_wipe(dir));
        assert!(matches!(wipe(dir), Err(VaultError::NotFound(_))));
    }

    #[test]
    fn a_leftover_temporary_key_file_alone_is_still_wiped() {
        let temp = tempfile::tempdir().unwrap();
        fs::write(temp.path().join(".pamphlet-Q1w2E3.tmp"), b"wrapped key").unwrap();
        wipe(temp.path()).unwrap();
        assert!(names(temp.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_removed_not_followed() {
        let temp = tempfile::tempdir().unwrap();
        let outside = temp.path().join("outside");
        fs::write(&outside, b"not ours").unwrap();
        let dir = temp.path().join("vault");
        fs::create_dir(&dir).unwrap();
        std::os::unix::fs::symlink(&outside, dir.join(KEY_FILE)).unwrap();
        wipe(&dir).unwrap();
        assert!(names(&dir).is_empty());
        assert_eq!(fs::read(&outside).unwrap(), b"not ours");
    }

    #[test]
    fn a_writer_whose_vault_was_wiped_writes_nothing_or_destroys_it() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        // Held open, as sled holds it while the vault is open.
        let _sled = make_database(dir);
        let mark = DbMark::of(dir).unwrap();
        let key = dir.join(KEY_FILE);
        let write = || fsio::write_atomically(&key, b"wrapped key", fsio::IfExists::Replace);

        install(dir, mark, write).unwrap();
        assert_eq!(names(dir), [DB_DIR, KEY_FILE]);

        // The wipe lands while the writer writes: the writer's second
        // check finds db/ gone and destroys what it wrote.
        let during = || {
            write()?;
            wipe_database_only(dir);
            Ok(())
        };
        assert!(matches!(install(dir, mark, during), Err(VaultError::Wiped)));
        assert!(names(dir).is_empty());

        // A new vault in the same place is not the writer's vault.
        let _other = make_database(dir);
        assert!(matches!(install(dir, mark, write), Err(VaultError::Wiped)));
        assert_eq!(names(dir), [DB_DIR]);
    }

    /// `db/` with sled's file in it, open.
    fn make_database(dir: &Path) -> fs::File {
        fs::create_dir(dir.join(DB_DIR)).unwrap();
        fs::File::create(dir.join(DB_DIR).join(DB_FILE)).unwrap()
    }

    /// What the first step of a wipe does.
    fn wipe_database_only(dir: &Path) {
        fs::rename(dir.join(DB_DIR), dir.join(aside_dir_name())).unwrap();
        for name in names_in(dir).unwrap() {
            if name.starts_with(WIPED_PREFIX) {
                fs::remove_dir_all(dir.join(name)).unwrap();
            }
        }
    }

    #[test]
    fn a_database_directory_without_sleds_files_is_a_ghost_and_goes() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        assert!(database_is_gone(dir));
        fs::create_dir(dir.join(DB_DIR)).unwrap();
        fs::write(dir.join("db/snap.000000000003D4A2"), b"page table").unwrap();
        assert!(database_is_gone(dir));
        assert!(names(dir).is_empty());
        let _sled = make_database(dir);
        assert!(!database_is_gone(dir));
        assert_eq!(names(dir), [DB_DIR]);
    }

    #[test]
    fn install_clears_stale_temporary_files_first() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        let _sled = make_database(dir);
        fs::write(dir.join(".pamphlet-Zz9.tmp"), b"an older wrapped key").unwrap();
        // What a wipe at work has moved aside is the wipe's to destroy.
        fs::write(dir.join(".wiped-00ff.tmp"), b"being overwritten").unwrap();
        let mark = DbMark::of(dir).unwrap();
        install(dir, mark, || fs::write(dir.join(KEY_FILE), b"k")).unwrap();
        assert_eq!(names(dir), [".wiped-00ff.tmp", DB_DIR, KEY_FILE]);
    }

    #[test]
    fn the_key_lock_excludes_a_second_holder_until_released() {
        let temp = tempfile::tempdir().unwrap();
        let held = KeyLock::take(temp.path(), Duration::ZERO).unwrap();
        if held._held.is_none() {
            return; // this file system cannot lock; nothing to test
        }
        assert!(matches!(
            KeyLock::take(temp.path(), Duration::from_millis(20)),
            Err(VaultError::InUse)
        ));
        drop(held);
        assert!(KeyLock::take(temp.path(), Duration::ZERO).is_ok());
    }
}
