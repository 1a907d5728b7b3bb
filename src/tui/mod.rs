//! The terminal UI: the entry points, and the loop that turns terminal
//! events into [`Action`]s for [`App::update`], draws with [`ui::render`],
//! and runs the slow work (unwrapping the key, searching) on other threads so
//! that typing never waits. SIGTERM, SIGHUP and SIGINT reach the loop as
//! messages and end it the way quitting does: records dropped, screen
//! cleared, terminal given back.
//!
//! Layout of the module: `action` (actions and the key table), `app` (state
//! and `update`), `ui` (drawing), `finder` (the adapter to search), `input`
//! (a text field), `layout` (where things go), `places` (where bundles go
//! by default), `theme` (colour or not), `terminal` (taking and giving back
//! the terminal).

pub mod action;
pub mod app;
pub mod finder;
pub mod input;
pub mod layout;
pub mod places;
pub mod theme;
pub mod ui;

mod demo;
mod terminal;
#[cfg(test)]
mod testing;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use age::secrecy::SecretString;
use ratatui::crossterm::event::{self, Event};
use time::OffsetDateTime;

use crate::i18n::Lang;
use crate::vault::{Vault, VaultError};

pub use action::Action;
pub use app::{App, Config};
pub use demo::{demo_vault, run_demo, SAMPLE};

use app::{SearchOutcome, SearchRequest, Session};
pub use terminal::StopSignal;
use terminal::{SignalWatch, TerminalGuard};

/// What went wrong running the UI. Like the vault's errors, these never
/// carry record contents or secrets.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TuiError {
    /// Standard input or output is not a terminal.
    #[error("the terminal UI needs a terminal")]
    NotATerminal,
    /// The vault could not be opened or prepared.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// Drawing or reading the terminal failed.
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
    /// The built-in sample directory did not load (a bug in the build).
    #[error("the sample directory: {0}")]
    Sample(String),
    /// A worker thread stopped unexpectedly.
    #[error("the {0} thread stopped unexpectedly")]
    Worker(&'static str),
    /// A signal ended the UI; the records were dropped and the terminal
    /// given back first.
    #[error("stopped by {0}")]
    Stopped(StopSignal),
}

/// How to run the UI.
#[derive(Debug, Clone)]
pub struct Options {
    pub vault_dir: PathBuf,
    /// Lock after this long without a key or a click.
    pub lock_after: Duration,
    /// The language of the screens (`--lang`, else the environment's)
    /// until the vault is unlocked; then the vault's setting, if it has one.
    pub lang: Lang,
    /// Whether `--lang` was given: then it stays after unlocking.
    pub lang_given: bool,
}

/// The default idle time before the screen locks itself.
pub const DEFAULT_LOCK_AFTER: Duration = Duration::from_secs(5 * 60);

/// Opens the vault in `options.vault_dir` in the terminal UI, starting at the
/// unlock screen; with a `passphrase` (from a file or the environment), the
/// UI starts unlocking with it at once, as if it had been typed there. It is
/// used for that first unlock only: after locking, the UI asks on screen.
/// Checks the vault before taking the terminal, so that a missing or busy
/// vault is reported on the ordinary command line.
pub fn run(options: Options, passphrase: Option<SecretString>) -> Result<(), TuiError> {
    Vault::check(&options.vault_dir)?;
    let config = config(options.vault_dir, options.lock_after, false, options.lang);
    let mut app = match passphrase {
        Some(passphrase) => App::unlocking(config, passphrase, now()),
        None => App::new(config, now()),
    };
    if options.lang_given {
        app.keep_given_language();
    }
    run_app(app)
}

fn require_terminal() -> Result<(), TuiError> {
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(TuiError::NotATerminal)
    }
}

