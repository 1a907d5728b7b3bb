//! Drawing: `render(&App, &mut Frame)` reads the state and draws one frame.
//! Nothing here changes state; every screen can be drawn into a
//! `TestBackend` and compared with its snapshot.

mod bundles;
mod detail;
mod form;
mod list;
mod overlay;

use std::borrow::Cow;

use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;
use time::OffsetDateTime;

use super::action::{self, Context};
use super::app::{view_context, App, Dialog, MainScreen, Screen, View, Wipe};
use super::layout::main_areas;
use super::theme::Theme;
use crate::text::{is_hidden, shown};

/// What every drawing function needs besides its own part of the state.
#[derive(Clone, Copy)]
struct Paint {
    theme: Theme,
    now: OffsetDateTime,
}

pub fn render(app: &App, frame: &mut Frame) {
    let paint = Paint {
        theme: Theme::new(app.config.color),
        now: app.now,
    };
    let area = frame.area();
    match &app.screen {
        Screen::Locked(state) => overlay::unlock(frame, area, state, &app.config, paint),
        Screen::Open(main) => render_main(frame, area, main, app, paint),
    }
    match &app.wipe {
        Some(Wipe::Asking { input, error }) => {
            overlay::wipe_question(frame, area, input, error.as_deref(), paint)
        }
        Some(Wipe::Done) => overlay::wiped(frame, area, paint),
        None => {}
    }
    if let Some(scroll) = app.help {
        overlay::help(frame, area, screen_context(app), scroll, paint);
    }
}

/// The context under the help overlay.
fn screen_context(app: &App) -> Context {
    if app.wipe.is_some() {
        return Context::Wipe;
    }
    match &app.screen {
        Screen::Locked(_) => Context::Unlock,
        Screen::Open(main) if main.confirm.is_some() => Context::Confirm,
        Screen::Open(main) => match &main.dialog {
            Some(Dialog::Export(_)) => Context::Export,
            Some(Dialog::Import(_)) => Context::Import,
            None => view_context(&main.view),
        },
    }
}

fn render_main(frame: &mut Frame, area: Rect, main: &MainScreen, app: &App, paint: Paint) {
    let areas = main_areas(area);
    let typing_in_list =
        app.help.is_none() && app.wipe.is_none() && main.confirm.is_none() && main.dialog.is_none();
    match &main.view {
        View::Form(form_state) => {
            form::render(
                frame,
                areas.search,
                areas.body,
                form_state,
                paint,
                typing_in_list,
            );
        }
        View::Detail { scroll } => {
            list::search_line(frame, areas.search, main, paint, false);
            if let Some(record) = main.selected() {
                let block = rule(" Record ", paint);
                let inner = block.inner(areas.body);
                frame.render_widget(block, areas.body);
                detail::render(frame, inner, record, main, *scroll, paint);
            }
        }
        View::List => {
            list::search_line(frame, areas.search, main, paint, typing_in_list);
            list::render(frame, &areas, main, paint);
            if let Some(preview) = areas.preview {
                let block = rule(" Record ", paint).borders(Borders::TOP | Borders::LEFT);
                let inner = block.inner(preview);
                frame.render_widget(block, preview);
                if let Some(record) = main.selected() {
                    detail::render(frame, inner, record, main, 0, paint);
                }
            }
        }
    }
    status_line(frame, areas.status, main, app, paint);
    footer(frame, areas.footer, app.context(), paint);
    if let Some(confirm) = &main.confirm {
        overlay::confirm(frame, area, confirm, paint);
    }
    let focused = app.help.is_none();
    match &main.dialog {
        Some(Dialog::Export(dialog)) => bundles::export(frame, area, dialog, paint, focused),
        Some(Dialog::Import(dialog)) => bundles::import(frame, area, dialog, paint, focused),
        None => {}
    }
}

/// A titled rule over a part of the screen. The title may quote a search,
/// so it goes through `text::shown` as a paragraph's text does.
fn rule(title: &str, paint: Paint) -> Block<'static> {
    Block::new()
        .borders(Borders::TOP)
        .border_style(paint.theme.dim())
        .title(Span::styled(shown(title).into_owned(), paint.theme.title()))
}

