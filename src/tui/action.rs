//! What a person can ask of the UI ([`Action`]) and which keys ask it. The
//! table of [`BINDINGS`] is the one source for the key map, the help overlay
//! and the footer, so that help can never miss a key. The footer shows the
//! few keys that matter on each screen ([`footer`]); help shows them all,
//! each once ([`help`]).

use std::time::Duration;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use time::OffsetDateTime;

use super::input::TextEdit;

/// Everything that can change the UI's state, from a key, the mouse, the
/// terminal or the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Lock,
    /// Open or close the help overlay.
    Help,
    /// Esc: close, cancel, or clear what is open.
    Back,
    /// Enter: unlock, open the selected record.
    Enter,
    Up,
    Down,
    PageUp,
    PageDown,
    /// Edit the focused text field.
    Text(TextEdit),
    NextField,
    PrevField,
    Save,
    CycleCategory,
    CycleCity,
    NewRecord,
    EditRecord,
    DeleteRecord,
    MarkVerified,
    /// Open the export dialog: a bundle of the records listed.
    Export,
    /// Open the import dialog.
    Import,
    /// Space or Tab in a dialog: flip the focused choice.
    Toggle,
    /// Yes to the question asked.
    Confirm,
    /// The panic key: ask whether to destroy the vault now.
    Wipe,
    /// Open the dialog that sets the vault's language.
    Language,
    ScrollUp,
    ScrollDown,
    Click {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
    /// Time passed: the clock and the idle timer, injected.
    Tick {
        elapsed: Duration,
        now: OffsetDateTime,
    },
}

/// Where the keys go: each screen and overlay has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Unlock,
    List,
    Detail,
    Form,
    Confirm,
    /// The question before a changed form is thrown away.
    Discard,
    Export,
    Import,
    /// The wipe question, and the screen after a wipe.
    Wipe,
    Help,
    /// The dialog that sets the vault's language.
    Language,
}

impl Context {
    pub const ALL: [Context; 11] = [
        Context::Unlock,
        Context::List,
        Context::Detail,
        Context::Form,
        Context::Confirm,
        Context::Discard,
        Context::Export,
        Context::Import,
        Context::Wipe,
        Context::Help,
        Context::Language,
    ];

    /// The id of the screen's name in the message files.
    pub fn title(self) -> &'static str {
        match self {
            Context::Unlock => "tui-screen-unlock",
            Context::List => "tui-screen-list",
            Context::Detail => "tui-screen-detail",
            Context::Form => "tui-screen-form",
            Context::Confirm => "tui-screen-confirm",
            Context::Discard => "tui-screen-discard",
            Context::Export => "tui-screen-export",
            Context::Import => "tui-screen-import",
            Context::Wipe => "tui-screen-wipe",
            Context::Help => "tui-screen-help",
            Context::Language => "tui-screen-language",
        }
    }

    /// Whether plain characters are typed into a field here.
    pub fn is_typing(self) -> bool {
        matches!(
            self,
            Context::Unlock
                | Context::List
                | Context::Form
                | Context::Export
                | Context::Import
                | Context::Wipe
        )
    }
}

/// One key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    ctrl: bool,
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

impl Key {
    /// How the key is written in help and the footer.
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::Delete => "Del".to_owned(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("^{name}")
        } else {
            name
        }
    }

    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match event.code {
            // Terminals differ in whether Ctrl-letters arrive in upper case.
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        // Esc typed just before a key can arrive as Alt+key; a Ctrl key
        // still means itself then (Ctrl-C must always quit).
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        self.ctrl == ctrl && self.code == code && (self.ctrl || !alt)
    }
}

/// A row of the key table: keys, what they do and where.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// What the key does: the id of its message (`tui-key-…`).
    pub what: &'static str,
    pub contexts: &'static [Context],
}

use Context::{
    Confirm as C, Detail as D, Discard as Q, Export as X, Form as F, Help as H, Import as I,
    Language as Z, List as L, Unlock as U, Wipe as W,
};

const EVERYWHERE: &[Context] = &[U, L, D, F, C, Q, X, I, W, H, Z];
const UNLOCKED: &[Context] = &[L, D, F, C, Q, X, I, H, Z];

const fn bind(
    keys: &'static [Key],
    action: Action,
    what: &'static str,
    contexts: &'static [Context],
) -> Binding {
    Binding {
        keys,
        action,
        what,
        contexts,
    }
}

