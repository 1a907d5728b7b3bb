//! The language dialog (F2 on the list or a record): the vault's language
//! setting, chosen from a short list and saved in the vault at once; the
//! screens switch to it as soon as it is saved.

use crate::i18n::Lang;

use super::super::action::Action;

/// The choices, in the order shown: automatic (no setting: `--lang`, else
/// the environment's), then each language.
pub const CHOICES: [Option<Lang>; 5] = [
    None,
    Some(Lang::En),
    Some(Lang::Es),
    Some(Lang::Fr),
    Some(Lang::Pt),
];

/// The open dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageDialog {
    /// The index in [`CHOICES`] under the cursor.
    pub selected: usize,
    /// The setting as the vault holds it, marked in the list.
    pub current: Option<Lang>,
    /// Why the last choice was not saved, worded.
    pub error: Option<String>,
}

/// What a key did in the dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LanguageOutcome {
    Consumed,
    Cancel,
    OpenHelp,
    /// Save this setting.
    Choose(Option<Lang>),
}

impl LanguageDialog {
    /// The dialog with the cursor on the vault's current setting.
    pub fn new(current: Option<Lang>) -> LanguageDialog {
        let selected = CHOICES
            .iter()
            .position(|choice| *choice == current)
            .unwrap_or(0);
        LanguageDialog {
            selected,
            current,
            error: None,
        }
    }

    pub(super) fn handle(&mut self, action: Action) -> LanguageOutcome {
        match action {
            Action::Up | Action::ScrollUp => self.selected = self.selected.saturating_sub(1),
            Action::Down | Action::ScrollDown => {
                self.selected = (self.selected + 1).min(CHOICES.len() - 1)
            }
            Action::Enter => {
                let choice = CHOICES.get(self.selected).copied().flatten();
                return LanguageOutcome::Choose(choice);
            }
            Action::Back => return LanguageOutcome::Cancel,
            Action::Help => return LanguageOutcome::OpenHelp,
            _ => {}
        }
        LanguageOutcome::Consumed
    }
}
