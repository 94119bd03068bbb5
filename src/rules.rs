//! The design's domain rules (§6.1, §6.2, §4.8 and the MECE archetype quadrant), pure and
//! shared by the sidebar, the `check` command and the SQL scalar functions.

/// Slack for binary rounding when comparing against the design's exact NUMERIC thresholds:
/// 60.0 / 20.0 must count as 3, and nothing the form accepts (2 decimals) is closer than 0.0005.
const EPS: f64 = 1e-9;

/// How the §6.1 readiness score was reached, for the sidebar's breakdown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Readiness {
    /// AI maturity / 20 (0-5), with a missing maturity counted as 50 as in the design.
    pub base: f64,
    pub technology: f64,
    pub risk: f64,
    pub change: f64,
    pub score: f64,
    pub level: &'static str,
}

impl Readiness {
    /// How the score was reached, in words: "score 6.75 = base 3.75 + 1 technology + 1 risk
    /// + 1 change". The Markdown card and the editor's sidebar both show this line.
    pub fn spelled(&self) -> String {
        self.spelled_parts().join(" ")
    }

    /// `spelled` in the parts a narrow column may break between: "score 6.75 =",
    /// "base 3.75", "+ 1 technology", "+ 1 risk", "+ 1 change".
    pub fn spelled_parts(&self) -> Vec<String> {
        let mut parts = vec![
            format!("score {:.2} =", self.score),
            format!("base {:.2}", self.base),
        ];
        for (v, name) in [
            (self.technology, "technology"),
            (self.risk, "risk"),
            (self.change, "change"),
        ] {
            let sign = if v < 0.0 { '-' } else { '+' };
            parts.push(format!("{sign} {} {name}", number(v.abs())));
        }
        parts
    }
}

/// A whole number without decimals ("1"), any other with two ("0.50").
fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// §6.1 `calculate_gen_ai_readiness_level`, with its breakdown.
pub fn readiness(
    ai_maturity_score: Option<f64>,
    technology_adoption: Option<&str>,
    risk_tolerance: Option<&str>,
    change_readiness: Option<&str>,
) -> Readiness {
    let base = ai_maturity_score.unwrap_or(50.0) / 20.0;
    let technology = match technology_adoption {
        Some("innovator") => 2.0,
        Some("early_adopter") => 1.0,
        Some("late_majority") => -1.0,
        Some("laggard") => -2.0,
        _ => 0.0,
    };
    let risk = match risk_tolerance {
        Some("high" | "very_high") => 1.0,
        Some("low" | "very_low") => -1.0,
        _ => 0.0,
    };
    let change = match change_readiness {
        Some("high" | "very_high") => 1.0,
        Some("low" | "resistant") => -1.0,
        _ => 0.0,
    };
    let score = base + technology + risk + change;
    let level = if score >= 7.0 - EPS {
        "expert"
    } else if score >= 5.0 - EPS {
        "advanced"
    } else if score >= 3.0 - EPS {
        "proficient"
    } else if score >= 1.0 - EPS {
        "developing"
    } else {
        "beginner"
    };
    Readiness {
        base,
        technology,
        risk,
        change,
        score,
        level,
    }
}

/// §6.1 as the design names it: the level alone.
pub fn calculate_gen_ai_readiness_level(
    ai_maturity_score: Option<f64>,
    technology_adoption: Option<&str>,
    risk_tolerance: Option<&str>,
    change_readiness: Option<&str>,
) -> &'static str {
    readiness(
        ai_maturity_score,
        technology_adoption,
        risk_tolerance,
        change_readiness,
    )
    .level
}

/// §6.2 `infer_preferred_service_layer`.
pub fn infer_preferred_service_layer(
    archetype: Option<&str>,
    work_pattern: Option<&str>,
) -> &'static str {
    match (archetype, work_pattern) {
        (Some("AUTOMATOR"), _) => "WORKFLOWS",
        (Some("ORCHESTRATOR"), Some("strategic")) => "SOLUTION_BUILDER",
        (Some("ORCHESTRATOR"), _) => "ASK_PANEL",
        (Some("LEARNER"), _) => "ASK_EXPERT",
        (Some("SKEPTIC"), _) => "ASK_PANEL",
        _ => "MIXED",
    }
}

/// §4.8 total: the sum of the six scores rounded to DECIMAL(4,1); NULL when any score is NULL,
/// as in SQL.
pub fn vpanes_total(scores: [Option<f64>; 6]) -> Option<f64> {
    let mut sum = 0.0;
    for s in scores {
        sum += s?;
    }
    Some((sum * 10.0).round() / 10.0)
}

/// The §4.8 total as the card and the sidebar show it: "48.0 / 60", or "incomplete" while a
/// score is missing.
pub fn vpanes_total_text(total: Option<f64>) -> String {
    total.map_or("incomplete".into(), |t| format!("{t:.1} / 60"))
}

/// §4.8 tier with the design's boundaries 46 / 31 / 16. A NULL total falls to the CASE's ELSE,
/// `tier_4_low`, exactly as the generated column does.
pub fn vpanes_tier(total: Option<f64>) -> &'static str {
    match total {
        Some(t) if t >= 46.0 => "tier_1_ideal",
        Some(t) if t >= 31.0 => "tier_2_high",
        Some(t) if t >= 16.0 => "tier_3_medium",
        _ => "tier_4_low",
    }
}

