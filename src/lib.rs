//! pamphlet: an encrypted, offline directory of referrals that community
//! organizers trust. The library owns the record model, the encrypted vault
//! and search; the binary (`src/main.rs`) only parses the command line and
//! reports errors. The library never prints and never exits.
#![forbid(unsafe_code)]

pub mod generate;
pub mod model;
pub mod search;
