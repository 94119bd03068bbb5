//! Issue 13, search and browsing, driven by keys: the narrative fields are searched, a query
//! of symbols says there is nothing to search for, each result says where it matched, typing
//! never waits for the database (the search runs on a worker; `wait_for_search` settles it),
//! columns fit the width, the preview pane, the new persona selected after a save, and the
//! filters' pick-lists with counts.

mod common;
use common::*;

use std::time::Duration;

use persona_studio::app::App;
use persona_studio::model::Value;
use persona_studio::store::Store;

/// Gives the persona `slug` a background story (through the store, as an import would).
fn set_story(store: &mut Store, slug: &str, field: &str, text: &str) {
    let mut p = store.load_by_slug(slug).unwrap();
    p.set(field, Value::Text(text.to_string()));
    store.save(&p).unwrap();
}

const SLUG: &str = "msl-oncology-amara-okafor";

#[test]
fn search_finds_a_word_only_in_a_narrative_field_and_says_where() {
    for field in ["background_story", "a_day_in_the_life", "notes"] {
        let mut store = demo_store();
        set_story(
            &mut store,
            SLUG,
            field,
            "She trained as a veterinarian before the quokkafication of medical writing.",
        );
        let mut app = App::new(store, (160, 30));
        keys(&mut app, &["/", "quokka"]);
        assert_eq!(app.browser.total, 1, "{field}");
        assert_eq!(app.browser.rows[0].slug, SLUG);
        let hit = app
            .browser
            .hits
            .get(&app.browser.rows[0].id)
            .expect("a hit");
        let label = persona_studio::catalog::CORE_FIELDS
            .iter()
            .find(|f| f.name == field)
            .unwrap()
            .label;
        assert_eq!(hit.field, label);
        let screen = render(&mut app, 160, 30);
        assert!(screen.contains("Matched in"), "{screen}");
        assert!(
            screen.contains(&format!("{label}: ")) && screen.contains("quokkafication"),
            "{screen}"
        );
    }
}

#[test]
fn each_result_names_the_field_it_matched_in() {
    let mut app = app();
    keys(&mut app, &["/", "oncology"]);
    assert!(app.browser.total >= 1);
    for r in &app.browser.rows {
        assert!(
            app.browser.hits.contains_key(&r.id),
            "no hit for {}",
            r.slug
        );
    }
    // A title match is named as the title.
    let titled = app
        .browser
        .rows
        .iter()
        .find(|r| {
            r.title
                .as_deref()
                .is_some_and(|t| t.to_lowercase().contains("oncology"))
        })
        .expect("a persona with oncology in its title");
    let hit = &app.browser.hits[&titled.id];
    assert!(
        hit.field == "Title" || hit.field == "Name",
        "matched in {}",
        hit.field
    );
}

#[test]
fn a_query_of_symbols_or_emoji_says_nothing_to_search_for() {
    for query in ["#%&", "🙂🙂", "-- ** !!"] {
        let mut app = app();
        keys(&mut app, &["/", query]);
        assert_eq!(app.browser.total, 0, "{query} showed personas");
        assert!(app.browser.rows.is_empty());
        let screen = render(&mut app, 80, 24);
        assert!(
            screen.contains("nothing to search for"),
            "{query}:\n{screen}"
        );
        // A letter after the symbols searches again.
        keys(&mut app, &["<BS>"]);
    }
    let mut app = app();
    keys(&mut app, &["/", "#onc"]);
    assert!(
        app.browser.total >= 1,
        "symbols around a word still search it"
    );
}

#[test]
fn a_snippet_never_writes_a_control_character_to_the_terminal() {
    let mut store = demo_store();
    set_story(
        &mut store,
        SLUG,
        "notes",
        "evil \u{1b}]0;owned\u{7} zanzibarish text \u{1b}[2J after",
    );
    let mut app = App::new(store, (160, 30));
    keys(&mut app, &["/", "zanzibarish"]);
    assert_eq!(app.browser.total, 1);
    let screen = render(&mut app, 160, 30);
    assert!(
        !screen.chars().any(|c| c == '\u{1b}' || c == '\u{7}'),
        "{screen:?}"
    );
    assert!(screen.contains("zanzibarish"), "{screen}");
}

