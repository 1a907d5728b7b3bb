//! The bytes of a bundle, inside its age layer: a ustar archive of exactly
//! four files, in this order, and the manifest's JSON form. See
//! docs/bundle-format.md; keep the two in step.

use std::io::{self, Read};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::BundleError;

pub const MANIFEST: &str = "manifest.json";
pub const MANIFEST_SIG: &str = "manifest.json.minisig";
pub const RECORDS: &str = "records.jsonl";
pub const RECORDS_SIG: &str = "records.jsonl.minisig";

/// The value of `format` in every manifest.
pub const FORMAT_NAME: &str = "pamphlet-bundle";
/// The manifest version this build writes and the highest it reads.
pub const FORMAT_VERSION: u32 = 1;

const MAX_MANIFEST_BYTES: u64 = 64 * 1024;
const MAX_SIGNATURE_BYTES: u64 = 4 * 1024;
/// About 600,000 records of typical size.
pub const MAX_RECORDS_BYTES: u64 = 256 * 1024 * 1024;

/// What a bundle says about itself. Signed, so every field is vouched for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always `pamphlet-bundle`.
    pub format: String,
    pub version: u32,
    pub bundle_id: Uuid,
    /// The signer's minisign public key, base64 (`RW…`).
    pub signer: String,
    /// Grows by one with every export by this signer; import refuses a
    /// sequence it has already seen from them.
    pub sequence: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// After this instant the bundle is refused.
    #[serde(with = "time::serde::rfc3339::option")]
    pub expires_at: Option<OffsetDateTime>,
    pub record_count: u64,
    /// SHA-256 of `records.jsonl`, lower-case hex.
    pub records_sha256: String,
    /// The search query that selected the records; empty for all.
    pub selection: String,
    /// Fields emptied in every record before export.
    pub redacted: Vec<String>,
}

/// The four files of a bundle, as bytes.
pub struct Contents {
    pub manifest: Vec<u8>,
    pub manifest_sig: Vec<u8>,
    pub records: Vec<u8>,
    pub records_sig: Vec<u8>,
}

impl Contents {
    /// Writes the ustar archive. Entries are regular files, mode 0644,
    /// owned by 0:0, dated `mtime`.
    pub fn to_tar(&self, mtime: OffsetDateTime) -> io::Result<Vec<u8>> {
        let mut builder = tar::Builder::new(Vec::with_capacity(self.records.len() + 8192));
        for (name, data) in self.entries() {
            let mut header = tar::Header::new_ustar();
            header.set_path(name)?;
            header.set_size(data.len() as u64);
            header.set_mode(0o644);
            header.set_uid(0);
            header.set_gid(0);
            header.set_mtime(u64::try_from(mtime.unix_timestamp()).unwrap_or(0));
            header.set_entry_type(tar::EntryType::Regular);
            header.set_cksum();
            builder.append(&header, data)?;
        }
        builder.into_inner()
    }

    /// Reads the archive, refusing anything but the four expected files,
    /// each at most once and within its size limit. Sizes are checked from
    /// the headers before anything is read.
    pub fn from_tar(reader: impl Read) -> Result<Contents, BundleError> {
        let mut archive = tar::Archive::new(reader);
        let mut found: [Option<Vec<u8>>; 4] = [None, None, None, None];
        let entries = archive
            .entries()
            .map_err(|_| malformed("not a tar archive"))?;
        for entry in entries {
            let mut entry = entry.map_err(|_| malformed("the tar archive is damaged"))?;
            if entry.header().entry_type() != tar::EntryType::Regular {
                return Err(malformed("the archive holds something other than files"));
            }
            let path = entry
                .path()
                .map_err(|_| malformed("an archive entry has a bad name"))?
                .to_string_lossy()
                .into_owned();
            let (slot, limit) = match path.as_str() {
                MANIFEST => (0, MAX_MANIFEST_BYTES),
                MANIFEST_SIG => (1, MAX_SIGNATURE_BYTES),
                RECORDS => (2, MAX_RECORDS_BYTES),
                RECORDS_SIG => (3, MAX_SIGNATURE_BYTES),
                _ => return Err(malformed(format!("unexpected file {path:?} in the bundle"))),
            };
            if found[slot].is_some() {
                return Err(malformed(format!("{path} appears twice")));
            }
            let size = entry.size();
            if size > limit {
                return Err(malformed(format!("{path} is larger than {limit} bytes")));
            }
            let mut data = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
            entry
                .by_ref()
                .take(limit)
                .read_to_end(&mut data)
                .map_err(|_| malformed("the tar archive is damaged"))?;
            if data.len() as u64 != size {
                return Err(malformed(format!("{path} is truncated")));
            }
            found[slot] = Some(data);
        }
        let [manifest, manifest_sig, records, records_sig] = found;
        let missing = |name: &str| malformed(format!("{name} is missing"));
        Ok(Contents {
            manifest: manifest.ok_or_else(|| missing(MANIFEST))?,
            manifest_sig: manifest_sig.ok_or_else(|| missing(MANIFEST_SIG))?,
            records: records.ok_or_else(|| missing(RECORDS))?,
            records_sig: records_sig.ok_or_else(|| missing(RECORDS_SIG))?,
        })
    }

    fn entries(&self) -> [(&'static str, &[u8]); 4] {
        [
            (MANIFEST, &self.manifest),
            (MANIFEST_SIG, &self.manifest_sig),
            (RECORDS, &self.records),
            (RECORDS_SIG, &self.records_sig),
        ]
    }
}

fn malformed(what: impl Into<String>) -> BundleError {
    BundleError::Malformed(what.into())
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(data: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(data))
}
