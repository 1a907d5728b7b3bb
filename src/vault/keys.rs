//! `key.age`: the one small file that makes a vault readable.
//!
//! It is an age file encrypted to the organizer's passphrase (scrypt). Inside
//! is the codec-encoded `KeyMaterial`: the 32-byte vault key, the vault id it
//! belongs to, the organizer's minisign signing key and age X25519 identity.
//! Destroying this file destroys the vault; changing the passphrase rewrites
//! only this file, atomically.

use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;

use age::secrecy::{ExposeSecret, SecretString};
use rand::{rngs::OsRng, RngCore};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::codec;

/// The most we read of a key file; a real one is well under 1 KiB.
const MAX_KEY_FILE_BYTES: u64 = 64 * 1024;

/// How hard the passphrase is to guess by brute force. The default is age's
/// own calibration (about a second on this machine); tests lower it.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkFactor(Option<u8>);

impl WorkFactor {
    /// age's calibrated default.
    pub const DEFAULT: WorkFactor = WorkFactor(None);

    /// The chosen log2 of N, or `None` for age's calibration.
    pub fn value(self) -> Option<u8> {
        self.0
    }

    /// scrypt with N = 2^log_n. Values outside 1..=30 fall back to the default.
    pub fn log_n(log_n: u8) -> WorkFactor {
        if (1..=30).contains(&log_n) {
            WorkFactor(Some(log_n))
        } else {
            WorkFactor(None)
        }
    }
}

/// Why a key file could not be read or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeyFileError {
    /// The passphrase does not open the key file. A damaged passphrase stanza
    /// looks the same, on purpose: age can't tell them apart either.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// The file is not an age file, or is truncated or damaged.
    #[error("key.age is damaged ({0})")]
    Damaged(String),
    /// The file was written with more scrypt work than this machine allows.
    #[error("key.age asks for scrypt work factor {required}, more than this machine accepts (about {target})")]
    ExcessiveWork { required: u8, target: u8 },
    /// Reading or writing failed.
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// The secrets of a vault. Not `Debug`, not `Clone`; zeroized on drop.
#[derive(Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct KeyMaterial {
    pub vault_id: [u8; 16],
    pub vault_key: [u8; 32],
    /// minisign secret key in its unencrypted binary form.
    pub signing_secret: Vec<u8>,
    /// minisign public key in its binary form.
    pub signing_public: Vec<u8>,
    /// age X25519 identity, `AGE-SECRET-KEY-1…`.
    pub age_identity: String,
}

impl KeyMaterial {
    /// Fresh keys for a new vault.
    pub fn generate() -> Result<KeyMaterial, KeyFileError> {
        let mut vault_id = [0u8; 16];
        let mut vault_key = [0u8; 32];
        OsRng.fill_bytes(&mut vault_id);
        OsRng.fill_bytes(&mut vault_key);
        let pair = minisign::KeyPair::generate_unencrypted_keypair()
            .map_err(|e| KeyFileError::Io(io::Error::other(e.to_string())))?;
        let identity = age::x25519::Identity::generate();
        Ok(KeyMaterial {
            vault_id,
            vault_key,
            signing_secret: pair.sk.to_bytes(),
            signing_public: pair.pk.to_bytes(),
            age_identity: identity.to_string().expose_secret().to_owned(),
        })
    }

    /// Encrypts to the passphrase and writes `path` atomically: a temporary
    /// file in the same directory, synced, then renamed over the old one.
    pub fn write(
        &self,
        path: &Path,
        passphrase: &SecretString,
        work: WorkFactor,
    ) -> Result<(), KeyFileError> {
        let plaintext = codec::encode(self).map_err(|e| KeyFileError::Damaged(e.to_string()))?;
        let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
        if let WorkFactor(Some(log_n)) = work {
            recipient.set_work_factor(log_n);
        }
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .map_err(|e| KeyFileError::Io(io::Error::other(e.to_string())))?;
        let mut sealed = Vec::with_capacity(plaintext.len() + 256);
        let mut writer = encryptor.wrap_output(&mut sealed)?;
        writer.write_all(&plaintext)?;
        writer.finish()?;
        write_atomically(path, &sealed)?;
        Ok(())
    }

