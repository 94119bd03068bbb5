//! The review trail (schema/007_review.sql): a snapshot of the persona at each status move,
//! the "edited after validation" events, and the review queue's facts. Written inside the
//! caller's transaction while it holds the grant of 005.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value as Json;

use super::SqliteBackend;
use crate::store::Scope;
use crate::store::error::Result;
use crate::store::review::{QueueFacts, ReviewEvent};

/// Statuses whose save is recorded as an edit after validation (007 says why these).
pub const AFTER_VALIDATION: [&str; 2] = ["validated", "published"];

/// The persona's review snapshot as stored now, None when there is no such persona.
pub(super) fn snapshot_now(conn: &Connection, tenant_id: &str, id: &str) -> Result<Option<Json>> {
    Ok(super::load::load(conn, tenant_id, id)?.map(|p| crate::diff::snapshot::to_json(&p)))
}

/// Keeps the persona as it is now under the history row its last move wrote.
pub(super) fn write_snapshot(conn: &Connection, tenant_id: &str, id: &str) -> Result<()> {
    let Some(j) = snapshot_now(conn, tenant_id, id)? else {
        return Ok(());
    };
    let history_id: Option<String> = conn
        .prepare_cached(
            "SELECT id FROM persona_status_history WHERE persona_id = ?1 AND tenant_id = ?2 \
             ORDER BY changed_at DESC, rowid DESC LIMIT 1",
        )?
        .query_row(params![id, tenant_id], |r| r.get(0))
        .optional()?;
    if let Some(h) = history_id {
        conn.prepare_cached(
            "INSERT OR REPLACE INTO review_snapshots (history_id, persona_id, tenant_id, persona_json) \
             VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![h, id, tenant_id, j.to_string()])?;
    }
    Ok(())
}

/// An imported persona: every move of its imported chain gets the persona as imported (the
/// file carries no older versions), so a diff since its validation starts from what came in.
/// `snapshot` is made from the persona as written (reading 19 tables back per persona made an
/// import of 1,000 personas about 45% slower); `tests/review_trail.rs` checks it equals the
/// persona as read.
pub(super) fn write_imported_snapshots(
    conn: &Connection,
    tenant_id: &str,
    id: &str,
    snapshot: &Json,
) -> Result<()> {
    let j = snapshot;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO review_snapshots (history_id, persona_id, tenant_id, persona_json) \
         SELECT h.id, h.persona_id, h.tenant_id, ?3 FROM persona_status_history h \
         WHERE h.persona_id = ?1 AND h.tenant_id = ?2 AND h.from_status IS NOT NULL",
    )?
    .execute(params![id, tenant_id, j.to_string()])?;
    Ok(())
}

/// Records a save of a validated or published persona whose content changed (`before` is
/// its snapshot before the write).
pub(super) fn record_edit(
    conn: &Connection,
    tenant_id: &str,
    user_id: &str,
    id: &str,
    status: &str,
    before: &Json,
) -> Result<()> {
    // Compared without row ids: an import replaces every row (new ids) even when nothing
    // in them changed, and that is no edit.
    let after = snapshot_now(conn, tenant_id, id)?;
    if after.as_ref().map(without_row_ids) == Some(without_row_ids(before)) {
        return Ok(());
    }
    let user = (!user_id.is_empty()).then_some(user_id);
    conn.prepare_cached(
        "INSERT INTO review_events (persona_id, tenant_id, kind, status, changed_by) \
         VALUES (?1, ?2, 'edited_after_validation', ?3, \
                 (SELECT id FROM users WHERE id = ?4))",
    )?
    .execute(params![id, tenant_id, status, user])?;
    Ok(())
}

/// A snapshot with the row ids taken out of every list.
fn without_row_ids(j: &Json) -> Json {
    let mut j = j.clone();
    if let Some(m) = j.as_object_mut() {
        for v in m.values_mut() {
            let rows: Vec<&mut Json> = match v {
                Json::Array(items) => items.iter_mut().collect(),
                o @ Json::Object(_) => vec![o],
                _ => Vec::new(),
            };
            for r in rows {
                if let Some(o) = r.as_object_mut() {
                    o.remove(crate::diff::snapshot::ROW_ID);
                }
            }
        }
    }
    j
}

