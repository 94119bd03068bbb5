//! Unsaved edits survive a closed terminal or a SIGTERM/SIGHUP: the app writes them to a
//! recovery file in the data dir (like an editor's swap file) and offers them back on the
//! next start against the same database and tenant.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::app::App;
use crate::app::editor::Editor;
use crate::catalog::CORE_FIELDS;
use crate::model::json::persona_from_json;

/// What is written: enough to rebuild the editor, including typed text that was not yet a
/// valid value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub db: String,
    pub tenant: String,
    pub persona_id: Option<String>,
    pub version: i64,
    pub name: String,
    pub saved_at: String,
    pub persona: serde_json::Value,
    /// Core fields whose typed text was not (yet) a valid value: (column, text).
    #[serde(default)]
    pub raw: Vec<(String, String)>,
}

pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery")
}

fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    format!("{secs}")
}

impl App {
    /// The editor's unsaved state, if any.
    pub fn recovery_snapshot(&self) -> Option<Recovery> {
        let ed = self.editor.as_ref().filter(|e| e.is_dirty())?;
        let raw = CORE_FIELDS
            .iter()
            .zip(&ed.core.raw)
            .filter_map(|(f, r)| r.clone().map(|t| (f.name.to_string(), t)))
            .collect();
        Some(Recovery {
            db: self
                .store
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            tenant: self.store.tenant().key.clone(),
            persona_id: ed.draft.id.clone(),
            version: ed.draft.version,
            name: ed.draft.name().to_string(),
            saved_at: now(),
            persona: crate::model::json::persona_to_json(&ed.draft),
            raw,
        })
    }

    /// Opens the editor on recovered edits: the draft is the recovered persona, the baseline
    /// is what the database holds now, so the dirty marker shows and a save goes through the
    /// usual version check.
    pub fn restore_recovery(&mut self, r: &Recovery) -> Result<(), String> {
        let mut draft =
            persona_from_json(&r.persona, "recovery", None).map_err(|e| e.join("; "))?;
        let original = match &r.persona_id {
            Some(id) => {
                let stored = self.store.load(id).map_err(|e| e.to_string())?;
                draft.id = Some(id.clone());
                draft.version = r.version;
                draft.created_at = stored.created_at.clone();
                // Computed columns come from the database, not from the file.
                for (i, f) in CORE_FIELDS.iter().enumerate() {
                    if !f.is_writable() {
                        draft.core[i] = stored.core[i].clone();
                    }
                }
                stored
            }
            None => crate::model::Persona::new_draft(),
        };
        let mut ed = Editor::new(draft);
        ed.original = original;
        for (name, text) in &r.raw {
            if let Some(i) = crate::catalog::core_index(name) {
                let lookups = self.store.lookups().clone();
                let (fields, values, st) = ed.parts(crate::app::editor::FormKey::Core);
                st.set_text(fields, values, &lookups, i, text.clone());
                st.raw[i] = Some(text.clone());
            }
        }
        self.editor = Some(ed);
        Ok(())
    }
}

impl App {
    /// Offers recovery files found at start-up.
    pub fn offer_recovery(&mut self, items: Vec<(PathBuf, Recovery)>) {
        if !items.is_empty() {
            self.popups
                .push(crate::app::popup::Popup::Recover { items, selected: 0 });
        }
    }
}

/// Writes a recovery file atomically (temp file and rename); returns its path.
pub fn write(dir: &Path, r: &Recovery) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let stem = format!("{}-{}", r.tenant, r.persona_id.as_deref().unwrap_or("new"));
    let path = dir.join(format!("{stem}-{}.json", uuid::Uuid::new_v4().simple()));
    let tmp = path.with_extension("tmp");
    let text = serde_json::to_string_pretty(r).map_err(std::io::Error::other)?;
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, &path)?;
    Ok(path)
}

/// Recovery files for this database and tenant, oldest first. Unreadable files are skipped
/// (and left in place for a person to look at).
pub fn find(dir: &Path, db: &str, tenant: &str) -> Vec<(PathBuf, Recovery)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(PathBuf, Recovery)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| {
            let r: Recovery = serde_json::from_str(&std::fs::read_to_string(&p).ok()?).ok()?;
            (r.db == db && r.tenant == tenant).then_some((p, r))
        })
        .collect();
    out.sort_by(|a, b| a.1.saved_at.cmp(&b.1.saved_at));
    out
}
