//! Writing a persona to the remote: one transaction a persona, rows upserted by id.

use std::collections::HashMap;

use postgres::{Client, Transaction};

use super::names::{org_id, remote_user};
use super::read::hash_sql;
use super::*;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality, ChildSpec, Kind};
use crate::model::{Persona, Row};
use crate::store::postgres::RemoteError;

/// Writes one persona (which must have an id, as must its rows) in the caller's transaction:
/// the core row upserted by id, list rows upserted by id and the ones no longer there
/// deleted, history entries not yet on the remote appended. Users (the validator, the history's
/// authors) come by name and are matched as `names::remote_user` says: by the local id from
/// `user_ids` when the remote knows it, else by name, else created with the local id.
pub fn write(
    tx: &mut Transaction<'_>,
    columns: &Columns,
    tenant: &str,
    p: &Persona,
    user_ids: &HashMap<String, String>,
) -> Result<(), RemoteError> {
    let id =
        p.id.as_deref()
            .ok_or_else(|| RemoteError::Data("a persona without an id cannot be pushed".into()))?;
    let st = columns.statement(
        tx,
        "SELECT tenant_id::text FROM personas WHERE id = $1::text::uuid",
    )?;
    let owner: Option<String> = tx.query_opt(&st, &[&id])?.map(|r| r.get(0));
    // A persona new to the remote has no rows there to remove.
    let fresh = owner.is_none();
    if owner.as_deref().is_some_and(|t| t != tenant) {
        return Err(RemoteError::Data(format!(
            "persona {id} belongs to another tenant on the remote"
        )));
    }

    let (names, values) = core_row(tx, columns, tenant, id, p, user_ids)?;
    upsert(tx, columns, "personas", &names, &values)?;

    for (li, spec) in CHILD_SPECS.iter().enumerate() {
        write_rows(tx, columns, tenant, id, spec, &p.lists[li], fresh)?;
    }

    for h in &p.history {
        let by = match &h.changed_by {
            Some(name) => Some(remote_user(tx, columns, name, user_ids)?),
            None => None,
        };
        let st = columns.statement(
            tx,
            "INSERT INTO persona_status_history \
                 (persona_id, tenant_id, from_status, to_status, changed_by, changed_at, note) \
             SELECT $1::text::uuid, $2::text::uuid, $3::text::validation_status, \
                    $4::text::validation_status, $5::text::uuid, $6::text::timestamptz, $7 \
             WHERE NOT EXISTS (SELECT 1 FROM persona_status_history \
                 WHERE persona_id = $1::text::uuid AND changed_at = $6::text::timestamptz \
                   AND to_status = $4::text::validation_status \
                   AND from_status IS NOT DISTINCT FROM $3::text::validation_status)",
        )?;
        tx.execute(
            &st,
            &[
                &id,
                &tenant,
                &h.from_status,
                &h.to_status,
                &by,
                &h.changed_at,
                &h.note,
            ],
        )?;
    }
    Ok(())
}

/// The `personas` row of `p` as column names and text values: org names mapped to the remote's
/// org ids (created when missing), the validator's name to the remote's user.
pub(super) fn core_row(
    tx: &mut Transaction<'_>,
    columns: &Columns,
    tenant: &str,
    id: &str,
    p: &Persona,
    user_ids: &HashMap<String, String>,
) -> Result<(Vec<String>, Vec<Option<String>>), RemoteError> {
    let mut names = vec![
        "id".to_string(),
        "tenant_id".to_string(),
        "deleted_at".to_string(),
    ];
    let mut values: Vec<Option<String>> = vec![
        Some(id.to_string()),
        Some(tenant.to_string()),
        p.deleted_at.clone(),
    ];
    for (i, f) in CORE_FIELDS.iter().enumerate() {
        match f.kind {
            Kind::Org(kind) => {
                names.push(kind.id_column().to_string());
                values.push(
                    match p.core[i].as_str().map(str::trim).filter(|s| !s.is_empty()) {
                        Some(name) => Some(org_id(tx, columns, tenant, kind, name)?),
                        None => None,
                    },
                );
            }
            _ if f.name == "validated_by" => {
                names.push(f.name.to_string());
                values.push(match p.text(f.name).filter(|n| !n.is_empty()) {
                    Some(name) => Some(remote_user(tx, columns, name, user_ids)?),
                    None => None,
                });
            }
            // The workflow's stamp travels with the status it belongs to.
            _ if written(f) || f.name == "validated_at" => {
                names.push(f.name.to_string());
                values.push(to_text(&p.core[i]));
            }
            _ => {}
        }
    }
    Ok((names, values))
}

fn write_rows(
    tx: &mut Transaction<'_>,
    columns: &Columns,
    tenant: &str,
    persona: &str,
    spec: &ChildSpec,
    rows: &[Row],
    fresh: bool,
) -> Result<(), RemoteError> {
    let keep: Vec<String> = rows.iter().filter_map(|r| r.id.clone()).collect();
    if keep.len() != rows.len() {
        return Err(RemoteError::Data(format!(
            "{}: a row without an id cannot be pushed",
            spec.table
        )));
    }
    // Removed rows go first: a single-row list has UNIQUE(persona_id), and its row may have
    // another id on each machine.
    if !fresh {
        let st = columns.statement(
            tx,
            &format!(
                "DELETE FROM {} WHERE persona_id = $1::text::uuid AND tenant_id = $2::text::uuid \
                 AND NOT (id::text = ANY($3))",
                spec.table
            ),
        )?;
        tx.execute(&st, &[&persona, &tenant, &keep])?;
    }
    let (names, values) = list_rows(tenant, persona, spec, rows);
    if values.is_empty() {
        return Ok(());
    }
    upsert(tx, columns, spec.table, &names, &values)
}

