//! The persona as data: values, records and rows. No SQL, no terminal.

pub mod escape;
pub mod json;
pub mod markdown;
pub mod persona;
pub mod value;

pub use persona::{Persona, Row, StatusChange, Summary};
pub use value::Value;
