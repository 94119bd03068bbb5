//! Popups: each kind registered once here, drawn by `ui::popup`, fed keys by `App::popup_key`.

use ratatui_textarea::TextArea;

use super::editor::FormKey;
use super::keymap::Ctx;

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
}

/// What happens after the "Save changes?" prompt, once answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum After {
    CloseEditor,
    Quit,
}

pub enum Popup {
    Help {
        ctx: Ctx,
        scroll: u16,
    },
    Palette {
        ctx: Ctx,
        filter: String,
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
        filter: String,
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
        text: String,
        purpose: PromptFor,
    },
    /// A menu of actions.
    Menu {
        title: String,
        items: Vec<(String, String)>,
        selected: usize,
        purpose: MenuFor,
    },
}

/// What a prompt's text is for.
#[derive(Clone, Debug, PartialEq)]
pub enum PromptFor {
    /// The note of a send-back to draft.
    SendBackNote { id: String, to: String },
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
    MoveStatus { id: String },
    Tenant,
}

impl Popup {
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
