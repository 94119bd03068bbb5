//! The persona editor's state: the unsaved draft, its tabs, forms and list selections.

mod actions;
mod fields;
pub mod live;
mod save;
pub mod sidebar;
pub mod tabs;
pub mod undo;

use super::form::FormState;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality, FieldSpec, SECTIONS};
use crate::model::{Persona, Row, Value};

/// Which tab: a section of the core record, or one of the 18 lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Core(usize),
    List(usize),
    /// The status history, read-only.
    History,
}

pub fn tab_count() -> usize {
    SECTIONS.len() + CHILD_SPECS.len() + 1
}

pub fn tab(i: usize) -> Tab {
    if i < SECTIONS.len() {
        Tab::Core(i)
    } else if i < SECTIONS.len() + CHILD_SPECS.len() {
        Tab::List(i - SECTIONS.len())
    } else {
        Tab::History
    }
}

/// A form the editor can show: the core record, or the current row of list `li`
/// (row 0 of a one-row list, the open row of a many-row list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKey {
    Core,
    List(usize),
}

#[derive(Debug)]
pub struct Editor {
    pub draft: Persona,
    /// The persona as last loaded or saved: the dirty marker compares against it.
    pub original: Persona,
    pub tab: usize,
    pub core: FormState,
    /// Focused field per core section (index into `CORE_FIELDS`).
    pub core_focus: Vec<usize>,
    /// Form state per list, for its one row or its open row.
    pub lists: Vec<FormState>,
    pub list_sel: Vec<usize>,
    /// The open row form: (list, row, added just now).
    pub row_open: Option<(usize, usize, bool)>,
    /// The name of the user in `validated_by` (the column holds an id).
    pub validated_by_name: Option<String>,
    pub undo: undo::Undo,
    /// History's position and the review questions already asked (`app::trail`).
    pub trail: crate::app::trail::Trail,
}

impl Editor {
    pub fn new(p: Persona) -> Editor {
        let core_focus = (0..SECTIONS.len())
            .map(|s| CORE_FIELDS.iter().position(|f| f.section == s).unwrap_or(0))
            .collect();
        let mut ed = Editor {
            original: p.clone(),
            draft: p,
            tab: 0,
            core: FormState::new(CORE_FIELDS.len()),
            core_focus,
            lists: CHILD_SPECS
                .iter()
                .map(|c| FormState::new(c.fields.len()))
                .collect(),
            list_sel: vec![0; CHILD_SPECS.len()],
            row_open: None,
            validated_by_name: None,
            undo: Default::default(),
            trail: Default::default(),
        };
        ed.reset_undo();
        ed
    }

    /// Unsaved changes, including typed text that is not yet a valid value.
    pub fn is_dirty(&self) -> bool {
        self.draft != self.original
            || self.core.has_errors()
            || self.lists.iter().any(FormState::has_errors)
    }

    pub fn current_tab(&self) -> Tab {
        tab(self.tab)
    }

    /// The form shown now, if the tab shows a form.
    pub fn form_key(&self) -> Option<FormKey> {
        if let Some((li, _, _)) = self.row_open {
            return Some(FormKey::List(li));
        }
        match self.current_tab() {
            Tab::Core(_) => Some(FormKey::Core),
            Tab::List(li) if CHILD_SPECS[li].cardinality == Cardinality::One => {
                Some(FormKey::List(li))
            }
            Tab::List(_) | Tab::History => None,
        }
    }

