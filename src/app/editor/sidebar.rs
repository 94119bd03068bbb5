//! Whether the editor shows its live sidebar: the user's choice (`b`, or the palette), else
//! the width. Below `SIDEBAR_MIN_WIDTH` columns it starts hidden, as the form needs the room.

use crate::app::App;

/// The narrowest terminal that shows the sidebar unless the user asks for it.
pub const SIDEBAR_MIN_WIDTH: u16 = 100;

impl App {
    /// True when the editor draws the sidebar at the current width.
    pub fn sidebar_shown(&self) -> bool {
        self.sidebar.unwrap_or(self.size.0 >= SIDEBAR_MIN_WIDTH)
    }

    /// Flips what is shown now and keeps that choice for the rest of the session.
    pub(in crate::app) fn toggle_sidebar(&mut self) {
        let shown = !self.sidebar_shown();
        self.sidebar = Some(shown);
        self.info(if shown {
            "Sidebar shown (b hides it)"
        } else {
            "Sidebar hidden (b shows it)"
        });
    }
}
