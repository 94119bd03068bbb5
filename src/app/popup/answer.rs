//! The answers of popups that reach beyond the popup: confirmations, the save and conflict
//! questions, pick-lists, prompts, menus, recovery and the long-text box.

use super::{After, MenuFor, Pending, Popup, PromptFor};
use crate::app::keymap::Action;
use crate::app::screens::Screen;
use crate::app::{App, Effect};
use crate::model::Value;

impl App {
    /// Carries out the answer `action` of the top popup.
    pub(crate) fn answer(&mut self, action: Action) -> Effect {
        match self.popups.last() {
            Some(Popup::Recover { .. }) => {
                self.recover_answer(action);
                return Effect::None;
            }
            // A send-back without a note is refused and the box stays, text and all.
            Some(Popup::Note {
                area,
                required: true,
                ..
            }) if action == Action::Accept && area.lines().join("").trim().is_empty() => {
                self.error("A send-back needs a note for the author");
                return Effect::None;
            }
            _ => {}
        }
        let Some(popup) = self.popups.pop() else {
            return Effect::None;
        };
        match (popup, action) {
            (
                Popup::Palette {
                    mode,
                    filter,
                    selected,
                },
                Action::Accept,
            ) => {
                let actions = crate::app::palette_matches(mode, filter.text());
                if let Some(&a) = actions.get(selected) {
                    return self.perform(a);
                }
            }
            (Popup::Confirm { pending, .. }, Action::Yes) => self.confirmed(pending),
            // A refused save leaves the editor open on the problem, its message shown.
            (Popup::SaveChanges { after }, Action::Save) => {
                return match self.save() {
                    true => self.after(after),
                    false => Effect::None,
                };
            }
            (Popup::SaveChanges { after }, Action::Discard) => return self.after(after),
            (Popup::Conflict, Action::Reload) => {
                if let Some(id) = self.editor.as_ref().and_then(|e| e.draft.id.clone()) {
                    match self.store.load(&id) {
                        Ok(p) => {
                            self.open_editor(p);
                            self.info("Reloaded the stored version");
                        }
                        Err(e) => self.error(e.to_string()),
                    }
                }
            }
            (Popup::Conflict, Action::Overwrite) => self.overwrite(),
            (Popup::Conflict, _) => self.info("Not saved; your edits are kept"),
            (p @ Popup::Choose { .. }, Action::Accept) => self.chosen(p),
            (Popup::Tabs { selected }, Action::Accept) => self.tab_chosen(selected),
            (
                Popup::Text {
                    form, field, area, ..
                },
                Action::Done | Action::Save,
            ) => {
                self.external_edit_done(form, field, area.lines().join("\n"));
                if action == Action::Save {
                    self.save();
                }
            }
            (Popup::Prompt { input, purpose, .. }, Action::Accept) => match purpose {
                PromptFor::ExportPath { selection } => self.export_to(input.text(), &selection),
                PromptFor::ImportPath => self.import_from(input.text()),
            },
            (Popup::Prompt { .. }, _) => self.info("Cancelled"),
            (Popup::Note { area, id, to, .. }, Action::Accept) => {
                let note = area.lines().join("\n");
                self.do_move(&id, &to, Some(note.trim_end()));
            }
            (
                Popup::Menu {
                    items,
                    selected,
                    purpose,
                    ..
                },
                Action::Accept,
            ) => {
                if let Some((code, _)) = items.get(selected).cloned() {
                    self.menu_chosen(purpose, code);
                }
            }
            // Any other pair: the popup had nothing more to do than close.
            _ => {}
        }
        Effect::None
    }

    fn overwrite(&mut self) {
        let Some(draft) = self.editor.as_ref().map(|e| e.draft.clone()) else {
            return;
        };
        match self.store.save_overwriting(&draft) {
            Ok(p) => {
                if let Some(ed) = self.editor.as_mut() {
                    ed.saved(p);
                }
                self.info("Saved over the other version");
                self.reload_browser();
            }
            Err(e) => self.error(format!("Not saved: {e}")),
        }
    }

