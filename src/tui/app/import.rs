//! The import dialog: a path; the meeting passphrase when the bundle asks
//! for one; then who signed it and what it would change, with the trust
//! prompt for a signer not yet in the keyring; then accept (one vault
//! transaction) or reject (nothing changes). Opening and applying run on
//! the UI thread after a frame that says so ([`ImportDialog::run`]).

use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::bundle::{self, BundleError, Decryption, OpenedBundle, Plan, Prefer, Signer};
use crate::i18n::Message;
use crate::tui::action::Action;
use crate::tui::input::TextInput;
use crate::vault::Vault;

use super::export::DialogOutcome;

/// A bundle that opened and passed the checks, and what importing it does.
pub struct Review {
    pub(crate) bundle: OpenedBundle,
    pub(crate) plan: Plan,
    /// The signer's name in the keyring; `None` when not trusted yet.
    pub(crate) signer: Option<String>,
    /// The name to trust an unknown signer as.
    pub(crate) trust_as: TextInput,
    /// The first plan line shown.
    pub(crate) scroll: usize,
    pub(crate) problem: Option<Message>,
}

impl Review {
    /// The plan lines worth showing: everything but unchanged records.
    pub fn changes(&self) -> impl Iterator<Item = &bundle::PlanItem> {
        self.plan
            .items
            .iter()
            .filter(|item| item.outcome != bundle::Outcome::Unchanged)
    }
}

/// Where an import stands.
pub enum ImportPhase {
    Path,
    Passphrase,
    /// Decrypting and verifying; drawn once before it starts.
    Opening,
    Review(Box<Review>),
    /// Writing the plan; drawn once before it starts.
    Applying(Box<Review>),
    /// Refused or failed: why, and that nothing changed.
    Refused(Message),
    Done(Message),
}

pub struct ImportDialog {
    pub(crate) path: TextInput,
    pub(crate) passphrase: TextInput,
    pub(crate) phase: ImportPhase,
    /// A problem with the path or the passphrase, shown under the field.
    pub(crate) problem: Option<Message>,
    /// Whether the bundle asked for a passphrase.
    needs_passphrase: bool,
    /// A lower vault limit than the standard one, for tests.
    pub(crate) vault_limit: Option<usize>,
}

impl ImportDialog {
    /// Starts at the path, offering `suggested` (the newest bundle on the
    /// stick, or a folder).
    pub fn new(suggested: &Path) -> ImportDialog {
        ImportDialog {
            path: TextInput::with_text(&suggested.to_string_lossy()),
            passphrase: TextInput::new(),
            phase: ImportPhase::Path,
            problem: None,
            needs_passphrase: false,
            vault_limit: None,
        }
    }

    /// Whether slow work waits for [`ImportDialog::run`].
    pub fn is_working(&self) -> bool {
        matches!(self.phase, ImportPhase::Opening | ImportPhase::Applying(_))
    }

    pub fn handle(&mut self, action: Action, vault: &Vault) -> DialogOutcome {
        match &mut self.phase {
            ImportPhase::Opening | ImportPhase::Applying(_) => DialogOutcome::Consumed,
            ImportPhase::Path | ImportPhase::Passphrase => self.handle_fields(action),
            ImportPhase::Review(review) => {
                let outcome = handle_review(review, action, vault);
                if outcome == ReviewOutcome::Accept {
                    if let ImportPhase::Review(review) =
                        std::mem::replace(&mut self.phase, ImportPhase::Opening)
                    {
                        self.phase = ImportPhase::Applying(review);
                    }
                }
                match outcome {
                    ReviewOutcome::Reject => DialogOutcome::Close { done: false },
                    ReviewOutcome::Ignored => DialogOutcome::Ignored,
                    _ => DialogOutcome::Consumed,
                }
            }
            ImportPhase::Refused(_) => match action {
                Action::Back => DialogOutcome::Close { done: false },
                Action::Enter => {
                    // Try another file (or the same one again).
                    self.passphrase.clear();
                    self.needs_passphrase = false;
                    self.phase = ImportPhase::Path;
                    DialogOutcome::Consumed
                }
                _ => DialogOutcome::Ignored,
            },
            ImportPhase::Done(_) => match action {
                Action::Back | Action::Enter => DialogOutcome::Close { done: true },
                _ => DialogOutcome::Ignored,
            },
        }
    }

