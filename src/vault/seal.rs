//! Sealing and opening of the values stored in the database.
//!
//! A sealed value is `[1][24-byte random nonce][XChaCha20-Poly1305 ciphertext
//! and tag]`. The tree name and the value's key are the associated data, so a
//! value moved to another slot or another tree no longer opens. Record keys
//! are slots: a keyed hash of the record id, so nothing about a record, not
//! even its id, can be read from the database without the vault key.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use rand::{rngs::OsRng, RngCore};
use sha2::Sha256;
use uuid::Uuid;
use zeroize::Zeroizing;

const ENVELOPE_VERSION: u8 = 1;
const NONCE_LEN: usize = 24;

/// How many buckets records are spread over (see `store`).
pub const BUCKETS: u16 = 4096;

/// Bytes a sealed value adds to its plaintext.
pub const OVERHEAD: usize = 1 + NONCE_LEN + 16;

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

    /// Seals `plaintext` for the slot `key` of `tree`.
    pub fn seal(&self, tree: &str, key: &[u8], plaintext: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        OsRng.fill_bytes(&mut nonce);
        let aad = associated_data(tree, key);
        let payload = Payload {
            msg: plaintext,
            aad: &aad,
        };
        // XChaCha20-Poly1305 only fails for messages beyond 256 GiB.
        let ciphertext = self
            .aead
            .encrypt(XNonce::from_slice(&nonce), payload)
            .unwrap_or_default();
        let mut out = Vec::with_capacity(OVERHEAD + plaintext.len());
        out.push(ENVELOPE_VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ciphertext);
        out
    }

    /// Opens a value sealed by `seal` for the same tree and key.
    pub fn open(
        &self,
        tree: &str,
        key: &[u8],
        sealed: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, OpenError> {
        if sealed.len() < OVERHEAD || sealed[0] != ENVELOPE_VERSION {
            return Err(OpenError);
        }
        let (nonce, ciphertext) = sealed[1..].split_at(NONCE_LEN);
        let aad = associated_data(tree, key);
        let payload = Payload {
            msg: ciphertext,
            aad: &aad,
        };
        self.aead
            .decrypt(XNonce::from_slice(nonce), payload)
            .map(Zeroizing::new)
            .map_err(|_| OpenError)
    }
}

fn associated_data(tree: &str, key: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(tree.len() + 1 + key.len());
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

    #[test]
    fn a_value_opens_only_in_its_own_slot_and_tree() {
        let sealer = sealer();
        let sealed = sealer.seal("records", b"slot-a", b"Clinica Libre");
        assert_eq!(sealed.len(), OVERHEAD + 13);
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

    proptest! {
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
