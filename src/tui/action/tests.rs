//! The key map against the conventions it promises: each test is one family
//! of keys, given as (event, context, the action it must mean).

use super::*;
use ratatui::crossterm::event::{KeyEventState, MouseEvent};

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

/// Checks that each event, in its context, maps to its expected action.
fn assert_maps(cases: &[(Event, Context, Option<Action>)]) {
    for (event, context, expected) in cases {
        assert_eq!(
            map_event(event, *context),
            *expected,
            "{event:?} in {context:?}"
        );
    }
}

#[test]
fn control_c_quits_and_control_l_locks_once_unlocked() {
    assert_maps(&[
        (
            press(KeyCode::Char('c'), CTRL),
            Context::Form,
            Some(Action::Quit),
        ),
        (
            press(KeyCode::Char('C'), CTRL),
            Context::Unlock,
            Some(Action::Quit),
        ),
        (
            press(KeyCode::Char('l'), CTRL),
            Context::Detail,
            Some(Action::Lock),
        ),
        (press(KeyCode::Char('l'), CTRL), Context::Unlock, None),
        (
            press(KeyCode::Char('l'), CTRL),
            Context::Import,
            Some(Action::Lock),
        ),
    ]);
}

#[test]
fn help_is_f1_and_a_question_mark_where_nothing_is_typed() {
    assert_maps(&[
        (
            press(KeyCode::F(1), NONE),
            Context::List,
            Some(Action::Help),
        ),
        (
            press(KeyCode::Char('?'), NONE),
            Context::Detail,
            Some(Action::Help),
        ),
        (
            press(KeyCode::Char('?'), NONE),
            Context::List,
            Some(Action::Text(TextEdit::Insert('?'))),
        ),
    ]);
}

#[test]
fn the_list_moves_like_readline_and_letters_are_typed() {
    assert_maps(&[
        (
            press(KeyCode::Char('n'), CTRL),
            Context::List,
            Some(Action::Down),
        ),
        (
            press(KeyCode::Char('p'), CTRL),
            Context::List,
            Some(Action::Up),
        ),
        (
            press(KeyCode::Enter, NONE),
            Context::Form,
            Some(Action::NextField),
        ),
        (
            press(KeyCode::Char('e'), NONE),
            Context::Detail,
            Some(Action::EditRecord),
        ),
        (
            press(KeyCode::Char('e'), NONE),
            Context::List,
            Some(Action::Text(TextEdit::Insert('e'))),
        ),
        (
            press(KeyCode::Char('E'), KeyModifiers::SHIFT),
            Context::Form,
            Some(Action::Text(TextEdit::Insert('E'))),
        ),
        (
            press(KeyCode::Char('x'), KeyModifiers::ALT),
            Context::List,
            None,
        ),
    ]);
}

#[test]
fn a_confirmation_takes_y_and_a_wipe_takes_typing_and_enter() {
    assert_maps(&[
        (
            press(KeyCode::Char('y'), NONE),
            Context::Confirm,
            Some(Action::Confirm),
        ),
        (press(KeyCode::Char('x'), NONE), Context::Confirm, None),
        (
            press(KeyCode::Char('k'), CTRL),
            Context::Unlock,
            Some(Action::Wipe),
        ),
        (
            press(KeyCode::Char('K'), CTRL),
            Context::List,
            Some(Action::Wipe),
        ),
        (
            press(KeyCode::Char('k'), CTRL),
            Context::Detail,
            Some(Action::Wipe),
        ),
        (
            press(KeyCode::Char('k'), CTRL),
            Context::Form,
            Some(Action::Wipe),
        ),
        (press(KeyCode::Char('k'), CTRL), Context::Wipe, None),
        (
            press(KeyCode::Char('y'), NONE),
            Context::Wipe,
            Some(Action::Text(TextEdit::Insert('y'))),
        ),
        (
            press(KeyCode::Enter, NONE),
            Context::Wipe,
            Some(Action::Confirm),
        ),
        (press(KeyCode::Esc, NONE), Context::Wipe, Some(Action::Back)),
    ]);
}

