//! `persona-studio gen`: deterministic for a seed, a realistic mix, `check`-clean, searchable,
//! triggers back as they were, and all or nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use persona_studio::catalog::enums::{ARCHETYPES, PRIORITY_TIERS, VALIDATION_STATUSES};
use persona_studio::catalog::{CHILD_SPECS, Cardinality};
use persona_studio::r#gen::{self as synth, GenReport};
use persona_studio::model::Value;
use persona_studio::rules;
use persona_studio::store::{Filter, SortKey, Store, StoreError};

/// A store on a scratch file, and a plain SQL connection to the same file for looking at what
/// `gen` wrote as any SQLite client would. Derefs to the store.
struct Db {
    store: Store,
    sql: rusqlite::Connection,
    _dir: tempfile::TempDir,
}

impl Db {
    fn sql(&self) -> &rusqlite::Connection {
        &self.sql
    }
}

impl std::ops::Deref for Db {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

impl std::ops::DerefMut for Db {
    fn deref_mut(&mut self) -> &mut Store {
        &mut self.store
    }
}

fn store() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gen.db");
    let store = Store::open(&db, None, "tester").expect("file store");
    let sql = rusqlite::Connection::open(&db).unwrap();
    sql.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
    Db {
        store,
        sql,
        _dir: dir,
    }
}

fn generated(count: u64, seed: u64) -> (Db, GenReport) {
    let mut s = store();
    let report = synth::generate(&mut s, count, seed).expect("gen succeeds");
    (s, report)
}

