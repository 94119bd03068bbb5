//! The app driven by keys without a terminal: browser, search, filters, editor, sidebar, save.

mod common;
use common::*;

use persona_studio::app::Effect;
use persona_studio::model::Value;

#[test]
fn browser_snapshot_at_80x24() {
    let mut app = app();
    insta::assert_snapshot!("browser_80x24", render(&mut app, 80, 24));
}

#[test]
fn browser_wide_shows_all_columns() {
    let mut app = app();
    let screen = render(&mut app, 200, 30);
    for h in [
        "Name",
        "Title",
        "Archetype",
        "Function",
        "Seniority",
        "Status",
        "Tier",
        "Updated",
    ] {
        assert!(screen.contains(h), "missing column {h}:\n{screen}");
    }
}

#[test]
fn search_as_you_type_across_lists_and_escape_clears() {
    let mut app = app();
    let all = app.browser.total;
    assert!(all >= 12);
    keys(&mut app, &["/", "oncology"]);
    let n = app.browser.total;
    assert!(n >= 1 && n < all, "oncology matched {n} of {all}");
    // A word that only occurs in a list row (a pain point) of one persona is found too.
    let store = &app.store;
    let p = store.load_by_slug("msl-oncology-amara-okafor").unwrap();
    let pain = p.list("pain_points")[0].values[0].to_string();
    let word = pain
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    keys(&mut app, &["<Esc>", "/", &word, "<Enter>"]);
    assert!(app.browser.total >= 1);
    assert!(
        app.browser
            .rows
            .iter()
            .any(|r| r.slug == "msl-oncology-amara-okafor"),
        "pain point word {word} not found"
    );
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains(&format!("/{word}")),
        "chip missing:\n{screen}"
    );
    keys(&mut app, &["<Esc>"]);
    assert_eq!(app.browser.total, all);
    assert!(app.browser.filter.text.is_empty());
}

#[test]
fn filters_show_as_chips_and_pick() {
    let mut app = app();
    let all = app.browser.total;
    // Each filter key opens a pick-list ("any" first): j Enter picks the first value.
    keys(&mut app, &["a", "j", "<Enter>"]);
    assert_eq!(app.browser.filter.archetype.as_deref(), Some("AUTOMATOR"));
    assert!(
        app.browser
            .rows
            .iter()
            .all(|r| r.archetype.as_deref() == Some("AUTOMATOR"))
    );
    assert!(app.browser.total < all);
    keys(&mut app, &["s", "j", "<Enter>"]);
    assert_eq!(app.browser.filter.status.as_deref(), Some("draft"));
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("archetype:AUTOMATOR") && screen.contains("status:Draft"),
        "{screen}"
    );
    keys(&mut app, &["c"]);
    assert_eq!(app.browser.total, all);
    keys(&mut app, &["t", "j", "<Enter>"]);
    assert!(
        app.browser
            .rows
            .iter()
            .all(|r| r.priority_tier.as_deref() == Some("tier_1_ideal"))
    );
    keys(&mut app, &["c", "f", "j", "<Enter>"]);
    let f = app
        .browser
        .filter
        .function
        .clone()
        .expect("a function filter");
    assert!(
        app.browser
            .rows
            .iter()
            .all(|r| r.function_name.as_deref() == Some(f.as_str()))
    );
}

#[test]
fn sorting_by_column_and_reverse() {
    let mut app = app();
    let first = app.browser.rows[0].name.clone();
    keys(&mut app, &["O"]);
    assert!(app.browser.descending);
    assert_ne!(app.browser.rows[0].name, first);
    keys(&mut app, &["o"]);
    assert_eq!(app.browser.sort, persona_studio::store::SortKey::Title);
}

#[test]
fn movement_keys_and_quit() {
    let mut app = app();
    keys(&mut app, &["j", "j", "<Down>"]);
    assert_eq!(app.browser.selected, 3);
    keys(&mut app, &["k"]);
    assert_eq!(app.browser.selected, 2);
    keys(&mut app, &["G"]);
    assert_eq!(app.browser.selected, app.browser.total - 1);
    keys(&mut app, &["g"]);
    assert_eq!(app.browser.selected, 0);
    assert_eq!(keys(&mut app, &["q"]), vec![Effect::Quit]);
}

