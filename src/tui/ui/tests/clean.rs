//! 80×24 kept clean: nothing shows beside a dialog, help fits its box
//! without cutting a word, a long notice does not run into the legend, an
//! empty vault says how to begin, categories are words, a changed form
//! asks before it goes.

use super::*;
use crate::i18n::Lang;
use crate::model::Category;
use crate::tui::action::Context;
use crate::tui::app::{Dialog, Notice};

/// The rows of the screen as text.
fn rows(app: &App) -> Vec<String> {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect()
}

/// Checks that on every row a box spans, only blanks are left and right
/// of its borders.
fn assert_nothing_beside_the_box(name: &str, app: &App) {
    let rows = rows(app);
    let top = rows.iter().position(|row| row.contains('┌'));
    let bottom = rows.iter().position(|row| row.contains('└'));
    let (Some(top), Some(bottom)) = (top, bottom) else {
        panic!("{name}: no box on screen");
    };
    let left = rows[top].chars().position(|c| c == '┌').unwrap();
    let right = rows[top].chars().position(|c| c == '┐').unwrap();
    for row in &rows[top..=bottom] {
        let chars: Vec<char> = row.chars().collect();
        let outside: String = chars[..left].iter().chain(&chars[right + 1..]).collect();
        assert!(
            outside.trim().is_empty(),
            "{name}: {outside:?} beside the box\n{}",
            rows.join("\n")
        );
    }
}

/// The demo vault with a search for `query` that lists stale records
/// (they have `!` in the first column, which a dialog must hide).
fn searched(query: &str) -> (TempDir, App) {
    let (temp, mut app) = open((80, 24), true);
    type_text(&mut app, query);
    (temp, app)
}

#[test]
fn dialogs_clear_what_is_under_them() {
    let (_temp, mut app) = searched("portland");
    app.update(Action::Export);
    assert_nothing_beside_the_box("export", &app);

    let (_temp, mut app) = searched("portland");
    app.update(Action::Import);
    assert_nothing_beside_the_box("import", &app);

    let (_temp, mut app) = searched("girasol clinic");
    app.update(Action::DeleteRecord);
    assert_nothing_beside_the_box("delete", &app);

    let (_temp, mut app) = searched("");
    app.update(Action::Help);
    assert_nothing_beside_the_box("help", &app);
}

#[test]
fn help_fits_its_box_without_cutting_a_word() {
    // The text area of help at 80×24: the box is 76 wide, less its
    // borders and a margin each side.
    let width = 72;
    let paint = Paint {
        theme: Theme::new(true),
        now: now(),
        lang: Lang::En,
    };
    for context in Context::ALL {
        let lines = super::super::overlay::help_lines(context, width, paint);
        let mut text = String::new();
        for line in &lines {
            let line: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            assert!(line.chars().count() <= width, "{context:?}: {line:?}");
            text.push_str(line.trim());
            text.push(' ');
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        for section in crate::tui::action::help(context) {
            for (_, what) in section.rows {
                let what = crate::t!(Lang::En, what);
                let expected: Vec<&str> = what.split_whitespace().collect();
                let found = words
                    .windows(expected.len())
                    .any(|window| window == expected.as_slice());
                assert!(found, "{context:?}: {what:?} not whole in help");
            }
        }
    }
}

fn say(app: &mut App, text: &str) {
    let Screen::Open(main) = &mut app.screen else {
        panic!("locked");
    };
    main.notice = Some(Notice {
        text: crate::msg!("detail", detail = text),
        error: true,
    });
}

#[test]
fn a_long_notice_is_cut_at_a_word_and_never_runs_into_the_legend() {
    let (_temp, mut app) = open((80, 24), true);
    let long =
        "Not saved: the vault could not be written, the disk is full or was removed (os error 28)";
    say(&mut app, long);
    let status = &rows(&app)[22];
    assert!(!status.contains("stale"), "{status:?}");
    let shown = status.trim_end().strip_suffix('…').expect("cut with …");
    assert!(long.starts_with(shown), "{status:?}");
    assert_eq!(
        long[shown.len()..].chars().next(),
        Some(' '),
        "cut at a word"
    );

    say(&mut app, "Saved “Casa Clara”.");
    let status = &rows(&app)[22];
    assert!(status.contains("! = stale"), "{status:?}");
}

#[test]
fn an_empty_vault_says_how_to_begin() {
    let temp = tempfile::tempdir().unwrap();
    let passphrase = age::secrecy::SecretString::from("an empty vault's passphrase".to_owned());
    let vault = crate::vault::Vault::init(
        &temp.path().join("vault"),
        &passphrase,
        crate::vault::WorkFactor::log_n(4),
    )
    .unwrap();
    let mut app = App::unlocked(config(&temp, true), vault, now());
    resize(&mut app, (80, 24));
    settle(&mut app);
    let text = rows(&app).join("\n");
    assert!(text.contains("^A adds a record"), "{text}");
    assert!(text.contains("^O imports a bundle"), "{text}");
    snapshot("empty", &app);
}

#[test]
fn categories_are_words_in_the_list_the_detail_the_form_and_the_export() {
    let (_temp, mut app) = open((80, 24), true);
    // The category filter, until it is bail funds.
    for _ in 0..12 {
        let Screen::Open(main) = &app.screen else {
            panic!("locked");
        };
        if main.browse.filter.category == Some(Category::BailFund) {
            break;
        }
        app.update(Action::CycleCategory);
        settle(&mut app);
    }
    let mut screens = vec![rows(&app).join("\n")];
    app.update(Action::Enter);
    screens.push(rows(&app).join("\n"));
    app.update(Action::EditRecord);
    screens.push(rows(&app).join("\n"));
    app.update(Action::Back);
    app.update(Action::Export);
    assert!(matches!(
        &app.screen,
        Screen::Open(main) if matches!(main.dialog, Some(Dialog::Export(_)))
    ));
    screens.push(rows(&app).join("\n"));
    for screen in &screens {
        assert!(screen.contains("bail fund"), "{screen}");
        assert!(!screen.contains("bail_fund"), "{screen}");
    }
    assert!(screens[3].contains(" in bail fund"), "{}", screens[3]);
}

#[test]
fn a_changed_form_asks_before_it_is_thrown_away() {
    let (_temp, mut app) = open((80, 24), true);
    app.update(Action::NewRecord);
    type_text(&mut app, "Casa Nueva");
    app.update(Action::Back);
    snapshot("discard", &app);
    assert_nothing_beside_the_box("discard", &app);
}
