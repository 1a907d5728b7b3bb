//! Which record field a column's header names: its stable name, or one of
//! the other headers spreadsheets give it, in any case and spacing.

use crate::model::Field;

/// Other headers people give each field, after folding (lower case, `_` and
/// `-` as spaces, runs of space as one, no trailing `:`).
fn aliases(field: Field) -> &'static [&'static str] {
    match field {
        Field::Id => &["uuid", "record id"],
        Field::Name => &[
            "service name",
            "service",
            "referral",
            "contact name",
            "full name",
            "who",
        ],
        Field::Organization => &[
            "organisation",
            "org",
            "agency",
            "organization name",
            "organisation name",
        ],
        Field::Category => &["type", "kind", "service type"],
        Field::Description => &["details", "about", "what", "summary"],
        Field::City => &[
            "town",
            "city/town",
            "town/city",
            "municipality",
            "ville",
            "ciudad",
        ],
        Field::Region => &[
            "state",
            "province",
            "state/province",
            "county",
            "state province",
        ],
        Field::Country => &["country code", "pays", "país"],
        Field::Address => &[
            "street",
            "street address",
            "address 1",
            "address line 1",
            "location",
        ],
        Field::Phones => &[
            "phone",
            "phone number",
            "phone numbers",
            "phone(s)",
            "telephone",
            "tel",
            "mobile",
            "cell",
            "number",
        ],
        Field::Email => &["e mail", "email address", "mail"],
        Field::Website => &["url", "web", "site", "web site", "homepage", "link"],
        Field::Languages => &[
            "language",
            "language(s)",
            "langs",
            "spoken languages",
            "languages spoken",
        ],
        Field::Hours => &["opening hours", "open hours", "schedule", "times", "when"],
        Field::Cost => &["fees", "fee", "price", "costs", "fees description"],
        Field::Notes => &["note", "comments", "comment", "remarks"],
        Field::Tags => &["tag", "labels", "keywords"],
        Field::VerifiedOn => &[
            "verified",
            "verified on",
            "last verified",
            "assured date",
            "checked on",
        ],
        Field::Status => &["state of service", "active"],
        Field::UpdatedAt => &["updated", "last updated", "modified", "last modified"],
    }
}

/// The record field a header names, if any.
pub fn field_for_header(header: &str) -> Option<Field> {
    let folded = fold_header(header);
    Field::ALL.into_iter().find(|field| {
        fold_header(field.name()) == folded || aliases(*field).iter().any(|alias| *alias == folded)
    })
}

/// The other headers accepted for `field`, for an error that asks for it.
pub(super) fn aliases_text(field: Field) -> String {
    aliases(field).join(", ")
}

fn fold_header(header: &str) -> String {
    let lower = header
        .trim()
        .trim_end_matches(':')
        .to_lowercase()
        .replace(['_', '-'], " ");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}
