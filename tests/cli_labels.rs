//! Issue 13, consistency: the CLI's `list` and `show` use the one label of each code, as the
//! app does; `--json` keeps the codes for scripts.

#[path = "common/cli_run.rs"]
mod cli_run;
use cli_run::*;

#[test]
fn list_and_show_use_the_labels_and_json_keeps_the_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    assert!(run(&db, &["init"]).status.success());
    assert!(run(&db, &["demo"]).status.success());

    let list = stdout(&run(&db, &["list"]));
    assert!(
        list.contains("1 ideal") && list.contains("Pending review"),
        "{list}"
    );
    assert!(
        !list.contains("tier_1_ideal") && !list.contains("pending_review"),
        "{list}"
    );

    let json = stdout(&run(&db, &["list", "--json"]));
    assert!(json.contains("\"tier_1_ideal\"") && json.contains("\"pending_review\""));

    let card = stdout(&run(&db, &["show", "vp-medical-affairs-robert-asante"]));
    assert!(card.contains("| Seniority | Vice President |"), "{card}");
    assert!(card.contains("— tier "), "{card}");
    assert!(!card.contains("tier_"), "{card}");
    assert!(
        card.contains("score ") && card.contains(" = base "),
        "{card}"
    );
}
