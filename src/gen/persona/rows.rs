//! A persona's list rows: how many, and a value for every column of each.

use super::calendar::date;
use super::*;

/// Row `pos` of `count` rows of a list.
pub(super) fn row(
    spec: &ChildSpec,
    pos: usize,
    count: usize,
    plan: &Plan,
    rng: &mut Rng,
    lookups: &Lookups,
) -> Row {
    let mut r = Row::new(spec);
    if spec.scorecard {
        let scores = vpanes(rng);
        for (i, f) in spec.fields.iter().enumerate() {
            r.values[i] = match crate::model::persona::VPANES_COLUMNS
                .iter()
                .position(|c| *c == f.name)
            {
                Some(k) => Value::Real(f64::from(scores[k]) / 10.0),
                None if f.is_multiline() => text(rng.word(SCORING_NOTES)),
                None => by_kind(f, rng, lookups, plan),
            };
        }
        return r;
    }
    for (i, f) in spec.fields.iter().enumerate() {
        if !f.is_writable() {
            continue;
        }
        r.values[i] = list_value(spec, f, pos, count, plan, rng, lookups);
    }
    r
}

fn list_value(
    spec: &ChildSpec,
    f: &FieldSpec,
    pos: usize,
    count: usize,
    plan: &Plan,
    rng: &mut Rng,
    lookups: &Lookups,
) -> Value {
    let career_start = 2025 - plan.experience;
    match (spec.key, f.name) {
        ("pain_points", "pain_point") => text(fill(rng.word(PAIN_TEMPLATES), rng, plan)),
        ("pain_points", "impact_description") => text(rng.word(IMPACTS)),
        ("pain_points", "workaround") => text(rng.word(WORKAROUNDS)),
        ("goals", "goal_text") => text(fill(rng.word(GOAL_TEMPLATES), rng, plan)),
        ("goals", "success_criteria") => text(rng.word(SUCCESS_CRITERIA)),
        ("motivations", "motivation_text") => text(rng.word(MOTIVATIONS)),
        ("challenges", "challenge_text") => text(fill(rng.word(CHALLENGE_TEMPLATES), rng, plan)),
        ("challenges", "current_solution") => text(rng.word(CURRENT_SOLUTIONS)),
        ("typical_day", "time_slot") => {
            // Spread over the working day in list order.
            let minutes =
                7 * 60 + 30 + (pos * 10 * 60 / count.max(1)) as i64 + rng.between(0, 3) * 5;
            text(format!("{:02}:{:02}", minutes / 60, minutes % 60))
        }
        ("typical_day", "activity_description") => text(fill(rng.word(ACTIVITIES), rng, plan)),
        ("typical_day", "duration_minutes") => Value::Int(rng.between(1, 8) * 15),
        ("tools_used", "tool_name") => text(rng.word(SYSTEMS)),
        ("tools_used", "tool_category") => text(rng.word(TOOL_CATEGORIES)),
        ("stakeholders", "stakeholder_role") => text(rng.word(STAKEHOLDER_ROLES)),
        ("stakeholders", "stakeholder_department") => {
            let (_, departments) = rng.pick(ORG_TREE);
            text(rng.pick(departments).0)
        }
        ("education", "degree") => text(rng.word(DEGREES)),
        ("education", "field_of_study") => text(rng.word(FIELDS_OF_STUDY)),
        ("education", "institution") => text(rng.word(INSTITUTIONS)),
        ("education", "year_completed") => {
            Value::Int((career_start - rng.between(0, 6)).clamp(1960, 2025))
        }
        ("certifications", "certification_name") => {
            text(CERTIFICATIONS[pos % CERTIFICATIONS.len()].0)
        }
        ("certifications", "issuing_organization") => {
            text(CERTIFICATIONS[pos % CERTIFICATIONS.len()].1)
        }
        ("certifications", "year_obtained") => {
            Value::Int(rng.between(career_start.max(1990), 2025))
        }
        ("certifications", "expiration_date") => text(date(rng, 2025, 2029)),
        // Metric names are unique within a persona: the row's position picks a distinct one.
        ("success_metrics", "metric_name") => {
            text(METRICS[(pos + plan.n as usize) % METRICS.len()].0)
        }
        ("success_metrics", "metric_description") => {
            text(METRICS[(pos + plan.n as usize) % METRICS.len()].1)
        }
        ("buying_process", "decision_timeframe") => text(rng.word(DECISION_TIMEFRAMES)),
        ("buying_process", "typical_budget_range") => text(rng.word(BUDGET_RANGES)),
        ("buying_triggers", "trigger_description") => text(fill(rng.word(TRIGGERS), rng, plan)),
        ("aspirations", "aspiration_text") => text(rng.word(ASPIRATIONS)),
        ("annual_conferences", "conference_name") => text(rng.word(CONFERENCES)),
        ("publications", "topic") => text(fill(rng.word(TOPICS), rng, plan)),
        ("publications", "year") => Value::Int(rng.between(career_start.max(1990), 2025)),
        ("publications", "frequency_per_year") => Value::Int(rng.between(0, 6)),
        ("social_media", "platform") => text(rng.word(PLATFORMS)),
        ("social_media", "content_focus") => text(format!("{} and AI", plan.area)),
        ("social_media", "follower_count_range") => text(rng.word(FOLLOWER_RANGES)),
        ("evidence_sources", "citation") => text(fill(rng.word(CITATIONS), rng, plan)),
        ("evidence_sources", "key_finding") => text(fill(rng.word(FINDINGS), rng, plan)),
        ("evidence_sources", "methodology") => text(rng.word(METHODOLOGIES)),
        ("evidence_sources", "sample_size") => Value::Int(rng.between(12, 2000)),
        ("evidence_sources", "publication_date") => text(date(rng, 2019, 2025)),
        ("evidence_sources", "url") => text(format!(
            "https://example.org/evidence/{}-{}",
            plan.seed, plan.n
        )),
        _ => by_kind(f, rng, lookups, plan),
    }
}

/// Six VPANES scores in tenths (0..=100 each) whose total falls in a tier drawn by weight.
pub(super) fn vpanes(rng: &mut Rng) -> [u32; 6] {
    let (_, lo, hi) = TIERS[rng.weighted(&TIERS.map(|t| t.0))];
    let total = rng.between(i64::from(lo), i64::from(hi)) as u32;
    let mut s = [total / 6; 6];
    for item in s.iter_mut().take((total % 6) as usize) {
        *item += 1;
    }
    // Random transfers between two scores keep the sum and the 0..=10 range.
    for _ in 0..8 {
        let (a, b) = (rng.below(6), rng.below(6));
        let room = s[a].min(100 - s[b]);
        if a != b && room > 0 {
            let amount = rng.between(0, i64::from(room)) as u32;
            s[a] -= amount;
            s[b] += amount;
        }
    }
    s
}
