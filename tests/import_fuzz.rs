//! Fuzzing the importer: random bytes, random JSON shaped like bundles (right and wrong keys,
//! random types and values, random nesting) and random mutations of the demo bundle never
//! panic `bundle_from_json` or `plan_import`, every error names a JSON path, planning never
//! writes, and an import that fails leaves the database exactly as it was.
//!
//! A small seeded generator instead of a fuzzing crate: no new dependency, runs in the normal
//! test suite, and a failure prints the seed and case to replay. `PERSONA_FUZZ_SEED` and
//! `PERSONA_FUZZ_CASES` (per generator) run other or longer campaigns.

use persona_studio::catalog::enums::VALIDATION_STATUSES;
use persona_studio::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality, FieldSpec, Kind, Lookups};
use persona_studio::model::Persona;
use persona_studio::model::json::bundle_from_json;
use persona_studio::store::Store;
use persona_studio::transfer::{self, ImportError, Selection};
use serde_json::{Map, Value as Json, json};

#[path = "common/fingerprint.rs"]
mod fingerprint;

/// SplitMix64: tiny, fast and good enough to pick test inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn seed() -> u64 {
    std::env::var("PERSONA_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_2024)
}

fn cases(default: usize) -> usize {
    std::env::var("PERSONA_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

const OTHER_TENANT_SLUG: &str = "owned-by-another-tenant";

/// The demo set in the default tenant, and one persona in a second tenant, in a scratch file
/// that `fingerprint` reads with a connection of its own.
fn fuzz_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("fuzz.db"), None, "fuzzer").unwrap();
    persona_studio::demo::load_demo(&mut store).unwrap();
    store.add_tenant("other", "Other").unwrap();
    store.switch_tenant("other").unwrap();
    let mut p = Persona::new_draft();
    p.set("name", persona_studio::model::Value::text("Elsewhere"));
    p.set(
        "slug",
        persona_studio::model::Value::text(OTHER_TENANT_SLUG),
    );
    store.save(&p).unwrap();
    store.switch_tenant("default").unwrap();
    (dir, store)
}

thread_local! {
    /// One reading connection a test (each test runs on a thread of its own): opening one
    /// per fingerprint, two a case, made this file ten times slower.
    static READER: std::cell::RefCell<Option<(std::path::PathBuf, rusqlite::Connection)>> =
        const { std::cell::RefCell::new(None) };
}

/// Row counts of every table and each persona's id, version and timestamps, in all tenants.
fn fingerprint(store: &Store) -> Vec<String> {
    let path = store.path().expect("a file store").to_path_buf();
    READER.with(|r| {
        let mut r = r.borrow_mut();
        if r.as_ref().map(|(p, _)| p) != Some(&path) {
            *r = Some((path.clone(), rusqlite::Connection::open(&path).unwrap()));
        }
        let (_, conn) = r.as_ref().expect("opened above");
        fingerprint::fingerprint(conn)
    })
}

#[derive(Default, Debug)]
struct Tally {
    invalid: usize,
    refused: usize,
    applied: usize,
}

