//! The unlock screen, which is also the locked screen: a masked passphrase
//! field, what went wrong last time, and the progress of the slow key unwrap,
//! which runs off the UI thread as an [`UnlockRequest`].

use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use age::secrecy::SecretString;

use crate::i18n::Message;
use crate::tui::action::Action;
use crate::tui::finder::Finder;
use crate::tui::input::{TextEdit, TextInput};
use crate::vault::{Vault, VaultError};

/// An unlocked vault and the search index over its records. Dropping it
/// drops both, clearing the records from memory.
pub struct Session {
    pub(crate) vault: Vault,
    pub(crate) finder: Arc<RwLock<Finder>>,
}

impl Session {
    /// Builds the search index; for 100,000 records this takes a moment, so
    /// it happens where the unlock happens, off the UI thread.
    pub fn new(vault: Vault) -> Session {
        let finder = Finder::build(vault.records());
        Session {
            vault,
            finder: Arc::new(RwLock::new(finder)),
        }
    }
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("records", &self.vault.len())
            .finish_non_exhaustive()
    }
}

/// The slow part of unlocking, to run on another thread.
pub struct UnlockRequest {
    dir: PathBuf,
    passphrase: SecretString,
}

impl fmt::Debug for UnlockRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnlockRequest")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl UnlockRequest {
    /// Unwraps the keys (scrypt: a second or two), decrypts every record and
    /// indexes them. The passphrase is cleared from memory as soon as the
    /// keys are unwrapped, whether that worked or not.
    pub fn run(self) -> Result<Session, VaultError> {
        let UnlockRequest { dir, passphrase } = self;
        let keys = Vault::unwrap_keys(&dir, &passphrase);
        drop(passphrase);
        let vault = Vault::open(&dir, keys?)?;
        Ok(Session::new(vault))
    }
}

/// Why the screen is locked, to say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockReason {
    /// Just started.
    Start,
    /// Ctrl-L.
    ByHand,
    /// Nobody touched a key for this many minutes.
    Idle { minutes: u64 },
}

/// Where an unlock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Waiting,
    /// The key is being unwrapped; `frame` animates the spinner.
    Unlocking {
        frame: usize,
    },
}

pub struct UnlockState {
    pub(crate) input: TextInput,
    pub(crate) phase: Phase,
    pub(crate) reason: LockReason,
    /// The last failure, said once.
    pub(crate) error: Option<Message>,
    pending: Option<UnlockRequest>,
}

impl UnlockState {
    pub fn new(reason: LockReason) -> UnlockState {
        UnlockState {
            input: TextInput::new(),
            phase: Phase::Waiting,
            reason,
            error: None,
            pending: None,
        }
    }

    /// Handles a key; returns whether it was used.
    pub fn handle(&mut self, action: Action, dir: &std::path::Path) -> bool {
        if self.phase != Phase::Waiting {
            return false;
        }
        match action {
            Action::Text(edit @ (TextEdit::Insert(_) | TextEdit::Backspace))
            | Action::Text(edit @ (TextEdit::DeleteWord | TextEdit::DeleteToStart)) => {
                self.input.apply(edit);
                true
            }
            Action::Back => {
                self.input.clear();
                self.error = None;
                true
            }
            Action::Enter => {
                if self.input.is_empty() {
                    self.error = Some(msg!("tui-unlock-type"));
                    return true;
                }
                let passphrase = SecretString::from(self.input.take());
                self.submit(dir, passphrase);
                true
            }
            _ => false,
        }
    }

    /// Starts unlocking with `passphrase`, typed here or given on start.
    pub(crate) fn submit(&mut self, dir: &std::path::Path, passphrase: SecretString) {
        self.error = None;
        self.phase = Phase::Unlocking { frame: 0 };
        self.pending = Some(UnlockRequest {
            dir: dir.to_owned(),
            passphrase,
        });
    }

    pub fn tick(&mut self) {
        if let Phase::Unlocking { frame } = &mut self.phase {
            *frame = frame.wrapping_add(1);
        }
    }

    pub fn take_request(&mut self) -> Option<UnlockRequest> {
        self.pending.take()
    }

    /// An unlock failed: say why and let the person try again.
    pub fn failed(&mut self, error: &VaultError) {
        self.phase = Phase::Waiting;
        self.error = Some(match error {
            VaultError::WrongPassphrase => msg!("tui-unlock-wrong"),
            VaultError::InUse => msg!("tui-unlock-in-use"),
            other => msg!("tui-unlock-failed", reason = other.to_string()),
        });
    }
}
