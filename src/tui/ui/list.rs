//! The search line and the result list.

use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::i18n::Lang;
use crate::model::{Record, Status};
use crate::tui::app::{MainScreen, Results};
use crate::tui::finder::{Highlight, Part};
use crate::tui::layout::MainAreas;

use super::{category_word, fit, marked, paragraph, rule, Paint};

pub(super) fn search_line(
    frame: &mut Frame,
    area: Rect,
    main: &MainScreen,
    paint: Paint,
    focused: bool,
) {
    let theme = paint.theme;
    let filter = &main.browse.filter;
    let mut badges: Vec<String> = Vec::new();
    if let Some(category) = filter.category {
        badges.push(category_word(category, paint.lang));
    }
    if let Some(city) = &filter.city {
        badges.push(city.clone());
    }
    let right = if badges.is_empty() {
        String::new()
    } else {
        let within = t!(
            paint.lang,
            "tui-search-within",
            filters = badges.join(" · ")
        );
        format!(" {within} ")
    };
    let right_width = right.chars().count();
    let prompt = format!("{} ", t!(paint.lang, "tui-search-prompt"));
    let prompt_width = prompt.chars().count();
    let query_width = usize::from(area.width)
        .saturating_sub(prompt_width + right_width + 1)
        .max(1);
    // Keep the cursor in view when the query is longer than the box.
    let cursor = main.browse.query.cursor();
    let skip = cursor.saturating_sub(query_width - 1);
    let shown: String = main
        .browse
        .query
        .text()
        .chars()
        .skip(skip)
        .take(query_width)
        .collect();
    let prompt_style = if focused { theme.title() } else { theme.dim() };
    let line = Line::from(vec![Span::styled(prompt, prompt_style), Span::raw(shown)]);
    frame.render_widget(paragraph(line), area);
    if !right.is_empty() {
        let width = right_width as u16;
        let at = Rect {
            x: area.x + area.width.saturating_sub(width),
            width: width.min(area.width),
            ..area
        };
        frame.render_widget(paragraph(Span::styled(right, theme.stale())), at);
    }
    if focused {
        let x = area.x + (prompt_width + cursor - skip) as u16;
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
    }
}

pub(super) fn render(frame: &mut Frame, areas: &MainAreas, main: &MainScreen, paint: Paint) {
    let block_area = Rect {
        y: areas.list.y.saturating_sub(1),
        height: areas.list.height + 1,
        ..areas.list
    };
    let browse = &main.browse;
    let title = title(&browse.results, usize::from(block_area.width), paint.lang);
    frame.render_widget(rule(&title, paint), block_area);
    let list = areas.list;
    let columns = Columns::new(usize::from(list.width), paint.lang);
    let finder = main.session.finder.read().ok();
    if browse.results.ids.is_empty() {
        let lines = nothing_in_full(main, &columns, paint);
        frame.render_widget(paragraph(lines), list);
        return;
    }
    let rows = usize::from(list.height);
    let mut lines: Vec<Line> = Vec::with_capacity(rows);
    for (index, id) in browse
        .results
        .ids
        .iter()
        .enumerate()
        .skip(browse.offset)
        .take(rows)
    {
        let Some(record) = main.session.vault.get(id) else {
            lines.push(Line::raw(""));
            continue;
        };
        let marks: Vec<Highlight> = finder
            .as_ref()
            .map(|f| f.highlights(&browse.results.query, record))
            .unwrap_or_default();
        let look = if index == browse.selected {
            Look::Selected
        } else {
            Look::Listed
        };
        lines.push(columns.row(record, &marks, look, paint));
    }
    frame.render_widget(paragraph(lines), list);
}

/// The title over the list: how the search read the query
/// (`Clinic · Portland · speaks Spanish`), or what it was.
fn title(results: &Results, width: usize, lang: Lang) -> String {
    if results.query.is_empty() {
        return format!(" {} ", t!(lang, "tui-list-all"));
    }
    let reading = lang.reading(&results.reading);
    let text = if reading.is_empty() || results.error.is_some() {
        let query = fit(results.query.text(), 30);
        t!(lang, "tui-list-results", query = query)
    } else {
        t!(lang, "tui-list-read-as", reading = reading)
    };
    format!(" {} ", fit(&text, width.saturating_sub(4).max(8)))
}

