//! The bytes of a bundle, inside its age layer: a ustar archive of exactly
//! four files, in this order, and the manifest's JSON form. See
//! docs/bundle-format.md; keep the two in step.

use std::io::{self, Read};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::limits::Limits;
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
/// pax headers skipped, at most one for each file and one global, each
/// small: pamphlet's own names need none.
const MAX_EXTENSIONS: usize = 5;
const MAX_EXTENSION_BYTES: u64 = 64 * 1024;

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
    /// the headers before anything is read. Entries are read raw: the tar
    /// reader's own GNU long-name and pax handling would read such an
    /// entry whole, at any size, before this code saw it. A pax header
    /// (bsdtar writes them) is skipped if small; its contents are not used.
    pub fn from_tar(reader: impl Read, limits: &Limits) -> Result<Contents, BundleError> {
        let mut archive = tar::Archive::new(reader);
        let mut found: [Option<Vec<u8>>; 4] = [None, None, None, None];
        let mut extensions = 0;
        let entries = archive
            .entries()
            .map_err(|_| malformed("not a tar archive"))?
            .raw(true);
        for entry in entries {
            let mut entry = entry.map_err(|_| malformed("the tar archive is damaged"))?;
            let kind = entry.header().entry_type();
            if kind.is_pax_local_extensions() || kind.is_pax_global_extensions() {
                extensions += 1;
                if extensions > MAX_EXTENSIONS || entry.size() > MAX_EXTENSION_BYTES {
                    return Err(malformed(
                        "the archive has too many or too large pax headers",
                    ));
                }
                io::copy(&mut entry, &mut io::sink())
                    .map_err(|_| malformed("the tar archive is damaged"))?;
                continue;
            }
            if kind != tar::EntryType::Regular {
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
                RECORDS => (2, limits.records_bytes),
                RECORDS_SIG => (3, MAX_SIGNATURE_BYTES),
                _ => return Err(malformed(format!("unexpected file {path:?} in the bundle"))),
            };
            if found[slot].is_some() {
                return Err(malformed(format!("{path} appears twice")));
            }
            let size = entry.size();
            if slot == 2 {
                limits.check_records_bytes(size)?;
            } else if size > limit {
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

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::io::Read;

    use super::*;

    /// Counts the bytes read through it.
    struct Counting<'c, R> {
        inner: R,
        read: &'c Cell<u64>,
    }

    impl<R: Read> Read for Counting<'_, R> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.read.set(self.read.get() + n as u64);
            Ok(n)
        }
    }

    fn header(name: &str, size: u64, kind: tar::EntryType) -> Vec<u8> {
        let mut header = tar::Header::new_ustar();
        header.set_path(name).unwrap();
        header.set_size(size);
        header.set_mode(0o644);
        header.set_entry_type(kind);
        header.set_cksum();
        header.as_bytes().to_vec()
    }

    /// An archive whose entry `name` is `size` bytes of zeros, produced as
    /// read, so a reader that read it all would be seen to.
    fn read_through(
        name: &str,
        size: u64,
        kind: tar::EntryType,
        limits: &Limits,
    ) -> (Result<Contents, BundleError>, u64) {
        let read = Cell::new(0);
        let archive = Counting {
            inner: io::Cursor::new(header(name, size, kind)).chain(io::repeat(0).take(size)),
            read: &read,
        };
        let result = Contents::from_tar(archive, limits);
        (result, read.get())
    }

    #[test]
    fn records_over_the_byte_cap_are_refused_from_the_header_unread() {
        let limits = Limits::STANDARD;
        let size = limits.records_bytes + 1;
        let (result, read) = read_through(RECORDS, size, tar::EntryType::Regular, &limits);
        let error = result.err().unwrap();
        assert!(matches!(error, BundleError::TooLarge(_)), "{error:?}");
        assert!(read < 64 * 1024, "read {read} bytes of {size}");

        // A small limit reads up to it, and no more.
        let small = Limits {
            records_bytes: 1024,
            ..limits
        };
        let (result, _) = read_through(RECORDS, 1024, tar::EntryType::Regular, &small);
        let error = result.err().unwrap();
        assert_eq!(
            error.to_string(),
            "the bundle is malformed: manifest.json is missing"
        );
        let (result, _) = read_through(RECORDS, 1025, tar::EntryType::Regular, &small);
        assert!(matches!(result, Err(BundleError::TooLarge(_))));
    }

    fn small_contents() -> Contents {
        Contents {
            manifest: b"{}".to_vec(),
            manifest_sig: b"sig".to_vec(),
            records: b"{}\n".to_vec(),
            records_sig: b"sig".to_vec(),
        }
    }

    #[test]
    fn small_pax_headers_are_skipped_and_too_many_refused() {
        let tar = small_contents().to_tar(OffsetDateTime::UNIX_EPOCH).unwrap();
        let record = b"18 comment=hello\n";
        let mut pax = header(
            "PaxHeader/records.jsonl",
            record.len() as u64,
            tar::EntryType::XHeader,
        );
        pax.extend_from_slice(record);
        pax.resize(1024, 0);
        for (count, opens) in [
            (1, true),
            (MAX_EXTENSIONS, true),
            (MAX_EXTENSIONS + 1, false),
        ] {
            let archive = [pax.repeat(count), tar.clone()].concat();
            let result = Contents::from_tar(&archive[..], &Limits::STANDARD);
            match result {
                Ok(contents) => {
                    assert!(opens, "{count} pax headers");
                    assert_eq!(contents.records, b"{}\n");
                }
                Err(error) => assert!(!opens, "{count} pax headers: {error}"),
            }
        }
    }

    #[test]
    fn long_names_and_large_pax_headers_are_refused_unread() {
        let limits = Limits::STANDARD;
        for kind in [
            tar::EntryType::GNULongName,
            tar::EntryType::XHeader,
            tar::EntryType::XGlobalHeader,
        ] {
            let size = 100 * 1024 * 1024;
            let (result, read) = read_through("././@LongLink", size, kind, &limits);
            assert!(matches!(result, Err(BundleError::Malformed(_))), "{kind:?}");
            assert!(read < 64 * 1024, "{kind:?}: read {read} bytes of {size}");
        }
    }
}
