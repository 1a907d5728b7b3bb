//! The language dialog: the vault's language setting, one choice a row,
//! the saved one marked, and a line on what the setting does not reach.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Wrap};
use ratatui::Frame;

use super::{centered_box, paragraph, Paint};
use crate::i18n::Lang;
use crate::tui::app::{LanguageDialog, LANGUAGE_CHOICES};

/// Draws the dialog over the main screen. `base` is the language pamphlet
/// speaks without the setting (`--lang` or the environment's).
pub(super) fn render(
    frame: &mut Frame,
    area: Rect,
    dialog: &LanguageDialog,
    base: Lang,
    paint: Paint,
) {
    let theme = paint.theme;
    let rect = centered_box(frame, area, 60, 12);
    let title = format!(" {} ", t!(paint.lang, "tui-language-title"));
    let block = Block::bordered()
        .border_style(theme.title())
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut lines = Vec::new();
    for (index, choice) in LANGUAGE_CHOICES.iter().enumerate() {
        let mark = if *choice == dialog.current {
            "●"
        } else {
            "○"
        };
        let name = match choice {
            // Each language in its own words, so that anyone finds theirs.
            Some(lang) => t!(*lang, "language-own-name"),
            None => t!(
                paint.lang,
                "tui-language-auto",
                language = t!(base, "language-own-name")
            ),
        };
        let style = if index == dialog.selected {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::from(Span::styled(format!(" {mark} {name} "), style)));
    }
    lines.push(Line::raw(""));
    match &dialog.error {
        Some(error) => lines.push(Line::from(Span::styled(error.clone(), theme.error()))),
        None => lines.push(Line::from(Span::styled(
            t!(paint.lang, "tui-language-note"),
            theme.dim(),
        ))),
    }
    let text_area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    frame.render_widget(paragraph(lines).wrap(Wrap { trim: false }), text_area);
}
