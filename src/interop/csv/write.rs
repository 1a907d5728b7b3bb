//! Writing records as CSV, one column per field, after checking that every
//! record would read back the same.

use time::OffsetDateTime;

use super::cells::{cell, set_cell};
use super::CsvWriteError;
use crate::model::{Field, Record, RecordInput};

/// One record as CSV cells, in the order of `Field::ALL`.
pub fn record_cells(record: &Record) -> [String; Field::ALL.len()] {
    Field::ALL.map(|field| cell(record, field))
}

/// Writes records as CSV with a header row of the record's field names,
/// comma-separated, `\n` line endings, quoting where needed, and list items
/// escaped as the module doc says. Every record is first read back from its
/// cells as `parse_csv` would; if one would change, nothing is written.
pub fn write_csv(records: &[Record], out: impl std::io::Write) -> Result<(), CsvWriteError> {
    for record in records {
        check_reads_back(record)?;
    }
    write_rows(records, out)?;
    Ok(())
}

fn write_rows(records: &[Record], out: impl std::io::Write) -> std::io::Result<()> {
    let mut writer = ::csv::WriterBuilder::new().from_writer(out);
    writer.write_record(Field::ALL.map(Field::name))?;
    for record in records {
        writer.write_record(record_cells(record))?;
    }
    writer.flush()
}

/// Reads a record back from its cells the way `parse_csv` reads a row, and
/// names the first field that would come back different.
fn check_reads_back(record: &Record) -> Result<(), CsvWriteError> {
    let mut input = RecordInput::default();
    for field in Field::ALL {
        set_cell(&mut input, field, &cell(record, field));
    }
    // `updated_at` is always written, so `now` is never used: the epoch
    // only makes an unwritable time show up as a difference.
    let field = match input.validate(OffsetDateTime::UNIX_EPOCH) {
        Ok(back) if back == *record => return Ok(()),
        Ok(back) => record
            .differences(&back)
            .first()
            .copied()
            .unwrap_or(Field::UpdatedAt.name()),
        Err(error) => error.field,
    };
    Err(CsvWriteError::WouldChange {
        id: record.id,
        field,
    })
}
