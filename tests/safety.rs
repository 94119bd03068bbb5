//! No typed text lost: recovery files on SIGTERM/SIGHUP, read-only and full databases, and
//! another process changing a persona under an open editor.

mod common;
use common::*;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use persona_studio::app::App;
use persona_studio::app::popup::Popup;
use persona_studio::model::Value;
use persona_studio::store::Store;

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

struct Tmux {
    socket: String,
}

impl Tmux {
    /// The socket lives in the test's temp dir (`-S`), so nothing is left in /tmp/tmux-*.
    fn start(cmd: &str, dir: &Path) -> Tmux {
        let socket = dir
            .join(format!("tmux-{}.sock", uuid::Uuid::new_v4().simple()))
            .display()
            .to_string();
        let ok = Command::new("tmux")
            .args([
                "-S",
                &socket,
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                "100",
                "-y",
                "30",
                cmd,
            ])
            .status()
            .expect("tmux must be installed (.ci/run installs it)");
        assert!(ok.success());
        Tmux { socket }
    }
    fn keys(&self, k: &[&str]) {
        let mut args = vec!["-S", self.socket.as_str(), "send-keys", "-t", "t"];
        args.extend(k);
        Command::new("tmux").args(args).status().unwrap();
    }
    fn screen(&self) -> String {
        let o = Command::new("tmux")
            .args(["-S", &self.socket, "capture-pane", "-p", "-t", "t"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout).into_owned()
    }
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "timed out waiting for {text:?}:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    fn pane_pid(&self) -> u32 {
        let o = Command::new("tmux")
            .args([
                "-S",
                &self.socket,
                "display",
                "-p",
                "-t",
                "t",
                "#{pane_pid}",
            ])
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout).trim().parse().unwrap()
    }
    fn kill_server(&self) {
        let _ = Command::new("tmux")
            .args(["-S", &self.socket, "kill-server"])
            .status();
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.kill_server();
    }
}

fn app_cmd(db: &Path, data: &Path) -> String {
    // exec: the app is the pane's process, so it gets the pane's signals directly. Its stderr
    // goes to a file next to the data dir, for the failure message.
    format!(
        "exec env PERSONA_STUDIO_DATA={} {} --db {} 2>>{}",
        data.display(),
        env!("CARGO_BIN_EXE_persona-studio"),
        db.display(),
        data.with_extension("stderr").display()
    )
}

fn wait_file(dir: &Path) -> std::path::PathBuf {
    let start = Instant::now();
    loop {
        if let Some(e) = std::fs::read_dir(dir).ok().and_then(|mut d| d.next()) {
            return e.unwrap().path();
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no recovery file in {}",
            dir.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Types into a persona's tagline in the real binary, signals it, and restores on restart.
fn signal_round_trip(signal: &str) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let data = dir.path().join("data");
    let bin = env!("CARGO_BIN_EXE_persona-studio");
    assert!(
        Command::new(bin)
            .arg("--db")
            .arg(&db)
            .arg("demo")
            .status()
            .unwrap()
            .success()
    );
    let t = Tmux::start(&app_cmd(&db, &data), dir.path());
    t.wait_for("Aisha Mensah");
    t.keys(&["Enter"]);
    t.wait_for("Live");
    t.keys(&["j", "j", "Enter", "C-u"]);
    t.keys(&["-l", &format!("Unsaved via {signal}")]);
    t.wait_for(&format!("Unsaved via {signal}"));
    match signal {
        "TERM" => {
            let ok = Command::new("kill")
                .args(["-TERM", &t.pane_pid().to_string()])
                .status()
                .unwrap();
            assert!(ok.success());
        }
        _ => t.kill_server(), // the terminal goes away: SIGHUP
    }
    let file = wait_file(&persona_studio::recovery::dir(&data));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(&format!("Unsaved via {signal}")), "{text}");
    drop(t);

    let t = Tmux::start(&app_cmd(&db, &data), dir.path());
    t.wait_for("Recover unsaved edits?");
    t.keys(&["r"]);
    t.wait_for("unsaved");
    t.keys(&["C-s"]);
    t.wait_for("Saved");
    t.keys(&["Escape", "q"]);
    let o = Command::new(bin)
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
    let bin = env!("CARGO_BIN_EXE_persona-studio");
    // A command on the fresh default database leaves it empty ...
    let o = Command::new(bin)
        .env("PERSONA_STUDIO_DATA", &data)
        .env_remove("PERSONA_STUDIO_DB")
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "[]");
    assert!(
        data.join("personas.db").exists(),
        "the default database lives in the data dir"
    );
    // ... and the app's first run fills it with the demo personas.
    let cmd = format!(
        "exec env -u PERSONA_STUDIO_DB PERSONA_STUDIO_DATA={} {bin}",
        data.display()
    );
    let t = Tmux::start(&cmd, dir.path());
    t.wait_for("Dr. Amara Okafor");
    t.keys(&["q"]);
    let o = Command::new(bin)
        .env("PERSONA_STUDIO_DATA", &data)
        .args(["list", "--json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(list.as_array().unwrap().len() >= 12);
}