/// Every key the UI knows. Typed characters go to the focused field in the
/// typing contexts and are not listed one by one.
pub const BINDINGS: &[Binding] = &[
    bind(
        &[key(KeyCode::F(1))],
        Action::Help,
        "tui-key-help",
        EVERYWHERE,
    ),
    bind(&[ch('?')], Action::Help, "tui-key-help", &[D, C, Q, H]),
    // The panic key works everywhere; help lists it first among the keys
    // of every screen.
    bind(
        &[ctrl('k')],
        Action::Wipe,
        "tui-key-wipe",
        &[U, L, D, F, C, Q, X, I, H, Z],
    ),
    bind(
        &[key(KeyCode::Enter)],
        Action::Confirm,
        "tui-key-wipe-now",
        &[W],
    ),
    bind(
        &[key(KeyCode::Esc)],
        Action::Back,
        "tui-key-keep-vault",
        &[W],
    ),
    bind(
        &[key(KeyCode::Enter)],
        Action::Enter,
        "tui-key-unlock",
        &[U],
    ),
    bind(&[key(KeyCode::Enter)], Action::Enter, "tui-key-open", &[L]),
    bind(
        &[key(KeyCode::Tab)],
        Action::CycleCategory,
        "tui-key-category-filter",
        &[L],
    ),
    bind(&[ctrl('t')], Action::CycleCity, "tui-key-city-filter", &[L]),
    bind(&[ctrl('a')], Action::NewRecord, "tui-key-add", &[L]),
    bind(&[ctrl('e')], Action::EditRecord, "tui-key-edit", &[L]),
    bind(&[ctrl('d')], Action::DeleteRecord, "tui-key-delete", &[L]),
    bind(&[ctrl('v')], Action::MarkVerified, "tui-key-verified", &[L]),
    bind(
        &[ch('e'), ctrl('e')],
        Action::EditRecord,
        "tui-key-edit",
        &[D],
    ),
    bind(
        &[ch('d'), ctrl('d')],
        Action::DeleteRecord,
        "tui-key-delete",
        &[D],
    ),
    bind(
        &[ch('v'), ctrl('v')],
        Action::MarkVerified,
        "tui-key-verified",
        &[D],
    ),
    bind(
        &[ch('a'), ctrl('a')],
        Action::NewRecord,
        "tui-key-add",
        &[D],
    ),
    bind(
        &[key(KeyCode::Enter)],
        Action::Enter,
        "tui-key-export",
        &[X],
    ),
    bind(&[ch(' ')], Action::Toggle, "tui-key-toggle", &[X]),
    bind(
        &[key(KeyCode::Enter)],
        Action::Enter,
        "tui-key-open-import",
        &[I],
    ),
    bind(
        &[key(KeyCode::Tab)],
        Action::Toggle,
        "tui-key-choose-keep",
        &[I],
    ),
    bind(&[ctrl('s')], Action::Save, "tui-key-save", &[F]),
    bind(
        &[key(KeyCode::Tab), key(KeyCode::Down), key(KeyCode::Enter)],
        Action::NextField,
        "tui-key-next-field",
        &[F],
    ),
    bind(
        &[key(KeyCode::Tab), key(KeyCode::Down)],
        Action::NextField,
        "tui-key-next-field",
        &[X],
    ),
    bind(
        &[key(KeyCode::BackTab), key(KeyCode::Up)],
        Action::PrevField,
        "tui-key-previous-field",
        &[F, X],
    ),
    bind(&[ch('y')], Action::Confirm, "tui-key-yes-delete", &[C]),
    bind(&[ch('y')], Action::Confirm, "tui-key-yes-discard", &[Q]),
    bind(
        &[ch('n'), key(KeyCode::Esc)],
        Action::Back,
        "tui-key-keep-editing",
        &[Q],
    ),
    bind(
        &[ch('n'), key(KeyCode::Esc)],
        Action::Back,
        "tui-key-no-keep",
        &[C],
    ),
    bind(
        &[key(KeyCode::Up), ctrl('p')],
        Action::Up,
        "tui-key-previous-result",
        &[L],
    ),
    bind(
        &[key(KeyCode::Down), ctrl('n')],
        Action::Down,
        "tui-key-next-result",
        &[L],
    ),
    bind(
        &[key(KeyCode::Up), ctrl('p')],
        Action::Up,
        "tui-key-previous-record",
        &[D],
    ),
    bind(
        &[key(KeyCode::Down), ctrl('n')],
        Action::Down,
        "tui-key-next-record",
        &[D],
    ),
    bind(
        &[key(KeyCode::Up)],
        Action::Up,
        "tui-key-scroll-up",
        &[H, I],
    ),
    bind(
        &[key(KeyCode::Down)],
        Action::Down,
        "tui-key-scroll-down",
        &[H, I],
    ),
    bind(
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "tui-key-page-up",
        &[L, D, H, I],
    ),
    bind(
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "tui-key-page-down",
        &[L, D, H, I],
    ),
    bind(
        &[key(KeyCode::Esc)],
        Action::Back,
        "tui-key-clear-passphrase",
        &[U],
    ),
    bind(
        &[key(KeyCode::Esc)],
        Action::Back,
        "tui-key-clear-search",
        &[L],
    ),
    bind(
        &[key(KeyCode::Esc)],
        Action::Back,
        "tui-key-back-to-list",
        &[D],
    ),
    bind(
        &[key(KeyCode::Esc)],
        Action::Back,
        "tui-key-cancel",
        &[F, X],
    ),
    bind(&[key(KeyCode::Esc)], Action::Back, "tui-key-reject", &[I]),
    bind(
        &[key(KeyCode::Esc)],
        Action::Back,
        "tui-key-close-help",
        &[H],
    ),
    bind(
        &[key(KeyCode::Backspace)],
        Action::Text(TextEdit::Backspace),
        "tui-key-backspace",
        &[U, L, F, X, I, W],
    ),
    bind(
        &[key(KeyCode::Delete)],
        Action::Text(TextEdit::Delete),
        "tui-key-delete-char",
        &[L, F, X, I],
    ),
    bind(
        &[ctrl('w')],
        Action::Text(TextEdit::DeleteWord),
        "tui-key-delete-word",
        &[U, L, F, X, I, W],
    ),
    bind(
        &[ctrl('u')],
        Action::Text(TextEdit::DeleteToStart),
        "tui-key-delete-to-start",
        &[U, L, F, X, I, W],
    ),
    bind(
        &[key(KeyCode::Left)],
        Action::Text(TextEdit::Left),
        "tui-key-left",
        &[L, F, X, I],
    ),
    bind(
        &[key(KeyCode::Right)],
        Action::Text(TextEdit::Right),
        "tui-key-right",
        &[L, F, X, I],
    ),
    bind(
        &[key(KeyCode::Home)],
        Action::Text(TextEdit::Home),
        "tui-key-home",
        &[L, F, X, I],
    ),
    bind(
        &[key(KeyCode::End)],
        Action::Text(TextEdit::End),
        "tui-key-end",
        &[L, F, X, I],
    ),
    bind(
        &[key(KeyCode::F(2))],
        Action::Language,
        "tui-key-language",
        &[L, D],
    ),
    bind(
        &[key(KeyCode::Enter)],
        Action::Enter,
        "tui-key-choose-language",
        &[Z],
    ),
    bind(
        &[key(KeyCode::Up), ctrl('p')],
        Action::Up,
        "tui-key-previous-choice",
        &[Z],
    ),
    bind(
        &[key(KeyCode::Down), ctrl('n')],
        Action::Down,
        "tui-key-next-choice",
        &[Z],
    ),
    bind(&[key(KeyCode::Esc)], Action::Back, "tui-key-cancel", &[Z]),
    bind(&[ctrl('x')], Action::Export, "tui-key-export", &[L, D]),
    bind(&[ctrl('o')], Action::Import, "tui-key-import", &[L, D]),
    bind(&[ctrl('l')], Action::Lock, "tui-key-lock", UNLOCKED),
    bind(&[ctrl('c')], Action::Quit, "tui-key-quit", EVERYWHERE),
];

