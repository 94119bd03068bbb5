//! `persona-studio check`: the file's integrity and the design's derived values.

use rusqlite::params;

use super::SqliteBackend;
use crate::rules;
use crate::store::CheckReport;
use crate::store::Scope;
use crate::store::error::Result;

impl SqliteBackend {
    /// The schema against its migrations, integrity_check, foreign_key_check, the search
    /// index, every row against the app's rules and every history against the workflow
    /// (`check_more`), stored-versus-computed readiness, and archetype-versus-quadrant
    /// warnings, for this tenant's personas.
    pub(super) fn check(&self, s: &Scope<'_>) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        super::check_more::schema(&self.conn, &mut report)?;
        // A damaged schema (a dropped table or column) can make the checks below fail: that
        // is one more problem to report, not a reason to report nothing.
        if let Err(e) = self.check_contents(s, &mut report) {
            report
                .problems
                .push(format!("the row checks could not run: {e}"));
        }
        Ok(report)
    }

    fn check_contents(&self, s: &Scope<'_>, report: &mut CheckReport) -> Result<()> {
        let mut st = self.conn.prepare("PRAGMA integrity_check")?;
        for line in st.query_map([], |r| r.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                report.problems.push(format!("integrity: {line}"));
            }
        }
        let mut st = self.conn.prepare("PRAGMA foreign_key_check")?;
        let mut q = st.query([])?;
        while let Some(r) = q.next()? {
            let table: String = r.get(0)?;
            let rowid: Option<i64> = r.get(1)?;
            let parent: String = r.get(2)?;
            report.problems.push(format!(
                "foreign key: {table} row {} refers to a missing {parent} row",
                rowid.map_or("?".into(), |v| v.to_string())
            ));
        }
        let mut st = self.conn.prepare(
            "SELECT slug, gen_ai_readiness_level, ai_maturity_score, technology_adoption, risk_tolerance, \
             change_readiness, archetype, work_complexity_score FROM personas \
             WHERE tenant_id = ?1 AND deleted_at IS NULL ORDER BY slug",
        )?;
        let mut q = st.query(params![s.tenant.id])?;
        while let Some(r) = q.next()? {
            report.personas_checked += 1;
            let slug: String = r.get(0)?;
            let stored: Option<String> = r.get(1)?;
            let ai: Option<f64> = r.get(2)?;
            let (t, k, c): (Option<String>, Option<String>, Option<String>) =
                (r.get(3)?, r.get(4)?, r.get(5)?);
            let computed = rules::calculate_gen_ai_readiness_level(
                ai,
                t.as_deref(),
                k.as_deref(),
                c.as_deref(),
            );
            if let Some(stored) = stored.filter(|s| s != computed) {
                report.problems.push(format!(
                    "{slug}: gen_ai_readiness_level is \"{stored}\" but its scores compute \"{computed}\""
                ));
            }
            let archetype: Option<String> = r.get(6)?;
            let wc: Option<f64> = r.get(7)?;
            if rules::archetype_disagrees(archetype.as_deref(), ai, wc) {
                report.warnings.push(format!(
                    "{slug}: archetype {} disagrees with its scores, which place it in {}",
                    archetype.unwrap_or_default(),
                    rules::quadrant_archetype(ai, wc).unwrap_or("?")
                ));
            }
        }
        super::check_more::search_index(&self.conn, s, report)?;
        super::check_more::rows(&self.conn, s, report)?;
        Ok(())
    }
}
