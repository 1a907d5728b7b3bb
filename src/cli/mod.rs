//! The binary's command line: `run` hands a parsed command line to its
//! command. Nothing here is used by the files below it.
//!
//! - `args`: the command line, as clap definitions
//! - `commands/`: the commands (records, bundles, keys, interop)
//! - `context`: what every command needs besides its arguments; unlocking
//! - `failure`: `Failure` and every library error's hint
//! - `files`: new files the commands write, replaced only with --force
//! - `input`: files and standard input to read, queries that pick records
//! - `output`: standard output, quiet on a closed pipe
//! - `passphrase`: where a passphrase comes from
//! - `usage`: a command line clap refuses, in one line and a hint

mod args;
mod commands;
mod context;
mod failure;
mod files;
mod input;
mod output;
mod passphrase;
mod usage;

use pamphlet::i18n::Lang;
use time::OffsetDateTime;

pub use args::Cli;
use args::Command;
use commands::{bundles, interop, keys, records, settings};
use context::Context;
pub use failure::Failure;
use output::Output;
pub use usage::{lang_flag, refusal};

/// Runs the command `cli` names, printing through one [`Output`], which is
/// flushed before any failure is reported, so the failure comes last.
/// `lang` is the language until a vault is unlocked; it is left as the one
/// the command ended in (the vault's setting), for reporting a failure.
pub fn run(cli: Cli, lang: &mut Lang) -> Result<(), Failure> {
    let mut out = Output::stdout();
    let result = dispatch(cli, lang, &mut out);
    let flushed = out.finish();
    result?;
    Ok(flushed?)
}

fn dispatch(cli: Cli, lang: &mut Lang, out: &mut Output) -> Result<(), Failure> {
    // These two need no vault, not even a place for one.
    match cli.command {
        Some(Command::Completions { shell }) => return interop::completions(shell, out),
        Some(Command::Man) => return interop::man(out),
        _ => {}
    }
    let vault_dir = match cli.vault {
        Some(dir) => dir,
        None => context::default_vault_dir()?,
    };
    let mut context = Context {
        vault_dir,
        lock_after: context::lock_after(cli.lock_after),
        passphrase_file: cli.passphrase_file,
        now: OffsetDateTime::now_utc(),
        lang: *lang,
        lang_given: cli.lang.is_some(),
    };
    let result = command(cli.command, &mut context, out);
    *lang = context.lang;
    result
}

fn command(
    command: Option<Command>,
    context: &mut Context,
    out: &mut Output,
) -> Result<(), Failure> {
    match command {
        None => records::overview(context),
        Some(Command::Init { weak }) => records::init(context, weak, out),
        Some(Command::Add(args)) => records::add(context, args.fields, out),
        Some(Command::Load { file }) => records::load(context, &file, out),
        Some(Command::Dump) => records::dump(context, out),
        Some(Command::Show { id, json }) => records::show(context, &id, json, out),
        Some(Command::Edit(args)) => records::edit(context, &args.id, args.fields, out),
        Some(Command::Rm { id }) => records::remove(context, &id, out),
        Some(Command::Search { query, limit, json }) => {
            records::search(context, &query.join(" "), limit, json, out)
        }
        Some(Command::Passwd {
            new_passphrase_file,
            weak,
        }) => records::passwd(context, new_passphrase_file.as_deref(), weak, out),
        Some(Command::Rekey) => records::rekey(context, out),
        Some(Command::Demo) => records::demo(context),
        Some(Command::Wipe { yes }) => records::wipe(context, yes, out),
        Some(Command::Keys { command }) => keys::keys(context, command, out),
        Some(Command::Export(args)) => bundles::export(context, args, out),
        Some(Command::Verify {
            file,
            passphrase,
            json,
        }) => bundles::verify(context, &file, &passphrase, json, out),
        Some(Command::Import(args)) => bundles::import(context, args, out),
        Some(Command::ExportHsds(args)) => interop::export_hsds(context, args, out),
        Some(Command::ImportHsds { dir }) => interop::import_hsds(context, &dir, out),
        Some(Command::ImportCsv(args)) => interop::import_csv(context, args, out),
        Some(Command::ExportCsv(args)) => interop::export_csv(context, args, out),
        Some(Command::Print(args)) => interop::print(context, args, out),
        Some(Command::Settings { command }) => settings::settings(context, command, out),
        Some(Command::Completions { .. } | Command::Man) => Ok(()),
    }
}
