//! Files the commands write for the user to keep: bundles, spreadsheets,
//! sheets to print. Each is written whole and owner-only (see
//! `pamphlet::fsio`), and a file already under the name is replaced only
//! with --force.

use std::io;
use std::path::Path;

use pamphlet::fsio::{self, IfExists};

use pamphlet::msg;

use crate::cli::failure::{cannot_write, Failure};

/// What `--force` asks for.
pub fn if_exists(force: bool) -> IfExists {
    if force {
        IfExists::Replace
    } else {
        IfExists::Refuse
    }
}

/// Refuses at once, before a passphrase is asked for, when something has
/// the name `path` and it may not be replaced. `write` checks again.
pub fn check_free(path: &Path, if_exists: IfExists) -> Result<(), Failure> {
    let taken = std::fs::symlink_metadata(path).is_ok();
    if taken && if_exists == IfExists::Refuse {
        return Err(exists_already(path));
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically, so a full or yanked USB stick never
/// holds half a file under the name, and a file that appeared since
/// `check_free` is not replaced without --force.
pub fn write(path: &Path, bytes: &[u8], if_exists: IfExists) -> Result<(), Failure> {
    fsio::write_atomically(path, bytes, if_exists).map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => exists_already(path),
        _ => cannot_write(path, &e),
    })
}

fn exists_already(path: &Path) -> Failure {
    Failure::new(msg!("file-exists", file = path.display().to_string()))
        .hint(msg!("hint-file-exists"))
}
