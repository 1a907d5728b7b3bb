//! The one list of a record's fields, and what is true of each: its stable
//! name (in JSON, CSV headers, `--redact`, the fields an import changes),
//! its label for people, whether it may be redacted, whether it is one line
//! or free text, and where people see it. Everything that walks a record's
//! fields walks `Field::ALL`; reading and writing a field's value is in
//! `value`.

mod value;

pub use value::FieldValue;

use super::kinds::{Category, Status};
use crate::i18n::Lang;

/// A field of a record, in the record's own order (its JSON and CSV order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Id,
    Name,
    Organization,
    Category,
    Description,
    City,
    Region,
    Country,
    Address,
    Phones,
    Email,
    Website,
    Languages,
    Hours,
    Cost,
    Notes,
    Tags,
    VerifiedOn,
    Status,
    UpdatedAt,
}

/// How a field's value is held in loose input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One piece of text (a date, an id and a category are text too).
    Text,
    /// A list of texts: languages, tags.
    List,
    /// The phones, each a number, a type and a note.
    Phones,
}

/// What a place (city, region and country, shown as one) is labelled.
pub fn place_label(lang: Lang) -> String {
    crate::t!(lang, "field-place")
}

/// What the line saying who vouched for a record is labelled.
pub fn source_label(lang: Lang) -> String {
    crate::t!(lang, "field-source")
}

impl Field {
    pub const ALL: [Field; 20] = [
        Field::Id,
        Field::Name,
        Field::Organization,
        Field::Category,
        Field::Description,
        Field::City,
        Field::Region,
        Field::Country,
        Field::Address,
        Field::Phones,
        Field::Email,
        Field::Website,
        Field::Languages,
        Field::Hours,
        Field::Cost,
        Field::Notes,
        Field::Tags,
        Field::VerifiedOn,
        Field::Status,
        Field::UpdatedAt,
    ];

    /// The stable name: the JSON key, the CSV header, what `--redact` and an
    /// import plan say.
    pub const fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::Organization => "organization",
            Field::Category => "category",
            Field::Description => "description",
            Field::City => "city",
            Field::Region => "region",
            Field::Country => "country",
            Field::Address => "address",
            Field::Phones => "phones",
            Field::Email => "email",
            Field::Website => "website",
            Field::Languages => "languages",
            Field::Hours => "hours",
            Field::Cost => "cost",
            Field::Notes => "notes",
            Field::Tags => "tags",
            Field::VerifiedOn => "verified_on",
            Field::Status => "status",
            Field::UpdatedAt => "updated_at",
        }
    }

    /// The field a stable name names.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.name() == name)
    }

    /// What people read beside the value, in `lang` (the message
    /// `field-NAME`). Phones show one to a line, so their label is singular.
    pub fn label(self, lang: Lang) -> String {
        lang.text(&format!("field-{}", self.name()), &[])
    }

    /// Whether the field may be left out of what leaves the vault
    /// (`--redact`): how to reach a referral, and what organizers wrote
    /// about it.
    pub const fn is_redactable(self) -> bool {
        matches!(
            self,
            Field::Address | Field::Phones | Field::Email | Field::Website | Field::Notes
        )
    }

    /// The redactable fields, in the record's order.
    pub fn redactable() -> impl Iterator<Item = Field> {
        Field::ALL.into_iter().filter(|field| field.is_redactable())
    }

    /// Whether the field is meant to fit on one line; the others (the
    /// description, the address, the hours, the cost and the notes) are
    /// free text that may run over several. Validation refuses line breaks
    /// and tabs in a one-line field (a phone's note and each tag included),
    /// so that no name, place or phone can start a line of its own in a list
    /// of records; where several lines are shown, the lines after the first
    /// are indented under the value.
    pub fn is_one_line(self) -> bool {
        !matches!(
            self,
            Field::Description | Field::Address | Field::Hours | Field::Cost | Field::Notes
        )
    }

    /// Whether every record must have it.
    pub fn is_required(self) -> bool {
        matches!(self, Field::Name | Field::Category)
    }

    /// Whether people type it; pamphlet sets the id and the time of the
    /// last change itself.
    pub fn is_editable(self) -> bool {
        !matches!(self, Field::Id | Field::UpdatedAt)
    }

    /// How the value is held in loose input.
    pub fn shape(self) -> Shape {
        match self {
            Field::Phones => Shape::Phones,
            Field::Languages | Field::Tags => Shape::List,
            _ => Shape::Text,
        }
    }

    /// For a field that takes one of a few values: each value's stable
    /// text (see [`Field::choice_word`] for the words people read).
    pub fn choices(self) -> Option<Vec<&'static str>> {
        match self {
            Field::Category => Some(Category::ALL.map(Category::as_str).to_vec()),
            Field::Status => Some(Status::ALL.map(Status::as_str).to_vec()),
            _ => None,
        }
    }

    /// One of [`Field::choices`] as a word of `lang` (`bail_fund` is
    /// "bail fund", "fondo de fianzas"…); any other text as it is.
    pub fn choice_word(self, value: &str, lang: Lang) -> String {
        let word = match self {
            Field::Category => Category::parse(value).map(|c| c.word(lang)),
            Field::Status => Status::parse(value).map(|s| s.word(lang)),
            _ => None,
        };
        word.unwrap_or_else(|| value.to_owned())
    }

    /// The fields in the order people see them (the form, `pamphlet show`,
    /// the detail pane): the record's order, with the category beside the
    /// name, since the two say what a referral is.
    pub fn shown_order() -> impl Iterator<Item = Field> {
        let mut order = Field::ALL;
        // A stable sort: the category ties with the name and stays after it.
        order.sort_by_key(|field| match field {
            Field::Category => Field::Name,
            other => *other,
        });
        order.into_iter()
    }
}

