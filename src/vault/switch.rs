//! Opening a vault's database with the right key, and switching it to a
//! new one: which of `key.age` and a rekey's `key.next.age` the database
//! belongs to, finishing or discarding a rekey cut short, and the whole new
//! content of every bucket under a new key.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use uuid::Uuid;

use super::compact;
use super::error::VaultError;
use super::files::{self, DbMark, DB_DIR, KEY_FILE, NEXT_KEY_FILE};
use super::keys::{KeyFileError, KeyMaterial};
use super::seal::{Sealer, BUCKETS};
use super::settings::Settings;
use super::store::{Bucket, BucketContents, Changes, Contents, Store};
use super::trust::{Provenance, TrustState};
use crate::fsio;
use crate::model::Record;

/// Opens the database with whichever of `keys` it belongs to, and settles
/// the key files beside it: a rekey cut short is finished (the database
/// switched) or its key destroyed (it had not), and temporary key files a
/// killed writer left are destroyed.
pub(super) fn open_store(dir: &Path, keys: UnwrappedKeys) -> Result<Opened, VaultError> {
    let UnwrappedKeys { current, next } = keys;
    let db_path = dir.join(DB_DIR);
    // sled makes a missing database afresh: a vault wiped since the last
    // look must not come back as an empty one.
    if files::database_is_gone(dir) {
        return Err(match dir.join(KEY_FILE).exists() {
            true => VaultError::Incomplete {
                dir: dir.to_owned(),
                missing: "db/",
            },
            false => VaultError::NotFound(dir.to_owned()),
        });
    }
    // The vault id in the clear says which key the database is sealed
    // under; `Store::open` compares it before opening anything.
    let open = |keys: KeyMaterial| {
        let sealer = Sealer::new(keys.vault_key(), &keys.vault_id());
        let (store, contents) = Store::open(&db_path, &keys.vault_id(), &sealer)?;
        Ok::<_, VaultError>((store, contents, keys, sealer))
    };
    let ((store, contents, keys, sealer), switching) = match open(current) {
        Ok(opened) => (opened, false),
        Err(VaultError::KeyMismatch) => match next {
            Some(Ok(next)) => (open(next)?, true),
            // The database may belong to it: say which file failed.
            Some(Err(error)) => return Err(VaultError::NextKeyFile(error)),
            None => return Err(VaultError::KeyMismatch),
        },
        Err(other) => return Err(other),
    };
    // Holding the database, no writer of key files is at work.
    let db_mark = DbMark::of(dir)?;
    files::destroy_temporary_files(dir)?;
    let next_path = dir.join(NEXT_KEY_FILE);
    if switching {
        files::install(dir, db_mark, || {
            fs::rename(&next_path, dir.join(KEY_FILE))?;
            fsio::sync_dir(dir)
        })?;
    } else if next_path.exists() {
        // A rekey cut short before the database switched: its key seals
        // nothing.
        files::destroy(&next_path)?;
    }
    // A rebuild cut short left a directory; a write not followed by a
    // rebuild left old values in sled's files. A rebuild that fails here
    // (a full disk, say) does not keep the vault from opening: it is
    // tried again at the next lock.
    let _ = compact::destroy_leftovers(dir);
    let (store, db_mark, _) = compact_store(dir, store, db_mark)?;
    Ok(Opened {
        store,
        contents,
        keys,
        sealer,
        db_mark,
    })
}

/// A database opened by `open_store`, with the key it is sealed under.
pub(super) struct Opened {
    pub(super) store: Store,
    pub(super) contents: Contents,
    pub(super) keys: KeyMaterial,
    pub(super) sealer: Sealer,
    pub(super) db_mark: DbMark,
}

/// `error`, or [`VaultError::Wiped`] when the database is gone: a wipe came
/// while it was being used, and whatever failed failed for that. A vault
/// found missing or incomplete before anything was used says so itself.
pub(super) fn gone(dir: &Path, error: VaultError) -> VaultError {
    match error {
        VaultError::NotFound(_) | VaultError::Incomplete { .. } => error,
        _ if files::database_is_gone(dir) => VaultError::Wiped,
        _ => error,
    }
}

