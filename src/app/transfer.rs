//! Export and import from the app: a path prompt with a sensible default, the same
//! functions as the command line, and a confirmation showing the import plan.

use super::App;
use super::input::Input;
use super::popup::{Pending, Popup, PromptFor};
use crate::transfer::{self, Format, Selection};

impl App {
    pub(super) fn export_prompt(&mut self, selection: Selection) {
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

    pub(super) fn export_to(&mut self, path: &str, selection: &Selection) {
        let path = std::path::Path::new(path.trim());
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some("md" | "markdown") => Format::Markdown,
            Some("csv") => Format::Csv,
            _ => Format::Json,
        };
        let written = transfer::file::check_export_path(&self.store, path)
            .and_then(|()| transfer::export(&self.store, selection, format))
            .map_err(|e| e.to_string())
            .and_then(|text| {
                transfer::write_atomically(path, text.as_bytes()).map_err(|e| e.to_string())
            });
        match written {
            Ok(()) => self.info(format!("Exported to {}", path.display())),
            Err(e) => self.error(format!("Export failed: {e}")),
        }
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
