//! Crash safety of the bulk writers: the real binary runs `gen` (which drops and re-creates
//! triggers and indexes inside its transaction) and `import` of stamped bundles, and is killed
//! with SIGKILL a fixed number of times, at moments drawn from a seeded generator. After every
//! kill the file must be intact (integrity and foreign keys), its triggers and indexes exactly
//! the schema's, its search index consistent, every `gen` run wholly there or wholly absent,
//! and every imported persona wholly one bundle's version: the one before the killed run or
//! the one it was writing. A run killed before its commit leaves no trace at all, and a commit
//! once visible to another connection survives the kill.
//!
//! The number of kills is counted, not bounded by a deadline, so a slow machine tests as much
//! as a fast one. Two kills in three land at a random point of a run (aimed with the time an
//! uninterrupted run took here), nearly always before its commit; every third waits until the
//! commit is visible and kills then, sometimes while the writer is still closing. So both
//! outcomes are exercised however fast the machine is.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[path = "common/fingerprint.rs"]
mod fingerprint;
use fingerprint::fingerprint_file;

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
/// Kills per run of the test: imports and gens alternate, and every third kill waits for the
/// commit; 24 gives each kind 8 kills at random points and 4 after the commit.
const KILLS: usize = 24;
/// Personas of the `gen` run that measures how long a `gen` takes.
const GEN_CALIBRATION: i64 = 200;

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
            let status = p.text("validation_status").unwrap_or("draft").to_string();
            p.history = persona_studio::store::chain::straight_path(
                &status,
                "crash",
                "2026-01-01T00:00:00Z",
            );
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
    /// (seed, personas, list rows) of every `gen` started so far; the rows are counted once,
    /// when the run starts, not again after every kill.
    gens: Vec<(u64, u64, usize)>,
    /// Per generation, per slug: the list row counts.
    bundles: Vec<BTreeMap<String, Vec<usize>>>,
}

/// Checks the file after a kill; returns the generation of the imported personas (None
/// before the first import committed).
fn verify(db: &Path, expected: &Expected) -> Option<usize> {
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
    for &(seed, count, want_rows) in &expected.gens {
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
            assert_eq!(rows, want_rows, "gen seed {seed} rows");
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

/// Where a kill is aimed.
#[derive(Clone, Copy, Debug)]
enum Aim {
    /// This fraction of the time an uninterrupted run of the same size took.
    Midway(f64),
    /// As soon as another connection sees the commit, while the writer finishes and closes
    /// (checkpointing the WAL).
    AfterCommit,
}

/// Whether the run being killed has committed: the first imported persona carries its stamp,
/// or the gen's seed has personas.
fn committed(db: &Path, run: &Run) -> bool {
    let conn = Connection::open(db).unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    match run {
        Run::Import(g) => {
            let notes: Option<String> = conn
                .query_row(
                    "SELECT notes FROM personas WHERE slug = ?1",
                    [synth::slug(IMPORT_SEED, 1)],
                    |r| r.get(0),
                )
                .unwrap_or(None);
            notes.as_deref() == Some(format!("stamp #s{g}").as_str())
        }
        Run::Gen { seed, .. } => conn
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM personas WHERE slug GLOB ?1)",
                [format!("gen-{seed}-*")],
                |r| r.get(0),
            )
            .unwrap(),
    }
}

enum Run {
    /// Import of bundle `g`.
    Import(usize),
    Gen {
        seed: u64,
        count: i64,
    },
}

/// Per kind of run: kills that found the file as before the run (the process was still
/// running) and kills that found the run's commit.
#[derive(Debug, Default)]
struct Outcomes {
    before: usize,
    after: usize,
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
        gens: vec![(1, 120, gen_rows(1, 120, &lookups))],
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
    assert_eq!(verify(&db, &expected), Some(0));
    let calibration = GEN_CALIBRATION.to_string();
    let gen_time = time(&["gen", "--personas", &calibration, "--seed", "2"]);
    let count = GEN_CALIBRATION as u64;
    expected.gens.push((2, count, gen_rows(2, count, &lookups)));
    assert_eq!(verify(&db, &expected), Some(0));

