//! Three-way merge of one persona: the base both sides last agreed on, mine (the local file)
//! and theirs (the team library). Pure: no I/O, so every case is tested on the model alone and
//! the server tests only have to prove transport and transactions.
//!
//! The rules (issue 14):
//! - a core field changed on one side only takes that side's value; changed on both sides to
//!   the same value is no conflict; to different values, a [`Conflict::Field`];
//! - list rows are matched by id: rows added on either side are kept, a row removed on one side
//!   and untouched on the other is removed, a row removed on one side and changed on the other
//!   is a [`Conflict::Row`], and a row changed on both sides merges field by field (a field
//!   changed on both sides to different values is a row conflict);
//! - lists of exactly one row (VPANES, buying process) are matched by position, since two
//!   machines that each filled the form created rows with different ids;
//! - the status history is append-only and merges by union; the status moved on both sides to
//!   different places is a [`Conflict::Status`]; the validation stamps follow the status;
//! - a persona deleted on one side and edited on the other is a [`Conflict::Deleted`].
//!
//! Until a conflict is resolved the merged persona holds *mine* for it, so nothing typed
//! locally is ever replaced without a decision.

use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality, Kind, core_index};
use crate::model::{Persona, Row, StatusChange, Value};

/// Which side a resolution keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// Something both sides changed in different ways. Each carries the three versions so the
/// side-by-side view can show base, mine and theirs.
#[derive(Clone, Debug, PartialEq)]
pub enum Conflict {
    /// A core field (index into `CORE_FIELDS`).
    Field {
        field: usize,
        base: Value,
        mine: Value,
        theirs: Value,
    },
    /// A list row (index into `CHILD_SPECS`, the row's id); `None` is a removed row.
    Row {
        list: usize,
        id: String,
        base: Option<Row>,
        mine: Option<Row>,
        theirs: Option<Row>,
    },
    /// The validation status moved on both sides to different places.
    Status {
        base: String,
        mine: String,
        theirs: String,
    },
    /// Deleted (moved to the trash) on one side, edited on the other.
    Deleted { deleted_by: Side },
}

impl Conflict {
    /// `personas.name`, `persona_goals[<id>]`, `personas.validation_status`: what the
    /// conflict list and `conflicts --json` name.
    pub fn path(&self) -> String {
        match self {
            Conflict::Field { field, .. } => format!("personas.{}", CORE_FIELDS[*field].name),
            Conflict::Row { list, id, .. } => format!("{}[{id}]", CHILD_SPECS[*list].table),
            Conflict::Status { .. } => "personas.validation_status".to_string(),
            Conflict::Deleted { .. } => "personas.deleted_at".to_string(),
        }
    }
}

/// The merged persona and what could not be merged.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    pub merged: Persona,
    pub conflicts: Vec<Conflict>,
}

impl Merge {
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// Columns the merge never takes from a side directly: the workflow owns the status and its
/// stamps (merged with the history), and computed columns are derived by the database.
fn merged_by_rule(field: usize) -> bool {
    let f = &CORE_FIELDS[field];
    matches!(f.kind, Kind::Computed)
        || matches!(
            f.name,
            "validation_status" | "validated_at" | "validated_by"
        )
}

/// Three-way merge of one value: `Ok` with the merged value, `Err` when both sides changed it
/// to different values.
fn merge_value<'a>(base: &'a Value, mine: &'a Value, theirs: &'a Value) -> Result<&'a Value, ()> {
    if same(mine, theirs) || same(theirs, base) {
        Ok(mine)
    } else if same(mine, base) {
        Ok(theirs)
    } else {
        Err(())
    }
}

/// Equality as a person sees it: a cleared text and NULL are the same (the store writes an
/// empty text as NULL), and decimals equal to the stored precision.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Real(x), Value::Real(y)) => (x - y).abs() < 1e-9,
        (Value::Int(x), Value::Real(y)) | (Value::Real(y), Value::Int(x)) => {
            (*x as f64 - y).abs() < 1e-9
        }
        _ if a.is_blank() && b.is_blank() => true,
        _ => a == b,
    }
}

/// Rows equal in every column a person writes (computed columns follow from those, and each
/// engine renders them in its own way).
fn rows_same(list: usize, a: &Row, b: &Row) -> bool {
    let fields = CHILD_SPECS[list].fields;
    a.values.len() == b.values.len()
        && a.values
            .iter()
            .zip(&b.values)
            .zip(fields)
            .all(|((x, y), f)| matches!(f.kind, Kind::Computed) || same(x, y))
}

