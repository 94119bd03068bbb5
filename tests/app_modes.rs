//! Every mode, walked: each is reached by keys from the browser, its help lists every binding
//! of the keymap table, its hint bar shows the hinted ones, and every hinted key does something
//! (changes what the screen shows or returns an effect) instead of falling through as unknown.
//! Then one snapshot per screen at 60x20 and per kind of popup.

mod common;

use common::{demo_copy, focus_field, goto_tab, key, keys, render};
use crossterm::event::KeyEvent;
use persona_studio::app::keymap::{Action, bindings_for, keys_label, lookup};
use persona_studio::app::{App, Effect, Mode};
use persona_studio::model::Value;

/// An app in `mode`, reached the way a person would get there. Exhaustive on purpose: a new
/// mode does not compile until it is walked here.
fn reach(mode: Mode) -> App {
    let mut app = demo_copy((120, 50));
    let script: &[&str] = match mode {
        Mode::Browser => &[],
        // A deleted persona, so the trash has one to restore.
        Mode::Trash => &["d", "y", "T"],
        Mode::Search => &["/"],
        Mode::Form => &["<Enter>"],
        Mode::Typing => &["<Enter>", "<Enter>"],
        Mode::List => {
            keys(&mut app, &["<Enter>"]);
            goto_tab(&mut app, "Pain points");
            &[]
        }
        Mode::RowForm => {
            keys(&mut app, &["<Enter>"]);
            goto_tab(&mut app, "Pain points");
            &["<Enter>"]
        }
        Mode::History => {
            keys(&mut app, &["<Enter>"]);
            goto_tab(&mut app, "History");
            &[]
        }
        Mode::Queue => &["v"],
        Mode::Map => &["M"],
        Mode::Distribution => &["M", "<Tab>"],
        // Scrolled one line, so scrolling up has somewhere to go.
        Mode::Help => &["?", "j"],
        Mode::Palette => &[":"],
        Mode::Confirm => &["d"],
        Mode::SaveChanges => &["<Enter>", "<Enter>", "x", "<Enter>", "<Esc>"],
        Mode::Conflict => {
            keys(&mut app, &["<Enter>", "<Enter>", "x", "<Enter>"]);
            changed_elsewhere(&mut app);
            &["<C-s>"]
        }
        Mode::Pick => {
            keys(&mut app, &["<Enter>"]);
            goto_tab(&mut app, "Archetype");
            focus_field(&mut app, "archetype");
            &["<Enter>"]
        }
        Mode::PickFilter => {
            keys(&mut app, &["<Enter>"]);
            goto_tab(&mut app, "Archetype");
            focus_field(&mut app, "archetype");
            &["<Enter>", "a"]
        }
        Mode::TextBox => {
            keys(&mut app, &["<Enter>"]);
            goto_tab(&mut app, "Narrative");
            focus_field(&mut app, "background_story");
            &["<Enter>"]
        }
        Mode::Message => &["I", "<C-u>", "/nonexistent/bundle.json", "<Enter>"],
        Mode::Recover => {
            offer_recovered_edits(&mut app);
            &[]
        }
        // The import prompt (a send-back's note is the note box now).
        Mode::Prompt => &["I", "<C-u>", "bundle.json"],
        Mode::Menu => &["<Enter>", "m"],
        Mode::TabPick => &["<Enter>", "t"],
        Mode::Note => &["v", "a"],
        // A validated persona's History: = shows what changed since its validation.
        Mode::Diff => {
            let mut p = app
                .store
                .load_by_slug("regulatory-affairs-manager-ingrid-halvorsen")
                .unwrap();
            p.set("tagline", Value::text("Changed after validation"));
            p.lists[0].pop();
            let p = app.store.save(&p).unwrap();
            app.open_editor(p);
            goto_tab(&mut app, "History");
            // Scrolled one line, so scrolling up has somewhere to go.
            &["=", "j"]
        }
        // A conflict in the file, linked to a server that only asks for a password.
        Mode::Sync => {
            let url = common::sync::password_server();
            common::sync::local_conflict(&mut app, &url, SLUG);
            &["S"]
        }
        Mode::SyncResolve => {
            let url = common::sync::password_server();
            common::sync::local_conflict(&mut app, &url, SLUG);
            &["S", "<Enter>"]
        }
        Mode::SyncPassword => {
            let url = common::sync::password_server();
            common::sync::local_conflict(&mut app, &url, SLUG);
            keys(&mut app, &["S", "s"]);
            common::sync::tick_until(&mut app, "the password prompt", |a| {
                a.mode() == Mode::SyncPassword
            });
            &[]
        }
    };
    keys(&mut app, script);
    assert_eq!(app.mode(), mode, "the script reaches {mode:?}");
    app
}

