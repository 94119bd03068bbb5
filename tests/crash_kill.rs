//! Crash safety: imports of the real binary are killed with SIGKILL at random moments, many
//! times; afterwards the file is intact, its foreign keys hold, and every persona is wholly
//! one version — never half of an import.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use persona_studio::catalog::{CHILD_SPECS, Cardinality, Kind};
use persona_studio::model::json::{bundle_from_json, bundle_to_json};
use persona_studio::model::{Persona, Value};

/// The demo set stamped with generation `g`: the notes, the first text column of every list
/// row, and one row fewer in every list on odd generations, so a half-written persona shows.
fn generation(g: usize) -> Vec<Persona> {
    let mut personas = bundle_from_json(persona_studio::demo::DEMO_JSON, None).unwrap();
    for p in &mut personas {
        p.set("notes", Value::Text(format!("gen {g}")));
        for (li, spec) in CHILD_SPECS.iter().enumerate() {
            let Some(fi) = spec
                .fields
                .iter()
                .position(|f| matches!(f.kind, Kind::Text | Kind::LongText) && f.is_writable())
            else {
                continue;
            };
            if spec.cardinality == Cardinality::Many && g % 2 == 1 && p.lists[li].len() > 1 {
                p.lists[li].pop();
            }
            for row in &mut p.lists[li] {
                let base = row.values[fi]
                    .as_str()
                    .unwrap_or("")
                    .split(" #gen")
                    .next()
                    .unwrap_or("")
                    .to_string();
                row.values[fi] = Value::Text(format!("{base} #gen{g}"));
            }
        }
    }
    personas
}

fn expected_rows(g: usize, original: &[Persona], slug: &str, li: usize) -> usize {
    let n = original
        .iter()
        .find(|p| p.slug() == slug)
        .map_or(0, |p| p.lists[li].len());
    if CHILD_SPECS[li].cardinality == Cardinality::Many && g % 2 == 1 && n > 1 {
        n - 1
    } else {
        n
    }
}

/// Opens the file the way a fresh process would and checks it: integrity, foreign keys, and
/// one generation for every persona and row. Returns the generation found.
fn verify(db: &Path, original: &[Persona]) -> usize {
    let conn = rusqlite::Connection::open(db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0, "foreign keys broken");
    drop(conn);
    let store = persona_studio::store::Store::open(db, None, "checker").unwrap();
    let rows = store
        .summaries(&Default::default(), Default::default(), false, 0, 1000)
        .unwrap();
    assert_eq!(rows.len(), original.len());
    let mut gens = Vec::new();
    for s in &rows {
        let p = store.load(&s.id).unwrap();
        let g: usize = p
            .text("notes")
            .and_then(|n| n.strip_prefix("gen "))
            .unwrap()
            .parse()
            .unwrap();
        for (li, spec) in CHILD_SPECS.iter().enumerate() {
            assert_eq!(
                p.lists[li].len(),
                expected_rows(g, original, p.slug(), li),
                "{} {} at gen {g}",
                p.slug(),
                spec.key
            );
            let Some(fi) = spec
                .fields
                .iter()
                .position(|f| matches!(f.kind, Kind::Text | Kind::LongText) && f.is_writable())
            else {
                continue;
            };
            for row in &p.lists[li] {
                let text = row.values[fi].as_str().unwrap_or("");
                assert!(
                    text.ends_with(&format!("#gen{g}")),
                    "{} {}: {text:?} is not gen {g}",
                    p.slug(),
                    spec.key
                );
            }
        }
        gens.push(g);
    }
    gens.dedup();
    assert_eq!(gens.len(), 1, "one import is one transaction: {gens:?}");
    gens[0]
}

#[test]
fn imports_killed_at_random_moments_leave_whole_versions() {
    let bin = env!("CARGO_BIN_EXE_persona-studio");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let original = bundle_from_json(persona_studio::demo::DEMO_JSON, None).unwrap();
    let write_gen = |g: usize| {
        let path = dir.path().join(format!("gen{g}.json"));
        std::fs::write(&path, bundle_to_json(&generation(g))).unwrap();
        path
    };
    let first = write_gen(0);
    let o = Command::new(bin)
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&first)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(verify(&db, &original), 0);

    // How long one import takes here, to spread the kills over it.
    let path = write_gen(1);
    let start = Instant::now();
    assert!(
        Command::new(bin)
            .arg("--db")
            .arg(&db)
            .arg("import")
            .arg(&path)
            .output()
            .unwrap()
            .status
            .success()
    );
    let full = start.elapsed();
    assert_eq!(verify(&db, &original), 1);

    let mut seed: u64 = 0x5eed;
    let mut outcomes = (0, 0);
    let deadline = Instant::now() + Duration::from_secs(60);
    for g in 2..40 {
        if Instant::now() > deadline {
            break;
        }
        let path = write_gen(g);
        let before = verify(&db, &original);
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = full.mul_f64(((seed >> 33) % 1000) as f64 / 1000.0 * 1.2);
        let mut child = Command::new(bin)
            .arg("--db")
            .arg(&db)
            .arg("import")
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let after = verify(&db, &original);
        assert!(
            after == before || after == g,
            "gen {g}: found {after}, was {before}"
        );
        if after == g {
            outcomes.1 += 1
        } else {
            outcomes.0 += 1
        }
    }
    // The kills landed both before and after commits, so both outcomes were exercised.
    assert!(
        outcomes.0 > 0 && outcomes.1 > 0,
        "killed before commit {} times, after {} times",
        outcomes.0,
        outcomes.1
    );
}
