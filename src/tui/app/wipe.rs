//! The panic key: a question over any screen, and what is left after the
//! vault is destroyed. The question wants the language's word for it
//! (`BORRAR`, `EFFACER`…), or WIPE, and Enter, so one stray key, or the
//! panic key followed by ordinary typing, cannot wipe.

use crate::i18n::{Lang, Message};
use crate::tui::action::Action;
use crate::tui::input::{TextEdit, TextInput};

/// The word that confirms a wipe in every language (any case).
pub const WIPE_WORD: &str = "WIPE";

/// The word the question asks for in `lang` (`WIPE`, `BORRAR`…).
pub fn wipe_word(lang: Lang) -> String {
    crate::t!(lang, "wipe-word")
}

/// Whether `typed` confirms a wipe: the language's own word or WIPE, in
/// any case, spaces around it ignored.
fn confirms(typed: &str, lang: Lang) -> bool {
    let typed = typed.trim().to_uppercase();
    typed == WIPE_WORD || typed == wipe_word(lang).to_uppercase()
}

/// Where a wipe stands.
pub enum Wipe {
    /// Asking; `error` says why the last Enter did not wipe.
    Asking {
        input: TextInput,
        error: Option<Message>,
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

    pub(super) fn handle(&mut self, action: Action, lang: Lang) -> WipeOutcome {
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
                if confirms(input.text(), lang) {
                    WipeOutcome::Wipe
                } else {
                    *error = Some(msg!("tui-wipe-type-word", word = wipe_word(lang)));
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
    pub(super) fn failed(&mut self, message: Message) {
        if let Wipe::Asking { error, .. } = self {
            *error = Some(message);
        }
    }
}
