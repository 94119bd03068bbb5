//! The 18 junction tables of the design's §4: one description each, nothing hand-written per list.
//!
//! Not listed: id, persona_id, tenant_id, created_at, updated_at (owned by the store) and the
//! order column (the row's position in the list).

use super::enums::*;
use super::field::{Cardinality, ChildSpec, Default, FieldSpec, Kind};

const fn f(name: &'static str, label: &'static str, kind: Kind) -> FieldSpec {
    FieldSpec::new(name, label, kind)
}

const TEXT: Kind = Kind::Text;
const LONG: Kind = Kind::LongText;
const SEVERITY: Kind = Kind::Lookup("lookup_severity_levels");
const FREQUENCY: Kind = Kind::Lookup("lookup_frequency_levels");
/// The design's CHECK (year >= 1950 AND year <= 2030).
const YEAR: Kind = Kind::Int {
    min: 1950,
    max: 2030,
};
const VPANES: Kind = Kind::Decimal {
    min: 0.0,
    max: 10.0,
    places: 1,
};
const COUNT: Kind = Kind::Int {
    min: 0,
    max: 1_000_000_000,
};

const fn many(
    table: &'static str,
    key: &'static str,
    title: &'static str,
    fields: &'static [FieldSpec],
    summary: &'static [&'static str],
) -> ChildSpec {
    ChildSpec {
        table,
        key,
        title,
        fields,
        order_column: Some("sequence_order"),
        cardinality: Cardinality::Many,
        summary,
        unique_column: None,
        scorecard: false,
    }
}

