//! Application state and everything that changes it. Keys and pastes enter through
//! `dispatch.rs` (mode → keymap → action), and each action is carried out beside the state it
//! changes: `browser/`, `editor/`, `screens.rs`, `popup/`. Driven by events, so tests run it
//! without a terminal.

pub mod browser;
mod dispatch;
pub mod editor;
pub mod form;
pub mod input;
pub mod keymap;
pub mod mode;
pub mod popup;
mod review;
pub mod screens;
pub mod sync;
pub mod trail;
mod transfer;

pub use dispatch::palette_matches;
pub use mode::Mode;

use browser::Browser;
use editor::{Editor, FormKey};
use popup::Popup;

use crate::store::Store;

/// Work the terminal loop does for the app.
#[derive(Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Open `text` in `$EDITOR` and hand the result to `App::external_edit_done`.
    ExternalEdit {
        form: FormKey,
        field: usize,
        text: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub store: Store,
    /// The screen under the editor (the editor, when open, is drawn over it).
    pub screen: screens::Screen,
    pub browser: Browser,
    pub queue: screens::Queue,
    pub map: screens::Map,
    pub editor: Option<Editor>,
    /// Top popup gets keys first and is drawn last.
    pub popups: Vec<Popup>,
    pub status: Option<Status>,
    /// Terminal size (columns, rows), from the loop's resize events.
    pub size: (u16, u16),
    /// A checked import waiting for the user's yes.
    pub pending_import: Option<crate::transfer::ImportPlan>,
    /// The editor's sidebar shown (true) or hidden (false) by the user; None follows the
    /// width (`editor::sidebar::SIDEBAR_MIN_WIDTH`).
    pub sidebar: Option<bool>,
    /// An export waiting for its format or a yes to replace the file.
    pub(crate) pending_export: Option<transfer::PendingExport>,
    /// The team library's sync screen and its background job.
    pub sync: sync::SyncScreen,
}

/// Rows of the browser table that fit a terminal of `height` rows: title, chips, table
/// header, borders, status and hint lines take 7.
pub fn browser_viewport(height: u16) -> usize {
    usize::from(height.saturating_sub(7)).max(1)
}

impl App {
    pub fn new(store: Store, size: (u16, u16)) -> App {
        let mut app = App {
            store,
            screen: screens::Screen::Browser,
            browser: Browser::default(),
            queue: screens::Queue::default(),
            map: screens::Map::default(),
            editor: None,
            popups: Vec::new(),
            status: None,
            size,
            pending_import: None,
            sidebar: None,
            pending_export: None,
            sync: sync::SyncScreen::default(),
        };
        app.reload_browser();
        app
    }

    pub fn viewport(&self) -> usize {
        browser_viewport(self.size.1)
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    /// After a filter, sort or search change (the data is the same).
    pub fn refilter_browser(&mut self) {
        let vp = self.viewport();
        if let Err(e) = self.browser.refilter(&self.store, vp) {
            self.error(e.to_string());
        }
    }

    /// After the data changed (save, delete, restore, import, tenant switch).
    pub fn reload_browser(&mut self) {
        self.browser.wide = self.size.0 >= browser::PREVIEW_MIN_WIDTH;
        let vp = self.viewport();
        if let Err(e) = self.browser.reload(&self.store, vp) {
            self.error(e.to_string());
        }
    }

    pub fn on_resize(&mut self, cols: u16, rows: u16) {
        self.size = (cols, rows);
        self.browser.wide = cols >= browser::PREVIEW_MIN_WIDTH;
        let vp = self.viewport();
        let sel = self.browser.selected;
        if let Err(e) = self.browser.select(&self.store, sel, vp) {
            self.error(e.to_string());
        }
    }

    /// How often the terminal loop should wake without an event: `Some` while background work
    /// (a search, a sync) may have results to show, None to block until the next event.
    /// Each background job adds its own condition here.
    pub fn tick_interval(&self) -> Option<std::time::Duration> {
        if self.sync.running() {
            return Some(sync::TICK);
        }
        self.search_tick_interval()
    }

    /// Called by the terminal loop when `tick_interval` elapsed with no event: takes in what
    /// background work has finished so the next draw shows it. Each job adds its own step.
    pub fn tick(&mut self) {
        self.search_tick();
        self.sync_tick();
    }

    pub fn editing_persona_name(&self) -> Option<&str> {
        self.editor.as_ref().map(|e| e.draft.name())
    }
}
