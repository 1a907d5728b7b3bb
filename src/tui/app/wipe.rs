//! The panic key: a question over any screen, and what is left after the
//! vault is destroyed. The question wants the word WIPE and Enter, so one
//! stray key, or the panic key followed by ordinary typing, cannot wipe.

use crate::tui::action::Action;
use crate::tui::input::{TextEdit, TextInput};

/// The word to type before Enter destroys the vault (any case).
pub const WIPE_WORD: &str = "WIPE";

/// Where a wipe stands.
pub enum Wipe {
    /// Asking; `error` says why the last Enter did not wipe.
    Asking {
        input: TextInput,
        error: Option<String>,
    },
    /// The vault is gone; the next key quits.
    Done,
}

/// What a key in the question asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WipeOutcome {
    Consumed,
    Cancel,
    Wipe,
    OpenHelp,
}

impl Wipe {
    pub fn asking() -> Wipe {
        Wipe::Asking {
            input: TextInput::new(),
            error: None,
        }
    }

    pub(super) fn handle(&mut self, action: Action) -> WipeOutcome {
        let Wipe::Asking { input, error } = self else {
            return WipeOutcome::Consumed;
        };
        match action {
            Action::Text(
                edit @ (TextEdit::Insert(_)
                | TextEdit::Backspace
                | TextEdit::DeleteWord
                | TextEdit::DeleteToStart),
            ) => {
                input.apply(edit);
                WipeOutcome::Consumed
            }
            Action::Confirm | Action::Enter => {
                if input.text().trim().eq_ignore_ascii_case(WIPE_WORD) {
                    WipeOutcome::Wipe
                } else {
                    *error = Some(format!(
                        "Type {WIPE_WORD}, then Enter. Esc keeps the vault."
                    ));
                    input.clear();
                    WipeOutcome::Consumed
                }
            }
            Action::Help => WipeOutcome::OpenHelp,
            // The wheel and resizes change nothing; any other key cancels.
            Action::ScrollUp | Action::ScrollDown | Action::Wipe => WipeOutcome::Consumed,
            _ => WipeOutcome::Cancel,
        }
    }

    /// The wipe failed: say why; the word stays, so Enter tries again.
    pub(super) fn failed(&mut self, message: String) {
        if let Wipe::Asking { error, .. } = self {
            *error = Some(message);
        }
    }
}