fn count(s: &Db, sql: &str) -> i64 {
    s.sql()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn strings(s: &Db, sql: &str) -> Vec<String> {
    let mut st = s.sql().prepare(sql).unwrap();
    st.query_map([], |r| r.get::<_, Option<String>>(0))
        .unwrap()
        .map(|r| r.unwrap().unwrap_or_default())
        .collect()
}

fn triggers(s: &Db) -> Vec<(String, String, String)> {
    let mut st = s
        .sql()
        .prepare(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Every row of every table (FTS shadow tables and the schema included), as text.
fn snapshot(s: &Db) -> BTreeMap<String, Vec<String>> {
    let tables = strings(
        s,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    );
    let mut out = BTreeMap::new();
    for t in tables.into_iter().chain(["sqlite_master".to_string()]) {
        let mut st = s.sql().prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = st.column_count();
        let mut rows: Vec<String> = st
            .query_map([], |r| {
                let mut line = Vec::new();
                for i in 0..n {
                    line.push(format!("{:?}", r.get_ref(i)?));
                }
                Ok(line.join("|"))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.sort();
        out.insert(t, rows);
    }
    out
}

fn fts_integrity(s: &Db) {
    s.sql()
        .execute(
            "INSERT INTO persona_search(persona_search) VALUES ('integrity-check')",
            [],
        )
        .expect("the full-text index matches its content");
}

#[test]
fn the_same_seed_gives_the_same_personas() {
    let (a, ra) = generated(120, 7);
    let (b, rb) = generated(120, 7);
    // A shorter run of the same seed has the same first personas.
    let (c, _) = generated(30, 7);
    let (d, _) = generated(30, 8);
    assert_eq!(ra.personas, 120);
    assert_eq!(ra.list_rows, rb.list_rows);
    let comparable = |s: &Db, slug: &str| {
        let mut p = s.load_by_slug(slug).unwrap();
        // The acting user's id is random per database; everything else is generated.
        p.set("validated_by", Value::Null);
        p
    };
    for n in [1, 2, 17, 30, 77, 120] {
        let slug = synth::slug(7, n);
        let pa = comparable(&a, &slug);
        assert_eq!(pa, comparable(&b, &slug), "{slug} differs between runs");
        if n <= 30 {
            assert_eq!(pa, comparable(&c, &slug), "{slug} depends on the total");
        }
    }
    let p7 = comparable(&c, &synth::slug(7, 3));
    let p8 = comparable(&d, &synth::slug(8, 3));
    assert_ne!(p7.core, p8.core, "another seed gives other personas");
    assert_ne!(p7.id, p8.id);
}

#[test]
fn a_realistic_mix() {
    let (s, report) = generated(2000, 42);
    assert_eq!(report.personas, 2000);
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM personas WHERE slug GLOB 'gen-42-*'"
        ),
        2000
    );
    let rows: i64 = CHILD_SPECS
        .iter()
        .map(|c| count(&s, &format!("SELECT count(*) FROM {}", c.table)))
        .sum();
    assert_eq!(rows as u64, report.list_rows);
    assert!(
        (16_000..=24_000).contains(&rows),
        "about ten list rows per persona, got {rows}"
    );
    for spec in CHILD_SPECS {
        let n = count(&s, &format!("SELECT count(*) FROM {}", spec.table));
        assert!(n > 20, "{} has only {n} rows", spec.table);
        if spec.cardinality == Cardinality::One {
            let most = count(
                &s,
                &format!(
                    "SELECT coalesce(max(c), 0) FROM (SELECT count(*) c FROM {} GROUP BY persona_id)",
                    spec.table
                ),
            );
            assert_eq!(most, 1, "{} holds one row per persona", spec.table);
        }
    }
    let present = |sql: &str| -> BTreeSet<String> { strings(&s, sql).into_iter().collect() };
    let archetypes = present("SELECT DISTINCT archetype FROM personas");
    let statuses = present("SELECT DISTINCT validation_status FROM personas");
    let tiers = present("SELECT DISTINCT priority_tier FROM persona_vpanes_scoring");
    for a in ARCHETYPES {
        assert!(archetypes.contains(*a), "no {a}");
    }
    for st in VALIDATION_STATUSES {
        assert!(statuses.contains(*st), "no {st}");
    }
    for t in PRIORITY_TIERS {
        assert!(tiers.contains(*t), "no {t}");
    }
    let functions = count(&s, "SELECT count(DISTINCT function_name) FROM personas");
    let roles = count(&s, "SELECT count(DISTINCT role_name) FROM personas");
    let seniorities = count(&s, "SELECT count(DISTINCT seniority_level) FROM personas");
    assert!(functions >= 8 && roles >= 30 && seniorities >= 8);

    // Mostly consistent with the quadrant of the scores, a few deliberately not.
    let mut disagreeing = 0;
    let mut st = s
        .sql()
        .prepare("SELECT archetype, ai_maturity_score, work_complexity_score FROM personas")
        .unwrap();
    let all: Vec<(Option<String>, Option<f64>, Option<f64>)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (a, ai, wc) in &all {
        if rules::archetype_disagrees(a.as_deref(), *ai, *wc) {
            disagreeing += 1;
        }
    }
    assert!(
        (20..=120).contains(&disagreeing),
        "{disagreeing} of 2000 disagree with their quadrant"
    );
    let deleted = count(
        &s,
        "SELECT count(*) FROM personas WHERE deleted_at IS NOT NULL",
    );
    assert!((10..=100).contains(&deleted), "{deleted} in the trash");
}

#[test]
fn store_owned_columns_are_what_the_triggers_and_the_store_would_write() {
    let (mut s, _) = generated(200, 5);
    // Organisation names and slugs are the org rows' (the sync trigger's job on a save).
    for (table, col) in [
        ("org_functions", "function"),
        ("org_departments", "department"),
        ("org_roles", "role"),
    ] {
        let wrong = count(
            &s,
            &format!(
                "SELECT count(*) FROM personas p LEFT JOIN {table} o ON o.id = p.{col}_id \
                 WHERE o.id IS NULL OR p.{col}_name IS NOT o.name OR p.{col}_slug IS NOT o.slug"
            ),
        );
        assert_eq!(wrong, 0, "{col} names out of sync");
    }
    // Each persona's history is the chain of moves that reaches its status (issue 12, point
    // 2): it starts with the creation as a draft, ends in its status, all signed by the user.
    let user = s.user_id().to_string();
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM persona_status_history WHERE from_status IS NULL AND to_status = 'draft'"
        ),
        200
    );
    let wrong = count(
        &s,
        &format!(
            "SELECT count(*) FROM personas p JOIN persona_status_history h ON h.persona_id = p.id \
             WHERE h.changed_by IS NOT '{user}' OR h.tenant_id IS NOT p.tenant_id \
             OR (h.rowid = (SELECT max(rowid) FROM persona_status_history WHERE persona_id = p.id) \
                 AND h.to_status IS NOT p.validation_status)"
        ),
    );
    assert_eq!(wrong, 0);
    assert!(count(&s, "SELECT count(*) FROM persona_status_history") > 200);
    // Saving a copy through the store gives the same derived columns.
    let original = s.load_by_slug(&synth::slug(5, 9)).unwrap();
    let mut copy = original.clone();
    copy.id = None;
    copy.set("slug", Value::text("copy-of-gen-5-9"));
    for rows in &mut copy.lists {
        for r in rows {
            r.id = None;
        }
    }
    let saved = s.save(&copy).unwrap();
    for col in [
        "function_name",
        "function_slug",
        "department_name",
        "department_slug",
        "role_name",
        "role_slug",
        "gen_ai_readiness_level",
    ] {
        assert_eq!(saved.get(col), original.get(col), "{col}");
    }
    assert_eq!(saved.lists.len(), original.lists.len());
    for (a, b) in saved.lists.iter().zip(&original.lists) {
        let values = |rows: &Vec<persona_studio::model::Row>| -> Vec<Vec<Value>> {
            rows.iter().map(|r| r.values.clone()).collect()
        };
        assert_eq!(values(a), values(b));
    }
}

#[test]
fn check_is_clean_on_a_generated_database() {
    let (s, _) = generated(1500, 11);
    let report = s.check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let live = count(&s, "SELECT count(*) FROM personas WHERE deleted_at IS NULL");
    assert_eq!(report.personas_checked as i64, live);
    // The deliberate disagreements are reported as warnings, not problems.
    assert!(!report.warnings.is_empty());
}

#[test]
fn search_finds_a_persona_by_the_words_of_its_lists() {
    let (s, _) = generated(300, 3);
    fts_integrity(&s);
    assert_eq!(
        count(&s, "SELECT count(*) FROM persona_search"),
        count(&s, "SELECT count(*) FROM personas")
    );
    let mut checked = 0;
    for n in [4, 150, 299] {
        let p = s.load_by_slug(&synth::slug(3, n)).unwrap();
        // The first text of a row of a many-row list, e.g. a pain point or a goal.
        let (spec, row) = CHILD_SPECS
            .iter()
            .zip(&p.lists)
            .filter(|(c, _)| c.cardinality == Cardinality::Many)
            .find_map(|(c, rows)| rows.first().map(|r| (c, r)))
            .expect("a generated persona has list rows");
        let text = row.values[0].to_string();
        let words: String = text
            .split_whitespace()
            .filter(|w| w.len() > 3)
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(!words.is_empty(), "{}: no words in {text:?}", spec.table);
        let filter = Filter {
            text: words.clone(),
            ..Filter::default()
        };
        let hits = s.summaries(&filter, SortKey::Name, false, 0, 1000).unwrap();
        let deleted = p.deleted_at.is_some();
        assert_eq!(
            hits.iter().any(|h| h.slug == p.slug()),
            !deleted,
            "searching {words:?} ({}) for {}",
            spec.table,
            p.slug()
        );
        checked += 1;
    }
    assert_eq!(checked, 3);
}

#[test]
fn triggers_are_back_as_they_were_and_keep_working() {
    let mut s = store();
    let before = triggers(&s);
    assert!(before.len() > 60, "the schema's triggers");
    synth::generate(&mut s, 150, 9).unwrap();
    assert_eq!(triggers(&s), before);
    // The restored search triggers index a save as usual.
    let mut p = s.load_by_slug(&synth::slug(9, 10)).unwrap();
    let li = CHILD_SPECS
        .iter()
        .position(|c| c.key == "pain_points")
        .unwrap();
    let mut row = persona_studio::model::Row::new(&CHILD_SPECS[li]);
    row.values[0] = Value::text("Quokkabulary of submission templates");
    p.lists[li].push(row);
    s.save(&p).unwrap();
    let filter = Filter {
        text: "quokkabulary".into(),
        deleted: p.deleted_at.is_some(),
        ..Filter::default()
    };
    let hits = s.summaries(&filter, SortKey::Name, false, 0, 10).unwrap();
    assert_eq!(
        hits.iter().map(|h| h.slug.as_str()).collect::<Vec<_>>(),
        [p.slug()]
    );
    fts_integrity(&s);
}

#[test]
fn a_failure_midway_leaves_the_database_unchanged() {
    let mut s = store();
    persona_studio::demo::load_demo(&mut s).unwrap();
    synth::generate(&mut s, 40, 1).unwrap();
    // An error raised by SQLite deep inside the run: after 150 new personas and their rows.
    s.sql()
        .execute_batch(
            "CREATE TRIGGER injected_failure AFTER INSERT ON persona_goals \
             WHEN (SELECT count(*) FROM personas WHERE slug GLOB 'gen-2-*') >= 150 \
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
        )
        .unwrap();
    let before = snapshot(&s);
    let err = synth::generate(&mut s, 400, 2).expect_err("the injected failure stops the run");
    assert!(err.to_string().contains("injected failure"), "{err}");
    assert_eq!(snapshot(&s), before, "something of the failed run stayed");
    s.sql()
        .execute_batch("DROP TRIGGER injected_failure")
        .unwrap();
    fts_integrity(&s);
    // And the store works on: the same seed can now be generated.
    synth::generate(&mut s, 160, 2).unwrap();
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM personas WHERE slug GLOB 'gen-2-*'"
        ),
        160
    );
}

