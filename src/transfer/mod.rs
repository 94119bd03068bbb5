//! Moving personas between machines and into documents: the lossless JSON bundle (export and
//! all-or-nothing import), Markdown persona cards and a CSV of the browser's columns.
//!
//! Everything goes through the `Store` API, so every read and write stays scoped to the store's
//! tenant and no SQL lives here.

pub mod command;
pub mod csv;
pub mod export;
pub mod file;
pub mod import;

pub use export::{export, export_json, export_markdown};
pub use import::{
    Action, ImportError, ImportPlan, PlanItem, apply_import, plan_import, plan_import_with,
};

pub use self::csv::export_csv;
pub use self::file::{MAX_IMPORT_BYTES, check_export_path, read_source, write_atomically};

use crate::store::Filter;

/// Which personas an export takes.
#[derive(Clone, Debug, PartialEq)]
pub enum Selection {
    /// These slugs of the tenant (a trashed persona too, when named); each must exist.
    Slugs(Vec<String>),
    /// What the browser shows under this filter (the trash when `deleted` is set).
    Filter(Filter),
    /// Every live persona of the tenant; the trash is not included.
    All,
}

/// The three export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The lossless bundle that `import` reads.
    Json,
    /// Persona cards for a wiki or a pull request.
    Markdown,
    /// One line per persona with the browser's columns, for spreadsheets.
    Csv,
}

impl Format {
    /// The names the command line accepts, in `Format::parse` order.
    pub const NAMES: [&'static str; 3] = ["json", "md", "csv"];

    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Csv => "csv",
        }
    }
}

/// A sensible file name for an export prompt: the slug for one persona, else the tenant key.
pub fn suggested_file_name(selection: &Selection, format: Format, tenant_key: &str) -> String {
    let stem = match selection {
        Selection::Slugs(slugs) if slugs.len() == 1 => slugs[0].clone(),
        Selection::Filter(f) if f.deleted => format!("{tenant_key}-trash"),
        Selection::Filter(_) => format!("{tenant_key}-personas-filtered"),
        Selection::Slugs(_) | Selection::All => format!("{tenant_key}-personas"),
    };
    format!("{stem}.{}", format.extension())
}
