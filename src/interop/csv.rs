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

use std::collections::HashMap;

use time::OffsetDateTime;
use uuid::Uuid;

use crate::model::list_text::{escape, join_list, split_list, split_unescaped, unescape};
use crate::model::{PhoneInput, Record, RecordInput};

/// The record fields, in the order `write_csv` writes them.
pub const COLUMNS: [&str; 20] = [
    "id",
    "name",
    "organization",
    "category",
    "description",
    "city",
    "region",
    "country",
    "address",
    "phones",
    "email",
    "website",
    "languages",
    "hours",
    "cost",
    "notes",
    "tags",
    "verified_on",
    "status",
    "updated_at",
];

/// Other headers people give each field, after folding (lower case, `_` and
/// `-` as spaces, runs of space as one, no trailing `:`).
const ALIASES: [(&str, &[&str]); 20] = [
    ("id", &["uuid", "record id"]),
    (
        "name",
        &[
            "service name",
            "service",
            "referral",
            "contact name",
            "full name",
            "who",
        ],
    ),
    (
        "organization",
        &[
            "organisation",
            "org",
            "agency",
            "organization name",
            "organisation name",
        ],
    ),
    ("category", &["type", "kind", "service type"]),
    ("description", &["details", "about", "what", "summary"]),
    (
        "city",
        &[
            "town",
            "city/town",
            "town/city",
            "municipality",
            "ville",
            "ciudad",
        ],
    ),
    (
        "region",
        &[
            "state",
            "province",
            "state/province",
            "county",
            "state province",
        ],
    ),
    ("country", &["country code", "pays", "país"]),
    (
        "address",
        &[
            "street",
            "street address",
            "address 1",
            "address line 1",
            "location",
        ],
    ),
    (
        "phones",
        &[
            "phone",
            "phone number",
            "phone numbers",
            "phone(s)",
            "telephone",
            "tel",
            "mobile",
            "cell",
            "number",
        ],
    ),
    ("email", &["e mail", "email address", "mail"]),
    (
        "website",
        &["url", "web", "site", "web site", "homepage", "link"],
    ),
    (
        "languages",
        &[
            "language",
            "language(s)",
            "langs",
            "spoken languages",
            "languages spoken",
        ],
    ),
    (
        "hours",
        &["opening hours", "open hours", "schedule", "times", "when"],
    ),
    (
        "cost",
        &["fees", "fee", "price", "costs", "fees description"],
    ),
    ("notes", &["note", "comments", "comment", "remarks"]),
    ("tags", &["tag", "labels", "keywords"]),
    (
        "verified_on",
        &[
            "verified",
            "verified on",
            "last verified",
            "assured date",
            "checked on",
        ],
    ),
    ("status", &["state of service", "active"]),
    (
        "updated_at",
        &["updated", "last updated", "modified", "last modified"],
    ),
];

/// The record field a header names, if any.
pub fn field_for_header(header: &str) -> Option<&'static str> {
    let folded = fold_header(header);
    ALIASES
        .iter()
        .find(|(field, aliases)| {
            fold_header(field) == folded || aliases.iter().any(|alias| *alias == folded)
        })
        .map(|(field, _)| *field)
}

