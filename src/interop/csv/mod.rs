//! Records as flat CSV, the form spreadsheets save. Reading is forgiving
//! about the shape of the file (a UTF-8 BOM, `,` `;` or tab separators,
//! Windows line endings, blank lines, quoted newlines, extra and missing
//! columns, headers matched case-insensitively and through common aliases)
//! and strict about its contents: every row is validated, every row with a
//! problem is reported by line and field, and nothing is returned unless all
//! rows are good.
//!
//! Phones, languages and tags are lists kept in one cell each. Phones are
//! separated by `|` or a newline, each as `NUMBER;TYPE;NOTE` (a plain list
//! of numbers separated by commas is read too); languages by `,` `;` `|`
//! `/` or a newline; tags by `,` `;` `|` or a newline. So that an item may
//! hold those characters, a backslash escapes them: `\` before one of the
//! cell's separators, or before another backslash, makes that character part
//! of the item (a phone cell's separators are `|` `;` `,` and the newline).
//! `write_csv` puts a backslash before each such character in an item, so
//! every record reads back exactly (tag `a,b` is written `a\,b`, tag `C:\x`
//! is written `C:\\x`), and refuses, before writing anything, a record that
//! still would not. A backslash before any other character is kept as it is,
//! so that a path typed into a spreadsheet by hand (`C:\forms`) survives.
//!
//! The cells are read and written field by field through the model's field
//! registry (`cells`); headers are matched to fields in `headers`.

mod cells;
mod headers;
mod read;
mod write;

pub use headers::field_for_header;
pub use read::parse_csv;
pub use write::{record_cells, write_csv};

use uuid::Uuid;

use crate::model::Record;

/// One row that cannot become a record.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RowProblem {
    /// The 1-based line of the file where the row starts.
    pub line: u64,
    /// The 1-based data row (the header is not counted).
    pub row: usize,
    /// The record field at fault, or empty for the row as a whole.
    pub field: String,
    pub problem: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            write!(f, "line {} (row {}): {}", self.line, self.row, self.problem)
        } else {
            write!(
                f,
                "line {} (row {}): field `{}`: {}",
                self.line, self.row, self.field, self.problem
            )
        }
    }
}

/// Why a CSV file could not be read. Names lines and fields.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CsvError {
    /// The bytes are not UTF-8 (often a spreadsheet saved as Latin-1 or
    /// Windows-1252).
    #[error("line {line} is not valid UTF-8 (byte {byte})")]
    NotUtf8 { line: usize, byte: usize },
    /// No header row.
    #[error("the file is empty; expected a header row like `name,category,city,phone`")]
    Empty,
    /// A column every record needs is absent.
    #[error("line {line}: no column for `{field}` in the header (also accepted: {aliases})")]
    MissingColumn {
        line: u64,
        field: &'static str,
        aliases: String,
    },
    /// Two headers name the same field.
    #[error("line {line}: columns {first:?} and {second:?} both mean `{field}`")]
    DuplicateColumn {
        line: u64,
        field: &'static str,
        first: String,
        second: String,
    },
    /// The CSV itself is broken (an unclosed quote, for instance).
    #[error("line {line}: {problem}")]
    Syntax { line: u64, problem: String },
    /// Some rows have problems; all are listed.
    #[error("{} of {rows} rows have problems; the first: {}", problems.len(), first_problem(problems))]
    Rows {
        rows: usize,
        problems: Vec<RowProblem>,
    },
}

fn first_problem(problems: &[RowProblem]) -> String {
    problems
        .first()
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// A file read successfully.
#[derive(Debug)]
pub struct CsvImport {
    pub records: Vec<Record>,
    /// The separator found: `,`, `;` or a tab.
    pub separator: char,
    /// Each matched column: (header as written, record field).
    pub columns: Vec<(String, &'static str)>,
    /// Headers that match no field, and were ignored.
    pub ignored: Vec<String>,
    /// The line each record started on, in the order of `records`.
    pub lines: Vec<u64>,
}

/// Why records could not be written as CSV.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CsvWriteError {
    /// A record's row would not read back as the same record, so writing it
    /// would lose data without a word. Nothing was written.
    #[error(
        "record {id}: field `{field}` would not read back the same from CSV; nothing was written"
    )]
    WouldChange { id: Uuid, field: &'static str },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

#[cfg(test)]
mod tests;
