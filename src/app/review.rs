//! Review workflow and tenant switching: opening personas from the queue and map, loading
//! those screens, the status-move and tenant menus, and the move itself.

use super::App;
use super::editor::Editor;
use super::popup::{MenuFor, Popup};
use super::screens::Screen;
use crate::catalog::labels;
use crate::model::Persona;
use crate::store::StoreError;
use crate::workflow::move_label;

impl App {
    /// Opens the editor on a stored persona, with its history.
    pub fn open_editor(&mut self, p: Persona) {
        let mut ed = Editor::new(p);
        self.load_editor_facts(&mut ed);
        self.editor = Some(ed);
        self.reload_trail();
    }

    /// The validator's name: `validated_by` holds a user id.
    pub fn load_editor_facts(&self, ed: &mut Editor) {
        ed.validated_by_name = ed
            .draft
            .text("validated_by")
            .and_then(|uid| self.store.username_of(uid).ok().flatten());
    }

    pub(super) fn open_by_id(&mut self, id: &str) {
        match self.store.load(id) {
            Ok(p) => self.open_editor(p),
            Err(e) => self.error(e.to_string()),
        }
    }

    pub fn show_queue(&mut self) {
        self.screen = Screen::Queue;
        self.reload_queue();
    }

    pub fn reload_queue(&mut self) {
        match self.store.review_queue() {
            Ok(rows) => {
                self.queue.facts = self
                    .store
                    .queue_facts()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|f| (f.persona_id.clone(), f))
                    .collect();
                self.queue.rows = rows;
                self.queue.selected = self
                    .queue
                    .selected
                    .min(self.queue.rows.len().saturating_sub(1));
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    pub fn show_map(&mut self) {
        self.screen = Screen::Map;
        self.reload_map();
    }

    pub fn reload_map(&mut self) {
        let points = self.store.map_points();
        let dist = self.store.distribution();
        match (points, dist) {
            (Ok(p), Ok(d)) => {
                self.map.points = p;
                self.map.distribution = d;
                self.map.clamp();
                self.map.dist_selected = self
                    .map
                    .dist_selected
                    .min(self.map.distribution.len().saturating_sub(1));
                match self.store.count(&crate::store::Filter::default()) {
                    Ok(n) => self.map.live = n,
                    Err(e) => self.error(e.to_string()),
                }
            }
            (Err(e), _) | (_, Err(e)) => self.error(e.to_string()),
        }
    }

    /// `m` in the editor: the moves allowed from the persona's status. Unsaved edits must be
    /// saved first, so a move never carries half-finished content into review.
    pub(super) fn move_status_menu(&mut self) {
        let Some(ed) = self.editor.as_ref() else {
            return;
        };
        let Some(id) = ed.draft.id.clone() else {
            self.error("Save the new persona first (Ctrl-S), then move its status");
            return;
        };
        if ed.is_dirty() {
            self.error("Save your changes first (Ctrl-S), then move the status");
            return;
        }
        let from = ed
            .draft
            .text("validation_status")
            .unwrap_or("draft")
            .to_string();
        match self.store.moves_for(&id) {
            Ok(moves) => {
                let items = moves
                    .iter()
                    .map(|to| {
                        (
                            to.to_string(),
                            format!("{} → {}", move_label(&from, to), labels::code(to)),
                        )
                    })
                    .collect();
                self.popups.push(Popup::Menu {
                    title: format!("Move from {}", labels::code(&from)),
                    items,
                    selected: 0,
                    purpose: MenuFor::MoveStatus { id },
                });
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    pub(super) fn switch_tenant_menu(&mut self) {
        match self.store.tenants() {
            Ok(all) => {
                let current = self.store.tenant().key.clone();
                let selected = all.iter().position(|t| t.key == current).unwrap_or(0);
                let items = all
                    .into_iter()
                    .map(|t| (t.key.clone(), format!("{}  ({})", t.name, t.key)))
                    .collect();
                self.popups.push(Popup::Menu {
                    title: "Switch tenant".into(),
                    items,
                    selected,
                    purpose: MenuFor::Tenant,
                });
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Runs a status move chosen in the editor or the queue, then refreshes what shows it.
    pub fn do_move(&mut self, id: &str, to: &str, note: Option<&str>) {
        let expected = self
            .editor
            .as_ref()
            .filter(|e| e.draft.id.as_deref() == Some(id))
            .map(|e| e.draft.version);
        match self.store.move_status(id, to, note, expected) {
            Ok(_) => {
                self.info(format!("Moved to {to}"));
                if let Some(ed) = self
                    .editor
                    .as_mut()
                    .filter(|e| e.draft.id.as_deref() == Some(id))
                    && let Ok(p) = self.store.load(id)
                {
                    let tab = ed.tab;
                    ed.saved(p);
                    ed.tab = tab;
                    ed.validated_by_name = ed
                        .draft
                        .text("validated_by")
                        .and_then(|u| self.store.username_of(u).ok().flatten());
                    self.reload_trail();
                }
                if self.screen == Screen::Queue {
                    self.reload_queue();
                }
            }
            Err(StoreError::Conflict { .. }) => self.popups.push(Popup::Conflict),
            Err(e) => self.error(e.to_string()),
        }
    }
}
