//! The persona store: every SQL statement of the app lives under this module, every statement
//! is parameterised, and every query is scoped to the store's tenant.

pub mod check;
pub mod convert;
pub mod db;
pub mod error;
pub mod persona;
pub mod summary;
pub mod tenant;
pub mod workflow;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use error::{Location, Problem, Result, StoreError};
pub use summary::{Filter, SortKey};
pub use tenant::Tenant;

use crate::catalog::Lookups;

/// The tenant created by `init` and used when no `--tenant` is given.
pub const DEFAULT_TENANT: &str = "default";

/// A connection bound to one tenant and one user.
pub struct Store {
    conn: Connection,
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
        let conn = db::open_file(path)?;
        let mut s = Store::with_connection(conn, tenant_key, user)?;
        // Canonical, so a recovery file matches the database however its path was typed.
        s.path = Some(path.canonicalize().unwrap_or_else(|_| path.to_path_buf()));
        Ok(s)
    }

    pub fn open_in_memory(tenant_key: Option<&str>, user: &str) -> Result<Store> {
        Store::with_connection(db::open_in_memory()?, tenant_key, user)
    }

    fn with_connection(conn: Connection, tenant_key: Option<&str>, user: &str) -> Result<Store> {
        tenant::ensure_default(&conn)?;
        let key = tenant_key.unwrap_or(DEFAULT_TENANT);
        let tenant =
            tenant::find(&conn, key)?.ok_or_else(|| StoreError::UnknownTenant(key.to_string()))?;
        let user_id = tenant::ensure_user(&conn, user)?;
        let lookups = tenant::load_lookups(&conn)?;
        Ok(Store {
            conn,
            tenant,
            user_id,
            user_name: user.to_string(),
            lookups,
            path: None,
        })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
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
        Ok(self
            .conn
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM personas)", [], |r| {
                r.get(0)
            })?)
    }

    /// Switches to another existing tenant.
    pub fn switch_tenant(&mut self, key: &str) -> Result<()> {
        self.tenant = tenant::find(&self.conn, key)?
            .ok_or_else(|| StoreError::UnknownTenant(key.to_string()))?;
        Ok(())
    }
}
