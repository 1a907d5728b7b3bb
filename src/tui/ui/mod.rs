//! Drawing: `render(&App, &mut Frame)` reads the state and draws one frame.
//! Nothing here changes state; every screen can be drawn into a
//! `TestBackend` and compared with its snapshot.

mod bundles;
mod detail;
mod form;
mod language;
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
use crate::i18n::Lang;
use crate::model::Category;
use crate::text::{is_hidden, shown};

/// What every drawing function needs besides its own part of the state.
#[derive(Clone, Copy)]
struct Paint {
    theme: Theme,
    now: OffsetDateTime,
    lang: Lang,
}

pub fn render(app: &App, frame: &mut Frame) {
    let paint = Paint {
        theme: Theme::new(app.config.color),
        now: app.now,
        lang: app.config.lang,
    };
    let area = frame.area();
    match &app.screen {
        Screen::Locked(state) => overlay::unlock(frame, area, state, &app.config, paint),
        Screen::Open(main) => render_main(frame, area, main, app, paint),
    }
    match &app.wipe {
        Some(Wipe::Asking { input, error }) => {
            overlay::wipe_question(frame, area, input, error.as_ref(), paint)
        }
        Some(Wipe::Done) => overlay::wiped(frame, area, paint),
        None => {}
    }
    if let (Some(dialog), false, None) = (&app.language, app.is_locked(), &app.wipe) {
        language::render(frame, area, dialog, app.base_lang(), paint);
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
    if app.language.is_some() && !app.is_locked() {
        return Context::Language;
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
    let typing_in_list = app.help.is_none()
        && app.wipe.is_none()
        && app.language.is_none()
        && main.confirm.is_none()
        && main.dialog.is_none();
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
                let block = rule(&format!(" {} ", t!(paint.lang, "tui-record")), paint);
                let inner = block.inner(areas.body);
                frame.render_widget(block, areas.body);
                detail::render(frame, inner, record, main, *scroll, paint);
            }
        }
        View::List => {
            list::search_line(frame, areas.search, main, paint, typing_in_list);
            list::render(frame, &areas, main, paint);
            if let Some(preview) = areas.preview {
                let title = format!(" {} ", t!(paint.lang, "tui-record"));
                let block = rule(&title, paint).borders(Borders::TOP | Borders::LEFT);
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
    if let View::Form(form) = &main.view {
        if let Some(leave) = form.leaving {
            overlay::discard(frame, area, leave, paint);
        }
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

/// The count of records, or the last notice, on the left; the legend of
/// marks and the lock delay on the right, only where both fit whole. A
/// notice longer than the line is cut at a word, never run into the
/// legend or the footer.
fn status_line(frame: &mut Frame, area: Rect, main: &MainScreen, app: &App, paint: Paint) {
    let theme = paint.theme;
    let total = main.session.vault.len();
    let results = &main.browse.results;
    let shown = results.ids.len();
    let mut left: Vec<(String, ratatui::style::Style)> = Vec::new();
    match &main.notice {
        Some(notice) if notice.error => left.push((notice.text.in_lang(paint.lang), theme.error())),
        Some(notice) => left.push((notice.text.in_lang(paint.lang), theme.bold())),
        None => {
            // The list fetches rows as the selection nears its end, so
            // what it holds says nothing, unless it can hold no more.
            let count = if shown >= crate::tui::finder::MAX_ROWS && shown < results.total {
                t!(
                    paint.lang,
                    "tui-status-partial",
                    shown = shown,
                    matching = results.total,
                    total = total
                )
            } else {
                t!(
                    paint.lang,
                    "tui-status-count",
                    shown = results.total,
                    total = total
                )
            };
            left.push((count, ratatui::style::Style::new()));
            if results.ids.is_empty() && results.partial_total > 0 {
                let part = t!(
                    paint.lang,
                    "tui-status-part-match",
                    count = results.partial_total
                );
                left.push((format!(" · {part}"), ratatui::style::Style::new()));
            }
            if main.browse.searching() {
                let searching = t!(paint.lang, "tui-status-searching");
                left.push((format!(" · {searching}"), ratatui::style::Style::new()));
            }
            if let Some(problem) = &results.error {
                let problem = problem.in_lang(paint.lang);
                left.push((format!(" · {problem}"), theme.error()));
            } else if let Some(notice) = results.query.notice() {
                let notice = notice.in_lang(paint.lang);
                left.push((format!(" · {notice}"), theme.stale()));
            }
        }
    }
    let width = usize::from(area.width);
    let minutes = app.config.lock_after.as_secs().div_ceil(60);
    let right = format!(
        "{} ",
        t!(paint.lang, "tui-status-legend", minutes = minutes)
    );
    let left_width: usize = left.iter().map(|(text, _)| text.chars().count()).sum();
    let right_width = right.chars().count();
    let spans: Vec<Span> = if left_width > width {
        let text: String = left.iter().map(|(text, _)| text.as_str()).collect();
        vec![Span::styled(fit_words(&text, width), left[0].1)]
    } else {
        left.into_iter()
            .map(|(text, style)| Span::styled(text, style))
            .collect()
    };
    frame.render_widget(paragraph(Line::from(spans)).style(theme.status_bar()), area);
    if left_width + 2 + right_width <= width {
        let at = Rect {
            x: area.x + area.width - right_width as u16,
            width: right_width as u16,
            ..area
        };
        frame.render_widget(paragraph(right).style(theme.status_bar()), at);
    }
}

/// Cuts `text` to `width` chars at a space, with `…`, when it is longer.
fn fit_words(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let room: String = text.chars().take(width.saturating_sub(1)).collect();
    let cut = match room.rfind(' ') {
        Some(at) if at > 0 => room[..at].trim_end().to_owned(),
        _ => room,
    };
    format!("{cut}…")
}

/// The keys of the current screen, in table order, as many as fit.
fn footer(frame: &mut Frame, area: Rect, context: Context, paint: Paint) {
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0usize;
    for (keys, what) in action::footer(context) {
        let what = t!(paint.lang, what);
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

/// A category as a word in the language of the screens: `bail fund`,
/// `fondo de fianzas`.
fn category_word(category: Category, lang: Lang) -> String {
    t!(lang, &format!("category-{}", category.as_str()))
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

/// A box in the middle of `area`. The rows it spans are cleared from edge
/// to edge, so that nothing under it shows beside its borders: a count or
/// a stale mark there reads as part of the box.
fn centered_box(frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    frame.render_widget(
        Clear,
        Rect {
            x: area.x,
            width: area.width,
            ..rect
        },
    );
    rect
}

#[cfg(test)]
mod tests;
