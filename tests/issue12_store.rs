//! Issue 12 at the store: organisation names (point 1), forged review (point 2), import cost
//! (point 3) and `check` (point 8). Each test is named after its point.

mod common;

use persona_studio::catalog::{OrgKind, org_name_column};
use persona_studio::model::json::bundle_from_json;
use persona_studio::model::{Persona, Value};
use persona_studio::store::Store;

/// The demo's first persona as a new draft with this slug and no history.
fn draft(store: &Store, slug: &str) -> Persona {
    let mut p = bundle_from_json(persona_studio::demo::DEMO_JSON, Some(store.lookups()))
        .unwrap()
        .remove(0);
    p.set("slug", Value::text(slug));
    p.set("name", Value::text(slug));
    p.set("validation_status", Value::text("draft"));
    p.history.clear();
    p
}

fn with_orgs(store: &Store, slug: &str, names: [&str; 3]) -> Persona {
    let mut p = draft(store, slug);
    for (kind, name) in OrgKind::ALL.into_iter().zip(names) {
        p.set(org_name_column(kind), Value::text(name));
    }
    p
}

#[test]
fn p1_non_latin_org_names_stay_apart() {
    let mut store = common::store();
    let people = [
        ("jp", ["研究開発", "営業", "Ventes"]),
        ("ar", ["البحث والتطوير", "المبيعات", "Ventes"]),
        ("ru", ["Исследования", "Продажи", "Продажи"]),
        ("c1", ["Commercial", "Commercial!!", "Café"]),
        ("c2", ["COMMERCIAL", "  Commercial  ", "Cafe\u{301}"]),
        ("c3", ["Commercial!!", "commercial", "CAFÉ"]),
    ];
    let personas: Vec<Persona> = people
        .iter()
        .map(|(slug, names)| with_orgs(&store, slug, *names))
        .collect();
    // Through the import path (the bulk writer) and through a single save.
    store.save_all(&personas[..3]).unwrap();
    for p in &personas[3..] {
        store.save(p).unwrap();
    }
    let mut functions = store.org_names(OrgKind::Function).unwrap();
    functions.sort();
    let mut expected = vec![
        "Commercial",
        "Commercial!!",
        "Исследования",
        "البحث والتطوير",
        "研究開発",
    ];
    expected.sort();
    assert_eq!(functions, expected);
    let mut departments = store.org_names(OrgKind::Department).unwrap();
    departments.sort();
    let mut expected = vec!["Commercial!!", "Commercial", "Продажи", "المبيعات", "営業"];
    expected.sort();
    assert_eq!(departments, expected);
    // NFC and NFD spellings of Café, and its capitals, are one role.
    let roles = store.org_names(OrgKind::Role).unwrap();
    assert_eq!(roles.len(), 3, "{roles:?}");
    assert!(roles.contains(&"Café".to_string()), "{roles:?}");
    // Each persona shows the name of its own row.
    for (slug, function) in [
        ("jp", "研究開発"),
        ("ar", "البحث والتطوير"),
        ("c2", "Commercial"),
    ] {
        let p = store.load_by_slug(slug).unwrap();
        assert_eq!(
            p.text(org_name_column(OrgKind::Function)),
            Some(function),
            "{slug}"
        );
    }
}

/// A bundle of one persona with `n` pain points.
fn long_list_bundle(store: &Store, n: usize) -> String {
    let mut p = persona_studio::model::json::persona_to_json(&draft(store, "long-list"));
    let row = p["pain_points"][0].clone();
    p["pain_points"] = serde_json::Value::Array(
        (0..n)
            .map(|k| {
                let mut r = row.clone();
                r["pain_point"] = format!("pain point {k}").into();
                r
            })
            .collect(),
    );
    serde_json::json!({"format_version": 1, "personas": [p]}).to_string()
}

#[test]
fn p3_long_lists_import_in_one_pass_up_to_the_limit() {
    use persona_studio::catalog::{MAX_LIST_ROWS, child_index};
    use persona_studio::transfer::{apply_import, plan_import};
    let mut store = common::store();
    let plan = plan_import(&store, &long_list_bundle(&store, 8_000)).unwrap();
    assert!(plan.is_clean(), "{:?}", plan.refusals());
    assert_eq!(apply_import(&mut store, &plan).unwrap(), (1, 0));
    let p = store.load_by_slug("long-list").unwrap();
    let li = child_index("persona_pain_points").unwrap();
    assert_eq!(p.lists[li].len(), 8_000);
    assert_eq!(p.lists[li][7_999].values[0], Value::text("pain point 7999"));
    // Indexed once, and findable by its last row.
    let found = store
        .count(&persona_studio::store::Filter {
            text: "7999".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found, 1);

    let err = plan_import(&store, &long_list_bundle(&store, MAX_LIST_ROWS + 1)).unwrap_err();
    let lines = err.lines();
    assert_eq!(
        lines,
        [format!(
            "personas[0].pain_points: holds {} rows; a list holds at most {MAX_LIST_ROWS} rows per persona",
            MAX_LIST_ROWS + 1
        )]
    );
}
