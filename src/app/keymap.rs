//! The one keymap table: it drives dispatch, the help overlay, the status-bar hints and the
//! command palette, so they cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where keys are read. Popups and field editing take raw keys before this table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ctx {
    /// Every screen.
    Global,
    Browser,
    Trash,
    /// The editor on a form tab (core sections, VPANES, buying process).
    Form,
    /// The editor on a list tab.
    List,
    /// The row form of a list.
    RowForm,
    /// The editor's read-only History tab.
    History,
    /// The review queue.
    Queue,
    /// The archetype map and distribution.
    Map,
}

/// User intent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    Palette,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Open,
    New,
    Duplicate,
    Delete,
    Search,
    ClearSearch,
    CycleArchetype,
    CycleStatus,
    CycleFunction,
    CycleTier,
    ClearFilters,
    SortNext,
    SortReverse,
    ToggleTrash,
    Restore,
    NextTab,
    PrevTab,
    Edit,
    ExternalEdit,
    ClearField,
    Save,
    Back,
    ApplyReadiness,
    ApplyServiceLayer,
    AddRow,
    DeleteRow,
    MoveRowUp,
    MoveRowDown,
    CloseRow,
    ReviewQueue,
    ArchetypeMap,
    SwitchTenant,
    MoveStatus,
    Approve,
    SendBack,
    Left,
    Right,
    ToggleMismatched,
    ToggleDistribution,
    Export,
    Import,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub const fn ch(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::NONE,
        }
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }
    pub const fn code(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }
    pub const fn alt(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::ALT,
        }
    }

    /// Whether a terminal key event is this key. Shift is part of the character for letters
    /// ('G'), so it is ignored for `Char`; Control and Alt must match.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        let mods_ok = (ev.modifiers & relevant) == (self.mods & relevant);
        match (self.code, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b && mods_ok,
            (a, b) => a == b && mods_ok,
        }
    }

    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("C-{}", base.to_uppercase())
        } else if self.mods.contains(KeyModifiers::ALT) {
            format!("A-{base}")
        } else {
            base
        }
    }
}

pub struct Binding {
    pub ctx: Ctx,
    pub keys: &'static [Key],
    pub action: Action,
    pub label: &'static str,
    /// Shown in the status bar (the help overlay shows every binding).
    pub hint: bool,
}

const fn b(
    ctx: Ctx,
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        ctx,
        keys,
        action,
        label,
        hint,
    }
}

use Action as A;
use Ctx::*;
use KeyCode as K;

