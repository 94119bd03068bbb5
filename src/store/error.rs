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

/// The error a backend wraps: kept as the `#[source]` of the variant that says what happened.
pub type Source = Box<dyn std::error::Error + Send + Sync>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open {path}: {reason}")]
    Open { path: String, reason: String },
    #[error(
        "this database has schema version {found}, newer than this Persona Studio knows ({known}); \
         use a newer Persona Studio to open it"
    )]
    TooNew { found: i64, known: i64 },
    /// Every problem of the record (or of every record of a bundle), in form order.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
    /// A CHECK constraint of the schema refused a value.
    #[error("{table}.{column}: allowed is {allowed}")]
    CheckFailed {
        table: String,
        /// The column the constraint is about, or the constraint's own name or expression
        /// when no described column matches it.
        column: String,
        allowed: String,
        #[source]
        source: Source,
    },
    /// A NOT NULL column was left empty.
    #[error("{table}.{column}: is required")]
    Required {
        table: String,
        column: String,
        #[source]
        source: Source,
    },
    /// A UNIQUE (or primary key) value is taken. `across_tenants`: the value is a persona's
    /// handle, unique in the whole database.
    #[error("{}", duplicate(.table, .column, *.across_tenants))]
    Duplicate {
        table: String,
        column: String,
        across_tenants: bool,
        #[source]
        source: Source,
    },
    /// A reference to a lookup code, organisation, user or persona that does not exist.
    #[error("{table}: refers to a lookup code, organisation or user that does not exist")]
    MissingReference {
        table: String,
        #[source]
        source: Source,
    },
    /// A rule of the schema's triggers refused the write; their messages are written for
    /// people (the review workflow's name the allowed moves).
    #[error("{message}")]
    RuleRefused {
        message: String,
        #[source]
        source: Source,
    },
    /// A persona's status and history are not a chain of the workflow's moves (see
    /// `store::chain`); each problem starts with its path below the persona.
    #[error("{persona}: {}", .problems.join("; "))]
    HistoryRefused {
        persona: String,
        problems: Vec<String>,
    },
    /// The review workflow does not allow this status move.
    #[error("{}{}", .persona.as_ref().map(|n| format!("{n}: ")).unwrap_or_default(), crate::workflow::refusal(.from, .to))]
    MoveNotAllowed {
        persona: Option<String>,
        from: String,
        to: String,
    },
    /// Sending a persona back to draft needs a note for its author.
    #[error("sending {persona} back from {from} to draft needs a note for its author (--note)")]
    NoteRequired { persona: String, from: String },
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
    /// `gen` with a seed whose personas are already in the database.
    #[error(
        "seed {seed} was already generated into this database (slugs gen-{seed}-…); use another --seed"
    )]
    SeedTaken { seed: u64 },
    /// `gen` asked for more personas than its ids can number.
    #[error("{count} personas is more than one run can number")]
    TooMany { count: u64 },
    /// The demo bundle shipped with the app does not parse.
    #[error("demo data is invalid: {}", .0.join("; "))]
    BadDemoData(Vec<String>),
    /// An export aimed at a file of an SQLite database (the file, its `-wal`, `-shm` or
    /// `-journal`, or a symlink to one), which would destroy the data.
    #[error("{path} belongs to an SQLite database; choose another file for the export")]
    ExportOverDatabase { path: String },
    /// A command line that asks for something impossible; the message says what to give.
    #[error("{0}")]
    Usage(String),
    /// Anything else the database reported; the backend's own error is the source.
    #[error("database error: {0}")]
    Database(#[source] Source),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A diff has nothing to start from: no such move, or a move without a snapshot.
    #[error("{0}")]
    NoBaseline(String),
}

fn duplicate(table: &str, column: &str, across_tenants: bool) -> String {
    if across_tenants {
        format!(
            "{table}.{column}: this {column} is already used by another persona; {column}s are unique across all tenants"
        )
    } else {
        format!("{table}.{column}: this {column} is already used; it must be unique")
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl StoreError {
    /// The query was stopped by an `Interrupter` (a newer search replaced it).
    pub fn is_interrupted(&self) -> bool {
        match self {
            StoreError::Database(e) => {
                e.downcast_ref::<rusqlite::Error>()
                    .and_then(rusqlite::Error::sqlite_error_code)
                    == Some(rusqlite::ErrorCode::OperationInterrupted)
            }
            _ => false,
        }
    }
}
