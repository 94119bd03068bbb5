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
}
