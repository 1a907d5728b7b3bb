//! What a search understood of its query: the parts it asked of every
//! record, the words it left optional, and the words no record has. Kept
//! as data (codes and the words typed), not sentences: an interface words
//! it in the language it speaks. `Display` gives a plain English line.

use std::fmt;

use serde::Serialize;

use crate::model::{language_name, Category};

use super::field::Field;

/// How a query was read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// What every full match has, in the order typed.
    pub parts: Vec<Part>,
    /// Small words ("who", "in", "que"…) that count when they match but
    /// are not required.
    pub optional: Vec<String>,
    /// Required words that no record in the index has (folded), when
    /// nothing matched in full: `no record mentions "oslo"`.
    pub missing: Vec<String>,
}

/// One thing a query asks of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Part {
    /// A category, named by one of its words (`lawyer`, `avocat`).
    Category { category: String, word: String },
    /// A city the directory holds (folded).
    City { city: String },
    /// A language the referral speaks (its code), from "speaks X" or the
    /// language's name.
    Language { language: String, word: String },
    /// A word that must match, as typed (folded).
    Word { word: String },
    /// `"…"`: words that must occur as written.
    Phrase { text: String },
    /// `city:`, `cat:`, `lang:`, `tag:`, `country:`: a filter and its value.
    Filter { field: Field, value: String },
    /// `!…`: what a result must not have.
    Excluded { text: String },
}

impl Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// First letters in capitals, for a city.
fn title(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(first) => first.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Part::Category { category, .. } => {
                let label = Category::parse(category).map_or(category.as_str(), |c| c.label());
                f.write_str(label)
            }
            Part::City { city } => f.write_str(&title(city)),
            Part::Language { language, .. } => {
                write!(f, "speaks {}", language_name(language).unwrap_or(language))
            }
            Part::Word { word } => write!(f, "\"{word}\""),
            Part::Phrase { text } => write!(f, "\"{text}\" as written"),
            Part::Filter { field, value } => write!(f, "{}: {value}", field.as_str()),
            Part::Excluded { text } => write!(f, "not \"{text}\""),
        }
    }
}

impl fmt::Display for Reading {
    /// `clinic · Portland · speaks Spanish`, then the words left optional.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                f.write_str(" · ")?;
            }
            write!(f, "{part}")?;
        }
        if !self.optional.is_empty() {
            if !self.parts.is_empty() {
                f.write_str(" ")?;
            }
            write!(f, "(optional: {})", self.optional.join(", "))?;
        }
        Ok(())
    }
}

impl Reading {
    /// `no record mentions "oslo"`, one line per missing word.
    pub fn missing_lines(&self) -> Vec<String> {
        self.missing
            .iter()
            .map(|w| format!("no record mentions \"{w}\""))
            .collect()
    }
}
