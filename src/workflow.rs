//! The review workflow's rules, pure. The schema's triggers (003_workflow.sql) hold the same
//! moves, so SQL clients obey them too; this module gives the app and the CLI the list of
//! moves to offer and the message when one is refused.

/// Moves allowed from a status, in the order a menu shows them.
pub fn allowed_moves(from: &str) -> &'static [&'static str] {
    match from {
        "draft" => &["pending_review"],
        "pending_review" => &["validated", "draft"],
        "validated" => &["published", "draft"],
        "published" => &["archived"],
        "archived" => &["draft"],
        _ => &["pending_review"],
    }
}

pub fn is_allowed(from: &str, to: &str) -> bool {
    allowed_moves(from).contains(&to)
}

/// A reviewer sending work back to its author: needs a note saying why.
pub fn is_send_back(from: &str, to: &str) -> bool {
    to == "draft" && matches!(from, "pending_review" | "validated")
}

/// What a move is called in menus and history.
pub fn move_label(from: &str, to: &str) -> &'static str {
    match (from, to) {
        ("draft", "pending_review") => "submit for review",
        ("pending_review", "validated") => "approve (validate)",
        (_, "draft") if is_send_back(from, to) => "send back to draft",
        ("validated", "published") => "publish",
        ("published", "archived") => "archive",
        ("archived", "draft") => "restore to draft",
        _ => "move",
    }
}

/// The refusal message: names the move and lists what is allowed.
pub fn refusal(from: &str, to: &str) -> String {
    format!(
        "cannot move from {from} to {to}; allowed from {from}: {}",
        allowed_moves(from).join(", ")
    )
}

/// How long something has waited, from `since` to `now` (both as the schema writes times):
/// "3 d", "5 h", "12 min", "just now". None when either time does not parse.
pub fn waited(since: &str, now: &str) -> Option<String> {
    let secs = epoch_seconds(now)? - epoch_seconds(since)?;
    Some(match secs {
        s if s >= 86_400 => format!("{} d", s / 86_400),
        s if s >= 3_600 => format!("{} h", s / 3_600),
        s if s >= 60 => format!("{} min", s / 60),
        _ => "just now".into(),
    })
}

/// Seconds since 1970 of `YYYY-MM-DDTHH:MM:SS...` (UTC).
fn epoch_seconds(t: &str) -> Option<i64> {
    let num = |r: std::ops::Range<usize>| -> Option<i64> { t.get(r)?.parse().ok() };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm, ss) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days-from-civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hh * 3_600 + mm * 60 + ss)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::enums::VALIDATION_STATUSES;

    #[test]
    fn the_allowed_moves_and_nothing_else() {
        let allowed = [
            ("draft", "pending_review"),
            ("pending_review", "validated"),
            ("pending_review", "draft"),
            ("validated", "published"),
            ("validated", "draft"),
            ("published", "archived"),
            ("archived", "draft"),
        ];
        for from in VALIDATION_STATUSES {
            for to in VALIDATION_STATUSES {
                assert_eq!(
                    is_allowed(from, to),
                    allowed.contains(&(*from, *to)),
                    "{from} -> {to}"
                );
            }
        }
        assert!(is_send_back("validated", "draft") && !is_send_back("archived", "draft"));
        assert_eq!(
            refusal("draft", "published"),
            "cannot move from draft to published; allowed from draft: pending_review"
        );
    }

    #[test]
    fn waited_in_days_hours_minutes() {
        let at = "2026-02-27T10:00:00.000Z";
        assert_eq!(waited(at, "2026-03-02T11:00:00Z").as_deref(), Some("3 d"));
        assert_eq!(waited(at, "2026-02-27T15:30:00Z").as_deref(), Some("5 h"));
        assert_eq!(
            waited(at, "2026-02-27T10:12:59Z").as_deref(),
            Some("12 min")
        );
        assert_eq!(waited(at, at).as_deref(), Some("just now"));
        assert_eq!(
            waited("2025-12-31T23:00:00Z", "2026-01-01T01:00:00Z").as_deref(),
            Some("2 h")
        );
        assert_eq!(waited("garbage", at), None);
    }
}
