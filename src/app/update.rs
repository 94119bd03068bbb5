//! What each action does. Every state change of the app happens in this file or in the small
//! state types it calls.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{TextArea, WrapMode};

use super::editor::{Editor, FormKey, Tab, tab_count};
use super::form::{EditStyle, cycle_bool, edit_style};
use super::keymap::{Action, bindings_for};
use super::popup::{After, Pending, Popup};
use super::{App, Effect};
use crate::catalog::enums::humanize;
use crate::catalog::validate::slugify;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality, Kind, SECTIONS, core_index};
use crate::model::{Persona, Row, Value};
use crate::store::{Location, StoreError};

impl App {
    pub fn perform(&mut self, action: Action) -> Effect {
        if self.editor.is_some() {
            return self.editor_action(action);
        }
        if let Some(e) = self.common(action) {
            return e;
        }
        match self.screen {
            super::screens::Screen::Browser => self.browser_action(action),
            super::screens::Screen::Queue => self.queue_action(action),
            super::screens::Screen::Map => self.map_action(action),
        }
    }

    fn common(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Help => self.popups.push(Popup::Help {
                ctx: self.ctx(),
                scroll: 0,
            }),
            Action::Palette => self.popups.push(Popup::Palette {
                ctx: self.ctx(),
                filter: String::new(),
                selected: 0,
            }),
            _ => return None,
        }
        Some(Effect::None)
    }

    fn browser_action(&mut self, action: Action) -> Effect {
        if let Some(e) = self.common(action) {
            return e;
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
            }
            Action::ClearSearch => self.browser.filter.text.clear(),
            Action::CycleArchetype => self.browser.cycle_archetype(),
            Action::CycleStatus => self.browser.cycle_status(),
            Action::CycleFunction => self.browser.cycle_function(),
            Action::CycleTier => self.browser.cycle_tier(),
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
            } else {
                self.refilter_browser();
            }
        }
        Effect::None
    }

    pub(super) fn search_key(&mut self, key: KeyEvent) {
        let b = &mut self.browser;
        match key.code {
            KeyCode::Esc => {
                b.searching = false;
                b.filter.text.clear();
            }
            KeyCode::Enter | KeyCode::Down | KeyCode::Up => b.searching = false,
            KeyCode::Backspace => {
                b.filter.text.pop();
            }
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                b.filter.text.clear()
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                b.filter.text.push(c)
            }
            _ => return,
        }
        self.browser.selected = 0;
        self.browser.top = 0;
        self.refilter_browser();
    }

    fn editor_action(&mut self, action: Action) -> Effect {
        if let Some(e) = self.common(action) {
            return e;
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
                        ed.lists[li] = super::form::FormState::new(CHILD_SPECS[li].fields.len());
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
                    "Gen-AI readiness set to the computed level: {level}"
                ));
            }
            (Action::ApplyServiceLayer, Some(FormKey::Core)) => {
                let layer = ed.draft.inferred_service_layer();
                set_core(ed, "preferred_service_layer", Value::text(layer));
                self.info(format!("Service layer set to the inferred one: {layer}"));
            }
            (Action::AddRow, None) => {
                if let Tab::List(li) = ed.current_tab() {
                    ed.draft.lists[li].push(Row::new(&CHILD_SPECS[li]));
                    let ri = ed.draft.lists[li].len() - 1;
                    ed.list_sel[li] = ri;
                    ed.lists[li] = super::form::FormState::new(CHILD_SPECS[li].fields.len());
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

    fn edit_field(&mut self, k: FormKey) -> Effect {
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
                        options.extend(list.iter().map(|c| (c.to_string(), humanize(c))))
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
                    filter: String::new(),
                    selected,
                    allow_new,
                });
            }
        }
        Effect::None
    }

    /// A key while a single-line field is being typed into.
    pub(super) fn typing_key(&mut self, key: KeyEvent) {
        let lookups = self.store.lookups().clone();
        let Some(ed) = self.editor.as_mut() else {
            return;
        };
        let Some(k) = ed.form_key() else { return };
        let (fields, values, st) = ed.parts(k);
        if st.edit_key(fields, values, &lookups, &key) {
            return;
        }
        match key.code {
            KeyCode::Enter | KeyCode::Esc => st.end_edit(),
            KeyCode::Tab | KeyCode::Down | KeyCode::Up | KeyCode::BackTab => {
                st.end_edit();
                let action = if matches!(key.code, KeyCode::Up | KeyCode::BackTab) {
                    Action::Up
                } else {
                    Action::Down
                };
                self.editor_action(action);
            }
            KeyCode::Char('s') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                st.end_edit();
                self.save();
            }
            _ => {}
        }
    }

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
                if let Some(ed) = self.editor.as_mut() {
                    ed.saved(p);
                }
                self.info(format!("Saved \"{name}\""));
                self.reload_browser();
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
    fn refuse(&mut self, loc: Location, message: String) {
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
                        ed.lists[li] = super::form::FormState::new(CHILD_SPECS[li].fields.len());
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

    fn close_editor(&mut self) {
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
            super::screens::Screen::Browser => self.reload_browser(),
            super::screens::Screen::Queue => self.reload_queue(),
            super::screens::Screen::Map => self.reload_map(),
        }
    }

    fn close_row(&mut self) {
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
        }
    }

    pub(super) fn popup_key(&mut self, key: KeyEvent) -> Effect {
        let Some(popup) = self.popups.pop() else {
            return Effect::None;
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match popup {
            Popup::Help { ctx, scroll } => match key.code {
                KeyCode::Char('j') | KeyCode::Down => self.popups.push(Popup::Help {
                    ctx,
                    scroll: scroll + 1,
                }),
                KeyCode::Char('k') | KeyCode::Up => self.popups.push(Popup::Help {
                    ctx,
                    scroll: scroll.saturating_sub(1),
                }),
                _ => {}
            },
            Popup::Message { .. } => {}
            Popup::Recover { items, selected } => self.recover_key(key, items, selected),
            Popup::Menu {
                title,
                items,
                selected,
                purpose,
            } => self.menu_key(key, title, items, selected, purpose),
            Popup::Prompt {
                title,
                text,
                purpose,
            } => self.prompt_key(key, title, text, purpose),
            Popup::Palette {
                ctx,
                mut filter,
                mut selected,
            } => {
                let matches: Vec<Action> = palette_matches(ctx, &filter);
                match key.code {
                    KeyCode::Esc => {}
                    KeyCode::Enter => {
                        if let Some(&a) = matches.get(selected) {
                            return self.perform(a);
                        }
                    }
                    KeyCode::Up => {
                        selected = selected.saturating_sub(1);
                        self.popups.push(Popup::Palette {
                            ctx,
                            filter,
                            selected,
                        });
                    }
                    KeyCode::Down => {
                        selected = (selected + 1).min(matches.len().saturating_sub(1));
                        self.popups.push(Popup::Palette {
                            ctx,
                            filter,
                            selected,
                        });
                    }
                    KeyCode::Backspace => {
                        filter.pop();
                        self.popups.push(Popup::Palette {
                            ctx,
                            filter,
                            selected: 0,
                        });
                    }
                    KeyCode::Char(c) if !ctrl => {
                        filter.push(c);
                        self.popups.push(Popup::Palette {
                            ctx,
                            filter,
                            selected: 0,
                        });
                    }
                    _ => self.popups.push(Popup::Palette {
                        ctx,
                        filter,
                        selected,
                    }),
                }
            }
            Popup::Confirm { question, pending } => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => self.confirmed(pending),
                KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => {}
                _ => self.popups.push(Popup::Confirm { question, pending }),
            },
            Popup::SaveChanges { after } => match key.code {
                KeyCode::Char('s') | KeyCode::Char('y') | KeyCode::Enter => {
                    if self.save() {
                        return self.after(after);
                    }
                }
                KeyCode::Char('d') | KeyCode::Char('n') => return self.after(after),
                KeyCode::Char('c') | KeyCode::Esc => {}
                _ => self.popups.push(Popup::SaveChanges { after }),
            },
            Popup::Conflict => match key.code {
                KeyCode::Char('r') => {
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
                KeyCode::Char('o') => {
                    if let Some(draft) = self.editor.as_ref().map(|e| e.draft.clone()) {
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
                }
                KeyCode::Char('c') | KeyCode::Esc => self.info("Not saved; your edits are kept"),
                _ => self.popups.push(Popup::Conflict),
            },
            Popup::Choose {
                form,
                field,
                title,
                options,
                mut filter,
                mut selected,
                allow_new,
            } => {
                let matching = Popup::matching(&options, &filter);
                let new_entry = allow_new
                    && !filter.trim().is_empty()
                    && !options
                        .iter()
                        .any(|(c, _)| c.eq_ignore_ascii_case(filter.trim()));
                let count = matching.len() + usize::from(new_entry);
                match key.code {
                    KeyCode::Esc => return Effect::None,
                    KeyCode::Enter => {
                        let value = if selected < matching.len() {
                            options[matching[selected]].0.clone()
                        } else if new_entry {
                            filter.trim().to_string()
                        } else {
                            return Effect::None;
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
                        return Effect::None;
                    }
                    KeyCode::Up => selected = selected.saturating_sub(1),
                    KeyCode::Down => selected = (selected + 1).min(count.saturating_sub(1)),
                    KeyCode::Char('k') if filter.is_empty() && !allow_new => {
                        selected = selected.saturating_sub(1)
                    }
                    KeyCode::Char('j') if filter.is_empty() && !allow_new => {
                        selected = (selected + 1).min(count.saturating_sub(1))
                    }
                    KeyCode::Backspace => {
                        filter.pop();
                        selected = 0;
                    }
                    KeyCode::Char(c) if !ctrl => {
                        filter.push(c);
                        selected = 0;
                    }
                    _ => {}
                }
                self.popups.push(Popup::Choose {
                    form,
                    field,
                    title,
                    options,
                    filter,
                    selected,
                    allow_new,
                });
            }
            Popup::Text {
                form,
                field,
                title,
                mut area,
            } => {
                let apply = |app: &mut App, area: &TextArea<'static>| {
                    let text = area.lines().join("\n");
                    app.external_edit_done(form, field, text);
                };
                match key.code {
                    KeyCode::Esc => apply(self, &area),
                    KeyCode::Char('s') if ctrl => {
                        apply(self, &area);
                        self.save();
                    }
                    _ => {
                        area.input(key);
                        self.popups.push(Popup::Text {
                            form,
                            field,
                            title,
                            area,
                        });
                    }
                }
            }
        }
        Effect::None
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
}

fn set_core(ed: &mut Editor, name: &str, v: Value) {
    if let Some(i) = core_index(name) {
        let (_, values, st) = ed.parts(FormKey::Core);
        st.set_value(values, i, v);
    }
}

/// The palette's actions for a context, filtered by the typed text.
pub fn palette_matches(ctx: super::keymap::Ctx, filter: &str) -> Vec<Action> {
    let f = filter.to_lowercase();
    let mut out: Vec<Action> = Vec::new();
    for b in bindings_for(ctx) {
        // An action bound both on the screen and globally (quit) is listed once.
        let wanted = f.is_empty() || b.label.to_lowercase().contains(&f);
        if b.action != Action::Palette && wanted && !out.contains(&b.action) {
            out.push(b.action);
        }
    }
    out
}
