//! The CSV of persona summaries: the browser's columns, for spreadsheets.
//!
//! RFC 4180: a header row, fields holding a comma, a double quote, CR or LF are quoted and
//! their quotes doubled, and every record ends in CRLF (the RFC's line ending, which Excel,
//! LibreOffice and Python's `csv` all read). Line breaks inside a quoted field are kept as
//! they are. Values are the stored codes (`ORCHESTRATOR`, `senior`, `tier_1_ideal`), not
//! display names, so sorting and filtering in a sheet match the app's filters. Written by
//! hand: it is a dozen lines and needs no dependency. Text that a spreadsheet would run as a
//! formula is guarded (`formula_guarded`).

use super::Selection;
use super::export::selected_summaries;
use crate::catalog::CSV_COLUMNS;
use crate::model::Summary;
use crate::store::{Result, Store};

/// The record separator (RFC 4180).
pub const CSV_LINE_END: &str = "\r\n";

/// The summaries of the selection as CSV, sorted by slug.
pub fn export_csv(store: &Store, selection: &Selection) -> Result<String> {
    Ok(summaries_csv(&selected_summaries(store, selection)?))
}

/// The columns are the catalog's `CSV_COLUMNS`.
pub fn summaries_csv(rows: &[Summary]) -> String {
    let mut out = record(CSV_COLUMNS.iter().map(|(header, _)| header.to_string()));
    for s in rows {
        let json = serde_json::to_value(s).unwrap_or_default();
        out.push_str(&record(CSV_COLUMNS.iter().map(|(_, column)| {
            match json.get(column) {
                Some(serde_json::Value::String(t)) => formula_guarded(t),
                // The CSV's one decimal column is the VPANES total, a sum of one-decimal
                // scores: one decimal hides binary noise.
                Some(serde_json::Value::Number(n)) => match n.as_f64() {
                    Some(x) if !n.is_i64() => format!("{x:.1}"),
                    _ => n.to_string(),
                },
                _ => String::new(),
            }
        })));
    }
    out
}

/// Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or CR first,
/// OWASP's list) gets a leading `'`, which spreadsheets read as "this is text". Only text
/// cells: numbers are written from numbers and a negative one stays a number.
pub fn formula_guarded(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
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
