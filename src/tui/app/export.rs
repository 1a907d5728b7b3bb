//! The export dialog: the records listed by the search, whom the bundle is
//! encrypted to (keyring recipients or a meeting passphrase typed twice),
//! which fields to redact, and where the file goes. Exporting signs and
//! encrypts in one call, which needs the vault, so it runs on the UI thread
//! after a frame that says so ([`ExportDialog::run`]).

use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::bundle::{self, Encryption, ExportOptions, REDACTABLE};
use crate::fsio::{self, IfExists};
use crate::i18n::Message;
use crate::tui::action::Action;
use crate::tui::input::{TextEdit, TextInput};
use crate::vault::{same_secret, TrustState, Vault, WorkFactor};

/// A meeting passphrase shorter than this is refused: it guards a file
/// that may be lost on a stick.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// A keyring entry that can be exported to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientChoice {
    pub(crate) name: String,
    pub(crate) recipient: String,
    pub(crate) chosen: bool,
}

/// A row of the dialog that can have the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportRow {
    /// Passphrase or recipients.
    Encryption,
    Recipient(usize),
    Passphrase,
    Again,
    /// One of `bundle::REDACTABLE`.
    Redact(usize),
    Path,
}

/// Where the export stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportPhase {
    Editing,
    /// Signing, encrypting and writing; drawn once before it starts.
    Working,
    Done {
        count: u64,
        sequence: u64,
        path: PathBuf,
    },
}

/// What a key did to the dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogOutcome {
    Consumed,
    Ignored,
    /// Close it; `true` when something was done.
    Close {
        done: bool,
    },
}

pub struct ExportDialog {
    pub(crate) ids: Vec<Uuid>,
    /// What was searched for, as the search understands it, for the
    /// manifest (`cat:bail_fund`).
    pub(crate) selection: String,
    /// The same for people, categories as words (`listed by “rent” in
    /// bail fund`), or empty for every record.
    pub(crate) described: Option<Message>,
    pub(crate) use_passphrase: bool,
    pub(crate) recipients: Vec<RecipientChoice>,
    pub(crate) passphrase: TextInput,
    pub(crate) again: TextInput,
    /// One per `bundle::REDACTABLE`.
    pub(crate) redact: [bool; REDACTABLE.len()],
    pub(crate) path: TextInput,
    pub(crate) focus: usize,
    pub(crate) phase: ExportPhase,
    /// The last problem, or a question (a file that exists).
    pub(crate) problem: Option<Message>,
    /// The existing file the person agreed to replace.
    replace: Option<PathBuf>,
}

impl ExportDialog {
    /// A dialog for `ids`, encrypted to a meeting passphrase unless the
    /// person chooses recipients, to be written at `path`.
    pub fn new(ids: Vec<Uuid>, selection: String, trust: &TrustState, path: &Path) -> ExportDialog {
        let recipients = trust
            .keys
            .iter()
            .filter_map(|key| {
                let recipient = key.recipient.as_ref()?.trim();
                recipient.starts_with("age1").then(|| RecipientChoice {
                    name: key.name.clone(),
                    recipient: recipient.to_owned(),
                    chosen: false,
                })
            })
            .collect();
        ExportDialog {
            ids,
            described: None,
            selection,
            use_passphrase: true,
            recipients,
            passphrase: TextInput::new(),
            again: TextInput::new(),
            redact: [false; REDACTABLE.len()],
            path: TextInput::with_text(&path.to_string_lossy()),
            focus: 0,
            phase: ExportPhase::Editing,
            problem: None,
            replace: None,
        }
    }

    /// The rows that can have the focus, top to bottom.
    pub fn rows(&self) -> Vec<ExportRow> {
        let mut rows = vec![ExportRow::Encryption];
        if self.use_passphrase {
            rows.extend([ExportRow::Passphrase, ExportRow::Again]);
        } else {
            rows.extend((0..self.recipients.len()).map(ExportRow::Recipient));
        }
        rows.extend((0..REDACTABLE.len()).map(ExportRow::Redact));
        rows.push(ExportRow::Path);
        rows
    }

    pub fn focused(&self) -> ExportRow {
        let rows = self.rows();
        rows.get(self.focus)
            .or(rows.last())
            .copied()
            .unwrap_or(ExportRow::Path)
    }

    /// Whether the export should run now (after a frame saying so).
    pub fn is_working(&self) -> bool {
        self.phase == ExportPhase::Working
    }

    pub fn handle(&mut self, action: Action) -> DialogOutcome {
        match self.phase {
            ExportPhase::Working => return DialogOutcome::Consumed,
            ExportPhase::Done { .. } => {
                return match action {
                    Action::Enter | Action::Back => DialogOutcome::Close { done: true },
                    _ => DialogOutcome::Ignored,
                }
            }
            ExportPhase::Editing => {}
        }
        let last = self.rows().len().saturating_sub(1);
        match action {
            Action::Back => return DialogOutcome::Close { done: false },
            Action::NextField => self.focus = (self.focus + 1).min(last),
            Action::PrevField => self.focus = self.focus.saturating_sub(1),
            Action::Toggle => self.toggle(),
            Action::Text(edit) => self.edit(edit),
            Action::Enter => self.start(),
            _ => return DialogOutcome::Ignored,
        }
        DialogOutcome::Consumed
    }

