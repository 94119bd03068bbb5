//! Tenants, users, organisation tables and lookup codes.

use rusqlite::{Connection, OptionalExtension, params};

use unicode_normalization::UnicodeNormalization;

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

/// The user's id, if the user exists.
pub fn find_user(conn: &Connection, username: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT id FROM users WHERE username = ?1",
            params![username],
            |r| r.get(0),
        )
        .optional()?)
}

/// The user's id, creating the user on first use.
pub fn ensure_user(conn: &Connection, username: &str) -> Result<String> {
    if let Some(id) = find_user(conn, username)? {
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

/// How two organisation names are compared: trimmed, in Unicode NFC, lower-cased (full Unicode
/// case mapping). `COMMERCIAL` and `  Commercial  ` name one row; `Commercial!!`, `研究開発`
/// and `営業` each name their own. Never by slug: a slug can be empty or shared.
pub fn org_key(name: &str) -> String {
    name.trim().nfc().collect::<String>().to_lowercase()
}

/// A name as stored: trimmed, in NFC.
fn org_stored_name(name: &str) -> String {
    name.trim().nfc().collect()
}

/// FNV-1a of the name's key, 8 hex digits: a short, stable tail for slugs that ASCII letters
/// cannot tell apart.
fn short_hash(key: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in key.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// The slug of a new organisation row. ASCII names keep their readable slug (`medical-affairs`);
/// a name with letters outside ASCII (`研究開発`, `Ventes à l'export`), whose ASCII slug would
/// be empty or lossy, gets the short hash of its key appended.
pub fn org_slug(name: &str) -> String {
    let ascii = slugify(name);
    let lossy = name.chars().any(|c| c.is_alphanumeric() && !c.is_ascii());
    match (ascii.is_empty(), lossy) {
        (true, _) => short_hash(&org_key(name)),
        (false, true) => format!("{ascii}-{}", short_hash(&org_key(name))),
        (false, false) => ascii,
    }
}

/// The id of the tenant's organisation row with this name (compared by `org_key`), created if
/// missing. Departments are attached to the persona's function, roles to its function and
/// department.
pub fn resolve_org(
    conn: &Connection,
    tenant_id: &str,
    kind: OrgKind,
    name: &str,
    function_id: Option<&str>,
    department_id: Option<&str>,
) -> Result<String> {
    let key = org_key(name);
    let table = kind.table();
    // A tenant has tens to hundreds of organisation rows, and callers cache per run, so the
    // comparison is done here, in Rust: SQLite's lower() and NOCASE fold ASCII only.
    let mut taken_slugs = std::collections::HashSet::new();
    {
        let mut st = conn.prepare_cached(&format!(
            "SELECT id, name, slug FROM {table} WHERE tenant_id = ?1 ORDER BY rowid"
        ))?;
        let mut q = st.query(params![tenant_id])?;
        while let Some(r) = q.next()? {
            let existing: String = r.get(1)?;
            if org_key(&existing) == key {
                return Ok(r.get(0)?);
            }
            taken_slugs.insert(r.get::<_, String>(2)?);
        }
    }
    // A different name with the same readable slug (`Commercial!!` after `Commercial`) gets the
    // hash tail too, so UNIQUE (tenant_id, slug) never merges or refuses it.
    let mut slug = org_slug(name);
    if taken_slugs.contains(&slug) {
        slug = format!("{slug}-{}", short_hash(&key));
    }
    let base = slug.clone();
    let mut n = 2;
    while taken_slugs.contains(&slug) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    let name = org_stored_name(name);
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