#[test]
fn typing_hands_the_search_to_a_worker_and_tick_takes_it_in() {
    let mut app = demo_copy((120, 30));
    let all = app.browser.total;
    assert_eq!(app.tick_interval(), None, "nothing runs before a search");
    keys(&mut app, &["/", "o", "n", "c"]);
    // The keys returned without the result: it is pending, and the loop is asked to tick.
    assert!(app.browser.pending.is_some());
    assert!(
        app.tick_interval()
            .is_some_and(|d| d <= Duration::from_millis(16))
    );
    assert!(
        app.wait_for_search(Duration::from_secs(20)),
        "the search finished"
    );
    assert_eq!(app.browser.pending, None);
    assert_eq!(app.tick_interval(), None);
    let n = app.browser.total;
    assert!(n >= 1 && n < all, "onc matched {n} of {all}");
    assert!(
        app.browser.rows.iter().any(|r| r.slug == SLUG),
        "the newest request's result is the one shown"
    );
    // The loop's tick takes a result in as well.
    keys(&mut app, &["<BS>", "<BS>", "<BS>"]);
    for _ in 0..2000 {
        if app.browser.pending.is_none() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        app.tick();
    }
    assert_eq!(app.browser.pending, None);
    assert_eq!(
        app.browser.total, all,
        "an empty search shows everyone again"
    );
}

#[test]
fn a_stale_result_is_never_shown() {
    let mut app = demo_copy((120, 30));
    // Many keystrokes in a row: each replaces the one before it.
    keys(&mut app, &["/", "zzqx"]);
    keys(&mut app, &["<BS>", "<BS>", "<BS>", "<BS>", "oncology"]);
    assert!(app.wait_for_search(Duration::from_secs(20)));
    assert!(app.browser.total >= 1);
    assert!(
        app.browser
            .rows
            .iter()
            .all(|r| app.browser.hits.contains_key(&r.id)),
        "every row shown matches oncology"
    );
}

#[test]
fn preview_beside_the_table_on_wide_terminals_and_on_p() {
    let mut app = app();
    let wide = render(&mut app, 160, 30);
    let p = app.browser.selected_summary().unwrap().clone();
    let one = app.store.load(&p.id).unwrap();
    let one_liner = one.text("one_liner").unwrap().to_string();
    let first_words: String = one_liner
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    for want in [
        "Preview",
        "Readiness",
        "Tier",
        "Status",
        "Archetype",
        &first_words,
    ] {
        assert!(wide.contains(want), "missing {want}:\n{wide}");
    }
    let narrow = render(&mut app, 80, 24);
    assert!(!narrow.contains("Preview"), "{narrow}");
    keys(&mut app, &["p"]);
    let narrow = render(&mut app, 80, 24);
    assert!(
        narrow.contains("Preview") && narrow.contains("Readiness"),
        "{narrow}"
    );
    // The preview follows the selection.
    keys(&mut app, &["j"]);
    let second = app.browser.selected_summary().unwrap().clone();
    assert_eq!(app.browser.preview_of.as_ref().unwrap().id, second.id);
    keys(&mut app, &["p"]);
    assert!(!render(&mut app, 80, 24).contains("Preview"));
    // On a wide terminal `p` hides it.
    let mut app = common::app();
    assert!(render(&mut app, 160, 30).contains("Preview"));
    keys(&mut app, &["p"]);
    assert!(!render(&mut app, 160, 30).contains("Preview"));
    keys(&mut app, &["p"]);
    assert!(render(&mut app, 160, 30).contains("Preview"));
}

