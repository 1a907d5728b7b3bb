//! How a record is shown to people, the same on the command line, in the
//! terminal UI and on a printed sheet: its place, its phones, whether it is
//! due a check, its one-line summary and its detail.

use std::fmt;

use time::Date;
use uuid::Uuid;

use super::codes::{country_name, language_name};
use super::dates::{format_date, format_timestamp};
use super::field::{place_label, source_label, Field};
use super::kinds::PhoneKind;
use super::record::{Phone, Record};
use crate::i18n::Lang;
use crate::text::shown;

/// Records not verified for this many days, or never, are due a check.
pub const STALE_AFTER_DAYS: i64 = 183;
/// `STALE_AFTER_DAYS` as people are told it.
pub const STALE_AFTER_MONTHS: i64 = STALE_AFTER_DAYS / 30;
/// Said of an imported record that someone here changed since.
pub fn edited_here(lang: Lang) -> String {
    crate::t!(lang, "vouch-edited-here")
}

/// The first eight hex digits of an id, as listings show it.
pub fn short_id(id: &Uuid) -> String {
    let mut text = id.simple().to_string();
    text.truncate(8);
    text
}

/// Where a referral is: its city, region and country, each possibly empty.
#[derive(Debug, Clone, Copy)]
pub struct Place<'r> {
    pub city: &'r str,
    pub region: &'r str,
    /// ISO 3166-1 alpha-2, or empty.
    pub country: &'r str,
}

impl Place<'_> {
    /// "Portland, OR, United States": every part, the country by name.
    pub fn named(&self) -> String {
        let country = country_name(self.country).unwrap_or(self.country);
        join_parts(&[self.city, self.region, country])
    }

    /// "Portland, OR, US": every part, the country by its code.
    pub fn coded(&self) -> String {
        join_parts(&[self.city, self.region, self.country])
    }

    /// "Portland, US": the city and the country's code, for a line that
    /// lists many records.
    pub fn brief(&self) -> String {
        join_parts(&[self.city, self.country])
    }
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.named())
    }
}

fn join_parts(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// Width of a label in `detail_text`, spaces after it included.
const DETAIL_LABEL: usize = 13;

/// One labelled line of `detail_text`, unless `value` is empty. Text that
/// may run over several lines is split at its newlines, and the lines after
/// the first are indented under the value, so that none of them starts
/// where a label or a record's name would: a line written into the notes
/// cannot pass for one of pamphlet's. Anything else shows its newlines as
/// `\n`, on one line.
fn push_labelled(out: &mut String, label: &str, value: &str, several_lines: bool) {
    if value.is_empty() {
        return;
    }
    let mut lead = label.to_lowercase();
    let pieces: Vec<&str> = if several_lines {
        value.split('\n').collect()
    } else {
        vec![value]
    };
    for piece in pieces {
        out.push_str(&format!("  {lead:<DETAIL_LABEL$}{}\n", shown(piece)));
        lead.clear();
    }
}

impl fmt::Display for Phone {
    /// "+1 503 555 0100 (text) — evenings".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.number, self.kind.as_str())?;
        if !self.note.is_empty() {
            write!(f, " — {}", self.note)?;
        }
        Ok(())
    }
}

impl Phone {
    /// "+1 503 555 0100 (mensajes) — evenings": as `Display`, the kind a
    /// word of `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let kind = self.kind.word(lang);
        if self.note.is_empty() {
            format!("{} ({kind})", self.number)
        } else {
            format!("{} ({kind}) — {}", self.number, self.note)
        }
    }

    /// What goes beside the number where the number stands out on its own
    /// (a printed sheet): the type, a word of `lang`, unless it is a voice
    /// line, then the note.
    pub fn detail(&self, lang: Lang) -> String {
        let kind = (self.kind != PhoneKind::Voice).then(|| self.kind.word(lang));
        let note = (!self.note.is_empty()).then_some(self.note.as_str());
        join_parts(&[kind.as_deref().unwrap_or(""), note.unwrap_or("")])
    }
}

/// Who vouched for a record, for its detail: the vault's provenance, put
/// in words by the caller that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vouch {
    /// "Rosa (bundle #3, imported 2026-11-02)".
    pub source: String,
    /// Whether someone here changed the record since it was imported.
    pub edited_here: bool,
}

