//! The search box, the quick filters and the result list with its
//! selection. Searches are asked for here and run elsewhere: each change
//! makes a numbered [`SearchRequest`]; results come back as a
//! [`SearchOutcome`] and older ones never replace newer ones.

use std::sync::{Arc, RwLock};

use uuid::Uuid;

use crate::i18n::Message;
use crate::model::Category;
use crate::search::Reading;
use crate::tui::finder::{first_rows, Filter, Finder, Found, Query, MAX_ROWS};
use crate::tui::input::{TextEdit, TextInput};

/// A search to run off the UI thread.
pub struct SearchRequest {
    generation: u64,
    text: String,
    filter: Filter,
    keep: Option<Uuid>,
    /// How many of the best results to list.
    rows: usize,
    /// Only to lengthen the list shown.
    more: bool,
    finder: Arc<RwLock<Finder>>,
}

/// What a search found.
#[derive(Debug)]
pub struct SearchOutcome {
    generation: u64,
    query: Result<Query, Message>,
    found: Found,
    keep: Option<Uuid>,
    more: bool,
}

impl SearchRequest {
    pub fn run(self) -> SearchOutcome {
        let query = Query::parse(&self.text);
        let found = match (&query, self.finder.read()) {
            (Ok(query), Ok(finder)) => finder.search(query, &self.filter, self.rows),
            _ => Found::default(),
        };
        SearchOutcome {
            generation: self.generation,
            query,
            found,
            keep: self.keep,
            more: self.more,
        }
    }
}

/// The results on screen and the query that found them (which the text in
/// the box may already be ahead of).
#[derive(Debug, Default)]
pub struct Results {
    pub(crate) generation: u64,
    pub(crate) query: Query,
    pub(crate) ids: Vec<Uuid>,
    /// How many matched, which may be more than the list holds.
    pub(crate) total: usize,
    /// Only when nothing matched in full: records that match part of the
    /// query, shown apart below, never selected and never exported.
    pub(crate) partial: Vec<Uuid>,
    pub(crate) partial_total: usize,
    /// How the search read the query.
    pub(crate) reading: Reading,
    pub(crate) error: Option<Message>,
}

#[derive(Default)]
pub struct Browse {
    pub(crate) query: TextInput,
    pub(crate) filter: Filter,
    pub(crate) results: Results,
    pub(crate) selected: usize,
    pub(crate) offset: usize,
    generation: u64,
    /// A search is wanted; the id to keep selected, if any.
    wanted: Option<Option<Uuid>>,
    /// How many results to ask for: `None` for a new query, which asks
    /// for a screenful ([`first_rows`]) when the request is taken; more as
    /// the selection nears the end of those listed.
    rows: Option<usize>,
    /// The search wanted only lengthens the list: the selection stays.
    more: bool,
}

impl Browse {
    /// A list that asks for every record at once.
    pub fn new() -> Browse {
        let mut browse = Browse::default();
        browse.research(None);
        browse
    }

    /// Asks for the search to run again for a new query or filter: from
    /// the first results.
    fn search_anew(&mut self) {
        self.rows = None;
        self.research(None);
    }

    /// Asks for more results once the selection is within two screens of
    /// the end of those listed (or the screen shows more rows than are
    /// listed), if there are more. Only once per batch: until the bigger
    /// list arrives, the list is shorter than asked for.
    pub fn list_more_if_near_the_end(&mut self, rows: usize) {
        // The list shown is about to be replaced: lengthening it would ask
        // for the new query's results while keeping this one's place.
        if self.searching() {
            return;
        }
        let Some(asked) = self.rows else {
            return;
        };
        let listed = self.results.ids.len();
        let near_end = self.selected + 2 * rows.max(1) >= listed;
        if near_end && listed == asked && listed < self.results.total && asked < MAX_ROWS {
            self.rows = Some((asked * 4).max(rows).min(MAX_ROWS));
            self.research(None);
            self.more = true;
        }
    }

    /// Whether a search is under way whose results are not shown yet.
    pub fn searching(&self) -> bool {
        self.wanted.is_some() || self.results.generation < self.generation
    }

    pub fn selected_id(&self) -> Option<Uuid> {
        self.results.ids.get(self.selected).copied()
    }

