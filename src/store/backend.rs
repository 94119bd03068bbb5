//! The seam between the store and a database: every operation the app, the CLI, `gen` and
//! `transfer` need, in domain types. `sqlite::SqliteBackend` is today's implementation; a
//! PostgreSQL backend implements the same trait on the design's own schema.
//!
//! What a backend does not do: validate personas (the `Store` does, before a write, the same
//! way for every backend), choose free slugs or copy personas (built on `slug_taken` and
//! `load`), or keep the tenant, user and lookups (the `Store` holds them and passes a `Scope`).

use super::error::Result;
use super::query::{Facet, FacetCount, Filter, SearchHit, SortKey};
use super::types::{CheckReport, DistributionRow, HistoryEntry, Tenant};
use crate::catalog::{Lookups, OrgKind};
use crate::model::{Persona, Summary};

/// Who is acting, and where: every read and write of a persona is scoped to `tenant`.
#[derive(Clone, Copy, Debug)]
pub struct Scope<'a> {
    pub tenant: &'a Tenant,
    pub user_id: &'a str,
    pub lookups: &'a Lookups,
}

/// The operations a database offers the store. Writes that change several rows are one
/// transaction each; a refusal is a `StoreError` variant that says why.
pub trait Backend {
    /// No persona in any tenant, deleted or not: a database nobody has used yet.
    fn is_empty_database(&self) -> Result<bool>;

