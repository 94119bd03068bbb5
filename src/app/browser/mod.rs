//! The persona browser: a filtered, sorted window over the tenant's personas.

mod actions;

use crate::catalog::enums::{ARCHETYPES, PRIORITY_TIERS, VALIDATION_STATUSES};
use crate::model::Summary;
use crate::store::{Filter, Result, SortKey, Store};

/// Rows fetched around the visible part, so scrolling a screen rarely touches the database and
/// 100,000 personas cost one small query per window.
const WINDOW: usize = 200;

#[derive(Debug, Default)]
pub struct Browser {
    pub filter: Filter,
    pub sort: SortKey,
    pub descending: bool,
    pub total: usize,
    /// Absolute index of the selected persona in the filtered, sorted list.
    pub selected: usize,
    /// Absolute index of the first visible row.
    pub top: usize,
    /// Absolute index of `rows[0]`.
    pub window_start: usize,
    pub rows: Vec<Summary>,
    /// `/` was pressed: typed keys go to the search text.
    pub searching: bool,
    /// The search line; its text is `filter.text` as typed.
    pub search: crate::app::input::Input,
    pub functions: Vec<String>,
    /// Sync marks (unpushed, in conflict) of the personas in `rows`, read with the window.
    pub marks: std::collections::HashMap<String, crate::store::sync_state::SyncMark>,
}

impl Browser {
    pub fn selected_summary(&self) -> Option<&Summary> {
        self.selected
            .checked_sub(self.window_start)
            .and_then(|i| self.rows.get(i))
    }

    /// Re-counts and re-reads the window after a filter, sort, or data change.
    pub fn reload(&mut self, store: &Store, viewport: usize) -> Result<()> {
        self.functions = store.function_names()?;
        self.refilter(store, viewport)
    }

    /// Re-counts and re-reads the window after a filter, sort or search change. The function
    /// names (a DISTINCT over every persona) change only with the data, so they are kept.
    pub fn refilter(&mut self, store: &Store, viewport: usize) -> Result<()> {
        self.total = store.count(&self.filter)?;
        self.rows.clear();
        self.window_start = 0;
        self.select(store, self.selected, viewport)
    }

    /// Moves the selection (clamped), scrolls it into view, and fetches a new window when the
    /// visible rows leave the cached one.
    pub fn select(&mut self, store: &Store, index: usize, viewport: usize) -> Result<()> {
        let viewport = viewport.max(1);
        self.selected = index.min(self.total.saturating_sub(1));
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + viewport {
            self.top = self.selected + 1 - viewport;
        }
        self.top = self.top.min(self.total.saturating_sub(viewport));
        let need_end = (self.top + viewport).min(self.total);
        let cached_end = self.window_start + self.rows.len();
        if self.total > 0
            && (self.top < self.window_start || need_end > cached_end || self.rows.is_empty())
        {
            let start = self.top.saturating_sub(WINDOW / 4);
            self.rows = store.summaries(&self.filter, self.sort, self.descending, start, WINDOW)?;
            self.window_start = start;
            self.read_marks(store)?;
        }
        Ok(())
    }

    pub fn cycle_archetype(&mut self) {
        self.filter.archetype = cycle(ARCHETYPES, self.filter.archetype.as_deref());
    }

    pub fn cycle_status(&mut self) {
        self.filter.status = cycle(VALIDATION_STATUSES, self.filter.status.as_deref());
    }

    pub fn cycle_tier(&mut self) {
        self.filter.tier = cycle(PRIORITY_TIERS, self.filter.tier.as_deref());
    }

    pub fn cycle_function(&mut self) {
        let names: Vec<&str> = self.functions.iter().map(String::as_str).collect();
        self.filter.function = cycle(&names, self.filter.function.as_deref());
    }

    pub fn next_sort(&mut self) {
        let i = SortKey::ALL
            .iter()
            .position(|k| *k == self.sort)
            .unwrap_or(0);
        self.sort = SortKey::ALL[(i + 1) % SortKey::ALL.len()];
    }

    /// The active filters as chips for the header line.
    pub fn chips(&self) -> Vec<String> {
        let f = &self.filter;
        let mut out = Vec::new();
        if !f.text.is_empty() || self.searching {
            out.push(format!("/{}", f.text));
        }
        for (name, v) in [
            ("archetype", &f.archetype),
            ("status", &f.status),
            ("function", &f.function),
            ("tier", &f.tier),
        ] {
            if let Some(v) = v {
                out.push(format!("{name}:{v}"));
            }
        }
        out
    }
}

/// None → first → ... → last → None.
fn cycle(options: &[&str], current: Option<&str>) -> Option<String> {
    match current.and_then(|c| options.iter().position(|o| *o == c)) {
        None => options.first().map(|s| s.to_string()),
        Some(i) if i + 1 < options.len() => Some(options[i + 1].to_string()),
        Some(_) => None,
    }
}

impl Browser {
    /// The sync marks of the cached window: one query, for the rows read with it. Called when
    /// the window is read and after a sync or a resolution changed the marks only.
    pub fn read_marks(&mut self, store: &Store) -> Result<()> {
        let ids: Vec<String> = self.rows.iter().map(|s| s.id.clone()).collect();
        self.marks = store.sync_marks(&ids)?;
        Ok(())
    }
}
