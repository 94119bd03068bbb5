//! Today's backend: one SQLite file (or memory) per store, migrated from `schema/`. All of the
//! app's SQL lives under this module; every statement is parameterised, and every query of a
//! persona is scoped to the `Scope`'s tenant.
//!
//! `db` is public for the schema tests and the benchmarks, which check the migrated schema
//! with SQL of their own; the app, the CLI and `transfer` never see a connection.

mod bulk;
mod check;
mod check_more;
mod convert;
pub mod db;
mod error;
mod persona;
mod review;
mod rows;
mod search;
mod summary;
mod tenant;
mod workflow;
mod writer;

use std::path::Path;

use rusqlite::Connection;

pub use bulk::PER_ROW_TRIGGERS;
pub use search::FTS_COLUMNS;

use super::backend::{Backend, Scope};
use super::error::Result;
use super::query::{Facet, FacetCount, Filter, SearchHit, SortKey};
use super::types::{CheckReport, DistributionRow, HistoryEntry, Tenant};
use crate::catalog::{Lookups, OrgKind};
use crate::model::{Persona, Summary};

mod load;
mod sync;
mod sync_marks;

pub struct SqliteBackend {
    conn: Connection,
    /// `max_page_count` before `set_growth_allowed(false)`, to put back.
    page_limit: Option<i64>,
}

impl SqliteBackend {
    /// Opens (creating and migrating if needed) a database file; the default tenant is
    /// created when missing.
    pub fn open_file(path: &Path) -> Result<SqliteBackend> {
        SqliteBackend::with_connection(db::open_file(path)?)
    }

    /// Opens an existing persona database for reading only: nothing is created, migrated or
    /// written (see `db::Access::Read`).
    pub fn open_file_read(path: &Path) -> Result<SqliteBackend> {
        Ok(SqliteBackend {
            conn: db::open_file_for(path, db::Access::Read)?,
            page_limit: None,
        })
    }

    /// A migrated in-memory database, for tests and dry runs.
    pub fn open_in_memory() -> Result<SqliteBackend> {
        SqliteBackend::with_connection(db::open_in_memory()?)
    }

    fn with_connection(conn: Connection) -> Result<SqliteBackend> {
        tenant::ensure_default(&conn)?;
        Ok(SqliteBackend {
            conn,
            page_limit: None,
        })
    }
}

impl Backend for SqliteBackend {
    fn sync_state(&mut self) -> Option<&mut dyn crate::store::sync_state::SyncState> {
        Some(self)
    }

    fn sync_state_read(&self) -> Option<&dyn crate::store::sync_state::SyncState> {
        Some(self)
    }

