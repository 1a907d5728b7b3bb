//! The unlocked screen: the list, the detail of one record, the form, the
//! delete question and the bundle dialogs, over one open [`Session`].
//! Changes to records happen here, each one a single vault transaction
//! followed by the index.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::i18n::Message;
use crate::model::{format_date, Category, Record};
use crate::tui::action::Action;
use crate::tui::input::TextEdit;
use crate::tui::layout::{main_areas, MainAreas};

use super::browse::Browse;
use super::export::{DialogOutcome, ExportDialog};
use super::form::{Form, FormOutcome, Leave};
use super::import::ImportDialog;
use super::unlock::Session;
use super::Config;

/// An import writing more records than this rebuilds the search index
/// rather than updating it one record at a time.
const REBUILD_AFTER: usize = 2_000;

/// What fills the body of the screen.
pub enum View {
    List,
    Detail { scroll: u16 },
    Form(Box<Form>),
}

/// The question before a delete. Names the record, so nobody deletes the
/// wrong one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmDelete {
    pub(crate) id: Uuid,
    pub(crate) name: String,
}

/// One line of news in the status line.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub(crate) text: Message,
    pub(crate) error: bool,
}

/// A dialog over the screen.
pub enum Dialog {
    Export(Box<ExportDialog>),
    Import(Box<ImportDialog>),
}

/// What a key did here, for the app to finish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Consumed,
    Ignored,
    OpenHelp,
    /// The program should end (a changed form's changes thrown away).
    Quit,
}

pub struct MainScreen {
    pub(crate) session: Session,
    pub(crate) browse: Browse,
    pub(crate) view: View,
    pub(crate) confirm: Option<ConfirmDelete>,
    pub(crate) dialog: Option<Dialog>,
    pub(crate) notice: Option<Notice>,
    /// A record just saved, with its name: shown as soon as the search
    /// run after the save lists it.
    open_when_found: Option<(Uuid, String)>,
}

impl MainScreen {
    pub fn new(session: Session) -> MainScreen {
        MainScreen {
            session,
            browse: Browse::new(),
            view: View::List,
            confirm: None,
            dialog: None,
            notice: None,
            open_when_found: None,
        }
    }

    /// Ctrl-C: whether the program may end now. A changed form asks first.
    pub fn may_quit(&mut self) -> bool {
        match &mut self.view {
            View::Form(form) if self.dialog.is_none() && self.confirm.is_none() => {
                !form.ask_before_leaving(Leave::Quit)
            }
            _ => true,
        }
    }

    /// A search finished. A record just saved is opened if it is listed
    /// (and selected); otherwise the person is told why it is not shown.
    pub fn found(&mut self, outcome: super::SearchOutcome, rows: usize) {
        self.browse.found(outcome, rows);
        if self.browse.searching() {
            return;
        }
        let Some((id, name)) = self.open_when_found.take() else {
            return;
        };
        if !matches!(self.view, View::List) || self.dialog.is_some() || self.confirm.is_some() {
            return;
        }
        if self.browse.selected_id() == Some(id) {
            self.view = View::Detail { scroll: 0 };
        } else {
            self.say(msg!("tui-saved-not-listed", name = name), false);
        }
    }

    pub fn selected(&self) -> Option<&Record> {
        self.browse
            .selected_id()
            .and_then(|id| self.session.vault.get(&id))
    }

    pub fn handle(
        &mut self,
        action: Action,
        now: OffsetDateTime,
        size: ratatui::layout::Rect,
        config: &Config,
    ) -> Outcome {
        let areas = main_areas(size);
        let rows = usize::from(areas.list.height.max(1));
        if self.confirm.is_some() {
            return self.handle_confirm(action);
        }
        if self.dialog.is_some() {
            return self.handle_dialog(action);
        }
        if matches!(self.view, View::List | View::Detail { .. }) {
            match action {
                Action::Export => {
                    self.open_export(now, config);
                    return Outcome::Consumed;
                }
                Action::Import => {
                    self.notice = None;
                    let places = &config.places;
                    let suggested = places
                        .newest_bundle()
                        .unwrap_or_else(|| places.default_dir().join(""));
                    self.dialog = Some(Dialog::Import(Box::new(ImportDialog::new(&suggested))));
                    return Outcome::Consumed;
                }
                _ => {}
            }
        }
        if !matches!(
            action,
            Action::ScrollUp | Action::ScrollDown | Action::Click { .. }
        ) {
            self.notice = None;
            self.open_when_found = None;
        }
        match &mut self.view {
            View::Form(form) => {
                let form_rows = usize::from(areas.body.height.max(1));
                match form.handle(action, form_rows, config.lang) {
                    FormOutcome::Consumed => Outcome::Consumed,
                    FormOutcome::Ignored => Outcome::Ignored,
                    FormOutcome::Cancel => {
                        self.view = View::List;
                        self.say(msg!("tui-nothing-changed"), false);
                        Outcome::Consumed
                    }
                    FormOutcome::Quit => Outcome::Quit,
                    FormOutcome::Save => {
                        self.save_form(now, form_rows);
                        Outcome::Consumed
                    }
                }
            }
            View::Detail { .. } => self.handle_detail(action, now, rows),
            View::List => self.handle_list(action, now, rows, &areas),
        }
    }

