//! The sync against a database whose prerequisite tables (`tenants`, `users`, `org_*`) were
//! made by the platform first: extra columns, its own ids, its own rows. Org rows are matched
//! by name, users by id and then by name, and what cannot be mapped fails that persona with an
//! error that names the table, the column and the value, leaving both sides consistent.

use crate::pg;

use persona_studio::demo::load_demo;
use persona_studio::store::Store;
use persona_studio::store::postgres::RemoteUrl;
use persona_studio::sync::driver::{Direction, Outcome, Report};
use persona_studio::sync::session;

const TENANT: &str = "7e000000-0000-4000-8000-000000000001";
const BOB: &str = "7e000000-0000-4000-8000-0000000000b0";
const SLUG: &str = "msl-oncology-amara-okafor";
const DRAFT: &str = "associate-brand-manager-chloe-bennett";

/// The platform's own prerequisite tables, made before `remote init`: extra NOT NULL columns
/// with defaults everywhere, plus `users_extra` / `departments_extra` columns.
fn platform(users_extra: &str, departments_extra: &str) -> (pg::Database, postgres::Client) {
    let db = pg::database();
    let mut c =
        postgres::Client::connect(&db.url_with("sslmode=disable"), postgres::NoTls).unwrap();
    let org = |table: &str, extra: &str| {
        format!(
            "CREATE TABLE {table} (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), \
               tenant_id UUID NOT NULL REFERENCES tenants(id), name TEXT NOT NULL, slug TEXT NOT NULL, \
               cost_centre TEXT NOT NULL DEFAULT 'CC-0', created_at TIMESTAMPTZ DEFAULT NOW(), \
               updated_at TIMESTAMPTZ DEFAULT NOW(), {extra} UNIQUE (tenant_id, slug));"
        )
    };
    c.batch_execute(&format!(
        "CREATE TABLE tenants (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), tenant_key TEXT UNIQUE NOT NULL, \
           name TEXT NOT NULL, billing_plan TEXT NOT NULL DEFAULT 'gold'); \
         CREATE TABLE users (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), username TEXT UNIQUE NOT NULL, \
           sso_subject TEXT NOT NULL DEFAULT 'local', {users_extra} created_at TIMESTAMPTZ DEFAULT NOW()); \
         {} {} {} \
         INSERT INTO tenants (id, tenant_key, name) VALUES ('{TENANT}', 'acme', 'Acme Pharma');",
        org("org_functions", ""),
        org("org_departments", departments_extra),
        org("org_roles", ""),
    ))
    .unwrap();
    session::init_remote(
        &RemoteUrl::parse(&db.url_with("sslmode=disable")).unwrap(),
        None,
    )
    .expect("init over the platform's tables");
    (db, c)
}

struct Member {
    store: Store,
    dir: tempfile::TempDir,
}

fn member(user: &str) -> Member {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("p.db"), None, user).unwrap();
    Member { store, dir }
}

