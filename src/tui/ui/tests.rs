//! Whole screens drawn into a `TestBackend` at 80×24 and 120×40 and
//! compared with reviewed snapshots. The records are the shipped sample
//! directory (fictional); the clock is fixed so stale marks are stable.

use std::time::Duration;

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;
use tempfile::TempDir;
use time::macros::datetime;
use time::OffsetDateTime;

use crate::tui::action::Action;
use crate::tui::app::{App, Config, Screen};
use crate::tui::demo::demo_vault;
use crate::tui::input::TextEdit;
use crate::tui::places::Places;
use crate::tui::testing::{casa_clara, export_from, signer_vault};
use crate::tui::theme::Theme;

use super::{render, Paint};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
/// Typed on the unlock screens; must never be drawn.
const TYPED: &str = "not the passphrase";

fn now() -> OffsetDateTime {
    datetime!(2026-12-01 12:00 UTC)
}

fn config(temp: &TempDir, color: bool) -> Config {
    Config {
        vault_dir: temp.path().join("vault"),
        lock_after: Duration::from_secs(300),
        demo: false,
        color,
        // Relative, so the default paths drawn do not depend on the temp dir.
        places: Places {
            drive_roots: Vec::new(),
            mounted_only: false,
            here: std::path::PathBuf::from("stick"),
        },
        bundle_scrypt_log_n: Some(4),
        lang: crate::i18n::Lang::En,
    }
}

/// The sample directory, unlocked, searched, at `size`.
fn open(size: (u16, u16), color: bool) -> (TempDir, App) {
    let temp = tempfile::tempdir().unwrap();
    let vault = demo_vault(&temp.path().join("vault"), now()).unwrap();
    let mut app = App::unlocked(config(&temp, color), vault, now());
    resize(&mut app, size);
    settle(&mut app);
    (temp, app)
}

/// The sample directory's vault, closed, and an app at its unlock screen.
fn locked(size: (u16, u16)) -> (TempDir, App) {
    let temp = tempfile::tempdir().unwrap();
    drop(demo_vault(&temp.path().join("vault"), now()).unwrap());
    let mut app = App::new(config(&temp, true), now());
    resize(&mut app, size);
    (temp, app)
}

fn resize(app: &mut App, (width, height): (u16, u16)) {
    app.update(Action::Resize { width, height });
}

fn settle(app: &mut App) {
    while let Some(request) = app.take_search_request() {
        app.found(request.run());
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Text(TextEdit::Insert(c)));
    }
    settle(app);
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|frame| render(app, frame)).unwrap();
    terminal
}

fn text_of(buffer: &Buffer) -> String {
    buffer.content().iter().map(|cell| cell.symbol()).collect()
}

/// Snapshots the screen as text under `name_WxH`, and checks that no
/// passphrase was drawn.
fn snapshot(name: &str, app: &App) {
    let terminal = draw(app);
    let text = text_of(terminal.backend().buffer());
    assert!(!text.contains(TYPED), "{name}: a passphrase on screen");
    assert!(
        !text.contains("demo”"),
        "{name}: the demo passphrase on screen"
    );
    let name = format!("{name}_{}x{}", app.size.width, app.size.height);
    insta::assert_snapshot!(name, terminal.backend());
}

