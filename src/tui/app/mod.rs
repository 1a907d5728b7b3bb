//! The UI's whole state and the one place it changes: [`App::update`].
//!
//! `App` holds what every screen shares (the clock, the idle timer, the
//! terminal's size, help) and one screen: locked ([`UnlockState`]) or open
//! ([`MainScreen`], which owns the decrypted records). Locking replaces the
//! open screen, so the records, the index and the search text go with it.
//! Slow work (unwrapping the key, searching) is asked for through
//! `take_*_request` and its result handed back through `unlocked` and
//! `found`, so `update` never blocks and tests need no threads. Bundles need
//! the vault itself, so their slow step runs in [`App::work`], which the
//! loop calls only after drawing a frame that says it is working.

mod browse;
mod export;
mod form;
mod import;
mod language;
mod main_screen;
mod unlock;
mod wipe;

use std::path::PathBuf;
use std::time::Duration;

use age::secrecy::SecretString;
use ratatui::layout::Rect;
use time::OffsetDateTime;

use crate::i18n::Lang;
use crate::vault::{Vault, VaultError, WorkFactor};

use super::action::{Action, Context};
use super::places::Places;

pub use browse::{Results, SearchOutcome, SearchRequest};
pub use export::{ExportDialog, ExportPhase, ExportRow, RecipientChoice, MIN_PASSPHRASE_CHARS};
pub use form::{FieldKey, Form, FormField, FormMode, Leave, Value};
pub use import::{ImportDialog, ImportPhase, Review};
pub use language::{LanguageDialog, CHOICES as LANGUAGE_CHOICES};
pub use main_screen::{ConfirmDelete, Dialog, MainScreen, Notice, View};
pub use unlock::{LockReason, Phase, Session, UnlockRequest, UnlockState};
pub use wipe::{wipe_word, Wipe, WIPE_WORD};

/// Settings that do not change while the app runs.
#[derive(Debug, Clone)]
pub struct Config {
    pub vault_dir: PathBuf,
    /// Lock after this long without a key or a click.
    pub lock_after: Duration,
    /// The throwaway demo vault, whose passphrase may be shown.
    pub demo: bool,
    /// False when NO_COLOR is set.
    pub color: bool,
    /// Where bundles go and come from by default.
    pub places: Places,
    /// The scrypt cost (log2 N) of a meeting passphrase: `None` for age's
    /// calibration; tests set it low.
    pub bundle_scrypt_log_n: Option<u8>,
    /// The language of the screens: `--lang`, else the environment's, until
    /// an unlocked vault's setting or the language dialog changes it.
    pub lang: Lang,
}

/// The passphrase of the demo vault, shown on its unlock screen.
pub const DEMO_PASSPHRASE: &str = "demo";

pub enum Screen {
    Locked(UnlockState),
    Open(Box<MainScreen>),
}

pub struct App {
    pub(crate) config: Config,
    pub(crate) now: OffsetDateTime,
    idle: Duration,
    pub(crate) size: Rect,
    pub(crate) screen: Screen,
    /// The help overlay and how far it is scrolled.
    pub(crate) help: Option<u16>,
    /// The wipe question, or the screen after a wipe, over everything.
    pub(crate) wipe: Option<Wipe>,
    /// The language dialog, over the main screen.
    pub(crate) language: Option<LanguageDialog>,
    /// The language without the vault's setting: `--lang`, else the
    /// environment's.
    base_lang: Lang,
    /// Whether `--lang` was given: then unlocking keeps it.
    lang_given: bool,
    quit: bool,
    clear: bool,
}

impl Config {
    /// The scrypt work factor for a meeting passphrase.
    pub fn bundle_work(&self) -> WorkFactor {
        self.bundle_scrypt_log_n
            .map_or(WorkFactor::DEFAULT, WorkFactor::log_n)
    }
}

