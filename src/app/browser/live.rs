//! The search text as it is typed: each change goes to the background search (or, on a
//! database with no file, runs at once), and the terminal loop's tick takes the result in.

use std::time::Duration;

use super::search::{self, SearchOutcome, SearchRequest, Searcher, WorkerGone};
use crate::app::App;

/// How often the loop wakes while a search runs: well under a frame.
const SEARCH_TICK: Duration = Duration::from_millis(10);

impl App {
    /// The search text changed (typed or pasted): filter again from the top, without waiting
    /// for the database.
    pub(in crate::app) fn search_changed(&mut self) {
        self.browser.filter.text = self.browser.search.text().to_string();
        self.submit_search();
    }

    /// Runs the browser's filter from the top, in the background when the store has a file:
    /// a search keystroke, or a filter or sort change while search text is set (the full-text
    /// part is what costs).
    pub(in crate::app) fn submit_search(&mut self) {
        let b = &mut self.browser;
        b.selected = 0;
        b.top = 0;
        b.search_seq += 1;
        if b.filter.searches_nothing() {
            // Only symbols or emoji: no query, nothing shown, and the table says why.
            b.pending = None;
            b.total = 0;
            b.ids = None;
            b.rows.clear();
            b.window_start = 0;
            b.hits.clear();
            return;
        }
        let req = SearchRequest {
            seq: b.search_seq,
            filter: b.filter.clone(),
            sort: b.sort,
            descending: b.descending,
            viewport: crate::app::browser_viewport(self.size.1),
        };
        if let Some(searcher) = self.searcher()
            && searcher.submit(req.clone())
        {
            self.browser.pending = Some(req.seq);
            return;
        }
        self.browser.pending = None;
        let outcome = SearchOutcome {
            seq: req.seq,
            result: search::run(&self.store, &req).map_err(|e| e.to_string()),
        };
        self.take_search(outcome);
    }

    /// Selects persona `id` in the browser (a persona just saved, new ones included), when
    /// the filter shows it.
    pub(in crate::app) fn select_in_browser(&mut self, id: &str) {
        let b = &self.browser;
        match self.store.position(&b.filter, b.sort, b.descending, id) {
            Ok(Some(i)) => {
                let vp = self.viewport();
                if let Err(e) = self.browser.select(&self.store, i, vp) {
                    self.error(e.to_string());
                }
            }
            Ok(None) => {}
            Err(e) => self.error(e.to_string()),
        }
    }

    /// The worker for this store and tenant, started on first use; None for a database with
    /// no file (tests, dry runs), which is searched inline.
    fn searcher(&mut self) -> Option<&Searcher> {
        let path = self.store.path()?.to_path_buf();
        let tenant = self.store.tenant().key.clone();
        if self.browser.searcher.as_ref().map(|s| &s.tenant) != Some(&tenant) {
            let user = self.store.user_name().to_string();
            self.browser.searcher = Some(Searcher::spawn(path, tenant, user));
        }
        self.browser.searcher.as_ref()
    }

    /// `tick_interval`'s part for the search: wake soon while one runs.
    pub(in crate::app) fn search_tick_interval(&self) -> Option<Duration> {
        self.browser.pending.map(|_| SEARCH_TICK)
    }

    /// `tick`'s part for the search: takes in the newest finished result.
    pub(in crate::app) fn search_tick(&mut self) {
        if self.browser.pending.is_none() {
            return;
        }
        let Some(searcher) = self.browser.searcher.as_ref() else {
            return;
        };
        match searcher.try_take() {
            Ok(Some(o)) => self.take_search(o),
            Ok(None) => {}
            // Nothing will come: the next keystroke starts a new worker.
            Err(WorkerGone) => {
                self.browser.pending = None;
                self.browser.searcher = None;
                self.error("The search stopped; type again to search");
            }
        }
    }

    /// Waits (up to `timeout`) for the running search and takes its result in; true when
    /// nothing is left running. For tests and benchmarks, which need a settled screen; the
    /// terminal loop uses `tick`.
    pub fn wait_for_search(&mut self, timeout: Duration) -> bool {
        let Some(seq) = self.browser.pending else {
            return true;
        };
        let outcome = self
            .browser
            .searcher
            .as_ref()
            .and_then(|s| s.wait(seq, timeout));
        match outcome {
            Some(o) => {
                self.take_search(o);
                true
            }
            None => {
                // Timed out, or the worker is gone (which `search_tick` clears).
                self.search_tick();
                self.browser.pending.is_none()
            }
        }
    }

    /// A search result, if it is the newest request's, becomes the browser's list.
    fn take_search(&mut self, o: SearchOutcome) {
        if o.seq != self.browser.search_seq {
            return;
        }
        self.browser.pending = None;
        match o.result {
            Ok(found) => {
                let b = &mut self.browser;
                b.total = found.ids.len();
                b.ids = Some(found.ids);
                b.rows = found.rows;
                b.window_start = 0;
                b.selected = 0;
                b.top = 0;
                b.hits = found.hits;
                if let Err(e) = self.browser.load_preview(&self.store) {
                    self.error(e.to_string());
                }
            }
            Err(e) => self.error(e),
        }
    }
}