/// Merges `base`, `mine` and `theirs` of one persona (same id). The merged persona keeps
/// mine's id and version, so a local save of it is an ordinary optimistic update.
pub fn merge(base: &Persona, mine: &Persona, theirs: &Persona) -> Merge {
    let mut merged = mine.clone();
    let mut conflicts = Vec::new();

    for i in 0..CORE_FIELDS.len() {
        if merged_by_rule(i) {
            continue;
        }
        let (b, m, t) = (&base.core[i], &mine.core[i], &theirs.core[i]);
        match merge_value(b, m, t) {
            Ok(v) => merged.core[i] = v.clone(),
            Err(()) => conflicts.push(Conflict::Field {
                field: i,
                base: b.clone(),
                mine: m.clone(),
                theirs: t.clone(),
            }),
        }
    }

    for (li, spec) in CHILD_SPECS.iter().enumerate() {
        let (rows, list_conflicts) = match spec.cardinality {
            Cardinality::One => {
                merge_single(li, &base.lists[li], &mine.lists[li], &theirs.lists[li])
            }
            Cardinality::Many => {
                merge_rows(li, &base.lists[li], &mine.lists[li], &theirs.lists[li])
            }
        };
        merged.lists[li] = rows;
        conflicts.extend(list_conflicts);
    }

    merged.history = union_history(&mine.history, &theirs.history);
    merge_status(base, mine, theirs, &mut merged, &mut conflicts);
    merge_deletion(base, mine, theirs, &mut merged, &mut conflicts);

    Merge { merged, conflicts }
}

/// Rows matched by id. Mine's order is kept; rows only theirs has are appended in their order.
fn merge_rows(
    list: usize,
    base: &[Row],
    mine: &[Row],
    theirs: &[Row],
) -> (Vec<Row>, Vec<Conflict>) {
    let find = |rows: &[Row], id: &str| rows.iter().find(|r| r.id.as_deref() == Some(id)).cloned();
    let mut out = Vec::new();
    let mut conflicts = Vec::new();

    for m in mine {
        let Some(id) = m.id.as_deref() else {
            // Not saved yet: only this side can have it.
            out.push(m.clone());
            continue;
        };
        match (find(base, id), find(theirs, id)) {
            // Added here, or present everywhere.
            (None, None) => out.push(m.clone()),
            (found_base, Some(t)) => {
                // Not in the base but on both sides with one id (a push that landed while
                // its reply was lost): merge as if from an empty row.
                let b = found_base.unwrap_or_else(|| Row {
                    id: m.id.clone(),
                    values: vec![Value::Null; m.values.len()],
                });
                match merge_row(list, &b, m, &t) {
                    Some(r) => out.push(r),
                    None => {
                        out.push(m.clone());
                        conflicts.push(row_conflict(list, &b, m, &t));
                    }
                }
            }
            (Some(b), None) => {
                // Removed on their side: gone, unless changed here.
                if !rows_same(list, &b, m) {
                    out.push(m.clone());
                    conflicts.push(Conflict::Row {
                        list,
                        id: id.to_string(),
                        base: Some(b),
                        mine: Some(m.clone()),
                        theirs: None,
                    });
                }
            }
        }
    }
    for t in theirs {
        let Some(id) = t.id.as_deref() else { continue };
        if find(mine, id).is_some() {
            continue;
        }
        match find(base, id) {
            // Added on their side.
            None => out.push(t.clone()),
            // Removed here: stays removed unless they changed it.
            Some(b) => {
                if !rows_same(list, &b, t) {
                    conflicts.push(Conflict::Row {
                        list,
                        id: id.to_string(),
                        base: Some(b),
                        mine: None,
                        theirs: Some(t.clone()),
                    });
                }
            }
        }
    }
    (out, conflicts)
}

/// Field-by-field merge of one row present on both sides; `None` when a field changed on both
/// sides to different values.
fn merge_row(list: usize, base: &Row, mine: &Row, theirs: &Row) -> Option<Row> {
    let mut values = Vec::with_capacity(mine.values.len());
    for (i, m) in mine.values.iter().enumerate() {
        let b = base.values.get(i).unwrap_or(&Value::Null);
        let t = theirs.values.get(i).unwrap_or(&Value::Null);
        if matches!(
            CHILD_SPECS[list].fields.get(i).map(|f| f.kind),
            Some(Kind::Computed)
        ) {
            values.push(m.clone());
            continue;
        }
        values.push(merge_value(b, m, t).ok()?.clone());
    }
    Some(Row {
        id: mine.id.clone(),
        values,
    })
}

fn row_conflict(list: usize, base: &Row, mine: &Row, theirs: &Row) -> Conflict {
    Conflict::Row {
        list,
        id: mine.id.clone().unwrap_or_default(),
        base: Some(base.clone()),
        mine: Some(mine.clone()),
        theirs: Some(theirs.clone()),
    }
}

/// A list of exactly one row: the rows are matched by position, whatever their ids.
fn merge_single(
    list: usize,
    base: &[Row],
    mine: &[Row],
    theirs: &[Row],
) -> (Vec<Row>, Vec<Conflict>) {
    let width = CHILD_SPECS[list].fields.len();
    let empty = Row {
        id: None,
        values: vec![Value::Null; width],
    };
    let b = base.first().unwrap_or(&empty);
    match (mine.first(), theirs.first()) {
        (None, None) => (Vec::new(), Vec::new()),
        (Some(m), None) => (vec![m.clone()], Vec::new()),
        (None, Some(t)) => (vec![t.clone()], Vec::new()),
        (Some(m), Some(t)) => match merge_row(list, b, m, t) {
            Some(r) => (vec![r], Vec::new()),
            None => (vec![m.clone()], vec![row_conflict(list, b, m, t)]),
        },
    }
}

