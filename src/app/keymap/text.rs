//! Keys of text entry: the search line, a form field being typed into, prompts, the palette,
//! pick-lists and the long-text box. Each ends with the same two fallbacks: the editing keys
//! of the one text input, and any printable character, which is typed.

use super::editor::{REDO, UNDO};
use super::{Action as A, Binding, Key, b};
use crossterm::event::{KeyCode as K, KeyModifiers as M};

/// Every key `app::input::Input` treats as a cursor move or a deletion.
const EDIT_KEYS: &[Key] = &[
    Key::code(K::Left),
    Key::code(K::Right),
    Key::code(K::Home),
    Key::code(K::End),
    Key::with(K::Left, M::CONTROL),
    Key::with(K::Right, M::CONTROL),
    Key::with(K::Char('b'), M::ALT),
    Key::with(K::Char('f'), M::ALT),
    Key::code(K::Backspace),
    Key::code(K::Delete),
    Key::ctrl('w'),
    Key::ctrl('u'),
    Key::ctrl('a'),
    Key::ctrl('e'),
];
const EDIT: &str = "move and delete in the text";

const fn editing() -> Binding {
    b(EDIT_KEYS, A::EditText, EDIT, false)
}
const fn typing() -> Binding {
    b(&[Key::Printable], A::Type, "type text", true)
}

#[rustfmt::skip]
pub(super) static SEARCH: &[Binding] = &[
    b(&[Key::code(K::Enter), Key::code(K::Up), Key::code(K::Down)], A::Done, "keep the search", true),
    b(&[Key::code(K::Esc)], A::ClearSearch, "clear search", true),
    editing(),
    typing(),
];

#[rustfmt::skip]
pub(super) static TYPING: &[Binding] = &[
    b(&[Key::code(K::Enter)], A::Done, "done", true),
    b(&[Key::code(K::Esc)], A::Cancel, "cancel", true),
    b(&[Key::code(K::Tab), Key::code(K::Down)], A::Down, "next field", true),
    b(&[Key::code(K::BackTab), Key::code(K::Up)], A::Up, "previous field", false),
    // Not hinted: the bar must fit 80 columns, and the form's own bar shows C-S save.
    b(&[Key::ctrl('s')], A::Save, "save", false),
    b(UNDO, A::Undo, "finish and undo", false),
    b(REDO, A::Redo, "finish and redo", false),
    editing(),
    typing(),
];

#[rustfmt::skip]
pub(super) static PROMPT: &[Binding] = &[
    b(&[Key::code(K::Enter)], A::Accept, "confirm", true),
    b(&[Key::code(K::Esc)], A::Close, "cancel", true),
    editing(),
    typing(),
];

#[rustfmt::skip]
pub(super) static PALETTE: &[Binding] = &[
    b(&[Key::code(K::Up)], A::Up, "previous", false),
    b(&[Key::code(K::Down)], A::Down, "next", false),
    b(&[Key::code(K::Enter)], A::Accept, "run", true),
    b(&[Key::code(K::Esc)], A::Close, "close", true),
    editing(),
    typing(),
];

#[rustfmt::skip]
pub(super) static PICK: &[Binding] = &[
    b(&[Key::ch('k'), Key::code(K::Up)], A::Up, "previous", false),
    b(&[Key::ch('j'), Key::code(K::Down)], A::Down, "next", false),
    b(&[Key::code(K::Enter)], A::Accept, "choose", true),
    b(&[Key::code(K::Esc)], A::Close, "cancel", true),
    editing(),
    b(&[Key::Printable], A::Type, "type to filter", true),
];

#[rustfmt::skip]
pub(super) static PICK_FILTER: &[Binding] = &[
    b(&[Key::code(K::Up)], A::Up, "previous", false),
    b(&[Key::code(K::Down)], A::Down, "next", false),
    b(&[Key::code(K::Enter)], A::Accept, "choose", true),
    b(&[Key::code(K::Esc)], A::Close, "cancel", true),
    editing(),
    b(&[Key::Printable], A::Type, "type to filter", true),
];

/// The long-text box hands every other key to its multi-line editor.
#[rustfmt::skip]
pub(super) static TEXT_BOX: &[Binding] = &[
    b(&[Key::code(K::Esc)], A::Done, "done", true),
    b(&[Key::ctrl('s')], A::Save, "save", true),
    b(&[Key::Any], A::EditText, "type and edit text (Enter: new line)", false),
];

/// A status move's note: the box grows with the text; C-S records the move.
#[rustfmt::skip]
pub(super) static NOTE: &[Binding] = &[
    b(&[Key::ctrl('s')], A::Accept, "record the move", true),
    b(&[Key::code(K::Esc)], A::Close, "cancel", true),
    b(&[Key::Any], A::EditText, "type and edit the note (Enter: new line)", false),
];
