//! SQLite's errors in the store's terms. The kind of a constraint failure comes from SQLite's
//! extended result code; only the table and column (or the CHECK constraint's name or
//! expression) are read from its text, since SQLite reports them nowhere else; what a CHECK
//! allows comes from the catalog. The SQLite error is kept as the variant's source.

use rusqlite::ffi;

use crate::catalog::validate::{Lookups, allowed};
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, CORE_TABLE, FieldSpec, Kind};
use crate::store::StoreError;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        classify(None, e)
    }
}

/// Wraps an error from writing `table`, so CHECK and FOREIGN KEY failures (whose text names no
/// table) name it.
pub fn in_table(table: &str, e: rusqlite::Error) -> StoreError {
    classify(Some(table), e)
}

fn classify(table: Option<&str>, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode as C;
    let rusqlite::Error::SqliteFailure(f, msg) = &e else {
        return StoreError::Database(Box::new(e));
    };
    match f.code {
        C::DatabaseBusy | C::DatabaseLocked => StoreError::Busy,
        C::ReadOnly => StoreError::ReadOnly,
        C::DiskFull => StoreError::DiskFull,
        C::NotADatabase | C::DatabaseCorrupt => StoreError::Open {
            path: "the database".into(),
            reason: "the file is not a SQLite database or is damaged".into(),
        },
        C::ConstraintViolation => {
            let text = msg.clone().unwrap_or_default();
            constraint(table, f.extended_code, &text, e)
        }
        _ => StoreError::Database(Box::new(e)),
    }
}

/// The described columns of a table, if the catalog describes it.
fn fields_of(table: &str) -> &'static [FieldSpec] {
    if table == CORE_TABLE {
        CORE_FIELDS
    } else {
        CHILD_SPECS
            .iter()
            .find(|c| c.table == table)
            .map_or(&[], |c| c.fields)
    }
}

fn constraint(table: Option<&str>, code: i32, text: &str, e: rusqlite::Error) -> StoreError {
    let source = Box::new(e);
    // "UNIQUE constraint failed: personas.slug" -> "personas.slug"
    let detail = text.split_once(": ").map_or("", |(_, d)| d).trim();
    let table_of = || table.unwrap_or("?").to_string();
    // The first "table.column" of a UNIQUE or NOT NULL failure.
    let named = || -> (String, String) {
        let first = detail.split(',').next().unwrap_or(detail).trim();
        match first.split_once('.') {
            Some((t, c)) => (t.to_string(), c.to_string()),
            None => (table_of(), first.to_string()),
        }
    };
    match code {
        ffi::SQLITE_CONSTRAINT_TRIGGER => rule(text, source),
        ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY => {
            let (table, column) = named();
            let across_tenants = fields_of(&table)
                .iter()
                .any(|f| f.name == column && f.kind == Kind::Slug);
            StoreError::Duplicate {
                table,
                column,
                across_tenants,
                source,
            }
        }
        ffi::SQLITE_CONSTRAINT_NOTNULL => {
            let (table, column) = named();
            StoreError::Required {
                table,
                column,
                source,
            }
        }
        ffi::SQLITE_CONSTRAINT_CHECK => {
            // `detail` is the constraint's name, or its expression when it has none. The
            // column at fault is the longest described column of the table it mentions, else
            // the expression's leading name (`to_status IN (...)`).
            let table = table_of();
            let field = fields_of(&table)
                .iter()
                .filter(|f| detail.contains(f.name))
                .max_by_key(|f| f.name.len());
            let leading: String = detail
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let column = match field {
                Some(f) => f.name.to_string(),
                None if !leading.is_empty() => leading,
                None => detail.to_string(),
            };
            // With the table unknown, a column the catalog describes once still says what is
            // allowed.
            let described = field.or_else(|| {
                let mut all = CORE_FIELDS
                    .iter()
                    .chain(CHILD_SPECS.iter().flat_map(|c| c.fields))
                    .filter(|f| f.name == column);
                all.next().filter(|_| all.next().is_none())
            });
            let allowed = described.map_or_else(
                || "only what the schema's CHECK constraint allows".to_string(),
                |f| allowed(f, &Lookups::default()),
            );
            StoreError::CheckFailed {
                table,
                column,
                allowed,
                source,
            }
        }
        ffi::SQLITE_CONSTRAINT_FOREIGNKEY => StoreError::MissingReference {
            table: table_of(),
            source,
        },
        _ => StoreError::Database(source),
    }
}

/// A trigger's `RAISE(ABORT, 'table.column: what is allowed')`. The column rules of
/// 005_rules.sql name a described column: those are the typed errors a constraint would give
/// (`Required`, `CheckFailed`). Every other rule (the review workflow's moves, the history
/// record, a project's own triggers) keeps its message as `RuleRefused`.
fn rule(text: &str, source: crate::store::error::Source) -> StoreError {
    let column_rule = text.split_once(": ").and_then(|(place, what)| {
        let (table, column) = place.split_once('.')?;
        let described = fields_of(table).iter().any(|f| f.name == column);
        (described && column != "validation_status").then_some((table, column, what))
    });
    match column_rule {
        Some((table, column, "is required")) => StoreError::Required {
            table: table.to_string(),
            column: column.to_string(),
            source,
        },
        Some((table, column, allowed)) => StoreError::CheckFailed {
            table: table.to_string(),
            column: column.to_string(),
            allowed: allowed.to_string(),
            source,
        },
        None => StoreError::RuleRefused {
            message: text.to_string(),
            source,
        },
    }
}
