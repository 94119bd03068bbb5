//! The team library's state in the local file (`schema/006_sync.sql`) and the sync's view of
//! its personas. In the sync's view `validated_by` is a user *name*: user ids are made on each
//! machine, names travel (the remote maps them back to its own ids).

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::SqliteBackend;
use super::tenant::ensure_user;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Kind};
use crate::digest::Digest;
use crate::model::{Persona, Value};
use crate::store::Scope;
use crate::store::error::Result;
use crate::store::sync_state::{BaseRecord, Link, SyncMark, SyncState};

/// What the content hash of one persona `p` is made of, in order: the written core columns
/// (validated_by by user name) and the trash stamp as one text, then each list's rows with
/// their ids, then the history. The hash is the digest of these parts joined by char(29).
///
/// Each list is read in one grouped pass over its table (rows of the personas asked for,
/// grouped by persona) rather than a subquery a persona and table: for a whole file that is
/// 20 statements instead of 200,000 subquery runs. The same text was computed
/// in one statement before (`concat_ws(char(29), ...)` of subqueries); the value is unchanged, so
/// bases recorded by it still match.
fn core_expression() -> String {
    let mut parts: Vec<String> = CORE_FIELDS
        .iter()
        .filter(|f| !matches!(f.kind, Kind::Computed) || f.name == "validated_at")
        .map(|f| format!("quote(p.{})", f.name))
        .collect();
    parts.push("quote((SELECT username FROM users WHERE id = p.validated_by))".into());
    parts.push("quote(p.deleted_at)".into());
    format!("concat_ws(char(29), {})", parts.join(", "))
}

/// (table, the text of one row, the order of rows) for each list, then the history.
fn list_parts() -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = CHILD_SPECS
        .iter()
        .map(|spec| {
            let cols: Vec<String> = std::iter::once("quote(c.id)".to_string())
                .chain(
                    spec.fields
                        .iter()
                        .filter(|f| f.is_writable())
                        .map(|f| format!("quote(c.{})", f.name)),
                )
                .collect();
            let order = spec
                .order_column
                .map_or("c.id".to_string(), |o| format!("c.{o}, c.id"));
            (
                format!("{} c", spec.table),
                format!("concat_ws(char(31), {})", cols.join(", ")),
                order,
            )
        })
        .collect();
    out.push((
        "persona_status_history c LEFT JOIN users u ON u.id = c.changed_by".into(),
        "concat_ws(char(31), quote(c.from_status), quote(c.to_status), quote(u.username), \
         quote(c.changed_at), quote(c.note))"
            .into(),
        "c.changed_at, c.id".into(),
    ));
    out
}

/// Content hashes (id -> (slug, hash)) of the tenant's personas, or of those with the ids in
/// `only`.
fn hashes(
    conn: &Connection,
    tenant: &str,
    only: Option<&[String]>,
) -> Result<HashMap<String, (String, String)>> {
    // The ids as one JSON array parameter, so every statement has one shape whatever their
    // number; `p.id IN (SELECT value FROM json_each(?2))` is answered from the primary key.
    let (filter, ids) = match only {
        Some(ids) => (
            "AND p.id IN (SELECT value FROM json_each(?2))",
            serde_json::to_string(ids).unwrap_or_default(),
        ),
        None => ("AND ?2 IS NULL", String::new()),
    };
    let ids: Option<&str> = only.map(|_| ids.as_str());
    let mut st = conn.prepare_cached(&format!(
        "SELECT p.id, p.slug, {} FROM personas p WHERE p.tenant_id = ?1 {filter}",
        core_expression()
    ))?;
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut found: Vec<(String, String, String)> = Vec::new();
    let mut rows = st.query(params![tenant, ids])?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        index.insert(id.clone(), found.len());
        found.push((id, r.get(1)?, r.get(2)?));
    }
    let parts = list_parts();
    // texts[k][i]: list k's text of persona i ('' when it has no rows).
    let mut texts: Vec<Vec<Option<String>>> = Vec::with_capacity(parts.len());
    for (from, row, order) in &parts {
        let mut st = conn.prepare_cached(&format!(
            "SELECT c.persona_id, group_concat({row}, char(30) ORDER BY {order}) FROM {from} \
             WHERE c.persona_id IN (SELECT p.id FROM personas p WHERE p.tenant_id = ?1 {filter}) \
             GROUP BY c.persona_id"
        ))?;
        let mut list = vec![None; found.len()];
        let mut rows = st.query(params![tenant, ids])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            if let Some(&i) = index.get(&id) {
                list[i] = r.get(1)?;
            }
        }
        texts.push(list);
    }
    Ok(found
        .into_iter()
        .enumerate()
        .map(|(i, (id, slug, core))| {
            let mut d = Digest::default();
            d.write(core.as_bytes());
            for list in &texts {
                d.write(&[29]);
                d.write(list[i].as_deref().unwrap_or("").as_bytes());
            }
            (id, (slug, d.finish()))
        })
        .collect())
}

