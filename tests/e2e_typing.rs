//! Issue 11 end to end, in a real terminal (tmux) with the debug binary: a 100 KB bracketed
//! paste into the long-text box saved whole; text typed only in the long-text box survives the
//! terminal closing (SIGHUP); a panic leaves a recovery file and a restored terminal.
//!
//! tmux must be installed: without it these tests fail (they never skip).

#[path = "common/tmux.rs"]
mod tmux;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tmux::{Tmux, home_env};

const BIN: &str = env!("CARGO_BIN_EXE_persona-studio");
const COLS: u16 = 100;
const ROWS: u16 = 30;
const SLUG: &str = "clinical-research-associate-aisha-mensah";

/// A demo database in a fresh temporary home.
fn demo_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("personas.db");
    cli(&db, &["demo"]);
    (dir, db)
}

fn home(db: &Path) -> &Path {
    db.parent().expect("the database is in a temp dir")
}

fn cli(db: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .envs(home_env(home(db)))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run persona-studio");
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

fn start(db: &Path, env: &[(&str, &str)]) -> Tmux {
    let db_arg = db.to_str().expect("utf-8 path");
    Tmux::start_env(Path::new(BIN), &["--db", db_arg], home(db), env, COLS, ROWS)
}

fn recovery_files(db: &Path) -> Vec<PathBuf> {
    let dir = home(db).join("data").join("recovery");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect()
}

fn wait_recovery_file(db: &Path) -> PathBuf {
    let start = Instant::now();
    loop {
        if let Some(p) = recovery_files(db).pop() {
            return p;
        }
        assert!(start.elapsed() < tmux::WAIT, "no recovery file was written");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Opens Aisha Mensah's persona on the Narrative tab with Background story focused.
fn open_background_story(t: &Tmux) {
    t.wait_for("Aisha Mensah");
    t.keys(&["/"]);
    t.type_text("Aisha");
    t.wait_until("the search", |s| s.contains("1 shown"));
    t.keys(&["Enter", "Enter"]);
    t.wait_for("[Identity]");
    for _ in 0..6 {
        t.keys(&["Tab"]);
    }
    t.wait_for("[Narrative]");
    for _ in 0..10 {
        let s = t.wait_until("a focused field", |s| s.contains("│▶ "));
        if s.contains("▶ Background story") {
            return;
        }
        t.keys(&["j"]);
        t.wait_until("the focus to move", |n| n != s);
    }
    panic!("Background story never got the focus:\n{}", t.screen());
}

/// Leaves the editor, then quits. Two sends: Escape and q in one would arrive as Alt-q.
fn quit(t: &Tmux) {
    t.keys(&["Escape"]);
    t.wait_for("Persona Studio · Personas");
    t.keys(&["q"]);
    assert_eq!(t.wait_status(), 0, "a clean exit on q");
}

fn background_story(db: &Path) -> String {
    let json: serde_json::Value =
        serde_json::from_str(&cli(db, &["show", SLUG, "--json"])).expect("JSON");
    json["background_story"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_100_kb_bracketed_paste_into_the_long_text_box_is_saved_whole() {
    let (_dir, db) = demo_db();
    let mut big = String::new();
    let mut i = 0;
    while big.len() < 100 * 1024 {
        big.push_str(&format!("{i:05} pasted line of the interview transcript\n"));
        i += 1;
    }
    let big = big.trim_end().to_string();
    let last = big.lines().last().expect("lines").to_string();

    let t = start(&db, &[("E2E_HOLD_PANE", "1")]);
    open_background_story(&t);
    t.keys(&["x", "Enter"]);
    t.wait_for("Esc done");
    t.paste(&big);
    t.wait_for(&last);
    // The next key goes where the user expects: Esc closes the box at once, Ctrl-S saves.
    t.keys(&["Escape"]);
    t.wait_until("the box closed", |s| s.contains("▶ Background story"));
    t.keys(&["C-s"]);
    t.wait_for("Saved");
    quit(&t);
    assert_eq!(
        background_story(&db),
        big,
        "all 100 KB saved, line breaks kept"
    );
    // Bracketed paste is off again after the app: the shell's terminal echoes a paste as is.
    t.paste("pasted-after-quitting");
    let screen = t.wait_for("pasted-after-quitting");
    assert!(
        !screen.contains("[200~"),
        "bracketed paste left on:\n{screen}"
    );
}

#[test]
fn text_typed_only_in_the_long_text_box_survives_the_terminal_closing() {
    let (_dir, db) = demo_db();
    let t = start(&db, &[]);
    open_background_story(&t);
    t.keys(&["x", "C-s"]);
    t.wait_for("Saved");
    t.keys(&["Enter"]);
    t.wait_for("Esc done");
    t.type_text("Typed in the box, never closed");
    t.wait_for("never closed");
    drop(t); // kills the tmux server: the terminal goes away, the app gets SIGHUP

    let file = wait_recovery_file(&db);
    let text = std::fs::read_to_string(&file).expect("readable");
    assert!(text.contains("Typed in the box, never closed"), "{text}");

    let t = start(&db, &[]);
    t.wait_for("Recover unsaved edits?");
    t.wait_for("brings back: Background story");
    t.keys(&["r"]);
    t.wait_for("unsaved");
    t.keys(&["C-s"]);
    t.wait_for("Saved");
    quit(&t);
    assert_eq!(background_story(&db), "Typed in the box, never closed");
}

#[test]
fn a_panic_leaves_a_recovery_file_and_a_restored_terminal() {
    let (_dir, db) = demo_db();
    let t = start(
        &db,
        &[("PERSONA_STUDIO_TEST_PANIC", "1"), ("E2E_HOLD_PANE", "1")],
    );
    t.wait_for("Aisha Mensah");
    t.keys(&["Enter", "j", "j", "Enter", "C-u"]);
    t.type_text("Unsaved when it panicked");
    t.keys(&["Enter"]);
    t.wait_until("the edit shown", |s| {
        s.contains("Unsaved when it panicked") && !s.contains("typing:")
    });
    assert_eq!(
        t.pane_format("#{alternate_on}"),
        "1",
        "the app is on the alternate screen"
    );
    t.keys(&["F12"]);
    assert_eq!(
        t.wait_status(),
        101,
        "a panic exits 101; stderr: {}",
        t.stderr()
    );

    let file = wait_recovery_file(&db);
    let text = std::fs::read_to_string(&file).expect("readable");
    assert!(text.contains("Unsaved when it panicked"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let stderr = t.stderr();
    assert!(
        stderr.contains("test panic"),
        "the panic is reported: {stderr}"
    );
    assert!(stderr.contains("unsaved edits kept in"), "{stderr}");

    // The terminal is back: main screen, cursor shown, cooked mode (echo, line editing),
    // bracketed paste off (a paste is echoed without its markers).
    assert_eq!(t.pane_format("#{pane_dead}"), "0", "the pane is held open");
    assert_eq!(t.pane_format("#{alternate_on}"), "0");
    assert_eq!(t.pane_format("#{cursor_flag}"), "1");
    let stty = t.stty_after_exit().expect("stty ran after the program");
    let words: Vec<&str> = stty.split_whitespace().collect();
    for flag in ["icanon", "echo", "isig"] {
        assert!(words.contains(&flag), "{flag} restored: {stty}");
    }
    t.paste("pasted-after-the-panic");
    let screen = t.wait_for("pasted-after-the-panic");
    assert!(
        !screen.contains("[200~"),
        "bracketed paste still on:\n{screen}"
    );
}
