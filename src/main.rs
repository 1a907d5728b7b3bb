//! The `pamphlet` binary: parse the command line, run the command, and turn
//! errors into one `error:` line on stderr and one `hint:` line, in the
//! person's language, and an exit code (0 success, 1 failure, 2 bad usage),
//! through `pamphlet::text::shown`. The command line itself lives in `cli/`.
#![forbid(unsafe_code)]

mod cli;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;
use pamphlet::i18n::Lang;
use pamphlet::text::shown;

fn main() -> ExitCode {
    owner_only_files();
    let args: Vec<OsString> = std::env::args_os().collect();
    // The vault's language setting is not known before the vault is
    // opened (the passphrase prompt included); --lang and the locale
    // decide until then.
    let lang = Lang::from_env(cli::lang_flag(&args), None);
    let parsed = match cli::Cli::try_parse_from(&args) {
        Ok(parsed) => parsed,
        Err(error) => {
            return match cli::refusal(&error, &args) {
                Ok(()) => {
                    // --help or --version: clap's own words.
                    let _ = error.print();
                    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
                }
                Err(failure) => report(&failure, lang),
            };
        }
    };
    // The vault's setting, once a command unlocks it, decides from then
    // on unless --lang was given: `run` leaves `lang` as it ended.
    let mut lang = Lang::from_env(parsed.lang.map(Lang::from), None);
    match cli::run(parsed, &mut lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => report(&failure, lang),
    }
}

/// Prints a failure's two lines; its exit code.
fn report(failure: &cli::Failure, lang: Lang) -> ExitCode {
    // A message may quote a file's name or a record: its arguments went
    // through `shown` already, and the whole line goes through it again.
    for line in failure.lines(lang) {
        eprintln!("{}", shown(&line));
    }
    ExitCode::from(failure.code)
}

/// Whatever umask pamphlet was started under, what it creates is its
/// owner's alone: sled makes its own files and directories in `db/` with
/// the default modes, which only the umask narrows.
fn owner_only_files() {
    #[cfg(unix)]
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
}
