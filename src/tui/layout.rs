//! Where things go on screen, as pure functions of the terminal's size.
//! Rendering draws into these areas, and `update` uses the same ones to turn
//! a mouse click into a row and to keep the selection in view.

use ratatui::layout::{Constraint, Layout, Rect};

/// From this width on, the selected record is previewed beside the list.
pub const WIDE: u16 = 110;

/// The main screen's areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MainAreas {
    /// The search line.
    pub search: Rect,
    /// The list, or the detail or form that replaces it, with its title rule.
    pub body: Rect,
    /// The rows of the list (the body less its title rule).
    pub list: Rect,
    /// The preview of the selected record, on wide terminals.
    pub preview: Option<Rect>,
    pub status: Rect,
    pub footer: Rect,
}

pub fn main_areas(area: Rect) -> MainAreas {
    let [search, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let (list_block, preview) = if area.width >= WIDE {
        let [list, preview] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(body);
        (list, Some(preview))
    } else {
        (body, None)
    };
    let list = Rect {
        y: list_block.y.saturating_add(1),
        height: list_block.height.saturating_sub(1),
        ..list_block
    };
    MainAreas {
        search,
        body,
        list,
        preview,
        status,
        footer,
    }
}

/// How many rows of the list, of a detail or of a form fit on screen.
pub fn body_rows(area: Rect) -> usize {
    usize::from(main_areas(area).list.height.max(1))
}
