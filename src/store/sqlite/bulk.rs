//! The bulk writer that `gen` and `import` share: many personas in one transaction, with the
//! work the schema's triggers would do row by row done once, at the end.
//!
//! `Bulk::begin` drops, inside the caller's transaction, every trigger that writes the
//! full-text index (and for `gen` also the two per-row triggers of a new persona and the
//! secondary indexes of `personas`); `Bulk::written` notes each persona written; `finish`
//! indexes each noted persona once, from the triggers' own view, and re-creates what was
//! dropped from the SQL that `sqlite_master` held for it. Any error, or a crash, rolls all of
//! it back, the dropped triggers included. A persona with 2,000 list rows is then indexed once
//! instead of 2,000 times, each rebuilding its whole search row.

use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::{Connection, Statement, Transaction, TransactionBehavior, params};

use super::SqliteBackend;
use super::error::in_table;
use super::tenant::{ensure_user, new_id, resolve_org};
use crate::catalog::{
    CHILD_SPECS, CORE_FIELDS, Kind, LIST_OWNED_COLUMNS, OrgKind, org_name_column, search_columns,
};
use crate::model::{Persona, Value};
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

fn write_new(
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

impl<'a> Writer<'a> {
    /// The statements of a bulk write, prepared once, inside `tx` after `Bulk::begin(tx, true)`.
    pub(super) fn new(tx: &'a Transaction<'a>, s: &'a Scope<'a>) -> Result<Writer<'a>> {
        // Org names are written from the org rows (as the sync trigger would copy them).
        let core: Vec<usize> = (0..CORE_FIELDS.len())
            .filter(|&i| {
                CORE_FIELDS[i].is_writable() && !matches!(CORE_FIELDS[i].kind, Kind::Org(_))
            })
            .collect();
        let mut fixed: Vec<&str> = vec![
            "id",
            "tenant_id",
            "created_at",
            "updated_at",
            "deleted_at",
            "validated_by",
            "validated_at",
        ];
        for kind in OrgKind::ALL {
            fixed.extend([kind.id_column(), org_name_column(kind), kind.slug_column()]);
        }
        let persona_st = tx.prepare(&insert_sql(
            "personas",
            &fixed,
            core.iter().map(|&i| CORE_FIELDS[i].name),
        ))?;
        let mut list_sts = Vec::new();
        for spec in CHILD_SPECS {
            let mut fixed = LIST_OWNED_COLUMNS.to_vec();
            fixed.extend(spec.order_column);
            let cols = spec
                .fields
                .iter()
                .filter(|f| f.is_writable())
                .map(|f| f.name);
            list_sts.push(tx.prepare(&insert_sql(spec.table, &fixed, cols))?);
        }
        let history_st = tx.prepare(
            "INSERT INTO persona_status_history \
         (id, persona_id, tenant_id, from_status, to_status, changed_by, changed_at, note) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let now: String =
            tx.query_row("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", [], |r| {
                r.get(0)
            })?;
        Ok(Writer {
            tx,
            scope: s,
            now,
            core,
            persona_st,
            list_sts,
            history_st,
            orgs: HashMap::new(),
            users: HashMap::new(),
        })
    }
}

/// An organisation row: what the sync trigger copies into the persona.
struct Org {
    id: String,
    name: String,
    slug: String,
}

/// (function, department, role) names of a persona.
type OrgNames = [Option<String>; 3];

/// The prepared statements of a run and what every row shares.
pub(super) struct Writer<'a> {
    tx: &'a Transaction<'a>,
    scope: &'a Scope<'a>,
    now: String,
    /// Indexes into `CORE_FIELDS` of the core columns bound after the fixed ones.
    core: Vec<usize>,
    persona_st: Statement<'a>,
    list_sts: Vec<Statement<'a>>,
    history_st: Statement<'a>,
    /// Org rows by the names that resolved them, so each is looked up once per run.
    orgs: HashMap<OrgNames, [Option<Rc<Org>>; 3]>,
    /// User ids by name, for the history rows.
    users: HashMap<String, String>,
}

