//! The inventory: a sealed list of a digest of every part of the vault (the
//! sealed value of each of the 4,096 buckets, of the keyring, and of the
//! settings once there are any), rewritten
//! in the same transaction as the parts it lists. At unlock every part read
//! is checked against it, so an older copy of one bucket put back, a bucket
//! removed, two buckets swapped or an older keyring is found and named,
//! however well each part opens on its own.
//!
//! A copy of the whole database, inventory included, agrees with itself:
//! rolling all of it back is not found, and cannot be without something
//! kept outside the vault.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::codec::{self, CodecError};
use super::error::{Part, Tampering};
use super::seal::{Digest, BUCKETS};

/// The encoding version of an inventory that lists the settings. One that
/// does not is written exactly as before settings existed (version 1), so a
/// vault whose settings were never set stays readable by an older pamphlet;
/// one that does reads, to an older pamphlet, as a newer format rather
/// than as damage.
const WITH_SETTINGS: u16 = 2;

/// The digest of every part as pamphlet last wrote it. Digests of sealed
/// values say nothing about what they hold, so this is not a secret; it is
/// sealed so that it cannot be rewritten to match a change.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Inventory {
    /// By bucket number; always `BUCKETS` long.
    buckets: Vec<Digest>,
    keyring: Digest,
    /// Absent until the settings are first written.
    settings: Option<Digest>,
}

/// An inventory as encoded without settings (version 1).
#[derive(Serialize, Deserialize)]
struct Listed<B> {
    buckets: B,
    keyring: Digest,
}

/// An inventory as encoded with settings (version 2).
#[derive(Serialize, Deserialize)]
struct ListedWithSettings<B> {
    buckets: B,
    keyring: Digest,
    settings: Digest,
}

impl Inventory {
    /// An inventory that no part matches: where a write of every part
    /// starts (a new vault, a migration).
    pub(crate) fn blank() -> Inventory {
        Inventory {
            buckets: vec![Digest::default(); usize::from(BUCKETS)],
            keyring: Digest::default(),
            settings: None,
        }
    }

    /// The inventory encoded for sealing (see [`WITH_SETTINGS`]).
    pub(crate) fn encode(&self) -> Result<Zeroizing<Vec<u8>>, CodecError> {
        let buckets = &self.buckets;
        let keyring = self.keyring;
        match self.settings {
            None => codec::encode(&Listed { buckets, keyring }),
            Some(settings) => codec::encode_as(
                &ListedWithSettings {
                    buckets,
                    keyring,
                    settings,
                },
                WITH_SETTINGS,
            ),
        }
    }

    /// An inventory encoded by [`encode`](Self::encode), of either version.
    pub(crate) fn decode(bytes: &[u8]) -> Result<Inventory, CodecError> {
        if codec::version(bytes)? < WITH_SETTINGS {
            let listed: Listed<Vec<Digest>> = codec::decode(bytes)?;
            return Ok(Inventory {
                buckets: listed.buckets,
                keyring: listed.keyring,
                settings: None,
            });
        }
        let listed: ListedWithSettings<Vec<Digest>> = codec::decode_up_to(bytes, WITH_SETTINGS)?;
        Ok(Inventory {
            buckets: listed.buckets,
            keyring: listed.keyring,
            settings: Some(listed.settings),
        })
    }

    /// Whether it lists every bucket: a decoded inventory of another length
    /// is damaged.
    pub(crate) fn is_whole(&self) -> bool {
        self.buckets.len() == usize::from(BUCKETS)
    }

    /// Records that `part` was written with this digest.
    pub(crate) fn set(&mut self, part: Part, digest: Digest) {
        match part {
            Part::Bucket(bucket) => {
                if let Some(slot) = self.buckets.get_mut(usize::from(bucket)) {
                    *slot = digest;
                }
            }
            Part::Keyring => self.keyring = digest,
            Part::Settings => self.settings = Some(digest),
        }
    }

    fn get(&self, part: Part) -> Option<&Digest> {
        match part {
            Part::Bucket(bucket) => self.buckets.get(usize::from(bucket)),
            Part::Keyring => Some(&self.keyring),
            Part::Settings => self.settings.as_ref(),
        }
    }

