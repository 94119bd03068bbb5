//! What the browser's keys do: moving, opening, filtering, sorting, and typing the search.

use crossterm::event::KeyEvent;

use crate::app::editor::Editor;
use crate::app::input::Input;
use crate::app::keymap::Action;
use crate::app::popup::{Pending, Popup};
use crate::app::{App, Effect};
use crate::model::Persona;
use crate::store::Facet;

impl App {
    pub(in crate::app) fn browser_action(&mut self, action: Action) -> Effect {
        // Typing never waits for a search, but acting on its results does: Enter right after
        // typing opens the first match, not the row that was first before the search.
        if self.browser.pending.is_some() && acts_on_rows(action) {
            self.wait_for_search(SETTLE);
        }
        let vp = self.viewport();
        let b = &mut self.browser;
        let sel = b.selected;
        let target = match action {
            Action::Quit => return Effect::Quit,
            Action::Up => Some(sel.saturating_sub(1)),
            Action::Down => Some(sel + 1),
            Action::Top => Some(0),
            Action::Bottom => Some(b.total.saturating_sub(1)),
            Action::PageUp => Some(sel.saturating_sub(vp)),
            Action::PageDown => Some(sel + vp),
            _ => None,
        };
        if let Some(t) = target {
            if let Err(e) = self.browser.select(&self.store, t, vp) {
                self.error(e.to_string());
            }
            return Effect::None;
        }
        let mut refilter = true;
        match action {
            Action::Open => {
                refilter = false;
                if let Some(id) = self.browser.selected_summary().map(|s| s.id.clone()) {
                    match self.store.load(&id) {
                        Ok(p) => self.open_editor(p),
                        Err(e) => self.error(e.to_string()),
                    }
                }
            }
            Action::New => {
                refilter = false;
                self.editor = Some(Editor::new(Persona::new_draft()));
                self.info("New persona: type a name, then Ctrl-S to save");
            }
            Action::Duplicate => {
                refilter = false;
                if let Some(id) = self.browser.selected_summary().map(|s| s.id.clone()) {
                    match self.store.duplicate(&id) {
                        Ok(p) => {
                            let mut ed = Editor::new(p);
                            ed.original = Persona::new_draft();
                            self.editor = Some(ed);
                            self.info("Duplicated as a new draft: Ctrl-S saves it");
                        }
                        Err(e) => self.error(e.to_string()),
                    }
                }
            }
            Action::Delete => {
                refilter = false;
                if let Some(s) = self.browser.selected_summary() {
                    let pending = Pending::DeletePersona {
                        id: s.id.clone(),
                        name: s.name.clone(),
                    };
                    let question = format!(
                        "Delete \"{}\"? It moves to the trash (T), where it can be restored.",
                        s.name
                    );
                    self.popups.push(Popup::Confirm { question, pending });
                }
            }
            Action::Restore => {
                if let Some(s) = self.browser.selected_summary().cloned() {
                    match self.store.restore(&s.id) {
                        Ok(()) => self.info(format!("Restored \"{}\"", s.name)),
                        Err(e) => self.error(e.to_string()),
                    }
                }
            }
            Action::Search => {
                refilter = false;
                self.browser.searching = true;
                self.browser.search = Input::new(&self.browser.filter.text);
            }
            Action::ClearSearch => self.browser.filter.text.clear(),
            // The filter keys open a pick-list with counts; choosing refilters.
            Action::CycleArchetype
            | Action::CycleStatus
            | Action::CycleFunction
            | Action::CycleTier => {
                refilter = false;
                let facet = match action {
                    Action::CycleArchetype => Facet::Archetype,
                    Action::CycleStatus => Facet::Status,
                    Action::CycleFunction => Facet::Function,
                    _ => Facet::Tier,
                };
                self.open_facet(facet);
            }
            Action::TogglePreview => {
                refilter = false;
                self.browser.preview = Some(!self.browser.preview_shown());
                if let Err(e) = self.browser.load_preview(&self.store) {
                    self.error(e.to_string());
                }
            }
            Action::ClearFilters => {
                let deleted = self.browser.filter.deleted;
                self.browser.filter = crate::store::Filter {
                    deleted,
                    ..Default::default()
                };
            }
            Action::ReviewQueue => {
                refilter = false;
                self.show_queue();
            }
            Action::ArchetypeMap => {
                refilter = false;
                self.show_map();
            }
            Action::SwitchTenant => {
                refilter = false;
                self.switch_tenant_menu();
            }
            Action::Export => {
                refilter = false;
                let f = self.browser.filter.clone();
                let selection = if f == crate::store::Filter::default() {
                    crate::transfer::Selection::All
                } else {
                    crate::transfer::Selection::Filter(f)
                };
                self.export_prompt(selection);
            }
            Action::Import => {
                refilter = false;
                self.import_prompt();
            }
            Action::SyncScreen => {
                refilter = false;
                self.open_sync();
            }
            Action::SortNext => self.browser.next_sort(),
            Action::SortReverse => self.browser.descending = !self.browser.descending,
            Action::ToggleTrash => self.browser.filter.deleted = !self.browser.filter.deleted,
            _ => refilter = false,
        }
        if refilter {
            self.browser.selected = 0;
            self.browser.top = 0;
            // A restore changes the data; everything else here only the view of it.
            if action == Action::Restore {
                self.reload_browser();
            } else if !self.browser.filter.text.trim().is_empty() {
                self.submit_search();
            } else {
                self.refilter_browser();
            }
        }
        Effect::None
    }

    /// A key of the search line: typing narrows the list as it goes.
    pub(in crate::app) fn search_action(&mut self, action: Action, key: &KeyEvent) {
        let b = &mut self.browser;
        match action {
            Action::ClearSearch => {
                b.searching = false;
                b.search = Input::default();
            }
            Action::Done => {
                // Enter keeps the search as it stands (nothing to query again) and closes the
                // line; like the keys that act on rows, it waits for the running query, so
                // what it shows is the search's result.
                b.searching = false;
                if self.browser.pending.is_some() {
                    self.wait_for_search(SETTLE);
                }
                return;
            }
            Action::Type | Action::EditText => {
                if !b.search.key(key) {
                    return;
                }
            }
            _ => return,
        }
        self.search_changed();
    }
}

/// The longest a browser action waits for a running search before acting on the rows shown.
const SETTLE: std::time::Duration = std::time::Duration::from_secs(30);

/// Actions on the rows shown (moving, opening, deleting, exporting...), which need the search's
/// result; filter and sort changes start a new search instead.
fn acts_on_rows(action: Action) -> bool {
    matches!(
        action,
        Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown
            | Action::Open
            | Action::Duplicate
            | Action::Delete
            | Action::Restore
            | Action::Export
            | Action::TogglePreview
    )
}