impl Vouch {
    /// "vouched for by Rosa (…); edited here since", in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let mut text = crate::t!(lang, "vouch-by", source = self.source.as_str());
        if self.edited_here {
            text.push_str("; ");
            text.push_str(&edited_here(lang));
        }
        text
    }
}

impl Field {
    /// The field of `record` as people read it: the category as a word of
    /// `lang`, languages and the country by name, lists joined with `, `,
    /// phones one to a line, a date as `YYYY-MM-DD` (empty when there is
    /// none).
    pub fn shown(self, record: &Record, lang: Lang) -> String {
        match self {
            Field::Id => record.id.to_string(),
            Field::Category => record.category.word(lang),
            Field::Country => country_name(&record.country)
                .unwrap_or(&record.country)
                .to_owned(),
            Field::Phones => record
                .phones
                .iter()
                .map(|phone| phone.text(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            Field::Languages => record.language_words(lang).join(", "),
            Field::Tags => record.tags.join(", "),
            Field::VerifiedOn => record.verified_on.map(format_date).unwrap_or_default(),
            Field::Status => record.status.word(lang),
            Field::UpdatedAt => format_timestamp(record.updated_at),
            text => text.text(record),
        }
    }
}

impl Record {
    /// The first eight hex digits of the id.
    pub fn short_id(&self) -> String {
        short_id(&self.id)
    }

    pub fn place(&self) -> Place<'_> {
        Place {
            city: &self.city,
            region: &self.region,
            country: &self.country,
        }
    }

    /// Whether the record is due to be checked again: never verified, or
    /// not for over `STALE_AFTER_DAYS`.
    pub fn is_stale(&self, today: Date) -> bool {
        match self.verified_on {
            None => true,
            Some(date) => (today - date).whole_days() > STALE_AFTER_DAYS,
        }
    }

    /// When it was last verified, written out in `lang`, or "never".
    pub fn verified_text(&self, lang: Lang) -> String {
        match self.verified_on {
            Some(date) => lang.date(date),
            None => crate::t!(lang, "verified-never"),
        }
    }

    /// The names of its languages in `lang` (`español, inglés`): the
    /// message `language-CODE`, else the English name, else the code.
    pub fn language_words(&self, lang: Lang) -> Vec<String> {
        self.languages
            .iter()
            .map(|code| {
                let id = format!("language-{code}");
                let word = lang.text(&id, &[]);
                if word != id {
                    return word;
                }
                language_name(code).unwrap_or(code).to_owned()
            })
            .collect()
    }

    /// One line for a list of results: short id, name, category, place,
    /// first phone number; through `text::shown`, so that it stays one line
    /// whatever the record holds.
    pub fn summary_line(&self, lang: Lang) -> String {
        let phone = self.phones.first().map(|p| p.number.as_str());
        let line = format!(
            "{}  {}  [{}]  {}  {}",
            self.short_id(),
            self.name,
            self.category.word(lang),
            self.place().brief(),
            phone.unwrap_or("")
        );
        shown(&line).into_owned()
    }

    /// One line for a list of what an export, a sheet or an import takes:
    /// name, category (`category`, the caller's label for it, in the
    /// person's language), city and country when there are any, and short
    /// id, as in "Clínica Libre [clinic] Portland, US (0b9c3f1e)". Export
    /// previews and import plans use it alike. Through `text::shown`.
    pub fn listing_line(&self, category: &str) -> String {
        let place = self.place().brief();
        let line = if place.is_empty() {
            format!("{} [{category}] ({})", self.name, self.short_id())
        } else {
            format!("{} [{category}] {place} ({})", self.name, self.short_id())
        };
        shown(&line).into_owned()
    }

    /// The record as a block of labelled lines, empty fields left out: the
    /// name, then its fields in the order people see them, the place as one
    /// line, and who vouched for it. Every value goes through
    /// `text::shown`; the description and notes keep their lines, each
    /// after the first indented under the value (see `push_labelled`).
    pub fn detail_text(&self, today: Date, vouch: Option<&Vouch>, lang: Lang) -> String {
        let mut out = format!("{}\n", shown(&self.name));
        let out = &mut out;
        for field in Field::shown_order() {
            let several_lines = !field.is_one_line();
            let label = field.label(lang);
            match field {
                Field::Name | Field::Region | Field::Country | Field::UpdatedAt => {}
                Field::City => push_labelled(out, &place_label(lang), &self.place().coded(), false),
                Field::Phones => {
                    for phone in &self.phones {
                        push_labelled(out, &label, &phone.text(lang), false);
                    }
                }
                Field::VerifiedOn => {
                    push_labelled(out, &label, &self.verified_with_warning(today, lang), false)
                }
                _ => push_labelled(out, &label, &field.shown(self, lang), several_lines),
            }
        }
        if let Some(vouch) = vouch {
            push_labelled(out, &source_label(lang), &vouch.text(lang), false);
        }
        std::mem::take(out)
    }

    /// The date it was verified, saying so when that was too long ago.
    fn verified_with_warning(&self, today: Date, lang: Lang) -> String {
        match self.verified_on {
            Some(date) if self.is_stale(today) => crate::t!(
                lang,
                "verified-stale",
                day = lang.date(date),
                months = STALE_AFTER_MONTHS
            ),
            _ => self.verified_text(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, PhoneKind, Status};
    use time::macros::{date, datetime};

    fn record() -> Record {
        let mut record = Record::new(
            "Ana Ruiz",
            Category::BailFund,
            datetime!(2026-11-30 12:00 UTC),
        );
        record.id = Uuid::parse_str("6f1c1f9e-8f5a-4c39-9d0e-2b7f1b9f0a11").unwrap();
        record.city = "Portland".into();
        record.region = "OR".into();
        record.country = "US".into();
        record.phones = vec![
            Phone {
                number: "+1 503 555 0100".into(),
                kind: PhoneKind::Text,
                note: "evenings".into(),
            },
            Phone {
                number: "555 0101".into(),
                kind: PhoneKind::Voice,
                note: String::new(),
            },
        ];
        record.languages = vec!["es".into(), "en".into()];
        record.tags = vec!["no-id".into(), "walk-in".into()];
        record.notes = "Ask for Bo.".into();
        record
    }

    #[test]
    fn places_phones_and_ids() {
        let record = record();
        assert_eq!(record.place().named(), "Portland, OR, United States");
        assert_eq!(record.place().to_string(), "Portland, OR, United States");
        assert_eq!(record.place().coded(), "Portland, OR, US");
        assert_eq!(record.place().brief(), "Portland, US");
        let nowhere = Place {
            city: "",
            region: "",
            country: "XX",
        };
        assert_eq!(nowhere.named(), "XX", "an unknown code stays");
        assert_eq!(
            record.phones[0].to_string(),
            "+1 503 555 0100 (text) — evenings"
        );
        assert_eq!(record.phones[1].to_string(), "555 0101 (voice)");
        assert_eq!(record.phones[0].detail(Lang::En), "text, evenings");
        assert_eq!(record.phones[0].detail(Lang::Pt), "mensagens, evenings");
        assert_eq!(record.phones[1].detail(Lang::Es), "");
        assert_eq!(record.short_id(), "6f1c1f9e");
    }

    #[test]
    fn stale_after_six_months_or_never_verified() {
        let mut record = record();
        let today = date!(2026 - 11 - 30);
        assert!(record.is_stale(today));
        assert_eq!(record.verified_text(Lang::En), "never");
        assert_eq!(record.verified_text(Lang::Pt), "nunca");
        record.verified_on = Some(today - time::Duration::days(STALE_AFTER_DAYS));
        assert!(!record.is_stale(today));
        record.verified_on = Some(today - time::Duration::days(STALE_AFTER_DAYS + 1));
        assert!(record.is_stale(today));
        assert_eq!(STALE_AFTER_MONTHS, 6);
    }

    #[test]
    fn the_summary_line_and_the_detail_text() {
        let mut record = record();
        assert_eq!(
            record.summary_line(Lang::En),
            "6f1c1f9e  Ana Ruiz  [bail fund]  Portland, US  +1 503 555 0100"
        );
        assert!(record.summary_line(Lang::Es).contains("[fondo de fianzas]"));
        assert_eq!(
            record.listing_line("fondo de fianzas"),
            "Ana Ruiz [fondo de fianzas] Portland, US (6f1c1f9e)"
        );
        record.verified_on = Some(date!(2026 - 01 - 02));
        record.status = Status::Inactive;
        let vouch = Vouch {
            source: "Rosa (bundle #3, imported 2026-11-02)".into(),
            edited_here: true,
        };
        let text = record.detail_text(date!(2026 - 11 - 30), Some(&vouch), Lang::En);
        assert_eq!(
            text,
            "Ana Ruiz
  id           6f1c1f9e-8f5a-4c39-9d0e-2b7f1b9f0a11
  category     bail fund
  place        Portland, OR, US
  phone        +1 503 555 0100 (text) — evenings
  phone        555 0101 (voice)
  languages    Spanish, English
  notes        Ask for Bo.
  tags         no-id, walk-in
  verified on  2 January 2026 (stale: over 6 months ago)
  status       inactive
  source       vouched for by Rosa (bundle #3, imported 2026-11-02); edited here since
"
        );
        record.verified_on = None;
        let text = record.detail_text(date!(2026 - 11 - 30), None, Lang::En);
        assert!(text.contains("  verified on  never\n"), "{text}");
        assert!(!text.contains("source"), "{text}");
        let text = record.detail_text(date!(2026 - 11 - 30), Some(&vouch), Lang::Es);
        assert!(text.contains("  categoría    fondo de fianzas\n"), "{text}");
        assert!(text.contains("  estado       inactivo\n"), "{text}");
    }

    #[test]
    fn languages_and_phone_kinds_are_words_of_the_language() {
        let mut record = record();
        record.languages = vec!["es".into(), "en".into(), "pt".into(), "xx".into()];
        let text = record.detail_text(date!(2026 - 11 - 30), None, Lang::Es);
        assert!(
            text.contains("  idiomas      español, inglés, portugués, xx\n"),
            "{text}"
        );
        assert!(text.contains("555 0101 (voz)\n"), "{text}");
        assert!(
            !text.contains("Spanish") && !text.contains("voice"),
            "{text}"
        );
        assert_eq!(
            record.language_words(Lang::Fr),
            ["espagnol", "anglais", "portugais", "xx"]
        );
        assert_eq!(
            record.language_words(Lang::Pt),
            ["espanhol", "inglês", "português", "xx"]
        );
        assert_eq!(
            record.language_words(Lang::En),
            ["Spanish", "English", "Portuguese", "xx"]
        );
        record.languages = vec!["de".into()];
        assert_eq!(record.language_words(Lang::Es), ["alemán"]);
        record.languages = vec!["cy".into()];
        assert_eq!(
            record.language_words(Lang::Es),
            ["Welsh"],
            "not in the files"
        );
    }

    /// A record from before one-line fields refused newlines, or written
    /// into a vault by other means: nothing in it reaches the text raw, and
    /// no line of it can pass for a line of pamphlet's.
    #[test]
    fn hostile_text_is_shown_and_cannot_forge_a_line() {
        let mut record = record();
        record.name =
            "Ana\n0badc0de  Clínica Girasol  [clinic]  Portland, US  +1 503 555 9999".into();
        record.city = "Port\u{202e}land".into();
        record.notes = "first\n  phone        +1 503 555 9999\n\u{1b}]0;PWN\u{7}\u{9b}2J".into();
        let summary = record.summary_line(Lang::En);
        assert!(!summary.contains('\n'), "{summary}");
        let listed = record.listing_line("bail fund");
        assert!(listed.starts_with("Ana\\n0badc0de"), "{listed}");
        assert!(!listed.contains('\u{202e}'), "{listed}");
        assert!(summary.contains("Ana\\n0badc0de"), "{summary}");
        let text = record.detail_text(date!(2026 - 11 - 30), None, Lang::En);
        assert!(
            !text.contains(|c: char| c != '\n' && crate::text::is_hidden(c)),
            "{text}"
        );
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("Ana\\n0badc0de"), "{text}");
        assert!(
            lines.iter().skip(1).all(|line| line.starts_with("  ")),
            "{text}"
        );
        assert!(
            text.contains("  place        Port\\u{202e}land, OR, US\n"),
            "{text}"
        );
        assert!(text.contains(
            "  notes        first\n                 phone        +1 503 555 9999\n               \\u{1b}]0;PWN\\u{7}\\u{9b}2J\n"
        ), "{text}");
        assert!(!text
            .lines()
            .any(|line| line.starts_with("  phone        +1 503 555 9999")));
    }
}
