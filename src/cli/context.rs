//! What every command needs besides its own arguments (where the vault is,
//! where its passphrase comes from, the time), and unlocking the vault with
//! it.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Duration;

use pamphlet::i18n::Lang;
use pamphlet::msg;
use pamphlet::vault::{Closed, Kept, Vault, VaultError};
use secrecy::SecretString;
use time::OffsetDateTime;

use crate::cli::failure::Failure;
use crate::cli::passphrase::{self, Source};

/// Everything a command needs besides its own arguments.
pub struct Context {
    pub vault_dir: PathBuf,
    pub lock_after: Duration,
    pub passphrase_file: Option<PathBuf>,
    pub now: OffsetDateTime,
    /// The language of messages: `--lang`, else the environment's until a
    /// vault is unlocked, then the vault's setting if it has one.
    pub lang: Lang,
    /// Whether `--lang` was given: then the vault's setting does not count.
    pub lang_given: bool,
}

impl Context {
    /// Checks the vault, asks for the passphrase, unlocks; from then on
    /// speaks the vault's language, unless `--lang` was given.
    pub fn unlock(&mut self) -> Result<Vault, Failure> {
        self.unlock_keeping_passphrase().map(|(vault, _)| vault)
    }

    /// `unlock`, and the passphrase that opened the vault, for a command
    /// that writes a new key file under the same passphrase.
    pub fn unlock_keeping_passphrase(&mut self) -> Result<(Vault, SecretString), Failure> {
        Vault::check(&self.vault_dir)?;
        let (passphrase, source) =
            passphrase::existing(self.passphrase_file.as_deref(), self.lang)?;
        let vault = unlock_with(&self.vault_dir, &passphrase, source, self.lang)?;
        self.follow(&vault);
        Ok((vault, passphrase))
    }

    /// Locks `vault` after a command wrote to it, and warns on stderr when
    /// the old copies the writes replaced could not be removed from its
    /// files. The change itself is saved either way.
    pub fn close(&self, vault: Vault) -> Closed {
        let closed = vault.close();
        if let Closed::OldCopiesKept(why) = closed {
            eprintln!("{}", warning_old_copies(why).in_lang(self.lang));
        }
        closed
    }

    /// `vault.put_all_and_lock(records)`, warning as [`close`](Self::close).
    pub fn put_all_and_close(
        &self,
        vault: Vault,
        records: Vec<pamphlet::model::Record>,
    ) -> Result<pamphlet::vault::PutSummary, VaultError> {
        let (summary, closed) = vault.put_all_and_lock(records)?;
        if let Closed::OldCopiesKept(why) = closed {
            eprintln!("{}", warning_old_copies(why).in_lang(self.lang));
        }
        Ok(summary)
    }

    /// Speaks `vault`'s language from now on, if it has one and `--lang`
    /// was not given.
    pub fn follow(&mut self, vault: &Vault) {
        if let (false, Some(lang)) = (self.lang_given, vault.settings().language) {
            self.lang = lang;
        }
    }
}

/// The warning that the old copies a write replaced are still in the
/// vault's files, and why.
pub fn warning_old_copies(why: Kept) -> pamphlet::i18n::Message {
    match why {
        Kept::DiskFull => msg!("warning-old-copies-disk-full"),
        Kept::CannotRebuild => msg!("warning-old-copies-cannot"),
        Kept::Failed => msg!("warning-old-copies-failed"),
    }
}

fn unlock_with(
    dir: &Path,
    passphrase: &SecretString,
    source: Source,
    lang: Lang,
) -> Result<Vault, Failure> {
    let unlocking = pamphlet::t!(lang, "cli-unlocking");
    if io::stderr().is_terminal() {
        eprint!("{unlocking}\r");
    }
    let result = Vault::unlock(dir, passphrase);
    if io::stderr().is_terminal() {
        eprint!("{:width$}\r", "", width = unlocking.chars().count());
    }
    result.map_err(|error| {
        let wrong = matches!(error, VaultError::WrongPassphrase);
        let failure = Failure::from(error);
        match (wrong, source) {
            (true, Source::File) => failure.hint(msg!("hint-check-passphrase-file")),
            (true, Source::Env) => failure.hint(msg!("hint-check-env", name = passphrase::ENV)),
            (true, Source::Prompt) => failure.hint(msg!("hint-case-sensitive")),
            _ => failure,
        }
    })
}

/// Test suites set this to a number of seconds to make the terminal UI
/// lock after that long idle instead of `--lock-after` minutes, so that a
/// test of the idle lock need not wait a minute. Not a user setting, so not
/// a flag.
const TEST_LOCK_AFTER_ENV: &str = "PAMPHLET_TEST_LOCK_AFTER_SECS";

/// How long the terminal UI waits idle before it locks: `--lock-after`
/// minutes, unless a test asks for seconds.
pub fn lock_after(minutes: u64) -> Duration {
    std::env::var(TEST_LOCK_AFTER_ENV)
        .ok()
        .and_then(|secs| secs.trim().parse().ok())
        .map_or(Duration::from_secs(minutes * 60), Duration::from_secs)
}

/// The vault's place when neither --vault nor PAMPHLET_VAULT says.
pub fn default_vault_dir() -> Result<PathBuf, Failure> {
    directories::ProjectDirs::from("org", "pamphlet", "pamphlet")
        .map(|dirs| dirs.data_dir().to_owned())
        .ok_or_else(|| Failure::new(msg!("vault-no-data-dir")).hint(msg!("hint-no-data-dir")))
}
