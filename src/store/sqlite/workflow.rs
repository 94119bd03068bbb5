//! Status moves, their history and the review queue.

use rusqlite::{OptionalExtension, params};

use super::SqliteBackend;
use super::summary::{enum_order, summary_columns, summary_from_row};
use crate::catalog::enums::ARCHETYPES;
use crate::model::Summary;
use crate::store::Scope;
use crate::store::error::{Result, StoreError};
use crate::store::{DistributionRow, HistoryEntry};
use crate::workflow::{is_allowed, is_send_back};

impl SqliteBackend {
    /// Moves a persona to another status as the store's user: refused with the allowed moves
    /// unless the workflow allows it; a send-back needs a note. `expected_version`, when
    /// given, must match (the editor's loaded version). Returns the new version.
    pub(super) fn move_status(
        &mut self,
        s: &Scope<'_>,
        id: &str,
        to: &str,
        note: Option<&str>,
        expected_version: Option<i64>,
    ) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let row: Option<(Option<String>, i64, String)> = tx
            .query_row(
                "SELECT validation_status, version, name FROM personas WHERE id = ?1 AND tenant_id = ?2 AND deleted_at IS NULL",
                params![id, s.tenant.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((from, version, name)) = row else {
            return Err(StoreError::NotFound(format!("persona {id}")));
        };
        let from = from.unwrap_or_else(|| "draft".into());
        if expected_version.is_some_and(|v| v != version) {
            return Err(StoreError::Conflict { name });
        }
        if !is_allowed(&from, to) {
            return Err(StoreError::MoveNotAllowed {
                persona: None,
                from,
                to: to.to_string(),
            });
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if is_send_back(&from, to) && note.is_none() {
            return Err(StoreError::NoteRequired {
                persona: name,
                from,
            });
        }
        tx.execute(
            "UPDATE personas SET validation_status = ?3, version = version + 1, \
             validated_by = CASE WHEN ?3 = 'validated' THEN ?4 ELSE validated_by END \
             WHERE id = ?1 AND tenant_id = ?2",
            params![id, s.tenant.id, to, s.user_id],
        )
        .map_err(|e| super::error::in_table("personas", e))?;
        grant(&tx)?;
        sign_last_move(&tx, id, s.user_id, note)?;
        super::review::write_snapshot(&tx, &s.tenant.id, id)?;
        revoke(&tx)?;
        tx.commit()?;
        Ok(version + 1)
    }

    /// A user's name by id, for showing `validated_by`.
    pub(super) fn username_of(&self, user_id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT username FROM users WHERE id = ?1",
                params![user_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A persona's status now; None when the tenant has no such persona.
    pub(super) fn status_of(&self, s: &Scope<'_>, id: &str) -> Result<Option<String>> {
        let from: Option<Option<String>> = self
            .conn
            .query_row(
                "SELECT validation_status FROM personas WHERE id = ?1 AND tenant_id = ?2",
                params![id, s.tenant.id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(from.map(|f| f.unwrap_or_else(|| "draft".into())))
    }

    /// A persona's status history, oldest first.
    pub(super) fn history(&self, s: &Scope<'_>, id: &str) -> Result<Vec<HistoryEntry>> {
        super::load::load_history(&self.conn, &s.tenant.id, id)
    }

    /// The review queue: personas waiting in pending_review, the longest waiting first.
    pub(super) fn review_queue(&self, s: &Scope<'_>) -> Result<Vec<Summary>> {
        let sql = format!(
            "SELECT {} FROM personas p LEFT JOIN persona_vpanes_scoring v ON v.persona_id = p.id \
             WHERE p.tenant_id = ?1 AND p.deleted_at IS NULL AND p.validation_status = 'pending_review' \
             ORDER BY (SELECT max(h.changed_at) FROM persona_status_history h \
                       WHERE h.persona_id = p.id AND h.to_status = 'pending_review'), p.updated_at, p.name",
            summary_columns()
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![s.tenant.id], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Opens the app's grant inside the caller's write transaction: while it is open, the
/// transaction may insert a persona in a status other than draft and sign, replace or delete
/// history rows (schema/005_rules.sql, "THE REVIEW RECORD", says why and how). Callers check
/// what they write first (an imported history with `store::chain`) and `revoke` before commit.
pub(super) fn grant(conn: &rusqlite::Connection) -> Result<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO workflow_grant (id) VALUES (1)")?
        .execute([])?;
    Ok(())
}

/// Closes the grant before the transaction commits, so no other connection ever sees it.
pub(super) fn revoke(conn: &rusqlite::Connection) -> Result<()> {
    conn.prepare_cached("DELETE FROM workflow_grant")?
        .execute([])?;
    Ok(())
}

/// Puts the acting user (and note) on the history row the trigger just wrote.
pub(super) fn sign_last_move(
    conn: &rusqlite::Connection,
    persona_id: &str,
    user_id: &str,
    note: Option<&str>,
) -> Result<()> {
    conn.execute(
        "UPDATE persona_status_history SET changed_by = ?2, note = ?3 WHERE rowid = \
         (SELECT max(rowid) FROM persona_status_history WHERE persona_id = ?1)",
        params![persona_id, user_id, note],
    )?;
    Ok(())
}

impl SqliteBackend {
    /// The design's `v_archetype_distribution`, for this tenant only.
    pub(super) fn distribution(&self, s: &Scope<'_>) -> Result<Vec<DistributionRow>> {
        // Archetypes in the catalog's order, unknown ones last.
        let sql = format!(
            "SELECT archetype, function_name, persona_count, avg_ai_maturity, avg_work_complexity, avg_vpanes_score \
             FROM v_archetype_distribution WHERE tenant = ?1 \
             ORDER BY coalesce({}, {}), function_name COLLATE NOCASE",
            enum_order("archetype", ARCHETYPES),
            ARCHETYPES.len() + 1
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![s.tenant.key], |r| {
            Ok(DistributionRow {
                archetype: r.get(0)?,
                function_name: r.get(1)?,
                persona_count: r.get(2)?,
                avg_ai_maturity: r.get(3)?,
                avg_work_complexity: r.get(4)?,
                avg_vpanes_score: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Live personas that have both map scores, for the archetype map.
    pub(super) fn map_points(&self, s: &Scope<'_>) -> Result<Vec<Summary>> {
        let sql = format!(
            "SELECT {} FROM personas p LEFT JOIN persona_vpanes_scoring v ON v.persona_id = p.id \
             WHERE p.tenant_id = ?1 AND p.deleted_at IS NULL \
             AND p.ai_maturity_score IS NOT NULL AND p.work_complexity_score IS NOT NULL ORDER BY p.name COLLATE NOCASE",
            summary_columns()
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![s.tenant.id], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
