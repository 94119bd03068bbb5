//! `persona-studio diff SLUG [--since validated|pending_review|TIMESTAMP] [--json]`: what
//! changed in a persona since a status move, as the app's diff view shows it.

use std::io::Write;

use serde_json::json;

use crate::catalog::enums::VALIDATION_STATUSES;
use crate::model::escape::terminal_line;
use crate::store::review::Since;
use crate::store::{Store, StoreError};

/// Exit code when there is nothing to compare with (a persona never validated): not an
/// error of the database or of the command line (1), but a script needs to tell it apart.
pub const NO_BASELINE: i32 = 2;

/// `--since`: a status (the last move to it) or a time such as `2026-03-01` or
/// `2026-03-01T09:30` (the last move at or before it).
pub fn parse_since(s: &str) -> Result<Since, StoreError> {
    let s = s.trim();
    if VALIDATION_STATUSES.contains(&s) {
        return Ok(Since::Status(s.to_string()));
    }
    let date = s.get(..10).unwrap_or(s);
    if crate::catalog::validate::is_date(date) && s.is_ascii() {
        return Ok(Since::Time(s.to_string()));
    }
    Err(StoreError::Usage(format!(
        "--since {}: give a status ({}) or a time such as 2026-03-01 or 2026-03-01T09:30",
        crate::model::escape::quoted(s),
        VALIDATION_STATUSES.join(", ")
    )))
}

pub fn run(
    store: &Store,
    slug: &str,
    since: Option<&str>,
    json_out: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, StoreError> {
    let since = parse_since(since.unwrap_or("validated"))?;
    let p = store.load_by_slug(slug)?;
    let id = p.id.clone().unwrap_or_default();
    let base = match store.baseline(&id, &since) {
        Ok(b) => b,
        Err(StoreError::NoBaseline(why)) => {
            writeln!(err, "persona-studio: {}: {why}", terminal_line(slug))?;
            return Ok(NO_BASELINE);
        }
        Err(e) => return Err(e),
    };
    let d = super::diff(&base.snapshot, &super::snapshot::to_json(&p));
    if json_out {
        let j = json!({
            "slug": p.slug(),
            "since": base.entry,
            "changes": d,
        });
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&j).unwrap_or_default()
        )?;
        return Ok(0);
    }
    writeln!(
        out,
        "{}: changes since {}",
        terminal_line(slug),
        super::text::since_label(&base.entry)
    )?;
    for l in super::text::lines(&d) {
        writeln!(out, "{l}")?;
    }
    Ok(0)
}
