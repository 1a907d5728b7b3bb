//! The screens and boxes drawn over everything: unlock (and locked), the
//! delete question, the wipe question and what follows a wipe, help.

use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Wrap};
use ratatui::Frame;

use crate::tui::action::{self, Context};
use crate::tui::app::{
    Config, ConfirmDelete, LockReason, Phase, UnlockState, DEMO_PASSPHRASE, WIPE_WORD,
};
use crate::tui::input::TextInput;

use super::{centered_box, fit, footer, paragraph, Paint};

const SPINNER: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/// Shown for a passphrase once anything is typed, whatever its length: a
/// glance at the screen tells neither the passphrase nor how long it is.
const HIDDEN: &str = "••••••";

/// What a passphrase field shows: nothing, or [`HIDDEN`] once something is
/// typed, so that a key that did not arrive is still noticed.
pub(super) fn hidden(input: &TextInput) -> &'static str {
    if input.is_empty() {
        ""
    } else {
        HIDDEN
    }
}

pub(super) fn unlock(
    frame: &mut Frame,
    area: Rect,
    state: &UnlockState,
    config: &Config,
    paint: Paint,
) {
    let theme = paint.theme;
    let footer_area = bottom_row(area);
    footer(frame, footer_area, Context::Unlock, paint);
    let rect = centered_box(frame, area, 60, 11);
    let block = Block::bordered()
        .border_style(theme.dim())
        .title(Span::styled(" pamphlet ", theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let (headline, detail) = match state.reason {
        LockReason::Start => ("The directory is locked.".to_owned(), ""),
        LockReason::ByHand => ("Locked.".to_owned(), "The records are gone from memory."),
        LockReason::Idle { minutes } => (
            format!("Locked after {minutes} min without a key."),
            "The records are gone from memory.",
        ),
    };
    let masked = hidden(&state.input);
    let mut lines = vec![
        Line::from(Span::styled(headline, theme.bold())),
        Line::from(Span::styled(detail, theme.dim())),
        Line::from(vec![
            Span::styled("Passphrase: ", theme.dim()),
            Span::raw(masked),
        ]),
        Line::raw(""),
    ];
    match state.phase {
        Phase::Unlocking { frame: tick } => lines.push(Line::from(vec![
            Span::styled(SPINNER[tick % SPINNER.len()].to_string(), theme.title()),
            Span::raw(" Unlocking… deriving the key takes a second or two."),
        ])),
        Phase::Waiting => match &state.error {
            Some(error) => lines.push(Line::from(Span::styled(error.clone(), theme.error()))),
            None => lines.push(Line::from(Span::styled(
                "Type the passphrase, then Enter.",
                theme.dim(),
            ))),
        },
    }
    if config.demo {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            format!("Demo directory: the passphrase is “{DEMO_PASSPHRASE}”."),
            theme.dim(),
        )));
    }
    let text_area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    frame.render_widget(paragraph(lines).wrap(Wrap { trim: false }), text_area);
    if state.phase == Phase::Waiting {
        let x = text_area.x + 12 + masked.chars().count() as u16;
        let y = text_area.y + 2;
        if y < text_area.bottom() {
            frame.set_cursor_position(Position::new(x.min(text_area.right()), y));
        }
    }
}

