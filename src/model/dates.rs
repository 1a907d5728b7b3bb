//! Dates and timestamps as records hold and write them: days as
//! `YYYY-MM-DD`, timestamps as RFC 3339 in UTC to the second.

use time::{Date, OffsetDateTime};

const DATE_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text, DATE_FORMAT).ok()
}

/// Formats as `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    date.format(DATE_FORMAT).unwrap_or_default()
}

pub(crate) fn parse_timestamp(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .ok()
        .map(truncate_to_seconds)
}

pub(crate) fn format_timestamp(when: OffsetDateTime) -> String {
    when.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Timestamps are kept in UTC to the second, so that a record's JSON form is
/// the same however it was made.
pub fn truncate_to_seconds(when: OffsetDateTime) -> OffsetDateTime {
    let utc = when.to_offset(time::UtcOffset::UTC);
    utc.replace_nanosecond(0).unwrap_or(utc)
}

/// Serde for an optional `YYYY-MM-DD` day.
pub(crate) mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(
        value: &Option<Date>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(date) => serializer.serialize_some(&super::format_date(*date)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Date>, D::Error> {
        let text: Option<String> = Option::deserialize(deserializer)?;
        match text {
            None => Ok(None),
            Some(text) => super::parse_date(&text)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom("bad date")),
        }
    }
}

/// A date as typed into a form or a flag: "today" (in any case) stands for
/// `today`'s date; other text is kept as it is, for validation to judge.
pub fn today_or(text: String, today: Date) -> String {
    if text.trim().eq_ignore_ascii_case("today") {
        format_date(today)
    } else {
        text
    }
}
