//! No typed text lost: recovery files on SIGTERM/SIGHUP, read-only and full databases, and
//! another process changing a persona under an open editor.

mod common;
use common::*;
#[path = "common/tmux.rs"]
mod tmux;
use tmux::Tmux;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use persona_studio::app::App;
use persona_studio::app::popup::Popup;
use persona_studio::model::Value;
use persona_studio::store::Store;

const BIN: &str = env!("CARGO_BIN_EXE_persona-studio");

#[test]
fn recovery_snapshot_restores_edits_and_typed_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let mut s = Store::open(&db, None, "u").unwrap();
    persona_studio::demo::load_demo(&mut s).unwrap();
    let mut app = App::new(s, (80, 24));
    keys(&mut app, &["<Enter>"]);
    let slug = app.editor.as_ref().unwrap().draft.slug().to_string();
    fill(&mut app, "tagline", "Typed before the crash");
    goto_tab(&mut app, "Archetype");
    fill(&mut app, "ai_maturity_score", "150"); // invalid: kept as typed text
    let snap = app
        .recovery_snapshot()
        .expect("dirty editor has a snapshot");
    let rdir = persona_studio::recovery::dir(dir.path());
    persona_studio::recovery::write(&rdir, &snap).unwrap();
    drop(app);

    let s = Store::open(&db, None, "u").unwrap();
    let found =
        persona_studio::recovery::find(&rdir, &s.path().unwrap().display().to_string(), "default");
    assert_eq!(found.len(), 1);
    let mut app = App::new(s, (80, 24));
    app.offer_recovery(found);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Recover unsaved edits?"), "{screen}");
    keys(&mut app, &["r"]);
    let ed = app.editor.as_ref().expect("editor restored");
    assert!(ed.is_dirty());
    assert_eq!(
        ed.draft.get("tagline"),
        &Value::text("Typed before the crash")
    );
    let i = persona_studio::catalog::core_index("ai_maturity_score").unwrap();
    assert_eq!(ed.core.raw[i].as_deref(), Some("150"));
    assert!(ed.core.errors[i].is_some());
    assert!(
        std::fs::read_dir(&rdir).unwrap().next().is_none(),
        "file removed once restored"
    );
    goto_tab(&mut app, "Archetype");
    fill(&mut app, "ai_maturity_score", "55");
    keys(&mut app, &["<C-s>"]);
    let p = app.store.load_by_slug(&slug).unwrap();
    assert_eq!(p.get("tagline"), &Value::text("Typed before the crash"));
    assert_eq!(p.get("ai_maturity_score"), &Value::Real(55.0));
}

#[test]
fn read_only_and_full_databases_refuse_saves_but_keep_edits() {
    let mut app = app();
    keys(&mut app, &["<Enter>"]);
    let slug = app.editor.as_ref().unwrap().draft.slug().to_string();
    fill(&mut app, "tagline", "Kept while read-only");
    app.store.set_read_only(true).unwrap();
    keys(&mut app, &["<C-s>"]);
    let st = app.status.clone().unwrap();
    assert!(
        st.error && st.text.contains("read-only") && st.text.contains("edits are kept"),
        "{st:?}"
    );
    assert_eq!(
        app.editor.as_ref().unwrap().draft.get("tagline"),
        &Value::text("Kept while read-only")
    );
    assert!(app.editor.as_ref().unwrap().is_dirty());
    app.store.set_read_only(false).unwrap();

    // A full disk: the database may not grow by a single page.
    app.store.set_growth_allowed(false).unwrap();
    goto_tab(&mut app, "Narrative");
    let big = "A very long background story. ".repeat(20_000);
    let effects = keys(&mut app, &["e"]);
    let persona_studio::app::Effect::ExternalEdit { form, field, .. } = effects[0] else {
        panic!("{effects:?}")
    };
    app.external_edit_done(form, field, big.clone());
    keys(&mut app, &["<C-s>"]);
    let st = app.status.clone().unwrap();
    assert!(st.error && st.text.contains("disk is full"), "{st:?}");
    assert_eq!(
        app.editor
            .as_ref()
            .unwrap()
            .draft
            .get("background_story")
            .as_str()
            .map(str::len),
        Some(big.len())
    );
    app.store.set_growth_allowed(true).unwrap();
    keys(&mut app, &["<C-s>"]);
    assert!(!app.status.clone().unwrap().error);
    assert_eq!(
        app.store.load_by_slug(&slug).unwrap().get("tagline"),
        &Value::text("Kept while read-only")
    );
}

