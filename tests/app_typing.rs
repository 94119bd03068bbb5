//! Issue 11, typing that behaves: a paste of any size arrives whole and at once, Esc cancels a
//! field's edit, Up/Down go on typing in the next field, the long-text box shows its own keys,
//! and undo/redo walk back and forth over fields and list rows.

mod common;

use std::time::{Duration, Instant};

use common::{demo_copy, fill, focus_field, goto_tab, keys, render};
use persona_studio::app::editor::Editor;
use persona_studio::app::editor::undo::UNDO_STEPS;
use persona_studio::app::keymap::Action;
use persona_studio::app::popup::Popup;
use persona_studio::app::{App, Mode, palette_matches};
use persona_studio::catalog::{CHILD_SPECS, child_index};
use persona_studio::model::{Persona, Value};

/// About 100 KB of text in lines, not ending in a line break.
fn hundred_kb() -> String {
    let line = "Quarterly pipeline review notes: 研究開発 and the rest of the team.";
    let mut s = String::new();
    let mut i = 0;
    while s.len() < 100 * 1024 {
        if i > 0 {
            s.push('\n');
        }
        s.push_str(&format!("{i:05} {line}"));
        i += 1;
    }
    s
}

/// A paste and one draw: what the person waits for. The 100 ms target is for the release
/// build; this debug build took 13-25 ms here, but the machine is shared, so the bound is 2 s,
/// which still catches the quadratic field view this replaced (155 s in this build).
const PASTE_AND_DRAW: Duration = Duration::from_secs(2);

fn draft(app: &App) -> &Persona {
    &app.editor.as_ref().expect("editor open").draft
}

fn open_first(size: (u16, u16)) -> App {
    let mut app = demo_copy(size);
    keys(&mut app, &["<Enter>"]);
    assert_eq!(app.mode(), Mode::Form);
    app
}

#[test]
fn a_100_kb_paste_into_the_long_text_box_arrives_whole_and_esc_then_closes_it() {
    let mut app = open_first((100, 30));
    goto_tab(&mut app, "Narrative");
    focus_field(&mut app, "background_story");
    keys(&mut app, &["x", "<Enter>"]);
    assert_eq!(app.mode(), Mode::TextBox);
    let big = hundred_kb();
    let start = Instant::now();
    app.on_paste(&big);
    let screen = render(&mut app, 100, 30);
    let took = start.elapsed();
    assert!(took < PASTE_AND_DRAW, "paste and draw took {took:?}");
    // The box scrolled to the end of the paste, where the cursor is.
    let last = big.lines().last().unwrap();
    assert!(screen.contains(&last[..20]), "{screen}");
    // The next key goes where the user expects: Esc closes the box, keeping the text.
    keys(&mut app, &["<Esc>"]);
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(draft(&app).text("background_story"), Some(big.as_str()));
}

#[test]
fn a_100_kb_paste_into_a_single_line_field_is_one_line_drawn_at_once() {
    let mut app = open_first((100, 30));
    focus_field(&mut app, "tagline");
    keys(&mut app, &["<Enter>", "<C-u>"]);
    let big = hundred_kb();
    let start = Instant::now();
    app.on_paste(&big);
    let screen = render(&mut app, 100, 30);
    let took = start.elapsed();
    assert!(took < PASTE_AND_DRAW, "paste and draw took {took:?}");
    assert!(screen.contains("the team."), "the end shows: {screen}");
    assert_eq!(app.mode(), Mode::Typing, "still typing after the paste");
    keys(&mut app, &["!", "<Enter>"]);
    let want = format!("{}!", big.replace('\n', " "));
    assert_eq!(draft(&app).text("tagline"), Some(want.as_str()));
}

#[test]
fn esc_cancels_the_fields_edit_back_to_its_value_before_enter() {
    let mut app = open_first((80, 24));
    fill(&mut app, "tagline", "kept");
    keys(&mut app, &["<Enter>", "<C-u>", "thrown away", "<Esc>"]);
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(draft(&app).text("tagline"), Some("kept"));

    // An invalid value typed and cancelled leaves neither text nor error behind.
    goto_tab(&mut app, "Archetype");
    fill(&mut app, "ai_maturity_score", "50");
    keys(&mut app, &["<Enter>", "<C-u>", "lots", "<Esc>"]);
    let i = persona_studio::catalog::core_index("ai_maturity_score").unwrap();
    let ed = app.editor.as_ref().unwrap();
    assert_eq!(ed.draft.core[i], Value::Real(50.0));
    assert_eq!(ed.core.raw[i], None);
    assert_eq!(ed.core.errors[i], None);
}