#[test]
fn a_seed_runs_once_per_database_and_seeds_coexist() {
    let (mut s, _) = generated(50, 4);
    let before = snapshot(&s);
    let err = synth::generate(&mut s, 10, 4).unwrap_err();
    assert!(matches!(err, StoreError::SeedTaken { seed: 4 }), "{err}");
    assert!(err.to_string().contains("another --seed"), "{err}");
    assert_eq!(snapshot(&s), before);
    synth::generate(&mut s, 30, 5).unwrap();
    assert_eq!(count(&s, "SELECT count(*) FROM personas"), 80);
    assert!(s.check().unwrap().problems.is_empty());
    fts_integrity(&s);
}

#[test]
fn the_command_line_generates_and_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gen.db");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_persona-studio"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("PERSONA_STUDIO_USER", "tester")
            .output()
            .unwrap()
    };
    let out = run(&["gen", "--personas", "60", "--seed", "12"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("generated 60 persona(s)"), "{text}");
    let out = run(&["gen", "--personas", "20"]);
    assert!(out.status.success());
    let out = run(&["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = run(&["list", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let slugs: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["slug"].as_str())
        .collect();
    assert!(slugs.iter().any(|s| s.starts_with("gen-12-")));
    assert!(
        slugs.iter().any(|s| s.starts_with("gen-42-")),
        "default seed 42"
    );
    // The same seed again is refused with a message, exit code 1.
    let out = run(&["gen", "--personas", "5", "--seed", "12"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another --seed"));
}
