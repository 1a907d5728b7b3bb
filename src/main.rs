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
    owner_only_files();
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

/// Whatever umask pamphlet was started under, what it creates is its
/// owner's alone: sled makes its own files and directories in `db/` with
/// the default modes, which only the umask narrows.
fn owner_only_files() {
    #[cfg(unix)]
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
}
