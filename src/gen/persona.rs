//! One synthetic persona, built column by column from the specs: each column gets a value of
//! its kind (a lookup code, a choice, a number in range with the right decimals...), with
//! realistic text and correlations where the column is known by name.

mod calendar;
mod rows;

use super::Rng;
use super::words::*;
use crate::catalog::enums::{ARCHETYPES, BUDGET_AUTHORITY_LEVELS, VALIDATION_STATUSES};
use crate::catalog::validate::Lookups;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality, ChildSpec, FieldSpec, Kind};
use crate::model::{Persona, Row, Value};
use crate::rules;
use calendar::{date, timestamp};
use rows::row;

/// Share of personas whose archetype deliberately disagrees with the quadrant of their scores.
pub const DISAGREEING_SHARE: f64 = 0.03;
/// Share of personas without the two map scores (so no quadrant).
const UNSCORED_SHARE: f64 = 0.01;
/// Share of personas in the trash.
pub const DELETED_SHARE: f64 = 0.02;
/// Validation statuses, weighted in `VALIDATION_STATUSES` order.
const STATUS_WEIGHTS: [u32; 5] = [35, 20, 20, 20, 5];
/// Priority tiers, best first, with their VPANES totals in tenths (inclusive).
const TIERS: [(u32, u32, u32); 4] = [(15, 460, 600), (30, 310, 459), (35, 160, 309), (20, 0, 159)];
/// Weight of each many-row list when drawing a persona's rows; unknown lists weigh 1.
const LIST_WEIGHTS: &[(&str, u32)] = &[
    ("pain_points", 3),
    ("goals", 3),
    ("typical_day", 3),
    ("tools_used", 3),
    ("motivations", 2),
    ("challenges", 2),
    ("stakeholders", 2),
    ("success_metrics", 2),
];
/// Days between 2023-01-01 and the latest generated timestamp.
const DAYS_SPAN: u64 = 1030;
/// Days from 1970-01-01 to 2023-01-01.
const EPOCH_2023: i64 = 19_358;

