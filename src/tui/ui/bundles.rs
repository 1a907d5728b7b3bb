//! The export and import dialogs, drawn over the main screen. Passphrases
//! show only whether something was typed, never their length.

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use ratatui::Frame;

use crate::bundle::{Outcome, Prefer, REDACTABLE};
use crate::i18n::Lang;
use crate::model::Field;
use crate::text::shown;
use crate::tui::app::{ExportDialog, ExportPhase, ExportRow, ImportDialog, ImportPhase, Review};
use crate::tui::input::TextInput;

use super::detail::wrap;
use super::{centered_box, fit, paragraph, Paint};

const LABEL: usize = 16;

/// Lines of a dialog, and where the cursor goes (line, column in the text).
#[derive(Default)]
struct Body<'a> {
    lines: Vec<Line<'a>>,
    cursor: Option<(usize, usize)>,
    /// The line that must stay in view.
    focus_line: usize,
}

impl<'a> Body<'a> {
    fn push(&mut self, line: impl Into<Line<'a>>) {
        self.lines.push(line.into());
    }

    fn blank(&mut self) {
        self.lines.push(Line::raw(""));
    }

    /// A labelled line.
    fn field(&mut self, label: &str, value: Vec<Span<'a>>, paint: Paint) {
        let label = fit(label, LABEL - 1);
        let mut spans = vec![Span::styled(format!("{label:<LABEL$}"), paint.theme.dim())];
        spans.extend(value);
        self.lines.push(Line::from(spans));
    }

    /// A text field, masked or not; focused, it takes the cursor.
    fn input(
        &mut self,
        label: &str,
        input: &TextInput,
        masked: bool,
        focused: bool,
        width: usize,
        paint: Paint,
    ) {
        let room = width.saturating_sub(LABEL + 1).max(4);
        let (shown, cursor) = if masked {
            let shown = super::overlay::hidden(input);
            (shown.to_owned(), shown.chars().count())
        } else {
            let skip = input.cursor().saturating_sub(room - 1);
            let shown: String = input.text().chars().skip(skip).take(room).collect();
            (shown, input.cursor() - skip)
        };
        let style = if focused {
            paint.theme.focused()
        } else {
            Style::new()
        };
        let marker = if focused { "▸ " } else { "  " };
        let label_style = if focused {
            paint.theme.bold()
        } else {
            paint.theme.dim()
        };
        let label = fit(label, LABEL - 3);
        let mut spans = vec![
            Span::styled(marker, paint.theme.title()),
            Span::styled(format!("{label:<w$}", w = LABEL - 2), label_style),
            Span::styled(shown.clone(), style),
        ];
        if focused && shown.chars().count() <= cursor {
            spans.push(Span::styled(" ", style));
        }
        if focused {
            self.cursor = Some((self.lines.len(), LABEL + cursor));
            self.focus_line = self.lines.len();
        }
        self.lines.push(Line::from(spans));
    }

    /// A choice shown as a check box or an option.
    fn choice(&mut self, label: &str, text: String, focused: bool, paint: Paint) {
        let marker = if focused { "▸ " } else { "  " };
        let style = if focused {
            paint.theme.focused()
        } else {
            Style::new()
        };
        let label_style = if focused {
            paint.theme.bold()
        } else {
            paint.theme.dim()
        };
        if focused {
            self.focus_line = self.lines.len();
        }
        let label = fit(label, LABEL - 3);
        self.lines.push(Line::from(vec![
            Span::styled(marker, paint.theme.title()),
            Span::styled(format!("{label:<w$}", w = LABEL - 2), label_style),
            Span::styled(text, style),
        ]));
    }

    /// Wrapped text in one style; through `text::shown` first, since it
    /// may quote a bundle, so that the wrapping measures what is drawn.
    fn text(&mut self, text: &str, width: usize, style: Style) {
        for piece in wrap(&shown(text), width.max(10)) {
            self.lines.push(Line::from(Span::styled(piece, style)));
        }
    }

    /// Draws the lines in `inner`, scrolled so the focus line shows.
    fn draw(self, frame: &mut Frame, inner: Rect, focused: bool) {
        let height = usize::from(inner.height.max(1));
        let skip = (self.focus_line + 2).saturating_sub(height);
        let Body { lines, cursor, .. } = self;
        let visible: Vec<Line> = lines.into_iter().skip(skip).collect();
        frame.render_widget(paragraph(visible), inner);
        if let (true, Some((line, column))) = (focused, cursor) {
            if line >= skip && line - skip < height {
                let x = inner.x + (column as u16).min(inner.width.saturating_sub(1));
                frame.set_cursor_position(Position::new(x, inner.y + (line - skip) as u16));
            }
        }
    }
}

