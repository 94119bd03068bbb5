//! How local names become remote rows: org rows by name, users by id and then by name, the
//! tenant by key.

use std::collections::HashMap;

use postgres::{GenericClient, Transaction};

use super::*;
use crate::catalog::OrgKind;
use crate::store::postgres::RemoteError;

/// The remote org row of that name in the tenant (trimmed, case-insensitive), created when
/// missing. Rows are matched by name, never by id: the platform has its own ids.
pub(super) fn org_id(
    tx: &mut Transaction<'_>,
    columns: &Columns,
    tenant: &str,
    kind: OrgKind,
    name: &str,
) -> Result<String, RemoteError> {
    let table = kind.table();
    let scope = format!("{table}@{tenant}");
    let key = name.trim().to_lowercase();
    if let Some(id) = columns.known(&scope, &key) {
        return Ok(id);
    }
    let st = columns.statement(
        tx,
        &format!(
            "SELECT id::text FROM {table} WHERE tenant_id = $1::text::uuid \
             AND lower(btrim(name)) = lower(btrim($2)) ORDER BY id LIMIT 1"
        ),
    )?;
    if let Some(r) = tx.query_opt(&st, &[&tenant, &name])? {
        let id: String = r.get(0);
        columns.remember(&scope, &key, &id);
        return Ok(id);
    }
    // The slug only has to be unique in the tenant; a short hash of the name keeps names of
    // any script apart.
    let slug = format!(
        "{}-{}",
        crate::catalog::validate::slugify(name),
        short_hash(name)
    );
    let slug = slug.trim_start_matches('-').to_string();
    let r = tx
        .query_one(
            &format!(
                "INSERT INTO {table} (tenant_id, name, slug) VALUES ($1::text::uuid, $2, $3) RETURNING id::text"
            ),
            &[&tenant, &name, &slug],
        )
        .map_err(|e| {
            RemoteError::Data(format!(
                "{} \"{name}\" is not in the remote's {table} (matched by name) and {table} \
                 refused a new row: {}",
                kind_label(kind),
                crate::store::postgres::db_message(&e)
            ))
        })?;
    let id: String = r.get(0);
    columns.remember(&scope, &key, &id);
    Ok(id)
}

fn kind_label(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::Role => "role",
        OrgKind::Function => "function",
        OrgKind::Department => "department",
    }
}

fn short_hash(s: &str) -> String {
    // FNV-1a: stable across runs and machines, unlike std's RandomState.
    let mut h: u32 = 0x811c_9dc5;
    for b in s.trim().to_lowercase().bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{:06x}", h & 0xff_ffff)
}

/// The remote user for a local user name. A platform keeps its own users, so:
/// 1. the local user's id, when the remote has a user with that id, is that user, whatever
///    name the remote gives it now (a platform may rename `alice` to `alice.w`);
/// 2. otherwise the remote's user of that name (each machine makes its own ids, so the same
///    person has another id on every file that never pushed them first);
/// 3. otherwise a new remote user with the local id and name. A platform `users` table that
///    cannot take such a row (a NOT NULL column without a default, say) fails the persona
///    with an error that names the user, the table and the server's reason (the column).
pub(super) fn remote_user(
    tx: &mut Transaction<'_>,
    columns: &Columns,
    name: &str,
    local_ids: &HashMap<String, String>,
) -> Result<String, RemoteError> {
    if let Some(id) = columns.known("users", name) {
        return Ok(id);
    }
    let local = local_ids.get(name);
    if let Some(local) = local {
        let st = columns.statement(tx, "SELECT id::text FROM users WHERE id = $1::text::uuid")?;
        if let Some(r) = tx.query_opt(&st, &[local])? {
            let id: String = r.get(0);
            columns.remember("users", name, &id);
            return Ok(id);
        }
    }
    let st = columns.statement(tx, "SELECT id::text FROM users WHERE username = $1")?;
    if let Some(r) = tx.query_opt(&st, &[&name])? {
        let id: String = r.get(0);
        columns.remember("users", name, &id);
        return Ok(id);
    }
    // Step 1 found no user with the local id, so it is free (barring a race, which then
    // fails like any other refusal and the next run retries).
    let id = local
        .cloned()
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let r = tx
        .query_one(
            "INSERT INTO users (id, username) VALUES ($1::text::uuid, $2) RETURNING id::text",
            &[&id, &name],
        )
        .map_err(|e| {
            RemoteError::Data(format!(
                "user \"{name}\" is not on the remote (no user with its id {id} or its name) \
                 and the remote's users table refused a new one: {}",
                crate::store::postgres::db_message(&e)
            ))
        })?;
    let id: String = r.get(0);
    columns.remember("users", name, &id);
    Ok(id)
}

/// Remote user names that stand for a local user of another name: the remote has the local
/// user's id under a name of its own (a platform renamed them). A pull reads users by name, so
/// these are turned back into the local names, the way `remote_user` matches them on a push.
pub fn renamed_users(
    c: &mut impl GenericClient,
    local_ids: &HashMap<String, String>,
) -> Result<HashMap<String, String>, RemoteError> {
    let by_id: HashMap<&str, &str> = local_ids
        .iter()
        .map(|(name, id)| (id.as_str(), name.as_str()))
        .collect();
    let ids: Vec<&str> = by_id.keys().copied().collect();
    let rows = c.query(
        "SELECT id::text, username FROM users WHERE id = ANY($1::text[]::uuid[])",
        &[&ids],
    )?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let id: String = r.get(0);
            let remote: String = r.get(1);
            let local = by_id.get(id.as_str())?;
            (remote != *local).then(|| (remote, local.to_string()))
        })
        .collect())
}

/// The remote tenant for a local one: the given id (which must exist), else the tenant with the
/// same key, created when missing.
pub fn ensure_tenant(
    c: &mut impl GenericClient,
    key: &str,
    name: &str,
    id: Option<&str>,
) -> Result<String, RemoteError> {
    if let Some(id) = id {
        return c
            .query_opt(
                "SELECT id::text FROM tenants WHERE id = $1::text::uuid",
                &[&id],
            )?
            .map(|r| r.get(0))
            .ok_or_else(|| RemoteError::Data(format!("the remote has no tenant with id {id}")));
    }
    if let Some(r) = c.query_opt(
        "SELECT id::text FROM tenants WHERE tenant_key = $1",
        &[&key],
    )? {
        return Ok(r.get(0));
    }
    let r = c
        .query_one(
            "INSERT INTO tenants (tenant_key, name) VALUES ($1, $2) RETURNING id::text",
            &[&key, &name],
        )
        .map_err(|e| RemoteError::Write {
            table: "tenants".to_string(),
            source: e,
        })?;
    Ok(r.get(0))
}
