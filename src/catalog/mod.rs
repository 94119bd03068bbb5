//! One description of every column: it drives the SQL, the forms, validation and import/export.

pub mod children;
pub mod core;
pub mod enums;
pub mod field;
pub mod labels;
pub mod summary;
pub mod validate;

pub use children::{CHILD_SPECS, child_index};

/// The most rows one list of one persona may hold (issue 12, point 3). Far above any real
/// persona (the demo's longest list has a handful), high enough for a generated stress
/// persona of 8,000 pain points, and low enough that one persona cannot hold the write lock
/// or the memory of an import for long. Import refuses more with the list's JSON path, and a
/// save with the list named.
pub const MAX_LIST_ROWS: usize = 10_000;
pub use core::{
    CORE_FIELDS, CORE_OWNED_COLUMNS, CORE_TABLE, LIST_OWNED_COLUMNS, SECTIONS, core_index,
    org_name_column, search_columns,
};
pub use field::{Cardinality, ChildSpec, Default, FieldSpec, Kind, OrgKind};
pub use summary::{
    BROWSER_COLUMNS, BrowserColumn, CSV_COLUMNS, CellKind, SUMMARY_COLUMNS, SummaryColumn,
    SummarySource, Width, browser_columns,
};
pub use validate::{Lookups, parse_input, validate_value};

/// Every lookup table a described column refers to, each once, in catalog order.
pub fn lookup_tables() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let fields = CORE_FIELDS
        .iter()
        .chain(CHILD_SPECS.iter().flat_map(|c| c.fields));
    for f in fields {
        if let Kind::Lookup(t) = f.kind
            && !out.contains(&t)
        {
            out.push(t);
        }
    }
    out
}
