//! Reading and writing one persona with all its lists. SQL is built from the column
//! descriptions; each save is one transaction.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use super::Store;
use super::convert::from_sql;
use super::error::{Location, Problem, Result, StoreError, in_table};
use super::tenant::{new_id, resolve_org};
use crate::catalog::validate::{Lookups, slugify, validate_value};
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, ChildSpec, OrgKind};
use crate::model::{Persona, Row, Value};

/// Core columns as loaded: every described column (computed ones too).
fn core_select_list() -> String {
    CORE_FIELDS
        .iter()
        .map(|f| format!("p.{}", f.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every bad value of a persona, in form order: required, types, ranges, lists, lookups, and
/// the one-row-per-persona and unique-metric rules.
pub fn validate(p: &Persona, lookups: &Lookups) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, (f, v)) in CORE_FIELDS.iter().zip(&p.core).enumerate() {
        if f.is_writable()
            && let Err(message) = validate_value(f, v, lookups)
        {
            out.push(Problem {
                location: Location::Core(i),
                message,
            });
        }
    }
    for (li, (spec, rows)) in CHILD_SPECS.iter().zip(&p.lists).enumerate() {
        if spec.cardinality == crate::catalog::Cardinality::One && rows.len() > 1 {
            out.push(Problem {
                location: Location::List(li, 1, 0),
                message: format!("{} holds one row per persona", spec.title),
            });
        }
        for (ri, row) in rows.iter().enumerate() {
            for (fi, (f, v)) in spec.fields.iter().zip(&row.values).enumerate() {
                if f.is_writable()
                    && let Err(message) = validate_value(f, v, lookups)
                {
                    out.push(Problem {
                        location: Location::List(li, ri, fi),
                        message,
                    });
                }
            }
        }
        if spec.key == "success_metrics" {
            let mi = spec.field_index("metric_name").unwrap_or(0);
            for (ri, row) in rows.iter().enumerate() {
                let name = &row.values[mi];
                if !name.is_blank() && rows[..ri].iter().any(|o| &o.values[mi] == name) {
                    out.push(Problem {
                        location: Location::List(li, ri, mi),
                        message: format!(
                            "\"{name}\" is already a metric of this persona; names are unique"
                        ),
                    });
                }
            }
        }
    }
    let (min, max, median) = (
        p.get("salary_min_usd").as_i64(),
        p.get("salary_max_usd").as_i64(),
        p.get("salary_median_usd").as_i64(),
    );
    if let (Some(lo), Some(hi)) = (min, max)
        && lo > hi
        && let Some(i) = crate::catalog::core_index("salary_max_usd")
    {
        out.push(Problem {
            location: Location::Core(i),
            message: format!("{hi} is below the minimum {lo}"),
        });
    }
    if let (Some(lo), Some(hi), Some(mid)) = (min, max, median)
        && lo <= hi
        && !(lo..=hi).contains(&mid)
        && let Some(i) = crate::catalog::core_index("salary_median_usd")
    {
        out.push(Problem {
            location: Location::Core(i),
            message: format!("{mid} is outside the range {lo} to {hi}"),
        });
    }
    out
}

impl Store {
    /// Loads a persona of this tenant by id, deleted or not.
    pub fn load(&self, id: &str) -> Result<Persona> {
        load(&self.conn, &self.tenant.id, id)?
            .ok_or_else(|| StoreError::NotFound(format!("persona {id}")))
    }

    /// Loads a persona of this tenant by slug.
    pub fn load_by_slug(&self, slug: &str) -> Result<Persona> {
        let id: Option<String> = self
            .conn
            .query_row(
                "SELECT id FROM personas WHERE tenant_id = ?1 AND slug = ?2",
                params![self.tenant.id, slug],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => self.load(&id),
            None => Err(StoreError::NotFound(format!(
                "persona \"{slug}\" in tenant {}",
                self.tenant.key
            ))),
        }
    }

    /// Validates and writes a persona with all its lists in one transaction; returns it as
    /// stored. An existing persona must still have the version it was loaded with.
    pub fn save(&mut self, p: &Persona) -> Result<Persona> {
        let problems = validate(p, &self.lookups);
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let id = write(&tx, &self.tenant.id, &self.user_id, p, WriteMode::Checked)?;
        tx.commit()?;
        self.load(&id)
    }

    /// Writes many personas in one transaction: all or nothing. A persona whose slug exists in
    /// this tenant is replaced (its lists too); others are created. Returns (created, updated).
    pub fn save_all(&mut self, personas: &[Persona]) -> Result<(usize, usize)> {
        let mut problems = Vec::new();
        for p in personas {
            problems.extend(validate(p, &self.lookups));
        }
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (mut created, mut updated) = (0, 0);
        for p in personas {
            let existing = existing_by_slug(&tx, &self.tenant.id, p.slug())?;
            let mut p = p.clone();
            match existing {
                Some((id, version)) => {
                    p.id = Some(id);
                    p.version = version;
                    updated += 1;
                }
                None => {
                    p.id = None;
                    created += 1;
                }
            }
            let created = p.id.is_none();
            let id = write(
                &tx,
                &self.tenant.id,
                &self.user_id,
                &p,
                WriteMode::ReplaceLists,
            )?;
            // A new persona keeps the history it was exported with; an existing one keeps its
            // own (the move the import made, if any, is appended by the trigger).
            if created && !p.history.is_empty() {
                super::workflow::replace_history(&tx, &id, &self.tenant.id, &p.history)?;
            }
        }
        tx.commit()?;
        Ok((created, updated))
    }

    /// Saves over whatever is stored now, ignoring the version check: the user's explicit
    /// "overwrite" answer to a conflict.
    pub fn save_overwriting(&mut self, p: &Persona) -> Result<Persona> {
        let problems = validate(p, &self.lookups);
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut p = p.clone();
        if let Some(id) = &p.id {
            p.version = tx.query_row(
                "SELECT version FROM personas WHERE id = ?1 AND tenant_id = ?2",
                params![id, self.tenant.id],
                |r| r.get(0),
            )?;
        }
        let id = write(&tx, &self.tenant.id, &self.user_id, &p, WriteMode::Checked)?;
        tx.commit()?;
        self.load(&id)
    }

    pub fn soft_delete(&mut self, id: &str) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE personas SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), version = version + 1 \
             WHERE id = ?1 AND tenant_id = ?2 AND deleted_at IS NULL",
            params![id, self.tenant.id],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("persona {id}")));
        }
        Ok(())
    }

    pub fn restore(&mut self, id: &str) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE personas SET deleted_at = NULL, version = version + 1 \
             WHERE id = ?1 AND tenant_id = ?2 AND deleted_at IS NOT NULL",
            params![id, self.tenant.id],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("deleted persona {id}")));
        }
        Ok(())
    }

    /// A copy of a persona as a new, unsaved draft with a free slug.
    pub fn duplicate(&self, id: &str) -> Result<Persona> {
        let mut p = self.load(id)?;
        p.id = None;
        p.version = 0;
        p.created_at = None;
        p.updated_at = None;
        p.deleted_at = None;
        for rows in &mut p.lists {
            for r in rows {
                r.id = None;
            }
        }
        let name = format!("{} (copy)", p.name());
        let slug = self.free_slug(&format!("{}-copy", p.slug()))?;
        p.set("name", Value::Text(name));
        p.set("slug", Value::Text(slug));
        p.set("validation_status", Value::text("draft"));
        p.set("validated_by", Value::Null);
        p.set("validated_at", Value::Null);
        Ok(p)
    }

    /// `base` if no persona uses it, else `base-2`, `base-3`, ... Slugs are unique across
    /// tenants (the design's `personas_slug_unique`), so this looks at all of them.
    pub fn free_slug(&self, base: &str) -> Result<String> {
        let base = if base.is_empty() {
            "persona".to_string()
        } else {
            slugify(base)
        };
        let mut candidate = base.clone();
        let mut n = 2;
        loop {
            let taken: bool = self.conn.query_row(
                "SELECT EXISTS(SELECT 1 FROM personas WHERE slug = ?1)",
                params![candidate],
                |r| r.get(0),
            )?;
            if !taken {
                return Ok(candidate);
            }
            candidate = format!("{base}-{n}");
            n += 1;
        }
    }

    /// Names in the tenant's organisation table, for a picker.
    pub fn org_names(&self, kind: OrgKind) -> Result<Vec<String>> {
        super::tenant::org_names(&self.conn, &self.tenant.id, kind)
    }
}