/// A demo persona the sync modes put in conflict.
const SLUG: &str = "msl-oncology-amara-okafor";

/// Someone else saves the open persona, so the editor's version is stale.
fn changed_elsewhere(app: &mut App) {
    let id = app.editor.as_ref().unwrap().draft.id.clone().unwrap();
    let mut theirs = app.store.load(&id).unwrap();
    theirs.set("tagline", Value::text("Theirs"));
    app.store.save(&theirs).unwrap();
}

/// Unsaved edits written to a recovery file, the editor left without saving, and the file
/// offered back as at start-up.
fn offer_recovered_edits(app: &mut App) {
    keys(app, &["<Enter>", "<Enter>", " (recovered)", "<Enter>"]);
    let r = app.recovery_snapshot().expect("dirty editor");
    keys(app, &["<Esc>", "d"]);
    assert!(app.editor.is_none());
    let dir = tempfile::tempdir().unwrap().keep();
    let path = persona_studio::recovery::write(&dir, &r).unwrap();
    app.offer_recovery(vec![(path, r)]);
}

fn screen(app: &mut App) -> String {
    render(app, 160, 60)
}

#[test]
fn every_binding_is_in_its_modes_help() {
    for &mode in Mode::ALL {
        let mut app = reach(mode);
        if mode == Mode::Help {
            // Help's own keys are all hinted (checked below): in help they'd hide the rest.
            assert!(bindings_for(mode).all(|b| b.hint));
            continue;
        }
        keys(&mut app, &["<F1>"]);
        assert_eq!(app.mode(), Mode::Help, "F1 opens help over {mode:?}");
        let shown = screen(&mut app);
        for b in bindings_for(mode) {
            let line = format!("{}  {}", keys_label(b), b.label);
            assert!(
                shown.contains(&line),
                "{mode:?}: help lacks {line:?}:\n{shown}"
            );
        }
    }
}

#[test]
fn every_hint_is_in_the_hint_bar_and_does_something() {
    for &mode in Mode::ALL {
        let mut app = reach(mode);
        let before = screen(&mut app);
        let bar = before.lines().last().unwrap_or_default().to_string();
        let hinted: Vec<_> = bindings_for(mode).filter(|b| b.hint).collect();
        assert!(!hinted.is_empty(), "{mode:?} shows some hints");
        for b in hinted {
            let shown = format!("{} {}", b.keys[0].label(), b.label);
            assert!(
                bar.contains(&shown),
                "{mode:?}: hint bar lacks {shown:?}: {bar}"
            );
            let ev: KeyEvent = b.keys[0].example();
            assert_eq!(
                lookup(mode, &ev),
                Some(b.action),
                "{mode:?}: the hint's key {shown:?} resolves to its action"
            );
            let mut app = reach(mode);
            let before = screen(&mut app);
            let effect = app.on_key(ev);
            let after = screen(&mut app);
            assert!(
                effect != Effect::None || after != before,
                "{mode:?}: {shown:?} did nothing:\n{after}"
            );
        }
    }
}

#[test]
fn f1_is_help_everywhere_and_unbound_keys_change_nothing() {
    for &mode in Mode::ALL {
        let expected = match mode {
            Mode::Help => Action::Close,
            _ => Action::Help,
        };
        assert_eq!(lookup(mode, &key("<F1>")), Some(expected), "{mode:?}");
    }
    let mut app = reach(Mode::Confirm);
    let before = screen(&mut app);
    keys(&mut app, &["<PgDn>", "x", "<Tab>"]);
    assert_eq!(
        app.mode(),
        Mode::Confirm,
        "unbound keys leave the question open"
    );
    assert_eq!(screen(&mut app), before);
}

#[test]
fn screens_at_60x20() {
    let mut app = reach(Mode::Browser);
    insta::assert_snapshot!("browser_60x20", render(&mut app, 60, 20));
    let mut app = reach(Mode::Form);
    insta::assert_snapshot!("editor_60x20", render(&mut app, 60, 20));
}

#[test]
fn each_kind_of_popup() {
    for (name, mode) in [
        ("help", Mode::Help),
        ("palette", Mode::Palette),
        ("confirm", Mode::Confirm),
        ("save_changes", Mode::SaveChanges),
        ("conflict", Mode::Conflict),
        ("pick_list", Mode::Pick),
        ("pick_list_filtered", Mode::PickFilter),
        ("long_text", Mode::TextBox),
        ("message", Mode::Message),
        ("recover", Mode::Recover),
        ("prompt", Mode::Prompt),
        ("menu", Mode::Menu),
        ("tab_overview", Mode::TabPick),
    ] {
        let mut app = reach(mode);
        insta::assert_snapshot!(format!("popup_{name}_60x20"), render(&mut app, 60, 20));
    }
}