/// The action a terminal event asks for in `context`, if any.
pub fn map_event(event: &Event, context: Context) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => map_key(key, context),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn map_key(event: &KeyEvent, context: Context) -> Option<Action> {
    let bound = BINDINGS
        .iter()
        .filter(|binding| binding.contexts.contains(&context))
        .find(|binding| binding.keys.iter().any(|key| key.matches(event)));
    if let Some(binding) = bound {
        return Some(binding.action);
    }
    let plain = !event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match event.code {
        KeyCode::Char(c) if plain && context.is_typing() => Some(Action::Text(TextEdit::Insert(c))),
        _ => None,
    }
}

/// The few actions the footer offers in a context, most useful first:
/// what people come to that screen for, then help and lock. Every other
/// key is in help.
fn footer_actions(context: Context) -> &'static [Action] {
    use Action::*;
    match context {
        Context::Unlock => &[Enter, Help, Quit],
        Context::List => &[NewRecord, Export, Import, Help, Lock],
        Context::Detail => &[Back, EditRecord, MarkVerified, Help, Lock],
        Context::Form => &[Save, NextField, Back, Help],
        Context::Confirm | Context::Discard => &[Confirm, Back, Help],
        Context::Export => &[Enter, Toggle, NextField, Back, Help],
        Context::Import => &[Enter, Toggle, Back, Help],
        Context::Wipe => &[Confirm, Back],
        Context::Help => &[Back, Down, Up],
        Context::Language => &[Enter, Back, Help],
    }
}