#[test]
fn columns_fit_the_width_names_are_not_cut() {
    let mut app = app();
    for (w, h) in [(80, 24), (120, 30), (160, 30), (200, 40)] {
        let screen = render(&mut app, w, h);
        for r in app.browser.rows.clone() {
            assert!(
                screen.contains(&r.name),
                "{w}: name {} cut:\n{screen}",
                r.name
            );
        }
        if w >= 120 {
            assert!(screen.contains("Title"), "{w}:\n{screen}");
        }
    }
    // Wide characters are measured by display width: a CJK name does not push the row out.
    let mut store = demo_store();
    let mut p = store.load_by_slug(SLUG).unwrap();
    p.set("name", Value::Text("王小明 Wang Xiaoming 研究员".into()));
    store.save(&p).unwrap();
    let mut app = App::new(store, (80, 24));
    let screen = render(&mut app, 80, 24);
    // The test backend leaves the cell after a wide character blank: "王 小 明".
    assert!(screen.contains("王 小 明"), "{screen}");
    let lines: Vec<&str> = screen.lines().collect();
    let header = lines.iter().find(|l| l.contains("Archetype")).unwrap();
    let row = lines.iter().find(|l| l.contains("王")).unwrap();
    let col = |l: &str, w: &str| {
        l.chars()
            .collect::<String>()
            .find(w)
            .map(|b| l[..b].chars().count())
    };
    assert_eq!(
        col(row, "ORCHESTRATOR"),
        col(header, "Archetype"),
        "columns aligned after wide characters:\n{screen}"
    );
}

#[test]
fn after_n_and_a_save_the_new_persona_is_selected() {
    let mut app = app();
    keys(&mut app, &["n"]);
    fill(&mut app, "name", "Zelda Zimmerman");
    keys(&mut app, &["<C-s>"]);
    assert!(
        app.status.as_ref().is_some_and(|s| !s.error),
        "{:?}",
        app.status
    );
    let sel = app.browser.selected_summary().expect("a selection");
    assert_eq!(sel.name, "Zelda Zimmerman");
    assert_eq!(
        app.browser.selected,
        app.browser.total - 1,
        "sorted last by name"
    );
}

#[test]
fn filter_keys_open_a_pick_list_with_counts() {
    let mut app = app();
    let all = app.browser.total;
    keys(&mut app, &["s"]);
    let screen = render(&mut app, 80, 24);
    let (published, draft) = {
        let rows = &app.browser.rows;
        let n = |s: &str| {
            rows.iter()
                .filter(|r| r.validation_status.as_deref() == Some(s))
                .count()
        };
        (n("published"), n("draft"))
    };
    assert!(screen.contains(&format!("any  ({all})")), "{screen}");
    assert!(
        screen.contains(&format!("Published  ({published})")),
        "{screen}"
    );
    assert!(screen.contains(&format!("Draft  ({draft})")), "{screen}");
    // Pick "Published": the list shows those and the chip says so.
    let items = match app.popups.last() {
        Some(persona_studio::app::popup::Popup::Menu { items, .. }) => items.clone(),
        _ => panic!("no pick-list open"),
    };
    let at = items.iter().position(|(c, _)| c == "published").unwrap();
    for _ in 0..at {
        keys(&mut app, &["j"]);
    }
    keys(&mut app, &["<Enter>"]);
    assert_eq!(app.browser.filter.status.as_deref(), Some("published"));
    assert_eq!(app.browser.total, published);
    // The archetype counts respect the status filter.
    keys(&mut app, &["a"]);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains(&format!("any  ({published})")), "{screen}");
    keys(&mut app, &["<Enter>"]);
    assert_eq!(app.browser.filter.archetype, None, "any clears the filter");
}

