//! Errors the UI and CLI show to people: each names what went wrong in their terms.

use std::fmt;

use crate::catalog::validate::{Lookups, allowed};
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, FieldSpec};

/// Where in a persona a bad value sits, so the editor can focus it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// Index into `CORE_FIELDS`.
    Core(usize),
    /// (list index into `CHILD_SPECS`, row, field index into the list's fields)
    List(usize, usize, usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub location: Location,
    pub message: String,
}

impl Problem {
    pub fn field(&self) -> &'static FieldSpec {
        match self.location {
            Location::Core(i) => &CORE_FIELDS[i],
            Location::List(l, _, f) => &CHILD_SPECS[l].fields[f],
        }
    }

    /// `personas.archetype` or `persona_pain_points[2].severity`.
    pub fn path(&self) -> String {
        match self.location {
            Location::Core(i) => format!("personas.{}", CORE_FIELDS[i].name),
            Location::List(l, r, f) => format!(
                "{}[{}].{}",
                CHILD_SPECS[l].table,
                r + 1,
                CHILD_SPECS[l].fields[f].name
            ),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {}",
            self.field().label,
            self.path(),
            self.message
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open {path}: {reason}")]
    Open { path: String, reason: String },
    #[error(
        "this database has schema version {found}, newer than this Persona Studio knows ({known}); \
         use a newer Persona Studio to open it"
    )]
    TooNew { found: i64, known: i64 },
    #[error("{}", .0.first().map(|p| p.to_string()).unwrap_or_default())]
    Invalid(Vec<Problem>),
    #[error("{table}.{column}: {message}")]
    Constraint {
        table: String,
        column: String,
        message: String,
    },
    #[error("{0} not found")]
    NotFound(String),
    #[error("unknown tenant \"{0}\" (see `persona-studio tenant list`)")]
    UnknownTenant(String),
    #[error(
        "\"{name}\" was changed elsewhere since you opened it (by another window or process); \
         reload to see their version, or overwrite it with yours"
    )]
    Conflict { name: String },
    #[error("the database is locked by another program; try again in a moment")]
    Busy,
    #[error(
        "the database file is read-only; your edits are kept, save them elsewhere or fix the file's permissions"
    )]
    ReadOnly,
    #[error("the disk is full; your edits are kept, free some space and save again")]
    DiskFull,
    #[error("{0}")]
    Refused(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

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
        StoreError::Sqlite(e)
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
