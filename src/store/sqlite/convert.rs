//! The one place where `Value` meets SQLite types.

use rusqlite::ToSql;
use rusqlite::types::{ToSqlOutput, ValueRef};

use crate::catalog::{FieldSpec, Kind};
use crate::model::Value;

impl ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Int(i) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(*i)),
            Value::Real(r) => ToSqlOutput::Owned(rusqlite::types::Value::Real(*r)),
            Value::Bool(b) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(i64::from(*b))),
        })
    }
}

/// Reads a column as the value its description says it holds. A value of another storage class
/// (written by another SQLite client) is kept as it is, so nothing is lost on the way through.
pub fn from_sql(field: &FieldSpec, v: ValueRef<'_>) -> Value {
    match (field.kind, v) {
        (_, ValueRef::Null) => Value::Null,
        (Kind::Bool, ValueRef::Integer(i)) => Value::Bool(i != 0),
        (Kind::Decimal { .. }, ValueRef::Integer(i)) => Value::Real(i as f64),
        (Kind::Decimal { .. } | Kind::Computed, ValueRef::Real(r)) => Value::Real(r),
        (_, ValueRef::Integer(i)) => Value::Int(i),
        (_, ValueRef::Real(r)) => Value::Real(r),
        (_, ValueRef::Text(t)) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        (_, ValueRef::Blob(b)) => Value::Text(String::from_utf8_lossy(b).into_owned()),
    }
}
