//! How a command fails: `Failure`, one message for stderr with a hint and an
//! exit code. The message and the hint are [`Message`]s, put into words in
//! the chosen language only when `main` reports them. Every mapping from a
//! library error to a `Failure` lives here: the library says what went
//! wrong, this file says it in the person's language and how to fix it.
//! Where a library error carries a detail only the library can word (which
//! part of the vault is damaged, a parser's complaint), that detail is an
//! argument of the sentence, in English.

use std::io;
use std::path::Path;

use pamphlet::bundle::BundleError;
use pamphlet::i18n::{Lang, Message};
use pamphlet::interop::csv::{CsvError, CsvWriteError};
use pamphlet::interop::hsds::HsdsError;
use pamphlet::msg;
use pamphlet::tui::TuiError;
use pamphlet::vault::{KeyFileError, VaultError};

/// A failed command: one line for stderr, a hint, an exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: Message,
    pub hint: Option<Message>,
    pub code: u8,
}

impl Failure {
    pub fn new(message: Message) -> Failure {
        Failure {
            message,
            hint: None,
            code: 1,
        }
    }

    pub fn hint(mut self, hint: Message) -> Failure {
        self.hint = Some(hint);
        self
    }

    /// Bad usage: exit code 2.
    pub fn usage(message: Message) -> Failure {
        Failure {
            code: 2,
            ..Failure::new(message)
        }
    }

    /// The two lines for stderr, `error: …` and `hint: …`, in `lang`; a
    /// failure with no hint of its own gets the general one.
    pub fn lines(&self, lang: Lang) -> [String; 2] {
        let hint = self.hint.clone().unwrap_or_else(|| msg!("hint-general"));
        [
            pamphlet::t!(lang, "error-line", message = self.message.in_lang(lang)),
            pamphlet::t!(lang, "hint-line", hint = hint.in_lang(lang)),
        ]
    }
}

/// Why an operating-system call on `path` failed, in words: "does not
/// exist" rather than "(os error 2)".
pub fn io_reason(error: &io::Error) -> Message {
    match error.kind() {
        io::ErrorKind::NotFound => msg!("io-not-found"),
        io::ErrorKind::PermissionDenied => msg!("io-permission"),
        io::ErrorKind::IsADirectory => msg!("io-is-a-folder"),
        io::ErrorKind::NotADirectory => msg!("io-not-a-folder"),
        io::ErrorKind::StorageFull => msg!("io-disk-full"),
        io::ErrorKind::ReadOnlyFilesystem => msg!("io-read-only"),
        _ => msg!("io-other", detail = without_os_code(&error.to_string())),
    }
}

/// "No such file (os error 2)" → "No such file".
fn without_os_code(text: &str) -> String {
    match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => text[..at].to_owned(),
        _ => text.to_owned(),
    }
}

/// A file that could not be read: named, with the reason in words.
pub fn cannot_read(path: &Path, error: &io::Error) -> Failure {
    let file = path.display().to_string();
    match error.kind() {
        io::ErrorKind::NotFound => {
            Failure::new(msg!("file-missing", file = file)).hint(msg!("hint-file-missing"))
        }
        _ => Failure::new(msg!("file-unreadable", file = file))
            .arg_reason(error)
            .hint(msg!("hint-file-unreadable")),
    }
}

/// A file that could not be written: named, with the reason in words.
pub fn cannot_write(path: &Path, error: &io::Error) -> Failure {
    Failure::new(msg!("file-unwritable", file = path.display().to_string()))
        .arg_reason(error)
        .hint(msg!("hint-file-unwritable"))
}

