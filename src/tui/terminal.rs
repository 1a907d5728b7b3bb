//! Taking the terminal and giving it back exactly as it was: raw mode, the
//! alternate screen (so the scrollback never receives record data) and mouse
//! capture on the way in; all undone by a guard on every way out, and by a
//! panic hook that restores the terminal before the panic message prints.
//! SIGTERM, SIGHUP and SIGINT would end the process with the records on
//! screen, so a [`SignalWatch`] turns them into a message for the event
//! loop, which then leaves the way quitting does.

use std::fmt;
use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::Terminal;

/// Whether the terminal is ours now; the panic hook restores only then.
static TAKEN: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

/// The terminal in TUI mode. Dropping it gives the terminal back.
pub struct TerminalGuard {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalGuard {
    pub fn take() -> io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
        TAKEN.store(true, Ordering::SeqCst);
        let mut stdout = io::stdout();
        if let Err(error) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture) {
            restore();
            return Err(error);
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(error) => {
                restore();
                Err(error)
            }
        }
    }
}

/// What standard output's buffer holds at most, with room to spare: std
/// buffers `stdout()` in 1 KiB.
const STDOUT_BUFFER_BYTES: usize = 4096;

impl TerminalGuard {
    /// Clears the screen and what pamphlet holds of what was on it, after
    /// locking: ratatui's two buffers (`clear` resets both and the next
    /// frame is drawn whole), and the last bytes that went through standard
    /// output's buffer, which still hold the end of the last frame's text
    /// until something overwrites them. They are overwritten here with
    /// "reset the style", which changes nothing on screen, in writes small
    /// enough to go through the buffer rather than around it.
    pub fn wipe(&mut self) -> io::Result<()> {
        self.terminal.clear()?;
        let mut stdout = io::stdout().lock();
        let filler = "\x1b[0m".repeat(16);
        for _ in 0..STDOUT_BUFFER_BYTES / filler.len() * 2 {
            stdout.write_all(filler.as_bytes())?;
        }
        stdout.flush()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        // Wipe what was drawn before leaving, in case the terminal keeps the
        // alternate screen's contents somewhere; but not once the panic hook
        // has given the terminal back, or the panic message would go too.
        if TAKEN.load(Ordering::SeqCst) {
            let _ = self.terminal.clear();
        }
        restore();
    }
}

/// Undoes everything `take` did. Safe to call more than once.
fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    let _ = execute!(stdout, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

/// Restores the terminal before the default hook prints the panic, so that
/// the message is readable and the shell usable.
fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// A signal that ends the UI the way quitting does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StopSignal {
    /// SIGHUP: the terminal was closed, or the session ended.
    HangUp,
    /// SIGINT sent from outside (`kill -INT`); in the UI, Ctrl-C arrives as
    /// a key instead.
    Interrupt,
    /// SIGTERM: `kill`, a shutdown, a service manager.
    Terminate,
}

impl StopSignal {
    /// The signal's number, the same on every Unix.
    fn number(self) -> u8 {
        match self {
            StopSignal::HangUp => 1,
            StopSignal::Interrupt => 2,
            StopSignal::Terminate => 15,
        }
    }

    /// The exit status a shell reports for a program this signal ended:
    /// 128 and the signal's number (143 for SIGTERM).
    pub fn exit_code(self) -> u8 {
        128 + self.number()
    }

    pub fn name(self) -> &'static str {
        match self {
            StopSignal::HangUp => "SIGHUP",
            StopSignal::Interrupt => "SIGINT",
            StopSignal::Terminate => "SIGTERM",
        }
    }
}

impl fmt::Display for StopSignal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Catches the stop signals until dropped, handing each to `on_signal` on a
/// thread of its own. Start it before taking the terminal, so that no moment
/// with records on screen is left to the signal's default action. After it
/// is dropped, these signals are ignored until the process ends (the
/// signal-hook registry does not put the default action back), which lets
/// the last clean-up finish.
pub(super) struct SignalWatch {
    #[cfg(unix)]
    handle: signal_hook::iterator::Handle,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl SignalWatch {
    #[cfg(unix)]
    pub(super) fn start(
        on_signal: impl Fn(StopSignal) + Send + 'static,
    ) -> io::Result<SignalWatch> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

        let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGTERM])?;
        let handle = signals.handle();
        let thread = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for number in signals.forever() {
                    let signal = match number {
                        SIGHUP => StopSignal::HangUp,
                        SIGINT => StopSignal::Interrupt,
                        SIGTERM => StopSignal::Terminate,
                        _ => continue,
                    };
                    on_signal(signal);
                }
            });
        match thread {
            Ok(thread) => Ok(SignalWatch {
                handle,
                thread: Some(thread),
            }),
            Err(error) => {
                handle.close();
                Err(error)
            }
        }
    }

    /// Elsewhere the console's own events end the program; nothing to catch.
    #[cfg(not(unix))]
    pub(super) fn start(
        _on_signal: impl Fn(StopSignal) + Send + 'static,
    ) -> io::Result<SignalWatch> {
        Ok(SignalWatch { thread: None })
    }
}

impl Drop for SignalWatch {
    fn drop(&mut self) {
        #[cfg(unix)]
        self.handle.close();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::StopSignal;
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

    #[test]
    fn the_exit_code_is_128_and_the_signal_number() {
        for (signal, number) in [
            (StopSignal::HangUp, SIGHUP),
            (StopSignal::Interrupt, SIGINT),
            (StopSignal::Terminate, SIGTERM),
        ] {
            assert_eq!(i32::from(signal.exit_code()), 128 + number, "{signal}");
        }
    }
}
