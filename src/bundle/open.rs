//! Opening a bundle: decrypt, unpack within limits, verify both signatures
//! against the signer named in the manifest, and check that the manifest
//! matches the records. Whether the signer is trusted is the caller's
//! question (`check_acceptable`): `verify` reports on untrusted bundles too.

use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::Path;

use age::secrecy::SecretString;

use super::format::{self, Contents, Manifest};
use super::limits::Limits;
use super::{fingerprint, BundleError};
use crate::interop::json::JsonError;
use crate::model::{Record, REDACTABLE};

/// The keys to try on a bundle.
pub struct Decryption<'a> {
    /// The vault's own age identity ([`Vault::age_identity`](crate::vault::Vault::age_identity)).
    pub identity: Option<&'a age::x25519::Identity>,
    /// A meeting passphrase.
    pub passphrase: Option<&'a SecretString>,
}

/// A decrypted bundle whose signatures verify and whose manifest matches
/// its records.
#[derive(Debug)]
pub struct OpenedBundle {
    pub manifest: Manifest,
    pub records: Vec<Record>,
    /// The signer's fingerprint, for reading aloud.
    pub fingerprint: String,
}

/// Opens the bundle at `path`, within [`Limits::STANDARD`].
pub fn open(path: &Path, keys: Decryption<'_>) -> Result<OpenedBundle, BundleError> {
    open_within(path, keys, &Limits::STANDARD)
}

/// Opens the bundle at `path`, refusing one that asks for more than
/// `limits` allow before doing that work.
pub fn open_within(
    path: &Path,
    keys: Decryption<'_>,
    limits: &Limits,
) -> Result<OpenedBundle, BundleError> {
    let file = File::open(path)?;
    check_size(file.metadata()?.len(), limits)?;
    let contents = decrypt(BufReader::new(file), keys, limits)?;
    verify(contents, limits)
}

/// Opens a bundle already in memory, with the same checks as `open`.
pub fn open_bytes(bytes: &[u8], keys: Decryption<'_>) -> Result<OpenedBundle, BundleError> {
    open_bytes_within(bytes, keys, &Limits::STANDARD)
}

/// Opens a bundle already in memory, with the same checks as
/// `open_within`.
pub fn open_bytes_within(
    bytes: &[u8],
    keys: Decryption<'_>,
    limits: &Limits,
) -> Result<OpenedBundle, BundleError> {
    check_size(bytes.len() as u64, limits)?;
    verify(decrypt(bytes, keys, limits)?, limits)
}

/// Unpacks and verifies a bundle's archive without its age layer: what
/// `open` does once decryption succeeded. For the fuzz targets, which
/// cannot get past age's authentication by chance.
#[cfg(any(test, feature = "testkit"))]
pub(crate) fn open_archive(tar: &[u8], limits: &Limits) -> Result<OpenedBundle, BundleError> {
    verify(Contents::from_tar(tar, limits)?, limits)
}

fn check_size(size: u64, limits: &Limits) -> Result<(), BundleError> {
    if size == 0 {
        return Err(BundleError::NotABundle("the file is empty".to_owned()));
    }
    let most = limits.file_bytes();
    if size > most {
        return Err(BundleError::NotABundle(format!(
            "the file is {size} bytes, more than any bundle ({most})"
        )));
    }
    Ok(())
}