fn config(vault_dir: PathBuf, lock_after: Duration, demo: bool, lang: Lang) -> Config {
    Config {
        vault_dir,
        lock_after,
        demo,
        color: theme::Theme::color_from_env(std::env::var_os("NO_COLOR")),
        places: places::Places::from_env(),
        bundle_scrypt_log_n: None,
        lang,
    }
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// What the loop waits for.
enum Message {
    Terminal(Event),
    Unlocked(Box<Result<Session, VaultError>>),
    Found(Box<SearchOutcome>),
    /// A signal asks to stop.
    Stop(StopSignal),
    /// The terminal stopped giving events.
    InputClosed,
}

/// Runs `app` until it quits, in the terminal.
fn run_app(mut app: App) -> Result<(), TuiError> {
    require_terminal()?;
    let (sender, messages) = mpsc::channel();
    let signals = {
        let sender = sender.clone();
        SignalWatch::start(move |signal| {
            let _ = sender.send(Message::Stop(signal));
        })?
    };
    let mut guard = TerminalGuard::take()?;
    let stop = Arc::new(AtomicBool::new(false));
    let input = spawn_input(sender.clone(), Arc::clone(&stop))?;
    let searches = spawn_searcher(sender.clone())?;
    let result = event_loop(&mut app, &mut guard, &messages, &sender, &searches);
    stop.store(true, Ordering::SeqCst);
    drop(searches);
    wait_briefly_for(input);
    // Drop the records before the terminal is given back; a second signal
    // meanwhile waits in the channel rather than cutting this short.
    drop(app);
    drop(guard);
    drop(signals);
    result
}

fn event_loop(
    app: &mut App,
    guard: &mut TerminalGuard,
    messages: &Receiver<Message>,
    sender: &Sender<Message>,
    searches: &Sender<SearchRequest>,
) -> Result<(), TuiError> {
    let size = guard.terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut last_tick = Instant::now();
    // The end-to-end test sets this to check that a panic gives the
    // terminal back; it holds nothing secret and changes nothing else.
    let panic_for_test = std::env::var_os("PAMPHLET_TEST_PANIC").is_some();
    loop {
        dispatch(app, sender, searches)?;
        if app.take_clear() {
            guard.wipe()?;
        }
        guard.terminal.draw(|frame| ui::render(app, frame))?;
        if panic_for_test {
            panic!("PAMPHLET_TEST_PANIC is set: panicking with the terminal taken");
        }
        if app.should_quit() {
            return Ok(());
        }
        // A bundle dialog's slow step, now that "working…" is on screen;
        // then draw its outcome at once.
        if app.work() {
            continue;
        }
        let wait = if app.is_busy() {
            Duration::from_millis(80)
        } else {
            Duration::from_secs(1)
        };
        match messages.recv_timeout(wait) {
            Ok(message) => handle(app, message)?,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Err(TuiError::Worker("input")),
        }
        // Take everything already waiting before drawing again: a paste or
        // fast typing costs one frame, not one per key.
        while let Ok(message) = messages.try_recv() {
            handle(app, message)?;
            dispatch(app, sender, searches)?;
        }
        let elapsed = last_tick.elapsed();
        last_tick = Instant::now();
        app.update(Action::Tick {
            elapsed,
            now: now(),
        });
    }
}

/// Passes a message to the app; a signal or the end of input ends the loop.
fn handle(app: &mut App, message: Message) -> Result<(), TuiError> {
    match message {
        Message::Terminal(event) => {
            if let Some(action) = action::map_event(&event, app.context()) {
                app.update(action);
            }
        }
        Message::Unlocked(result) => app.unlocked_with(*result),
        Message::Found(outcome) => app.found(*outcome),
        Message::Stop(signal) => return Err(TuiError::Stopped(signal)),
        Message::InputClosed => return Err(TuiError::Worker("input")),
    }
    Ok(())
}

/// Starts the slow work the last actions asked for.
fn dispatch(
    app: &mut App,
    sender: &Sender<Message>,
    searches: &Sender<SearchRequest>,
) -> Result<(), TuiError> {
    if let Some(request) = app.take_unlock_request() {
        let sender = sender.clone();
        thread::Builder::new()
            .name("unlock".into())
            .spawn(move || {
                let _ = sender.send(Message::Unlocked(Box::new(request.run())));
            })?;
    }
    if let Some(request) = app.take_search_request() {
        searches
            .send(request)
            .map_err(|_| TuiError::Worker("search"))?;
    }
    Ok(())
}

/// Waits a moment for the input thread to see the stop flag, then lets it
/// go. It polls with a short timeout, so it normally ends at once; but once
/// the terminal has hung up, reading it returns end-of-file at once, forever,
/// inside the terminal library, and the thread never gets back to the flag.
/// Waiting for it then kept the process alive, spinning, with the records
/// in memory: the process ends anyway when `run_app` returns.
fn wait_briefly_for(input: thread::JoinHandle<()>) {
    let deadline = Instant::now() + Duration::from_millis(200);
    while !input.is_finished() && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(5));
    }
    if input.is_finished() {
        let _ = input.join();
    }
}

fn spawn_input(
    sender: Sender<Message>,
    stop: Arc<AtomicBool>,
) -> io::Result<thread::JoinHandle<()>> {
    thread::Builder::new().name("input".into()).spawn(move || {
        while !stop.load(Ordering::SeqCst) {
            match event::poll(Duration::from_millis(50)) {
                Ok(true) => match event::read() {
                    Ok(event) => {
                        if sender.send(Message::Terminal(event)).is_err() {
                            return;
                        }
                    }
                    Err(_) => break,
                },
                Ok(false) => {}
                Err(_) => break,
            }
        }
        if !stop.load(Ordering::SeqCst) {
            let _ = sender.send(Message::InputClosed);
        }
    })
}

/// One thread runs searches, always the newest asked for: requests that
/// queued up while it was busy are skipped.
fn spawn_searcher(results: Sender<Message>) -> io::Result<Sender<SearchRequest>> {
    let (sender, requests) = mpsc::channel::<SearchRequest>();
    thread::Builder::new()
        .name("search".into())
        .spawn(move || {
            while let Ok(mut request) = requests.recv() {
                while let Ok(newer) = requests.try_recv() {
                    request = newer;
                }
                if results
                    .send(Message::Found(Box::new(request.run())))
                    .is_err()
                {
                    return;
                }
            }
        })?;
    Ok(sender)
}
