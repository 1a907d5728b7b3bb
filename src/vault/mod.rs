//! The encrypted vault: a directory holding `key.age` and `db/`.
//!
//! Unlocking is one age decryption of `key.age` (slow on purpose: scrypt),
//! then opening every record into memory, where search and the UI read them.
//! Every change goes to disk as one all-or-nothing batch, flushed before the
//! call returns, and only then to the in-memory copy.
//!
//! A rekey switches the database and `key.age` to a new vault key in two
//! steps that a crash can come between: the new key file is written beside
//! the old one as `key.next.age`, then the database is resealed under the
//! new key and given the new key's vault id in one transaction, then
//! `key.next.age` is renamed onto `key.age`. The vault id stored in the
//! database says which key it is sealed under, so unlocking after a crash
//! picks the key file that matches and finishes or discards the switch.

pub(crate) mod codec;
mod compact;
mod error;
mod files;
pub(crate) mod inventory;
mod keys;
pub(crate) mod seal;
mod settings;
mod sled_db;
pub(crate) mod store;
mod switch;
mod trust;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use uuid::Uuid;

pub use codec::CodecError;
pub use error::{Damage, Part, Tampering, VaultError};
pub use files::{has_anything_to_wipe, wipe, DB_DIR, KEY_FILE, NEXT_KEY_FILE};
pub use keys::{same_secret, KeyDamage, KeyFileError, KeyMaterial, WorkFactor};
pub use settings::Settings;
pub use store::STORE_FORMAT;
pub use switch::{Closed, Kept, UnwrappedKeys};
pub(crate) use trust::record_hash;
pub use trust::{Provenance, TrustState, TrustedKey};

use files::DbMark;
use keys::Parsed;
use seal::Sealer;
use seal::BUCKETS;
use store::{Bucket, Changes, Store};
use switch::{gone, open_store, Opened, Resealed};

use crate::fsio::{self, IfExists};
use crate::model::Record;

/// The outcome of writing records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PutSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl std::fmt::Display for PutSummary {
    /// "added 3, updated 1, unchanged 12", as the commands that store
    /// records report it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "added {}, updated {}, unchanged {}",
            self.added, self.updated, self.unchanged
        )
    }
}

/// An unlocked vault. Holds the decrypted records and sled's lock; dropping
/// it locks the vault again and clears the records from memory.
pub struct Vault {
    dir: PathBuf,
    /// Always there while the vault is open: taken only as it is dropped
    /// or rebuilt.
    store: Option<Store>,
    /// Which database `store` is, for writing key files beside it.
    db_mark: DbMark,
    sealer: Sealer,
    keys: KeyMaterial,
    /// The age identity and signing public key, parsed from `keys` once.
    parsed: Parsed,
    records: HashMap<Uuid, Record>,
    provenance: HashMap<Uuid, Provenance>,
    /// The ids each bucket holds, indexed by bucket, to rewrite a bucket
    /// whole.
    buckets: Vec<Vec<Uuid>>,
    trust: TrustState,
    /// `None` until the settings are first written.
    settings: Option<Settings>,
}

impl Vault {
    /// Creates a vault in `dir` (made if needed, owner-only). Refuses if any
    /// part of a vault is already there.
    pub fn init(
        dir: &Path,
        passphrase: &SecretString,
        work: WorkFactor,
    ) -> Result<Vault, VaultError> {
        let key_path = dir.join(KEY_FILE);
        let db_path = dir.join(DB_DIR);
        if key_path.exists() || db_path.exists() {
            return Err(VaultError::AlreadyExists(dir.to_owned()));
        }
        create_private_dir(dir)?;
        let keys = KeyMaterial::generate()?;
        let parsed = keys.parse()?;
        let wrapped = keys.wrap(passphrase, work)?;
        let sealer = Sealer::new(keys.vault_key(), &keys.vault_id());
        let store = Store::create(&db_path, &keys.vault_id(), &sealer)?;
        let db_mark = DbMark::of(dir)?;
        // key.age last: until it exists, this is not a vault.
        files::install(dir, db_mark, || {
            fsio::write_atomically(&key_path, &wrapped, IfExists::Refuse)
        })?;
        Ok(Vault {
            dir: dir.to_owned(),
            store: Some(store),
            db_mark,
            sealer,
            keys,
            parsed,
            records: HashMap::new(),
            provenance: HashMap::new(),
            buckets: vec![Vec::new(); usize::from(BUCKETS)],
            trust: TrustState::default(),
            settings: None,
        })
    }

