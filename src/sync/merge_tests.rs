//! Every kind of merge and conflict of issue 14, on the model alone.

use super::merge::{Conflict, Side, content_equal, merge, resolve, union_history};
use crate::catalog::{CHILD_SPECS, Cardinality, child_index, core_index};
use crate::model::{Persona, Row, StatusChange, Value};

fn goals() -> usize {
    child_index("goals").expect("goals list")
}

fn vpanes() -> usize {
    child_index("vpanes_scoring").expect("vpanes list")
}

fn row(list: usize, id: &str, first: &str) -> Row {
    let mut r = Row::new(&CHILD_SPECS[list]);
    r.id = Some(id.to_string());
    // The first text column of the row is enough to tell versions apart.
    let col = first_text(list);
    r.values[col] = Value::text(first);
    r
}

fn first_text(list: usize) -> usize {
    CHILD_SPECS[list]
        .fields
        .iter()
        .position(|f| {
            matches!(
                f.kind,
                crate::catalog::Kind::Text | crate::catalog::Kind::LongText
            )
        })
        .expect("a text column")
}

fn base() -> Persona {
    let mut p = Persona::new_draft();
    p.id = Some("p-1".into());
    p.set("name", Value::text("Amara Okafor"));
    p.set("slug", Value::text("amara-okafor"));
    p.set("title", Value::text("MSL"));
    p.set("tagline", Value::text("Evidence first"));
    p.set("validation_status", Value::text("draft"));
    let g = goals();
    p.lists[g] = vec![
        row(g, "g1", "Faster reviews"),
        row(g, "g2", "Fewer meetings"),
    ];
    p.history = vec![change(None, "draft", "2026-01-01T00:00:00.000Z")];
    p
}

fn change(from: Option<&str>, to: &str, at: &str) -> StatusChange {
    StatusChange {
        from_status: from.map(str::to_string),
        to_status: to.to_string(),
        changed_by: Some("alice".into()),
        changed_at: at.to_string(),
        note: None,
    }
}

fn text(p: &Persona, name: &str) -> String {
    p.text(name).unwrap_or("").to_string()
}

#[test]
fn unchanged_sides_merge_to_the_base() {
    let b = base();
    let m = merge(&b, &b, &b);
    assert!(m.is_clean());
    assert!(content_equal(&m.merged, &b));
}

#[test]
fn fields_changed_on_one_side_each_merge() {
    let b = base();
    let mut mine = b.clone();
    mine.set("title", Value::text("Senior MSL"));
    let mut theirs = b.clone();
    theirs.set("tagline", Value::text("Data over anecdotes"));
    let m = merge(&b, &mine, &theirs);
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert_eq!(text(&m.merged, "title"), "Senior MSL");
    assert_eq!(text(&m.merged, "tagline"), "Data over anecdotes");
}

#[test]
fn same_change_on_both_sides_is_no_conflict() {
    let b = base();
    let mut mine = b.clone();
    mine.set("title", Value::text("Lead MSL"));
    let theirs = mine.clone();
    let m = merge(&b, &mine, &theirs);
    assert!(m.is_clean());
    assert_eq!(text(&m.merged, "title"), "Lead MSL");
}

