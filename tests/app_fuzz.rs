//! Never panic: long seeded random key sequences, started on every screen (browser, search,
//! trash, queue, map, help, palette, each editor tab, each list's row form, the status menu, a
//! new persona), drawn every few keys at odd sizes from 1x1 up, with resizes in between.
//! Quit is ignored (the keys go on) and `$EDITOR` is never run. A panic names the seed, the
//! screen, the size and the keys that led to it. Every screen gets `ROUNDS` runs of its own
//! seeds, so the test covers the same ground on any machine. Every drawn frame is checked:
//! no control character reaches the terminal, wide characters fit inside the width, and the
//! status and hint lines are there whenever the terminal is big enough to draw the app.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use persona_studio::app::editor::{Tab, tab, tab_count};
use persona_studio::app::{App, Effect};
use persona_studio::r#gen::Rng;
use persona_studio::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: &[(u16, u16)] = &[
    (1, 1),
    (3, 2),
    (19, 4),
    (20, 5),
    (21, 6),
    (24, 8),
    (40, 10),
    (80, 24),
    (200, 3),
    (3, 60),
    (120, 40),
];

const KEYS_PER_RUN: usize = 200;

/// Runs per screen, each with its own seed.
const ROUNDS: u64 = 3;

/// Smallest terminal the app draws itself in (below it: "Terminal too small").
const MIN_SIZE: (u16, u16) = (20, 5);

fn random_key(rng: &mut Rng) -> KeyEvent {
    const CODES: &[KeyCode] = &[
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::F(1),
        KeyCode::F(2),
        KeyCode::Insert,
    ];
    const CHARS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \
                         .,;:!?/\\-_=+*#@'\"()[]{}<>|~`$%^&éß日🙂";
    let plain = KeyModifiers::NONE;
    match rng.below(10) {
        0..=4 => {
            let chars: Vec<char> = CHARS.chars().collect();
            let c = *rng.pick(&chars);
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                plain
            };
            KeyEvent::new(KeyCode::Char(c), mods)
        }
        5..=7 => KeyEvent::new(*rng.pick(CODES), plain),
        8 => {
            let c = *rng.pick(&['s', 'u', 'c', 'a', 'e', 'k', 'd', 'h', 'w']);
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
        }
        _ => {
            let code = *rng.pick(&[KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right]);
            KeyEvent::new(code, KeyModifiers::ALT)
        }
    }
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// The screens a run starts on, as the keys that lead there from the browser.
fn screens() -> Vec<(String, Vec<KeyEvent>)> {
    let mut out = vec![
        ("browser".to_string(), vec![]),
        ("search".into(), vec![ch('/')]),
        ("trash".into(), vec![ch('T')]),
        ("review queue".into(), vec![ch('v')]),
        ("archetype map".into(), vec![ch('M')]),
        ("help".into(), vec![ch('?')]),
        ("palette".into(), vec![ch(':')]),
        ("new persona".into(), vec![ch('n')]),
        ("status menu".into(), vec![key(KeyCode::Enter), ch('m')]),
    ];
    for i in 0..tab_count() {
        let mut keys = vec![key(KeyCode::Enter)];
        keys.extend(std::iter::repeat_n(key(KeyCode::Tab), i));
        out.push((format!("editor tab {i}"), keys.clone()));
        if matches!(tab(i), Tab::List(_)) {
            keys.push(ch('o'));
            out.push((format!("row form of tab {i}"), keys));
        }
    }
    out
}

