//! The team library in the app, without a PostgreSQL server: the sync screen reached from the
//! browser and the palette, the advice when no remote is linked, the browser's marks, the
//! side-by-side resolution of a conflict recorded in the file, the masked password prompt
//! (against a stand-in server that only asks for a password), a second start refused while
//! a sync runs, and snapshots. The runs against a real server are in tests/team/app_sync.rs.

mod common;

use std::net::TcpListener;
use std::time::{Duration, Instant};

use common::sync::{MY_TAGLINE, THEIR_TITLE, local_conflict, password_server, tick_until};
use common::{demo_copy, keys, render};
use persona_studio::app::{App, Mode};

const SLUG: &str = "msl-oncology-amara-okafor";
/// Never connected to: these tests only read what the file holds.
const URL: &str = "postgres://alice@db.example:5432/team?sslmode=require";

fn conflicted() -> App {
    let mut app = demo_copy((80, 24));
    local_conflict(&mut app, URL, SLUG);
    app
}

fn name_of(app: &App) -> String {
    app.store.load_by_slug(SLUG).unwrap().name().to_string()
}

#[test]
fn s_and_the_palette_open_the_sync_screen_which_says_how_to_link_a_remote() {
    let mut app = demo_copy((80, 24));
    keys(&mut app, &["S"]);
    assert_eq!(app.mode(), Mode::Sync);
    let shown = render(&mut app, 80, 24);
    assert!(shown.contains("persona-studio remote set URL"), "{shown}");
    keys(&mut app, &["s"]);
    assert!(!app.sync.running(), "nothing to sync with");
    let status = app.status.clone().expect("a reason");
    assert!(
        status.error && status.text.contains("remote set URL"),
        "{status:?}"
    );
    keys(&mut app, &["<Esc>"]);
    assert_eq!(app.mode(), Mode::Browser);
    keys(&mut app, &[":", "sync with", "<Enter>"]);
    assert_eq!(app.mode(), Mode::Sync, "the palette offers the sync screen");
}

#[test]
fn the_browser_marks_unpushed_and_conflicting_personas_with_a_legend() {
    let mut app = demo_copy((120, 24));
    let plain = render(&mut app, 120, 24);
    assert!(!plain.contains("not pushed"), "no marks without a remote");
    local_conflict(&mut app, URL, SLUG);
    let shown = render(&mut app, 120, 24);
    assert!(
        shown.contains("↑ not pushed yet · ! in conflict"),
        "{shown}"
    );
    let row = |s: &str, name: &str| {
        s.lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no row {name}:\n{s}"))
            .to_string()
    };
    assert!(row(&shown, "Dr. Amara").contains("! "), "{shown}");
    // Never synced: every other persona is waiting to be pushed.
    assert!(row(&shown, "Aisha").contains("↑ "), "{shown}");
    // Tenant-scoped: another tenant of the same file has no remote, so no marks.
    let id = app.store.load_by_slug(SLUG).unwrap().id.unwrap();
    assert!(
        !app.store
            .sync_marks(std::slice::from_ref(&id))
            .unwrap()
            .is_empty()
    );
    app.store.add_tenant("other-team", "Other team").unwrap();
    app.store.switch_tenant("other-team").unwrap();
    assert!(app.store.sync_marks(&[id]).unwrap().is_empty());
}

