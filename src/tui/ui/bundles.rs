//! The export and import dialogs, drawn over the main screen. Passphrases
//! show only whether something was typed, never their length.

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use ratatui::Frame;

use crate::bundle::{Outcome, Prefer, REDACTABLE};
use crate::model::format_date;
use crate::text::shown;
use crate::tui::app::{ExportDialog, ExportPhase, ExportRow, ImportDialog, ImportPhase, Review};
use crate::tui::input::TextInput;

use super::detail::wrap;
use super::{centered_box, fit, paragraph, Paint};

const LABEL: usize = 13;

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
    let inner = dialog_box(frame, area, " Export a bundle ", paint);
    let width = usize::from(inner.width);
    let mut body = Body::default();
    export_selection(&mut body, dialog, width, paint);
    match &dialog.phase {
        ExportPhase::Working => {
            body.blank();
            body.text(
                &format!("Signing and encrypting {} records, then writing the file… (a passphrase takes a second or two)", dialog.ids.len()),
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
            let done = format!(
                "Exported {count} records as bundle #{sequence} to {}.",
                path.display()
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
    let selection = if dialog.described.is_empty() {
        "every record".to_owned()
    } else {
        dialog.described.clone()
    };
    body.field(
        "Records",
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
        "Carry it to the meeting; whoever imports it will see your fingerprint. Enter or Esc closes.",
        width,
        paint.theme.dim(),
    );
}

/// The rows to fill in: how to encrypt, what to leave out, where to save.
fn export_choices(body: &mut Body, dialog: &ExportDialog, width: usize, paint: Paint) {
    let focus = dialog.focused();
    let how = if dialog.use_passphrase {
        "‹ a meeting passphrase ›"
    } else {
        "‹ people in the keyring ›"
    };
    body.choice(
        "Encrypt to",
        how.to_owned(),
        focus == ExportRow::Encryption,
        paint,
    );
    if dialog.use_passphrase {
        body.input(
            "Passphrase",
            &dialog.passphrase,
            true,
            focus == ExportRow::Passphrase,
            width,
            paint,
        );
        body.input(
            "Again",
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
        let label = if n == 0 { "Leave out" } else { "" };
        let on = dialog.redact.get(n).copied().unwrap_or(false);
        body.choice(
            label,
            format!("{}{field}", check(on)),
            focus == ExportRow::Redact(n),
            paint,
        );
    }
    body.input(
        "Save to",
        &dialog.path,
        false,
        focus == ExportRow::Path,
        width,
        paint,
    );
    body.blank();
    match &dialog.problem {
        Some(problem) => body.text(problem, width, paint.theme.error()),
        None => body.text(
            "Signed with your key. Space ticks a box; Enter exports.",
            width,
            paint.theme.dim(),
        ),
    }
}

/// A check box per person in the keyring who has an age recipient.
fn export_recipients(body: &mut Body, dialog: &ExportDialog, paint: Paint) {
    if dialog.recipients.is_empty() {
        body.field(
            "",
            vec![Span::styled(
                "Nobody in the keyring has an age recipient.",
                paint.theme.dim(),
            )],
            paint,
        );
        return;
    }
    let focus = dialog.focused();
    for (n, choice) in dialog.recipients.iter().enumerate() {
        let label = if n == 0 { "To" } else { "" };
        body.choice(
            label,
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
    let inner = dialog_box(frame, area, " Import a bundle ", paint);
    let width = usize::from(inner.width);
    let mut body = Body::default();
    match &dialog.phase {
        ImportPhase::Path | ImportPhase::Passphrase => {
            let asking = matches!(dialog.phase, ImportPhase::Passphrase);
            body.input("File", &dialog.path, false, !asking, width, paint);
            if asking {
                body.input("Passphrase", &dialog.passphrase, true, true, width, paint);
                body.blank();
                body.text(
                    "This bundle is encrypted to a meeting passphrase. Type it, then Enter.",
                    width,
                    theme.dim(),
                );
            } else {
                body.blank();
                body.text(
                    "The path of the bundle, then Enter. Nothing changes until you accept.",
                    width,
                    theme.dim(),
                );
            }
            if let Some(problem) = &dialog.problem {
                body.blank();
                body.text(problem, width, theme.error());
            }
            body.draw(frame, inner, focused);
        }
        ImportPhase::Opening => {
            body.text(
                "Decrypting and checking the signature… (a passphrase takes a second or two)",
                width,
                theme.title(),
            );
            body.draw(frame, inner, false);
        }
        ImportPhase::Applying(review) => {
            review_lines(&mut body, review, width, paint);
            body.blank();
            body.text("Importing…", width, theme.title());
            body.draw(frame, inner, false);
        }
        ImportPhase::Review(review) => {
            review_lines(&mut body, review, width, paint);
            body.draw(frame, inner, focused);
        }
        ImportPhase::Refused(reason) => {
            body.push(Span::styled("Refused.", theme.error()));
            body.blank();
            body.text(reason, width, theme.bold());
            body.blank();
            body.text("Enter tries another file; Esc closes.", width, theme.dim());
            body.draw(frame, inner, false);
        }
        ImportPhase::Done(summary) => {
            body.text(summary, width, theme.bold());
            body.blank();
            body.text(
                "The records are searchable now. Enter or Esc closes.",
                width,
                theme.dim(),
            );
            body.draw(frame, inner, false);
        }
    }
}

fn review_lines<'a>(body: &mut Body<'a>, review: &'a Review, width: usize, paint: Paint) {
    signer_lines(body, review, paint);
    bundle_lines(body, review, paint);
    if review.signer.is_none() {
        body.blank();
        body.text(
            "Compare this fingerprint with the signer, aloud. Accepting trusts them from now on.",
            width,
            paint.theme.stale(),
        );
        body.input("Trust as", &review.trust_as, false, true, width, paint);
    }
    if review.plan.counts().conflicts > 0 {
        let choice = match review.plan.prefer {
            Prefer::Local => "‹ keep the local records ›",
            Prefer::Bundle => "‹ take the bundle's records ›",
        };
        body.field(
            "Conflicts",
            vec![
                Span::styled(choice, paint.theme.bold()),
                Span::styled("  Tab switches", paint.theme.dim()),
            ],
            paint,
        );
    }
    match &review.problem {
        Some(problem) => body.text(problem, width, paint.theme.error()),
        None => body.text(
            "Enter accepts, in one step. Esc rejects, changing nothing.",
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
    match &review.signer {
        Some(name) => body.field(
            "Signed by",
            vec![
                Span::styled(name.clone(), theme.bold()),
                Span::styled(format!("  {}", review.bundle.fingerprint), theme.dim()),
            ],
            paint,
        ),
        None => {
            body.field(
                "Signed by",
                vec![Span::styled("someone not in your keyring", theme.stale())],
                paint,
            );
            body.field(
                "Fingerprint",
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
    let manifest = &review.bundle.manifest;
    let expiry = match manifest.expires_at {
        Some(at) => format!(", expires {}", format_date(at.date())),
        None => String::new(),
    };
    body.field(
        "Bundle",
        vec![Span::raw(format!(
            "#{}, made {}{expiry}",
            manifest.sequence,
            format_date(manifest.created_at.date())
        ))],
        paint,
    );
    let counts = review.plan.counts();
    body.field(
        "Records",
        vec![Span::raw(format!(
            "{}: {} new, {} updated, {} unchanged, {} in conflict",
            manifest.record_count, counts.new, counts.updated, counts.unchanged, counts.conflicts
        ))],
        paint,
    );
    if !manifest.redacted.is_empty() {
        body.field(
            "Left out",
            vec![Span::raw(manifest.redacted.join(", "))],
            paint,
        );
    }
}

/// What importing changes, one plan line per record, conflicts marked.
fn change_lines(body: &mut Body, review: &Review, width: usize, paint: Paint) {
    let theme = paint.theme;
    let changes: Vec<_> = review.changes().collect();
    body.push(Line::from(Span::styled(
        fit(
            &format!("── What changes ({}) ─ ↑/↓ scroll ", changes.len()),
            width,
        ),
        theme.dim(),
    )));
    if changes.is_empty() {
        body.push(Span::styled(
            "Nothing: every record is as here.",
            theme.dim(),
        ));
    }
    for item in changes.iter().skip(review.scroll) {
        let style = match item.outcome {
            Outcome::Conflict => theme.stale(),
            _ => Style::new(),
        };
        body.push(Line::from(vec![
            Span::styled(format!("{:<10}", item.outcome.as_str()), style),
            Span::raw(fit(&item.summary(), width.saturating_sub(10))),
        ]));
    }
}
