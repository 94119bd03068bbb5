//! Issue 12, point 8: `check` finds a damaged file, and the rules it checks are in the schema
//! too (schema/005_rules.sql), so plain SQL cannot write what the app refuses.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rusqlite::Connection;

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_persona-studio"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PERSONA_STUDIO_DB")
        .env("PERSONA_STUDIO_USER", "checker")
        .output()
        .expect("binary runs")
}

/// A file with the demo personas that `check` finds healthy.
fn healthy(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    assert!(run(&db, &["init"]).status.success());
    assert!(run(&db, &["demo"]).status.success());
    let o = run(&db, &["check"]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("0 problem(s), 0 warning(s)"), "{out}");
    db
}

/// `check`'s output after `damage` is done to a healthy file by plain SQL; it must exit 1.
fn check_after(dir: &Path, name: &str, damage: &str) -> String {
    let db = healthy(dir, name);
    Connection::open(&db)
        .unwrap()
        .execute_batch(damage)
        .unwrap();
    let o = run(&db, &["check"]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(o.status.code(), Some(1), "{damage}: {out}");
    out
}

#[test]
fn p8_check_reports_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: &[(&str, &str)] = &[
        (
            "DROP TABLE persona_search;",
            "schema: table persona_search is missing",
        ),
        (
            "DROP TABLE persona_status_history;",
            "schema: table persona_status_history is missing",
        ),
        (
            "ALTER TABLE personas DROP COLUMN geographic_scope;",
            "schema: table personas differs from the one its migration creates (missing column geographic_scope)",
        ),
        (
            "DELETE FROM persona_search;",
            "search: 16 persona(s) missing from the full-text index",
        ),
        (
            "INSERT INTO workflow_grant (id) VALUES (1);",
            "workflow_grant holds a row",
        ),
        // Values a file from before schema/005_rules.sql may hold (its triggers dropped here
        // to write them as such a file would have them).
        (
            "DROP TRIGGER rules_personas_update; \
             UPDATE personas SET years_of_experience = 'many' WHERE slug = 'msl-oncology-amara-okafor';",
            "msl-oncology-amara-okafor: personas.years_of_experience: \"many\" is not",
        ),
        (
            "DROP TRIGGER rules_personas_update; \
             UPDATE personas SET slug = 'has spaces' WHERE slug = 'msl-oncology-amara-okafor';",
            "has spaces: personas.slug: \"has spaces\" is not",
        ),
        (
            "DROP TRIGGER rules_personas_update; \
             UPDATE personas SET name = '' WHERE slug = 'msl-oncology-amara-okafor';",
            "msl-oncology-amara-okafor: personas.name: is required",
        ),
        (
            "DROP TRIGGER rules_personas_update; \
             UPDATE personas SET salary_min_usd = 200000, salary_max_usd = 100000 \
             WHERE slug = 'msl-oncology-amara-okafor';",
            "msl-oncology-amara-okafor: personas.salary_max_usd: 100000 is below the minimum 200000",
        ),
        (
            "DROP TRIGGER rules_persona_typical_day_update; \
             UPDATE persona_typical_day SET time_slot = '99:99';",
            ": persona_typical_day[0].time_slot: \"99:99\" is not a time",
        ),
        (
            "DROP TRIGGER rules_history_no_update; \
             UPDATE persona_status_history SET changed_at = 'yesterday';",
            "status_history[0].changed_at: \"yesterday\" is not a timestamp",
        ),
    ];
    for (i, (damage, expected)) in cases.iter().enumerate() {
        let out = check_after(d, &format!("{i}.db"), damage);
        assert!(
            out.contains(expected),
            "{damage}\nexpected: {expected}\n{out}"
        );
    }
}

#[test]
fn p8_plain_sql_cannot_write_what_the_app_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let db = healthy(dir.path(), "p.db");
    let sql = Connection::open(&db).unwrap();
    let slug = "msl-oncology-amara-okafor";
    let refused = [
        (
            "UPDATE personas SET ai_maturity_score = 'high' WHERE slug = ?1",
            "personas.ai_maturity_score:",
        ),
        (
            "UPDATE personas SET years_of_experience = 'many' WHERE slug = ?1",
            "personas.years_of_experience: a whole number from 0 to 80",
        ),
        (
            "UPDATE personas SET slug = 'has spaces' WHERE slug = ?1",
            "personas.slug:",
        ),
        (
            "UPDATE personas SET name = '  ' WHERE slug = ?1",
            "personas.name: is required",
        ),
        (
            "UPDATE personas SET name = 'a' || char(10) || 'b' WHERE slug = ?1",
            "personas.name: one line",
        ),
        (
            "UPDATE personas SET salary_min_usd = 200000, salary_max_usd = 100000 WHERE slug = ?1",
            "personas.salary_max_usd:",
        ),
        (
            "UPDATE personas SET archetype_confidence = 0.123 WHERE slug = ?1",
            "personas.archetype_confidence: a number from 0 to 1 with at most 2 decimals",
        ),
        (
            "UPDATE persona_typical_day SET time_slot = '99:99' WHERE persona_id = (SELECT id FROM personas WHERE slug = ?1)",
            "persona_typical_day.time_slot: a time as HH:MM",
        ),
    ];
    for (statement, expected) in refused {
        let err = sql.execute(statement, [slug]).unwrap_err().to_string();
        assert!(err.contains(expected), "{statement}: {err}");
    }
    // What the app writes still passes.
    sql.execute(
        "UPDATE personas SET archetype_confidence = 0.75, salary_min_usd = NULL WHERE slug = ?1",
        [slug],
    )
    .unwrap();
    drop(sql);
    assert_eq!(run(&db, &["check"]).status.code(), Some(0));
}
