//! Keys of the team library's sync screen, its side-by-side conflict view and its password
//! prompt.

use super::screens::{BOTTOM, DOWN, TOP, UP};
use super::{Action as A, Binding, Key, b};
use crossterm::event::KeyCode as K;

#[rustfmt::skip]
pub(super) static SYNC: &[Binding] = &[
    b(&[Key::ch('s')], A::StartSync, "sync now", true),
    b(UP, A::Up, "previous conflict", false),
    b(DOWN, A::Down, "next conflict", false),
    b(TOP, A::Top, "first conflict", false),
    b(BOTTOM, A::Bottom, "last conflict", false),
    b(&[Key::code(K::Enter)], A::Open, "side by side", true),
    b(&[Key::code(K::Esc)], A::Back, "back", true),
    b(&[Key::ch('q')], A::Quit, "quit", false),
];

#[rustfmt::skip]
pub(super) static SYNC_RESOLVE: &[Binding] = &[
    b(UP, A::Up, "previous part", false),
    b(DOWN, A::Down, "next part", false),
    b(&[Key::ch('m'), Key::code(K::Left)], A::ChooseMine, "mine", true),
    b(&[Key::ch('t'), Key::code(K::Right)], A::ChooseTheirs, "theirs", true),
    b(&[Key::ch('M')], A::AllMine, "all mine", false),
    b(&[Key::ch('T')], A::AllTheirs, "all theirs", false),
    b(&[Key::ch('a'), Key::ctrl('s')], A::ApplyResolution, "apply", true),
    b(&[Key::code(K::Esc)], A::Back, "back", true),
];

#[rustfmt::skip]
pub(super) static SYNC_PASSWORD: &[Binding] = &[
    b(&[Key::code(K::Enter)], A::Accept, "connect", true),
    b(&[Key::code(K::Esc)], A::Close, "cancel", true),
    b(&[Key::code(K::Backspace), Key::ctrl('u')], A::EditText, "delete", false),
    b(&[Key::Printable], A::Type, "type the password", true),
];
