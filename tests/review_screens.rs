//! Snapshots of the review trail's screens at 80 and 160 columns: the queue (submitter, wait,
//! last note, tier), History (notes in full) and the diff view.

mod common;

use common::{demo_copy, goto_tab, keys, render};
use persona_studio::model::Value;

const VALIDATED: &str = "regulatory-affairs-manager-ingrid-halvorsen";

/// Times on screen ("2026-12-05 18:09") as a fixed placeholder, so snapshots do not depend on
/// when the test ran.
fn scrub(s: &str) -> String {
    let pat = "dddd-dd-dd dd:dd";
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let fits = i + pat.len() <= chars.len()
            && pat.chars().zip(&chars[i..]).all(|(p, c)| match p {
                'd' => c.is_ascii_digit(),
                other => other == *c,
            });
        if fits {
            out.push_str("YYYY-MM-DD hh:mm");
            i += pat.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The queue, History and the diff view at 80 and 160 columns.
#[test]
fn review_screens_at_80_and_160() {
    for (w, h) in [(80u16, 24u16), (160, 40)] {
        let mut app = demo_copy((w, h));
        let id = app.store.load_by_slug(VALIDATED).unwrap().id.unwrap();
        app.store
            .move_status(
                &id,
                "draft",
                Some("Goals are vague: name the submissions they drive, and the markets"),
                None,
            )
            .unwrap();
        let mut p = app.store.load(&id).unwrap();
        p.set("tagline", Value::text("Gets dossiers through first time"));
        p.lists[0].pop();
        app.store.save(&p).unwrap();
        app.store
            .move_status(&id, "pending_review", Some("Goals rewritten"), None)
            .unwrap();
        keys(&mut app, &["v"]);
        let submitted = app.queue.facts[&id].submitted_at.clone();
        let day: u32 = submitted[8..10].parse().unwrap();
        app.queue.now = Some(format!(
            "{}{:02}{}",
            &submitted[..8],
            day + 3,
            &submitted[10..]
        ));
        insta::assert_snapshot!(format!("queue_{w}x{h}"), scrub(&render(&mut app, w, h)));
        let at = app.queue.rows.iter().position(|r| r.id == id).unwrap();
        app.queue.selected = at;
        keys(&mut app, &["<Enter>"]);
        goto_tab(&mut app, "History");
        insta::assert_snapshot!(format!("history_{w}x{h}"), scrub(&render(&mut app, w, h)));
        keys(&mut app, &["="]);
        insta::assert_snapshot!(format!("diff_{w}x{h}"), scrub(&render(&mut app, w, h)));
    }
}

/// The note box of an approval, and both popups on a terminal far too small for them (no
/// panic, nothing drawn outside).
#[test]
fn the_note_box_at_80_and_tiny_terminals() {
    let mut app = demo_copy((80, 24));
    keys(&mut app, &["v"]);
    // "Now" fixed: the snapshot does not depend on how long the test took.
    let first = app.queue.rows[0].id.clone();
    app.queue.now = Some(app.queue.facts[&first].submitted_at.clone());
    keys(&mut app, &["a", "Checked against the sources."]);
    insta::assert_snapshot!("note_box_80x24", render(&mut app, 80, 24));
    for (w, h) in [(20u16, 6u16), (8, 3), (1, 1)] {
        let screen = render(&mut app, w, h);
        assert_eq!(screen.lines().count(), h as usize);
    }
    keys(&mut app, &["<Esc>", "<Esc>"]);
    let p = app.store.load_by_slug(VALIDATED).unwrap();
    app.open_editor(p);
    goto_tab(&mut app, "History");
    keys(&mut app, &["="]);
    for (w, h) in [(20u16, 6u16), (8, 3), (1, 1)] {
        let screen = render(&mut app, w, h);
        assert_eq!(screen.lines().count(), h as usize);
    }
}
