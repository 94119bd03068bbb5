//! What the browser, the search worker and the archetype screens read: counts, windows of
//! summaries, search matches and facet counts, and the handle that stops a running query.
//! Each is a tenant-scoped read handed to the backend.

use super::types::DistributionRow;
use super::{Facet, FacetCount, Filter, Result, SearchHit, SortKey, Store};
use crate::model::Summary;

/// Stops a store's running query from another thread: the query fails with an error for
/// which `StoreError::is_interrupted` is true. Stopping when nothing runs does nothing.
pub struct Interrupter(Box<dyn Fn() + Send + Sync>);

impl Interrupter {
    pub fn new(f: impl Fn() + Send + Sync + 'static) -> Interrupter {
        Interrupter(Box::new(f))
    }

    pub fn interrupt(&self) {
        (self.0)()
    }
}

impl std::fmt::Debug for Interrupter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Interrupter")
    }
}

impl Store {
    /// How many personas match, for the scroll bar and the header.
    pub fn count(&self, f: &Filter) -> Result<usize> {
        self.backend.count(&self.scope(), f)
    }

    /// Where a search for `text` matched each of `ids` (the tenant's; those that do not
    /// match are left out).
    pub fn search_hits(&self, text: &str, ids: &[String]) -> Result<Vec<SearchHit>> {
        self.backend.search_hits(&self.scope(), text, ids)
    }

    /// Each value of `facet` and how many personas the rest of `f` selects have it.
    pub fn facet_counts(&self, facet: Facet, f: &Filter) -> Result<Vec<FacetCount>> {
        self.backend.facet_counts(&self.scope(), facet, f)
    }

    /// Where persona `id` is in the filtered, sorted list (None: the filter leaves it out).
    pub fn position(
        &self,
        f: &Filter,
        sort: SortKey,
        descending: bool,
        id: &str,
    ) -> Result<Option<usize>> {
        self.backend
            .position(&self.scope(), f, sort, descending, id)
    }

    /// The ids of the filtered personas in the browser's order (a search result keeps them).
    pub fn matching_ids(&self, f: &Filter, sort: SortKey, descending: bool) -> Result<Vec<String>> {
        self.backend
            .matching_ids(&self.scope(), f, sort, descending)
    }

    /// The summaries of `ids`, in the order given; a persona that is gone is left out.
    pub fn summaries_by_ids(&self, ids: &[String]) -> Result<Vec<Summary>> {
        self.backend.summaries_by_ids(&self.scope(), ids)
    }

    /// Stops this store's running query from another thread (None: it cannot be stopped).
    pub fn interrupter(&self) -> Option<Interrupter> {
        self.backend.interrupter()
    }

    /// One window of matching personas, sorted.
    pub fn summaries(
        &self,
        f: &Filter,
        sort: SortKey,
        descending: bool,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Summary>> {
        self.backend
            .summaries(&self.scope(), f, sort, descending, offset, limit)
    }

    /// Distinct function names of the tenant's live personas, for the function filter.
    pub fn function_names(&self) -> Result<Vec<String>> {
        self.backend.function_names(&self.scope())
    }

    /// The design's `v_archetype_distribution`, for this tenant only.
    pub fn distribution(&self) -> Result<Vec<DistributionRow>> {
        self.backend.distribution(&self.scope())
    }

    /// Live personas that have both map scores, for the archetype map.
    pub fn map_points(&self) -> Result<Vec<Summary>> {
        self.backend.map_points(&self.scope())
    }
}