impl SqliteBackend {
    /// The snapshots of a persona's history rows, in the history's order (None where a move
    /// has none: the creation row, a move by a plain SQL client, moves before 007).
    pub(super) fn snapshots(&self, s: &Scope<'_>, id: &str) -> Result<Vec<Option<String>>> {
        let mut st = self.conn.prepare_cached(
            "SELECT sn.persona_json FROM persona_status_history h \
             LEFT JOIN review_snapshots sn ON sn.history_id = h.id AND sn.tenant_id = h.tenant_id \
             WHERE h.persona_id = ?1 AND h.tenant_id = ?2 ORDER BY h.changed_at, h.rowid",
        )?;
        let rows = st.query_map(params![id, s.tenant.id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The events of a persona, oldest first.
    pub(super) fn review_events(&self, s: &Scope<'_>, id: &str) -> Result<Vec<ReviewEvent>> {
        let mut st = self.conn.prepare_cached(
            "SELECT e.kind, e.status, u.username, e.changed_at FROM review_events e \
             LEFT JOIN users u ON u.id = e.changed_by \
             WHERE e.persona_id = ?1 AND e.tenant_id = ?2 ORDER BY e.changed_at, e.rowid",
        )?;
        let rows = st.query_map(params![id, s.tenant.id], |r| {
            Ok(ReviewEvent {
                kind: r.get(0)?,
                status: r.get(1)?,
                changed_by: r.get(2)?,
                changed_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Per persona waiting for review: who submitted it and when, and its history's last note.
    pub(super) fn queue_facts(&self, s: &Scope<'_>) -> Result<Vec<QueueFacts>> {
        let mut st = self.conn.prepare_cached(
            "SELECT p.id, u.username, h.changed_at, \
               (SELECT n.note FROM persona_status_history n \
                WHERE n.persona_id = p.id AND n.tenant_id = ?1 AND trim(coalesce(n.note, '')) <> '' \
                ORDER BY n.changed_at DESC, n.rowid DESC LIMIT 1) \
             FROM personas p \
             JOIN persona_status_history h ON h.rowid = \
               (SELECT max(x.rowid) FROM persona_status_history x \
                WHERE x.persona_id = p.id AND x.tenant_id = ?1 AND x.to_status = 'pending_review') \
             LEFT JOIN users u ON u.id = h.changed_by \
             WHERE p.tenant_id = ?1 AND p.deleted_at IS NULL AND p.validation_status = 'pending_review'",
        )?;
        let rows = st.query_map(params![s.tenant.id], |r| {
            Ok(QueueFacts {
                persona_id: r.get(0)?,
                submitted_by: r.get(1)?,
                submitted_at: r.get(2)?,
                last_note: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A persona's review trail, held while a sync writes the persona again: the sync deletes the
/// persona row and writes the merged one with its history, which would take the snapshots and
/// events with it (ON DELETE CASCADE).
pub(super) struct Kept {
    /// (from, to, changed_at) of the move, and its snapshot.
    snapshots: Vec<(Option<String>, String, String, String)>,
    /// (kind, status, changed_by, changed_at).
    events: Vec<(String, String, Option<String>, String)>,
}

pub(super) fn keep_trail(conn: &Connection, tenant_id: &str, id: &str) -> Result<Kept> {
    let mut st = conn.prepare_cached(
        "SELECT h.from_status, h.to_status, h.changed_at, sn.persona_json \
         FROM review_snapshots sn JOIN persona_status_history h ON h.id = sn.history_id \
         WHERE sn.persona_id = ?1 AND sn.tenant_id = ?2",
    )?;
    let snapshots = st
        .query_map(params![id, tenant_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare_cached(
        "SELECT kind, status, changed_by, changed_at FROM review_events \
         WHERE persona_id = ?1 AND tenant_id = ?2 ORDER BY changed_at, rowid",
    )?;
    let events = st
        .query_map(params![id, tenant_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Kept { snapshots, events })
}

/// Puts a kept trail back on the persona written again: each snapshot on the history row of
/// the same move (from, to and time; the history travels with the persona), every event.
pub(super) fn restore_trail(
    conn: &Connection,
    tenant_id: &str,
    id: &str,
    kept: &Kept,
) -> Result<()> {
    if kept.snapshots.is_empty() && kept.events.is_empty() {
        return Ok(());
    }
    super::workflow::grant(conn)?;
    for (from, to, at, json) in &kept.snapshots {
        conn.prepare_cached(
            "INSERT OR REPLACE INTO review_snapshots (history_id, persona_id, tenant_id, persona_json) \
             SELECT h.id, h.persona_id, h.tenant_id, ?5 FROM persona_status_history h \
             WHERE h.persona_id = ?1 AND h.tenant_id = ?2 AND h.from_status IS ?3 \
               AND h.to_status = ?4 AND h.changed_at = ?6 \
             ORDER BY h.rowid DESC LIMIT 1",
        )?
        .execute(params![id, tenant_id, from, to, json, at])?;
    }
    for (kind, status, by, at) in &kept.events {
        conn.prepare_cached(
            "INSERT INTO review_events (persona_id, tenant_id, kind, status, changed_by, changed_at) \
             VALUES (?1, ?2, ?3, ?4, (SELECT id FROM users WHERE id = ?5), ?6)",
        )?
        .execute(params![id, tenant_id, kind, status, by, at])?;
    }
    super::workflow::revoke(conn)?;
    Ok(())
}
