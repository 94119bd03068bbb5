//! The one text input: horizontal scrolling, wide characters, paste, Home/End and word moves,
//! on the widget itself and through the app (a form field, the search line, a prompt).

mod common;

use common::{demo_copy, fill, focus_field, key, keys, render};
use persona_studio::app::input::Input;
use persona_studio::app::popup::Popup;
use persona_studio::app::{App, Mode};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn press(input: &mut Input, token: &str) {
    input.key(&key(token));
}

/// Draws the app and returns the screen and where the terminal cursor was left.
fn draw(app: &mut App, w: u16, h: u16) -> (String, (u16, u16)) {
    let screen = render(app, w, h);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| persona_studio::ui::view(app, f)).unwrap();
    let pos = t.get_cursor_position().unwrap();
    (screen, (pos.x, pos.y))
}

#[test]
fn view_scrolls_to_keep_the_cursor_visible() {
    let text: String = (0..60).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
    let mut input = Input::new(&text);
    let (shown, col) = input.view(20);
    assert_eq!(col, 19, "cursor at the right edge");
    assert_eq!(
        shown,
        &text[41..],
        "the end of the text, a cell left for the cursor"
    );
    press(&mut input, "<Home>");
    let (shown, col) = input.view(20);
    assert_eq!((shown.as_str(), col), (&text[..20], 0), "back at the start");
    for _ in 0..25 {
        press(&mut input, "<Right>");
    }
    let (shown, col) = input.view(20);
    assert_eq!(col, 19);
    assert!(shown.starts_with(&text[6..10]), "{shown}");
}

#[test]
fn wide_characters_are_measured_by_width() {
    let mut input = Input::new("研究開発研究開発");
    let (shown, col) = input.view(7);
    // Each character is two columns: the last three plus the cursor cell fit in seven.
    assert_eq!(shown, "究開発");
    assert_eq!(col, 6);
    press(&mut input, "<Home>");
    let (shown, col) = input.view(7);
    assert_eq!((shown.as_str(), col), ("研究開", 0));
    press(&mut input, "<Right>");
    assert_eq!(input.view(7).1, 2, "one wide character is two columns");
}

#[test]
fn paste_is_one_edit_and_newlines_become_spaces() {
    let mut input = Input::new("ab");
    press(&mut input, "<Left>");
    assert!(input.paste("one\ntwo\r\nthree\tfour"));
    assert_eq!(input.text(), "aone two three fourb");
    assert_eq!(input.cursor(), "aone two three four".chars().count());
}

#[test]
fn home_end_and_word_moves() {
    let mut input = Input::new("alpha beta gamma");
    press(&mut input, "<Home>");
    assert_eq!(input.cursor(), 0);
    press(&mut input, "<C-Right>");
    assert_eq!(input.cursor(), 6, "start of beta");
    press(&mut input, "<A-f>");
    assert_eq!(input.cursor(), 11, "start of gamma");
    press(&mut input, "<A-b>");
    assert_eq!(input.cursor(), 6);
    press(&mut input, "<C-Left>");
    assert_eq!(input.cursor(), 0);
    press(&mut input, "<End>");
    assert_eq!(input.cursor(), 16);
    press(&mut input, "<C-w>");
    assert_eq!(input.text(), "alpha beta ");
    press(&mut input, "<C-a>");
    assert_eq!(input.cursor(), 0);
    press(&mut input, "<C-e>");
    press(&mut input, "<C-u>");
    assert_eq!(input.text(), "");
}

#[test]
fn a_long_field_scrolls_on_screen_with_the_cursor_on_it() {
    let mut app = demo_copy((60, 20));
    // With the sidebar (hidden below 100 columns until b shows it) beside the form.
    keys(&mut app, &["<Enter>", "b"]);
    focus_field(&mut app, "tagline");
    let long = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    keys(&mut app, &["<Enter>", "<C-u>", long]);
    assert_eq!(app.mode(), Mode::Typing);
    let (screen, (x, y)) = draw(&mut app, 60, 20);
    let row = screen.lines().nth(usize::from(y)).unwrap();
    assert!(row.contains("UVWXYZ"), "the end of the text shows: {row}");
    assert!(!row.contains("abcdef"), "the start scrolled away: {row}");
    assert!(x < 40, "cursor inside the form column, not past it: {x}");
    keys(&mut app, &["<Enter>"]);
    let ed = app.editor.as_ref().unwrap();
    assert_eq!(
        ed.draft.text("tagline"),
        Some(long),
        "nothing typed is lost"
    );
}

#[test]
fn a_paste_into_a_field_search_and_prompt_is_one_event() {
    let mut app = demo_copy((80, 24));
    keys(&mut app, &["<Enter>"]);
    focus_field(&mut app, "tagline");
    // On a text field not yet typed into, a paste starts typing there.
    keys(&mut app, &["<Enter>", "<C-u>", "<Enter>"]);
    app.on_paste("first line\nsecond line");
    assert_eq!(app.mode(), Mode::Typing);
    keys(&mut app, &["<Enter>"]);
    let ed = app.editor.as_ref().unwrap();
    assert_eq!(ed.draft.text("tagline"), Some("first line second line"));

    let mut app = demo_copy((80, 24));
    keys(&mut app, &["/"]);
    app.on_paste("Halvorsen\n");
    assert_eq!(app.browser.filter.text, "Halvorsen ");
    assert_eq!(
        app.mode(),
        Mode::Search,
        "a pasted newline does not end the search"
    );

    keys(&mut app, &["<Esc>", "I", "<C-u>"]);
    app.on_paste("needs\nsources");
    let Some(Popup::Prompt { input, .. }) = app.popups.last() else {
        panic!("the import prompt is open");
    };
    assert_eq!(input.text(), "needs sources");
    // A move's note box keeps the line breaks of a paste.
    keys(&mut app, &["<Esc>", "v", "b"]);
    app.on_paste("needs\nsources");
    let Some(Popup::Note { area, .. }) = app.popups.last() else {
        panic!("the send-back note box is open");
    };
    assert_eq!(area.lines(), ["needs", "sources"]);
}

#[test]
fn a_paste_where_nothing_takes_text_is_refused_not_applied() {
    let mut app = demo_copy((80, 24));
    let before = app.browser.filter.clone();
    app.on_paste("d");
    assert_eq!(app.mode(), Mode::Browser);
    assert_eq!(app.browser.filter, before);
    let status = app.status.clone().expect("says why");
    assert!(status.error, "{status:?}");
}

#[test]
fn typed_wide_text_round_trips() {
    let mut app = demo_copy((60, 20));
    keys(&mut app, &["<Enter>"]);
    fill(&mut app, "tagline", "研究開発の自動化を進める");
    let ed = app.editor.as_ref().unwrap();
    assert_eq!(ed.draft.text("tagline"), Some("研究開発の自動化を進める"));
}