fn local_hash(conn: &Connection, tenant: &str, id: &str) -> Result<String> {
    Ok(hashes(conn, tenant, Some(&[id.to_string()]))?
        .remove(id)
        .map(|(_, h)| h)
        .unwrap_or_default())
}

fn upsert_base(
    conn: &Connection,
    tenant: &str,
    id: &str,
    snapshot: &str,
    remote_hash: &str,
    local_is_base: bool,
) -> Result<()> {
    let local = if local_is_base {
        local_hash(conn, tenant, id)?
    } else {
        String::new()
    };
    record_base(conn, tenant, id, snapshot, &local, remote_hash)
}

fn record_base(
    conn: &Connection,
    tenant: &str,
    id: &str,
    snapshot: &str,
    local: &str,
    remote_hash: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_bases (tenant_id, persona_id, snapshot, local_hash, remote_hash) \
         VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (tenant_id, persona_id) DO UPDATE SET snapshot = excluded.snapshot, \
           local_hash = excluded.local_hash, remote_hash = excluded.remote_hash, \
           synced_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
    )?
    .execute(params![tenant, id, snapshot, local, remote_hash])?;
    Ok(())
}

/// Makes room for a persona that comes from the remote: the local one is deleted (cascading to
/// its lists and history; its triggers drop the search row), since it is replaced whole by the
/// rows, history and trash stamp given. Returns the persona with its validator as this file's
/// user id. `users` caches user ids by name across a pull.
///
/// The DELETE is a cached statement: compiling it (with the cascades to 19 tables and the
/// triggers it fires) took most of a pull of 10,000 personas when it was prepared for each.
fn make_room(
    tx: &Connection,
    s: &Scope<'_>,
    p: &Persona,
    users: &mut HashMap<String, String>,
) -> Result<Persona> {
    let mut local = p.clone();
    if let Some(i) = crate::catalog::core_index("validated_by")
        && let Some(name) = local.core[i].as_str().map(str::to_string)
    {
        let id = match users.get(&name) {
            Some(id) => id.clone(),
            None => {
                let id = ensure_user(tx, &name)?;
                users.insert(name, id.clone());
                id
            }
        };
        local.core[i] = Value::Text(id);
    }
    tx.prepare_cached("DELETE FROM personas WHERE id = ?1 AND tenant_id = ?2")?
        .execute(params![p.id, s.tenant.id])?;
    Ok(local)
}

fn clear_conflict(conn: &Connection, tenant: &str, id: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM sync_conflicts WHERE tenant_id = ?1 AND persona_id = ?2")?
        .execute(params![tenant, id])?;
    Ok(())
}

impl SqliteBackend {
    fn load_for_sync(&self, s: &Scope<'_>, ids: &[String]) -> Result<Vec<Persona>> {
        let vi = crate::catalog::core_index("validated_by");
        let mut names: HashMap<String, Value> = HashMap::new();
        let mut out = super::load::load_many(&self.conn, &s.tenant.id, ids)?;
        for p in &mut out {
            if let Some(i) = vi
                && let Some(uid) = p.core[i].as_str().map(str::to_string)
            {
                let name = match names.get(&uid) {
                    Some(n) => n.clone(),
                    None => {
                        let n = self.username_of(&uid)?.map_or(Value::Null, Value::Text);
                        names.insert(uid, n.clone());
                        n
                    }
                };
                p.core[i] = name;
            }
        }
        Ok(out)
    }
}

