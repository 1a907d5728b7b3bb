//! The `pamphlet` binary: parse the command line, run the command, and turn
//! errors into one line on stderr, a hint where there is an obvious fix, and
//! an exit code (0 success, 1 failure, 2 bad usage), the line and the hint
//! through `pamphlet::text::shown`. The command line itself lives in `cli/`.
#![forbid(unsafe_code)]

mod cli;

use std::process::ExitCode;

use clap::Parser;
use pamphlet::text::shown;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // A message may quote a file's name, a manifest's key or a
            // serde error about a record: shown, never obeyed.
            eprintln!("error: {}", shown(&failure.message));
            if let Some(hint) = failure.hint {
                eprintln!("hint: {}", shown(&hint));
            }
            ExitCode::from(failure.code)
        }
    }
}
