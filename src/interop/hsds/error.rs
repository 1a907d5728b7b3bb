//! Why a package could not be written or read.

use std::path::PathBuf;

use uuid::Uuid;

use crate::model;

/// Why a package could not be written or read. Errors in a package name
/// its file, the line and, where one is to blame, the field.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HsdsError {
    /// A file of the package could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The directory or a file in it could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A table every package needs is absent.
    #[error("{} has no {file}; is this an HSDS tabular data package?", dir.display())]
    MissingTable { dir: PathBuf, file: &'static str },
    /// A table is not UTF-8 text.
    #[error("{file}: line {line} is not valid UTF-8")]
    NotUtf8 { file: &'static str, line: usize },
    /// A table is not CSV that can be read.
    #[error("{file}: line {line}: {problem}")]
    Syntax {
        file: &'static str,
        line: u64,
        problem: String,
    },
    /// A column HSDS requires, and pamphlet reads, is not in the header.
    #[error("{file}: line 1: no `{column}` column")]
    MissingColumn {
        file: &'static str,
        column: &'static str,
    },
    /// A row points at a row that does not exist.
    #[error("{file}: line {line}: field `{column}`: no row with id {id:?} in {target}")]
    BadReference {
        file: &'static str,
        line: u64,
        column: &'static str,
        id: String,
        target: &'static str,
    },
    /// A service's values do not make a valid record.
    #[error("{file}: line {line}: {source}")]
    Invalid {
        file: &'static str,
        line: u64,
        #[source]
        source: model::FieldError,
    },
    /// Two services share an id.
    #[error("{file}: line {line}: field `id`: {id} was already used on line {first}")]
    DuplicateId {
        file: &'static str,
        line: u64,
        first: u64,
        id: Uuid,
    },
}
