//! Errors the UI and CLI show to people: each names what went wrong in their terms.

use std::fmt;

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
    /// Anything else the database reported; the backend's own error is the source.
    #[error("database error: {0}")]
    Database(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;