/// How the keys of a binding are written: `e/^E`.
fn keys_label(binding: &Binding) -> String {
    let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
    keys.join("/")
}

/// The footer of a context: keys and what they do, most useful first.
pub fn footer(context: Context) -> Vec<(String, &'static str)> {
    footer_actions(context)
        .iter()
        .filter_map(|action| {
            BINDINGS
                .iter()
                .find(|b| b.action == *action && b.contexts.contains(&context))
        })
        .map(|binding| (keys_label(binding), binding.what))
        .collect()
}

/// A part of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    pub title: HelpTitle,
    /// Keys and what they do.
    pub rows: Vec<(String, &'static str)>,
}

/// What a part of help is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpTitle {
    /// The screen help was opened from.
    Here(Context),
    /// The keys that work on (nearly) every screen.
    Everywhere,
    /// The keys that edit a text field.
    Editing,
    /// Another screen.
    Other(Context),
}

/// A key of every screen: help, lock, quit, the panic key.
fn is_global(binding: &Binding) -> bool {
    matches!(binding.action, Action::Lock | Action::Quit | Action::Wipe)
        || (binding.action == Action::Help && binding.contexts == EVERYWHERE)
}

fn is_editing(binding: &Binding) -> bool {
    matches!(binding.action, Action::Text(_))
}

/// The help overlay's parts: the keys of `context` first, then those of
/// every screen, those that edit a field, and the other screens'. Each key
/// with its meaning is listed once: a key already listed with the same
/// meaning is left out of the later parts.
pub fn help(context: Context) -> Vec<HelpSection> {
    let own = |shown: Context| {
        BINDINGS
            .iter()
            .filter(move |b| b.contexts.contains(&shown) && !is_global(b) && !is_editing(b))
    };
    let mut here = Vec::new();
    if context.is_typing() {
        here.push(("tui-key-letters".to_owned(), typing_help(context)));
    }
    here.extend(own(context).map(|b| (keys_label(b), b.what)));
    let mut sections = vec![HelpSection {
        title: HelpTitle::Here(context),
        rows: here,
    }];
    let everywhere = BINDINGS.iter().filter(|b| is_global(b));
    let editing = BINDINGS.iter().filter(|b| is_editing(b));
    let (everywhere, editing) = (
        HelpSection {
            title: HelpTitle::Everywhere,
            rows: everywhere.map(|b| (keys_label(b), b.what)).collect(),
        },
        HelpSection {
            title: HelpTitle::Editing,
            rows: editing.map(|b| (keys_label(b), b.what)).collect(),
        },
    );
    if context.is_typing() {
        sections.extend([editing, everywhere]);
    } else {
        sections.extend([everywhere, editing]);
    }
    for other in Context::ALL {
        if other == context || other == Context::Help {
            continue;
        }
        let rows = own(other).map(|b| (keys_label(b), b.what)).collect();
        sections.push(HelpSection {
            title: HelpTitle::Other(other),
            rows,
        });
    }
    // Each key with its meaning once, where it first appears.
    let mut seen: Vec<(String, &'static str)> = Vec::new();
    for section in &mut sections {
        section.rows.retain(|row| {
            let new = !seen.contains(row);
            if new {
                seen.push(row.clone());
            }
            new
        });
    }
    sections.retain(|section| !section.rows.is_empty());
    sections
}

fn typing_help(context: Context) -> &'static str {
    match context {
        Context::Unlock => "tui-type-passphrase",
        Context::List => "tui-type-search",
        Context::Export | Context::Import => "tui-type-secret-field",
        Context::Wipe => "tui-type-wipe",
        _ => "tui-type-field",
    }
}

#[cfg(test)]
mod tests;
