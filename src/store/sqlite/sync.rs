//! The team library's state in the local file (`schema/006_sync.sql`) and the sync's view of
//! its personas. In the sync's view `validated_by` is a user *name*: user ids are made on each
//! machine, names travel (the remote maps them back to its own ids).

use std::collections::HashMap;

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::SqliteBackend;
use super::tenant::ensure_user;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Kind};
use crate::digest::digest;
use crate::model::{Persona, Value};
use crate::store::Scope;
use crate::store::error::Result;
use crate::store::sync_state::{BaseRecord, Link, SyncState};

/// `ps_digest(text)`: the content digest, registered on the connection before a hash query.
fn register_digest(conn: &Connection) -> Result<()> {
    conn.create_scalar_function(
        "ps_digest",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(digest(text.unwrap_or_default().as_bytes()))
        },
    )?;
    Ok(())
}

/// The expression hashing one persona `p`: every written core column (validated_by by user
/// name), the trash stamp, every list row with its id, and the history.
fn hash_expression() -> String {
    let mut parts: Vec<String> = CORE_FIELDS
        .iter()
        .filter(|f| !matches!(f.kind, Kind::Computed) || f.name == "validated_at")
        .map(|f| format!("quote(p.{})", f.name))
        .collect();
    parts.push("quote((SELECT username FROM users WHERE id = p.validated_by))".into());
    parts.push("quote(p.deleted_at)".into());
    for spec in CHILD_SPECS {
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
        parts.push(format!(
            "coalesce((SELECT group_concat(concat_ws(char(31), {}), char(30) ORDER BY {order}) \
             FROM {} c WHERE c.persona_id = p.id), '')",
            cols.join(", "),
            spec.table
        ));
    }
    parts.push(
        "coalesce((SELECT group_concat(concat_ws(char(31), quote(h.from_status), \
         quote(h.to_status), quote(u.username), quote(h.changed_at), quote(h.note)), char(30) \
         ORDER BY h.changed_at, h.id) FROM persona_status_history h \
         LEFT JOIN users u ON u.id = h.changed_by WHERE h.persona_id = p.id), '')"
            .into(),
    );
    format!("ps_digest(concat_ws(char(29), {}))", parts.join(", "))
}

fn hashes(
    conn: &Connection,
    tenant: &str,
    only: Option<&str>,
) -> Result<HashMap<String, (String, String)>> {
    register_digest(conn)?;
    // Two statements, not `?2 IS NULL OR p.id = ?2`: with that, SQLite scans every persona to
    // hash one (a pull of 10,000 then took minutes).
    let filter = if only.is_some() { "AND p.id = ?2" } else { "" };
    let sql = format!(
        "SELECT p.id, p.slug, {} FROM personas p WHERE p.tenant_id = ?1 {filter}",
        hash_expression()
    );
    let mut st = conn.prepare_cached(&sql)?;
    let map = |r: &rusqlite::Row<'_>| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?)));
    let rows = match only {
        Some(id) => st.query_map(params![tenant, id], map)?,
        None => st.query_map(params![tenant], map)?,
    };
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn local_hash(conn: &Connection, tenant: &str, id: &str) -> Result<String> {
    Ok(hashes(conn, tenant, Some(id))?
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
    conn.execute(
        "INSERT INTO sync_bases (tenant_id, persona_id, snapshot, local_hash, remote_hash) \
         VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (tenant_id, persona_id) DO UPDATE SET snapshot = excluded.snapshot, \
           local_hash = excluded.local_hash, remote_hash = excluded.remote_hash, \
           synced_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        params![tenant, id, snapshot, local, remote_hash],
    )?;
    Ok(())
}

/// Makes room for a persona that comes from the remote: the local one is deleted (cascading to
/// its lists and history; its triggers drop the search row), since it is replaced whole by the
/// rows, history and trash stamp given. Returns the persona with its validator as this file's
/// user id.
fn make_room(tx: &Connection, s: &Scope<'_>, p: &Persona) -> Result<Persona> {
    let mut local = p.clone();
    if let Some(i) = crate::catalog::core_index("validated_by")
        && let Some(name) = local.core[i].as_str().map(str::to_string)
    {
        local.core[i] = Value::Text(ensure_user(tx, &name)?);
    }
    tx.execute(
        "DELETE FROM personas WHERE id = ?1 AND tenant_id = ?2",
        params![p.id, s.tenant.id],
    )?;
    Ok(local)
}

fn clear_conflict(conn: &Connection, tenant: &str, id: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM sync_conflicts WHERE tenant_id = ?1 AND persona_id = ?2",
        params![tenant, id],
    )?;
    Ok(())
}

impl SqliteBackend {
    fn load_for_sync(&self, s: &Scope<'_>, ids: &[String]) -> Result<Vec<Persona>> {
        let vi = crate::catalog::core_index("validated_by");
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(mut p) = super::persona::load(&self.conn, &s.tenant.id, id)? {
                if let Some(i) = vi
                    && let Some(uid) = p.core[i].as_str().map(str::to_string)
                {
                    p.core[i] = self.username_of(&uid)?.map_or(Value::Null, Value::Text);
                }
                out.push(p);
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
        for (id, snapshot, remote_hash) in items {
            upsert_base(&tx, &s.tenant.id, id, snapshot, remote_hash, true)?;
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
        let local = make_room(&tx, s, p)?;
        super::bulk::write_new(&tx, s, &mut std::iter::once(Ok(local)))?;
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
        for (p, _, _) in items {
            personas.push(Ok(make_room(&tx, s, p)?));
        }
        super::bulk::write_new(&tx, s, &mut personas.into_iter())?;
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

    fn user_ids(&self) -> Result<HashMap<String, String>> {
        let mut st = self.conn.prepare("SELECT username, id FROM users")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
