//! What the editor's keys do on its tabs: moving, switching tabs, editing fields, list rows.

use super::{Editor, FormKey, Tab, tab_count};
use crate::app::form::FormState;
use crate::app::keymap::Action;
use crate::app::popup::{After, Pending, Popup};
use crate::app::{App, Effect};
use crate::catalog::{CHILD_SPECS, Kind, core_index};
use crate::model::{Row, Value};

impl App {
    pub(in crate::app) fn editor_action(&mut self, action: Action) -> Effect {
        if self
            .editor
            .as_ref()
            .is_some_and(|e| e.current_tab() == Tab::History)
            && self.history_action(action)
        {
            return Effect::None;
        }
        let Some(ed) = self.editor.as_mut() else {
            return Effect::None;
        };
        let form = ed.form_key();
        match (action, form) {
            (Action::Quit, _) => {
                if ed.is_dirty() {
                    self.popups.push(Popup::SaveChanges { after: After::Quit });
                } else {
                    return Effect::Quit;
                }
            }
            (Action::Back, _) => self.close_editor(),
            (Action::Save, _) => {
                self.save();
            }
            (Action::NextTab, _) => ed.tab = (ed.tab + 1) % tab_count(),
            (Action::PrevTab, _) => ed.tab = (ed.tab + tab_count() - 1) % tab_count(),
            (Action::Up | Action::Down | Action::Top | Action::Bottom, Some(k)) => {
                let vis = ed.visible(k);
                let pos = vis.iter().position(|&i| i == ed.focus(k)).unwrap_or(0);
                let new = match action {
                    Action::Up => pos.saturating_sub(1),
                    Action::Down => (pos + 1).min(vis.len().saturating_sub(1)),
                    Action::Top => 0,
                    _ => vis.len().saturating_sub(1),
                };
                if let Some(&i) = vis.get(new) {
                    ed.set_focus(k, i);
                }
            }
            (Action::Up | Action::Down | Action::Top | Action::Bottom, None) => {
                if let Tab::List(li) = ed.current_tab() {
                    let n = ed.draft.lists[li].len();
                    let s = &mut ed.list_sel[li];
                    *s = match action {
                        Action::Up => s.saturating_sub(1),
                        Action::Down => (*s + 1).min(n.saturating_sub(1)),
                        Action::Top => 0,
                        _ => n.saturating_sub(1),
                    };
                }
            }
            (Action::Edit, Some(k)) => return self.edit_field(k),
            (Action::Edit, None) => {
                if let Tab::List(li) = ed.current_tab() {
                    if ed.draft.lists[li].is_empty() {
                        self.info("No rows yet: o adds one");
                    } else {
                        let ri = ed.list_sel[li].min(ed.draft.lists[li].len() - 1);
                        ed.lists[li] = FormState::new(CHILD_SPECS[li].fields.len());
                        ed.row_open = Some((li, ri, false));
                    }
                }
            }
            (Action::ExternalEdit, Some(k)) => {
                let i = ed.focus(k);
                let fields = Editor::fields(k);
                if matches!(fields[i].kind, Kind::Text | Kind::LongText) {
                    let text = ed
                        .values(k)
                        .map(|v| ed.state(k).text(fields, v, i))
                        .unwrap_or_default();
                    return Effect::ExternalEdit {
                        form: k,
                        field: i,
                        text,
                    };
                }
                self.info("$EDITOR edits text fields");
            }
            (Action::ClearField, Some(k)) => {
                let i = ed.focus(k);
                let fields = Editor::fields(k);
                if fields[i].is_writable() {
                    let (_, values, st) = ed.parts(k);
                    st.set_value(values, i, Value::Null);
                }
            }
            (Action::ApplyReadiness, Some(FormKey::Core)) => {
                let level = ed.draft.readiness().level;
                set_core(ed, "gen_ai_readiness_level", Value::text(level));
                self.info(format!(
                    "Gen-AI readiness set to the computed level: {}",
                    crate::catalog::labels::code(level)
                ));
            }
            (Action::ApplyServiceLayer, Some(FormKey::Core)) => {
                let layer = ed.draft.inferred_service_layer();
                set_core(ed, "preferred_service_layer", Value::text(layer));
                self.info(format!(
                    "Service layer set to the inferred one: {}",
                    crate::catalog::labels::code(layer)
                ));
            }
            (Action::AddRow, None) => {
                if let Tab::List(li) = ed.current_tab() {
                    ed.draft.lists[li].push(Row::new(&CHILD_SPECS[li]));
                    let ri = ed.draft.lists[li].len() - 1;
                    ed.list_sel[li] = ri;
                    ed.lists[li] = FormState::new(CHILD_SPECS[li].fields.len());
                    ed.row_open = Some((li, ri, true));
                }
            }
            (Action::DeleteRow, None) => {
                if let Tab::List(li) = ed.current_tab()
                    && !ed.draft.lists[li].is_empty()
                {
                    let row = ed.list_sel[li].min(ed.draft.lists[li].len() - 1);
                    let spec = &CHILD_SPECS[li];
                    let what = ed.draft.lists[li][row]
                        .get(spec, spec.summary[0])
                        .to_string();
                    self.popups.push(Popup::Confirm {
                        question: format!("Delete this row of {}? \"{}\"", spec.title, what),
                        pending: Pending::DeleteRow { list: li, row },
                    });
                }
            }
            (Action::MoveRowUp | Action::MoveRowDown, None) => {
                if let Tab::List(li) = ed.current_tab() {
                    let n = ed.draft.lists[li].len();
                    let s = ed.list_sel[li];
                    let to = if action == Action::MoveRowUp {
                        s.checked_sub(1)
                    } else {
                        Some(s + 1).filter(|t| *t < n)
                    };
                    if let Some(t) = to.filter(|_| s < n) {
                        ed.draft.lists[li].swap(s, t);
                        ed.list_sel[li] = t;
                    }
                }
            }
            (Action::CloseRow, _) => self.close_row(),
            // From the palette a number key has no number: the overview lets one be picked.
            (Action::TabOverview | Action::TabByNumber, _) => self.open_tab_overview(),
            (Action::ToggleSidebar, _) => self.toggle_sidebar(),
            (Action::Undo, _) if !ed.undo() => self.info("Nothing to undo"),
            (Action::Redo, _) if !ed.redo() => self.info("Nothing to redo"),
            (Action::MoveStatus, _) => self.move_status_menu(),
            (Action::Export, _) => match ed
                .draft
                .id
                .is_some()
                .then(|| ed.original.slug().to_string())
            {
                Some(slug) => self.export_prompt(crate::transfer::Selection::Slugs(vec![slug])),
                None => self.error("Save the new persona first (Ctrl-S), then export it"),
            },
            _ => {}
        }
        Effect::None
    }
}

fn set_core(ed: &mut Editor, name: &str, v: Value) {
    if let Some(i) = core_index(name) {
        let (_, values, st) = ed.parts(FormKey::Core);
        st.set_value(values, i, v);
    }
}
