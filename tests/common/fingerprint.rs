//! A fingerprint of a whole database, to prove that something wrote nothing: a refused
//! import, a dry run, a rolled-back transaction, a process killed before its commit.
//!
//! Row counts of every table catch inserts and deletes anywhere (history, search index, lists
//! of other tenants); each persona's id, version and timestamps catch an update, since every
//! save bumps the version and `updated_at`. Cheaper than comparing every row, and as strict
//! for the writers under test, which never change a row without touching its persona.
#![allow(dead_code)]

use std::path::Path;

use rusqlite::Connection;

/// Lines `"<table>: <rows>"` for every table in name order, then one line per persona, over
/// all tenants: `"<id> <version> <updated_at> <deleted_at or ->"`.
pub fn fingerprint(conn: &Connection) -> Vec<String> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .expect("list the tables")
        .query_map([], |r| r.get(0))
        .expect("list the tables")
        .map(Result::unwrap)
        .collect();
    // A fingerprint of an empty or unmigrated file would compare equal to anything empty.
    assert!(tables.len() > 20, "the database has its schema: {tables:?}");
    let mut out: Vec<String> = tables
        .iter()
        .map(|t| {
            let n: i64 = conn
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap_or_else(|e| panic!("count the rows of {t}: {e}"));
            format!("{t}: {n}")
        })
        .collect();
    let mut st = conn
        .prepare(
            "SELECT id || ' ' || version || ' ' || updated_at || ' ' || coalesce(deleted_at, '-') \
             FROM personas ORDER BY id",
        )
        .expect("read the personas");
    out.extend(
        st.query_map([], |r| r.get(0))
            .expect("read the personas")
            .map(Result::unwrap),
    );
    out
}

/// [`fingerprint`] of the database file at `db`, read through a connection of its own.
pub fn fingerprint_file(db: &Path) -> Vec<String> {
    let conn = Connection::open(db)
        .unwrap_or_else(|e| panic!("open {} for its fingerprint: {e}", db.display()));
    fingerprint(&conn)
}

/// The row-count lines of a fingerprint, without the full-text index's own tables: those
/// merge their segments on every write, even one that leaves the same rows.
pub fn row_counts(fingerprint: &[String]) -> Vec<String> {
    fingerprint
        .iter()
        .filter(|l| l.contains(": ") && !l.starts_with("persona_search_"))
        .cloned()
        .collect()
}
