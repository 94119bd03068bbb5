//! One description of every column: it drives the SQL, the forms, validation and import/export.

pub mod children;
pub mod core;
pub mod enums;
pub mod field;
pub mod validate;

pub use children::{CHILD_SPECS, child_index};
pub use core::{CORE_FIELDS, CORE_TABLE, SECTIONS, core_index, org_name_column};
pub use field::{Cardinality, ChildSpec, Default, FieldSpec, Kind, OrgKind};
pub use validate::{Lookups, parse_input, validate_value};