impl SyncState for SqliteBackend {
    fn link(&self, s: &Scope<'_>) -> Result<Option<Link>> {
        Ok(self
            .conn
            .query_row(
                "SELECT url, remote_tenant_id FROM sync_remotes WHERE tenant_id = ?1",
                params![s.tenant.id],
                |r| {
                    Ok(Link {
                        url: r.get(0)?,
                        remote_tenant_id: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    fn set_link(&mut self, s: &Scope<'_>, link: &Link) -> Result<()> {
        let old = self.link(s)?;
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        // The same URL with no tenant named, or the tenant it already had, is the same
        // library: its bases stay, and so does the remote tenant found earlier.
        let same_library = old.as_ref().is_some_and(|o| {
            o.url == link.url
                && (link.remote_tenant_id.is_none()
                    || o.remote_tenant_id.is_none()
                    || o.remote_tenant_id == link.remote_tenant_id)
        });
        let remote_tenant_id = match (&link.remote_tenant_id, &old) {
            (None, Some(o)) if same_library => o.remote_tenant_id.clone(),
            _ => link.remote_tenant_id.clone(),
        };
        if !same_library {
            tx.execute(
                "DELETE FROM sync_bases WHERE tenant_id = ?1",
                params![s.tenant.id],
            )?;
            tx.execute(
                "DELETE FROM sync_conflicts WHERE tenant_id = ?1",
                params![s.tenant.id],
            )?;
        }
        tx.execute(
            "INSERT INTO sync_remotes (tenant_id, url, remote_tenant_id) VALUES (?1, ?2, ?3) \
             ON CONFLICT (tenant_id) DO UPDATE SET url = excluded.url, \
               remote_tenant_id = excluded.remote_tenant_id",
            params![s.tenant.id, link.url, remote_tenant_id],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn content_hashes(&self, s: &Scope<'_>) -> Result<HashMap<String, (String, String)>> {
        hashes(&self.conn, &s.tenant.id, None)
    }

    fn load_synced(&self, s: &Scope<'_>, ids: &[String]) -> Result<Vec<Persona>> {
        self.load_for_sync(s, ids)
    }

    fn bases(&self, s: &Scope<'_>) -> Result<HashMap<String, BaseRecord>> {
        let mut st = self.conn.prepare(
            "SELECT persona_id, local_hash, remote_hash, snapshot FROM sync_bases WHERE tenant_id = ?1",
        )?;
        let rows = st.query_map(params![s.tenant.id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                BaseRecord {
                    local_hash: r.get(1)?,
                    remote_hash: r.get(2)?,
                    snapshot: r.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn set_base(
        &mut self,
        s: &Scope<'_>,
        id: &str,
        snapshot: &str,
        remote_hash: &str,
    ) -> Result<()> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        upsert_base(&tx, &s.tenant.id, id, snapshot, remote_hash, true)?;
        clear_conflict(&tx, &s.tenant.id, id)?;
        tx.commit()?;
        Ok(())
    }

    fn set_bases(&mut self, s: &Scope<'_>, items: &[(String, String, String)]) -> Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let ids: Vec<String> = items.iter().map(|i| i.0.clone()).collect();
        let local = hashes(&tx, &s.tenant.id, Some(&ids))?;
        for (id, snapshot, remote_hash) in items {
            let hash = local.get(id).map(|h| h.1.as_str()).unwrap_or("");
            record_base(&tx, &s.tenant.id, id, snapshot, hash, remote_hash)?;
            clear_conflict(&tx, &s.tenant.id, id)?;
        }
        tx.commit()?;
        Ok(())
    }

    fn save_synced(
        &mut self,
        s: &Scope<'_>,
        p: &Persona,
        snapshot: &str,
        remote_hash: &str,
        local_is_base: bool,
    ) -> Result<()> {
        let id = p.id.clone().unwrap_or_default();
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let kept = super::review::keep_trail(&tx, &s.tenant.id, &id)?;
        let local = make_room(&tx, s, p, &mut HashMap::new())?;
        super::bulk::write_new(&tx, s, &mut std::iter::once(Ok(local)))?;
        super::review::restore_trail(&tx, &s.tenant.id, &id, &kept)?;
        upsert_base(&tx, &s.tenant.id, &id, snapshot, remote_hash, local_is_base)?;
        clear_conflict(&tx, &s.tenant.id, &id)?;
        tx.commit()?;
        Ok(())
    }

    fn save_pulled(&mut self, s: &Scope<'_>, items: &[(Persona, String, String)]) -> Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let mut personas = Vec::with_capacity(items.len());
        let mut kept = Vec::with_capacity(items.len());
        let mut users = HashMap::new();
        for (p, _, _) in items {
            let id = p.id.clone().unwrap_or_default();
            kept.push((super::review::keep_trail(&tx, &s.tenant.id, &id)?, id));
            personas.push(Ok(make_room(&tx, s, p, &mut users)?));
        }
        super::bulk::write_new(&tx, s, &mut personas.into_iter())?;
        for (trail, id) in &kept {
            super::review::restore_trail(&tx, &s.tenant.id, id, trail)?;
        }
        // One pass over the tenant for every local hash, rather than one query a persona.
        let local = hashes(&tx, &s.tenant.id, None)?;
        for (p, snapshot, remote_hash) in items {
            let id = p.id.clone().unwrap_or_default();
            let hash = local.get(&id).map(|h| h.1.as_str()).unwrap_or("");
            record_base(&tx, &s.tenant.id, &id, snapshot, hash, remote_hash)?;
            clear_conflict(&tx, &s.tenant.id, &id)?;
        }
        tx.commit()?;
        Ok(())
    }

    fn conflicts(&self, s: &Scope<'_>) -> Result<HashMap<String, String>> {
        let mut st = self
            .conn
            .prepare("SELECT persona_id, theirs FROM sync_conflicts WHERE tenant_id = ?1")?;
        let rows = st.query_map(params![s.tenant.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn set_conflict(&mut self, s: &Scope<'_>, id: &str, theirs: Option<&str>) -> Result<()> {
        match theirs {
            Some(t) => {
                self.conn.execute(
                    "INSERT INTO sync_conflicts (tenant_id, persona_id, theirs) VALUES (?1, ?2, ?3) \
                     ON CONFLICT (tenant_id, persona_id) DO UPDATE SET theirs = excluded.theirs, \
                       detected_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
                    params![s.tenant.id, id, t],
                )?;
                Ok(())
            }
            None => clear_conflict(&self.conn, &s.tenant.id, id),
        }
    }

    fn base_of(&self, s: &Scope<'_>, id: &str) -> Result<Option<BaseRecord>> {
        Ok(self
            .conn
            .query_row(
                "SELECT local_hash, remote_hash, snapshot FROM sync_bases \
                 WHERE tenant_id = ?1 AND persona_id = ?2",
                params![s.tenant.id, id],
                |r| {
                    Ok(BaseRecord {
                        local_hash: r.get(0)?,
                        remote_hash: r.get(1)?,
                        snapshot: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    fn conflict_of(&self, s: &Scope<'_>, id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT theirs FROM sync_conflicts WHERE tenant_id = ?1 AND persona_id = ?2",
                params![s.tenant.id, id],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn marks(&self, s: &Scope<'_>, ids: &[String]) -> Result<HashMap<String, SyncMark>> {
        // Without a team library nothing waits to be pushed: no hashing at all.
        if ids.is_empty() || !super::sync_marks::linked(&self.conn, &s.tenant.id)? {
            return Ok(HashMap::new());
        }
        let now = hashes(&self.conn, &s.tenant.id, Some(ids))?;
        super::sync_marks::marks(&self.conn, &s.tenant.id, ids, &now)
    }

    fn user_ids(&self) -> Result<HashMap<String, String>> {
        let mut st = self.conn.prepare("SELECT username, id FROM users")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
