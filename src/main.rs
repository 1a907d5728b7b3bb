//! The `pamphlet` binary: parse the command line, run the command, and turn
//! errors into one line on stderr, a hint where there is an obvious fix, and
//! an exit code (0 success, 1 failure, 2 bad usage). The command line itself
//! lives in `cli/`.
#![forbid(unsafe_code)]

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("error: {}", failure.message);
            if let Some(hint) = failure.hint {
                eprintln!("hint: {hint}");
            }
            ExitCode::from(failure.code)
        }
    }
}
