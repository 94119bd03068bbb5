//! Reading personas back: one with its lists and history (`load`), or many in a fixed number
//! of statements for a sync (`load_many`: the core rows, then each list table and the history
//! for all of them at once, instead of 21 statements a persona; a push of 10,000 new personas
//! spent several seconds there). Both give the same persona.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::convert::from_sql;
use super::rows::load_rows;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS};
use crate::model::{Persona, Row};
use crate::store::error::Result;

/// What `core_from_row` reads from `personas p`: the record's own columns, then every
/// described column (computed ones too).
pub(super) fn core_select() -> String {
    let core: Vec<String> = CORE_FIELDS
        .iter()
        .map(|f| format!("p.{}", f.name))
        .collect();
    format!(
        "p.id, p.version, p.created_at, p.updated_at, p.deleted_at, {}",
        core.join(", ")
    )
}

/// A persona's core record from a row of `core_select()` (lists and history still empty).
pub(super) fn core_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Persona> {
    let mut p = Persona::new_draft();
    p.id = Some(r.get(0)?);
    p.version = r.get(1)?;
    p.created_at = r.get(2)?;
    p.updated_at = r.get(3)?;
    p.deleted_at = r.get(4)?;
    for (i, f) in CORE_FIELDS.iter().enumerate() {
        p.core[i] = from_sql(f, r.get_ref(5 + i)?);
    }
    Ok(p)
}

/// A history entry from the columns `from_status, to_status, username, changed_at, note`,
/// starting at column `at`.
pub(super) fn status_change_from_row(
    r: &rusqlite::Row<'_>,
    at: usize,
) -> rusqlite::Result<crate::model::StatusChange> {
    Ok(crate::model::StatusChange {
        from_status: r.get(at)?,
        to_status: r.get(at + 1)?,
        changed_by: r.get(at + 2)?,
        changed_at: r.get(at + 3)?,
        note: r.get(at + 4)?,
    })
}

pub fn load(conn: &Connection, tenant_id: &str, id: &str) -> Result<Option<Persona>> {
    let sql = format!(
        "SELECT {} FROM personas p WHERE p.id = ?1 AND p.tenant_id = ?2",
        core_select()
    );
    let mut p = match conn
        .query_row(&sql, params![id, tenant_id], core_from_row)
        .optional()?
    {
        Some(p) => p,
        None => return Ok(None),
    };
    for (li, spec) in CHILD_SPECS.iter().enumerate() {
        p.lists[li] = load_rows(conn, tenant_id, id, spec)?;
    }
    p.history = load_history(conn, tenant_id, id)?;
    Ok(Some(p))
}

pub(super) fn load_history(
    conn: &Connection,
    tenant_id: &str,
    persona_id: &str,
) -> Result<Vec<crate::model::StatusChange>> {
    let mut st = conn.prepare_cached(
        "SELECT h.from_status, h.to_status, u.username, h.changed_at, h.note \
         FROM persona_status_history h LEFT JOIN users u ON u.id = h.changed_by \
         WHERE h.persona_id = ?1 AND h.tenant_id = ?2 ORDER BY h.changed_at, h.rowid",
    )?;
    let rows = st.query_map(params![persona_id, tenant_id], |r| {
        status_change_from_row(r, 0)
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The tenant's personas with the given ids (missing ones left out), lists and history loaded.
pub(super) fn load_many(conn: &Connection, tenant: &str, ids: &[String]) -> Result<Vec<Persona>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // One JSON array parameter: the statements have one shape whatever the number of ids, and
    // `IN (SELECT value FROM json_each(?2))` is answered from the id and persona_id indexes.
    let ids = serde_json::to_string(ids).unwrap_or_default();
    let mut st = conn.prepare_cached(&format!(
        "SELECT {} FROM personas p WHERE p.tenant_id = ?1 \
         AND p.id IN (SELECT value FROM json_each(?2))",
        core_select()
    ))?;
    let mut personas = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut rows = st.query(params![tenant, ids])?;
    while let Some(r) = rows.next()? {
        let p = core_from_row(r)?;
        index.insert(p.id.clone().unwrap_or_default(), personas.len());
        personas.push(p);
    }
    for (li, spec) in CHILD_SPECS.iter().enumerate() {
        let cols: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
        // The order `rows::load_rows` gives, persona by persona.
        let order = spec.order_column.map_or("created_at, id".to_string(), |c| {
            format!("{c}, created_at, id")
        });
        let mut st = conn.prepare_cached(&format!(
            "SELECT persona_id, id, {} FROM {} WHERE persona_id IN (SELECT value FROM json_each(?2)) \
             AND (tenant_id = ?1 OR tenant_id IS NULL) ORDER BY persona_id, {order}",
            cols.join(", "),
            spec.table
        ))?;
        let mut rows = st.query(params![tenant, ids])?;
        while let Some(r) = rows.next()? {
            let pid: String = r.get(0)?;
            let Some(&at) = index.get(&pid) else { continue };
            let mut values = Vec::with_capacity(spec.fields.len());
            for (i, f) in spec.fields.iter().enumerate() {
                values.push(from_sql(f, r.get_ref(2 + i)?));
            }
            personas[at].lists[li].push(Row {
                id: Some(r.get(1)?),
                values,
            });
        }
    }
    let mut st = conn.prepare_cached(
        "SELECT h.persona_id, h.from_status, h.to_status, u.username, h.changed_at, h.note \
         FROM persona_status_history h LEFT JOIN users u ON u.id = h.changed_by \
         WHERE h.persona_id IN (SELECT value FROM json_each(?2)) AND h.tenant_id = ?1 \
         ORDER BY h.persona_id, h.changed_at, h.rowid",
    )?;
    let mut rows = st.query(params![tenant, ids])?;
    while let Some(r) = rows.next()? {
        let pid: String = r.get(0)?;
        let Some(&at) = index.get(&pid) else { continue };
        personas[at].history.push(status_change_from_row(r, 1)?);
    }
    Ok(personas)
}
