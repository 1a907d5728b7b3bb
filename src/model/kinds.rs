//! The closed sets a record chooses from: what kind of help it offers,
//! whether it can still be used, and the kind of each phone (HSDS types).

use std::fmt;

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// What kind of help a referral offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Lawyer,
    Clinic,
    Therapist,
    Translator,
    BailFund,
    Housing,
    SupportGroup,
    Other,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Lawyer,
        Category::Clinic,
        Category::Therapist,
        Category::Translator,
        Category::BailFund,
        Category::Housing,
        Category::SupportGroup,
        Category::Other,
    ];

    /// The name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Lawyer => "lawyer",
            Category::Clinic => "clinic",
            Category::Therapist => "therapist",
            Category::Translator => "translator",
            Category::BailFund => "bail_fund",
            Category::Housing => "housing",
            Category::SupportGroup => "support_group",
            Category::Other => "other",
        }
    }

    /// A label for people: "bail fund" rather than "bail_fund".
    pub fn label(self) -> &'static str {
        match self {
            Category::BailFund => "bail fund",
            Category::SupportGroup => "support group",
            other => other.as_str(),
        }
    }

    /// The category as a word of `lang` (`bail fund`, `fondo de fianzas`):
    /// the message `category-NAME`.
    pub fn word(self, lang: Lang) -> String {
        lang.text(&format!("category-{}", self.as_str()), &[])
    }

    /// Accepts the JSON name, ignoring case, with `-` or a space for `_`.
    pub fn parse(text: &str) -> Option<Category> {
        let wanted = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Category::ALL.into_iter().find(|c| c.as_str() == wanted)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a referral can still be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Active,
    Inactive,
    Defunct,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Active, Status::Inactive, Status::Defunct];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Inactive => "inactive",
            Status::Defunct => "defunct",
        }
    }

    /// The status as a word of `lang`: the message `status-NAME`.
    pub fn word(self, lang: Lang) -> String {
        lang.text(&format!("status-{}", self.as_str()), &[])
    }

    pub fn parse(text: &str) -> Option<Status> {
        let wanted = text.trim().to_ascii_lowercase();
        Status::ALL.into_iter().find(|s| s.as_str() == wanted)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// HSDS phone types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    #[default]
    Voice,
    Text,
    Cell,
    Fax,
    Video,
    Pager,
    Textphone,
}

impl PhoneKind {
    pub const ALL: [PhoneKind; 7] = [
        PhoneKind::Voice,
        PhoneKind::Text,
        PhoneKind::Cell,
        PhoneKind::Fax,
        PhoneKind::Video,
        PhoneKind::Pager,
        PhoneKind::Textphone,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PhoneKind::Voice => "voice",
            PhoneKind::Text => "text",
            PhoneKind::Cell => "cell",
            PhoneKind::Fax => "fax",
            PhoneKind::Video => "video",
            PhoneKind::Pager => "pager",
            PhoneKind::Textphone => "textphone",
        }
    }

    /// The kind as a word of `lang` (`voice`, `voz`): the message
    /// `phone-kind-NAME`.
    pub fn word(self, lang: Lang) -> String {
        lang.text(&format!("phone-kind-{}", self.as_str()), &[])
    }

    pub fn parse(text: &str) -> Option<PhoneKind> {
        let wanted = text.trim().to_ascii_lowercase();
        PhoneKind::ALL.into_iter().find(|k| k.as_str() == wanted)
    }
}
