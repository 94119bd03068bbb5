//! The column description that drives SQL, forms, validation and import/export.

/// Which organisation table a picker field resolves against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgKind {
    Role,
    Function,
    Department,
}

impl OrgKind {
    /// In the order a persona's org rows resolve: a department hangs under its function, a
    /// role under both.
    pub const ALL: [OrgKind; 3] = [OrgKind::Function, OrgKind::Department, OrgKind::Role];

    pub fn table(self) -> &'static str {
        match self {
            OrgKind::Role => "org_roles",
            OrgKind::Function => "org_functions",
            OrgKind::Department => "org_departments",
        }
    }

    /// The `personas` column holding the id this picker sets.
    pub fn id_column(self) -> &'static str {
        match self {
            OrgKind::Role => "role_id",
            OrgKind::Function => "function_id",
            OrgKind::Department => "department_id",
        }
    }

    pub fn slug_column(self) -> &'static str {
        match self {
            OrgKind::Role => "role_slug",
            OrgKind::Function => "function_slug",
            OrgKind::Department => "department_slug",
        }
    }
}

/// How a column is edited, validated and stored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// Single-line text.
    Text,
    /// Multi-line text, edited in a textarea or `$EDITOR`.
    LongText,
    /// Whole number within an inclusive range.
    Int { min: i64, max: i64 },
    /// Decimal within an inclusive range, with at most `places` decimals
    /// (the design's NUMERIC(p,s) scale).
    Decimal { min: f64, max: f64, places: u8 },
    /// Nullable boolean: yes / no / unset.
    Bool,
    /// One of a fixed list: an enum type or a CHECK (col IN ...) list of the design.
    Choice(&'static [&'static str]),
    /// A code of the named lookup table (a real foreign key to its `code`).
    Lookup(&'static str),
    /// `YYYY-MM-DD`.
    Date,
    /// `HH:MM`, 24-hour (typical day time slots).
    Time,
    /// Lowercase letters, digits and single dashes: the persona's unique handle.
    Slug,
    /// A name picked from (or added to) an organisation table; the store sets the id column.
    Org(OrgKind),
    /// Read and shown but never written by the app: generated columns, trigger-synced slugs,
    /// workflow-owned columns.
    Computed,
}

/// A column default as the design states it, applied to new rows and to absent JSON keys.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Default {
    None,
    Text(&'static str),
    Bool(bool),
}

#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    /// SQL column name; the only source of column names in SQL.
    pub name: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub default: Default,
    /// Index of the editor tab (core record) the field sits on; 0 for list columns.
    pub section: usize,
    pub help: &'static str,
    /// Moved only by the review workflow (with its user and note): an editor save keeps the
    /// stored value.
    pub workflow: bool,
    /// Indexed for full-text search under its own name (`persona_search`).
    pub searched: bool,
}

impl FieldSpec {
    pub const fn new(name: &'static str, label: &'static str, kind: Kind) -> Self {
        FieldSpec {
            name,
            label,
            kind,
            required: false,
            default: Default::None,
            section: 0,
            help: "",
            workflow: false,
            searched: false,
        }
    }

    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    pub const fn default(mut self, d: Default) -> Self {
        self.default = d;
        self
    }

    pub const fn section(mut self, s: usize) -> Self {
        self.section = s;
        self
    }

    pub const fn searched(mut self) -> Self {
        self.searched = true;
        self
    }

    pub const fn workflow(mut self) -> Self {
        self.workflow = true;
        self
    }

    pub const fn help(mut self, h: &'static str) -> Self {
        self.help = h;
        self
    }

    /// Whether the app writes this column (everything but computed columns).
    pub fn is_writable(&self) -> bool {
        !matches!(self.kind, Kind::Computed)
    }

    pub fn is_multiline(&self) -> bool {
        matches!(self.kind, Kind::LongText)
    }
}

/// How many rows a list holds per persona.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cardinality {
    Many,
    /// Exactly zero or one row (UNIQUE(persona_id)): VPANES scoring, buying process.
    One,
}

/// One of the 18 junction tables of the design's §4.
#[derive(Debug)]
pub struct ChildSpec {
    pub table: &'static str,
    /// JSON key and short name: the table name without `persona_`.
    pub key: &'static str,
    pub title: &'static str,
    pub fields: &'static [FieldSpec],
    /// `sequence_order`, or `sort_order` for the typical day; None for one-row lists.
    pub order_column: Option<&'static str>,
    pub cardinality: Cardinality,
    /// Columns shown in the list table, most telling first.
    pub summary: &'static [&'static str],
    /// A column whose values are unique within one persona (a metric's name): validation and
    /// the bundle reader refuse a repeat before the schema's UNIQUE does.
    pub unique_column: Option<&'static str>,
    /// The persona's score card (VPANES): the Markdown card draws it as bars in a section of
    /// its own instead of a table, and `gen` gives nearly every persona one.
    pub scorecard: bool,
}

impl ChildSpec {
    pub fn field_index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }
}
