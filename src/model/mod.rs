//! The persona as data: values, records and rows. No SQL, no terminal.

pub mod escape;
pub mod json;
pub mod markdown;
pub mod persona;
pub mod value;

pub use persona::{Persona, Row, StatusChange, Summary};
pub use value::Value;

/// A stored timestamp (`2026-03-01T09:30:12.345Z`) to the minute as screens show it:
/// "2026-03-01 09:30".
pub fn minute(t: &str) -> String {
    t.get(..16).unwrap_or(t).replace('T', " ")
}
