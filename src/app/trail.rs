//! The review trail in the app: a note with every status move (the note box, which is also
//! the confirmation of a move), the History tab's moves and events (scrolled, a move picked
//! for comparison), the diff view, the warning on the first change of a persona under review,
//! and the readiness question at a save.

use crate::catalog::labels;
use ratatui_textarea::TextArea;

use super::App;
use super::editor::FormKey;
use super::keymap::Action;
use super::popup::{MenuFor, Popup};
use crate::catalog::core_index;
use crate::diff::{self, snapshot};
use crate::model::{Persona, Value};
use crate::store::StoreError;
pub use crate::store::review::{Item, items};
use crate::store::review::{ReviewEvent, Since};
use crate::workflow::{is_send_back, move_label};

/// The editor's review state: History's events and position, and what was asked already.
#[derive(Debug, Default)]
pub struct Trail {
    /// Events beside the moves (edited after validation), oldest first.
    pub events: Vec<ReviewEvent>,
    /// The History entry at the top of the view (0 = newest).
    pub top: usize,
    /// Lines scrolled inside the view from that entry (a note longer than the screen).
    pub skip: u16,
    /// The entry picked for a comparison.
    pub pick: Option<usize>,
    /// The warning about editing a persona under review was shown this session.
    pub warned: bool,
    /// The user chose to keep the stored readiness level: the next save goes ahead.
    pub keep_readiness: bool,
    /// Shown in the editor's title once warned: what an edit means for this persona.
    pub notice: Option<String>,
}

/// Statuses whose first edit is warned about: the persona is under review or vouched for.
const REVIEWED: [&str; 3] = ["pending_review", "validated", "published"];

impl App {
    /// The note box for a move: its title says what will happen; C-S records it.
    pub(in crate::app) fn ask_note(&mut self, id: String, name: &str, from: &str, to: &str) {
        let required = is_send_back(from, to);
        let label = move_label(from, to);
        let mut first = label.chars();
        let title = first
            .next()
            .map(|c| c.to_uppercase().chain(first).collect::<String>())
            .unwrap_or_default();
        let name = crate::model::escape::terminal_line(name);
        let detail = format!("{} → {} · \"{name}\"", labels::code(from), labels::code(to));
        let why = if required {
            "note for the author (required)"
        } else {
            "note (optional)"
        };
        self.popups.push(Popup::Note {
            title: format!("{title}: {why}"),
            detail,
            area: Box::new(TextArea::default()),
            id,
            to: to.to_string(),
            required,
        });
    }

    /// The diff of a persona since its last validation: `now` is what it is compared with.
    pub(in crate::app) fn show_diff_since_validation(&mut self, id: &str, now: &Persona) {
        match self.store.baseline(id, &Since::Status("validated".into())) {
            Ok(base) => {
                let d = diff::diff(&base.snapshot, &snapshot::to_json(now));
                let title = format!(
                    "What changed in \"{}\" since {}",
                    crate::model::escape::terminal_line(now.name()),
                    diff::text::since_label(&base.entry)
                );
                self.push_diff(title, diff::text::lines(&d));
            }
            Err(StoreError::NoBaseline(why)) => self.error(format!(
                "Nothing to compare with: {why} (in History, Space picks a move and = compares it)"
            )),
            Err(e) => self.error(e.to_string()),
        }
    }

    fn push_diff(&mut self, title: String, lines: Vec<String>) {
        self.popups.push(Popup::Diff {
            title,
            lines,
            scroll: 0,
        });
    }

