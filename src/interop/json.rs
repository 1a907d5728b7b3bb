//! Records as JSON: a JSON array of record objects, or JSON Lines (one object
//! per line). Reading is all or nothing: the first bad record stops it, named
//! by its position and field, and nothing is returned.

use std::collections::HashMap;

use serde_json::value::RawValue;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::model::{Record, RecordInput};

/// Where in the input a bad record is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Position {
    /// 1-based index in a JSON array.
    Index(usize),
    /// 1-based line of JSON Lines.
    Line(usize),
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Position::Index(n) => write!(f, "record {n}"),
            Position::Line(n) => write!(f, "line {n}"),
        }
    }
}

/// Why records could not be read. Names a position and a field; it may quote
/// a short offending value but never a whole record.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JsonError {
    /// The text is not valid JSON at all.
    #[error("not valid JSON at line {line}, column {column}: {problem}")]
    Syntax {
        line: usize,
        column: usize,
        problem: String,
    },
    /// A record is not a JSON object, or a field has the wrong JSON type or
    /// is unknown.
    #[error("{at}: {problem}")]
    Shape { at: Position, problem: String },
    /// A record's field failed validation.
    #[error("{at}: {source}")]
    Invalid {
        at: Position,
        #[source]
        source: crate::model::FieldError,
    },
    /// The input holds more records than the caller allows.
    #[error("more than {limit} records")]
    TooMany { limit: usize },
    /// Two records in the input share an id.
    #[error("{at}: id {id} was already used by {first}")]
    DuplicateId {
        at: Position,
        first: Position,
        id: Uuid,
    },
}

/// Reads a JSON array or JSON Lines. `now` stamps records without
/// `updated_at`. Blank lines in JSON Lines are skipped; a leading UTF-8 BOM
/// is ignored. Records are parsed and validated on all cores.
pub fn parse_records(text: &str, now: OffsetDateTime) -> Result<Vec<Record>, JsonError> {
    parse_records_at_most(text, now, usize::MAX)
}

/// [`parse_records`], refusing more than `limit` records before parsing
/// any: the records are counted as the text is split, so a file of
/// millions of tiny records costs no more than `limit` of them. For
/// bundles, whose manifest says how many records they hold.
pub fn parse_records_at_most(
    text: &str,
    now: OffsetDateTime,
    limit: usize,
) -> Result<Vec<Record>, JsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let items = if text.trim_start().starts_with('[') {
        split_array(text, limit)?
    } else {
        let mut items = Vec::new();
        let lines = text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty());
        for (i, line) in lines {
            if items.len() == limit {
                return Err(JsonError::TooMany { limit });
            }
            items.push((Position::Line(i + 1), line));
        }
        items
    };
    let records = crate::parallel::map(&items, |(at, text)| parse_one(at, text, now))?;

    let mut seen: HashMap<Uuid, usize> = HashMap::with_capacity(records.len());
    for (index, record) in records.iter().enumerate() {
        if let Some(first) = seen.insert(record.id, index) {
            return Err(JsonError::DuplicateId {
                at: items[index].0.clone(),
                first: items[first].0.clone(),
                id: record.id,
            });
        }
    }
    Ok(records)
}

/// The elements of a JSON array, unparsed, at most `limit` of them.
fn split_array(text: &str, limit: usize) -> Result<Vec<(Position, &str)>, JsonError> {
    let over = std::cell::Cell::new(false);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let raw =
        serde::Deserializer::deserialize_seq(&mut deserializer, AtMost { limit, over: &over })
            .and_then(|raw| deserializer.end().map(|()| raw));
    if over.get() {
        return Err(JsonError::TooMany { limit });
    }
    let raw = raw.map_err(|e| JsonError::Syntax {
        line: e.line(),
        column: e.column(),
        problem: strip_position(&e),
    })?;
    Ok(raw
        .into_iter()
        .enumerate()
        .map(|(i, value)| (Position::Index(i + 1), value.get()))
        .collect())
}

/// Collects the elements of a JSON array as raw text, stopping at the
/// first past `limit` (and saying so in `over`).
struct AtMost<'c> {
    limit: usize,
    over: &'c std::cell::Cell<bool>,
}

impl<'de> serde::de::Visitor<'de> for AtMost<'_> {
    type Value = Vec<&'de RawValue>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON array of records")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut raw = Vec::new();
        while let Some(value) = seq.next_element::<&'de RawValue>()? {
            if raw.len() == self.limit {
                self.over.set(true);
                return Err(serde::de::Error::custom("too many records"));
            }
            raw.push(value);
        }
        Ok(raw)
    }
}

/// Parses and validates one record's JSON text.
fn parse_one(at: &Position, text: &str, now: OffsetDateTime) -> Result<Record, JsonError> {
    if !text.trim_start().starts_with('{') {
        // A line that is not an object may still be broken JSON; say which.
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Err(e) if matches!(at, Position::Line(_)) => line_syntax(at, &e),
            _ => JsonError::Shape {
                at: at.clone(),
                problem: "expected a JSON object".to_owned(),
            },
        });
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let input: RecordInput = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let inner = e.inner();
        if inner.is_syntax() || inner.is_eof() {
            return line_syntax(at, inner);
        }
        let path = e.path().to_string();
        let problem = strip_position(inner);
        JsonError::Shape {
            at: at.clone(),
            problem: if path == "." {
                problem
            } else {
                format!("field `{path}`: {problem}")
            },
        }
    })?;
    // Anything after the object on the same line is an error, not ignored.
    deserializer.end().map_err(|e| line_syntax(at, &e))?;
    input.validate(now).map_err(|source| JsonError::Invalid {
        at: at.clone(),
        source,
    })
}