    /// The bucket pamphlet last wrote this digest to, if any.
    fn bucket_with(&self, digest: &Digest) -> Option<u16> {
        let index = self.buckets.iter().position(|d| d == digest)?;
        u16::try_from(index).ok()
    }
}

/// The check of every part read at unlock against the inventory. Parts are
/// shown to it as they are read; `finish` says whether they all belonged.
pub(crate) struct Audit<'a> {
    inventory: &'a Inventory,
    seen: Vec<bool>,
    keyring_seen: bool,
    settings_seen: bool,
    replaced: Vec<Part>,
}

impl<'a> Audit<'a> {
    pub(crate) fn new(inventory: &'a Inventory) -> Audit<'a> {
        Audit {
            inventory,
            seen: vec![false; usize::from(BUCKETS)],
            keyring_seen: false,
            settings_seen: false,
            replaced: Vec::new(),
        }
    }

    /// Checks one part, read with this digest. `opens` says whether it
    /// opened: a part that opens but is not listed was replaced; one that
    /// does not open and is listed under another bucket was moved there; one
    /// that does not open otherwise is damage, for the caller to report.
    pub(crate) fn part(
        &mut self,
        part: Part,
        digest: &Digest,
        opens: bool,
    ) -> Result<(), Tampering> {
        match part {
            Part::Bucket(bucket) => {
                if let Some(seen) = self.seen.get_mut(usize::from(bucket)) {
                    *seen = true;
                }
            }
            Part::Keyring => self.keyring_seen = true,
            Part::Settings => self.settings_seen = true,
        }
        if self.inventory.get(part) == Some(digest) {
            return Ok(());
        }
        if opens {
            self.replaced.push(part);
            return Ok(());
        }
        match (part, self.inventory.bucket_with(digest)) {
            (Part::Bucket(found), Some(belongs)) => Err(Tampering::Moved { found, belongs }),
            _ => Ok(()),
        }
    }

    /// Whether every listed part was read and matched.
    pub(crate) fn finish(self) -> Result<(), Tampering> {
        let mut missing: Vec<Part> = (0..BUCKETS)
            .zip(&self.seen)
            .filter(|(_, seen)| !**seen)
            .map(|(bucket, _)| Part::Bucket(bucket))
            .collect();
        if !self.keyring_seen {
            missing.push(Part::Keyring);
        }
        if self.inventory.settings.is_some() && !self.settings_seen {
            missing.push(Part::Settings);
        }
        if let Some(&part) = missing.first() {
            return Err(Tampering::Missing {
                part,
                others: missing.len() - 1,
            });
        }
        match self.replaced.first() {
            Some(&part) => Err(Tampering::Replaced {
                part,
                others: self.replaced.len() - 1,
            }),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed() -> Inventory {
        let mut inventory = Inventory::blank();
        for bucket in 0..BUCKETS {
            let [a, b] = bucket.to_be_bytes();
            inventory.set(
                Part::Bucket(bucket),
                [a, b, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            );
        }
        inventory.set(Part::Keyring, [9; 16]);
        inventory
    }

    fn digest_of(inventory: &Inventory, part: Part) -> Digest {
        *inventory.get(part).unwrap()
    }

    /// Shows every part as listed, except what `change` says.
    fn audit(
        inventory: &Inventory,
        change: impl Fn(Part) -> Option<(Digest, bool)>,
    ) -> Result<(), Tampering> {
        let mut audit = Audit::new(inventory);
        let parts = (0..BUCKETS).map(Part::Bucket).chain([Part::Keyring]);
        for part in parts {
            let (digest, opens) = change(part).unwrap_or((digest_of(inventory, part), true));
            if digest != [0xff; 16] {
                audit.part(part, &digest, opens)?;
            }
        }
        audit.finish()
    }

    #[test]
    fn every_part_as_listed_passes() {
        assert!(audit(&listed(), |_| None).is_ok());
    }

    #[test]
    fn replaced_missing_and_moved_parts_are_named() {
        let inventory = listed();
        let older = [7; 16];
        let replaced = audit(&inventory, |part| {
            (part == Part::Bucket(17)).then_some((older, true))
        });
        assert_eq!(
            replaced.unwrap_err().to_string(),
            "records bucket 17 is not the copy pamphlet last wrote"
        );
        let keyring = audit(&inventory, |part| {
            (part == Part::Keyring).then_some((older, true))
        });
        assert_eq!(
            keyring.unwrap_err().to_string(),
            "the keyring and bundle sequence numbers are not the copy pamphlet last wrote"
        );
        let three = audit(&inventory, |part| {
            matches!(part, Part::Bucket(3 | 4) | Part::Keyring).then_some((older, true))
        });
        assert_eq!(
            three.unwrap_err().to_string(),
            "records bucket 3 is not the copy pamphlet last wrote, nor are 2 other parts"
        );

        let gone = [0xff; 16];
        let missing = audit(&inventory, |part| {
            (part == Part::Bucket(40)).then_some((gone, false))
        });
        assert_eq!(
            missing.unwrap_err().to_string(),
            "records bucket 40 is missing"
        );
        let two = audit(&inventory, |part| {
            matches!(part, Part::Bucket(40) | Part::Keyring).then_some((gone, false))
        });
        assert_eq!(
            two.unwrap_err().to_string(),
            "records bucket 40 is missing, and so is 1 other part"
        );

        let moved = audit(&inventory, |part| {
            (part == Part::Bucket(5)).then(|| (digest_of(&inventory, Part::Bucket(6)), false))
        });
        assert_eq!(
            moved.unwrap_err().to_string(),
            "records bucket 5 holds what pamphlet wrote to bucket 6"
        );
    }

    /// The inventory's layout before settings existed.
    #[derive(Serialize, Deserialize)]
    struct Before {
        buckets: Vec<Digest>,
        keyring: Digest,
    }

    #[test]
    fn without_settings_the_inventory_is_encoded_as_before_and_with_them_reads_as_newer() {
        let inventory = listed();
        let before = codec::encode(&Before {
            buckets: inventory.buckets.clone(),
            keyring: inventory.keyring,
        })
        .unwrap();
        assert_eq!(*inventory.encode().unwrap(), *before);
        assert!(Inventory::decode(&before).unwrap() == inventory);

        let mut with = inventory.clone();
        with.set(Part::Settings, [5; 16]);
        let bytes = with.encode().unwrap();
        assert!(Inventory::decode(&bytes).unwrap() == with);
        // What an older pamphlet makes of it: a newer format, not damage.
        assert!(matches!(
            codec::decode::<Before>(&bytes),
            Err(CodecError::NewerVersion { found: 2 })
        ));
        let mut newer = bytes.to_vec();
        newer[0] = 3;
        assert!(matches!(
            Inventory::decode(&newer),
            Err(CodecError::NewerVersion { found: 3 })
        ));
    }

    #[test]
    fn settings_once_listed_are_checked_like_any_part() {
        let mut inventory = listed();
        let parts = |audit: &mut Audit<'_>, inventory: &Inventory| {
            for part in (0..BUCKETS).map(Part::Bucket).chain([Part::Keyring]) {
                audit.part(part, &digest_of(inventory, part), true).unwrap();
            }
        };
        // Not listed, and there: settings put into a vault that had none.
        let mut audit = Audit::new(&inventory);
        parts(&mut audit, &inventory);
        audit.part(Part::Settings, &[4; 16], true).unwrap();
        assert_eq!(
            audit.finish().unwrap_err().to_string(),
            "the settings are not the copy pamphlet last wrote"
        );

        inventory.set(Part::Settings, [5; 16]);
        // Listed, and gone.
        let mut audit = Audit::new(&inventory);
        parts(&mut audit, &inventory);
        assert_eq!(
            audit.finish().unwrap_err().to_string(),
            "the settings are missing"
        );
        // Listed, and as written.
        let mut audit = Audit::new(&inventory);
        parts(&mut audit, &inventory);
        audit.part(Part::Settings, &[5; 16], true).unwrap();
        assert!(audit.finish().is_ok());
    }

    #[test]
    fn a_part_that_does_not_open_and_is_not_listed_is_left_to_the_caller() {
        // Damage: the caller reports the part's own error.
        let inventory = listed();
        assert!(audit(&inventory, |part| (part == Part::Bucket(8))
            .then_some(([3; 16], false)))
        .is_ok());
    }
}
