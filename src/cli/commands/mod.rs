//! The commands, one file per thing they work on. Each takes the `Context`,
//! its own arguments and the `Output` it prints to, and returns a `Failure`
//! for `main` to report.

pub mod bundles;
pub mod interop;
pub mod keys;
pub mod records;
pub mod settings;
pub mod sniff;
