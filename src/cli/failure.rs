//! How a command fails: `Failure`, one line for stderr with an optional hint
//! and an exit code. Every mapping from a library error to a `Failure` lives
//! here: the library says what went wrong, this file says how to fix it.

use std::io;

use pamphlet::bundle::BundleError;
use pamphlet::interop::csv::{CsvError, CsvWriteError};
use pamphlet::interop::hsds::HsdsError;
use pamphlet::tui::TuiError;
use pamphlet::vault::VaultError;

/// A failed command: one line for stderr, an optional hint, an exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub hint: Option<String>,
    pub code: u8,
}

impl Failure {
    pub fn new(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            hint: None,
            code: 1,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Failure {
        self.hint = Some(hint.into());
        self
    }

    /// Bad usage: exit code 2.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            ..Failure::new(message)
        }
    }
}

impl From<VaultError> for Failure {
    fn from(error: VaultError) -> Failure {
        let failure = Failure::new(error.to_string());
        match error {
            VaultError::NotFound(_) => failure.hint(
                "run `pamphlet init` to create one, or point --vault (or PAMPHLET_VAULT) at an existing vault",
            ),
            VaultError::AlreadyExists(_) => {
                failure.hint("choose another directory with --vault, or use the vault that is there")
            }
            VaultError::InUse => failure.hint("close the other pamphlet using this vault, then try again"),
            VaultError::NewerFormat { .. } => failure.hint("upgrade pamphlet to open this vault; nothing was changed"),
            VaultError::ChangedOutside(_) => failure.hint(
                "restore the whole vault directory from one backup (key.age and db/ together), or keep this copy aside and ask for help; nothing was changed",
            ),
            VaultError::DiskFull => failure.hint("free some space on the disk that holds the vault, then try again; nothing was changed"),
            VaultError::FileTooLarge => failure.hint("raise the limit (`ulimit -f`), then try again; nothing was changed"),
            VaultError::ReadOnly { .. } => failure.hint("make the vault's directory writable (or copy the vault to a writable disk), then try again"),
            VaultError::AmbiguousId { .. } => failure.hint("give more characters of the id"),
            VaultError::NoSuchRecord(_) => failure.hint("`pamphlet search` or `pamphlet dump` lists ids"),
            VaultError::KeyFile(_) | VaultError::KeyMismatch => failure.hint(
                "restore key.age from a backup; without it the records cannot be read",
            ),
            _ => failure,
        }
    }
}

impl From<TuiError> for Failure {
    fn from(error: TuiError) -> Failure {
        match error {
            TuiError::Vault(error) => error.into(),
            TuiError::NotATerminal => Failure::new(error.to_string())
                .hint("run pamphlet in a terminal, or use a command like `pamphlet search`"),
            TuiError::Stopped(signal) => Failure {
                code: signal.exit_code(),
                ..Failure::new(error.to_string())
            },
            other => Failure::new(other.to_string()),
        }
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        Failure::new(error.to_string())
    }
}

impl From<BundleError> for Failure {
    fn from(error: BundleError) -> Failure {
        let failure = Failure::new(error.to_string());
        match error {
            BundleError::NeedsPassphrase => {
                failure.hint("give --bundle-passphrase-file FILE, or type it when asked")
            }
            BundleError::NotForUs => failure.hint(
                "ask the sender to export to your age recipient (`pamphlet keys show`)",
            ),
            BundleError::Untrusted { .. } => failure.hint(
                "compare the fingerprint with the signer, aloud; then `pamphlet keys trust NAME KEY` or import with --trust-signer",
            ),
            BundleError::Replayed { .. } => {
                failure.hint("ask the signer for their newest bundle; nothing was imported")
            }
            BundleError::Vault(inner) => Failure::from(inner),
            _ => failure,
        }
    }
}

impl From<HsdsError> for Failure {
    fn from(error: HsdsError) -> Failure {
        let failure = Failure::new(error.to_string());
        match error {
            HsdsError::NotUtf8 { .. } => {
                failure.hint("save the file as UTF-8 and try again; nothing was stored")
            }
            HsdsError::MissingTable { .. } => {
                failure.hint("give the directory that `pamphlet export-hsds` wrote")
            }
            HsdsError::Write { .. } => failure,
            _ => failure.hint("nothing was stored"),
        }
    }
}

impl From<CsvWriteError> for Failure {
    fn from(error: CsvWriteError) -> Failure {
        match error {
            CsvWriteError::Io(error) => error.into(),
            other => Failure::new(other.to_string()).hint(
                "look at that field with `pamphlet show ID`, or copy the records as JSON Lines with `pamphlet dump`",
            ),
        }
    }
}

/// `import-csv` prints the rows with problems before it fails, so the
/// message counts them and the hint points up at them.
impl From<CsvError> for Failure {
    fn from(error: CsvError) -> Failure {
        match error {
            CsvError::Rows { rows, problems } => Failure::new(format!(
                "{} of {rows} rows have problems",
                problems.len()
            ))
            .hint("fix the rows listed above and run import-csv again; nothing was stored"),
            error @ CsvError::NotUtf8 { .. } => Failure::new(error.to_string()).hint(
                "save the spreadsheet as \"CSV UTF-8\" (or convert it with iconv) and try again; nothing was stored",
            ),
            error => Failure::new(error.to_string()).hint("nothing was stored"),
        }
    }
}