#[test]
fn the_side_by_side_view_resolves_part_by_part_in_one_write() {
    let mut app = conflicted();
    keys(&mut app, &["S"]);
    assert_eq!(app.sync.conflicts.len(), 1);
    assert_eq!(
        app.sync.conflicts[0].parts,
        vec!["personas.name".to_string(), "personas.tagline".to_string()]
    );
    keys(&mut app, &["<Enter>"]);
    assert_eq!(app.mode(), Mode::SyncResolve);
    let view = render(&mut app, 80, 24);
    assert!(
        view.contains("(mine)") && view.contains("(theirs)"),
        "{view}"
    );
    // Applying with a part undecided is refused, naming what is missing; nothing written.
    keys(&mut app, &["a"]);
    let status = app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("2 parts"),
        "{status:?}"
    );
    assert_eq!(app.mode(), Mode::SyncResolve);
    // One chosen, one not: still refused.
    keys(&mut app, &["t", "a"]);
    let status = app.status.clone().unwrap();
    assert!(status.error && status.text.contains("1 part"), "{status:?}");
    assert!(name_of(&app).ends_with("(mine)"), "nothing written yet");
    // Esc leaves it as it was.
    keys(&mut app, &["<Esc>"]);
    assert_eq!(app.mode(), Mode::Sync);
    assert_eq!(app.sync.conflicts.len(), 1);
    // Theirs for the name, then (the focus moves on) mine for the tagline; their title
    // merges in anyway (changed on their side only).
    keys(&mut app, &["<Enter>", "t", "m", "a"]);
    assert_eq!(app.mode(), Mode::Sync, "{:?}", app.status);
    assert!(name_of(&app).ends_with("(theirs)"), "{}", name_of(&app));
    let p = app.store.load_by_slug(SLUG).unwrap();
    assert_eq!(p.text("tagline"), Some(MY_TAGLINE));
    assert_eq!(p.text("title"), Some(THEIR_TITLE));
    assert!(app.sync.conflicts.is_empty());
    let left = app.store.with_sync_state(|st, s| st.conflicts(s)).unwrap();
    assert!(left.is_empty(), "the conflict is cleared");
    // Still to be pushed: the browser marks it so.
    keys(&mut app, &["<Esc>"]);
    let id = p.id.unwrap();
    let marks = app.store.sync_marks(std::slice::from_ref(&id)).unwrap();
    assert!(marks[&id].unpushed && !marks[&id].conflict, "{marks:?}");
}

#[test]
fn all_mine_keeps_every_local_part() {
    let mut app = conflicted();
    keys(&mut app, &["S", "<Enter>", "T", "M", "a"]);
    assert_eq!(app.mode(), Mode::Sync, "{:?}", app.status);
    assert!(name_of(&app).ends_with("(mine)"));
    assert!(app.sync.conflicts.is_empty());
}

#[test]
fn the_password_prompt_is_masked_and_its_password_is_never_stored() {
    let mut app = demo_copy((80, 24));
    let url = password_server();
    local_conflict(&mut app, &url, SLUG);
    keys(&mut app, &["S", "s"]);
    tick_until(&mut app, "the password prompt", |a| {
        a.mode() == Mode::SyncPassword
    });
    // Esc: no password, nothing started.
    keys(&mut app, &["<Esc>"]);
    assert_eq!(app.mode(), Mode::Sync);
    assert!(!app.sync.running() && !app.sync.has_password());
    keys(&mut app, &["s"]);
    tick_until(&mut app, "the prompt again", |a| {
        a.mode() == Mode::SyncPassword
    });
    keys(&mut app, &["hunter2"]);
    app.on_paste("!x");
    let shown = render(&mut app, 80, 24);
    assert!(
        !shown.contains("hunter2") && !shown.contains("!x"),
        "{shown}"
    );
    assert!(
        shown.contains("•••••••••"),
        "a bullet a character:\n{shown}"
    );
    keys(&mut app, &["<Enter>"]);
    assert!(
        app.sync.running(),
        "the sync starts with the typed password"
    );
    tick_until(&mut app, "the refusal", |a| !a.sync.running());
    let status = app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("password authentication failed"),
        "{status:?}"
    );
    assert!(!status.text.contains("hunter2"));
    assert!(!app.sync.has_password(), "a refused password is forgotten");
    let path = app.store.path().unwrap().to_path_buf();
    drop(app);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend(std::fs::read(path.with_extension("db-wal")).unwrap_or_default());
    let hay = String::from_utf8_lossy(&bytes);
    assert!(
        !hay.contains("hunter2"),
        "the password reached the database file"
    );
}

#[test]
fn a_sync_runs_off_the_key_path_a_second_start_is_refused_and_esc_leaves_it_running() {
    // A server that accepts and never answers: the sync waits on it in its thread.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut app = demo_copy((80, 24));
    let url = format!("postgres://alice@127.0.0.1:{port}/team?sslmode=disable");
    local_conflict(&mut app, &url, SLUG);
    keys(&mut app, &["S"]);
    let t = Instant::now();
    keys(&mut app, &["s"]);
    let (held, _) = listener.accept().unwrap();
    assert!(app.sync.running());
    assert!(
        app.tick_interval().is_some(),
        "the loop wakes while it runs"
    );
    keys(&mut app, &["s"]);
    let status = app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("already running"),
        "{status:?}"
    );
    // Keys go on while the server says nothing.
    keys(&mut app, &["j", "k", "<Esc>", "j", "k", "S"]);
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "keys waited on the network"
    );
    assert_eq!(app.mode(), Mode::Sync);
    keys(&mut app, &["<Esc>"]);
    assert_eq!(app.mode(), Mode::Browser);
    assert!(
        app.sync.running(),
        "leaving the screen does not stop the sync"
    );
    // The server hangs up: the sync reports, wherever the user is.
    drop(held);
    drop(listener);
    tick_until(&mut app, "the sync to end", |a| !a.sync.running());
    assert_eq!(app.tick_interval(), None);
    assert!(app.sync.failure.is_some());
    assert!(app.status.clone().unwrap().error);
}

