//! The persona store: the one interface the app, the CLI, `gen` and `transfer` use, in domain
//! types only (personas, summaries, tenants, filters; `StoreError` for what went wrong).
//!
//! The seam: `Store` keeps who is acting (tenant, user) and the lookup codes, validates every
//! persona before a write, and hands each operation to a `Backend` (`backend.rs`) with a
//! `Scope`. `sqlite::SqliteBackend` is today's backend and holds all of the app's SQL; a
//! PostgreSQL backend is another implementation of `Backend` plus a constructor here, and
//! nothing outside `src/store/` changes. No rusqlite type crosses this module's public API
//! except `sqlite::db`, which the schema tests and benchmarks use to inspect the schema.

pub mod backend;
mod browse;
pub mod chain;
pub mod error;
pub mod matched;
pub mod postgres;
pub mod query;
pub mod review;
pub mod sqlite;
pub mod sync_state;
pub mod types;
pub mod validate;

use std::path::{Path, PathBuf};

pub use backend::{Backend, Scope};
pub use browse::Interrupter;
pub use error::{Location, Problem, Result, StoreError};
pub use query::{Facet, FacetCount, Filter, SearchHit, SortKey};
pub use sqlite::db;
pub use types::{CheckReport, DistributionRow, HistoryEntry, Tenant};
pub use validate::validate;

use crate::catalog::validate::slugify;
use crate::catalog::{Lookups, OrgKind};
use crate::model::{Persona, Summary, Value};

/// The tenant created by `init` and used when no `--tenant` is given.
pub const DEFAULT_TENANT: &str = "default";

/// The longest tenant key: a DNS label's length, enough for a team name.
pub const MAX_TENANT_KEY: usize = 63;

/// A tenant key is a slug of at most `MAX_TENANT_KEY` characters: keys end up in file names
/// (recovery files) and URLs, so `../x`, spaces, quotes and control characters never get that far.
pub fn check_tenant_key(key: &str) -> Result<()> {
    if key.len() <= MAX_TENANT_KEY && crate::catalog::validate::is_slug(key) {
        return Ok(());
    }
    Err(StoreError::Usage(format!(
        "tenant key {}: must be 1 to {MAX_TENANT_KEY} lowercase letters (a-z), digits and single dashes, not starting or ending with a dash",
        crate::model::escape::quoted(key)
    )))
}

/// A database bound to one tenant and one user.
pub struct Store {
    backend: Box<dyn Backend>,
    tenant: Tenant,
    user_id: String,
    user_name: String,
    lookups: Lookups,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens a database file (created and migrated if needed) for the given tenant; the default
    /// tenant and the user are created on first use.
    pub fn open(path: &Path, tenant_key: Option<&str>, user: &str) -> Result<Store> {
        let backend = sqlite::SqliteBackend::open_file(path)?;
        let mut s = Store::with_backend(Box::new(backend), tenant_key, user)?;
        // Canonical, so a recovery file matches the database however its path was typed.
        s.path = Some(path.canonicalize().unwrap_or_else(|_| path.to_path_buf()));
        Ok(s)
    }

    /// Opens an existing persona database to read it (`list`, `show`, `history`, `export`,
    /// `check`): nothing is created, migrated or written, not even the user's row; a missing
    /// path is an error that suggests `init`.
    pub fn open_read(path: &Path, tenant_key: Option<&str>, user: &str) -> Result<Store> {
        let mut backend = sqlite::SqliteBackend::open_file_read(path)?;
        let key = tenant_key.unwrap_or(DEFAULT_TENANT);
        check_tenant_key(key)?;
        let tenant = backend
            .find_tenant(key)?
            .ok_or_else(|| StoreError::UnknownTenant(key.to_string()))?;
        let user_id = backend.find_user(user)?.unwrap_or_default();
        let lookups = backend.lookups()?;
        backend.set_read_only(true)?;
        Ok(Store {
            backend: Box::new(backend),
            tenant,
            user_id,
            user_name: user.to_string(),
            lookups,
            path: Some(path.canonicalize().unwrap_or_else(|_| path.to_path_buf())),
        })
    }

    pub fn open_in_memory(tenant_key: Option<&str>, user: &str) -> Result<Store> {
        let backend = sqlite::SqliteBackend::open_in_memory()?;
        Store::with_backend(Box::new(backend), tenant_key, user)
    }

    /// A store on any backend; the tenant must exist, the user is created on first use.
    pub fn with_backend(
        mut backend: Box<dyn Backend>,
        tenant_key: Option<&str>,
        user: &str,
    ) -> Result<Store> {
        let key = tenant_key.unwrap_or(DEFAULT_TENANT);
        check_tenant_key(key)?;
        let tenant = backend
            .find_tenant(key)?
            .ok_or_else(|| StoreError::UnknownTenant(key.to_string()))?;
        let user_id = backend.ensure_user(user)?;
        let lookups = backend.lookups()?;
        Ok(Store {
            backend,
            tenant,
            user_id,
            user_name: user.to_string(),
            lookups,
            path: None,
        })
    }

