//! Personas on a real PostgreSQL server holding the design's schema: written and read back
//! whole, content hashes computed on the server, org rows matched by name.

use crate::pg;

use std::collections::HashMap;

use persona_studio::catalog::{CHILD_SPECS, Cardinality, child_index};
use persona_studio::model::json::bundle_from_json;
use persona_studio::model::{Persona, StatusChange, Value};
use persona_studio::store::postgres::persona::{self as remote, Columns};
use persona_studio::store::postgres::schema;
use persona_studio::store::postgres::{RemoteUrl, connect};
use persona_studio::sync::merge::content_equal;

const DEMO: &str = include_str!("../../assets/demo/personas.json");

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The demo personas with ids on them and their rows, as a saved local file has them.
fn demo() -> Vec<Persona> {
    let mut ps = bundle_from_json(DEMO, None).expect("demo bundle");
    for p in &mut ps {
        p.id = Some(new_id());
        for rows in &mut p.lists {
            for r in rows {
                r.id = Some(new_id());
            }
        }
        p.history = vec![StatusChange {
            from_status: None,
            to_status: "draft".into(),
            changed_by: Some("alice".into()),
            changed_at: "2026-01-01T09:00:00.000Z".into(),
            note: None,
        }];
    }
    ps
}

struct Remote {
    _db: pg::Database,
    client: postgres::Client,
    tenant: String,
    users: HashMap<String, String>,
}

fn remote() -> Remote {
    let db = pg::database();
    let url = RemoteUrl::parse(&db.url_with("sslmode=disable")).unwrap();
    let mut client = connect(&url, None).unwrap();
    schema::init(&mut client).unwrap();
    let tenant = remote::ensure_tenant(&mut client, "default", "Default", None).unwrap();
    let users = HashMap::from([("alice".to_string(), new_id())]);
    Remote {
        _db: db,
        client,
        tenant,
        users,
    }
}

fn push(r: &mut Remote, ps: &[Persona]) {
    let columns = Columns::load(&mut r.client).unwrap();
    for p in ps {
        let mut tx = r.client.transaction().unwrap();
        remote::write(&mut tx, &columns, &r.tenant, p, &r.users)
            .unwrap_or_else(|e| panic!("push {}: {e}", p.slug()));
        tx.commit().unwrap();
    }
}

fn by_id(ps: Vec<Persona>) -> HashMap<String, Persona> {
    ps.into_iter().map(|p| (p.id.clone().unwrap(), p)).collect()
}

#[test]
fn every_demo_persona_comes_back_whole() {
    let mut r = remote();
    let mine = demo();
    push(&mut r, &mine);
    let back = by_id(remote::load(&mut r.client, &r.tenant, None).unwrap());
    assert_eq!(back.len(), mine.len());
    for p in &mine {
        let q = &back[p.id.as_ref().unwrap()];
        assert!(
            content_equal(p, q),
            "{} differs after a round trip:\n{}",
            p.slug(),
            describe_difference(p, q)
        );
    }
    // The design's triggers filled the org names from the ids the push resolved by name.
    let names: i64 = r
        .client
        .query_one(
            "SELECT count(*) FROM personas WHERE function_name IS NOT NULL AND function_id IS NOT NULL",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        names as usize,
        mine.iter()
            .filter(|p| !p.get("function_name").is_blank())
            .count()
    );
}

fn describe_difference(a: &Persona, b: &Persona) -> String {
    let mut out = Vec::new();
    for (i, (x, y)) in a.core.iter().zip(&b.core).enumerate() {
        if x != y {
            out.push(format!("core {i}: {x:?} vs {y:?}"));
        }
    }
    for (li, (x, y)) in a.lists.iter().zip(&b.lists).enumerate() {
        if x != y {
            out.push(format!("{}: {x:?}\n vs {y:?}", CHILD_SPECS[li].table));
        }
    }
    if a.history != b.history {
        out.push(format!("history {:?} vs {:?}", a.history, b.history));
    }
    out.join("\n")
}

#[test]
fn a_second_push_replaces_removed_rows_and_single_row_lists() {
    let mut r = remote();
    let mut ps = demo();
    ps.truncate(2);
    push(&mut r, &ps);
    let goals = child_index("goals").unwrap();
    let vpanes = child_index("vpanes_scoring").unwrap();
    assert_eq!(CHILD_SPECS[vpanes].cardinality, Cardinality::One);
    let p = &mut ps[0];
    assert!(!p.lists[goals].is_empty(), "the demo persona has goals");
    p.lists[goals].remove(0);
    // The other machine created its VPANES row with another id.
    for row in &mut p.lists[vpanes] {
        row.id = Some(new_id());
    }
    push(&mut r, &ps[..1]);
    let back = by_id(remote::load(&mut r.client, &r.tenant, None).unwrap());
    let q = &back[ps[0].id.as_ref().unwrap()];
    assert!(
        content_equal(&ps[0], q),
        "{}",
        describe_difference(&ps[0], q)
    );
    // The history was not written twice.
    assert_eq!(q.history.len(), 1);
}

