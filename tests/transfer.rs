//! Import, export and sharing: the lossless JSON round trip (demo set and generated personas
//! with every column filled), all-or-nothing import with path-naming errors for each kind of
//! bad file, dry runs, updates that replace lists, slugs owned by another tenant, CSV quoting
//! and a Markdown card snapshot.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use persona_studio::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality, FieldSpec, Kind, Lookups};
use persona_studio::model::json::bundle_to_json;
use persona_studio::model::{Persona, Row, Value};
use persona_studio::store::Store;
use persona_studio::transfer::{self, Action, ImportError, Selection};
use serde_json::{Value as Json, json};

#[path = "common/fingerprint.rs"]
mod fingerprint;
use fingerprint::{fingerprint_file as fingerprint, row_counts};

// ---------------------------------------------------------------------------------------------
// Helpers

fn bin(db: &Path, args: &[&str]) -> Output {
    bin_with_stdin(db, args, None)
}

fn bin_with_stdin(db: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_persona-studio"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PERSONA_STUDIO_DB")
        .env("PERSONA_STUDIO_USER", "transfer-tester")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let mut pipe = child.stdin.take().expect("stdin pipe");
    if let Some(text) = stdin {
        pipe.write_all(text.as_bytes()).expect("stdin written");
    }
    drop(pipe);
    child.wait_with_output().expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs a command that must succeed; returns its standard output.
fn ok(db: &Path, args: &[&str]) -> String {
    let o = bin(db, args);
    assert!(
        o.status.success(),
        "{args:?} failed: {}{}",
        stdout(&o),
        stderr(&o)
    );
    stdout(&o)
}

/// A database file in `dir` holding the demo personas.
fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    ok(&db, &["init"]);
    ok(&db, &["demo"]);
    db
}

