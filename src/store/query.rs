//! What the browser asks for: a filter and a sort order, in domain terms; each backend turns
//! them into its own query.

/// What the browser shows. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub archetype: Option<String>,
    pub status: Option<String>,
    pub function: Option<String>,
    pub tier: Option<String>,
    /// Words searched in the full-text index (name, title, ... and the lists' text).
    pub text: String,
    /// The trash: soft-deleted personas instead of live ones.
    pub deleted: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Name,
    Title,
    Archetype,
    Function,
    Seniority,
    Status,
    Tier,
    Updated,
}

impl SortKey {
    pub const ALL: [SortKey; 8] = [
        SortKey::Name,
        SortKey::Title,
        SortKey::Archetype,
        SortKey::Function,
        SortKey::Seniority,
        SortKey::Status,
        SortKey::Tier,
        SortKey::Updated,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Title => "title",
            SortKey::Archetype => "archetype",
            SortKey::Function => "function",
            SortKey::Seniority => "seniority",
            SortKey::Status => "status",
            SortKey::Tier => "tier",
            SortKey::Updated => "updated",
        }
    }
}