    fn scope(&self) -> Scope<'_> {
        Scope {
            tenant: &self.tenant,
            user_id: &self.user_id,
            lookups: &self.lookups,
        }
    }

    /// The backend to write with and the scope to write in, borrowed side by side.
    fn writer(&mut self) -> (&mut dyn Backend, Scope<'_>) {
        let scope = Scope {
            tenant: &self.tenant,
            user_id: &self.user_id,
            lookups: &self.lookups,
        };
        (self.backend.as_mut(), scope)
    }

    /// Runs `f` on the backend's team-library state in the store's scope; a backend without
    /// one (the remote itself) is a usage error.
    pub fn with_sync_state<R>(
        &mut self,
        f: impl FnOnce(&mut dyn sync_state::SyncState, &Scope<'_>) -> Result<R>,
    ) -> Result<R> {
        let scope = Scope {
            tenant: &self.tenant,
            user_id: &self.user_id,
            lookups: &self.lookups,
        };
        match self.backend.sync_state() {
            Some(state) => f(state, &scope),
            None => Err(StoreError::Usage(
                "this database cannot sync: it is not a local file".to_string(),
            )),
        }
    }

    /// The browser's sync marks for a page of personas (see `SyncState::marks`): empty for a
    /// backend without team-library state.
    pub fn sync_marks(
        &self,
        ids: &[String],
    ) -> Result<std::collections::HashMap<String, sync_state::SyncMark>> {
        match self.backend.sync_state_read() {
            Some(state) => state.marks(&self.scope(), ids),
            None => Ok(Default::default()),
        }
    }

    pub fn tenant(&self) -> &Tenant {
        &self.tenant
    }

    pub fn user_id(&self) -> &str {
        &self.user_id
    }

    pub fn user_name(&self) -> &str {
        &self.user_name
    }

    pub fn lookups(&self) -> &Lookups {
        &self.lookups
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// No persona in any tenant, deleted or not: a database nobody has used yet.
    pub fn is_empty_database(&self) -> Result<bool> {
        self.backend.is_empty_database()
    }

    /// Switches to another existing tenant.
    pub fn switch_tenant(&mut self, key: &str) -> Result<()> {
        check_tenant_key(key)?;
        self.tenant = self
            .backend
            .find_tenant(key)?
            .ok_or_else(|| StoreError::UnknownTenant(key.to_string()))?;
        Ok(())
    }

    /// Every tenant of the database, by key.
    pub fn tenants(&self) -> Result<Vec<Tenant>> {
        self.backend.tenants()
    }

    /// Creates a tenant; returns it, or the existing one with that key.
    pub fn add_tenant(&mut self, key: &str, name: &str) -> Result<Tenant> {
        check_tenant_key(key)?;
        self.backend.add_tenant(key, name)
    }

    /// Loads a persona of this tenant by id, deleted or not.
    pub fn load(&self, id: &str) -> Result<Persona> {
        self.backend
            .load(&self.scope(), id)?
            .ok_or_else(|| StoreError::NotFound(format!("persona {id}")))
    }

    /// Loads a persona of this tenant by slug.
    pub fn load_by_slug(&self, slug: &str) -> Result<Persona> {
        match self.backend.id_by_slug(&self.scope(), slug)? {
            Some(id) => self.load(&id),
            None => Err(StoreError::NotFound(format!(
                "persona \"{slug}\" in tenant {}",
                self.tenant.key
            ))),
        }
    }

    fn check_valid(&self, p: &Persona) -> Result<()> {
        let problems = validate(p, &self.lookups);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Invalid(problems))
        }
    }

    /// Validates and writes a persona with all its lists in one transaction; returns it as
    /// stored. An existing persona must still have the version it was loaded with.
    pub fn save(&mut self, p: &Persona) -> Result<Persona> {
        self.check_valid(p)?;
        let (backend, scope) = self.writer();
        let id = backend.save(&scope, p, false)?;
        self.load(&id)
    }

    /// Saves over whatever is stored now, ignoring the version check: the user's explicit
    /// "overwrite" answer to a conflict.
    pub fn save_overwriting(&mut self, p: &Persona) -> Result<Persona> {
        self.check_valid(p)?;
        let (backend, scope) = self.writer();
        let id = backend.save(&scope, p, true)?;
        self.load(&id)
    }

    /// Writes many personas in one transaction: all or nothing. A persona whose slug exists in
    /// this tenant is replaced (its lists too); others are created. Returns (created, updated).
    /// The problems of every persona are reported, not only the first one's.
    pub fn save_all(&mut self, personas: &[Persona]) -> Result<(usize, usize)> {
        let problems: Vec<Problem> = personas
            .iter()
            .flat_map(|p| validate(p, &self.lookups))
            .collect();
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        let (backend, scope) = self.writer();
        backend.save_all(&scope, personas)
    }

    /// New personas that carry their own ids, timestamps and history (`gen`), in one
    /// transaction; each is validated first. The items come from an iterator so a generator
    /// can build them while earlier ones are written. Returns the number of list rows.
    pub fn bulk_create(
        &mut self,
        personas: &mut dyn Iterator<Item = Result<Persona>>,
    ) -> Result<u64> {
        let lookups = self.lookups.clone();
        let mut checked = personas.map(|p| {
            let p = p?;
            let problems = validate(&p, &lookups);
            if problems.is_empty() {
                Ok(p)
            } else {
                Err(StoreError::Invalid(problems))
            }
        });
        let (backend, scope) = self.writer();
        backend.bulk_create(&scope, &mut checked)
    }

    /// Whether any persona of any tenant has a slug starting with `prefix`.
    pub fn slug_prefix_taken(&self, prefix: &str) -> Result<bool> {
        self.backend.slug_prefix_taken(prefix)
    }

    pub fn soft_delete(&mut self, id: &str) -> Result<()> {
        let (backend, scope) = self.writer();
        if !backend.set_deleted(&scope, id, true)? {
            return Err(StoreError::NotFound(format!("persona {id}")));
        }
        Ok(())
    }

    pub fn restore(&mut self, id: &str) -> Result<()> {
        let (backend, scope) = self.writer();
        if !backend.set_deleted(&scope, id, false)? {
            return Err(StoreError::NotFound(format!("deleted persona {id}")));
        }
        Ok(())
    }

    /// A copy of a persona as a new, unsaved draft with a free slug.
    pub fn duplicate(&self, id: &str) -> Result<Persona> {
        let mut p = self.load(id)?;
        p.id = None;
        p.version = 0;
        p.created_at = None;
        p.updated_at = None;
        p.deleted_at = None;
        for rows in &mut p.lists {
            for r in rows {
                r.id = None;
            }
        }
        let name = format!("{} (copy)", p.name());
        let slug = self.free_slug(&format!("{}-copy", p.slug()))?;
        p.set("name", Value::Text(name));
        p.set("slug", Value::Text(slug));
        p.set("validation_status", Value::text("draft"));
        p.set("validated_by", Value::Null);
        p.set("validated_at", Value::Null);
        Ok(p)
    }

    /// `base` if no persona uses it, else `base-2`, `base-3`, ... Slugs are unique across
    /// tenants (the design's `personas_slug_unique`), so this looks at all of them.
    pub fn free_slug(&self, base: &str) -> Result<String> {
        let base = if base.is_empty() {
            "persona".to_string()
        } else {
            slugify(base)
        };
        let mut candidate = base.clone();
        let mut n = 2;
        while self.backend.slug_taken(&candidate)? {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        Ok(candidate)
    }

    /// Names in the tenant's organisation table, for a picker.
    pub fn org_names(&self, kind: OrgKind) -> Result<Vec<String>> {
        self.backend.org_names(&self.scope(), kind)
    }

    /// Moves a persona to another status as the store's user: refused with the allowed moves
    /// unless the workflow allows it; a send-back needs a note. `expected_version`, when
    /// given, must match (the editor's loaded version). Returns the new version.
    pub fn move_status(
        &mut self,
        id: &str,
        to: &str,
        note: Option<&str>,
        expected_version: Option<i64>,
    ) -> Result<i64> {
        let (backend, scope) = self.writer();
        backend.move_status(&scope, id, to, note, expected_version)
    }

    /// A user's name by id, for showing `validated_by`.
    pub fn username_of(&self, user_id: &str) -> Result<Option<String>> {
        self.backend.username_of(user_id)
    }

    /// The statuses a persona can move to now.
    pub fn moves_for(&self, id: &str) -> Result<Vec<&'static str>> {
        let from = self
            .backend
            .status_of(&self.scope(), id)?
            .ok_or_else(|| StoreError::NotFound(format!("persona {id}")))?;
        Ok(crate::workflow::allowed_moves(&from).to_vec())
    }

    /// A persona's status history, oldest first.
    pub fn history(&self, id: &str) -> Result<Vec<HistoryEntry>> {
        self.backend.history(&self.scope(), id)
    }

    /// The review queue: personas waiting in pending_review, the longest waiting first.
    pub fn review_queue(&self) -> Result<Vec<Summary>> {
        self.backend.review_queue(&self.scope())
    }

    /// integrity_check, foreign_key_check, stored-versus-computed readiness and VPANES totals,
    /// and archetype-versus-quadrant warnings, for this tenant's personas.
    pub fn check(&self) -> Result<CheckReport> {
        self.backend.check(&self.scope())
    }

    /// Refuses every write of this store with `StoreError::ReadOnly` while on: a view-only
    /// session, and how the tests show what a read-only file does to a save.
    pub fn set_read_only(&mut self, on: bool) -> Result<()> {
        self.backend.set_read_only(on)
    }

    /// While off, the database may not grow (a write that needs space is
    /// `StoreError::DiskFull`): a quota, and how the tests show a full disk.
    pub fn set_growth_allowed(&mut self, allowed: bool) -> Result<()> {
        self.backend.set_growth_allowed(allowed)
    }
}