/// Where the MECE framework splits the two axes: 50 and above is high AI maturity and
/// strategic work. The design names the quadrants but not the cut; the scale's midpoint keeps
/// the four quadrants equal.
pub const QUADRANT_SPLIT: f64 = 50.0;

/// The archetype the scores imply (high/low AI maturity × routine/strategic work), or None
/// while either score is missing.
pub fn quadrant_archetype(
    ai_maturity_score: Option<f64>,
    work_complexity_score: Option<f64>,
) -> Option<&'static str> {
    let high_ai = ai_maturity_score? >= QUADRANT_SPLIT;
    let strategic = work_complexity_score? >= QUADRANT_SPLIT;
    Some(match (high_ai, strategic) {
        (true, false) => "AUTOMATOR",
        (true, true) => "ORCHESTRATOR",
        (false, false) => "LEARNER",
        (false, true) => "SKEPTIC",
    })
}

/// True when an archetype is chosen, the scores imply a quadrant, and the two differ.
pub fn archetype_disagrees(
    archetype: Option<&str>,
    ai: Option<f64>,
    complexity: Option<f64>,
) -> bool {
    match (archetype, quadrant_archetype(ai, complexity)) {
        (Some(chosen), Some(implied)) => chosen != implied,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readiness_thresholds_are_inclusive() {
        assert_eq!(
            calculate_gen_ai_readiness_level(Some(60.0), None, None, None),
            "proficient"
        );
        assert_eq!(
            calculate_gen_ai_readiness_level(Some(59.99), None, None, None),
            "developing"
        );
        assert_eq!(
            calculate_gen_ai_readiness_level(Some(100.0), Some("innovator"), None, None),
            "expert"
        );
        assert_eq!(
            calculate_gen_ai_readiness_level(None, None, None, None),
            "developing"
        );
        assert_eq!(
            calculate_gen_ai_readiness_level(
                Some(0.0),
                Some("laggard"),
                Some("very_low"),
                Some("resistant")
            ),
            "beginner"
        );
        let r = readiness(Some(80.0), Some("early_adopter"), Some("high"), Some("low"));
        assert_eq!(
            (r.base, r.technology, r.risk, r.change, r.score),
            (4.0, 1.0, 1.0, -1.0, 5.0)
        );
        assert_eq!(r.level, "advanced");
    }

    #[test]
    fn readiness_spelled_out() {
        let r = readiness(
            Some(75.0),
            Some("early_adopter"),
            Some("high"),
            Some("high"),
        );
        assert_eq!(
            r.spelled(),
            "score 6.75 = base 3.75 + 1 technology + 1 risk + 1 change"
        );
        let r = readiness(Some(20.0), Some("laggard"), None, Some("low"));
        assert_eq!(
            r.spelled(),
            "score -2.00 = base 1.00 - 2 technology + 0 risk - 1 change"
        );
    }

    #[test]
    fn service_layer() {
        assert_eq!(
            infer_preferred_service_layer(Some("ORCHESTRATOR"), Some("strategic")),
            "SOLUTION_BUILDER"
        );
        assert_eq!(
            infer_preferred_service_layer(Some("ORCHESTRATOR"), Some("mixed")),
            "ASK_PANEL"
        );
        assert_eq!(
            infer_preferred_service_layer(None, Some("strategic")),
            "MIXED"
        );
    }

    #[test]
    fn tiers_at_boundaries() {
        for (total, tier) in [
            (15.9, "tier_4_low"),
            (16.0, "tier_3_medium"),
            (30.9, "tier_3_medium"),
            (31.0, "tier_2_high"),
            (45.9, "tier_2_high"),
            (46.0, "tier_1_ideal"),
        ] {
            assert_eq!(vpanes_tier(Some(total)), tier, "total {total}");
        }
        assert_eq!(vpanes_tier(None), "tier_4_low");
        assert_eq!(
            vpanes_total([
                Some(0.1),
                Some(0.2),
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(0.0)
            ]),
            Some(0.3)
        );
        assert_eq!(
            vpanes_total([Some(1.0), None, Some(0.0), Some(0.0), Some(0.0), Some(0.0)]),
            None
        );
    }

    #[test]
    fn quadrants() {
        assert_eq!(
            quadrant_archetype(Some(50.0), Some(49.99)),
            Some("AUTOMATOR")
        );
        assert_eq!(
            quadrant_archetype(Some(50.0), Some(50.0)),
            Some("ORCHESTRATOR")
        );
        assert_eq!(quadrant_archetype(Some(10.0), Some(10.0)), Some("LEARNER"));
        assert_eq!(quadrant_archetype(Some(10.0), Some(90.0)), Some("SKEPTIC"));
        assert_eq!(quadrant_archetype(None, Some(90.0)), None);
        assert!(archetype_disagrees(Some("LEARNER"), Some(90.0), Some(90.0)));
        assert!(!archetype_disagrees(None, Some(90.0), Some(90.0)));
    }
}
