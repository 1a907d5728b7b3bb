//! Records in and out of other forms. For now: JSON and JSON Lines, the
//! interchange form of DESIGN.md.

pub mod json;
