//! SQLite's errors in the store's terms.

use crate::catalog::validate::{Lookups, allowed};
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, FieldSpec};
use crate::store::StoreError;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        if let rusqlite::Error::SqliteFailure(f, msg) = &e {
            match f.code {
                C::DatabaseBusy | C::DatabaseLocked => return StoreError::Busy,
                C::ReadOnly => return StoreError::ReadOnly,
                C::DiskFull => return StoreError::DiskFull,
                C::NotADatabase | C::DatabaseCorrupt => {
                    return StoreError::Open {
                        path: "the database".into(),
                        reason: "the file is not a SQLite database or is damaged".into(),
                    };
                }
                C::ConstraintViolation => {
                    // The workflow triggers' RAISE messages are already written for people.
                    if let Some(m) = msg
                        .as_deref()
                        .filter(|m| m.starts_with("personas.validation_status:"))
                    {
                        return StoreError::Refused(m.to_string());
                    }
                    if let Some(err) = msg
                        .as_deref()
                        .and_then(|m| constraint_from_message(None, m))
                    {
                        return err;
                    }
                }
                _ => {}
            }
        }
        StoreError::Database(Box::new(e))
    }
}

/// Turns SQLite's constraint text into a message naming table, column and what is allowed.
/// `table` is the table being written when the message itself does not name one (CHECK and
/// FOREIGN KEY failures).
pub fn constraint_from_message(table: Option<&str>, msg: &str) -> Option<StoreError> {
    let fields_of = |t: &str| -> &'static [FieldSpec] {
        if t == "personas" {
            CORE_FIELDS
        } else {
            CHILD_SPECS
                .iter()
                .find(|c| c.table == t)
                .map_or(&[], |c| c.fields)
        }
    };
    let split = |rest: &str| -> (String, String) {
        let first = rest.split(',').next().unwrap_or(rest).trim();
        match first.split_once('.') {
            Some((t, c)) => (t.to_string(), c.to_string()),
            None => (table.unwrap_or("?").to_string(), first.to_string()),
        }
    };
    if let Some(rest) = msg.strip_prefix("UNIQUE constraint failed: ") {
        let (t, c) = split(rest);
        let message = if c == "slug" {
            "this slug is already used by another persona; slugs are unique across all tenants"
                .into()
        } else {
            format!("this {c} is already used; it must be unique")
        };
        return Some(StoreError::Constraint {
            table: t,
            column: c,
            message,
        });
    }
    if let Some(rest) = msg.strip_prefix("NOT NULL constraint failed: ") {
        let (t, c) = split(rest);
        return Some(StoreError::Constraint {
            table: t,
            column: c,
            message: "is required".into(),
        });
    }
    if let Some(expr) = msg.strip_prefix("CHECK constraint failed: ") {
        let t = table.unwrap_or("?");
        let field = fields_of(t)
            .iter()
            .filter(|f| expr.contains(f.name))
            .max_by_key(|f| f.name.len());
        return Some(match field {
            Some(f) => StoreError::Constraint {
                table: t.into(),
                column: f.name.into(),
                message: format!("allowed is {}", allowed(f, &Lookups::default())),
            },
            None => StoreError::Constraint {
                table: t.into(),
                column: expr.to_string(),
                message: "the value is outside what the schema allows".into(),
            },
        });
    }
    if msg.starts_with("FOREIGN KEY constraint failed") {
        return Some(StoreError::Constraint {
            table: table.unwrap_or("?").into(),
            column: "(a reference)".into(),
            message: "refers to a lookup code, organisation or user that does not exist".into(),
        });
    }
    None
}

/// Wraps an error from writing `table` so CHECK and FOREIGN KEY failures name the table.
pub fn in_table(table: &str, e: rusqlite::Error) -> StoreError {
    if let rusqlite::Error::SqliteFailure(f, Some(msg)) = &e
        && f.code == rusqlite::ErrorCode::ConstraintViolation
        && !msg.starts_with("personas.validation_status:")
        && let Some(err) = constraint_from_message(Some(table), msg)
    {
        return err;
    }
    e.into()
}
