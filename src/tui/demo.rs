//! The demo: the shipped sample directory (fictional records) in a throwaway
//! vault, opened without asking for a passphrase and deleted on the way out.

use std::path::Path;
use std::time::Duration;

use age::secrecy::SecretString;
use time::OffsetDateTime;

use crate::i18n::Lang;
use crate::interop::json::parse_records;
use crate::vault::{Vault, WorkFactor};

use super::app::{App, DEMO_PASSPHRASE};
use super::{config, now, run_app, TuiError};

/// The sample directory, built in so the demo works from any directory.
pub const SAMPLE: &str = include_str!("../../data/sample-directory.json");

/// scrypt kept cheap: the demo vault guards nothing and lives for minutes.
const DEMO_WORK: u8 = 10;

/// Opens the sample directory in the terminal UI, already unlocked. The
/// vault lives in a temporary directory that is removed when this returns,
/// whether the UI quit or failed.
pub fn run_demo(lock_after: Duration, lang: Lang) -> Result<(), TuiError> {
    super::require_terminal()?;
    let temp = tempfile::Builder::new()
        .prefix("pamphlet-demo-")
        .tempdir()?;
    let dir = temp.path().join("vault");
    let vault = demo_vault(&dir, now())?;
    let app = App::unlocked(config(dir, lock_after, true, lang), vault, now());
    let result = run_app(app);
    temp.close()?;
    result
}

/// A new vault in `dir` holding the sample directory, with the passphrase
/// [`DEMO_PASSPHRASE`].
pub fn demo_vault(dir: &Path, now: OffsetDateTime) -> Result<Vault, TuiError> {
    let records = parse_records(SAMPLE, now).map_err(|e| TuiError::Sample(e.to_string()))?;
    let passphrase = SecretString::from(DEMO_PASSPHRASE.to_owned());
    let mut vault = Vault::init(dir, &passphrase, WorkFactor::log_n(DEMO_WORK))?;
    vault.put_all(records)?;
    Ok(vault)
}