#[test]
fn up_and_down_while_typing_commit_and_go_on_typing_a_column_of_scores() {
    let mut app = open_first((100, 30));
    goto_tab(&mut app, "VPANES");
    focus_field(&mut app, "visibility");
    keys(&mut app, &["<Enter>"]);
    for score in ["3", "4", "5", "2", "1"] {
        keys(&mut app, &["<C-u>", score, "<Down>"]);
        assert_eq!(app.mode(), Mode::Typing, "typing goes on after {score}");
    }
    keys(&mut app, &["<C-u>", "4", "<Up>", "<C-u>", "2.5", "<Enter>"]);
    assert_eq!(app.mode(), Mode::Form);
    let li = child_index("vpanes_scoring").unwrap();
    let spec = &CHILD_SPECS[li];
    let row = &draft(&app).lists[li][0];
    let got: Vec<&Value> = [
        "visibility",
        "pain",
        "actions",
        "needs",
        "emotions",
        "scenarios",
    ]
    .iter()
    .map(|n| row.get(spec, n))
    .collect();
    let want = [3.0, 4.0, 5.0, 2.0, 2.5, 4.0].map(Value::Real);
    assert_eq!(got, want.iter().collect::<Vec<_>>());
}

#[test]
fn the_long_text_box_shows_its_own_keys() {
    let mut app = open_first((100, 30));
    goto_tab(&mut app, "Narrative");
    focus_field(&mut app, "background_story");
    let form_bar = render(&mut app, 100, 30)
        .lines()
        .last()
        .unwrap()
        .to_string();
    assert!(form_bar.contains("Enter edit"), "{form_bar}");
    keys(&mut app, &["<Enter>"]);
    let screen = render(&mut app, 100, 30);
    let bar = screen.lines().last().unwrap();
    assert!(
        bar.contains("Esc done") && bar.contains("C-S save"),
        "{bar}"
    );
    assert!(
        !bar.contains("Enter edit") && !bar.contains("next tab"),
        "no keys of the form under the box: {bar}"
    );
}

#[test]
fn undo_and_redo_walk_over_fields_and_list_rows() {
    let mut app = open_first((100, 30));
    let mut states = vec![draft(&app).clone()];
    fill(&mut app, "tagline", "one");
    states.push(draft(&app).clone());
    fill(&mut app, "title", "two");
    states.push(draft(&app).clone());
    goto_tab(&mut app, "Pain points");
    keys(&mut app, &["o"]);
    assert_eq!(app.mode(), Mode::RowForm);
    states.push(draft(&app).clone());
    fill(&mut app, "pain_point", "Typed in a new row");
    states.push(draft(&app).clone());
    keys(&mut app, &["<Esc>", "K"]);
    states.push(draft(&app).clone());
    keys(&mut app, &["d", "y"]);
    states.push(draft(&app).clone());
    for pair in states.windows(2) {
        assert_ne!(pair[0], pair[1], "each step changes the draft");
    }

    for want in states.iter().rev().skip(1) {
        keys(&mut app, &["<C-z>"]);
        assert_eq!(draft(&app), want);
    }
    keys(&mut app, &["<C-z>"]);
    assert_eq!(draft(&app), &states[0]);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("Nothing to undo"))
    );
    assert!(
        !app.editor.as_ref().unwrap().is_dirty(),
        "back to as loaded"
    );

    for want in states.iter().skip(1) {
        keys(&mut app, &["<C-y>"]);
        assert_eq!(draft(&app), want);
    }
    keys(&mut app, &["<C-y>"]);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("Nothing to redo"))
    );
    assert_eq!(draft(&app), states.last().unwrap());
}

#[test]
fn undo_keeps_more_than_a_hundred_steps_and_moving_costs_none() {
    let mut app = open_first((80, 24));
    let original = draft(&app).text("tagline").map(String::from);
    let n = 120;
    for i in 0..n {
        fill(&mut app, "tagline", &format!("version {i}"));
        keys(&mut app, &["j", "k", "<Tab>", "<BackTab>"]);
    }
    assert_eq!(app.editor.as_ref().unwrap().undo.steps(), (n, 0));
    keys(&mut app, &["<C-z>"]);
    assert_eq!(
        draft(&app).text("tagline"),
        Some(format!("version {}", n - 2).as_str())
    );
    for _ in 1..n {
        keys(&mut app, &["<C-z>"]);
    }
    assert_eq!(draft(&app).text("tagline").map(String::from), original);
}

