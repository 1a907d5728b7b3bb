//! The screens and boxes drawn over everything: unlock (and locked), the
//! delete question, the wipe question and what follows a wipe, help.

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Wrap};
use ratatui::Frame;

use crate::i18n::Message;
use crate::tui::action::{self, Context, HelpTitle};
use crate::tui::app::{
    wipe_word, Config, ConfirmDelete, Leave, LockReason, Phase, UnlockState, DEMO_PASSPHRASE,
};
use crate::tui::input::TextInput;

use super::detail::wrap;
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
    let lang = paint.lang;
    let footer_area = bottom_row(area);
    footer(frame, footer_area, Context::Unlock, paint);
    let rect = centered_box(frame, area, 60, 11);
    let block = Block::bordered()
        .border_style(theme.dim())
        .title(Span::styled(" pamphlet ", theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let (headline, detail) = match state.reason {
        LockReason::Start => (t!(lang, "tui-locked-start"), String::new()),
        LockReason::ByHand => (t!(lang, "tui-locked"), t!(lang, "tui-locked-gone")),
        LockReason::Idle { minutes } => (
            t!(lang, "tui-locked-idle", minutes = minutes),
            t!(lang, "tui-locked-gone"),
        ),
    };
    let masked = hidden(&state.input);
    let label = format!("{} ", t!(lang, "tui-passphrase-label"));
    let label_width = label.chars().count();
    let mut lines = vec![
        Line::from(Span::styled(headline, theme.bold())),
        Line::from(Span::styled(detail, theme.dim())),
        Line::from(vec![Span::styled(label, theme.dim()), Span::raw(masked)]),
        Line::raw(""),
    ];
    match state.phase {
        Phase::Unlocking { frame: tick } => lines.push(Line::from(vec![
            Span::styled(SPINNER[tick % SPINNER.len()].to_string(), theme.title()),
            Span::raw(format!(" {}", t!(lang, "tui-unlocking"))),
        ])),
        Phase::Waiting => match &state.error {
            Some(error) => lines.push(Line::from(Span::styled(error.in_lang(lang), theme.error()))),
            None => lines.push(Line::from(Span::styled(
                t!(lang, "tui-unlock-type"),
                theme.dim(),
            ))),
        },
    }
    if config.demo {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            t!(lang, "tui-demo-passphrase", passphrase = DEMO_PASSPHRASE),
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
        let x = text_area.x + (label_width + masked.chars().count()) as u16;
        let y = text_area.y + 2;
        if y < text_area.bottom() {
            frame.set_cursor_position(Position::new(x.min(text_area.right()), y));
        }
    }
}

pub(super) fn confirm(frame: &mut Frame, area: Rect, confirm: &ConfirmDelete, paint: Paint) {
    let theme = paint.theme;
    let lang = paint.lang;
    let rect = centered_box(frame, area, 60, 7);
    let block = Block::bordered()
        .border_style(theme.error())
        .title(Span::styled(
            format!(" {} ", t!(lang, "tui-delete-title")),
            theme.error(),
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    // The question with the name left out tells how much room the name has.
    let question = t!(lang, "tui-delete-question", name = "");
    let room = usize::from(inner.width).saturating_sub(question.chars().count() + 2);
    let name = fit(&confirm.name, room);
    let lines = vec![
        Line::from(vec![
            Span::raw(" "),
            Span::styled(
                t!(lang, "tui-delete-question", name = name.as_str()),
                theme.bold(),
            ),
        ]),
        Line::raw(format!(" {}", t!(lang, "tui-delete-for-good"))),
        Line::raw(""),
        Line::from(vec![
            Span::styled(" y", theme.key()),
            Span::raw(format!(" {}    ", t!(lang, "tui-key-yes-delete"))),
            Span::styled("n", theme.key()),
            Span::raw("/"),
            Span::styled("Esc", theme.key()),
            Span::raw(format!(" {}", t!(lang, "tui-key-no-keep"))),
        ]),
    ];
    frame.render_widget(paragraph(lines), inner);
}

/// The question before a changed form is thrown away.
pub(super) fn discard(frame: &mut Frame, area: Rect, leave: Leave, paint: Paint) {
    let theme = paint.theme;
    let lang = paint.lang;
    let rect = centered_box(frame, area, 60, 7);
    let block = Block::bordered()
        .border_style(theme.error())
        .title(Span::styled(
            format!(" {} ", t!(lang, "tui-discard-title")),
            theme.error(),
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let then = match leave {
        Leave::Cancel => t!(lang, "tui-discard-yes"),
        Leave::Quit => t!(lang, "tui-discard-yes-quit"),
    };
    let lines = vec![
        Line::raw(format!(" {}", t!(lang, "tui-discard-not-saved"))),
        Line::raw(format!(" {}", t!(lang, "tui-discard-save-hint"))),
        Line::raw(""),
        Line::from(vec![
            Span::styled(" y", theme.key()),
            Span::raw(format!(" {then}    ")),
            Span::styled("n", theme.key()),
            Span::raw("/"),
            Span::styled("Esc", theme.key()),
            Span::raw(format!(" {}", t!(lang, "tui-key-keep-editing"))),
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
    error: Option<&Message>,
    paint: Paint,
) {
    let theme = paint.theme;
    let lang = paint.lang;
    // Nothing behind the question: whoever made someone press the panic key
    // sees no record while it is asked.
    frame.render_widget(ratatui::widgets::Clear, area);
    footer(frame, bottom_row(area), Context::Wipe, paint);
    let rect = centered_box(frame, area, 64, 11);
    let block = Block::bordered()
        .border_style(theme.error())
        .title(Span::styled(
            format!(" {} ", t!(lang, "tui-wipe-title")),
            theme.error(),
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let typed = fit(input.text(), 20);
    let prompt = format!("{} ", t!(lang, "tui-wipe-prompt", word = wipe_word(lang)));
    let text_area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    // Wrapped here, not by the paragraph, so that the prompt's row (and the
    // cursor on it) is known in every language.
    let width = usize::from(text_area.width).max(10);
    let wrapped = |text: String, style| -> Vec<Line<'static>> {
        wrap(&text, width)
            .into_iter()
            .map(|piece| Line::from(Span::styled(piece, style)))
            .collect()
    };
    let mut lines = wrapped(t!(lang, "tui-wipe-question"), theme.bold());
    lines.extend(wrapped(t!(lang, "tui-wipe-for-good"), Style::new()));
    lines.push(Line::raw(""));
    let prompt_row = lines.len();
    lines.push(Line::from(vec![
        Span::raw(prompt.clone()),
        Span::styled(typed.clone(), theme.bold()),
    ]));
    match error {
        Some(error) => lines.extend(wrapped(error.in_lang(lang), theme.error())),
        None => lines.extend(wrapped(t!(lang, "tui-wipe-not-yet"), theme.dim())),
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("Esc", theme.key()),
        Span::raw(format!(" {}", t!(lang, "tui-key-keep-vault"))),
    ]));
    frame.render_widget(paragraph(lines), text_area);
    let x = text_area.x + (prompt.chars().count() + typed.chars().count()) as u16;
    let y = text_area.y + prompt_row as u16;
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
        Line::from(Span::styled(
            format!(" {}", t!(paint.lang, "tui-wiped")),
            theme.bold(),
        )),
        Line::raw(""),
        Line::from(Span::styled(
            format!(" {}", t!(paint.lang, "tui-wiped-any-key")),
            theme.dim(),
        )),
    ];
    frame.render_widget(paragraph(lines), inner);
}

/// Width of the keys column in help, its indent included.
const HELP_KEYS: usize = 14;

/// Help: the keys of the screen it was opened from first, then the rest,
/// each key once, every line wrapped at a space to the box's width.
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
            format!(" {} ", t!(paint.lang, "tui-help-title")),
            theme.title(),
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let text_area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let lines = help_lines(context, usize::from(text_area.width), paint);
    frame.render_widget(paragraph(lines).scroll((scroll, 0)), text_area);
}

/// The lines of help at `width` columns.
pub(super) fn help_lines(context: Context, width: usize, paint: Paint) -> Vec<Line<'static>> {
    let theme = paint.theme;
    let what_width = width.saturating_sub(HELP_KEYS).max(10);
    let mut lines: Vec<Line> = Vec::new();
    let row = |lines: &mut Vec<Line<'static>>, keys: &str, what: &str| {
        for (n, piece) in wrap(&t!(paint.lang, what), what_width)
            .into_iter()
            .enumerate()
        {
            let keys = if n == 0 { keys } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<w$}", w = HELP_KEYS - 2), theme.key()),
                Span::raw(piece),
            ]));
        }
    };
    let lang = paint.lang;
    for section in action::help(context) {
        let title = match section.title {
            HelpTitle::Here(shown) => {
                t!(lang, "tui-help-here", screen = t!(lang, shown.title()))
            }
            HelpTitle::Everywhere => t!(lang, "tui-help-everywhere"),
            HelpTitle::Editing => t!(lang, "tui-help-editing"),
            HelpTitle::Other(shown) => t!(lang, shown.title()),
        };
        lines.push(Line::from(Span::styled(title, theme.title())));
        for (keys, what) in &section.rows {
            // The typing line's "keys" are a word too.
            let keys = if keys.starts_with("tui-") {
                t!(lang, keys)
            } else {
                keys.clone()
            };
            row(&mut lines, &keys, what);
        }
        lines.push(Line::raw(""));
        if matches!(section.title, HelpTitle::Here(Context::List)) {
            lines.push(Line::from(Span::styled(
                t!(lang, "tui-help-searching-title"),
                theme.title(),
            )));
            for piece in wrap(&t!(lang, "tui-help-searching"), width.saturating_sub(2)) {
                lines.push(Line::raw(format!("  {piece}")));
            }
            lines.push(Line::raw(""));
        }
    }
    let title = t!(lang, "tui-help-mouse-and-marks");
    lines.push(Line::from(Span::styled(title, theme.title())));
    row(
        &mut lines,
        &t!(lang, "tui-help-mouse-key"),
        "tui-help-mouse",
    );
    row(&mut lines, "!", "tui-help-stale");
    row(&mut lines, "x", "tui-help-defunct");
    row(&mut lines, "", "tui-help-marks");
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
