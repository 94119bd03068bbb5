//! The `personas` columns (design §3.1), grouped into the editor's tabs.
//!
//! Not listed here because the store owns them: id, tenant_id, the three org ids (set from the
//! org pickers), created_at, updated_at, deleted_at and the concurrency `version`.

use super::enums::*;
use super::field::{Default, FieldSpec, Kind, OrgKind};

/// Editor tab titles, one per section of §3.1, in the design's order.
pub const SECTIONS: &[&str] = &[
    "Identity",
    "Archetype",
    "Organisation",
    "Profile",
    "Behaviour",
    "Gen-AI",
    "Narrative",
    "Salary",
    "Metadata",
];

const fn f(name: &'static str, label: &'static str, kind: Kind, section: usize) -> FieldSpec {
    FieldSpec::new(name, label, kind).section(section)
}

const TEXT: Kind = Kind::Text;
const LONG: Kind = Kind::LongText;
/// The design has no CHECK on counts of years or people; these bounds are the app's sanity
/// limits so a typo like 2005 years is caught at the field.
const YEARS: Kind = Kind::Int { min: 0, max: 80 };
const PEOPLE: Kind = Kind::Int {
    min: 0,
    max: 1_000_000,
};
const SCORE_100: Kind = Kind::Decimal {
    min: 0.0,
    max: 100.0,
    places: 2,
};
const USD: Kind = Kind::Int {
    min: 0,
    max: 100_000_000,
};

/// The table of the core record.
pub const CORE_TABLE: &str = "personas";

/// The `personas` columns the store owns and the catalog does not describe: ids, the
/// concurrency version, timestamps and the organisation ids the org pickers resolve to.
pub const CORE_OWNED_COLUMNS: &[&str] = &[
    "id",
    "tenant_id",
    "version",
    "created_at",
    "updated_at",
    "deleted_at",
    "function_id",
    "department_id",
    "role_id",
];

/// The columns of every list table the store owns (the order column aside).
pub const LIST_OWNED_COLUMNS: &[&str] =
    &["id", "persona_id", "tenant_id", "created_at", "updated_at"];

/// The full-text index's columns: the persona and tenant it belongs to, the core columns
/// marked `searched`, and one column with the text of all the lists.
pub fn search_columns() -> Vec<&'static str> {
    let mut out = vec!["persona_id", "tenant_id"];
    out.extend(CORE_FIELDS.iter().filter(|f| f.searched).map(|f| f.name));
    out.push("lists");
    out
}