/// The rows of one list as column names and text values (`names.len()` a row), the order
/// column numbered as the list is; a single-row list keeps its first row.
pub(super) fn list_rows(
    tenant: &str,
    persona: &str,
    spec: &ChildSpec,
    rows: &[Row],
) -> (Vec<String>, Vec<Option<String>>) {
    let rows = match spec.cardinality {
        Cardinality::One => &rows[..rows.len().min(1)],
        Cardinality::Many => rows,
    };
    let mut names = vec![
        "id".to_string(),
        "persona_id".to_string(),
        "tenant_id".to_string(),
    ];
    names.extend(
        spec.fields
            .iter()
            .filter(|f| written(f))
            .map(|f| f.name.to_string()),
    );
    names.extend(spec.order_column.map(str::to_string));
    let mut values = Vec::with_capacity(rows.len() * names.len());
    for (k, r) in rows.iter().enumerate() {
        values.extend([
            r.id.clone(),
            Some(persona.to_string()),
            Some(tenant.to_string()),
        ]);
        for (f, v) in spec.fields.iter().zip(&r.values) {
            if written(f) {
                values.push(to_text(v));
            }
        }
        if spec.order_column.is_some() {
            values.push(Some(k.to_string()));
        }
    }
    (names, values)
}

/// INSERT ... ON CONFLICT (id) DO UPDATE of the named columns for one or more rows
/// (`values` holds `names.len()` values a row), each bound as text and cast to the column's
/// type; one statement whatever the number of rows.
fn upsert(
    tx: &mut Transaction<'_>,
    columns: &Columns,
    table: &str,
    names: &[String],
    values: &[Option<String>],
) -> Result<(), RemoteError> {
    let width = names.len();
    let rows = values.len() / width.max(1);
    let tuples: Vec<String> = (0..rows)
        .map(|r| {
            let cells: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(i, n)| format!("${}::text::{}", r * width + i + 1, columns.cast(table, n)))
                .collect();
            format!("({})", cells.join(", "))
        })
        .collect();
    let updates: Vec<String> = names
        .iter()
        .skip(1)
        .map(|n| format!("{n} = EXCLUDED.{n}"))
        .collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES {} ON CONFLICT (id) DO UPDATE SET {}",
        names.join(", "),
        tuples.join(", "),
        updates.join(", ")
    );
    let params: Vec<&(dyn postgres::types::ToSql + Sync)> = values
        .iter()
        .map(|v| v as &(dyn postgres::types::ToSql + Sync))
        .collect();
    let write_error = |e| RemoteError::Write {
        table: table.to_string(),
        source: e,
    };
    // Prepared once per shape (table and number of rows).
    let st = columns.statement(tx, &sql)?;
    tx.execute(&st, &params).map_err(write_error)?;
    Ok(())
}

/// What a push did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pushed {
    /// Written; the persona's new content hash on the remote.
    Done(String),
    /// Not written: the remote's version is not the one the caller read (another member
    /// pushed in between). Read it again and merge.
    Moved,
}

/// Pushes one persona in one remote transaction: its row locked first (so two members pushing
/// the same persona take turns), its hash compared with `expected` (what the caller based its
/// version on; None: not on the remote), written, its new hash read, committed. The new hash
/// becomes the remote half of the local base only after the commit.
pub fn push(
    client: &mut Client,
    columns: &Columns,
    tenant: &str,
    p: &Persona,
    user_ids: &HashMap<String, String>,
    expected: Option<&str>,
) -> Result<Pushed, RemoteError> {
    let result = push_in_transaction(client, columns, tenant, p, user_ids, expected);
    if !matches!(result, Ok(Pushed::Done(_))) {
        // Rolled back: org rows or users it created are gone again.
        columns.forget_names();
    }
    result
}

fn push_in_transaction(
    client: &mut Client,
    columns: &Columns,
    tenant: &str,
    p: &Persona,
    user_ids: &HashMap<String, String>,
    expected: Option<&str>,
) -> Result<Pushed, RemoteError> {
    let id = p.id.clone().unwrap_or_default();
    let mut tx = client.transaction()?;
    let lock = columns.statement(
        &mut tx,
        "SELECT 1 FROM personas WHERE id = $1::text::uuid FOR UPDATE",
    )?;
    tx.execute(&lock, &[&id])?;
    let hash = columns.statement(&mut tx, &hash_sql(true))?;
    let ids = vec![id.clone()];
    let current: Option<String> = tx.query_opt(&hash, &[&tenant, &ids])?.map(|r| r.get(2));
    if current.as_deref() != expected {
        tx.rollback()?;
        return Ok(Pushed::Moved);
    }
    write(&mut tx, columns, tenant, p, user_ids)?;
    let new_hash: String = tx
        .query_opt(&hash, &[&tenant, &ids])?
        .map(|r| r.get(2))
        .unwrap_or_default();
    tx.commit()?;
    Ok(Pushed::Done(new_hash))
}
