//! The team library end to end: two local files and one real PostgreSQL remote, every kind
//! of merge and conflict, status moves across machines, a refused write halfway through.

use crate::pg;

use persona_studio::demo::load_demo;
use persona_studio::model::Value;
use persona_studio::store::postgres::RemoteUrl;
use persona_studio::store::{Filter, SortKey, Store};
use persona_studio::sync::driver::{Direction, Outcome, Report};
use persona_studio::sync::merge::Conflict;
use persona_studio::sync::session;

struct Member {
    store: Store,
    _dir: tempfile::TempDir,
}

fn member(user: &str) -> Member {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("p.db"), None, user).unwrap();
    Member { store, _dir: dir }
}

fn remote() -> pg::Database {
    let db = pg::database();
    let url = RemoteUrl::parse(&db.url_with("sslmode=disable")).unwrap();
    session::init_remote(&url, None).expect("remote init");
    db
}

fn run(m: &mut Member, db: &pg::Database, direction: Direction) -> Report {
    let url = db.url_with("sslmode=disable");
    session::set_remote(&mut m.store, &url, None).unwrap();
    session::run(
        &mut m.store,
        None,
        None,
        direction,
        None,
        false,
        &mut |_, _| {},
    )
    .unwrap_or_else(|e| panic!("{direction:?}: {e}"))
}

fn outcomes(r: &Report) -> Vec<String> {
    r.personas
        .iter()
        .map(|(_, slug, o)| format!("{slug}: {o:?}"))
        .collect()
}

fn count(r: &Report, f: impl Fn(&Outcome) -> bool) -> usize {
    r.personas.iter().filter(|p| f(&p.2)).count()
}

fn slugs(s: &Store) -> Vec<String> {
    let f = Filter::default();
    s.summaries(&f, SortKey::Name, false, 0, 1000)
        .unwrap()
        .into_iter()
        .map(|p| p.slug)
        .collect()
}

const SLUG: &str = "msl-oncology-amara-okafor";

fn edit(s: &mut Store, field: &str, value: &str) {
    let mut p = s.load_by_slug(SLUG).unwrap();
    p.set(field, Value::text(value));
    s.save(&p).unwrap();
}

fn text(s: &Store, field: &str) -> String {
    s.load_by_slug(SLUG)
        .unwrap()
        .text(field)
        .unwrap_or("")
        .to_string()
}

/// A pushes the demo set; B starts empty and pulls it.
fn two_members(db: &pg::Database) -> (Member, Member) {
    let mut a = member("alice");
    load_demo(&mut a.store).unwrap();
    let r = run(&mut a, db, Direction::Push);
    assert_eq!(
        count(&r, |o| *o == Outcome::Pushed),
        16,
        "{:?}",
        outcomes(&r)
    );
    let mut b = member("bob");
    let r = run(&mut b, db, Direction::Pull);
    assert_eq!(
        count(&r, |o| *o == Outcome::Pulled),
        16,
        "{:?}",
        outcomes(&r)
    );
    (a, b)
}

#[test]
fn a_pushed_library_arrives_whole_and_a_second_sync_does_nothing() {
    let db = remote();
    let (mut a, mut b) = two_members(&db);
    assert_eq!(slugs(&a.store), slugs(&b.store));
    let pa = a.store.load_by_slug(SLUG).unwrap();
    let pb = b.store.load_by_slug(SLUG).unwrap();
    // User ids are made on each machine: the validator is the same person by name.
    let vi = persona_studio::catalog::core_index("validated_by").unwrap();
    let who = |s: &Store, p: &persona_studio::model::Persona| {
        p.core[vi]
            .as_str()
            .and_then(|id| s.username_of(id).unwrap())
    };
    assert_eq!(who(&a.store, &pa), who(&b.store, &pb));
    assert!(
        who(&a.store, &pa).is_some(),
        "the demo persona names a validator"
    );
    let without = |p: &persona_studio::model::Persona| {
        let mut c = p.core.clone();
        c[vi] = Value::Null;
        c
    };
    assert_eq!(without(&pa), without(&pb));
    assert_eq!(
        pa.lists.iter().map(Vec::len).collect::<Vec<_>>(),
        pb.lists.iter().map(Vec::len).collect::<Vec<_>>()
    );
    assert_eq!(pa.history.len(), pb.history.len());
    for m in [&mut a, &mut b] {
        let r = run(m, &db, Direction::Both);
        assert_eq!(
            count(&r, |o| *o == Outcome::Unchanged),
            16,
            "{:?}",
            outcomes(&r)
        );
    }
}

