//! Reading personas and their content hashes from the remote.

use std::collections::HashMap;

use postgres::GenericClient;

use super::*;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, FieldSpec, Kind};
use crate::model::{Persona, Row, StatusChange};
use crate::store::postgres::RemoteError;

/// A server-side content hash per persona of the tenant: core columns, every list row and the
/// history, whoever wrote them (a platform client may change list rows without touching
/// `personas.updated_at`). One query, no persona read, so a sync with nothing changed is cheap.
pub fn hashes(
    c: &mut impl GenericClient,
    tenant: &str,
) -> Result<Vec<(String, String, String)>, RemoteError> {
    hashes_where(c, tenant, None)
}

/// The hashes of the tenant's personas, or of the one with id `only`.
fn hashes_where(
    c: &mut impl GenericClient,
    tenant: &str,
    only: Option<&str>,
) -> Result<Vec<(String, String, String)>, RemoteError> {
    let rows = match only {
        Some(id) => c.query(&hash_sql(true), &[&tenant, &vec![id.to_string()]])?,
        None => c.query(&hash_sql(false), &[&tenant])?,
    };
    Ok(rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect())
}

/// The hash query: $1 the tenant, and with `some` $2 the ids (text[]) of the personas to hash.
///
/// Each list table is hashed in one grouped pass (a `string_agg` per persona, joined back),
/// not by a subquery per persona and table: for a whole tenant that is 19 scans instead of
/// 190,000 index probes (a sync with nothing changed spent most of its time there). The value
/// is the same as the per-persona form gave, so bases recorded earlier still match.
pub(super) fn hash_sql(some: bool) -> String {
    let core: Vec<String> = CORE_FIELDS
        .iter()
        .filter(|f| !matches!(f.kind, Kind::Computed) || f.name.starts_with("validated"))
        .map(|f| format!("p.{}::text", org_id_or(f)))
        .chain([
            "p.deleted_at::text".to_string(),
            "p.validation_status::text".to_string(),
        ])
        .collect();
    let mut parts = vec![format!("md5(concat_ws('|', {}))", core.join(", "))];
    let mut joins = Vec::new();
    let mut tables: Vec<(String, Vec<String>)> = CHILD_SPECS
        .iter()
        .map(|spec| {
            let cols = std::iter::once("c.id::text".to_string())
                .chain(
                    spec.fields
                        .iter()
                        .filter(|f| written(f))
                        .map(|f| format!("c.{}::text", f.name)),
                )
                .chain(spec.order_column.map(|o| format!("c.{o}::text")))
                .collect();
            (spec.table.to_string(), cols)
        })
        .collect();
    tables.push((
        "persona_status_history".to_string(),
        [
            "c.id::text",
            "c.from_status::text",
            "c.to_status::text",
            "c.changed_by::text",
            "c.changed_at::text",
            "c.note",
        ]
        .map(str::to_string)
        .to_vec(),
    ));
    // A few personas: their rows through the persona_id indexes. The whole tenant: each
    // table in one scan (an index probe a persona would be slower).
    let (with, rows_of, personas_of) = if some {
        (
            "",
            "c.persona_id = ANY($2::text[]::uuid[])",
            "p.tenant_id = $1::text::uuid AND p.id = ANY($2::text[]::uuid[])",
        )
    } else {
        (
            "WITH ps AS MATERIALIZED (SELECT id FROM personas WHERE tenant_id = $1::text::uuid)",
            "c.persona_id IN (SELECT id FROM ps)",
            "p.id IN (SELECT id FROM ps)",
        )
    };
    for (i, (table, cols)) in tables.iter().enumerate() {
        parts.push(format!("coalesce(l{i}.h, '')"));
        joins.push(format!(
            "LEFT JOIN (SELECT c.persona_id, md5(string_agg(concat_ws('|', {}), ',' ORDER BY c.id)) AS h \
             FROM {table} c WHERE {rows_of} GROUP BY c.persona_id) l{i} ON l{i}.persona_id = p.id",
            cols.join(", "),
        ));
    }
    format!(
        "{with} SELECT p.id::text, p.slug, md5(concat({})) FROM personas p {} \
         WHERE {personas_of} ORDER BY p.id",
        parts.join(", "),
        joins.join(" ")
    )
}

/// The org id column for an org-name field, the column itself otherwise.
pub(super) fn org_id_or(f: &FieldSpec) -> &'static str {
    match f.kind {
        Kind::Org(k) => k.id_column(),
        _ => f.name,
    }
}