/// What a generated persona is, besides its values: the store writes these columns itself.
pub struct Generated {
    pub persona: Persona,
    pub created_at: String,
    pub updated_at: String,
    /// Set for validated, published and archived personas (they went through validation).
    pub validated_at: Option<String>,
    pub deleted_at: Option<String>,
    /// (function, department, role) names, also in the persona's org columns.
    pub org: (&'static str, &'static str, &'static str),
}

/// Values decided before the columns are filled, so related columns agree.
struct Plan {
    n: u64,
    seed: u64,
    first: &'static str,
    last: &'static str,
    area: &'static str,
    org: (&'static str, &'static str, &'static str),
    seniority: Option<String>,
    /// Position of the seniority in its lookup order, scaled to 0.0 (entry) ..= 1.0 (C-level).
    rank: f64,
    experience: i64,
    ai: Option<f64>,
    complexity: Option<f64>,
    archetype: &'static str,
    work_pattern: &'static str,
    technology: Option<String>,
    risk: Option<String>,
    change: Option<String>,
    status: &'static str,
    median: i64,
}

/// The `n`-th persona (1-based) of a seed: the same for a seed and `n` whatever the total.
pub fn persona(seed: u64, n: u64, lookups: &Lookups) -> Generated {
    let mut rng = Rng::stream(seed, n, 0);
    let plan = plan(&mut rng, seed, n, lookups);
    let mut p = Persona::new_draft();
    for (i, f) in CORE_FIELDS.iter().enumerate() {
        p.core[i] = core_value(f, &plan, &mut rng, lookups);
    }
    for (li, spec) in CHILD_SPECS.iter().enumerate() {
        if spec.cardinality == Cardinality::One {
            let chance = if spec.scorecard { 0.95 } else { 0.6 };
            if rng.chance(chance) {
                p.lists[li].push(row(spec, 0, 1, &plan, &mut rng, lookups));
            }
        }
    }
    // About eight more rows over the many-row lists, so a persona has about ten in all.
    let many: Vec<usize> = (0..CHILD_SPECS.len())
        .filter(|&i| CHILD_SPECS[i].cardinality == Cardinality::Many)
        .collect();
    let weights: Vec<u32> = many
        .iter()
        .map(|&i| {
            LIST_WEIGHTS
                .iter()
                .find(|(k, _)| *k == CHILD_SPECS[i].key)
                .map_or(1, |(_, w)| *w)
        })
        .collect();
    let mut counts = vec![0usize; CHILD_SPECS.len()];
    for _ in 0..7 + rng.below(4) {
        counts[many[rng.weighted(&weights)]] += 1;
    }
    for (li, &count) in counts.iter().enumerate() {
        for pos in 0..count {
            let r = row(&CHILD_SPECS[li], pos, count, &plan, &mut rng, lookups);
            p.lists[li].push(r);
        }
    }

    let created_day = rng.below(DAYS_SPAN as usize - 30) as u64;
    let created = timestamp(created_day, &mut rng);
    let updated_day = created_day + rng.below((DAYS_SPAN - created_day) as usize) as u64;
    let updated = timestamp(updated_day, &mut rng);
    let validated_at = matches!(plan.status, "validated" | "published" | "archived")
        .then(|| timestamp(created_day + (updated_day - created_day) / 2, &mut rng));
    let deleted_at = rng.chance(DELETED_SHARE).then(|| updated.clone());
    Generated {
        persona: p,
        created_at: created,
        updated_at: updated,
        validated_at,
        deleted_at,
        org: plan.org,
    }
}

fn plan(rng: &mut Rng, seed: u64, n: u64, lookups: &Lookups) -> Plan {
    let (function, departments) = rng.pick(ORG_TREE);
    let (department, roles) = rng.pick(departments);
    let role = rng.word(roles);

    let levels = lookups.codes("lookup_seniority_levels");
    let weights: Vec<u32> = levels.iter().map(|c| seniority_weight(c)).collect();
    let (seniority, rank) = if levels.is_empty() {
        (None, 0.5)
    } else {
        let i = rng.weighted(&weights);
        let rank = i as f64 / (levels.len().max(2) - 1) as f64;
        (Some(levels[i].to_string()), rank)
    };
    let (lo, hi) = seniority.as_deref().map_or((2, 20), experience_range);
    let experience = rng.between(lo, hi);

    let (ai, complexity) = if rng.chance(UNSCORED_SHARE) {
        (None, None)
    } else {
        (
            Some(rng.hundredths(0, 10_000)),
            Some(rng.hundredths(0, 10_000)),
        )
    };
    let implied = rules::quadrant_archetype(ai, complexity);
    let archetype = match implied {
        Some(a) if !rng.chance(DISAGREEING_SHARE) => a,
        Some(a) => {
            let others: Vec<&'static str> =
                ARCHETYPES.iter().copied().filter(|x| *x != a).collect();
            rng.word(&others)
        }
        None => rng.word(ARCHETYPES),
    };
    let work_pattern = match complexity {
        Some(c) if c < 35.0 => "routine",
        Some(c) if c >= 65.0 => "strategic",
        _ => "mixed",
    };
    // Openness to technology follows AI maturity, with some noise.
    let maturity = ai.unwrap_or(50.0) / 100.0;
    let technology = graded(rng, lookups, "lookup_technology_adoption", 1.0 - maturity);
    let risk = graded(rng, lookups, "lookup_risk_tolerance", maturity);
    let change = graded(rng, lookups, "lookup_change_readiness", maturity);
    let status = VALIDATION_STATUSES[rng.weighted(&STATUS_WEIGHTS)];
    let median =
        ((70_000.0 + rank * 230_000.0) * (0.85 + rng.unit() * 0.3) / 1000.0).round() as i64 * 1000;
    Plan {
        n,
        seed,
        first: rng.word(FIRST_NAMES),
        last: rng.word(LAST_NAMES),
        area: rng.word(THERAPEUTIC_AREAS),
        org: (function, department, role),
        seniority,
        rank,
        experience,
        ai,
        complexity,
        archetype,
        work_pattern,
        technology,
        risk,
        change,
        status,
        median,
    }
}

/// Personas are mostly mid-career; a few are executives.
fn seniority_weight(code: &str) -> u32 {
    match code {
        "entry" => 8,
        "junior" => 12,
        "mid" => 22,
        "senior" => 22,
        "lead" => 10,
        "manager" => 12,
        "director" => 8,
        "vp" => 4,
        "c_level" => 2,
        _ => 5,
    }
}

/// Years of experience of a seniority level, as the design's lookup rows give them.
fn experience_range(code: &str) -> (i64, i64) {
    match code {
        "entry" => (0, 2),
        "junior" => (2, 4),
        "mid" => (4, 7),
        "senior" => (7, 12),
        "lead" => (10, 15),
        "manager" => (8, 15),
        "director" => (12, 20),
        "vp" => (15, 25),
        "c_level" => (20, 35),
        _ => (2, 20),
    }
}

/// A code of an ordered lookup table near `position` (0.0 = first code, 1.0 = last).
fn graded(rng: &mut Rng, lookups: &Lookups, table: &str, position: f64) -> Option<String> {
    let codes = lookups.codes(table);
    if codes.is_empty() {
        return None;
    }
    let noisy = position + (rng.unit() - 0.5) * 0.5;
    let i = (noisy * codes.len() as f64)
        .floor()
        .clamp(0.0, (codes.len() - 1) as f64) as usize;
    Some(codes[i].to_string())
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

fn opt_text(s: &Option<String>) -> Value {
    s.clone().map_or(Value::Null, Value::Text)
}

fn opt_real(x: Option<f64>) -> Value {
    x.map_or(Value::Null, Value::Real)
}

fn core_value(f: &FieldSpec, plan: &Plan, rng: &mut Rng, lookups: &Lookups) -> Value {
    let (function, department, role) = plan.org;
    let senior_prefix = match plan.seniority.as_deref() {
        Some("senior") => "Senior ",
        Some("lead") => "Lead ",
        Some("entry" | "junior") => "Associate ",
        Some("director") => "Director, ",
        Some("vp") => "VP, ",
        Some("c_level") => "Chief ",
        _ => "",
    };
    let maturity = plan.ai.unwrap_or(50.0);
    match f.name {
        "name" => text(format!("{} {}", plan.first, plan.last)),
        "slug" => text(format!("gen-{}-{}", plan.seed, plan.n)),
        "title" => text(format!("{senior_prefix}{role}, {}", plan.area)),
        "tagline" => text(format!(
            "Keeps {} moving in {}.",
            rng.pick(OBJECTS),
            plan.area
        )),
        "one_liner" => text(format!(
            "{role} in {department} who wants AI to take the grind out of {}.",
            rng.pick(OBJECTS)
        )),
        "archetype" => text(plan.archetype),
        "archetype_confidence" => {
            let agrees =
                rules::quadrant_archetype(plan.ai, plan.complexity) == Some(plan.archetype);
            let (lo, hi) = if agrees { (60, 99) } else { (30, 59) };
            Value::Real(rng.between(lo, hi) as f64 / 100.0)
        }
        "work_pattern" => text(plan.work_pattern),
        "work_complexity_score" => opt_real(plan.complexity),
        "ai_maturity_score" => opt_real(plan.ai),
        "function_name" => text(function),
        "department_name" => text(department),
        "role_name" => text(role),
        "seniority_level" => opt_text(&plan.seniority),
        "years_of_experience" => Value::Int(plan.experience),
        "years_in_current_role" => Value::Int(rng.between(0, plan.experience.min(8))),
        "years_in_industry" => Value::Int(rng.between(plan.experience / 2, plan.experience)),
        "years_in_function" => Value::Int(rng.between(plan.experience / 3, plan.experience)),
        "education_level" => text(rng.word(EDUCATION_LEVELS)),
        "organization_type" => text(rng.word(ORGANIZATION_TYPES)),
        "reporting_to" => text(format!("Head of {department}")),
        "team_size" | "team_size_typical" | "direct_reports" | "span_of_control" => {
            team(f, plan, rng)
        }
        "budget_authority_level" => {
            let i = (plan.rank * (BUDGET_AUTHORITY_LEVELS.len() - 1) as f64).round() as usize;
            text(BUDGET_AUTHORITY_LEVELS[i.min(BUDGET_AUTHORITY_LEVELS.len() - 1)])
        }
        "budget_authority" => text(format!(
            "About ${}K a year for vendors and projects",
            (10.0 + plan.rank * plan.rank * 990.0).round() as i64
        )),
        "work_style" => text(rng.word(WORK_STYLES)),
        "work_arrangement" => text(rng.word(WORK_ARRANGEMENTS)),
        "decision_making_style" => text(rng.word(DECISION_STYLES)),
        "learning_style" => text(rng.word(LEARNING_STYLES)),
        "technology_adoption" => opt_text(&plan.technology),
        "risk_tolerance" => opt_text(&plan.risk),
        "change_readiness" => opt_text(&plan.change),
        "collaboration_style" => text(rng.word(COLLABORATION_STYLES)),
        "communication_preference" => text(rng.word(COMMUNICATION_PREFERENCES)),
        "gen_ai_readiness_level" => text(rules::calculate_gen_ai_readiness_level(
            plan.ai,
            plan.technology.as_deref(),
            plan.risk.as_deref(),
            plan.change.as_deref(),
        )),
        "preferred_service_layer" => {
            let inferred =
                rules::infer_preferred_service_layer(Some(plan.archetype), Some(plan.work_pattern));
            match f.kind {
                Kind::Choice(list) if rng.chance(0.1) => text(rng.word(list)),
                _ => text(inferred),
            }
        }
        "gen_ai_adoption_score" | "gen_ai_trust_score" => {
            let centre = (maturity * 100.0) as i64;
            Value::Real(
                rng.between((centre - 2000).max(0), (centre + 2000).min(10_000)) as f64 / 100.0,
            )
        }
        "gen_ai_usage_frequency" => {
            let i = ((100.0 - maturity) / 100.0 * (USAGE_FREQUENCIES.len() - 1) as f64).round();
            text(USAGE_FREQUENCIES[i as usize])
        }
        "gen_ai_primary_use_case" => text(rng.word(USE_CASES)),
        "background_story" => text(format!(
            "{} studied {} and spent {} years in the industry, most of them in {}. \
             Now a {} in {}, {} is known for reliable {} and careful work with {}.",
            plan.first,
            rng.pick(FIELDS_OF_STUDY),
            plan.experience,
            plan.area,
            role.to_lowercase(),
            department,
            plan.first,
            rng.pick(OBJECTS),
            rng.pick(SYSTEMS)
        )),
        "a_day_in_the_life" => text(format!(
            "Mornings go to {}; afternoons to meetings about {} and updates in {}. \
             The day ends with a check of tomorrow's deadlines.",
            rng.pick(OBJECTS),
            rng.pick(OBJECTS),
            rng.pick(SYSTEMS)
        )),
        "salary_min_usd" => Value::Int(plan.median * 85 / 100 / 1000 * 1000),
        "salary_max_usd" => Value::Int(plan.median * 120 / 100 / 1000 * 1000),
        "salary_median_usd" => Value::Int(plan.median),
        "salary_currency" => text("USD"),
        "salary_year" => Value::Int(rng.between(2023, 2025)),
        "salary_sources" => text(rng.word(SALARY_SOURCES)),
        "sample_size" => text(format!("n={}", rng.between(20, 400))),
        "confidence_level" => text(rng.word(CONFIDENCE_LEVELS)),
        "data_recency" => text(format!(
            "{}-Q{}",
            rng.between(2023, 2025),
            rng.between(1, 4)
        )),
        "geographic_benchmark_scope" => text(rng.word(BENCHMARK_SCOPES)),
        "persona_type" => text(rng.word(PERSONA_TYPES)),
        "persona_number" => Value::Int(plan.n.min(1_000_000_000) as i64),
        "segment" => text(department),
        "journey_stage" => text(rng.word(JOURNEY_STAGES)),
        "section" => text("Life Sciences"),
        "validation_status" => text(plan.status),
        "notes" => text(format!(
            "Synthetic persona generated by persona-studio gen (seed {}, #{}).",
            plan.seed, plan.n
        )),
        "is_active" => Value::Bool(plan.status != "archived"),
        _ => by_kind(f, rng, lookups, plan),
    }
}

fn team(f: &FieldSpec, plan: &Plan, rng: &mut Rng) -> Value {
    // Individual contributors up to senior; managers of growing teams above.
    let reports = if plan.rank < 0.4 {
        0
    } else {
        (plan.rank * plan.rank * 40.0) as i64 + rng.between(0, 4)
    };
    match f.name {
        "direct_reports" => Value::Int(reports),
        "team_size_typical" => Value::Int(reports + rng.between(3, 12)),
        "team_size" if reports == 0 => text("Individual contributor in a cross-functional team"),
        "team_size" => text(format!("Leads a team of {reports}")),
        _ if reports == 0 => text("No direct reports"),
        _ => text(format!(
            "{reports} direct reports across {} sites",
            rng.between(1, 4)
        )),
    }
}

/// A valid value of the column's kind, for columns without a rule of their own.
fn by_kind(f: &FieldSpec, rng: &mut Rng, lookups: &Lookups, plan: &Plan) -> Value {
    match f.kind {
        Kind::Text | Kind::LongText => text(fill(rng.word(GOAL_TEMPLATES), rng, plan)),
        Kind::Int { min, max } => Value::Int(rng.between(min, max.min(min.saturating_add(1000)))),
        Kind::Decimal { min, max, places } => {
            let scale = 10f64.powi(i32::from(places));
            let steps = ((max - min) * scale).round() as i64;
            Value::Real(((min * scale).round() + rng.between(0, steps) as f64) / scale)
        }
        Kind::Bool => Value::Bool(rng.chance(0.5)),
        Kind::Choice(list) => text(rng.word(list)),
        Kind::Lookup(table) => {
            let codes = lookups.codes(table);
            if codes.is_empty() {
                Value::Null
            } else {
                text(rng.word(&codes))
            }
        }
        Kind::Date => text(date(rng, 2015, 2025)),
        Kind::Time => text(format!(
            "{:02}:{:02}",
            rng.between(6, 19),
            rng.between(0, 3) * 15
        )),
        Kind::Slug => text(format!("gen-{}-{}-{}", plan.seed, plan.n, rng.below(1000))),
        Kind::Org(_) | Kind::Computed => Value::Null,
    }
}

/// Fills `{o}` (an object of work), `{s}` (a system), `{t}` (the therapeutic area) and `{n}`.
fn fill(template: &str, rng: &mut Rng, plan: &Plan) -> String {
    let mut out = template.to_string();
    if out.contains("{o}") {
        out = out.replace("{o}", rng.word(OBJECTS));
    }
    if out.contains("{s}") {
        out = out.replace("{s}", rng.word(SYSTEMS));
    }
    if out.contains("{t}") {
        out = out.replace("{t}", plan.area);
    }
    if out.contains("{n}") {
        out = out.replace("{n}", &rng.between(1, 40).to_string());
    }
    out
}
