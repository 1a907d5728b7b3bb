//! pamphlet: an encrypted, offline directory of referrals that community
//! organizers trust. The library owns the record model, the encrypted vault
//! and search; the binary (`src/main.rs`) only parses the command line and
//! reports errors. The library never prints and never exits.
#![forbid(unsafe_code)]

pub mod bundle;
pub mod fsio;
#[doc(hidden)]
pub mod fuzzing;
pub mod generate;
pub mod interop;
pub mod model;
mod parallel;
pub mod search;
pub mod text;
pub mod tui;
pub mod vault;
