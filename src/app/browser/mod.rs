//! The persona browser: a filtered, sorted window over the tenant's personas.

mod actions;
mod facets;
mod live;
pub mod search;

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
    /// Where the search matched the personas on screen, by persona id.
    pub hits: std::collections::HashMap<String, crate::store::SearchHit>,
    /// The background search (None until the first search of a file database).
    pub searcher: Option<search::Searcher>,
    /// The number of the last search request; `pending` while its result is not taken in.
    pub search_seq: u64,
    pub pending: Option<u64>,
    /// Every match of the last search result in order: windows are read by id while it is
    /// the list shown (None after a plain refilter, which pages with the filter itself).
    pub ids: Option<Vec<String>>,
    /// The preview pane as `p` last set it (shown or hidden); None: as the width has it.
    pub preview: Option<bool>,
    /// The terminal is wide enough for the preview pane beside the table.
    pub wide: bool,
    /// What the preview shows of the selected persona beyond its summary.
    pub preview_of: Option<Preview>,
    /// Sync marks (unpushed, in conflict) of the personas in `rows`, read with the window.
    pub marks: std::collections::HashMap<String, crate::store::sync_state::SyncMark>,
}

/// Terminal columns from which the preview pane is beside the table without asking.
pub const PREVIEW_MIN_WIDTH: u16 = 140;

/// The preview's facts that the summary lacks, read from the selected persona.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub id: String,
    pub one_liner: Option<String>,
    /// The readiness level the scores imply and the one stored, if any.
    pub readiness: String,
    pub readiness_score: f64,
    pub stored_readiness: Option<String>,
}

impl Browser {
    pub fn selected_summary(&self) -> Option<&Summary> {
        self.selected
            .checked_sub(self.window_start)
            .and_then(|i| self.rows.get(i))
    }

    /// Re-counts and re-reads the window after a filter, sort, or data change.
    pub fn reload(&mut self, store: &Store, viewport: usize) -> Result<()> {
        self.preview_of = None;
        self.refilter(store, viewport)
    }

    /// Re-counts and re-reads the window after a filter, sort or search change.
    pub fn refilter(&mut self, store: &Store, viewport: usize) -> Result<()> {
        self.hits.clear();
        self.ids = None;
        // A search still running is for the filter before this change: it is stopped and its
        // result dropped.
        if self.pending.take().is_some()
            && let Some(s) = &self.searcher
        {
            s.cancel();
        }
        self.search_seq += 1;
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
            self.rows = match &self.ids {
                Some(ids) => {
                    let end = (start + WINDOW).min(ids.len());
                    store.summaries_by_ids(&ids[start.min(end)..end])?
                }
                None => store.summaries(&self.filter, self.sort, self.descending, start, WINDOW)?,
            };
            self.window_start = start;
            self.read_marks(store)?;
        }
        self.fill_hits(store, viewport)?;
        self.load_preview(store)
    }

    /// The preview pane is on screen: as `p` last set it, else on a wide terminal.
    pub fn preview_shown(&self) -> bool {
        self.preview.unwrap_or(self.wide)
    }

    /// Reads the selected persona's preview facts when the pane shows and they are not read.
    pub fn load_preview(&mut self, store: &Store) -> Result<()> {
        if !self.preview_shown() {
            return Ok(());
        }
        let Some(id) = self.selected_summary().map(|s| s.id.clone()) else {
            self.preview_of = None;
            return Ok(());
        };
        if self.preview_of.as_ref().is_some_and(|p| p.id == id) {
            return Ok(());
        }
        let p = store.load(&id)?;
        let r = p.readiness();
        self.preview_of = Some(Preview {
            id,
            one_liner: p.text("one_liner").map(str::to_string),
            readiness: r.level.to_string(),
            readiness_score: r.score,
            stored_readiness: p.text("gen_ai_readiness_level").map(str::to_string),
        });
        Ok(())
    }

    /// Looks up where the search matched the rows on screen that are not known yet.
    fn fill_hits(&mut self, store: &Store, viewport: usize) -> Result<()> {
        if self.filter.text.trim().is_empty() {
            self.hits.clear();
            return Ok(());
        }
        let from = self
            .top
            .saturating_sub(self.window_start)
            .min(self.rows.len());
        let to = (from + viewport).min(self.rows.len());
        let missing: Vec<Summary> = self.rows[from..to]
            .iter()
            .filter(|r| !self.hits.contains_key(&r.id))
            .cloned()
            .collect();
        self.hits
            .extend(search::hits_for(store, &self.filter, &missing)?);
        Ok(())
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
        // Codes show their one label; a function is a name, shown as it is.
        for (name, v, coded) in [
            ("archetype", &f.archetype, true),
            ("status", &f.status, true),
            ("function", &f.function, false),
            ("tier", &f.tier, true),
        ] {
            if let Some(v) = v {
                let shown = if coded {
                    crate::catalog::labels::code(v)
                } else {
                    v.clone()
                };
                out.push(format!("{name}:{shown}"));
            }
        }
        out
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
