//! Personas on the remote: read and written as the domain `Persona`, in the design's own
//! PostgreSQL tables, every statement parameterised and scoped to the remote tenant.
//!
//! Values cross as text: each parameter is bound as `Option<&str>` and cast in SQL to the
//! column's own type (read from the server's catalog once per connection), and each value is
//! read back as `col::text`. One conversion path for every one of the ~200 columns, and a
//! platform column type that differs (a longer VARCHAR, say) still works.

use std::collections::HashMap;

use std::cell::RefCell;

use postgres::{Client, GenericClient, Statement, Transaction};

use super::RemoteError;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality, ChildSpec, FieldSpec, Kind, OrgKind};
use crate::model::{Persona, Row, StatusChange, Value};

/// ISO-8601 UTC with milliseconds, the local file's timestamp form.
const TS: &str = "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'";

/// Column types of the tables the sync writes, as the server states them, and what one sync
/// run keeps on its connection: statements prepared once (a push of 10,000 personas runs the
/// same few dozen statements over and over), and org and user ids already looked up.
pub struct Columns {
    types: HashMap<(String, String), String>,
    statements: RefCell<HashMap<String, Statement>>,
    /// (table, lowercased trimmed name) -> id, for org rows and users seen on the remote.
    names: RefCell<HashMap<(String, String), String>>,
}

impl Columns {
    pub fn load(c: &mut impl GenericClient) -> Result<Columns, RemoteError> {
        let rows = c.query(
            "SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod) \
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid \
             WHERE c.relnamespace = current_schema()::regnamespace AND a.attnum > 0 \
               AND NOT a.attisdropped \
               AND (c.relname = 'personas' OR c.relname LIKE 'persona\\_%')",
            &[],
        )?;
        Ok(Columns {
            types: rows
                .iter()
                .map(|r| ((r.get(0), r.get(1)), r.get(2)))
                .collect(),
            statements: RefCell::new(HashMap::new()),
            names: RefCell::new(HashMap::new()),
        })
    }

    /// The statement for `sql`, prepared on this connection the first time. Prepared
    /// statements belong to the session, so a rolled-back transaction does not lose them.
    fn statement(&self, c: &mut impl GenericClient, sql: &str) -> Result<Statement, RemoteError> {
        if let Some(st) = self.statements.borrow().get(sql) {
            return Ok(st.clone());
        }
        let st = c.prepare(sql)?;
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), st.clone());
        Ok(st)
    }

    /// An id seen for (`scope`, `key`) since the last rollback; the caller normalises the key
    /// the way the remote matches it.
    fn known(&self, scope: &str, key: &str) -> Option<String> {
        self.names
            .borrow()
            .get(&(scope.to_string(), key.to_string()))
            .cloned()
    }

    fn remember(&self, scope: &str, key: &str, id: &str) {
        self.names
            .borrow_mut()
            .insert((scope.to_string(), key.to_string()), id.to_string());
    }

    /// Forgets the ids looked up or created since the last commit: after a rollback, rows
    /// created in it are gone.
    pub fn forget_names(&self) {
        self.names.borrow_mut().clear();
    }

    fn cast(&self, table: &str, column: &str) -> &str {
        self.types
            .get(&(table.to_string(), column.to_string()))
            .map(String::as_str)
            .unwrap_or("text")
    }
}

/// Whether the app writes this column to the remote (computed and trigger-filled columns are
/// the server's, the org names are written through the org ids).
fn written(f: &FieldSpec) -> bool {
    !matches!(f.kind, Kind::Computed | Kind::Org(_))
}

fn is_timestamp(name: &str) -> bool {
    matches!(
        name,
        "validated_at" | "created_at" | "updated_at" | "deleted_at" | "changed_at"
    )
}

/// `col::text`, timestamps in the local file's form.
fn read_expr(alias: &str, name: &str) -> String {
    if is_timestamp(name) {
        format!("to_char({alias}.{name} AT TIME ZONE 'UTC', {TS})")
    } else {
        format!("{alias}.{name}::text")
    }
}

