//! Unsaved edits survive a closed terminal, a SIGTERM/SIGHUP or a panic: the app writes them
//! to a recovery file in the data dir (like an editor's swap file) and offers them back on the
//! next start against the same database and tenant.
//!
//! The file holds the draft as the user left it, incomplete and invalid values included: text
//! typed into a field, the long-text box's text before it is closed, a row just added, a new
//! persona without a name. So it is read back without any check (checks run on save), and
//! one odd value can never cost the other edits.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::app::App;
use crate::app::editor::{Editor, FormKey};
use crate::app::popup::Popup;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality, SECTIONS, core_index};
use crate::model::json::{persona_to_json, value_from_json};
use crate::model::{Persona, Row};

mod file;
pub use file::{dir, file_prefix, find, write};

/// What is written: enough to rebuild the editor as it was.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub db: String,
    pub tenant: String,
    pub persona_id: Option<String>,
    pub version: i64,
    pub name: String,
    pub saved_at: String,
    /// The draft's writable columns, in the export format.
    pub persona: Json,
    /// Row ids per list, in row order, so restored rows stay the stored rows they were.
    #[serde(default)]
    pub row_ids: Vec<Vec<Option<String>>>,
    /// Core fields' typed text that is not (or not yet) their value: (column, text).
    #[serde(default)]
    pub raw: Vec<(String, String)>,
    /// The same for the row forms: the row of a one-row list, a many-row list's open row.
    #[serde(default)]
    pub row_raw: Vec<RowText>,
    /// The open row form: (list key, row, added just now).
    #[serde(default)]
    pub row_open: Option<(String, usize, bool)>,
    /// What the edits touch, for the restore popup: field labels, list titles with rows.
    #[serde(default)]
    pub changes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowText {
    pub list: String,
    pub row: usize,
    pub column: String,
    pub text: String,
}

fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    format!("{secs}")
}

fn list_index(key: &str) -> Option<usize> {
    CHILD_SPECS.iter().position(|c| c.key == key)
}

impl App {
    /// The editor's unsaved state, if any, with the long-text box's text if one is open.
    pub fn recovery_snapshot(&self) -> Option<Recovery> {
        let ed = self.editor.as_ref()?;
        let mut raw: Vec<(String, String)> = CORE_FIELDS
            .iter()
            .zip(&ed.core.raw)
            .filter_map(|(f, r)| r.clone().map(|t| (f.name.to_string(), t)))
            .collect();
        let mut row_raw = Vec::new();
        for (li, spec) in CHILD_SPECS.iter().enumerate() {
            let row = ed.form_row(li);
            if row >= ed.draft.lists[li].len() {
                continue;
            }
            for (f, r) in spec.fields.iter().zip(&ed.lists[li].raw) {
                if let Some(text) = r {
                    row_raw.push(RowText {
                        list: spec.key.to_string(),
                        row,
                        column: f.name.to_string(),
                        text: text.clone(),
                    });
                }
            }
        }
        // The long-text box's text reaches the field only when the box closes.
        let mut boxed = false;
        for p in &self.popups {
            let Popup::Text {
                form, field, area, ..
            } = p
            else {
                continue;
            };
            let text = area.lines().join("\n");
            let fields = Editor::fields(*form);
            let shown = ed
                .values(*form)
                .map(|v| ed.state(*form).text(fields, v, *field))
                .unwrap_or_default();
            if text == shown {
                continue;
            }
            boxed = true;
            let column = fields[*field].name.to_string();
            match *form {
                FormKey::Core => {
                    raw.retain(|(c, _)| *c != column);
                    raw.push((column, text));
                }
                FormKey::List(li) => {
                    let (list, row) = (CHILD_SPECS[li].key.to_string(), ed.form_row(li));
                    row_raw.retain(|r| !(r.list == list && r.row == row && r.column == column));
                    row_raw.push(RowText {
                        list,
                        row,
                        column,
                        text,
                    });
                }
            }
        }
        // A new persona is kept even with nothing filled in yet: the user chose to start it.
        if !ed.is_dirty() && !boxed && ed.draft.id.is_some() {
            return None;
        }
        let changes = changes(ed, &raw, &row_raw);
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
            persona: persona_to_json(&ed.draft),
            row_ids: ed
                .draft
                .lists
                .iter()
                .map(|rows| rows.iter().map(|r| r.id.clone()).collect())
                .collect(),
            raw,
            row_raw,
            row_open: ed
                .row_open
                .map(|(li, ri, new)| (CHILD_SPECS[li].key.to_string(), ri, new)),
            changes,
        })
    }

    /// Opens the editor on recovered edits exactly as they were left, marked unsaved: the
    /// baseline is what the database holds now (or a new persona), so a save goes through the
    /// usual checks and version check.
    pub fn restore_recovery(&mut self, r: &Recovery) -> Result<(), String> {
        let (mut draft, mistyped) = lenient_persona(&r.persona, &r.row_ids);
        let original = match &r.persona_id {
            Some(id) => {
                let stored = self.store.load(id).map_err(|e| e.to_string())?;
                draft.id = Some(id.clone());
                draft.version = r.version;
                draft.created_at = stored.created_at.clone();
                draft.updated_at = stored.updated_at.clone();
                // Computed columns come from the database, not from the file.
                for (i, f) in CORE_FIELDS.iter().enumerate() {
                    if !f.is_writable() {
                        draft.core[i] = stored.core[i].clone();
                    }
                }
                stored
            }
            None => Persona::new_draft(),
        };
        draft.history = original.history.clone();
        let mut ed = Editor::new(draft);
        ed.original = original;
        if let Some((key, row, added)) = &r.row_open
            && let Some(li) = list_index(key)
            && *row < ed.draft.lists[li].len()
        {
            ed.row_open = Some((li, *row, *added));
            ed.list_sel[li] = *row;
            ed.tab = SECTIONS.len() + li;
        }
        let lookups = self.store.lookups().clone();
        for (name, text) in r.raw.iter().chain(&mistyped) {
            if let Some(i) = core_index(name) {
                let (fields, values, st) = ed.parts(FormKey::Core);
                st.set_text(fields, values, &lookups, i, text.clone());
            }
        }
        for t in &r.row_raw {
            let Some(li) = list_index(&t.list) else {
                continue;
            };
            let one = CHILD_SPECS[li].cardinality == Cardinality::One;
            let Some(fi) = CHILD_SPECS[li].field_index(&t.column) else {
                continue;
            };
            // Typed text belongs to the form's own row; a file from another layout is
            // ignored rather than put into the wrong row.
            if one || ed.form_row(li) == t.row {
                let (fields, values, st) = ed.parts(FormKey::List(li));
                st.set_text(fields, values, &lookups, fi, t.text.clone());
            }
        }
        ed.reset_undo();
        self.editor = Some(ed);
        Ok(())
    }

    /// Offers recovery files found at start-up.
    pub fn offer_recovery(&mut self, items: Vec<(PathBuf, Recovery)>) {
        if !items.is_empty() {
            self.popups.push(Popup::Recover { items, selected: 0 });
        }
    }
}

