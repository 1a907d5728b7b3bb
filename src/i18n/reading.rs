//! How a search read its query, in words of the language at hand: the
//! command line's `read as:` line and the terminal UI's line under the
//! search box both come from here.

use crate::model::language_name;
use crate::search::{Part, Reading};

use super::Lang;

impl Lang {
    /// `clinic · Portland · speaks Spanish (optional: who, in)`.
    pub fn reading(self, reading: &Reading) -> String {
        let parts: Vec<String> = reading.parts.iter().map(|p| self.part(p)).collect();
        let mut text = parts.join(" · ");
        if !reading.optional.is_empty() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&self.text(
                "reading-optional",
                &[("words", reading.optional.join(", ").into())],
            ));
        }
        text
    }

    /// `no record mentions "oslo"`, one line per word no record has.
    pub fn missing_lines(self, reading: &Reading) -> Vec<String> {
        reading
            .missing
            .iter()
            .map(|word| self.text("reading-missing", &[("word", word.as_str().into())]))
            .collect()
    }

    fn part(self, part: &Part) -> String {
        match part {
            Part::Category { category, .. } => self.text(&format!("category-{category}"), &[]),
            Part::City { city } => title(city),
            Part::Language { language, .. } => {
                let name = language_name(language).unwrap_or(language);
                self.text("reading-speaks", &[("language", name.into())])
            }
            Part::Word { word } => self.text("reading-word", &[("word", word.as_str().into())]),
            Part::Phrase { text } => self.text("reading-phrase", &[("text", text.as_str().into())]),
            Part::Filter { field, value } => self.text(
                "reading-filter",
                &[
                    ("field", field.as_str().into()),
                    ("value", value.as_str().into()),
                ],
            ),
            Part::Excluded { text } => {
                self.text("reading-excluded", &[("text", text.as_str().into())])
            }
        }
    }
}

/// First letters in capitals, for a city the index keeps folded.
fn title(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let mut letters = word.chars();
            letters
                .next()
                .map(|first| first.to_uppercase().chain(letters).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}