/// A value from its text form, as the column description says.
fn from_text(f: &FieldSpec, text: Option<String>) -> Value {
    let Some(t) = text else { return Value::Null };
    match f.kind {
        Kind::Int { .. } => t.parse().map(Value::Int).unwrap_or(Value::Text(t)),
        Kind::Decimal { .. } => t.parse().map(Value::Real).unwrap_or(Value::Text(t)),
        Kind::Bool => match t.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::Text(t),
        },
        _ => Value::Text(t),
    }
}

/// The text a value is bound as.
fn to_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::Text(s) if s.is_empty() => None,
        Value::Text(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        Value::Real(f) => Some(f.to_string()),
        Value::Bool(b) => Some(b.to_string()),
    }
}

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
        Some(id) => c.query(&hash_sql(true), &[&tenant, &id])?,
        None => c.query(&hash_sql(false), &[&tenant])?,
    };
    Ok(rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect())
}

/// The hash query: $1 the tenant, and with `one` $2 the persona's id.
fn hash_sql(one: bool) -> String {
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
    for spec in CHILD_SPECS {
        let cols: Vec<String> = std::iter::once("c.id::text".to_string())
            .chain(
                spec.fields
                    .iter()
                    .filter(|f| written(f))
                    .map(|f| format!("c.{}::text", f.name)),
            )
            .chain(spec.order_column.map(|o| format!("c.{o}::text")))
            .collect();
        parts.push(format!(
            "coalesce((SELECT md5(string_agg(concat_ws('|', {}), ',' ORDER BY c.id)) FROM {} c \
             WHERE c.persona_id = p.id), '')",
            cols.join(", "),
            spec.table
        ));
    }
    parts.push(
        "coalesce((SELECT md5(string_agg(concat_ws('|', h.id::text, h.from_status::text, \
         h.to_status::text, h.changed_by::text, h.changed_at::text, h.note), ',' ORDER BY h.id)) \
         FROM persona_status_history h WHERE h.persona_id = p.id), '')"
            .to_string(),
    );
    // Two statements rather than one with `$2 IS NULL OR ...`: a prepared statement's generic
    // plan for that would scan every persona to hash one.
    let filter = if one { "AND p.id = $2::text::uuid" } else { "" };
    format!(
        "SELECT p.id::text, p.slug, md5(concat({})) FROM personas p \
         WHERE p.tenant_id = $1::text::uuid {filter} ORDER BY p.id",
        parts.join(", ")
    )
}

/// The org id column for an org-name field, the column itself otherwise.
fn org_id_or(f: &FieldSpec) -> &'static str {
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
    let filter = if ids.is_some() {
        "AND p.id::text = ANY($2)"
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
             WHERE c.tenant_id = $1::text::uuid AND c.persona_id::text = ANY($2) \
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
         WHERE h.tenant_id = $1::text::uuid AND h.persona_id::text = ANY($2) \
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

/// Writes one persona (which must have an id, as must its rows) in the caller's transaction:
/// the core row upserted by id, list rows upserted by id and the ones no longer there
/// deleted, history entries not yet on the remote appended. Users (the validator, the history's
/// authors) come by name, as ids are made on each machine: a name the remote has keeps the
/// remote's id, a new one is created with the local id from `user_ids`.
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
    let rows = match spec.cardinality {
        Cardinality::One => &rows[..rows.len().min(1)],
        Cardinality::Many => rows,
    };
    if rows.is_empty() {
        return Ok(());
    }
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
    upsert(tx, columns, spec.table, &names, &values)
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

/// The remote org row of that name in the tenant (trimmed, case-insensitive), created when
/// missing. Rows are matched by name, never by id: the platform has its own ids.
fn org_id(
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
fn remote_user(
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
                super::db_message(&e)
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

/// What a push did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pushed {
    /// Written; the persona's new content hash on the remote.
    Done(String),
    /// Not written: the remote's version is not the one the caller read (another member
    /// pushed in between). Read it again and merge.
    Moved,
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
    let current: Option<String> = tx.query_opt(&hash, &[&tenant, &id])?.map(|r| r.get(2));
    if current.as_deref() != expected {
        tx.rollback()?;
        return Ok(Pushed::Moved);
    }
    write(&mut tx, columns, tenant, p, user_ids)?;
    let new_hash: String = tx
        .query_opt(&hash, &[&tenant, &id])?
        .map(|r| r.get(2))
        .unwrap_or_default();
    tx.commit()?;
    Ok(Pushed::Done(new_hash))
}