/// "Name", "Title", "Pain points: 3 rows (1 new, 1 deleted)": what a restore brings back.
fn changes(ed: &Editor, raw: &[(String, String)], row_raw: &[RowText]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, f) in CORE_FIELDS.iter().enumerate() {
        let typed = raw.iter().any(|(c, _)| c == f.name);
        if f.is_writable() && (typed || ed.draft.core[i] != ed.original.core[i]) {
            out.push(f.label.to_string());
        }
    }
    for (li, spec) in CHILD_SPECS.iter().enumerate() {
        let (rows, before) = (&ed.draft.lists[li], &ed.original.lists[li]);
        if rows == before && !row_raw.iter().any(|r| r.list == spec.key) {
            continue;
        }
        if spec.cardinality == Cardinality::One {
            out.push(spec.title.to_string());
            continue;
        }
        let new = rows.iter().filter(|r| r.id.is_none()).count();
        let deleted = before
            .iter()
            .filter(|o| o.id.is_some() && !rows.iter().any(|r| r.id == o.id))
            .count();
        let n = rows.len();
        let mut line = format!("{}: {n} row{}", spec.title, if n == 1 { "" } else { "s" });
        match (new, deleted) {
            (0, 0) => {}
            (a, 0) => line.push_str(&format!(" ({a} new)")),
            (0, d) => line.push_str(&format!(" ({d} deleted)")),
            (a, d) => line.push_str(&format!(" ({a} new, {d} deleted)")),
        }
        out.push(line);
    }
    out
}

/// The draft from its JSON with no check at all: a missing column keeps its default, and a
/// value of the wrong type (a file edited by hand) comes back as typed text for its field.
fn lenient_persona(j: &Json, row_ids: &[Vec<Option<String>>]) -> (Persona, Vec<(String, String)>) {
    let mut p = Persona::new_draft();
    let mut mistyped = Vec::new();
    let Some(obj) = j.as_object() else {
        return (p, mistyped);
    };
    for (i, f) in CORE_FIELDS.iter().enumerate() {
        let Some(v) = obj.get(f.name).filter(|_| f.is_writable()) else {
            continue;
        };
        match value_from_json(f, v) {
            Ok(v) => p.core[i] = v,
            Err(_) => mistyped.push((f.name.to_string(), json_text(v))),
        }
    }
    for (li, spec) in CHILD_SPECS.iter().enumerate() {
        let items: Vec<&Json> = match obj.get(spec.key) {
            Some(Json::Array(a)) => a.iter().collect(),
            Some(o @ Json::Object(_)) => vec![o],
            _ => Vec::new(),
        };
        for (ri, item) in items.into_iter().enumerate() {
            let mut row = Row::new(spec);
            row.id = row_ids
                .get(li)
                .and_then(|ids| ids.get(ri))
                .cloned()
                .flatten();
            if let Some(ro) = item.as_object() {
                for (fi, f) in spec.fields.iter().enumerate() {
                    if let Some(Ok(v)) = ro
                        .get(f.name)
                        .filter(|_| f.is_writable())
                        .map(|v| value_from_json(f, v))
                    {
                        row.values[fi] = v;
                    }
                }
            }
            p.lists[li].push(row);
        }
    }
    (p, mistyped)
}

fn json_text(j: &Json) -> String {
    match j {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}