impl From<VaultError> for Failure {
    fn from(error: VaultError) -> Failure {
        use VaultError as E;
        let dir = |path: &Path| path.display().to_string();
        match error {
            E::NotFound(path) => Failure::new(msg!("vault-not-found", dir = dir(&path)))
                .hint(msg!("hint-vault-not-found")),
            E::AlreadyExists(path) => {
                Failure::new(msg!("vault-exists", dir = dir(&path))).hint(msg!("hint-vault-exists"))
            }
            E::Incomplete { dir: path, missing } => Failure::new(msg!(
                "vault-incomplete",
                dir = dir(&path),
                missing = missing
            ))
            .hint(msg!("hint-vault-restore")),
            E::InUse => Failure::new(msg!("vault-in-use")).hint(msg!("hint-vault-in-use")),
            E::WrongPassphrase => {
                Failure::new(msg!("vault-wrong-passphrase")).hint(msg!("hint-case-sensitive"))
            }
            E::KeyFile(inner) => inner.into(),
            E::NextKeyFile(inner) => next_key_failure(inner),
            E::Wiped => Failure::new(msg!("vault-wiped")).hint(msg!("hint-vault-wiped")),
            E::KeyMismatch => {
                Failure::new(msg!("vault-key-mismatch")).hint(msg!("hint-restore-key"))
            }
            E::NewerFormat { found, supported } => {
                Failure::new(msg!("vault-newer", found = found, supported = supported))
                    .hint(msg!("hint-upgrade"))
            }
            E::Damaged(damage) => Failure::new(msg!("vault-damaged", detail = damage.to_string()))
                .hint(msg!("hint-vault-restore")),
            E::ChangedOutside(tampering) => Failure::new(msg!(
                "vault-changed-outside",
                detail = tampering.to_string()
            ))
            .hint(msg!("hint-vault-changed-outside")),
            E::Signing(_) => Failure::new(msg!("vault-signing")).hint(msg!("hint-vault-restore")),
            E::NoSuchRecord(id) => {
                Failure::new(msg!("vault-no-record", id = id)).hint(msg!("hint-list-ids"))
            }
            E::AmbiguousId { prefix, count } => {
                Failure::new(msg!("vault-ambiguous-id", prefix = prefix, count = count))
                    .hint(msg!("hint-more-of-id"))
            }
            E::DiskFull => Failure::new(msg!("vault-disk-full")).hint(msg!("hint-disk-full")),
            E::FileTooLarge => {
                Failure::new(msg!("vault-file-too-large")).hint(msg!("hint-file-too-large"))
            }
            E::ReadOnly { dir: path, reason } => {
                Failure::new(msg!("vault-read-only", dir = dir(&path), reason = reason))
                    .hint(msg!("hint-read-only"))
            }
            E::Storage(detail) => Failure::new(msg!("vault-storage", detail = detail))
                .hint(msg!("hint-nothing-changed-maybe")),
            E::Io(error) => Failure::new(msg!("vault-io"))
                .arg_reason(&error)
                .hint(msg!("hint-nothing-changed-maybe")),
            #[allow(unreachable_patterns)]
            other => Failure::new(msg!("detail", detail = other.to_string())),
        }
    }
}

impl Failure {
    /// Adds the `reason` argument: why an operating-system call failed.
    fn arg_reason(mut self, error: &io::Error) -> Failure {
        self.message = self.message.arg("reason", io_reason(error));
        self
    }
}

/// `key.next.age` could not be read, and the database belongs to it.
fn next_key_failure(error: KeyFileError) -> Failure {
    use KeyFileError as E;
    let failure = match error {
        E::ExcessiveWork { required, target } => Failure::new(msg!(
            "next-key-excessive-work",
            required = required,
            target = target
        )),
        E::Io(error) => Failure::new(msg!("next-key-io")).arg_reason(&error),
        _ => Failure::new(msg!("next-key-damaged")),
    };
    failure.hint(msg!("hint-restore-vault-dir"))
}

impl From<KeyFileError> for Failure {
    fn from(error: KeyFileError) -> Failure {
        use KeyFileError as E;
        match error {
            E::WrongPassphrase => {
                Failure::new(msg!("vault-wrong-passphrase")).hint(msg!("hint-case-sensitive"))
            }
            E::Damaged(_) => Failure::new(msg!("key-damaged")).hint(msg!("hint-restore-key")),
            E::ExcessiveWork { required, target } => Failure::new(msg!(
                "key-excessive-work",
                required = required,
                target = target
            ))
            .hint(msg!("hint-restore-key")),
            E::Io(error) => Failure::new(msg!("key-io"))
                .arg_reason(&error)
                .hint(msg!("hint-restore-key")),
            other => Failure::new(msg!("key-other", detail = other.to_string()))
                .hint(msg!("hint-nothing-changed-maybe")),
        }
    }
}

impl From<TuiError> for Failure {
    fn from(error: TuiError) -> Failure {
        match error {
            TuiError::Vault(error) => error.into(),
            TuiError::NotATerminal => {
                Failure::new(msg!("tui-no-terminal")).hint(msg!("hint-tui-no-terminal"))
            }
            TuiError::Stopped(signal) => Failure {
                code: signal.exit_code(),
                ..Failure::new(msg!("tui-stopped", signal = signal.name()))
                    .hint(msg!("hint-tui-stopped"))
            },
            TuiError::Terminal(error) => Failure::new(msg!("tui-terminal"))
                .arg_reason(&error)
                .hint(msg!("hint-tui-stopped")),
            other => Failure::new(msg!("detail", detail = other.to_string()))
                .hint(msg!("hint-tui-stopped")),
        }
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        Failure::new(msg!("io-failed")).arg_reason(&error)
    }
}