#[test]
fn one_field_changed_both_ways_is_a_conflict_holding_three_versions() {
    let b = base();
    let mut mine = b.clone();
    mine.set("title", Value::text("Mine"));
    let mut theirs = b.clone();
    theirs.set("title", Value::text("Theirs"));
    let m = merge(&b, &mine, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    let Conflict::Field {
        field,
        base: cb,
        mine: cm,
        theirs: ct,
    } = &m.conflicts[0]
    else {
        panic!("expected a field conflict, got {:?}", m.conflicts[0]);
    };
    assert_eq!(Some(*field), core_index("title"));
    assert_eq!(cb, &Value::text("MSL"));
    assert_eq!(cm, &Value::text("Mine"));
    assert_eq!(ct, &Value::text("Theirs"));
    assert_eq!(m.conflicts[0].path(), "personas.title");
    // Unresolved, the merged persona keeps what was typed here.
    assert_eq!(text(&m.merged, "title"), "Mine");
}

#[test]
fn resolving_a_field_conflict_takes_the_chosen_side() {
    let b = base();
    let mut mine = b.clone();
    mine.set("title", Value::text("Mine"));
    let mut theirs = b.clone();
    theirs.set("title", Value::text("Theirs"));
    let mut m = merge(&b, &mine, &theirs);
    resolve(&mut m, 0, Side::Theirs, &mine, &theirs);
    assert!(m.is_clean());
    assert_eq!(text(&m.merged, "title"), "Theirs");
}

#[test]
fn rows_added_on_both_sides_are_all_kept() {
    let b = base();
    let g = goals();
    let mut mine = b.clone();
    mine.lists[g].push(row(g, "g3", "Mine added"));
    let mut theirs = b.clone();
    theirs.lists[g].push(row(g, "g4", "Theirs added"));
    let m = merge(&b, &mine, &theirs);
    assert!(m.is_clean());
    let ids: Vec<_> = m.merged.lists[g]
        .iter()
        .map(|r| r.id.clone().unwrap())
        .collect();
    assert_eq!(ids, ["g1", "g2", "g3", "g4"]);
}

#[test]
fn a_row_removed_on_one_side_and_untouched_on_the_other_is_removed() {
    let b = base();
    let g = goals();
    let mut mine = b.clone();
    mine.lists[g].retain(|r| r.id.as_deref() != Some("g1"));
    let mut theirs = b.clone();
    theirs.lists[g].retain(|r| r.id.as_deref() != Some("g2"));
    let m = merge(&b, &mine, &theirs);
    assert!(m.is_clean());
    assert!(m.merged.lists[g].is_empty(), "{:?}", m.merged.lists[g]);
}

#[test]
fn a_row_removed_against_an_edit_is_a_conflict() {
    let b = base();
    let g = goals();
    let col = first_text(g);
    let mut mine = b.clone();
    mine.lists[g].retain(|r| r.id.as_deref() != Some("g1"));
    let mut theirs = b.clone();
    theirs.lists[g][0].values[col] = Value::text("Faster reviews, measured");
    let m = merge(&b, &mine, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    assert!(
        matches!(&m.conflicts[0], Conflict::Row { id, mine: None, theirs: Some(_), .. } if id == "g1"),
        "{:?}",
        m.conflicts
    );
    // Taking theirs brings the edited row back.
    let mut m2 = m.clone();
    resolve(&mut m2, 0, Side::Theirs, &mine, &theirs);
    assert!(
        m2.merged.lists[g]
            .iter()
            .any(|r| r.id.as_deref() == Some("g1"))
    );
    // Taking mine keeps it removed.
    let mut m3 = m;
    resolve(&mut m3, 0, Side::Mine, &mine, &theirs);
    assert!(
        !m3.merged.lists[g]
            .iter()
            .any(|r| r.id.as_deref() == Some("g1"))
    );
}

#[test]
fn a_row_changed_on_both_sides_in_different_fields_merges() {
    let b = base();
    let g = goals();
    let col = first_text(g);
    let other = CHILD_SPECS[g]
        .fields
        .iter()
        .enumerate()
        .position(|(i, f)| {
            i != col
                && matches!(
                    f.kind,
                    crate::catalog::Kind::Text | crate::catalog::Kind::LongText
                )
        })
        .expect("a second text column in goals");
    let mut mine = b.clone();
    mine.lists[g][1].values[col] = Value::text("Fewer, shorter meetings");
    let mut theirs = b.clone();
    theirs.lists[g][1].values[other] = Value::text("their detail");
    let m = merge(&b, &mine, &theirs);
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert_eq!(
        m.merged.lists[g][1].values[col],
        Value::text("Fewer, shorter meetings")
    );
    assert_eq!(
        m.merged.lists[g][1].values[other],
        Value::text("their detail")
    );
}

#[test]
fn a_row_field_changed_both_ways_is_a_row_conflict() {
    let b = base();
    let g = goals();
    let col = first_text(g);
    let mut mine = b.clone();
    mine.lists[g][1].values[col] = Value::text("A");
    let mut theirs = b.clone();
    theirs.lists[g][1].values[col] = Value::text("B");
    let m = merge(&b, &mine, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(
        m.conflicts[0].path(),
        format!("{}[g2]", CHILD_SPECS[g].table)
    );
}

#[test]
fn single_row_lists_match_by_position_whatever_the_ids() {
    let v = vpanes();
    assert_eq!(CHILD_SPECS[v].cardinality, Cardinality::One);
    let spec = &CHILD_SPECS[v];
    let score = |name: &str| spec.field_index(name).expect("score column");
    let b = base();
    let mut mine = b.clone();
    let mut r1 = Row::new(spec);
    r1.id = Some("v-mine".into());
    r1.values[score("visibility")] = Value::Real(7.0);
    mine.lists[v] = vec![r1];
    let mut theirs = b.clone();
    let mut r2 = Row::new(spec);
    r2.id = Some("v-theirs".into());
    r2.values[score("pain")] = Value::Real(4.0);
    theirs.lists[v] = vec![r2];
    let m = merge(&b, &mine, &theirs);
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert_eq!(m.merged.lists[v].len(), 1);
    assert_eq!(
        m.merged.lists[v][0].values[score("visibility")],
        Value::Real(7.0)
    );
    assert_eq!(m.merged.lists[v][0].values[score("pain")], Value::Real(4.0));
}

#[test]
fn history_merges_by_union_in_time_order() {
    let b = base();
    let mut mine = b.clone();
    mine.history.push(change(
        Some("draft"),
        "pending_review",
        "2026-01-03T00:00:00.000Z",
    ));
    let mut theirs = b.clone();
    theirs.history.push(change(
        Some("draft"),
        "pending_review",
        "2026-01-02T00:00:00.000Z",
    ));
    let all = union_history(&mine.history, &theirs.history);
    let times: Vec<_> = all.iter().map(|c| c.changed_at.as_str()).collect();
    assert_eq!(
        times,
        [
            "2026-01-01T00:00:00.000Z",
            "2026-01-02T00:00:00.000Z",
            "2026-01-03T00:00:00.000Z"
        ]
    );
    // The same entry on both sides is kept once.
    assert_eq!(union_history(&mine.history, &mine.history).len(), 2);
}

#[test]
fn a_status_moved_on_one_side_follows_with_its_stamps() {
    // A reviewer validates what the researcher pushed; the researcher edited a field meanwhile.
    let mut b = base();
    b.set("validation_status", Value::text("pending_review"));
    let mut theirs = b.clone();
    theirs.set("validation_status", Value::text("validated"));
    theirs.set("validated_by", Value::text("bob"));
    theirs.set("validated_at", Value::text("2026-01-05T00:00:00.000Z"));
    theirs.history.push(change(
        Some("pending_review"),
        "validated",
        "2026-01-05T00:00:00.000Z",
    ));
    let mut mine = b.clone();
    mine.set("tagline", Value::text("Edited offline"));
    let m = merge(&b, &mine, &theirs);
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert_eq!(text(&m.merged, "validation_status"), "validated");
    assert_eq!(text(&m.merged, "validated_by"), "bob");
    assert_eq!(text(&m.merged, "tagline"), "Edited offline");
    assert_eq!(m.merged.history.len(), 2);
}

#[test]
fn a_status_moved_on_both_sides_to_different_places_is_a_conflict() {
    let mut b = base();
    b.set("validation_status", Value::text("pending_review"));
    let mut mine = b.clone();
    mine.set("validation_status", Value::text("draft"));
    let mut theirs = b.clone();
    theirs.set("validation_status", Value::text("validated"));
    let mut m = merge(&b, &mine, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    assert!(
        matches!(&m.conflicts[0], Conflict::Status { mine, theirs, .. } if mine == "draft" && theirs == "validated")
    );
    resolve(&mut m, 0, Side::Theirs, &mine, &theirs);
    assert_eq!(text(&m.merged, "validation_status"), "validated");
}

#[test]
fn a_deletion_against_an_edit_is_a_conflict() {
    let b = base();
    let mut mine = b.clone();
    mine.deleted_at = Some("2026-01-04T00:00:00.000Z".into());
    let mut theirs = b.clone();
    theirs.set("title", Value::text("Edited remotely"));
    let m = merge(&b, &mine, &theirs);
    assert_eq!(
        m.conflicts,
        vec![Conflict::Deleted {
            deleted_by: Side::Mine
        }]
    );
    let mut keep_edit = m.clone();
    resolve(&mut keep_edit, 0, Side::Theirs, &mine, &theirs);
    assert_eq!(keep_edit.merged.deleted_at, None);
    assert_eq!(text(&keep_edit.merged, "title"), "Edited remotely");
    let mut keep_delete = m;
    resolve(&mut keep_delete, 0, Side::Mine, &mine, &theirs);
    assert!(keep_delete.merged.deleted_at.is_some());
}

#[test]
fn a_deletion_on_their_side_of_an_untouched_persona_is_taken() {
    let b = base();
    let mut theirs = b.clone();
    theirs.deleted_at = Some("2026-01-04T00:00:00.000Z".into());
    let m = merge(&b, &b, &theirs);
    assert!(m.is_clean());
    assert_eq!(m.merged.deleted_at, theirs.deleted_at);
}

#[test]
fn a_cleared_text_and_null_are_the_same_value() {
    let b = base();
    let mut mine = b.clone();
    mine.set("tagline", Value::Null);
    let mut theirs = b.clone();
    theirs.set("tagline", Value::text(""));
    let m = merge(&b, &mine, &theirs);
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert!(m.merged.get("tagline").is_blank());
}
