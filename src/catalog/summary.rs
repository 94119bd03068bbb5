//! The persona summary: the columns of the browser, of `list --json` and of the CSV export,
//! and where each comes from. The store selects them from here, the CSV takes its header and
//! order from here, and the browser its headings.

/// Where a summary column's value is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummarySource {
    /// A column of `personas` the catalog describes (`CORE_FIELDS`).
    Core,
    /// A column of `personas` the store owns (id, updated_at).
    Store,
    /// A column of the persona's score card (the list with `scorecard` set).
    Scorecard,
}

/// One column of a persona summary.
#[derive(Clone, Copy, Debug)]
pub struct SummaryColumn {
    /// The source column's name, which is also the `Summary` field and JSON key.
    pub name: &'static str,
    pub source: SummarySource,
}

const fn col(name: &'static str, source: SummarySource) -> SummaryColumn {
    SummaryColumn { name, source }
}

/// In `Summary` field order (a test holds the two together).
pub static SUMMARY_COLUMNS: &[SummaryColumn] = &[
    col("id", SummarySource::Store),
    col("slug", SummarySource::Core),
    col("name", SummarySource::Core),
    col("title", SummarySource::Core),
    col("archetype", SummarySource::Core),
    col("function_name", SummarySource::Core),
    col("seniority_level", SummarySource::Core),
    col("validation_status", SummarySource::Core),
    col("total_score", SummarySource::Scorecard),
    col("priority_tier", SummarySource::Scorecard),
    col("ai_maturity_score", SummarySource::Core),
    col("work_complexity_score", SummarySource::Core),
    col("updated_at", SummarySource::Store),
];

/// The CSV export: (header, summary column), in file order. Headers are short and stable
/// for spreadsheets; values are the stored codes.
pub static CSV_COLUMNS: &[(&str, &str)] = &[
    ("name", "name"),
    ("slug", "slug"),
    ("title", "title"),
    ("archetype", "archetype"),
    ("function", "function_name"),
    ("seniority", "seniority_level"),
    ("validation_status", "validation_status"),
    ("vpanes_total", "total_score"),
    ("priority_tier", "priority_tier"),
    ("updated_at", "updated_at"),
];

/// How a browser cell shows its value (and which colour it takes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    /// The text as stored.
    Text,
    /// An enum or lookup code in words (`c_level` → "C level").
    Code,
    /// An archetype, in its colour.
    Archetype,
    /// A validation status in words, in its colour.
    Status,
    /// A VPANES tier, shortened ("tier 1"), in its colour.
    Tier,
    /// A timestamp to the minute.
    Timestamp,
}

/// A column's share of the width: a part of the spare room, or a fixed number of cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    Fill(u16),
    Fixed(u16),
}

/// One column of the persona browser.
#[derive(Clone, Copy, Debug)]
pub struct BrowserColumn {
    pub title: &'static str,
    /// The summary column it shows (a field of `Summary`).
    pub column: &'static str,
    /// Shown only when the terminal is wide.
    pub wide_only: bool,
    pub kind: CellKind,
    pub width: Width,
}

const fn browse(
    title: &'static str,
    column: &'static str,
    wide_only: bool,
    kind: CellKind,
    width: Width,
) -> BrowserColumn {
    BrowserColumn {
        title,
        column,
        wide_only,
        kind,
        width,
    }
}

/// The browser's columns, left to right: name and title take the spare room.
pub static BROWSER_COLUMNS: &[BrowserColumn] = &[
    browse("Name", "name", false, CellKind::Text, Width::Fill(3)),
    browse("Title", "title", true, CellKind::Text, Width::Fill(3)),
    browse(
        "Archetype",
        "archetype",
        false,
        CellKind::Archetype,
        Width::Fixed(12),
    ),
    browse(
        "Function",
        "function_name",
        false,
        CellKind::Text,
        Width::Fill(2),
    ),
    browse(
        "Seniority",
        "seniority_level",
        true,
        CellKind::Code,
        Width::Fixed(14),
    ),
    browse(
        "Status",
        "validation_status",
        false,
        CellKind::Status,
        Width::Fixed(14),
    ),
    browse(
        "Tier",
        "priority_tier",
        false,
        CellKind::Tier,
        Width::Fixed(7),
    ),
    browse(
        "Updated",
        "updated_at",
        true,
        CellKind::Timestamp,
        Width::Fixed(16),
    ),
];

/// The browser's columns at a width: all when wide, else those not `wide_only`.
pub fn browser_columns(wide: bool) -> impl Iterator<Item = &'static BrowserColumn> {
    BROWSER_COLUMNS.iter().filter(move |c| wide || !c.wide_only)
}

/// A VPANES tier code in the browser's words: "tier_1_ideal" → "tier 1".
pub fn tier_words(code: &str) -> String {
    code.split('_').take(2).collect::<Vec<_>>().join(" ")
}
