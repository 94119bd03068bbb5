//! Issue 12 through the command line: files the app must not damage (point 4), files it did
//! not make (point 5), what it prints (point 6), tenant keys (point 7), `demo` (point 9) and
//! the smaller refusals (point 10). Each test is named after its point.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_persona-studio"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PERSONA_STUDIO_DB")
        .env("PERSONA_STUDIO_USER", "issue12")
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(db: &Path, args: &[&str]) -> String {
    let o = run(db, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn p4_export_refuses_database_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    ok(&db, &["init"]);
    ok(&db, &["demo"]);
    // Another program holds the database open with committed data in its write-ahead log.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder
        .execute_batch(
            "PRAGMA wal_autocheckpoint = 0; UPDATE tenants SET name = 'held in the log';",
        )
        .unwrap();
    let companion = |suffix: &str| dir.path().join(format!("p.db{suffix}"));
    let (wal, shm, journal) = (companion("-wal"), companion("-shm"), companion("-journal"));
    assert!(wal.exists() && shm.exists());
    let other = dir.path().join("other.sqlite");
    ok(&other, &["init"]);
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&wal, &link).unwrap();
    let targets = [
        wal.clone(),
        shm.clone(),
        journal.clone(),
        db.clone(),
        link.clone(),
        other.clone(),
        dir.path().join("other.sqlite-wal"),
    ];
    let wal_before = fs::read(&wal).unwrap();
    for target in &targets {
        let o = run(&db, &["export", "--all", "-o", s(target)]);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{}: {}",
            target.display(),
            stdout(&o)
        );
        assert!(
            stderr(&o).contains("belongs to an SQLite database"),
            "{}: {}",
            target.display(),
            stderr(&o)
        );
        let now = fs::read(target).unwrap_or_default();
        assert!(
            !String::from_utf8_lossy(&now).contains("format_version"),
            "{}",
            target.display()
        );
    }
    assert_eq!(fs::read(&wal).unwrap(), wal_before, "the log was replaced");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(!journal.exists());
    drop(holder);
    let tenants = ok(&db, &["tenant", "list"]);
    assert!(
        tenants.contains("held in the log"),
        "committed data kept: {tenants}"
    );
    assert!(ok(&db, &["list"]).contains("16 persona(s)"));

    // Through a symlink to an ordinary file, the target is written and the link stays.
    let real = dir.path().join("real.json");
    fs::write(&real, b"old").unwrap();
    let to_real = dir.path().join("to-real.json");
    std::os::unix::fs::symlink(&real, &to_real).unwrap();
    ok(&db, &["export", "--all", "-o", s(&to_real)]);
    assert!(
        fs::symlink_metadata(&to_real)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .contains("\"format_version\"")
    );
}

/// A bundle of one persona (the demo's first, renamed), with `edit` applied to it.
fn bundle_with(edit: impl Fn(&mut serde_json::Value)) -> String {
    let demo: serde_json::Value = serde_json::from_str(persona_studio::demo::DEMO_JSON).unwrap();
    let mut p = demo["personas"][0].clone();
    p["slug"] = "hostile".into();
    p["validation_status"] = "draft".into();
    p["status_history"] = serde_json::Value::Null;
    edit(&mut p);
    serde_json::json!({"format_version": 1, "personas": [p]}).to_string()
}

