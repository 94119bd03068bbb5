//! Reading and writing one persona with all its lists. SQL is built from the column
//! descriptions; each save is one transaction.

use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use super::SqliteBackend;
use super::error::in_table;
use super::rows::{clean, write_rows};
use super::tenant::{new_id, resolve_org};
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, OrgKind, org_name_column};
use crate::model::{Persona, Value};
use crate::store::Scope;
use crate::store::chain::chain_problems;
use crate::store::error::{Result, StoreError};

impl SqliteBackend {
    pub(super) fn id_by_slug(&self, s: &Scope<'_>, slug: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM personas WHERE tenant_id = ?1 AND slug = ?2",
                params![s.tenant.id, slug],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// One transaction; `overwrite` reads the stored version first, so the version check
    /// passes: the user's explicit "overwrite" answer to a conflict.
    pub(super) fn save(&mut self, s: &Scope<'_>, p: &Persona, overwrite: bool) -> Result<String> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut p = p.clone();
        if overwrite && let Some(id) = &p.id {
            p.version = tx.query_row(
                "SELECT version FROM personas WHERE id = ?1 AND tenant_id = ?2",
                params![id, s.tenant.id],
                |r| r.get(0),
            )?;
        }
        super::workflow::grant(&tx)?;
        let id = write(&tx, s.tenant.id.as_str(), s.user_id, &p, WriteMode::Checked)?;
        super::workflow::revoke(&tx)?;
        tx.commit()?;
        Ok(id)
    }

    /// All personas in one transaction, through the bulk writer that `gen` uses: new
    /// personas are inserted by its prepared statements, with their history, and every
    /// written persona is indexed once at the end instead of once per list row.
    pub(super) fn save_all(
        &mut self,
        s: &Scope<'_>,
        personas: &[Persona],
    ) -> Result<(usize, usize)> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // The page cache `gen` uses (see `bulk_create`): without it a large import spills
        // its pages to the WAL and reads them back (10,000 personas: 12.9 s, 9.2 s with it).
        let old_cache: i64 = tx.pragma_query_value(None, "cache_size", |r| r.get(0))?;
        tx.pragma_update(None, "cache_size", -262_144)?;
        let result = Self::save_all_in(&tx, s, personas);
        tx.pragma_update(None, "cache_size", old_cache)?;
        let counts = result?;
        tx.commit()?;
        Ok(counts)
    }

    /// `save_all`'s writes inside its transaction.
    fn save_all_in(
        tx: &rusqlite::Transaction<'_>,
        s: &Scope<'_>,
        personas: &[Persona],
    ) -> Result<(usize, usize)> {
        let mut bulk = super::bulk::Bulk::begin(tx, true)?;
        super::workflow::grant(tx)?;
        let mut writer = super::bulk::Writer::new(tx, s)?;
        let (mut created, mut updated) = (0, 0);
        for p in personas {
            let id = match existing_by_slug(tx, &s.tenant.id, p.slug())? {
                // An existing persona keeps its own history (the move the import made, if
                // any, is appended by the trigger and signed by the importing user).
                Some((id, version)) => {
                    let mut p = p.clone();
                    p.id = Some(id);
                    p.version = version;
                    updated += 1;
                    write(tx, &s.tenant.id, s.user_id, &p, WriteMode::ReplaceLists)?
                }
                // A new one keeps the history it was exported with, which must be a chain
                // of the workflow's moves: the grant lets this transaction insert it in any
                // status. Its validated_at / validated_by come from that chain.
                None => {
                    let status = p.text("validation_status").unwrap_or("draft");
                    let problems = chain_problems(status, &p.history);
                    if !problems.is_empty() {
                        return Err(StoreError::HistoryRefused {
                            persona: p.slug().to_string(),
                            problems: problems
                                .into_iter()
                                .map(|(path, m)| format!("{path}: {m}"))
                                .collect(),
                        });
                    }
                    let mut p = p.clone();
                    p.id = None;
                    // New row ids given here rather than by the writer, so the review
                    // snapshot below is made from this persona without reading it back.
                    for rows in &mut p.lists {
                        for row in rows {
                            row.id = Some(new_id());
                        }
                    }
                    created += 1;
                    let id = writer.write(&p)?.0;
                    if p.history.iter().any(|h| h.from_status.is_some()) {
                        let snapshot = crate::diff::snapshot::to_json(&p);
                        super::review::write_imported_snapshots(tx, &s.tenant.id, &id, &snapshot)?;
                    }
                    id
                }
            };
            bulk.written(tx, &id)?;
        }
        drop(writer);
        super::workflow::revoke(tx)?;
        bulk.finish(tx)?;
        Ok((created, updated))
    }

