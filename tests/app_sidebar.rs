//! Issue 13, the editor's sidebar: figures spelled out as the Markdown card spells them, an
//! invalid value shown as invalid and left out of the total, the fields still missing, and a
//! sidebar that can be hidden (and starts hidden below 100 columns).

mod common;
use common::*;
use persona_studio::app::App;

/// The screen with no-break spaces read as spaces.
fn screen(app: &mut App, w: u16, h: u16) -> String {
    render(app, w, h).replace('\u{a0}', " ")
}

/// The sidebar's column of a screen, its lines joined: wrapped text reads as one.
fn sidebar_text(screen: &str) -> String {
    screen
        .lines()
        .filter_map(|l| {
            let chars: Vec<char> = l.chars().collect();
            let n = chars.len();
            (n > 30).then(|| chars[n - 29..n - 1].iter().collect::<String>())
        })
        .map(|s| s.trim().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn readiness_is_spelled_out_as_the_card_spells_it() {
    let mut app = demo_copy((120, 40));
    keys(&mut app, &["/", "Amara", "<Enter>", "<Enter>"]);
    let ed = app.editor.as_ref().unwrap();
    let spelled = ed.draft.readiness().spelled();
    assert_eq!(
        spelled,
        "score 5.60 = base 3.60 + 1 technology + 0 risk + 1 change"
    );
    let card = persona_studio::model::markdown::persona_markdown(&ed.draft, app.store.lookups());
    assert!(card.contains(&spelled), "{card}");
    let side = sidebar_text(&screen(&mut app, 120, 40));
    assert!(side.contains(&spelled), "{side}");
    assert!(side.contains("Advanced"), "the level in words: {side}");
}

#[test]
fn an_out_of_range_score_shows_as_invalid_and_does_not_count() {
    let mut app = demo_copy((120, 40));
    keys(&mut app, &["/", "Aisha", "<Enter>", "<Enter>"]);
    goto_tab(&mut app, "VPANES");
    for (col, v) in [
        ("visibility", "9"),
        ("pain", "9"),
        ("actions", "9"),
        ("needs", "9"),
        ("emotions", "9"),
    ] {
        fill(&mut app, col, v);
    }
    let before = sidebar_text(&screen(&mut app, 120, 40));
    assert!(before.contains("total 46.0 / 60"), "{before}");
    assert!(before.contains("tier 1 ideal"), "{before}");

    // 10.5 typed: the form keeps 10.0, its last valid value, beside the error.
    fill(&mut app, "visibility", "10.5");
    let after = screen(&mut app, 120, 40);
    let side = sidebar_text(&after);
    assert!(side.contains("V 10.5 invalid"), "{side}");
    assert!(
        !side.contains("10.0"),
        "the lingering value is not shown: {side}"
    );
    assert!(
        side.contains("total incomplete (invalid score)"),
        "not counted: {side}"
    );
    assert!(side.contains("tier 4 low"), "{side}");

    // An unparsable score too.
    fill(&mut app, "visibility", "nine");
    let side = sidebar_text(&screen(&mut app, 120, 40));
    assert!(side.contains("V nine invalid"), "{side}");

    // And an invalid AI maturity is not counted in readiness: the design's 50 stands in.
    goto_tab(&mut app, "Archetype");
    fill(&mut app, "ai_maturity_score", "150");
    let side = sidebar_text(&screen(&mut app, 120, 40));
    assert!(
        side.contains("AI maturity 150 invalid, not counted"),
        "{side}"
    );
    assert!(side.contains("base 2.50"), "{side}");
}

#[test]
fn the_fields_still_missing_are_listed() {
    let mut app = demo_copy((120, 40));
    keys(&mut app, &["n"]);
    let side = sidebar_text(&screen(&mut app, 120, 40));
    assert!(side.contains("missing: Name, Slug, Title"), "{side}");
    fill(&mut app, "title", "Field scientist");
    let side = sidebar_text(&screen(&mut app, 120, 40));
    assert!(side.contains("missing: Name, Slug, Tagline"), "{side}");
    let p = &app.editor.as_ref().unwrap().draft;
    let (filled, all) = p.completeness();
    assert_eq!(all - filled, p.missing().len(), "one count for both");
}

#[test]
fn hidden_below_100_columns_and_toggled_with_b_or_the_palette() {
    let mut app = demo_copy((80, 24));
    keys(&mut app, &["<Enter>"]);
    assert!(!screen(&mut app, 80, 24).contains("Live"));
    assert!(screen(&mut app, 100, 30).contains("Live"));
    keys(&mut app, &["b"]);
    assert!(!screen(&mut app, 100, 30).contains("Live"), "b hides it");
    assert!(
        !screen(&mut app, 160, 40).contains("Live"),
        "and it stays hidden"
    );
    keys(&mut app, &[":", "sidebar", "<Enter>"]);
    assert!(
        screen(&mut app, 80, 24).contains("Live"),
        "the palette shows it"
    );
    insta::assert_snapshot!("editor_sidebar_shown_80x24", render(&mut app, 80, 24));
    // The form takes the room the sidebar leaves.
    keys(&mut app, &["b"]);
    insta::assert_snapshot!("editor_sidebar_hidden_80x24", render(&mut app, 80, 24));
}