    fn handle_list(
        &mut self,
        action: Action,
        now: OffsetDateTime,
        rows: usize,
        areas: &MainAreas,
    ) -> Outcome {
        match action {
            Action::Text(TextEdit::Insert('?')) if self.browse.query.is_empty() => {
                return Outcome::OpenHelp
            }
            Action::Text(edit) => self.browse.edit(edit),
            Action::Back => {
                self.browse.clear();
            }
            Action::Up => self.browse.move_by(-1, rows),
            Action::Down => self.browse.move_by(1, rows),
            Action::ScrollUp => self.browse.move_by(-3, rows),
            Action::ScrollDown => self.browse.move_by(3, rows),
            Action::PageUp => self.browse.move_by(-(rows as isize), rows),
            Action::PageDown => self.browse.move_by(rows as isize, rows),
            Action::Enter => self.open(),
            Action::Click { column, row } => {
                let list = areas.list;
                let inside = column >= list.x
                    && column < list.x + list.width
                    && row >= list.y
                    && row < list.y + list.height;
                if inside && self.browse.click(usize::from(row - list.y), rows) == Some(true) {
                    self.open();
                }
            }
            Action::CycleCategory => {
                let present = self.session.finder.read().map(|f| f.categories());
                self.browse.cycle_category(&present.unwrap_or_default());
            }
            Action::CycleCity => {
                let present = self.cities(self.browse.filter.category);
                self.browse.cycle_city(&present);
            }
            Action::NewRecord => self.view = View::Form(Box::new(Form::add())),
            Action::EditRecord => self.edit_selected(),
            Action::DeleteRecord => self.ask_delete(),
            Action::MarkVerified => self.mark_verified(now),
            _ => return Outcome::Ignored,
        }
        Outcome::Consumed
    }

    fn handle_detail(&mut self, action: Action, now: OffsetDateTime, rows: usize) -> Outcome {
        match action {
            Action::Back => self.view = View::List,
            Action::Up => self.browse.move_by(-1, rows),
            Action::Down => self.browse.move_by(1, rows),
            Action::PageUp | Action::ScrollUp | Action::PageDown | Action::ScrollDown => {
                let step: i32 = match action {
                    Action::PageUp => -(rows as i32) / 2,
                    Action::PageDown => rows as i32 / 2,
                    Action::ScrollUp => -3,
                    _ => 3,
                };
                if let View::Detail { scroll } = &mut self.view {
                    *scroll = (i32::from(*scroll) + step).clamp(0, 500) as u16;
                }
                return Outcome::Consumed;
            }
            Action::NewRecord => self.view = View::Form(Box::new(Form::add())),
            Action::EditRecord => self.edit_selected(),
            Action::DeleteRecord => self.ask_delete(),
            Action::MarkVerified => self.mark_verified(now),
            _ => return Outcome::Ignored,
        }
        if let View::Detail { scroll } = &mut self.view {
            *scroll = 0;
        }
        Outcome::Consumed
    }

    fn handle_confirm(&mut self, action: Action) -> Outcome {
        match action {
            Action::Confirm => {
                if let Some(confirm) = self.confirm.take() {
                    self.delete(confirm);
                }
            }
            Action::Back => {
                self.confirm = None;
                self.say(msg!("tui-nothing-deleted"), false);
            }
            Action::Help => return Outcome::OpenHelp,
            _ => return Outcome::Ignored,
        }
        Outcome::Consumed
    }

