//! Personas new to the remote, many in one transaction: a push of a whole library is one
//! `INSERT ... SELECT FROM unnest(...)` a table per batch instead of a transaction and a
//! score of round trips a persona.
//!
//! Plain INSERTs, never upserts: a persona that another member pushed meanwhile (or another
//! tenant holds) makes the batch fail on its primary key rather than be overwritten, and the
//! caller then pushes that batch persona by persona (`push`), which locks, compares and merges.

use std::collections::{HashMap, HashSet};

use postgres::{Client, Transaction};

use super::read::hash_sql;
use super::write::{core_row, list_rows};
use super::*;
use crate::catalog::CHILD_SPECS;
use crate::model::Persona;
use crate::store::postgres::RemoteError;

/// What a batch push did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Batch {
    /// (persona id, its content hash on the remote) of each persona written and committed.
    pub pushed: Vec<(String, String)>,
    /// Ids already on the remote (pushed by someone else since this run read the hashes, or
    /// another tenant's): not written here, for the caller to push one at a time.
    pub on_remote: Vec<String>,
}

/// Writes `personas`, none of which the caller saw on the remote, in one transaction. Any
/// refusal rolls the whole batch back and is returned, so the caller can retry them one by one
/// and only the persona at fault fails.
pub fn push_new(
    client: &mut Client,
    columns: &Columns,
    tenant: &str,
    personas: &[&Persona],
    user_ids: &HashMap<String, String>,
) -> Result<Batch, RemoteError> {
    let result = push_in_transaction(client, columns, tenant, personas, user_ids);
    if result.is_err() {
        // Rolled back: org rows or users it created are gone again.
        columns.forget_names();
    }
    result
}

fn push_in_transaction(
    client: &mut Client,
    columns: &Columns,
    tenant: &str,
    personas: &[&Persona],
    user_ids: &HashMap<String, String>,
) -> Result<Batch, RemoteError> {
    let mut tx = client.transaction()?;
    let ids: Vec<String> = personas.iter().filter_map(|p| p.id.clone()).collect();
    if ids.len() != personas.len() {
        return Err(RemoteError::Data(
            "a persona without an id cannot be pushed".into(),
        ));
    }
    let st = columns.statement(
        &mut tx,
        "SELECT id::text FROM personas WHERE id = ANY($1::text[]::uuid[])",
    )?;
    let on_remote: HashSet<String> = tx.query(&st, &[&ids])?.iter().map(|r| r.get(0)).collect();
    let fresh: Vec<&Persona> = personas
        .iter()
        .copied()
        .filter(|p| !on_remote.contains(p.id.as_deref().unwrap_or_default()))
        .collect();

    let mut core = Table::default();
    let mut lists: Vec<Table> = CHILD_SPECS.iter().map(|_| Table::default()).collect();
    let mut history = Table {
        names: [
            "persona_id",
            "tenant_id",
            "from_status",
            "to_status",
            "changed_by",
            "changed_at",
            "note",
        ]
        .map(str::to_string)
        .to_vec(),
        values: Vec::new(),
    };
    for p in &fresh {
        let id = p.id.as_deref().unwrap_or_default();
        let (names, values) = core_row(&mut tx, columns, tenant, id, p, user_ids)?;
        core.add(names, values);
        for (li, spec) in CHILD_SPECS.iter().enumerate() {
            if p.lists[li].iter().any(|r| r.id.is_none()) {
                return Err(RemoteError::Data(format!(
                    "{}: a row without an id cannot be pushed",
                    spec.table
                )));
            }
            let (names, values) = list_rows(tenant, id, spec, &p.lists[li]);
            lists[li].add(names, values);
        }
        for h in &p.history {
            let by = match &h.changed_by {
                Some(name) => Some(super::names::remote_user(&mut tx, columns, name, user_ids)?),
                None => None,
            };
            history.values.extend([
                Some(id.to_string()),
                Some(tenant.to_string()),
                h.from_status.clone(),
                Some(h.to_status.clone()),
                by,
                Some(h.changed_at.clone()),
                h.note.clone(),
            ]);
        }
    }
    core.insert(&mut tx, columns, "personas")?;
    for (spec, table) in CHILD_SPECS.iter().zip(&lists) {
        table.insert(&mut tx, columns, spec.table)?;
    }
    history.insert(&mut tx, columns, "persona_status_history")?;

    let fresh_ids: Vec<String> = fresh.iter().filter_map(|p| p.id.clone()).collect();
    let hash = columns.statement(&mut tx, &hash_sql(true))?;
    let pushed = tx
        .query(&hash, &[&tenant, &fresh_ids])?
        .iter()
        .map(|r| (r.get(0), r.get(2)))
        .collect();
    tx.commit()?;
    Ok(Batch {
        pushed,
        on_remote: on_remote.into_iter().collect(),
    })
}

/// The rows of one table for a batch: the column names and `names.len()` text values a row.
#[derive(Default)]
struct Table {
    names: Vec<String>,
    values: Vec<Option<String>>,
}

impl Table {
    fn add(&mut self, names: Vec<String>, values: Vec<Option<String>>) {
        if self.names.is_empty() {
            self.names = names;
        }
        self.values.extend(values);
    }

    /// One `INSERT INTO table (cols) SELECT u.c1::type, ... FROM unnest($1::text[], ...)`: one
    /// text array a column, so the statement has the same shape (and is prepared once) whatever
    /// the number of rows, and every value stays a bound parameter cast to its column's type.
    fn insert(
        &self,
        tx: &mut Transaction<'_>,
        columns: &Columns,
        table: &str,
    ) -> Result<(), RemoteError> {
        let width = self.names.len();
        if width == 0 || self.values.is_empty() {
            return Ok(());
        }
        let arrays: Vec<Vec<Option<&str>>> = (0..width)
            .map(|col| {
                self.values
                    .iter()
                    .skip(col)
                    .step_by(width)
                    .map(Option::as_deref)
                    .collect()
            })
            .collect();
        let casts: Vec<String> = self
            .names
            .iter()
            .enumerate()
            .map(|(i, n)| format!("u.c{i}::{}", columns.cast(table, n)))
            .collect();
        let params: Vec<String> = (1..=width).map(|i| format!("${i}::text[]")).collect();
        let aliases: Vec<String> = (0..width).map(|i| format!("c{i}")).collect();
        let sql = format!(
            "INSERT INTO {table} ({}) SELECT {} FROM unnest({}) AS u({})",
            self.names.join(", "),
            casts.join(", "),
            params.join(", "),
            aliases.join(", ")
        );
        let st = columns.statement(tx, &sql)?;
        let bound: Vec<&(dyn postgres::types::ToSql + Sync)> = arrays
            .iter()
            .map(|a| a as &(dyn postgres::types::ToSql + Sync))
            .collect();
        tx.execute(&st, &bound).map_err(|e| RemoteError::Write {
            table: table.to_string(),
            source: e,
        })?;
        Ok(())
    }
}
