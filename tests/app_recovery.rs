//! Issue 11, recovery holds everything: the long-text box's text, rows just added, new personas
//! with required fields still empty, invalid values; restored exactly as left, marked unsaved,
//! the popup saying what comes back; files private and named by a hash.

mod common;

use std::path::PathBuf;

use common::{demo_copy, fill, focus_field, goto_tab, keys, render};
use persona_studio::app::{App, Mode};
use persona_studio::catalog::{CHILD_SPECS, child_index, core_index};
use persona_studio::recovery::{self, Recovery};
use persona_studio::store::Store;

/// Writes the app's snapshot to a fresh recovery dir and starts a second app on the same
/// database with the files offered, as a restart does. Returns it and the dir.
fn restart_with_recovery(app: &App) -> (App, PathBuf, Recovery) {
    let r = app
        .recovery_snapshot()
        .expect("unsaved edits make a snapshot");
    let dir = tempfile::tempdir().unwrap().keep().join("recovery");
    recovery::write(&dir, &r).expect("written");
    let db = app.store.path().expect("a file database").to_path_buf();
    let store = Store::open(&db, None, "tester").expect("reopen");
    let mut again = App::new(store, (100, 30));
    let found = recovery::find(&dir, &db.display().to_string(), &again.store.tenant().key);
    assert_eq!(
        found.len(),
        1,
        "the file is found for this database and tenant"
    );
    again.offer_recovery(found);
    (again, dir, r)
}

fn editor(app: &App) -> &persona_studio::app::editor::Editor {
    app.editor.as_ref().expect("editor open")
}

#[test]
fn text_typed_only_in_the_long_text_box_is_recovered() {
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["<Enter>"]);
    goto_tab(&mut app, "Narrative");
    focus_field(&mut app, "background_story");
    keys(
        &mut app,
        &[
            "x",
            "<C-s>",
            "<Enter>",
            "First line",
            "<Enter>",
            "second line",
        ],
    );
    assert_eq!(
        app.mode(),
        Mode::TextBox,
        "still in the box, nothing committed"
    );
    let (mut again, _, _) = restart_with_recovery(&app);
    keys(&mut again, &["r"]);
    assert_eq!(
        editor(&again).draft.text("background_story"),
        Some("First line\nsecond line")
    );
    assert!(editor(&again).is_dirty(), "marked unsaved");
}

#[test]
fn a_new_persona_with_only_a_title_is_restored_and_checked_on_save() {
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["n"]);
    fill(&mut app, "title", "Only a title");
    let (mut again, dir, _) = restart_with_recovery(&app);
    let screen = render(&mut again, 100, 30);
    assert!(screen.contains("(new persona)"), "{screen}");
    assert!(screen.contains("brings back: Title"), "{screen}");
    keys(&mut again, &["r"]);
    let ed = editor(&again);
    assert_eq!(ed.draft.id, None);
    assert_eq!(ed.draft.text("title"), Some("Only a title"));
    assert!(ed.draft.get("name").is_blank() && ed.draft.get("slug").is_blank());
    assert!(ed.is_dirty(), "marked unsaved");
    assert!(!ed.core.has_errors(), "no check runs on restore");
    assert!(
        std::fs::read_dir(&dir).unwrap().next().is_none(),
        "file used up"
    );
    // The check runs on save: refused, with the cursor on the name.
    assert!(!again.save());
    let status = again.status.clone().expect("a reason");
    assert!(status.error && status.text.contains("Name"), "{status:?}");
}

#[test]
fn a_new_persona_with_nothing_filled_in_is_recovered_as_a_new_persona() {
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["n"]);
    let r = app
        .recovery_snapshot()
        .expect("a new persona is kept even before anything is typed");
    assert_eq!(r.persona_id, None);
    let (mut again, _dir, _) = restart_with_recovery(&app);
    let screen = render(&mut again, 100, 30);
    assert!(screen.contains("(new persona)"), "{screen}");
    keys(&mut again, &["r"]);
    let ed = editor(&again);
    assert_eq!(ed.draft.id, None);
    assert!(ed.draft.get("name").is_blank());
}

