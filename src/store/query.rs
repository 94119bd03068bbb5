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

impl Filter {
    /// Search text was typed but holds no word (only symbols, emoji or spaces): there is nothing
    /// to search for, so nothing matches (rather than everything, as an empty search does).
    pub fn searches_nothing(&self) -> bool {
        !self.text.trim().is_empty() && !self.text.chars().any(char::is_alphanumeric)
    }
}

/// Marks around a matched word in `SearchHit::snippet`: control characters, which stored text
/// cannot bring to the screen (the browser escapes every other one).
pub const MATCH_START: char = '\u{1}';
pub const MATCH_END: char = '\u{2}';

/// Where a search matched one persona: the first searched field that holds a matched word, and
/// a few words of it around the match (the words between `MATCH_START` and `MATCH_END`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    pub persona_id: String,
    /// The field's label ("Background story"), or "Lists" for the text of the list rows.
    pub field: &'static str,
    pub snippet: String,
}

/// A browser filter with a pick-list of values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Archetype,
    Status,
    Function,
    Tier,
}

impl Facet {
    /// The filter without this facet: the other filters the pick-list's counts respect.
    pub fn others(self, f: &Filter) -> Filter {
        let mut f = f.clone();
        match self {
            Facet::Archetype => f.archetype = None,
            Facet::Status => f.status = None,
            Facet::Function => f.function = None,
            Facet::Tier => f.tier = None,
        }
        f
    }

    pub fn get(self, f: &Filter) -> Option<&str> {
        match self {
            Facet::Archetype => f.archetype.as_deref(),
            Facet::Status => f.status.as_deref(),
            Facet::Function => f.function.as_deref(),
            Facet::Tier => f.tier.as_deref(),
        }
    }

    pub fn set(self, f: &mut Filter, value: Option<String>) {
        match self {
            Facet::Archetype => f.archetype = value,
            Facet::Status => f.status = value,
            Facet::Function => f.function = value,
            Facet::Tier => f.tier = value,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Facet::Archetype => "archetype",
            Facet::Status => "status",
            Facet::Function => "function",
            Facet::Tier => "tier",
        }
    }
}

/// One value of a facet and how many personas have it (None: no value set).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount {
    pub value: Option<String>,
    pub count: usize,
}
