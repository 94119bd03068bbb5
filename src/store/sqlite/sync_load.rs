//! Loading many personas for a sync in a fixed number of statements: the core rows, then each
//! list table and the history for all of them at once, instead of 21 statements a persona
//! (a push of 10,000 new personas spent several seconds there). The result is what
//! `persona::load` gives for each, persona by persona.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::convert::from_sql;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS};
use crate::model::{Persona, Row, StatusChange};
use crate::store::error::Result;

/// The tenant's personas with the given ids (missing ones left out), lists and history loaded.
pub(super) fn load_many(conn: &Connection, tenant: &str, ids: &[String]) -> Result<Vec<Persona>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // One JSON array parameter: the statements have one shape whatever the number of ids, and
    // `IN (SELECT value FROM json_each(?2))` is answered from the id and persona_id indexes.
    let ids = serde_json::to_string(ids).unwrap_or_default();
    let core: Vec<String> = CORE_FIELDS
        .iter()
        .map(|f| format!("p.{}", f.name))
        .collect();
    let mut st = conn.prepare_cached(&format!(
        "SELECT p.id, p.version, p.created_at, p.updated_at, p.deleted_at, {} \
         FROM personas p WHERE p.tenant_id = ?1 AND p.id IN (SELECT value FROM json_each(?2))",
        core.join(", ")
    ))?;
    let mut personas = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut rows = st.query(params![tenant, ids])?;
    while let Some(r) = rows.next()? {
        let mut p = Persona::new_draft();
        let id: String = r.get(0)?;
        p.version = r.get(1)?;
        p.created_at = r.get(2)?;
        p.updated_at = r.get(3)?;
        p.deleted_at = r.get(4)?;
        for (i, f) in CORE_FIELDS.iter().enumerate() {
            p.core[i] = from_sql(f, r.get_ref(5 + i)?);
        }
        index.insert(id.clone(), personas.len());
        p.id = Some(id);
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
        personas[at].history.push(StatusChange {
            from_status: r.get(1)?,
            to_status: r.get(2)?,
            changed_by: r.get(3)?,
            changed_at: r.get(4)?,
            note: r.get(5)?,
        });
    }
    Ok(personas)
}