const UP: &[Key] = &[Key::ch('k'), Key::code(K::Up)];
const DOWN: &[Key] = &[Key::ch('j'), Key::code(K::Down)];
const TOP: &[Key] = &[Key::ch('g'), Key::code(K::Home)];
const BOTTOM: &[Key] = &[Key::ch('G'), Key::code(K::End)];
const NEXT_TAB: &[Key] = &[Key::code(K::Tab), Key::ch(']')];
const PREV_TAB: &[Key] = &[Key::code(K::BackTab), Key::ch('[')];
const SAVE: &[Key] = &[Key::ctrl('s')];

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    b(
        Global,
        &[Key::ch('?'), Key::code(K::F(1))],
        A::Help,
        "help",
        true,
    ),
    b(Global, &[Key::ch(':')], A::Palette, "commands", true),
    b(Global, &[Key::ctrl('c')], A::Quit, "quit", false),
    // Browser
    b(Browser, &[Key::ch('q')], A::Quit, "quit", true),
    b(Browser, UP, A::Up, "up", false),
    b(Browser, DOWN, A::Down, "down", false),
    b(Browser, TOP, A::Top, "top", false),
    b(Browser, BOTTOM, A::Bottom, "bottom", false),
    b(
        Browser,
        &[Key::code(K::PageUp), Key::ctrl('b')],
        A::PageUp,
        "page up",
        false,
    ),
    b(
        Browser,
        &[Key::code(K::PageDown), Key::ctrl('f')],
        A::PageDown,
        "page down",
        false,
    ),
    b(Browser, &[Key::code(K::Enter)], A::Open, "open", true),
    b(Browser, &[Key::ch('n')], A::New, "new", true),
    b(Browser, &[Key::ch('D')], A::Duplicate, "duplicate", false),
    b(
        Browser,
        &[Key::ch('d'), Key::code(K::Delete)],
        A::Delete,
        "delete",
        true,
    ),
    b(Browser, &[Key::ch('/')], A::Search, "search", true),
    b(
        Browser,
        &[Key::code(K::Esc)],
        A::ClearSearch,
        "clear search",
        false,
    ),
    b(
        Browser,
        &[Key::ch('a')],
        A::CycleArchetype,
        "filter archetype",
        false,
    ),
    b(
        Browser,
        &[Key::ch('s')],
        A::CycleStatus,
        "filter status",
        false,
    ),
    b(
        Browser,
        &[Key::ch('f')],
        A::CycleFunction,
        "filter function",
        false,
    ),
    b(Browser, &[Key::ch('t')], A::CycleTier, "filter tier", false),
    b(
        Browser,
        &[Key::ch('c')],
        A::ClearFilters,
        "clear filters",
        false,
    ),
    b(
        Browser,
        &[Key::ch('o')],
        A::SortNext,
        "sort by next column",
        false,
    ),
    b(
        Browser,
        &[Key::ch('O')],
        A::SortReverse,
        "reverse sort",
        false,
    ),
    b(Browser, &[Key::ch('T')], A::ToggleTrash, "trash", true),
    b(
        Browser,
        &[Key::ch('v')],
        A::ReviewQueue,
        "review queue",
        true,
    ),
    b(
        Browser,
        &[Key::ch('M')],
        A::ArchetypeMap,
        "archetype map",
        true,
    ),
    b(
        Browser,
        &[Key::ch('W')],
        A::SwitchTenant,
        "switch tenant",
        false,
    ),
    // Trash
    b(Trash, &[Key::ch('q')], A::Quit, "quit", false),
    b(Trash, UP, A::Up, "up", false),
    b(Trash, DOWN, A::Down, "down", false),
    b(Trash, TOP, A::Top, "top", false),
    b(Trash, BOTTOM, A::Bottom, "bottom", false),
    b(
        Trash,
        &[Key::ch('r'), Key::code(K::Enter)],
        A::Restore,
        "restore",
        true,
    ),
    b(
        Trash,
        &[Key::ch('T'), Key::code(K::Esc)],
        A::ToggleTrash,
        "back to personas",
        true,
    ),
    b(Trash, &[Key::ch('/')], A::Search, "search", false),
    // Editor, form tabs
    b(Form, UP, A::Up, "previous field", false),
    b(Form, DOWN, A::Down, "next field", false),
    b(Form, TOP, A::Top, "first field", false),
    b(Form, BOTTOM, A::Bottom, "last field", false),
    b(Form, NEXT_TAB, A::NextTab, "next tab", true),
    b(Form, PREV_TAB, A::PrevTab, "previous tab", false),
    b(Form, &[Key::code(K::Enter)], A::Edit, "edit", true),
    b(
        Form,
        &[Key::ch('e')],
        A::ExternalEdit,
        "edit in $EDITOR",
        false,
    ),
    b(
        Form,
        &[Key::ch('x'), Key::code(K::Delete)],
        A::ClearField,
        "clear field",
        false,
    ),
    b(Form, SAVE, A::Save, "save", true),
    b(
        Form,
        &[Key::code(K::Esc), Key::ch('q')],
        A::Back,
        "back",
        true,
    ),
    b(
        Form,
        &[Key::ch('R')],
        A::ApplyReadiness,
        "apply computed readiness",
        false,
    ),
    b(
        Form,
        &[Key::ch('L')],
        A::ApplyServiceLayer,
        "apply inferred service layer",
        false,
    ),
    b(
        Form,
        &[Key::ch('m')],
        A::MoveStatus,
        "move status (review workflow)",
        false,
    ),
    // Editor, list tabs
    b(List, UP, A::Up, "previous row", false),
    b(List, DOWN, A::Down, "next row", false),
    b(List, TOP, A::Top, "first row", false),
    b(List, BOTTOM, A::Bottom, "last row", false),
    b(List, NEXT_TAB, A::NextTab, "next tab", true),
    b(List, PREV_TAB, A::PrevTab, "previous tab", false),
    b(List, &[Key::ch('o')], A::AddRow, "add row", true),
    b(List, &[Key::code(K::Enter)], A::Edit, "edit row", true),
    b(
        List,
        &[Key::ch('d'), Key::code(K::Delete)],
        A::DeleteRow,
        "delete row",
        true,
    ),
    b(
        List,
        &[Key::ch('K'), Key::alt(K::Up)],
        A::MoveRowUp,
        "move row up",
        false,
    ),
    b(
        List,
        &[Key::ch('J'), Key::alt(K::Down)],
        A::MoveRowDown,
        "move row down",
        false,
    ),
    b(List, SAVE, A::Save, "save", true),
    b(
        List,
        &[Key::code(K::Esc), Key::ch('q')],
        A::Back,
        "back",
        true,
    ),
    b(
        List,
        &[Key::ch('m')],
        A::MoveStatus,
        "move status (review workflow)",
        false,
    ),
    // Editor, history tab
    b(History, NEXT_TAB, A::NextTab, "next tab", true),
    b(History, PREV_TAB, A::PrevTab, "previous tab", false),
    b(History, &[Key::ch('m')], A::MoveStatus, "move status", true),
    b(History, &[Key::ch('E')], A::Export, "export this persona (json, md, csv)", false),
    b(History, SAVE, A::Save, "save", false),
    b(
        History,
        &[Key::code(K::Esc), Key::ch('q')],
        A::Back,
        "back",
        true,
    ),
    // Review queue
    b(Queue, UP, A::Up, "previous", false),
    b(Queue, DOWN, A::Down, "next", false),
    b(Queue, TOP, A::Top, "oldest", false),
    b(Queue, BOTTOM, A::Bottom, "newest", false),
    b(Queue, &[Key::ch('a')], A::Approve, "approve", true),
    b(
        Queue,
        &[Key::ch('b')],
        A::SendBack,
        "send back with a note",
        true,
    ),
    b(Queue, &[Key::code(K::Enter)], A::Open, "open", true),
    b(Queue, &[Key::code(K::Esc)], A::Back, "back", true),
    b(Queue, &[Key::ch('q')], A::Quit, "quit", false),
    // Archetype map
    b(
        Map,
        &[Key::ch('h'), Key::code(K::Left)],
        A::Left,
        "point to the left",
        false,
    ),
    b(
        Map,
        &[Key::ch('l'), Key::code(K::Right)],
        A::Right,
        "point to the right",
        false,
    ),
    b(Map, UP, A::Up, "point above", false),
    b(Map, DOWN, A::Down, "point below", false),
    b(Map, &[Key::code(K::Enter)], A::Open, "open", true),
    b(
        Map,
        &[Key::ch('x')],
        A::ToggleMismatched,
        "only mismatched",
        true,
    ),
    b(
        Map,
        &[Key::code(K::Tab)],
        A::ToggleDistribution,
        "map / distribution",
        true,
    ),
    b(Map, &[Key::code(K::Esc)], A::Back, "back", true),
    b(Map, &[Key::ch('q')], A::Quit, "quit", false),
    // Export and import
    b(Browser, &[Key::ch('E')], A::Export, "export shown personas (json, md, csv)", false),
    b(Browser, &[Key::ch('I')], A::Import, "import a JSON bundle", false),
    b(Form, &[Key::ch('E')], A::Export, "export this persona (json, md, csv)", false),
    b(List, &[Key::ch('E')], A::Export, "export this persona (json, md, csv)", false),
    // Row form
    b(RowForm, UP, A::Up, "previous field", false),
    b(RowForm, DOWN, A::Down, "next field", false),
    b(RowForm, TOP, A::Top, "first field", false),
    b(RowForm, BOTTOM, A::Bottom, "last field", false),
    b(RowForm, &[Key::code(K::Enter)], A::Edit, "edit", true),
    b(
        RowForm,
        &[Key::ch('e')],
        A::ExternalEdit,
        "edit in $EDITOR",
        false,
    ),
    b(
        RowForm,
        &[Key::ch('x'), Key::code(K::Delete)],
        A::ClearField,
        "clear field",
        false,
    ),
    b(RowForm, SAVE, A::Save, "save", true),
    b(
        RowForm,
        &[Key::code(K::Esc), Key::ch('q')],
        A::CloseRow,
        "close row",
        true,
    ),
];