fn existing_by_slug(
    conn: &Connection,
    tenant_id: &str,
    slug: &str,
) -> Result<Option<(String, i64)>> {
    Ok(conn
        .query_row(
            "SELECT id, version FROM personas WHERE tenant_id = ?1 AND slug = ?2",
            params![tenant_id, slug],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

pub fn load(conn: &Connection, tenant_id: &str, id: &str) -> Result<Option<Persona>> {
    let sql = format!(
        "SELECT p.id, p.version, p.created_at, p.updated_at, p.deleted_at, {} \
         FROM personas p WHERE p.id = ?1 AND p.tenant_id = ?2",
        core_select_list()
    );
    let mut p = match conn
        .query_row(&sql, params![id, tenant_id], |r| {
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
        })
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
        Ok(crate::model::StatusChange {
            from_status: r.get(0)?,
            to_status: r.get(1)?,
            changed_by: r.get(2)?,
            changed_at: r.get(3)?,
            note: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn load_rows(
    conn: &Connection,
    tenant_id: &str,
    persona_id: &str,
    spec: &ChildSpec,
) -> Result<Vec<Row>> {
    let cols = spec
        .fields
        .iter()
        .map(|f| f.name)
        .collect::<Vec<_>>()
        .join(", ");
    let order = spec.order_column.map_or("created_at, id".to_string(), |c| {
        format!("{c}, created_at, id")
    });
    let sql = format!(
        "SELECT id, {cols} FROM {} WHERE persona_id = ?1 AND (tenant_id = ?2 OR tenant_id IS NULL) ORDER BY {order}",
        spec.table
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params![persona_id, tenant_id], |r| {
        let mut values = Vec::with_capacity(spec.fields.len());
        for (i, f) in spec.fields.iter().enumerate() {
            values.push(from_sql(f, r.get_ref(1 + i)?));
        }
        Ok(Row {
            id: Some(r.get(0)?),
            values,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum WriteMode {
    /// Refuse when the stored version differs from the loaded one; keep unchanged rows.
    Checked,
    /// Import: replace every list row.
    ReplaceLists,
}

fn text_of(p: &Persona, name: &str) -> Option<String> {
    p.text(name)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// Writes the persona inside the caller's transaction and returns its id.
fn write(
    conn: &Connection,
    tenant_id: &str,
    user_id: &str,
    p: &Persona,
    mode: WriteMode,
) -> Result<String> {
    // Organisation names resolve to rows of the tenant (created on first use); the schema's
    // trigger then copies name and slug back into the persona.
    let (mut function_id, mut department_id, mut role_id) = (None, None, None);
    for kind in [OrgKind::Function, OrgKind::Department, OrgKind::Role] {
        let column = match kind {
            OrgKind::Function => "function_name",
            OrgKind::Department => "department_name",
            OrgKind::Role => "role_name",
        };
        let Some(name) = text_of(p, column) else {
            continue;
        };
        // Departments hang under the persona's function, roles under both.
        let (f, d) = match kind {
            OrgKind::Function => (None, None),
            OrgKind::Department => (function_id.as_deref(), None),
            OrgKind::Role => (function_id.as_deref(), department_id.as_deref()),
        };
        let id = Some(resolve_org(conn, tenant_id, kind, &name, f, d)?);
        match kind {
            OrgKind::Function => function_id = id,
            OrgKind::Department => department_id = id,
            OrgKind::Role => role_id = id,
        }
    }
    // An editor save never changes the status of a stored persona: that is the review
    // workflow's job (`move_status`, with its user and note), and an "overwrite" after a
    // conflict must not undo somebody else's move. Imports do carry a status, checked below.
    let keep_status = mode == WriteMode::Checked && p.id.is_some();
    let writable: Vec<(usize, &str)> = CORE_FIELDS
        .iter()
        .enumerate()
        .filter(|(_, f)| f.is_writable() && !(keep_status && f.name == "validation_status"))
        .map(|(i, f)| (i, f.name))
        .collect();
    let mut values: Vec<Value> = writable.iter().map(|(i, _)| clean(&p.core[*i])).collect();
    // With no org row the denormalised slug is cleared too, so name and slug never disagree.
    let org_cols = [
        ("function_id", function_id),
        ("department_id", department_id),
        ("role_id", role_id),
    ];
    let mut names: Vec<&str> = writable.iter().map(|(_, n)| *n).collect();
    for (col, id) in &org_cols {
        names.push(col);
        values.push(id.clone().map_or(Value::Null, Value::Text));
    }
    for kind in [OrgKind::Function, OrgKind::Department, OrgKind::Role] {
        let id_set = org_cols
            .iter()
            .any(|(c, id)| *c == kind.id_column() && id.is_some());
        if !id_set {
            names.push(kind.slug_column());
            values.push(Value::Null);
        }
    }

    let mut status_moved = true;
    let id = match &p.id {
        None => {
            let id = new_id();
            let cols = names.join(", ");
            let marks = (0..names.len())
                .map(|i| format!("?{}", i + 3))
                .collect::<Vec<_>>()
                .join(", ");
            let sql =
                format!("INSERT INTO personas (id, tenant_id, {cols}) VALUES (?1, ?2, {marks})");
            let mut args: Vec<Value> = vec![Value::Text(id.clone()), Value::text(tenant_id)];
            args.extend(values);
            conn.prepare_cached(&sql)?
                .execute(params_from_iter(args.iter()))
                .map_err(|e| in_table("personas", e))?;
            id
        }
        Some(id) => {
            let stored: Option<(i64, Option<String>)> = conn
                .query_row(
                    "SELECT version, validation_status FROM personas WHERE id = ?1 AND tenant_id = ?2",
                    params![id, tenant_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let stored_status = match &stored {
                Some((_, s)) => s.clone().unwrap_or_else(|| "draft".into()),
                None => String::new(),
            };
            match stored.map(|(v, _)| v) {
                None => {
                    return Err(StoreError::NotFound(format!(
                        "persona \"{}\" (it was removed)",
                        p.name()
                    )));
                }
                Some(v) if v != p.version && mode == WriteMode::Checked => {
                    return Err(StoreError::Conflict {
                        name: p.name().to_string(),
                    });
                }
                Some(_) => {}
            }
            let new_status = if keep_status {
                stored_status.as_str()
            } else {
                p.text("validation_status").unwrap_or("draft")
            };
            status_moved = new_status != stored_status;
            if status_moved && !crate::workflow::is_allowed(&stored_status, new_status) {
                return Err(StoreError::Refused(format!(
                    "{}: {}",
                    p.name(),
                    crate::workflow::refusal(&stored_status, new_status)
                )));
            }
            let sets = names
                .iter()
                .enumerate()
                .map(|(i, n)| format!("{n} = ?{}", i + 3))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "UPDATE personas SET {sets}, version = version + 1 WHERE id = ?1 AND tenant_id = ?2"
            );
            let mut args: Vec<Value> = vec![Value::Text(id.clone()), Value::text(tenant_id)];
            args.extend(values);
            conn.prepare_cached(&sql)?
                .execute(params_from_iter(args.iter()))
                .map_err(|e| in_table("personas", e))?;
            id.clone()
        }
    };

    if status_moved {
        super::workflow::sign_last_move(conn, &id, user_id, None)?;
    }
    for (li, spec) in CHILD_SPECS.iter().enumerate() {
        write_rows(conn, tenant_id, &id, spec, &p.lists[li])?;
    }
    Ok(id)
}

/// Blank single-line text is stored as NULL, so a cleared field reads back as empty.
fn clean(v: &Value) -> Value {
    match v {
        Value::Text(s) if s.trim().is_empty() => Value::Null,
        v => v.clone(),
    }
}

/// Brings a list in the database to `rows`: unchanged rows are left alone (their timestamps
/// too); removed and changed rows are deleted first and changed ones re-inserted with their id
/// and created_at, so a swap of two unique metric names cannot collide mid-save.
fn write_rows(
    conn: &Connection,
    tenant_id: &str,
    persona_id: &str,
    spec: &ChildSpec,
    rows: &[Row],
) -> Result<()> {
    let writable: Vec<usize> = (0..spec.fields.len())
        .filter(|&i| spec.fields[i].is_writable())
        .collect();
    let mut existing: HashMap<String, (Vec<Value>, i64, String)> = HashMap::new();
    {
        let cols = writable
            .iter()
            .map(|&i| spec.fields[i].name)
            .collect::<Vec<_>>()
            .join(", ");
        let order = spec.order_column.unwrap_or("0");
        let sql = format!(
            "SELECT id, {order}, created_at, {cols} FROM {} WHERE persona_id = ?1",
            spec.table
        );
        let mut st = conn.prepare_cached(&sql)?;
        let mut q = st.query(params![persona_id])?;
        while let Some(r) = q.next()? {
            let mut vals = Vec::new();
            for (k, &i) in writable.iter().enumerate() {
                vals.push(from_sql(&spec.fields[i], r.get_ref(3 + k)?));
            }
            existing.insert(
                r.get(0)?,
                (vals, r.get::<_, Option<i64>>(1)?.unwrap_or(0), r.get(2)?),
            );
        }
    }
    let mut keep: HashMap<&str, ()> = HashMap::new();
    let mut to_insert: Vec<(usize, Option<String>, Option<String>)> = Vec::new(); // (row index, id, created_at)
    // Rows without an id (an import) are matched by position: an identical row already at
    // that place is kept, so re-importing unchanged data rewrites nothing.
    let by_order: HashMap<i64, &str> = existing
        .iter()
        .map(|(id, (_, o, _))| (*o, id.as_str()))
        .collect();
    for (pos, row) in rows.iter().enumerate() {
        let wanted: Vec<Value> = writable.iter().map(|&i| clean(&row.values[i])).collect();
        let matched = match row.id.as_deref() {
            Some(id) => existing.get_key_value(id),
            None => by_order
                .get(&(pos as i64))
                .and_then(|id| existing.get_key_value(*id)),
        };
        match matched {
            Some((id, (vals, order, _)))
                if *vals == wanted && *order == pos as i64 && !keep.contains_key(id.as_str()) =>
            {
                keep.insert(id.as_str(), ());
            }
            Some((id, (_, _, created))) if row.id.is_some() => {
                to_insert.push((pos, Some(id.to_string()), Some(created.clone())))
            }
            _ => to_insert.push((pos, None, None)),
        }
    }
    let delete_sql = format!("DELETE FROM {} WHERE id = ?1", spec.table);
    for id in existing.keys() {
        if !keep.contains_key(id.as_str()) {
            conn.execute(&delete_sql, params![id])
                .map_err(|e| in_table(spec.table, e))?;
        }
    }
    let mut names: Vec<&str> = vec!["id", "persona_id", "tenant_id", "created_at"];
    if let Some(c) = spec.order_column {
        names.push(c);
    }
    names.extend(writable.iter().map(|&i| spec.fields[i].name));
    let marks = (1..=names.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    // created_at falls back to the column default when NULL is bound for a new row.
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        spec.table,
        names.join(", "),
        marks.replacen(
            "?4",
            "coalesce(?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            1
        )
    );
    let mut st = conn.prepare_cached(&sql)?;
    for (pos, id, created) in to_insert {
        let row = &rows[pos];
        let mut args: Vec<Value> = vec![
            Value::Text(id.unwrap_or_else(new_id)),
            Value::text(persona_id),
            Value::text(tenant_id),
            created.map_or(Value::Null, Value::Text),
        ];
        if spec.order_column.is_some() {
            args.push(Value::Int(pos as i64));
        }
        args.extend(writable.iter().map(|&i| clean(&row.values[i])));
        st.execute(params_from_iter(args.iter()))
            .map_err(|e| in_table(spec.table, e))?;
    }
    Ok(())
}
