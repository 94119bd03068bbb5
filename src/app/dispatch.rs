//! The one key path: the mode says which table of the keymap resolves the key, and the action
//! goes to the state that owns it (a popup, the search line, the field being typed into, the
//! editor or the screen under it). Pastes follow the same mode.

use crossterm::event::{KeyEvent, KeyEventKind};

use super::keymap::{Action, bindings_for, lookup};
use super::mode::Mode;
use super::popup::{Outcome, Popup};
use super::{App, Effect, screens};

impl App {
    /// One key press.
    pub fn on_key(&mut self, key: KeyEvent) -> Effect {
        if key.kind == KeyEventKind::Release {
            return Effect::None;
        }
        self.status = None;
        let mode = self.mode();
        let effect = match lookup(mode, &key) {
            Some(action) => self.dispatch(mode, action, &key),
            None => Effect::None,
        };
        self.checkpoint();
        self.warn_reviewed_edit();
        effect
    }

    /// Once an action leaves the editor on a screen (typing finished, a popup answered), its
    /// edit is complete: it becomes an undo step if it changed anything.
    fn checkpoint(&mut self) {
        if self.mode().is_screen()
            && let Some(ed) = self.editor.as_mut()
        {
            ed.checkpoint();
        }
    }

    /// A paste (bracketed paste: one event however long). It goes into the text being typed;
    /// on a form field that is not being typed into yet it starts typing there, so nothing
    /// pasted is lost; elsewhere it is refused with a word why.
    pub fn on_paste(&mut self, text: &str) {
        self.status = None;
        match self.mode() {
            Mode::Search => {
                self.browser.search.paste(text);
                self.search_changed();
            }
            Mode::Typing => self.paste_into_field(text),
            Mode::SyncPassword => self.sync.paste_password(text),
            // Only a field typed into takes a paste: Enter on a toggle or a pick-list field
            // would change it or open a menu instead.
            Mode::Form | Mode::RowForm if self.focused_takes_text() => {
                self.perform(Action::Edit);
                match self.mode() {
                    Mode::Typing => self.paste_into_field(text),
                    _ => {
                        if let Some(p) = self.popups.last_mut() {
                            p.paste(text);
                        }
                    }
                }
            }
            _ => {
                let taken = self.popups.last_mut().is_some_and(|p| p.paste(text));
                if !taken {
                    self.error("Nothing here takes text: open a field (Enter), then paste");
                }
            }
        }
        self.checkpoint();
    }

    /// Carries out an action resolved in `mode`; `key` is the key that led to it, which text
    /// entry needs.
    pub fn dispatch(&mut self, mode: Mode, action: Action, key: &KeyEvent) -> Effect {
        // Help opens over any mode, a popup or text entry included, and closes back to it.
        if action == Action::Help {
            self.popups.push(Popup::Help { mode, scroll: 0 });
            return Effect::None;
        }
        match mode {
            Mode::Search => {
                self.search_action(action, key);
                Effect::None
            }
            Mode::Typing => {
                self.typing_action(action, key);
                Effect::None
            }
            // A number key needs the key itself: which number.
            m if m.is_screen() && action == Action::TabByNumber => {
                self.tab_by_number(key);
                Effect::None
            }
            Mode::SyncPassword => {
                self.password_action(action, key);
                Effect::None
            }
            m if m.is_screen() => self.perform(action),
            _ => match self.popups.last_mut().map(|p| p.apply(action, key)) {
                Some(Outcome::Close) => {
                    self.popups.pop();
                    Effect::None
                }
                Some(Outcome::Answer(a)) => self.answer(a),
                Some(Outcome::Stay) | None => Effect::None,
            },
        }
    }

    /// An action of a screen mode (from a key or the palette).
    pub fn perform(&mut self, action: Action) -> Effect {
        let mode = self.mode();
        match action {
            // From the palette: help on the screen it was opened over.
            Action::Help => {
                self.popups.push(Popup::Help { mode, scroll: 0 });
                return Effect::None;
            }
            Action::Palette => {
                self.popups.push(Popup::Palette {
                    mode,
                    filter: Default::default(),
                    selected: 0,
                });
                return Effect::None;
            }
            _ => {}
        }
        if self.editor.is_some() {
            return self.editor_action(action);
        }
        match self.screen {
            screens::Screen::Browser => self.browser_action(action),
            screens::Screen::Queue => self.queue_action(action),
            screens::Screen::Map => self.map_action(action),
            screens::Screen::Sync => self.sync_action(action),
        }
    }
}

/// The palette's actions for a mode, filtered by the typed text.
pub fn palette_matches(mode: Mode, filter: &str) -> Vec<Action> {
    let f = filter.to_lowercase();
    let mut out: Vec<Action> = Vec::new();
    for b in bindings_for(mode) {
        // An action bound both on the screen and globally (quit) is listed once.
        let wanted = f.is_empty() || b.label.to_lowercase().contains(&f);
        if b.action != Action::Palette && wanted && !out.contains(&b.action) {
            out.push(b.action);
        }
    }
    out
}
