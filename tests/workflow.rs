//! Review workflow, status history, review queue, archetype map and tenant isolation, from the
//! CLI, the store, raw SQL and the app's keys.

mod common;
use common::*;

use std::process::Command;

use persona_studio::app::screens::Screen;
use persona_studio::catalog::enums::VALIDATION_STATUSES;
use persona_studio::model::Value;
use persona_studio::store::{Filter, Store};
use persona_studio::workflow::is_allowed;

/// A store on a scratch file and a plain SQL connection to the same file: another SQLite
/// client, for what the schema's triggers do without the app.
fn file_store() -> (tempfile::TempDir, Store, rusqlite::Connection) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wf.db");
    let s = Store::open(&db, None, "tester").unwrap();
    let sql = rusqlite::Connection::open(&db).unwrap();
    sql.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
    (dir, s, sql)
}

const ALLOWED: [(&str, &str); 7] = [
    ("draft", "pending_review"),
    ("pending_review", "validated"),
    ("pending_review", "draft"),
    ("validated", "published"),
    ("validated", "draft"),
    ("published", "archived"),
    ("archived", "draft"),
];

/// Puts a persona into `status` by legal moves from draft.
fn walk_to(s: &mut Store, id: &str, status: &str) {
    let path: &[&str] = match status {
        "draft" => &[],
        "pending_review" => &["pending_review"],
        "validated" => &["pending_review", "validated"],
        "published" => &["pending_review", "validated", "published"],
        "archived" => &["pending_review", "validated", "published", "archived"],
        _ => unreachable!(),
    };
    for to in path {
        s.move_status(id, to, None, None).unwrap();
    }
}

fn new_persona(s: &mut Store, slug: &str) -> String {
    let mut p = persona_studio::model::Persona::new_draft();
    p.set("name", Value::text(slug));
    p.set("slug", Value::text(slug));
    s.save(&p).unwrap().id.unwrap()
}

#[test]
fn every_move_is_allowed_or_refused_in_the_store_and_in_sql() {
    for from in VALIDATION_STATUSES {
        for to in VALIDATION_STATUSES {
            if from == to {
                continue;
            }
            let (_dir, mut s, sql) = file_store();
            let id = new_persona(&mut s, "wf");
            walk_to(&mut s, &id, from);
            let result = s.move_status(&id, to, Some("because"), None);
            let expected = ALLOWED.contains(&(*from, *to));
            assert_eq!(result.is_ok(), expected, "{from} -> {to}: {result:?}");
            assert_eq!(is_allowed(from, to), expected);
            if !expected {
                let msg = result.unwrap_err().to_string();
                assert!(msg.contains(&format!("allowed from {from}")), "{msg}");
                // The trigger refuses the same move from a plain SQL client.
                let refused = sql.execute(
                    "UPDATE personas SET validation_status = ?1 WHERE id = ?2",
                    [to, &id.as_str()],
                );
                let err = refused.expect_err("SQL must refuse it too").to_string();
                assert!(err.contains("validation_status"), "{err}");
            }
            let status = s.load(&id).unwrap().get("validation_status").clone();
            assert_eq!(status, Value::text(*if expected { to } else { from }));
        }
    }
}

#[test]
fn history_records_every_move_with_user_and_note() {
    let (_dir, mut s, sql) = file_store();
    let id = new_persona(&mut s, "hist");
    s.move_status(&id, "pending_review", None, None).unwrap();
    assert!(
        s.move_status(&id, "draft", None, None)
            .unwrap_err()
            .to_string()
            .contains("needs a note")
    );
    s.move_status(&id, "draft", Some("Add evidence sources"), None)
        .unwrap();
    let h = s.history(&id).unwrap();
    let moves: Vec<(Option<&str>, &str)> = h
        .iter()
        .map(|e| (e.from_status.as_deref(), e.to_status.as_str()))
        .collect();
    assert_eq!(
        moves,
        [
            (None, "draft"),
            (Some("draft"), "pending_review"),
            (Some("pending_review"), "draft")
        ]
    );
    assert!(h.iter().all(|e| e.changed_by.as_deref() == Some("tester")));
    assert_eq!(h[2].note.as_deref(), Some("Add evidence sources"));
    // A move made by another SQL client is recorded too (with no user).
    sql.execute(
        "UPDATE personas SET validation_status = 'pending_review' WHERE id = ?1",
        [&id],
    )
    .unwrap();
    let h = s.history(&id).unwrap();
    assert_eq!(h.len(), 4);
    assert_eq!(h[3].changed_by, None);
}

