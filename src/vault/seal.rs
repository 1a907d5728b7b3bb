//! Sealing and opening of the values stored in the database.
//!
//! A sealed value is `[2][24-byte random nonce][XChaCha20-Poly1305 ciphertext
//! and tag]`. The envelope version, the tree name and the value's key are the
//! associated data, so a value moved to another slot or another tree no
//! longer opens, and a value cannot pass for one of the older envelope. Inside
//! the ciphertext is the plaintext's length (four bytes, little-endian), the
//! plaintext, and zeros up to a multiple of [`PAD_UNIT`]: sizes on disk say
//! little about how much a value holds. Record keys are slots: a keyed hash of
//! the record id, so nothing about a record, not even its id, can be read
//! from the database without the vault key.
//!
//! Envelope 1 (format 1 vaults, before padding) is still opened, only to
//! migrate such a vault: it had no length, no padding, and the tree name and
//! key alone as associated data.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use rand::{rngs::OsRng, RngCore};
use sha2::{Digest as _, Sha256};
use uuid::Uuid;
use zeroize::Zeroizing;

/// The envelope this build writes.
const ENVELOPE_VERSION: u8 = 2;
/// The envelope of format 1 vaults, read only to migrate them.
const LEGACY_ENVELOPE: u8 = 1;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
const LENGTH_LEN: usize = 4;

/// How many buckets records are spread over (see `store`).
pub const BUCKETS: u16 = 4096;

/// Every sealed plaintext, with its length, is padded with zeros to a
/// multiple of this many bytes. Two records (about 360 bytes each, encoded)
/// fit in one unit, and with a few hundred records in 4,096 buckets hardly
/// any bucket holds three, so such a vault's buckets are all the size of
/// empty ones. The cost is about 11 MB of disk for an empty vault (half that
/// at 512 bytes, which would show every bucket holding two records).
pub const PAD_UNIT: usize = 1024;

/// Bytes a sealed value adds around its padded plaintext.
pub const OVERHEAD: usize = 1 + NONCE_LEN + TAG_LEN;

/// What names a sealed value among all those the vault ever wrote: the
/// first 16 bytes of the SHA-256 of the whole sealed value. Every seal draws
/// a fresh nonce, so every write of a value has a digest of its own.
pub type Digest = [u8; 16];

/// The [`Digest`] of a sealed value.
pub fn digest(sealed: &[u8]) -> Digest {
    let full = Sha256::digest(sealed);
    let mut digest = [0u8; 16];
    digest.copy_from_slice(&full[..16]);
    digest
}

/// Whether `sealed` is in the envelope this build writes: a format 1 vault
/// holding one was changed by something that is not an older pamphlet.
pub fn is_current(sealed: &[u8]) -> bool {
    sealed.first() == Some(&ENVELOPE_VERSION)
}

fn padded_len(plaintext_len: usize) -> usize {
    (LENGTH_LEN + plaintext_len).div_ceil(PAD_UNIT) * PAD_UNIT
}

/// A sealed value that did not open: damaged, moved, or sealed under another
/// key. Deliberately without detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("sealed value does not open")]
pub struct OpenError;

/// The keys derived from the vault key. Not `Debug`, not `Clone`.
pub struct Sealer {
    aead: XChaCha20Poly1305,
    /// HMAC-SHA256 takes a key of one block, 64 bytes.
    slot_key: Zeroizing<[u8; 64]>,
}

impl Sealer {
    /// Derives the sealing and slot keys from the vault key, bound to the
    /// vault id so that two vaults never share derived keys.
    pub fn new(vault_key: &[u8; 32], vault_id: &[u8; 16]) -> Sealer {
        let hkdf = Hkdf::<Sha256>::new(Some(vault_id), vault_key);
        let mut seal_key = Zeroizing::new([0u8; 32]);
        let mut slot_key = Zeroizing::new([0u8; 64]);
        // 32 and 64 bytes are far below HKDF-SHA256's limit: expand can't fail.
        let _ = hkdf.expand(b"pamphlet/seal/v1", seal_key.as_mut_slice());
        let _ = hkdf.expand(b"pamphlet/slot/v1", slot_key.as_mut_slice());
        Sealer {
            aead: XChaCha20Poly1305::new(seal_key.as_slice().into()),
            slot_key,
        }
    }

    /// The database key under which a record with this id is stored.
    pub fn slot(&self, id: &Uuid) -> [u8; 16] {
        let mut mac = <Hmac<Sha256> as KeyInit>::new(self.slot_key.as_slice().into());
        mac.update(id.as_bytes());
        let digest = mac.finalize().into_bytes();
        let mut slot = [0u8; 16];
        slot.copy_from_slice(&digest[..16]);
        slot
    }

    /// The bucket a record with this id is stored in: the first twelve bits
    /// of its slot.
    pub fn bucket(&self, id: &Uuid) -> u16 {
        let slot = self.slot(id);
        u16::from_be_bytes([slot[0], slot[1]]) % BUCKETS
    }

