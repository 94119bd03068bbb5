//! One conflict side by side: each conflicting part (a field, a list row, the status, a
//! deletion) with its base, mine and theirs, and a choice of mine or theirs for each. Nothing
//! is written until the choices are applied, then in one local transaction that also clears
//! the conflict (`sync::settle`), so the next sync sends the result.

use super::super::App;
use super::super::keymap::Action;
use crate::sync::merge::Side;
use crate::sync::settle::{self, Sides};

pub struct SideBySide {
    pub id: String,
    pub slug: String,
    pub sides: Sides,
    /// One per `sides.merge.conflicts`, None until chosen.
    pub choices: Vec<Option<Side>>,
    /// The part in focus.
    pub selected: usize,
}

impl SideBySide {
    pub fn new(id: String, slug: String, sides: Sides) -> SideBySide {
        let n = sides.merge.conflicts.len();
        SideBySide {
            id,
            slug,
            sides,
            choices: vec![None; n],
            selected: 0,
        }
    }

    pub fn undecided(&self) -> usize {
        self.choices.iter().filter(|c| c.is_none()).count()
    }

    /// Sets the focused part and moves on to the next undecided one, so `m m t` walks the
    /// parts in order.
    fn choose(&mut self, side: Side) {
        let Some(c) = self.choices.get_mut(self.selected) else {
            return;
        };
        *c = Some(side);
        let n = self.choices.len();
        if let Some(next) = (self.selected + 1..n).find(|&i| self.choices[i].is_none()) {
            self.selected = next;
        }
    }
}

impl App {
    /// Enter on the conflict list: the selected persona's conflict, side by side.
    pub(super) fn open_resolve(&mut self) {
        let Some(entry) = self.sync.selected_conflict().cloned() else {
            self.info("No conflict to resolve");
            return;
        };
        match settle::sides(&mut self.store, &entry.id) {
            Ok(Some(sides)) => {
                self.sync.resolve = Some(SideBySide::new(entry.id, entry.slug, sides));
            }
            Ok(None) => {
                self.info("That conflict is already resolved");
                self.refresh_sync();
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    pub(super) fn resolve_action(&mut self, action: Action) {
        let Some(view) = self.sync.resolve.as_mut() else {
            return;
        };
        let n = view.choices.len();
        match action {
            Action::Up => view.selected = view.selected.saturating_sub(1),
            Action::Down => view.selected = (view.selected + 1).min(n.saturating_sub(1)),
            Action::ChooseMine => view.choose(Side::Mine),
            Action::ChooseTheirs => view.choose(Side::Theirs),
            Action::AllMine => view.choices = vec![Some(Side::Mine); n],
            Action::AllTheirs => view.choices = vec![Some(Side::Theirs); n],
            Action::Back => {
                self.sync.resolve = None;
                self.info("Nothing written: the conflict stays");
            }
            Action::ApplyResolution => self.apply_resolution(),
            _ => {}
        }
    }

    fn apply_resolution(&mut self) {
        // The running sync may be writing this very persona; its result decides what there
        // is left to resolve.
        if self.sync.running() {
            self.error("A sync is running: apply your choices when it has finished");
            return;
        }
        let Some(view) = self.sync.resolve.as_mut() else {
            return;
        };
        if let Some(first) = view.choices.iter().position(Option::is_none) {
            let left = view.undecided();
            view.selected = first;
            self.error(format!(
                "{left} part{} still without a choice: m keeps mine, t takes theirs (M / T for all)",
                if left == 1 { "" } else { "s" }
            ));
            return;
        }
        let (id, slug, choices) = (view.id.clone(), view.slug.clone(), view.choices.clone());
        match settle::resolve_persona_with(&mut self.store, &id, &choices) {
            Ok(_) => {
                self.sync.resolve = None;
                self.refresh_sync();
                self.reload_browser();
                self.info(format!(
                    "Resolved {}: the next sync (s) sends it",
                    crate::model::escape::terminal_line(&slug)
                ));
            }
            Err(e) => self.error(e.to_string()),
        }
    }
}