#[test]
fn validated_stamps_and_send_back_clears() {
    let mut s = store();
    let id = new_persona(&mut s, "stamp");
    walk_to(&mut s, &id, "validated");
    let p = s.load(&id).unwrap();
    assert_eq!(p.get("validated_by"), &Value::Text(s.user_id().to_string()));
    assert!(!p.get("validated_at").is_null());
    s.move_status(&id, "published", None, None).unwrap();
    assert!(
        !s.load(&id).unwrap().get("validated_at").is_null(),
        "kept when published"
    );
    s.move_status(&id, "archived", None, None).unwrap();
    s.move_status(&id, "draft", None, None).unwrap();
    let p = s.load(&id).unwrap();
    assert!(
        p.get("validated_by").is_null() && p.get("validated_at").is_null(),
        "cleared on the way back to draft"
    );
}

fn cli(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_persona-studio"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("PERSONA_STUDIO_USER", "reviewer")
        .output()
        .unwrap()
}

#[test]
fn cli_status_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    assert!(cli(&db, &["init"]).status.success());
    let mut s = Store::open(&db, None, "author").unwrap();
    new_persona(&mut s, "cli-wf");
    drop(s);
    for (from, to) in [
        ("draft", "published"),
        ("draft", "validated"),
        ("draft", "archived"),
    ] {
        let o = cli(&db, &["status", "cli-wf", to]);
        assert_eq!(o.status.code(), Some(1), "{from} -> {to}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("allowed from draft: pending_review"), "{err}");
    }
    for (to, note) in [
        ("pending_review", None),
        ("validated", None),
        ("draft", Some("tighten the goals")),
        ("pending_review", None),
        ("validated", None),
        ("published", None),
        ("archived", None),
        ("draft", None),
    ] {
        let mut args = vec!["status", "cli-wf", to];
        if let Some(n) = note {
            args.extend(["--note", n]);
        }
        let o = cli(&db, &args);
        assert!(
            o.status.success(),
            "-> {to}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let o = cli(&db, &["status", "cli-wf", "validated"]);
    assert_eq!(o.status.code(), Some(1));
    let o = cli(&db, &["history", "cli-wf", "--json"]);
    let h: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let h = h.as_array().unwrap();
    assert_eq!(h.len(), 9);
    assert_eq!(h[1]["changed_by"], "reviewer");
    assert_eq!(h[3]["note"], "tighten the goals");
    assert_eq!(h[8]["to_status"], "draft");
    let o = cli(&db, &["history", "cli-wf"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("tighten the goals"));
}

#[test]
fn app_moves_status_from_the_editor_with_keys() {
    let mut app = app();
    keys(&mut app, &["s", "j", "<Enter>"]); // filter: draft (the first status after "any")
    let slug = app.browser.rows[0].slug.clone();
    keys(&mut app, &["<Enter>", "m"]);
    assert!(render(&mut app, 80, 24).contains("submit for review"));
    keys(&mut app, &["<Enter>"]);
    assert_eq!(
        app.store
            .load_by_slug(&slug)
            .unwrap()
            .get("validation_status"),
        &Value::text("pending_review")
    );
    assert_eq!(
        app.editor.as_ref().unwrap().draft.get("validation_status"),
        &Value::text("pending_review")
    );
    // Send back: needs a note, asked for in a prompt.
    keys(&mut app, &["m", "<Down>", "<Enter>"]);
    assert!(render(&mut app, 80, 24).contains("Note for the author"));
    keys(&mut app, &["<Enter>"]);
    assert!(app.status.as_ref().unwrap().error, "empty note refused");
    keys(&mut app, &["Missing evidence", "<Enter>"]);
    assert_eq!(
        app.store
            .load_by_slug(&slug)
            .unwrap()
            .get("validation_status"),
        &Value::text("draft")
    );
    goto_tab(&mut app, "History");
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("Missing evidence") && screen.contains("pending_review"),
        "{screen}"
    );
    // A dirty editor must save before moving.
    goto_tab(&mut app, "Identity");
    fill(&mut app, "tagline", "new tagline");
    keys(&mut app, &["m"]);
    assert!(
        app.popups.is_empty()
            && app
                .status
                .as_ref()
                .unwrap()
                .text
                .contains("Save your changes first")
    );
    // Enter on the status field offers the same workflow menu; a draft cannot jump to published.
    keys(&mut app, &["<C-s>"]);
    goto_tab(&mut app, "Metadata");
    focus_field(&mut app, "validation_status");
    keys(&mut app, &["<Enter>"]);
    let menu = render(&mut app, 80, 24);
    assert!(
        menu.contains("submit for review") && !menu.contains("publish"),
        "{menu}"
    );
}

#[test]
fn review_queue_approves_and_sends_back_oldest_first() {
    let mut app = app();
    keys(&mut app, &["v"]);
    assert_eq!(app.screen, Screen::Queue);
    let waiting = app.queue.rows.len();
    assert!(waiting >= 2);
    assert!(
        app.queue
            .rows
            .iter()
            .all(|r| r.validation_status.as_deref() == Some("pending_review"))
    );
    insta::assert_snapshot!("review_queue_80x24", render(&mut app, 80, 24));
    let first = app.queue.rows[0].slug.clone();
    let second = app.queue.rows[1].slug.clone();
    keys(&mut app, &["a"]);
    assert_eq!(
        app.store
            .load_by_slug(&first)
            .unwrap()
            .get("validation_status"),
        &Value::text("validated")
    );
    assert_eq!(app.queue.rows.len(), waiting - 1);
    assert_eq!(app.queue.rows[0].slug, second, "on to the next");
    keys(&mut app, &["b", "Needs a day-in-the-life", "<Enter>"]);
    let p = app.store.load_by_slug(&second).unwrap();
    assert_eq!(p.get("validation_status"), &Value::text("draft"));
    let h = app.store.history(p.id.as_deref().unwrap()).unwrap();
    assert_eq!(
        h.last().unwrap().note.as_deref(),
        Some("Needs a day-in-the-life")
    );
    assert_eq!(app.queue.rows.len(), waiting - 2);
    // Oldest first: a persona submitted now goes to the end.
    let mut fresh = app.store.load_by_slug(&second).unwrap();
    fresh.set("tagline", Value::text("x"));
    app.store.save(&fresh).unwrap();
    app.store
        .move_status(fresh.id.as_deref().unwrap(), "pending_review", None, None)
        .unwrap();
    app.reload_queue();
    assert_eq!(app.queue.rows.last().unwrap().slug, second);
    keys(&mut app, &["g", "<Enter>"]);
    assert!(app.editor.is_some());
    keys(&mut app, &["<Esc>", "<Esc>"]);
    assert_eq!(app.screen, Screen::Browser);
    // The approved persona names its validator (the column holds the user's id).
    let approved = app.store.load_by_slug(&first).unwrap();
    app.open_editor(approved);
    goto_tab(&mut app, "Metadata");
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("tester (computed)"), "{screen}");
}

#[test]
fn archetype_map_selects_opens_and_lists_mismatches() {
    let mut app = app();
    // Make one persona disagree with its quadrant.
    let mut p = app.store.load_by_slug("msl-oncology-amara-okafor").unwrap();
    p.set("archetype", Value::text("LEARNER"));
    app.store.save(&p).unwrap();
    keys(&mut app, &["M"]);
    assert_eq!(app.screen, Screen::Map);
    let screen = render(&mut app, 100, 30);
    for q in ["SKEPTIC", "ORCHESTRATOR", "LEARNER", "AUTOMATOR"] {
        assert!(screen.contains(q), "quadrant {q} not labelled:\n{screen}");
    }
    assert!(screen.contains("✗") && screen.contains("◉"), "{screen}");
    let start = app.map.selected;
    keys(&mut app, &["<Right>"]);
    let after = app.map.selected;
    assert_ne!(start, after);
    let (x0, _) = persona_studio::app::screens::coords(&app.map.points[start]).unwrap();
    let (x1, _) = persona_studio::app::screens::coords(&app.map.points[after]).unwrap();
    assert!(x1 >= x0, "moved right: {x0} -> {x1}");
    keys(&mut app, &["x"]);
    assert_eq!(app.map.visible().len(), 1);
    assert_eq!(
        app.map.selected_point().unwrap().slug,
        "msl-oncology-amara-okafor"
    );
    let screen = render(&mut app, 100, 30);
    assert!(
        screen.contains("archetype disagrees") && screen.contains("Dr. Amara Okafor"),
        "{screen}"
    );
    keys(&mut app, &["<Enter>"]);
    assert_eq!(
        app.editor.as_ref().unwrap().draft.slug(),
        "msl-oncology-amara-okafor"
    );
    keys(&mut app, &["<Esc>", "<Tab>"]);
    assert!(app.map.show_distribution);
    let dist = render(&mut app, 100, 30);
    assert!(
        dist.contains("v_archetype_distribution") && dist.contains("Medical Affairs"),
        "{dist}"
    );
    let total: i64 = app.map.distribution.iter().map(|r| r.persona_count).sum();
    assert_eq!(total as usize, app.store.count(&Filter::default()).unwrap());
}

#[test]
fn tenants_never_see_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut a = Store::open(&db, None, "u").unwrap();
    persona_studio::demo::load_demo(&mut a).unwrap();
    a.add_tenant("beta", "Beta").unwrap();
    let mut b = Store::open(&db, Some("beta"), "u").unwrap();
    let mut p = persona_studio::model::Persona::new_draft();
    p.set("name", Value::text("Zed Beta"));
    p.set("slug", Value::text("zed-beta"));
    p.set("archetype", Value::text("SKEPTIC"));
    p.set("ai_maturity_score", Value::Real(10.0));
    p.set("work_complexity_score", Value::Real(90.0));
    p.set("function_name", Value::text("Beta Function"));
    let zid = b.save(&p).unwrap().id.unwrap();
    b.move_status(&zid, "pending_review", None, None).unwrap();
    let a_count = a.count(&Filter::default()).unwrap();

    // Store and views.
    assert_eq!(b.count(&Filter::default()).unwrap(), 1);
    assert_eq!(b.review_queue().unwrap().len(), 1);
    assert!(
        a.review_queue()
            .unwrap()
            .iter()
            .all(|r| r.slug != "zed-beta")
    );
    assert_eq!(b.map_points().unwrap().len(), 1);
    assert!(a.map_points().unwrap().iter().all(|r| r.slug != "zed-beta"));
    assert!(
        b.distribution()
            .unwrap()
            .iter()
            .all(|r| r.function_name.as_deref() == Some("Beta Function"))
    );
    assert!(
        a.distribution()
            .unwrap()
            .iter()
            .all(|r| r.function_name.as_deref() != Some("Beta Function"))
    );
    assert_eq!(
        a.count(&Filter {
            text: "Zed".into(),
            ..Default::default()
        })
        .unwrap(),
        0
    );
    assert_eq!(
        b.count(&Filter {
            text: "oncology".into(),
            ..Default::default()
        })
        .unwrap(),
        0
    );
    assert!(a.history(&zid).unwrap().is_empty());
    assert!(a.move_status(&zid, "validated", None, None).is_err());
    assert!(b.function_names().unwrap() == vec!["Beta Function".to_string()]);

    // Every screen of the app.
    let mut app =
        persona_studio::app::App::new(Store::open(&db, Some("beta"), "u").unwrap(), (100, 30));
    let screens: &[&[&str]] = &[
        &[],
        &["v"],
        &["<Esc>", "M"],
        &["<Tab>"],
        &["<Esc>", "/", "zed", "<Enter>"],
    ];
    for script in screens {
        keys(&mut app, script);
        let screen = render(&mut app, 100, 30);
        assert!(
            !screen.contains("Amara") && !screen.contains("Medical Affairs"),
            "{screen}"
        );
    }
    assert_eq!(app.browser.total, 1);
    // Switching tenant in the app shows the other tenant's personas only.
    keys(&mut app, &["<Esc>", "c", "W"]);
    let menu = render(&mut app, 100, 30);
    assert!(
        menu.contains("Switch tenant") && menu.contains("beta") && menu.contains("default"),
        "{menu}"
    );
    keys(&mut app, &["j", "<Enter>"]);
    assert_eq!(app.store.tenant().key, "default");
    assert_eq!(app.browser.total, a_count);
    assert!(!render(&mut app, 100, 30).contains("Zed Beta"));

    // Every command.
    for args in [
        vec!["list", "--json"],
        vec!["list", "--search", "oncology", "--json"],
    ] {
        let mut full = vec!["--tenant", "beta"];
        full.extend(args);
        let o = cli(&db, &full);
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(!out.contains("amara") && !out.contains("Amara"), "{out}");
    }
    let o = cli(
        &db,
        &["--tenant", "beta", "show", "msl-oncology-amara-okafor"],
    );
    assert!(!o.status.success());
    let o = cli(
        &db,
        &["--tenant", "beta", "history", "msl-oncology-amara-okafor"],
    );
    assert!(!o.status.success());
    let o = cli(
        &db,
        &[
            "--tenant",
            "beta",
            "status",
            "msl-oncology-amara-okafor",
            "archived",
        ],
    );
    assert!(!o.status.success());
    let o = cli(&db, &["show", "zed-beta"]);
    assert!(!o.status.success());
    let o = cli(&db, &["--tenant", "beta", "check"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("checked 1 persona(s)"));
    let o = cli(&db, &["tenant", "list"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("beta") && out.contains("default"));
}
