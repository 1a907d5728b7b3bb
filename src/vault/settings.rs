//! The vault's settings: choices an organizer makes once for the vault (so
//! far, the language pamphlet speaks), kept inside it, sealed like the
//! records and listed in the inventory, so that an older copy put back or
//! the settings removed is found at unlock like any other part.
//!
//! A vault whose settings were never set has no settings entry at all, and
//! opens as it always did. The entry holds a list of names and values, not
//! a fixed layout: a later setting is one more field of [`Settings`] and
//! one more name, a vault written before it simply lacks the name, and a
//! name this build does not know (written by a newer pamphlet) is kept as
//! it was when the settings are written again.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::codec::{self, CodecError};
use crate::i18n::Lang;

/// The name of the language setting in the stored list.
const LANGUAGE: &str = "language";

/// Every setting of a vault. A setting that is `None` is not set: pamphlet
/// decides for itself (for the language: `--lang`, else the environment).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The language of pamphlet's messages once the vault is unlocked,
    /// unless `--lang` says otherwise.
    pub language: Option<Lang>,
    /// Names this build does not know, with their values, kept as found.
    others: BTreeMap<String, String>,
}

/// The settings as sealed: names and values.
#[derive(Serialize, Deserialize)]
struct Stored {
    entries: BTreeMap<String, String>,
}

impl Settings {
    /// No setting set.
    pub const fn none() -> Settings {
        Settings {
            language: None,
            others: BTreeMap::new(),
        }
    }

    /// Sets the language, or unsets it with `None`, replacing whatever a
    /// newer pamphlet stored under its name.
    pub fn set_language(&mut self, language: Option<Lang>) {
        self.others.remove(LANGUAGE);
        self.language = language;
    }

    /// The plaintext to seal.
    pub(crate) fn encode(&self) -> Result<Zeroizing<Vec<u8>>, CodecError> {
        let mut entries = self.others.clone();
        if let Some(language) = self.language {
            entries.insert(LANGUAGE.to_owned(), language.code().to_owned());
        }
        codec::encode(&Stored { entries })
    }

    /// Settings from an opened plaintext. A value this build cannot read
    /// for a name it knows is kept as an unknown one and the setting is
    /// left unset: pamphlet then decides for itself, as before it was set.
    pub(crate) fn decode(bytes: &[u8]) -> Result<Settings, CodecError> {
        let Stored { mut entries } = codec::decode(bytes)?;
        let language = take(&mut entries, LANGUAGE, Lang::from_code);
        Ok(Settings {
            language,
            others: entries,
        })
    }
}

/// Removes `name` from `entries` if `parse` reads its value.
fn take<T>(
    entries: &mut BTreeMap<String, String>,
    name: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let value = parse(entries.get(name)?)?;
    entries.remove(name);
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_keep_unknown_names() {
        let mut settings = Settings::none();
        assert_eq!(
            Settings::decode(&settings.encode().unwrap()).unwrap(),
            settings
        );
        settings.language = Some(Lang::Pt);
        assert_eq!(
            Settings::decode(&settings.encode().unwrap()).unwrap(),
            settings
        );

        // A newer pamphlet's setting, and a language this one lacks.
        let mut entries = BTreeMap::new();
        entries.insert("review_months".to_owned(), "6".to_owned());
        entries.insert(LANGUAGE.to_owned(), "de".to_owned());
        let newer = codec::encode(&Stored { entries }).unwrap();
        let read = Settings::decode(&newer).unwrap();
        assert_eq!(read.language, None);
        let again: Stored = codec::decode(&read.encode().unwrap()).unwrap();
        assert_eq!(again.entries.get("review_months").unwrap(), "6");
        assert_eq!(again.entries.get(LANGUAGE).unwrap(), "de");
    }
}
