//! A diff as lines of text, the same for the app's diff view and `persona-studio diff`.
//! Stored text goes through `model::escape`, so no control character reaches a terminal.

use serde_json::Value as Json;

use super::{FieldChange, PersonaDiff, RowChange};
use crate::model::escape::terminal_line;

/// A value as the diff shows it: text quoted, empty as "(empty)", the rest as JSON.
pub fn value(j: &Json) -> String {
    match j {
        Json::Null => "(empty)".into(),
        Json::String(s) => format!("\"{}\"", terminal_line(s)),
        other => terminal_line(&other.to_string()).into_owned(),
    }
}

fn field_line(indent: &str, c: &FieldChange) -> String {
    format!(
        "{indent}{}: {} → {}",
        c.label,
        value(&c.before),
        value(&c.after)
    )
}

/// The diff under a heading per part: "Fields", then each list's title. An empty diff is
/// one line saying so.
pub fn lines(d: &PersonaDiff) -> Vec<String> {
    if d.is_empty() {
        return vec!["No changes.".into()];
    }
    let mut out = Vec::new();
    if !d.fields.is_empty() {
        out.push(format!("Fields ({} changed)", d.fields.len()));
        out.extend(d.fields.iter().map(|c| field_line("  ", c)));
    }
    for l in &d.lists {
        out.push(format!("{} ({} row(s) changed)", l.title, l.rows.len()));
        for r in &l.rows {
            match r {
                RowChange::Added { row, .. } => {
                    out.push(format!("  + added \"{}\"", terminal_line(row)));
                }
                RowChange::Removed { row, .. } => {
                    out.push(format!("  - removed \"{}\"", terminal_line(row)));
                }
                RowChange::Changed { row, fields, .. } => {
                    out.push(format!("  ~ changed \"{}\"", terminal_line(row)));
                    out.extend(fields.iter().map(|c| field_line("      ", c)));
                }
            }
        }
    }
    out
}

/// "validated at 2026-03-01 09:30 by alice": the move a diff starts from.
pub fn since_label(h: &crate::model::StatusChange) -> String {
    let when = crate::model::minute(&h.changed_at);
    let by = h
        .changed_by
        .as_deref()
        .map(|u| format!(" by {}", terminal_line(u)))
        .unwrap_or_default();
    format!(
        "{} at {}{by}",
        terminal_line(&h.to_status),
        terminal_line(&when)
    )
}