    /// Checks, without writing anything, that `dir` holds a whole vault that
    /// no other process has open. Cheap: call it before asking for a
    /// passphrase.
    pub fn check(dir: &Path) -> Result<(), VaultError> {
        let has_key = dir.join(KEY_FILE).is_file();
        let has_db = dir.join(DB_DIR).is_dir();
        match (has_key, has_db) {
            (false, false) => return Err(VaultError::NotFound(dir.to_owned())),
            (true, false) => {
                return Err(VaultError::Incomplete {
                    dir: dir.to_owned(),
                    missing: "db/",
                })
            }
            (false, true) => {
                return Err(VaultError::Incomplete {
                    dir: dir.to_owned(),
                    missing: "key.age",
                })
            }
            (true, true) => {}
        }
        if store::probe_in_use(&dir.join(DB_DIR))? {
            return Err(VaultError::InUse);
        }
        Ok(())
    }

    /// Decrypts `key.age`: the slow, deliberate step of unlocking. Reads
    /// only. After a rekey that was cut short, `key.next.age` too: which of
    /// the two the database belongs to is seen when it is opened.
    pub fn unwrap_keys(dir: &Path, passphrase: &SecretString) -> Result<UnwrappedKeys, VaultError> {
        Vault::check(dir)?;
        let key_path = dir.join(KEY_FILE);
        let current = KeyMaterial::read(&key_path, passphrase)?;
        let next_path = dir.join(NEXT_KEY_FILE);
        let next = match next_path.is_file() {
            true => {
                let cap = keys::next_key_cap(&fs::read(&key_path).unwrap_or_default());
                Some(KeyMaterial::read_capped(&next_path, passphrase, Some(cap)))
            }
            false => None,
        };
        Ok(UnwrappedKeys { current, next })
    }

    /// Opens the database with keys from `unwrap_keys` and decrypts every
    /// record into memory, refusing parts that do not belong together (a
    /// vault of the previous format is migrated first). Finishes or
    /// discards a rekey that was cut short, and destroys temporary key files
    /// a killed writer left. A vault that something made readable by others
    /// is made its owner's alone again.
    pub fn open(dir: &Path, keys: impl Into<UnwrappedKeys>) -> Result<Vault, VaultError> {
        let Opened {
            store,
            contents,
            keys,
            sealer,
            db_mark,
        } = open_store(dir, keys.into()).map_err(|e| gone(dir, e))?;
        make_private_again(dir);
        let parsed = keys.parse()?;
        let count = contents.records.iter().map(Vec::len).sum();
        let mut records = HashMap::with_capacity(count);
        let mut provenance = HashMap::new();
        let mut buckets = vec![Vec::new(); usize::from(BUCKETS)];
        for (bucket, record, vouched) in contents.records.into_iter().flatten() {
            if let Some(vouched) = vouched {
                provenance.insert(record.id, vouched);
            }
            if let Some(ids) = buckets.get_mut(usize::from(bucket)) {
                ids.push(record.id);
            }
            records.insert(record.id, record);
        }
        Ok(Vault {
            dir: dir.to_owned(),
            store: Some(store),
            db_mark,
            sealer,
            keys,
            parsed,
            records,
            provenance,
            buckets,
            trust: contents.trust,
            settings: contents.settings,
        })
    }

    /// `unwrap_keys` then `open`.
    pub fn unlock(dir: &Path, passphrase: &SecretString) -> Result<Vault, VaultError> {
        let keys = Vault::unwrap_keys(dir, passphrase)?;
        Vault::open(dir, keys)
    }