#[test]
fn p6_text_output_escapes_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    ok(&db, &["init"]);
    let hostile = "Eve\u{1b}]0;owned\u{7}\u{1b}[2J";
    // Where a one-line field refuses it, a multi-line one keeps it: write it there, and put
    // the name in through SQL, as another program could.
    let file = dir.path().join("b.json");
    fs::write(
        &file,
        bundle_with(|p| p["background_story"] = format!("line one\n{hostile}").into()),
    )
    .unwrap();
    ok(&db, &["import", s(&file)]);
    let sql = rusqlite::Connection::open(&db).unwrap();
    // As a file written before schema/005_rules.sql (or by a program that dropped its
    // trigger) could hold it: the output must be safe whatever the file holds.
    sql.execute_batch("DROP TRIGGER IF EXISTS rules_personas_update")
        .unwrap();
    sql.execute("UPDATE personas SET name = ?1", [hostile])
        .unwrap();
    drop(sql);
    // A user name is anyone's text too: it shows in `history`.
    ok(
        &db,
        &["--user", hostile, "status", "hostile", "pending_review"],
    );
    for args in [&["list"][..], &["show", "hostile"], &["history", "hostile"]] {
        let out = ok(&db, args);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?}: {out:?}"
        );
        assert!(
            out.contains("\\x1b]0;owned\\x07"),
            "{args:?} shows it escaped: {out}"
        );
    }
    assert!(
        ok(&db, &["show", "hostile"]).contains("line one\n"),
        "line breaks kept"
    );

    // One-line fields refuse control characters on import, naming the JSON path.
    fs::write(&file, bundle_with(|p| p["title"] = "A\nB".into())).unwrap();
    let o = run(&db, &["import", s(&file)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("personas[0].title: holds \"\\n\""),
        "{}",
        stderr(&o)
    );

    // CSV cells that a spreadsheet would run are guarded.
    let sql = rusqlite::Connection::open(&db).unwrap();
    sql.execute("UPDATE personas SET name = '=HYPERLINK(\"http://x\")'", [])
        .unwrap();
    drop(sql);
    let csv = ok(&db, &["export", "--all", "--format", "csv"]);
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
}

#[test]
fn p7_tenant_keys_are_validated_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    ok(&db, &["init"]);
    for bad in ["BAD KEY!; drop", "", "../../x", "a/b", "x-", "x\u{1b}[2J"] {
        for args in [
            vec!["init", "--tenant", bad],
            vec!["tenant", "add", bad],
            vec!["list", "--tenant", bad],
        ] {
            let o = run(&db, &args);
            assert!(!o.status.success(), "{args:?} accepted");
            let err = stderr(&o);
            assert!(
                err.contains("tenant key") && err.contains("lowercase letters"),
                "{args:?}: {err}"
            );
            assert!(!err.contains('\u{1b}'), "{err:?}");
        }
    }
    let tenants = ok(&db, &["tenant", "list"]);
    assert_eq!(tenants.lines().count(), 1, "{tenants}");
    ok(&db, &["init", "--tenant", "team-2"]);
    assert!(ok(&db, &["tenant", "list"]).contains("team-2"));
}

#[test]
fn p9_demo_is_idempotent_in_every_tenant_and_after_moves() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    ok(&db, &["init"]);
    ok(&db, &["init", "--tenant", "second"]);
    for tenant in ["default", "second"] {
        for _ in 0..3 {
            ok(&db, &["--tenant", tenant, "demo"]);
        }
        let list = ok(&db, &["--tenant", tenant, "list"]);
        assert!(list.contains("16 persona(s)"), "{tenant}: {list}");
    }
    // A published demo persona archived by the user stays archived when the demo reloads.
    let slug = "msl-oncology-amara-okafor-second";
    ok(&db, &["--tenant", "second", "status", slug, "archived"]);
    let o = ok(&db, &["--tenant", "second", "demo"]);
    assert!(o.contains("0 created, 16 updated"), "{o}");
    let shown = ok(&db, &["--tenant", "second", "show", slug, "--json"]);
    let p: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(p["validation_status"], "archived");
}