    fn handle_dialog(&mut self, action: Action) -> Outcome {
        let outcome = match &mut self.dialog {
            Some(Dialog::Export(dialog)) => dialog.handle(action),
            Some(Dialog::Import(dialog)) => dialog.handle(action, &self.session.vault),
            None => DialogOutcome::Ignored,
        };
        match outcome {
            DialogOutcome::Consumed => Outcome::Consumed,
            DialogOutcome::Ignored if action == Action::Help => Outcome::OpenHelp,
            DialogOutcome::Ignored => Outcome::Consumed,
            DialogOutcome::Close { done } => {
                let closed = self.dialog.take();
                match (closed, done) {
                    (_, true) => self.notice = None,
                    (Some(Dialog::Export(_)), false) => {
                        self.say(msg!("tui-nothing-exported"), false)
                    }
                    (_, false) => self.say(msg!("tui-nothing-imported"), false),
                }
                Outcome::Consumed
            }
        }
    }

    /// The export dialog over the records the search and filters list now:
    /// all of them, not only the rows the list holds.
    fn open_export(&mut self, now: OffsetDateTime, config: &Config) {
        let query = match crate::tui::finder::Query::parse(self.browse.query.text()) {
            Ok(query) => query,
            Err(problem) => {
                self.say(msg!("tui-not-exported", reason = problem), true);
                return;
            }
        };
        let filter = &self.browse.filter;
        let ids = self
            .session
            .finder
            .read()
            .map(|finder| finder.all_matching(&query, filter))
            .unwrap_or_default();
        let mut selection: Vec<String> = Vec::new();
        let listed_by = query.text().trim().to_owned();
        if !listed_by.is_empty() {
            selection.push(listed_by.clone());
        }
        let mut within: Option<Message> = None;
        if let Some(category) = filter.category {
            selection.push(format!("cat:{}", category.as_str()));
            within = Some(msg!(format!("category-{}", category.as_str())));
        }
        if let Some(city) = &filter.city {
            selection.push(format!("city:{city}"));
            within = Some(match within {
                Some(category) => msg!("tui-export-within-both", category = category, city = city),
                None => msg!("tui-export-within-city", city = city),
            });
        }
        let described = match (listed_by.is_empty(), within) {
            (true, None) => None,
            (false, None) => Some(msg!("tui-export-listed-by", query = listed_by)),
            (true, Some(within)) => Some(msg!("tui-export-in", within = within)),
            (false, Some(within)) => Some(msg!(
                "tui-export-listed-by-in",
                query = listed_by,
                within = within
            )),
        };
        let path = config.places.default_export_path(now.date());
        self.notice = None;
        let mut dialog =
            ExportDialog::new(ids, selection.join(" "), self.session.vault.trust(), &path);
        dialog.described = described;
        self.dialog = Some(Dialog::Export(Box::new(dialog)));
    }

    /// Whether a dialog waits for its slow step ([`MainScreen::work`]).
    pub fn has_work(&self) -> bool {
        match &self.dialog {
            Some(Dialog::Export(dialog)) => dialog.is_working(),
            Some(Dialog::Import(dialog)) => dialog.is_working(),
            None => false,
        }
    }

    /// Runs a dialog's slow step: exporting, opening or importing a bundle.
    /// After an import, the records written go into the search index at
    /// once. Returns whether anything ran.
    pub fn work(&mut self, now: OffsetDateTime, config: &Config) -> bool {
        if !self.has_work() {
            return false;
        }
        match &mut self.dialog {
            Some(Dialog::Export(dialog)) => {
                dialog.run(&mut self.session.vault, config.bundle_work(), now)
            }
            Some(Dialog::Import(dialog)) => {
                if let Some(written) = dialog.run(&mut self.session.vault, now) {
                    self.reindex(&written);
                }
            }
            None => {}
        }
        true
    }

    /// Tells the index about records written in bulk, and searches again.
    fn reindex(&mut self, written: &[Uuid]) {
        if written.is_empty() {
            return;
        }
        if let Ok(mut finder) = self.session.finder.write() {
            // Rebuilding is cheaper than many single updates.
            if written.len() > REBUILD_AFTER {
                *finder = crate::tui::finder::Finder::build(self.session.vault.records());
            } else {
                for id in written {
                    if let Some(record) = self.session.vault.get(id) {
                        finder.upsert(record);
                    }
                }
            }
        }
        let keep = self.browse.selected_id();
        self.browse.research(keep);
    }