fn decrypt(
    mut reader: impl std::io::BufRead,
    keys: Decryption<'_>,
    limits: &Limits,
) -> Result<Contents, BundleError> {
    // The work a passphrase asks for, read from the header (its first
    // lines, in the first buffer), to refuse too much before the
    // passphrase is even asked for.
    let asked = reader
        .fill_buf()
        .ok()
        .and_then(super::limits::scrypt_work_factor);
    let decryptor = age::Decryptor::new_buffered(reader).map_err(|e| match e {
        age::DecryptError::Io(io) if io.kind() != std::io::ErrorKind::UnexpectedEof => {
            BundleError::Io(io)
        }
        _ => BundleError::NotABundle(
            "it is not an age-encrypted file, or its header is damaged".to_owned(),
        ),
    })?;
    let stream = if decryptor.is_scrypt() {
        let passphrase = match (keys.passphrase, asked) {
            (_, Some(log_n)) if log_n > limits.scrypt_log_n => {
                return Err(BundleError::ExcessiveWork {
                    log_n,
                    max: limits.scrypt_log_n,
                })
            }
            (Some(passphrase), _) => passphrase,
            (None, _) => return Err(BundleError::NeedsPassphrase),
        };
        // age's own bound is four steps above this machine's calibration
        // (23 here: 8 GiB); a fixed one is the same everywhere, and age
        // checks it from the header before any work.
        let mut identity = age::scrypt::Identity::new(passphrase.clone());
        identity.set_max_work_factor(limits.scrypt_log_n);
        decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity))
    } else {
        let identity = keys.identity.ok_or(BundleError::NotForUs)?;
        decryptor.decrypt(std::iter::once(identity as &dyn age::Identity))
    }
    .map_err(|e| match e {
        age::DecryptError::NoMatchingKeys => BundleError::NotForUs,
        age::DecryptError::ExcessiveWork { required, .. } => BundleError::ExcessiveWork {
            log_n: required,
            max: limits.scrypt_log_n,
        },
        other => BundleError::Undecryptable(other),
    })?;
    // A damaged or truncated payload surfaces as a read error inside the
    // archive reader; the wrapper tells it apart from a malformed archive.
    let mut reader = AuthenticatedReader {
        inner: stream,
        failure: None,
    };
    let contents = Contents::from_tar(&mut reader, limits);
    // Read to the end even after the archive's last entry: age authenticates
    // the final chunk only when it is read, and a truncated file must fail.
    // An archive already refused is not read on: that is the work its
    // limits exist to avoid.
    let drained = match &contents {
        Ok(_) => std::io::copy(&mut reader, &mut std::io::sink()),
        Err(_) => Ok(0),
    };
    if let Some(failure) = reader.failure {
        return Err(BundleError::Undecryptable(age::DecryptError::Io(failure)));
    }
    let contents = contents?;
    drained?;
    Ok(contents)
}

/// Keeps the first error of the age stream, which means the payload did
/// not authenticate: damaged or truncated. The archive reader gets an error
/// of the same kind and goes no further.
struct AuthenticatedReader<R> {
    inner: R,
    failure: Option<std::io::Error>,
}

impl<R: Read> Read for AuthenticatedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf).map_err(|error| {
            let kind = error.kind();
            self.failure.get_or_insert(error);
            std::io::Error::from(kind)
        })
    }
}

