//! Issue 13, consistency: one label for each code on every screen (`catalog::labels`).

mod common;
use common::*;

/// A seniority code reads as its lookup's display name in the browser, the pick-list and
/// the card, never as the humanised code ("Vp").
#[test]
fn a_lookup_code_has_one_label_everywhere() {
    let mut app = demo_copy((160, 40));
    keys(&mut app, &["/", "Robert Asante", "<Enter>"]);
    let browser = render(&mut app, 160, 40);
    assert!(browser.contains("Vice President"), "{browser}");
    assert!(!browser.contains(" Vp "), "{browser}");

    keys(&mut app, &["<Enter>"]);
    goto_tab(&mut app, "Profile");
    focus_field(&mut app, "seniority_level");
    let form = render(&mut app, 160, 40);
    assert!(form.contains("Vice President"), "{form}");
    keys(&mut app, &["<Enter>"]);
    let pick = render(&mut app, 160, 40);
    assert!(pick.contains("Vice President"), "{pick}");
    assert!(!pick.contains(" Vp "), "{pick}");

    let p = app.editor.as_ref().unwrap().draft.clone();
    let card = persona_studio::model::markdown::persona_markdown(&p, app.store.lookups());
    assert!(card.contains("| Seniority | Vice President |"), "{card}");
}

/// A tier reads the same in the browser, its filter chip, the sidebar and the card.
#[test]
fn a_tier_has_one_label_everywhere() {
    let mut app = demo_copy((160, 40));
    // The tier filter's pick-list: "1 ideal" is the first value after "any".
    keys(&mut app, &["t"]);
    let pick = render(&mut app, 160, 40);
    assert!(pick.contains("1 ideal  (4)"), "{pick}");
    keys(&mut app, &["j", "<Enter>"]);
    let browser = render(&mut app, 160, 40);
    assert!(browser.contains("tier:1 ideal"), "{browser}");
    assert!(browser.contains("1 ideal"), "{browser}");
    assert!(!browser.contains("tier_1_ideal"), "{browser}");
    keys(&mut app, &["<Enter>"]);
    let editor = render(&mut app, 160, 40);
    assert!(editor.contains("tier 1 ideal"), "{editor}");
    assert!(!editor.contains("tier_1_ideal"), "{editor}");
    let p = app.editor.as_ref().unwrap().draft.clone();
    let card = persona_studio::model::markdown::persona_markdown(&p, app.store.lookups());
    assert!(
        card.contains("tier 1 ideal") && !card.contains("tier_1_ideal"),
        "{card}"
    );
}
