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
