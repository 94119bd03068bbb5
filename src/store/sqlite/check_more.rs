//! What `check` verifies beyond SQLite's own checks (issue 12, point 8): the file's schema
//! against the one its migrations create, the full-text index against the personas, the app's
//! rules on every stored row (for rows written before schema/005_rules.sql, or by a program
//! that dropped its triggers), each persona's history against the workflow, and the app's
//! write grant left empty.

use std::collections::BTreeMap;

use rusqlite::{Connection, params};

use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality};
use crate::store::chain::chain_problems;
use crate::store::error::Result;
use crate::store::{CheckReport, Location, Scope};

/// (type, name) -> normalised CREATE sql of every schema object SQLite does not own.
fn objects(conn: &Connection) -> Result<BTreeMap<(String, String), String>> {
    let mut st = conn.prepare(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
    )?;
    let rows = st.query_map([], |r| {
        let sql: String = r.get(2)?;
        Ok((
            (r.get(0)?, r.get(1)?),
            sql.split_whitespace().collect::<Vec<_>>().join(" "),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The file's tables, indexes, views and triggers against a fresh database migrated in memory.
pub(super) fn schema(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let expected = objects(&super::db::open_in_memory()?)?;
    let found = objects(conn)?;
    for ((kind, name), sql) in &expected {
        match found.get(&(kind.clone(), name.clone())) {
            None => report
                .problems
                .push(format!("schema: {kind} {name} is missing")),
            Some(have) if have != sql => {
                let detail = if kind == "table" {
                    missing_columns(conn, name)?
                } else {
                    String::new()
                };
                report.problems.push(format!(
                    "schema: {kind} {name} differs from the one its migration creates{detail}"
                ));
            }
            Some(_) => {}
        }
    }
    for (kind, name) in found.keys() {
        if !expected.contains_key(&(kind.clone(), name.clone())) {
            report.warnings.push(format!(
                "schema: {kind} {name} was not made by Persona Studio"
            ));
        }
    }
    let grants: i64 = conn
        .query_row("SELECT count(*) FROM workflow_grant", [], |r| r.get(0))
        .unwrap_or(0);
    if grants > 0 {
        report.problems.push(
            "workflow_grant holds a row: plain SQL may forge review until it is deleted".into(),
        );
    }
    Ok(())
}

fn missing_columns(conn: &Connection, table: &str) -> Result<String> {
    let columns = |c: &Connection| -> Result<Vec<String>> {
        let mut st = c.prepare("SELECT name FROM pragma_table_xinfo(?1)")?;
        let rows = st.query_map(params![table], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let have = columns(conn)?;
    let missing: Vec<String> = columns(&super::db::open_in_memory()?)?
        .into_iter()
        .filter(|c| !have.contains(c))
        .collect();
    Ok(if missing.is_empty() {
        String::new()
    } else {
        format!(" (missing column {})", missing.join(", "))
    })
}

/// Every persona of the tenant has its row in the full-text index.
pub(super) fn search_index(
    conn: &Connection,
    s: &Scope<'_>,
    report: &mut CheckReport,
) -> Result<()> {
    let missing: Result<i64> = conn
        .query_row(
            "SELECT count(*) FROM personas p WHERE p.tenant_id = ?1 AND NOT EXISTS \
             (SELECT 1 FROM persona_search_key k JOIN persona_search f ON f.rowid = k.fts_rowid \
              WHERE k.persona_id = p.id)",
            params![s.tenant.id],
            |r| r.get(0),
        )
        .map_err(Into::into);
    match missing {
        Ok(0) => {}
        Ok(n) => report.problems.push(format!(
            "search: {n} persona(s) missing from the full-text index (persona_search)"
        )),
        // A dropped index table is reported by `schema`; say what it breaks.
        Err(e) => report
            .problems
            .push(format!("search: the full-text index cannot be read: {e}")),
    }
    Ok(())
}

/// The app's rules on each stored persona of the tenant, and its history's chain.
pub(super) fn rows(conn: &Connection, s: &Scope<'_>, report: &mut CheckReport) -> Result<()> {
    let ids: Vec<(String, String)> = {
        let mut st =
            conn.prepare("SELECT id, slug FROM personas WHERE tenant_id = ?1 ORDER BY slug")?;
        let rows = st.query_map(params![s.tenant.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (id, slug) in ids {
        let Some(p) = super::load::load(conn, &s.tenant.id, &id)? else {
            continue;
        };
        for problem in crate::store::validate(&p, s.lookups) {
            report.problems.push(format!(
                "{slug}: {}: {}",
                place(&problem.location),
                problem.message
            ));
        }
        let history = match super::load::load_history(conn, &s.tenant.id, &id) {
            Ok(h) => h,
            // A dropped history table is reported by `schema`.
            Err(_) => continue,
        };
        let status = p.text("validation_status").unwrap_or("draft");
        for (path, message) in chain_problems(status, &history) {
            // Personas from before the review workflow got one creation row in their status
            // (003_workflow.sql): worth knowing, not damage.
            let legacy = path == "status_history[0]" && history.len() == 1;
            let line = format!("{slug}: {path}: {message}");
            if legacy {
                report.warnings.push(line);
            } else {
                report.problems.push(line);
            }
        }
    }
    Ok(())
}

fn place(location: &Location) -> String {
    match *location {
        Location::Core(f) => format!("personas.{}", CORE_FIELDS[f].name),
        Location::List(l, r, f) => {
            let spec = &CHILD_SPECS[l];
            match spec.cardinality {
                Cardinality::Many => format!("{}[{r}].{}", spec.table, spec.fields[f].name),
                Cardinality::One => format!("{}.{}", spec.table, spec.fields[f].name),
            }
        }
    }
}