    /// Reads and decrypts `path`. This is the slow step of unlocking.
    pub fn read(path: &Path, passphrase: &SecretString) -> Result<KeyMaterial, KeyFileError> {
        let mut sealed = Vec::new();
        fs::File::open(path)?
            .take(MAX_KEY_FILE_BYTES)
            .read_to_end(&mut sealed)?;
        let decryptor = age::Decryptor::new_buffered(&sealed[..]).map_err(map_decrypt_error)?;
        if !decryptor.is_scrypt() {
            return Err(KeyFileError::Damaged(
                "not encrypted to a passphrase".to_owned(),
            ));
        }
        let identity = age::scrypt::Identity::new(passphrase.clone());
        let mut reader = decryptor
            .decrypt(std::iter::once(&identity as &dyn age::Identity))
            .map_err(map_decrypt_error)?;
        let mut plaintext = Zeroizing::new(Vec::new());
        reader
            .read_to_end(&mut plaintext)
            .map_err(|_| KeyFileError::Damaged("its contents do not decrypt".to_owned()))?;
        let material: KeyMaterial = codec::decode(&plaintext)
            .map_err(|e| KeyFileError::Damaged(format!("its contents do not decode: {e}")))?;
        Ok(material)
    }
}

fn map_decrypt_error(error: age::DecryptError) -> KeyFileError {
    use age::DecryptError as E;
    match error {
        E::DecryptionFailed | E::KeyDecryptionFailed | E::NoMatchingKeys => {
            KeyFileError::WrongPassphrase
        }
        E::ExcessiveWork { required, target } => KeyFileError::ExcessiveWork { required, target },
        E::InvalidHeader => KeyFileError::Damaged("its header is invalid".to_owned()),
        E::InvalidMac => KeyFileError::Damaged("its header fails its check".to_owned()),
        E::UnknownFormat => KeyFileError::Damaged("not an age file".to_owned()),
        E::Io(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
            KeyFileError::Damaged("it is truncated".to_owned())
        }
        E::Io(e) => KeyFileError::Damaged(e.to_string()),
    }
}

/// Replaces `path` with `contents` so that a crash leaves either the old file
/// or the new one, never a mix. The file is readable by its owner only.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".key-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Makes a rename or removal in `dir` durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(text: &str) -> SecretString {
        SecretString::from(text.to_owned())
    }

    #[test]
    fn keys_round_trip_and_a_wrong_passphrase_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key.age");
        let keys = KeyMaterial::generate().unwrap();
        keys.write(&path, &pass("correct horse"), WorkFactor::log_n(4))
            .unwrap();
        let back = KeyMaterial::read(&path, &pass("correct horse")).unwrap();
        assert_eq!(back.vault_key, keys.vault_key);
        assert_eq!(back.vault_id, keys.vault_id);
        assert_eq!(back.signing_secret, keys.signing_secret);
        assert_eq!(back.age_identity, keys.age_identity);
        assert!(back.age_identity.starts_with("AGE-SECRET-KEY-1"));
        assert!(matches!(
            KeyMaterial::read(&path, &pass("wrong horse")),
            Err(KeyFileError::WrongPassphrase)
        ));
    }

    #[test]
    fn truncated_and_damaged_files_are_reported_as_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key.age");
        KeyMaterial::generate()
            .unwrap()
            .write(&path, &pass("pw"), WorkFactor::log_n(4))
            .unwrap();
        let good = fs::read(&path).unwrap();
        for cut in [0, 10, 40, good.len() - 20, good.len() - 1] {
            fs::write(&path, &good[..cut]).unwrap();
            let result = KeyMaterial::read(&path, &pass("pw"));
            assert!(
                matches!(result, Err(KeyFileError::Damaged(_))),
                "cut at {cut}: {:?}",
                result.err()
            );
        }
        let mut flipped = good.clone();
        let last = flipped.len() - 5;
        flipped[last] ^= 0x40;
        fs::write(&path, &flipped).unwrap();
        assert!(matches!(
            KeyMaterial::read(&path, &pass("pw")),
            Err(KeyFileError::Damaged(_))
        ));
    }

    #[test]
    fn minisign_keys_survive_the_round_trip() {
        let keys = KeyMaterial::generate().unwrap();
        let secret = minisign::SecretKey::from_bytes(&keys.signing_secret).unwrap();
        let public = minisign::PublicKey::from_bytes(&keys.signing_public).unwrap();
        let signature =
            minisign::sign(Some(&public), &secret, &b"a referral"[..], None, None).unwrap();
        minisign::verify(
            &public,
            &signature,
            std::io::Cursor::new(b"a referral"),
            true,
            false,
            false,
        )
        .unwrap();
    }
}