/// Union of two append-only histories, oldest first. Entries are equal when every part is.
pub fn union_history(mine: &[StatusChange], theirs: &[StatusChange]) -> Vec<StatusChange> {
    let mut all: Vec<StatusChange> = mine.to_vec();
    for t in theirs {
        if !all.contains(t) {
            all.push(t.clone());
        }
    }
    // Stable: entries with one timestamp keep mine-then-theirs order.
    all.sort_by(|a, b| a.changed_at.cmp(&b.changed_at));
    all
}

fn merge_status(
    base: &Persona,
    mine: &Persona,
    theirs: &Persona,
    merged: &mut Persona,
    conflicts: &mut Vec<Conflict>,
) {
    let status = |p: &Persona| p.text("validation_status").unwrap_or("draft").to_string();
    let (b, m, t) = (status(base), status(mine), status(theirs));
    let winner = if m == t || t == b {
        mine
    } else if m == b {
        theirs
    } else {
        conflicts.push(Conflict::Status {
            base: b,
            mine: m,
            theirs: t,
        });
        mine
    };
    for name in ["validation_status", "validated_at", "validated_by"] {
        if let Some(i) = core_index(name) {
            merged.core[i] = winner.core[i].clone();
        }
    }
}

fn merge_deletion(
    base: &Persona,
    mine: &Persona,
    theirs: &Persona,
    merged: &mut Persona,
    conflicts: &mut Vec<Conflict>,
) {
    let changed = |p: &Persona| !content_equal(base, p);
    match (
        base.deleted_at.is_some(),
        mine.deleted_at.is_some(),
        theirs.deleted_at.is_some(),
    ) {
        (false, true, false) if changed(theirs) => conflicts.push(Conflict::Deleted {
            deleted_by: Side::Mine,
        }),
        (false, false, true) if changed(mine) => conflicts.push(Conflict::Deleted {
            deleted_by: Side::Theirs,
        }),
        (false, false, true) => merged.deleted_at = theirs.deleted_at.clone(),
        // Restored on one side: restored.
        (true, false, _) | (true, _, false) => merged.deleted_at = None,
        _ => {}
    }
}

/// The persona's content as the merge sees it: core values (computed ones aside), list rows
/// and history; ids of the persona, version and timestamps do not count.
pub fn content_equal(a: &Persona, b: &Persona) -> bool {
    let core = (0..CORE_FIELDS.len())
        .filter(|&i| !matches!(CORE_FIELDS[i].kind, Kind::Computed))
        .all(|i| same(&a.core[i], &b.core[i]));
    core && a.history == b.history
        && a.lists
            .iter()
            .zip(&b.lists)
            .enumerate()
            .all(|(li, (x, y))| {
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .all(|(r, s)| r.id == s.id && rows_same(li, r, s))
            })
}

/// Settles one conflict: the merged persona takes `side`'s version of it.
pub fn resolve(merge: &mut Merge, index: usize, side: Side, mine: &Persona, theirs: &Persona) {
    if index >= merge.conflicts.len() {
        return;
    }
    let conflict = merge.conflicts.remove(index);
    let merged = &mut merge.merged;
    match conflict {
        Conflict::Field {
            field,
            mine: m,
            theirs: t,
            ..
        } => merged.core[field] = if side == Side::Mine { m } else { t },
        Conflict::Row {
            list,
            id,
            mine: m,
            theirs: t,
            ..
        } => {
            let chosen = if side == Side::Mine { m } else { t };
            let rows = &mut merged.lists[list];
            let at = rows
                .iter()
                .position(|r| r.id.as_deref() == Some(id.as_str()));
            match (at, chosen) {
                (Some(i), Some(r)) => rows[i] = r,
                (Some(i), None) => {
                    rows.remove(i);
                }
                (None, Some(r)) => rows.push(r),
                (None, None) => {}
            }
            // Single-row lists are matched by position, whatever the id.
            if CHILD_SPECS[list].cardinality == Cardinality::One && rows.len() > 1 {
                let keep = rows.pop();
                rows.clear();
                rows.extend(keep);
            }
        }
        Conflict::Status { .. } => {
            let winner = if side == Side::Mine { mine } else { theirs };
            for name in ["validation_status", "validated_at", "validated_by"] {
                if let Some(i) = core_index(name) {
                    merged.core[i] = winner.core[i].clone();
                }
            }
        }
        Conflict::Deleted { deleted_by } => {
            merged.deleted_at = if side == deleted_by {
                mine.deleted_at
                    .clone()
                    .or_else(|| theirs.deleted_at.clone())
            } else {
                None
            };
        }
    }
}