/// The dialog's frame; returns the area inside, with a margin.
fn dialog_box(frame: &mut Frame, area: Rect, title: &str, paint: Paint) -> Rect {
    let width = area.width.saturating_sub(2).min(84);
    let height = area.height.saturating_sub(2).min(30);
    let rect = centered_box(frame, area, width, height);
    let block = Block::bordered()
        .border_style(paint.theme.title())
        .title(Span::styled(title.to_owned(), paint.theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

fn check(on: bool) -> &'static str {
    if on {
        "[x] "
    } else {
        "[ ] "
    }
}

pub(super) fn export(
    frame: &mut Frame,
    area: Rect,
    dialog: &ExportDialog,
    paint: Paint,
    focused: bool,
) {
    let lang = paint.lang;
    let title = format!(" {} ", t!(lang, "tui-screen-export"));
    let inner = dialog_box(frame, area, &title, paint);
    let width = usize::from(inner.width);
    let mut body = Body::default();
    export_selection(&mut body, dialog, width, paint);
    match &dialog.phase {
        ExportPhase::Working => {
            body.blank();
            body.text(
                &t!(lang, "tui-export-working", count = dialog.ids.len()),
                width,
                paint.theme.title(),
            );
            body.draw(frame, inner, false);
        }
        ExportPhase::Done {
            count,
            sequence,
            path,
        } => {
            let done = t!(
                lang,
                "tui-export-done",
                count = *count,
                sequence = *sequence,
                file = path.display().to_string()
            );
            export_done(&mut body, &done, width, paint);
            body.draw(frame, inner, false);
        }
        ExportPhase::Editing => {
            export_choices(&mut body, dialog, width, paint);
            body.draw(frame, inner, focused);
        }
    }
}

/// How many records go, and which.
fn export_selection(body: &mut Body, dialog: &ExportDialog, width: usize, paint: Paint) {
    let count = dialog.ids.len();
    let selection = match &dialog.described {
        None => t!(paint.lang, "tui-export-every-record"),
        Some(described) => described.in_lang(paint.lang),
    };
    body.field(
        &t!(paint.lang, "tui-label-records"),
        vec![
            Span::styled(format!("{count}"), paint.theme.bold()),
            Span::raw(fit(
                &format!(" {selection}"),
                width.saturating_sub(LABEL + count.to_string().len()),
            )),
        ],
        paint,
    );
}

/// What was exported, and what to do with it.
fn export_done(body: &mut Body, done: &str, width: usize, paint: Paint) {
    body.blank();
    body.text(done, width, paint.theme.bold());
    body.blank();
    body.text(
        &t!(paint.lang, "tui-export-carry"),
        width,
        paint.theme.dim(),
    );
}

/// The rows to fill in: how to encrypt, what to leave out, where to save.
fn export_choices(body: &mut Body, dialog: &ExportDialog, width: usize, paint: Paint) {
    let lang = paint.lang;
    let focus = dialog.focused();
    let how = if dialog.use_passphrase {
        t!(lang, "tui-export-to-passphrase")
    } else {
        t!(lang, "tui-export-to-keyring")
    };
    body.choice(
        &t!(lang, "tui-label-encrypt-to"),
        format!("‹ {how} ›"),
        focus == ExportRow::Encryption,
        paint,
    );
    if dialog.use_passphrase {
        body.input(
            &t!(lang, "tui-label-passphrase"),
            &dialog.passphrase,
            true,
            focus == ExportRow::Passphrase,
            width,
            paint,
        );
        body.input(
            &t!(lang, "tui-label-again"),
            &dialog.again,
            true,
            focus == ExportRow::Again,
            width,
            paint,
        );
    } else {
        export_recipients(body, dialog, paint);
    }
    for (n, field) in REDACTABLE.iter().enumerate() {
        let label = if n == 0 {
            t!(lang, "tui-label-leave-out")
        } else {
            String::new()
        };
        let on = dialog.redact.get(n).copied().unwrap_or(false);
        body.choice(
            &label,
            format!("{}{}", check(on), field_word(field, lang)),
            focus == ExportRow::Redact(n),
            paint,
        );
    }
    body.input(
        &t!(lang, "tui-label-save-to"),
        &dialog.path,
        false,
        focus == ExportRow::Path,
        width,
        paint,
    );
    body.blank();
    match &dialog.problem {
        Some(problem) => body.text(&problem.in_lang(lang), width, paint.theme.error()),
        None => body.text(&t!(lang, "tui-export-keys"), width, paint.theme.dim()),
    }
}

/// A check box per person in the keyring who has an age recipient.
fn export_recipients(body: &mut Body, dialog: &ExportDialog, paint: Paint) {
    if dialog.recipients.is_empty() {
        body.field(
            "",
            vec![Span::styled(
                t!(paint.lang, "tui-export-no-recipients"),
                paint.theme.dim(),
            )],
            paint,
        );
        return;
    }
    let focus = dialog.focused();
    for (n, choice) in dialog.recipients.iter().enumerate() {
        let label = if n == 0 {
            t!(paint.lang, "tui-label-to")
        } else {
            String::new()
        };
        body.choice(
            &label,
            format!("{}{}", check(choice.chosen), choice.name),
            focus == ExportRow::Recipient(n),
            paint,
        );
    }
}

pub(super) fn import(
    frame: &mut Frame,
    area: Rect,
    dialog: &ImportDialog,
    paint: Paint,
    focused: bool,
) {
    let theme = paint.theme;
    let lang = paint.lang;
    let title = format!(" {} ", t!(lang, "tui-screen-import"));
    let inner = dialog_box(frame, area, &title, paint);
    let width = usize::from(inner.width);
    let mut body = Body::default();
    match &dialog.phase {
        ImportPhase::Path | ImportPhase::Passphrase => {
            let asking = matches!(dialog.phase, ImportPhase::Passphrase);
            let file = t!(lang, "tui-label-file");
            body.input(&file, &dialog.path, false, !asking, width, paint);
            if asking {
                let label = t!(lang, "tui-label-passphrase");
                body.input(&label, &dialog.passphrase, true, true, width, paint);
                body.blank();
                body.text(&t!(lang, "tui-import-ask-passphrase"), width, theme.dim());
            } else {
                body.blank();
                body.text(&t!(lang, "tui-import-ask-path"), width, theme.dim());
            }
            if let Some(problem) = &dialog.problem {
                body.blank();
                body.text(&problem.in_lang(lang), width, theme.error());
            }
            body.draw(frame, inner, focused);
        }
        ImportPhase::Opening => {
            body.text(&t!(lang, "tui-import-opening"), width, theme.title());
            body.draw(frame, inner, false);
        }
        ImportPhase::Applying(review) => {
            review_lines(&mut body, review, width, paint);
            body.blank();
            body.text(&t!(lang, "tui-import-importing"), width, theme.title());
            body.draw(frame, inner, false);
        }
        ImportPhase::Review(review) => {
            review_lines(&mut body, review, width, paint);
            body.draw(frame, inner, focused);
        }
        ImportPhase::Refused(reason) => {
            body.push(Span::styled(t!(lang, "tui-import-refused"), theme.error()));
            body.blank();
            body.text(&reason.in_lang(lang), width, theme.bold());
            body.blank();
            body.text(&t!(lang, "tui-import-refused-keys"), width, theme.dim());
            body.draw(frame, inner, false);
        }
        ImportPhase::Done(summary) => {
            body.text(&summary.in_lang(lang), width, theme.bold());
            body.blank();
            body.text(&t!(lang, "tui-import-done-keys"), width, theme.dim());
            body.draw(frame, inner, false);
        }
    }
}

fn review_lines<'a>(body: &mut Body<'a>, review: &'a Review, width: usize, paint: Paint) {
    let lang = paint.lang;
    signer_lines(body, review, paint);
    bundle_lines(body, review, paint);
    if review.signer.is_none() {
        body.blank();
        body.text(&t!(lang, "tui-import-compare"), width, paint.theme.stale());
        let label = t!(lang, "tui-label-trust-as");
        body.input(&label, &review.trust_as, false, true, width, paint);
    }
    if review.plan.counts().conflicts > 0 {
        let choice = match review.plan.prefer {
            Prefer::Local => t!(lang, "tui-import-keep-local"),
            Prefer::Bundle => t!(lang, "tui-import-take-bundle"),
        };
        body.field(
            &t!(lang, "tui-label-conflicts"),
            vec![
                Span::styled(format!("‹ {choice} ›"), paint.theme.bold()),
                Span::styled(
                    format!("  {}", t!(lang, "tui-import-tab-switches")),
                    paint.theme.dim(),
                ),
            ],
            paint,
        );
    }
    match &review.problem {
        Some(problem) => body.text(&problem.in_lang(lang), width, paint.theme.error()),
        None => body.text(
            &t!(lang, "tui-import-review-keys"),
            width,
            paint.theme.dim(),
        ),
    }
    change_lines(body, review, width, paint);
}

/// Who signed the bundle: a name from the keyring, or a fingerprint to
/// compare aloud.
fn signer_lines(body: &mut Body, review: &Review, paint: Paint) {
    let theme = paint.theme;
    let lang = paint.lang;
    match &review.signer {
        Some(name) => body.field(
            &t!(lang, "tui-label-signed-by"),
            vec![
                Span::styled(name.clone(), theme.bold()),
                Span::styled(format!("  {}", review.bundle.fingerprint), theme.dim()),
            ],
            paint,
        ),
        None => {
            body.field(
                &t!(lang, "tui-label-signed-by"),
                vec![Span::styled(
                    t!(lang, "tui-import-unknown-signer"),
                    theme.stale(),
                )],
                paint,
            );
            body.field(
                &t!(lang, "tui-label-fingerprint"),
                vec![Span::styled(
                    review.bundle.fingerprint.clone(),
                    theme.bold(),
                )],
                paint,
            );
        }
    }
}

/// The bundle's number and dates, what it holds, and what it left out.
fn bundle_lines(body: &mut Body, review: &Review, paint: Paint) {
    let lang = paint.lang;
    let manifest = &review.bundle.manifest;
    let made = t!(
        lang,
        "tui-import-bundle-made",
        sequence = manifest.sequence,
        day = lang.date(manifest.created_at.date())
    );
    let text = match manifest.expires_at {
        Some(at) => t!(
            lang,
            "tui-import-bundle-expires",
            made = made,
            day = lang.date(at.date())
        ),
        None => made,
    };
    body.field(&t!(lang, "tui-label-bundle"), vec![Span::raw(text)], paint);
    let counts = review.plan.counts();
    body.field(
        &t!(lang, "tui-label-records"),
        vec![Span::raw(t!(
            lang,
            "tui-import-counts",
            count = manifest.record_count,
            new = counts.new,
            updated = counts.updated,
            unchanged = counts.unchanged,
            conflicts = counts.conflicts
        ))],
        paint,
    );
    if !manifest.redacted.is_empty() {
        let words: Vec<String> = manifest
            .redacted
            .iter()
            .map(|name| field_word(name, lang))
            .collect();
        body.field(
            &t!(lang, "tui-label-leave-out"),
            vec![Span::raw(words.join(", "))],
            paint,
        );
    }
}

/// What importing changes, one plan line per record, conflicts marked.
fn change_lines(body: &mut Body, review: &Review, width: usize, paint: Paint) {
    let theme = paint.theme;
    let changes: Vec<_> = review.changes().collect();
    let lang = paint.lang;
    let heading = t!(lang, "tui-import-changes", count = changes.len());
    body.push(Line::from(Span::styled(
        fit(&format!("── {heading} "), width),
        theme.dim(),
    )));
    if changes.is_empty() {
        body.push(Span::styled(t!(lang, "tui-import-no-changes"), theme.dim()));
    }
    for item in changes.iter().skip(review.scroll) {
        let style = match item.outcome {
            Outcome::Conflict => theme.stale(),
            _ => Style::new(),
        };
        // The plan's line, as `pamphlet import --dry-run` prints it
        // (`PlanItem::line`), its outcome coloured.
        body.push(Line::from(vec![
            Span::styled(format!("{:<10} ", item.outcome.word(lang)), style),
            Span::raw(fit(&item.summary(lang), width.saturating_sub(11))),
        ]));
    }
}

/// A field's stable name (`phones`) as a word of `lang` ("phone").
fn field_word(name: &str, lang: Lang) -> String {
    match Field::parse(name) {
        Some(field) => field.label(lang).to_lowercase(),
        None => name.to_owned(),
    }
}
