//! Saving the draft (refused with the cursor on the first invalid field) and leaving the editor.

use super::FormKey;
use crate::app::App;
use crate::app::form::FormState;
use crate::app::popup::{After, Popup};
use crate::app::screens::Screen;
use crate::catalog::validate::slugify;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality, SECTIONS};
use crate::store::{Location, StoreError};

impl App {
    /// Ctrl-S: refuses while any field holds an invalid value (focusing it), otherwise writes
    /// the whole persona, lists included, in one transaction.
    pub fn save(&mut self) -> bool {
        let Some(ed) = self.editor.as_mut() else {
            return false;
        };
        for k in std::iter::once(FormKey::Core).chain((0..CHILD_SPECS.len()).map(FormKey::List)) {
            if let Some((i, msg)) = ed.state(k).first_error() {
                let msg = msg.to_string();
                let loc = match k {
                    FormKey::Core => Location::Core(i),
                    FormKey::List(li) => Location::List(li, ed.form_row(li), i),
                };
                self.refuse(loc, msg);
                return false;
            }
        }
        if self.ask_readiness() {
            return false;
        }
        let Some(ed) = self.editor.as_mut() else {
            return false;
        };
        let store = &self.store;
        ed.normalize(|name| {
            store
                .free_slug(&slugify(name))
                .unwrap_or_else(|_| slugify(name))
        });
        let draft = ed.draft.clone();
        match self.store.save(&draft) {
            Ok(p) => {
                let name = p.name().to_string();
                let id = p.id.clone();
                if let Some(ed) = self.editor.as_mut() {
                    ed.saved(p);
                }
                self.reload_trail();
                self.info(format!("Saved \"{name}\""));
                self.reload_browser();
                if let Some(id) = id {
                    self.select_in_browser(&id);
                }
                true
            }
            Err(StoreError::Invalid(problems)) => {
                if let Some(p) = problems.into_iter().next() {
                    self.refuse(p.location, p.message);
                }
                false
            }
            Err(StoreError::Conflict { .. }) => {
                self.popups.push(Popup::Conflict);
                false
            }
            Err(e) => {
                self.error(format!("Not saved: {e}"));
                false
            }
        }
    }

    /// Shows a refused save: the message in the status line and at the field, which gets focus.
    pub(in crate::app) fn refuse(&mut self, loc: Location, message: String) {
        let Some(ed) = self.editor.as_mut() else {
            return;
        };
        let (label, form, field) = match loc {
            Location::Core(i) => {
                ed.row_open = None;
                ed.tab = CORE_FIELDS[i].section;
                (CORE_FIELDS[i].label, FormKey::Core, i)
            }
            Location::List(li, ri, fi) => {
                ed.tab = SECTIONS.len() + li;
                if CHILD_SPECS[li].cardinality == Cardinality::Many {
                    ed.list_sel[li] = ri;
                    if ed.row_open.map(|(l, r, _)| (l, r)) != Some((li, ri)) {
                        ed.lists[li] = FormState::new(CHILD_SPECS[li].fields.len());
                    }
                    ed.row_open = Some((li, ri, false));
                }
                (CHILD_SPECS[li].fields[fi].label, FormKey::List(li), fi)
            }
        };
        ed.set_focus(form, field);
        let st = match form {
            FormKey::Core => &mut ed.core,
            FormKey::List(li) => &mut ed.lists[li],
        };
        st.errors[field] = Some(message.clone());
        self.error(format!("Not saved: {label}: {message}"));
    }

    pub(in crate::app) fn close_editor(&mut self) {
        match &self.editor {
            Some(ed) if ed.is_dirty() => self.popups.push(Popup::SaveChanges {
                after: After::CloseEditor,
            }),
            _ => {
                self.editor = None;
                self.refresh_screen();
            }
        }
    }

    /// Re-reads whatever the screen under the editor shows.
    pub fn refresh_screen(&mut self) {
        match self.screen {
            Screen::Browser => self.reload_browser(),
            Screen::Queue => self.reload_queue(),
            Screen::Map => self.reload_map(),
            Screen::Sync => self.reload_browser(),
        }
    }
}
