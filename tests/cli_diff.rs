//! `persona-studio diff`: what changed since a persona's last validation (or another move),
//! as text and as JSON; a persona never validated and an unknown slug.

use std::path::Path;

#[path = "common/cli_run.rs"]
mod cli_run;
use cli_run::*;

/// A demo database and the slug of one of its drafts.
fn demo_with_draft(dir: &Path) -> (std::path::PathBuf, String) {
    let db = dir.join("p.db");
    assert!(run(&db, &["init"]).status.success());
    assert!(run(&db, &["demo"]).status.success());
    let o = run(&db, &["list", "--status", "draft", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let slug = list[0]["slug"].as_str().expect("a demo draft").to_string();
    (db, slug)
}

#[test]
fn diff_since_validation_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let (db, slug) = demo_with_draft(dir.path());
    for to in ["pending_review", "validated"] {
        let o = run(&db, &["status", &slug, to, "--note", "looks right"]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let o = run(&db, &["diff", &slug]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("No changes."), "{}", stdout(&o));

    // Edited afterwards by a plain SQL client: a field, one list row changed, one removed.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let pid: String = conn
        .query_row("SELECT id FROM personas WHERE slug = ?1", [&slug], |r| {
            r.get(0)
        })
        .unwrap();
    conn.execute(
        "UPDATE personas SET tagline = 'Changed after review' WHERE id = ?1",
        [&pid],
    )
    .unwrap();
    let rows: Vec<(String, String)> = {
        let mut st = conn
            .prepare("SELECT id, pain_point FROM persona_pain_points WHERE persona_id = ?1 ORDER BY sequence_order")
            .unwrap();
        st.query_map([&pid], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(rows.len() >= 2, "the demo draft has pain points");
    conn.execute(
        "UPDATE persona_pain_points SET pain_point = 'Reworded pain' WHERE id = ?1",
        [&rows[0].0],
    )
    .unwrap();
    conn.execute(
        "DELETE FROM persona_pain_points WHERE id = ?1",
        [&rows[1].0],
    )
    .unwrap();
    drop(conn);

    let o = run(&db, &["diff", &slug, "--since", "validated"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with(&format!("{slug}: changes since validated at ")),
        "{text}"
    );
    assert!(text.contains("by cli-tester"), "{text}");
    assert!(text.contains("\"Changed after review\""), "{text}");
    assert!(text.contains("Pain points (2 row(s) changed)"), "{text}");
    assert!(text.contains("  ~ changed \"Reworded pain\""), "{text}");
    assert!(
        text.contains(&format!("  - removed \"{}\"", rows[1].1)),
        "{text}"
    );

    let o = run(&db, &["diff", &slug, "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["slug"], slug.as_str());
    assert_eq!(j["since"]["to_status"], "validated");
    assert_eq!(j["since"]["note"], "looks right");
    let fields = j["changes"]["fields"].as_array().unwrap();
    assert!(
        fields
            .iter()
            .any(|f| f["field"] == "tagline" && f["after"] == "Changed after review"),
        "{j}"
    );
    let pains = &j["changes"]["lists"][0];
    assert_eq!(pains["list"], "pain_points");
    assert_eq!(pains["rows"][0]["change"], "changed");
    assert_eq!(pains["rows"][0]["id"], rows[0].0.as_str());
    assert_eq!(pains["rows"][1]["change"], "removed");

    // Since the submission: the same edits (nothing changed between submit and approval but
    // the status).
    let o = run(&db, &["diff", &slug, "--since", "pending_review"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Validation status: \"pending_review\" → \"validated\""),
        "{}",
        stdout(&o)
    );
    // The time of the validation picks the same move as --since validated.
    let o = run(&db, &["history", &slug, "--json"]);
    let h: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let at = h
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|e| e["to_status"] == "validated")
        .unwrap()["changed_at"]
        .as_str()
        .unwrap()
        .to_string();
    let by_time = run(&db, &["diff", &slug, "--since", &at]);
    assert_eq!(by_time.status.code(), Some(0), "{}", stderr(&by_time));
    let by_status = run(&db, &["diff", &slug, "--since", "validated"]);
    assert_eq!(stdout(&by_time), stdout(&by_status));
    // A time before any move of this persona has nothing to compare with.
    let o = run(&db, &["diff", &slug, "--since", "2000-01-01"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let o = run(&db, &["diff", &slug, "--since", "yesterday"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--since"), "{}", stderr(&o));
}

#[test]
fn a_persona_never_validated_and_an_unknown_slug() {
    let dir = tempfile::tempdir().unwrap();
    let (db, slug) = demo_with_draft(dir.path());
    let o = run(&db, &["diff", &slug]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stdout(&o).is_empty());
    assert!(
        stderr(&o).contains("was never moved to validated: nothing to compare with"),
        "{}",
        stderr(&o)
    );
    let o = run(&db, &["diff", "no-such-persona"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no-such-persona"), "{}", stderr(&o));
}

#[test]
fn history_lists_an_edit_after_validation_and_an_identical_import_is_no_edit() {
    let dir = tempfile::tempdir().unwrap();
    let (db, slug) = demo_with_draft(dir.path());
    for to in ["pending_review", "validated"] {
        assert!(run(&db, &["status", &slug, to]).status.success());
    }
    // Re-importing the persona unchanged replaces its rows but edits nothing.
    let bundle = dir.path().join("b.json");
    let o = run(&db, &["export", &slug, "-o", bundle.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&db, &["import", bundle.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&db, &["history", &slug]);
    assert!(
        !stdout(&o).contains("edited after validation"),
        "{}",
        stdout(&o)
    );
    // Imported with a new tagline: an edit after validation, listed after the validation.
    let text = std::fs::read_to_string(&bundle).unwrap();
    let mut j: serde_json::Value = serde_json::from_str(&text).unwrap();
    j["personas"][0]["tagline"] = "Imported change".into();
    std::fs::write(&bundle, j.to_string()).unwrap();
    let o = run(&db, &["import", bundle.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&db, &["history", &slug]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    let last = lines.last().unwrap();
    assert!(
        last.contains("edited after validation (validated)") && last.contains("cli-tester"),
        "{out}"
    );
    let o = run(&db, &["diff", &slug]);
    assert!(stdout(&o).contains("\"Imported change\""), "{}", stdout(&o));
}
