//! Every lookup foreign key of the design document (persona-schema.md, v4.0.0), typed by hand
//! from its "-- FK to lookup_x.code" comments, never read from the SQL or the catalog: the
//! schema tests check the schema against it, so it must not come from what it checks.
#![allow(dead_code)]

/// (table, column, lookup table) of every lookup foreign key.
pub const LOOKUP_FKS: &[(&str, &str, &str)] = &[
    ("personas", "seniority_level", "lookup_seniority_levels"),
    (
        "personas",
        "typical_organization_size",
        "lookup_organization_sizes",
    ),
    ("personas", "geographic_scope", "lookup_geographic_scopes"),
    (
        "personas",
        "technology_adoption",
        "lookup_technology_adoption",
    ),
    ("personas", "risk_tolerance", "lookup_risk_tolerance"),
    ("personas", "change_readiness", "lookup_change_readiness"),
    (
        "persona_pain_points",
        "category",
        "lookup_pain_point_categories",
    ),
    ("persona_pain_points", "severity", "lookup_severity_levels"),
    (
        "persona_pain_points",
        "frequency",
        "lookup_frequency_levels",
    ),
    ("persona_goals", "goal_type", "lookup_goal_types"),
    ("persona_goals", "priority", "lookup_severity_levels"),
    ("persona_goals", "timeframe", "lookup_timeframes"),
    (
        "persona_challenges",
        "challenge_type",
        "lookup_challenge_types",
    ),
    ("persona_challenges", "impact", "lookup_severity_levels"),
    (
        "persona_tools_used",
        "usage_frequency",
        "lookup_frequency_levels",
    ),
    (
        "persona_stakeholders",
        "interaction_frequency",
        "lookup_frequency_levels",
    ),
    (
        "persona_buying_triggers",
        "trigger_type",
        "lookup_trigger_types",
    ),
    (
        "persona_annual_conferences",
        "conference_type",
        "lookup_conference_types",
    ),
    (
        "persona_annual_conferences",
        "role",
        "lookup_conference_roles",
    ),
];