#[test]
fn edits_of_different_fields_on_two_machines_both_arrive() {
    let db = remote();
    let (mut a, mut b) = two_members(&db);
    edit(&mut a.store, "tagline", "From Alice");
    edit(&mut b.store, "title", "From Bob");
    let r = run(&mut a, &db, Direction::Both);
    assert_eq!(
        count(&r, |o| *o == Outcome::Pushed),
        1,
        "{:?}",
        outcomes(&r)
    );
    let r = run(&mut b, &db, Direction::Both);
    assert_eq!(
        count(&r, |o| *o == Outcome::Merged),
        1,
        "{:?}",
        outcomes(&r)
    );
    run(&mut a, &db, Direction::Both);
    for m in [&a, &b] {
        assert_eq!(text(&m.store, "tagline"), "From Alice");
        assert_eq!(text(&m.store, "title"), "From Bob");
    }
}

#[test]
fn one_field_changed_both_ways_is_a_conflict_that_touches_neither_side() {
    let db = remote();
    let (mut a, mut b) = two_members(&db);
    edit(&mut a.store, "tagline", "Alice's");
    run(&mut a, &db, Direction::Both);
    edit(&mut b.store, "tagline", "Bob's");
    let r = run(&mut b, &db, Direction::Both);
    assert_eq!(r.conflicts(), 1, "{:?}", outcomes(&r));
    let Some((_, _, Outcome::Conflicts(cs))) = r.personas.iter().find(|p| p.1 == SLUG) else {
        panic!("no conflict reported for {SLUG}: {:?}", outcomes(&r));
    };
    assert!(matches!(&cs[0], Conflict::Field { .. }), "{cs:?}");
    assert_eq!(cs[0].path(), "personas.tagline");
    // Nothing was overwritten on either side.
    assert_eq!(text(&b.store, "tagline"), "Bob's");
    let mut c = member("carol");
    run(&mut c, &db, Direction::Pull);
    assert_eq!(text(&c.store, "tagline"), "Alice's");
    // Still a conflict on the next run.
    assert_eq!(run(&mut b, &db, Direction::Both).conflicts(), 1);
}

const DRAFT: &str = "associate-brand-manager-chloe-bennett";

fn status(s: &Store, id: &str) -> String {
    s.load(id)
        .unwrap()
        .text("validation_status")
        .unwrap_or("")
        .to_string()
}

/// The researcher (a) sends the demo draft to review and both machines sync.
fn in_review(db: &pg::Database) -> (Member, Member, String) {
    let (mut a, mut b) = two_members(db);
    let id = a.store.load_by_slug(DRAFT).unwrap().id.unwrap();
    assert_eq!(
        status(&a.store, &id),
        "draft",
        "the demo persona is a draft"
    );
    a.store
        .move_status(&id, "pending_review", None, None)
        .unwrap();
    run(&mut a, db, Direction::Both);
    run(&mut b, db, Direction::Both);
    assert_eq!(status(&b.store, &id), "pending_review");
    (a, b, id)
}

#[test]
fn a_reviewer_validates_what_a_researcher_pushed() {
    let db = remote();
    let (mut a, mut b, id) = in_review(&db);
    b.store
        .move_status(&id, "validated", Some("sources checked"), None)
        .unwrap();
    run(&mut b, &db, Direction::Both);
    run(&mut a, &db, Direction::Both);
    let pa = a.store.load(&id).unwrap();
    assert_eq!(pa.text("validation_status"), Some("validated"));
    let by = pa.text("validated_by").expect("validated_by set");
    assert_eq!(a.store.username_of(by).unwrap().as_deref(), Some("bob"));
    let last = pa.history.last().expect("history");
    assert_eq!(
        (last.to_status.as_str(), last.changed_by.as_deref()),
        ("validated", Some("bob"))
    );
    assert_eq!(last.note.as_deref(), Some("sources checked"));
    assert_eq!(pa.history.len(), b.store.load(&id).unwrap().history.len());
}

