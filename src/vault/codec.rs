//! The binary encoding of values kept in the vault.
//!
//! Every encoded value starts with a two-byte little-endian format version,
//! followed by the value in bincode 2's standard configuration. A reader
//! refuses versions it does not know, so the encoding can evolve without a
//! newer vault being misread by an older pamphlet.

use serde::{de::DeserializeOwned, Serialize};
use zeroize::Zeroizing;

/// The version this build writes.
pub const FORMAT_VERSION: u16 = 1;

/// Decoding refuses to allocate more than this for one value.
const MAX_VALUE_BYTES: usize = 64 * 1024 * 1024;

/// Why a value could not be encoded or decoded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CodecError {
    /// The value is shorter than its version header.
    #[error("value is truncated")]
    Truncated,
    /// The value was written by a newer pamphlet.
    #[error("value has format version {found}; this pamphlet reads up to {FORMAT_VERSION}")]
    NewerVersion { found: u16 },
    /// The bytes after the header are not a valid value.
    #[error("value is malformed: {0}")]
    Malformed(String),
    /// A value could not be encoded (a bug, not bad input).
    #[error("value could not be encoded: {0}")]
    Encode(String),
}

fn config() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<MAX_VALUE_BYTES>()
}

/// Encodes `value` behind the current format version. The buffer is zeroized
/// when dropped because it usually holds plaintext.
pub fn encode<T: Serialize>(value: &T) -> Result<Zeroizing<Vec<u8>>, CodecError> {
    encode_as(value, FORMAT_VERSION)
}

/// Encodes `value` behind `version`: for a value whose layout grew past
/// `FORMAT_VERSION` (the inventory that lists the settings), so that an
/// older pamphlet reads it as newer, not as damaged.
pub(crate) fn encode_as<T: Serialize>(
    value: &T,
    version: u16,
) -> Result<Zeroizing<Vec<u8>>, CodecError> {
    let mut out = Zeroizing::new(Vec::with_capacity(256));
    out.extend_from_slice(&version.to_le_bytes());
    let body = Zeroizing::new(
        bincode::serde::encode_to_vec(value, config())
            .map_err(|e| CodecError::Encode(e.to_string()))?,
    );
    out.extend_from_slice(&body);
    Ok(out)
}

/// Decodes a value written by `encode`, refusing unknown versions and
/// trailing bytes.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    decode_up_to(bytes, FORMAT_VERSION)
}

/// The format version a value was encoded behind.
pub(crate) fn version(bytes: &[u8]) -> Result<u16, CodecError> {
    match bytes {
        [a, b, ..] => Ok(u16::from_le_bytes([*a, *b])),
        _ => Err(CodecError::Truncated),
    }
}

/// `decode`, accepting versions up to `newest` (see [`encode_as`]).
pub(crate) fn decode_up_to<T: DeserializeOwned>(
    bytes: &[u8],
    newest: u16,
) -> Result<T, CodecError> {
    let version = version(bytes)?;
    let body = bytes.get(2..).unwrap_or_default();
    if version == 0 {
        return Err(CodecError::Malformed("format version 0".into()));
    }
    if version > newest {
        return Err(CodecError::NewerVersion { found: version });
    }
    let (value, used) = bincode::serde::decode_from_slice(body, config())
        .map_err(|e| CodecError::Malformed(e.to_string()))?;
    if used != body.len() {
        return Err(CodecError::Malformed(format!(
            "{} trailing bytes",
            body.len() - used
        )));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Record};
    use proptest::prelude::*;

    fn record(name: &str) -> Record {
        Record::new(
            name,
            Category::Clinic,
            time::macros::datetime!(2026-11-30 12:00 UTC),
        )
    }

    #[test]
    fn a_record_round_trips() {
        let mut original = record("Clínica Libre");
        original.verified_on = Some(time::macros::date!(2026 - 10 - 01));
        original.languages = vec!["es".into(), "pt".into()];
        let bytes = encode(&original).unwrap();
        assert_eq!(&bytes[..2], &FORMAT_VERSION.to_le_bytes());
        let back: Record = decode(&bytes).unwrap();
        assert_eq!(back, original);
    }

    #[test]
    fn newer_truncated_and_trailing_values_are_refused() {
        let bytes = encode(&record("Ana")).unwrap();
        let mut newer = bytes.to_vec();
        newer[0] = 0xff;
        assert!(matches!(
            decode::<Record>(&newer),
            Err(CodecError::NewerVersion { found: 0x00ff })
        ));
        assert!(matches!(
            decode::<Record>(&bytes[..1]),
            Err(CodecError::Truncated)
        ));
        assert!(matches!(
            decode::<Record>(&bytes[..bytes.len() - 3]),
            Err(CodecError::Malformed(_))
        ));
        let mut longer = bytes.to_vec();
        longer.push(0);
        assert!(matches!(
            decode::<Record>(&longer),
            Err(CodecError::Malformed(_))
        ));
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = decode::<Record>(&bytes);
        }

        #[test]
        fn arbitrary_names_round_trip(name in "\\PC{1,40}", notes in "\\PC{0,80}") {
            let mut original = record(&name);
            original.notes = notes;
            let back: Record = decode(&encode(&original).unwrap()).unwrap();
            prop_assert_eq!(back, original);
        }
    }
}