    /// Seals `plaintext`, padded, for the slot `key` of `tree`.
    pub fn seal(&self, tree: &str, key: &[u8], plaintext: &[u8]) -> Vec<u8> {
        // Values are far below 4 GiB (the codec caps them at 64 MiB).
        let length = u32::try_from(plaintext.len()).unwrap_or(u32::MAX);
        let mut padded = Zeroizing::new(Vec::with_capacity(padded_len(plaintext.len())));
        padded.extend_from_slice(&length.to_le_bytes());
        padded.extend_from_slice(plaintext);
        padded.resize(padded_len(plaintext.len()), 0);
        self.seal_envelope(ENVELOPE_VERSION, tree, key, &padded)
    }

    fn seal_envelope(&self, version: u8, tree: &str, key: &[u8], plaintext: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        OsRng.fill_bytes(&mut nonce);
        let aad = associated_data(version, tree, key);
        let payload = Payload {
            msg: plaintext,
            aad: &aad,
        };
        // XChaCha20-Poly1305 only fails for messages beyond 256 GiB.
        let ciphertext = self
            .aead
            .encrypt(XNonce::from_slice(&nonce), payload)
            .unwrap_or_default();
        let mut out = Vec::with_capacity(1 + NONCE_LEN + ciphertext.len());
        out.push(version);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ciphertext);
        out
    }

    /// Opens a value sealed by `seal` for the same tree and key, and takes
    /// off its padding.
    pub fn open(
        &self,
        tree: &str,
        key: &[u8],
        sealed: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, OpenError> {
        let mut padded = self.open_envelope(ENVELOPE_VERSION, tree, key, sealed)?;
        let length = match padded.get(..LENGTH_LEN) {
            Some(&[a, b, c, d]) => usize::try_from(u32::from_le_bytes([a, b, c, d])),
            _ => return Err(OpenError),
        };
        let end = match length {
            Ok(length) if length <= padded.len() - LENGTH_LEN => LENGTH_LEN + length,
            _ => return Err(OpenError),
        };
        // Authenticated, so only pamphlet wrote it; still, one padding only.
        if padded[end..].iter().any(|byte| *byte != 0)
            || padded.len() != padded_len(end - LENGTH_LEN)
        {
            return Err(OpenError);
        }
        padded.copy_within(LENGTH_LEN..end, 0);
        padded.truncate(end - LENGTH_LEN);
        Ok(padded)
    }

    /// Opens a value of a format 1 vault (envelope 1), to migrate it.
    pub fn open_legacy(
        &self,
        tree: &str,
        key: &[u8],
        sealed: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, OpenError> {
        self.open_envelope(LEGACY_ENVELOPE, tree, key, sealed)
    }

    fn open_envelope(
        &self,
        version: u8,
        tree: &str,
        key: &[u8],
        sealed: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, OpenError> {
        if sealed.len() < OVERHEAD || sealed[0] != version {
            return Err(OpenError);
        }
        let (nonce, ciphertext) = sealed[1..].split_at(NONCE_LEN);
        let aad = associated_data(version, tree, key);
        let payload = Payload {
            msg: ciphertext,
            aad: &aad,
        };
        self.aead
            .decrypt(XNonce::from_slice(nonce), payload)
            .map(Zeroizing::new)
            .map_err(|_| OpenError)
    }

    /// Seals as a format 1 vault did, for tests that build one.
    #[cfg(test)]
    pub(crate) fn seal_legacy(&self, tree: &str, key: &[u8], plaintext: &[u8]) -> Vec<u8> {
        self.seal_envelope(LEGACY_ENVELOPE, tree, key, plaintext)
    }
}

/// Envelope 1 binds the tree and key; envelope 2 binds its version too.
fn associated_data(version: u8, tree: &str, key: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(1 + tree.len() + 1 + key.len());
    if version != LEGACY_ENVELOPE {
        aad.push(version);
    }
    aad.extend_from_slice(tree.as_bytes());
    aad.push(0);
    aad.extend_from_slice(key);
    aad
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sealer() -> Sealer {
        Sealer::new(&[7; 32], &[1; 16])
    }

    /// The length a sealed value of `plaintext_len` bytes has on disk.
    fn sealed_len(plaintext_len: usize) -> usize {
        padded_len(plaintext_len) + OVERHEAD
    }

    #[test]
    fn a_value_opens_only_in_its_own_slot_and_tree() {
        let sealer = sealer();
        let sealed = sealer.seal("records", b"slot-a", b"Clinica Libre");
        assert_eq!(sealed.len(), OVERHEAD + PAD_UNIT);
        assert_eq!(
            sealer
                .open("records", b"slot-a", &sealed)
                .unwrap()
                .as_slice(),
            b"Clinica Libre"
        );
        assert_eq!(sealer.open("records", b"slot-b", &sealed), Err(OpenError));
        assert_eq!(sealer.open("meta", b"slot-a", &sealed), Err(OpenError));
        let other = Sealer::new(&[8; 32], &[1; 16]);
        assert_eq!(other.open("records", b"slot-a", &sealed), Err(OpenError));
    }

    #[test]
    fn the_same_plaintext_seals_differently_each_time() {
        let sealer = sealer();
        assert_ne!(
            sealer.seal("t", b"k", b"same"),
            sealer.seal("t", b"k", b"same")
        );
    }

    #[test]
    fn slots_depend_on_the_id_and_the_vault() {
        let id = Uuid::from_bytes([3; 16]);
        let sealer = sealer();
        assert_eq!(sealer.slot(&id), sealer.slot(&id));
        assert_ne!(sealer.slot(&id), sealer.slot(&Uuid::from_bytes([4; 16])));
        assert_ne!(sealer.slot(&id), Sealer::new(&[7; 32], &[2; 16]).slot(&id));
        assert_ne!(&sealer.slot(&id), id.as_bytes());
    }

    #[test]
    fn sizes_on_disk_come_in_whole_units() {
        let sealer = sealer();
        let empty = sealer.seal("records", b"k", b"");
        let almost_full = sealer.seal("records", b"k", &[7; PAD_UNIT - LENGTH_LEN]);
        let one_more = sealer.seal("records", b"k", &[7; PAD_UNIT - LENGTH_LEN + 1]);
        assert_eq!(empty.len(), OVERHEAD + PAD_UNIT);
        assert_eq!(almost_full.len(), empty.len());
        assert_eq!(one_more.len(), OVERHEAD + 2 * PAD_UNIT);
        assert_eq!(sealed_len(PAD_UNIT - LENGTH_LEN + 1), one_more.len());
        assert_eq!(sealer.open("records", b"k", &empty).unwrap().len(), 0);
    }

    #[test]
    fn the_two_envelopes_never_pass_for_each_other() {
        let sealer = sealer();
        let legacy = sealer.seal_legacy("records", b"k", b"Casa Puente");
        assert_eq!(
            sealer
                .open_legacy("records", b"k", &legacy)
                .unwrap()
                .as_slice(),
            b"Casa Puente"
        );
        assert_eq!(sealer.open("records", b"k", &legacy), Err(OpenError));
        assert!(!is_current(&legacy));

        let current = sealer.seal("records", b"k", b"Casa Puente");
        assert!(is_current(&current));
        assert_eq!(
            sealer.open_legacy("records", b"k", &current),
            Err(OpenError)
        );
        // Relabelled as envelope 1, the version in the associated data no
        // longer matches.
        let mut relabelled = current.clone();
        relabelled[0] = LEGACY_ENVELOPE;
        assert_eq!(
            sealer.open_legacy("records", b"k", &relabelled),
            Err(OpenError)
        );
    }

    #[test]
    fn every_write_has_a_digest_of_its_own() {
        let sealer = sealer();
        let first = sealer.seal("records", b"k", b"same");
        let second = sealer.seal("records", b"k", b"same");
        assert_eq!(digest(&first), digest(&first));
        assert_ne!(digest(&first), digest(&second));
    }

    proptest! {
        #[test]
        fn any_length_round_trips_padded(length in 0usize..1600) {
            let sealer = sealer();
            let plaintext: Vec<u8> = (0..length).map(|i| (i % 251) as u8 + 1).collect();
            let sealed = sealer.seal("meta", b"trust", &plaintext);
            prop_assert_eq!(sealed.len(), sealed_len(length));
            prop_assert_eq!((sealed.len() - OVERHEAD) % PAD_UNIT, 0);
            let opened = sealer.open("meta", b"trust", &sealed).unwrap();
            prop_assert_eq!(opened.as_slice(), plaintext.as_slice());
        }

        #[test]
        fn every_flipped_bit_is_detected(plaintext in proptest::collection::vec(any::<u8>(), 0..64), at in any::<usize>(), bit in 0u8..8) {
            let sealer = sealer();
            let mut sealed = sealer.seal("records", b"k", &plaintext);
            let opened = sealer.open("records", b"k", &sealed).unwrap();
            prop_assert_eq!(opened.as_slice(), plaintext.as_slice());
            let at = at % sealed.len();
            sealed[at] ^= 1 << bit;
            prop_assert_eq!(sealer.open("records", b"k", &sealed), Err(OpenError));
        }

        #[test]
        fn truncation_is_detected(plaintext in proptest::collection::vec(any::<u8>(), 0..64), cut in any::<usize>()) {
            let sealer = sealer();
            let sealed = sealer.seal("records", b"k", &plaintext);
            let cut = cut % sealed.len();
            prop_assert_eq!(sealer.open("records", b"k", &sealed[..cut]), Err(OpenError));
        }
    }
}
