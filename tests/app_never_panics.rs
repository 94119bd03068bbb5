//! Long random key sequences on every screen, drawn at odd terminal sizes down to 1x1: the app
//! must never panic. Seeded, so a failure names the seed that reproduces it.

mod common;
use common::*;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use persona_studio::app::Effect;

/// splitmix64: a tiny deterministic generator, enough to pick keys.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

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
];

/// Keys weighted towards the ones that change screens and edit values.
fn random_key(rng: &mut Rng) -> KeyEvent {
    let chars = "jkgGnoDdxeRLmvMWaIsftcT/?:[]KJqyrb0123456789.-abcXYZ é";
    match rng.below(10) {
        0..=4 => {
            let c = chars.chars().nth(rng.below(chars.chars().count())).unwrap();
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(KeyCode::Char(c), mods)
        }
        5..=7 => KeyEvent::new(CODES[rng.below(CODES.len())], KeyModifiers::NONE),
        8 => {
            let c = ['s', 'u', 'w', 'a', 'e', 'b', 'f'][rng.below(7)];
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
        }
        _ => KeyEvent::new(
            [KeyCode::Up, KeyCode::Down][rng.below(2)],
            KeyModifiers::ALT,
        ),
    }
}

const SIZES: &[(u16, u16)] = &[
    (80, 24),
    (20, 5),
    (1, 1),
    (3, 2),
    (21, 6),
    (40, 12),
    (120, 40),
    (79, 7),
];

#[test]
fn random_keys_on_every_screen_never_panic() {
    // Each start script reaches one screen; the random keys then wander from there.
    let starts: &[&[&str]] = &[
        &[],
        &["T"],
        &["v"],
        &["M"],
        &["M", "<Tab>"],
        &["<Enter>"],
        &["<Enter>", "]", "]", "]", "]", "]", "]", "]", "]", "]"],
        &["<Enter>", "]", "]", "]", "]", "]", "]", "]", "]", "]", "o"],
        &["<Enter>", "[", "m"],
        &["n"],
        &["?"],
        &[":"],
        &["/"],
    ];
    let seeds: u64 = std::env::var("PERSONA_FUZZ_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2);
    for seed in 0..seeds {
        for (si, start) in starts.iter().enumerate() {
            let mut app = app();
            keys(&mut app, start);
            let mut rng = Rng(seed * 1000 + si as u64);
            for step in 0..400 {
                let k = random_key(&mut rng);
                // `$EDITOR` and quitting belong to the terminal loop; the state goes on.
                let effect = app.on_key(k);
                if let Effect::ExternalEdit { form, field, text } = effect {
                    app.external_edit_done(form, field, format!("{text} edited"));
                }
                if step % 7 == 0 {
                    let (w, h) = SIZES[rng.below(SIZES.len())];
                    let _ = render(&mut app, w, h);
                }
            }
            for &(w, h) in SIZES {
                let _ = render(&mut app, w, h);
            }
        }
    }
}
