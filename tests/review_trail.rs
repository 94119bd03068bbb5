//! Issue 13, "Review that leaves a trail, and shows what changed", driven by keys: the warning
//! on the first edit under review and the "edited after validation" record, the diff view from
//! History, the queue and the palette, the readiness question at a save, and the snapshots
//! (written with their move, never forged, kept by a sync, equal to the persona as stored).
//! The notes of moves and the queue's columns are in `review_notes.rs`.

mod common;

use common::{demo_copy, fill, focus_field, goto_tab, keys, render};
use persona_studio::app::popup::Popup;
use persona_studio::app::{App, Mode};
use persona_studio::model::Value;

const VALIDATED: &str = "regulatory-affairs-manager-ingrid-halvorsen";

fn open(app: &mut App, slug: &str) {
    let p = app.store.load_by_slug(slug).unwrap();
    app.open_editor(p);
}

/// The open diff view's title and lines.
fn diff_view(app: &App) -> (&String, &Vec<String>) {
    let Some(Popup::Diff { title, lines, .. }) = app.popups.last() else {
        panic!("the diff view is open: {:?}", app.status);
    };
    (title, lines)
}

fn status_of(app: &App, slug: &str) -> String {
    app.store
        .load_by_slug(slug)
        .unwrap()
        .text("validation_status")
        .unwrap_or_default()
        .to_string()
}

fn status_text(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// Sends keys one at a time; the status line after each.
fn statuses(app: &mut App, script: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for item in script {
        let one: Vec<String> = if item.starts_with('<') {
            vec![item.to_string()]
        } else {
            item.chars().map(String::from).collect()
        };
        for k in one {
            keys(app, &[k.as_str()]);
            out.push(status_text(app));
        }
    }
    out
}

#[test]
fn editing_under_review_warns_once_and_a_save_after_validation_is_recorded() {
    let mut app = demo_copy((80, 24));
    open(&mut app, VALIDATED);
    goto_tab(&mut app, "Identity");
    focus_field(&mut app, "tagline");
    let seen = statuses(&mut app, &["<Enter>", "<C-u>", "A sharper line", "<Enter>"]);
    let warned: Vec<&String> = seen
        .iter()
        .filter(|s| s.contains("Note: this persona is validated"))
        .collect();
    assert_eq!(warned.len(), 1, "{seen:?}");
    assert!(warned[0].contains("edited after validation") && warned[0].contains("kept"));
    assert!(render(&mut app, 80, 24).contains("⚠ validated: a save is recorded"));
    let seen = statuses(
        &mut app,
        &["<Enter>", "<C-u>", "An even sharper line", "<Enter>"],
    );
    assert!(
        seen.iter().all(|s| !s.contains("Note: this persona")),
        "warned once only: {seen:?}"
    );
    assert_eq!(
        app.editor.as_ref().unwrap().draft.text("tagline"),
        Some("An even sharper line"),
        "the change is kept"
    );
    keys(&mut app, &["<C-s>"]);
    let id = app.editor.as_ref().unwrap().draft.id.clone().unwrap();
    let events = app.store.review_events(&id).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, "edited_after_validation");
    assert_eq!(events[0].changed_by.as_deref(), Some("tester"));
    // A save with nothing changed records nothing.
    keys(&mut app, &["<C-s>"]);
    assert_eq!(app.store.review_events(&id).unwrap().len(), 1);
    goto_tab(&mut app, "History");
    let screen = render(&mut app, 160, 40);
    assert!(
        screen.contains("✎ edited after validation (validated) · tester"),
        "{screen}"
    );
    // A draft warns about nothing.
    let mut app = demo_copy((80, 24));
    open(&mut app, "senior-biostatistician-lena-fischer");
    goto_tab(&mut app, "Identity");
    focus_field(&mut app, "tagline");
    let seen = statuses(&mut app, &["<Enter>", "<C-u>", "Draft line", "<Enter>"]);
    assert!(
        seen.iter().all(|s| !s.contains("Note: this persona")),
        "{seen:?}"
    );
    keys(&mut app, &["<C-s>"]);
    let id = app.editor.as_ref().unwrap().draft.id.clone().unwrap();
    assert!(app.store.review_events(&id).unwrap().is_empty());
    // Pending review warns that the reviewer will see it.
    let mut app = demo_copy((80, 24));
    keys(&mut app, &["v", "<Enter>"]);
    goto_tab(&mut app, "Identity");
    focus_field(&mut app, "tagline");
    let seen = statuses(&mut app, &["<Enter>", "<C-u>", "Under review", "<Enter>"]);
    assert!(
        seen.iter().any(|s| s.contains("waiting for review")),
        "{seen:?}"
    );
}