fn verify(contents: Contents, limits: &Limits) -> Result<OpenedBundle, BundleError> {
    let manifest: Manifest = serde_json::from_slice(&contents.manifest)
        .map_err(|e| BundleError::Malformed(format!("manifest.json: {e}")))?;
    if manifest.format != format::FORMAT_NAME {
        return Err(BundleError::Malformed(
            "manifest.json does not describe a pamphlet bundle".into(),
        ));
    }
    if manifest.version > format::FORMAT_VERSION {
        return Err(BundleError::NewerFormat(manifest.version));
    }
    // Before the signatures: checking them costs a pass over the records,
    // and anyone can sign.
    limits.check_record_count(manifest.record_count)?;
    let public = minisign::PublicKey::from_base64(&manifest.signer)
        .map_err(|_| BundleError::Malformed("the signer's public key is malformed".into()))?;
    check_signature(
        &public,
        &contents.manifest,
        &contents.manifest_sig,
        format::MANIFEST,
    )?;
    check_signature(
        &public,
        &contents.records,
        &contents.records_sig,
        format::RECORDS,
    )?;
    check_redacted(&manifest)?;

    if format::sha256_hex(&contents.records) != manifest.records_sha256 {
        return Err(BundleError::Mismatch(
            "the records' hash differs from the manifest's".into(),
        ));
    }
    let text = std::str::from_utf8(&contents.records)
        .map_err(|_| BundleError::InvalidRecord("records.jsonl is not UTF-8".into()))?;
    // The manifest's count, within the limit by now, bounds the parse.
    let counted = usize::try_from(manifest.record_count).unwrap_or(usize::MAX);
    let records = crate::interop::json::parse_records_at_most(text, manifest.created_at, counted)
        .map_err(|e| match e {
        JsonError::TooMany { .. } => BundleError::Mismatch(format!(
            "the manifest counts {} records, the bundle holds more",
            manifest.record_count
        )),
        other => BundleError::InvalidRecord(other.to_string()),
    })?;
    drop(contents);
    if records.len() as u64 != manifest.record_count {
        return Err(BundleError::Mismatch(format!(
            "the manifest counts {} records, the bundle holds {}",
            manifest.record_count,
            records.len()
        )));
    }
    let fingerprint = fingerprint(&manifest.signer);
    Ok(OpenedBundle {
        manifest,
        records,
        fingerprint,
    })
}

/// The manifest's `redacted` names only fields a bundle can redact: a
/// signed manifest can still say anything, and what it says is shown.
fn check_redacted(manifest: &Manifest) -> Result<(), BundleError> {
    crate::interop::check_redact(&manifest.redacted).map_err(|e| {
        BundleError::Malformed(format!(
            "{} names {:?} among the redacted fields; only {} can be redacted",
            format::MANIFEST,
            e.field,
            REDACTABLE.join(", ")
        ))
    })
}

fn check_signature(
    public: &minisign::PublicKey,
    data: &[u8],
    signature: &[u8],
    name: &'static str,
) -> Result<(), BundleError> {
    let text = std::str::from_utf8(signature).map_err(|_| BundleError::BadSignature(name))?;
    if !has_minisign_shape(text) {
        return Err(BundleError::BadSignature(name));
    }
    let signature =
        minisign::SignatureBox::from_string(text).map_err(|_| BundleError::BadSignature(name))?;
    minisign::verify(public, &signature, Cursor::new(data), true, false, false)
        .map_err(|_| BundleError::BadSignature(name))
}

/// The bytes minisign's signature line and global signature line decode
/// to: algorithm, key id and signature; a signature alone.
const SIGNATURE_LINE_BYTES: usize = 2 + 8 + 64;
const GLOBAL_SIGNATURE_BYTES: usize = 64;

/// Whether `text` has the four lines of a minisign signature, the second
/// and fourth base64 of the lengths minisign writes. minisign 0.7.9 slices
/// the global signature's bytes 32..64 without checking its length, and
/// panics on a shorter one: a tampered file is refused before it gets there.
fn has_minisign_shape(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().take(5).collect();
    match lines.as_slice() {
        [_, signature, _, global, ..] => {
            is_base64_of(signature.trim(), SIGNATURE_LINE_BYTES)
                && is_base64_of(global.trim(), GLOBAL_SIGNATURE_BYTES)
        }
        _ => false,
    }
}