    /// Stamps `deleted_at` (`delete`) or clears it; false when no such live (or trashed)
    /// persona exists in the tenant.
    pub(super) fn set_deleted(&mut self, s: &Scope<'_>, id: &str, delete: bool) -> Result<bool> {
        let sql = if delete {
            "UPDATE personas SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), version = version + 1 \
             WHERE id = ?1 AND tenant_id = ?2 AND deleted_at IS NULL"
        } else {
            "UPDATE personas SET deleted_at = NULL, version = version + 1 \
             WHERE id = ?1 AND tenant_id = ?2 AND deleted_at IS NOT NULL"
        };
        Ok(self.conn.execute(sql, params![id, s.tenant.id])? > 0)
    }

    /// Slugs are unique across tenants (the design's `personas_slug_unique`), so this looks at
    /// all of them.
    pub(super) fn slug_taken(&self, slug: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM personas WHERE slug = ?1)",
            params![slug],
            |r| r.get(0),
        )?)
    }

    pub(super) fn slug_prefix_taken(&self, prefix: &str) -> Result<bool> {
        // substr, not LIKE or GLOB: the prefix is data, and neither needs escaping then.
        Ok(self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM personas WHERE substr(slug, 1, length(?1)) = ?1)",
            params![prefix],
            |r| r.get(0),
        )?)
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
    for kind in OrgKind::ALL {
        let Some(name) = text_of(p, org_name_column(kind)) else {
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
        .filter(|(_, f)| f.is_writable() && !(keep_status && f.workflow))
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
    for kind in OrgKind::ALL {
        let id_set = org_cols
            .iter()
            .any(|(c, id)| *c == kind.id_column() && id.is_some());
        if !id_set {
            names.push(kind.slug_column());
            values.push(Value::Null);
        }
    }

    let mut status_moved = true;
    // (status, snapshot before the write) of a validated or published persona being saved.
    let mut edited_after_validation = None;
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
            if !status_moved && super::review::AFTER_VALIDATION.contains(&stored_status.as_str()) {
                let before = super::review::snapshot_now(conn, tenant_id, id)?;
                edited_after_validation = before.map(|b| (stored_status.clone(), b));
            }
            if status_moved && !crate::workflow::is_allowed(&stored_status, new_status) {
                return Err(StoreError::MoveNotAllowed {
                    persona: Some(p.name().to_string()),
                    from: stored_status.clone(),
                    to: new_status.to_string(),
                });
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
        // As `move_status` does: the user who moved it to validated validated it.
        if p.id.is_some() && p.text("validation_status") == Some("validated") {
            conn.prepare_cached(
                "UPDATE personas SET validated_by = ?3 WHERE id = ?1 AND tenant_id = ?2",
            )?
            .execute(params![id, tenant_id, user_id])?;
        }
    }
    for (li, spec) in CHILD_SPECS.iter().enumerate() {
        write_rows(conn, tenant_id, &id, spec, &p.lists[li])?;
    }
    if status_moved && p.id.is_some() {
        super::review::write_snapshot(conn, tenant_id, &id)?;
    }
    if let Some((status, before)) = edited_after_validation {
        super::review::record_edit(conn, tenant_id, user_id, &id, &status, &before)?;
    }
    Ok(id)
}