impl From<BundleError> for Failure {
    fn from(error: BundleError) -> Failure {
        use BundleError as E;
        match error {
            E::NotABundle(detail) => Failure::new(msg!("bundle-not-a-bundle", detail = detail))
                .hint(msg!("hint-not-a-bundle")),
            E::NeedsPassphrase => {
                Failure::new(msg!("bundle-needs-passphrase")).hint(msg!("hint-bundle-passphrase"))
            }
            E::NotForUs => Failure::new(msg!("bundle-not-for-us")).hint(msg!("hint-not-for-us")),
            E::Undecryptable(_) => {
                Failure::new(msg!("bundle-undecryptable")).hint(msg!("hint-undecryptable"))
            }
            E::Malformed(detail) => Failure::new(msg!("bundle-malformed", detail = detail))
                .hint(msg!("hint-bundle-damaged")),
            E::UnknownRedaction { field } => {
                Failure::new(msg!("redact-unknown", field = field)).hint(msg!("hint-redact"))
            }
            E::NewerFormat(found) => {
                Failure::new(msg!("bundle-newer", found = found)).hint(msg!("hint-upgrade-bundle"))
            }
            E::BadSignature(part) => Failure::new(msg!("bundle-bad-signature", part = part))
                .hint(msg!("hint-bundle-damaged")),
            E::Mismatch(detail) => Failure::new(msg!("bundle-mismatch", detail = detail))
                .hint(msg!("hint-bundle-damaged")),
            E::InvalidRecord(detail) => {
                Failure::new(msg!("bundle-invalid-record", detail = detail))
                    .hint(msg!("hint-bundle-damaged"))
            }
            E::Untrusted { fingerprint } => {
                Failure::new(msg!("bundle-untrusted", fingerprint = fingerprint.as_str()))
                    .hint(msg!("hint-untrusted", fingerprint = fingerprint))
            }
            E::BadFingerprint(text) => Failure::usage(msg!("bundle-bad-fingerprint", text = text))
                .hint(msg!("hint-fingerprint-form")),
            E::FingerprintMismatch { given, actual } => Failure::new(msg!(
                "bundle-fingerprint-mismatch",
                given = given,
                actual = actual
            ))
            .hint(msg!("hint-fingerprint-mismatch")),
            E::Replayed {
                sequence,
                signer,
                last_seen,
            } => Failure::new(msg!(
                "bundle-replayed",
                sequence = sequence,
                signer = signer,
                last_seen = last_seen
            ))
            .hint(msg!("hint-replayed")),
            E::Expired(day) => {
                Failure::new(msg!("bundle-expired", day = day)).hint(msg!("hint-expired"))
            }
            E::NameTaken(name) => {
                Failure::new(msg!("keys-name-taken", name = name)).hint(msg!("hint-keys-list"))
            }
            E::BadRecipient(text) => Failure::usage(msg!("bundle-bad-recipient", text = text))
                .hint(msg!("hint-recipient")),
            E::ExcessiveWork { log_n, max } => {
                Failure::new(msg!("bundle-excessive-work", log_n = log_n, max = max)).hint(msg!(
                    "hint-excessive-work",
                    memory = pamphlet::bundle::limits::scrypt_memory(log_n)
                ))
            }
            E::TooLarge(detail) => Failure::new(msg!("bundle-too-large", detail = detail))
                .hint(msg!("hint-bundle-too-large")),
            E::VaultLimit { after, limit } => {
                Failure::new(msg!("bundle-vault-limit", after = after, limit = limit))
                    .hint(msg!("hint-allow-large"))
            }
            E::Vault(inner) => Failure::from(inner),
            E::Io(error) => Failure::from(error),
            other => Failure::new(msg!("detail", detail = other.to_string()))
                .hint(msg!("hint-nothing-changed-maybe")),
        }
    }
}

impl From<HsdsError> for Failure {
    fn from(error: HsdsError) -> Failure {
        let hint = match &error {
            HsdsError::NotUtf8 { .. } => msg!("hint-save-utf8"),
            HsdsError::MissingTable { .. } => msg!("hint-hsds-dir"),
            HsdsError::Write { .. } => msg!("hint-nothing-changed-maybe"),
            _ => msg!("hint-nothing-stored"),
        };
        let message = match &error {
            HsdsError::MissingTable { dir, file } => msg!(
                "hsds-missing-table",
                dir = dir.display().to_string(),
                file = *file
            ),
            HsdsError::NotUtf8 { file, line } => {
                msg!("file-line-not-utf8", file = *file, line = *line)
            }
            other => msg!("hsds-problem", detail = other.to_string()),
        };
        Failure::new(message).hint(hint)
    }
}

impl From<CsvWriteError> for Failure {
    fn from(error: CsvWriteError) -> Failure {
        match error {
            CsvWriteError::Io(error) => error.into(),
            other => Failure::new(msg!("csv-would-change", detail = other.to_string()))
                .hint(msg!("hint-csv-would-change")),
        }
    }
}

/// `import-csv` prints the rows with problems before it fails, so the
/// message counts them and the hint points up at them.
impl From<CsvError> for Failure {
    fn from(error: CsvError) -> Failure {
        match error {
            CsvError::Rows { rows, problems } => Failure::new(msg!(
                "csv-rows-have-problems",
                count = problems.len(),
                rows = rows
            ))
            .hint(msg!("hint-csv-fix-rows")),
            CsvError::NotUtf8 { line, byte } => {
                Failure::new(msg!("csv-not-utf8", line = line, byte = byte))
                    .hint(msg!("hint-csv-utf8"))
            }
            CsvError::Empty => Failure::new(msg!("csv-empty")).hint(msg!("hint-csv-header")),
            error => Failure::new(msg!("csv-problem", detail = error.to_string()))
                .hint(msg!("hint-nothing-stored")),
        }
    }
}
