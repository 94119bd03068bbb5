//! The remote's schema: the design's own PostgreSQL DDL (`schema/postgres/`), created by
//! `remote init` and compared with the design before any sync.
//!
//! The comparison builds the design in a scratch schema inside the caller's transaction,
//! compares the catalogs, and rolls the scratch schema back: the remote is measured against
//! the design's own text, never against a second description of it.

use postgres::{Client, Transaction};

use super::RemoteError;

const PREREQUISITES: &str = include_str!("../../../schema/postgres/000_prerequisites.sql");
const DESIGN: &str = include_str!("../../../schema/postgres/001_design.sql");
const SEED: &str = include_str!("../../../schema/postgres/002_seed.sql");
const HISTORY: &str = include_str!("../../../schema/postgres/003_status_history.sql");
const INDEXES: &str = include_str!("../../../schema/postgres/004_indexes.sql");

/// The scratch schema the design is built in for a comparison; never committed.
const EXPECTED: &str = "persona_studio_expected";

/// Serialises `remote init` across clients (pg_advisory_xact_lock key, "PSINIT").
const INIT_LOCK: i64 = 0x5053_494E_4954;

/// What `remote init` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Init {
    /// The design's schema was created.
    Created,
    /// It was already there, in the design's shape; missing seed rows and the history table
    /// were added.
    AlreadyThere,
}

/// Prepares an empty database, or checks one that has the schema already. One transaction:
/// a refused or failed init leaves the database as it was.
pub fn init(client: &mut Client) -> Result<Init, RemoteError> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&INIT_LOCK])?;
    let exists: bool = tx
        .query_one("SELECT to_regclass('personas') IS NOT NULL", &[])?
        .get(0);
    let outcome = if exists {
        let differences = differences_in(&mut tx)?;
        if !differences.is_empty() {
            return Err(RemoteError::Shape(differences));
        }
        Init::AlreadyThere
    } else {
        tx.batch_execute(PREREQUISITES)?;
        tx.batch_execute(DESIGN)?;
        Init::Created
    };
    tx.batch_execute(SEED)?;
    tx.batch_execute(HISTORY)?;
    tx.batch_execute(INDEXES)?;
    tx.commit()?;
    Ok(outcome)
}

/// Whether the database has the persona tables (`remote init` has run).
pub fn is_prepared(client: &mut Client) -> Result<bool, RemoteError> {
    Ok(client
        .query_one("SELECT to_regclass('personas') IS NOT NULL", &[])?
        .get(0))
}

/// How the database's design tables, columns, constraints and views differ from the design;
/// empty when they match. Reads only (the scratch schema is rolled back).
pub fn differences(client: &mut Client) -> Result<Vec<String>, RemoteError> {
    let mut tx = client.transaction()?;
    let out = differences_in(&mut tx)?;
    tx.rollback()?;
    Ok(out)
}

