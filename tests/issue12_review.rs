//! Issue 12, point 2: an import cannot forge review, and neither can plain SQL, while the
//! app's lossless round trip of validated and published personas keeps working.

mod common;

use persona_studio::store::Store;
use persona_studio::transfer::{
    Action, Selection, apply_import, export_json, plan_import, plan_import_with,
};
use serde_json::{Value as Json, json};

/// The demo's first persona as bundle JSON with this slug, status and history.
fn persona(slug: &str, status: &str, history: Json) -> Json {
    let demo: Json = serde_json::from_str(persona_studio::demo::DEMO_JSON).unwrap();
    let mut p = demo["personas"][0].clone();
    p["slug"] = slug.into();
    p["validation_status"] = status.into();
    p["status_history"] = history;
    p
}

fn bundle(personas: Vec<Json>) -> String {
    json!({"format_version": 1, "personas": personas}).to_string()
}

fn mv(from: Option<&str>, to: &str, by: &str, at: &str) -> Json {
    json!({"from_status": from, "to_status": to, "changed_by": by, "changed_at": at, "note": null})
}

/// The reason a one-persona plan refuses it; panics when it does not.
fn refusal(store: &Store, text: &str) -> String {
    let plan = plan_import(store, text).unwrap();
    match &plan.items[0].action {
        Action::Refuse(reason) => reason.clone(),
        other => panic!("not refused: {other:?}"),
    }
}

fn good_chain() -> Json {
    json!([
        mv(None, "draft", "ana", "2026-01-01T09:00:00Z"),
        mv(
            Some("draft"),
            "pending_review",
            "ana",
            "2026-01-02T09:00:00.5Z"
        ),
        mv(
            Some("pending_review"),
            "validated",
            "ben",
            "2026-01-03T09:00:00.250Z"
        ),
        mv(
            Some("validated"),
            "published",
            "ben",
            "2026-01-04T09:00:00Z"
        ),
    ])
}

#[test]
fn p2_imports_cannot_forge_review() {
    let mut store = common::store();
    let cases: Vec<(Json, &str)> = vec![
        (
            json!(null),
            "personas[0].status_history: is empty, but a published persona",
        ),
        (
            json!([
                mv(None, "draft", "ana", "2026-01-01T09:00:00Z"),
                mv(Some("draft"), "published", "ana", "2026-01-02T09:00:00Z")
            ]),
            "personas[0].status_history[1].to_status: draft cannot move to published",
        ),
        (
            json!([mv(None, "published", "ana", "2026-01-01T09:00:00Z")]),
            "personas[0].status_history[0]: must be the creation as a draft",
        ),
        (
            {
                let mut c = good_chain();
                c[2]["changed_at"] = "yesterday".into();
                c
            },
            "personas[0].status_history[2].changed_at: \"yesterday\" is not a timestamp",
        ),
        (
            {
                let mut c = good_chain();
                c[3]["changed_at"] = "2025-01-01T00:00:00Z".into();
                c
            },
            "personas[0].status_history[3].changed_at: is earlier than the move before it",
        ),
        (
            {
                let mut c = good_chain();
                c[2]["from_status"] = "draft".into();
                c
            },
            "personas[0].status_history[2].from_status: is draft, but the move before ended in pending_review",
        ),
        (
            {
                let mut c = good_chain();
                c[1]["changed_by"] = "   ".into();
                c
            },
            "personas[0].status_history[1].changed_by: must be a user name",
        ),
        (
            {
                let mut c = good_chain();
                c.as_array_mut().unwrap().pop();
                c
            },
            "personas[0].validation_status: is published, but its status_history ends in validated",
        ),
    ];
    for (history, expected) in cases {
        let text = bundle(vec![persona("forged", "published", history)]);
        let reason = refusal(&store, &text);
        assert!(reason.contains(expected), "{reason}\nexpected: {expected}");
    }

    // A good chain is kept, and validated_at / validated_by come from its validating move.
    let plan = plan_import(
        &store,
        &bundle(vec![persona("earned", "published", good_chain())]),
    )
    .unwrap();
    assert_eq!(plan.items[0].action, Action::Create);
    apply_import(&mut store, &plan).unwrap();
    let p = store.load_by_slug("earned").unwrap();
    assert_eq!(p.text("validated_at"), Some("2026-01-03T09:00:00.250Z"));
    let by = p.text("validated_by").unwrap().to_string();
    assert_eq!(store.username_of(&by).unwrap().as_deref(), Some("ben"));
    let h = store.history(p.id.as_deref().unwrap()).unwrap();
    assert_eq!(h.len(), 4);
    assert_eq!(h[3].to_status, "published");

    // --as-draft takes a forged persona in as a draft, its history kept as a note.
    let forged = bundle(vec![persona("as-draft", "published", json!(null))]);
    let plan = plan_import_with(&store, &forged, true).unwrap();
    assert_eq!(plan.items[0].action, Action::Create);
    apply_import(&mut store, &plan).unwrap();
    let p = store.load_by_slug("as-draft").unwrap();
    assert_eq!(p.text("validation_status"), Some("draft"));
    assert_eq!(p.text("validated_at"), None);
    let h = store.history(p.id.as_deref().unwrap()).unwrap();
    assert_eq!(h.len(), 1);
    assert!(
        h[0].note.as_deref().unwrap().contains("it was published"),
        "{h:?}"
    );

    // Updating an existing persona moves it only as `status` would, signed by the importer.
    let mut draft = persona("existing", "draft", json!(null));
    let plan = plan_import(&store, &bundle(vec![draft.clone()])).unwrap();
    apply_import(&mut store, &plan).unwrap();
    draft["validation_status"] = "pending_review".into();
    let plan = plan_import(&store, &bundle(vec![draft.clone()])).unwrap();
    apply_import(&mut store, &plan).unwrap();
    draft["validation_status"] = "validated".into();
    let plan = plan_import(&store, &bundle(vec![draft.clone()])).unwrap();
    apply_import(&mut store, &plan).unwrap();
    let p = store.load_by_slug("existing").unwrap();
    assert_eq!(p.text("validated_by"), Some(store.user_id()));
    let h = store.history(p.id.as_deref().unwrap()).unwrap();
    assert_eq!(h.last().unwrap().changed_by.as_deref(), Some("tester"));
    draft["validation_status"] = "draft".into();
    let reason = refusal(&store, &bundle(vec![draft.clone()]));
    assert!(reason.contains("needs a note"), "{reason}");
    draft["validation_status"] = "archived".into();
    let reason = refusal(&store, &bundle(vec![draft]));
    assert!(
        reason.contains("cannot move from validated to archived"),
        "{reason}"
    );
}

