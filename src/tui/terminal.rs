//! Taking the terminal and giving it back exactly as it was: raw mode, the
//! alternate screen (so the scrollback never receives record data) and mouse
//! capture on the way in; all undone by a guard on every way out, and by a
//! panic hook that restores the terminal before the panic message prints.

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
