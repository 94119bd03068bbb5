//! Issue 13, the editor: any of the 28 tabs straight from the keyboard (number keys, `t` and
//! a letter, "go to tab" in the palette) and the tab overview with each tab's fill.

mod common;
use common::*;
use persona_studio::app::Mode;
use persona_studio::app::editor::Editor;

fn tab(app: &persona_studio::app::App) -> usize {
    app.editor.as_ref().expect("editor open").tab
}

fn tab_name(app: &persona_studio::app::App) -> &'static str {
    Editor::tab_name(tab(app))
}

#[test]
fn number_keys_go_to_the_first_ten_tabs_from_forms_lists_and_history() {
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["<Enter>"]);
    keys(&mut app, &["3"]);
    assert_eq!(tab_name(&app), "Organisation");
    keys(&mut app, &["0"]);
    assert_eq!(tab(&app), 9);
    assert_eq!(app.mode(), Mode::List, "the tenth tab is the first list");
    keys(&mut app, &["1"]);
    assert_eq!(tab_name(&app), "Identity");
    goto_tab(&mut app, "History");
    assert_eq!(app.mode(), Mode::History);
    keys(&mut app, &["2"]);
    assert_eq!(tab_name(&app), "Archetype");
}

#[test]
fn digits_are_typed_while_typing_and_do_not_leave_an_open_row() {
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["<Enter>"]);
    goto_tab(&mut app, "Archetype");
    focus_field(&mut app, "ai_maturity_score");
    keys(&mut app, &["<Enter>", "<C-u>", "42", "<Enter>"]);
    assert_eq!(tab_name(&app), "Archetype");
    assert_eq!(
        app.editor.as_ref().unwrap().draft.num("ai_maturity_score"),
        Some(42.0)
    );
    goto_tab(&mut app, "Pain points");
    keys(&mut app, &["<Enter>"]);
    assert_eq!(app.mode(), Mode::RowForm);
    keys(&mut app, &["1"]);
    assert_eq!(app.mode(), Mode::RowForm);
    assert_eq!(tab_name(&app), "Pain points");
}

#[test]
fn t_and_a_letter_reach_every_one_of_the_28_tabs() {
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["<Enter>"]);
    for i in 0..28 {
        let letter = persona_studio::app::editor::tabs::tab_letter(i).to_string();
        keys(&mut app, &["t"]);
        assert_eq!(app.mode(), Mode::TabPick);
        keys(&mut app, &[letter.as_str()]);
        assert_eq!(tab(&app), i, "t then {letter}");
        assert_ne!(app.mode(), Mode::TabPick, "the overview closes");
    }
    keys(&mut app, &["t", "B"]);
    assert_eq!(tab_name(&app), "History");
    keys(&mut app, &["t", "k"]);
    assert_eq!(tab_name(&app), "Goals");
}

#[test]
fn the_overview_shows_fill_counts_and_enter_goes_to_the_selected_tab() {
    let mut app = demo_copy((100, 40));
    keys(&mut app, &["/", "Aisha", "<Enter>", "<Enter>"]);
    keys(&mut app, &["t"]);
    let screen = render(&mut app, 100, 40);
    insta::assert_snapshot!("tab_overview_100x40", screen);
    assert!(screen.contains("Pain points"), "{screen}");
    assert!(screen.contains("3 rows"), "{screen}");
    assert!(screen.contains("fields"), "{screen}");
    keys(&mut app, &["<Down>", "<Down>", "<Enter>"]);
    assert_eq!(tab_name(&app), "Organisation");
    keys(&mut app, &["t", "<Esc>"]);
    assert_eq!(tab_name(&app), "Organisation", "Esc goes nowhere");

    // A new persona: nothing filled yet, and the overview says so.
    keys(&mut app, &["<Esc>", "n", "t"]);
    let screen = render(&mut app, 100, 40);
    assert!(screen.contains("0 rows"), "{screen}");
    assert!(screen.contains("0 entries"), "{screen}");
}

#[test]
fn go_to_tab_from_the_palette() {
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["<Enter>", ":", "go to tab", "<Enter>"]);
    assert_eq!(app.mode(), Mode::TabPick);
    keys(&mut app, &["h"]);
    assert_eq!(tab_name(&app), "Salary");
    // Help lists the keys, the number keys as one range.
    keys(&mut app, &["?"]);
    let help = render(&mut app, 100, 30);
    assert!(help.contains("0-9  go to tab 1-10"), "{help}");
    assert!(help.contains("t  go to tab… (overview"), "{help}");
    assert!(help.contains("b  show/hide the sidebar"), "{help}");
}

#[test]
fn the_overview_fits_a_small_terminal() {
    let mut app = demo_copy((40, 12));
    keys(&mut app, &["<Enter>", "t", "<Up>"]);
    let screen = render(&mut app, 40, 12);
    assert!(screen.contains("Go to tab"), "{screen}");
    // The selection scrolls into view: the last tab (History) after Up from the first.
    let mut app = demo_copy((40, 12));
    keys(&mut app, &["<Enter>", "t"]);
    for _ in 0..27 {
        keys(&mut app, &["<Down>"]);
    }
    let screen = render(&mut app, 40, 12);
    assert!(screen.contains("History"), "{screen}");
}
