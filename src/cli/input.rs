//! What a command reads besides its flags: a file or standard input, and a
//! search query that picks records.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use pamphlet::i18n::Lang;
use pamphlet::msg;
use pamphlet::search::{Index, Matches, Query, QueryError};
use pamphlet::vault::Vault;

use crate::cli::failure::{cannot_read, Failure};

/// Parses `text` and runs it through the search engine; notices about the
/// query (an unknown `field:`, an unclosed quote) go to stderr.
pub fn run_query(vault: &Vault, text: &str, limit: usize, lang: Lang) -> Result<Matches, Failure> {
    let query = Query::parse(text).map_err(query_failure)?;
    for notice in query.notices() {
        eprintln!(
            "{}",
            pamphlet::t!(lang, "note-line", note = notice.message())
        );
    }
    let index = Index::build(vault.records());
    Ok(index.search(&query, limit))
}

fn query_failure(error: QueryError) -> Failure {
    match error {
        QueryError::TooLong { chars, max } => {
            Failure::usage(msg!("query-too-long", count = chars, max = max))
                .hint(msg!("hint-query-too-long"))
        }
        #[allow(unreachable_patterns)]
        other => Failure::usage(msg!("detail", detail = other.to_string()))
            .hint(msg!("hint-help", command = "search")),
    }
}

/// The ids of the records a query selects, best first; all, in id order,
/// for an empty query. Only full matches, the ones `search` lists first:
/// records that match part of a query are never exported or printed. When
/// there are none, stderr says which word no record has.
pub fn select(vault: &Vault, query: &str, lang: Lang) -> Result<Vec<uuid::Uuid>, Failure> {
    if query.trim().is_empty() {
        return Ok(vault.records_by_id().iter().map(|r| r.id).collect());
    }
    let matches = run_query(vault, query, usize::MAX, lang)?;
    if matches.hits.is_empty() {
        for line in lang.missing_lines(&matches.reading) {
            eprintln!("{line}");
        }
        if matches.partial_total > 0 {
            eprintln!(
                "{}",
                pamphlet::t!(
                    lang,
                    "select-partial-not-taken",
                    count = matches.partial_total
                )
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
        bytes = fs::read(file).map_err(|e| cannot_read(file, &e))?;
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count();
        Failure::new(msg!(
            "file-line-not-utf8",
            file = display_input(file),
            line = line
        ))
        .hint(msg!("hint-save-utf8"))
    })
}

/// The bytes of `file`, or of standard input for `-`.
pub fn read_bytes(file: &Path) -> Result<Vec<u8>, Failure> {
    if file == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        fs::read(file).map_err(|e| cannot_read(file, &e))
    }
}

/// How an error names `file`: by its path, or as standard input for `-`.
pub fn display_input(file: &Path) -> pamphlet::i18n::Arg {
    if file == Path::new("-") {
        msg!("standard-input").into()
    } else {
        file.display().to_string().into()
    }
}