/// What the list says when no record matches in full: that nothing does,
/// the words no record has, and then, apart and labelled, the records
/// that match part of the search. Those are drawn dim and slanted, and
/// are never selected: an export takes the full matches only.
fn nothing_in_full<'a>(main: &MainScreen, columns: &Columns, paint: Paint) -> Vec<Line<'a>> {
    let theme = paint.theme;
    let lang = paint.lang;
    let browse = &main.browse;
    let results = &browse.results;
    let say = |text: String, style: Style| Line::from(Span::styled(format!("  {text}"), style));
    if browse.searching() {
        return vec![say(t!(lang, "tui-list-searching"), theme.dim())];
    }
    if main.session.vault.is_empty() {
        return vec![say(t!(lang, "tui-list-empty"), theme.dim())];
    }
    let mut lines = Vec::new();
    if results.reading.missing.is_empty() {
        lines.push(say(t!(lang, "tui-list-none-in-full"), theme.bold()));
    } else {
        for missing in lang.missing_lines(&results.reading) {
            lines.push(say(missing, theme.bold()));
        }
    }
    lines.push(say(t!(lang, "tui-list-fewer-words"), theme.dim()));
    if results.partial.is_empty() {
        return lines;
    }
    lines.push(Line::raw(""));
    lines.push(say(
        t!(
            lang,
            "tui-list-partial-heading",
            count = results.partial_total
        ),
        theme.title(),
    ));
    for id in &results.partial {
        if let Some(record) = main.session.vault.get(id) {
            lines.push(columns.row(record, &[], Look::Partial, paint));
        }
    }
    lines
}

/// How a row is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Look {
    Listed,
    Selected,
    /// A record matching only part of the search.
    Partial,
}

/// The widths of a row's columns: a mark, the name, the category, the city.
struct Columns {
    lang: Lang,
    width: usize,
    name: usize,
    category: usize,
    city: usize,
}

impl Columns {
    fn new(width: usize, lang: Lang) -> Columns {
        let city = if width >= 70 { 18 } else { 12 };
        // As wide as the longest category's word in the language, within reason.
        let category = crate::model::Category::ALL
            .iter()
            .map(|c| category_word(*c, lang).chars().count())
            .max()
            .unwrap_or(13)
            .clamp(13, 18);
        Columns {
            lang,
            width,
            name: width.saturating_sub(2 + category + 1 + city + 1).max(8),
            category,
            city,
        }
    }

    /// One record's row. Its mark: `x` for a defunct record (the search
    /// lists those last), `!` for one due a check.
    fn row<'a>(&self, record: &Record, marks: &[Highlight], look: Look, paint: Paint) -> Line<'a> {
        let theme = paint.theme;
        let positions = |part: Part| -> Vec<usize> {
            marks
                .iter()
                .find(|h| h.part == part)
                .map(|h| h.positions.clone())
                .unwrap_or_default()
        };
        let base = match look {
            Look::Selected => theme.selected(),
            Look::Partial => theme.dim().add_modifier(Modifier::ITALIC),
            Look::Listed if record.status != Status::Active => theme.dim(),
            Look::Listed => Style::new(),
        };
        let mut spans = Vec::new();
        if record.status == Status::Defunct {
            spans.push(Span::styled("x ", base.patch(theme.error())));
        } else if record.is_stale(paint.now.date()) {
            spans.push(Span::styled("! ", base.patch(theme.stale())));
        } else {
            spans.push(Span::styled("  ", base));
        }
        let name = fit(&record.name, self.name);
        let name_len = name.chars().count();
        spans.extend(marked(&name, &positions(Part::Name), base, paint));
        spans.push(Span::styled(" ".repeat(self.name - name_len + 1), base));
        let category = fit(&category_word(record.category, self.lang), self.category);
        // The search marks letters of the English word; elsewhere none.
        let category_marks = if category == record.category.label() {
            positions(Part::Category)
        } else {
            Vec::new()
        };
        spans.extend(marked(&category, &category_marks, base, paint));
        spans.push(Span::styled(
            " ".repeat(self.category.saturating_sub(category.chars().count()) + 1),
            base,
        ));
        let city = fit(&record.city, self.city);
        let city_len = city.chars().count();
        spans.extend(marked(&city, &positions(Part::City), base, paint));
        let used = 2 + self.name + 1 + self.category + 1 + city_len;
        spans.push(Span::styled(
            " ".repeat(self.width.saturating_sub(used)),
            base,
        ));
        Line::from(spans)
    }
}
