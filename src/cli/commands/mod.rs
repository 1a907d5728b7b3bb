//! The commands of the binary, grouped by what they work on.

pub mod bundles;
pub mod interop;
pub mod records;