#[test]
fn another_process_changing_the_persona_is_a_conflict_not_a_lost_update() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let mut s = Store::open(&db, None, "u").unwrap();
    persona_studio::demo::load_demo(&mut s).unwrap();
    let mut app = App::new(s, (80, 24));
    keys(&mut app, &["/", "Chloe", "<Enter>", "<Enter>"]);
    assert_eq!(
        app.editor.as_ref().unwrap().draft.get("validation_status"),
        &Value::text("draft")
    );
    fill(&mut app, "tagline", "Mine");
    // Another process moves the persona on (and so changes its version).
    let o = Command::new(env!("CARGO_BIN_EXE_persona-studio"))
        .args(["--db"])
        .arg(&db)
        .args([
            "status",
            "associate-brand-manager-chloe-bennett",
            "pending_review",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    keys(&mut app, &["<C-s>"]);
    assert!(matches!(app.popups.last(), Some(Popup::Conflict)));
    assert!(render(&mut app, 80, 24).contains("Changed elsewhere"));
    keys(&mut app, &["c"]);
    assert_eq!(
        app.editor.as_ref().unwrap().draft.get("tagline"),
        &Value::text("Mine"),
        "edits kept"
    );
    let stored = app
        .store
        .load_by_slug("associate-brand-manager-chloe-bennett")
        .unwrap();
    assert_ne!(stored.get("tagline"), &Value::text("Mine"));
    keys(&mut app, &["<C-s>", "o"]);
    let stored = app
        .store
        .load_by_slug("associate-brand-manager-chloe-bennett")
        .unwrap();
    assert_eq!(stored.get("tagline"), &Value::text("Mine"));
    // Overwriting content does not undo the other process's workflow move.
    assert_eq!(
        stored.get("validation_status"),
        &Value::text("pending_review")
    );
}

/// The app on `db` in a terminal of its own, with `home` as its home (data dir `home/data`).
fn start_app(db: &Path, home: &Path) -> Tmux {
    let db = db.to_str().expect("utf-8 temp path");
    Tmux::start(Path::new(BIN), &["--db", db], home, 100, 30)
}

/// The first file to appear in `dir`, waiting as long as the terminal driver waits for a screen.
fn wait_file(dir: &Path) -> std::path::PathBuf {
    let start = Instant::now();
    loop {
        if let Some(e) = std::fs::read_dir(dir).ok().and_then(|mut d| d.next()) {
            return e.unwrap().path();
        }
        assert!(
            start.elapsed() < tmux::WAIT,
            "no recovery file in {} after {:?}",
            dir.display(),
            tmux::WAIT
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Types into a persona's tagline in the real binary, signals it, and restores on restart.
fn signal_round_trip(signal: &str) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let data = dir.path().join("data");
    assert!(
        Command::new(BIN)
            .arg("--db")
            .arg(&db)
            .arg("demo")
            .status()
            .unwrap()
            .success()
    );
    let t = start_app(&db, dir.path());
    t.wait_for("Aisha Mensah");
    t.keys(&["Enter"]);
    t.wait_for("Live");
    t.keys(&["j", "j", "Enter", "C-u"]);
    t.type_text(&format!("Unsaved via {signal}"));
    t.wait_for(&format!("Unsaved via {signal}"));
    match signal {
        "TERM" => t.signal("TERM"),
        _ => t.close_terminal(), // the terminal goes away: SIGHUP
    }
    let file = wait_file(&persona_studio::recovery::dir(&data));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(&format!("Unsaved via {signal}")), "{text}");
    drop(t);

    let t = start_app(&db, dir.path());
    t.wait_for("Recover unsaved edits?");
    t.keys(&["r"]);
    t.wait_for("unsaved");
    t.keys(&["C-s"]);
    t.wait_for("Saved");
    // Escape and q in one send-keys would reach the app as Alt-q.
    t.keys(&["Escape"]);
    t.wait_for("Persona Studio · Personas");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0, "the app exits cleanly on q");
    let o = Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .args(["show", "clinical-research-associate-aisha-mensah", "--json"])
        .output()
        .unwrap();
    let p: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        p["title"],
        format!("Unsaved via {signal}"),
        "j j from Name is the Title field"
    );
}

#[test]
fn sigterm_keeps_unsaved_edits_for_the_next_start() {
    signal_round_trip("TERM");
}

#[test]
fn closing_the_terminal_keeps_unsaved_edits_for_the_next_start() {
    signal_round_trip("HUP");
}

#[test]
fn first_run_of_the_app_on_the_default_database_shows_the_demo_personas() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // A reading command never creates the default database (issue 12, point 5) ...
    let command = |args: &[&str]| {
        Command::new(BIN)
            .env("PERSONA_STUDIO_DATA", &data)
            .env_remove("PERSONA_STUDIO_DB")
            .args(args)
            .output()
            .unwrap()
    };
    let o = command(&["list", "--json"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("init"));
    assert!(!data.join("personas.db").exists());
    // ... `init` creates it, and leaves it empty ...
    assert!(command(&["init"]).status.success());
    let o = command(&["list", "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "[]");
    assert!(
        data.join("personas.db").exists(),
        "the default database lives in the data dir"
    );
    // ... and the app's first run fills it with the demo personas.
    // The driver unsets PERSONA_STUDIO_DB and puts the data dir at `home/data`.
    let t = Tmux::start(Path::new(BIN), &[], dir.path(), 100, 30);
    t.wait_for("Dr. Amara Okafor");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0, "the app exits cleanly on q");
    let o = Command::new(BIN)
        .env("PERSONA_STUDIO_DATA", &data)
        .args(["list", "--json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(list.as_array().unwrap().len() >= 12);
}
