//! The binary's command line: its arguments, its commands, and where a
//! passphrase comes from.

pub mod args;
pub mod commands;
pub mod passphrase;
