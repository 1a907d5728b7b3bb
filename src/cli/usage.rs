//! A command line clap refuses, said in one line and a hint, in the chosen
//! language: a mistyped command gets the closest one (`serch` → `search`),
//! not clap's block of usage. `--help` and `--version` print as clap writes
//! them (in English).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::CommandFactory;
use pamphlet::i18n::Lang;
use pamphlet::msg;

use crate::cli::args::Cli;
use crate::cli::failure::Failure;

/// `--lang` as given on the command line, read before clap parses it, so
/// that clap's own refusals are reported in that language too.
pub fn lang_flag(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return args.next().and_then(|code| Lang::from_code(&code));
        }
        if let Some(code) = arg.strip_prefix("--lang=") {
            return Lang::from_code(code);
        }
    }
    None
}

/// What to do with clap's refusal: `Ok` with the text to print as it is
/// (help, version), or the `Failure` to report.
pub fn refusal(error: &clap::Error, args: &[OsString]) -> Result<(), Failure> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(texts)) => Some(texts.join(", ")),
        Some(ContextValue::StyledStr(text)) => Some(text.to_string()),
        Some(ContextValue::StyledStrs(texts)) => Some(
            texts
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    let help = msg!("hint-help", command = command_of(args));
    let failure = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return Ok(()),
        ErrorKind::InvalidSubcommand => {
            let typed = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            let failure = Failure::usage(msg!("usage-unknown-command", command = typed.as_str()));
            match closest_command(&typed) {
                Some(near) => failure.hint(msg!("hint-did-you-mean-command", command = near)),
                None => failure.hint(msg!("hint-commands")),
            }
        }
        ErrorKind::UnknownArgument => {
            let typed = text(ContextKind::InvalidArg).unwrap_or_default();
            let failure = Failure::usage(msg!("usage-unknown-option", option = typed));
            match text(ContextKind::SuggestedArg) {
                Some(near) => failure.hint(msg!("hint-did-you-mean-option", option = near)),
                None => failure.hint(help),
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let option = text(ContextKind::InvalidArg).unwrap_or_default();
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            if value.is_empty() {
                return Err(Failure::usage(msg!("usage-needs-value", option = option)).hint(help));
            }
            let failure = Failure::usage(msg!("usage-bad-value", value = value, option = option));
            let values = text(ContextKind::ValidValue).filter(|values| !values.is_empty());
            match (values, std::error::Error::source(error)) {
                (Some(values), _) => failure.hint(msg!("hint-valid-values", values = values)),
                (None, Some(why)) => failure.hint(msg!("hint-value-why", why = why.to_string())),
                (None, None) => failure.hint(help),
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = text(ContextKind::InvalidArg).unwrap_or_default();
            Failure::usage(msg!("usage-missing", missing = missing)).hint(help)
        }
        ErrorKind::MissingSubcommand => {
            Failure::usage(msg!("usage-missing-command")).hint(msg!("hint-commands"))
        }
        ErrorKind::ArgumentConflict => {
            let option = text(ContextKind::InvalidArg).unwrap_or_default();
            let other = text(ContextKind::PriorArg).unwrap_or_default();
            Failure::usage(msg!("usage-conflict", option = option, other = other)).hint(help)
        }
        _ => {
            // The first line of clap's own message, without its `error: `.
            let rendered = error.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            let first = first.strip_prefix("error: ").unwrap_or(first);
            Failure::usage(msg!("detail", detail = first)).hint(help)
        }
    };
    Err(failure)
}

/// The subcommand named on the command line, for "pamphlet load --help".
fn command_of(args: &[OsString]) -> String {
    let command = Cli::command();
    args.iter()
        .skip(1)
        .map(|arg| arg.to_string_lossy())
        .find(|arg| command.find_subcommand(arg.as_ref()).is_some())
        .map(|name| name.into_owned())
        .unwrap_or_default()
}

/// The command closest to `typed` by edits (a letter left out, added,
/// changed or two swapped), if any is close enough to be a slip.
fn closest_command(typed: &str) -> Option<String> {
    let typed = typed.to_lowercase();
    let command = Cli::command();
    command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .map(|sub| sub.get_name().to_owned())
        .map(|name| (edits(&typed, &name), name))
        .filter(|(distance, name)| {
            *distance <= 2.min(name.chars().count() / 2)
                || name.starts_with(&typed) && typed.len() >= 2
        })
        .min()
        .map(|(_, name)| name)
}

/// Optimal string alignment distance between `a` and `b`.
fn edits(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_find_their_command() {
        assert_eq!(closest_command("serch").as_deref(), Some("search"));
        assert_eq!(closest_command("imoprt").as_deref(), Some("import"));
        assert_eq!(closest_command("exprot").as_deref(), Some("export"));
        assert_eq!(closest_command("LOAD").as_deref(), Some("load"));
        assert_eq!(closest_command("banana"), None);
    }

    #[test]
    fn the_lang_flag_is_read_before_parsing() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_flag(&args(&["pamphlet", "--lang", "es", "serch"])),
            Some(Lang::Es)
        );
        assert_eq!(
            lang_flag(&args(&["pamphlet", "serch", "--lang=pt"])),
            Some(Lang::Pt)
        );
        assert_eq!(
            lang_flag(&args(&["pamphlet", "load", "--", "--lang=fr"])),
            None
        );
        assert_eq!(lang_flag(&args(&["pamphlet", "--lang"])), None);
    }
}