#[test]
fn bundles_are_exported_and_imported_with_control_keys() {
    assert_maps(&[
        (
            press(KeyCode::Char('x'), CTRL),
            Context::List,
            Some(Action::Export),
        ),
        (
            press(KeyCode::Char('o'), CTRL),
            Context::Detail,
            Some(Action::Import),
        ),
        (press(KeyCode::Char('x'), CTRL), Context::Form, None),
        (
            press(KeyCode::Char(' '), NONE),
            Context::Export,
            Some(Action::Toggle),
        ),
        (
            press(KeyCode::Tab, NONE),
            Context::Export,
            Some(Action::NextField),
        ),
        (
            press(KeyCode::Tab, NONE),
            Context::Import,
            Some(Action::Toggle),
        ),
        (
            press(KeyCode::Char(' '), NONE),
            Context::Import,
            Some(Action::Text(TextEdit::Insert(' '))),
        ),
    ]);
}

#[test]
fn clicks_and_resizes_pass_through() {
    assert_maps(&[
        (
            Event::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: 3,
                row: 4,
                modifiers: NONE,
            }),
            Context::List,
            Some(Action::Click { column: 3, row: 4 }),
        ),
        (
            Event::Resize(80, 24),
            Context::Help,
            Some(Action::Resize {
                width: 80,
                height: 24,
            }),
        ),
    ]);
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for context in Context::ALL {
        let mut seen: Vec<Key> = Vec::new();
        for binding in BINDINGS.iter().filter(|b| b.contexts.contains(&context)) {
            for key in binding.keys {
                assert!(!seen.contains(key), "{key:?} twice in {context:?}");
                seen.push(*key);
            }
        }
    }
}

#[test]
fn every_context_has_help_quit_and_a_way_back() {
    for context in Context::ALL {
        let actions: Vec<Action> = BINDINGS
            .iter()
            .filter(|b| b.contexts.contains(&context))
            .map(|b| b.action)
            .collect();
        assert!(actions.contains(&Action::Help), "{context:?}");
        assert!(actions.contains(&Action::Quit), "{context:?}");
        assert!(actions.contains(&Action::Back), "{context:?}");
        assert!(!footer(context).is_empty());
    }
}

/// The footer's width as `ui::footer` draws it: keys, a space, what they
/// do, two spaces between.
fn footer_width(context: Context, lang: crate::i18n::Lang) -> usize {
    footer(context)
        .iter()
        .map(|(keys, what)| keys.chars().count() + crate::t!(lang, what).chars().count() + 3)
        .sum()
}

#[test]
fn the_footer_offers_the_few_keys_that_matter_and_fits_80_columns() {
    for context in Context::ALL {
        let keys = footer(context);
        assert!((2..=5).contains(&keys.len()), "{context:?}: {keys:?}");
        for lang in crate::i18n::Lang::ALL {
            let width = footer_width(context, lang);
            assert!(width <= 80, "{context:?} in {lang:?}: {width} columns");
        }
        assert!(
            keys.iter().all(|(keys, _)| keys != "^K"),
            "{context:?}: the panic key is in help, not the footer"
        );
    }
    let list: Vec<String> = footer(Context::List)
        .into_iter()
        .map(|(keys, what)| format!("{keys} {}", crate::t!(crate::i18n::Lang::En, what)))
        .collect();
    assert_eq!(
        list,
        ["^A add", "^X export", "^O import", "F1 help", "^L lock"]
    );
}

#[test]
fn help_starts_with_the_screen_it_was_opened_from_and_lists_each_key_once() {
    for context in Context::ALL {
        if context == Context::Help {
            continue;
        }
        let sections = help(context);
        assert_eq!(sections[0].title, HelpTitle::Here(context));
        let rows: Vec<&(String, &str)> = sections.iter().flat_map(|s| &s.rows).collect();
        for (n, row) in rows.iter().enumerate() {
            assert!(!rows[..n].contains(row), "{context:?}: {row:?} twice");
        }
        let backspace = rows.iter().filter(|(keys, _)| keys == "Backspace").count();
        assert_eq!(backspace, 1, "{context:?}");
        // Nothing is lost by listing once: every key of every screen is there.
        // (Help's own keys are in its title.)
        for binding in BINDINGS.iter().filter(|b| b.contexts != [Context::Help]) {
            let listed = rows
                .iter()
                .any(|(keys, what)| *keys == keys_label(binding) && *what == binding.what);
            assert!(listed, "{context:?}: {:?} missing", binding.what);
        }
    }
}
