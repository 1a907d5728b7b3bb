//! What a command reads besides its flags: a file or standard input, and a
//! search query that picks records.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use pamphlet::search::{Index, Matches, Query};
use pamphlet::vault::Vault;

use crate::cli::failure::Failure;

/// Parses `text` and runs it through the search engine; notices about the
/// query (an unknown `field:`, an unclosed quote) go to stderr.
pub fn run_query(vault: &Vault, text: &str, limit: usize) -> Result<Matches, Failure> {
    let query = Query::parse(text).map_err(|e| Failure::usage(e.to_string()))?;
    for notice in query.notices() {
        eprintln!("note: {}", pamphlet::text::shown(&notice.to_string()));
    }
    let index = Index::build(vault.records());
    Ok(index.search(&query, limit))
}

/// The ids of the records a query selects, best first; all, in id order,
/// for an empty query. Only full matches, the ones `search` lists first:
/// records that match part of a query are never exported or printed. When
/// there are none, stderr says which word no record has.
pub fn select(vault: &Vault, query: &str) -> Result<Vec<uuid::Uuid>, Failure> {
    if query.trim().is_empty() {
        return Ok(vault.records_by_id().iter().map(|r| r.id).collect());
    }
    let matches = run_query(vault, query, usize::MAX)?;
    if matches.hits.is_empty() {
        for line in matches.reading.missing_lines() {
            eprintln!("{}", pamphlet::text::shown(&line));
        }
        if matches.partial_total > 0 {
            eprintln!(
                "{} records match part of the query; only records that match all of it are taken",
                matches.partial_total
            );
        }
    }
    Ok(matches.hits.iter().map(|hit| hit.id).collect())
}

/// The text of `file`, or of standard input for `-`, which must be UTF-8.
pub fn read_input(file: &Path) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    if file == Path::new("-") {
        io::stdin().lock().read_to_end(&mut bytes)?;
    } else {
        bytes = fs::read(file)
            .map_err(|e| Failure::new(format!("cannot read {}: {e}", file.display())))?;
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count();
        Failure::new(format!(
            "{}: line {line} is not valid UTF-8 (byte {at})",
            display_input(file)
        ))
        .hint("save the file as UTF-8 and try again; nothing was stored")
    })
}

/// The bytes of `file`, or of standard input for `-`.
pub fn read_bytes(file: &Path) -> Result<Vec<u8>, Failure> {
    if file == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        fs::read(file).map_err(|e| Failure::new(format!("cannot read {}: {e}", file.display())))
    }
}

/// How an error names `file`: by its path, or as standard input for `-`.
pub fn display_input(file: &Path) -> String {
    if file == Path::new("-") {
        "standard input".to_owned()
    } else {
        file.display().to_string()
    }
}