fn run(m: &mut Member, db: &pg::Database, direction: Direction) -> Report {
    session::set_remote(&mut m.store, &db.url_with("sslmode=disable"), Some(TENANT)).unwrap();
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

fn count(r: &Report, f: impl Fn(&Outcome) -> bool) -> usize {
    r.personas.iter().filter(|p| f(&p.2)).count()
}

fn outcomes(r: &Report) -> Vec<String> {
    r.personas
        .iter()
        .map(|(_, slug, o)| format!("{slug}: {o:?}"))
        .collect()
}

fn one(c: &mut postgres::Client, sql: &str, param: &str) -> i64 {
    c.query_one(sql, &[&param]).unwrap().get(0)
}

/// The platform's own org rows (ids it made) for the org names of the persona `slug`.
fn platform_orgs(c: &mut postgres::Client, s: &Store, slug: &str, kinds: &[&str]) -> Vec<String> {
    let p = s.load_by_slug(slug).unwrap();
    let mut ids = Vec::new();
    for (table, field) in [
        ("org_functions", "function_name"),
        ("org_departments", "department_name"),
        ("org_roles", "role_name"),
    ] {
        if !kinds.contains(&table) {
            continue;
        }
        let name = p.text(field).expect("the demo persona has every org name");
        let id: String = c
            .query_one(
                &format!(
                    "INSERT INTO {table} (tenant_id, name, slug) VALUES ($1::text::uuid, $2, 'platform-' || md5($2)) \
                     RETURNING id::text"
                ),
                &[&TENANT, &name],
            )
            .unwrap()
            .get(0);
        ids.push(id);
    }
    ids
}

#[test]
fn orgs_map_by_name_and_users_by_id_then_name_onto_a_platforms_own_rows() {
    let (db, mut c) = platform("", "");
    let mut a = member("alice");
    load_demo(&mut a.store).unwrap();
    let orgs = platform_orgs(
        &mut c,
        &a.store,
        SLUG,
        &["org_functions", "org_departments", "org_roles"],
    );
    // The platform knows alice by her id under its own name, and bob by name under its own id.
    let alice_id = a.store.user_id().to_string();
    c.execute(
        "INSERT INTO users (id, username) VALUES ($1::text::uuid, 'alice.w'), ($2::text::uuid, 'bob')",
        &[&alice_id, &BOB],
    )
    .unwrap();

    let r = run(&mut a, &db, Direction::Push);
    assert_eq!(
        count(&r, |o| *o == Outcome::Pushed),
        16,
        "{:?}",
        outcomes(&r)
    );
    let mapped: (String, String, String, String) = {
        let row = c
            .query_one(
                "SELECT function_id::text, department_id::text, role_id::text, role_name FROM personas WHERE slug = $1",
                &[&SLUG],
            )
            .unwrap();
        (row.get(0), row.get(1), row.get(2), row.get(3))
    };
    assert_eq!(
        [mapped.0, mapped.1, mapped.2],
        [orgs[0].clone(), orgs[1].clone(), orgs[2].clone()],
        "the persona points at the platform's own org rows"
    );
    for table in ["org_functions", "org_departments", "org_roles"] {
        let dupes = one(
            &mut c,
            &format!(
                "SELECT count(*) - count(DISTINCT lower(btrim(name))) FROM {table} WHERE tenant_id = $1::text::uuid"
            ),
            TENANT,
        );
        assert_eq!(dupes, 0, "no org row of {table} made twice");
    }
    assert_eq!(
        one(
            &mut c,
            "SELECT count(*) FROM users WHERE username = $1",
            "alice"
        ),
        0,
        "alice is the platform's alice.w (same id), not a new user"
    );
    assert!(
        one(
            &mut c,
            "SELECT count(*) FROM persona_status_history WHERE changed_by = $1::text::uuid",
            &alice_id
        ) > 0,
        "alice's history is signed with the platform's user"
    );

    // Bob's file pulls everything; a draft goes to review, bob validates it.
    let mut b = member("bob");
    let r = run(&mut b, &db, Direction::Pull);
    assert_eq!(
        count(&r, |o| *o == Outcome::Pulled),
        16,
        "{:?}",
        outcomes(&r)
    );
    let pb = b.store.load_by_slug(SLUG).unwrap();
    let pa = a.store.load_by_slug(SLUG).unwrap();
    for field in ["function_name", "department_name", "role_name"] {
        assert_eq!(pb.text(field), pa.text(field), "{field} came back by name");
    }
    let id = a.store.load_by_slug(DRAFT).unwrap().id.unwrap();
    a.store
        .move_status(&id, "pending_review", None, None)
        .unwrap();
    run(&mut a, &db, Direction::Both);
    run(&mut b, &db, Direction::Both);
    b.store
        .move_status(&id, "validated", Some("checked"), None)
        .unwrap();
    let r = run(&mut b, &db, Direction::Both);
    assert_eq!(
        count(&r, |o| *o == Outcome::Pushed),
        1,
        "{:?}",
        outcomes(&r)
    );
    let by: String = c
        .query_one(
            "SELECT validated_by::text FROM personas WHERE id = $1::text::uuid",
            &[&id],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        by, BOB,
        "bob's validation is signed with the platform's bob"
    );
    assert_eq!(
        one(
            &mut c,
            "SELECT count(*) FROM users WHERE username = $1",
            "bob"
        ),
        1
    );

    // Back on alice's file: bob by name, and alice's own moves under her own name again
    // (the remote calls her alice.w, but knows her id).
    let r = run(&mut a, &db, Direction::Both);
    assert_eq!(
        count(&r, |o| *o == Outcome::Pulled),
        1,
        "{:?}",
        outcomes(&r)
    );
    let p = a.store.load(&id).unwrap();
    let by = p.text("validated_by").expect("validated");
    assert_eq!(a.store.username_of(by).unwrap().as_deref(), Some("bob"));
    let mine = p
        .history
        .iter()
        .find(|h| h.to_status == "pending_review")
        .expect("alice's move");
    assert_eq!(mine.changed_by.as_deref(), Some("alice"));
    for m in [&mut a, &mut b] {
        let r = run(m, &db, Direction::Both);
        assert!(
            r.personas.iter().all(|p| p.2 == Outcome::Unchanged),
            "{:?}",
            outcomes(&r)
        );
    }
    let others: i64 = c
        .query_one(
            "SELECT count(*) FROM users WHERE username <> ALL(ARRAY['alice.w', 'bob'])",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(others, 0, "no user made for anyone the platform knows");
}

#[test]
fn what_the_platforms_tables_cannot_take_fails_that_persona_and_names_it() {
    // A users table and a departments table the sync cannot add rows to.
    let (db, mut c) = platform("employee_no TEXT NOT NULL,", "budget_code TEXT NOT NULL,");
    let mut a = member("alice");
    load_demo(&mut a.store).unwrap();
    c.execute(
        "INSERT INTO users (username, employee_no) VALUES ('alice', 'E-1')",
        &[],
    )
    .unwrap();
    // Every department the demo uses is the platform's, except the one of SLUG.
    let dept_of = |s: &Store, slug: &str| {
        s.load_by_slug(slug)
            .unwrap()
            .text("department_name")
            .unwrap_or("")
            .to_string()
    };
    let missing = dept_of(&a.store, SLUG);
    let all: Vec<String> = {
        let f = persona_studio::store::Filter::default();
        a.store
            .summaries(&f, persona_studio::store::SortKey::Name, false, 0, 1000)
            .unwrap()
            .into_iter()
            .map(|p| p.slug)
            .collect()
    };
    let mut departments: Vec<String> = all.iter().map(|s| dept_of(&a.store, s)).collect();
    departments.sort();
    departments.dedup();
    for d in departments
        .iter()
        .filter(|d| !d.is_empty() && **d != missing)
    {
        c.execute(
            "INSERT INTO org_departments (tenant_id, name, slug, budget_code) \
             VALUES ($1::text::uuid, $2, md5($2), 'B-1')",
            &[&TENANT, d],
        )
        .unwrap();
    }
    let without_dept: Vec<&String> = all
        .iter()
        .filter(|s| dept_of(&a.store, s) == missing)
        .collect();
    // Dave, unknown to the platform, reviews and validates the draft on alice's machine.
    let path = a.dir.path().join("p.db");
    drop(a.store);
    let mut dave = Store::open(&path, None, "dave").unwrap();
    let id = dave.load_by_slug(DRAFT).unwrap().id.unwrap();
    dave.move_status(&id, "pending_review", None, None).unwrap();
    dave.move_status(&id, "validated", None, None).unwrap();
    drop(dave);
    a.store = Store::open(&path, None, "alice").unwrap();

    let r = run(&mut a, &db, Direction::Push);
    let failed: Vec<(&String, &String)> = r
        .personas
        .iter()
        .filter_map(|(_, slug, o)| match o {
            Outcome::Failed(e) => Some((slug, e)),
            _ => None,
        })
        .collect();
    assert_eq!(failed.len(), without_dept.len() + 1, "{:?}", outcomes(&r));
    assert_eq!(
        count(&r, |o| *o == Outcome::Pushed),
        16 - failed.len(),
        "{:?}",
        outcomes(&r)
    );
    for (slug, e) in &failed {
        if *slug == DRAFT {
            for part in ["\"dave\"", "users", "employee_no"] {
                assert!(e.contains(part), "{slug}: {e} names {part}");
            }
        } else {
            assert!(without_dept.contains(slug), "{slug}: {e}");
            for part in [
                format!("\"{missing}\""),
                "org_departments".into(),
                "budget_code".into(),
            ] {
                assert!(e.contains(&part), "{slug}: {e} names {part}");
            }
        }
    }
    // Nothing half-written: not the personas, not their rows, not the user.
    for (slug, _) in &failed {
        assert_eq!(
            one(
                &mut c,
                "SELECT count(*) FROM personas WHERE slug = $1",
                slug
            ),
            0
        );
    }
    assert_eq!(
        one(
            &mut c,
            "SELECT count(*) FROM persona_goals WHERE persona_id::text = $1",
            &id
        ),
        0
    );
    assert_eq!(
        one(
            &mut c,
            "SELECT count(*) FROM users WHERE username = $1",
            "dave"
        ),
        0
    );

    // The next run tries again (no base moved) and still fails only those.
    let r = run(&mut a, &db, Direction::Push);
    assert_eq!(r.failures(), failed.len(), "{:?}", outcomes(&r));
    assert_eq!(count(&r, |o| *o == Outcome::Unchanged), 16 - failed.len());

    // The platform adds them; the next push finishes the job with the platform's rows.
    c.execute(
        "INSERT INTO users (username, employee_no) VALUES ('dave', 'E-4')",
        &[],
    )
    .unwrap();
    c.execute(
        "INSERT INTO org_departments (tenant_id, name, slug, budget_code) VALUES ($1::text::uuid, $2, 'x', 'B-2')",
        &[&TENANT, &missing],
    )
    .unwrap();
    let r = run(&mut a, &db, Direction::Push);
    assert_eq!(
        count(&r, |o| *o == Outcome::Pushed),
        failed.len(),
        "{:?}",
        outcomes(&r)
    );
    assert_eq!(
        one(
            &mut c,
            "SELECT count(*) FROM personas p JOIN users u ON u.id = p.validated_by \
             WHERE u.username = 'dave' AND p.id = $1::text::uuid",
            &id
        ),
        1
    );
}