const REDACTABLE_COUNT: usize = {
    let mut count = 0;
    let mut i = 0;
    while i < Field::ALL.len() {
        if Field::ALL[i].is_redactable() {
            count += 1;
        }
        i += 1;
    }
    count
};

/// The names of the redactable fields, in the record's order, for callers
/// that keep one flag per field.
pub const REDACTABLE: [&str; REDACTABLE_COUNT] = {
    let mut names = [""; REDACTABLE_COUNT];
    let mut i = 0;
    let mut n = 0;
    while i < Field::ALL.len() {
        if Field::ALL[i].is_redactable() {
            names[n] = Field::ALL[i].name();
            n += 1;
        }
        i += 1;
    }
    names
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_parse_back() {
        for field in Field::ALL {
            assert_eq!(Field::parse(field.name()), Some(field));
        }
        let mut names = Field::ALL.map(Field::name).to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Field::ALL.len());
        assert_eq!(Field::parse("Name"), None, "names are exact");
    }

    #[test]
    fn all_is_in_declaration_order() {
        for (index, field) in Field::ALL.into_iter().enumerate() {
            assert_eq!(field as usize, index);
        }
    }

    #[test]
    fn redactable_names_are_the_redactable_fields() {
        assert_eq!(
            REDACTABLE,
            ["address", "phones", "email", "website", "notes"]
        );
        let from_fields: Vec<&str> = Field::redactable().map(Field::name).collect();
        assert_eq!(REDACTABLE.to_vec(), from_fields);
    }

    #[test]
    fn people_see_the_category_beside_the_name() {
        let shown: Vec<Field> = Field::shown_order().collect();
        assert_eq!(
            shown[..4],
            [Field::Id, Field::Name, Field::Category, Field::Organization]
        );
        assert_eq!(shown.len(), Field::ALL.len());
        let mut sorted = shown.clone();
        sorted.sort();
        assert_eq!(sorted, Field::ALL);
    }

    #[test]
    fn attributes() {
        assert_eq!(Field::VerifiedOn.label(Lang::En), "Verified on");
        assert_eq!(Field::VerifiedOn.label(Lang::Es), "Verificado");
        assert_eq!(place_label(Lang::Fr), "Lieu");
        assert!(!Field::Notes.is_one_line() && Field::Name.is_one_line());
        let one_line: Vec<&str> = Field::ALL
            .into_iter()
            .filter(|field| field.shape() != Shape::Text || field.is_one_line())
            .map(Field::name)
            .collect();
        assert_eq!(
            one_line,
            [
                "id",
                "name",
                "organization",
                "category",
                "city",
                "region",
                "country",
                "phones",
                "email",
                "website",
                "languages",
                "tags",
                "verified_on",
                "status",
                "updated_at"
            ]
        );
        assert!(!Field::Id.is_editable() && Field::Status.is_editable());
        assert_eq!(Field::Tags.shape(), Shape::List);
        assert_eq!(Field::Phones.shape(), Shape::Phones);
        assert_eq!(Field::Country.shape(), Shape::Text);
        assert_eq!(Field::Category.choices().map(|c| c.len()), Some(8));
        assert_eq!(Field::Name.choices(), None);
        assert_eq!(
            Field::Category.choice_word("bail_fund", Lang::Es),
            "fondo de fianzas"
        );
    }
}
