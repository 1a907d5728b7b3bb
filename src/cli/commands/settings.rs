//! `pamphlet settings`: the vault's settings, shown or changed. They live
//! inside the vault (see `pamphlet::vault::Settings`), so both unlock it.

use std::io::Write;

use pamphlet::i18n::Lang;
use pamphlet::t;

use crate::cli::args::SettingsCommand;
use crate::cli::context::Context;
use crate::cli::failure::Failure;
use crate::cli::output::Output;

type Outcome = Result<(), Failure>;

pub fn settings(
    context: &mut Context,
    command: Option<SettingsCommand>,
    out: &mut Output,
) -> Outcome {
    // The language pamphlet would speak without the vault's setting.
    let before = context.lang;
    let mut vault = context.unlock()?;
    match command {
        None => {
            let line = match vault.settings().language {
                Some(lang) => t!(
                    context.lang,
                    "settings-language",
                    language = language_name(lang)
                ),
                None => t!(
                    context.lang,
                    "settings-language-auto",
                    language = language_name(before)
                ),
            };
            writeln!(out, "{line}")?;
        }
        Some(SettingsCommand::Language { language }) => {
            let mut settings = vault.settings().clone();
            settings.set_language(language.lang());
            vault.set_settings(settings)?;
            if !context.lang_given {
                context.lang = language.lang().unwrap_or(before);
            }
            let line = match language.lang() {
                Some(lang) => t!(
                    context.lang,
                    "settings-language-set",
                    language = language_name(lang)
                ),
                None => t!(context.lang, "settings-language-unset"),
            };
            writeln!(out, "{line}")?;
        }
    }
    context.close(vault);
    Ok(())
}

/// A language's own name for itself: `español`, `français`.
pub fn language_name(lang: Lang) -> String {
    t!(lang, "language-own-name")
}
