//! Standard output, for every command. Nothing in the binary prints to
//! stdout any other way.
//!
//! A reader may go away before a command is done (`pamphlet show ID | head
//! -1`, or `| true`). What the command prints after that has nowhere to go
//! and is dropped: the command still does its work and ends as it would
//! have, with exit status 0, instead of failing (or panicking) on a write.
//! Any other failure to write, like a full disk under `> file`, is reported.
//!
//! Text that came from outside (a record, a bundle, a file, a file's name)
//! is written through `pamphlet::text::shown`, and JSON through
//! `pamphlet::text::json`, by the commands that print it.

use std::io::{self, BufWriter, Stdout, Write};
use std::path::Path;

/// A path as a line may show it: through `pamphlet::text::shown`, since a
/// file's name can hold an escape sequence.
pub fn shown_path(path: &Path) -> String {
    pamphlet::text::shown(&path.display().to_string()).into_owned()
}

/// The lines that list what an export, a sheet or a CSV file takes, one a
/// record, indented: name, category in `lang`, city and country, short id.
pub fn listing<'r>(
    records: impl IntoIterator<Item = &'r pamphlet::model::Record>,
    lang: pamphlet::i18n::Lang,
) -> Vec<String> {
    records
        .into_iter()
        .map(|record| format!("  {}", record.listing_line(&record.category.word(lang))))
        .collect()
}

/// Where a command's results go: buffered, and quiet once the reader has
/// gone.
pub struct Output<W: Write = Stdout> {
    /// `None` once the reader has gone.
    open: Option<BufWriter<W>>,
}

impl Output {
    pub fn stdout() -> Output {
        Output::new(io::stdout())
    }
}

impl<W: Write> Output<W> {
    pub fn new(inner: W) -> Output<W> {
        Output {
            open: Some(BufWriter::new(inner)),
        }
    }

    /// Writes out what is still buffered: the end of a command.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush()
    }

    /// Turns a closed pipe into success, from now on.
    fn unless_closed<T>(&mut self, result: io::Result<T>, closed: T) -> io::Result<T> {
        match result {
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
                if let Some(writer) = self.open.take() {
                    // What is still buffered has no reader: dropped, with no
                    // second try at writing it.
                    let (_inner, _unwritten) = writer.into_parts();
                }
                Ok(closed)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Some(writer) = &mut self.open else {
            return Ok(buf.len());
        };
        let result = writer.write(buf);
        self.unless_closed(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let Some(writer) = &mut self.open else {
            return Ok(());
        };
        let result = writer.flush();
        self.unless_closed(result, ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails every write with `kind`, counting the tries.
    struct Failing {
        kind: io::ErrorKind,
        tries: usize,
    }

    impl Write for &mut Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            self.tries += 1;
            Err(self.kind.into())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn bytes_pass_through_unchanged() {
        let mut written = Vec::new();
        let mut out = Output::new(&mut written);
        writeln!(out, "one {}", 1).unwrap();
        out.write_all(b"two\n").unwrap();
        out.finish().unwrap();
        assert_eq!(written, b"one 1\ntwo\n");
    }

    #[test]
    fn a_closed_pipe_takes_everything_quietly_and_is_tried_once() {
        let mut pipe = Failing {
            kind: io::ErrorKind::BrokenPipe,
            tries: 0,
        };
        let mut out = Output::new(&mut pipe);
        // More than the buffer holds, so the pipe is written to before the
        // end.
        for _ in 0..10_000 {
            writeln!(out, "a line nobody reads").unwrap();
        }
        out.flush().unwrap();
        out.finish().unwrap();
        assert_eq!(pipe.tries, 1);
    }

    #[test]
    fn other_write_errors_are_reported() {
        let mut disk = Failing {
            kind: io::ErrorKind::StorageFull,
            tries: 0,
        };
        let mut out = Output::new(&mut disk);
        writeln!(out, "short").unwrap();
        let error = out.finish().unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::StorageFull);
    }
}