    /// A pick-list's choice: the highlighted option, or the typed text as a new entry.
    fn chosen(&mut self, p: Popup) {
        let choices = p.choices();
        let Popup::Choose {
            form,
            field,
            options,
            filter,
            selected,
            ..
        } = p
        else {
            return;
        };
        let value = match choices.get(selected) {
            Some(Some(i)) => options[*i].0.clone(),
            Some(None) => filter.text().trim().to_string(),
            None => return,
        };
        if let Some(ed) = self.editor.as_mut() {
            let (_, values, st) = ed.parts(form);
            let v = if value.is_empty() {
                Value::Null
            } else {
                Value::Text(value)
            };
            st.set_value(values, field, v);
        }
    }

    fn menu_chosen(&mut self, purpose: MenuFor, code: String) {
        match purpose {
            MenuFor::MoveStatus { id } => {
                let from = self
                    .editor
                    .as_ref()
                    .and_then(|e| e.draft.text("validation_status").map(String::from))
                    .unwrap_or_default();
                let name = self
                    .editor
                    .as_ref()
                    .map(|e| e.draft.name().to_string())
                    .unwrap_or_default();
                self.ask_note(id, &name, &from, &code);
            }
            MenuFor::ExportFormat => self.export_format_chosen(&code),
            MenuFor::Readiness => self.readiness_chosen(&code),
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
            MenuFor::Facet(facet) => self.facet_chosen(facet, code),
        }
    }

    fn confirmed(&mut self, pending: Pending) {
        match pending {
            Pending::DeletePersona { id, name } => {
                match self.store.soft_delete(&id) {
                    Ok(()) => self.info(format!(
                        "\"{name}\" moved to the trash (T to see it, r to restore)"
                    )),
                    Err(e) => self.error(e.to_string()),
                }
                self.reload_browser();
            }
            Pending::ApplyImport => self.apply_pending_import(),
            Pending::ReplaceExport => self.export_replace_confirmed(),
            Pending::DeleteRow { list, row } => {
                if let Some(ed) = self.editor.as_mut()
                    && row < ed.draft.lists[list].len()
                {
                    ed.draft.lists[list].remove(row);
                    ed.list_sel[list] =
                        ed.list_sel[list].min(ed.draft.lists[list].len().saturating_sub(1));
                    self.info("Row deleted (Ctrl-S saves, leaving without saving brings it back)");
                }
            }
        }
    }

    fn after(&mut self, after: After) -> Effect {
        match after {
            After::Quit => Effect::Quit,
            After::CloseEditor => {
                self.editor = None;
                self.refresh_screen();
                Effect::None
            }
        }
    }

    /// The recovery popup: r restores the highlighted edits (and removes their file), d
    /// discards them, Esc leaves them all for next time. The popup stays while items remain.
    fn recover_answer(&mut self, action: Action) {
        let Some(Popup::Recover { items, selected }) = self.popups.last_mut() else {
            return;
        };
        if action == Action::Close {
            self.popups.pop();
            self.info("Recovered edits kept for next time");
            return;
        }
        if *selected >= items.len() {
            return;
        }
        let (path, r) = items.remove(*selected);
        let failed = match action {
            Action::Discard => {
                let _ = std::fs::remove_file(&path);
                self.info(format!("Discarded recovered edits of \"{}\"", r.name));
                None
            }
            Action::Restore => match self.restore_recovery(&r) {
                Ok(()) => {
                    let _ = std::fs::remove_file(&path);
                    self.info(format!(
                        "Restored unsaved edits of \"{}\": Ctrl-S saves them",
                        r.name
                    ));
                    // The editor is open now: the other files wait for next time.
                    self.popups.retain(|p| !matches!(p, Popup::Recover { .. }));
                    return;
                }
                Err(e) => {
                    self.error(format!("Could not restore \"{}\": {e}", r.name));
                    Some((path, r))
                }
            },
            _ => Some((path, r)),
        };
        if let Some(Popup::Recover { items, selected }) = self.popups.last_mut() {
            if let Some(back) = failed {
                items.insert(*selected, back);
            }
            if items.is_empty() {
                self.popups.pop();
            } else {
                *selected = (*selected).min(items.len() - 1);
            }
        }
    }
}
