//! pamphlet: an encrypted, offline directory of referrals that community
//! organizers trust. The library owns the record model, the encrypted vault
//! and search; the binary (`src/main.rs`) only parses the command line and
//! reports errors. The library never prints and never exits.
#![forbid(unsafe_code)]

pub mod bundle;
pub mod fsio;
#[macro_use]
pub mod i18n;
#[cfg(any(test, feature = "testkit"))]
#[doc(hidden)]
pub mod fuzzing;
#[cfg(any(test, feature = "testkit"))]
pub mod generate;
pub mod interop;
pub mod model;
mod parallel;
pub mod scrypt;
pub mod search;
pub mod text;
pub mod tui;
pub mod vault;

/// Every block of memory the program frees is overwritten with zeros
/// first. Record text passes through many short-lived buffers that no wipe
/// of ours can reach: decoding, folding for search, a growing `Vec`, the
/// strings drawn on screen, the libraries underneath. With this, none of
/// them outlives its use in freed memory, so dropping the records on lock
/// leaves nothing of them behind (`tests/memory_after_lock.rs`; what is and
/// is not covered is in SECURITY.md). It is declared here, in the library,
/// so that the binary, the tests and the benchmarks all run with it. A
/// `realloc` becomes a new block, a copy and a wiped free.
#[global_allocator]
static WIPING_ALLOCATOR: zeroizing_alloc::ZeroAlloc<std::alloc::System> =
    zeroizing_alloc::ZeroAlloc(std::alloc::System);