#[test]
fn server_hashes_see_every_change_and_only_changes() {
    let mut r = remote();
    let mut ps = demo();
    ps.truncate(3);
    push(&mut r, &ps);
    let before = remote::hashes(&mut r.client, &r.tenant).unwrap();
    assert_eq!(before.len(), 3);
    assert_eq!(
        remote::hashes(&mut r.client, &r.tenant).unwrap(),
        before,
        "stable"
    );
    // Another client of the platform edits a list row without touching personas.updated_at.
    let target = ps[1].id.clone().unwrap();
    let n = r
        .client
        .execute(
            "UPDATE persona_goals SET goal_text = goal_text || ' (edited)' \
             WHERE id = (SELECT id FROM persona_goals WHERE persona_id = $1::text::uuid LIMIT 1)",
            &[&target],
        )
        .unwrap();
    assert_eq!(n, 1);
    let after = remote::hashes(&mut r.client, &r.tenant).unwrap();
    for ((id, _, h0), (_, _, h1)) in before.iter().zip(&after) {
        assert_eq!(h0 != h1, *id == target, "hash of {id}");
    }
}

#[test]
fn org_names_match_by_name_in_any_script_and_never_collapse() {
    let mut r = remote();
    let mut ps = demo();
    ps.truncate(5);
    let names = ["研究開発", "営業", "Ventes", "  ventes ", "Продажи"];
    for (p, n) in ps.iter_mut().zip(names) {
        p.set("function_name", Value::text(n));
    }
    push(&mut r, &ps);
    let mut rows: Vec<String> = r
        .client
        .query(
            "SELECT name FROM org_functions WHERE tenant_id = $1::text::uuid ORDER BY name",
            &[&r.tenant],
        )
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    rows.sort();
    // "Ventes" and "  ventes " are one function; the rest are four distinct ones.
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(rows.contains(&"研究開発".to_string()) && rows.contains(&"営業".to_string()));
}

#[test]
fn a_tenant_sees_only_its_own_personas() {
    let mut r = remote();
    let ps = demo();
    push(&mut r, &ps[..2]);
    let other = remote::ensure_tenant(&mut r.client, "other", "Other", None).unwrap();
    assert_ne!(other, r.tenant);
    assert!(
        remote::load(&mut r.client, &other, None)
            .unwrap()
            .is_empty()
    );
    assert!(remote::hashes(&mut r.client, &other).unwrap().is_empty());
    // Writing a persona of one tenant into another is refused.
    let columns = Columns::load(&mut r.client).unwrap();
    let mut tx = r.client.transaction().unwrap();
    let err = remote::write(&mut tx, &columns, &other, &ps[0], &r.users).unwrap_err();
    assert!(err.to_string().contains("another tenant"), "{err}");
}

#[test]
fn a_batch_of_new_personas_comes_back_whole_and_never_overwrites_one_already_there() {
    let mut r = remote();
    let mine = demo();
    // Someone else pushed the first one meanwhile, with another tagline.
    let mut theirs = mine[0].clone();
    theirs.set("tagline", Value::text("Theirs"));
    push(&mut r, std::slice::from_ref(&theirs));
    let columns = Columns::load(&mut r.client).unwrap();
    let refs: Vec<&Persona> = mine.iter().collect();
    let batch = remote::push_new(&mut r.client, &columns, &r.tenant, &refs, &r.users)
        .expect("the batch goes in");
    assert_eq!(batch.on_remote, vec![theirs.id.clone().unwrap()]);
    assert_eq!(batch.pushed.len(), mine.len() - 1);
    let hashes: HashMap<String, String> = remote::hashes(&mut r.client, &r.tenant)
        .unwrap()
        .into_iter()
        .map(|(id, _, h)| (id, h))
        .collect();
    for (id, h) in &batch.pushed {
        assert_eq!(&hashes[id], h, "the hash returned is the server's hash");
    }
    let back = by_id(remote::load(&mut r.client, &r.tenant, None).unwrap());
    assert_eq!(
        back[theirs.id.as_ref().unwrap()].text("tagline"),
        Some("Theirs")
    );
    for p in &mine[1..] {
        let q = &back[p.id.as_ref().unwrap()];
        assert!(
            content_equal(p, q),
            "{} differs after a batch:\n{}",
            p.slug(),
            describe_difference(p, q)
        );
    }
    // A refused row rolls the whole batch back.
    let mut more = demo();
    // A row whose id another persona's row already has on the remote.
    let k = (0..CHILD_SPECS.len())
        .find(|&k| !mine[1].lists[k].is_empty() && CHILD_SPECS[k].cardinality == Cardinality::Many)
        .expect("a list with rows");
    more[3].lists[k].push(mine[1].lists[k][0].clone());
    let refs: Vec<&Persona> = more.iter().collect();
    let before = remote::hashes(&mut r.client, &r.tenant).unwrap().len();
    assert!(remote::push_new(&mut r.client, &columns, &r.tenant, &refs, &r.users).is_err());
    assert_eq!(
        remote::hashes(&mut r.client, &r.tenant).unwrap().len(),
        before
    );
}
