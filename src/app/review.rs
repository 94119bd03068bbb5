//! Review workflow, archetype map and tenant switching: the actions of the queue and map
//! screens and of the status-move, note and tenant popups.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::editor::Editor;
use super::keymap::Action;
use super::popup::{MenuFor, Popup, PromptFor};
use super::screens::{Dir, Screen};
use super::{App, Effect};
use crate::model::Persona;
use crate::store::StoreError;
use crate::workflow::{is_send_back, move_label};

impl App {
    /// Opens the editor on a stored persona, with its history.
    pub fn open_editor(&mut self, p: Persona) {
        let mut ed = Editor::new(p);
        self.load_editor_facts(&mut ed);
        self.editor = Some(ed);
    }

    /// The validator's name: `validated_by` holds a user id.
    pub fn load_editor_facts(&self, ed: &mut Editor) {
        ed.validated_by_name = ed
            .draft
            .text("validated_by")
            .and_then(|uid| self.store.username_of(uid).ok().flatten());
    }

    fn open_by_id(&mut self, id: &str) {
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
            }
            (Err(e), _) | (_, Err(e)) => self.error(e.to_string()),
        }
    }

    pub(super) fn queue_action(&mut self, action: Action) -> Effect {
        let n = self.queue.rows.len();
        let sel = self.queue.selected;
        let current = self
            .queue
            .rows
            .get(sel)
            .map(|s| (s.id.clone(), s.name.clone()));
        match action {
            Action::Quit => return Effect::Quit,
            Action::Back => {
                self.screen = Screen::Browser;
                self.reload_browser();
            }
            Action::Up => self.queue.selected = sel.saturating_sub(1),
            Action::Down => self.queue.selected = (sel + 1).min(n.saturating_sub(1)),
            Action::Top => self.queue.selected = 0,
            Action::Bottom => self.queue.selected = n.saturating_sub(1),
            Action::Open => {
                if let Some((id, _)) = current {
                    self.open_by_id(&id);
                }
            }
            Action::Approve => {
                if let Some((id, name)) = current {
                    match self.store.move_status(&id, "validated", None, None) {
                        // The list closes up, so the same index is the next persona.
                        Ok(_) => self.info(format!("Approved \"{name}\": validated")),
                        Err(e) => self.error(e.to_string()),
                    }
                    self.reload_queue();
                }
            }
            Action::SendBack => {
                if let Some((id, name)) = current {
                    self.popups.push(Popup::Prompt {
                        title: format!("Send \"{name}\" back to draft — note for its author"),
                        text: String::new(),
                        purpose: PromptFor::SendBackNote {
                            id,
                            to: "draft".into(),
                        },
                    });
                }
            }
            _ => {}
        }
        Effect::None
    }

    pub(super) fn map_action(&mut self, action: Action) -> Effect {
        let dir = match action {
            Action::Left => Some(Dir::Left),
            Action::Right => Some(Dir::Right),
            Action::Up => Some(Dir::Up),
            Action::Down => Some(Dir::Down),
            _ => None,
        };
        if let Some(d) = dir {
            self.map.step(d);
            return Effect::None;
        }
        match action {
            Action::Quit => return Effect::Quit,
            Action::Back => {
                self.screen = Screen::Browser;
                self.reload_browser();
            }
            Action::Open => {
                if let Some(id) = self.map.selected_point().map(|s| s.id.clone()) {
                    self.open_by_id(&id);
                }
            }
            Action::ToggleMismatched => {
                self.map.only_mismatched = !self.map.only_mismatched;
                self.map.clamp();
                if self.map.only_mismatched && self.map.visible().is_empty() {
                    self.info("No persona's archetype disagrees with its scores");
                }
            }
            Action::ToggleDistribution => self.map.show_distribution = !self.map.show_distribution,
            _ => {}
        }
        Effect::None
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
                    .map(|to| (to.to_string(), format!("{} → {to}", move_label(&from, to))))
                    .collect();
                self.popups.push(Popup::Menu {
                    title: format!("Move from {from}"),
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
                }
                if self.screen == Screen::Queue {
                    self.reload_queue();
                }
            }
            Err(StoreError::Conflict { .. }) => self.popups.push(Popup::Conflict),
            Err(e) => self.error(e.to_string()),
        }
    }

    pub(super) fn menu_key(
        &mut self,
        key: KeyEvent,
        title: String,
        items: Vec<(String, String)>,
        mut selected: usize,
        purpose: MenuFor,
    ) {
        match key.code {
            KeyCode::Esc => {}
            KeyCode::Up | KeyCode::Char('k') => {
                selected = selected.saturating_sub(1);
                self.popups.push(Popup::Menu {
                    title,
                    items,
                    selected,
                    purpose,
                });
            }
            KeyCode::Down | KeyCode::Char('j') => {
                selected = (selected + 1).min(items.len().saturating_sub(1));
                self.popups.push(Popup::Menu {
                    title,
                    items,
                    selected,
                    purpose,
                });
            }
            KeyCode::Enter => {
                let Some((code, _)) = items.get(selected).cloned() else {
                    return;
                };
                match purpose {
                    MenuFor::MoveStatus { id } => {
                        let from = self
                            .editor
                            .as_ref()
                            .and_then(|e| e.draft.text("validation_status").map(String::from))
                            .unwrap_or_default();
                        if is_send_back(&from, &code) {
                            self.popups.push(Popup::Prompt {
                                title: "Note for the author (why it goes back to draft)".into(),
                                text: String::new(),
                                purpose: PromptFor::SendBackNote { id, to: code },
                            });
                        } else {
                            self.do_move(&id, &code, None);
                        }
                    }
                    MenuFor::Tenant => match self.store.switch_tenant(&code) {
                        Ok(()) => {
                            self.editor = None;
                            self.screen = Screen::Browser;
                            self.browser = Default::default();
                            self.reload_browser();
                            self.info(format!("Tenant {code}"));
                        }
                        Err(e) => self.error(e.to_string()),
                    },
                }
            }
            _ => self.popups.push(Popup::Menu {
                title,
                items,
                selected,
                purpose,
            }),
        }
    }

    pub(super) fn prompt_key(
        &mut self,
        key: KeyEvent,
        title: String,
        mut text: String,
        purpose: PromptFor,
    ) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => self.info("Cancelled"),
            KeyCode::Enter => match purpose {
                PromptFor::ExportPath { selection } => self.export_to(&text, &selection),
                PromptFor::ImportPath => self.import_from(&text),
                PromptFor::SendBackNote { id, to } => {
                    if text.trim().is_empty() {
                        self.error("A send-back needs a note for the author");
                        self.popups.push(Popup::Prompt {
                            title,
                            text,
                            purpose: PromptFor::SendBackNote { id, to },
                        });
                    } else {
                        self.do_move(&id, &to, Some(&text));
                    }
                }
            },
            KeyCode::Backspace => {
                text.pop();
                self.popups.push(Popup::Prompt {
                    title,
                    text,
                    purpose,
                });
            }
            KeyCode::Char('u') if ctrl => self.popups.push(Popup::Prompt {
                title,
                text: String::new(),
                purpose,
            }),
            KeyCode::Char(c) if !ctrl => {
                text.push(c);
                self.popups.push(Popup::Prompt {
                    title,
                    text,
                    purpose,
                });
            }
            _ => self.popups.push(Popup::Prompt {
                title,
                text,
                purpose,
            }),
        }
    }
}