    fn handle_fields(&mut self, action: Action) -> DialogOutcome {
        let asking = matches!(self.phase, ImportPhase::Passphrase);
        match action {
            Action::Back => return DialogOutcome::Close { done: false },
            Action::Text(edit) => {
                let field = if asking {
                    &mut self.passphrase
                } else {
                    &mut self.path
                };
                if field.apply(edit) {
                    self.problem = None;
                }
            }
            Action::Enter => {
                if self.path.text().trim().is_empty() {
                    self.problem = Some(msg!("tui-import-type-path"));
                } else if asking && self.passphrase.is_empty() {
                    self.problem = Some(msg!("tui-import-type-passphrase"));
                } else {
                    self.problem = None;
                    self.phase = ImportPhase::Opening;
                }
            }
            _ => return DialogOutcome::Ignored,
        }
        DialogOutcome::Consumed
    }

    /// Runs the slow step waiting, if any. Returns the ids of the records
    /// written, for the search index, after an import.
    pub fn run(&mut self, vault: &mut Vault, now: OffsetDateTime) -> Option<Vec<Uuid>> {
        match std::mem::replace(&mut self.phase, ImportPhase::Path) {
            ImportPhase::Opening => {
                self.phase = self.open(vault, now);
                None
            }
            ImportPhase::Applying(review) => {
                let (phase, written) = apply(*review, vault, now);
                self.phase = phase;
                written
            }
            other => {
                self.phase = other;
                None
            }
        }
    }