/// Whether `text` is padded standard base64 of exactly `bytes` bytes.
fn is_base64_of(text: &str, bytes: usize) -> bool {
    let length = bytes.div_ceil(3) * 4;
    let padding = (3 - bytes % 3) % 3;
    let data = length - padding;
    let alphabet = |b: &u8| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/';
    text.len() == length
        && text.as_bytes()[..data].iter().all(alphabet)
        && text.as_bytes()[data..].iter().all(|b| *b == b'=')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::limits::{scrypt_work_factor, MAX_SCRYPT_LOG_N};
    use crate::bundle::{export, Encryption, ExportOptions};
    use crate::vault::{Vault, WorkFactor};

    const MEETING: &str = "a meeting passphrase";

    /// A real passphrase bundle of three records, at scrypt work `log_n`.
    fn passphrase_bundle(log_n: u8) -> Vec<u8> {
        let temp = tempfile::tempdir().unwrap();
        let passphrase = SecretString::from("vault".to_owned());
        let mut vault =
            Vault::init(&temp.path().join("v"), &passphrase, WorkFactor::log_n(4)).unwrap();
        let records: Vec<Record> = crate::generate::generate(3, 3).collect();
        let ids: Vec<_> = records.iter().map(|r| r.id).collect();
        vault.put_all(records).unwrap();
        let encryption = Encryption::Passphrase(
            SecretString::from(MEETING.to_owned()),
            WorkFactor::log_n(log_n),
        );
        let now = time::macros::datetime!(2026-11-30 12:00 UTC);
        export(&mut vault, &ids, ExportOptions::new(encryption, now))
            .unwrap()
            .bytes
    }

    fn open_at(bytes: &[u8], scrypt_log_n: u8) -> Result<OpenedBundle, BundleError> {
        let passphrase = SecretString::from(MEETING.to_owned());
        let limits = Limits {
            scrypt_log_n,
            ..Limits::STANDARD
        };
        let keys = Decryption {
            identity: None,
            passphrase: Some(&passphrase),
        };
        open_bytes_within(bytes, keys, &limits)
    }

    #[test]
    fn a_passphrase_bundle_opens_up_to_the_work_cap_and_not_one_above() {
        let bundle = passphrase_bundle(5);
        assert_eq!(scrypt_work_factor(&bundle), Some(5), "written as asked");
        assert_eq!(open_at(&bundle, 5).unwrap().records.len(), 3);
        let refused = open_at(&bundle, 4).unwrap_err();
        assert!(
            matches!(refused, BundleError::ExcessiveWork { log_n: 5, max: 4 }),
            "{refused:?}"
        );
    }

    #[test]
    fn the_standard_cap_refuses_a_header_one_above_it_without_the_work() {
        let bundle = passphrase_bundle(4);
        let text = String::from_utf8_lossy(&bundle[..200]).into_owned();
        let line = text.lines().find(|l| l.starts_with("-> scrypt ")).unwrap();
        let (stanza, _) = line.rsplit_once(' ').unwrap();
        let costly_line = format!("{stanza} {}", MAX_SCRYPT_LOG_N + 1);
        let at = bundle
            .windows(line.len())
            .position(|w| w == line.as_bytes())
            .unwrap();
        let mut costly = bundle[..at].to_vec();
        costly.extend_from_slice(costly_line.as_bytes());
        costly.extend_from_slice(&bundle[at + line.len()..]);
        assert_eq!(scrypt_work_factor(&costly), Some(MAX_SCRYPT_LOG_N + 1));

        let started = std::time::Instant::now();
        let refused = open_at(&costly, MAX_SCRYPT_LOG_N).unwrap_err();
        // 2 GiB and about 8 s if the work were done; generous for a busy
        // machine, far below that.
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        assert!(
            matches!(refused, BundleError::ExcessiveWork { log_n, max }
                if log_n == MAX_SCRYPT_LOG_N + 1 && max == MAX_SCRYPT_LOG_N),
            "{refused:?}"
        );
        let standard = open_bytes(
            &costly,
            Decryption {
                identity: None,
                passphrase: Some(&SecretString::from(MEETING.to_owned())),
            },
        )
        .unwrap_err();
        assert!(matches!(standard, BundleError::ExcessiveWork { .. }));
        // Refused before a passphrase is asked for: not "needs a passphrase".
        let unasked = open_bytes(
            &costly,
            Decryption {
                identity: None,
                passphrase: None,
            },
        )
        .unwrap_err();
        assert!(
            matches!(unasked, BundleError::ExcessiveWork { .. }),
            "{unasked:?}"
        );
    }
}
