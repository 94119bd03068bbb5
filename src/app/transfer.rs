//! Export and import from the app: a path prompt with a sensible default, the same
//! functions as the command line, and a confirmation showing the import plan.

use super::App;
use super::input::Input;
use std::path::{Path, PathBuf};

use super::popup::{MenuFor, Pending, Popup, PromptFor};
use crate::transfer::{self, Format, Selection};

/// An export waiting for an answer: its format, or a yes to replace the file.
#[derive(Clone, Debug)]
pub struct PendingExport {
    pub path: PathBuf,
    pub selection: Selection,
    /// None until the extension or the user says.
    pub format: Option<Format>,
    /// The user said yes to replacing the existing file.
    pub replace: bool,
}

/// The format a file name's extension asks for, if it is one of the three.
fn format_of(path: &Path) -> Option<Format> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "json" => Some(Format::Json),
        "md" | "markdown" => Some(Format::Markdown),
        "csv" => Some(Format::Csv),
        _ => None,
    }
}

impl App {
    pub(super) fn export_prompt(&mut self, selection: Selection) {
        // The browser's selection with nothing shown would write an empty file.
        if !matches!(selection, Selection::Slugs(_)) && self.browser.total == 0 {
            self.error("Nothing to export: no persona is shown (c clears the filters)");
            return;
        }
        let name =
            transfer::suggested_file_name(&selection, Format::Json, &self.store.tenant().key);
        let dir = std::env::current_dir().unwrap_or_default();
        self.popups.push(Popup::Prompt {
            title: "Export to (.json bundle, .md cards or .csv)".into(),
            input: Input::new(&dir.join(name).display().to_string()),
            purpose: PromptFor::ExportPath { selection },
        });
    }

    pub(super) fn import_prompt(&mut self) {
        let dir = std::env::current_dir().unwrap_or_default();
        self.popups.push(Popup::Prompt {
            title: "Import the JSON bundle at".into(),
            input: Input::new(&format!("{}/", dir.display())),
            purpose: PromptFor::ImportPath,
        });
    }

    /// The path prompt's answer: the extension picks the format, or the user is asked; an
    /// existing file is replaced only after a yes.
    pub(super) fn export_to(&mut self, path: &str, selection: &Selection) {
        let path = PathBuf::from(path.trim());
        let format = format_of(&path);
        self.pending_export = Some(PendingExport {
            path,
            selection: selection.clone(),
            format,
            replace: false,
        });
        self.continue_export();
    }

    /// The next step of the export in waiting: ask for a format, ask before replacing a
    /// file, or write.
    pub(super) fn continue_export(&mut self) {
        let Some(pending) = self.pending_export.take() else {
            return;
        };
        let Some(format) = pending.format else {
            let shown = pending.path.display().to_string();
            self.pending_export = Some(pending);
            self.popups.push(Popup::Menu {
                title: format!("Export {} as", crate::model::escape::terminal(&shown)),
                items: vec![
                    ("json".into(), "JSON bundle (the file import reads)".into()),
                    ("md".into(), "Markdown cards".into()),
                    ("csv".into(), "CSV table (one line a persona)".into()),
                ],
                selected: 0,
                purpose: MenuFor::ExportFormat,
            });
            return;
        };
        let path = pending.path.clone();
        if let Err(e) = transfer::file::check_export_path(&self.store, &path) {
            self.error(format!("Export failed: {e}"));
            return;
        }
        if path.exists() && !pending.replace {
            self.pending_export = Some(pending);
            self.popups.push(Popup::Confirm {
                question: format!(
                    "{} exists. Replace it?",
                    crate::model::escape::terminal(&path.display().to_string())
                ),
                pending: Pending::ReplaceExport,
            });
            return;
        }
        let written = transfer::export(&self.store, &pending.selection, format)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                transfer::write_atomically(&path, text.as_bytes()).map_err(|e| e.to_string())
            });
        match written {
            Ok(()) => self.info(format!("Exported to {}", path.display())),
            Err(e) => self.error(format!("Export failed: {e}")),
        }
    }

    /// The format menu's answer.
    pub(super) fn export_format_chosen(&mut self, code: &str) {
        if let Some(p) = self.pending_export.as_mut() {
            p.format = Format::parse(code);
        }
        self.continue_export();
    }

    /// Yes to replacing the file.
    pub(super) fn export_replace_confirmed(&mut self) {
        if let Some(p) = self.pending_export.as_mut() {
            p.replace = true;
        }
        self.continue_export();
    }

    pub(super) fn import_from(&mut self, path: &str) {
        let plan = transfer::read_source(path.trim())
            .and_then(|text| transfer::plan_import(&self.store, &text));
        match plan {
            Err(e) => self.show_lines("Import refused — nothing was written", e.lines()),
            Ok(plan) => {
                let refusals = plan.refusals();
                if !refusals.is_empty() {
                    self.show_lines("Import refused — nothing was written", refusals);
                    return;
                }
                let (create, update, _) = plan.counts();
                self.pending_import = Some(plan);
                self.popups.push(Popup::Confirm {
                    question: format!("Import {create} new and update {update} existing persona(s), in one transaction?"),
                    pending: Pending::ApplyImport,
                });
            }
        }
    }

    pub(super) fn apply_pending_import(&mut self) {
        let Some(plan) = self.pending_import.take() else {
            return;
        };
        match transfer::apply_import(&mut self.store, &plan) {
            Ok((c, u)) => self.info(format!("Imported: {c} created, {u} updated")),
            Err(e) => self.show_lines("Import failed — nothing was written", e.lines()),
        }
        self.reload_browser();
    }

    fn show_lines(&mut self, title: &str, lines: Vec<String>) {
        let shown = 12;
        let mut text: Vec<String> = lines.iter().take(shown).cloned().collect();
        if lines.len() > shown {
            text.push(format!(
                "… and {} more (the CLI's `import --dry-run` lists all)",
                lines.len() - shown
            ));
        }
        self.error(title.to_string());
        self.popups.push(Popup::Message {
            title: format!(" {title} "),
            text: text.join("\n"),
        });
    }
}