#[test]
fn browser_snapshots_at_80_and_160_with_and_without_preview() {
    let mut app = app();
    insta::assert_snapshot!("browser_80x24_no_preview", render(&mut app, 80, 24));
    keys(&mut app, &["p"]);
    insta::assert_snapshot!("browser_80x24_preview", render(&mut app, 80, 24));
    // At 160 columns the preview shows without asking; `p` hides it.
    let mut app = common::app();
    insta::assert_snapshot!("browser_160x30_preview", render(&mut app, 160, 30));
    keys(&mut app, &["p"]);
    // The Updated column shows now: the minutes are masked.
    insta::assert_snapshot!(
        "browser_160x30_no_preview",
        mask_times(&render(&mut app, 160, 30))
    );
    // Searching: where each result matched shows in its own column.
    keys(&mut app, &["p", "/", "oncology", "<Enter>"]);
    insta::assert_snapshot!("browser_160x30_search", render(&mut app, 160, 30));
    keys(&mut app, &["p"]);
    insta::assert_snapshot!("browser_80x24_search", render(&mut app, 80, 24));
}

#[test]
fn a_sort_or_filter_change_during_a_search_runs_in_the_background_too() {
    let mut app = demo_copy((120, 30));
    keys(&mut app, &["/", "oncology", "<Enter>"]);
    assert!(app.wait_for_search(Duration::from_secs(20)));
    let n = app.browser.total;
    keys(&mut app, &["O"]);
    assert!(
        app.browser.pending.is_some(),
        "the reversed search runs on the worker"
    );
    assert!(app.wait_for_search(Duration::from_secs(20)));
    assert!(app.browser.descending);
    assert_eq!(app.browser.total, n);
    let names: Vec<String> = app
        .browser
        .rows
        .iter()
        .map(|r| r.name.to_lowercase())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.reverse();
    assert_eq!(names, sorted);
    keys(&mut app, &["s", "<Enter>"]);
    assert!(app.wait_for_search(Duration::from_secs(20)));
    assert_eq!(app.browser.total, n, "\"any\" status keeps every match");
}

#[test]
fn enter_right_after_typing_opens_the_first_match() {
    let mut app = demo_copy((80, 24));
    keys(&mut app, &["/", "Chloe", "<Enter>"]);
    // The search may still run: opening waits for it, so the match is what opens.
    keys(&mut app, &["<Enter>"]);
    let ed = app.editor.as_ref().expect("the editor opened");
    assert_eq!(ed.draft.name(), "Chloe Bennett");
}

#[test]
fn scrolling_through_search_results_reads_them_by_id() {
    let mut store = demo_store();
    // Enough matches for several windows of 200.
    for i in 0..450 {
        let mut p = persona_studio::model::Persona::new_draft();
        p.set("name", Value::Text(format!("Walrus {i:03}")));
        p.set("slug", Value::Text(format!("walrus-{i:03}")));
        store.save(&p).unwrap();
    }
    let mut app = App::new(store, (80, 24));
    keys(&mut app, &["/", "walrus", "<Enter>"]);
    assert_eq!(app.browser.total, 450);
    assert_eq!(app.browser.ids.as_ref().map(Vec::len), Some(450));
    keys(&mut app, &["G"]);
    assert_eq!(app.browser.selected_summary().unwrap().name, "Walrus 449");
    keys(&mut app, &["g"]);
    for _ in 0..250 {
        keys(&mut app, &["j"]);
    }
    assert_eq!(app.browser.selected_summary().unwrap().name, "Walrus 250");
    assert!(
        app.browser
            .hits
            .contains_key(&app.browser.selected_summary().unwrap().id),
        "where it matched is looked up for rows scrolled to"
    );
    // A sort change searches again, reversed.
    keys(&mut app, &["O"]);
    assert_eq!(app.browser.selected_summary().unwrap().name, "Walrus 449");
}

/// "2026-12-05 19:06" (a timestamp to the minute) as "YYYY-MM-DD hh:mm".
fn mask_times(screen: &str) -> String {
    const SHAPE: &str = "dddd-dd-dd dd:dd";
    let chars: Vec<char> = screen.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let fits = i + SHAPE.len() <= chars.len()
            && SHAPE.chars().zip(&chars[i..]).all(|(s, c)| match s {
                'd' => c.is_ascii_digit(),
                other => other == *c,
            });
        if fits {
            out.push_str("YYYY-MM-DD hh:mm");
            i += SHAPE.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}
