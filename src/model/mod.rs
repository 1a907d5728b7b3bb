//! A referral record, its parts, the one list of its fields, the
//! validation that turns loose input (JSON, command-line flags, a form, a
//! CSV row) into a record, and how a record is shown. No I/O happens here.
//!
//! Field names follow Open Referral HSDS 3.0 where one exists. `Record` is the
//! validated, canonical form; `RecordInput` is what arrives from outside, every
//! field optional and textual, so that a bad value can be reported with the
//! name of its field instead of a parser's column number.

mod codes;
mod dates;
mod display;
mod field;
mod input;
mod kinds;
pub(crate) mod list_text;
mod record;

pub use codes::{country_name, language_name, parse_language, COUNTRIES, LANGUAGES};
pub use dates::{format_date, parse_date, today_or, truncate_to_seconds};
pub use display::{edited_here, short_id, Place, Vouch, STALE_AFTER_DAYS, STALE_AFTER_MONTHS};
pub use field::{place_label, source_label, Field, FieldValue, Shape, REDACTABLE};
pub use input::{FieldError, PhoneInput, RecordInput, MAX_FIELD_LEN, MAX_LIST_LEN};
pub use kinds::{Category, PhoneKind, Status};
pub use record::{Phone, Record};
