//! The languages pamphlet speaks, and every sentence it shows in them.
//!
//! The sentences live in Fluent message files, one per language, in
//! `locales/{en,es,fr,pt}/pamphlet.ftl`, built into the binary at compile
//! time (pamphlet runs offline, as one file). Code names a message by its id
//! and never writes user-facing text itself; `tests/i18n.rs` checks that the
//! four files carry the same messages with the same arguments, and that the
//! command line's code holds no sentence of its own.
//!
//! - [`Lang`]: English, Spanish, French or Portuguese, and
//!   [`Lang::detect`], which picks one: `--lang`, else the vault's setting,
//!   else `LC_ALL` / `LC_MESSAGES` / `LANG`, else English.
//! - [`t!`](crate::t): a message with its arguments, `t!(lang, "id", name =
//!   value)`. Plural forms and numbers follow the language (Fluent's
//!   selectors on `$count`).
//! - [`Lang::date`]: a day written out in the language ("2 de diciembre de
//!   2026").
//!
//! Every text argument goes through [`crate::text::shown`] before it is put
//! into a message, so a record's name or a file's name cannot carry a
//! terminal escape in through a translation. Fluent's own Unicode isolation
//! marks (U+2068, U+2069 around each argument) are turned off: they are
//! bidirectional controls, which `shown` exists to keep off the terminal.

mod dates;

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // FSI/PDI around placeables are bidi controls: `text::shown` would
        // have to escape them, and a terminal must never get them.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language pamphlet speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
    Fr,
    Pt,
}

/// An argument of a message: text (shown through `text::shown`) or a
/// number (which selects plural forms).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
    /// A message of its own, worded in the same language.
    Nested(Message),
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Es, Lang::Fr, Lang::Pt];

    /// The two-letter code: `en`, `es`, `fr`, `pt`; the name of the folder
    /// of its message file, and what `--lang` takes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::Pt => "pt",
        }
    }

    /// The language of a code like `es`, `es-MX`, `pt_BR` or `FR`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let language = code
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == language)
    }

    /// The language of a POSIX locale name like `es_ES.UTF-8`; `None` for
    /// `C`, `POSIX` and languages pamphlet does not speak.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        Lang::from_code(locale.trim())
    }

    /// Picks the language: `flag` (`--lang`) if given, else the vault's
    /// setting, else the locale of the environment, where `env` reads a
    /// variable: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set
    /// and not empty decides, as in POSIX (`C`, `POSIX` or a language pamphlet
    /// does not speak means English); else English.
    pub fn detect(
        flag: Option<Lang>,
        vault_setting: Option<Lang>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Lang {
        if let Some(lang) = flag.or(vault_setting) {
            return lang;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&env)
            .find(|value| !value.trim().is_empty())
            .and_then(|locale| Lang::from_locale(&locale))
            .unwrap_or(Lang::En)
    }

    /// [`Lang::detect`] with this process's environment.
    pub fn from_env(flag: Option<Lang>, vault_setting: Option<Lang>) -> Lang {
        Lang::detect(flag, vault_setting, |name| std::env::var(name).ok())
    }

    fn id(self) -> LanguageIdentifier {
        // The four codes are valid language identifiers.
        self.code().parse().unwrap_or_default()
    }

    /// The message `id` with `args`, in this language (in English if this
    /// language lacks it, which `tests/i18n.rs` forbids; the id itself if
    /// no file has it). Text arguments go through `text::shown` first.
    pub fn text(self, id: &str, args: &[(&str, Arg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Text(text) => FluentValue::from(crate::text::shown(text).into_owned()),
                    Arg::Number(number) => FluentValue::from(*number),
                    Arg::Nested(message) => FluentValue::from(message.in_lang(self)),
                };
                (Cow::Owned((*name).to_owned()), value)
            })
            .collect();
        let args = (!args.is_empty()).then_some(&args);
        LOCALES
            .try_lookup_complete(&self.id(), id, args)
            .or_else(|| LOCALES.try_lookup_complete(&Lang::En.id(), id, args))
            .unwrap_or_else(|| id.to_owned())
    }
}