    /// Asks for the search to run again, keeping `keep` selected if found.
    pub fn research(&mut self, keep: Option<Uuid>) {
        self.generation += 1;
        self.wanted = Some(keep);
        self.more = false;
    }

    /// The search wanted, if any; a new query asks for the `shown` rows
    /// the list has room for.
    pub fn take_request(
        &mut self,
        finder: &Arc<RwLock<Finder>>,
        shown: usize,
    ) -> Option<SearchRequest> {
        let keep = self.wanted.take()?;
        let rows = *self.rows.get_or_insert_with(|| first_rows(shown));
        Some(SearchRequest {
            generation: self.generation,
            text: self.query.text().to_owned(),
            filter: self.filter.clone(),
            keep,
            rows,
            more: self.more,
            finder: Arc::clone(finder),
        })
    }

    /// Shows results unless newer ones are already shown.
    pub fn found(&mut self, outcome: SearchOutcome, rows: usize) {
        if outcome.generation < self.results.generation {
            return;
        }
        let (query, error) = match outcome.query {
            Ok(query) => (query, None),
            Err(problem) => (Query::default(), Some(problem)),
        };
        let before = (self.selected, self.offset);
        self.selected = match outcome.keep {
            // A longer list of the same results: the selection may have
            // moved on while it was coming.
            _ if outcome.more => self.selected.min(outcome.found.ids.len().saturating_sub(1)),
            Some(id) => outcome
                .found
                .ids
                .iter()
                .position(|known| *known == id)
                .unwrap_or(0),
            None => 0,
        };
        self.results = Results {
            generation: outcome.generation,
            query,
            ids: outcome.found.ids,
            total: outcome.found.total,
            partial: outcome.found.partial,
            partial_total: outcome.found.partial_total,
            reading: outcome.found.reading,
            error,
        };
        // A longer list of the same results, or the same list again after
        // an edit, stays scrolled where it was.
        let kept_in_place = (outcome.more || outcome.keep.is_some()) && self.selected == before.0;
        self.offset = if kept_in_place { before.1 } else { 0 };
        self.keep_in_view(rows);
        // The screen grew taller while this search ran.
        if self.results.ids.len() < rows {
            self.list_more_if_near_the_end(rows);
        }
    }

    /// Edits the search text; a change searches again.
    pub fn edit(&mut self, edit: TextEdit) {
        if self.query.apply(edit) {
            self.search_anew();
        }
    }

    /// Esc: clears the search, then the filters. Returns whether anything
    /// was cleared.
    pub fn clear(&mut self) -> bool {
        if !self.query.is_empty() {
            self.query.clear();
        } else if self.filter != Filter::default() {
            self.filter = Filter::default();
        } else {
            return false;
        }
        self.search_anew();
        true
    }

    /// Moves the selection by `delta` rows, staying within the results.
    pub fn move_by(&mut self, delta: isize, rows: usize) {
        let last = self.results.ids.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.keep_in_view(rows);
        self.list_more_if_near_the_end(rows);
    }

    /// Selects the row shown at `row` of the list; returns whether it was
    /// already selected.
    pub fn click(&mut self, row: usize, rows: usize) -> Option<bool> {
        let index = self.offset + row;
        if index >= self.results.ids.len() {
            return None;
        }
        let again = index == self.selected;
        self.selected = index;
        self.keep_in_view(rows);
        self.list_more_if_near_the_end(rows);
        Some(again)
    }

    pub fn keep_in_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        let last_page = self.results.ids.len().saturating_sub(rows);
        self.offset = self.offset.min(last_page);
    }

    /// The next category filter: each one present, then none.
    pub fn cycle_category(&mut self, present: &[Category]) {
        self.filter.category = next_of(present, self.filter.category.as_ref()).copied();
        self.filter.city = None;
        self.search_anew();
    }

    /// The next city filter: each one present, then none.
    pub fn cycle_city(&mut self, present: &[String]) {
        self.filter.city = next_of(present, self.filter.city.as_ref()).cloned();
        self.search_anew();
    }
}

