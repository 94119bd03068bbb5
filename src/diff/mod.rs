//! What changed between two versions of a persona, field by field and list row by list row.
//! Pure: both sides are review snapshots (`snapshot::to_json`, the export's JSON with each
//! row's id), so the same function compares a stored snapshot with another or with the
//! persona now. The app's diff view and `persona-studio diff` both print `text::lines`.

pub mod command;
pub mod snapshot;
#[cfg(test)]
mod tests;
pub mod text;

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality, FieldSpec};

/// One field whose value differs; values are as the export writes them (null when empty).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub label: String,
    pub before: Json,
    pub after: Json,
}

/// What happened to one list row; `row` names it by the list's summary column.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum RowChange {
    Added {
        id: Option<String>,
        row: String,
    },
    Removed {
        id: Option<String>,
        row: String,
    },
    Changed {
        id: Option<String>,
        row: String,
        fields: Vec<FieldChange>,
    },
}

/// The rows of one list that changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListChange {
    pub list: String,
    pub title: String,
    pub rows: Vec<RowChange>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PersonaDiff {
    pub fields: Vec<FieldChange>,
    pub lists: Vec<ListChange>,
}

impl PersonaDiff {
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.lists.is_empty()
    }
}

/// The changes from `before` to `after`, in the catalog's order. Core fields compare as the
/// export writes them; rows of a many-row list are matched by id (a row without one, by its
/// position among those without), a one-row list's row with the other's one row.
pub fn diff(before: &Json, after: &Json) -> PersonaDiff {
    let empty = Map::new();
    let b = before.as_object().unwrap_or(&empty);
    let a = after.as_object().unwrap_or(&empty);
    let fields = field_changes(CORE_FIELDS, b, a);
    let mut lists = Vec::new();
    for spec in CHILD_SPECS {
        let old = rows_of(b.get(spec.key));
        let new = rows_of(a.get(spec.key));
        let rows = match spec.cardinality {
            Cardinality::One => one_row(spec.fields, spec.summary[0], &old, &new),
            Cardinality::Many => many_rows(spec.fields, spec.summary[0], &old, &new),
        };
        if !rows.is_empty() {
            lists.push(ListChange {
                list: spec.key.to_string(),
                title: spec.title.to_string(),
                rows,
            });
        }
    }
    PersonaDiff { fields, lists }
}

fn field_changes(
    fields: &[FieldSpec],
    before: &Map<String, Json>,
    after: &Map<String, Json>,
) -> Vec<FieldChange> {
    fields
        .iter()
        .filter(|f| f.is_writable())
        .filter_map(|f| {
            let b = before.get(f.name).unwrap_or(&Json::Null);
            let a = after.get(f.name).unwrap_or(&Json::Null);
            (b != a).then(|| FieldChange {
                field: f.name.to_string(),
                label: f.label.to_string(),
                before: b.clone(),
                after: a.clone(),
            })
        })
        .collect()
}

/// A list's rows: an array, a one-row list's object, or nothing.
fn rows_of(j: Option<&Json>) -> Vec<&Map<String, Json>> {
    match j {
        Some(Json::Array(items)) => items.iter().filter_map(Json::as_object).collect(),
        Some(Json::Object(o)) => vec![o],
        _ => Vec::new(),
    }
}

fn row_id(r: &Map<String, Json>) -> Option<String> {
    r.get(snapshot::ROW_ID)
        .and_then(Json::as_str)
        .map(String::from)
}

/// How a row is named: its summary column, else its id.
fn row_name(r: &Map<String, Json>, summary: &str) -> String {
    match r.get(summary) {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Null) | None => row_id(r).unwrap_or_else(|| "(row)".into()),
        Some(other) => other.to_string(),
    }
}

fn one_row(
    fields: &[FieldSpec],
    summary: &str,
    old: &[&Map<String, Json>],
    new: &[&Map<String, Json>],
) -> Vec<RowChange> {
    match (old.first(), new.first()) {
        (None, None) => Vec::new(),
        (None, Some(n)) => vec![RowChange::Added {
            id: row_id(n),
            row: row_name(n, summary),
        }],
        (Some(o), None) => vec![RowChange::Removed {
            id: row_id(o),
            row: row_name(o, summary),
        }],
        (Some(o), Some(n)) => changed(fields, summary, o, n).into_iter().collect(),
    }
}

fn changed(
    fields: &[FieldSpec],
    summary: &str,
    old: &Map<String, Json>,
    new: &Map<String, Json>,
) -> Option<RowChange> {
    let fields = field_changes(fields, old, new);
    (!fields.is_empty()).then(|| RowChange::Changed {
        id: row_id(new).or_else(|| row_id(old)),
        row: row_name(new, summary),
        fields,
    })
}

/// Rows in the new order, then the removed ones in the old order.
fn many_rows(
    fields: &[FieldSpec],
    summary: &str,
    old: &[&Map<String, Json>],
    new: &[&Map<String, Json>],
) -> Vec<RowChange> {
    let mut used = vec![false; old.len()];
    let mut out = Vec::new();
    let mut nth_anon_new = 0;
    for n in new {
        let found = match row_id(n) {
            Some(id) => old
                .iter()
                .enumerate()
                .position(|(i, o)| !used[i] && row_id(o).as_deref() == Some(id.as_str())),
            None => {
                nth_anon_new += 1;
                old.iter()
                    .enumerate()
                    .filter(|(_, o)| row_id(o).is_none())
                    .nth(nth_anon_new - 1)
                    .map(|(i, _)| i)
                    .filter(|&i| !used[i])
            }
        };
        match found {
            Some(i) => {
                used[i] = true;
                out.extend(changed(fields, summary, old[i], n));
            }
            None => out.push(RowChange::Added {
                id: row_id(n),
                row: row_name(n, summary),
            }),
        }
    }
    for (i, o) in old.iter().enumerate() {
        if !used[i] {
            out.push(RowChange::Removed {
                id: row_id(o),
                row: row_name(o, summary),
            });
        }
    }
    out
}
