//! The command line as a script sees it: output, JSON, exit codes, and bad database files.

#[path = "common/cli_run.rs"]
mod cli_run;
use cli_run::*;

#[test]
fn init_demo_list_show_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nested/folder/p.db");
    let o = run(&db, &["init"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(db.exists(), "parent folders created");
    assert!(run(&db, &["demo"]).status.success());
    let o = run(&db, &["list", "--json"]);
    assert!(o.status.success());
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let arr = list.as_array().unwrap();
    assert!(arr.len() >= 12);
    for key in ["id", "slug", "name", "archetype", "validation_status"] {
        assert!(arr[0].get(key).is_some(), "summary lacks {key}");
    }
    let o = run(&db, &["list", "--archetype", "SKEPTIC", "--json"]);
    let sk: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        sk.as_array()
            .unwrap()
            .iter()
            .all(|p| p["archetype"] == "SKEPTIC")
    );
    let o = run(&db, &["list", "--status", "published"]);
    assert!(stdout(&o).contains("Published") && !stdout(&o).contains("Draft "));
    let o = run(&db, &["list", "--archetype", "NOPE"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("AUTOMATOR"), "{}", stderr(&o));

    let o = run(&db, &["show", "msl-oncology-amara-okafor", "--json"]);
    assert!(o.status.success());
    let p: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(p["slug"], "msl-oncology-amara-okafor");
    assert!(p["pain_points"].as_array().unwrap().len() >= 2);
    assert!(p["vpanes_scoring"].is_object());
    let o = run(&db, &["show", "msl-oncology-amara-okafor"]);
    let md = stdout(&o);
    assert!(
        md.starts_with("# ") && md.contains("## Pain points") && md.contains("| "),
        "{md}"
    );
    let o = run(&db, &["show", "no-such-persona"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no-such-persona"));

    let o = run(&db, &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("0 problem(s)"));
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE personas SET gen_ai_readiness_level = 'expert', ai_maturity_score = 1 WHERE slug = 'msl-oncology-amara-okafor'", [])
        .unwrap();
    drop(conn);
    let o = run(&db, &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("problem: msl-oncology-amara-okafor"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn tenants_are_separate_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    assert!(run(&db, &["demo"]).status.success());
    assert!(run(&db, &["--tenant", "acme", "init"]).status.success());
    let o = run(&db, &["--tenant", "acme", "list", "--json"]);
    assert_eq!(stdout(&o).trim(), "[]");
    let o = run(&db, &["--tenant", "ghost", "list"]);
    assert_ne!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("unknown tenant \"ghost\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_files_give_one_line_and_a_nonzero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "these are not the bytes of a database\n".repeat(200)).unwrap();
    let o = run(&text, &["list"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not a SQLite database"), "{err}");
    assert!(!err.contains("panicked"));

    // A database from a newer Persona Studio.
    let newer = dir.path().join("newer.db");
    assert!(run(&newer, &["init"]).status.success());
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let o = run(&newer, &["list"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("newer"), "{}", stderr(&o));

    // A damaged file: a valid header with garbage pages.
    let damaged = dir.path().join("damaged.db");
    assert!(run(&damaged, &["demo"]).status.success());
    let mut bytes = std::fs::read(&damaged).unwrap();
    let _ = std::fs::remove_file(damaged.with_extension("db-wal"));
    for b in bytes.iter_mut().skip(4096).step_by(7) {
        *b = 0xA5;
    }
    std::fs::write(&damaged, &bytes).unwrap();
    let o = run(&damaged, &["check"]);
    assert!(!o.status.success());
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn a_locked_database_is_reported_not_hung() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    assert!(run(&db, &["init"]).status.success());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
        .unwrap();
    let start = std::time::Instant::now();
    let o = run(&db, &["demo"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("locked"), "{err}");
    assert!(start.elapsed().as_secs() < 30);
    conn.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn a_read_only_database_can_still_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    assert!(run(&db, &["demo"]).status.success());
    // Checkpoint the WAL so the main file holds everything, then make it read-only.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;")
        .unwrap();
    let mut perm = std::fs::metadata(&db).unwrap().permissions();
    perm.set_readonly(true);
    std::fs::set_permissions(&db, perm).unwrap();
    let o = run(&db, &["list", "--json"]);
    // Root ignores file permissions; either way nothing panics and reading works.
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
}