    let mut rng = Rng::new(0x5eed_c0de);
    let mut generation_now = 0;
    let (mut imports, mut gens) = (Outcomes::default(), Outcomes::default());
    for i in 0..KILLS {
        let aim = if i % 3 == 2 {
            Aim::AfterCommit
        } else {
            Aim::Midway(rng.unit())
        };
        // Always another bundle than the one in the file, so its commit shows.
        let target = if i % 2 == 0 {
            Run::Import((generation_now + 1 + rng.below(GENERATIONS - 1)) % GENERATIONS)
        } else {
            Run::Gen {
                seed: 100 + i as u64,
                count: rng.between(100, 300),
            }
        };
        let before = fingerprint_file(&db);
        let (mut child, budget) = match target {
            Run::Import(g) => (run(&db, &["import", &files[g]]), import_time),
            Run::Gen { seed, count } => {
                let n = count as u64;
                expected.gens.push((seed, n, gen_rows(seed, n, &lookups)));
                let (count, seed) = (count.to_string(), seed.to_string());
                let args = ["gen", "--personas", &count, "--seed", &seed];
                let budget = gen_time.mul_f64(n as f64 / GEN_CALIBRATION as f64);
                (run(&db, &args), budget)
            }
        };
        let running_at_kill = match aim {
            Aim::Midway(u) => {
                std::thread::sleep(budget.mul_f64(u));
                child.try_wait().unwrap().is_none()
            }
            Aim::AfterCommit => {
                while !committed(&db, &target) {
                    let exited = child.try_wait().unwrap();
                    assert!(exited.is_none(), "{aim:?}: exited uncommitted: {exited:?}");
                    std::thread::sleep(Duration::from_millis(2));
                }
                child.try_wait().unwrap().is_none()
            }
        };
        let _ = child.kill(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        assert!(
            running_at_kill || status.success(),
            "kill {i}: the run failed on its own: {status}"
        );

        let found = verify(&db, &expected);
        let done = committed(&db, &target);
        let tally = match target {
            Run::Import(g) => {
                assert!(
                    found == Some(generation_now) || found == Some(g),
                    "kill {i}: bundle {found:?} after a kill of the import of {g} over \
                     {generation_now}"
                );
                generation_now = found.unwrap();
                &mut imports
            }
            Run::Gen { .. } => &mut gens,
        };
        if done {
            tally.after += 1;
        } else {
            assert!(running_at_kill, "kill {i}: finished without committing");
            tally.before += 1;
            assert_eq!(
                fingerprint_file(&db),
                before,
                "kill {i} ({aim:?}) before the commit left a trace"
            );
        }
        if let Aim::AfterCommit = aim {
            assert!(done, "kill {i}: a visible commit was lost");
        }
    }
    // The store still opens, finds nothing wrong, and loads the imported personas whole.
    let store = Store::open(&db, None, "crash").unwrap();
    let report = store.check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let stamp = format!("stamp #s{generation_now}");
    for (slug, rows) in &expected.bundles[generation_now] {
        let p = store.load_by_slug(slug).unwrap();
        assert_eq!(p.text("notes"), Some(stamp.as_str()), "{slug}");
        let loaded: Vec<usize> = p.lists.iter().map(Vec::len).collect();
        assert_eq!(&loaded, rows, "{slug}: list rows as loaded by the store");
    }
    // Kills landed on both sides of the commit, for both writers.
    for (kind, o) in [("import", &imports), ("gen", &gens)] {
        assert!(
            o.before >= 1 && o.after >= 1,
            "{kind}: {} kills before the commit, {} after",
            o.before,
            o.after
        );
    }
}