pub static CORE_FIELDS: &[FieldSpec] = &[
    // Identity
    f("name", "Name", TEXT, 0)
        .searched()
        .required()
        .help("Display name of the persona"),
    f("slug", "Slug", Kind::Slug, 0)
        .required()
        .help("Unique id: lowercase letters, digits and dashes"),
    f("title", "Title", TEXT, 0).searched(),
    f("tagline", "Tagline", TEXT, 0).searched(),
    f("one_liner", "One-liner", TEXT, 0).searched(),
    // Archetype (MECE framework)
    f("archetype", "Archetype", Kind::Choice(ARCHETYPES), 1),
    f(
        "archetype_confidence",
        "Archetype confidence",
        Kind::Decimal {
            min: 0.0,
            max: 1.0,
            places: 2,
        },
        1,
    ),
    f(
        "work_pattern",
        "Work pattern",
        Kind::Choice(WORK_PATTERNS),
        1,
    ),
    f("work_complexity_score", "Work complexity", SCORE_100, 1)
        .help("0-100; 50 and above is strategic work"),
    f("ai_maturity_score", "AI maturity", SCORE_100, 1)
        .help("0-100; 50 and above is high AI maturity"),
    // Organisational context
    f("function_name", "Function", Kind::Org(OrgKind::Function), 2).searched(),
    f("function_slug", "Function slug", Kind::Computed, 2),
    f(
        "department_name",
        "Department",
        Kind::Org(OrgKind::Department),
        2,
    )
    .searched(),
    f("department_slug", "Department slug", Kind::Computed, 2),
    f("role_name", "Role", Kind::Org(OrgKind::Role), 2).searched(),
    f("role_slug", "Role slug", Kind::Computed, 2),
    // Professional profile
    f(
        "seniority_level",
        "Seniority",
        Kind::Lookup("lookup_seniority_levels"),
        3,
    ),
    f("years_of_experience", "Years of experience", YEARS, 3),
    f("years_in_current_role", "Years in role", YEARS, 3),
    f("years_in_industry", "Years in industry", YEARS, 3),
    f("years_in_function", "Years in function", YEARS, 3),
    f("education_level", "Education level", TEXT, 3),
    f(
        "typical_organization_size",
        "Organisation size",
        Kind::Lookup("lookup_organization_sizes"),
        3,
    ),
    f("organization_type", "Organisation type", TEXT, 3),
    f(
        "geographic_scope",
        "Geographic scope",
        Kind::Lookup("lookup_geographic_scopes"),
        3,
    ),
    f("reporting_to", "Reports to", TEXT, 3),
    f("team_size", "Team size", TEXT, 3),
    f("team_size_typical", "Typical team size", PEOPLE, 3),
    f("direct_reports", "Direct reports", PEOPLE, 3),
    f("span_of_control", "Span of control", TEXT, 3),
    f("budget_authority", "Budget authority", TEXT, 3),
    f(
        "budget_authority_level",
        "Budget authority level",
        Kind::Choice(BUDGET_AUTHORITY_LEVELS),
        3,
    ),
    // Behavioural attributes
    f("work_style", "Work style", TEXT, 4),
    f("work_arrangement", "Work arrangement", TEXT, 4),
    f("decision_making_style", "Decision making", TEXT, 4),
    f("learning_style", "Learning style", TEXT, 4),
    f(
        "technology_adoption",
        "Technology adoption",
        Kind::Lookup("lookup_technology_adoption"),
        4,
    ),
    f(
        "risk_tolerance",
        "Risk tolerance",
        Kind::Lookup("lookup_risk_tolerance"),
        4,
    ),
    f(
        "change_readiness",
        "Change readiness",
        Kind::Lookup("lookup_change_readiness"),
        4,
    ),
    f("collaboration_style", "Collaboration style", TEXT, 4),
    f("communication_preference", "Communication", TEXT, 4),
    // Gen-AI profile
    f(
        "gen_ai_readiness_level",
        "Gen-AI readiness",
        Kind::Choice(READINESS_LEVELS),
        5,
    )
    .help("The sidebar shows the computed level; `R` applies it"),
    f(
        "preferred_service_layer",
        "Service layer",
        Kind::Choice(SERVICE_LAYERS),
        5,
    ),
    f("gen_ai_adoption_score", "Gen-AI adoption", SCORE_100, 5),
    f("gen_ai_trust_score", "Gen-AI trust", SCORE_100, 5),
    f("gen_ai_usage_frequency", "Gen-AI usage frequency", TEXT, 5),
    f("gen_ai_primary_use_case", "Primary use case", TEXT, 5),
    // Narrative & background
    f("background_story", "Background story", LONG, 6).searched(),
    f("a_day_in_the_life", "A day in the life", LONG, 6).searched(),
    // Salary benchmarks
    f("salary_min_usd", "Salary min (USD)", USD, 7),
    f("salary_max_usd", "Salary max (USD)", USD, 7),
    f("salary_median_usd", "Salary median (USD)", USD, 7),
    f("salary_currency", "Currency", TEXT, 7).default(Default::Text("USD")),
    f(
        "salary_year",
        "Salary year",
        Kind::Int {
            min: 1950,
            max: 2100,
        },
        7,
    ),
    f("salary_sources", "Salary sources", TEXT, 7),
    f("sample_size", "Sample size", TEXT, 7),
    f("confidence_level", "Confidence level", TEXT, 7),
    f("data_recency", "Data recency", TEXT, 7),
    f("geographic_benchmark_scope", "Benchmark scope", TEXT, 7),
    // Metadata
    f("persona_type", "Persona type", TEXT, 8),
    f(
        "persona_number",
        "Persona number",
        Kind::Int {
            min: 0,
            max: 1_000_000_000,
        },
        8,
    ),
    f("segment", "Segment", TEXT, 8),
    f("journey_stage", "Journey stage", TEXT, 8),
    f("section", "Section", TEXT, 8),
    f(
        "validation_status",
        "Validation status",
        Kind::Choice(VALIDATION_STATUSES),
        8,
    )
    .default(Default::Text("draft"))
    .workflow()
    .help("Moves through the review workflow: Enter or m shows the allowed moves"),
    f("validated_by", "Validated by", Kind::Computed, 8),
    f("validated_at", "Validated at", Kind::Computed, 8),
    f("notes", "Notes", LONG, 8).searched(),
    f("is_active", "Active", Kind::Bool, 8).default(Default::Bool(true)),
];

/// Index of a core column in `CORE_FIELDS`.
pub fn core_index(name: &str) -> Option<usize> {
    CORE_FIELDS.iter().position(|f| f.name == name)
}

/// The `personas` column holding the name of an organisation row: the core field that picks it.
pub fn org_name_column(kind: OrgKind) -> &'static str {
    CORE_FIELDS
        .iter()
        .find(|f| f.kind == Kind::Org(kind))
        .map_or("", |f| f.name)
}
