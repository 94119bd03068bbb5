//! Opening a database: pragmas, the migration runner keyed on `PRAGMA user_version`, and the
//! design's §6 helper functions registered as SQL scalar functions.

use std::path::Path;
use std::time::Duration;

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags};

use crate::rules;
use crate::store::error::{Result, StoreError};

/// The schema, in order; `user_version` counts how many have been applied.
pub const MIGRATIONS: &[(&str, &str)] = &[
    ("001_core", include_str!("../../../schema/001_core.sql")),
    ("002_search", include_str!("../../../schema/002_search.sql")),
    (
        "003_workflow",
        include_str!("../../../schema/003_workflow.sql"),
    ),
    ("004_scale", include_str!("../../../schema/004_scale.sql")),
    ("005_rules", include_str!("../../../schema/005_rules.sql")),
    ("006_sync", include_str!("../../../schema/006_sync.sql")),
    ("007_review", include_str!("../../../schema/007_review.sql")),
    (
        "008_search_narrative",
        include_str!("../../../schema/008_search_narrative.sql"),
    ),
];

/// How long a write waits for another editor's transaction before reporting "busy".
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How a command may treat the file it is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Create the file (and its folder) when missing, migrate an older schema: `init`, the
    /// app and the commands that write.
    Write,
    /// Read an existing persona database as it is: `list`, `show`, `history`, `export`,
    /// `check`. Nothing is created, migrated or written, not even a user row, so a file the
    /// user may only read works and a mistyped path stays a mistyped path.
    Read,
}

/// Opens (creating if needed) a database file, refuses files that are not SQLite, and migrates.
pub fn open_file(path: &Path) -> Result<Connection> {
    open_file_for(path, Access::Write)
}

/// Opens a database file for `access`. A file that exists must be a persona database (or an
/// empty file, for `Write`): anything else is refused with a one-line reason before anything
/// is written to it (journal mode and `user_version` included).
pub fn open_file_for(path: &Path, access: Access) -> Result<Connection> {
    let shown = path.display().to_string();
    let fail = |reason: String| StoreError::Open {
        path: shown.clone(),
        reason,
    };
    let exists = path.exists();
    if !exists && access == Access::Read {
        return Err(fail(format!(
            "no database there; create one with `persona-studio --db {shown} init`"
        )));
    }
    if !exists && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| fail(format!("cannot create folder {}: {e}", parent.display())))?;
    }
    let mut flags = OpenFlags::SQLITE_OPEN_NO_MUTEX;
    flags |= match access {
        Access::Write => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        Access::Read => OpenFlags::SQLITE_OPEN_READ_ONLY,
    };
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| fail(e.to_string()))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Reading the schema is the first thing that touches the file's header: a file that is
    // not SQLite fails here, before any write.
    let shape = inspect(&conn).map_err(|e| match e {
        StoreError::Open { reason, .. } => fail(reason),
        StoreError::Busy => fail("the file is locked by another program".into()),
        other => fail(first_line(&other.to_string())),
    })?;
    let known = MIGRATIONS.len() as i64;
    if shape.version > known {
        return Err(StoreError::TooNew {
            found: shape.version,
            known,
        });
    }
    if shape.version == 0 && shape.objects > 0 {
        return Err(fail(format!(
            "it is an SQLite database of another application ({} schema objects, no persona schema); nothing was changed",
            shape.objects
        )));
    }
    if shape.version > 0 && !shape.has_personas {
        return Err(fail(format!(
            "it says schema version {} but has no personas table; it is not a persona database",
            shape.version
        )));
    }
    configure(&conn)?;
    if access == Access::Read {
        if shape.version == 0 {
            return Err(fail(format!(
                "it is empty; create the database with `persona-studio --db {shown} init`"
            )));
        }
        if shape.version < known {
            return Err(fail(format!(
                "it has schema version {} of {known}; upgrade it with `persona-studio --db {shown} init` (reading never changes a file)",
                shape.version
            )));
        }
        // Belt and braces: a read can never write, whatever a bug asks for.
        conn.pragma_update(None, "query_only", true)?;
        return Ok(conn);
    }
    // WAL lets a reader and a writer work at once; a read-only file or folder keeps its mode.
    let _ = conn.pragma_update(None, "journal_mode", "WAL");
    migrate(&mut conn).map_err(|e| match e {
        e @ StoreError::TooNew { .. } => e,
        StoreError::ReadOnly => {
            fail("the file is read-only and needs its schema created or upgraded".into())
        }
        // One line: an error inside a migration must not print the migration's SQL.
        other => fail(first_line(&other.to_string())),
    })?;
    Ok(conn)
}

/// What a file holds before we touch it.
struct Shape {
    version: i64,
    objects: i64,
    has_personas: bool,
}

fn inspect(conn: &Connection) -> Result<Shape> {
    let version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let (objects, has_personas) = conn.query_row(
        "SELECT count(*), coalesce(sum(type = 'table' AND name = 'personas'), 0) > 0 FROM sqlite_master",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Shape {
        version,
        objects,
        has_personas,
    })
}

/// The first line of a message, at most 200 characters.
fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or_default();
    match line.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_string(),
    }
}

/// An in-memory database with the whole schema, for tests and dry runs.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // A save prepares ~40 statements (a read and a write per list) and compiling a list write
    // compiles its full-text triggers too: the default cache of 16 would recompile them all on
    // every save (~550 ms instead of ~14 ms at 100,000 personas; see BENCHMARKS.md).
    conn.set_prepared_statement_cache_capacity(256);
    register_functions(conn)?;
    Ok(())
}

/// `calculate_gen_ai_readiness_level(ai, tech, risk, change)` and
/// `infer_preferred_service_layer(archetype, work_pattern)` for our own connections. The schema
/// never depends on them, so the file still works in any SQLite client.
pub fn register_functions(conn: &Connection) -> Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("calculate_gen_ai_readiness_level", 4, flags, |ctx| {
        let ai: Option<f64> = ctx.get(0)?;
        let t: Option<String> = ctx.get(1)?;
        let r: Option<String> = ctx.get(2)?;
        let c: Option<String> = ctx.get(3)?;
        Ok(rules::calculate_gen_ai_readiness_level(
            ai,
            t.as_deref(),
            r.as_deref(),
            c.as_deref(),
        ))
    })?;
    conn.create_scalar_function("infer_preferred_service_layer", 2, flags, |ctx| {
        let a: Option<String> = ctx.get(0)?;
        let w: Option<String> = ctx.get(1)?;
        Ok(rules::infer_preferred_service_layer(
            a.as_deref(),
            w.as_deref(),
        ))
    })?;
    Ok(())
}

/// Applies the migrations newer than the file's `user_version`, each in its own transaction.
/// Returns how many were applied; refuses a file from a newer build.
pub fn migrate(conn: &mut Connection) -> Result<usize> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if current > known {
        return Err(StoreError::TooNew {
            found: current,
            known,
        });
    }
    let mut applied = 0;
    for (i, (_name, sql)) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
        applied += 1;
    }
    Ok(applied)
}
