//! Issue 13, consistency: exporting from the app (`E`) to an unknown extension asks for the
//! format, to an existing file asks before replacing it, and with nothing shown says so.

mod common;
use common::*;
use persona_studio::app::Mode;

fn status(app: &persona_studio::app::App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn an_unknown_extension_asks_for_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("personas.txt");
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["E", "<C-u>", out.to_str().unwrap(), "<Enter>"]);
    assert_eq!(app.mode(), Mode::Menu, "asked which format");
    assert!(!out.exists(), "nothing written before the answer");
    let screen = render(&mut app, 100, 30);
    assert!(screen.contains("Markdown cards"), "{screen}");
    keys(&mut app, &["<Down>", "<Enter>"]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("# "), "Markdown written: {}", &text[..40]);
    assert!(status(&app).contains("Exported to"), "{}", status(&app));

    // Esc leaves the file unwritten.
    let other = dir.path().join("noext");
    keys(
        &mut app,
        &["E", "<C-u>", other.to_str().unwrap(), "<Enter>", "<Esc>"],
    );
    assert!(!other.exists());
}

#[test]
fn an_existing_file_is_replaced_only_after_a_yes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundle.json");
    std::fs::write(&out, "keep me").unwrap();
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["E", "<C-u>", out.to_str().unwrap(), "<Enter>"]);
    assert_eq!(app.mode(), Mode::Confirm);
    assert!(render(&mut app, 100, 30).contains("exists. Replace it?"));
    keys(&mut app, &["n"]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");

    keys(
        &mut app,
        &["E", "<C-u>", out.to_str().unwrap(), "<Enter>", "y"],
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("\"personas\""), "replaced by the bundle");

    // From the editor as well, and after choosing a format for an unknown extension.
    let card = dir.path().join("card.txt");
    std::fs::write(&card, "keep me").unwrap();
    keys(
        &mut app,
        &["<Enter>", "E", "<C-u>", card.to_str().unwrap(), "<Enter>"],
    );
    assert_eq!(app.mode(), Mode::Menu);
    keys(&mut app, &["<Down>", "<Enter>"]);
    assert_eq!(app.mode(), Mode::Confirm, "then asked before replacing");
    keys(&mut app, &["y"]);
    assert!(std::fs::read_to_string(&card).unwrap().starts_with("# "));
}

#[test]
fn nothing_shown_says_so_and_writes_nothing() {
    let mut app = demo_copy((100, 30));
    keys(&mut app, &["/", "no such persona anywhere", "<Enter>"]);
    assert_eq!(app.browser.total, 0);
    keys(&mut app, &["E"]);
    assert_eq!(app.mode(), Mode::Browser, "no path prompt");
    assert!(
        status(&app).contains("Nothing to export"),
        "{}",
        status(&app)
    );
}
