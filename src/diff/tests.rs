//! The diff on personas built in memory: fields, rows matched by id, one-row lists, text.

use super::snapshot::to_json;
use super::text::lines;
use super::{RowChange, diff};
use crate::catalog::CHILD_SPECS;
use crate::catalog::children::child_index;
use crate::model::{Persona, Row, Value};

fn pain(id: &str, text: &str, severity: &str) -> Row {
    let spec = &CHILD_SPECS[child_index("pain_points").unwrap()];
    let mut r = Row::new(spec);
    r.id = Some(id.into());
    r.values[spec.field_index("pain_point").unwrap()] = Value::text(text);
    r.values[spec.field_index("severity").unwrap()] = Value::text(severity);
    r
}

fn base() -> Persona {
    let mut p = Persona::new_draft();
    p.set("name", Value::text("Ada"));
    p.set("tagline", Value::text("Old line"));
    let li = child_index("pain_points").unwrap();
    p.lists[li] = vec![
        pain("r1", "Slow approvals", "high"),
        pain("r2", "Manual reconciliation", "medium"),
        pain("r3", "Lost emails", "low"),
    ];
    p
}

#[test]
fn the_same_persona_has_no_changes() {
    let p = base();
    let d = diff(&to_json(&p), &to_json(&p));
    assert!(d.is_empty());
    assert_eq!(lines(&d), vec!["No changes.".to_string()]);
}

#[test]
fn fields_and_rows_matched_by_id_added_removed_changed() {
    let before = base();
    let mut after = base();
    after.set("tagline", Value::text("New line"));
    let li = child_index("pain_points").unwrap();
    // r1 kept but moved to the end (order is not a change), r2 changed, r3 removed, r4 added.
    after.lists[li] = vec![
        pain("r2", "Manual reconciliation", "high"),
        pain("r4", "Too many tools", "low"),
        pain("r1", "Slow approvals", "high"),
    ];
    let d = diff(&to_json(&before), &to_json(&after));
    assert_eq!(d.fields.len(), 1, "{d:?}");
    assert_eq!(d.fields[0].field, "tagline");
    assert_eq!(d.lists.len(), 1);
    let rows = &d.lists[0].rows;
    assert_eq!(rows.len(), 3, "{rows:?}");
    match &rows[0] {
        RowChange::Changed { id, row, fields } => {
            assert_eq!(id.as_deref(), Some("r2"));
            assert_eq!(row, "Manual reconciliation");
            assert_eq!(fields.len(), 1);
            assert_eq!(fields[0].field, "severity");
        }
        other => panic!("expected a changed row, got {other:?}"),
    }
    assert!(matches!(&rows[1], RowChange::Added { id, .. } if id.as_deref() == Some("r4")));
    assert!(matches!(&rows[2], RowChange::Removed { id, .. } if id.as_deref() == Some("r3")));
    let text = lines(&d).join("\n");
    assert!(
        text.contains("Tagline: \"Old line\" → \"New line\""),
        "{text}"
    );
    assert!(text.contains("Pain points (3 row(s) changed)"), "{text}");
    assert!(text.contains("  + added \"Too many tools\""), "{text}");
    assert!(text.contains("  - removed \"Lost emails\""), "{text}");
    assert!(
        text.contains("  ~ changed \"Manual reconciliation\""),
        "{text}"
    );
    assert!(
        text.contains("      Severity: \"medium\" → \"high\""),
        "{text}"
    );
}

#[test]
fn a_row_with_a_new_id_is_added_and_its_old_one_removed() {
    let before = base();
    let mut after = base();
    let li = child_index("pain_points").unwrap();
    after.lists[li][0].id = Some("r9".into());
    let d = diff(&to_json(&before), &to_json(&after));
    let rows = &d.lists[0].rows;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(matches!(rows[0], RowChange::Added { .. }));
    assert!(matches!(rows[1], RowChange::Removed { .. }));
}

#[test]
fn a_one_row_list_compares_its_row_and_control_characters_are_escaped() {
    let before = base();
    let mut after = base();
    let li = child_index("vpanes_scoring").unwrap();
    let spec = &CHILD_SPECS[li];
    let mut row = Row::new(spec);
    row.id = Some("v1".into());
    after.lists[li] = vec![row];
    after.set("tagline", Value::text("bell\u{7}"));
    let d = diff(&to_json(&before), &to_json(&after));
    assert_eq!(d.lists.len(), 1);
    assert_eq!(d.lists[0].list, "vpanes_scoring");
    assert!(matches!(d.lists[0].rows[0], RowChange::Added { .. }));
    let text = lines(&d).join("\n");
    assert!(!text.contains('\u{7}'), "{text:?}");
    let mut later = after.clone();
    later.lists[li].clear();
    let d = diff(&to_json(&after), &to_json(&later));
    assert!(matches!(d.lists[0].rows[0], RowChange::Removed { .. }));
}

#[test]
fn the_snapshot_is_the_export_without_history_and_with_row_ids() {
    let p = base();
    let j = to_json(&p);
    assert!(j.get("status_history").is_none());
    assert_eq!(j["pain_points"][0]["id"], "r1");
    assert_eq!(j["tagline"], "Old line");
}