#[test]
fn what_changed_from_history_the_queue_and_the_palette() {
    let mut app = demo_copy((80, 24));
    open(&mut app, VALIDATED);
    goto_tab(&mut app, "Identity");
    fill(&mut app, "tagline", "Changed after validation");
    keys(&mut app, &["<C-s>"]);
    goto_tab(&mut app, "History");
    keys(&mut app, &["="]);
    let (title, lines) = diff_view(&app);
    assert!(title.contains("since validated at"), "{title}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Tagline:") && l.contains("\"Changed after validation\"")),
        "{lines:?}"
    );
    keys(&mut app, &["<Esc>"]);
    assert_eq!(app.mode(), Mode::History);
    // The palette's "what changed".
    keys(&mut app, &[":", "what changed", "<Enter>"]);
    assert_eq!(app.mode(), Mode::Diff);
    keys(&mut app, &["q"]);
    // Two moves picked: the published persona's moves were imported with one snapshot, so
    // the diff between its submission and its validation is empty.
    let mut app = demo_copy((80, 24));
    open(&mut app, "msl-oncology-amara-okafor");
    goto_tab(&mut app, "History");
    keys(&mut app, &[" ", "j", "="]);
    let (title, lines) = diff_view(&app);
    assert!(
        title.starts_with("What changed from validated at"),
        "{title}"
    );
    assert!(title.contains("to published at"), "{title}");
    assert_eq!(lines, &vec!["No changes.".to_string()]);
    // The queue: a persona never validated says so.
    let mut app = demo_copy((80, 24));
    keys(&mut app, &["v", "="]);
    assert!(app.popups.is_empty());
    assert!(
        status_text(&app)
            .contains("Nothing to compare with: the persona was never moved to validated"),
        "{:?}",
        app.status
    );
    // Sent back, edited, resubmitted: = in the queue shows the edit since its validation.
    let mut app = demo_copy((80, 24));
    let id = app.store.load_by_slug(VALIDATED).unwrap().id.unwrap();
    app.store
        .move_status(&id, "draft", Some("redo the goals"), None)
        .unwrap();
    let mut p = app.store.load(&id).unwrap();
    p.set("tagline", Value::text("Reworked"));
    app.store.save(&p).unwrap();
    app.store
        .move_status(&id, "pending_review", None, None)
        .unwrap();
    keys(&mut app, &["v"]);
    let at = app.queue.rows.iter().position(|r| r.id == id).unwrap();
    app.queue.selected = at;
    keys(&mut app, &["="]);
    let (_, lines) = diff_view(&app);
    assert!(
        lines.iter().any(|l| l.contains("\"Reworked\"")),
        "{lines:?}"
    );
}