    fn is_empty_database(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM personas)", [], |r| {
                r.get(0)
            })?)
    }

    fn tenants(&self) -> Result<Vec<Tenant>> {
        tenant::list(&self.conn)
    }

    fn find_tenant(&self, key: &str) -> Result<Option<Tenant>> {
        tenant::find(&self.conn, key)
    }

    fn add_tenant(&mut self, key: &str, name: &str) -> Result<Tenant> {
        tenant::add(&self.conn, key, name)
    }

    fn ensure_user(&mut self, username: &str) -> Result<String> {
        tenant::ensure_user(&self.conn, username)
    }

    fn find_user(&self, username: &str) -> Result<Option<String>> {
        tenant::find_user(&self.conn, username)
    }

    fn username_of(&self, user_id: &str) -> Result<Option<String>> {
        SqliteBackend::username_of(self, user_id)
    }

    fn lookups(&self) -> Result<Lookups> {
        tenant::load_lookups(&self.conn)
    }

    fn org_names(&self, s: &Scope<'_>, kind: OrgKind) -> Result<Vec<String>> {
        tenant::org_names(&self.conn, &s.tenant.id, kind)
    }

    fn load(&self, s: &Scope<'_>, id: &str) -> Result<Option<Persona>> {
        load::load(&self.conn, &s.tenant.id, id)
    }

    fn id_by_slug(&self, s: &Scope<'_>, slug: &str) -> Result<Option<String>> {
        SqliteBackend::id_by_slug(self, s, slug)
    }

    fn slug_taken(&self, slug: &str) -> Result<bool> {
        SqliteBackend::slug_taken(self, slug)
    }

    fn slug_prefix_taken(&self, prefix: &str) -> Result<bool> {
        SqliteBackend::slug_prefix_taken(self, prefix)
    }

    fn save(&mut self, s: &Scope<'_>, p: &Persona, overwrite: bool) -> Result<String> {
        SqliteBackend::save(self, s, p, overwrite)
    }

    fn set_deleted(&mut self, s: &Scope<'_>, id: &str, delete: bool) -> Result<bool> {
        SqliteBackend::set_deleted(self, s, id, delete)
    }

    fn save_all(&mut self, s: &Scope<'_>, personas: &[Persona]) -> Result<(usize, usize)> {
        SqliteBackend::save_all(self, s, personas)
    }

    fn bulk_create(
        &mut self,
        s: &Scope<'_>,
        personas: &mut dyn Iterator<Item = Result<Persona>>,
    ) -> Result<u64> {
        SqliteBackend::bulk_create(self, s, personas)
    }

    fn count(&self, s: &Scope<'_>, f: &Filter) -> Result<usize> {
        SqliteBackend::count(self, s, f)
    }

    fn summaries(
        &self,
        s: &Scope<'_>,
        f: &Filter,
        sort: SortKey,
        descending: bool,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Summary>> {
        SqliteBackend::summaries(self, s, f, sort, descending, offset, limit)
    }

    fn function_names(&self, s: &Scope<'_>) -> Result<Vec<String>> {
        SqliteBackend::function_names(self, s)
    }

    fn search_hits(&self, s: &Scope<'_>, text: &str, ids: &[String]) -> Result<Vec<SearchHit>> {
        SqliteBackend::search_hits(self, s, text, ids)
    }

    fn facet_counts(&self, s: &Scope<'_>, facet: Facet, f: &Filter) -> Result<Vec<FacetCount>> {
        SqliteBackend::facet_counts(self, s, facet, f)
    }

    fn position(
        &self,
        s: &Scope<'_>,
        f: &Filter,
        sort: SortKey,
        descending: bool,
        id: &str,
    ) -> Result<Option<usize>> {
        SqliteBackend::position(self, s, f, sort, descending, id)
    }

    fn matching_ids(
        &self,
        s: &Scope<'_>,
        f: &Filter,
        sort: SortKey,
        descending: bool,
    ) -> Result<Vec<String>> {
        SqliteBackend::matching_ids(self, s, f, sort, descending)
    }

    fn summaries_by_ids(&self, s: &Scope<'_>, ids: &[String]) -> Result<Vec<Summary>> {
        SqliteBackend::summaries_by_ids(self, s, ids)
    }

    fn interrupter(&self) -> Option<super::Interrupter> {
        Some(SqliteBackend::interrupter(self))
    }

    fn distribution(&self, s: &Scope<'_>) -> Result<Vec<DistributionRow>> {
        SqliteBackend::distribution(self, s)
    }

    fn map_points(&self, s: &Scope<'_>) -> Result<Vec<Summary>> {
        SqliteBackend::map_points(self, s)
    }

    fn move_status(
        &mut self,
        s: &Scope<'_>,
        id: &str,
        to: &str,
        note: Option<&str>,
        expected_version: Option<i64>,
    ) -> Result<i64> {
        SqliteBackend::move_status(self, s, id, to, note, expected_version)
    }

    fn status_of(&self, s: &Scope<'_>, id: &str) -> Result<Option<String>> {
        SqliteBackend::status_of(self, s, id)
    }

    fn history(&self, s: &Scope<'_>, id: &str) -> Result<Vec<HistoryEntry>> {
        SqliteBackend::history(self, s, id)
    }

    fn review_queue(&self, s: &Scope<'_>) -> Result<Vec<Summary>> {
        SqliteBackend::review_queue(self, s)
    }

    fn snapshots(&self, s: &Scope<'_>, id: &str) -> Result<Vec<Option<String>>> {
        SqliteBackend::snapshots(self, s, id)
    }

    fn review_events(&self, s: &Scope<'_>, id: &str) -> Result<Vec<super::review::ReviewEvent>> {
        SqliteBackend::review_events(self, s, id)
    }

    fn queue_facts(&self, s: &Scope<'_>) -> Result<Vec<super::review::QueueFacts>> {
        SqliteBackend::queue_facts(self, s)
    }

    fn check(&self, s: &Scope<'_>) -> Result<CheckReport> {
        SqliteBackend::check(self, s)
    }

    fn set_read_only(&mut self, on: bool) -> Result<()> {
        self.conn.pragma_update(None, "query_only", on)?;
        Ok(())
    }

    fn set_growth_allowed(&mut self, allowed: bool) -> Result<()> {
        match (allowed, self.page_limit) {
            (false, None) => {
                let old: i64 = self
                    .conn
                    .pragma_query_value(None, "max_page_count", |r| r.get(0))?;
                let pages: i64 = self
                    .conn
                    .pragma_query_value(None, "page_count", |r| r.get(0))?;
                self.conn.pragma_update(None, "max_page_count", pages)?;
                self.page_limit = Some(old);
            }
            (true, Some(old)) => {
                self.conn.pragma_update(None, "max_page_count", old)?;
                self.page_limit = None;
            }
            _ => {}
        }
        Ok(())
    }
}
