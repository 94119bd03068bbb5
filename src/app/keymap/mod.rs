//! The one keymap table: every key of every mode is resolved here, and the same table feeds the
//! hint bar, the `?` help and the `:` palette, so they cannot disagree with what a key does.
//! The table is split by mode group: `screens`, `editor`, `text` (text entry) and `popups`.

mod editor;
mod popups;
mod screens;
mod sync;
mod text;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use super::mode::Mode;

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
    /// Text entry: insert the typed character.
    Type,
    /// Text entry: a cursor move or deletion, applied by the text input.
    EditText,
    /// Finish typing and keep the text.
    Done,
    /// Finish typing and put the field back as it was.
    Cancel,
    Undo,
    Redo,
    /// Run, choose or confirm what a popup offers.
    Accept,
    /// Close a popup without doing anything.
    Close,
    Yes,
    No,
    Discard,
    Reload,
    Overwrite,
    /// A number key on an editor tab: that tab (1-9, 0 the tenth).
    TabByNumber,
    /// The tab overview: every tab with its letter and fill; a letter or Enter goes there.
    TabOverview,
    /// Show or hide the editor's live sidebar.
    ToggleSidebar,
    /// Show what changed (the diff view).
    WhatChanged,
    /// History: pick the move at the top for a comparison.
    PickMove,
    /// The browser's preview pane on a narrow terminal.
    TogglePreview,
    /// The team library's sync screen.
    SyncScreen,
    /// Pull, merge and push in the background.
    StartSync,
    /// Side-by-side view: keep mine / take theirs for the part in focus, or for every part.
    ChooseMine,
    ChooseTheirs,
    AllMine,
    AllTheirs,
    /// Side-by-side view: write the resolved persona.
    ApplyResolution,
}

/// A key, or a class of keys that text entry falls back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Exact {
        code: KeyCode,
        mods: KeyModifiers,
    },
    /// Any printable character without Control or Alt.
    Printable,
    /// Any key at all.
    Any,
}

impl Key {
    pub const fn with(code: KeyCode, mods: KeyModifiers) -> Key {
        Key::Exact { code, mods }
    }
    pub const fn ch(c: char) -> Key {
        Key::with(KeyCode::Char(c), KeyModifiers::NONE)
    }
    pub const fn ctrl(c: char) -> Key {
        Key::with(KeyCode::Char(c), KeyModifiers::CONTROL)
    }
    pub const fn code(code: KeyCode) -> Key {
        Key::with(code, KeyModifiers::NONE)
    }
    pub const fn alt(code: KeyCode) -> Key {
        Key::with(code, KeyModifiers::ALT)
    }

    pub fn is_exact(&self) -> bool {
        matches!(self, Key::Exact { .. })
    }

    /// Whether a terminal key event is this key. Shift is part of the character for letters
    /// ('G'), so it is ignored for `Char`; Control and Alt must match.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        match *self {
            Key::Exact { code, mods } => {
                code == ev.code && (ev.modifiers & relevant) == (mods & relevant)
            }
            Key::Printable => {
                matches!(ev.code, KeyCode::Char(c) if !c.is_control())
                    && (ev.modifiers & relevant).is_empty()
            }
            Key::Any => true,
        }
    }

    /// A key event this key matches: what a test presses for it.
    pub fn example(&self) -> KeyEvent {
        match *self {
            Key::Exact { code, mods } => KeyEvent::new(code, mods),
            Key::Printable => KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE),
            Key::Any => KeyEvent::new(KeyCode::F(12), KeyModifiers::NONE),
        }
    }

    pub fn label(&self) -> String {
        let (code, mods) = match *self {
            Key::Exact { code, mods } => (code, mods),
            Key::Printable => return "a-z".into(),
            Key::Any => return "any key".into(),
        };
        let base = match code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Backspace => "BS".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if mods.contains(KeyModifiers::CONTROL) {
            format!("C-{}", base.to_uppercase())
        } else if mods.contains(KeyModifiers::ALT) {
            format!("A-{base}")
        } else {
            base
        }
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub label: &'static str,
    /// Shown in the hint bar (help shows every binding).
    pub hint: bool,
}

const fn b(keys: &'static [Key], action: Action, label: &'static str, hint: bool) -> Binding {
    Binding {
        keys,
        action,
        label,
        hint,
    }
}