pub static CHILD_SPECS: &[ChildSpec] = &[
    many(
        "persona_pain_points",
        "pain_points",
        "Pain points",
        &[
            f("pain_point", "Pain point", TEXT).required(),
            f(
                "category",
                "Category",
                Kind::Lookup("lookup_pain_point_categories"),
            ),
            f("severity", "Severity", SEVERITY).default(Default::Text("medium")),
            f("frequency", "Frequency", FREQUENCY).default(Default::Text("often")),
            f("impact_description", "Impact", LONG),
            f("workaround", "Workaround", LONG),
            f("is_ai_addressable", "AI addressable", Kind::Bool),
        ],
        &["pain_point", "severity", "frequency", "is_ai_addressable"],
    ),
    many(
        "persona_goals",
        "goals",
        "Goals",
        &[
            f("goal_text", "Goal", TEXT).required(),
            f("goal_type", "Type", Kind::Lookup("lookup_goal_types")),
            f("priority", "Priority", SEVERITY).default(Default::Text("medium")),
            f("timeframe", "Timeframe", Kind::Lookup("lookup_timeframes")),
            f("is_measurable", "Measurable", Kind::Bool).default(Default::Bool(false)),
            f("success_criteria", "Success criteria", LONG),
        ],
        &["goal_text", "goal_type", "priority", "timeframe"],
    ),
    many(
        "persona_motivations",
        "motivations",
        "Motivations",
        &[
            f("motivation_text", "Motivation", TEXT).required(),
            f(
                "motivation_category",
                "Category",
                Kind::Choice(MOTIVATION_CATEGORIES),
            ),
            f("importance", "Importance", Kind::Choice(LOW_TO_CRITICAL)),
        ],
        &["motivation_text", "motivation_category", "importance"],
    ),
    many(
        "persona_challenges",
        "challenges",
        "Challenges",
        &[
            f("challenge_text", "Challenge", TEXT).required(),
            f(
                "challenge_type",
                "Type",
                Kind::Lookup("lookup_challenge_types"),
            ),
            f("impact", "Impact", SEVERITY).default(Default::Text("medium")),
            f("current_solution", "Current solution", LONG),
        ],
        &["challenge_text", "challenge_type", "impact"],
    ),
    ChildSpec {
        table: "persona_typical_day",
        key: "typical_day",
        title: "Typical day",
        fields: &[
            f("time_slot", "Time", Kind::Time)
                .required()
                .help("24-hour time such as 08:00 or 14:30"),
            f("activity_description", "Activity", TEXT).required(),
            f(
                "duration_minutes",
                "Minutes",
                Kind::Int { min: 0, max: 1440 },
            ),
            f("is_ai_automatable", "AI automatable", Kind::Bool),
        ],
        // The design orders the day by `sort_order`, unlike the other lists.
        order_column: Some("sort_order"),
        cardinality: Cardinality::Many,
        summary: &[
            "time_slot",
            "activity_description",
            "duration_minutes",
            "is_ai_automatable",
        ],
        unique_column: None,
        scorecard: false,
    },
    many(
        "persona_tools_used",
        "tools_used",
        "Tools",
        &[
            f("tool_name", "Tool", TEXT).required(),
            f("tool_category", "Category", TEXT).help("e.g. CRM, Analytics, Communication"),
            f(
                "proficiency_level",
                "Proficiency",
                Kind::Choice(PROFICIENCY_LEVELS),
            ),
            f("usage_frequency", "Usage", FREQUENCY),
            f(
                "satisfaction_score",
                "Satisfaction",
                Kind::Decimal {
                    min: 0.0,
                    max: 5.0,
                    places: 1,
                },
            ),
        ],
        &[
            "tool_name",
            "tool_category",
            "proficiency_level",
            "satisfaction_score",
        ],
    ),
    many(
        "persona_stakeholders",
        "stakeholders",
        "Stakeholders",
        &[
            f("stakeholder_role", "Role", TEXT).required(),
            f("stakeholder_department", "Department", TEXT),
            f(
                "relationship_type",
                "Relationship",
                Kind::Choice(RELATIONSHIP_TYPES),
            ),
            f("interaction_frequency", "Interaction", FREQUENCY),
            f(
                "influence_level",
                "Influence",
                Kind::Choice(LOW_TO_CRITICAL),
            ),
        ],
        &["stakeholder_role", "relationship_type", "influence_level"],
    ),
    ChildSpec {
        table: "persona_vpanes_scoring",
        key: "vpanes_scoring",
        title: "VPANES",
        fields: &[
            f("visibility", "Visibility", VPANES),
            f("pain", "Pain", VPANES),
            f("actions", "Actions", VPANES),
            f("needs", "Needs", VPANES),
            f("emotions", "Emotions", VPANES),
            f("scenarios", "Scenarios", VPANES),
            f("total_score", "Total", Kind::Computed),
            f("priority_tier", "Tier", Kind::Computed),
            f("scoring_notes", "Notes", LONG),
        ],
        order_column: None,
        cardinality: Cardinality::One,
        summary: &["total_score", "priority_tier"],
        unique_column: None,
        scorecard: true,
    },
    many(
        "persona_education",
        "education",
        "Education",
        &[
            f("degree", "Degree", TEXT).required(),
            f("field_of_study", "Field of study", TEXT).required(),
            f("institution", "Institution", TEXT).required(),
            f("year_completed", "Year", YEAR),
        ],
        &["degree", "field_of_study", "institution", "year_completed"],
    ),
    many(
        "persona_certifications",
        "certifications",
        "Certifications",
        &[
            f("certification_name", "Certification", TEXT).required(),
            f("issuing_organization", "Issuer", TEXT).required(),
            f("year_obtained", "Year", YEAR),
            f("expiration_date", "Expires", Kind::Date),
            f("is_current", "Current", Kind::Bool).default(Default::Bool(true)),
        ],
        &[
            "certification_name",
            "issuing_organization",
            "year_obtained",
            "is_current",
        ],
    ),
    ChildSpec {
        // The design's UNIQUE (persona_id, metric_name).
        unique_column: Some("metric_name"),
        ..many(
            "persona_success_metrics",
            "success_metrics",
            "Success metrics",
            &[
                f("metric_name", "Metric", TEXT)
                    .required()
                    .help("Unique within the persona"),
                f("metric_description", "Description", LONG).required(),
            ],
            &["metric_name", "metric_description"],
        )
    },
    ChildSpec {
        table: "persona_buying_process",
        key: "buying_process",
        title: "Buying process",
        fields: &[
            f(
                "role_in_purchase",
                "Role in purchase",
                Kind::Choice(PURCHASE_ROLES),
            ),
            f("decision_timeframe", "Decision timeframe", TEXT),
            f("typical_budget_range", "Budget range", TEXT),
            f(
                "approval_process_complexity",
                "Approval complexity",
                Kind::Choice(APPROVAL_COMPLEXITIES),
            ),
        ],
        order_column: None,
        cardinality: Cardinality::One,
        summary: &["role_in_purchase", "approval_process_complexity"],
        unique_column: None,
        scorecard: false,
    },
    many(
        "persona_buying_triggers",
        "buying_triggers",
        "Buying triggers",
        &[
            f("trigger_type", "Type", Kind::Lookup("lookup_trigger_types")),
            f("trigger_description", "Trigger", LONG).required(),
            f("urgency_level", "Urgency", Kind::Choice(LOW_TO_CRITICAL)),
        ],
        &["trigger_description", "trigger_type", "urgency_level"],
    ),
    many(
        "persona_aspirations",
        "aspirations",
        "Aspirations",
        &[
            f("aspiration_text", "Aspiration", TEXT).required(),
            f(
                "timeframe",
                "Timeframe",
                Kind::Choice(ASPIRATION_TIMEFRAMES),
            ),
        ],
        &["aspiration_text", "timeframe"],
    ),
    many(
        "persona_annual_conferences",
        "annual_conferences",
        "Conferences",
        &[
            f("conference_name", "Conference", TEXT).required(),
            f(
                "conference_type",
                "Type",
                Kind::Lookup("lookup_conference_types"),
            ),
            f("role", "Role", Kind::Lookup("lookup_conference_roles")),
            f(
                "typical_frequency",
                "Frequency",
                Kind::Choice(CONFERENCE_FREQUENCIES),
            ),
        ],
        &[
            "conference_name",
            "conference_type",
            "role",
            "typical_frequency",
        ],
    ),
    many(
        "persona_publications",
        "publications",
        "Publications",
        &[
            f("publication_type", "Type", Kind::Choice(PUBLICATION_TYPES)),
            f("topic", "Topic", TEXT).required(),
            f(
                "year",
                "Year",
                Kind::Int {
                    min: 1900,
                    max: 2100,
                },
            ),
            f(
                "frequency_per_year",
                "Per year",
                Kind::Int {
                    min: 0,
                    max: 10_000,
                },
            ),
        ],
        &["topic", "publication_type", "year", "frequency_per_year"],
    ),
    many(
        "persona_social_media",
        "social_media",
        "Social media",
        &[
            f("platform", "Platform", TEXT).required(),
            f("activity_level", "Activity", Kind::Choice(ACTIVITY_LEVELS)),
            f("content_focus", "Content focus", TEXT),
            f("follower_count_range", "Followers", TEXT),
        ],
        &[
            "platform",
            "activity_level",
            "content_focus",
            "follower_count_range",
        ],
    ),
    many(
        "persona_evidence_sources",
        "evidence_sources",
        "Evidence",
        &[
            f("source_type", "Source type", Kind::Choice(SOURCE_TYPES)),
            f("citation", "Citation", LONG).required(),
            f("key_finding", "Key finding", LONG).required(),
            f("sample_size", "Sample size", COUNT),
            f("methodology", "Methodology", LONG),
            f("publication_date", "Published", Kind::Date),
            f(
                "confidence_level",
                "Confidence",
                Kind::Choice(EVIDENCE_CONFIDENCE),
            ),
            f("url", "URL", TEXT),
        ],
        &[
            "citation",
            "source_type",
            "confidence_level",
            "publication_date",
        ],
    ),
];

pub fn child_index(key: &str) -> Option<usize> {
    CHILD_SPECS
        .iter()
        .position(|c| c.key == key || c.table == key)
}
