//! The CSV of persona summaries: the browser's columns, for spreadsheets.
//!
//! RFC 4180: a header row, fields holding a comma, a double quote, CR or LF are quoted and
//! their quotes doubled, and every record ends in CRLF (the RFC's line ending, which Excel,
//! LibreOffice and Python's `csv` all read). Line breaks inside a quoted field are kept as
//! they are. Values are the stored codes (`ORCHESTRATOR`, `senior`, `tier_1_ideal`), not
//! display names, so sorting and filtering in a sheet match the app's filters. Written by
//! hand: it is a dozen lines and needs no dependency.

use super::Selection;
use super::export::selected_summaries;
use crate::model::Summary;
use crate::store::{Result, Store};

/// The header row, in column order.
pub const CSV_COLUMNS: [&str; 10] = [
    "name",
    "slug",
    "title",
    "archetype",
    "function",
    "seniority",
    "validation_status",
    "vpanes_total",
    "priority_tier",
    "updated_at",
];

/// The record separator (RFC 4180).
pub const CSV_LINE_END: &str = "\r\n";

/// The summaries of the selection as CSV, sorted by slug.
pub fn export_csv(store: &Store, selection: &Selection) -> Result<String> {
    Ok(summaries_csv(&selected_summaries(store, selection)?))
}

pub fn summaries_csv(rows: &[Summary]) -> String {
    let mut out = record(CSV_COLUMNS.iter().map(|c| c.to_string()));
    for s in rows {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        out.push_str(&record([
            s.name.clone(),
            s.slug.clone(),
            opt(&s.title),
            opt(&s.archetype),
            opt(&s.function_name),
            opt(&s.seniority_level),
            opt(&s.validation_status),
            // The total is a sum of one-decimal scores; one decimal hides binary noise.
            s.total_score.map(|t| format!("{t:.1}")).unwrap_or_default(),
            opt(&s.priority_tier),
            s.updated_at.clone(),
        ]));
    }
    out
}

fn record(fields: impl IntoIterator<Item = String>) -> String {
    let mut line = fields
        .into_iter()
        .map(|f| field(&f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str(CSV_LINE_END);
    line
}

/// One field, quoted when it holds a comma, a quote, CR or LF; quotes inside are doubled.
pub fn field(value: &str) -> String {
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}
