//! Test helpers: an app on an in-memory database, a key-script driver through the same keymap
//! and update path as the terminal loop, and rendering into ratatui's `TestBackend`.
#![allow(dead_code)]

pub mod sync;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use persona_studio::app::{App, Effect};
use persona_studio::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn store() -> Store {
    Store::open_in_memory(None, "tester").expect("in-memory store")
}

pub fn demo_store() -> Store {
    let mut s = store();
    persona_studio::demo::load_demo(&mut s).expect("demo loads");
    s
}

pub fn app() -> App {
    App::new(demo_store(), (80, 24))
}

pub fn empty_app() -> App {
    App::new(store(), (80, 24))
}

/// One key: `<Enter>`, `<Esc>`, `<Tab>`, `<BackTab>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`,
/// `<Home>`, `<End>`, `<BS>`, `<Del>`, `<Space>`, `<PgUp>`, `<PgDn>`, `<F1>`, `<C-x>` or
/// `<C-Left>` (control), `<A-Up>` or `<A-b>` (alt), or a single character.
pub fn key(token: &str) -> KeyEvent {
    let named = |s: &str| match s {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "BackTab" => KeyCode::BackTab,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "BS" => KeyCode::Backspace,
        "Del" => KeyCode::Delete,
        "Space" => KeyCode::Char(' '),
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "F1" => KeyCode::F(1),
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap()),
        other => panic!("unknown key <{other}>"),
    };
    if let Some(inner) = token.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
        if let Some(c) = inner.strip_prefix("C-") {
            return KeyEvent::new(named(c), KeyModifiers::CONTROL);
        }
        if let Some(n) = inner.strip_prefix("A-") {
            return KeyEvent::new(named(n), KeyModifiers::ALT);
        }
        return KeyEvent::new(named(inner), KeyModifiers::NONE);
    }
    let c = token.chars().next().unwrap();
    let mods = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), mods)
}

/// Sends a script: each item is a `<Key>` or text typed character by character.
pub fn keys(app: &mut App, script: &[&str]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for item in script {
        if item.starts_with('<') && item.ends_with('>') && item.len() > 2 {
            effects.push(app.on_key(key(item)));
        } else {
            for c in item.chars() {
                effects.push(app.on_key(key(&c.to_string())));
            }
        }
    }
    effects
}

pub fn press(app: &mut App, token: &str, times: usize) {
    for _ in 0..times {
        app.on_key(key(token));
    }
}

/// An app on a copy of a demo database made once per test binary: much faster than loading
/// the demo for each of many apps. `size` is the terminal size.
pub fn demo_copy(size: (u16, u16)) -> App {
    use std::sync::OnceLock;
    static DEMO: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
    let (dir, demo) = DEMO.get_or_init(|| {
        let dir = tempfile::tempdir().expect("scratch dir");
        let demo = dir.path().join("demo.db");
        let mut s = Store::open(&demo, None, "tester").expect("demo db");
        persona_studio::demo::load_demo(&mut s).expect("demo loads");
        (dir, demo)
    });
    let copy = dir.path().join(format!("run-{}.db", next_run()));
    std::fs::copy(demo, &copy).expect("copy demo");
    App::new(Store::open(&copy, None, "tester").expect("open copy"), size)
}

fn next_run() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn render(app: &mut App, w: u16, h: u16) -> String {
    app.on_resize(w, h);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| persona_studio::ui::view(app, f)).expect("draw");
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Goes to the editor tab with this title prefix ("Archetype", "Pain points", ...).
pub fn goto_tab(app: &mut App, title: &str) {
    for _ in 0..40 {
        let ed = app.editor.as_ref().expect("editor open");
        if ed.tab_title(ed.tab).starts_with(title) {
            return;
        }
        app.on_key(key("<Tab>"));
    }
    panic!("no tab titled {title}");
}

/// Focuses the field with this column name on the current form.
pub fn focus_field(app: &mut App, name: &str) {
    app.on_key(key("g"));
    for _ in 0..40 {
        let ed = app.editor.as_ref().expect("editor open");
        let k = ed.form_key().expect("a form is shown");
        let fields = persona_studio::app::editor::Editor::fields(k);
        if fields[ed.focus(k)].name == name {
            return;
        }
        app.on_key(key("j"));
    }
    panic!("no field {name} on this form");
}

/// Focuses a field, types into it (replacing its text) and finishes editing.
pub fn fill(app: &mut App, name: &str, text: &str) {
    focus_field(app, name);
    keys(app, &["<Enter>", "<C-u>", text, "<Enter>"]);
}