#[test]
fn new_persona_typed_and_saved_in_one_go() {
    let mut app = empty_app();
    keys(&mut app, &["n"]);
    fill(&mut app, "name", "Nadia Verhoeven");
    fill(&mut app, "title", "Medical Science Liaison, Rare Disease");
    assert!(app.editor.as_ref().unwrap().is_dirty());
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("● unsaved"), "{screen}");
    goto_tab(&mut app, "Archetype");
    fill(&mut app, "ai_maturity_score", "72.5");
    keys(&mut app, &["<C-s>"]);
    assert!(!app.editor.as_ref().unwrap().is_dirty(), "{:?}", app.status);
    let p = app
        .store
        .load_by_slug("nadia-verhoeven")
        .expect("saved with a slug from the name");
    assert_eq!(
        p.get("title"),
        &Value::text("Medical Science Liaison, Rare Disease")
    );
    assert_eq!(p.get("ai_maturity_score"), &Value::Real(72.5));
    assert_eq!(p.get("validation_status"), &Value::text("draft"));
    keys(&mut app, &["<Esc>"]);
    assert!(app.editor.is_none());
    assert_eq!(app.browser.total, 1);
}

#[test]
fn sidebar_follows_each_keystroke() {
    let mut app = app();
    keys(&mut app, &["/", "Aisha", "<Enter>", "<Enter>"]);
    goto_tab(&mut app, "Archetype");
    // Below 100 columns the sidebar starts hidden: b shows it.
    keys(&mut app, &["b"]);
    focus_field(&mut app, "ai_maturity_score");
    keys(&mut app, &["<Enter>", "<C-u>"]);
    let before = render(&mut app, 80, 24);
    insta::assert_snapshot!("editor_sidebar_maturity_empty", before);
    keys(&mut app, &["9"]);
    let r1 = app.editor.as_ref().unwrap().draft.readiness();
    keys(&mut app, &["5"]);
    let r2 = app.editor.as_ref().unwrap().draft.readiness();
    assert!(
        r2.score > r1.score,
        "typing 95 raised the score: {r1:?} -> {r2:?}"
    );
    let after = render(&mut app, 80, 24);
    insta::assert_snapshot!("editor_sidebar_maturity_95", after);
    assert_ne!(before, after);
    // The archetype the scores imply changes too, and the sidebar flags the disagreement.
    assert!(after.contains("differs") || after.contains("✓"));
}

#[test]
fn sidebar_tier_changes_as_vpanes_scores_are_typed() {
    let mut app = app();
    keys(&mut app, &["/", "Aisha", "<Enter>", "<Enter>"]);
    goto_tab(&mut app, "VPANES");
    keys(&mut app, &["b"]);
    let tier = |app: &persona_studio::app::App| {
        let p = &app.editor.as_ref().unwrap().draft;
        persona_studio::rules::vpanes_tier(persona_studio::rules::vpanes_total(p.vpanes_scores()))
    };
    assert_eq!(tier(&app), "tier_4_low");
    let low = render(&mut app, 80, 24);
    assert!(low.contains("tier 4 low") && !low.contains("tier_4_low"));
    for (col, v) in [("visibility", "9"), ("pain", "9"), ("actions", "9")] {
        fill(&mut app, col, v);
    }
    assert_eq!(tier(&app), "tier_2_high");
    fill(&mut app, "needs", "10");
    fill(&mut app, "emotions", "10");
    assert_eq!(tier(&app), "tier_1_ideal");
    let high = render(&mut app, 80, 24);
    insta::assert_snapshot!("editor_vpanes_tier_1", high);
    assert!(high.contains("tier 1 ideal") && !high.contains("tier_1_ideal"));
}

#[test]
fn invalid_value_is_marked_refused_on_save_and_kept() {
    let mut app = app();
    keys(&mut app, &["<Enter>"]);
    let slug = app.editor.as_ref().unwrap().draft.slug().to_string();
    let stored_before = app.store.load_by_slug(&slug).unwrap();
    goto_tab(&mut app, "Archetype");
    fill(&mut app, "ai_maturity_score", "150");
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("from 0 to 100"),
        "no message at the field:\n{screen}"
    );
    // Move away, then save: refused, the field is focused again, the typed text is kept.
    goto_tab(&mut app, "Identity");
    keys(&mut app, &["<C-s>"]);
    let status = app.status.clone().expect("a status message");
    assert!(
        status.error && status.text.contains("AI maturity"),
        "{status:?}"
    );
    let ed = app.editor.as_ref().unwrap();
    assert!(ed.tab_title(ed.tab).starts_with("Archetype"));
    let k = ed.form_key().unwrap();
    let fields = persona_studio::app::editor::Editor::fields(k);
    assert_eq!(fields[ed.focus(k)].name, "ai_maturity_score");
    assert_eq!(ed.core.raw[ed.focus(k)].as_deref(), Some("150"));
    assert_eq!(
        app.store.load_by_slug(&slug).unwrap(),
        stored_before,
        "nothing saved"
    );
}