    fn open(&mut self, vault: &Vault, now: OffsetDateTime) -> ImportPhase {
        let path = PathBuf::from(self.path.text().trim());
        let passphrase = self
            .needs_passphrase
            .then(|| SecretString::from(self.passphrase.take()));
        let opened = bundle::open(
            &path,
            Decryption {
                identity: Some(vault.age_identity()),
                passphrase: passphrase.as_ref(),
            },
        );
        drop(passphrase);
        let opened = match opened {
            Ok(opened) => opened,
            Err(BundleError::NeedsPassphrase) => {
                self.needs_passphrase = true;
                self.problem = None;
                return ImportPhase::Passphrase;
            }
            Err(BundleError::Undecryptable(_)) if self.needs_passphrase => {
                self.problem = Some(msg!("tui-import-undecryptable"));
                return ImportPhase::Passphrase;
            }
            Err(BundleError::Io(error)) if error.kind() == std::io::ErrorKind::NotFound => {
                self.problem = Some(msg!("tui-no-file", file = path.display().to_string()));
                return ImportPhase::Path;
            }
            Err(error) => return ImportPhase::Refused(refusal(&error)),
        };
        if let Err(error) = bundle::check_acceptable(&opened, vault.trust(), Signer::MayBeNew, now)
        {
            return ImportPhase::Refused(refusal(&error));
        }
        let signer = vault
            .trust()
            .by_key(&opened.manifest.signer)
            .map(|key| key.name.clone());
        let mut plan = bundle::plan(vault, &opened, Prefer::Local);
        if let Some(limit) = self.vault_limit {
            plan = plan.limit_vault_to(limit);
        }
        // The UI offers no way past the vault limit; the command line does.
        if let Err(error) = plan.check_growth(vault) {
            return ImportPhase::Refused(refusal(&error));
        }
        ImportPhase::Review(Box::new(Review {
            bundle: opened,
            plan,
            signer,
            trust_as: TextInput::new(),
            scroll: 0,
            problem: None,
        }))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReviewOutcome {
    Consumed,
    Ignored,
    Accept,
    Reject,
}

fn handle_review(review: &mut Review, action: Action, vault: &Vault) -> ReviewOutcome {
    let lines = review.changes().count();
    let step = |delta: isize, review: &mut Review| {
        review.scroll = review
            .scroll
            .saturating_add_signed(delta)
            .min(lines.saturating_sub(1));
    };
    match action {
        Action::Back => return ReviewOutcome::Reject,
        Action::Up | Action::ScrollUp => step(-1, review),
        Action::Down | Action::ScrollDown => step(1, review),
        Action::PageUp => step(-10, review),
        Action::PageDown => step(10, review),
        Action::Toggle => {
            let prefer = match review.plan.prefer {
                Prefer::Local => Prefer::Bundle,
                Prefer::Bundle => Prefer::Local,
            };
            review.plan = bundle::plan(vault, &review.bundle, prefer);
        }
        Action::Text(edit) if review.signer.is_none() => {
            if review.trust_as.apply(edit) {
                review.problem = None;
            }
        }
        Action::Enter => {
            if review.signer.is_none() {
                let name = review.trust_as.text().trim();
                if name.is_empty() {
                    review.problem = Some(msg!("tui-import-name-signer"));
                    return ReviewOutcome::Consumed;
                }
                if let Some(taken) = vault.trust().by_name(name) {
                    review.problem =
                        Some(msg!("tui-import-name-taken", name = taken.name.as_str()));
                    return ReviewOutcome::Consumed;
                }
            }
            return ReviewOutcome::Accept;
        }
        _ => return ReviewOutcome::Ignored,
    }
    ReviewOutcome::Consumed
}

/// Applies the plan in one transaction; on any failure the vault is as it
/// was, and the dialog says so.
fn apply(
    review: Review,
    vault: &mut Vault,
    now: OffsetDateTime,
) -> (ImportPhase, Option<Vec<Uuid>>) {
    let written: Vec<Uuid> = review
        .plan
        .items
        .iter()
        .filter(|item| item.takes_bundle)
        .map(|item| item.id)
        .collect();
    let trust_as = review
        .signer
        .is_none()
        .then(|| review.trust_as.text().trim().to_owned());
    match bundle::apply(vault, &review.bundle, review.plan, trust_as.as_deref(), now) {
        Ok(summary) => {
            let text = match trust_as {
                Some(name) => msg!(
                    "tui-imported-trusting",
                    summary = summary.message(),
                    name = name,
                    fingerprint = review.bundle.fingerprint.as_str()
                ),
                None => msg!("tui-imported", summary = summary.message()),
            };
            (ImportPhase::Done(text), Some(written))
        }
        Err(error) => (ImportPhase::Refused(refusal(&error)), None),
    }
}

/// A refusal in words, with what to do about it. What went wrong is the
/// bundle module's sentence, in English.
fn refusal(error: &BundleError) -> Message {
    let hint = match error {
        BundleError::NotForUs => "tui-refused-not-for-us",
        BundleError::Replayed { .. } => "tui-refused-replayed",
        BundleError::Expired(_) => "tui-refused-expired",
        BundleError::BadSignature(_) | BundleError::Mismatch(_) => "tui-refused-tampered",
        BundleError::ExcessiveWork { .. } => "tui-refused-excessive-work",
        BundleError::TooLarge(_) => "tui-refused-too-large",
        BundleError::VaultLimit { .. } => "tui-refused-vault-limit",
        _ => "tui-refused-no-hint",
    };
    let mut text = error.to_string();
    if let Some(first) = text.get(..1) {
        let upper = first.to_uppercase();
        text.replace_range(..1, &upper);
    }
    if !text.ends_with(['.', '?', '!']) {
        text.push('.');
    }
    msg!("tui-refused", reason = text, hint = msg!(hint))
}