    fn toggle(&mut self) {
        match self.focused() {
            ExportRow::Encryption => self.flip_encryption(),
            ExportRow::Recipient(n) => {
                if let Some(choice) = self.recipients.get_mut(n) {
                    choice.chosen = !choice.chosen;
                }
            }
            ExportRow::Redact(n) => {
                if let Some(flag) = self.redact.get_mut(n) {
                    *flag = !*flag;
                }
            }
            ExportRow::Passphrase | ExportRow::Again | ExportRow::Path => {
                self.edit(TextEdit::Insert(' '))
            }
        }
    }

    fn flip_encryption(&mut self) {
        self.use_passphrase = !self.use_passphrase;
        // Whatever was typed for the other way goes.
        self.passphrase.clear();
        self.again.clear();
        self.problem = None;
    }

    fn edit(&mut self, edit: TextEdit) {
        match self.focused() {
            ExportRow::Passphrase => {
                self.passphrase.apply(edit);
            }
            ExportRow::Again => {
                self.again.apply(edit);
            }
            ExportRow::Path => {
                if self.path.apply(edit) {
                    self.replace = None;
                    self.problem = None;
                }
            }
            ExportRow::Encryption if matches!(edit, TextEdit::Left | TextEdit::Right) => {
                self.flip_encryption()
            }
            ExportRow::Encryption | ExportRow::Recipient(_) | ExportRow::Redact(_) => {}
        }
    }

    /// Enter: checks what can be checked before the slow part.
    fn start(&mut self) {
        match self.check() {
            Ok(()) => {
                self.problem = None;
                self.phase = ExportPhase::Working;
            }
            Err(problem) => self.problem = Some(problem),
        }
    }

    fn check(&mut self) -> Result<(), Message> {
        if self.ids.is_empty() {
            return Err(msg!("tui-export-nothing"));
        }
        if self.use_passphrase {
            if self.passphrase.char_count() < MIN_PASSPHRASE_CHARS {
                self.focus_on(ExportRow::Passphrase);
                return Err(msg!("tui-export-short", min = MIN_PASSPHRASE_CHARS));
            }
            if !same_secret(
                self.passphrase.text().as_bytes(),
                self.again.text().as_bytes(),
            ) {
                self.again.clear();
                self.focus_on(ExportRow::Again);
                return Err(msg!("tui-export-differ"));
            }
        } else if !self.recipients.iter().any(|r| r.chosen) {
            if self.recipients.is_empty() {
                return Err(msg!("tui-export-no-recipient"));
            }
            self.focus_on(ExportRow::Recipient(0));
            return Err(msg!("tui-export-choose-recipient"));
        }
        let path = self.target();
        if self.path.text().trim().is_empty() {
            self.focus_on(ExportRow::Path);
            return Err(msg!("tui-export-no-path"));
        }
        if path.is_dir() {
            self.focus_on(ExportRow::Path);
            return Err(msg!(
                "tui-export-is-folder",
                file = path.display().to_string()
            ));
        }
        let parent = fsio::parent_dir(&path);
        if !parent.is_dir() {
            self.focus_on(ExportRow::Path);
            return Err(msg!("tui-no-folder", dir = parent.display().to_string()));
        }
        if path.exists() && self.replace.as_ref() != Some(&path) {
            self.replace = Some(path.clone());
            self.focus_on(ExportRow::Path);
            return Err(msg!("tui-export-exists", file = path.display().to_string()));
        }
        Ok(())
    }

    fn focus_on(&mut self, row: ExportRow) {
        if let Some(at) = self.rows().iter().position(|r| *r == row) {
            self.focus = at;
        }
    }

    fn target(&self) -> PathBuf {
        PathBuf::from(self.path.text().trim())
    }

    /// Signs, encrypts and writes the bundle. The passphrase fields are
    /// emptied whatever happens.
    pub fn run(&mut self, vault: &mut Vault, work: WorkFactor, now: OffsetDateTime) {
        if self.phase != ExportPhase::Working {
            return;
        }
        let encryption = if self.use_passphrase {
            self.again.clear();
            Ok(Encryption::Passphrase(
                SecretString::from(self.passphrase.take()),
                work,
            ))
        } else {
            Encryption::recipients(
                self.recipients
                    .iter()
                    .filter(|r| r.chosen)
                    .map(|r| r.recipient.as_str()),
            )
        };
        let redact = REDACTABLE
            .iter()
            .zip(self.redact)
            .filter(|(_, on)| *on)
            .map(|(name, _)| (*name).to_owned())
            .collect();
        let path = self.target();
        let replace = self.replace.as_ref() == Some(&path);
        let result = encryption.and_then(|encryption| {
            let options = ExportOptions::new(encryption, now)
                .selection(self.selection.clone())
                .redact(redact);
            let summary = bundle::export(vault, &self.ids, options)?;
            let if_exists = if replace {
                IfExists::Replace
            } else {
                IfExists::Refuse
            };
            fsio::write_atomically(&path, &summary.bytes, if_exists)?;
            Ok(summary.manifest)
        });
        match result {
            Ok(manifest) => {
                self.phase = ExportPhase::Done {
                    count: manifest.record_count,
                    sequence: manifest.sequence,
                    path,
                }
            }
            Err(error) => {
                self.phase = ExportPhase::Editing;
                self.replace = None;
                self.problem = Some(msg!("tui-not-exported", reason = error.to_string()));
            }
        }
    }
}