/// The action bound to a key in a context (the context's own bindings first, then global).
pub fn lookup(ctx: Ctx, ev: &KeyEvent) -> Option<Action> {
    BINDINGS
        .iter()
        .filter(|bd| bd.ctx == ctx)
        .chain(BINDINGS.iter().filter(|bd| bd.ctx == Global))
        .find(|bd| bd.keys.iter().any(|k| k.matches(ev)))
        .map(|bd| bd.action)
}

/// The bindings of a context followed by the global ones: help, hints and palette read this.
pub fn bindings_for(ctx: Ctx) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |bd| bd.ctx == ctx).chain(
        BINDINGS
            .iter()
            .filter(move |bd| bd.ctx == Global && ctx != Global),
    )
}

pub fn keys_label(bd: &Binding) -> String {
    bd.keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_actions_share_a_key_in_one_context() {
        for ctx in [Browser, Trash, Form, List, RowForm, History, Queue, Map] {
            let all: Vec<&Binding> = bindings_for(ctx).collect();
            for (i, a) in all.iter().enumerate() {
                for bb in &all[i + 1..] {
                    for k in a.keys {
                        assert!(
                            !bb.keys.contains(k),
                            "{ctx:?}: {} is bound to both {:?} and {:?}",
                            k.label(),
                            a.action,
                            bb.action
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn shift_letters_match_with_or_without_shift_flag() {
        let g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Browser, &g), Some(Action::Bottom));
        let s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Form, &s), Some(Action::Save));
        assert_eq!(lookup(Browser, &s), None);
    }
}