/// The keys `Vault::unwrap_keys` found: those of `key.age` and, after a
/// rekey that was cut short, those of `key.next.age`. Not `Debug`; both
/// zeroized on drop.
pub struct UnwrappedKeys {
    pub(super) current: KeyMaterial,
    /// Read, or why not: only told if the database belongs to it.
    pub(super) next: Option<Result<KeyMaterial, KeyFileError>>,
}

impl From<KeyMaterial> for UnwrappedKeys {
    fn from(current: KeyMaterial) -> UnwrappedKeys {
        UnwrappedKeys {
            current,
            next: None,
        }
    }
}

/// The buckets of a vault resealed under a new key.
pub(super) struct Resealed {
    /// The ids each bucket holds, indexed by bucket.
    pub(super) members: Vec<Vec<Uuid>>,
}

impl Resealed {
    /// Every bucket's whole new content, the empty ones empty (sealed and
    /// padded like the rest: a bucket is never removed), the keyring, and
    /// the settings if the vault has any.
    pub(super) fn changes<'a>(
        &self,
        records: &'a HashMap<Uuid, Record>,
        provenance: &'a HashMap<Uuid, Provenance>,
        trust: &'a TrustState,
        settings: Option<&'a Settings>,
    ) -> Changes<'a> {
        let buckets: Vec<(Bucket, BucketContents<'a>)> = (0..BUCKETS)
            .zip(&self.members)
            .map(|(bucket, ids)| {
                let contents = ids
                    .iter()
                    .filter_map(|id| {
                        let record = records.get(id)?;
                        Some((record, provenance.get(id)))
                    })
                    .collect();
                (bucket, contents)
            })
            .collect();
        Changes {
            buckets,
            trust: Some(trust),
            settings,
        }
    }
}

/// What locking a vault did about the old values its writes left in
/// sled's files (see `compact`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// Nothing was written, or the database was rebuilt without them.
    Clean,
    /// The writes are saved, but their old values are still in the files:
    /// the rebuild is tried again at the next unlock.
    OldCopiesKept(Kept),
}

/// Why the old values of a write are still in sled's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// The disk has no room for a second copy of the database.
    DiskFull,
    /// The database cannot be rebuilt where it is: the file system cannot
    /// exchange two directories in one step, or `db` is a symbolic link.
    CannotRebuild,
    /// The rebuild failed otherwise.
    Failed,
}

impl Closed {
    pub(super) fn of(outcome: Result<bool, VaultError>) -> Closed {
        match outcome {
            Ok(true) | Err(VaultError::Wiped) => Closed::Clean,
            Ok(false) => Closed::OldCopiesKept(Kept::CannotRebuild),
            Err(VaultError::DiskFull) => Closed::OldCopiesKept(Kept::DiskFull),
            Err(_) => Closed::OldCopiesKept(Kept::Failed),
        }
    }
}

/// Rebuilds `store` if a write left old values in its files, closing it
/// (see [`super::Vault::close`]).
pub(super) fn close_store(dir: &Path, store: Store) -> Closed {
    match store.compaction_due() {
        Ok(false) => Closed::Clean,
        Ok(true) => Closed::of(store.compact(dir)),
        Err(error) => Closed::of(Err(error)),
    }
}

/// `store`, rebuilt if a write may have left old values in its files, and
/// opened again; with the mark of the database then in `dir`, and how the
/// rebuild went: one that failed leaves the database as it was, to be
/// rebuilt at the next lock or unlock.
pub(super) fn compact_store(
    dir: &Path,
    store: Store,
    mark: DbMark,
) -> Result<(Store, DbMark, Result<(), VaultError>), VaultError> {
    if !store.compaction_due()? {
        return Ok((store, mark, Ok(())));
    }
    let inventory = store.inventory().clone();
    let outcome = store.compact(dir).map(drop);
    if let Err(VaultError::Wiped) = outcome {
        return Err(VaultError::Wiped);
    }
    if files::database_is_gone(dir) {
        return Err(VaultError::Wiped);
    }
    let store = Store::reopen(&dir.join(DB_DIR), inventory)?;
    Ok((store, DbMark::of(dir)?, outcome))
}