#[test]
fn required_field_refused_on_save() {
    let mut app = empty_app();
    keys(&mut app, &["n"]);
    fill(&mut app, "title", "Untitled");
    keys(&mut app, &["<C-s>"]);
    let status = app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("Name") && status.text.contains("required"),
        "{status:?}"
    );
    assert_eq!(app.store.count(&Default::default()).unwrap(), 0);
}

#[test]
fn leaving_with_unsaved_changes_asks_save_discard_cancel() {
    let mut app = app();
    keys(&mut app, &["<Enter>"]);
    let slug = app.editor.as_ref().unwrap().draft.slug().to_string();
    fill(&mut app, "tagline", "A changed tagline");
    keys(&mut app, &["<Esc>"]);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Save changes?"), "{screen}");
    keys(&mut app, &["c"]);
    assert!(app.editor.is_some() && app.popups.is_empty());
    keys(&mut app, &["<Esc>", "d"]);
    assert!(app.editor.is_none());
    assert_ne!(
        app.store.load_by_slug(&slug).unwrap().get("tagline"),
        &Value::text("A changed tagline")
    );
    keys(&mut app, &["<Enter>"]);
    fill(&mut app, "tagline", "A saved tagline");
    keys(&mut app, &["<Esc>", "s"]);
    assert!(app.editor.is_none());
    assert_eq!(
        app.store.load_by_slug(&slug).unwrap().get("tagline"),
        &Value::text("A saved tagline")
    );
}

#[test]
fn ctrl_c_with_unsaved_changes_asks_first() {
    let mut app = app();
    keys(&mut app, &["<Enter>"]);
    fill(&mut app, "tagline", "x");
    assert_eq!(keys(&mut app, &["<C-c>"]), vec![Effect::None]);
    assert!(matches!(
        app.popups.last(),
        Some(persona_studio::app::popup::Popup::SaveChanges { .. })
    ));
    assert_eq!(keys(&mut app, &["d"]), vec![Effect::Quit]);
}

#[test]
fn choices_come_from_lists_and_lookups_with_display_names() {
    let mut app = app();
    keys(&mut app, &["<Enter>"]);
    goto_tab(&mut app, "Profile");
    focus_field(&mut app, "seniority_level");
    keys(&mut app, &["<Enter>"]);
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("Vice President") && screen.contains("C-Level Executive"),
        "{screen}"
    );
    keys(&mut app, &["c-level", "<Enter>"]);
    assert_eq!(
        app.editor.as_ref().unwrap().draft.get("seniority_level"),
        &Value::text("c_level")
    );
}

#[test]
fn org_picker_offers_existing_names_and_adds_new_ones() {
    let mut app = app();
    keys(&mut app, &["<Enter>"]);
    goto_tab(&mut app, "Organisation");
    focus_field(&mut app, "function_name");
    keys(&mut app, &["<Enter>"]);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Medical Affairs"), "{screen}");
    keys(&mut app, &["Digital Health", "<Enter>", "<C-s>"]);
    let slug = app.editor.as_ref().unwrap().draft.slug().to_string();
    let p = app.store.load_by_slug(&slug).unwrap();
    assert_eq!(p.get("function_name"), &Value::text("Digital Health"));
    assert_eq!(
        p.get("function_slug"),
        &Value::text("digital-health"),
        "synced by the trigger"
    );
}

#[test]
fn long_text_in_textarea_and_external_editor() {
    let mut app = app();
    keys(&mut app, &["<Enter>"]);
    goto_tab(&mut app, "Narrative");
    focus_field(&mut app, "background_story");
    keys(&mut app, &["<Enter>", "<C-u>"]);
    assert!(matches!(
        app.popups.last(),
        Some(persona_studio::app::popup::Popup::Text { .. })
    ));
    keys(&mut app, &[" Added line.", "<Esc>"]);
    let story = app
        .editor
        .as_ref()
        .unwrap()
        .draft
        .get("background_story")
        .to_string();
    assert!(story.ends_with("Added line."), "{story}");
    let effects = keys(&mut app, &["e"]);
    let Effect::ExternalEdit { form, field, text } = &effects[0] else {
        panic!("expected $EDITOR effect, got {effects:?}")
    };
    assert_eq!(text, &story);
    app.external_edit_done(*form, *field, "From the editor\nsecond line\n".into());
    assert_eq!(
        app.editor.as_ref().unwrap().draft.get("background_story"),
        &Value::text("From the editor\nsecond line")
    );
}

