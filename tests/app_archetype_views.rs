//! Issue 13: on the archetype screens keys act only on the view shown (the distribution table
//! has its own selection; the map's keys do not reach the hidden map), and each empty state
//! says why it is empty.

mod common;
use common::*;

use persona_studio::app::{App, Effect, Mode};
use persona_studio::model::{Persona, Value};

#[test]
fn distribution_keys_move_its_own_rows_not_the_hidden_map() {
    let mut app = app();
    keys(&mut app, &["M"]);
    assert_eq!(app.mode(), Mode::Map);
    let map_sel = app.map.selected;
    let filter = app.map.only_mismatched;
    keys(&mut app, &["<Tab>"]);
    assert_eq!(app.mode(), Mode::Distribution);
    assert!(app.map.distribution.len() >= 3);
    keys(&mut app, &["j", "j", "<Down>", "k", "x", "h", "l"]);
    assert_eq!(app.map.dist_selected, 2);
    assert_eq!(
        app.map.selected, map_sel,
        "the hidden map's selection did not move"
    );
    assert_eq!(
        app.map.only_mismatched, filter,
        "x did not switch the map's filter"
    );
    let screen = render(&mut app, 120, 30);
    let row = app.map.distribution[2].clone();
    let marked = screen
        .lines()
        .find(|l| l.contains('▶'))
        .expect("a marked row");
    assert!(
        marked.contains(row.archetype.as_deref().unwrap_or("(none)")),
        "{screen}"
    );
    // Enter shows the row's personas in the browser, instead of opening the map's selection.
    let effect = keys(&mut app, &["<Enter>"]);
    assert_eq!(effect, vec![Effect::None]);
    assert!(app.editor.is_none(), "no persona opened");
    assert_eq!(app.mode(), Mode::Browser);
    assert_eq!(app.browser.filter.archetype, row.archetype);
    assert_eq!(app.browser.filter.function, row.function_name);
    assert_eq!(app.browser.total as i64, row.persona_count);
    // The screen keeps the view it was left in; Tab goes back to the map, where j moves it.
    keys(&mut app, &["M"]);
    assert_eq!(app.mode(), Mode::Distribution);
    keys(&mut app, &["<Tab>"]);
    assert_eq!(app.mode(), Mode::Map);
    let before = app.map.selected;
    keys(&mut app, &["j", "l", "k", "h"]);
    assert!(app.map.selected != before || app.map.points.len() < 2);
}

#[test]
fn the_hint_bar_of_the_distribution_offers_only_its_keys() {
    let mut app = app();
    keys(&mut app, &["M", "<Tab>"]);
    let screen = render(&mut app, 120, 30);
    let bar = screen.lines().last().unwrap();
    assert!(bar.contains("show these personas"), "{bar}");
    assert!(!bar.contains("only mismatched"), "{bar}");
}

#[test]
fn empty_archetype_screens_say_why() {
    // No personas at all.
    let mut app = empty_app();
    keys(&mut app, &["M"]);
    let screen = render(&mut app, 100, 30);
    assert!(screen.contains("No personas yet"), "{screen}");
    keys(&mut app, &["<Tab>"]);
    let screen = render(&mut app, 100, 30);
    assert!(screen.contains("no personas yet"), "{screen}");

    // Personas, but none with both scores.
    let mut s = store();
    let mut p = Persona::new_draft();
    p.set("name", Value::Text("Una Scored".into()));
    p.set("slug", Value::Text("una-scored".into()));
    s.save(&p).unwrap();
    let mut app = App::new(s, (100, 30));
    keys(&mut app, &["M"]);
    let screen = render(&mut app, 100, 30);
    assert!(
        screen.contains("None of the 1 personas has both scores"),
        "{screen}"
    );

    // Scored personas that all agree, with the mismatch filter on.
    let mut s = store();
    let mut p = Persona::new_draft();
    p.set("name", Value::Text("Agreeing Ada".into()));
    p.set("slug", Value::Text("agreeing-ada".into()));
    p.set("archetype", Value::Text("ORCHESTRATOR".into()));
    p.set("ai_maturity_score", Value::Real(80.0));
    p.set("work_complexity_score", Value::Real(80.0));
    s.save(&p).unwrap();
    let mut app = App::new(s, (100, 30));
    keys(&mut app, &["M"]);
    assert!(!render(&mut app, 100, 30).contains("No persona"));
    keys(&mut app, &["x"]);
    let screen = render(&mut app, 100, 30);
    assert!(
        screen.contains("No persona's archetype disagrees"),
        "{screen}"
    );
}
