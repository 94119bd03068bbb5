//! The rule an imported status and history must follow (issue 12, point 2): a chain of the
//! workflow's allowed moves that starts with the persona's creation as a draft, with
//! well-formed timestamps in order, ending in the persona's status. `validated_at` and
//! `validated_by` are then derived from the chain, never taken from the file, so they cannot
//! disagree with it. `check` runs the same rule over what is stored.

use crate::model::StatusChange;
use crate::workflow::{allowed_moves, is_allowed, is_send_back};

/// The longest user name a history row may carry.
pub const MAX_USER_NAME: usize = 100;

/// Every way `history` fails the rule for a persona in `status`, as (path below the persona,
/// message): `status_history[2].from_status`, `validation_status`, ...
pub fn chain_problems(status: &str, history: &[StatusChange]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(first) = history.first() else {
        if status != "draft" {
            out.push((
                "status_history".into(),
                format!(
                    "is empty, but a {status} persona needs the moves that took it there \
                     (draft → … → {status}); import with --as-draft to take it in as a draft"
                ),
            ));
        }
        return out;
    };
    if first.from_status.is_some() || first.to_status != "draft" {
        out.push((
            "status_history[0]".into(),
            "must be the creation as a draft (from_status null, to_status \"draft\")".into(),
        ));
    }
    let mut previous: Option<(&str, Stamp)> = None;
    for (k, h) in history.iter().enumerate() {
        let at = format!("status_history[{k}]");
        let stamp = parse_timestamp(&h.changed_at);
        match stamp {
            None => out.push((
                format!("{at}.changed_at"),
                format!(
                    "{:?} is not a timestamp like 2026-03-01T09:30:00Z or 2026-03-01T09:30:00.123Z",
                    h.changed_at
                ),
            )),
            Some(s) if previous.is_some_and(|(_, p)| s < p) => out.push((
                format!("{at}.changed_at"),
                "is earlier than the move before it; moves are listed oldest first".into(),
            )),
            Some(_) => {}
        }
        if let Some(name) = &h.changed_by
            && (name.trim().is_empty()
                || name.chars().count() > MAX_USER_NAME
                || name.chars().any(char::is_control))
        {
            out.push((
                format!("{at}.changed_by"),
                format!(
                    "must be a user name of 1 to {MAX_USER_NAME} characters on one line, or null"
                ),
            ));
        }
        if let Some((prev_to, _)) = previous {
            let from = h.from_status.as_deref().unwrap_or("(none)");
            if from != prev_to {
                out.push((
                    format!("{at}.from_status"),
                    format!("is {from}, but the move before ended in {prev_to}"),
                ));
            } else if !is_allowed(from, &h.to_status) {
                out.push((
                    format!("{at}.to_status"),
                    format!(
                        "{from} cannot move to {}; allowed from {from}: {}",
                        h.to_status,
                        allowed_moves(from).join(", ")
                    ),
                ));
            } else if is_send_back(from, &h.to_status)
                && h.note.as_deref().is_none_or(|n| n.trim().is_empty())
            {
                out.push((
                    format!("{at}.note"),
                    "is required: sending back to draft says why".into(),
                ));
            }
        }
        previous = Some((h.to_status.as_str(), stamp.unwrap_or_default()));
    }
    if let Some(last) = history.last()
        && last.to_status != status
    {
        out.push((
            "validation_status".into(),
            format!(
                "is {status}, but its status_history ends in {}",
                last.to_status
            ),
        ));
    }
    out
}

/// The move that validated the persona as it stands: the last move into `validated` after
/// the last move back to draft. Its time and user are `validated_at` and `validated_by`.
pub fn validating_move(history: &[StatusChange]) -> Option<&StatusChange> {
    let since = history
        .iter()
        .rposition(|h| h.to_status == "draft")
        .unwrap_or(0);
    history[since..]
        .iter()
        .rev()
        .find(|h| h.to_status == "validated")
}

/// The moves that take a new draft to `status` the way the workflow would (submit, approve,
/// publish, archive), each by `user` at `at`: the history the demo personas get, so that
/// what the app ships passes its own rule.
pub fn straight_path(status: &str, user: &str, at: &str) -> Vec<StatusChange> {
    const PATH: [&str; 5] = [
        "draft",
        "pending_review",
        "validated",
        "published",
        "archived",
    ];
    let end = PATH.iter().position(|s| *s == status).unwrap_or(0);
    (0..=end)
        .map(|k| StatusChange {
            from_status: (k > 0).then(|| PATH[k - 1].to_string()),
            to_status: PATH[k].to_string(),
            changed_by: Some(user.to_string()),
            changed_at: at.to_string(),
            note: None,
        })
        .collect()
}

/// The current UTC time as the schema writes it (`2026-03-01T09:30:00.123Z`).
pub fn now_timestamp() -> String {
    timestamp_at(std::time::SystemTime::now())
}

/// A time as the schema writes it.
pub fn timestamp_at(time: std::time::SystemTime) -> String {
    let since = time
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = since.as_secs();
    let (days, rem) = ((secs / 86_400) as i64, secs % 86_400);
    // Howard Hinnant's days-to-civil, for the proleptic Gregorian calendar.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        since.subsec_millis()
    )
}

/// (date, seconds of the day, nanoseconds): comparable whatever the number of decimals.
type Stamp = (u32, u32, u32);

/// `YYYY-MM-DDTHH:MM:SS` with an optional fraction of 1 to 9 digits and a final `Z`, as the
/// schema's `strftime('%Y-%m-%dT%H:%M:%fZ')` and `gen` write them.
pub fn parse_timestamp(s: &str) -> Option<Stamp> {
    let rest = s.strip_suffix('Z')?;
    let (date, time) = rest.split_once('T')?;
    if !crate::catalog::validate::is_date(date) {
        return None;
    }
    let (hms, fraction) = match time.split_once('.') {
        Some((hms, f)) => (hms, Some(f)),
        None => (time, None),
    };
    let b = hms.as_bytes();
    if b.len() != 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let t = hms.get(r)?;
        t.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| t.parse().ok())?
    };
    let (h, m, sec) = (num(0..2)?, num(3..5)?, num(6..8)?);
    if h > 23 || m > 59 || sec > 59 {
        return None;
    }
    let nanos = match fraction {
        None => 0,
        Some(f) if (1..=9).contains(&f.len()) && f.bytes().all(|c| c.is_ascii_digit()) => {
            f.parse::<u32>().ok()? * 10u32.pow(9 - f.len() as u32)
        }
        Some(_) => return None,
    };
    let day: u32 = date.replace('-', "").parse().ok()?;
    Some((day, h * 3600 + m * 60 + sec, nanos))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_straight_path_passes_the_rule() {
        for status in crate::catalog::enums::VALIDATION_STATUSES {
            let path = straight_path(status, "me", &now_timestamp());
            assert_eq!(chain_problems(status, &path), Vec::new(), "{status}");
        }
        assert!(parse_timestamp(&now_timestamp()).is_some());
    }

    #[test]
    fn timestamps() {
        assert!(parse_timestamp("2026-03-01T09:30:00Z").is_some());
        assert_eq!(
            parse_timestamp("2026-03-01T09:30:00.5Z"),
            parse_timestamp("2026-03-01T09:30:00.500Z")
        );
        for bad in [
            "yesterday",
            "2026-02-30T00:00:00Z",
            "2026-03-01 09:30:00",
            "2026-03-01T24:00:00Z",
            "2026-03-01T09:30:00.Z",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }
}