impl App {
    /// An app showing the unlock screen.
    pub fn new(config: Config, now: OffsetDateTime) -> App {
        App {
            base_lang: config.lang,
            config,
            now,
            idle: Duration::ZERO,
            size: Rect::new(0, 0, 80, 24),
            screen: Screen::Locked(UnlockState::new(LockReason::Start)),
            help: None,
            wipe: None,
            language: None,
            lang_given: false,
            quit: false,
            clear: false,
        }
    }

    /// An app already unlocking with `passphrase`, as if it had been typed
    /// on the unlock screen and Enter pressed: a wrong one lands there with
    /// the usual message. The passphrase goes into the unlock request and
    /// nowhere else, so nothing of it stays once the key is unwrapped.
    pub fn unlocking(config: Config, passphrase: SecretString, now: OffsetDateTime) -> App {
        let mut app = App::new(config, now);
        if let Screen::Locked(state) = &mut app.screen {
            state.submit(&app.config.vault_dir, passphrase);
        }
        app
    }

    /// An app already unlocked, as the demo starts.
    pub fn unlocked(config: Config, vault: Vault, now: OffsetDateTime) -> App {
        let mut app = App::new(config, now);
        app.screen = Screen::Open(Box::new(MainScreen::new(Session::new(vault))));
        app.follow_vault_language();
        app
    }

    /// The language without the vault's setting: `--lang`, else the
    /// environment's.
    pub fn base_lang(&self) -> Lang {
        self.base_lang
    }

    /// Says that `--lang` was given: the vault's setting then does not
    /// change the language at unlock (the language dialog still does).
    pub fn keep_given_language(&mut self) {
        self.lang_given = true;
    }

    /// Speaks the unlocked vault's language, if it has one and `--lang`
    /// was not given.
    fn follow_vault_language(&mut self) {
        if let (Screen::Open(main), false) = (&self.screen, self.lang_given) {
            if let Some(lang) = main.session.vault.settings().language {
                self.config.lang = lang;
            }
        }
    }