#[test]
fn a_readiness_level_that_disagrees_asks_apply_keep_or_cancel() {
    let mut app = demo_copy((80, 24));
    open(&mut app, "senior-biostatistician-lena-fischer");
    let computed = app.editor.as_ref().unwrap().draft.readiness().level;
    let other = if computed == "expert" {
        "beginner"
    } else {
        "expert"
    };
    let ed = app.editor.as_mut().unwrap();
    ed.draft.set("gen_ai_readiness_level", Value::text(other));
    keys(&mut app, &["<C-s>"]);
    assert_eq!(app.mode(), Mode::Menu);
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains(&format!("Readiness: set {other}, computed {computed}"))
            && screen.contains(&format!("Apply {computed} and save"))
            && screen.contains(&format!("Keep {other} and save (check reports it)")),
        "{screen}"
    );
    // Cancel: nothing saved, the edit kept.
    keys(&mut app, &["<Down>", "<Down>", "<Enter>"]);
    let stored = app
        .store
        .load_by_slug("senior-biostatistician-lena-fischer")
        .unwrap();
    assert_ne!(stored.text("gen_ai_readiness_level"), Some(other));
    assert!(app.editor.as_ref().unwrap().is_dirty());
    // Keep: saved as chosen; check still reports it (the design computes the level).
    keys(&mut app, &["<C-s>", "<Down>", "<Enter>"]);
    let stored = app
        .store
        .load_by_slug("senior-biostatistician-lena-fischer")
        .unwrap();
    assert_eq!(stored.text("gen_ai_readiness_level"), Some(other));
    assert!(!app.editor.as_ref().unwrap().is_dirty());
    let report = app.store.check().unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("senior-biostatistician-lena-fischer")),
        "{:?}",
        report.problems
    );
    // The next save asks again; apply puts the computed level and saves.
    keys(&mut app, &["<C-s>"]);
    assert_eq!(app.mode(), Mode::Menu);
    keys(&mut app, &["<Enter>"]);
    let stored = app
        .store
        .load_by_slug("senior-biostatistician-lena-fischer")
        .unwrap();
    assert_eq!(stored.text("gen_ai_readiness_level"), Some(computed));
    assert!(app.store.check().unwrap().problems.is_empty());
}

#[test]
fn snapshots_are_written_with_the_move_and_cannot_be_forged() {
    let mut app = demo_copy((80, 24));
    let id = app
        .store
        .load_by_slug("senior-biostatistician-lena-fischer")
        .unwrap()
        .id
        .unwrap();
    let before = app.store.snapshots(&id).unwrap();
    assert!(
        before.iter().all(Option::is_none),
        "a draft's creation has no snapshot"
    );
    app.store
        .move_status(&id, "pending_review", Some("first look"), None)
        .unwrap();
    let snaps = app.store.snapshots(&id).unwrap();
    let h = app.store.history(&id).unwrap();
    assert_eq!(snaps.len(), h.len());
    let last = snaps.last().unwrap().as_ref().expect("the move's snapshot");
    assert_eq!(last["validation_status"], "pending_review");
    assert!(last.get("status_history").is_none());
    // Plain SQL may not write, change or delete a snapshot or an event.
    let path = app.store.path().unwrap().to_path_buf();
    let conn = rusqlite::Connection::open(path).unwrap();
    for sql in [
        "UPDATE review_snapshots SET persona_json = '{}'",
        "DELETE FROM review_snapshots",
        "INSERT INTO review_snapshots (history_id, persona_id, tenant_id, persona_json) \
         SELECT id, persona_id, tenant_id, '{}' FROM persona_status_history LIMIT 1",
        "INSERT INTO review_events (persona_id, tenant_id, kind, status) \
         SELECT id, tenant_id, 'edited_after_validation', 'validated' FROM personas LIMIT 1",
    ] {
        let e = conn.execute(sql, []).expect_err(sql);
        assert!(e.to_string().contains("review_"), "{sql}: {e}");
    }
}

