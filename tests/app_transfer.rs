//! Export and import from the app's keys: the path prompt, the formats by extension, the
//! plan confirmation, and a bad file refused with its JSON path shown.

mod common;
use common::*;

use persona_studio::app::popup::Popup;
use persona_studio::store::Filter;

#[test]
fn export_from_browser_and_editor_then_import_into_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app();
    let all = app.browser.total;
    keys(&mut app, &["E"]);
    let Some(Popup::Prompt { input, .. }) = app.popups.last() else {
        panic!("no path prompt")
    };
    let text = input.text();
    assert!(
        text.ends_with("default-personas.json"),
        "sensible default: {text}"
    );
    let bundle = dir.path().join("all.json");
    keys(&mut app, &["<C-u>", bundle.to_str().unwrap(), "<Enter>"]);
    assert!(!app.status.clone().unwrap().error, "{:?}", app.status);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&bundle).unwrap()).unwrap();
    assert_eq!(json["personas"].as_array().unwrap().len(), all);

    // The current filter decides what the browser exports; .csv picks the format.
    // `a` opens the archetype pick-list ("any" first): j Enter picks AUTOMATOR.
    keys(&mut app, &["a", "j", "<Enter>", "E"]);
    let csv = dir.path().join("automators.csv");
    keys(&mut app, &["<C-u>", csv.to_str().unwrap(), "<Enter>"]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 1 + app.browser.total, "{text}");
    assert!(text.lines().skip(1).all(|l| l.contains("AUTOMATOR")));

    // One persona's card from the editor.
    keys(&mut app, &["c", "<Enter>", "E"]);
    let Some(Popup::Prompt { input, .. }) = app.popups.last() else {
        panic!("no path prompt")
    };
    let text = input.text();
    assert!(text.ends_with(".json"));
    let md = dir.path().join("card.md");
    keys(&mut app, &["<C-u>", md.to_str().unwrap(), "<Enter>"]);
    let card = std::fs::read_to_string(&md).unwrap();
    assert!(
        card.starts_with("# ") && card.contains("## VPANES scoring"),
        "{card}"
    );

    let mut empty = empty_app();
    keys(
        &mut empty,
        &["I", "<C-u>", bundle.to_str().unwrap(), "<Enter>"],
    );
    let screen = render(&mut empty, 80, 24);
    assert!(
        screen.contains(&format!("Import {all} new and update 0")),
        "{screen}"
    );
    keys(&mut empty, &["y"]);
    assert_eq!(empty.store.count(&Filter::default()).unwrap(), all);
    assert_eq!(empty.browser.total, all);
}

#[test]
fn a_bad_bundle_is_refused_with_its_json_path_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"format_version":1,"personas":[{"name":"A","slug":"a"},{"name":"B","slug":"b","pain_points":[{"pain_point":"x","severity":"urgent"}]}]}"#,
    )
    .unwrap();
    let mut app = empty_app();
    keys(&mut app, &["I", "<C-u>", bad.to_str().unwrap(), "<Enter>"]);
    let screen = render(&mut app, 100, 30);
    assert!(
        screen.contains("personas[1].pain_points[0].severity"),
        "{screen}"
    );
    assert!(screen.contains("nothing was written"));
    assert_eq!(app.store.count(&Filter::default()).unwrap(), 0);
    keys(
        &mut app,
        &["<Esc>", "I", "<C-u>", "/no/such/file.json", "<Enter>"],
    );
    assert!(render(&mut app, 100, 30).contains("cannot read"));
}
