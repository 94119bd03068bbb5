//! Personas on the remote: read and written as the domain `Persona`, in the design's own
//! PostgreSQL tables, every statement parameterised and scoped to the remote tenant.
//!
//! Values cross as text: each parameter is bound as `Option<&str>` and cast in SQL to the
//! column's own type (read from the server's catalog once per connection), and each value is
//! read back as `col::text`. One conversion path for every one of the ~200 columns, and a
//! platform column type that differs (a longer VARCHAR, say) still works.

mod batch;
mod names;
mod read;
mod write;

pub use batch::{Batch, push_new};
pub use names::{ensure_tenant, renamed_users};
pub use read::{hash_of, hashes, load};
pub use write::{Pushed, push, write};

use std::collections::HashMap;

use std::cell::RefCell;

use postgres::{GenericClient, Statement};

use super::RemoteError;
use crate::catalog::{FieldSpec, Kind};
use crate::model::Value;

/// ISO-8601 UTC with milliseconds, the local file's timestamp form.
pub(super) const TS: &str = "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'";

/// Column types of the tables the sync writes, as the server states them, and what one sync
/// run keeps on its connection: statements prepared once (a push of 10,000 personas runs the
/// same few dozen statements over and over), and org and user ids already looked up.
pub struct Columns {
    types: HashMap<(String, String), String>,
    statements: RefCell<HashMap<String, Statement>>,
    /// (table, lowercased trimmed name) -> id, for org rows and users seen on the remote.
    names: RefCell<HashMap<(String, String), String>>,
}

impl Columns {
    pub fn load(c: &mut impl GenericClient) -> Result<Columns, RemoteError> {
        let rows = c.query(
            "SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod) \
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid \
             WHERE c.relnamespace = current_schema()::regnamespace AND a.attnum > 0 \
               AND NOT a.attisdropped \
               AND (c.relname = 'personas' OR c.relname LIKE 'persona\\_%')",
            &[],
        )?;
        Ok(Columns {
            types: rows
                .iter()
                .map(|r| ((r.get(0), r.get(1)), r.get(2)))
                .collect(),
            statements: RefCell::new(HashMap::new()),
            names: RefCell::new(HashMap::new()),
        })
    }

    /// The statement for `sql`, prepared on this connection the first time. Prepared
    /// statements belong to the session, so a rolled-back transaction does not lose them.
    pub(super) fn statement(
        &self,
        c: &mut impl GenericClient,
        sql: &str,
    ) -> Result<Statement, RemoteError> {
        if let Some(st) = self.statements.borrow().get(sql) {
            return Ok(st.clone());
        }
        let st = c.prepare(sql)?;
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), st.clone());
        Ok(st)
    }

    /// An id seen for (`scope`, `key`) since the last rollback; the caller normalises the key
    /// the way the remote matches it.
    pub(super) fn known(&self, scope: &str, key: &str) -> Option<String> {
        self.names
            .borrow()
            .get(&(scope.to_string(), key.to_string()))
            .cloned()
    }

    pub(super) fn remember(&self, scope: &str, key: &str, id: &str) {
        self.names
            .borrow_mut()
            .insert((scope.to_string(), key.to_string()), id.to_string());
    }

    /// Forgets the ids looked up or created since the last commit: after a rollback, rows
    /// created in it are gone.
    pub fn forget_names(&self) {
        self.names.borrow_mut().clear();
    }

    pub(super) fn cast(&self, table: &str, column: &str) -> &str {
        self.types
            .get(&(table.to_string(), column.to_string()))
            .map(String::as_str)
            .unwrap_or("text")
    }
}

/// Whether the app writes this column to the remote (computed and trigger-filled columns are
/// the server's, the org names are written through the org ids).
pub(super) fn written(f: &FieldSpec) -> bool {
    !matches!(f.kind, Kind::Computed | Kind::Org(_))
}

pub(super) fn is_timestamp(name: &str) -> bool {
    matches!(
        name,
        "validated_at" | "created_at" | "updated_at" | "deleted_at" | "changed_at"
    )
}

/// `col::text`, timestamps in the local file's form.
pub(super) fn read_expr(alias: &str, name: &str) -> String {
    if is_timestamp(name) {
        format!("to_char({alias}.{name} AT TIME ZONE 'UTC', {TS})")
    } else {
        format!("{alias}.{name}::text")
    }
}

/// A value from its text form, as the column description says.
pub(super) fn from_text(f: &FieldSpec, text: Option<String>) -> Value {
    let Some(t) = text else { return Value::Null };
    match f.kind {
        Kind::Int { .. } => t.parse().map(Value::Int).unwrap_or(Value::Text(t)),
        Kind::Decimal { .. } => t.parse().map(Value::Real).unwrap_or(Value::Text(t)),
        Kind::Bool => match t.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::Text(t),
        },
        _ => Value::Text(t),
    }
}

/// The text a value is bound as.
pub(super) fn to_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::Text(s) if s.is_empty() => None,
        Value::Text(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        Value::Real(f) => Some(f.to_string()),
        Value::Bool(b) => Some(b.to_string()),
    }
}
