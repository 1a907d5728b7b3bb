//! `key.age`: the one small file that makes a vault readable.
//!
//! It is an age file encrypted to the organizer's passphrase (scrypt). Inside
//! is the codec-encoded `KeyMaterial`: the 32-byte vault key, the vault id it
//! belongs to, the organizer's minisign signing key and age X25519 identity.
//! Destroying this file destroys the vault; changing the passphrase rewrites
//! only this file, atomically. A rekey makes new keys with the same signing
//! key and identity (see `KeyMaterial::rotated`). Writing and destroying key
//! files is `files`' job.

use std::fs;
use std::io::{self, Cursor, Read, Write};
use std::path::Path;

use age::secrecy::{ExposeSecret, SecretString};
use rand::{rngs::OsRng, RngCore};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::codec::{self, CodecError};

/// The most we read of a key file; a real one is well under 1 KiB.
const MAX_KEY_FILE_BYTES: u64 = 64 * 1024;

/// The untrusted comment of every signature a vault makes.
const UNTRUSTED_COMMENT: &str = "signature from pamphlet";

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
    /// The file is not an age file, or is truncated or damaged; [`KeyDamage`]
    /// says how, as the source only. The message is the same whatever the
    /// damage: what a damaged file decodes to (a "format version" read from
    /// garbage, say) means nothing to the person reading it, and tells
    /// anyone who planted the file how far it got.
    #[error("key.age is damaged")]
    Damaged(#[source] KeyDamage),
    /// The file was written with more scrypt work than this machine allows.
    #[error("key.age asks for scrypt work factor {required}, more than this machine accepts (about {target})")]
    ExcessiveWork { required: u8, target: u8 },
    /// Fresh keys could not be made (minisign's generator failed).
    #[error("new keys could not be generated")]
    Generate(#[source] minisign::PError),
    /// The keys could not be encoded (a bug, not bad input).
    #[error("the keys could not be encoded: {0}")]
    Encode(#[source] CodecError),
    /// age refused to encrypt to the passphrase.
    #[error("key.age could not be encrypted")]
    Encrypt(#[source] age::EncryptError),
    /// Reading or writing failed.
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// How a key file is damaged. age's and the decoder's errors are kept as
/// sources; the messages say which layer failed, never what it held.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeyDamage {
    /// age could not read the header: not an age file, a header that fails
    /// its check, or a file cut short.
    #[error("{}", header_problem(.0))]
    Header(#[source] age::DecryptError),
    /// An age file, but encrypted to something other than a passphrase.
    #[error("not encrypted to a passphrase")]
    NotPassphrase,
    /// The header opened, the contents after it do not: damaged or cut.
    #[error("its contents do not decrypt")]
    Contents(#[source] io::Error),
    /// Decrypted, but not keys this pamphlet reads.
    #[error("its contents do not decode: {0}")]
    Decode(#[source] CodecError),
    /// The age identity inside does not parse.
    #[error("its age identity does not parse")]
    AgeIdentity,
    /// The minisign public key inside does not parse.
    #[error("its signing key does not parse")]
    SigningKey(#[source] minisign::PError),
}

/// What went wrong with a key file's header, in the words of the message.
fn header_problem(error: &age::DecryptError) -> String {
    use age::DecryptError as E;
    match error {
        E::InvalidHeader => "its header is invalid".to_owned(),
        E::InvalidMac => "its header fails its check".to_owned(),
        E::UnknownFormat => "not an age file".to_owned(),
        E::Io(e) if e.kind() == io::ErrorKind::UnexpectedEof => "it is truncated".to_owned(),
        E::Io(e) => e.to_string(),
        other => other.to_string(),
    }
}

/// The secrets of a vault. Not `Debug`, not `Clone`; zeroized on drop. Its
/// fields are private: a vault signs and decrypts through methods of
/// [`Vault`](super::Vault), and nothing hands the secrets out.
#[derive(Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct KeyMaterial {
    vault_id: [u8; 16],
    vault_key: [u8; 32],
    /// minisign secret key in its unencrypted binary form.
    signing_secret: Vec<u8>,
    /// minisign public key in its binary form.
    signing_public: Vec<u8>,
    /// age X25519 identity, `AGE-SECRET-KEY-1…`.
    age_identity: String,
}

/// The keys of an unlocked vault in their working form, parsed once.
pub(super) struct Parsed {
    /// Opens bundles sent to this vault. Not `Debug`; zeroized on drop.
    pub(super) identity: age::x25519::Identity,
    pub(super) signer: minisign::PublicKey,
}

impl KeyMaterial {
    /// Fresh keys for a new vault.
    pub fn generate() -> Result<KeyMaterial, KeyFileError> {
        let mut vault_id = [0u8; 16];
        OsRng.fill_bytes(&mut vault_id);
        KeyMaterial::generate_claiming(vault_id)
    }

    /// Fresh keys that claim to belong to the vault `vault_id`: what someone
    /// holding a copy of `db/` but not `key.age` could make. For tests of
    /// exactly that.
    #[doc(hidden)]
    pub fn generate_claiming(vault_id: [u8; 16]) -> Result<KeyMaterial, KeyFileError> {
        let mut vault_key = [0u8; 32];
        OsRng.fill_bytes(&mut vault_key);
        let pair =
            minisign::KeyPair::generate_unencrypted_keypair().map_err(KeyFileError::Generate)?;
        let identity = age::x25519::Identity::generate();
        Ok(KeyMaterial {
            vault_id,
            vault_key,
            signing_secret: pair.sk.to_bytes(),
            signing_public: pair.pk.to_bytes(),
            age_identity: identity.to_string().expose_secret().to_owned(),
        })
    }

    /// The vault these keys belong to. Not secret: the database stores it
    /// in the clear.
    pub fn vault_id(&self) -> [u8; 16] {
        self.vault_id
    }

    /// The key every sealing key is derived from.
    pub(super) fn vault_key(&self) -> &[u8; 32] {
        &self.vault_key
    }

    /// The age identity and the minisign public key, parsed.
    pub(super) fn parse(&self) -> Result<Parsed, KeyFileError> {
        let identity = self
            .age_identity
            .parse::<age::x25519::Identity>()
            .map_err(|_| KeyFileError::Damaged(KeyDamage::AgeIdentity))?;
        let signer = minisign::PublicKey::from_bytes(&self.signing_public)
            .map_err(|e| KeyFileError::Damaged(KeyDamage::SigningKey(e)))?;
        Ok(Parsed { identity, signer })
    }

    /// A minisign signature of `data` with `trusted_comment`, by `signer`
    /// (this vault's public key, from [`KeyMaterial::parse`]).
    pub(super) fn sign(
        &self,
        signer: &minisign::PublicKey,
        data: &[u8],
        trusted_comment: &str,
    ) -> Result<minisign::SignatureBox, minisign::PError> {
        // minisign 0.7's SecretKey has no zeroizing Drop; it lives only for
        // this call, and the bytes it came from are zeroized with the keys.
        let secret = minisign::SecretKey::from_bytes(&self.signing_secret)?;
        minisign::sign(
            Some(signer),
            &secret,
            Cursor::new(data),
            Some(trusted_comment),
            Some(UNTRUSTED_COMMENT),
        )
    }

    /// The same signing key and age identity (people who trust this vault
    /// need do nothing) with a new vault key and a new vault id: what a
    /// rekey switches to.
    pub(super) fn rotated(&self) -> KeyMaterial {
        let mut vault_id = [0u8; 16];
        OsRng.fill_bytes(&mut vault_id);
        let mut vault_key = [0u8; 32];
        OsRng.fill_bytes(&mut vault_key);
        KeyMaterial {
            vault_id,
            vault_key,
            signing_secret: self.signing_secret.clone(),
            signing_public: self.signing_public.clone(),
            age_identity: self.age_identity.clone(),
        }
    }

    /// The contents of a key file: these keys encrypted to the passphrase.
    /// Slow on purpose (scrypt). The vault writes them through
    /// `files::install`, which a concurrent `wipe` cannot outrun.
    pub(super) fn wrap(
        &self,
        passphrase: &SecretString,
        work: WorkFactor,
    ) -> Result<Vec<u8>, KeyFileError> {
        let plaintext = codec::encode(self).map_err(KeyFileError::Encode)?;
        let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
        if let WorkFactor(Some(log_n)) = work {
            recipient.set_work_factor(log_n);
        }
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .map_err(KeyFileError::Encrypt)?;
        let mut sealed = Vec::with_capacity(plaintext.len() + 256);
        let mut writer = encryptor.wrap_output(&mut sealed)?;
        writer.write_all(&plaintext)?;
        writer.finish()?;
        Ok(sealed)
    }

    /// Reads and decrypts `path`. This is the slow step of unlocking.
    pub fn read(path: &Path, passphrase: &SecretString) -> Result<KeyMaterial, KeyFileError> {
        KeyMaterial::read_capped(path, passphrase, None)
    }

    /// `read`, refusing from the header a file that asks for more scrypt
    /// work than `max_log_n` (age's own bound, four steps above this
    /// machine's calibration, when `None`).
    pub(super) fn read_capped(
        path: &Path,
        passphrase: &SecretString,
        max_log_n: Option<u8>,
    ) -> Result<KeyMaterial, KeyFileError> {
        let mut sealed = Vec::new();
        fs::File::open(path)?
            .take(MAX_KEY_FILE_BYTES)
            .read_to_end(&mut sealed)?;
        let decryptor = age::Decryptor::new_buffered(&sealed[..]).map_err(map_decrypt_error)?;
        if !decryptor.is_scrypt() {
            return Err(KeyFileError::Damaged(KeyDamage::NotPassphrase));
        }
        let mut identity = age::scrypt::Identity::new(passphrase.clone());
        if let Some(max) = max_log_n {
            identity.set_max_work_factor(max);
        }
        let mut reader = decryptor
            .decrypt(std::iter::once(&identity as &dyn age::Identity))
            .map_err(map_decrypt_error)?;
        let mut plaintext = Zeroizing::new(Vec::new());
        reader
            .read_to_end(&mut plaintext)
            .map_err(|e| KeyFileError::Damaged(KeyDamage::Contents(e)))?;
        let material: KeyMaterial =
            codec::decode(&plaintext).map_err(|e| KeyFileError::Damaged(KeyDamage::Decode(e)))?;
        Ok(material)
    }
}

/// The most scrypt work a rekey's `key.next.age` may ask for, beside a
/// `key.age` whose contents are `key_file`: as much as `key.age` asks, or
/// the cap on bundles (20: 1 GiB, about 4 s), whichever is more. A rekey
/// writes no more than this, so the key file it leaves always opens; one
/// planted beside the vault cannot make each unlock spend seconds and
/// gigabytes on it.
pub(super) fn next_key_cap(key_file: &[u8]) -> u8 {
    use crate::scrypt::{scrypt_work_factor, MAX_SCRYPT_LOG_N};
    scrypt_work_factor(key_file).map_or(MAX_SCRYPT_LOG_N, |log_n| log_n.max(MAX_SCRYPT_LOG_N))
}

/// Whether two secrets (typed passphrases, say) are equal, compared in
/// constant time: how long it takes says at most whether the lengths
/// differ, never where the first difference is.
pub fn same_secret(a: &[u8], b: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    a.ct_eq(b).into()
}

fn map_decrypt_error(error: age::DecryptError) -> KeyFileError {
    use age::DecryptError as E;
    match error {
        E::DecryptionFailed | E::KeyDecryptionFailed | E::NoMatchingKeys => {
            KeyFileError::WrongPassphrase
        }
        E::ExcessiveWork { required, target } => KeyFileError::ExcessiveWork { required, target },
        other => KeyFileError::Damaged(KeyDamage::Header(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fsio::{self, IfExists};

    fn pass(text: &str) -> SecretString {
        SecretString::from(text.to_owned())
    }

    impl KeyMaterial {
        fn write(
            &self,
            path: &Path,
            passphrase: &SecretString,
            work: WorkFactor,
        ) -> Result<(), KeyFileError> {
            fsio::write_atomically(path, &self.wrap(passphrase, work)?, IfExists::Replace)?;
            Ok(())
        }
    }

    #[test]
    fn rotated_keys_keep_the_identity_and_change_the_vault_key_and_id() {
        let keys = KeyMaterial::generate().unwrap();
        let next = keys.rotated();
        assert_ne!(next.vault_key, keys.vault_key);
        assert_ne!(next.vault_id, keys.vault_id);
        assert_eq!(next.signing_secret, keys.signing_secret);
        assert_eq!(next.signing_public, keys.signing_public);
        assert_eq!(next.age_identity, keys.age_identity);
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
    fn damage_says_which_layer_and_keeps_ages_error_as_its_source() {
        use std::error::Error;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key.age");
        KeyMaterial::generate()
            .unwrap()
            .write(&path, &pass("pw"), WorkFactor::log_n(4))
            .unwrap();
        let good = fs::read(&path).unwrap();

        fs::write(&path, &good[..10]).unwrap();
        let error = KeyMaterial::read(&path, &pass("pw")).err().unwrap();
        assert_eq!(
            (error.to_string(), error.source().map(|s| s.to_string())),
            (
                "key.age is damaged".to_owned(),
                Some("it is truncated".to_owned())
            )
        );
        let damage = error.source().unwrap();
        assert!(damage.downcast_ref::<KeyDamage>().is_some());
        let age_error = damage.source().unwrap();
        assert!(age_error.downcast_ref::<age::DecryptError>().is_some());

        fs::write(&path, b"not an age file at all\n").unwrap();
        let error = KeyMaterial::read(&path, &pass("pw")).err().unwrap();
        assert_eq!(
            (error.to_string(), error.source().map(|s| s.to_string())),
            (
                "key.age is damaged".to_owned(),
                Some("its header is invalid".to_owned())
            )
        );

        fs::write(&path, &good[..good.len() - 1]).unwrap();
        let error = KeyMaterial::read(&path, &pass("pw")).err().unwrap();
        assert!(
            matches!(error, KeyFileError::Damaged(KeyDamage::Contents(_))),
            "{error}"
        );
        assert_eq!(
            (error.to_string(), error.source().map(|s| s.to_string())),
            (
                "key.age is damaged".to_owned(),
                Some("its contents do not decrypt".to_owned())
            )
        );
    }

    #[test]
    fn keys_that_do_not_parse_are_named_damaged() {
        use std::error::Error;
        let mut keys = KeyMaterial::generate().unwrap();
        assert!(keys.parse().is_ok());
        keys.age_identity = "AGE-SECRET-KEY-1NOTANIDENTITY".to_owned();
        assert!(matches!(
            keys.parse(),
            Err(KeyFileError::Damaged(KeyDamage::AgeIdentity))
        ));
        let mut keys = KeyMaterial::generate().unwrap();
        keys.signing_public.truncate(5);
        let error = keys.parse().err().unwrap();
        assert!(
            matches!(error, KeyFileError::Damaged(KeyDamage::SigningKey(_))),
            "{error}"
        );
        assert_eq!(
            (error.to_string(), error.source().map(|s| s.to_string())),
            (
                "key.age is damaged".to_owned(),
                Some("its signing key does not parse".to_owned())
            )
        );
    }

    #[test]
    fn rewriting_the_key_file_leaves_only_it_and_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key.age");
        let keys = KeyMaterial::generate().unwrap();
        keys.write(&path, &pass("first"), WorkFactor::log_n(4))
            .unwrap();
        keys.write(&path, &pass("second"), WorkFactor::log_n(4))
            .unwrap();
        assert!(matches!(
            KeyMaterial::read(&path, &pass("first")),
            Err(KeyFileError::WrongPassphrase)
        ));
        let back = KeyMaterial::read(&path, &pass("second")).unwrap();
        assert_eq!(back.vault_key, keys.vault_key);
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["key.age"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
        }
    }

    #[test]
    fn a_signature_verifies_with_the_public_key_and_carries_its_comment() {
        let keys = KeyMaterial::generate().unwrap();
        let parsed = keys.parse().unwrap();
        let signature = keys
            .sign(&parsed.signer, b"a referral", "bundle 7")
            .unwrap();
        assert_eq!(signature.trusted_comment().unwrap(), "bundle 7");
        assert_eq!(
            signature.untrusted_comment().unwrap(),
            "signature from pamphlet"
        );
        let verify = |data: &[u8]| {
            minisign::verify(
                &parsed.signer,
                &signature,
                Cursor::new(data),
                true,
                false,
                false,
            )
        };
        assert!(verify(b"a referral").is_ok());
        assert!(verify(b"a referral!").is_err());
        let other = KeyMaterial::generate().unwrap().parse().unwrap();
        assert!(minisign::verify(
            &other.signer,
            &signature,
            Cursor::new(b"a referral"),
            true,
            false,
            false
        )
        .is_err());
    }

    #[test]
    fn secrets_compare_by_every_byte_and_length() {
        assert!(same_secret(b"meeting passphrase", b"meeting passphrase"));
        assert!(!same_secret(b"meeting passphrase", b"meeting passphrasE"));
        assert!(!same_secret(b"Meeting passphrase", b"meeting passphrase"));
        assert!(!same_secret(b"meeting", b"meeting passphrase"));
        assert!(!same_secret(b"meeting passphrase", b""));
        assert!(same_secret(b"", b""));
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