    /// The directory this vault lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every record, in no particular order.
    pub fn records(&self) -> impl ExactSizeIterator<Item = &Record> + '_ {
        self.records.values()
    }

    /// Every record, in id order: the order of `dump` and of bundles.
    pub fn records_by_id(&self) -> Vec<&Record> {
        let mut records: Vec<&Record> = self.records.values().collect();
        records.sort_unstable_by_key(|record| record.id);
        records
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn get(&self, id: &Uuid) -> Option<&Record> {
        self.records.get(id)
    }

    /// Finds the one record whose id starts with `prefix` (hex, hyphens
    /// optional, any case).
    pub fn resolve(&self, prefix: &str) -> Result<Uuid, VaultError> {
        let wanted: String = prefix
            .chars()
            .filter(|c| *c != '-')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if wanted.is_empty() || !wanted.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(VaultError::NoSuchRecord(prefix.to_owned()));
        }
        let mut found = self
            .records
            .keys()
            .filter(|id| id.simple().to_string().starts_with(&wanted));
        match (found.next(), found.next()) {
            (None, _) => Err(VaultError::NoSuchRecord(prefix.to_owned())),
            (Some(id), None) => Ok(*id),
            (Some(_), Some(_)) => Err(VaultError::AmbiguousId {
                prefix: prefix.to_owned(),
                count: 2 + found.count(),
            }),
        }
    }

    /// Adds or replaces records by id, all or nothing. Records identical to
    /// the stored ones are not rewritten.
    pub fn put_all(&mut self, records: Vec<Record>) -> Result<PutSummary, VaultError> {
        let (summary, upserts) = self.changed(records);
        if !upserts.is_empty() {
            self.commit(upserts, &[], None)?;
        }
        Ok(summary)
    }

    /// `put_all`, then locks the vault: for a command that writes and ends
    /// (`pamphlet load`). The records leave memory once sealed, before sled
    /// writes them, so that a large load holds either the records or sled's
    /// write, never both: sled's atomic write of 100,000 records takes
    /// about 2.5 times their sealed size again.
    pub fn put_all_and_lock(
        mut self,
        records: Vec<Record>,
    ) -> Result<(PutSummary, Closed), VaultError> {
        let (summary, upserts) = self.changed(records);
        if upserts.is_empty() {
            return Ok((summary, self.close()));
        }
        let members = self.members(&upserts, &[]);
        let sealed = self.seal(&members, &upserts, None)?;
        // Dropping a record clears it.
        drop(upserts);
        self.records = HashMap::new();
        self.provenance = HashMap::new();
        self.store_mut()?
            .write(sealed)
            .map_err(|e| gone(&self.dir, e))?;
        Ok((summary, self.close()))
    }

    /// Locks the vault, rebuilding its database first if a write left old
    /// values in sled's files, and says whether they are gone. Dropping a
    /// vault does the same but cannot tell: a command that wrote calls this
    /// to tell its user.
    pub fn close(mut self) -> Closed {
        let store = self.store.take();
        store.map_or(Closed::Clean, |store| switch::close_store(&self.dir, store))
    }

    /// The records of `records` that differ from the stored ones, each with
    /// the provenance it keeps, and how many were new, changed and the same.
    fn changed(&self, records: Vec<Record>) -> (PutSummary, Vec<(Record, Option<Provenance>)>) {
        let mut summary = PutSummary::default();
        let mut upserts = Vec::with_capacity(records.len());
        for record in records {
            match self.records.get(&record.id) {
                Some(existing) if *existing == record => {
                    summary.unchanged += 1;
                    continue;
                }
                Some(_) => summary.updated += 1,
                None => summary.added += 1,
            }
            // A local edit keeps the record's provenance: import compares
            // against it to notice the edit.
            let vouched = self.provenance.get(&record.id).cloned();
            upserts.push((record, vouched));
        }
        (summary, upserts)
    }

    /// Adds or replaces one record.
    pub fn put(&mut self, record: Record) -> Result<PutSummary, VaultError> {
        self.put_all(vec![record])
    }

    /// Removes a record and returns it.
    pub fn delete(&mut self, id: &Uuid) -> Result<Record, VaultError> {
        if !self.records.contains_key(id) {
            return Err(VaultError::NoSuchRecord(id.to_string()));
        }
        let record = self.records.get(id).cloned();
        self.commit(Vec::new(), &[*id], None)?;
        record.ok_or_else(|| VaultError::NoSuchRecord(id.to_string()))
    }

    /// Rewrites `key.age` under a new passphrase, atomically. The records and
    /// the database are untouched.
    pub fn change_passphrase(
        &self,
        passphrase: &SecretString,
        work: WorkFactor,
    ) -> Result<(), VaultError> {
        let wrapped = self.keys.wrap(passphrase, work)?;
        let key_path = self.dir.join(KEY_FILE);
        files::install(&self.dir, self.db_mark, || {
            fsio::write_atomically(&key_path, &wrapped, IfExists::Replace)
        })
    }

    /// Switches the vault to a new vault key, wrapped to `passphrase`:
    /// every record, the keyring and the sequence numbers are sealed anew,
    /// in new buckets, in one transaction, and `key.age` follows (see the
    /// module doc for the order). Afterwards a copy of the old `key.age`
    /// opens nothing in the database. The signing key and the age identity
    /// stay. The vault is consumed: after a failure the database may have
    /// switched or not, and only unlocking again tells.
    pub fn rekey(
        mut self,
        passphrase: &SecretString,
        work: WorkFactor,
    ) -> Result<Vault, VaultError> {
        let next = self.keys.rotated();
        let mut wrapped = next.wrap(passphrase, work)?;
        // Never more work than an unlock accepts of key.next.age.
        let cap = keys::next_key_cap(&fs::read(self.dir.join(KEY_FILE)).unwrap_or_default());
        if crate::scrypt::scrypt_work_factor(&wrapped).is_some_and(|n| n > cap) {
            wrapped = next.wrap(passphrase, WorkFactor::log_n(cap))?;
        }
        let next_path = self.dir.join(NEXT_KEY_FILE);
        files::install(&self.dir, self.db_mark, || {
            fsio::write_atomically(&next_path, &wrapped, IfExists::Replace)
        })?;
        let sealer = Sealer::new(next.vault_key(), &next.vault_id());
        let buckets = self.resealed_buckets(&sealer);
        let changes = buckets.changes(
            &self.records,
            &self.provenance,
            &self.trust,
            self.settings.as_ref(),
        );
        self.store
            .as_mut()
            .ok_or(VaultError::Wiped)?
            .reseal(&sealer, &next.vault_id(), &changes)
            .map_err(|e| gone(&self.dir, e))?;
        drop(changes);
        files::install(&self.dir, self.db_mark, || {
            fs::rename(&next_path, self.dir.join(KEY_FILE))?;
            fsio::sync_dir(&self.dir)
        })?;
        self.sealer = sealer;
        self.keys = next;
        self.buckets = buckets.members;
        // Nothing sealed under the old key may stay in sled's files. Cut
        // short here, the next unlock rebuilds it. The switch is done
        // either way: a rebuild that failed is tried again by `close`,
        // which tells.
        match self.compact() {
            Err(e) if matches!(e, VaultError::Wiped) || self.store.is_none() => Err(e),
            _ => Ok(self),
        }
    }

    /// Rebuilds the database with only its live values when a write may
    /// have left older ones in sled's files (see `compact`), and opens it
    /// again.
    fn compact(&mut self) -> Result<(), VaultError> {
        let store = self.store.take().ok_or(VaultError::Wiped)?;
        let (store, mark, outcome) = switch::compact_store(&self.dir, store, self.db_mark)
            .map_err(|e| gone(&self.dir, e))?;
        self.store = Some(store);
        self.db_mark = mark;
        outcome.map_err(|e| gone(&self.dir, e))
    }

    fn store_ref(&self) -> Result<&Store, VaultError> {
        self.store.as_ref().ok_or(VaultError::Wiped)
    }

    fn store_mut(&mut self) -> Result<&mut Store, VaultError> {
        self.store.as_mut().ok_or(VaultError::Wiped)
    }

    /// Where every record goes under `sealer`: the ids each bucket holds,
    /// indexed by bucket, every bucket there.
    fn resealed_buckets(&self, sealer: &Sealer) -> Resealed {
        let mut members = vec![Vec::new(); usize::from(BUCKETS)];
        for id in self.records.keys() {
            if let Some(ids) = members.get_mut(usize::from(sealer.bucket(id))) {
                ids.push(*id);
            }
        }
        Resealed { members }
    }

    /// Who vouched for a record that came from a bundle.
    pub fn provenance(&self, id: &Uuid) -> Option<&Provenance> {
        self.provenance.get(id)
    }

    /// The keyring and bundle sequence numbers.
    pub fn trust(&self) -> &TrustState {
        &self.trust
    }

    /// Replaces the keyring and sequence numbers, durably.
    pub fn set_trust(&mut self, trust: TrustState) -> Result<(), VaultError> {
        self.commit(Vec::new(), &[], Some(trust))
    }

    /// The vault's settings; all unset in a vault where none was ever set.
    pub fn settings(&self) -> &Settings {
        static UNSET: Settings = Settings::none();
        self.settings.as_ref().unwrap_or(&UNSET)
    }

    /// Replaces the settings, durably: sealed and listed in the inventory
    /// in one transaction, like every other change.
    pub fn set_settings(&mut self, settings: Settings) -> Result<(), VaultError> {
        let changes = Changes {
            buckets: Vec::new(),
            trust: None,
            settings: Some(&settings),
        };
        let sealed = self
            .store_ref()?
            .seal(&self.sealer, &changes)
            .map_err(|e| gone(&self.dir, e))?;
        self.store_mut()?
            .write(sealed)
            .map_err(|e| gone(&self.dir, e))?;
        self.settings = Some(settings);
        Ok(())
    }

    /// Writes imported records with their provenance and the new trust state
    /// (sequence numbers, perhaps a newly trusted signer) as one transaction.
    pub fn commit_import(
        &mut self,
        records: Vec<(Record, Provenance)>,
        trust: TrustState,
    ) -> Result<(), VaultError> {
        let upserts = records.into_iter().map(|(r, p)| (r, Some(p))).collect();
        self.commit(upserts, &[], Some(trust))
    }

    /// The one path by which anything changes: the buckets the change
    /// touches are rewritten whole, with the trust state, in one transaction;
    /// memory follows only once the disk has it.
    fn commit(
        &mut self,
        upserts: Vec<(Record, Option<Provenance>)>,
        removals: &[Uuid],
        trust: Option<TrustState>,
    ) -> Result<(), VaultError> {
        let members = self.members(&upserts, removals);
        let sealed = self.seal(&members, &upserts, trust.as_ref())?;
        let dir = self.dir.clone();
        self.store_mut()?.write(sealed).map_err(|e| gone(&dir, e))?;

        for id in removals {
            self.records.remove(id);
            self.provenance.remove(id);
        }
        for (record, vouched) in upserts {
            match vouched {
                Some(vouched) => self.provenance.insert(record.id, vouched),
                None => self.provenance.remove(&record.id),
            };
            self.records.insert(record.id, record);
        }
        for (bucket, ids) in members {
            if let Some(slot) = self.buckets.get_mut(usize::from(bucket)) {
                *slot = ids;
            }
        }
        if let Some(trust) = trust {
            self.trust = trust;
        }
        Ok(())
    }

    /// The new member list of every bucket a change touches.
    fn members(
        &self,
        upserts: &[(Record, Option<Provenance>)],
        removals: &[Uuid],
    ) -> BTreeMap<Bucket, Vec<Uuid>> {
        let mut members: BTreeMap<Bucket, Vec<Uuid>> = BTreeMap::new();
        let current = |bucket: Bucket| {
            self.buckets
                .get(usize::from(bucket))
                .cloned()
                .unwrap_or_default()
        };
        for (record, _) in upserts {
            let bucket = self.sealer.bucket(&record.id);
            let ids = members.entry(bucket).or_insert_with(|| current(bucket));
            if !ids.contains(&record.id) {
                ids.push(record.id);
            }
        }
        for id in removals {
            let bucket = self.sealer.bucket(id);
            members
                .entry(bucket)
                .or_insert_with(|| current(bucket))
                .retain(|member| member != id);
        }
        members
    }

    /// Seals the buckets in `members`, each record taken from `upserts`
    /// or else from memory, and the trust state; writes nothing.
    fn seal(
        &self,
        members: &BTreeMap<Bucket, Vec<Uuid>>,
        upserts: &[(Record, Option<Provenance>)],
        trust: Option<&TrustState>,
    ) -> Result<store::Sealed, VaultError> {
        let incoming: HashMap<Uuid, &(Record, Option<Provenance>)> =
            upserts.iter().map(|entry| (entry.0.id, entry)).collect();
        let buckets = members
            .iter()
            .map(|(bucket, ids)| {
                let contents = ids
                    .iter()
                    .filter_map(|id| match incoming.get(id) {
                        Some((record, vouched)) => Some((record, vouched.as_ref())),
                        None => self
                            .records
                            .get(id)
                            .map(|record| (record, self.provenance.get(id))),
                    })
                    .collect();
                (*bucket, contents)
            })
            .collect();
        let changes = Changes {
            buckets,
            trust,
            settings: None,
        };
        self.store_ref()?
            .seal(&self.sealer, &changes)
            .map_err(|e| gone(&self.dir, e))
    }

    /// The age identity that opens bundles sent to this vault. It is not
    /// `Debug`; `to_string` gives it only as a `SecretString`.
    pub fn age_identity(&self) -> &age::x25519::Identity {
        &self.parsed.identity
    }

    /// The age recipient (`age1…`) that bundles for this vault are
    /// encrypted to.
    pub fn recipient(&self) -> age::x25519::Recipient {
        self.parsed.identity.to_public()
    }

    /// The minisign public key that checks this vault's signatures.
    pub fn signing_key(&self) -> &minisign::PublicKey {
        &self.parsed.signer
    }

    /// Signs `data` with the vault's minisign key. `trusted_comment` is
    /// covered by the signature; the untrusted comment is pamphlet's own.
    pub fn sign(
        &self,
        data: &[u8],
        trusted_comment: &str,
    ) -> Result<minisign::SignatureBox, VaultError> {
        self.keys
            .sign(&self.parsed.signer, data, trusted_comment)
            .map_err(VaultError::Signing)
    }

    /// The id of this vault, stored in the clear beside its records.
    pub fn id(&self) -> [u8; 16] {
        self.keys.vault_id()
    }
}

/// Locking a vault that was written to rebuilds its database first, so
/// that what the writes replaced or removed does not stay in sled's files.
/// Best effort: a rebuild that fails or is cut short is done at the next
/// unlock.
impl Drop for Vault {
    fn drop(&mut self) {
        if let Some(store) = self.store.take() {
            if store.compaction_due().unwrap_or(false) {
                let _ = store.compact(&self.dir);
            }
        }
    }
}

/// Makes the vault its owner's alone again where something loosened it (an
/// older pamphlet under a loose umask, a copy made by hand): the directory,
/// `key.age` and all of `db/`, but nothing else the directory may hold.
/// Best effort, and silent: a file system without Unix modes (FAT on a USB
/// stick) cannot, and the vault opens all the same.
fn make_private_again(dir: &Path) {
    let _ = fsio::make_private(dir);
    let _ = fsio::make_tree_private(&dir.join(KEY_FILE));
    let _ = fsio::make_tree_private(&dir.join(DB_DIR));
}

fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}