/// A syntax error inside one record: in JSON Lines the line is the record's.
fn line_syntax(at: &Position, error: &serde_json::Error) -> JsonError {
    match at {
        Position::Line(line) => JsonError::Syntax {
            line: *line,
            column: error.column(),
            problem: strip_position(error),
        },
        Position::Index(_) => JsonError::Shape {
            at: at.clone(),
            problem: strip_position(error),
        },
    }
}

/// Writes records as JSON Lines, one per line, each line ending in `\n`,
/// through `text::json`: what a terminal would obey is written as a `\u`
/// escape, which reads back as the same text.
pub fn write_json_lines<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    for record in records {
        out.write_all(crate::text::json(&record.to_json_line()).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// serde_json appends " at line L column C"; positions are reported apart.
fn strip_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.find(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> OffsetDateTime {
        time::macros::datetime!(2026-11-30 12:00 UTC)
    }

    #[test]
    fn arrays_and_json_lines_both_load() {
        let array = r#"[{"name":"Ana","category":"clinic"},{"name":"Bo","category":"lawyer"}]"#;
        assert_eq!(parse_records(array, now()).unwrap().len(), 2);
        let lines = "\u{feff}{\"name\":\"Ana\",\"category\":\"clinic\"}\n\n{\"name\":\"Bo\",\"category\":\"lawyer\"}\n";
        let records = parse_records(lines, now()).unwrap();
        assert_eq!(records[1].name, "Bo");
    }

    #[test]
    fn errors_name_the_position_and_the_field() {
        let lines = "{\"name\":\"Ana\",\"category\":\"clinic\"}\n{\"name\":\"Bo\",\"category\":\"lawyr\"}\n";
        let err = parse_records(lines, now()).unwrap_err().to_string();
        assert!(err.starts_with("line 2: field `category`"), "{err}");

        let array = r#"[{"name":"Ana","category":"clinic"},{"name":"Bo","category":"lawyer","phones":"555"}]"#;
        let err = parse_records(array, now()).unwrap_err().to_string();
        assert!(err.starts_with("record 2: field `phones`"), "{err}");

        let err = parse_records(
            r#"[{"name":"Ana","category":"clinic","colour":"red"}]"#,
            now(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("record 1") && err.contains("colour"), "{err}");

        let err = parse_records("[{\"name\":\"Ana\",", now()).unwrap_err();
        assert!(matches!(err, JsonError::Syntax { line: 1, .. }), "{err}");

        let err = parse_records("[1]", now()).unwrap_err().to_string();
        assert_eq!(err, "record 1: expected a JSON object");
    }

    #[test]
    fn more_records_than_the_limit_are_refused_before_any_is_parsed() {
        let line = "{\"name\":\"Ana\",\"category\":\"clinic\"}\n";
        let lines = line.repeat(3);
        assert_eq!(parse_records_at_most(&lines, now(), 3).unwrap().len(), 3);
        let err = parse_records_at_most(&lines, now(), 2).unwrap_err();
        assert!(matches!(err, JsonError::TooMany { limit: 2 }), "{err:?}");
        assert_eq!(err.to_string(), "more than 2 records");
        // Counted before parsing: a bad fourth line is not what is said.
        let bad = format!("{lines}{{\"name\":");
        let err = parse_records_at_most(&bad, now(), 3).unwrap_err();
        assert!(matches!(err, JsonError::TooMany { limit: 3 }), "{err:?}");
        // Blank lines are not records.
        assert!(parse_records_at_most(&format!("\n{lines}\n\n"), now(), 3).is_ok());

        let array = format!("[{}]", lines.trim_end().replace('\n', ","));
        assert_eq!(parse_records_at_most(&array, now(), 3).unwrap().len(), 3);
        let err = parse_records_at_most(&array, now(), 2).unwrap_err();
        assert!(matches!(err, JsonError::TooMany { limit: 2 }), "{err:?}");
        let unclosed = format!(
            "[{},{}",
            lines.trim_end().replace('\n', ","),
            line.trim_end()
        );
        let err = parse_records_at_most(&unclosed, now(), 3).unwrap_err();
        assert!(matches!(err, JsonError::TooMany { limit: 3 }), "{err:?}");
        let err = parse_records_at_most("[] []", now(), 3).unwrap_err();
        assert!(matches!(err, JsonError::Syntax { .. }), "{err:?}");
        assert_eq!(parse_records_at_most("[]", now(), 0).unwrap().len(), 0);
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let id = "0b9c3f1e-1d2c-4b5a-9e8f-7a6b5c4d3e2f";
        let lines = format!(
            "{{\"id\":\"{id}\",\"name\":\"Ana\",\"category\":\"clinic\"}}\n{{\"id\":\"{id}\",\"name\":\"Bo\",\"category\":\"clinic\"}}"
        );
        let err = parse_records(&lines, now()).unwrap_err().to_string();
        assert!(
            err.starts_with("line 2: id") && err.contains("line 1"),
            "{err}"
        );
    }
}
