//! One label for each stored code, the same on every screen: browser cells and filter chips,
//! pick-lists, the sidebar, the queue, the map, the CLI's `list` and `show`, and the Markdown
//! card. Codes stay what is stored, written to files and typed in scripts; labels are only shown.
//!
//! - A lookup code is labelled with its lookup table's display name (`vp` → "Vice President").
//! - A VPANES tier is its number and word (`tier_1_ideal` → "1 ideal"), short enough for the
//!   browser's tier column; the column or line around it says "tier".
//! - An archetype keeps the name the design gives it (`AUTOMATOR`): the four are names, each
//!   with its colour, not words of a sentence.
//! - Any other enum code reads as words (`pending_review` → "Pending review").

use super::children::CHILD_SPECS;
use super::core::CORE_FIELDS;
use super::enums::{ARCHETYPES, PRIORITY_TIERS, humanize};
use super::field::Kind;
use super::validate::Lookups;

/// The label of an enum code (a `Choice` value, a tier, a readiness level, a service layer).
pub fn code(code: &str) -> String {
    if ARCHETYPES.contains(&code) {
        return code.to_string();
    }
    if PRIORITY_TIERS.contains(&code) {
        // tier_1_ideal → "1 ideal"
        return code.strip_prefix("tier_").unwrap_or(code).replace('_', " ");
    }
    humanize(code)
}

/// The label of a value of a column of this kind: lookup display names, enum labels; any other
/// kind is shown as stored.
pub fn value(kind: Kind, stored: &str, lookups: &Lookups) -> String {
    match kind {
        Kind::Lookup(table) => lookups.display(table, stored).to_string(),
        Kind::Choice(_) => code(stored),
        _ => stored.to_string(),
    }
}

/// The label of a value of the named column (a persona column, or a list column such as the
/// score card's `priority_tier`), for screens that hold a column name and its code.
pub fn column(name: &str, stored: &str, lookups: &Lookups) -> String {
    if name == "priority_tier" {
        return code(stored);
    }
    let kind = CORE_FIELDS
        .iter()
        .chain(CHILD_SPECS.iter().flat_map(|c| c.fields))
        .find(|f| f.name == name)
        .map(|f| f.kind);
    match kind {
        Some(k) => value(k, stored, lookups),
        None => stored.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookups() -> Lookups {
        let mut l = Lookups::default();
        l.tables.insert(
            "lookup_seniority_levels".into(),
            vec![("vp".into(), "Vice President".into())],
        );
        l
    }

    #[test]
    fn one_label_per_code() {
        let l = lookups();
        assert_eq!(column("seniority_level", "vp", &l), "Vice President");
        assert_eq!(column("priority_tier", "tier_1_ideal", &l), "1 ideal");
        assert_eq!(code("tier_3_medium"), "3 medium");
        assert_eq!(
            column("validation_status", "pending_review", &l),
            "Pending review"
        );
        assert_eq!(column("archetype", "AUTOMATOR", &l), "AUTOMATOR");
        assert_eq!(code("ASK_EXPERT"), "Ask expert");
        assert_eq!(column("name", "Ana", &l), "Ana");
    }

    #[test]
    fn every_tier_fits_the_browser_column() {
        for t in PRIORITY_TIERS {
            assert!(code(t).chars().count() <= 8, "{t}");
            assert!(code(t).chars().next().is_some_and(|c| c.is_ascii_digit()));
        }
    }
}