/// The lines of the screen with matched characters, each run of them in
/// ‹›, so that a snapshot can show what is highlighted.
fn marks(app: &App) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let matched = Theme::new(app.config.color).matched();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut any = false;
        let mut inside = false;
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            let is_marked = cell.fg == matched.fg.unwrap_or(Color::Reset)
                && cell.modifier.contains(Modifier::BOLD);
            if is_marked != inside {
                line.push(if is_marked { '‹' } else { '›' });
                inside = is_marked;
                any = true;
            }
            line.push_str(cell.symbol());
        }
        if inside {
            line.push('›');
        }
        if any {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

#[test]
fn unlock_screen_masks_the_passphrase() {
    for size in SIZES {
        let (_temp, mut app) = locked(size);
        type_text(&mut app, TYPED);
        snapshot("unlock", &app);
    }
}

#[test]
fn a_wrong_passphrase_is_said_and_the_field_is_empty_again() {
    for size in SIZES {
        let (_temp, mut app) = locked(size);
        type_text(&mut app, TYPED);
        app.update(Action::Enter);
        snapshot("unlocking", &app);
        let request = app.take_unlock_request().unwrap();
        app.unlocked_with(request.run());
        assert!(app.is_locked());
        snapshot("wrong_passphrase", &app);
    }
}

#[test]
fn main_screen_with_a_query_highlights_the_matches() {
    for size in SIZES {
        let (_temp, mut app) = open(size, true);
        type_text(&mut app, "clinic portland");
        snapshot("query", &app);
        let name = format!("query_marks_{}x{}", size.0, size.1);
        let marks = marks(&app);
        assert!(marks.contains("‹Portland›"), "{marks}");
        insta::assert_snapshot!(name, marks);
    }
}

#[test]
fn main_screen_without_a_query_lists_everything() {
    for size in SIZES {
        let (_temp, app) = open(size, true);
        snapshot("all", &app);
    }
}

#[test]
fn detail_shows_every_field() {
    for size in SIZES {
        let (_temp, mut app) = open(size, true);
        type_text(&mut app, "girasol");
        app.update(Action::Enter);
        snapshot("detail", &app);
    }
}

#[test]
fn add_form_shows_the_problem_beside_the_field() {
    for size in SIZES {
        let (_temp, mut app) = open(size, true);
        app.update(Action::NewRecord);
        type_text(&mut app, "Casa Nueva");
        app.update(Action::NextField);
        app.update(Action::Text(TextEdit::Insert('h')));
        for _ in 0..5 {
            app.update(Action::NextField);
        }
        type_text(&mut app, "Utopia");
        app.update(Action::Save);
        snapshot("form_error", &app);
    }
}

#[test]
fn delete_asks_naming_the_record() {
    for size in SIZES {
        let (_temp, mut app) = open(size, true);
        type_text(&mut app, "girasol clinic");
        app.update(Action::DeleteRecord);
        snapshot("delete", &app);
    }
}

#[test]
fn help_lists_the_keys_of_the_screen_first() {
    for size in SIZES {
        let (_temp, mut app) = open(size, true);
        app.update(Action::Help);
        snapshot("help", &app);
    }
}

/// The names of every record in the open app's vault.
fn record_names(app: &App) -> Vec<String> {
    match &app.screen {
        Screen::Open(main) => main
            .session
            .vault
            .records()
            .map(|r| r.name.clone())
            .collect(),
        Screen::Locked(_) => panic!("locked"),
    }
}

#[test]
fn locked_screen_shows_no_record() {
    for size in SIZES {
        let (_temp, mut app) = open(size, true);
        let names = record_names(&app);
        app.update(Action::Tick {
            elapsed: Duration::from_secs(300),
            now: now(),
        });
        assert!(app.is_locked());
        let text = text_of(draw(&app).backend().buffer());
        for name in names {
            assert!(!text.contains(&name), "{name} still on screen");
        }
        snapshot("locked", &app);
    }
}

#[test]
fn the_wipe_question_says_what_happens_from_the_list_and_the_locked_screen() {
    let (_temp, mut app) = open((80, 24), true);
    app.update(Action::Wipe);
    type_text(&mut app, "wi");
    snapshot("wipe", &app);
    let (temp, mut app) = locked((80, 24));
    type_text(&mut app, TYPED);
    app.update(Action::Wipe);
    snapshot("wipe_locked", &app);
    type_text(&mut app, "WIPE");
    app.update(Action::Confirm);
    assert!(!temp.path().join("vault").join("key.age").exists());
    snapshot("wiped", &app);
}

#[test]
fn the_wipe_question_hides_the_records_of_the_list_and_of_the_detail() {
    for size in SIZES {
        let (_temp, mut app) = open(size, true);
        let names = record_names(&app);
        let total = format!("{} records", names.len());
        type_text(&mut app, "girasol");
        for view in ["list", "detail"] {
            if view == "detail" {
                app.update(Action::Enter);
            }
            let before = text_of(draw(&app).backend().buffer());
            assert!(before.contains("Clínica Girasol"), "{view}: {before}");
            app.update(Action::Wipe);
            let text = text_of(draw(&app).backend().buffer());
            assert!(text.contains("Wipe the vault?"), "{view}: {text}");
            for name in &names {
                assert!(
                    !text.contains(name.as_str()),
                    "{view}: {name} behind the question"
                );
            }
            for shown in ["+1 503", "Portland", &total] {
                assert!(!text.contains(shown), "{view}: {shown} behind the question");
            }
            app.update(Action::Back);
        }
    }
}

/// The screen drawn, and where the cursor was left.
fn screen_and_cursor(app: &App) -> (String, Position) {
    let mut terminal = draw(app);
    let cursor = terminal.get_cursor_position().unwrap();
    (terminal.backend().to_string(), cursor)
}

/// Two passphrases of very different lengths, as typed in a prompt.
const SHORT_AND_LONG: [&str; 2] = ["x", "a much, much longer passphrase than that"];

#[test]
fn the_lock_screen_does_not_show_how_long_the_passphrase_is() {
    for size in SIZES {
        let [short, long] = SHORT_AND_LONG.map(|typed| {
            let (_temp, mut app) = locked(size);
            type_text(&mut app, typed);
            screen_and_cursor(&app)
        });
        assert_eq!(short, long, "the lock screen differs with the length");
        // Something typed still shows, so that a key that did not arrive is seen.
        let (_temp, empty) = locked(size);
        assert_ne!(
            screen_and_cursor(&empty),
            short,
            "nothing shows a key typed"
        );
    }
}

#[test]
fn the_export_dialog_does_not_show_how_long_the_passphrase_is() {
    for size in SIZES {
        let [short, long] = SHORT_AND_LONG.map(|typed| {
            let (_temp, mut app) = open(size, true);
            app.update(Action::Export);
            app.update(Action::NextField);
            type_text(&mut app, typed);
            app.update(Action::NextField);
            type_text(&mut app, typed);
            screen_and_cursor(&app)
        });
        assert_eq!(short, long, "the export dialog differs with the length");
    }
}

#[test]
fn the_import_dialog_does_not_show_how_long_the_passphrase_is() {
    for size in SIZES {
        let [short, long] = SHORT_AND_LONG.map(|typed| {
            let (temp, mut app) = open(size, true);
            let mut signer = signer_vault(&temp.path().join("signer"));
            let path = temp.path().join("bundle.age");
            export_from(&mut signer, vec![casa_clara(now())], None, &path, now());
            app.update(Action::Import);
            app.update(Action::Text(TextEdit::End));
            app.update(Action::Text(TextEdit::DeleteToStart));
            let path = path.to_str().unwrap();
            type_text(&mut app, path);
            app.update(Action::Enter);
            assert!(app.work(), "the bundle is read");
            type_text(&mut app, typed);
            let mut terminal = draw(&app);
            let cursor = terminal.get_cursor_position().unwrap();
            // The temp dir differs each time; only the passphrase may not.
            let screen = terminal.backend().to_string().replace(path, "BUNDLE");
            assert!(screen.contains("BUNDLE"), "{screen}");
            (screen, cursor)
        });
        assert_eq!(short, long, "the import dialog differs with the length");
    }
}

#[test]
fn no_results_says_what_to_do() {
    for size in SIZES {
        let (_temp, mut app) = open(size, true);
        type_text(&mut app, "xyzzy");
        snapshot("no_results", &app);
    }
}

#[test]
fn no_color_draws_without_colours_and_still_marks_selection_and_matches() {
    let (_temp, mut app) = open((80, 24), false);
    type_text(&mut app, "clinic");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    // The selected row (the first result, on row 2) is in reverse video.
    assert!(buffer[(10, 2)].modifier.contains(Modifier::REVERSED));
    let underlined = buffer
        .content()
        .iter()
        .filter(|cell| {
            cell.modifier
                .contains(Modifier::UNDERLINED | Modifier::BOLD)
        })
        .count();
    assert!(underlined >= 6, "matches are bold and underlined");
}

mod bundles;
mod clean;
mod hostile;
mod language_dialog;
mod languages;
mod reading;