#[test]
fn a_move_whose_snapshot_cannot_be_written_does_not_happen() {
    let mut app = demo_copy((80, 24));
    let id = app
        .store
        .load_by_slug("senior-biostatistician-lena-fischer")
        .unwrap()
        .id
        .unwrap();
    let path = app.store.path().unwrap().to_path_buf();
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER test_no_snapshots BEFORE INSERT ON review_snapshots \
         BEGIN SELECT RAISE(ABORT, 'snapshot refused by the test'); END;",
    )
    .unwrap();
    let before = app.store.history(&id).unwrap().len();
    let err = app
        .store
        .move_status(&id, "pending_review", Some("look"), None)
        .expect_err("the snapshot's failure fails the move");
    assert!(err.to_string().contains("snapshot refused"), "{err}");
    assert_eq!(
        status_of(&app, "senior-biostatistician-lena-fischer"),
        "draft"
    );
    assert_eq!(
        app.store.history(&id).unwrap().len(),
        before,
        "no history row either"
    );
}

#[test]
fn a_persona_written_again_by_a_sync_keeps_its_snapshots_and_events() {
    let mut app = demo_copy((80, 24));
    let id = app.store.load_by_slug(VALIDATED).unwrap().id.unwrap();
    let mut p = app.store.load(&id).unwrap();
    p.set("tagline", Value::text("Edited after validation"));
    app.store.save(&p).unwrap();
    let snaps_before = app.store.snapshots(&id).unwrap();
    assert!(snaps_before.iter().any(Option::is_some));
    assert_eq!(app.store.review_events(&id).unwrap().len(), 1);
    // The sync writes the persona again (delete and write, with its history), as a pull does.
    let mut theirs = app.store.load(&id).unwrap();
    theirs.set("validated_by", Value::text("tester"));
    app.store
        .with_sync_state(|st, scope| st.save_synced(scope, &theirs, "{}", "remote-hash", true))
        .unwrap();
    assert_eq!(app.store.snapshots(&id).unwrap(), snaps_before);
    assert_eq!(app.store.review_events(&id).unwrap().len(), 1);
    let pulled = app.store.load(&id).unwrap();
    app.store
        .with_sync_state(|st, scope| {
            let mut p = pulled.clone();
            p.set("validated_by", Value::text("tester"));
            st.save_pulled(scope, &[(p, "{}".into(), "remote-hash".into())])
        })
        .unwrap();
    assert_eq!(app.store.snapshots(&id).unwrap(), snaps_before);
    assert_eq!(app.store.review_events(&id).unwrap().len(), 1);
}

/// An imported persona's snapshot is made from the persona as written, not read back: it
/// must equal the persona as read, for the demo and for generated personas of every shape.
#[test]
fn an_imported_snapshot_is_the_persona_as_stored() {
    use persona_studio::diff::{diff, snapshot};
    let mut source = persona_studio::store::Store::open_in_memory(None, "tester").unwrap();
    persona_studio::r#gen::generate(&mut source, 60, 7).unwrap();
    let mut personas = Vec::new();
    for s in source
        .summaries(
            &Default::default(),
            persona_studio::store::SortKey::Name,
            false,
            0,
            1000,
        )
        .unwrap()
    {
        personas.push(source.load(&s.id).unwrap());
    }
    // Through the bundle, as `import` reads a file.
    let text = persona_studio::model::json::bundle_to_json(&personas);
    let personas = persona_studio::model::json::bundle_from_json(&text, None).unwrap();
    let demo = demo_copy((80, 24));
    let mut target = persona_studio::store::Store::open_in_memory(None, "tester").unwrap();
    target.save_all(&personas).unwrap();
    let mut checked = 0;
    for store in [&demo.store, &target] {
        for s in store
            .summaries(
                &Default::default(),
                persona_studio::store::SortKey::Name,
                false,
                0,
                1000,
            )
            .unwrap()
        {
            let now = snapshot::to_json(&store.load(&s.id).unwrap());
            for snap in store.snapshots(&s.id).unwrap().into_iter().flatten() {
                let d = diff(&snap, &now);
                assert!(d.is_empty(), "{}: {d:?}", s.slug);
                assert_eq!(snap, now, "{}", s.slug);
                checked += 1;
            }
        }
    }
    assert!(checked > 40, "snapshots compared: {checked}");
}
