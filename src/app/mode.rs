//! The one value that says what the keyboard is doing now. `App::mode` computes it from the
//! state in one place, so the key path, the hint bar, `?` help and the `:` palette all ask the
//! same question and get the same answer.

use super::App;
use super::editor::Tab;
use super::popup::Popup;
use super::screens::Screen;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The persona list.
    Browser,
    /// The persona list showing deleted personas.
    Trash,
    /// Typing the browser's search text.
    Search,
    /// The editor on a form tab (core sections, one-row lists), moving between fields.
    Form,
    /// Typing into a single-line field of a form.
    Typing,
    /// The editor on a many-row list tab.
    List,
    /// The row form of a list, moving between fields.
    RowForm,
    /// The editor's read-only History tab.
    History,
    Queue,
    Map,
    Help,
    Palette,
    Confirm,
    SaveChanges,
    Conflict,
    /// A pick-list with nothing typed: j/k move.
    Pick,
    /// A pick-list being filtered (or one that accepts new entries): every letter types.
    PickFilter,
    /// The long-text box.
    TextBox,
    Message,
    Recover,
    Prompt,
    Menu,
    /// The editor's tab overview: a letter or Enter goes to a tab.
    TabPick,
    /// The note of a status move (multi-line), which also confirms the move.
    Note,
    /// What changed between two versions of a persona.
    Diff,
    /// The archetype screens' distribution table (the map's other view).
    Distribution,
    /// The team library's sync screen: progress, results, the conflict list.
    Sync,
    /// A conflict side by side (base | mine | theirs), choosing a side per part.
    SyncResolve,
    /// Typing the remote's password (masked, kept for this session only).
    SyncPassword,
}

impl Mode {
    pub const ALL: &[Mode] = &[
        Mode::Browser,
        Mode::Trash,
        Mode::Search,
        Mode::Form,
        Mode::Typing,
        Mode::List,
        Mode::RowForm,
        Mode::History,
        Mode::Queue,
        Mode::Map,
        Mode::Help,
        Mode::Palette,
        Mode::Confirm,
        Mode::SaveChanges,
        Mode::Conflict,
        Mode::Pick,
        Mode::PickFilter,
        Mode::TextBox,
        Mode::Message,
        Mode::Recover,
        Mode::Prompt,
        Mode::Menu,
        Mode::TabPick,
        Mode::Note,
        Mode::Diff,
        Mode::Distribution,
        Mode::Sync,
        Mode::SyncResolve,
        Mode::SyncPassword,
    ];

    /// A screen (not a popup and not text entry): the global keys (help, palette, Ctrl-C)
    /// apply only here, so `?` and `:` can be typed everywhere else.
    pub fn is_screen(self) -> bool {
        matches!(
            self,
            Mode::Browser
                | Mode::Trash
                | Mode::Form
                | Mode::List
                | Mode::RowForm
                | Mode::History
                | Mode::Queue
                | Mode::Map
                | Mode::Distribution
                | Mode::Sync
                | Mode::SyncResolve
        )
    }

    /// How help names the mode.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Browser => "Personas",
            Mode::Trash => "Trash",
            Mode::Search => "Search",
            Mode::Form => "Editor, form",
            Mode::Typing => "Typing in a field",
            Mode::List => "Editor, list",
            Mode::RowForm => "Row form",
            Mode::History => "Editor, history",
            Mode::Queue => "Review queue",
            Mode::Map => "Archetype map",
            Mode::Help => "Help",
            Mode::Palette => "Commands",
            Mode::Confirm => "Confirm",
            Mode::SaveChanges => "Save changes?",
            Mode::Conflict => "Changed elsewhere",
            Mode::Pick => "Pick-list",
            Mode::PickFilter => "Pick-list, filtering",
            Mode::TextBox => "Long text",
            Mode::Message => "Message",
            Mode::Recover => "Recover edits",
            Mode::Prompt => "Prompt",
            Mode::Menu => "Menu",
            Mode::TabPick => "Go to tab",
            Mode::Note => "Move with a note",
            Mode::Diff => "What changed",
            Mode::Distribution => "Archetype distribution",
            Mode::Sync => "Team library sync",
            Mode::SyncResolve => "Conflict, side by side",
            Mode::SyncPassword => "Remote password",
        }
    }
}

impl Popup {
    pub fn mode(&self) -> Mode {
        match self {
            Popup::Help { .. } => Mode::Help,
            Popup::Palette { .. } => Mode::Palette,
            Popup::Confirm { .. } => Mode::Confirm,
            Popup::SaveChanges { .. } => Mode::SaveChanges,
            Popup::Conflict => Mode::Conflict,
            Popup::Choose {
                filter, allow_new, ..
            } if filter.is_empty() && !allow_new => Mode::Pick,
            Popup::Choose { .. } => Mode::PickFilter,
            Popup::Text { .. } => Mode::TextBox,
            Popup::Message { .. } => Mode::Message,
            Popup::Recover { .. } => Mode::Recover,
            Popup::Prompt { .. } => Mode::Prompt,
            Popup::Menu { .. } => Mode::Menu,
            Popup::Tabs { .. } => Mode::TabPick,
            Popup::Note { .. } => Mode::Note,
            Popup::Diff { .. } => Mode::Diff,
        }
    }
}

impl App {
    /// What the keyboard is doing now: the top popup, else text entry, else the screen.
    pub fn mode(&self) -> Mode {
        if let Some(p) = self.popups.last() {
            return p.mode();
        }
        match &self.editor {
            Some(ed) if ed.form_key().is_some_and(|k| ed.state(k).editing()) => Mode::Typing,
            Some(ed) if ed.row_open.is_some() => Mode::RowForm,
            Some(ed) => match (ed.current_tab(), ed.form_key()) {
                (Tab::History, _) => Mode::History,
                (Tab::List(_), None) => Mode::List,
                _ => Mode::Form,
            },
            None => match self.screen {
                Screen::Queue => Mode::Queue,
                Screen::Map if self.map.show_distribution => Mode::Distribution,
                Screen::Map => Mode::Map,
                Screen::Browser if self.browser.searching => Mode::Search,
                Screen::Browser if self.browser.filter.deleted => Mode::Trash,
                Screen::Browser => Mode::Browser,
                Screen::Sync => self.sync.mode(),
            },
        }
    }
}