#[test]
fn a_new_persona_with_nothing_but_a_row_just_added_is_restored_with_the_row_open() {
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["n"]);
    goto_tab(&mut app, "Pain points");
    keys(&mut app, &["o"]);
    assert_eq!(app.mode(), Mode::RowForm);
    let (mut again, _, r) = restart_with_recovery(&app);
    assert!(
        r.changes
            .iter()
            .any(|c| c.starts_with("Pain points: 1 row (1 new)")),
        "{:?}",
        r.changes
    );
    keys(&mut again, &["r"]);
    let li = child_index("pain_points").unwrap();
    assert_eq!(editor(&again).draft.lists[li].len(), 1);
    assert_eq!(editor(&again).row_open, Some((li, 0, true)));
    assert_eq!(again.mode(), Mode::RowForm);
}

#[test]
fn a_cleared_required_field_and_a_bad_row_value_lose_none_of_the_other_edits() {
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["<Enter>"]);
    fill(&mut app, "tagline", "A good edit");
    // Name emptied by typing: "is required", kept as typed.
    focus_field(&mut app, "name");
    keys(&mut app, &["<Enter>", "<C-u>", "<Enter>"]);
    goto_tab(&mut app, "VPANES");
    fill(&mut app, "pain", "11");
    let li = child_index("vpanes_scoring").unwrap();
    let pi = CHILD_SPECS[li].field_index("pain").unwrap();
    assert!(
        editor(&app).lists[li].errors[pi].is_some(),
        "11 is out of range"
    );
    let (mut again, _, r) = restart_with_recovery(&app);
    for label in ["Name", "Tagline", "VPANES"] {
        assert!(
            r.changes.iter().any(|c| c == label),
            "{label} in {:?}",
            r.changes
        );
    }
    keys(&mut again, &["r"]);
    let ed = editor(&again);
    assert_eq!(ed.draft.text("tagline"), Some("A good edit"));
    let ni = core_index("name").unwrap();
    assert_eq!(ed.core.raw[ni].as_deref(), Some(""));
    assert!(
        ed.core.errors[ni].is_some(),
        "the empty name is shown as it was"
    );
    assert_eq!(ed.lists[li].raw[pi].as_deref(), Some("11"));
    assert!(ed.is_dirty());
}

#[test]
fn a_value_of_the_wrong_type_in_the_file_comes_back_as_typed_text() {
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["<Enter>"]);
    fill(&mut app, "tagline", "Edited");
    let (mut again, dir, mut r) = restart_with_recovery(&app);
    // A file edited by hand: a number where text was, text where a number was.
    r.persona["ai_maturity_score"] = serde_json::json!("seventy");
    for e in std::fs::read_dir(&dir).unwrap() {
        std::fs::remove_file(e.unwrap().path()).unwrap();
    }
    again.popups.clear();
    again.offer_recovery(vec![(recovery::write(&dir, &r).unwrap(), r)]);
    keys(&mut again, &["r"]);
    let ed = editor(&again);
    let i = core_index("ai_maturity_score").unwrap();
    assert_eq!(ed.core.raw[i].as_deref(), Some("seventy"));
    assert_eq!(ed.draft.text("tagline"), Some("Edited"));
}

#[test]
fn recovery_files_are_private_and_named_by_a_hash_not_the_tenant() {
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["<Enter>"]);
    fill(&mut app, "tagline", "Edited");
    let r = app.recovery_snapshot().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = recovery::write(dir.path(), &r).unwrap();
    let name = path.file_name().unwrap().to_str().unwrap().to_string();
    assert!(
        name.starts_with(&recovery::file_prefix(&r.db, &r.tenant)),
        "{name}"
    );
    assert!(
        !name.contains(&r.tenant),
        "{name} holds the tenant key {}",
        r.tenant
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{name}");
    }
}

#[test]
fn no_snapshot_without_edits_and_an_unchanged_box_is_no_edit() {
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["<Enter>"]);
    assert!(app.recovery_snapshot().is_none());
    goto_tab(&mut app, "Narrative");
    focus_field(&mut app, "background_story");
    keys(&mut app, &["<Enter>"]);
    assert!(
        app.recovery_snapshot().is_none(),
        "the box opened, nothing typed"
    );
    keys(&mut app, &["x"]);
    let r = app.recovery_snapshot().expect("a letter typed in the box");
    assert_eq!(r.changes, vec!["Background story".to_string()]);
}