#[test]
fn the_undo_history_is_bounded_dropping_the_oldest_steps() {
    let mut ed = Editor::new(Persona::new_draft());
    for i in 0..UNDO_STEPS + 5 {
        ed.draft.set("tagline", Value::text(format!("v{i}")));
        assert!(ed.checkpoint());
    }
    assert_eq!(ed.undo.steps(), (UNDO_STEPS, 0));
    while ed.undo() {}
    assert_eq!(
        ed.draft.text("tagline"),
        Some("v4"),
        "the five oldest steps went"
    );
}

#[test]
fn a_row_added_and_closed_untouched_leaves_no_undo_step() {
    let mut app = open_first((100, 30));
    fill(&mut app, "tagline", "the only edit");
    goto_tab(&mut app, "Pain points");
    keys(&mut app, &["o", "<Esc>"]);
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(app.editor.as_ref().unwrap().undo.steps(), (1, 0));
    keys(&mut app, &["<C-z>"]);
    assert!(
        !app.editor.as_ref().unwrap().is_dirty(),
        "one undo takes back the tagline"
    );
}

#[test]
fn undo_while_typing_takes_back_the_typing() {
    let mut app = open_first((80, 24));
    fill(&mut app, "tagline", "before");
    keys(&mut app, &["<Enter>", " and after", "<C-z>"]);
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(draft(&app).text("tagline"), Some("before"));
    keys(&mut app, &["<C-y>"]);
    assert_eq!(draft(&app).text("tagline"), Some("before and after"));
}

#[test]
fn undo_and_redo_are_in_help_and_the_palette_of_the_editor() {
    for mode in [Mode::Form, Mode::List, Mode::RowForm, Mode::Typing] {
        let actions = palette_matches(mode, "");
        assert!(
            actions.contains(&Action::Undo),
            "{mode:?} palette: {actions:?}"
        );
        assert!(
            actions.contains(&Action::Redo),
            "{mode:?} palette: {actions:?}"
        );
    }
    let mut app = open_first((100, 60));
    keys(&mut app, &["<F1>"]);
    let help = render(&mut app, 100, 60);
    assert!(help.contains("C-Z  undo"), "{help}");
    assert!(help.contains("C-Y  redo"), "{help}");
}

#[test]
fn a_save_starts_the_undo_history_afresh() {
    let mut app = open_first((80, 24));
    fill(&mut app, "tagline", "saved text");
    keys(&mut app, &["<C-s>"]);
    assert!(!app.editor.as_ref().unwrap().is_dirty());
    keys(&mut app, &["<C-z>"]);
    assert_eq!(draft(&app).text("tagline"), Some("saved text"));
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("Nothing to undo"))
    );
}

#[test]
fn every_text_input_takes_a_paste_as_one_event() {
    // The palette's filter.
    let mut app = open_first((100, 30));
    keys(&mut app, &[":"]);
    app.on_paste("und\no");
    let Some(Popup::Palette { filter, .. }) = app.popups.last() else {
        panic!("the palette is open");
    };
    assert_eq!(filter.text(), "und o");

    // A pick-list's filter.
    let mut app = open_first((100, 30));
    goto_tab(&mut app, "Archetype");
    focus_field(&mut app, "archetype");
    keys(&mut app, &["<Enter>"]);
    assert_eq!(app.mode(), Mode::Pick);
    app.on_paste("skep");
    assert_eq!(app.mode(), Mode::PickFilter, "the paste filters");
    let Some(Popup::Choose { filter, .. }) = app.popups.last() else {
        panic!("the pick-list is open");
    };
    assert_eq!(filter.text(), "skep");

    // A long-text field not yet open: the box opens with the paste at the end, line breaks
    // of any convention kept as line breaks, other control characters dropped.
    let mut app = open_first((100, 30));
    goto_tab(&mut app, "Narrative");
    focus_field(&mut app, "background_story");
    keys(&mut app, &["x"]);
    app.on_paste("one\r\ntwo\rthree\n\u{1b}[31mfour\u{7}");
    assert_eq!(app.mode(), Mode::TextBox);
    keys(&mut app, &["<Esc>"]);
    assert_eq!(
        draft(&app).text("background_story"),
        Some("one\ntwo\nthree\n[31mfour")
    );
}