#[test]
fn p2_plain_sql_cannot_forge_review_and_the_round_trip_works() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let mut store = Store::open(&path, None, "tester").unwrap();
    persona_studio::demo::load_demo(&mut store).unwrap();
    let sql = rusqlite::Connection::open(&path).unwrap();
    sql.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
    let tenant: String = sql
        .query_row(
            "SELECT id FROM tenants WHERE tenant_key = 'default'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let err = sql
        .execute(
            "INSERT INTO personas (tenant_id, name, slug, validation_status) VALUES (?1, 'X', 'x', 'published')",
            [&tenant],
        )
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("personas.validation_status: a new persona starts as draft"),
        "{err}"
    );
    sql.execute(
        "INSERT INTO personas (tenant_id, name, slug) VALUES (?1, 'X', 'x')",
        [&tenant],
    )
    .unwrap();
    for forge in [
        "UPDATE persona_status_history SET to_status = 'published'",
        "UPDATE persona_status_history SET changed_by = NULL",
        "DELETE FROM persona_status_history",
    ] {
        let err = sql.execute(forge, []).unwrap_err().to_string();
        assert!(err.contains("persona_status_history:"), "{forge}: {err}");
    }
    // A persona's own deletion takes its history with it.
    sql.execute("DELETE FROM personas WHERE slug = 'x'", [])
        .unwrap();
    let left: i64 = sql
        .query_row(
            "SELECT count(*) FROM persona_status_history WHERE persona_id NOT IN (SELECT id FROM personas)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
    let grants: i64 = sql
        .query_row("SELECT count(*) FROM workflow_grant", [], |r| r.get(0))
        .unwrap();
    assert_eq!(grants, 0, "the app's grant never outlives its transaction");

    // Export, then import into a new file: statuses, validation and history survive.
    let text = export_json(&store, &Selection::All).unwrap();
    let mut copy = Store::open(&dir.path().join("copy.db"), None, "someone-else").unwrap();
    let plan = plan_import(&copy, &text).unwrap();
    assert!(plan.is_clean(), "{:?}", plan.refusals());
    apply_import(&mut copy, &plan).unwrap();
    for original in store
        .summaries(
            &Default::default(),
            persona_studio::store::SortKey::Name,
            false,
            0,
            100,
        )
        .unwrap()
    {
        let a = store.load_by_slug(&original.slug).unwrap();
        let b = copy.load_by_slug(&original.slug).unwrap();
        assert_eq!(a.text("validation_status"), b.text("validation_status"));
        assert_eq!(
            a.text("validated_at"),
            b.text("validated_at"),
            "{}",
            original.slug
        );
        let (ha, hb) = (
            store.history(a.id.as_deref().unwrap()).unwrap(),
            copy.history(b.id.as_deref().unwrap()).unwrap(),
        );
        assert_eq!(ha, hb, "{}", original.slug);
        assert!(!ha.is_empty());
    }
}
