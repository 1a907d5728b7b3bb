//! One record, every field, readable: phones with their type and note,
//! languages and the country by name, and whether it is due a check.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::model::{country_name, format_date, Record, Status};
use crate::tui::app::MainScreen;
use crate::tui::finder::Part;

use super::{is_stale, marked, Paint, STALE_AFTER_DAYS};

const LABEL: usize = 13;
/// After "Vouched for by …" when the record was changed here since it was
/// imported, as `pamphlet show` says it.
const EDITED_HERE: &str = "edited here since";

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
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), area);
}

fn lines<'a>(record: &Record, main: &MainScreen, width: usize, paint: Paint) -> Vec<Line<'a>> {
    let theme = paint.theme;
    let marks = main
        .session
        .finder
        .read()
        .map(|f| f.highlights(&main.browse.results.query, record))
        .unwrap_or_default();
    let positions = |part: Part| {
        marks
            .iter()
            .find(|h| h.part == part)
            .map(|h| h.positions.clone())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    out.push(Line::from(marked(
        &record.name,
        &positions(Part::Name),
        theme.bold(),
        paint,
    )));
    let mut second = marked(
        record.category.label(),
        &positions(Part::Category),
        Style::new(),
        paint,
    );
    if !record.organization.is_empty() {
        second.push(Span::raw(" · "));
        second.extend(marked(
            &record.organization,
            &positions(Part::Organization),
            Style::new(),
            paint,
        ));
    }
    out.push(Line::from(second));
    let today = paint.now.date();
    if is_stale(record, today) {
        let text = match record.verified_on {
            None => "! Stale: never verified.".to_owned(),
            Some(date) => format!(
                "! Stale: last verified {} (over {} months ago).",
                format_date(date),
                STALE_AFTER_DAYS / 30
            ),
        };
        out.push(Line::from(Span::styled(text, theme.stale())));
    }
    if let Some(vouched) = main.session.vault.provenance(&record.id) {
        let source = format!("Vouched for by {}", vouched.source());
        if !vouched.edited_since_import(record) {
            out.push(Line::from(Span::styled(source, theme.title())));
        } else {
            // No longer what the signer sent: said beside, or under it.
            let edited = Span::styled(EDITED_HERE, theme.stale());
            if source.chars().count() + 2 + EDITED_HERE.len() <= width {
                out.push(Line::from(vec![
                    Span::styled(format!("{source}; "), theme.title()),
                    edited,
                ]));
            } else {
                out.push(Line::from(Span::styled(
                    format!("{source};"),
                    theme.title(),
                )));
                out.push(Line::from(edited));
            }
        }
    }
    if record.status != Status::Active {
        out.push(Line::from(Span::styled(
            format!("Status: {} — do not refer.", record.status),
            theme.error(),
        )));
    }
    out.push(Line::raw(""));
    let place = [
        record.city.as_str(),
        record.region.as_str(),
        country_name(&record.country).unwrap_or(&record.country),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let phones: Vec<String> = record
        .phones
        .iter()
        .map(|phone| {
            let mut text = format!("{} ({})", phone.number, phone.kind.as_str());
            if !phone.note.is_empty() {
                text.push_str(" — ");
                text.push_str(&phone.note);
            }
            text
        })
        .collect();
    let verified = record
        .verified_on
        .map(format_date)
        .unwrap_or_else(|| "never".to_owned());
    let updated = record
        .updated_at
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let mut fields: Vec<(&str, String)> = vec![
        ("Description", record.description.clone()),
        ("Place", place),
        ("Address", record.address.clone()),
    ];
    if phones.is_empty() {
        fields.push(("Phone", String::new()));
    }
    for phone in phones {
        fields.push(("Phone", phone));
    }
    fields.extend([
        ("Email", record.email.clone()),
        ("Website", record.website.clone()),
        ("Languages", record.language_names().join(", ")),
        ("Hours", record.hours.clone()),
        ("Cost", record.cost.clone()),
        ("Tags", record.tags.join(", ")),
        ("Notes", record.notes.clone()),
        ("Verified on", verified),
        ("Status", record.status.to_string()),
        ("Updated", updated),
        ("Id", record.id.to_string()),
    ]);
    let value_width = width.saturating_sub(LABEL).max(10);
    for (label, value) in fields {
        let label_span = Span::styled(format!("{label:<LABEL$}"), theme.dim());
        if value.is_empty() {
            out.push(Line::from(vec![label_span, Span::styled("—", theme.dim())]));
            continue;
        }
        for (n, piece) in wrap(&value, value_width).into_iter().enumerate() {
            let lead = if n == 0 {
                label_span.clone()
            } else {
                Span::raw(" ".repeat(LABEL))
            };
            out.push(Line::from(vec![lead, Span::raw(piece)]));
        }
    }
    out
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
