//! Editing one field: how Enter opens it (typing, a pick-list, the long-text box, a toggle),
//! the keys and pastes while typing, and closing a list's row form.

use crossterm::event::KeyEvent;
use ratatui_textarea::{TextArea, WrapMode};

use super::{Editor, FormKey};
use crate::app::form::{EditStyle, cycle_bool, edit_style};
use crate::app::keymap::Action;
use crate::app::popup::Popup;
use crate::app::{App, Effect};
use crate::catalog::labels;
use crate::catalog::{CHILD_SPECS, Kind};
use crate::model::Row;

impl App {
    pub(super) fn edit_field(&mut self, k: FormKey) -> Effect {
        let lookups = self.store.lookups().clone();
        let Some(ed) = self.editor.as_mut() else {
            return Effect::None;
        };
        let i = ed.focus(k);
        let fields = Editor::fields(k);
        let f = &fields[i];
        // The status changes only through the review workflow, never as a free choice.
        if k == FormKey::Core && f.name == "validation_status" {
            self.move_status_menu();
            return Effect::None;
        }
        match edit_style(f.kind) {
            EditStyle::Inline => {
                let (fields, values, st) = ed.parts(k);
                st.begin_edit(fields, values, i);
            }
            EditStyle::Toggle => {
                let (_, values, st) = ed.parts(k);
                let v = cycle_bool(&values[i]);
                st.set_value(values, i, v);
            }
            EditStyle::ReadOnly => self.info(format!("{} is computed and read-only", f.label)),
            EditStyle::TextArea => {
                let text = ed
                    .values(k)
                    .map(|v| ed.state(k).text(fields, v, i))
                    .unwrap_or_default();
                let mut area = TextArea::new(text.split('\n').map(String::from).collect());
                area.set_wrap_mode(WrapMode::Word);
                area.move_cursor(ratatui_textarea::CursorMove::Bottom);
                area.move_cursor(ratatui_textarea::CursorMove::End);
                self.popups.push(Popup::Text {
                    form: k,
                    field: i,
                    title: f.label.to_string(),
                    area: Box::new(area),
                });
            }
            EditStyle::Menu => {
                let mut options: Vec<(String, String)> = Vec::new();
                if !f.required {
                    options.push((String::new(), "(none)".into()));
                }
                let allow_new = matches!(f.kind, Kind::Org(_));
                match f.kind {
                    Kind::Choice(list) => {
                        options.extend(list.iter().map(|c| (c.to_string(), labels::code(c))))
                    }
                    Kind::Lookup(t) => options.extend(
                        lookups
                            .tables
                            .get(t)
                            .into_iter()
                            .flatten()
                            .map(|(c, d)| (c.clone(), d.clone())),
                    ),
                    Kind::Org(kind) => {
                        // A failed read leaves the picker with only "add new": still usable.
                        let names = self.store.org_names(kind).unwrap_or_default();
                        options.extend(names.into_iter().map(|n| (n.clone(), n)));
                    }
                    _ => {}
                }
                let current = ed.values(k).map(|v| v[i].to_string()).unwrap_or_default();
                let selected = options.iter().position(|(c, _)| *c == current).unwrap_or(0);
                let title = if allow_new {
                    format!("{} (type to filter or add)", f.label)
                } else {
                    f.label.to_string()
                };
                self.popups.push(Popup::Choose {
                    form: k,
                    field: i,
                    title,
                    options,
                    filter: Default::default(),
                    selected,
                    allow_new,
                });
            }
        }
        Effect::None
    }

    /// An action while a single-line field is being typed into.
    pub(in crate::app) fn typing_action(&mut self, action: Action, key: &KeyEvent) {
        let lookups = self.store.lookups().clone();
        let Some(ed) = self.editor.as_mut() else {
            return;
        };
        let Some(k) = ed.form_key() else { return };
        let (fields, values, st) = ed.parts(k);
        match action {
            Action::Type | Action::EditText => {
                st.edit(fields, values, &lookups, |input| input.key(key));
            }
            Action::Done => st.end_edit(),
            Action::Cancel => st.cancel_edit(values),
            // Keying a column of values: the field is committed (a step of its own for undo)
            // and typing goes on in the field above or below, when that one takes typing.
            Action::Up | Action::Down => {
                st.end_edit();
                ed.checkpoint();
                self.editor_action(action);
                self.continue_typing();
            }
            Action::Undo | Action::Redo => {
                st.end_edit();
                self.editor_action(action);
            }
            Action::Save => {
                st.end_edit();
                self.save();
            }
            _ => {}
        }
    }

    /// Starts typing in the focused field if it is a writable single-line field.
    fn continue_typing(&mut self) {
        let Some(ed) = self.editor.as_mut() else {
            return;
        };
        let Some(k) = ed.form_key() else { return };
        let i = ed.focus(k);
        let f = &Editor::fields(k)[i];
        if f.is_writable() && edit_style(f.kind) == EditStyle::Inline {
            let (fields, values, st) = ed.parts(k);
            st.begin_edit(fields, values, i);
        }
    }

    /// Whether the focused field is one that text is typed into (inline or the long-text box).
    pub(in crate::app) fn focused_takes_text(&self) -> bool {
        let Some(ed) = self.editor.as_ref() else {
            return false;
        };
        let Some(k) = ed.form_key() else { return false };
        let f = &Editor::fields(k)[ed.focus(k)];
        f.is_writable() && matches!(edit_style(f.kind), EditStyle::Inline | EditStyle::TextArea)
    }

    /// Pasted text into the field being typed into, as one edit.
    pub(in crate::app) fn paste_into_field(&mut self, text: &str) {
        let lookups = self.store.lookups().clone();
        if let Some(ed) = self.editor.as_mut()
            && let Some(k) = ed.form_key()
        {
            let (fields, values, st) = ed.parts(k);
            st.edit(fields, values, &lookups, |input| input.paste(text));
        }
    }

    pub(super) fn close_row(&mut self) {
        let Some(ed) = self.editor.as_mut() else {
            return;
        };
        let Some((li, ri, is_new)) = ed.row_open else {
            return;
        };
        if let Some((i, msg)) = ed.lists[li].first_error() {
            let label = CHILD_SPECS[li].fields[i].label;
            let msg = msg.to_string();
            ed.lists[li].focus = i;
            self.error(format!("{label}: {msg} — fix it or clear it (x) first"));
            return;
        }
        let untouched = ed.draft.lists[li]
            .get(ri)
            .is_some_and(|r| r.values == Row::new(&CHILD_SPECS[li]).values);
        if is_new && untouched {
            ed.draft.lists[li].remove(ri);
            ed.list_sel[li] = ed.list_sel[li].min(ed.draft.lists[li].len().saturating_sub(1));
        }
        ed.row_open = None;
    }

    pub fn external_edit_done(&mut self, form: FormKey, field: usize, text: String) {
        let lookups = self.store.lookups().clone();
        if let Some(ed) = self.editor.as_mut() {
            let (fields, values, st) = ed.parts(form);
            let text = if fields[field].is_multiline() {
                text.trim_end_matches('\n').to_string()
            } else {
                text.trim().to_string()
            };
            st.set_text(fields, values, &lookups, field, text);
            ed.checkpoint();
        }
    }
}
