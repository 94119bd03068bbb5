//! Issue 13, the notes of the review trail, driven by keys: the note of every move (which
//! confirms it, and grows with its text), the queue's submitter, wait, last note and tier, and
//! History read in full.

mod common;

use common::{demo_copy, goto_tab, keys, render};
use persona_studio::app::{App, Mode};

fn open(app: &mut App, slug: &str) {
    let p = app.store.load_by_slug(slug).unwrap();
    app.open_editor(p);
}

fn status_of(app: &App, slug: &str) -> String {
    app.store
        .load_by_slug(slug)
        .unwrap()
        .text("validation_status")
        .unwrap_or_default()
        .to_string()
}

#[test]
fn approve_in_the_queue_shows_the_move_and_records_a_multi_line_note() {
    let mut app = demo_copy((80, 24));
    keys(&mut app, &["v"]);
    let slug = app.queue.rows[0].slug.clone();
    let name = app.queue.rows[0].name.clone();
    keys(&mut app, &["a"]);
    assert_eq!(app.mode(), Mode::Note);
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("Pending review → Validated")
            && screen.contains(&name)
            && screen.contains("Approve (validate): note (optional)")
            && screen.contains("C-S record the move"),
        "{screen}"
    );
    // Esc cancels: nothing moved.
    keys(&mut app, &["<Esc>"]);
    assert_eq!(status_of(&app, &slug), "pending_review");
    keys(
        &mut app,
        &[
            "a",
            "Sources checked.",
            "<Enter>",
            "Ready for the field team.",
        ],
    );
    keys(&mut app, &["<C-s>"]);
    assert_eq!(status_of(&app, &slug), "validated");
    let p = app.store.load_by_slug(&slug).unwrap();
    let h = app.store.history(p.id.as_deref().unwrap()).unwrap();
    assert_eq!(
        h.last().unwrap().note.as_deref(),
        Some("Sources checked.\nReady for the field team.")
    );
}

#[test]
fn a_move_from_the_editor_takes_an_optional_note_and_a_send_back_needs_one() {
    let mut app = demo_copy((80, 24));
    keys(&mut app, &["v"]);
    let slug = app.queue.rows[0].slug.clone();
    keys(&mut app, &["b", "<C-s>"]);
    assert!(
        app.status.as_ref().unwrap().error,
        "empty send-back note refused"
    );
    assert_eq!(app.mode(), Mode::Note, "the box stays open");
    keys(&mut app, &["Needs sources", "<C-s>"]);
    assert_eq!(status_of(&app, &slug), "draft");
    // From the editor: submit without a note.
    open(&mut app, &slug);
    keys(&mut app, &["m", "<Enter>"]);
    assert_eq!(app.mode(), Mode::Note);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Draft → Pending review"), "{screen}");
    keys(&mut app, &["<C-s>"]);
    assert_eq!(status_of(&app, &slug), "pending_review");
    let id = app.editor.as_ref().unwrap().draft.id.clone().unwrap();
    let h = app.store.history(&id).unwrap();
    assert_eq!(h.last().unwrap().note, None);
}

#[test]
fn a_long_note_grows_its_box_and_is_read_in_full_in_history() {
    let mut app = demo_copy((80, 24));
    keys(&mut app, &["v", "b"]);
    let before = render(&mut app, 80, 24);
    let long: Vec<String> = (1..=12)
        .map(|i| format!("Point {i}: the evidence for this claim is thin, the study it leans on is old and small, and the field team needs a source we can cite"))
        .collect();
    for (i, l) in long.iter().enumerate() {
        if i > 0 {
            keys(&mut app, &["<Enter>"]);
        }
        keys(&mut app, &[l.as_str()]);
    }
    let grown = render(&mut app, 80, 24);
    // Centred, the box grows upwards as well: its title moves up.
    let top = |s: &str| {
        s.lines()
            .position(|l| l.contains("note for the author"))
            .unwrap()
    };
    assert!(top(&grown) < top(&before), "the box grows:\n{grown}");
    let slug = app.queue.rows[0].slug.clone();
    keys(&mut app, &["<C-s>"]);
    open(&mut app, &slug);
    goto_tab(&mut app, "History");
    let screen = render(&mut app, 80, 24);
    // Wrapped, not cut: the end of the first point is on screen.
    assert!(
        screen.contains("Point 1") && screen.contains("cite"),
        "{screen}"
    );
    assert!(
        !screen.contains("Point 12"),
        "twelve long points do not fit 24 rows:\n{screen}"
    );
    keys(&mut app, &["<PgDn>"]);
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("Point 12"),
        "PgDn scrolls the long note:\n{screen}"
    );
    keys(&mut app, &["j"]);
    assert_eq!(app.editor.as_ref().unwrap().trail.top, 1);
    let screen = render(&mut app, 80, 24);
    assert!(
        !screen.contains("Point 1"),
        "j goes on to the previous move:\n{screen}"
    );
    keys(&mut app, &["k"]);
    assert!(render(&mut app, 80, 24).contains("Point 1"));
}

#[test]
fn the_queue_shows_submitter_wait_last_note_and_tier_words() {
    let mut app = demo_copy((160, 40));
    keys(&mut app, &["v"]);
    let id = app.queue.rows[1].id.clone();
    let submitted = app.queue.facts[&id].submitted_at.clone();
    // Three days and an hour after the first submission.
    let day: u32 = submitted[8..10].parse().unwrap();
    let later = format!("{}{:02}{}", &submitted[..8], day + 3, &submitted[10..]);
    app.queue.now = Some(later.replacen(
        &submitted[11..13],
        &format!("{:02}", submitted[11..13].parse::<u32>().unwrap() % 23 + 1),
        1,
    ));
    // A note on a send-back and a resubmission: the queue shows the last note.
    let p = app.store.load(&id).unwrap();
    app.store
        .move_status(&id, "draft", Some("Add the day-in-the-life"), None)
        .unwrap();
    app.store
        .move_status(&id, "pending_review", None, None)
        .unwrap();
    drop(p);
    app.reload_queue();
    app.queue.now = Some(later.clone());
    let screen = render(&mut app, 160, 40);
    assert!(
        screen.contains("Submitted by") && screen.contains("Waited"),
        "{screen}"
    );
    assert!(screen.contains("Add the day-in-the-life"), "{screen}");
    assert!(
        screen.contains("2 high") && !screen.contains("tier_2"),
        "{screen}"
    );
    assert!(screen.contains(" 3 d "), "{screen}");
    assert!(screen.contains("tester"), "{screen}");
}
