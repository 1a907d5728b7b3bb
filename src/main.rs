//! The `pamphlet` binary: parse the command line, run the command, and turn
//! errors into one line on stderr, a hint where there is an obvious fix, and
//! an exit code (0 success, 1 failure, 2 bad usage).
#![forbid(unsafe_code)]

mod cli;

use std::process::ExitCode;

use clap::Parser;

use cli::args::Cli;
use cli::commands::records as commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
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