/// Every paragraph on screen is made here, and every span of its text goes
/// through `text::shown`: ratatui writes what it is given into the
/// terminal's cells, so a record's, a bundle's or a file's text that held a
/// bidirectional override, a line separator or a control character would
/// reach the terminal as it is. Text that is measured before it is drawn
/// (wrapped values in the detail pane) is passed through `shown` first;
/// here it is then left as it is, since `shown` changes nothing twice.
fn paragraph<'a>(text: impl Into<Text<'a>>) -> Paragraph<'a> {
    let mut text = text.into();
    for line in &mut text.lines {
        for span in &mut line.spans {
            if span.content.contains(is_hidden) {
                let safe = shown(&span.content).into_owned();
                span.content = Cow::Owned(safe);
            }
        }
    }
    Paragraph::new(text)
}

fn status_line(frame: &mut Frame, area: Rect, main: &MainScreen, app: &App, paint: Paint) {
    let theme = paint.theme;
    let total = main.session.vault.len();
    let results = &main.browse.results;
    let shown = results.ids.len();
    let mut left: Vec<Span> = Vec::new();
    match &main.notice {
        Some(notice) if notice.error => left.push(Span::styled(notice.text.clone(), theme.error())),
        Some(notice) => left.push(Span::styled(notice.text.clone(), theme.bold())),
        None => {
            // The list fetches rows as the selection nears its end, so
            // what it holds says nothing, unless it can hold no more.
            if shown >= crate::tui::finder::MAX_ROWS && shown < results.total {
                left.push(Span::raw(format!(
                    "{shown} shown of {} matching / {total} records",
                    results.total
                )));
            } else {
                left.push(Span::raw(format!("{} / {total} records", results.total)));
            }
            if results.ids.is_empty() && results.partial_total > 0 {
                left.push(Span::raw(format!(
                    " · {} match part of it",
                    results.partial_total
                )));
            }
            if main.browse.searching() {
                left.push(Span::raw(" · searching…"));
            }
            if let Some(problem) = &results.error {
                left.push(Span::raw(" · "));
                left.push(Span::styled(problem.clone(), theme.error()));
            } else if let Some(notice) = results.query.notice() {
                left.push(Span::raw(" · "));
                left.push(Span::styled(notice, theme.stale()));
            }
        }
    }
    let minutes = app.config.lock_after.as_secs().div_ceil(60);
    let right = format!("! = stale · ^L lock (auto: {minutes} min) ");
    let bar = paragraph(Line::from(left)).style(theme.status_bar());
    frame.render_widget(bar, area);
    let width = right.chars().count() as u16;
    if area.width > width + 30 {
        let at = Rect {
            x: area.x + area.width - width,
            width,
            ..area
        };
        frame.render_widget(paragraph(right).style(theme.status_bar()), at);
    }
}

/// The keys of the current screen, in table order, as many as fit.
fn footer(frame: &mut Frame, area: Rect, context: Context, paint: Paint) {
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0usize;
    for (keys, what) in action::footer(context) {
        let needed = keys.chars().count() + what.chars().count() + 3;
        if used + needed > usize::from(area.width) {
            // Skip a key too long for what is left; a shorter one may fit.
            continue;
        }
        used += needed;
        spans.push(Span::styled(keys, paint.theme.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    frame.render_widget(paragraph(Line::from(spans)), area);
}

/// Cuts `text` to `width` chars, with `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Spans of `text` with the chars at `positions` in the matched style.
fn marked<'a>(
    text: &str,
    positions: &[usize],
    base: ratatui::style::Style,
    paint: Paint,
) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (index, c) in text.chars().enumerate() {
        let is_marked = positions.binary_search(&index).is_ok();
        if is_marked != run_marked && !run.is_empty() {
            let style = if run_marked {
                base.patch(paint.theme.matched())
            } else {
                base
            };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = is_marked;
        run.push(c);
    }
    if !run.is_empty() {
        let style = if run_marked {
            base.patch(paint.theme.matched())
        } else {
            base
        };
        spans.push(Span::styled(run, style));
    }
    spans
}

/// A box in the middle of `area`, cleared.
fn centered_box(frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    frame.render_widget(Clear, rect);
    rect
}

#[cfg(test)]
mod tests;