fn fold_header(header: &str) -> String {
    let lower = header
        .trim()
        .trim_end_matches(':')
        .to_lowercase()
        .replace(['_', '-'], " ");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What separates the tags of a cell.
const TAG_SEPARATORS: &[char] = &[',', ';', '|', '\n'];
/// What separates the languages of a cell.
const LANGUAGE_SEPARATORS: &[char] = &[',', ';', '|', '/', '\n'];
/// What separates phones (`|`, a newline, and `,` in a plain list of
/// numbers) and the parts of one phone (`;`): all are escaped in any part.
const PHONE_SEPARATORS: &[char] = &['|', '\n', ';', ','];

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

/// Reads a CSV file's bytes. `now` stamps records without `updated_at`.
pub fn parse_csv(bytes: &[u8], now: OffsetDateTime) -> Result<CsvImport, CsvError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let byte = e.valid_up_to();
        CsvError::NotUtf8 {
            line: super::line_of_offset(bytes, byte),
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
    let (header_line, header) = loop {
        match rows.next() {
            None => return Err(CsvError::Empty),
            Some(row) => {
                let row = row.map_err(syntax)?;
                if !is_blank(&row) {
                    break (line_of(&row), row);
                }
            }
        }
    };

    let mut columns: Vec<(String, &'static str)> = Vec::new();
    let mut slots: Vec<Option<&'static str>> = Vec::new();
    let mut ignored = Vec::new();
    for cell in header.iter() {
        let cell = cell.trim();
        match field_for_header(cell) {
            Some(field) => {
                if let Some((first, _)) = columns.iter().find(|(_, f)| *f == field) {
                    return Err(CsvError::DuplicateColumn {
                        line: header_line,
                        field,
                        first: first.clone(),
                        second: cell.to_owned(),
                    });
                }
                columns.push((cell.to_owned(), field));
                slots.push(Some(field));
            }
            None => {
                if !cell.is_empty() {
                    ignored.push(cell.to_owned());
                }
                slots.push(None);
            }
        }
    }
    for needed in ["name", "category"] {
        if !columns.iter().any(|(_, field)| *field == needed) {
            let aliases = ALIASES
                .iter()
                .find(|(field, _)| *field == needed)
                .map(|(_, aliases)| aliases.join(", "))
                .unwrap_or_default();
            return Err(CsvError::MissingColumn {
                line: header_line,
                field: needed,
                aliases,
            });
        }
    }

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
        let extra = row
            .iter()
            .skip(slots.len())
            .filter(|cell| !cell.trim().is_empty())
            .count();
        if extra > 0 {
            problems.push(problem(
                "",
                format!(
                    "has {} cells but the header has {}; is a separator inside an unquoted value?",
                    row.len(),
                    slots.len()
                ),
            ));
            continue;
        }
        let mut input = RecordInput::default();
        for (cell, slot) in row.iter().zip(&slots) {
            if let Some(field) = slot {
                set_field(&mut input, field, cell);
            }
        }
        match input.validate(now) {
            Ok(record) => {
                if let Some(first) = seen.insert(record.id, line) {
                    problems.push(problem(
                        "id",
                        format!("id {} was already used on line {first}", record.id),
                    ));
                } else {
                    records.push(record);
                    lines.push(line);
                }
            }
            Err(error) => problems.push(problem(error.field, error.problem)),
        }
    }
    if !problems.is_empty() {
        return Err(CsvError::Rows {
            rows: count,
            problems,
        });
    }
    Ok(CsvImport {
        records,
        separator,
        columns,
        ignored,
        lines,
    })
}

/// The separator of the header line: whichever of `,` `;` and tab occurs
/// most outside quotes (a comma on a tie).
fn sniff_separator(text: &str) -> char {
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

/// Puts one cell into the field it belongs to. List fields are split.
fn set_field(input: &mut RecordInput, field: &str, cell: &str) {
    // A quoted newline saved on Windows is `\r\n`; records keep `\n`.
    let cell = &cell.replace("\r\n", "\n").replace('\r', "\n");
    let text = Some(cell.to_owned());
    match field {
        "id" => input.id = text,
        "name" => input.name = text,
        "organization" => input.organization = text,
        "category" => input.category = text,
        "description" => input.description = text,
        "city" => input.city = text,
        "region" => input.region = text,
        "country" => input.country = text,
        "address" => input.address = text,
        "phones" => input.phones = Some(split_phones(cell)),
        "email" => input.email = text,
        "website" => input.website = text,
        "languages" => input.languages = Some(split_list(cell, LANGUAGE_SEPARATORS)),
        "hours" => input.hours = text,
        "cost" => input.cost = text,
        "notes" => input.notes = text,
        "tags" => input.tags = Some(split_list(cell, TAG_SEPARATORS)),
        "verified_on" => input.verified_on = text,
        "status" => input.status = text,
        "updated_at" => input.updated_at = text,
        _ => {}
    }
}

/// Phones are separated by `|` or a newline; each is `NUMBER[;TYPE[;NOTE]]`,
/// as `--phone` takes. A plain list of numbers separated by commas is
/// accepted too. Separators escaped with a backslash are part of the value.
fn split_phones(cell: &str) -> Vec<PhoneInput> {
    let blank = |entry: &&str| entry.trim().is_empty();
    let mut entries = split_unescaped(cell, &['|', '\n'], usize::MAX);
    entries.retain(|entry| !blank(entry));
    if let [only] = entries[..] {
        if split_unescaped(only, &[';'], 2).len() == 1 {
            entries = split_unescaped(only, &[','], usize::MAX);
            entries.retain(|entry| !blank(entry));
        }
    }
    entries
        .iter()
        .map(|entry| {
            let mut parts = split_unescaped(entry, &[';'], 3)
                .into_iter()
                .map(|part| unescape(part, PHONE_SEPARATORS).trim().to_owned());
            PhoneInput {
                number: parts.next(),
                kind: parts.next(),
                note: parts.next(),
            }
        })
        .collect()
}

/// The cell `write_csv` writes for a record's phones; `split_phones` reads
/// it back.
fn join_phones(record: &Record) -> String {
    record
        .phones
        .iter()
        .map(|phone| {
            let number = escape(&phone.number, PHONE_SEPARATORS);
            let kind = phone.kind.as_str();
            match (phone.note.is_empty(), kind == "voice") {
                (true, true) => number,
                (true, false) => format!("{number};{kind}"),
                (false, _) => format!("{number};{kind};{}", escape(&phone.note, PHONE_SEPARATORS)),
            }
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// One record as CSV cells, in the order of `COLUMNS`.
pub fn record_cells(record: &Record) -> [String; 20] {
    [
        record.id.to_string(),
        record.name.clone(),
        record.organization.clone(),
        record.category.as_str().to_owned(),
        record.description.clone(),
        record.city.clone(),
        record.region.clone(),
        record.country.clone(),
        record.address.clone(),
        join_phones(record),
        record.email.clone(),
        record.website.clone(),
        join_list(&record.languages, LANGUAGE_SEPARATORS),
        record.hours.clone(),
        record.cost.clone(),
        record.notes.clone(),
        join_list(&record.tags, TAG_SEPARATORS),
        record
            .verified_on
            .map(crate::model::format_date)
            .unwrap_or_default(),
        record.status.as_str().to_owned(),
        record
            .updated_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
    ]
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
    writer.write_record(COLUMNS)?;
    for record in records {
        writer.write_record(record_cells(record))?;
    }
    writer.flush()
}

/// Reads a record back from its cells the way `parse_csv` reads a row, and
/// names the first field that would come back different.
fn check_reads_back(record: &Record) -> Result<(), CsvWriteError> {
    let mut input = RecordInput::default();
    for (field, cell) in COLUMNS.iter().zip(record_cells(record)) {
        set_field(&mut input, field, &cell);
    }
    // `updated_at` is always written, so `now` is never used: the epoch
    // only makes an unwritable time show up as a difference.
    let field = match input.validate(OffsetDateTime::UNIX_EPOCH) {
        Ok(back) if back == *record => return Ok(()),
        Ok(back) => record
            .differences(&back)
            .first()
            .copied()
            .unwrap_or("updated_at"),
        Err(error) => error.field,
    };
    Err(CsvWriteError::WouldChange {
        id: record.id,
        field,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn now() -> OffsetDateTime {
        time::macros::datetime!(2026-11-30 12:00 UTC)
    }

    #[test]
    fn headers_match_fields_through_aliases_and_case() {
        assert_eq!(field_for_header("Phone Number"), Some("phones"));
        assert_eq!(field_for_header(" TOWN "), Some("city"));
        assert_eq!(field_for_header("Language(s)"), Some("languages"));
        assert_eq!(field_for_header("verified_on"), Some("verified_on"));
        assert_eq!(field_for_header("Verified-On:"), Some("verified_on"));
        assert_eq!(field_for_header("favourite colour"), None);
    }

    #[test]
    fn the_separator_is_sniffed_from_the_header() {
        assert_eq!(sniff_separator("name;category;\"a,b,c\"\n"), ';');
        assert_eq!(sniff_separator("name\tcategory\n"), '\t');
        assert_eq!(sniff_separator("name,category\n"), ',');
        assert_eq!(sniff_separator("name\n"), ',');
    }

    #[test]
    fn phones_read_back_what_is_written() {
        let cell = "+1 503 555 0100 | +1 503 555 0101;text | +1 503 555 0102;voice;ask; for Ana";
        let phones = split_phones(cell);
        assert_eq!(phones.len(), 3);
        assert_eq!(phones[1].kind.as_deref(), Some("text"));
        assert_eq!(phones[2].note.as_deref(), Some("ask; for Ana"));
        let plain = split_phones("555 0100, 555 0101");
        assert_eq!(plain.len(), 2);
    }

    fn phone(number: &str, kind: &str, note: &str) -> PhoneInput {
        PhoneInput {
            number: Some(number.into()),
            kind: Some(kind.into()),
            note: Some(note.into()),
        }
    }

    /// Writes records with `write_csv` and reads them back with `parse_csv`.
    fn through_csv(records: &[Record]) -> (String, Vec<Record>) {
        let mut bytes = Vec::new();
        write_csv(records, &mut bytes).unwrap();
        let back = parse_csv(&bytes, now()).unwrap().records;
        (String::from_utf8(bytes).unwrap(), back)
    }

    #[test]
    fn separators_backslashes_quotes_and_newlines_in_list_items_round_trip() {
        let input = RecordInput {
            name: Some("Ana \"the\" Ruiz, MD".into()),
            category: Some("clinic".into()),
            notes: Some("line one\nline two, \\ and | too".into()),
            tags: Some(
                [
                    "a,b",
                    "x|y",
                    "back\\slash",
                    "semi;colon",
                    "two\nlines",
                    "ends with \\",
                    "\\,",
                    "say \"hi\"",
                    "it's",
                    "slash/ed",
                ]
                .map(String::from)
                .to_vec(),
            ),
            languages: Some(vec!["es".into(), "en".into()]),
            phones: Some(vec![
                phone("+1 503 555 0100", "voice", "ask | for Ana, or Bo; evenings"),
                phone("+1 503 555 0101", "text", "C:\\notes \\| and \\\\"),
                phone("+1 503 555 0102", "voice", "first\nsecond"),
                phone("555-0103 ext. 4", "fax", ""),
            ]),
            ..RecordInput::default()
        };
        let record = input.validate(now()).unwrap();
        let (text, back) = through_csv(std::slice::from_ref(&record));
        assert_eq!(back, [record]);
        assert!(
            text.contains("a\\,b, x\\|y, back\\\\slash, semi\\;colon"),
            "{text}"
        );
    }

    #[test]
    fn a_backslash_only_escapes_a_separator_or_a_backslash() {
        // As people type them: kept.
        assert_eq!(
            split_list("C:\\forms, a\\b , \\", TAG_SEPARATORS),
            ["C:\\forms", "a\\b", "\\"]
        );
        // `/` separates languages, not tags.
        assert_eq!(split_list("a\\/b", TAG_SEPARATORS), ["a\\/b"]);
        assert_eq!(split_list("en/es", LANGUAGE_SEPARATORS), ["en", "es"]);
        // Escapes.
        assert_eq!(
            split_list("x\\,y; p\\|q | r\\\\, s\\;t\\\nu", TAG_SEPARATORS),
            ["x,y", "p|q", "r\\", "s;t\nu"]
        );
        let phones = split_phones("555 0100;voice;a\\|b\\, c\\d | 555 0101\\, 555 0102");
        assert_eq!(phones.len(), 2);
        assert_eq!(phones[0].note.as_deref(), Some("a|b, c\\d"));
        assert_eq!(phones[1].number.as_deref(), Some("555 0101, 555 0102"));
        assert_eq!(escape("a\\b,c", TAG_SEPARATORS), "a\\\\b\\,c");
    }

    #[test]
    fn a_record_that_would_not_read_back_is_refused_before_anything_is_written() {
        let good = Record::new("Ana", crate::model::Category::Clinic, now());
        // Not a record `validate` would make: a carriage return, a tag with
        // space around it.
        let mut odd = Record::new("Bo", crate::model::Category::Lawyer, now());
        odd.notes = "one\rtwo".into();
        let mut out = Vec::new();
        match write_csv(&[good.clone(), odd.clone()], &mut out) {
            Err(CsvWriteError::WouldChange { id, field }) => {
                assert_eq!((id, field), (odd.id, "notes"));
            }
            other => panic!("expected WouldChange, got {other:?}"),
        }
        assert!(out.is_empty(), "nothing was written");
        odd.notes.clear();
        odd.tags = vec![" padded ".into()];
        assert!(matches!(
            write_csv(&[odd], &mut out),
            Err(CsvWriteError::WouldChange { field: "tags", .. })
        ));
        assert!(out.is_empty());
        assert!(write_csv(&[good], &mut out).is_ok());
    }

    /// Text a person might type, and text meant to break a list cell.
    fn nasty_text() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{0,16}",
            "[ab ,;|/\\\\\"'\n\t]{0,16}",
            "[ab\\\\]{0,3}[,;|\n]{0,2}[ab\\\\ ]{0,3}",
        ]
    }

    fn record_input() -> impl Strategy<Value = RecordInput> {
        let phone = (
            "[0-9][0-9 +()#*/A-Za-z-]{0,14}",
            prop::sample::select(crate::model::PhoneKind::ALL.to_vec()),
            nasty_text(),
        )
            .prop_map(|(number, kind, note)| PhoneInput {
                number: Some(number),
                kind: Some(kind.as_str().to_owned()),
                note: Some(note),
            });
        (
            any::<u128>(),
            nasty_text(),
            nasty_text(),
            prop::collection::vec(nasty_text(), 0..6),
            prop::collection::vec(phone, 0..4),
            prop::collection::vec(
                prop::sample::select(vec!["en", "es", "fr", "pt", "ar"]),
                0..4,
            ),
        )
            .prop_map(|(id, name, notes, tags, phones, languages)| RecordInput {
                id: Some(Uuid::from_u128(id).to_string()),
                name: Some(format!("N{name}")),
                category: Some("other".into()),
                notes: Some(notes),
                tags: Some(tags),
                phones: Some(phones),
                languages: Some(languages.into_iter().map(String::from).collect()),
                ..RecordInput::default()
            })
    }

    proptest! {
        #[test]
        fn records_round_trip_through_csv(inputs in prop::collection::vec(record_input(), 1..4)) {
            let records: Vec<Record> = inputs
                .into_iter()
                .map(|input| input.validate(now()).unwrap())
                .collect();
            let ids: std::collections::HashSet<Uuid> = records.iter().map(|r| r.id).collect();
            prop_assume!(ids.len() == records.len());
            let (text, back) = through_csv(&records);
            prop_assert_eq!(back, records, "{}", text);
        }

        #[test]
        fn any_list_item_survives_escaping(item in "\\PC{0,24}|[ab,;|/\\\\\n ]{0,24}") {
            for separators in [TAG_SEPARATORS, LANGUAGE_SEPARATORS, PHONE_SEPARATORS] {
                let cell = escape(&item, separators);
                prop_assert_eq!(split_unescaped(&cell, separators, usize::MAX), [cell.as_str()]);
                prop_assert_eq!(unescape(&cell, separators), item.clone());
            }
        }
    }

    #[test]
    fn every_bad_row_is_listed_and_nothing_is_returned() {
        let text = "name,category\nAna,clinic\nBo,lawyr\n,clinic\nCy,lawyer\n";
        match parse_csv(text.as_bytes(), now()) {
            Err(CsvError::Rows { rows, problems }) => {
                assert_eq!(rows, 4);
                assert_eq!(problems.len(), 2);
                assert_eq!((problems[0].line, problems[0].row), (3, 2));
                assert_eq!(problems[0].field, "category");
                assert_eq!((problems[1].line, problems[1].field.as_str()), (4, "name"));
            }
            other => panic!("expected row problems, got {other:?}"),
        }
    }

    #[test]
    fn non_utf8_names_the_line() {
        let bytes = b"name,category\nAna,clinic\nCl\xednica,clinic\n";
        match parse_csv(bytes, now()) {
            Err(CsvError::NotUtf8 { line, .. }) => assert_eq!(line, 3),
            other => panic!("expected NotUtf8, got {other:?}"),
        }
    }
}
