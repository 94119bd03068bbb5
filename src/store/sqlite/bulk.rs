//! The bulk writer that `gen` and `import` share: many personas in one transaction, with the
//! work the schema's triggers would do row by row done once, at the end.
//!
//! `Bulk::begin` drops, inside the caller's transaction, every trigger that writes the
//! full-text index (and for `gen` also the two per-row triggers of a new persona and the
//! secondary indexes of `personas`); `Bulk::written` notes each persona written; `finish`
//! indexes each noted persona once, from the triggers' own view, and re-creates what was
//! dropped from the SQL that `sqlite_master` held for it. Any error, or a crash, rolls all of
//! it back, the dropped triggers included. A persona with 2,000 list rows is then indexed once
//! instead of 2,000 times, each rebuilding its whole search row. The statements that write
//! the rows are `writer.rs`.

use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use super::SqliteBackend;
pub(super) use super::writer::Writer;
use crate::catalog::search_columns;
use crate::model::Persona;
use crate::store::Scope;
use crate::store::error::Result;

/// Triggers on personas that run per inserted row and that `bulk_create` does itself:
/// copying the organisation names and slugs, and the history row of a new persona.
pub const PER_ROW_TRIGGERS: &[&str] = &[
    "trigger_sync_persona_org_names_insert",
    "workflow_history_on_create",
];

/// What a bulk write has suspended and which personas it wrote.
pub(super) struct Bulk {
    /// (name, CREATE sql) of the dropped triggers and indexes, in schema order.
    dropped: Vec<(String, String)>,
}

impl Bulk {
    /// Suspends the full-text triggers; with `new_rows_only` also `PER_ROW_TRIGGERS` and the
    /// secondary indexes of `personas` (the caller then writes what those triggers would).
    pub(super) fn begin(conn: &Connection, new_rows_only: bool) -> Result<Bulk> {
        let mut dropped = suspended_triggers(conn, new_rows_only)?;
        for (name, _) in &dropped {
            conn.execute_batch(&format!("DROP TRIGGER {}", quoted(name)))?;
        }
        if new_rows_only {
            // Secondary indexes are built once at the end (a sort), not row by row: with rows
            // arriving in random name order, keeping them up to date is most of the insert time.
            let indexes = persona_indexes(conn)?;
            for (name, _) in &indexes {
                conn.execute_batch(&format!("DROP INDEX {}", quoted(name)))?;
            }
            // Indexes first on the way back: the triggers do not need them, queries do.
            dropped.splice(0..0, indexes);
        }
        conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS bulk_written (persona_id TEXT PRIMARY KEY); \
             DELETE FROM temp.bulk_written;",
        )?;
        Ok(Bulk { dropped })
    }

    /// Notes a persona to index at the end.
    pub(super) fn written(&mut self, conn: &Connection, persona_id: &str) -> Result<()> {
        conn.prepare_cached("INSERT OR IGNORE INTO temp.bulk_written (persona_id) VALUES (?1)")?
            .execute(params![persona_id])?;
        Ok(())
    }

    /// Indexes every written persona once, as the triggers would (a stable FTS rowid per
    /// persona in `persona_search_key`, then the catalog's search columns of
    /// `persona_search_rows`), and restores
    /// what `begin` dropped.
    pub(super) fn finish(self, conn: &Connection) -> Result<()> {
        let shared: Vec<String> = search_columns().into_iter().map(quoted).collect();
        let cols = shared.join(", ");
        conn.execute_batch(&format!(
            "DELETE FROM persona_search WHERE rowid IN (SELECT k.fts_rowid FROM persona_search_key k \
             JOIN temp.bulk_written w ON w.persona_id = k.persona_id); \
             INSERT INTO persona_search_key (persona_id) SELECT p.id FROM personas p \
             JOIN temp.bulk_written w ON w.persona_id = p.id \
             WHERE p.id NOT IN (SELECT persona_id FROM persona_search_key) ORDER BY p.rowid; \
             INSERT INTO persona_search (rowid, {cols}) SELECT fts_rowid, {cols} \
             FROM persona_search_rows WHERE persona_id IN (SELECT persona_id FROM temp.bulk_written); \
             DELETE FROM temp.bulk_written;"
        ))?;
        for (_, sql) in &self.dropped {
            conn.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// The triggers a bulk write suspends, as (name, CREATE TRIGGER sql) in schema order: every
/// trigger that writes the full-text index, and `PER_ROW_TRIGGERS` when asked.
fn suspended_triggers(conn: &Connection, per_row: bool) -> Result<Vec<(String, String)>> {
    let names: Vec<String> = PER_ROW_TRIGGERS.iter().map(|n| format!("'{n}'")).collect();
    let mut st = conn.prepare(&format!(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' \
         AND (sql LIKE '%persona_search%' OR (?1 AND name IN ({}))) ORDER BY rowid",
        names.join(", ")
    ))?;
    let rows = st.query_map(params![per_row], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The indexes of `personas` that a CREATE INDEX made (not those of its UNIQUE constraints), as
/// (name, sql) in schema order.
fn persona_indexes(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'personas' \
         AND sql IS NOT NULL ORDER BY rowid",
    )?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn quoted(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

impl SqliteBackend {
    /// New personas, validated by the caller, in one transaction: all or nothing. Each keeps
    /// the ids, timestamps and history it carries (a new id and the current time where it has
    /// none); with no history it gets the creation row the trigger would write, signed by the
    /// acting user. Returns the number of list rows written.
    pub(super) fn bulk_create(
        &mut self,
        s: &Scope<'_>,
        personas: &mut dyn Iterator<Item = Result<Persona>>,
    ) -> Result<u64> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let old_cache: i64 = tx.pragma_query_value(None, "cache_size", |r| r.get(0))?;
        // About 256 MB of page cache while writing (the default is 2 MB), so the pages being
        // filled stay in memory instead of spilling to the WAL and being read back.
        tx.pragma_update(None, "cache_size", -262_144)?;
        let result = write_new(&tx, s, personas);
        tx.pragma_update(None, "cache_size", old_cache)?;
        let list_rows = result?;
        tx.commit()?;
        Ok(list_rows)
    }
}

pub(super) fn write_new(
    tx: &Transaction<'_>,
    s: &Scope<'_>,
    personas: &mut dyn Iterator<Item = Result<Persona>>,
) -> Result<u64> {
    let mut bulk = Bulk::begin(tx, true)?;
    // `gen` writes personas in every status with their own history (schema/005_rules.sql).
    super::workflow::grant(tx)?;
    let mut w = Writer::new(tx, s)?;
    let mut list_rows = 0;
    for p in personas {
        let p = p?;
        let (id, rows) = w.write(&p)?;
        list_rows += rows;
        bulk.written(tx, &id)?;
    }
    drop(w);
    super::workflow::revoke(tx)?;
    bulk.finish(tx)?;
    Ok(list_rows)
}