/// The bindings of one mode, without the global ones.
fn table(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Browser => screens::BROWSER,
        Mode::Trash => screens::TRASH,
        Mode::Queue => screens::QUEUE,
        Mode::Map => screens::MAP,
        Mode::Form => editor::FORM,
        Mode::List => editor::LIST,
        Mode::RowForm => editor::ROW_FORM,
        Mode::History => editor::HISTORY,
        Mode::Search => text::SEARCH,
        Mode::Typing => text::TYPING,
        Mode::Prompt => text::PROMPT,
        Mode::TextBox => text::TEXT_BOX,
        Mode::Palette => text::PALETTE,
        Mode::Pick => text::PICK,
        Mode::PickFilter => text::PICK_FILTER,
        Mode::Help => popups::HELP,
        Mode::Confirm => popups::CONFIRM,
        Mode::SaveChanges => popups::SAVE_CHANGES,
        Mode::Conflict => popups::CONFLICT,
        Mode::Message => popups::MESSAGE,
        Mode::Recover => popups::RECOVER,
        Mode::Menu => popups::MENU,
        Mode::TabPick => popups::TAB_PICK,
        Mode::Note => text::NOTE,
        Mode::Diff => popups::DIFF,
        Mode::Distribution => screens::DISTRIBUTION,
        Mode::Sync => sync::SYNC,
        Mode::SyncResolve => sync::SYNC_RESOLVE,
        Mode::SyncPassword => sync::SYNC_PASSWORD,
    }
}

/// The bindings of a mode followed by the global ones that apply (all of them on screens,
/// only F1 for help elsewhere): the hint bar, help and palette read this.
pub fn bindings_for(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    let global: &'static [Binding] = match mode {
        m if m.is_screen() => screens::GLOBAL,
        Mode::Help => &[],
        _ => screens::HELP_ANYWHERE,
    };
    table(mode).iter().chain(global)
}

/// The action a key does in a mode. Exact keys win over the fallback classes (`text`,
/// `any key`), so `j` moves in a pick-list yet is typed into a filter.
pub fn lookup(mode: Mode, ev: &KeyEvent) -> Option<Action> {
    let exact = bindings_for(mode)
        .find(|bd| bd.keys.iter().any(|k| k.is_exact() && k.matches(ev)))
        .map(|bd| bd.action);
    exact.or_else(|| {
        bindings_for(mode)
            .find(|bd| bd.keys.iter().any(|k| !k.is_exact() && k.matches(ev)))
            .map(|bd| bd.action)
    })
}

pub fn keys_label(bd: &Binding) -> String {
    // The ten number keys read as one range rather than ten labels.
    let digit =
        |k: &Key| matches!(k, Key::Exact { code: KeyCode::Char(c), .. } if c.is_ascii_digit());
    if bd.keys.len() == 10 && bd.keys.iter().all(digit) {
        return "0-9".into();
    }
    bd.keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_actions_share_a_key_in_one_mode() {
        for &mode in Mode::ALL {
            let all: Vec<&Binding> = bindings_for(mode).collect();
            for (i, a) in all.iter().enumerate() {
                for bb in &all[i + 1..] {
                    for k in a.keys.iter().filter(|k| k.is_exact()) {
                        assert!(
                            !bb.keys.contains(k),
                            "{mode:?}: {} is bound to both {:?} and {:?}",
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
        assert_eq!(lookup(Mode::Browser, &g), Some(Action::Bottom));
        let s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Mode::Form, &s), Some(Action::Save));
        assert_eq!(lookup(Mode::Browser, &s), None);
    }

    #[test]
    fn exact_keys_win_over_typing_and_global_keys_stay_out_of_text() {
        let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(lookup(Mode::Pick, &j), Some(Action::Down));
        assert_eq!(lookup(Mode::PickFilter, &j), Some(Action::Type));
        let q = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE);
        assert_eq!(lookup(Mode::Browser, &q), Some(Action::Help));
        assert_eq!(lookup(Mode::Typing, &q), Some(Action::Type));
        let bel = KeyEvent::new(KeyCode::Char('\u{7}'), KeyModifiers::NONE);
        assert_eq!(
            lookup(Mode::Prompt, &bel),
            None,
            "a control character is not text"
        );
    }
}