#[test]
fn p10_small_refusals_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    ok(&db, &["init"]);
    ok(&db, &["demo"]);
    let slug = "senior-biostatistician-lena-fischer";

    // `status` on a persona in the trash says so.
    let sql = rusqlite::Connection::open(&db).unwrap();
    sql.execute(
        "UPDATE personas SET deleted_at = '2026-01-01T00:00:00Z' WHERE slug = ?1",
        [slug],
    )
    .unwrap();
    drop(sql);
    let o = run(&db, &["status", slug, "pending_review"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("in the trash"), "{}", stderr(&o));

    // `export -o DIR/` says it is a folder, and writes nothing.
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    for target in [format!("{}/", out.display()), out.display().to_string()] {
        let o = run(&db, &["export", "--all", "-o", &target]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("is a folder"), "{}", stderr(&o));
    }
    assert_eq!(fs::read_dir(&out).unwrap().count(), 0);

    // Unknown top-level bundle keys are an error, as unknown persona keys are.
    let file = dir.path().join("b.json");
    let mut bundle: serde_json::Value = serde_json::from_str(&bundle_with(|_| {})).unwrap();
    bundle["persona"] = serde_json::json!([]);
    fs::write(&file, bundle.to_string()).unwrap();
    let o = run(&db, &["import", s(&file)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("persona: unknown key"),
        "{}",
        stderr(&o)
    );

    // Decimal places are exact: 1e-9 is not a one-decimal score.
    fs::write(
        &file,
        bundle_with(|p| p["vpanes_scoring"]["visibility"] = serde_json::json!(1e-9)),
    )
    .unwrap();
    let o = run(&db, &["import", s(&file)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("personas[0].vpanes_scoring.visibility: 0.000000001 is not"),
        "{}",
        stderr(&o)
    );
    fs::write(
        &file,
        bundle_with(|p| p["vpanes_scoring"]["visibility"] = serde_json::json!(7.5)),
    )
    .unwrap();
    ok(&db, &["import", s(&file)]);
}

#[test]
fn p5_files_the_app_did_not_make_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    // Another application's SQLite file.
    let foreign = dir.path().join("other-app.db");
    {
        let c = rusqlite::Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine');")
            .unwrap();
    }
    // A persona database from a newer Persona Studio, in rollback-journal mode.
    let newer = dir.path().join("newer.db");
    ok(&newer, &["init"]);
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let text = dir.path().join("notes.txt");
    fs::write(
        &text,
        "just some text, long enough to look like a file header",
    )
    .unwrap();
    for (file, reason) in [
        (&foreign, "another application"),
        (&newer, "newer than this Persona Studio"),
        (&text, "cannot open"),
    ] {
        let before = fs::read(file).unwrap();
        for args in [&["list"][..], &["init"], &["demo"], &["check"]] {
            let o = run(file, args);
            assert!(!o.status.success(), "{args:?} on {}", file.display());
            let err = stderr(&o);
            assert!(err.contains(reason), "{args:?}: {err}");
            assert_eq!(err.lines().count(), 1, "one line: {err}");
            assert!(!err.contains("CREATE TABLE"), "{err}");
        }
        assert_eq!(
            fs::read(file).unwrap(),
            before,
            "{} changed",
            file.display()
        );
        let wal = format!("{}-wal", file.display());
        assert!(!Path::new(&wal).exists(), "{wal} created");
    }

    // Read commands on a mistyped path create nothing and suggest init.
    let missing = dir.path().join("typo/folder/p.db");
    for args in [
        &["list"][..],
        &["show", "x"],
        &["history", "x"],
        &["export", "--all"],
        &["check"],
    ] {
        let o = run(&missing, args);
        assert!(!o.status.success(), "{args:?}");
        assert!(stderr(&o).contains("init"), "{args:?}: {}", stderr(&o));
    }
    assert!(
        !dir.path().join("typo").exists(),
        "folders created by a read"
    );

    // A read writes nothing, not even the reading user's row.
    let db = dir.path().join("p.db");
    ok(&db, &["init"]);
    ok(&db, &["demo"]);
    let users = || -> i64 {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.query_row("SELECT count(*) FROM users", [], |r| r.get(0))
            .unwrap()
    };
    let (count, before) = (users(), fs::read(&db).unwrap());
    for args in [
        &["list"][..],
        &["check"],
        &["export", "--all"],
        &["tenant", "list"],
    ] {
        let mut full = vec!["--user", "a-reader-never-seen"];
        full.extend_from_slice(args);
        ok(&db, &full);
    }
    assert_eq!(users(), count);
    assert_eq!(fs::read(&db).unwrap(), before);
}