#[test]
fn snapshots_of_the_sync_screen_and_the_side_by_side_view() {
    for (w, h) in [(80, 24), (160, 30)] {
        let mut app = conflicted();
        keys(&mut app, &["S"]);
        insta::assert_snapshot!(format!("sync_screen_{w}x{h}"), render(&mut app, w, h));
        keys(&mut app, &["<Enter>", "t"]);
        insta::assert_snapshot!(format!("side_by_side_{w}x{h}"), render(&mut app, w, h));
    }
}

#[test]
fn every_sync_view_survives_odd_sizes() {
    let mut app = conflicted();
    let views: &[&[&str]] = &[&["S"], &["<Enter>"], &["m", "j"]];
    let sizes = [
        (20, 5),
        (21, 6),
        (33, 9),
        (47, 12),
        (80, 7),
        (200, 60),
        (300, 4),
    ];
    for script in views {
        keys(&mut app, script);
        for (w, h) in sizes {
            let shown = render(&mut app, w, h);
            assert_eq!(shown.lines().count(), usize::from(h));
        }
    }
    // And the password prompt with some text in it.
    keys(&mut app, &["<Esc>", "<Esc>"]);
    app.sync.asking = Some(persona_studio::app::input::Input::new("secret"));
    keys(&mut app, &["S"]);
    assert_eq!(app.mode(), Mode::SyncPassword);
    for (w, h) in sizes {
        let shown = render(&mut app, w, h);
        assert!(!shown.contains("secret"));
    }
}

#[test]
fn a_list_row_and_the_status_in_conflict_are_shown_and_resolved_part_by_part() {
    use persona_studio::catalog::{CHILD_SPECS, Kind, child_index};
    use persona_studio::model::Value;
    use persona_studio::sync::driver::Local;
    use persona_studio::sync::{session, snapshot};

    let mut app = demo_copy((120, 30));
    session::set_remote(&mut app.store, URL, None).unwrap();
    let id = app.store.load_by_slug(SLUG).unwrap().id.unwrap();
    let base = Local::load(&mut app.store, std::slice::from_ref(&id))
        .unwrap()
        .pop()
        .unwrap();
    let snap = snapshot::to_json(&base).to_string();
    app.store
        .with_sync_state(|st, s| st.set_base(s, &id, &snap, "h"))
        .unwrap();
    let list = child_index("pain_points").unwrap();
    assert!(
        !base.lists[list].is_empty(),
        "the demo persona has pain points"
    );
    let col = CHILD_SPECS[list]
        .fields
        .iter()
        .position(|f| matches!(f.kind, Kind::Text | Kind::LongText))
        .unwrap();
    let mut mine = app.store.load(&id).unwrap();
    mine.lists[list][0].values[col] = Value::text("My wording of the pain");
    app.store.save(&mine).unwrap();
    app.store.move_status(&id, "archived", None, None).unwrap();
    let mut theirs = base.clone();
    theirs.lists[list][0].values[col] = Value::text("Their wording of the pain");
    theirs.set("validation_status", Value::text("validated"));
    let theirs = snapshot::to_json(&theirs).to_string();
    app.store
        .with_sync_state(|st, s| st.set_conflict(s, &id, Some(&theirs)))
        .unwrap();

    keys(&mut app, &["S", "<Enter>"]);
    assert_eq!(app.mode(), Mode::SyncResolve);
    let view = render(&mut app, 160, 40);
    for want in [
        "Pain points row",
        "My wording of the pain",
        "Their wording of the pain",
        "Validation status",
        "archived",
        "validated",
    ] {
        assert!(view.contains(want), "{want}:\n{view}");
    }
    // Theirs for the row, mine for the status.
    keys(&mut app, &["t", "m", "a"]);
    assert_eq!(app.mode(), Mode::Sync, "{:?}", app.status);
    let p = app.store.load(&id).unwrap();
    assert_eq!(
        p.lists[list][0].values[col],
        Value::text("Their wording of the pain")
    );
    assert_eq!(p.text("validation_status"), Some("archived"));
    assert!(app.sync.conflicts.is_empty());
}