/// The properties, for one input text.
fn check(store: &mut Store, text: &str, tally: &mut Tally, what: &str) {
    let _ = bundle_from_json(text, None);
    let parsed = bundle_from_json(text, Some(store.lookups()));
    let before = fingerprint(store);
    let plan = transfer::plan_import(store, text);
    assert_eq!(
        fingerprint(store),
        before,
        "{what}: planning wrote to the database"
    );
    let plan = match plan {
        Err(ImportError::Invalid(lines)) => {
            assert!(parsed.is_err(), "{what}: plan and parser disagree");
            assert!(!lines.is_empty(), "{what}: an invalid file with no error");
            for l in &lines {
                let named = [
                    "not valid JSON: ",
                    "$: ",
                    "$.",
                    "format_version: ",
                    "personas",
                ]
                .iter()
                .any(|p| l.starts_with(p));
                assert!(named, "{what}: error without a JSON path: {l}");
            }
            tally.invalid += 1;
            return;
        }
        Err(other) => panic!("{what}: unexpected error {other:?}"),
        Ok(plan) => plan,
    };
    assert!(
        parsed.is_ok(),
        "{what}: plan accepted what the parser refused"
    );
    assert_eq!(plan.items.len(), parsed.map(|v| v.len()).unwrap_or(0));
    match transfer::apply_import(store, &plan) {
        Err(e) => {
            assert_eq!(
                fingerprint(store),
                before,
                "{what}: a failed import wrote: {e}"
            );
            match e {
                ImportError::Refused(_) => {
                    assert!(!plan.is_clean(), "{what}");
                    tally.refused += 1;
                }
                // The plan checks everything the store checks (values, rules, slugs of
                // other tenants, workflow moves), so a clean plan must not fail here.
                ImportError::Store(e) => panic!("{what}: a clean plan failed on write: {e}"),
                other => panic!("{what}: unexpected error {other:?}"),
            }
        }
        Ok((created, updated)) => {
            assert!(plan.is_clean(), "{what}: applied a plan with refusals");
            assert_eq!(created + updated, plan.items.len(), "{what}");
            tally.applied += 1;
            // Updates are slow (the search index is rebuilt per list row), so the round trip
            // is checked on a share of the cases.
            if tally.applied % 4 != 1 {
                return;
            }
            // What was written exports, re-imports and exports again unchanged.
            let slugs: Vec<String> = plan
                .items
                .iter()
                .map(|i| i.persona.slug().to_string())
                .collect();
            let sel = Selection::Slugs(slugs);
            let first = transfer::export_json(store, &sel).unwrap();
            let again = transfer::plan_import(store, &first).unwrap();
            transfer::apply_import(store, &again).unwrap();
            let second = transfer::export_json(store, &sel).unwrap();
            assert_eq!(first, second, "{what}: export -> import -> export changed");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Generators

fn keys() -> Vec<&'static str> {
    let mut k: Vec<&str> = vec![
        "format_version",
        "personas",
        "id",
        "",
        "Name",
        "slug ",
        "__proto__",
        "persona_pain_points",
        "total_score",
        "created_at",
    ];
    k.extend(CORE_FIELDS.iter().map(|f| f.name));
    for spec in CHILD_SPECS {
        k.push(spec.key);
        k.extend(spec.fields.iter().map(|f| f.name));
    }
    k
}

fn strings(lookups: &Lookups) -> Vec<String> {
    let mut s: Vec<String> = [
        "",
        "   ",
        "\n",
        "urgent",
        "draft",
        "published",
        "ORCHESTRATOR",
        "orchestrator",
        "2024-02-29",
        "2023-02-29",
        "2024-13-01",
        "1999-1-1",
        "23:59",
        "24:00",
        "8:30",
        "a--b",
        "-lead",
        "UPPER",
        "msl-oncology-amara-okafor",
        "heor-lead-daniel-whitford",
        OTHER_TENANT_SLUG,
        "fresh-slug",
        "Medical Affairs",
        "medical affairs",
        "Medical  Affairs ",
        "é",
        "\u{0}",
        "\u{202e}rtl",
        "🚀🚀",
        "line one\nline two",
        "quote \" and backslash \\",
        "1e400",
        "NaN",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    s.push("x".repeat(5000));
    for codes in lookups.tables.values() {
        s.extend(codes.iter().map(|(c, _)| c.clone()));
    }
    s
}

fn random_number(rng: &mut Rng) -> Json {
    match rng.below(12) {
        0 => json!(0),
        1 => json!(-1),
        2 => json!(i64::MAX),
        3 => json!(i64::MIN),
        4 => json!(u64::MAX),
        5 => json!(1e308),
        6 => json!(-0.0),
        7 => json!(0.5),
        8 => json!(10.05),
        9 => json!(rng.below(200) as f64 / 10.0),
        10 => json!(rng.below(3000) as i64 - 500),
        _ => json!(rng.next() as i64),
    }
}

/// Any JSON value, nested up to `depth`.
fn random_json(rng: &mut Rng, depth: usize, keys: &[&str], strings: &[String]) -> Json {
    let kinds = if depth == 0 { 4 } else { 6 };
    match rng.below(kinds) {
        0 => Json::Null,
        1 => json!(rng.chance(50)),
        2 => random_number(rng),
        3 => json!(rng.pick(strings)),
        4 => Json::Array(
            (0..rng.below(4))
                .map(|_| random_json(rng, depth - 1, keys, strings))
                .collect(),
        ),
        _ => {
            let mut m = Map::new();
            for _ in 0..rng.below(5) {
                let k = if rng.chance(85) {
                    rng.pick(keys).to_string()
                } else {
                    format!("k{}", rng.below(100))
                };
                m.insert(k, random_json(rng, depth - 1, keys, strings));
            }
            Json::Object(m)
        }
    }
}

/// A value of the column's kind: mostly valid, sometimes at or past its limits.
fn value_for(rng: &mut Rng, f: &FieldSpec, lookups: &Lookups, strings: &[String]) -> Json {
    if rng.chance(8) {
        return random_json(rng, 2, &[f.name], strings);
    }
    match f.kind {
        Kind::Text | Kind::LongText | Kind::Org(_) => json!(rng.pick(strings)),
        Kind::Int { min, max } => match rng.below(6) {
            0 => json!(min),
            1 => json!(max),
            2 => json!(max.saturating_add(1)),
            _ => json!(min + (rng.next() % ((max - min) as u64 + 1)) as i64),
        },
        Kind::Decimal { min, max, places } => {
            let scale = 10f64.powi(i32::from(places) + i32::from(rng.chance(10)));
            let steps = ((max - min) * scale) as u64 + 1;
            json!(min + (rng.next() % steps) as f64 / scale)
        }
        Kind::Bool => json!(rng.chance(50)),
        Kind::Choice(options) => json!(rng.pick(options)),
        Kind::Lookup(table) => {
            let codes = lookups.codes(table);
            if codes.is_empty() || rng.chance(10) {
                json!("not-a-code")
            } else {
                json!(rng.pick(&codes))
            }
        }
        Kind::Date => json!(format!(
            "{:04}-{:02}-{:02}",
            1900 + rng.below(200),
            1 + rng.below(13),
            1 + rng.below(31)
        )),
        Kind::Time => json!(format!("{:02}:{:02}", rng.below(25), rng.below(61))),
        Kind::Slug => json!(format!("fuzz-{}", rng.below(50))),
        Kind::Computed => json!(rng.below(100)),
    }
}

fn fields_object(
    rng: &mut Rng,
    fields: &[FieldSpec],
    lookups: &Lookups,
    strings: &[String],
    keys: &[&str],
) -> Map<String, Json> {
    let mut m = Map::new();
    for f in fields {
        let p = if f.required { 92 } else { 35 };
        if rng.chance(p) {
            m.insert(f.name.to_string(), value_for(rng, f, lookups, strings));
        }
    }
    if rng.chance(4) {
        m.insert(
            rng.pick(keys).to_string(),
            random_json(rng, 2, keys, strings),
        );
    }
    m
}

/// An object shaped like a persona: known columns with plausible values, lists of rows, and
/// now and then a wrong key or type.
fn random_persona(rng: &mut Rng, lookups: &Lookups, strings: &[String], keys: &[&str]) -> Json {
    let mut m = fields_object(rng, CORE_FIELDS, lookups, strings, keys);
    if rng.chance(25) {
        let slug = *rng.pick(&[
            "msl-oncology-amara-okafor",
            "heor-lead-daniel-whitford",
            OTHER_TENANT_SLUG,
            "fuzz-0",
        ]);
        m.insert("slug".into(), json!(slug));
    }
    for spec in CHILD_SPECS {
        if !rng.chance(30) {
            continue;
        }
        let row =
            |rng: &mut Rng| Json::Object(fields_object(rng, spec.fields, lookups, strings, keys));
        let v = match (spec.cardinality, rng.below(10)) {
            (_, 0) => random_json(rng, 3, keys, strings),
            (Cardinality::One, _) => row(rng),
            (Cardinality::Many, _) => Json::Array((0..rng.below(4)).map(|_| row(rng)).collect()),
        };
        m.insert(spec.key.to_string(), v);
    }
    Json::Object(m)
}

fn random_bundle(rng: &mut Rng, lookups: &Lookups, strings: &[String], keys: &[&str]) -> Json {
    let mut m = Map::new();
    if rng.chance(90) {
        let v = if rng.chance(85) {
            json!(1)
        } else {
            random_json(rng, 1, keys, strings)
        };
        m.insert("format_version".into(), v);
    }
    let personas = if rng.chance(92) {
        Json::Array(
            (0..rng.below(4))
                .map(|_| random_persona(rng, lookups, strings, keys))
                .collect(),
        )
    } else {
        random_json(rng, 3, keys, strings)
    };
    m.insert("personas".into(), personas);
    if rng.chance(5) {
        m.insert(
            rng.pick(keys).to_string(),
            random_json(rng, 2, keys, strings),
        );
    }
    Json::Object(m)
}

/// Changes one random node of `j`: replaced, removed, given a new key or duplicated.
fn mutate(rng: &mut Rng, j: &mut Json, keys: &[&str], strings: &[String]) {
    let mut node = j;
    // Walk down a random path, stopping at random.
    for _ in 0..8 {
        let len = match &*node {
            Json::Object(m) => m.len(),
            Json::Array(a) => a.len(),
            _ => 0,
        };
        if len == 0 || rng.chance(25) {
            break;
        }
        let i = rng.below(len);
        node = match node {
            Json::Object(m) => m.values_mut().nth(i).unwrap(),
            Json::Array(a) => &mut a[i],
            _ => unreachable!(),
        };
    }
    match (rng.below(5), &mut *node) {
        (0, Json::Object(m)) if !m.is_empty() => {
            let k = m.keys().nth(rng.below(m.len())).unwrap().clone();
            m.remove(&k);
        }
        (1, Json::Object(m)) => {
            m.insert(
                rng.pick(keys).to_string(),
                random_json(rng, 2, keys, strings),
            );
        }
        (2, Json::Array(a)) if !a.is_empty() => {
            let copy = a[rng.below(a.len())].clone();
            a.push(copy);
        }
        (3, Json::String(_)) => *node = json!(rng.pick(strings)),
        _ => *node = random_json(rng, 2, keys, strings),
    }
}

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn random_bytes_never_panic_and_never_write() {
    let (_dir, mut store) = fuzz_store();
    let mut rng = Rng(seed());
    let prefixes: [&[u8]; 4] = [
        b"",
        b"{\"format_version\": 1, \"personas\": [",
        b"{\"format_version\": 1, \"personas\": [{\"name\": \"",
        b"\xEF\xBB\xBF{",
    ];
    let mut tally = Tally::default();
    for case in 0..cases(600) {
        let mut bytes = rng.pick(&prefixes).to_vec();
        let max = if rng.chance(10) { 4000 } else { 200 };
        let n = rng.below(max);
        bytes.extend((0..n).map(|_| {
            if rng.chance(70) {
                *rng.pick(b"{}[]\":,0123456789.-eE truenulfasx\\\n")
            } else {
                rng.next() as u8
            }
        }));
        let what = format!("seed {} bytes case {case}", seed());
        if let Ok(text) = transfer::file::decode(bytes.clone(), "fuzz") {
            check(&mut store, &text, &mut tally, &what);
        }
        check(
            &mut store,
            &String::from_utf8_lossy(&bytes),
            &mut tally,
            &what,
        );
    }
    eprintln!("{tally:?}");
    assert!(tally.invalid > 0, "{tally:?}");
}

#[test]
fn random_bundle_shaped_json_never_panics_and_failures_never_write() {
    let (_dir, mut store) = fuzz_store();
    let lookups = store.lookups().clone();
    let (keys, strings) = (keys(), strings(&lookups));
    let mut rng = Rng(seed() ^ 0xB0B);
    let mut tally = Tally::default();
    for case in 0..cases(700) {
        let bundle = random_bundle(&mut rng, &lookups, &strings, &keys);
        let text = if rng.chance(50) {
            serde_json::to_string(&bundle).unwrap()
        } else {
            serde_json::to_string_pretty(&bundle).unwrap()
        };
        check(
            &mut store,
            &text,
            &mut tally,
            &format!("seed {} json case {case}", seed()),
        );
    }
    eprintln!("{tally:?}");
    // The generator reaches every outcome, so the properties are exercised, not skipped.
    assert!(tally.invalid > 0 && tally.applied > 0, "{tally:?}");
}

#[test]
fn mutated_demo_bundles_never_panic_and_failures_never_write() {
    let (_dir, mut store) = fuzz_store();
    let lookups = store.lookups().clone();
    let (keys, strings) = (keys(), strings(&lookups));
    let demo: Json =
        serde_json::from_str(&transfer::export_json(&store, &Selection::All).unwrap()).unwrap();
    let personas = demo["personas"].as_array().unwrap().clone();
    let mut rng = Rng(seed() ^ 0xDE30);
    let mut tally = Tally::default();
    for case in 0..cases(250) {
        let mut picked: Vec<Json> = (0..1 + rng.below(2))
            .map(|_| rng.pick(&personas).clone())
            .collect();
        // Values valid alone that the database or the store's rules refuse.
        for p in &mut picked {
            match rng.below(10) {
                0 => p["salary_min_usd"] = json!(99_999_999),
                1 => p["slug"] = json!(OTHER_TENANT_SLUG),
                2 => p["validation_status"] = json!(rng.pick(VALIDATION_STATUSES)),
                _ => {}
            }
        }
        let mut bundle = json!({"format_version": 1, "personas": picked});
        for _ in 0..rng.below(4) {
            mutate(&mut rng, &mut bundle, &keys, &strings);
        }
        let mut text = serde_json::to_string(&bundle).unwrap();
        if rng.chance(10) {
            let mut cut = rng.below(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
        }
        check(
            &mut store,
            &text,
            &mut tally,
            &format!("seed {} mutation case {case}", seed()),
        );
    }
    eprintln!("{tally:?}");
    assert!(
        tally.invalid > 0 && tally.applied > 0 && tally.refused > 0,
        "{tally:?}"
    );
}

#[test]
fn deep_nesting_and_huge_numbers_are_errors_not_crashes() {
    let (_dir, mut store) = fuzz_store();
    let mut tally = Tally::default();
    let deep = format!(
        "{{\"format_version\": 1, \"personas\": [{{\"name\": \"Deep\", \"slug\": \"deep\", \"pain_points\": {}{}}}]}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    check(&mut store, &deep, &mut tally, "deep arrays");
    let deep_objects = format!(
        "{{\"format_version\": 1, \"personas\": [{}{}]}}",
        "{\"a\":".repeat(50_000),
        "}".repeat(50_000)
    );
    check(&mut store, &deep_objects, &mut tally, "deep objects");
    for n in [
        "1e400",
        "-1e400",
        "18446744073709551616",
        "1.0e-400",
        "9223372036854775808",
    ] {
        let text = format!(
            "{{\"format_version\": {n}, \"personas\": [{{\"name\": \"N\", \"slug\": \"n\", \"team_size_typical\": {n}, \"ai_maturity_score\": {n}}}]}}"
        );
        check(&mut store, &text, &mut tally, n);
    }
    assert_eq!(tally.applied, 0, "{tally:?}");
    assert_eq!(tally.invalid, 7, "{tally:?}");
}
