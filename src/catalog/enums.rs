//! The six enum types of the design's §1 and the CHECK lists of §4, in the design's order.

pub const ARCHETYPES: &[&str] = &["AUTOMATOR", "ORCHESTRATOR", "LEARNER", "SKEPTIC"];
pub const WORK_PATTERNS: &[&str] = &["routine", "strategic", "mixed"];
pub const SERVICE_LAYERS: &[&str] = &[
    "ASK_EXPERT",
    "ASK_PANEL",
    "WORKFLOWS",
    "SOLUTION_BUILDER",
    "MIXED",
];
pub const READINESS_LEVELS: &[&str] =
    &["beginner", "developing", "proficient", "advanced", "expert"];
pub const BUDGET_AUTHORITY_LEVELS: &[&str] =
    &["none", "limited", "moderate", "significant", "high"];
pub const VALIDATION_STATUSES: &[&str] = &[
    "draft",
    "pending_review",
    "validated",
    "published",
    "archived",
];

pub const PRIORITY_TIERS: &[&str] = &["tier_1_ideal", "tier_2_high", "tier_3_medium", "tier_4_low"];

pub const MOTIVATION_CATEGORIES: &[&str] = &["professional", "organizational", "personal"];
pub const LOW_TO_CRITICAL: &[&str] = &["low", "medium", "high", "critical"];
pub const PROFICIENCY_LEVELS: &[&str] = &["beginner", "intermediate", "advanced", "expert"];
pub const RELATIONSHIP_TYPES: &[&str] = &[
    "reports_to",
    "peer",
    "direct_report",
    "collaborator",
    "client",
    "vendor",
];
pub const PURCHASE_ROLES: &[&str] = &[
    "decision_maker",
    "influencer",
    "gatekeeper",
    "user",
    "champion",
];
pub const APPROVAL_COMPLEXITIES: &[&str] = &["simple", "moderate", "complex", "very_complex"];
pub const ASPIRATION_TIMEFRAMES: &[&str] = &["short_term", "medium_term", "long_term"];
pub const CONFERENCE_FREQUENCIES: &[&str] = &["annual", "biannual", "occasional", "rare"];
pub const PUBLICATION_TYPES: &[&str] = &[
    "peer_reviewed",
    "blog",
    "social_media",
    "book",
    "whitepaper",
    "case_study",
];
pub const ACTIVITY_LEVELS: &[&str] = &["none", "lurker", "occasional", "regular", "influencer"];
pub const SOURCE_TYPES: &[&str] = &[
    "primary_research",
    "secondary_research",
    "expert_interview",
    "industry_report",
    "survey_data",
    "case_study",
];
pub const EVIDENCE_CONFIDENCE: &[&str] = &["low", "medium", "high", "very_high"];

/// A readable label for a code: `pending_review` → `Pending review`, `ASK_EXPERT` → `Ask expert`.
pub fn humanize(code: &str) -> String {
    let lower = code.replace('_', " ").to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}