fn differences_in(tx: &mut Transaction<'_>) -> Result<Vec<String>, RemoteError> {
    let live: String = tx.query_one("SELECT current_schema()", &[])?.get(0);
    let mut sp = tx.savepoint("persona_studio_expected")?;
    // The scratch schema first on the path, so the design's objects land there; the live
    // schema after it, for the platform's update_updated_at_column() that the prerequisites
    // deliberately do not duplicate.
    sp.batch_execute(&format!(
        "CREATE SCHEMA {EXPECTED}; SET LOCAL search_path TO {EXPECTED}, \"{}\"",
        live.replace('"', "\"\"")
    ))?;
    sp.batch_execute(PREREQUISITES)?;
    sp.batch_execute(DESIGN)?;

    let mut out = Vec::new();
    let tables: Vec<String> = sp
        .query(
            "SELECT table_name FROM information_schema.tables \
             WHERE table_schema = $1 AND table_type = 'BASE TABLE' \
               AND (table_name = 'personas' OR table_name LIKE 'persona\\_%' \
                    OR table_name LIKE 'lookup\\_%') \
             ORDER BY table_name",
            &[&EXPECTED],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect();
    for table in &tables {
        compare_columns(&mut sp, &live, table, &mut out)?;
        compare_constraints(&mut sp, &live, table, &mut out)?;
    }
    compare_views(&mut sp, &live, &mut out)?;
    sp.rollback()?;
    Ok(out)
}

type Column = (String, String, String, String);

fn columns(
    tx: &mut Transaction<'_>,
    schema: &str,
    table: &str,
) -> Result<Vec<Column>, RemoteError> {
    Ok(tx
        .query(
            "SELECT column_name::text, \
                    CASE WHEN data_type = 'USER-DEFINED' THEN udt_name::text ELSE data_type::text END \
                      || CASE WHEN data_type = 'numeric' \
                              THEN coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '') \
                              ELSE '' END, \
                    is_nullable::text, is_generated::text \
             FROM information_schema.columns \
             WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
            &[&schema, &table],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect())
}

fn compare_columns(
    tx: &mut Transaction<'_>,
    live: &str,
    table: &str,
    out: &mut Vec<String>,
) -> Result<(), RemoteError> {
    let want = columns(tx, EXPECTED, table)?;
    let have = columns(tx, live, table)?;
    if have.is_empty() {
        out.push(format!("{table}: missing (the design has this table)"));
        return Ok(());
    }
    for (name, ty, null, generated) in &want {
        match have.iter().find(|c| &c.0 == name) {
            None => out.push(format!("{table}.{name}: missing (the design has {ty})")),
            Some((_, hty, hnull, hgen)) => {
                if hty != ty {
                    out.push(format!("{table}.{name}: {hty} here, the design has {ty}"));
                }
                if hnull != null {
                    let say = |n: &str| if n == "YES" { "nullable" } else { "NOT NULL" };
                    out.push(format!(
                        "{table}.{name}: {} here, the design has {}",
                        say(hnull),
                        say(null)
                    ));
                }
                if hgen != generated {
                    out.push(format!(
                        "{table}.{name}: generated {hgen} here, the design has {generated}"
                    ));
                }
            }
        }
    }
    for (name, ty, _, _) in &have {
        if !want.iter().any(|c| &c.0 == name) {
            out.push(format!("{table}.{name}: {ty}, not in the design"));
        }
    }
    Ok(())
}

/// CHECK, UNIQUE, PRIMARY KEY and FOREIGN KEY definitions, with schema names taken out so the
/// scratch schema and the live one compare.
fn constraints(
    tx: &mut Transaction<'_>,
    schema: &str,
    table: &str,
) -> Result<Vec<String>, RemoteError> {
    let mut defs: Vec<String> = tx
        .query(
            "SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c \
             JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace \
             WHERE n.nspname = $1 AND t.relname = $2",
            &[&schema, &table],
        )?
        .iter()
        .map(|r| unqualify(&r.get::<_, String>(0), schema))
        .collect();
    defs.sort();
    Ok(defs)
}

fn compare_constraints(
    tx: &mut Transaction<'_>,
    live: &str,
    table: &str,
    out: &mut Vec<String>,
) -> Result<(), RemoteError> {
    let want = constraints(tx, EXPECTED, table)?;
    let have = constraints(tx, live, table)?;
    for c in &want {
        if !have.contains(c) {
            out.push(format!("{table}: constraint missing: {c}"));
        }
    }
    for c in &have {
        if !want.contains(c) {
            out.push(format!("{table}: constraint not in the design: {c}"));
        }
    }
    Ok(())
}

fn compare_views(
    tx: &mut Transaction<'_>,
    live: &str,
    out: &mut Vec<String>,
) -> Result<(), RemoteError> {
    let q = "SELECT c.relname::text, pg_get_viewdef(c.oid) FROM pg_class c \
             JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE c.relkind = 'v' AND n.nspname = $1 AND c.relname LIKE 'v\\_%' ORDER BY 1";
    let want: Vec<(String, String)> = tx
        .query(q, &[&EXPECTED])?
        .iter()
        .map(|r| (r.get(0), unqualify(&r.get::<_, String>(1), EXPECTED)))
        .collect();
    let have: Vec<(String, String)> = tx
        .query(q, &[&live])?
        .iter()
        .map(|r| (r.get(0), unqualify(&r.get::<_, String>(1), live)))
        .collect();
    for (name, def) in &want {
        match have.iter().find(|v| &v.0 == name) {
            None => out.push(format!("view {name}: missing")),
            Some((_, hdef)) if normalise(hdef) != normalise(def) => {
                out.push(format!("view {name}: its query differs from the design's"))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

fn unqualify(def: &str, schema: &str) -> String {
    def.replace(&format!("{schema}."), "")
        .replace(&format!("\"{schema}\"."), "")
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
