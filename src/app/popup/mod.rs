//! Popups: each kind registered once here (its mode in `mode.rs`, its keys in `keymap/`),
//! drawn by `ui::popup`. A key changes the top popup in place and says what happened (an
//! `Outcome`); `answer.rs` carries out the answers that need the rest of the app.

mod answer;

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::editor::FormKey;
use super::input::Input;
use super::keymap::Action;
use super::mode::Mode;

/// What a yes/no confirmation will do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    DeletePersona {
        id: String,
        name: String,
    },
    DeleteRow {
        list: usize,
        row: usize,
    },
    /// Apply the import plan kept in `App::pending_import`.
    ApplyImport,
    /// Replace the file of the export kept in `App::pending_export`.
    ReplaceExport,
}

/// What happens after the "Save changes?" prompt, once answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum After {
    CloseEditor,
    Quit,
}

pub enum Popup {
    /// Every key of `mode`, the mode it was opened over.
    Help {
        mode: Mode,
        scroll: u16,
    },
    /// The actions of `mode`, filtered by the typed text.
    Palette {
        mode: Mode,
        filter: Input,
        selected: usize,
    },
    Confirm {
        question: String,
        pending: Pending,
    },
    SaveChanges {
        after: After,
    },
    /// The persona changed in the database since it was loaded.
    Conflict,
    /// A menu of codes for a choice, lookup or organisation field. `allow_new` offers the
    /// typed text as a new entry (organisation pickers).
    Choose {
        form: FormKey,
        field: usize,
        title: String,
        options: Vec<(String, String)>,
        filter: Input,
        selected: usize,
        allow_new: bool,
    },
    /// Multi-line text, soft-wrapped.
    Text {
        form: FormKey,
        field: usize,
        title: String,
        area: Box<TextArea<'static>>,
    },
    Message {
        title: String,
        text: String,
    },
    /// Unsaved edits recovered from an earlier session that was closed or killed.
    Recover {
        items: Vec<(std::path::PathBuf, crate::recovery::Recovery)>,
        selected: usize,
    },
    /// A one-line text prompt.
    Prompt {
        title: String,
        input: Input,
        purpose: PromptFor,
    },
    /// A menu of actions.
    Menu {
        title: String,
        items: Vec<(String, String)>,
        selected: usize,
        purpose: MenuFor,
    },
    /// The editor's tab overview: each tab with its letter and fill; `selected` is a tab index.
    Tabs {
        selected: usize,
    },
    /// A status move waiting for its note: saying yes to it (C-S) is the confirmation. The
    /// note is optional unless `required` (a send-back).
    Note {
        title: String,
        /// The move as "from → to · persona".
        detail: String,
        area: Box<TextArea<'static>>,
        id: String,
        to: String,
        required: bool,
    },
    /// What changed, as `diff::text::lines`; `scroll` is the first line shown.
    Diff {
        title: String,
        lines: Vec<String>,
        scroll: u16,
    },
}

/// What a prompt's text is for.
#[derive(Clone, Debug, PartialEq)]
pub enum PromptFor {
    /// Where to write an export (the extension picks the format).
    ExportPath {
        selection: crate::transfer::Selection,
    },
    /// Which JSON bundle to import.
    ImportPath,
}

/// What a menu choice does; items are (code, label).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MenuFor {
    MoveStatus {
        id: String,
    },
    Tenant,
    ExportFormat,
    /// The stored Gen-AI readiness level differs from the computed one at a save.
    Readiness,
    /// A browser filter's value (empty: any).
    Facet(crate::store::Facet),
}

/// The last line a diff view can scroll to (the view wraps lines, so this is an upper bound).
fn last_line(lines: &[String]) -> u16 {
    u16::try_from(lines.len().saturating_sub(1)).unwrap_or(u16::MAX)
}

/// What a key did to the top popup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Changed in place, or the key does nothing here: the popup stays.
    Stay,
    /// The popup closes and nothing else happens.
    Close,
    /// The app carries out this answer (`App::answer`), which closes the popup or keeps it.
    Answer(Action),
}

