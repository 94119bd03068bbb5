//! Issue 13, consistency: the hint bar keeps help visible at 80 columns, palette labels stand
//! apart from their keys, and popups and list rows are measured in display columns, so wide
//! characters (CJK, emoji) never cut a button or a border.

mod common;
use common::*;
use persona_studio::app::{App, Mode};
use unicode_width::UnicodeWidthStr;

/// The screen as it looks: a wide character's second cell is not a character of its own.
fn visual(app: &mut App, w: u16, h: u16) -> String {
    app.on_resize(w, h);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| persona_studio::ui::view(app, f)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let s = buf[(x, y)].symbol();
            out.push_str(s);
            x += u16::try_from(UnicodeWidthStr::width(s).max(1)).unwrap();
        }
        out.push('\n');
    }
    out
}

fn hint_bar(app: &mut App, w: u16, h: u16) -> String {
    render(app, w, h)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn help_stays_in_the_hint_bar_at_80_columns() {
    let mut app = demo_copy((80, 24));
    let mut seen = Vec::new();
    let mut check = |app: &mut App, what: &str| {
        let bar = hint_bar(app, 80, 24);
        assert!(
            bar.contains("? help") || bar.contains("F1 help"),
            "{what} ({:?}): {bar}",
            app.mode()
        );
        assert!(!bar.ends_with("? he"), "a hint is never cut: {bar}");
        seen.push(app.mode());
    };
    check(&mut app, "browser");
    keys(&mut app, &["<Enter>"]);
    check(&mut app, "form");
    goto_tab(&mut app, "Pain points");
    check(&mut app, "list");
    keys(&mut app, &["<Enter>"]);
    check(&mut app, "row form");
    keys(&mut app, &["<Esc>"]);
    goto_tab(&mut app, "History");
    check(&mut app, "history");
    keys(&mut app, &["t"]);
    check(&mut app, "tab overview");
    keys(&mut app, &["<Esc>", "<Esc>", "v"]);
    check(&mut app, "queue");
    keys(&mut app, &["<Esc>", "M"]);
    check(&mut app, "map");
    keys(&mut app, &["<Esc>", "/"]);
    check(&mut app, "search");
    assert!(seen.contains(&Mode::Map) && seen.contains(&Mode::Search));
}

#[test]
fn palette_labels_stand_apart_from_their_keys() {
    let mut app = demo_copy((80, 40));
    keys(&mut app, &[":"]);
    let screen = render(&mut app, 80, 40);
    let line = screen
        .lines()
        .find(|l| l.contains("export shown personas"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        line.contains("export shown personas (json, md, csv)  "),
        "a gap after the label: {line}"
    );
    // Every key starts in the same column.
    let key_col = |needle: &str| {
        let l = screen.lines().find(|l| l.contains(needle)).unwrap();
        let at = l.find(needle).unwrap();
        let rest = &l[at + needle.len()..];
        let key_at = at + needle.len() + (rest.len() - rest.trim_start().len());
        UnicodeWidthStr::width(&l[..key_at])
    };
    assert_eq!(
        key_col("export shown personas (json, md, csv)"),
        key_col("quit")
    );
}

/// A persona given a long name in Japanese, saved, and the browser back on it.
fn cjk_named(size: (u16, u16)) -> App {
    let mut app = demo_copy(size);
    keys(&mut app, &["<Enter>"]);
    fill(
        &mut app,
        "name",
        "研究開発部門の山田太郎さん研究開発部門の佐藤花子さん🚀",
    );
    keys(&mut app, &["<C-s>", "<Esc>"]);
    assert!(app.editor.is_none());
    app
}

#[test]
fn a_wide_name_never_cuts_the_buttons_of_a_question() {
    for (w, h) in [(40, 14), (50, 16), (80, 24)] {
        let mut app = cjk_named((w, h));
        keys(&mut app, &["G", "d"]);
        assert_eq!(app.mode(), Mode::Confirm);
        let screen = render(&mut app, w, h);
        assert!(
            screen.contains("[y] yes") && screen.contains("[n] no"),
            "{w}x{h}:\n{screen}"
        );
        if w == 40 {
            insta::assert_snapshot!("wide_name_question_40x14", visual(&mut app, w, h));
        }
    }
}

#[test]
fn wide_rows_are_cut_inside_their_border() {
    let mut app = demo_copy((60, 20));
    keys(&mut app, &["<Enter>"]);
    goto_tab(&mut app, "Organisation");
    focus_field(&mut app, "function_name");
    keys(
        &mut app,
        &[
            "<Enter>",
            "研究開発部門の山田太郎さん研究開発部門の佐藤花子さん",
        ],
    );
    let screen = visual(&mut app, 60, 20);
    let line = screen
        .lines()
        .find(|l| l.contains("+ add"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        line.contains("…│"),
        "cut with an ellipsis before the border: {line}"
    );
    // Every line of the screen is exactly as wide as the terminal.
    for l in screen.lines() {
        assert_eq!(UnicodeWidthStr::width(l), 60, "{l}");
    }
}

#[test]
fn the_editor_title_and_sidebar_take_wide_text_at_small_sizes() {
    let mut app = cjk_named((40, 12));
    keys(&mut app, &["G", "<Enter>", "b"]);
    assert!(
        app.editor
            .as_ref()
            .unwrap()
            .draft
            .name()
            .starts_with("研究")
    );
    for (w, h) in [(20, 5), (30, 8), (40, 12), (61, 20), (100, 30)] {
        let screen = visual(&mut app, w, h);
        for l in screen.lines() {
            assert_eq!(UnicodeWidthStr::width(l), usize::from(w), "{w}x{h}: {l}");
        }
    }
    keys(&mut app, &["t"]);
    for (w, h) in [(20, 5), (30, 8), (40, 12)] {
        let _ = render(&mut app, w, h);
    }
}