    fn open(&mut self) {
        if self.selected().is_some() {
            self.view = View::Detail { scroll: 0 };
        }
    }

    fn edit_selected(&mut self) {
        match self.selected() {
            Some(record) => self.view = View::Form(Box::new(Form::edit(record))),
            None => self.say(msg!("tui-none-selected"), true),
        }
    }

    fn ask_delete(&mut self) {
        match self.selected() {
            Some(record) => {
                self.confirm = Some(ConfirmDelete {
                    id: record.id,
                    name: record.name.clone(),
                })
            }
            None => self.say(msg!("tui-none-selected"), true),
        }
    }

    fn delete(&mut self, confirm: ConfirmDelete) {
        match self.session.vault.delete(&confirm.id) {
            Ok(_) => {
                if let Ok(mut finder) = self.session.finder.write() {
                    finder.remove(confirm.id);
                }
                self.view = View::List;
                self.browse.research(None);
                self.say(msg!("tui-deleted", name = confirm.name), false);
            }
            Err(error) => self.say(msg!("tui-not-deleted", reason = error.to_string()), true),
        }
    }

    fn mark_verified(&mut self, now: OffsetDateTime) {
        let Some(record) = self.selected() else {
            self.say(msg!("tui-none-selected"), true);
            return;
        };
        let mut input = record.to_input();
        input.verified_on = Some(format_date(now.date()));
        input.updated_at = None;
        let name = record.name.clone();
        match input.validate(now) {
            // Verified today already: writing it again would change only
            // `updated_at`, and make an imported record look edited here.
            Ok(marked) if record.differences(&marked).is_empty() => {
                self.say(msg!("tui-verified-already", name = name), false);
            }
            Ok(marked) => {
                if self.store(marked) {
                    self.say(msg!("tui-verified-marked", name = name), false);
                }
            }
            Err(error) => self.say(msg!("tui-not-marked", reason = error.to_string()), true),
        }
    }

    fn save_form(&mut self, now: OffsetDateTime, rows: usize) {
        let View::Form(form) = &mut self.view else {
            return;
        };
        let mut input = form.to_input(now);
        input.updated_at = None;
        match input.validate(now) {
            Err(error) => form.show_error(&error, now, rows),
            // Saving an edit that changes nothing writes nothing: a new
            // `updated_at` alone would make an imported record look edited
            // here, and the signer's next version of it a conflict.
            Ok(record)
                if self
                    .session
                    .vault
                    .get(&record.id)
                    .is_some_and(|stored| stored.differences(&record).is_empty()) =>
            {
                self.view = if self.browse.selected_id() == Some(record.id) {
                    View::Detail { scroll: 0 }
                } else {
                    View::List
                };
                self.say(msg!("tui-no-changes", name = record.name.as_str()), false);
            }
            Ok(record) => {
                let (id, name) = (record.id, record.name.clone());
                if self.store(record) {
                    self.view = View::List;
                    self.say(msg!("tui-saved", name = name.as_str()), false);
                    self.open_when_found = Some((id, name));
                }
            }
        }
    }

    /// Writes one record (one vault transaction), then tells the index and
    /// searches again with the record selected. Returns whether it was saved.
    fn store(&mut self, record: Record) -> bool {
        let id = record.id;
        let indexed = record.clone();
        match self.session.vault.put(record) {
            Ok(_) => {
                if let Ok(mut finder) = self.session.finder.write() {
                    finder.upsert(&indexed);
                }
                self.browse.research(Some(id));
                true
            }
            Err(error) => {
                self.say(msg!("tui-not-saved", reason = error.to_string()), true);
                false
            }
        }
    }

    /// Cities present (within `category`, if given), most records first.
    pub fn cities(&self, category: Option<Category>) -> Vec<String> {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for record in self.session.vault.records() {
            if record.city.is_empty() || category.is_some_and(|c| c != record.category) {
                continue;
            }
            *counts.entry(record.city.as_str()).or_default() += 1;
        }
        let mut cities: Vec<(&str, usize)> = counts.into_iter().collect();
        cities.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        cities
            .into_iter()
            .map(|(city, _)| city.to_owned())
            .collect()
    }

    pub fn say(&mut self, text: Message, error: bool) {
        self.notice = Some(Notice { text, error });
    }
}
