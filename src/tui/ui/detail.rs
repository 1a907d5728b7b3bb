//! One record, every field, readable: phones with their type and note,
//! languages and the country by name, and whether it is due a check.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::i18n::Lang;
use crate::model::{edited_here, place_label, Field, Record, Status, Vouch, STALE_AFTER_MONTHS};
use crate::text::shown;
use crate::tui::app::MainScreen;
use crate::tui::finder::{Highlight, Part};

use super::{marked, paragraph, Paint};

const LABEL: usize = 13;

pub(super) fn render(
    frame: &mut Frame,
    area: Rect,
    record: &Record,
    main: &MainScreen,
    scroll: u16,
    paint: Paint,
) {
    let area = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let lines = lines(record, main, usize::from(area.width), paint);
    frame.render_widget(paragraph(lines).scroll((scroll, 0)), area);
}

fn lines<'a>(record: &Record, main: &MainScreen, width: usize, paint: Paint) -> Vec<Line<'a>> {
    let marks = main
        .session
        .finder
        .read()
        .map(|f| f.highlights(&main.browse.results.query, record))
        .unwrap_or_default();
    let mut out = title_lines(record, &marks, paint);
    out.extend(stale_line(record, paint));
    if let Some(vouched) = main.session.vault.provenance(&record.id) {
        let vouch = Vouch {
            source: vouched.source(paint.lang),
            edited_here: vouched.edited_since_import(record),
        };
        out.extend(vouch_lines(&vouch, width, paint));
    }
    if record.status != Status::Active {
        out.push(Line::from(Span::styled(
            t!(
                paint.lang,
                "tui-detail-status",
                status = record.status.word(paint.lang)
            ),
            paint.theme.error(),
        )));
    }
    out.push(Line::raw(""));
    let value_width = width.saturating_sub(LABEL).max(10);
    for (label, value) in field_rows(record, paint.lang) {
        out.extend(field_lines(&label, &value, value_width, paint));
    }
    out
}

/// The chars of `part` that the search matched.
fn positions(marks: &[Highlight], part: Part) -> Vec<usize> {
    marks
        .iter()
        .find(|h| h.part == part)
        .map(|h| h.positions.clone())
        .unwrap_or_default()
}

/// The name, then the category and organization, with what the search
/// matched marked.
fn title_lines<'a>(record: &Record, marks: &[Highlight], paint: Paint) -> Vec<Line<'a>> {
    let name = marked(
        &record.name,
        &positions(marks, Part::Name),
        paint.theme.bold(),
        paint,
    );
    let category = super::category_word(record.category, paint.lang);
    // The search marks letters of the English word; elsewhere none.
    let category_marks = if category == record.category.label() {
        positions(marks, Part::Category)
    } else {
        Vec::new()
    };
    let mut second = marked(&category, &category_marks, Style::new(), paint);
    if !record.organization.is_empty() {
        second.push(Span::raw(" · "));
        second.extend(marked(
            &record.organization,
            &positions(marks, Part::Organization),
            Style::new(),
            paint,
        ));
    }
    vec![Line::from(name), Line::from(second)]
}

/// A warning when the record is due a check.
fn stale_line<'a>(record: &Record, paint: Paint) -> Option<Line<'a>> {
    if !record.is_stale(paint.now.date()) {
        return None;
    }
    let lang = paint.lang;
    let text = match record.verified_on {
        None => t!(lang, "tui-detail-stale-never"),
        Some(date) => t!(
            lang,
            "tui-detail-stale",
            day = lang.date(date),
            months = STALE_AFTER_MONTHS
        ),
    };
    Some(Line::from(Span::styled(text, paint.theme.stale())))
}

/// Who vouched for the record, and whether it was changed here since.
fn vouch_lines<'a>(vouch: &Vouch, width: usize, paint: Paint) -> Vec<Line<'a>> {
    let theme = paint.theme;
    let source = t!(
        paint.lang,
        "tui-detail-vouched",
        source = vouch.source.as_str()
    );
    if !vouch.edited_here {
        return vec![Line::from(Span::styled(source, theme.title()))];
    }
    // No longer what the signer sent: said beside, or under it.
    let edited_text = edited_here(paint.lang);
    let edited_width = edited_text.chars().count();
    let edited = Span::styled(edited_text, theme.stale());
    if source.chars().count() + 2 + edited_width <= width {
        vec![Line::from(vec![
            Span::styled(format!("{source}; "), theme.title()),
            edited,
        ])]
    } else {
        vec![
            Line::from(Span::styled(format!("{source};"), theme.title())),
            Line::from(edited),
        ]
    }
}

/// Every field below the title, labelled, in the order people see them:
/// the place as one row, one row per phone (an empty one when there is
/// none), and the id last. Each value is already through `text::shown` (see
/// `shown_value`), so that wrapping measures what is drawn.
fn field_rows(record: &Record, lang: Lang) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    for field in Field::shown_order() {
        let label = field.label(lang);
        match field {
            // In the title, or part of the place, or last.
            Field::Name | Field::Category | Field::Organization => {}
            Field::Region | Field::Country | Field::Id => {}
            Field::City => rows.push((
                place_label(lang),
                shown(&record.place().named()).into_owned(),
            )),
            Field::Phones if record.phones.is_empty() => rows.push((label, String::new())),
            Field::Phones => rows.extend(
                record
                    .phones
                    .iter()
                    .map(|phone| (label.clone(), shown(&phone.text(lang)).into_owned())),
            ),
            Field::VerifiedOn => rows.push((label, record.verified_text(lang))),
            _ => rows.push((label, shown_value(field, &field.shown(record, lang)))),
        }
    }
    rows.push((Field::Id.label(lang), Field::Id.shown(record, lang)));
    rows
}

/// A value through `text::shown`: a one-line field's newlines shown as
/// `\n`; the description's and the notes' kept, each of their lines shown
/// on its own and wrapped under the label like any value, so that none of
/// them starts where a label does.
fn shown_value(field: Field, value: &str) -> String {
    if field.is_one_line() {
        return shown(value).into_owned();
    }
    value.split('\n').map(shown).collect::<Vec<_>>().join("\n")
}

/// A labelled value, wrapped under its label; a dash when it is empty.
fn field_lines<'a>(label: &str, value: &str, value_width: usize, paint: Paint) -> Vec<Line<'a>> {
    let theme = paint.theme;
    // A word longer than the column is cut, so that values stay in line.
    let label = super::fit(label, LABEL - 1);
    let label_span = Span::styled(format!("{label:<LABEL$}"), theme.dim());
    if value.is_empty() {
        return vec![Line::from(vec![label_span, Span::styled("—", theme.dim())])];
    }
    wrap(value, value_width)
        .into_iter()
        .enumerate()
        .map(|(n, piece)| {
            let lead = if n == 0 {
                label_span.clone()
            } else {
                Span::raw(" ".repeat(LABEL))
            };
            Line::from(vec![lead, Span::raw(piece)])
        })
        .collect()
}

/// Splits text into lines of at most `width` chars, at spaces where it can
/// and keeping the newlines it has.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut len = 0;
        for word in paragraph.split(' ') {
            let mut word: Vec<char> = word.chars().collect();
            while word.len() > width {
                if len > 0 {
                    out.push(std::mem::take(&mut line));
                    len = 0;
                }
                out.push(word.drain(..width).collect());
            }
            let word_len = word.len();
            if len > 0 && len + 1 + word_len > width {
                out.push(std::mem::take(&mut line));
                len = 0;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            line.extend(word);
            len += word_len;
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("walk in testing", 7), vec!["walk in", "testing"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
    }
}