    // Tenants, users and lookup codes.
    fn tenants(&self) -> Result<Vec<Tenant>>;
    fn find_tenant(&self, key: &str) -> Result<Option<Tenant>>;
    /// Creates a tenant, or returns the existing one with that key.
    fn add_tenant(&mut self, key: &str, name: &str) -> Result<Tenant>;
    /// The user's id, creating the user on first use.
    fn ensure_user(&mut self, username: &str) -> Result<String>;
    /// The user's id if the user exists; never writes (a read-only open uses it). A backend
    /// that cannot tell answers None, and reads then act as no known user.
    fn find_user(&self, _username: &str) -> Result<Option<String>> {
        Ok(None)
    }
    fn username_of(&self, user_id: &str) -> Result<Option<String>>;
    /// The active codes of every lookup table the catalog names.
    fn lookups(&self) -> Result<Lookups>;
    fn org_names(&self, s: &Scope<'_>, kind: OrgKind) -> Result<Vec<String>>;

    // One persona.
    fn load(&self, s: &Scope<'_>, id: &str) -> Result<Option<Persona>>;
    fn id_by_slug(&self, s: &Scope<'_>, slug: &str) -> Result<Option<String>>;
    /// Whether any persona of any tenant has this slug (slugs are unique across tenants).
    fn slug_taken(&self, slug: &str) -> Result<bool>;
    /// Whether any persona of any tenant has a slug starting with `prefix`.
    fn slug_prefix_taken(&self, prefix: &str) -> Result<bool>;
    /// Writes a validated persona with its lists; returns its id. Unless `overwrite`, an
    /// existing persona must still have the version it was loaded with.
    fn save(&mut self, s: &Scope<'_>, p: &Persona, overwrite: bool) -> Result<String>;
    /// Soft-deletes (`delete`) or restores; false when there was nothing to change.
    fn set_deleted(&mut self, s: &Scope<'_>, id: &str, delete: bool) -> Result<bool>;

    // Many personas at once: the bulk writer.
    /// Validated personas in one transaction, matched to the tenant's by slug: existing ones
    /// are replaced (their lists too), others created. Returns (created, updated).
    fn save_all(&mut self, s: &Scope<'_>, personas: &[Persona]) -> Result<(usize, usize)>;
    /// New, validated personas with the ids, timestamps and history they carry, in one
    /// transaction; returns the number of list rows written.
    fn bulk_create(
        &mut self,
        s: &Scope<'_>,
        personas: &mut dyn Iterator<Item = Result<Persona>>,
    ) -> Result<u64>;

    // The browser and the other screens.
    fn count(&self, s: &Scope<'_>, f: &Filter) -> Result<usize>;
    fn summaries(
        &self,
        s: &Scope<'_>,
        f: &Filter,
        sort: SortKey,
        descending: bool,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Summary>>;
    fn function_names(&self, s: &Scope<'_>) -> Result<Vec<String>>;
    fn distribution(&self, s: &Scope<'_>) -> Result<Vec<DistributionRow>>;
    fn map_points(&self, s: &Scope<'_>) -> Result<Vec<Summary>>;
    /// Where a search matched each of the given personas (see `SearchHit`).
    fn search_hits(&self, s: &Scope<'_>, text: &str, ids: &[String]) -> Result<Vec<SearchHit>>;
    /// Each value of a filter and how many personas the other filters select have it.
    fn facet_counts(&self, s: &Scope<'_>, facet: Facet, f: &Filter) -> Result<Vec<FacetCount>>;
    /// Where a persona is in the filtered, sorted list (None: the filter leaves it out).
    fn position(
        &self,
        s: &Scope<'_>,
        f: &Filter,
        sort: SortKey,
        descending: bool,
        id: &str,
    ) -> Result<Option<usize>>;
    /// The ids of the filtered personas, sorted as the browser sorts them.
    fn matching_ids(
        &self,
        s: &Scope<'_>,
        f: &Filter,
        sort: SortKey,
        descending: bool,
    ) -> Result<Vec<String>>;
    /// The summaries of these personas, in the order given (those gone left out).
    fn summaries_by_ids(&self, s: &Scope<'_>, ids: &[String]) -> Result<Vec<Summary>>;
    /// A way to stop this backend's running query from another thread, if it has one.
    fn interrupter(&self) -> Option<super::Interrupter> {
        None
    }

    // The review workflow.
    fn move_status(
        &mut self,
        s: &Scope<'_>,
        id: &str,
        to: &str,
        note: Option<&str>,
        expected_version: Option<i64>,
    ) -> Result<i64>;
    fn status_of(&self, s: &Scope<'_>, id: &str) -> Result<Option<String>>;
    fn history(&self, s: &Scope<'_>, id: &str) -> Result<Vec<HistoryEntry>>;
    fn review_queue(&self, s: &Scope<'_>) -> Result<Vec<Summary>>;

    /// The file's integrity and the design's derived values for the tenant's personas.
    fn check(&self, s: &Scope<'_>) -> Result<CheckReport>;

    // Limits on this store's own writes (a view-only session, a quota), which also let the
    // tests show what a read-only file or a full disk does to a save.
    /// Refuses every write with `StoreError::ReadOnly` while on.
    fn set_read_only(&mut self, on: bool) -> Result<()>;
    /// While off, the database may not grow: a write that needs more space is
    /// `StoreError::DiskFull`.
    fn set_growth_allowed(&mut self, allowed: bool) -> Result<()>;

    /// The team library's state, where this backend keeps one (a local file does; the
    /// remote itself does not).
    fn sync_state(&mut self) -> Option<&mut dyn super::sync_state::SyncState> {
        None
    }

    // The review trail (schema/007_review.sql); a backend without one has nothing to show.
    /// The snapshot (JSON text) of each history row, in the history's order.
    fn snapshots(&self, _s: &Scope<'_>, _id: &str) -> Result<Vec<Option<String>>> {
        Ok(Vec::new())
    }
    fn review_events(&self, _s: &Scope<'_>, _id: &str) -> Result<Vec<super::review::ReviewEvent>> {
        Ok(Vec::new())
    }
    fn queue_facts(&self, _s: &Scope<'_>) -> Result<Vec<super::review::QueueFacts>> {
        Ok(Vec::new())
    }

    /// `sync_state` to read only (the browser's marks, drawn from `&Store`).
    fn sync_state_read(&self) -> Option<&dyn super::sync_state::SyncState> {
        None
    }
}
