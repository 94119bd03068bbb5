//! The review queue and the archetype map: their state and what their keys do.

use super::keymap::Action;
use super::{App, Effect};
use crate::model::Summary;
use crate::rules;
use crate::store::DistributionRow;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    #[default]
    Browser,
    Queue,
    Map,
    /// The team library's sync screen (`app::sync`).
    Sync,
}

/// pending_review personas, oldest first.
#[derive(Debug, Default)]
pub struct Queue {
    pub rows: Vec<Summary>,
    pub selected: usize,
    /// Who submitted each row, when, and its last note, by persona id.
    pub facts: std::collections::HashMap<String, crate::store::review::QueueFacts>,
    /// "Now" for how long a persona has waited: None is the clock; tests fix it.
    pub now: Option<String>,
}

#[derive(Debug, Default)]
pub struct Map {
    /// Every live persona with both scores.
    pub points: Vec<Summary>,
    /// Index into `points`.
    pub selected: usize,
    pub only_mismatched: bool,
    pub show_distribution: bool,
    pub distribution: Vec<DistributionRow>,
    /// Index into `distribution`: the distribution view's own selection.
    pub dist_selected: usize,
    /// The tenant's live personas (with scores or not), so an empty map says why it is empty.
    pub live: usize,
}

/// Where a persona sits on the map: (AI maturity, work complexity), both 0-100.
pub fn coords(s: &Summary) -> Option<(f64, f64)> {
    Some((s.ai_maturity_score?, s.work_complexity_score?))
}

pub fn mismatched(s: &Summary) -> bool {
    rules::archetype_disagrees(
        s.archetype.as_deref(),
        s.ai_maturity_score,
        s.work_complexity_score,
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Left,
    Right,
    Up,
    Down,
}

impl Map {
    /// Indices of the points shown (all, or only those whose archetype disagrees).
    pub fn visible(&self) -> Vec<usize> {
        (0..self.points.len())
            .filter(|&i| !self.only_mismatched || mismatched(&self.points[i]))
            .collect()
    }

    pub fn selected_point(&self) -> Option<&Summary> {
        self.points
            .get(self.selected)
            .filter(|s| !self.only_mismatched || mismatched(s))
    }

    /// Keeps the selection on a visible point.
    pub fn clamp(&mut self) {
        let vis = self.visible();
        if !vis.contains(&self.selected) {
            self.selected = vis.first().copied().unwrap_or(0);
        }
    }

    /// Selects the nearest visible point in a direction: the one ahead with the least
    /// distance along the direction plus twice the sideways distance.
    pub fn step(&mut self, dir: Dir) {
        let Some((x0, y0)) = self.points.get(self.selected).and_then(coords) else {
            self.clamp();
            return;
        };
        let mut best: Option<(f64, usize)> = None;
        for i in self.visible() {
            if i == self.selected {
                continue;
            }
            let Some((x, y)) = coords(&self.points[i]) else {
                continue;
            };
            let (ahead, side) = match dir {
                Dir::Right => (x - x0, (y - y0).abs()),
                Dir::Left => (x0 - x, (y - y0).abs()),
                Dir::Up => (y - y0, (x - x0).abs()),
                Dir::Down => (y0 - y, (x - x0).abs()),
            };
            // Points at the same spot count as ahead in the direction of the list order.
            let ahead_ok = ahead > 0.0
                || (ahead == 0.0
                    && side == 0.0
                    && (i > self.selected) == matches!(dir, Dir::Right | Dir::Up));
            if !ahead_ok {
                continue;
            }
            let cost = ahead + 2.0 * side;
            if best.is_none_or(|(c, _)| cost < c) {
                best = Some((cost, i));
            }
        }
        if let Some((_, i)) = best {
            self.selected = i;
        }
    }
}

impl App {
    pub(in crate::app) fn queue_action(&mut self, action: Action) -> Effect {
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
            // Both ask for the note, which confirms the move (`app::trail`); after it the
            // list closes up, so the same index is the next persona.
            Action::Approve => {
                if let Some((id, name)) = current {
                    self.ask_note(id, &name, "pending_review", "validated");
                }
            }
            Action::SendBack => {
                if let Some((id, name)) = current {
                    self.ask_note(id, &name, "pending_review", "draft");
                }
            }
            Action::WhatChanged => self.queue_what_changed(),
            _ => {}
        }
        Effect::None
    }

    pub(in crate::app) fn map_action(&mut self, action: Action) -> Effect {
        if self.map.show_distribution {
            return self.distribution_action(action);
        }
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

    /// The distribution view's keys: they move its own selection, never the hidden map's.
    fn distribution_action(&mut self, action: Action) -> Effect {
        let n = self.map.distribution.len();
        let sel = &mut self.map.dist_selected;
        match action {
            Action::Quit => return Effect::Quit,
            Action::Back => {
                self.screen = Screen::Browser;
                self.reload_browser();
            }
            Action::Up => *sel = sel.saturating_sub(1),
            Action::Down => *sel = (*sel + 1).min(n.saturating_sub(1)),
            Action::ToggleDistribution => self.map.show_distribution = false,
            // The browser, filtered to the row's archetype and function.
            Action::Open => {
                if let Some(r) = self.map.distribution.get(*sel).cloned() {
                    self.browser.filter = crate::store::Filter {
                        archetype: r.archetype,
                        function: r.function_name,
                        ..Default::default()
                    };
                    self.browser.selected = 0;
                    self.browser.top = 0;
                    self.screen = Screen::Browser;
                    self.refilter_browser();
                }
            }
            _ => {}
        }
        Effect::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(name: &str, a: &str, ai: f64, wc: f64) -> Summary {
        Summary {
            id: name.into(),
            slug: name.into(),
            name: name.into(),
            title: None,
            archetype: Some(a.into()),
            function_name: None,
            seniority_level: None,
            validation_status: None,
            total_score: None,
            priority_tier: None,
            ai_maturity_score: Some(ai),
            work_complexity_score: Some(wc),
            updated_at: String::new(),
        }
    }

    #[test]
    fn arrows_move_to_the_nearest_point_in_that_direction() {
        let mut m = Map {
            points: vec![
                pt("a", "LEARNER", 20.0, 20.0),
                pt("b", "AUTOMATOR", 80.0, 25.0),
                pt("c", "SKEPTIC", 22.0, 80.0),
                pt("d", "LEARNER", 90.0, 90.0),
            ],
            ..Default::default()
        };
        m.step(Dir::Right);
        assert_eq!(m.selected, 1);
        m.step(Dir::Up);
        assert_eq!(m.selected, 3);
        m.step(Dir::Left);
        assert_eq!(m.selected, 2);
        m.step(Dir::Down);
        assert_eq!(m.selected, 0);
        m.step(Dir::Left);
        assert_eq!(m.selected, 0, "nothing further left");
        m.only_mismatched = true;
        m.clamp();
        assert_eq!(m.visible(), vec![3]);
        assert_eq!(m.selected, 3);
    }
}