impl Writer<'_> {
    /// Writes one persona with its history and lists; returns its id and how many list rows.
    pub(super) fn write(&mut self, p: &Persona) -> Result<(String, u64)> {
        let s = self.scope;
        let id = p.id.clone().unwrap_or_else(new_id);
        let created = p.created_at.clone().unwrap_or_else(|| self.now.clone());
        let updated = p.updated_at.clone().unwrap_or_else(|| created.clone());
        // `gen` sets validated_at itself (signed by the acting user); an import's comes from
        // its history's validating move (store::chain), with that move's user.
        let (validated_at, validated_by) = if !p.get("validated_at").is_blank() {
            (p.get("validated_at").clone(), Some(s.user_id.to_string()))
        } else {
            match crate::store::chain::validating_move(&p.history) {
                Some(m) => {
                    let by = match &m.changed_by {
                        Some(name) => Some(self.user(name)?),
                        None => None,
                    };
                    (Value::text(&m.changed_at), by)
                }
                None => (Value::Null, None),
            }
        };
        let [f, d, r] = self.orgs_of(p)?;
        let org = |o: &Option<Rc<Org>>| -> [Value; 3] {
            match o {
                Some(o) => [
                    Value::text(&o.id),
                    Value::text(&o.name),
                    Value::text(&o.slug),
                ],
                None => [Value::Null, Value::Null, Value::Null],
            }
        };
        let mut fixed: Vec<Value> = vec![
            Value::text(&id),
            Value::text(&s.tenant.id),
            Value::text(&created),
            Value::text(&updated),
            p.deleted_at.clone().map_or(Value::Null, Value::Text),
            validated_by.map_or(Value::Null, Value::Text),
            validated_at,
        ];
        fixed.extend(org(&f));
        fixed.extend(org(&d));
        fixed.extend(org(&r));
        let core = self.core.iter().map(|&i| &p.core[i]);
        bind(&mut self.persona_st, &fixed, core)?;
        self.persona_st
            .raw_execute()
            .map_err(|e| in_table("personas", e))?;
        self.write_history(p, &id, &created)?;

        let mut written = 0;
        let lists = CHILD_SPECS.iter().zip(&p.lists).zip(&mut self.list_sts);
        for ((spec, rows), st) in lists {
            for (pos, row) in rows.iter().enumerate() {
                let mut fixed = vec![
                    Value::Text(row.id.clone().unwrap_or_else(new_id)),
                    Value::text(&id),
                    Value::text(&s.tenant.id),
                    Value::text(&created),
                    Value::text(&created),
                ];
                if spec.order_column.is_some() {
                    fixed.push(Value::Int(pos as i64));
                }
                let values = spec
                    .fields
                    .iter()
                    .zip(&row.values)
                    .filter(|(f, _)| f.is_writable())
                    .map(|(_, v)| v);
                bind(st, &fixed, values)?;
                st.raw_execute().map_err(|e| in_table(spec.table, e))?;
                written += 1;
            }
        }
        Ok((id, written))
    }

    /// The persona's own history, or the creation row the trigger would write.
    fn write_history(&mut self, p: &Persona, id: &str, created: &str) -> Result<()> {
        let s = self.scope;
        if p.history.is_empty() {
            let status = p.text("validation_status").unwrap_or("draft");
            self.history_st
                .execute(params![
                    new_id(),
                    id,
                    s.tenant.id,
                    None::<String>,
                    status,
                    s.user_id,
                    created,
                    None::<String>
                ])
                .map_err(|e| in_table("persona_status_history", e))?;
            return Ok(());
        }
        for h in &p.history {
            let user = match &h.changed_by {
                Some(name) => Some(self.user(name)?),
                None => None,
            };
            self.history_st
                .execute(params![
                    new_id(),
                    id,
                    s.tenant.id,
                    h.from_status,
                    h.to_status,
                    user,
                    h.changed_at,
                    h.note
                ])
                .map_err(|e| in_table("persona_status_history", e))?;
        }
        Ok(())
    }

    /// A user's id by name, created on first use, looked up once per run.
    fn user(&mut self, name: &str) -> Result<String> {
        if let Some(u) = self.users.get(name) {
            return Ok(u.clone());
        }
        let u = ensure_user(self.tx, name)?;
        self.users.insert(name.to_string(), u.clone());
        Ok(u)
    }

    /// The org rows named by the persona (created when missing): departments hang under the
    /// persona's function, roles under both.
    fn orgs_of(&mut self, p: &Persona) -> Result<[Option<Rc<Org>>; 3]> {
        let names: OrgNames = OrgKind::ALL.map(|k| {
            p.text(org_name_column(k))
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
        });
        if let Some(found) = self.orgs.get(&names) {
            return Ok(found.clone());
        }
        let mut out: [Option<Rc<Org>>; 3] = [None, None, None];
        for (i, kind) in OrgKind::ALL.into_iter().enumerate() {
            let Some(name) = &names[i] else { continue };
            let f = out[0].as_ref().map(|o| o.id.as_str());
            let d = out[1].as_ref().map(|o| o.id.as_str());
            let (f, d) = match kind {
                OrgKind::Function => (None, None),
                OrgKind::Department => (f, None),
                OrgKind::Role => (f, d),
            };
            let id = resolve_org(self.tx, &self.scope.tenant.id, kind, name, f, d)?;
            let (name, slug) = self.tx.query_row(
                &format!("SELECT name, slug FROM {} WHERE id = ?1", kind.table()),
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            out[i] = Some(Rc::new(Org { id, name, slug }));
        }
        self.orgs.insert(names, out.clone());
        Ok(out)
    }
}

/// `INSERT INTO table (fixed..., cols...) VALUES (?1, ?2, ...)`; names come from the specs.
fn insert_sql<'a>(table: &str, fixed: &[&'a str], cols: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = fixed.iter().copied().chain(cols).collect();
    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        marks.join(", ")
    )
}

fn bind<'v>(
    st: &mut Statement<'_>,
    fixed: &[Value],
    values: impl Iterator<Item = &'v Value>,
) -> Result<()> {
    for (i, v) in fixed.iter().enumerate() {
        st.raw_bind_parameter(i + 1, v)?;
    }
    for (i, v) in values.enumerate() {
        st.raw_bind_parameter(fixed.len() + i + 1, clean(v))?;
    }
    Ok(())
}

/// Blank text is stored as NULL, as a save does.
fn clean(v: &Value) -> &Value {
    match v {
        Value::Text(s) if s.trim().is_empty() => &Value::Null,
        v => v,
    }
}
