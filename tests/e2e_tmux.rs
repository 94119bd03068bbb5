//! End to end in a real terminal: the binary runs under tmux on a temporary database, driven
//! by keys, and its result is read back through the command line.
//!
//! tmux must be installed: without it these tests fail (they never skip). The binary is the
//! debug one cargo builds for every integration test: a release build of its own would double
//! the compile time of `cargo test`, and a few keys on a small database need no optimiser.

#[path = "common/tmux.rs"]
mod tmux;

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;
use tmux::{Tmux, home_env};

const BIN: &str = env!("CARGO_BIN_EXE_persona-studio");
const COLS: u16 = 100;
const ROWS: u16 = 30;
/// The browser's title line.
const BROWSER: &str = "Persona Studio · Personas";

/// Runs a headless command of the binary on `db`, with the database's folder as its
/// home; returns stdout, failing on an error.
fn cli(db: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .envs(home_env(home(db)))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run persona-studio");
    assert!(
        out.status.success(),
        "persona-studio {args:?} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// The home directory of the programs a test runs: the folder of its temporary database.
fn home(db: &Path) -> &Path {
    db.parent().expect("the database is in a temp dir")
}

/// Starts the app on `db` and waits for the browser.
fn start_app(db: &Path) -> Tmux {
    let db_arg = db.to_str().expect("utf-8 temp path");
    let t = Tmux::start(Path::new(BIN), &["--db", db_arg], home(db), COLS, ROWS);
    t.wait_for(BROWSER);
    t
}

/// The line of the form or list that holds the focus glyph, if any.
fn focused_line(screen: &str) -> Option<&str> {
    screen.lines().find(|l| l.contains("│▶ "))
}

/// The first line: the browser's or the editor's title.
fn title_line(screen: &str) -> &str {
    screen.lines().next().unwrap_or_default()
}

/// The last non-empty line: the key hints. The screen is drawn top to bottom, so a capture
/// that shows this line's new state shows the rest of that frame too.
fn hint_line(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
}

/// Whether a form field is being typed into (the hints then start with "typing:").
fn typing(screen: &str) -> bool {
    hint_line(screen).trim_start().starts_with("typing:")
}

/// Moves the form focus down with `j` until the field labelled `label` has it.
fn focus_field(t: &Tmux, label: &str) {
    let wanted = format!("▶ {label} ");
    for _ in 0..20 {
        let screen = t.wait_until("a focused field", |s| focused_line(s).is_some());
        let before = focused_line(&screen).unwrap_or_default().to_string();
        if before.contains(&wanted) {
            return;
        }
        t.keys(&["j"]);
        t.wait_until(&format!("the focus to move down from {before:?}"), |s| {
            focused_line(s).is_some_and(|l| l != before)
        });
    }
    panic!(
        "field {label:?} never got the focus; the screen was:\n{}",
        t.screen()
    );
}

/// Edits the focused single-line field: Enter, type, Enter; waits until the edit is over and
/// the field shows `shown`.
fn fill_focused(t: &Tmux, label: &str, text: &str, shown: &str) {
    t.keys(&["Enter"]);
    t.type_text(text);
    t.keys(&["Enter"]);
    t.wait_until(&format!("{label} to show {shown:?}"), |s| {
        !typing(s) && focused_line(s).is_some_and(|l| l.contains(label) && l.contains(shown))
    });
}

#[test]
fn create_a_persona_with_keys_and_read_it_back() {
    const NAME: &str = "Quinn O'Tester 2";
    const TITLE: &str = "Head of Test Automation";
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("personas.db");
    let t = start_app(&db);
    t.wait_until("an empty browser", |s| {
        title_line(s).contains("0 shown") && s.contains("no personas yet")
    });

    t.keys(&["n"]);
    t.wait_until("the editor on a new persona", |s| {
        title_line(s).contains("(new persona)") && focused_line(s).is_some()
    });
    focus_field(&t, "Name*");
    fill_focused(&t, "Name*", NAME, NAME);
    focus_field(&t, "Title");
    fill_focused(&t, "Title", TITLE, TITLE);

    t.keys(&["Tab"]);
    t.wait_until("the Archetype tab", |s| {
        s.contains("[Archetype]") && focused_line(s).is_some()
    });
    focus_field(&t, "AI maturity");
    // A decimal field shows its value with two places once the edit is committed.
    fill_focused(&t, "AI maturity", "72.5", "72.50");

    t.keys(&["C-s"]);
    t.wait_until("the save to be reported", |s| {
        s.contains(&format!("Saved \"{NAME}\""))
            && title_line(s).contains(NAME)
            && !title_line(s).contains("unsaved")
    });

    // Saved, so Esc goes straight back without asking to save.
    t.keys(&["Escape"]);
    t.wait_until("the browser listing the new persona", |s| {
        title_line(s).contains(BROWSER)
            && title_line(s).contains("1 shown")
            && s.contains(&format!("▶ {NAME}"))
            && hint_line(s).contains("q quit")
    });

    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0, "the app should exit cleanly on q");
    drop(t);

    // Name "Quinn O'Tester 2" -> slug "quinn-o-tester-2".
    let json: Value =
        serde_json::from_str(&cli(&db, &["show", "quinn-o-tester-2", "--json"])).expect("JSON");
    assert_eq!(json["name"], NAME);
    assert_eq!(json["slug"], "quinn-o-tester-2");
    assert_eq!(json["title"], TITLE);
    assert_eq!(json["ai_maturity_score"].as_f64(), Some(72.5));
    assert_eq!(json["validation_status"], "draft");
}

#[test]
fn search_the_demo_personas_and_open_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("personas.db");
    let loaded = cli(&db, &["demo"]);
    assert!(loaded.contains("demo personas loaded"), "{loaded}");
    let all: Value = serde_json::from_str(&cli(&db, &["list", "--json"])).expect("JSON");
    let names: Vec<String> = all
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|p| p["name"].as_str().expect("a name").to_string())
        .collect();
    let wanted = "Ingrid Halvorsen";
    assert!(
        names.len() > 1 && names.iter().any(|n| n == wanted),
        "the demo set should hold {wanted:?} and others: {names:?}"
    );
    let others: Vec<&String> = names.iter().filter(|n| *n != wanted).collect();

    let t = start_app(&db);
    t.wait_until("every demo persona in the browser", |s| {
        title_line(s).contains(&format!("{} shown", names.len()))
            && names.iter().all(|n| s.contains(n.as_str()))
    });

    t.keys(&["/"]);
    t.wait_for("typing");
    t.type_text("Halvorsen");
    // Waiting for the whole result, not just the count: a capture can catch a frame half drawn.
    t.wait_until(&format!("the search to show {wanted:?} alone"), |s| {
        title_line(s).contains("1 shown")
            && s.contains(&format!("▶ {wanted}"))
            && others.iter().all(|o| !s.contains(o.as_str()))
            && hint_line(s).contains("Esc clear")
    });

    // Enter ends the search (keeping it), the next Enter opens the selected persona.
    t.keys(&["Enter"]);
    t.wait_until("the search to stop typing", |s| {
        !s.contains("typing") && hint_line(s).contains("Enter open")
    });
    t.keys(&["Enter"]);
    t.wait_until(&format!("the editor on {wanted:?}"), |s| {
        title_line(s).trim_start().starts_with(wanted)
            && s.contains("[Identity]")
            && focused_line(s).is_some_and(|l| l.contains("Name*") && l.contains(wanted))
    });

    // Esc goes back to the browser, which keeps the search; q quits.
    t.keys(&["Escape"]);
    t.wait_until("the browser, still searching Halvorsen", |s| {
        title_line(s).contains(BROWSER)
            && s.contains("/Halvorsen")
            && hint_line(s).contains("q quit")
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0, "the app should exit cleanly on q");
}