#[test]
fn status_moved_on_both_sides_is_a_conflict() {
    let db = remote();
    let (mut a, mut b, id) = in_review(&db);
    a.store.move_status(&id, "validated", None, None).unwrap();
    run(&mut a, &db, Direction::Both);
    b.store
        .move_status(&id, "draft", Some("needs sources"), None)
        .unwrap();
    let r = run(&mut b, &db, Direction::Both);
    let Some((_, _, Outcome::Conflicts(cs))) = r.personas.iter().find(|p| p.0 == id) else {
        panic!("{:?}", outcomes(&r));
    };
    assert!(
        cs.iter().any(|c| matches!(c, Conflict::Status { .. })),
        "{cs:?}"
    );
    // Neither move was undone.
    assert_eq!(status(&b.store, &id), "draft");
    assert_eq!(status(&a.store, &id), "validated");
}

#[test]
fn a_deletion_against_an_edit_is_a_conflict() {
    let db = remote();
    let (mut a, mut b) = two_members(&db);
    let id = a.store.load_by_slug(SLUG).unwrap().id.unwrap();
    a.store.soft_delete(&id).unwrap();
    run(&mut a, &db, Direction::Both);
    edit(&mut b.store, "tagline", "still needed");
    let r = run(&mut b, &db, Direction::Both);
    let Some((_, _, Outcome::Conflicts(cs))) = r.personas.iter().find(|p| p.0 == id) else {
        panic!("{:?}", outcomes(&r));
    };
    assert!(
        cs.iter().any(|c| matches!(c, Conflict::Deleted { .. })),
        "{cs:?}"
    );
}

#[test]
fn a_refused_persona_leaves_the_others_pushed_and_the_next_run_finishes() {
    let db = remote();
    let mut a = member("alice");
    load_demo(&mut a.store).unwrap();
    // The remote refuses one persona (a platform rule, say) partway through the push.
    let mut admin =
        postgres::Client::connect(&db.url_with("sslmode=disable"), postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!(
            "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN \
               IF NEW.slug = '{SLUG}' THEN RAISE EXCEPTION 'not today'; END IF; RETURN NEW; END; \
             $$ LANGUAGE plpgsql; \
             CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON personas FOR EACH ROW EXECUTE FUNCTION refuse();"
        ))
        .unwrap();
    let r = run(&mut a, &db, Direction::Push);
    assert_eq!(r.failures(), 1, "{:?}", outcomes(&r));
    assert_eq!(count(&r, |o| *o == Outcome::Pushed), 15);
    let on_remote = |admin: &mut postgres::Client, slug: &str| -> i64 {
        admin
            .query_one("SELECT count(*) FROM personas WHERE slug = $1", &[&slug])
            .unwrap()
            .get(0)
    };
    assert_eq!(
        on_remote(&mut admin, SLUG),
        0,
        "the refused persona left nothing behind"
    );
    let goals: i64 = admin
        .query_one("SELECT count(*) FROM persona_goals", &[])
        .unwrap()
        .get(0);
    admin
        .batch_execute("DROP TRIGGER refuse ON personas")
        .unwrap();
    let r = run(&mut a, &db, Direction::Push);
    assert_eq!(
        count(&r, |o| *o == Outcome::Pushed),
        1,
        "{:?}",
        outcomes(&r)
    );
    assert_eq!(count(&r, |o| *o == Outcome::Unchanged), 15);
    assert_eq!(on_remote(&mut admin, SLUG), 1);
    let goals_after: i64 = admin
        .query_one("SELECT count(*) FROM persona_goals", &[])
        .unwrap()
        .get(0);
    assert!(goals_after > goals, "the retried persona brought its rows");
    let dupes: i64 = admin
        .query_one("SELECT count(*) - count(DISTINCT (persona_id, changed_at, to_status)) FROM persona_status_history", &[])
        .unwrap()
        .get(0);
    assert_eq!(dupes, 0, "no history written twice");
}
