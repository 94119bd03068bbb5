//! Undo and redo for the persona being edited. A step is the editor's content (the draft and
//! the typed text of every form) as of a committed edit: a field finished with Enter or left
//! with Up/Down, a toggle, a choice, a cleared field, a row added, deleted or moved, the
//! long-text box closed. The app takes a checkpoint after every action that leaves the editor
//! on a screen, and a checkpoint only becomes a step when the content changed, so moving
//! around costs no steps. Navigation (tab, focus, selection) is not content: undo leaves the
//! user where they are.

use std::collections::VecDeque;

use super::Editor;
use crate::model::Persona;

/// Steps kept; the oldest go first. A step holds a whole persona, so this bounds memory too.
pub const UNDO_STEPS: usize = 200;

/// The typed text and error of each field of one form.
type FormText = (Vec<Option<String>>, Vec<Option<String>>);

#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    draft: Persona,
    /// The core form, then each list's form.
    forms: Vec<FormText>,
}

#[derive(Debug, Default)]
pub struct Undo {
    past: VecDeque<Snapshot>,
    future: Vec<Snapshot>,
    /// The content at the last checkpoint: what undo goes back from.
    last: Option<Snapshot>,
}

impl Undo {
    pub fn steps(&self) -> (usize, usize) {
        (self.past.len(), self.future.len())
    }
}

impl Editor {
    fn forms(&self) -> impl Iterator<Item = &crate::app::form::FormState> {
        std::iter::once(&self.core).chain(&self.lists)
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            draft: self.draft.clone(),
            forms: self
                .forms()
                .map(|f| (f.raw.clone(), f.errors.clone()))
                .collect(),
        }
    }

    /// Compared in place: a checkpoint runs after every key on an editor screen, and most
    /// keys change nothing.
    fn is_at(&self, s: &Snapshot) -> bool {
        self.draft == s.draft
            && self
                .forms()
                .zip(&s.forms)
                .all(|(f, (raw, errors))| f.raw == *raw && f.errors == *errors)
    }

    fn put(&mut self, s: Snapshot) {
        self.draft = s.draft;
        let forms = std::iter::once(&mut self.core).chain(self.lists.iter_mut());
        for (f, (raw, errors)) in forms.zip(s.forms) {
            f.raw = raw;
            f.errors = errors;
            f.input = None;
            f.before = None;
        }
        // Stay where the user is, within the rows that exist now.
        for (li, rows) in self.draft.lists.iter().enumerate() {
            self.list_sel[li] = self.list_sel[li].min(rows.len().saturating_sub(1));
        }
        if let Some((li, ri, _)) = self.row_open
            && ri >= self.draft.lists[li].len()
        {
            self.row_open = None;
        }
    }

    /// Starts the history afresh at the current content (a new editor, after a save).
    pub fn reset_undo(&mut self) {
        self.undo = Undo {
            last: Some(self.snapshot()),
            ..Undo::default()
        };
    }

    /// Makes the current content a step if it changed since the last checkpoint; true if the
    /// history changed.
    pub fn checkpoint(&mut self) -> bool {
        if self.undo.last.as_ref().is_some_and(|s| self.is_at(s)) {
            return false;
        }
        // Back where the step before was (a row added and closed untouched, a value typed
        // back): the pair is no edit at all, so it leaves no step behind.
        if self.undo.past.back().is_some_and(|s| self.is_at(s)) {
            self.undo.last = self.undo.past.pop_back();
            self.undo.future.clear();
            return true;
        }
        let now = self.snapshot();
        if let Some(prev) = self.undo.last.replace(now) {
            self.undo.past.push_back(prev);
            if self.undo.past.len() > UNDO_STEPS {
                self.undo.past.pop_front();
            }
            self.undo.future.clear();
        }
        true
    }

    /// Goes back one step; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.checkpoint();
        let Some(prev) = self.undo.past.pop_back() else {
            return false;
        };
        if let Some(cur) = self.undo.last.replace(prev.clone()) {
            self.undo.future.push(cur);
        }
        self.put(prev);
        true
    }

    /// Goes forward one undone step; false when there is none (an edit since the undo drops
    /// the undone steps, as in any editor).
    pub fn redo(&mut self) -> bool {
        self.checkpoint();
        let Some(next) = self.undo.future.pop() else {
            return false;
        };
        if let Some(cur) = self.undo.last.replace(next.clone()) {
            self.undo.past.push_back(cur);
        }
        self.put(next);
        true
    }
}
