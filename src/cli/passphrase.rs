//! Where a passphrase comes from: a file, the environment, or a prompt on the
//! terminal that does not echo. Passphrases stay in `SecretString`.

use std::fs;
use std::path::Path;

use pamphlet::vault::WorkFactor;
use secrecy::{ExposeSecret, SecretString};

use crate::cli::failure::Failure;

/// The environment variable that may hold the vault passphrase.
pub const ENV: &str = "PAMPHLET_PASSPHRASE";
/// The environment variable that may hold a new passphrase for `passwd`.
pub const NEW_ENV: &str = "PAMPHLET_NEW_PASSPHRASE";
/// Test suites set this to make scrypt cheap; the shipped default is age's
/// calibration. Not a user setting, so not a flag.
const TEST_WORK_FACTOR_ENV: &str = "PAMPHLET_TEST_SCRYPT_LOG_N";

/// Where a passphrase came from, so an error can say where to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    File,
    Env,
    Prompt,
}

/// Reads the vault passphrase once.
pub fn existing(file: Option<&Path>) -> Result<(SecretString, Source), Failure> {
    if let Some(given) = given(file)? {
        return Ok(given);
    }
    Ok((prompt("Vault passphrase: ")?, Source::Prompt))
}

/// Reads the vault passphrase from `file` or the environment, if either was
/// given; `None` leaves the asking to the caller, as the terminal UI asks on
/// its own screen.
pub fn given(file: Option<&Path>) -> Result<Option<(SecretString, Source)>, Failure> {
    if let Some(path) = file {
        return Ok(Some((from_file(path)?, Source::File)));
    }
    if let Some(value) = std::env::var_os(ENV) {
        let text = value
            .into_string()
            .map_err(|_| Failure::new(format!("{ENV} is not valid UTF-8")))?;
        return Ok(Some((SecretString::from(text), Source::Env)));
    }
    Ok(None)
}

/// Reads a passphrase for a new key file: from `file`, the environment
/// variable `env`, or the terminal twice.
pub fn new(file: Option<&Path>, env: &str) -> Result<SecretString, Failure> {
    let passphrase = if let Some(path) = file {
        from_file(path)?
    } else if let Some(value) = std::env::var_os(env) {
        SecretString::from(
            value
                .into_string()
                .map_err(|_| Failure::new(format!("{env} is not valid UTF-8")))?,
        )
    } else {
        let first = prompt("New passphrase: ")?;
        let second = prompt("Same passphrase again: ")?;
        if !pamphlet::vault::same_secret(
            first.expose_secret().as_bytes(),
            second.expose_secret().as_bytes(),
        ) {
            return Err(Failure::new(
                "the two passphrases differ; nothing was changed",
            ));
        }
        first
    };
    if passphrase.expose_secret().is_empty() {
        return Err(Failure::new("the passphrase is empty")
            .hint("a vault needs a passphrase; a few unrelated words make a strong one"));
    }
    if passphrase.expose_secret().chars().count() < 10 {
        eprintln!(
            "warning: a passphrase this short can be guessed; a few unrelated words are stronger"
        );
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
        Failure::new(format!(
            "cannot read passphrase file {}: {e}",
            path.display()
        ))
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
            Failure::new("no passphrase given and no terminal to ask on")
                .hint(format!("give --passphrase-file FILE or set {ENV}"))
        })
}