    /// `=` in the queue: the selected persona, as stored, against its last validation.
    pub(in crate::app) fn queue_what_changed(&mut self) {
        let Some(id) = self
            .queue
            .rows
            .get(self.queue.selected)
            .map(|s| s.id.clone())
        else {
            return;
        };
        match self.store.load(&id) {
            Ok(p) => self.show_diff_since_validation(&id, &p),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// The History tab's own keys; false when the action is not one of them.
    pub(in crate::app) fn history_action(&mut self, action: Action) -> bool {
        let Some(ed) = self.editor.as_mut() else {
            return false;
        };
        let n = items(&ed.original.history, &ed.trail.events).len();
        let t = &mut ed.trail;
        match action {
            Action::Down => {
                t.top = (t.top + 1).min(n.saturating_sub(1));
                t.skip = 0;
            }
            Action::Up => {
                t.top = t.top.saturating_sub(1);
                t.skip = 0;
            }
            Action::PageDown => t.skip = t.skip.saturating_add(10),
            Action::PageUp => t.skip = t.skip.saturating_sub(10),
            Action::PickMove => {
                t.pick = if t.pick == Some(t.top) {
                    None
                } else {
                    Some(t.top)
                };
                let msg = match t.pick {
                    Some(_) => "Move picked: go to another move and press = to compare the two",
                    None => "Pick cleared",
                };
                self.info(msg);
            }
            Action::WhatChanged => self.history_what_changed(),
            _ => return false,
        }
        true
    }

    /// `=` in History: between the picked move and the one at the top, or else the persona
    /// being edited against its last validation.
    fn history_what_changed(&mut self) {
        let Some(ed) = self.editor.as_ref() else {
            return;
        };
        let Some(id) = ed.draft.id.clone() else {
            self.error("Not saved yet: nothing to compare with");
            return;
        };
        let all = items(&ed.original.history, &ed.trail.events);
        let pair = ed
            .trail
            .pick
            .filter(|&p| p != ed.trail.top)
            .map(|p| (all.get(p).copied(), all.get(ed.trail.top).copied()));
        let Some(pair) = pair else {
            let now = ed.draft.clone();
            self.show_diff_since_validation(&id, &now);
            return;
        };
        let (Some(Item::Move(a)), Some(Item::Move(b))) = pair else {
            self.error("Pick two status moves to compare (an event has no snapshot)");
            return;
        };
        // Older first: history indices grow with time.
        let (old, new) = (a.min(b), a.max(b));
        let history = ed.original.history.clone();
        let snaps = match self.store.snapshots(&id) {
            Ok(s) => s,
            Err(e) => return self.error(e.to_string()),
        };
        let snap = |i: usize| snaps.get(i).cloned().flatten();
        match (snap(old), snap(new)) {
            (Some(x), Some(y)) => {
                let d = diff::diff(&x, &y);
                let title = format!(
                    "What changed from {} to {}",
                    diff::text::since_label(&history[old]),
                    diff::text::since_label(&history[new])
                );
                self.push_diff(title, diff::text::lines(&d));
            }
            _ => self.error(
                "One of these moves has no snapshot (made before snapshots were kept, by a plain SQL client, or the creation)",
            ),
        }
    }

    /// Reloads the editor's events (after a save or a move).
    pub(in crate::app) fn reload_trail(&mut self) {
        let Some(id) = self.editor.as_ref().and_then(|e| e.draft.id.clone()) else {
            return;
        };
        let events = self.store.review_events(&id).unwrap_or_default();
        if let Some(ed) = self.editor.as_mut() {
            ed.trail.events = events;
            ed.trail.top = 0;
            ed.trail.skip = 0;
            ed.trail.pick = None;
        }
    }

    /// After each key: the first change to a persona under review or vouched for says what
    /// it means, once per editing session; the change is kept.
    pub(in crate::app) fn warn_reviewed_edit(&mut self) {
        let Some(ed) = self.editor.as_mut() else {
            return;
        };
        // Cheapest first: comparing the draft with the original walks every list row.
        let status = ed
            .original
            .text("validation_status")
            .unwrap_or("draft")
            .to_string();
        if ed.trail.warned
            || !REVIEWED.contains(&status.as_str())
            || ed.draft.id.is_none()
            || ed.draft == ed.original
        {
            return;
        }
        ed.trail.warned = true;
        let (what, notice) = match status.as_str() {
            "pending_review" => (
                "it is waiting for review: the reviewer will see this change in the diff (=)",
                "⚠ under review: the reviewer sees changes",
            ),
            _ => (
                "a save is recorded in History as \"edited after validation\"",
                "⚠ validated: a save is recorded",
            ),
        };
        ed.trail.notice = Some(notice.to_string());
        self.error(format!(
            "Note: this persona is {status}; {what}. Your change is kept."
        ));
    }

    /// Before a save: when the readiness level set differs from the computed one, asks
    /// whether to apply the computed level, keep the set one, or cancel. True when asked
    /// (the save waits for the answer).
    pub(in crate::app) fn ask_readiness(&mut self) -> bool {
        let Some(ed) = self.editor.as_mut() else {
            return false;
        };
        if std::mem::take(&mut ed.trail.keep_readiness) {
            return false;
        }
        let Some(stored) = ed.draft.text("gen_ai_readiness_level").map(str::to_string) else {
            return false;
        };
        let computed = ed.draft.readiness().level;
        if stored == computed {
            return false;
        }
        self.popups.push(Popup::Menu {
            title: format!("Readiness: set {stored}, computed {computed}"),
            items: vec![
                ("apply".into(), format!("Apply {computed} and save")),
                (
                    "keep".into(),
                    format!("Keep {stored} and save (check reports it)"),
                ),
                ("cancel".into(), "Cancel: do not save".into()),
            ],
            selected: 0,
            purpose: MenuFor::Readiness,
        });
        true
    }

    /// The answer to the readiness question.
    pub(in crate::app) fn readiness_chosen(&mut self, code: &str) {
        let Some(ed) = self.editor.as_mut() else {
            return;
        };
        match code {
            "apply" => {
                let level = ed.draft.readiness().level;
                if let Some(i) = core_index("gen_ai_readiness_level") {
                    let (_, values, st) = ed.parts(FormKey::Core);
                    st.set_value(values, i, Value::text(level));
                }
                self.save();
            }
            "keep" => {
                ed.trail.keep_readiness = true;
                self.save();
            }
            _ => self.info("Not saved; your edits are kept"),
        }
    }
}