/// Loads personas of the tenant by id (all of them when `ids` is None), with lists and history,
/// in a fixed number of queries whatever their count.
pub fn load(
    c: &mut impl GenericClient,
    tenant: &str,
    ids: Option<&[String]>,
) -> Result<Vec<Persona>, RemoteError> {
    // validated_by as the user's name: ids are made on each machine, names travel.
    let cols: Vec<String> = CORE_FIELDS
        .iter()
        .map(|f| {
            if f.name == "validated_by" {
                "(SELECT u.username FROM users u WHERE u.id = p.validated_by)".to_string()
            } else {
                read_expr("p", f.name)
            }
        })
        .collect();
    // Compared as uuids, so the id and persona_id indexes answer (a text comparison against
    // 10,000 ids scanned every row against every id).
    let filter = if ids.is_some() {
        "AND p.id = ANY($2::text[]::uuid[])"
    } else {
        "AND $2::text[] IS NULL"
    };
    let sql = format!(
        "SELECT p.id::text, {}, {}, {}, {} FROM personas p WHERE p.tenant_id = $1::text::uuid {filter} \
         ORDER BY p.id",
        read_expr("p", "created_at"),
        read_expr("p", "updated_at"),
        read_expr("p", "deleted_at"),
        cols.join(", ")
    );
    let id_param: Option<Vec<String>> = ids.map(<[String]>::to_vec);
    let mut personas = Vec::new();
    let mut index = HashMap::new();
    for r in c.query(&sql, &[&tenant, &id_param])? {
        let mut p = Persona::new_draft();
        p.id = Some(r.get(0));
        p.created_at = r.get(1);
        p.updated_at = r.get(2);
        p.deleted_at = r.get(3);
        for (i, f) in CORE_FIELDS.iter().enumerate() {
            p.core[i] = from_text(f, r.get(4 + i));
        }
        index.insert(p.id.clone().unwrap_or_default(), personas.len());
        personas.push(p);
    }
    let all_ids: Vec<String> = index.keys().cloned().collect();
    for (li, spec) in CHILD_SPECS.iter().enumerate() {
        let cols: Vec<String> = spec.fields.iter().map(|f| read_expr("c", f.name)).collect();
        let order = spec
            .order_column
            .map_or("c.created_at, c.id".to_string(), |o| {
                format!("c.{o}, c.created_at, c.id")
            });
        let sql = format!(
            "SELECT c.persona_id::text, c.id::text, {} FROM {} c \
             WHERE c.tenant_id = $1::text::uuid AND c.persona_id = ANY($2::text[]::uuid[]) \
             ORDER BY c.persona_id, {order}",
            cols.join(", "),
            spec.table
        );
        for r in c.query(&sql, &[&tenant, &all_ids])? {
            let pid: String = r.get(0);
            let Some(&at) = index.get(&pid) else { continue };
            let values = spec
                .fields
                .iter()
                .enumerate()
                .map(|(i, f)| from_text(f, r.get(2 + i)))
                .collect();
            personas[at].lists[li].push(Row {
                id: Some(r.get(1)),
                values,
            });
        }
    }
    let sql = format!(
        "SELECT h.persona_id::text, h.from_status::text, h.to_status::text, u.username, {}, h.note \
         FROM persona_status_history h LEFT JOIN users u ON u.id = h.changed_by \
         WHERE h.tenant_id = $1::text::uuid AND h.persona_id = ANY($2::text[]::uuid[]) \
         ORDER BY h.persona_id, h.changed_at, h.id",
        read_expr("h", "changed_at")
    );
    for r in c.query(&sql, &[&tenant, &all_ids])? {
        let pid: String = r.get(0);
        let Some(&at) = index.get(&pid) else { continue };
        personas[at].history.push(StatusChange {
            from_status: r.get(1),
            to_status: r.get(2),
            changed_by: r.get(3),
            changed_at: r.get(4),
            note: r.get(5),
        });
    }
    Ok(personas)
}

/// The content hash of one persona of the tenant; None when it is not on the remote.
pub fn hash_of(
    c: &mut impl GenericClient,
    tenant: &str,
    id: &str,
) -> Result<Option<String>, RemoteError> {
    Ok(hashes_where(c, tenant, Some(id))?
        .into_iter()
        .next()
        .map(|(_, _, h)| h))
}