/// Draws a frame and checks it: what a person would see broken is a failure, not just a panic.
fn draw(app: &App, size: (u16, u16)) {
    let mut t = Terminal::new(TestBackend::new(size.0, size.1)).expect("test terminal");
    t.draw(|f| persona_studio::ui::view(app, f)).expect("draw");
    let buf = t.backend().buffer();
    let rows: Vec<String> = (0..size.1)
        .map(|y| (0..size.0).map(|x| buf[(x, y)].symbol()).collect())
        .collect();
    for (y, row) in rows.iter().enumerate() {
        assert!(
            !row.chars().any(char::is_control),
            "control character on row {y} at {size:?}: {row:?}"
        );
        // A wide character takes its cell and the next (which the terminal never draws): it
        // must not start in the last column, where half of it would fall off the screen.
        let mut x = 0;
        while x < size.0 {
            let w = ratatui::text::Span::raw(buf[(x, y as u16)].symbol()).width() as u16;
            assert!(
                x + w <= size.0,
                "row {y} overflows at column {x} at {size:?}: {row:?}"
            );
            x += w.max(1);
        }
    }
    if size.0 >= MIN_SIZE.0 && size.1 >= MIN_SIZE.1 {
        let hints = rows[usize::from(size.1) - 1].trim();
        assert!(!hints.is_empty(), "the hint line shows at {size:?}");
        let status = rows[usize::from(size.1) - 2].trim();
        assert!(!status.is_empty(), "the status line shows at {size:?}");
    } else {
        assert!(
            "Terminal too small".starts_with(rows[0].trim()) && !rows[0].trim().is_empty(),
            "a too-small terminal says so at {size:?}: {:?}",
            rows[0]
        );
    }
}

/// One run; `log` gets every key and resize, so a panic can be replayed.
fn run(app: &mut App, entry: &[KeyEvent], rng: &mut Rng, log: &mut Vec<String>) {
    let mut size = *rng.pick(SIZES);
    app.on_resize(size.0, size.1);
    log.push(format!("size {size:?}"));
    for k in entry {
        log.push(format!("{k:?}"));
        app.on_key(*k);
    }
    draw(app, size);
    let mut since_draw = 0;
    for _ in 0..KEYS_PER_RUN {
        if rng.below(40) == 0 {
            size = *rng.pick(SIZES);
            log.push(format!("resize {size:?}"));
            app.on_resize(size.0, size.1);
        }
        if rng.below(25) == 0 {
            // A paste, as bracketed paste delivers it: one event, newlines and all.
            let text = ["pasted\ntext", "研究開発\t\u{1b}[31m", "", "x\r\ny"][rng.below(4)];
            log.push(format!("paste {text:?}"));
            app.on_paste(text);
        }
        let k = random_key(rng);
        log.push(format!("{:?} {:?}", k.code, k.modifiers));
        // Whatever the effect (Quit, $EDITOR...), it is not carried out: the keys go on.
        let _effect: Effect = app.on_key(k);
        since_draw += 1;
        if since_draw > rng.below(4) {
            draw(app, size);
            since_draw = 0;
        }
    }
    draw(app, size);
}

#[test]
fn every_screen_survives_odd_sizes() {
    // Exports and imports prompt for a path in the current folder: keep it a scratch one, so
    // a random Enter never writes into the crate. (This test binary has no other test.)
    let scratch = tempfile::tempdir().unwrap();
    std::env::set_current_dir(scratch.path()).unwrap();
    // The demo personas, loaded once; every run gets a fresh copy of the file.
    let demo = scratch.path().join("demo.db");
    let db = scratch.path().join("run.db");
    persona_studio::demo::load_demo(&mut Store::open(&demo, None, "tester").unwrap()).unwrap();
    let screens = screens();
    assert!(screens.len() > 20, "every tab and row form is covered");
    let mut runs = 0;
    for seed in 0..ROUNDS {
        for (name, entry) in &screens {
            let mut rng = Rng::stream(0xF022, seed, runs);
            std::fs::copy(&demo, &db).unwrap();
            let store = Store::open(&db, None, "tester").unwrap();
            let mut app = App::new(store, (80, 24));
            let mut log = Vec::new();
            let result = catch_unwind(AssertUnwindSafe(|| {
                run(&mut app, entry, &mut rng, &mut log)
            }));
            if let Err(panic) = result {
                eprintln!(
                    "failure on screen {name:?}, seed {seed}, run {runs}; keys:\n{}",
                    log.join("\n")
                );
                std::panic::resume_unwind(panic);
            }
            runs += 1;
        }
    }
    assert_eq!(
        runs,
        ROUNDS * screens.len() as u64,
        "every screen had its runs"
    );
}
