//! The terminal UI end to end: the real binary in a real terminal (a tmux
//! pane), driven by keys and read back from the screen. Needs tmux: in CI
//! (`CI=true`) a missing tmux fails the test; elsewhere it is skipped with a
//! note.

mod common;

use std::process::{Command, Output};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::{TestVault, PASSPHRASE};

/// How long any one screen may take to appear.
const PATIENCE: Duration = Duration::from_secs(20);

/// A tmux server of our own, on its own socket, killed when dropped (also
/// when the test fails).
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(command: &str, width: u16, height: u16) -> Tmux {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let tmux = Tmux {
            socket: format!("pamphlet-e2e-{}-{nanos}", std::process::id()),
        };
        let output = tmux.run(&[
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            command,
        ]);
        assert!(output.status.success(), "tmux: {output:?}");
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            // Our socket, and no user configuration (prefix keys, hooks).
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env_remove("NO_COLOR")
            .output()
            .expect("run tmux")
    }

    fn screen(&self) -> String {
        let output = self.run(&["capture-pane", "-p"]);
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Keys by tmux name: `Enter`, `Escape`, `C-a`.
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    /// Text typed as it is.
    fn type_text(&self, text: &str) {
        assert!(self.run(&["send-keys", "-l", text]).status.success());
    }

    /// Polls the screen until `ready` says yes; fails with the screen after
    /// `PATIENCE`.
    fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "timed out waiting for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |screen| screen.contains(text))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Lines of the result list that show a record of `category`.
fn rows_of(screen: &str, category: &str) -> usize {
    screen
        .lines()
        .filter(|line| line.contains(&format!(" {category} ")))
        .count()
}

/// Whether tmux is here to run a terminal test; in CI it must be.
fn tmux_or_skip() -> bool {
    if tmux_available() {
        return true;
    }
    common::skip_unless_ci("tmux is not installed (.ci/run installs it)");
    false
}

#[test]
fn demo_search_detail_add_and_quit_in_a_real_terminal() {
    if !tmux_or_skip() {
        return;
    }
    let binary = assert_cmd::cargo::cargo_bin("pamphlet");
    let command = format!(
        "sh -c '\"{}\" demo; echo EXITED-$?; exec sh'",
        binary.display()
    );
    let tmux = Tmux::start(&command, 100, 30);

    // The demo opens unlocked, with every record listed.
    tmux.wait_for("223 / 223 records");

    // Typing searches at once: clinics on top.
    tmux.type_text("clinic");
    tmux.wait_until("clinics listed, Clínica Girasol among them", |screen| {
        screen.contains("Read as: clinic")
            && rows_of(screen, "clinic") >= 10
            && screen.contains("Clínica Girasol")
    });

    // Enter shows the details of the selected record.
    // A capture can land mid-redraw: wait for the whole pane, not one label.
    tmux.keys(&["Enter"]);
    tmux.wait_until("the detail pane, whole", |screen| {
        ["Description", "Phone", "Languages", "Verified on"]
            .iter()
            .all(|label| screen.contains(label))
    });
    tmux.keys(&["Escape"]);
    tmux.wait_for("Read as: clinic");

    // Add a record through the form.
    tmux.keys(&["C-a"]);
    tmux.wait_for("Add a record");
    tmux.type_text("Casa Prueba Zafiro");
    tmux.keys(&["Tab"]);
    tmux.type_text("h");
    tmux.wait_for("‹ housing ›");
    for _ in 0..3 {
        tmux.keys(&["Tab"]);
    }
    tmux.type_text("Lisboa");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Saved “Casa Prueba Zafiro”.");

    // It is then found by search.
    tmux.keys(&["C-u"]);
    tmux.type_text("zafiro lisboa");
    let screen = tmux.wait_until("the new record found", |screen| {
        screen.contains("Read as: ") && screen.contains("1 / 224 records")
    });
    assert!(screen.contains("Casa Prueba Zafiro"), "{screen}");

    // Quitting gives back a usable shell with nothing of the UI left.
    tmux.keys(&["C-c"]);
    let screen = tmux.wait_for("EXITED-0");
    assert!(!screen.contains("Search ›"), "the UI is gone:\n{screen}");
    tmux.type_text("echo $((40 + 2))");
    tmux.keys(&["Enter"]);
    tmux.wait_until("the shell to answer", |screen| {
        screen.lines().any(|line| line.trim() == "42")
    });
}

#[test]
fn a_panic_gives_the_terminal_back() {
    if !tmux_or_skip() {
        return;
    }
    let binary = assert_cmd::cargo::cargo_bin("pamphlet");
    let command = format!(
        "sh -c 'PAMPHLET_TEST_PANIC=1 \"{}\" demo; echo EXITED-$?; exec sh'",
        binary.display()
    );
    let tmux = Tmux::start(&command, 100, 30);
    // Rust exits with 101 after a panic; the message is readable because the
    // hook restored the terminal first.
    let screen = tmux.wait_for("EXITED-101");
    assert!(screen.contains("PAMPHLET_TEST_PANIC is set"), "{screen}");
    assert!(!screen.contains("Search ›"), "the UI is gone:\n{screen}");
    // The terminal is out of raw mode: line editing and echo are back.
    tmux.type_text("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo");
    tmux.keys(&["Enter"]);
    tmux.wait_until("cooked mode", |screen| {
        screen.lines().any(|line| line.trim() == "icanon echo")
    });
}

#[test]
fn a_passphrase_file_unlocks_at_once_and_locking_asks_on_screen() {
    if !tmux_or_skip() {
        return;
    }
    let vault = TestVault::with_sample();
    let binary = assert_cmd::cargo::cargo_bin("pamphlet");
    let command = format!(
        "sh -c '\"{}\" --vault \"{}\" --passphrase-file \"{}\"; echo EXITED-$?; exec sh'",
        binary.display(),
        vault.dir.display(),
        vault.passphrase_file.display()
    );
    let tmux = Tmux::start(&command, 100, 30);

    // Open without a key typed.
    tmux.wait_for("223 / 223 records");

    // Locking asks on screen; the file is not used again.
    tmux.keys(&["C-l"]);
    tmux.wait_until("the locked screen, asking", |screen| {
        screen.contains("Locked.") && screen.contains("Type the passphrase, then Enter.")
    });
    tmux.type_text(PASSPHRASE);
    tmux.keys(&["Enter"]);
    tmux.wait_for("223 / 223 records");

    tmux.keys(&["C-c"]);
    tmux.wait_for("EXITED-0");
}

#[test]
fn a_wrong_passphrase_in_the_environment_lands_on_the_unlock_screen() {
    if !tmux_or_skip() {
        return;
    }
    let vault = TestVault::with_sample();
    let binary = assert_cmd::cargo::cargo_bin("pamphlet");
    let command = format!(
        "sh -c 'PAMPHLET_PASSPHRASE=\"not it\" \"{}\" --vault \"{}\"; echo EXITED-$?; exec sh'",
        binary.display(),
        vault.dir.display()
    );
    let tmux = Tmux::start(&command, 100, 30);

    let screen = tmux.wait_for("Wrong passphrase. Try again.");
    assert!(screen.contains("The directory is locked."), "{screen}");
    assert!(!screen.contains("not it"), "never shown:\n{screen}");
    tmux.type_text(PASSPHRASE);
    tmux.keys(&["Enter"]);
    tmux.wait_for("223 / 223 records");

    tmux.keys(&["C-c"]);
    tmux.wait_for("EXITED-0");
}

/// How the UI is started for the signal tests.
#[derive(Clone, Copy, Debug)]
enum Ui {
    /// `pamphlet demo`, with its throwaway vault under the given TMPDIR.
    Demo,
    /// `pamphlet --vault …` opened with a passphrase file.
    Vault,
}

/// Starts the UI in tmux with records on screen, sends `signal` to it, and
/// checks that it leaves as on quit: exit status 128 + the signal's number,
/// no record left on screen, the alternate screen left, the terminal out of
/// raw mode, and the demo's vault removed.
fn a_signal_gives_the_terminal_back(ui: Ui, signal: &str, number: u8) {
    let vault = TestVault::with_sample();
    let temp = vault.temp.path();
    let tmpdir = temp.join("tmp");
    std::fs::create_dir(&tmpdir).unwrap();
    let pid_file = temp.join("pid");
    let binary = assert_cmd::cargo::cargo_bin("pamphlet");
    let arguments = match ui {
        Ui::Demo => "demo".to_owned(),
        Ui::Vault => format!(
            "--vault \"{}\" --passphrase-file \"{}\"",
            vault.dir.display(),
            vault.passphrase_file.display()
        ),
    };
    // The inner shell writes its pid, then becomes pamphlet; the outer one
    // says how it ended and stays, so the screen can be read after.
    let script = temp.join("run.sh");
    std::fs::write(
        &script,
        format!(
            "TMPDIR=\"{tmp}\" sh -c 'echo $$ > \"{pid}\"; exec \"{bin}\" {arguments}'\n\
             echo EXITED-$?\nexec sh\n",
            tmp = tmpdir.display(),
            pid = pid_file.display(),
            bin = binary.display(),
        ),
    )
    .unwrap();
    let tmux = Tmux::start(&format!("sh \"{}\"", script.display()), 100, 30);

    tmux.wait_for("223 / 223 records");
    tmux.type_text("clinic");
    tmux.wait_until("clinics listed, Clínica Girasol among them", |screen| {
        screen.contains("Read as: clinic") && screen.contains("Clínica Girasol")
    });
    if let Ui::Demo = ui {
        let demo_dirs = std::fs::read_dir(&tmpdir).unwrap().count();
        assert_eq!(demo_dirs, 1, "the demo's vault is in {}", tmpdir.display());
    }

    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let kill = Command::new("kill")
        .args([&format!("-{signal}"), pid.trim()])
        .output()
        .unwrap();
    assert!(kill.status.success(), "kill: {kill:?}");

    let screen = tmux.wait_for(&format!("EXITED-{}", 128 + u16::from(number)));
    for shown in ["Clínica", "clinic", "Portland", "Search ›", "records"] {
        assert!(
            !screen.contains(shown),
            "{ui:?} {signal}: {shown} left:\n{screen}"
        );
    }
    let alternate = tmux.run(&["display-message", "-p", "#{alternate_on}"]);
    assert_eq!(
        String::from_utf8_lossy(&alternate.stdout).trim(),
        "0",
        "{ui:?} {signal}: still in the alternate screen"
    );
    tmux.type_text("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo");
    tmux.keys(&["Enter"]);
    tmux.wait_until("cooked mode", |screen| {
        screen.lines().any(|line| line.trim() == "icanon echo")
    });
    let left = std::fs::read_dir(&tmpdir).unwrap().count();
    assert_eq!(
        left,
        0,
        "{ui:?} {signal}: files left in {}",
        tmpdir.display()
    );
}

#[test]
fn sigterm_gives_the_terminal_back() {
    if !tmux_or_skip() {
        return;
    }
    a_signal_gives_the_terminal_back(Ui::Vault, "TERM", 15);
    a_signal_gives_the_terminal_back(Ui::Demo, "TERM", 15);
}

#[test]
fn sighup_gives_the_terminal_back() {
    if !tmux_or_skip() {
        return;
    }
    a_signal_gives_the_terminal_back(Ui::Vault, "HUP", 1);
    a_signal_gives_the_terminal_back(Ui::Demo, "HUP", 1);
}

#[test]
fn sigint_gives_the_terminal_back() {
    if !tmux_or_skip() {
        return;
    }
    a_signal_gives_the_terminal_back(Ui::Vault, "INT", 2);
    a_signal_gives_the_terminal_back(Ui::Demo, "INT", 2);
}

/// The demo with `LANG=es_ES.UTF-8`: the search line, the list, a record
/// and its keys are in Spanish.
#[test]
fn the_demo_speaks_spanish_when_the_locale_is_spanish() {
    if !tmux_or_skip() {
        return;
    }
    let binary = assert_cmd::cargo::cargo_bin("pamphlet");
    let command = format!(
        "sh -c 'LC_ALL= LC_MESSAGES= LANG=es_ES.UTF-8 \"{}\" demo; echo EXITED-$?; exec sh'",
        binary.display()
    );
    let tmux = Tmux::start(&command, 100, 30);
    tmux.wait_for("223 / 223 fichas");
    tmux.type_text("girasol");
    let screen = tmux.wait_until("the results, in Spanish", |screen| {
        screen.contains("Entendido como: ") && screen.contains("Clínica Girasol")
    });
    assert!(screen.contains("Buscar ›"), "{screen}");
    assert!(
        screen.contains("clínica"),
        "categories in Spanish:\n{screen}"
    );
    assert!(
        screen.contains("^A añadir"),
        "the footer in Spanish:\n{screen}"
    );
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_until("the record, in Spanish", |screen| {
        screen.contains(" Ficha ") && screen.contains("Esc volver a la lista")
    });
    assert!(!screen.contains("Search ›"), "{screen}");
    tmux.keys(&["C-c"]);
    tmux.wait_for("EXITED-0");
}