    pub fn fields(key: FormKey) -> &'static [FieldSpec] {
        match key {
            FormKey::Core => CORE_FIELDS,
            FormKey::List(li) => CHILD_SPECS[li].fields,
        }
    }

    /// Field indices the form shows, in order.
    pub fn visible(&self, key: FormKey) -> Vec<usize> {
        match (key, self.current_tab()) {
            (FormKey::Core, Tab::Core(s)) => (0..CORE_FIELDS.len())
                .filter(|&i| CORE_FIELDS[i].section == s)
                .collect(),
            (FormKey::Core, _) => Vec::new(),
            (FormKey::List(li), _) => (0..CHILD_SPECS[li].fields.len()).collect(),
        }
    }

    /// Which row of list `li` its form edits.
    pub fn form_row(&self, li: usize) -> usize {
        match self.row_open {
            Some((l, r, _)) if l == li => r,
            _ => 0,
        }
    }

    /// The values a form edits, or None when a one-row list has no row yet.
    pub fn values(&self, key: FormKey) -> Option<&[Value]> {
        match key {
            FormKey::Core => Some(&self.draft.core),
            FormKey::List(li) => self.draft.lists[li]
                .get(self.form_row(li))
                .map(|r| r.values.as_slice()),
        }
    }

    /// Fields, values and state of a form for editing; a one-row list gets its row on first
    /// edit.
    pub fn parts(&mut self, key: FormKey) -> (&'static [FieldSpec], &mut [Value], &mut FormState) {
        match key {
            FormKey::Core => (CORE_FIELDS, &mut self.draft.core, &mut self.core),
            FormKey::List(li) => {
                let spec = &CHILD_SPECS[li];
                let ri = self.form_row(li);
                if self.draft.lists[li].is_empty() {
                    self.draft.lists[li].push(Row::new(spec));
                }
                let ri = ri.min(self.draft.lists[li].len() - 1);
                (
                    spec.fields,
                    &mut self.draft.lists[li][ri].values,
                    &mut self.lists[li],
                )
            }
        }
    }

    pub fn state(&self, key: FormKey) -> &FormState {
        match key {
            FormKey::Core => &self.core,
            FormKey::List(li) => &self.lists[li],
        }
    }

    /// The focused field of a form (index into its fields).
    pub fn focus(&self, key: FormKey) -> usize {
        match (key, self.current_tab()) {
            (FormKey::Core, Tab::Core(s)) => self.core_focus[s],
            _ => self.state(key).focus,
        }
    }

    pub fn set_focus(&mut self, key: FormKey, i: usize) {
        match (key, self.current_tab()) {
            (FormKey::Core, Tab::Core(s)) => {
                self.core_focus[s] = i;
                self.core.focus = i;
            }
            (FormKey::Core, _) => self.core.focus = i,
            (FormKey::List(li), _) => self.lists[li].focus = i,
        }
    }

    /// Brings the draft into the shape the store expects: a slug from the name when none was
    /// typed, and a one-row list left entirely blank is no row at all.
    pub fn normalize(&mut self, free_slug: impl Fn(&str) -> String) {
        if self.draft.get("slug").is_blank() && !self.draft.get("name").is_blank() {
            let slug = free_slug(self.draft.name());
            self.draft.set("slug", Value::Text(slug));
        }
        for (li, spec) in CHILD_SPECS.iter().enumerate() {
            if spec.cardinality == Cardinality::One
                && self.draft.lists[li].first().is_some_and(|r| {
                    r.values
                        .iter()
                        .zip(spec.fields)
                        .all(|(v, f)| !f.is_writable() || v.is_blank())
                })
            {
                self.draft.lists[li].clear();
            }
        }
    }

    /// After a save: the stored persona becomes the baseline, typed text is cleared.
    pub fn saved(&mut self, p: Persona) {
        self.original = p.clone();
        self.draft = p;
        self.core = FormState {
            focus: self.core.focus,
            ..FormState::new(CORE_FIELDS.len())
        };
        for (li, spec) in CHILD_SPECS.iter().enumerate() {
            self.lists[li] = FormState {
                focus: self.lists[li].focus,
                ..FormState::new(spec.fields.len())
            };
            let n = self.draft.lists[li].len();
            self.list_sel[li] = self.list_sel[li].min(n.saturating_sub(1));
        }
        self.row_open = None;
        // Undo goes back to edits since the last save: a step before it would hold the old
        // version number, and saving it would meet a conflict with the user's own save.
        self.reset_undo();
    }

    /// "Pain points (5)"; one-row lists show a check mark when filled.
    pub fn tab_title(&self, i: usize) -> String {
        match tab(i) {
            Tab::Core(s) => SECTIONS[s].to_string(),
            Tab::History => format!("History ({})", self.original.history.len()),
            Tab::List(li) => {
                let spec = &CHILD_SPECS[li];
                let n = self.draft.lists[li].len();
                match spec.cardinality {
                    Cardinality::Many => format!("{} ({n})", spec.title),
                    Cardinality::One if n > 0 => format!("{} ✓", spec.title),
                    Cardinality::One => spec.title.to_string(),
                }
            }
        }
    }
}
