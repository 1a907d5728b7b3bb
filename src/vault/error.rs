//! What can go wrong with a vault, and what exactly was found damaged.

use std::io;
use std::path::PathBuf;

use super::codec::CodecError;
use super::keys::KeyFileError;

/// What went wrong with a vault. Messages name files, slots and ids, never the
/// contents of a record or a secret.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VaultError {
    /// There is no vault in this directory.
    #[error("no vault at {}", .0.display())]
    NotFound(PathBuf),
    /// `init` was asked to create a vault where one exists.
    #[error("a vault already exists at {}", .0.display())]
    AlreadyExists(PathBuf),
    /// Half a vault: one of `key.age` and `db/` without the other.
    #[error("the vault at {} is incomplete: {missing} is missing", .dir.display())]
    Incomplete { dir: PathBuf, missing: &'static str },
    /// Another process has the vault open.
    #[error("the vault is in use by another pamphlet")]
    InUse,
    /// The vault was wiped while this change was being made. The key file
    /// it was writing was not written, or was destroyed again.
    #[error("the vault was wiped while this command ran")]
    Wiped,
    /// The passphrase does not open `key.age`.
    #[error("wrong passphrase for this vault")]
    WrongPassphrase,
    /// `key.age` could not be read: damaged, truncated or too costly.
    #[error(transparent)]
    KeyFile(KeyFileError),
    /// `key.next.age`, the new key of a rekey cut short after the database
    /// had switched to it, could not be read: damaged, or asking for more
    /// scrypt work than a rekey writes.
    #[error("key.next.age: {0}")]
    NextKeyFile(KeyFileError),
    /// `key.age` opened but belongs to another vault's database.
    #[error("key.age does not belong to the database beside it")]
    KeyMismatch,
    /// The vault was written by a newer pamphlet.
    #[error("the vault has format version {found}; this pamphlet reads up to {supported}")]
    NewerFormat { found: u32, supported: u32 },
    /// Something stored is damaged; [`Damage`] says what.
    #[error("the vault is damaged: {0}")]
    Damaged(#[source] Damage),
    /// Parts of the vault open but do not belong together: older copies of
    /// some of them put back, one removed, two swapped. [`Tampering`] names
    /// the part, never what it holds.
    #[error("the vault was changed outside pamphlet: {0}")]
    ChangedOutside(#[source] Tampering),
    /// The vault's signing key did not sign. minisign's own error is the
    /// source; the message does not quote it.
    #[error("the vault's signing key could not sign")]
    Signing(#[source] minisign::PError),
    /// No record has this id or id prefix.
    #[error("no record with id {0}")]
    NoSuchRecord(String),
    /// More than one record starts with this prefix.
    #[error("{count} records have ids starting with {prefix}; give more of the id")]
    AmbiguousId { prefix: String, count: usize },
    /// The disk that holds the vault (or a file being written) is full. A
    /// change that meets this is not made.
    #[error("the disk is full: the vault could not be written")]
    DiskFull,
    /// A file of the vault reached the largest size this process may write
    /// (`ulimit -f`). A change that meets this is not made.
    #[error("a file of the vault reached the file-size limit: the vault could not be written")]
    FileTooLarge,
    /// The vault's directory cannot be written: a read-only file system, or
    /// no permission.
    #[error("the vault at {} cannot be written: {reason}", .dir.display())]
    ReadOnly { dir: PathBuf, reason: &'static str },
    /// The storage engine failed.
    #[error("storage failed: {0}")]
    Storage(String),
    /// Reading or writing a file failed.
    #[error("{0}")]
    Io(io::Error),
}

/// What part of a vault was found damaged. A sealed value that does not
/// open says only where it is: whether it was damaged or sealed under
/// another key is not told apart.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Damage {
    /// The database lacks the format version stored in the clear.
    #[error("the database has no format version")]
    NoFormatVersion,
    /// The database lacks the vault id stored in the clear.
    #[error("the database has no vault id")]
    NoVaultId,
    /// The keyring's sealed value does not open.
    #[error("the keyring does not open")]
    KeyringSealed,
    /// The keyring opened but does not decode.
    #[error("the keyring: {0}")]
    KeyringUndecodable(#[source] CodecError),
    /// The settings' sealed value does not open.
    #[error("the settings do not open")]
    SettingsSealed,
    /// The settings opened but do not decode.
    #[error("the settings: {0}")]
    SettingsUndecodable(#[source] CodecError),
    /// The records tree holds a key that is no bucket number.
    #[error("unexpected key {} in the records", hex(.0))]
    UnexpectedKey(Vec<u8>),
    /// A bucket's sealed value does not open.
    #[error("the records in bucket {0} do not open")]
    BucketSealed(u16),
    /// A bucket opened but does not decode.
    #[error("the records in bucket {bucket}: {source}")]
    BucketUndecodable { bucket: u16, source: CodecError },
    /// A bucket holds a record whose id belongs in another bucket: buckets
    /// were swapped or forged.
    #[error("bucket {0} holds a record that belongs elsewhere")]
    MisplacedRecord(u16),
    /// The storage engine found its own files corrupted.
    #[error("the database is corrupted")]
    Corrupted(#[source] sled::Error),
    /// The inventory of the vault's parts does not open.
    #[error("the inventory of the vault's parts does not open")]
    InventorySealed,
    /// The inventory opened but does not decode.
    #[error("the inventory of the vault's parts: {0}")]
    InventoryUndecodable(#[source] CodecError),
}

/// A part of the vault that the sealed inventory vouches for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Part {
    /// The sealed records of one bucket.
    Bucket(u16),
    /// The keyring and the bundle sequence numbers, sealed together.
    Keyring,
    /// The vault's settings (its language).
    Settings,
}

impl std::fmt::Display for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Part::Bucket(bucket) => write!(f, "records bucket {bucket}"),
            Part::Keyring => f.write_str("the keyring and bundle sequence numbers"),
            Part::Settings => f.write_str("the settings"),
        }
    }
}

impl Part {
    fn is(self) -> &'static str {
        match self {
            Part::Bucket(_) => "is",
            Part::Keyring | Part::Settings => "are",
        }
    }
}

/// How the parts of a vault were found not to belong together. Every change
/// pamphlet makes updates a sealed inventory (a digest of every part) in the
/// same transaction as the parts, so a mismatch was made by something else.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Tampering {
    /// A part opens, but it is not the copy pamphlet last wrote: an older
    /// copy put back, or one from another copy of the vault.
    #[error("{part} {} not the copy pamphlet last wrote{}", part.is(), others_too(*others, "nor"))]
    Replaced { part: Part, others: usize },
    /// A part is gone.
    #[error("{part} {} missing{}", part.is(), others_too(*others, "and so"))]
    Missing { part: Part, others: usize },
    /// A bucket holds the value pamphlet wrote to another bucket.
    #[error("records bucket {found} holds what pamphlet wrote to bucket {belongs}")]
    Moved { found: u16, belongs: u16 },
    /// The inventory itself is gone.
    #[error("the inventory of the vault's parts is missing")]
    NoInventory,
    /// The format version in the clear was set back: the vault holds values
    /// only a later format writes.
    #[error("it says format version {found}, but holds values of a later format")]
    FormatSetBack { found: u32 },
}

/// ", nor are 3 other parts": how many more parts were found the same way.
fn others_too(others: usize, lead: &str) -> String {
    match others {
        0 => String::new(),
        1 => format!(", {lead} is 1 other part"),
        n => format!(", {lead} are {n} other parts"),
    }
}

impl From<Tampering> for VaultError {
    fn from(tampering: Tampering) -> VaultError {
        VaultError::ChangedOutside(tampering)
    }
}

impl From<Damage> for VaultError {
    fn from(damage: Damage) -> VaultError {
        VaultError::Damaged(damage)
    }
}

impl From<io::Error> for VaultError {
    fn from(error: io::Error) -> VaultError {
        match error.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => VaultError::DiskFull,
            io::ErrorKind::FileTooLarge => VaultError::FileTooLarge,
            // sled passes some OS errors on as their Debug text; say the
            // kind instead of showing that.
            kind if error.raw_os_error().is_none() && error.to_string().starts_with("Os {") => {
                VaultError::Io(io::Error::from(kind))
            }
            _ => VaultError::Io(error),
        }
    }
}

impl From<KeyFileError> for VaultError {
    fn from(error: KeyFileError) -> VaultError {
        match error {
            KeyFileError::WrongPassphrase => VaultError::WrongPassphrase,
            KeyFileError::Io(e) if e.kind() == io::ErrorKind::NotFound => VaultError::Io(
                io::Error::new(io::ErrorKind::NotFound, "key.age is missing"),
            ),
            KeyFileError::Io(e) => VaultError::from(e),
            other => VaultError::KeyFile(other),
        }
    }
}

/// Lower-case hex, for naming database keys.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