    /// Saves the language `choice` in the vault and switches to it (to
    /// `--lang` or the environment's for `None`); a failure stays in the
    /// dialog.
    fn choose_language(&mut self, choice: Option<Lang>) {
        let Screen::Open(main) = &mut self.screen else {
            self.language = None;
            return;
        };
        let mut settings = main.session.vault.settings().clone();
        settings.set_language(choice);
        match main.session.vault.set_settings(settings) {
            Ok(()) => {
                self.config.lang = choice.unwrap_or(self.base_lang);
                self.language = None;
            }
            Err(error) => {
                if let Some(dialog) = &mut self.language {
                    let error = crate::t!(
                        self.config.lang,
                        "tui-language-not-saved",
                        error = error.to_string()
                    );
                    dialog.error = Some(error);
                }
            }
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether the terminal should be wiped before the next frame (after
    /// locking, so nothing of the records stays in the terminal's buffers).
    pub fn take_clear(&mut self) -> bool {
        std::mem::take(&mut self.clear)
    }

    pub fn is_locked(&self) -> bool {
        matches!(self.screen, Screen::Locked(_))
    }

    /// Whether something is moving on screen that needs frequent ticks.
    pub fn is_busy(&self) -> bool {
        match &self.screen {
            Screen::Locked(state) => state.phase != Phase::Waiting,
            Screen::Open(main) => main.browse.searching(),
        }
    }

    /// Where keys go now.
    pub fn context(&self) -> Context {
        if self.help.is_some() {
            return Context::Help;
        }
        if self.wipe.is_some() {
            return Context::Wipe;
        }
        if self.language.is_some() && !self.is_locked() {
            return Context::Language;
        }
        match &self.screen {
            Screen::Locked(_) => Context::Unlock,
            Screen::Open(main) if main.confirm.is_some() => Context::Confirm,
            Screen::Open(main) => match (&main.dialog, &main.view) {
                (Some(Dialog::Export(_)), _) => Context::Export,
                (Some(Dialog::Import(_)), _) => Context::Import,
                (None, view) => view_context(view),
            },
        }
    }

    /// Runs the slow step a bundle dialog waits for, on this thread: call it
    /// after drawing, so the screen says "working" meanwhile. Returns whether
    /// anything ran (and the screen should be drawn again).
    pub fn work(&mut self) -> bool {
        match &mut self.screen {
            Screen::Open(main) => main.work(self.now, &self.config),
            Screen::Locked(_) => false,
        }
    }

    /// Changes the state for one action. Never blocks: slow work is left as
    /// a request for the caller to run.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Tick { elapsed, now } => return self.tick(elapsed, now),
            Action::Resize { width, height } => return self.resize(width, height),
            _ => {}
        }
        self.idle = Duration::ZERO;
        if matches!(self.wipe, Some(Wipe::Done)) {
            // Nothing is left to show: any key quits.
            self.quit = true;
            return;
        }
        match action {
            Action::Quit => {
                // A changed form asks first; Ctrl-C again while it asks quits.
                self.quit = match &mut self.screen {
                    Screen::Open(main) if self.wipe.is_none() => main.may_quit(),
                    _ => true,
                };
                if !self.quit {
                    self.help = None;
                }
                return;
            }
            Action::Lock => return self.lock(LockReason::ByHand),
            Action::Wipe => {
                self.help = None;
                if self.wipe.is_none() {
                    self.wipe = Some(Wipe::asking());
                }
                return;
            }
            _ => {}
        }
        if let Some(scroll) = &mut self.help {
            match action {
                Action::Help | Action::Back => self.help = None,
                Action::Up | Action::ScrollUp => *scroll = scroll.saturating_sub(1),
                Action::Down | Action::ScrollDown => *scroll = scroll.saturating_add(1).min(200),
                Action::PageUp => *scroll = scroll.saturating_sub(10),
                Action::PageDown => *scroll = scroll.saturating_add(10).min(200),
                _ => {}
            }
            return;
        }
        if let Some(wipe) = &mut self.wipe {
            match wipe.handle(action, self.config.lang) {
                wipe::WipeOutcome::Consumed => {}
                wipe::WipeOutcome::Cancel => self.wipe = None,
                wipe::WipeOutcome::OpenHelp => self.help = Some(0),
                wipe::WipeOutcome::Wipe => self.wipe_now(),
            }
            return;
        }
        if let Some(dialog) = &mut self.language {
            match dialog.handle(action) {
                language::LanguageOutcome::Consumed => {}
                language::LanguageOutcome::Cancel => self.language = None,
                language::LanguageOutcome::OpenHelp => self.help = Some(0),
                language::LanguageOutcome::Choose(choice) => self.choose_language(choice),
            }
            return;
        }
        if action == Action::Language {
            if let Screen::Open(main) = &self.screen {
                let in_list_or_record = main.confirm.is_none()
                    && main.dialog.is_none()
                    && matches!(main.view, View::List | View::Detail { .. });
                if in_list_or_record {
                    let current = main.session.vault.settings().language;
                    self.language = Some(LanguageDialog::new(current));
                }
            }
            return;
        }
        let open_help = match &mut self.screen {
            Screen::Locked(state) => {
                !state.handle(action, &self.config.vault_dir) && action == Action::Help
            }
            Screen::Open(main) => match main.handle(action, self.now, self.size, &self.config) {
                main_screen::Outcome::OpenHelp => true,
                main_screen::Outcome::Ignored => action == Action::Help,
                main_screen::Outcome::Consumed => false,
                main_screen::Outcome::Quit => {
                    self.quit = true;
                    false
                }
            },
        };
        if open_help {
            self.help = Some(0);
        }
    }

    fn tick(&mut self, elapsed: Duration, now: OffsetDateTime) {
        self.now = now;
        self.idle = self.idle.saturating_add(elapsed);
        match &mut self.screen {
            Screen::Locked(state) => state.tick(),
            Screen::Open(_) if self.idle >= self.config.lock_after => {
                let minutes = self.config.lock_after.as_secs() / 60;
                self.lock(LockReason::Idle { minutes });
            }
            Screen::Open(_) => {}
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        if let Screen::Open(main) = &mut self.screen {
            let rows = super::layout::body_rows(self.size);
            main.browse.keep_in_view(rows);
            // A taller screen may show more rows than were asked for.
            main.browse.list_more_if_near_the_end(rows);
            if let View::Form(form) = &mut main.view {
                form.keep_in_view(rows + 1);
            }
        }
    }

    /// Drops the records, the index and everything typed, and shows the
    /// locked screen.
    fn lock(&mut self, reason: LockReason) {
        if self.is_locked() {
            return;
        }
        let was = std::mem::replace(&mut self.screen, Screen::Locked(UnlockState::new(reason)));
        // Locking rebuilds the database if it was written to; one that
        // could not be rebuilt is said on the locked screen.
        if let Screen::Open(main) = was {
            let MainScreen { session, .. } = *main;
            let closed = session.vault.close();
            if let (Screen::Locked(state), crate::vault::Closed::OldCopiesKept(why)) =
                (&mut self.screen, closed)
            {
                state.error = Some(match why {
                    crate::vault::Kept::DiskFull => msg!("tui-old-copies-disk-full"),
                    crate::vault::Kept::CannotRebuild => msg!("tui-old-copies-cannot"),
                    crate::vault::Kept::Failed => msg!("tui-old-copies-failed"),
                });
            }
        }
        self.help = None;
        self.language = None;
        self.clear = true;
    }

    /// Destroys the vault. The records, the index and any unlock under way
    /// are dropped first, so nothing of them stays in memory or on screen;
    /// then the key file and the database go. A failure is said in the
    /// question, which stays open to try again.
    fn wipe_now(&mut self) {
        self.screen = Screen::Locked(UnlockState::new(LockReason::Start));
        self.help = None;
        self.language = None;
        self.clear = true;
        match crate::vault::wipe(&self.config.vault_dir) {
            Ok(()) => self.wipe = Some(Wipe::Done),
            Err(error) => {
                if let Some(wipe) = &mut self.wipe {
                    wipe.failed(msg!("tui-not-wiped", reason = error.to_string()));
                }
            }
        }
    }

    /// Whether the vault was wiped (the screen says so; any key quits).
    pub fn is_wiped(&self) -> bool {
        matches!(self.wipe, Some(Wipe::Done))
    }

    /// The key unwrap to run, after Enter on the unlock screen.
    pub fn take_unlock_request(&mut self) -> Option<UnlockRequest> {
        match &mut self.screen {
            Screen::Locked(state) => state.take_request(),
            Screen::Open(_) => None,
        }
    }

    /// The search to run, after the query, the filters or a record changed.
    pub fn take_search_request(&mut self) -> Option<SearchRequest> {
        match &mut self.screen {
            Screen::Open(main) => {
                let finder = std::sync::Arc::clone(&main.session.finder);
                main.browse
                    .take_request(&finder, super::layout::body_rows(self.size))
            }
            Screen::Locked(_) => None,
        }
    }

    /// An unlock finished.
    pub fn unlocked_with(&mut self, result: Result<Session, VaultError>) {
        let Screen::Locked(state) = &mut self.screen else {
            return;
        };
        if state.phase == Phase::Waiting {
            // Not asked for (any more): a late result is dropped unseen.
            return;
        }
        match result {
            Ok(session) => {
                self.screen = Screen::Open(Box::new(MainScreen::new(session)));
                self.idle = Duration::ZERO;
                self.follow_vault_language();
            }
            Err(error) => state.failed(&error),
        }
    }

    /// A search finished. Results for a screen since locked are dropped.
    pub fn found(&mut self, outcome: SearchOutcome) {
        if let Screen::Open(main) = &mut self.screen {
            let rows = super::layout::body_rows(self.size);
            main.found(outcome, rows);
        }
    }
}

/// Where keys go on the main screen when no question or dialog is open.
pub(crate) fn view_context(view: &View) -> Context {
    match view {
        View::List => Context::List,
        View::Detail { .. } => Context::Detail,
        View::Form(form) if form.leaving.is_some() => Context::Discard,
        View::Form(_) => Context::Form,
    }
}

#[cfg(test)]
mod tests;
