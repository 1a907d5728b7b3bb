//! Where a passphrase comes from: a file, the environment, or a prompt on the
//! terminal that does not echo. Passphrases stay in `SecretString`.

use std::fs;
use std::path::Path;

use pamphlet::i18n::Lang;
use pamphlet::vault::WorkFactor;
use pamphlet::{msg, t};
use secrecy::{ExposeSecret, SecretString};

use crate::cli::failure::{self, Failure};

/// The environment variable that may hold the vault passphrase.
pub const ENV: &str = "PAMPHLET_PASSPHRASE";
/// The environment variable that may hold a new passphrase for `passwd`.
pub const NEW_ENV: &str = "PAMPHLET_NEW_PASSPHRASE";
/// Test suites set this to make scrypt cheap; the shipped default is age's
/// calibration. Not a user setting, so not a flag.
const TEST_WORK_FACTOR_ENV: &str = "PAMPHLET_TEST_SCRYPT_LOG_N";
/// The fewest characters a vault passphrase may have without `--weak`.
/// Whoever takes the laptop has key.age and can try guesses against it
/// offline, as fast as their machines go and for as long as they like;
/// scrypt makes each guess cost, but a short passphrase is still found.
pub const MIN_CHARS: usize = 12;

/// How strong a new passphrase must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Floor {
    /// At least [`MIN_CHARS`] characters: a vault's passphrase.
    Enforced,
    /// Anything but empty (`--weak`, or a meeting's bundle passphrase),
    /// with a warning when short.
    WarnOnly,
}

/// Where a passphrase came from, so an error can say where to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    File,
    Env,
    Prompt,
}

/// Reads the vault passphrase once.
pub fn existing(file: Option<&Path>, lang: Lang) -> Result<(SecretString, Source), Failure> {
    if let Some(given) = given(file)? {
        return Ok(given);
    }
    Ok((
        prompt(&t!(lang, "prompt-vault-passphrase"))?,
        Source::Prompt,
    ))
}

/// Reads the vault passphrase from `file` or the environment, if either was
/// given; `None` leaves the asking to the caller, as the terminal UI asks on
/// its own screen.
pub fn given(file: Option<&Path>) -> Result<Option<(SecretString, Source)>, Failure> {
    if let Some(path) = file {
        return Ok(Some((from_file(path)?, Source::File)));
    }
    if let Some(value) = std::env::var_os(ENV) {
        let text = value.into_string().map_err(|_| {
            Failure::new(msg!("env-not-utf8", name = ENV)).hint(msg!("hint-env-utf8"))
        })?;
        return Ok(Some((SecretString::from(text), Source::Env)));
    }
    Ok(None)
}

/// Reads a passphrase for a new key file: from `file`, the environment
/// variable `env`, or the terminal twice; refuses one below `floor`
/// before anything is created.
pub fn new(
    file: Option<&Path>,
    env: &'static str,
    floor: Floor,
    lang: Lang,
) -> Result<SecretString, Failure> {
    let passphrase = if let Some(path) = file {
        from_file(path)?
    } else if let Some(value) = std::env::var_os(env) {
        SecretString::from(value.into_string().map_err(|_| {
            Failure::new(msg!("env-not-utf8", name = env)).hint(msg!("hint-env-utf8"))
        })?)
    } else {
        let first = prompt(&t!(lang, "prompt-new-passphrase"))?;
        let second = prompt(&t!(lang, "prompt-same-again"))?;
        if !pamphlet::vault::same_secret(
            first.expose_secret().as_bytes(),
            second.expose_secret().as_bytes(),
        ) {
            return Err(Failure::new(msg!("passphrases-differ")).hint(msg!("hint-type-again")));
        }
        first
    };
    if passphrase.expose_secret().is_empty() {
        return Err(Failure::new(msg!("passphrase-empty")).hint(msg!("hint-passphrase-words")));
    }
    let chars = passphrase.expose_secret().chars().count();
    if chars < MIN_CHARS {
        if floor == Floor::Enforced {
            return Err(Failure::usage(msg!(
                "passphrase-too-short",
                count = chars,
                min = MIN_CHARS
            ))
            .hint(msg!("hint-passphrase-too-short", min = MIN_CHARS)));
        }
        eprintln!("{}", t!(lang, "warning-short-passphrase"));
    }
    Ok(passphrase)
}

/// The work factor for new key files.
pub fn work_factor() -> WorkFactor {
    std::env::var(TEST_WORK_FACTOR_ENV)
        .ok()
        .and_then(|text| text.parse().ok())
        .map(WorkFactor::log_n)
        .unwrap_or(WorkFactor::DEFAULT)
}

fn from_file(path: &Path) -> Result<SecretString, Failure> {
    // The whole file is as secret as its first line: cleared when dropped.
    let text = zeroize::Zeroizing::new(fs::read_to_string(path).map_err(|e| {
        Failure::new(msg!(
            "passphrase-file-unreadable",
            file = path.display().to_string(),
            reason = failure::io_reason(&e)
        ))
        .hint(msg!("hint-passphrase-file-unreadable"))
    })?);
    let first_line = text.lines().next().unwrap_or("");
    Ok(SecretString::from(first_line.to_owned()))
}

fn prompt(label: &str) -> Result<SecretString, Failure> {
    // rpassword asks on the controlling terminal, so this works with piped
    // standard input too; without a terminal it fails at once.
    rpassword::prompt_password(label)
        .map(SecretString::from)
        .map_err(|_| {
            Failure::new(msg!("no-terminal-for-passphrase"))
                .hint(msg!("hint-passphrase-file", name = ENV))
        })
}