/// The item after `current` in `options`, `None` after the last, the first
/// after `None`.
fn next_of<'a, T: PartialEq>(options: &'a [T], current: Option<&T>) -> Option<&'a T> {
    match current {
        None => options.first(),
        Some(current) => {
            let at = options.iter().position(|o| o == current)?;
            options.get(at + 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_cycle_through_each_option_then_none() {
        let options = ["a", "b"];
        assert_eq!(next_of(&options, None), Some(&"a"));
        assert_eq!(next_of(&options, Some(&"a")), Some(&"b"));
        assert_eq!(next_of(&options, Some(&"b")), None);
        assert_eq!(next_of(&options, Some(&"gone")), None);
    }

    #[test]
    fn older_results_never_replace_newer_ones() {
        let finder = Arc::new(RwLock::new(Finder::build([])));
        let mut browse = Browse::new();
        let first = browse.take_request(&finder, 10).unwrap();
        browse.edit(TextEdit::Insert('x'));
        let second = browse.take_request(&finder, 10).unwrap();
        assert!(browse.searching());
        browse.found(second.run(), 10);
        assert_eq!(browse.results.query.text(), "x");
        browse.found(first.run(), 10);
        assert_eq!(browse.results.query.text(), "x");
        assert!(!browse.searching());
    }

    /// A list of 1,200 generated records, its first results shown.
    fn listing_1200(rows: usize) -> (Arc<RwLock<Finder>>, Browse) {
        let records: Vec<crate::model::Record> = crate::generate::generate(3, 1_200).collect();
        let finder = Arc::new(RwLock::new(Finder::build(&records)));
        let mut browse = Browse::new();
        let first = browse.take_request(&finder, rows).unwrap();
        browse.found(first.run(), rows);
        (finder, browse)
    }

    #[test]
    fn a_new_query_asks_for_a_screenful_and_scrolling_asks_for_more_in_place() {
        let rows = 20;
        let (finder, mut browse) = listing_1200(rows);
        assert_eq!(browse.results.ids.len(), rows);
        assert_eq!(browse.results.total, 1_200);
        let listed_first = browse.results.ids.clone();

        // The first step down asks for more, keeping the selection.
        browse.move_by(1, rows);
        let more = browse
            .take_request(&finder, rows)
            .expect("more is asked for");
        // Only once, while the longer list is on its way; moving on
        // meanwhile is not undone when it comes.
        browse.move_by(3, rows);
        assert!(browse.take_request(&finder, rows).is_none());
        let (selected, offset, id) = (browse.selected, browse.offset, browse.selected_id());
        browse.found(more.run(), rows);
        assert_eq!(browse.results.ids.len(), rows * 4);
        assert_eq!(browse.results.ids[..rows], listed_first[..]);
        assert_eq!((browse.selected, browse.offset), (selected, offset));
        assert_eq!(browse.selected_id(), id);

        // More than two screens from the end: nothing more is asked for.
        browse.move_by(30, rows);
        assert!(browse.take_request(&finder, rows).is_none());
        // Within two screens of the end: four times as many again.
        browse.move_by(10, rows);
        let more = browse.take_request(&finder, rows).expect("more again");
        browse.found(more.run(), rows);
        assert_eq!(browse.results.ids.len(), rows * 16);

        // A new query starts from a screenful again.
        browse.edit(TextEdit::Insert('a'));
        let anew = browse.take_request(&finder, rows).unwrap();
        browse.found(anew.run(), rows);
        assert_eq!(browse.results.ids.len(), rows);
        assert_eq!(browse.selected, 0);
        // A taller screen asks for the rows it shows.
        browse.list_more_if_near_the_end(2 * rows);
        let taller = browse
            .take_request(&finder, 2 * rows)
            .expect("a taller screen");
        browse.found(taller.run(), 2 * rows);
        assert!(browse.results.ids.len() >= 2 * rows);
    }

    #[test]
    fn no_more_is_asked_for_while_a_new_query_is_on_its_way() {
        let rows = 20;
        let (finder, mut browse) = listing_1200(rows);
        browse.edit(TextEdit::Insert('e'));
        let pending = browse.take_request(&finder, rows).unwrap();
        // Scrolling the old list while the new query runs asks for nothing.
        browse.move_by(240, rows);
        assert!(browse.take_request(&finder, rows).is_none());
        browse.found(pending.run(), rows);
        assert_eq!(browse.results.query.text(), "e");
        assert_eq!((browse.selected, browse.offset), (0, 0));
    }
}
