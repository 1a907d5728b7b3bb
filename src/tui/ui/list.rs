//! The search line and the result list.

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::model::Status;
use crate::tui::app::MainScreen;
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
    let theme = paint.theme;
    let block_area = Rect {
        y: areas.list.y.saturating_sub(1),
        height: areas.list.height + 1,
        ..areas.list
    };
    let lang = paint.lang;
    let title = if main.browse.results.query.is_empty() {
        format!(" {} ", t!(lang, "tui-list-all"))
    } else {
        let query = fit(main.browse.results.query.text(), 30);
        format!(" {} ", t!(lang, "tui-list-results", query = query))
    };
    frame.render_widget(rule(&title, paint), block_area);
    let list = areas.list;
    let browse = &main.browse;
    if browse.results.ids.is_empty() {
        let text = if browse.searching() {
            t!(lang, "tui-list-searching")
        } else if main.session.vault.is_empty() {
            t!(lang, "tui-list-empty")
        } else {
            t!(lang, "tui-list-none")
        };
        frame.render_widget(
            paragraph(Span::styled(text, theme.dim())),
            Rect {
                x: list.x + 2,
                width: list.width.saturating_sub(2),
                ..list
            },
        );
        return;
    }
    let finder = main.session.finder.read().ok();
    let width = usize::from(list.width);
    let city_width = if width >= 70 { 18 } else { 12 };
    // As wide as the longest category's word in the language, within reason.
    let category_width = crate::model::Category::ALL
        .iter()
        .map(|c| category_word(*c, lang).chars().count())
        .max()
        .unwrap_or(13)
        .clamp(13, 18);
    let name_width = width
        .saturating_sub(2 + category_width + 1 + city_width + 1)
        .max(8);
    let today = paint.now.date();
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
        let positions = |part: Part| -> Vec<usize> {
            marks
                .iter()
                .find(|h| h.part == part)
                .map(|h| h.positions.clone())
                .unwrap_or_default()
        };
        let selected = index == browse.selected;
        let base = if selected {
            theme.selected()
        } else if record.status != Status::Active {
            theme.dim()
        } else {
            Style::new()
        };
        let mut spans = Vec::new();
        if record.is_stale(today) {
            spans.push(Span::styled("! ", base.patch(theme.stale())));
        } else {
            spans.push(Span::styled("  ", base));
        }
        let name = fit(&record.name, name_width);
        let name_len = name.chars().count();
        spans.extend(marked(&name, &positions(Part::Name), base, paint));
        spans.push(Span::styled(" ".repeat(name_width - name_len + 1), base));
        let category = fit(&category_word(record.category, lang), category_width);
        // The search marks letters of the English word; elsewhere none.
        let category_marks = if category == record.category.label() {
            positions(Part::Category)
        } else {
            Vec::new()
        };
        spans.extend(marked(&category, &category_marks, base, paint));
        spans.push(Span::styled(
            " ".repeat(category_width - category.chars().count() + 1),
            base,
        ));
        let city = fit(&record.city, city_width);
        let city_len = city.chars().count();
        spans.extend(marked(&city, &positions(Part::City), base, paint));
        let used = 2 + name_width + 1 + category_width + 1 + city_len;
        spans.push(Span::styled(" ".repeat(width.saturating_sub(used)), base));
        lines.push(Line::from(spans));
    }
    frame.render_widget(paragraph(lines), list);
}