impl Popup {
    /// Applies an action of the popup's mode to its own state.
    pub fn apply(&mut self, action: Action, key: &KeyEvent) -> Outcome {
        use Action as A;
        let step = |sel: &mut usize, n: usize| match action {
            A::Up => *sel = sel.saturating_sub(1),
            _ => *sel = (*sel + 1).min(n.saturating_sub(1)),
        };
        match (self, action) {
            (Popup::Help { scroll, .. }, A::Up) => *scroll = scroll.saturating_sub(1),
            (Popup::Help { scroll, .. }, A::Down) => *scroll = scroll.saturating_add(1),
            (
                Popup::Palette {
                    mode,
                    filter,
                    selected,
                },
                A::Up | A::Down,
            ) => step(selected, super::palette_matches(*mode, filter.text()).len()),
            (
                Popup::Palette {
                    filter, selected, ..
                }
                | Popup::Choose {
                    filter, selected, ..
                },
                A::Type | A::EditText,
            ) => {
                if filter.key(key) {
                    *selected = 0;
                }
            }
            (p @ Popup::Choose { .. }, A::Up | A::Down) => {
                let n = p.choices().len();
                if let Popup::Choose { selected, .. } = p {
                    step(selected, n);
                }
            }
            (Popup::Recover { items, selected }, A::Up | A::Down) => step(selected, items.len()),
            (
                Popup::Menu {
                    items, selected, ..
                },
                A::Up | A::Down,
            ) => step(selected, items.len()),
            (Popup::Tabs { selected }, A::Up | A::Down) => {
                step(selected, super::editor::tab_count())
            }
            // A tab's letter picks it at once: `t` then a letter.
            (Popup::Tabs { selected }, A::Type) => {
                let letter = match key.code {
                    crossterm::event::KeyCode::Char(c) => super::editor::tabs::tab_of_letter(c),
                    _ => None,
                };
                match letter {
                    Some(i) => {
                        *selected = i;
                        return Outcome::Answer(A::Accept);
                    }
                    None => return Outcome::Stay,
                }
            }
            (Popup::Prompt { input, .. }, A::Type | A::EditText) => {
                input.key(key);
            }
            (Popup::Text { area, .. } | Popup::Note { area, .. }, A::EditText) => {
                area.input(*key);
            }
            (Popup::Diff { scroll, .. }, A::Up) => *scroll = scroll.saturating_sub(1),
            (Popup::Diff { scroll, lines, .. }, A::Down) => {
                *scroll = (*scroll + 1).min(last_line(lines));
            }
            (Popup::Diff { scroll, .. }, A::PageUp) => *scroll = scroll.saturating_sub(10),
            (Popup::Diff { scroll, lines, .. }, A::PageDown) => {
                *scroll = (*scroll + 10).min(last_line(lines));
            }
            // These say what was (not) done when they close, so the app answers.
            (Popup::Prompt { .. } | Popup::Conflict | Popup::Recover { .. }, A::Close) => {
                return Outcome::Answer(A::Close);
            }
            (_, A::Close) => return Outcome::Close,
            (_, A::No) => return Outcome::Close,
            (_, a) => return Outcome::Answer(a),
        }
        Outcome::Stay
    }

    /// Pasted text goes into the popup's text, if it has any; false when it has none.
    pub fn paste(&mut self, text: &str) -> bool {
        match self {
            Popup::Palette {
                filter, selected, ..
            }
            | Popup::Choose {
                filter, selected, ..
            } => {
                if filter.paste(text) {
                    *selected = 0;
                }
                true
            }
            Popup::Prompt { input, .. } => {
                input.paste(text);
                true
            }
            Popup::Text { area, .. } | Popup::Note { area, .. } => {
                // The long-text box keeps line breaks (a Windows pair becomes one) and tabs;
                // other control characters would reach the terminal, so they go.
                let clean: String = text
                    .replace("\r\n", "\n")
                    .replace('\r', "\n")
                    .chars()
                    .filter(|c| matches!(c, '\n' | '\t') || !c.is_control())
                    .collect();
                area.insert_str(clean);
                true
            }
            _ => false,
        }
    }

    /// What a pick-list shows for its filter: the matching options (indices into
    /// `options`), then `None` for "add the typed text" when the list takes new entries.
    pub fn choices(&self) -> Vec<Option<usize>> {
        let Popup::Choose {
            options,
            filter,
            allow_new,
            ..
        } = self
        else {
            return Vec::new();
        };
        let typed = filter.text().trim();
        let mut out: Vec<Option<usize>> = Popup::matching(options, filter.text())
            .into_iter()
            .map(Some)
            .collect();
        if *allow_new
            && !typed.is_empty()
            && !options.iter().any(|(c, _)| c.eq_ignore_ascii_case(typed))
        {
            out.push(None);
        }
        out
    }

    /// The options of a menu that match the typed filter, as indices into `options`.
    pub fn matching(options: &[(String, String)], filter: &str) -> Vec<usize> {
        let f = filter.to_lowercase();
        options
            .iter()
            .enumerate()
            .filter(|(_, (code, label))| {
                f.is_empty()
                    || code.to_lowercase().contains(&f)
                    || label.to_lowercase().contains(&f)
            })
            .map(|(i, _)| i)
            .collect()
    }
}