pub(super) fn confirm(frame: &mut Frame, area: Rect, confirm: &ConfirmDelete, paint: Paint) {
    let theme = paint.theme;
    let rect = centered_box(frame, area, 60, 7);
    let block = Block::bordered()
        .border_style(theme.error())
        .title(Span::styled(" Delete? ", theme.error()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let name = fit(&confirm.name, usize::from(inner.width).saturating_sub(12));
    let lines = vec![
        Line::from(vec![
            Span::raw(" Delete “"),
            Span::styled(name, theme.bold()),
            Span::raw("”?"),
        ]),
        Line::raw(" It is removed from this vault for good."),
        Line::raw(""),
        Line::from(vec![
            Span::styled(" y", theme.key()),
            Span::raw(" delete    "),
            Span::styled("n", theme.key()),
            Span::raw("/"),
            Span::styled("Esc", theme.key()),
            Span::raw(" keep it"),
        ]),
    ];
    frame.render_widget(paragraph(lines), inner);
}

/// The panic key's question, with its own keys in the footer (the locked
/// screen draws the unlock keys there).
pub(super) fn wipe_question(
    frame: &mut Frame,
    area: Rect,
    input: &TextInput,
    error: Option<&str>,
    paint: Paint,
) {
    let theme = paint.theme;
    // Nothing behind the question: whoever made someone press the panic key
    // sees no record while it is asked.
    frame.render_widget(ratatui::widgets::Clear, area);
    footer(frame, bottom_row(area), Context::Wipe, paint);
    let rect = centered_box(frame, area, 64, 11);
    let block = Block::bordered()
        .border_style(theme.error())
        .title(Span::styled(" Wipe the vault? ", theme.error()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let typed = fit(input.text(), 20);
    let hint = match error {
        Some(error) => Line::from(Span::styled(error.to_owned(), theme.error())),
        None => Line::from(Span::styled(
            "Nothing is destroyed before that.",
            theme.dim(),
        )),
    };
    let lines = vec![
        Line::from(Span::styled("Destroy this vault now?", theme.bold())),
        Line::raw("Everything in it is gone for good; no passphrase is needed."),
        Line::raw(""),
        Line::from(vec![
            Span::raw("Type "),
            Span::styled(WIPE_WORD, theme.key()),
            Span::raw(", then "),
            Span::styled("Enter", theme.key()),
            Span::raw(": "),
            Span::styled(typed.clone(), theme.bold()),
        ]),
        hint,
        Line::raw(""),
        Line::from(vec![
            Span::styled("Esc", theme.key()),
            Span::raw(" keep the vault"),
        ]),
    ];
    let text_area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    frame.render_widget(paragraph(lines).wrap(Wrap { trim: false }), text_area);
    let prompt = format!("Type {WIPE_WORD}, then Enter: ");
    let x = text_area.x + (prompt.chars().count() + typed.chars().count()) as u16;
    let y = text_area.y + 3;
    if y < text_area.bottom() {
        frame.set_cursor_position(Position::new(x.min(text_area.right()), y));
    }
}

/// All that is left after a wipe.
pub(super) fn wiped(frame: &mut Frame, area: Rect, paint: Paint) {
    let theme = paint.theme;
    frame.render_widget(ratatui::widgets::Clear, area);
    let rect = centered_box(frame, area, 44, 5);
    let block = Block::bordered()
        .border_style(theme.dim())
        .title(Span::styled(" pamphlet ", theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let lines = vec![
        Line::from(Span::styled(" The vault was wiped.", theme.bold())),
        Line::raw(""),
        Line::from(Span::styled(" Any key quits.", theme.dim())),
    ];
    frame.render_widget(paragraph(lines), inner);
}

pub(super) fn help(frame: &mut Frame, area: Rect, context: Context, scroll: u16, paint: Paint) {
    let theme = paint.theme;
    let rect = centered_box(
        frame,
        area,
        area.width.saturating_sub(4).min(90),
        area.height.saturating_sub(2),
    );
    let block = Block::bordered()
        .border_style(theme.title())
        .title(Span::styled(
            " Help — Esc closes, ↑/↓ scroll ",
            theme.title(),
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut lines: Vec<Line> = Vec::new();
    let mut contexts = vec![context];
    contexts.extend(
        Context::ALL
            .into_iter()
            .filter(|c| *c != context && *c != Context::Help),
    );
    for shown in contexts {
        let title = if shown == context {
            format!("{} (here)", shown.title())
        } else {
            shown.title().to_owned()
        };
        lines.push(Line::from(Span::styled(title, theme.title())));
        for (keys, what) in action::help(shown) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<22}"), theme.key()),
                Span::raw(what),
            ]));
        }
        if matches!(shown, Context::List | Context::Detail) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<22}", "mouse"), theme.key()),
                Span::raw("wheel scrolls; a click selects, a second click opens"),
            ]));
        }
        lines.push(Line::raw(""));
        if shown == Context::List {
            lines.extend(searching_help(paint));
        }
    }
    lines.push(Line::from(Span::styled("Marks", theme.title())));
    lines.push(Line::raw(
        "  !  not verified in the last 6 months, or never: check before referring",
    ));
    lines.push(Line::raw(
        "  x  defunct: closed, do not refer (listed last)",
    ));
    lines.push(Line::raw(
        "  Matched letters of a search are highlighted. The screen locks itself when idle.",
    ));
    frame.render_widget(
        paragraph(lines).scroll((scroll, 0)),
        Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(1),
            ..inner
        },
    );
}

/// How to search, after the keys of the list.
fn searching_help(paint: Paint) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled("Searching", paint.theme.title()))];
    for line in [
        "  Type words or a sentence: lawyer who speaks french in paris.",
        "  Small words (who, in, que, de…) are optional; a city, a category",
        "  or \"speaks X\" asks for it. The line under the search says how",
        "  it was read. Filters: city: cat: lang: tag: country:, \"exact",
        "  words\", !word to leave out. When nothing matches in full, the",
        "  records matching part of it are listed apart, never exported.",
        "",
    ] {
        lines.push(Line::raw(line));
    }
    lines
}

/// The last row of `area`, where a screen's footer goes.
fn bottom_row(area: Rect) -> Rect {
    Rect {
        y: area.bottom().saturating_sub(1),
        height: area.height.min(1),
        ..area
    }
}
