//! The store: CRUD in one transaction, tenant scoping, optimistic concurrency, JSON round trip,
//! the spec matching the migrated schema, and the Rust and SQL rule functions agreeing.

mod common;
use common::*;

use persona_studio::catalog::{CHILD_SPECS, CORE_FIELDS};
use persona_studio::model::json::{bundle_from_json, bundle_to_json};
use persona_studio::model::{Persona, Value};
use persona_studio::rules;
use persona_studio::store::{Filter, SortKey, Store, StoreError, db};

/// A store on a scratch file (with the demo personas when `demo`) and a plain SQL connection
/// to the same file: another SQLite client.
fn file_store(demo: bool) -> (tempfile::TempDir, Store, rusqlite::Connection) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("api.db");
    let mut s = Store::open(&db, None, "tester").unwrap();
    if demo {
        persona_studio::demo::load_demo(&mut s).unwrap();
    }
    let sql = rusqlite::Connection::open(&db).unwrap();
    sql.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
    (dir, s, sql)
}

#[test]
fn every_spec_column_exists_in_the_migrated_schema() {
    let conn = db::open_in_memory().unwrap();
    let cols = |table: &str| -> Vec<(String, i64)> {
        let mut st = conn
            .prepare(&format!(
                "SELECT name, hidden FROM pragma_table_xinfo('{table}')"
            ))
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let personas = cols("personas");
    for f in CORE_FIELDS {
        assert!(
            personas.iter().any(|(n, _)| n == f.name),
            "personas.{} missing",
            f.name
        );
    }
    for spec in CHILD_SPECS {
        let table = cols(spec.table);
        assert!(!table.is_empty(), "{} missing", spec.table);
        for f in spec.fields {
            let col = table.iter().find(|(n, _)| n == f.name);
            assert!(col.is_some(), "{}.{} missing", spec.table, f.name);
            // Computed list columns are exactly the generated ones.
            let generated = col.unwrap().1 == 3;
            assert_eq!(generated, !f.is_writable(), "{}.{}", spec.table, f.name);
        }
        if let Some(o) = spec.order_column {
            assert!(table.iter().any(|(n, _)| n == o), "{}.{o}", spec.table);
        }
        // Every column of the table is described, except the store-owned ones.
        for (name, _) in &table {
            let owned = ["id", "persona_id", "tenant_id", "created_at", "updated_at"]
                .contains(&name.as_str())
                || Some(name.as_str()) == spec.order_column;
            assert!(
                owned || spec.field_index(name).is_some(),
                "{}.{name} has no description",
                spec.table
            );
        }
    }
    for (name, _) in &personas {
        let owned = [
            "id",
            "tenant_id",
            "role_id",
            "function_id",
            "department_id",
            "created_at",
            "updated_at",
            "deleted_at",
            "version",
        ]
        .contains(&name.as_str());
        assert!(
            owned || CORE_FIELDS.iter().any(|f| f.name == name),
            "personas.{name} has no description"
        );
    }
}

#[test]
fn sql_and_rust_rule_functions_agree_on_every_combination() {
    let conn = db::open_in_memory().unwrap();
    let tech = [
        None,
        Some("innovator"),
        Some("early_adopter"),
        Some("early_majority"),
        Some("late_majority"),
        Some("laggard"),
        Some("other"),
    ];
    let risk = [
        None,
        Some("very_low"),
        Some("low"),
        Some("moderate"),
        Some("high"),
        Some("very_high"),
    ];
    let change = [
        None,
        Some("resistant"),
        Some("low"),
        Some("moderate"),
        Some("high"),
        Some("very_high"),
    ];
    let mut ai: Vec<Option<f64>> = vec![None];
    ai.extend((0..=100).map(|i| Some(i as f64)));
    ai.extend([Some(19.99), Some(59.99), Some(60.01), Some(99.99)]);
    // An independent transcription of the design's §6.1 in plain SQL, to check the Rust rule
    // against, and the registered function (which wraps the Rust rule) against both.
    let independent = "SELECT CASE WHEN s >= 7 THEN 'expert' WHEN s >= 5 THEN 'advanced' WHEN s >= 3 THEN 'proficient' \
        WHEN s >= 1 THEN 'developing' ELSE 'beginner' END FROM (SELECT coalesce(?1, 50) / 20.0 \
        + CASE ?2 WHEN 'innovator' THEN 2.0 WHEN 'early_adopter' THEN 1.0 WHEN 'late_majority' THEN -1.0 WHEN 'laggard' THEN -2.0 ELSE 0 END \
        + CASE WHEN ?3 IN ('high','very_high') THEN 1.0 WHEN ?3 IN ('low','very_low') THEN -1.0 ELSE 0 END \
        + CASE WHEN ?4 IN ('high','very_high') THEN 1.0 WHEN ?4 IN ('low','resistant') THEN -1.0 ELSE 0 END AS s)";
    let mut plain = conn.prepare(independent).unwrap();
    let mut registered = conn
        .prepare("SELECT calculate_gen_ai_readiness_level(?1, ?2, ?3, ?4)")
        .unwrap();
    let mut n = 0;
    for a in &ai {
        for t in tech {
            for r in risk {
                for c in change {
                    let rust = rules::calculate_gen_ai_readiness_level(*a, t, r, c);
                    let p: String = plain
                        .query_row(rusqlite::params![a, t, r, c], |x| x.get(0))
                        .unwrap();
                    let g: String = registered
                        .query_row(rusqlite::params![a, t, r, c], |x| x.get(0))
                        .unwrap();
                    assert_eq!(
                        (rust, rust),
                        (p.as_str(), g.as_str()),
                        "ai={a:?} tech={t:?} risk={r:?} change={c:?}"
                    );
                    n += 1;
                }
            }
        }
    }
    assert!(n > 25_000);
    let archetypes = [
        None,
        Some("AUTOMATOR"),
        Some("ORCHESTRATOR"),
        Some("LEARNER"),
        Some("SKEPTIC"),
        Some("X"),
    ];
    let patterns = [None, Some("routine"), Some("strategic"), Some("mixed")];
    let plain_layer = "SELECT CASE WHEN ?1 = 'AUTOMATOR' THEN 'WORKFLOWS' WHEN ?1 = 'ORCHESTRATOR' AND ?2 = 'strategic' THEN 'SOLUTION_BUILDER' \
        WHEN ?1 = 'ORCHESTRATOR' THEN 'ASK_PANEL' WHEN ?1 = 'LEARNER' THEN 'ASK_EXPERT' WHEN ?1 = 'SKEPTIC' THEN 'ASK_PANEL' ELSE 'MIXED' END";
    for a in archetypes {
        for w in patterns {
            let rust = rules::infer_preferred_service_layer(a, w);
            let p: String = conn
                .query_row(plain_layer, rusqlite::params![a, w], |x| x.get(0))
                .unwrap();
            let g: String = conn
                .query_row(
                    "SELECT infer_preferred_service_layer(?1, ?2)",
                    rusqlite::params![a, w],
                    |x| x.get(0),
                )
                .unwrap();
            assert_eq!((rust, rust), (p.as_str(), g.as_str()), "{a:?} {w:?}");
        }
    }
}

#[test]
fn generated_tier_matches_the_rust_tier_at_the_boundaries() {
    let (_dir, mut s, conn) = file_store(false);
    let mut p = Persona::new_draft();
    p.set("name", Value::text("Tier probe"));
    p.set("slug", Value::text("tier-probe"));
    let p = s.save(&p).unwrap();
    let id = p.id.clone().unwrap();
    for total in [15.9, 16.0, 30.9, 31.0, 45.9, 46.0] {
        conn.execute(
            "DELETE FROM persona_vpanes_scoring WHERE persona_id = ?1",
            [&id],
        )
        .unwrap();
        // Spread the total over six scores of one decimal each.
        let base = (total * 10.0_f64).round() as i64;
        let parts: Vec<f64> = (0..6)
            .map(|i| ((base / 6) + i64::from(i < base % 6)) as f64 / 10.0)
            .collect();
        conn.execute(
            "INSERT INTO persona_vpanes_scoring (persona_id, visibility, pain, actions, needs, emotions, scenarios) VALUES (?1,?2,?3,?4,?5,?6,?7)",
            rusqlite::params![id, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]],
        )
        .unwrap();
        let (t, tier): (f64, String) = conn
            .query_row("SELECT total_score, priority_tier FROM persona_vpanes_scoring WHERE persona_id = ?1", [&id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(t, total);
        let parts6: [Option<f64>; 6] = std::array::from_fn(|i| Some(parts[i]));
        assert_eq!(rules::vpanes_total(parts6), Some(total));
        assert_eq!(tier, rules::vpanes_tier(Some(total)), "total {total}");
    }
}

#[test]
fn json_round_trip_of_the_demo_set_is_byte_identical() {
    let s = demo_store();
    let all = s
        .summaries(&Filter::default(), SortKey::Name, false, 0, 1000)
        .unwrap();
    let personas: Vec<Persona> = all.iter().map(|x| s.load(&x.id).unwrap()).collect();
    let first = bundle_to_json(&personas);
    let mut fresh = store();
    let parsed = bundle_from_json(&first, Some(fresh.lookups())).unwrap();
    assert_eq!(fresh.save_all(&parsed).unwrap(), (personas.len(), 0));
    let again: Vec<Persona> = all
        .iter()
        .map(|x| fresh.load_by_slug(&x.slug).unwrap())
        .collect();
    assert_eq!(bundle_to_json(&again), first);
    // Importing the same file again updates, creates nothing.
    assert_eq!(fresh.save_all(&parsed).unwrap(), (0, personas.len()));
}

#[test]
fn bad_bundles_name_the_json_path() {
    let s = store();
    let bad = r#"{"format_version":1,"personas":[{"name":"A","slug":"a","pain_points":[{"pain_point":"x"},{"pain_point":"y","severity":"urgent"}]}]}"#;
    let err = bundle_from_json(bad, Some(s.lookups())).unwrap_err();
    assert_eq!(err, vec![r#"personas[0].pain_points[1].severity: "urgent" is not one of low, medium, high, critical"#.to_string()]);
    let newer = r#"{"format_version":99,"personas":[]}"#;
    assert!(bundle_from_json(newer, None).unwrap_err()[0].contains("format_version: 99"));
    let dup =
        r#"{"format_version":1,"personas":[{"name":"A","slug":"a"},{"name":"B","slug":"a"}]}"#;
    assert!(bundle_from_json(dup, None).unwrap_err()[0].contains("personas[1].slug"));
    let typed = r#"{"format_version":1,"personas":[{"name":"A","slug":"a","ai_maturity_score":"high","nope":1}]}"#;
    let e = bundle_from_json(typed, None).unwrap_err();
    assert!(
        e.iter()
            .any(|m| m == r#"personas[0].ai_maturity_score: "high" is not a number"#),
        "{e:?}"
    );
    assert!(
        e.iter().any(|m| m == "personas[0].nope: unknown field"),
        "{e:?}"
    );
}

#[test]
fn save_is_one_transaction_and_a_failure_writes_nothing() {
    let mut s = demo_store();
    let before = s.load_by_slug("msl-oncology-amara-okafor").unwrap();
    let mut p = before.clone();
    p.set("tagline", Value::text("changed"));
    // A slug taken by another persona fails in the database after the core row was updated.
    p.set("slug", Value::text("heor-lead-daniel-whitford"));
    let err = s.save(&p).unwrap_err();
    assert!(
        matches!(&err, StoreError::Duplicate { column, across_tenants: true, .. } if column == "slug"),
        "{err}"
    );
    assert!(err.to_string().contains("personas.slug"), "{err}");
    assert_eq!(s.load_by_slug("msl-oncology-amara-okafor").unwrap(), before);
}

#[test]
fn soft_delete_restore_and_duplicate() {
    let (_dir, mut s, sql) = file_store(true);
    let n = s.count(&Filter::default()).unwrap();
    let p = s.load_by_slug("msl-oncology-amara-okafor").unwrap();
    let id = p.id.clone().unwrap();
    s.soft_delete(&id).unwrap();
    assert_eq!(s.count(&Filter::default()).unwrap(), n - 1);
    assert_eq!(
        s.count(&Filter {
            deleted: true,
            ..Default::default()
        })
        .unwrap(),
        1
    );
    let in_view: i64 = sql
        .query_row(
            "SELECT count(*) FROM v_personas_summary WHERE id = ?1",
            [&id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(in_view, 0);
    s.restore(&id).unwrap();
    assert_eq!(s.count(&Filter::default()).unwrap(), n);
    let copy = s.duplicate(&id).unwrap();
    assert_eq!(copy.slug(), "msl-oncology-amara-okafor-copy");
    let saved = s.save(&copy).unwrap();
    assert_eq!(saved.list("goals").len(), p.list("goals").len());
    assert_ne!(saved.id, p.id);
}

#[test]
fn a_stale_save_is_refused_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.db");
    let mut a = Store::open(&path, None, "alice").unwrap();
    persona_studio::demo::load_demo(&mut a).unwrap();
    let mut b = Store::open(&path, None, "bob").unwrap();
    let pa = a.load_by_slug("msl-oncology-amara-okafor").unwrap();
    let mut pb = b.load_by_slug("msl-oncology-amara-okafor").unwrap();
    let mut pa2 = pa.clone();
    pa2.set("tagline", Value::text("Alice's"));
    a.save(&pa2).unwrap();
    pb.set("tagline", Value::text("Bob's"));
    let err = b.save(&pb).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err}");
    assert_eq!(
        b.load_by_slug("msl-oncology-amara-okafor")
            .unwrap()
            .get("tagline"),
        &Value::text("Alice's")
    );
    b.save_overwriting(&pb).unwrap();
    assert_eq!(
        a.load_by_slug("msl-oncology-amara-okafor")
            .unwrap()
            .get("tagline"),
        &Value::text("Bob's")
    );
}

#[test]
fn tenants_see_only_their_own_personas() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut d = Store::open(&path, None, "u").unwrap();
    persona_studio::demo::load_demo(&mut d).unwrap();
    d.add_tenant("acme", "Acme").unwrap();
    let mut acme = Store::open(&path, Some("acme"), "u").unwrap();
    assert_eq!(acme.count(&Filter::default()).unwrap(), 0);
    assert_eq!(
        acme.count(&Filter {
            text: "oncology".into(),
            ..Default::default()
        })
        .unwrap(),
        0
    );
    assert!(acme.load_by_slug("msl-oncology-amara-okafor").is_err());
    let foreign = d
        .load_by_slug("msl-oncology-amara-okafor")
        .unwrap()
        .id
        .unwrap();
    assert!(acme.load(&foreign).is_err());
    assert!(acme.soft_delete(&foreign).is_err());
    let mut p = Persona::new_draft();
    p.set("name", Value::text("Acme only"));
    p.set("slug", Value::text("acme-only"));
    acme.save(&p).unwrap();
    assert_eq!(acme.count(&Filter::default()).unwrap(), 1);
    assert!(d.load_by_slug("acme-only").is_err());
    assert_eq!(
        d.count(&Filter {
            text: "acme".into(),
            ..Default::default()
        })
        .unwrap(),
        0
    );
    assert!(matches!(
        Store::open(&path, Some("nobody"), "u"),
        Err(StoreError::UnknownTenant(_))
    ));
}

#[test]
fn demo_data_passes_check_and_covers_the_design() {
    let s = demo_store();
    let report = s.check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(report.personas_checked >= 12);
    let all = s
        .summaries(&Filter::default(), SortKey::Name, false, 0, 1000)
        .unwrap();
    for a in persona_studio::catalog::enums::ARCHETYPES {
        assert!(
            all.iter().any(|x| x.archetype.as_deref() == Some(a)),
            "no {a}"
        );
    }
    for st in persona_studio::catalog::enums::VALIDATION_STATUSES {
        assert!(
            all.iter()
                .any(|x| x.validation_status.as_deref() == Some(st)),
            "no {st}"
        );
    }
    for x in &all {
        let p = s.load(&x.id).unwrap();
        let filled = p.lists.iter().filter(|l| !l.is_empty()).count();
        assert!(filled >= 10, "{} fills {filled} lists", x.slug);
        assert!(p.has_vpanes(), "{} has no VPANES", x.slug);
    }
}

#[test]
fn check_reports_a_stored_readiness_that_disagrees() {
    let (_dir, s, sql) = file_store(true);
    sql.execute("UPDATE personas SET gen_ai_readiness_level = 'expert', ai_maturity_score = 0 WHERE slug = 'msl-oncology-amara-okafor'", [])
        .unwrap();
    let report = s.check().unwrap();
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert!(report.problems[0].contains("msl-oncology-amara-okafor"));
}

#[test]
fn org_names_are_synced_from_org_tables_by_trigger() {
    let (_dir, mut s, sql) = file_store(false);
    let mut p = Persona::new_draft();
    p.set("name", Value::text("Org probe"));
    p.set("slug", Value::text("org-probe"));
    p.set("function_name", Value::text("Medical Affairs"));
    p.set("department_name", Value::text("Field Medical"));
    p.set("role_name", Value::text("Medical Science Liaison"));
    let saved = s.save(&p).unwrap();
    assert_eq!(
        saved.get("role_slug"),
        &Value::text("medical-science-liaison")
    );
    sql.execute(
        "UPDATE org_functions SET name = 'Medical', slug = 'medical'",
        [],
    )
    .unwrap();
    let again = s.load_by_slug("org-probe").unwrap();
    assert_eq!(again.get("function_name"), &Value::text("Medical"));
    assert_eq!(again.get("function_slug"), &Value::text("medical"));
    let dept_fn: Option<String> = sql
        .query_row("SELECT function_id FROM org_departments", [], |r| r.get(0))
        .unwrap();
    assert!(
        dept_fn.is_some(),
        "a department is attached to the persona's function"
    );
}

#[test]
fn the_bundle_carries_the_status_history() {
    let mut s = demo_store();
    let p = s.load_by_slug("gxp-qa-lead-gareth-price").unwrap();
    s.move_status(
        p.id.as_deref().unwrap(),
        "draft",
        Some("More evidence, please"),
        None,
    )
    .unwrap();
    let p = s.load_by_slug("gxp-qa-lead-gareth-price").unwrap();
    let text = bundle_to_json(std::slice::from_ref(&p));
    assert!(
        text.contains("\"status_history\"") && text.contains("More evidence, please"),
        "{text}"
    );
    let mut other = store();
    let parsed = bundle_from_json(&text, Some(other.lookups())).unwrap();
    other.save_all(&parsed).unwrap();
    let copy = other.load_by_slug("gxp-qa-lead-gareth-price").unwrap();
    assert_eq!(copy.history, p.history, "the history arrives as it was");
    assert_eq!(
        copy.history.last().unwrap().changed_by.as_deref(),
        Some("tester")
    );
    let bad = text.replace("\"to_status\": \"draft\"", "\"to_status\": \"limbo\"");
    let err = bundle_from_json(&bad, None).unwrap_err();
    assert!(
        err[0].starts_with("personas[0].status_history[")
            && err[0].contains("\"limbo\" is not one of"),
        "{err:?}"
    );
}
