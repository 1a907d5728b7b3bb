//! What a file that is not a bundle looks like, so that the error can
//! suggest the command that reads it: JSON for `load`, a spreadsheet for
//! `import-csv`, an HSDS data package for `import-hsds`.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// What a file seems to be, from its first few kilobytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looks {
    Json,
    Csv,
    Hsds,
    Empty,
    Other,
}

/// Looks at the start of `path` (or into it, for a folder).
pub fn looks_like(path: &Path) -> Looks {
    if path.is_dir() {
        return if path.join("datapackage.json").is_file() {
            Looks::Hsds
        } else {
            Looks::Other
        };
    }
    let mut head = Vec::new();
    let read = File::open(path).and_then(|file| file.take(4096).read_to_end(&mut head));
    if read.is_err() {
        return Looks::Other;
    }
    looks_of(
        &head,
        path.file_name().and_then(|n| n.to_str()).unwrap_or(""),
    )
}

fn looks_of(head: &[u8], name: &str) -> Looks {
    if head.is_empty() {
        return Looks::Empty;
    }
    // A zip: how HSDS packages usually travel.
    if head.starts_with(b"PK\x03\x04") || name.eq_ignore_ascii_case("datapackage.json") {
        return Looks::Hsds;
    }
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('[') || text.starts_with('{') {
        return if text.contains("\"resources\"") {
            Looks::Hsds
        } else {
            Looks::Json
        };
    }
    let first = text.lines().next().unwrap_or("");
    let separated = [',', ';', '\t'].iter().any(|sep| {
        first
            .split(*sep)
            .filter(|cell| !cell.trim().is_empty())
            .count()
            >= 2
    });
    let printable = !first
        .chars()
        .any(|c| c.is_control() && c != '\t' && c != '\r');
    if separated && printable {
        return Looks::Csv;
    }
    Looks::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_recognised() {
        assert_eq!(looks_of(b"[{\"name\": \"A\"}]", "a.json"), Looks::Json);
        assert_eq!(
            looks_of(b"\xef\xbb\xbf {\"name\": \"A\"}\n", "a"),
            Looks::Json
        );
        assert_eq!(
            looks_of(b"name,category,city\nA,clinic,Lyon\n", "x"),
            Looks::Csv
        );
        assert_eq!(looks_of(b"name;category\n", "x"), Looks::Csv);
        assert_eq!(looks_of(b"PK\x03\x04rest", "x.zip"), Looks::Hsds);
        assert_eq!(
            looks_of(
                b"{\"profile\": \"tabular-data-package\", \"resources\": []}",
                "x"
            ),
            Looks::Hsds
        );
        assert_eq!(looks_of(b"", "x"), Looks::Empty);
        assert_eq!(looks_of(b"\x00\x01\x02 binary", "x"), Looks::Other);
        assert_eq!(looks_of(b"just some words", "x"), Looks::Other);
    }
}
