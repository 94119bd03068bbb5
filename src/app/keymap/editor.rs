//! Keys of the persona editor: form tabs, list tabs, a list's row form and the history tab.

use super::screens::{BOTTOM, DOWN, TOP, UP};
use super::{Action as A, Binding, Key, b};
use crossterm::event::KeyCode as K;

const NEXT_TAB: &[Key] = &[Key::code(K::Tab), Key::ch(']')];
const PREV_TAB: &[Key] = &[Key::code(K::BackTab), Key::ch('[')];
const SAVE: &[Key] = &[Key::ctrl('s')];
const BACK: &[Key] = &[Key::code(K::Esc), Key::ch('q')];
const EXPORT: &str = "export this persona (json, md, csv)";
pub(super) const UNDO: &[Key] = &[Key::ctrl('z')];
pub(super) const REDO: &[Key] = &[Key::ctrl('y')];
#[rustfmt::skip]
const DIGITS: &[Key] = &[
    Key::ch('1'), Key::ch('2'), Key::ch('3'), Key::ch('4'), Key::ch('5'),
    Key::ch('6'), Key::ch('7'), Key::ch('8'), Key::ch('9'), Key::ch('0'),
];
const TAB_NUMBER: &str = "go to tab 1-10 (0 is the tenth)";
const TAB_OVERVIEW: &str = "go to tab… (overview with fill counts)";
const SIDEBAR: &str = "show/hide the sidebar";

#[rustfmt::skip]
pub(super) static FORM: &[Binding] = &[
    b(UP, A::Up, "previous field", false),
    b(DOWN, A::Down, "next field", false),
    b(TOP, A::Top, "first field", false),
    b(BOTTOM, A::Bottom, "last field", false),
    b(NEXT_TAB, A::NextTab, "next tab", true),
    b(PREV_TAB, A::PrevTab, "previous tab", false),
    b(&[Key::code(K::Enter)], A::Edit, "edit", true),
    b(&[Key::ch('e')], A::ExternalEdit, "edit in $EDITOR", false),
    b(&[Key::ch('x'), Key::code(K::Delete)], A::ClearField, "clear field", false),
    b(SAVE, A::Save, "save", true),
    b(UNDO, A::Undo, "undo", false),
    b(REDO, A::Redo, "redo", false),
    b(BACK, A::Back, "back", true),
    b(&[Key::ch('R')], A::ApplyReadiness, "apply computed readiness", false),
    b(&[Key::ch('L')], A::ApplyServiceLayer, "apply inferred service layer", false),
    b(&[Key::ch('m')], A::MoveStatus, "move status (review workflow)", false),
    b(&[Key::ch('E')], A::Export, EXPORT, false),
    b(DIGITS, A::TabByNumber, TAB_NUMBER, false),
    b(&[Key::ch('t')], A::TabOverview, TAB_OVERVIEW, false),
    b(&[Key::ch('b')], A::ToggleSidebar, SIDEBAR, false),
];

#[rustfmt::skip]
pub(super) static LIST: &[Binding] = &[
    b(UP, A::Up, "previous row", false),
    b(DOWN, A::Down, "next row", false),
    b(TOP, A::Top, "first row", false),
    b(BOTTOM, A::Bottom, "last row", false),
    b(NEXT_TAB, A::NextTab, "next tab", true),
    b(PREV_TAB, A::PrevTab, "previous tab", false),
    b(&[Key::ch('o')], A::AddRow, "add row", true),
    b(&[Key::code(K::Enter)], A::Edit, "edit row", true),
    b(&[Key::ch('d'), Key::code(K::Delete)], A::DeleteRow, "delete row", true),
    b(&[Key::ch('K'), Key::alt(K::Up)], A::MoveRowUp, "move row up", false),
    b(&[Key::ch('J'), Key::alt(K::Down)], A::MoveRowDown, "move row down", false),
    b(SAVE, A::Save, "save", true),
    b(UNDO, A::Undo, "undo", false),
    b(REDO, A::Redo, "redo", false),
    b(BACK, A::Back, "back", true),
    b(&[Key::ch('m')], A::MoveStatus, "move status (review workflow)", false),
    b(&[Key::ch('E')], A::Export, EXPORT, false),
    b(DIGITS, A::TabByNumber, TAB_NUMBER, false),
    b(&[Key::ch('t')], A::TabOverview, TAB_OVERVIEW, false),
    b(&[Key::ch('b')], A::ToggleSidebar, SIDEBAR, false),
];

#[rustfmt::skip]
pub(super) static ROW_FORM: &[Binding] = &[
    b(UP, A::Up, "previous field", false),
    b(DOWN, A::Down, "next field", false),
    b(TOP, A::Top, "first field", false),
    b(BOTTOM, A::Bottom, "last field", false),
    b(&[Key::code(K::Enter)], A::Edit, "edit", true),
    b(&[Key::ch('e')], A::ExternalEdit, "edit in $EDITOR", false),
    b(&[Key::ch('x'), Key::code(K::Delete)], A::ClearField, "clear field", false),
    b(SAVE, A::Save, "save", true),
    b(UNDO, A::Undo, "undo", false),
    b(REDO, A::Redo, "redo", false),
    b(BACK, A::CloseRow, "close row", true),
    b(&[Key::ch('b')], A::ToggleSidebar, SIDEBAR, false),
];

#[rustfmt::skip]
pub(super) static HISTORY: &[Binding] = &[
    b(NEXT_TAB, A::NextTab, "next tab", true),
    b(PREV_TAB, A::PrevTab, "previous tab", false),
    b(&[Key::ch('m')], A::MoveStatus, "move status", true),
    b(&[Key::ch('E')], A::Export, EXPORT, false),
    b(SAVE, A::Save, "save", false),
    b(BACK, A::Back, "back", true),
    b(DIGITS, A::TabByNumber, TAB_NUMBER, false),
    b(&[Key::ch('t')], A::TabOverview, TAB_OVERVIEW, false),
    b(&[Key::ch('b')], A::ToggleSidebar, SIDEBAR, false),
    b(DOWN, A::Down, "next move (scrolls)", false),
    b(UP, A::Up, "previous move", false),
    b(&[Key::code(K::PageDown)], A::PageDown, "scroll a long note down", false),
    b(&[Key::code(K::PageUp)], A::PageUp, "scroll a long note up", false),
    b(&[Key::ch(' ')], A::PickMove, "pick this move to compare", false),
    b(&[Key::ch('=')], A::WhatChanged, "what changed", true),
];
