//! Crash safety of the bulk writers: the real binary runs `gen` (which drops and re-creates
//! triggers and indexes inside its transaction) and `import` of stamped bundles, and is killed
//! with SIGKILL at random moments, many times. After every kill the file must be intact (integrity
//! and foreign keys), its triggers and indexes exactly the schema's, its search index
//! consistent, every `gen` run wholly there or wholly absent, and every imported persona wholly
//! one bundle's version. Seeded; bounded to about a minute.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use persona_studio::catalog::{CHILD_SPECS, Cardinality, Kind};
use persona_studio::r#gen::{self as synth, Rng};
use persona_studio::model::json::bundle_to_json;
use persona_studio::model::{Persona, Value};
use persona_studio::store::Store;
use rusqlite::Connection;

const BIN: &str = env!("CARGO_BIN_EXE_persona-studio");
/// Seed of the imported personas (their slugs are `gen-777-<n>`).
const IMPORT_SEED: u64 = 777;
const IMPORTED: u64 = 12;
const GENERATIONS: usize = 4;

fn run(db: &Path, args: &[&str]) -> Child {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["--user", "crash"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start persona-studio")
}

/// The first text column of a list, where the stamp goes.
fn stamp_column(li: usize) -> Option<usize> {
    CHILD_SPECS[li]
        .fields
        .iter()
        .position(|f| matches!(f.kind, Kind::Text | Kind::LongText) && f.is_writable())
}

/// The imported personas as bundle `g` has them: notes and every list row stamped `#s<g>`,
/// and one row fewer in each longer list on odd generations, so a half-written persona shows.
fn generation(g: usize, lookups: &persona_studio::catalog::Lookups) -> Vec<Persona> {
    (1..=IMPORTED)
        .map(|n| {
            let mut p = synth::persona(IMPORT_SEED, n, lookups).persona;
            p.set("notes", Value::Text(format!("stamp #s{g}")));
            for (li, spec) in CHILD_SPECS.iter().enumerate() {
                if spec.cardinality == Cardinality::Many && g % 2 == 1 && p.lists[li].len() > 1 {
                    p.lists[li].pop();
                }
                if let Some(fi) = stamp_column(li) {
                    for row in &mut p.lists[li] {
                        let text = row.values[fi].to_string();
                        row.values[fi] = Value::Text(format!("{text} #s{g}"));
                    }
                }
            }
            p
        })
        .collect()
}

fn schema_objects(conn: &Connection) -> Vec<(String, String, Option<String>)> {
    let mut st = conn
        .prepare(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index', 'view') \
             ORDER BY type, name",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// What a finished `gen` run of a seed writes: personas and list rows.
fn gen_rows(seed: u64, count: u64, lookups: &persona_studio::catalog::Lookups) -> usize {
    (1..=count)
        .map(|n| {
            synth::persona(seed, n, lookups)
                .persona
                .lists
                .iter()
                .map(Vec::len)
                .sum::<usize>()
        })
        .sum()
}

struct Expected {
    schema: Vec<(String, String, Option<String>)>,
    /// (seed, personas) of every `gen` started so far.
    gens: Vec<(u64, u64)>,
    /// Per generation, per slug: the list row counts.
    bundles: Vec<BTreeMap<String, Vec<usize>>>,
}

/// Checks the file after a kill; returns the generation of the imported personas (None
/// before the first import committed).
fn verify(
    db: &Path,
    expected: &Expected,
    lookups: &persona_studio::catalog::Lookups,
) -> Option<usize> {
    let conn = Connection::open(db).expect("the file opens after a kill");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let fk_violations: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk_violations, 0, "foreign keys hold");
    assert_eq!(
        schema_objects(&conn),
        expected.schema,
        "triggers, indexes and views are the schema's"
    );
    conn.execute(
        "INSERT INTO persona_search(persona_search) VALUES ('integrity-check')",
        [],
    )
    .expect("the search index matches its content");
    let search_rows: i64 = conn
        .query_row("SELECT count(*) FROM persona_search", [], |r| r.get(0))
        .unwrap();
    let personas: i64 = conn
        .query_row("SELECT count(*) FROM personas", [], |r| r.get(0))
        .unwrap();
    assert_eq!(search_rows, personas, "one search row per persona");

    // Every gen run: all of it or none of it.
    for &(seed, count) in &expected.gens {
        let ids: Vec<String> = conn
            .prepare("SELECT id FROM personas WHERE slug GLOB ?1")
            .unwrap()
            .query_map([format!("gen-{seed}-*")], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(
            ids.is_empty() || ids.len() as u64 == count,
            "gen seed {seed}: {} of {count} personas",
            ids.len()
        );
        if !ids.is_empty() {
            let mut rows = 0;
            for spec in CHILD_SPECS {
                let n: i64 = conn
                    .query_row(
                        &format!(
                            "SELECT count(*) FROM {} WHERE persona_id IN \
                             (SELECT id FROM personas WHERE slug GLOB ?1)",
                            spec.table
                        ),
                        [format!("gen-{seed}-*")],
                        |r| r.get(0),
                    )
                    .unwrap();
                rows += n as usize;
            }
            assert_eq!(rows, gen_rows(seed, count, lookups), "gen seed {seed} rows");
        }
    }

    // Imported personas: each wholly one generation, and all the same one.
    let mut st = conn
        .prepare("SELECT id, slug, notes FROM personas WHERE slug GLOB ?1 ORDER BY slug")
        .unwrap();
    let imported: Vec<(String, String, String)> = st
        .query_map([format!("gen-{IMPORT_SEED}-*")], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    if imported.is_empty() {
        return None;
    }
    assert_eq!(
        imported.len() as u64,
        IMPORTED,
        "an import is all or nothing"
    );
    let mut seen = None;
    for (id, slug, notes) in &imported {
        let g: usize = notes
            .strip_prefix("stamp #s")
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("{slug}: notes {notes:?}"));
        assert_eq!(*seen.get_or_insert(g), g, "{slug} is from another import");
        let want = &expected.bundles[g][slug];
        for (li, spec) in CHILD_SPECS.iter().enumerate() {
            let Some(fi) = stamp_column(li) else {
                continue;
            };
            let col = spec.fields[fi].name;
            let texts: Vec<Option<String>> = conn
                .prepare(&format!(
                    "SELECT {col} FROM {} WHERE persona_id = ?1",
                    spec.table
                ))
                .unwrap()
                .query_map([id], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert_eq!(texts.len(), want[li], "{slug}: {} rows", spec.table);
            for t in texts {
                let t = t.unwrap_or_default();
                assert!(
                    t.ends_with(&format!(" #s{g}")),
                    "{slug}: {t:?} in generation {g}"
                );
            }
        }
    }
    seen
}

#[test]
fn sigkill_during_gen_and_import_leaves_whole_versions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let status = run(&db, &["init"]).wait().unwrap();
    assert!(status.success());
    let status = run(&db, &["gen", "--personas", "120", "--seed", "1"])
        .wait()
        .unwrap();
    assert!(status.success());
    let lookups = Store::open(&db, None, "crash").unwrap().lookups().clone();

    let mut expected = Expected {
        schema: schema_objects(&Connection::open(&db).unwrap()),
        gens: vec![(1, 120)],
        bundles: Vec::new(),
    };
    let mut files = Vec::new();
    for g in 0..GENERATIONS {
        let personas = generation(g, &lookups);
        expected.bundles.push(
            personas
                .iter()
                .map(|p| (p.slug().to_string(), p.lists.iter().map(Vec::len).collect()))
                .collect(),
        );
        let path = dir.path().join(format!("bundle-{g}.json"));
        std::fs::write(&path, bundle_to_json(&personas)).unwrap();
        files.push(path.to_string_lossy().into_owned());
    }

    // How long each kind of write takes here, uninterrupted, to aim the kills inside it.
    let time = |args: &[&str]| {
        let started = Instant::now();
        assert!(run(&db, args).wait().unwrap().success(), "{args:?}");
        started.elapsed()
    };
    let import_time = time(&["import", &files[0]]);
    assert_eq!(verify(&db, &expected, &lookups), Some(0));
    let gen_time = time(&["gen", "--personas", "400", "--seed", "2"]);
    expected.gens.push((2, 400));
    verify(&db, &expected, &lookups);

    let mut rng = Rng::new(0x5eed_c0de);
    let deadline = Instant::now() + Duration::from_secs(50);
    let (mut iterations, mut killed) = (0, 0);
    let mut generation_now = 0;
    while iterations < 60 && Instant::now() < deadline {
        iterations += 1;
        let (mut child, budget) = if rng.chance(0.5) {
            let g = rng.below(GENERATIONS);
            (run(&db, &["import", &files[g]]), import_time)
        } else {
            let seed = 100 + iterations as u64;
            let count = rng.between(150, 500) as u64;
            expected.gens.push((seed, count));
            let (count, seed) = (count.to_string(), seed.to_string());
            let args = ["gen", "--personas", &count, "--seed", &seed];
            (run(&db, &args), gen_time)
        };
        let delay = budget.mul_f64(rng.unit() * 1.2);
        std::thread::sleep(delay);
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        if !finished && !status.success() {
            killed += 1;
        }
        if let Some(g) = verify(&db, &expected, &lookups) {
            generation_now = g;
        }
    }
    // The store still opens and finds nothing wrong.
    let store = Store::open(&db, None, "crash").unwrap();
    let report = store.check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(generation_now < GENERATIONS);
    assert!(
        killed >= iterations / 3 && iterations >= 10,
        "only {killed} of {iterations} runs were killed mid-way"
    );
}