fn export_all(db: &Path) -> String {
    ok(db, &["export", "--all"])
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

/// Runs `import FILE` on a demo database and checks it fails with exactly these stderr lines
/// (then the summary line) and writes nothing: same export, same counts, same versions.
fn assert_refused(bundle: &str, expected: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = (export_all(&db), fingerprint(&db));
    let file = write(dir.path(), "bad.json", bundle);
    let o = bin(&db, &["import", path_str(&file)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o), "", "nothing printed to stdout");
    let mut lines: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    let noun = if expected.iter().all(|l| l.starts_with("refuse ")) {
        "refused persona"
    } else {
        "error"
    };
    lines.push(format!(
        "nothing was imported: {} {noun}{} in {}",
        expected.len(),
        if expected.len() == 1 { "" } else { "s" },
        file.display()
    ));
    assert_eq!(stderr(&o), lines.join("\n") + "\n");
    assert_eq!(
        (export_all(&db), fingerprint(&db)),
        before,
        "database changed"
    );
}

/// The demo set as exported (slug order), parsed, for building bad files from real data.
fn demo_bundle() -> Json {
    let mut store = Store::open_in_memory(None, "bundle").unwrap();
    persona_studio::demo::load_demo(&mut store).unwrap();
    serde_json::from_str(&transfer::export_json(&store, &Selection::All).unwrap()).unwrap()
}

fn text(j: &Json) -> String {
    serde_json::to_string_pretty(j).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Generated personas with every writable column of the core record and of all 18 lists filled

/// A valid value for the column, varied by `seed`, chosen by its kind alone.
fn value_for(f: &FieldSpec, lookups: &Lookups, persona: usize, row: usize, seed: usize) -> Value {
    match f.kind {
        Kind::Text => Value::Text(format!(
            "{} {persona}.{row}: «Zoë» says \"hi\", 'ok' & <b>; 50% | ✓",
            f.label
        )),
        Kind::LongText => Value::Text(format!(
            "{} of persona {persona}, row {row}.\nSecond line with \"double\" and 'single' quotes, \
             commas, a tab\there and unicode: Ærøskøbing, 東京, 🚀.\r\nA CRLF line | with a pipe\n\n\
             \u{20}\u{20}indented after a blank line",
            f.label
        )),
        Kind::Int { min, max } => {
            let span = (max - min) as u64 + 1;
            Value::Int(min + ((seed as u64 * 7919 + 13) % span) as i64)
        }
        Kind::Decimal { min, max, places } => {
            let scale = 10f64.powi(i32::from(places));
            let steps = ((max - min) * scale).round() as usize;
            let k = 1 + (seed * 37 + 11) % (steps - 1);
            Value::Real((min * scale + k as f64) / scale)
        }
        Kind::Bool => Value::Bool((seed + row).is_multiple_of(2)),
        Kind::Choice(options) => Value::text(options[seed % options.len()]),
        Kind::Lookup(table) => {
            let codes = lookups.codes(table);
            assert!(!codes.is_empty(), "{table} has codes");
            Value::text(codes[seed % codes.len()])
        }
        Kind::Date => Value::Text(format!(
            "{:04}-{:02}-{:02}",
            1990 + seed % 35,
            1 + seed % 12,
            1 + seed % 28
        )),
        Kind::Time => Value::Text(format!("{:02}:{:02}", seed % 24, (seed * 7) % 60)),
        Kind::Slug => Value::Text(format!("generated-persona-{persona}")),
        Kind::Org(kind) => Value::Text(format!("{kind:?} {persona} — Ünit “α”")),
        Kind::Computed => Value::Null,
    }
}

fn generated(persona: usize, lookups: &Lookups) -> Persona {
    let mut p = Persona::new_draft();
    for (k, f) in CORE_FIELDS.iter().enumerate() {
        p.core[k] = value_for(f, lookups, persona, 0, persona * 101 + k);
    }
    // The store's cross-field rule: min <= median <= max.
    p.set("salary_min_usd", Value::Int(60_000 + persona as i64));
    p.set("salary_median_usd", Value::Int(90_000 + persona as i64));
    p.set("salary_max_usd", Value::Int(120_000 + persona as i64));
    for (li, spec) in CHILD_SPECS.iter().enumerate() {
        let rows = match spec.cardinality {
            Cardinality::Many => 3,
            Cardinality::One => 1,
        };
        p.lists[li] = (0..rows)
            .map(|r| Row {
                id: None,
                values: spec
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(k, f)| value_for(f, lookups, persona, r, persona * 53 + r * 17 + k + li))
                    .collect(),
            })
            .collect();
    }
    // The status history travels with the persona: the chain of moves that reaches its
    // status (issue 12: an import refuses any other), signed by people with odd names, the
    // last move with a note over two lines.
    let status = p.text("validation_status").unwrap_or("draft").to_string();
    p.history = persona_studio::store::chain::straight_path(
        &status,
        "reviewer «Zoë»",
        &format!("2024-02-0{}T09:30:00.000Z", persona + 1),
    );
    p.history[0].changed_by = Some(format!("author-{persona}"));
    p.history[0].changed_at = format!("2024-01-0{}T08:00:00.000Z", persona + 1);
    if let Some(last) = p.history.last_mut().filter(|h| h.from_status.is_some()) {
        last.note = Some("Moved with a \"quoted\" note\nover two lines".into());
    }
    p
}

/// Every writable column holds a value and every list has rows: the generator covers the
/// whole spec, so a new column or list that it cannot fill fails here.
fn assert_every_column_filled(bundle: &Json) {
    let personas = bundle["personas"].as_array().unwrap();
    assert!(!personas.is_empty());
    for p in personas {
        for f in CORE_FIELDS.iter().filter(|f| f.is_writable()) {
            assert!(!p[f.name].is_null(), "core {} is empty", f.name);
        }
        for spec in CHILD_SPECS {
            let rows: Vec<&Json> = match spec.cardinality {
                Cardinality::Many => p[spec.key].as_array().unwrap().iter().collect(),
                Cardinality::One => vec![&p[spec.key]],
            };
            assert!(!rows.is_empty(), "{} has no rows", spec.key);
            for r in rows {
                for f in spec.fields.iter().filter(|f| f.is_writable()) {
                    assert!(!r[f.name].is_null(), "{}.{} is empty", spec.key, f.name);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Round trips

#[test]
fn demo_set_round_trips_byte_identical_through_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let first = dir.path().join("first.json");
    let o = ok(&db, &["export", "--all", "-o", path_str(&first)]);
    assert_eq!(o, format!("exported 16 personas to {}\n", first.display()));

    let empty = dir.path().join("empty.db");
    assert_eq!(
        ok(&empty, &["import", path_str(&first)]),
        "16 created, 0 updated\n"
    );
    let second = dir.path().join("second.json");
    ok(&empty, &["export", "--all", "-o", path_str(&second)]);
    let (a, b) = (fs::read(&first).unwrap(), fs::read(&second).unwrap());
    assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
    assert_eq!(a, b, "byte-identical");

    // The bundle holds the whole demo set, lists included.
    let j: Json = serde_json::from_slice(&a).unwrap();
    assert_eq!(j["format_version"], 1);
    assert_eq!(j["personas"].as_array().unwrap().len(), 16);
    let amara = j["personas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["slug"] == "msl-oncology-amara-okafor")
        .unwrap();
    assert!(amara["pain_points"].as_array().unwrap().len() >= 2);
    assert!(amara["vpanes_scoring"].is_object());
}

#[test]
fn generated_personas_with_every_column_filled_round_trip_losslessly() {
    let lookups = Store::open_in_memory(None, "gen")
        .unwrap()
        .lookups()
        .clone();
    let personas: Vec<Persona> = (0..5).map(|i| generated(i, &lookups)).collect();
    let bundle = bundle_to_json(&personas);
    let parsed: Json = serde_json::from_str(&bundle).unwrap();
    assert_every_column_filled(&parsed);
    // The generator really produced multi-line, quoted, unicode text.
    assert!(bundle.contains(r#"\r\nA CRLF line"#) && bundle.contains("東京"));

    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "generated.json", &bundle);
    let db = dir.path().join("a.db");
    assert_eq!(
        ok(&db, &["import", path_str(&file)]),
        "5 created, 0 updated\n"
    );
    // What comes out is exactly what went in: every value survived the database.
    let exported = export_all(&db);
    assert_eq!(exported, bundle);

    // And again through a second empty database.
    let file2 = write(dir.path(), "again.json", &exported);
    let db2 = dir.path().join("b.db");
    assert_eq!(
        ok(&db2, &["import", path_str(&file2)]),
        "5 created, 0 updated\n"
    );
    assert_eq!(export_all(&db2), bundle);
}

#[test]
fn reimporting_the_same_file_updates_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = export_all(&db);
    let counts = fingerprint(&db);
    let file = write(dir.path(), "all.json", &before);
    assert_eq!(
        ok(&db, &["import", path_str(&file)]),
        "0 created, 16 updated\n"
    );
    assert_eq!(export_all(&db), before);
    // Row counts only: the full-text index's own tables merge segments on every write.
    assert_eq!(row_counts(&fingerprint(&db)), row_counts(&counts));
}

#[test]
fn an_update_replaces_the_lists() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut amara: Json =
        serde_json::from_str(&ok(&db, &["export", "msl-oncology-amara-okafor"])).unwrap();
    let p = &mut amara["personas"][0];
    let pains = p["pain_points"].as_array_mut().unwrap();
    let n = pains.len();
    assert!(n >= 2);
    let removed = pains.remove(0);
    p["goals"] = json!([]);
    p["tagline"] = json!("Changed by an import");
    let file = write(dir.path(), "amara.json", &text(&amara));
    assert_eq!(
        ok(&db, &["import", path_str(&file)]),
        "0 created, 1 updated\n"
    );

    let after: Json =
        serde_json::from_str(&ok(&db, &["show", "msl-oncology-amara-okafor", "--json"])).unwrap();
    assert_eq!(after["tagline"], "Changed by an import");
    assert_eq!(after["pain_points"], amara["personas"][0]["pain_points"]);
    assert_eq!(after["pain_points"].as_array().unwrap().len(), n - 1);
    assert!(
        !after["pain_points"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["pain_point"] == removed["pain_point"]),
        "the removed row is gone"
    );
    assert_eq!(after["goals"], json!([]));
    // The tables hold exactly the file's rows for this persona.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let count = |table: &str| -> i64 {
        conn.query_row(
            &format!(
                "SELECT count(*) FROM {table} WHERE persona_id = (SELECT id FROM personas WHERE slug = ?1)"
            ),
            ["msl-oncology-amara-okafor"],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(count("persona_pain_points"), (n - 1) as i64);
    assert_eq!(count("persona_goals"), 0);
}

#[test]
fn import_reads_standard_input_and_strips_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let one = ok(&db, &["export", "heor-lead-daniel-whitford"]);
    let empty = dir.path().join("stdin.db");
    let o = bin_with_stdin(&empty, &["import", "-"], Some(&format!("\u{feff}{one}")));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "1 created, 0 updated\n");
    assert_eq!(ok(&empty, &["export", "--all"]), one);
}

// ---------------------------------------------------------------------------------------------
// Bad files: the exact error, a non-zero exit, nothing written

#[test]
fn bad_file_not_json() {
    assert_refused(
        "{\"format_version\": 1, \"personas\": [",
        &["not valid JSON: EOF while parsing a list at line 1 column 35"],
    );
    assert_refused(
        "<?xml version=\"1.0\"?><personas/>",
        &["not valid JSON: expected value at line 1 column 1"],
    );
}

#[test]
fn bad_file_wrong_types() {
    let mut b = demo_bundle();
    b["personas"][0]["years_of_experience"] = json!("ten");
    b["personas"][1]["pain_points"] = json!({"pain_point": "not in a list"});
    b["personas"][2]["is_active"] = json!("yes");
    b["personas"][3]["goals"][0] = json!(["a", "list"]);
    assert_refused(
        &text(&b),
        &[
            "personas[0].years_of_experience: \"ten\" is not a whole number",
            "personas[1].pain_points: an object is not a list",
            "personas[2].is_active: \"yes\" is not true or false",
            "personas[3].goals[0]: a list is not a row object",
        ],
    );
    assert_refused(
        "[1, 2]",
        &["$: a list is not a bundle object with format_version and personas"],
    );
}

#[test]
fn bad_file_unknown_lookup_code() {
    let mut b = demo_bundle();
    b["personas"][3]["pain_points"][1]["severity"] = json!("urgent");
    b["personas"][4]["seniority_level"] = json!("grand-master");
    assert_refused(
        &text(&b),
        &[
            "personas[3].pain_points[1].severity: \"urgent\" is not one of low, medium, high, critical",
            "personas[4].seniority_level: \"grand-master\" is not one of entry, junior, mid, senior, lead, manager, director, vp, c_level",
        ],
    );
}

#[test]
fn bad_file_out_of_range_number() {
    let mut b = demo_bundle();
    b["personas"][0]["ai_maturity_score"] = json!(150);
    b["personas"][1]["vpanes_scoring"]["pain"] = json!(10.5);
    b["personas"][2]["vpanes_scoring"]["needs"] = json!(7.25);
    b["personas"][3]["typical_day"][0]["duration_minutes"] = json!(-5);
    assert_refused(
        &text(&b),
        &[
            "personas[0].ai_maturity_score: 150 is not a number from 0 to 100 with at most 2 decimals",
            "personas[1].vpanes_scoring.pain: 10.5 is not a number from 0 to 10 with at most 1 decimal",
            "personas[2].vpanes_scoring.needs: 7.25 is not a number from 0 to 10 with at most 1 decimal",
            "personas[3].typical_day[0].duration_minutes: -5 is not a whole number from 0 to 1440",
        ],
    );
}

#[test]
fn bad_file_missing_required_field() {
    let mut b = demo_bundle();
    b["personas"][2].as_object_mut().unwrap().remove("name");
    b["personas"][5]["goals"][1]
        .as_object_mut()
        .unwrap()
        .remove("goal_text");
    b["personas"][6]["slug"] = json!("   ");
    assert_refused(
        &text(&b),
        &[
            "personas[2].name: is required",
            "personas[5].goals[1].goal_text: is required",
            "personas[6].slug: is required",
        ],
    );
    assert_refused(
        "{\"format_version\": 1}",
        &["personas: is required and must be a list"],
    );
}

#[test]
fn bad_file_duplicate_slugs() {
    let mut b = demo_bundle();
    let copy = b["personas"][4].clone();
    b["personas"].as_array_mut().unwrap().push(copy);
    assert_refused(
        &text(&b),
        &[
            "personas[16].slug: \"commercial-analytics-director-marcus-bell\" is already used by personas[4] in this file",
        ],
    );
}

#[test]
fn bad_file_newer_format_version() {
    let mut b = demo_bundle();
    b["format_version"] = json!(2);
    assert_refused(
        &text(&b),
        &[
            "format_version: 2 is not supported; this version of Persona Studio reads format 1 (export the file again with this version, or upgrade Persona Studio)",
        ],
    );
    b.as_object_mut().unwrap().remove("format_version");
    assert_refused(&text(&b), &["format_version: is required"]);
}

#[test]
fn bad_file_unknown_field() {
    let mut b = demo_bundle();
    b["personas"][0]["favourite_colour"] = json!("teal");
    b["personas"][1]["vpanes_scoring"]["total_score"] = json!(99);
    b["personas"][2]["tools_used"][0]["id"] = json!("abc");
    assert_refused(
        &text(&b),
        &[
            "personas[0].favourite_colour: unknown field",
            "personas[1].vpanes_scoring.total_score: unknown field",
            "personas[2].tools_used[0].id: unknown field",
        ],
    );
}

#[test]
fn a_store_rule_refuses_the_persona_with_its_json_path() {
    // Each value is valid alone; the store's cross-field rule refuses the pair.
    let mut b = demo_bundle();
    b["personas"][7]["salary_min_usd"] = json!(300_000);
    let slug = b["personas"][7]["slug"].as_str().unwrap().to_string();
    assert_refused(
        &text(&b),
        &[&format!(
            "refuse {slug}: personas[7].salary_max_usd: 265000 is below the minimum 300000"
        )],
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = fingerprint(&db);
    let big = dir.path().join("big.json");
    // Sparse: the size is real, the disk blocks are not.
    fs::File::create(&big)
        .unwrap()
        .set_len(transfer::MAX_IMPORT_BYTES + 1)
        .unwrap();
    let o = bin(&db, &["import", path_str(&big)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "{0} is 64.0 MiB; import reads bundles of at most 64 MiB: export fewer personas per file and import them one by one\n\
             nothing was imported: 1 error in {0}\n",
            big.display()
        )
    );
    assert_eq!(fingerprint(&db), before);
    // The same guard on a stream (standard input has no size to look at first).
    let e = transfer::file::read_limited(&b"0123456789"[..], 9, "standard input").unwrap_err();
    assert_eq!(
        e.to_string(),
        "standard input is larger than 0 MiB; import reads bundles of at most 0 MiB: export fewer personas per file and import them one by one"
    );
    assert_eq!(
        transfer::file::read_limited(&b"0123456789"[..], 10, "x").unwrap(),
        b"0123456789"
    );
}

#[test]
fn bytes_that_are_not_utf8_and_missing_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = fingerprint(&db);
    let bad = dir.path().join("latin1.json");
    fs::write(
        &bad,
        b"{\"format_version\": 1, \"personas\": [{\"name\": \"Ren\xe9\"}]}",
    )
    .unwrap();
    let o = bin(&db, &["import", path_str(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).lines().next().unwrap(),
        format!(
            "{} is not UTF-8 text (invalid byte at offset 48); a bundle is JSON in UTF-8",
            bad.display()
        )
    );
    let missing = dir.path().join("missing.json");
    let o = bin(&db, &["import", path_str(&missing)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with(&format!("cannot read {}: No such file", missing.display())),
        "{}",
        stderr(&o)
    );
    assert_eq!(fingerprint(&db), before);
}

// ---------------------------------------------------------------------------------------------
// Plans: dry run, other tenants

#[test]
fn dry_run_prints_the_plan_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut b = demo_bundle();
    let personas = b["personas"].as_array_mut().unwrap();
    personas.truncate(3);
    personas[1]["slug"] = json!("a-brand-new-persona");
    personas[2]["salary_median_usd"] = json!(1);
    let file = write(dir.path(), "plan.json", &text(&b));
    let before = (export_all(&db), fingerprint(&db));

    let o = bin(&db, &["import", path_str(&file), "--dry-run"]);
    assert_eq!(o.status.code(), Some(1), "a refusal makes the dry run fail");
    assert_eq!(
        stdout(&o),
        "update associate-brand-manager-chloe-bennett\n\
         create a-brand-new-persona\n\
         refuse clinical-operations-lead-sofia-castellano: personas[2].salary_median_usd: 1 is outside the range 150000 to 195000\n\
         dry run: 1 to create, 1 to update, 1 refused; nothing was written\n"
    );
    assert_eq!((export_all(&db), fingerprint(&db)), before);

    // Without the refused persona the dry run passes, and still writes nothing.
    b["personas"].as_array_mut().unwrap().truncate(2);
    let file = write(dir.path(), "plan2.json", &text(&b));
    let o = bin(&db, &["import", path_str(&file), "--dry-run"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "update associate-brand-manager-chloe-bennett\n\
         create a-brand-new-persona\n\
         dry run: 1 to create, 1 to update, 0 refused; nothing was written\n"
    );
    assert_eq!((export_all(&db), fingerprint(&db)), before);
    // The real import then does what the plan said.
    assert_eq!(
        ok(&db, &["import", path_str(&file)]),
        "1 created, 1 updated\n"
    );
}

#[test]
fn a_slug_owned_by_another_tenant_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tenants.db");
    ok(&db, &["init"]);
    ok(&db, &["--tenant", "other", "init"]);
    let mut b = demo_bundle();
    b["personas"].as_array_mut().unwrap().truncate(2);
    let file = write(dir.path(), "two.json", &text(&b));
    assert_eq!(
        ok(&db, &["--tenant", "other", "import", path_str(&file)]),
        "2 created, 0 updated\n"
    );
    let before = fingerprint(&db);
    let o = bin(&db, &["import", path_str(&file)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "refuse associate-brand-manager-chloe-bennett: personas[0].slug: \"associate-brand-manager-chloe-bennett\" belongs to a persona of another tenant (slugs are unique across tenants); rename it in the file, e.g. to \"associate-brand-manager-chloe-bennett-2\"\n\
             refuse clinical-data-manager-tomas-herrera: personas[1].slug: \"clinical-data-manager-tomas-herrera\" belongs to a persona of another tenant (slugs are unique across tenants); rename it in the file, e.g. to \"clinical-data-manager-tomas-herrera-2\"\n\
             nothing was imported: 2 refused personas in {}\n",
            file.display()
        )
    );
    assert_eq!(fingerprint(&db), before);
    assert_eq!(ok(&db, &["export", "--all"]), bundle_to_json(&[]));
    // The other tenant still updates its own.
    assert_eq!(
        ok(&db, &["--tenant", "other", "import", path_str(&file)]),
        "0 created, 2 updated\n"
    );
}

#[test]
fn plan_and_apply_through_the_library() {
    let mut store = Store::open_in_memory(None, "lib").unwrap();
    persona_studio::demo::load_demo(&mut store).unwrap();
    let one = transfer::export_json(
        &store,
        &Selection::Slugs(vec!["gxp-qa-lead-gareth-price".into()]),
    )
    .unwrap();
    let renamed = one.replace("gxp-qa-lead-gareth-price", "gxp-qa-lead-gareth-price-copy");
    let plan = transfer::plan_import(&store, &renamed).unwrap();
    assert_eq!(plan.items.len(), 1);
    assert_eq!(plan.items[0].action, Action::Create);
    assert_eq!(plan.lines(), ["create gxp-qa-lead-gareth-price-copy"]);
    assert_eq!(transfer::apply_import(&mut store, &plan).unwrap(), (1, 0));
    let plan = transfer::plan_import(&store, &renamed).unwrap();
    assert_eq!(plan.items[0].action, Action::Update { in_trash: false });

    // A trashed persona is updated where it is, and the plan says so.
    let id = store
        .load_by_slug("gxp-qa-lead-gareth-price-copy")
        .unwrap()
        .id
        .unwrap();
    store.soft_delete(&id).unwrap();
    let plan = transfer::plan_import(&store, &renamed).unwrap();
    assert_eq!(
        plan.lines(),
        ["update gxp-qa-lead-gareth-price-copy (in the trash; it stays there)"]
    );

    // The review workflow's moves are checked in the plan, not discovered while writing.
    let published = renamed.replace(
        "\"validation_status\": \"pending_review\"",
        "\"validation_status\": \"published\"",
    );
    assert_ne!(published, renamed, "the replacement hit");
    let plan = transfer::plan_import(&store, &published).unwrap();
    assert_eq!(
        plan.lines(),
        [
            "refuse gxp-qa-lead-gareth-price-copy: personas[0].validation_status: cannot move from pending_review to published; allowed from pending_review: validated, draft"
        ]
    );

    let bad = renamed.replace("\"salary_min_usd\": 85000", "\"salary_min_usd\": 999999");
    assert_ne!(bad, renamed, "the replacement hit");
    let plan = transfer::plan_import(&store, &bad).unwrap();
    assert!(!plan.is_clean());
    let before = transfer::export_json(&store, &Selection::All).unwrap();
    let err = transfer::apply_import(&mut store, &plan).unwrap_err();
    assert!(
        matches!(err, ImportError::Refused(ref v) if v.len() == 1),
        "{err:?}"
    );
    assert_eq!(
        transfer::export_json(&store, &Selection::All).unwrap(),
        before
    );

    let err = transfer::plan_import(&store, "nope").unwrap_err();
    assert_eq!(
        err.lines(),
        ["not valid JSON: expected ident at line 1 column 2"]
    );
}

// ---------------------------------------------------------------------------------------------
// Export: selection, errors, files, CSV, Markdown

#[test]
fn export_needs_slugs_or_all_and_known_slugs() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let o = bin(&db, &["export"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "persona-studio: nothing to export: give one or more persona slugs, or --all for every persona of tenant \"default\"\n"
    );
    let o = bin(&db, &["export", "no-such-persona"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "persona-studio: persona \"no-such-persona\" in tenant \"default\" (see `persona-studio list`) not found\n"
    );
    let o = bin(&db, &["export", "--all", "heor-lead-daniel-whitford"]);
    assert!(!o.status.success(), "slugs and --all conflict");
    let o = bin(&db, &["export", "--all", "--format", "xml"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("json, md, csv"), "{}", stderr(&o));

    // Named slugs come out in slug order, once each.
    let two: Json = serde_json::from_str(&ok(
        &db,
        &[
            "export",
            "vp-medical-affairs-robert-asante",
            "heor-lead-daniel-whitford",
            "vp-medical-affairs-robert-asante",
        ],
    ))
    .unwrap();
    let slugs: Vec<&str> = two["personas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        [
            "heor-lead-daniel-whitford",
            "vp-medical-affairs-robert-asante"
        ]
    );
}

#[test]
fn export_to_a_file_replaces_it_whole_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out_dir = dir.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let target = out_dir.join("personas.csv");
    fs::write(&target, "old content").unwrap();
    ok(
        &db,
        &[
            "export",
            "--all",
            "--format",
            "csv",
            "-o",
            path_str(&target),
        ],
    );
    let csv = fs::read_to_string(&target).unwrap();
    assert!(csv.starts_with("name,slug,title,"), "{csv}");
    assert_eq!(csv.matches("\r\n").count(), 17, "header and 16 records");
    let names: Vec<_> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["personas.csv"]);

    // The database file itself is never overwritten by an export.
    let before = fingerprint(&db);
    let o = bin(&db, &["export", "--all", "-o", path_str(&db)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "persona-studio: {} belongs to an SQLite database; choose another file for the export\n",
            db.display()
        )
    );
    assert_eq!(fingerprint(&db), before);

    // A failed export leaves the existing file as it was.
    let o = bin(&db, &["export", "nobody", "-o", path_str(&target)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&target).unwrap(), csv);
    let names: Vec<_> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["personas.csv"]);
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks() {
    let mut store = Store::open_in_memory(None, "csv").unwrap();
    let mut p = Persona::new_draft();
    p.set("name", Value::text("Okafor, Amara \"Ami\""));
    p.set("slug", Value::text("csv-probe"));
    p.set("title", Value::text("Plain title"));
    p.set("archetype", Value::text("LEARNER"));
    p.set("function_name", Value::text("R&D, \"Core\""));
    let saved = store.save(&p).unwrap();
    let csv = transfer::export_csv(&store, &Selection::All).unwrap();
    assert_eq!(
        csv,
        format!(
            "name,slug,title,archetype,function,seniority,validation_status,vpanes_total,priority_tier,updated_at\r\n\
             \"Okafor, Amara \"\"Ami\"\"\",csv-probe,Plain title,LEARNER,\"R&D, \"\"Core\"\"\",,draft,,,{}\r\n",
            saved.updated_at.unwrap()
        )
    );
    assert_eq!(transfer::csv::field("a\rb"), "\"a\rb\"");
    // A one-line field cannot hold a line break any more (issue 12); a cell with one is quoted.
    assert_eq!(transfer::csv::field("a\nb"), "\"a\nb\"");
    assert_eq!(transfer::csv::field("plain text"), "plain text");
    assert_eq!(transfer::csv::field(""), "");
}

#[test]
fn csv_and_markdown_follow_the_selection() {
    let mut store = Store::open_in_memory(None, "sel").unwrap();
    persona_studio::demo::load_demo(&mut store).unwrap();
    let skeptics = Selection::Filter(persona_studio::store::Filter {
        archetype: Some("SKEPTIC".into()),
        ..Default::default()
    });
    let csv = transfer::export_csv(&store, &skeptics).unwrap();
    let records: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(records.len() >= 2, "{csv}");
    assert!(
        records[1..].iter().all(|r| r.contains(",SKEPTIC,")),
        "{csv}"
    );
    let mut slugs: Vec<&str> = records[1..]
        .iter()
        .map(|r| r.split(',').nth(1).unwrap())
        .collect();
    let unsorted = slugs.clone();
    slugs.sort();
    assert_eq!(unsorted, slugs, "slug order");

    let md = transfer::export_markdown(&store, &skeptics).unwrap();
    assert_eq!(md.matches("\n\n---\n\n").count(), records.len() - 2);
    assert_eq!(md.matches("\n# ").count() + 1, records.len() - 1);
    assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
    assert_eq!(
        transfer::export_markdown(&store, &Selection::Slugs(vec![])).unwrap(),
        ""
    );
}

#[test]
fn markdown_card_of_a_demo_persona() {
    let mut store = Store::open_in_memory(None, "md").unwrap();
    persona_studio::demo::load_demo(&mut store).unwrap();
    let card = transfer::export_markdown(
        &store,
        &Selection::Slugs(vec!["msl-oncology-amara-okafor".into()]),
    )
    .unwrap();
    assert!(card.starts_with("# Dr. Amara Okafor\n"), "{card}");
    // The demo's published personas were validated by the loading user (their history is the
    // chain of moves, issue 12), whose id is new in every run.
    let validator = store
        .load_by_slug("msl-oncology-amara-okafor")
        .unwrap()
        .text("validated_by")
        .unwrap()
        .to_string();
    assert!(card.contains(&validator));
    insta::assert_snapshot!(
        "markdown_card_msl_oncology_amara_okafor",
        mask_timestamps(&card).replace(&validator, "[user id]")
    );
}

/// Replaces `2024-01-31T12:34:56.789Z` timestamps, which change every run, with a marker.
fn mask_timestamps(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < s.len() {
        let is_stamp = b.len() >= i + 20
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && b[i + 4] == b'-'
            && b[i + 10] == b'T'
            && b[i + 13] == b':';
        if is_stamp {
            let end = s[i..].find('Z').map_or(s.len(), |z| i + z + 1);
            out.push_str("[timestamp]");
            i = end;
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}
