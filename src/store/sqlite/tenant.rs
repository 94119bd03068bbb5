//! Tenants, users, organisation tables and lookup codes.

use rusqlite::{Connection, OptionalExtension, params};

use crate::catalog::validate::slugify;
use crate::catalog::{Lookups, OrgKind};
use crate::store::Tenant;
use crate::store::error::Result;

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

pub fn find(conn: &Connection, key: &str) -> Result<Option<Tenant>> {
    Ok(conn
        .query_row(
            "SELECT id, tenant_key, name FROM tenants WHERE tenant_key = ?1",
            params![key],
            |r| {
                Ok(Tenant {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    name: r.get(2)?,
                })
            },
        )
        .optional()?)
}

pub fn list(conn: &Connection) -> Result<Vec<Tenant>> {
    let mut st = conn.prepare("SELECT id, tenant_key, name FROM tenants ORDER BY tenant_key")?;
    let rows = st.query_map([], |r| {
        Ok(Tenant {
            id: r.get(0)?,
            key: r.get(1)?,
            name: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Creates a tenant; returns it, or the existing one with that key.
pub fn add(conn: &Connection, key: &str, name: &str) -> Result<Tenant> {
    if let Some(t) = find(conn, key)? {
        return Ok(t);
    }
    conn.execute(
        "INSERT INTO tenants (id, tenant_key, name) VALUES (?1, ?2, ?3)",
        params![new_id(), key, name],
    )?;
    find(conn, key)?.ok_or_else(|| crate::store::StoreError::UnknownTenant(key.to_string()))
}

/// The default tenant exists in every database this app has opened. Writes only when missing,
/// so a read-only file that has it still opens.
pub fn ensure_default(conn: &Connection) -> Result<()> {
    if find(conn, crate::store::DEFAULT_TENANT)?.is_none() {
        add(conn, crate::store::DEFAULT_TENANT, "Default tenant")?;
    }
    Ok(())
}

/// The user's id, creating the user on first use.
pub fn ensure_user(conn: &Connection, username: &str) -> Result<String> {
    let found: Option<String> = conn
        .query_row(
            "SELECT id FROM users WHERE username = ?1",
            params![username],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    let id = new_id();
    conn.execute(
        "INSERT INTO users (id, username, display_name) VALUES (?1, ?2, ?2)",
        params![id, username],
    )?;
    Ok(id)
}

pub fn load_lookups(conn: &Connection) -> Result<Lookups> {
    let mut l = Lookups::default();
    for table in crate::catalog::lookup_tables() {
        // Table names come from the catalog, never from input.
        let mut st = conn.prepare(&format!(
            "SELECT code, display_name FROM {table} WHERE is_active IS NOT 0 ORDER BY sort_order, code"
        ))?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        l.tables
            .insert(table.to_string(), rows.collect::<rusqlite::Result<_>>()?);
    }
    Ok(l)
}

/// Names of a tenant's organisation rows, for the pickers.
pub fn org_names(conn: &Connection, tenant_id: &str, kind: OrgKind) -> Result<Vec<String>> {
    let mut st = conn.prepare(&format!(
        "SELECT name FROM {} WHERE tenant_id = ?1 ORDER BY name COLLATE NOCASE",
        kind.table()
    ))?;
    let rows = st.query_map(params![tenant_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The id of the organisation row with this name (or slug) in the tenant, created if missing.
/// Departments are attached to the persona's function, roles to its function and department.
pub fn resolve_org(
    conn: &Connection,
    tenant_id: &str,
    kind: OrgKind,
    name: &str,
    function_id: Option<&str>,
    department_id: Option<&str>,
) -> Result<String> {
    let slug = slugify(name);
    let table = kind.table();
    let found: Option<String> = conn
        .query_row(
            &format!("SELECT id FROM {table} WHERE tenant_id = ?1 AND (name = ?2 OR slug = ?3) ORDER BY name = ?2 DESC LIMIT 1"),
            params![tenant_id, name, slug],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    let id = new_id();
    match kind {
        OrgKind::Function => conn.execute(
            "INSERT INTO org_functions (id, tenant_id, name, slug) VALUES (?1, ?2, ?3, ?4)",
            params![id, tenant_id, name, slug],
        )?,
        OrgKind::Department => conn.execute(
            "INSERT INTO org_departments (id, tenant_id, function_id, name, slug) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, tenant_id, function_id, name, slug],
        )?,
        OrgKind::Role => conn.execute(
            "INSERT INTO org_roles (id, tenant_id, function_id, department_id, name, slug) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, tenant_id, function_id, department_id, name, slug],
        )?,
    };
    Ok(id)
}