#[test]
fn apply_computed_readiness_and_service_layer() {
    let mut app = app();
    keys(&mut app, &["<Enter>"]);
    goto_tab(&mut app, "Archetype");
    fill(&mut app, "ai_maturity_score", "100");
    goto_tab(&mut app, "Gen-AI");
    keys(&mut app, &["R", "L"]);
    let p = &app.editor.as_ref().unwrap().draft;
    assert_eq!(
        p.get("gen_ai_readiness_level"),
        &Value::text(p.readiness().level)
    );
    assert_eq!(
        p.get("preferred_service_layer"),
        &Value::text(p.inferred_service_layer())
    );
}

#[test]
fn delete_to_trash_and_restore() {
    let mut app = app();
    let all = app.browser.total;
    let name = app.browser.rows[0].name.clone();
    keys(&mut app, &["d"]);
    assert!(render(&mut app, 80, 24).contains("Delete"));
    keys(&mut app, &["n"]);
    assert_eq!(app.browser.total, all, "n keeps it");
    keys(&mut app, &["d", "y"]);
    assert_eq!(app.browser.total, all - 1);
    keys(&mut app, &["T"]);
    assert_eq!(app.browser.total, 1);
    assert_eq!(app.browser.rows[0].name, name);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Trash"), "{screen}");
    keys(&mut app, &["r", "T"]);
    assert_eq!(app.browser.total, all);
}

#[test]
fn duplicate_as_new_draft() {
    let mut app = app();
    let all = app.browser.total;
    keys(&mut app, &["D"]);
    let ed = app.editor.as_ref().unwrap();
    assert!(ed.draft.id.is_none() && ed.is_dirty());
    assert!(ed.draft.name().ends_with("(copy)"));
    let pains = ed.draft.list("pain_points").len();
    keys(&mut app, &["<C-s>", "<Esc>"]);
    assert_eq!(app.browser.total, all + 1);
    let copy = app
        .store
        .load_by_slug(&format!("{}-copy", app.browser.rows[0].slug));
    let copy = copy.or_else(|_| {
        let rows = app
            .store
            .summaries(&Default::default(), Default::default(), false, 0, 100)
            .unwrap();
        let s = rows
            .iter()
            .find(|r| r.name.ends_with("(copy)"))
            .unwrap()
            .slug
            .clone();
        app.store.load_by_slug(&s)
    });
    let copy = copy.unwrap();
    assert_eq!(copy.get("validation_status"), &Value::text("draft"));
    assert_eq!(copy.list("pain_points").len(), pains);
}

#[test]
fn help_and_palette_list_the_same_keymap() {
    let mut app = app();
    keys(&mut app, &["?"]);
    let help = render(&mut app, 80, 24);
    insta::assert_snapshot!("help_browser", help);
    assert!(help.contains("duplicate") && help.contains("D"));
    keys(&mut app, &["<Esc>", ":"]);
    keys(&mut app, &["trash"]);
    let pal = render(&mut app, 80, 24);
    assert!(pal.contains("trash") && pal.contains("T"), "{pal}");
    keys(&mut app, &["<Enter>"]);
    assert!(app.browser.filter.deleted, "palette ran the action");
}

#[test]
fn every_screen_survives_odd_sizes() {
    let mut app = app();
    let screens: &[&[&str]] = &[
        &[],
        &["?"],
        &["<Esc>", ":"],
        &["<Esc>", "<Enter>"],
        &[
            "<Tab>", "<Tab>", "<Tab>", "<Tab>", "<Tab>", "<Tab>", "<Tab>", "<Tab>", "<Tab>",
            "<Tab>",
        ],
        &["o"],
        &[
            "<Esc>", "<Tab>", "<Tab>", "<Tab>", "<Tab>", "<Tab>", "<Tab>", "<Tab>", "<Tab>",
        ],
        &["<Enter>"],
    ];
    for script in screens {
        keys(&mut app, script);
        for (w, h) in [
            (80, 24),
            (20, 5),
            (21, 6),
            (33, 9),
            (1, 1),
            (200, 60),
            (79, 23),
        ] {
            let _ = render(&mut app, w, h);
        }
    }
}
