//! Reading a CSV file: the separator sniffed, the header matched to
//! fields, then every row validated, and all problems reported together.

use std::collections::HashMap;

use time::OffsetDateTime;
use uuid::Uuid;

use super::cells::set_cell;
use super::headers::{aliases_text, field_for_header};
use super::{CsvError, CsvImport, RowProblem};
use crate::model::{Field, Record, RecordInput};

type Rows<'r> = ::csv::StringRecordsIter<'r, &'r [u8]>;

/// Reads a CSV file's bytes. `now` stamps records without `updated_at`.
pub fn parse_csv(bytes: &[u8], now: OffsetDateTime) -> Result<CsvImport, CsvError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let byte = e.valid_up_to();
        CsvError::NotUtf8 {
            line: crate::interop::line_of_offset(bytes, byte),
            byte: byte + 1,
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = sniff_separator(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = reader.records();
    let header = read_header(&mut rows)?;
    let (records, lines) = read_rows(rows, &header.slots, now)?;
    Ok(CsvImport {
        records,
        separator,
        columns: header
            .columns
            .iter()
            .map(|(text, field)| (text.clone(), field.name()))
            .collect(),
        ignored: header.ignored,
        lines,
    })
}

/// The header row, matched to fields.
struct Header {
    /// Each matched column: (header as written, field).
    columns: Vec<(String, Field)>,
    /// The field of each column, in order, if any.
    slots: Vec<Option<Field>>,
    /// Headers that match no field.
    ignored: Vec<String>,
}

/// Reads the first row that is not blank as the header. Two columns for
/// one field, or none for a field every record needs, are refused.
fn read_header(rows: &mut Rows) -> Result<Header, CsvError> {
    let (line, row) = loop {
        let row = rows.next().ok_or(CsvError::Empty)?.map_err(syntax)?;
        if !is_blank(&row) {
            break (line_of(&row), row);
        }
    };
    let mut header = Header {
        columns: Vec::new(),
        slots: Vec::new(),
        ignored: Vec::new(),
    };
    for cell in row.iter() {
        let cell = cell.trim();
        let Some(field) = field_for_header(cell) else {
            if !cell.is_empty() {
                header.ignored.push(cell.to_owned());
            }
            header.slots.push(None);
            continue;
        };
        if let Some((first, _)) = header.columns.iter().find(|(_, f)| *f == field) {
            return Err(CsvError::DuplicateColumn {
                line,
                field: field.name(),
                first: first.clone(),
                second: cell.to_owned(),
            });
        }
        header.columns.push((cell.to_owned(), field));
        header.slots.push(Some(field));
    }
    let required = Field::ALL.into_iter().filter(|field| field.is_required());
    for needed in required {
        if !header.columns.iter().any(|(_, field)| *field == needed) {
            return Err(CsvError::MissingColumn {
                line,
                field: needed.name(),
                aliases: aliases_text(needed),
            });
        }
    }
    Ok(header)
}

/// Reads and validates every row after the header: the records and the
/// line each started on, or every problem found.
fn read_rows(
    rows: Rows,
    slots: &[Option<Field>],
    now: OffsetDateTime,
) -> Result<(Vec<Record>, Vec<u64>), CsvError> {
    let mut records = Vec::new();
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashMap<Uuid, u64> = HashMap::new();
    let mut count = 0;
    for row in rows {
        let row = row.map_err(syntax)?;
        if is_blank(&row) {
            continue;
        }
        count += 1;
        let line = line_of(&row);
        let problem = |field: &str, problem: String| RowProblem {
            line,
            row: count,
            field: field.to_owned(),
            problem,
        };
        match read_row(&row, slots, now) {
            Ok(record) => {
                if let Some(first) = seen.insert(record.id, line) {
                    problems.push(problem(
                        Field::Id.name(),
                        format!("id {} was already used on line {first}", record.id),
                    ));
                } else {
                    records.push(record);
                    lines.push(line);
                }
            }
            Err((field, text)) => problems.push(problem(field, text)),
        }
    }
    if !problems.is_empty() {
        return Err(CsvError::Rows {
            rows: count,
            problems,
        });
    }
    Ok((records, lines))
}

/// One row as a record, or its problem: the field (empty for the row as a
/// whole) and what is wrong.
fn read_row(
    row: &::csv::StringRecord,
    slots: &[Option<Field>],
    now: OffsetDateTime,
) -> Result<Record, (&'static str, String)> {
    let extra = row
        .iter()
        .skip(slots.len())
        .filter(|cell| !cell.trim().is_empty())
        .count();
    if extra > 0 {
        return Err((
            "",
            format!(
                "has {} cells but the header has {}; is a separator inside an unquoted value?",
                row.len(),
                slots.len()
            ),
        ));
    }
    let mut input = RecordInput::default();
    for (cell, slot) in row.iter().zip(slots) {
        if let Some(field) = slot {
            set_cell(&mut input, *field, cell);
        }
    }
    input
        .validate(now)
        .map_err(|error| (error.field, error.problem))
}

/// The separator of the header line: whichever of `,` `;` and tab occurs
/// most outside quotes (a comma on a tie).
pub(super) fn sniff_separator(text: &str) -> char {
    let header = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in header.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            for (sep, count) in &mut counts {
                if c == *sep {
                    *count += 1;
                }
            }
        }
    }
    let mut best = counts[0];
    for candidate in &counts[1..] {
        if candidate.1 > best.1 {
            best = *candidate;
        }
    }
    best.0
}

fn is_blank(row: &::csv::StringRecord) -> bool {
    row.iter().all(|cell| cell.trim().is_empty())
}

fn line_of(row: &::csv::StringRecord) -> u64 {
    row.position().map(::csv::Position::line).unwrap_or(0)
}

fn syntax(error: ::csv::Error) -> CsvError {
    let line = error.position().map(::csv::Position::line).unwrap_or(0);
    let problem = match error.kind() {
        ::csv::ErrorKind::Utf8 { err, .. } => format!("not valid UTF-8 ({err})"),
        _ => error.to_string(),
    };
    CsvError::Syntax { line, problem }
}