/// A message not yet put into words: its id and arguments, for a sentence
/// made before the language is known (a command's failure) or kept to be
/// shown later. [`Message::in_lang`] words it.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: Cow<'static, str>,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(id: impl Into<Cow<'static, str>>) -> Message {
        Message {
            id: id.into(),
            args: Vec::new(),
        }
    }

    /// Adds the argument `name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The message in words, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        lang.text(&self.id, &self.args)
    }
}

/// `msg!("message-id", name = value, …)`: a [`Message`] to word later.
#[macro_export]
macro_rules! msg {
    ($id:expr $(,)?) => {
        $crate::i18n::Message::new($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Message::new($id)$(.arg(stringify!($name), $value))+
    };
}

/// `t!(lang, "message-id")` or `t!(lang, "message-id", name = value, …)`:
/// the message in `lang`, a `String`. Values are text (`&str`, `String`)
/// or numbers; text is passed through `text::shown`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:expr $(,)?) => {
        $crate::i18n::Lang::text($lang, $id, &[])
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Lang::text(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Nested(message)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(text: Cow<'_, str>) -> Arg {
        Arg::Text(text.into_owned())
    }
}

macro_rules! number_args {
    ($($kind:ty),*) => {$(
        impl From<$kind> for Arg {
            fn from(number: $kind) -> Arg {
                // Counts and sizes: exact in an f64 far past any vault.
                Arg::Number(number as f64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64);

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    }

    #[test]
    fn the_flag_wins_then_the_vault_then_the_environment() {
        let vars = [("LANG", "fr_FR.UTF-8")];
        assert_eq!(
            Lang::detect(Some(Lang::Pt), Some(Lang::Es), env(&vars)),
            Lang::Pt
        );
        assert_eq!(Lang::detect(None, Some(Lang::Es), env(&vars)), Lang::Es);
        assert_eq!(Lang::detect(None, None, env(&vars)), Lang::Fr);
        assert_eq!(Lang::detect(None, None, env(&[])), Lang::En);
    }

    #[test]
    fn the_first_locale_variable_set_decides() {
        let vars = [
            ("LC_ALL", ""),
            ("LC_MESSAGES", "es_ES.UTF-8"),
            ("LANG", "pt_BR"),
        ];
        assert_eq!(Lang::detect(None, None, env(&vars)), Lang::Es);
        let vars = [("LC_ALL", "pt_PT.UTF-8"), ("LANG", "es_ES.UTF-8")];
        assert_eq!(Lang::detect(None, None, env(&vars)), Lang::Pt);
        for plain in ["C", "POSIX", "C.UTF-8", "de_DE.UTF-8", "tlh"] {
            let vars = [("LC_ALL", plain), ("LANG", "es_ES.UTF-8")];
            assert_eq!(Lang::detect(None, None, env(&vars)), Lang::En, "{plain}");
        }
    }

    #[test]
    fn codes_parse_loosely() {
        assert_eq!(Lang::from_code("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::from_code("FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_locale("pt_BR.UTF-8@latin"), Some(Lang::Pt));
        assert_eq!(Lang::from_code("e"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn messages_take_arguments_and_plurals() {
        assert_eq!(t!(Lang::En, "count-records", count = 1), "1 record");
        assert_eq!(t!(Lang::En, "count-records", count = 3), "3 records");
        assert_eq!(t!(Lang::Es, "count-records", count = 1), "1 ficha");
        assert_eq!(t!(Lang::Fr, "count-records", count = 0), "0 fiche");
        assert_eq!(t!(Lang::Pt, "count-records", count = 2), "2 fichas");
    }

    #[test]
    fn arguments_have_no_isolation_marks_and_are_shown() {
        let name = "Ana\u{1b}]0;owned\u{7}\u{202e}";
        for lang in Lang::ALL {
            let line = t!(lang, "cli-removed", name = name, id = "1234");
            assert!(!line.contains(['\u{2068}', '\u{2069}']), "{line:?}");
            assert!(!line.chars().any(crate::text::is_hidden), "{line:?}");
            assert!(
                line.contains("Ana\\u{1b}]0;owned\\u{7}\\u{202e}"),
                "{line:?}"
            );
        }
    }

    #[test]
    fn a_missing_message_falls_back_to_its_id() {
        assert_eq!(t!(Lang::Es, "no-such-message"), "no-such-message");
    }
}
