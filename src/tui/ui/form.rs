//! The add and edit form: a label and a value per row, the problem under
//! the field it is about.

use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::tui::app::{Form, FormMode, Value};

use super::{paragraph, rule, Paint};

const LABEL: usize = 14;

pub(super) fn render(
    frame: &mut Frame,
    title_area: Rect,
    body: Rect,
    form: &Form,
    paint: Paint,
    focused: bool,
) {
    let theme = paint.theme;
    let lang = paint.lang;
    let title = match form.mode {
        FormMode::Add => t!(lang, "tui-form-add"),
        FormMode::Edit(_) => t!(lang, "tui-form-edit"),
    };
    frame.render_widget(
        paragraph(Line::from(vec![
            Span::styled(title, theme.title()),
            Span::styled(format!("  ({})", t!(lang, "tui-form-keys")), theme.dim()),
        ])),
        title_area,
    );
    let block = rule(&format!(" {} ", t!(lang, "tui-form-fields")), paint);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let value_width = usize::from(inner.width).saturating_sub(LABEL + 2).max(4);
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor: Option<Position> = None;
    for (index, field) in form.fields.iter().enumerate() {
        let is_focus = index == form.focus;
        let marker = if is_focus { "▸ " } else { "  " };
        let label_style = if field.error.is_some() {
            theme.error()
        } else if is_focus {
            theme.bold()
        } else {
            theme.dim()
        };
        let mut spans = vec![
            Span::styled(marker, theme.title()),
            Span::styled(label_cell(&field.key.label(lang)), label_style),
        ];
        let value_style = if is_focus {
            theme.focused()
        } else {
            ratatui::style::Style::new()
        };
        match &field.value {
            Value::Text(input) if input.is_empty() => {
                if is_focus {
                    spans.push(Span::styled(" ", value_style));
                }
                spans.push(Span::styled(field.key.hint(lang), theme.dim()));
                if is_focus {
                    cursor = Some(Position::new(0, lines.len() as u16));
                }
            }
            Value::Text(input) => {
                let skip = input.cursor().saturating_sub(value_width - 1);
                let shown: String = input.text().chars().skip(skip).take(value_width).collect();
                // One line per field: newlines in notes show as ⏎.
                let shown = shown.replace('\n', "⏎");
                spans.push(Span::styled(shown, value_style));
                if is_focus {
                    cursor = Some(Position::new(
                        (input.cursor() - skip) as u16,
                        lines.len() as u16,
                    ));
                }
            }
            Value::Choice { options, index } => {
                let text = match index.and_then(|i| options.get(i)) {
                    Some(value) => format!("‹ {} ›", field.key.field().choice_word(value, lang)),
                    None => format!("‹ {} ›", t!(lang, "tui-form-choose")),
                };
                spans.push(Span::styled(text, value_style));
                if index.is_none() {
                    spans.push(Span::styled(
                        format!("  {}", field.key.hint(lang)),
                        theme.dim(),
                    ));
                }
            }
        }
        lines.push(Line::from(spans));
        if let Some(problem) = &field.error {
            let width = usize::from(inner.width).saturating_sub(LABEL + 4).max(10);
            let problem = problem.in_lang(lang);
            for (n, piece) in super::detail::wrap(&problem, width).into_iter().enumerate() {
                let lead = if n == 0 { "✗ " } else { "  " };
                lines.push(Line::from(vec![
                    Span::raw(" ".repeat(LABEL + 2)),
                    Span::styled(format!("{lead}{piece}"), theme.error()),
                ]));
            }
        }
    }
    let visible: Vec<Line> = lines.into_iter().skip(form.scroll).collect();
    frame.render_widget(paragraph(visible), inner);
    if let (true, Some(at)) = (focused, cursor) {
        let row = at.y as usize;
        if row >= form.scroll && row < form.scroll + usize::from(inner.height) {
            frame.set_cursor_position(Position::new(
                inner.x + (LABEL + 2) as u16 + at.x,
                inner.y + (row - form.scroll) as u16,
            ));
        }
    }
}

/// A label padded to the label column, cut with `…` when a language's word
/// is longer than the column, so that the values stay in line.
fn label_cell(label: &str) -> String {
    format!("{:<LABEL$}", super::fit(label, LABEL - 1))
}
