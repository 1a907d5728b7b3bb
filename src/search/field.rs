//! The searchable parts of a record: which they are, how each reads as
//! text, and how much a match in each counts.

use std::borrow::Cow;

use crate::model::{country_name, Record};

/// A searchable part of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    Organization,
    Category,
    City,
    Region,
    Country,
    Languages,
    Tags,
    Description,
    Notes,
    Address,
    Cost,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::Name,
        Field::Organization,
        Field::Category,
        Field::City,
        Field::Region,
        Field::Country,
        Field::Languages,
        Field::Tags,
        Field::Description,
        Field::Notes,
        Field::Address,
        Field::Cost,
    ];

    /// The name used in JSON output; stable.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Organization => "organization",
            Field::Category => "category",
            Field::City => "city",
            Field::Region => "region",
            Field::Country => "country",
            Field::Languages => "languages",
            Field::Tags => "tags",
            Field::Description => "description",
            Field::Notes => "notes",
            Field::Address => "address",
            Field::Cost => "cost",
        }
    }

    /// The text of this field as an interface shows it, which is the text
    /// that [`FieldMatch`](crate::search::FieldMatch) positions point into:
    /// tags and languages joined with `, `, languages by their English
    /// names, the category by its label, the country by its name.
    pub fn text(self, record: &Record) -> Cow<'_, str> {
        match self {
            Field::Name => Cow::Borrowed(&record.name),
            Field::Organization => Cow::Borrowed(&record.organization),
            Field::Category => Cow::Borrowed(record.category.label()),
            Field::City => Cow::Borrowed(&record.city),
            Field::Region => Cow::Borrowed(&record.region),
            Field::Country => {
                Cow::Borrowed(country_name(&record.country).unwrap_or(&record.country))
            }
            Field::Languages => Cow::Owned(record.language_names().join(", ")),
            Field::Tags => Cow::Owned(record.tags.join(", ")),
            Field::Description => Cow::Borrowed(&record.description),
            Field::Notes => Cow::Borrowed(&record.notes),
            Field::Address => Cow::Borrowed(&record.address),
            Field::Cost => Cow::Borrowed(&record.cost),
        }
    }

    /// How much a match here counts: a hit in what names the referral says
    /// more than one in its description.
    pub(crate) fn weight(self) -> i64 {
        match self {
            Field::Name | Field::Organization | Field::Category | Field::City => 3,
            Field::Region | Field::Country | Field::Languages | Field::Tags => 2,
            Field::Description | Field::Notes | Field::Address | Field::Cost => 1,
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of fields, small enough to carry in every hit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FieldSet(u16);

impl FieldSet {
    pub fn contains(self, field: Field) -> bool {
        self.0 & field.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub(crate) fn insert(&mut self, field: Field) {
        self.0 |= field.bit();
    }

    /// In the order of [`Field::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Field> {
        Field::ALL.into_iter().filter(move |f| self.contains(*f))
    }
}
