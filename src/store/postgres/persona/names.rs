//! What the remote matches by name: org rows, users, the tenant.

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
        .map_err(|e| RemoteError::Write {
            table: table.to_string(),
            source: e,
        })?;
    let id: String = r.get(0);
    columns.remember(&scope, &key, &id);
    Ok(id)
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

/// The remote user id for a user name: the remote's own when it knows the name, else a new
/// user with the id this file gave them. A refusal (a platform `users` table that needs more
/// than a name, say) names the user.
pub(super) fn remote_user(
    tx: &mut Transaction<'_>,
    columns: &Columns,
    name: &str,
    local_ids: &HashMap<String, String>,
) -> Result<String, RemoteError> {
    if let Some(id) = columns.known("users", name) {
        return Ok(id);
    }
    let st = columns.statement(tx, "SELECT id::text FROM users WHERE username = $1")?;
    if let Some(r) = tx.query_opt(&st, &[&name])? {
        let id: String = r.get(0);
        columns.remember("users", name, &id);
        return Ok(id);
    }
    let id = local_ids
        .get(name)
        .cloned()
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let r = tx
        .query_one(
            "INSERT INTO users (id, username) VALUES ($1::text::uuid, $2) \
             ON CONFLICT (id) DO NOTHING RETURNING id::text",
            &[&id, &name],
        )
        .map_err(|e| {
            RemoteError::Data(format!(
                "user \"{name}\" cannot be created on the remote: {}",
                crate::store::postgres::db_message(&e)
            ))
        });
    match r {
        Ok(row) => Ok(row.get(0)),
        // The id is taken by another name there: a new id for this name.
        Err(_)
            if tx
                .query_opt("SELECT 1 FROM users WHERE id = $1::text::uuid", &[&id])?
                .is_some() =>
        {
            let fresh = uuid::Uuid::new_v4().to_string();
            tx.execute(
                "INSERT INTO users (id, username) VALUES ($1::text::uuid, $2)",
                &[&fresh, &name],
            )?;
            Ok(fresh)
        }
        Err(e) => Err(e),
    }
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
