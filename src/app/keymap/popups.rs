//! Keys of the popups that take no text: help, confirmations, messages, recovery and menus.

use super::screens::{DOWN, UP};
use super::{Action as A, Binding, Key, b};
use crossterm::event::KeyCode as K;

#[rustfmt::skip]
pub(super) static HELP: &[Binding] = &[
    b(DOWN, A::Down, "scroll down", true),
    b(UP, A::Up, "scroll up", true),
    b(&[Key::Any], A::Close, "close", true),
];

#[rustfmt::skip]
pub(super) static CONFIRM: &[Binding] = &[
    b(&[Key::ch('y'), Key::ch('Y'), Key::code(K::Enter)], A::Yes, "yes", true),
    b(&[Key::ch('n'), Key::ch('N'), Key::code(K::Esc)], A::No, "no", true),
];

#[rustfmt::skip]
pub(super) static SAVE_CHANGES: &[Binding] = &[
    b(&[Key::ch('s'), Key::ch('y'), Key::code(K::Enter)], A::Save, "save", true),
    b(&[Key::ch('d'), Key::ch('n')], A::Discard, "discard", true),
    b(&[Key::ch('c'), Key::code(K::Esc)], A::Close, "cancel", true),
];

#[rustfmt::skip]
pub(super) static CONFLICT: &[Binding] = &[
    b(&[Key::ch('r')], A::Reload, "reload theirs (drops your edits)", true),
    b(&[Key::ch('o')], A::Overwrite, "overwrite with yours", true),
    b(&[Key::ch('c'), Key::code(K::Esc)], A::Close, "cancel", true),
];

#[rustfmt::skip]
pub(super) static MESSAGE: &[Binding] = &[
    b(&[Key::Any], A::Close, "close", true),
];

#[rustfmt::skip]
pub(super) static RECOVER: &[Binding] = &[
    b(UP, A::Up, "previous", false),
    b(DOWN, A::Down, "next", false),
    b(&[Key::ch('r'), Key::code(K::Enter)], A::Restore, "restore", true),
    b(&[Key::ch('d')], A::Discard, "discard", true),
    b(&[Key::code(K::Esc)], A::Close, "later", true),
];

#[rustfmt::skip]
pub(super) static MENU: &[Binding] = &[
    b(UP, A::Up, "previous", false),
    b(DOWN, A::Down, "next", false),
    b(&[Key::code(K::Enter)], A::Accept, "choose", true),
    b(&[Key::code(K::Esc)], A::Close, "cancel", true),
];

#[rustfmt::skip]
pub(super) static TAB_PICK: &[Binding] = &[
    b(&[Key::code(K::Up)], A::Up, "previous", false),
    b(&[Key::code(K::Down)], A::Down, "next", false),
    b(&[Key::code(K::Enter)], A::Accept, "go to tab", true),
    b(&[Key::code(K::Esc)], A::Close, "cancel", true),
    b(&[Key::Printable], A::Type, "letter: go to its tab", true),
];

#[rustfmt::skip]
pub(super) static DIFF: &[Binding] = &[
    b(DOWN, A::Down, "scroll down", true),
    b(UP, A::Up, "scroll up", true),
    b(&[Key::code(K::PageDown), Key::ch(' ')], A::PageDown, "page down", false),
    b(&[Key::code(K::PageUp)], A::PageUp, "page up", false),
    b(&[Key::code(K::Esc), Key::ch('q')], A::Close, "close", true),
];
