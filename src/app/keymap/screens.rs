//! Keys of the screens under the editor: the browser, the trash, the review queue, the map,
//! and the global keys every screen adds.

use super::{Action as A, Binding, Key, b};
use crossterm::event::KeyCode as K;

pub(super) const UP: &[Key] = &[Key::ch('k'), Key::code(K::Up)];
pub(super) const DOWN: &[Key] = &[Key::ch('j'), Key::code(K::Down)];
pub(super) const TOP: &[Key] = &[Key::ch('g'), Key::code(K::Home)];
pub(super) const BOTTOM: &[Key] = &[Key::ch('G'), Key::code(K::End)];

#[rustfmt::skip]
pub(super) static GLOBAL: &[Binding] = &[
    b(&[Key::ch('?'), Key::code(K::F(1))], A::Help, "help", true),
    b(&[Key::ch(':')], A::Palette, "commands", true),
    b(&[Key::ctrl('c')], A::Quit, "quit", false),
];

/// Help where `?` would be typed or answer a popup: F1 opens it over any mode.
#[rustfmt::skip]
pub(super) static HELP_ANYWHERE: &[Binding] = &[
    b(&[Key::code(K::F(1))], A::Help, "help", true),
];

#[rustfmt::skip]
pub(super) static BROWSER: &[Binding] = &[
    b(&[Key::ch('q')], A::Quit, "quit", true),
    b(UP, A::Up, "up", false),
    b(DOWN, A::Down, "down", false),
    b(TOP, A::Top, "top", false),
    b(BOTTOM, A::Bottom, "bottom", false),
    b(&[Key::code(K::PageUp), Key::ctrl('b')], A::PageUp, "page up", false),
    b(&[Key::code(K::PageDown), Key::ctrl('f')], A::PageDown, "page down", false),
    b(&[Key::code(K::Enter)], A::Open, "open", true),
    b(&[Key::ch('n')], A::New, "new", true),
    b(&[Key::ch('D')], A::Duplicate, "duplicate", false),
    b(&[Key::ch('d'), Key::code(K::Delete)], A::Delete, "delete", true),
    b(&[Key::ch('/')], A::Search, "search", true),
    b(&[Key::code(K::Esc)], A::ClearSearch, "clear search", false),
    b(&[Key::ch('a')], A::CycleArchetype, "filter archetype", false),
    b(&[Key::ch('s')], A::CycleStatus, "filter status", false),
    b(&[Key::ch('f')], A::CycleFunction, "filter function", false),
    b(&[Key::ch('t')], A::CycleTier, "filter tier", false),
    b(&[Key::ch('c')], A::ClearFilters, "clear filters", false),
    b(&[Key::ch('o')], A::SortNext, "sort by next column", false),
    b(&[Key::ch('O')], A::SortReverse, "reverse sort", false),
    b(&[Key::ch('T')], A::ToggleTrash, "trash", true),
    b(&[Key::ch('v')], A::ReviewQueue, "review queue", true),
    b(&[Key::ch('M')], A::ArchetypeMap, "archetype map", true),
    b(&[Key::ch('W')], A::SwitchTenant, "switch tenant", false),
    b(&[Key::ch('E')], A::Export, "export shown personas (json, md, csv)", false),
    b(&[Key::ch('I')], A::Import, "import a JSON bundle", false),
    b(&[Key::ch('p')], A::TogglePreview, "preview", false),
    b(&[Key::ch('S')], A::SyncScreen, "sync with the team library", false),
];

#[rustfmt::skip]
pub(super) static TRASH: &[Binding] = &[
    b(&[Key::ch('q')], A::Quit, "quit", false),
    b(UP, A::Up, "up", false),
    b(DOWN, A::Down, "down", false),
    b(TOP, A::Top, "top", false),
    b(BOTTOM, A::Bottom, "bottom", false),
    b(&[Key::ch('r'), Key::code(K::Enter)], A::Restore, "restore", true),
    b(&[Key::ch('T'), Key::code(K::Esc)], A::ToggleTrash, "back to personas", true),
    b(&[Key::ch('/')], A::Search, "search", false),
];

#[rustfmt::skip]
pub(super) static QUEUE: &[Binding] = &[
    b(UP, A::Up, "previous", false),
    b(DOWN, A::Down, "next", false),
    b(TOP, A::Top, "oldest", false),
    b(BOTTOM, A::Bottom, "newest", false),
    b(&[Key::ch('a')], A::Approve, "approve", true),
    b(&[Key::ch('b')], A::SendBack, "send back with a note", true),
    b(&[Key::code(K::Enter)], A::Open, "open", true),
    b(&[Key::code(K::Esc)], A::Back, "back", true),
    b(&[Key::ch('q')], A::Quit, "quit", false),
    b(&[Key::ch('=')], A::WhatChanged, "what changed since its last validation", false),
];

#[rustfmt::skip]
pub(super) static MAP: &[Binding] = &[
    b(&[Key::ch('h'), Key::code(K::Left)], A::Left, "point to the left", false),
    b(&[Key::ch('l'), Key::code(K::Right)], A::Right, "point to the right", false),
    b(UP, A::Up, "point above", false),
    b(DOWN, A::Down, "point below", false),
    b(&[Key::code(K::Enter)], A::Open, "open", true),
    b(&[Key::ch('x')], A::ToggleMismatched, "only mismatched", true),
    b(&[Key::code(K::Tab)], A::ToggleDistribution, "map / distribution", true),
    b(&[Key::code(K::Esc)], A::Back, "back", true),
    b(&[Key::ch('q')], A::Quit, "quit", false),
];

/// The distribution view of the archetype screens: its own keys, so none reaches the hidden map.
#[rustfmt::skip]
pub(super) static DISTRIBUTION: &[Binding] = &[
    b(UP, A::Up, "previous row", false),
    b(DOWN, A::Down, "next row", false),
    b(&[Key::code(K::Enter)], A::Open, "show these personas", true),
    b(&[Key::code(K::Tab)], A::ToggleDistribution, "map / distribution", true),
    b(&[Key::code(K::Esc)], A::Back, "back", true),
    b(&[Key::ch('q')], A::Quit, "quit", false),
];
