//! The 18 lists in the editor, driven by keys: every column of every list entered, saved,
//! reloaded; reordering; deletion; and each kind of constraint refused at the field.

mod common;
use common::*;

use persona_studio::app::App;
use persona_studio::app::form::cycle_bool;
use persona_studio::app::popup::Popup;
use persona_studio::catalog::{CHILD_SPECS, Cardinality, ChildSpec, FieldSpec, Kind};
use persona_studio::model::Value;
use persona_studio::model::persona::default_value;

/// A persona saved with a name only, open in the editor.
fn app_with_new_persona() -> App {
    let mut app = empty_app();
    keys(&mut app, &["n"]);
    fill(&mut app, "name", "List Tester");
    keys(&mut app, &["<C-s>"]);
    assert!(!app.editor.as_ref().unwrap().is_dirty());
    app
}

/// `app_with_new_persona` on a scratch file, with a plain SQL connection to that file for
/// looking at the stored rows as another SQLite client would.
fn file_app_with_new_persona() -> (tempfile::TempDir, App, rusqlite::Connection) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lists.db");
    let store = persona_studio::store::Store::open(&db, None, "tester").unwrap();
    let mut app = App::new(store, (80, 24));
    keys(&mut app, &["n"]);
    fill(&mut app, "name", "List Tester");
    keys(&mut app, &["<C-s>"]);
    assert!(!app.editor.as_ref().unwrap().is_dirty());
    let sql = rusqlite::Connection::open(&db).unwrap();
    sql.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
    (dir, app, sql)
}

/// An option of a menu that its own code, typed as the filter, selects first.
fn pick_option(app: &App, f: &FieldSpec) -> String {
    let options: Vec<(String, String)> = match f.kind {
        Kind::Choice(list) => list
            .iter()
            .map(|c| (c.to_string(), c.to_string()))
            .collect(),
        Kind::Lookup(t) => app.store.lookups().tables[t].clone(),
        _ => unreachable!(),
    };
    // Prefer the last option (never the default), falling back to any uniquely selectable one.
    options
        .iter()
        .rev()
        .find(|(code, _)| {
            let m = Popup::matching(&options, code);
            options[m[0]].0 == *code
        })
        .map(|(c, _)| c.clone())
        .expect("a selectable option")
}

/// Enters a value for every writable column of the open form; returns what each should hold.
fn fill_every_column(app: &mut App, spec: &ChildSpec) -> Vec<Value> {
    let mut expected = Vec::new();
    for (i, f) in spec.fields.iter().enumerate() {
        focus_field(app, f.name);
        let v = match f.kind {
            Kind::Computed => {
                expected.push(Value::Null);
                continue;
            }
            Kind::Text => {
                let t = format!("{} text", f.label);
                keys(app, &["<Enter>", "<C-u>", &t, "<Enter>"]);
                Value::Text(t)
            }
            Kind::LongText => {
                let t = format!("{} first line", f.label);
                keys(app, &["<Enter>"]);
                // Clear whatever is there, type two lines, close with Esc.
                for _ in 0..200 {
                    app.on_key(key("<BS>"));
                }
                keys(app, &[&t, "<Enter>", "second line", "<Esc>"]);
                Value::Text(format!("{t}\nsecond line"))
            }
            Kind::Int { min, max } => {
                let n = min + (max - min) / 3;
                keys(app, &["<Enter>", "<C-u>", &n.to_string(), "<Enter>"]);
                Value::Int(n)
            }
            Kind::Decimal { max, places, .. } => {
                let x = if places == 1 {
                    (max * 0.7 * 10.0).round() / 10.0 + 0.1
                } else {
                    max * 0.37
                };
                let x = (x * 10f64.powi(places as i32)).round() / 10f64.powi(places as i32);
                keys(app, &["<Enter>", "<C-u>", &format!("{x}"), "<Enter>"]);
                Value::Real(x)
            }
            Kind::Bool => {
                keys(app, &["<Enter>"]);
                cycle_bool(&default_value(f))
            }
            Kind::Choice(_) | Kind::Lookup(_) => {
                let code = pick_option(app, f);
                keys(app, &["<Enter>", &code, "<Enter>"]);
                Value::Text(code)
            }
            Kind::Date => {
                keys(app, &["<Enter>", "<C-u>", "2024-02-29", "<Enter>"]);
                Value::text("2024-02-29")
            }
            Kind::Time => {
                keys(app, &["<Enter>", "<C-u>", "07:45", "<Enter>"]);
                Value::text("07:45")
            }
            Kind::Slug | Kind::Org(_) => unreachable!("not in lists"),
        };
        let ed = app.editor.as_ref().unwrap();
        let k = ed.form_key().unwrap();
        assert_eq!(
            ed.values(k).unwrap()[i],
            v,
            "{}.{} as entered",
            spec.key,
            f.name
        );
        assert!(
            ed.state(k).errors[i].is_none(),
            "{}.{}: {:?}",
            spec.key,
            f.name,
            ed.state(k).errors[i]
        );
        expected.push(v);
    }
    expected
}

#[test]
fn every_column_of_every_list_is_entered_saved_and_read_back() {
    for (li, spec) in CHILD_SPECS.iter().enumerate() {
        let mut app = app_with_new_persona();
        goto_tab(&mut app, spec.title);
        if spec.cardinality == Cardinality::Many {
            keys(&mut app, &["o"]);
            assert!(
                app.editor.as_ref().unwrap().row_open.is_some(),
                "{}: o opens a row form",
                spec.key
            );
        }
        let expected = fill_every_column(&mut app, spec);
        if spec.cardinality == Cardinality::Many {
            keys(&mut app, &["<Esc>"]);
            assert!(app.editor.as_ref().unwrap().row_open.is_none());
        }
        let title = app
            .editor
            .as_ref()
            .unwrap()
            .tab_title(app.editor.as_ref().unwrap().tab);
        if spec.cardinality == Cardinality::Many {
            assert_eq!(title, format!("{} (1)", spec.title));
        }
        keys(&mut app, &["<C-s>"]);
        let status = app.status.clone().unwrap();
        assert!(!status.error, "{}: {}", spec.key, status.text);
        // Read back through a fresh load (what a restart sees).
        let p = app.store.load_by_slug("list-tester").unwrap();
        let rows = &p.lists[li];
        assert_eq!(rows.len(), 1, "{}", spec.key);
        for (i, f) in spec.fields.iter().enumerate() {
            if f.is_writable() {
                assert_eq!(
                    rows[0].values[i], expected[i],
                    "{}.{} read back",
                    spec.key, f.name
                );
            }
        }
        if spec.key == "vpanes_scoring" {
            let total = persona_studio::rules::vpanes_total(p.vpanes_scores());
            assert_eq!(rows[0].get(spec, "total_score").as_f64(), total);
            assert_eq!(
                rows[0].get(spec, "priority_tier"),
                &Value::text(persona_studio::rules::vpanes_tier(total))
            );
        }
    }
}

#[test]
fn rows_are_reordered_deleted_and_changed_from_the_keyboard() {
    let (_dir, mut app, conn) = file_app_with_new_persona();
    goto_tab(&mut app, "Pain points");
    for text in ["first", "second", "third"] {
        keys(&mut app, &["o"]);
        fill(&mut app, "pain_point", text);
        keys(&mut app, &["<Esc>"]);
    }
    keys(&mut app, &["K"]); // third moves above second
    keys(&mut app, &["g", "<A-Down>"]); // first moves below third
    keys(&mut app, &["<C-s>"]);
    let order = |app: &App| -> Vec<String> {
        app.store
            .load_by_slug("list-tester")
            .unwrap()
            .list("pain_points")
            .iter()
            .map(|r| r.values[0].to_string())
            .collect()
    };
    assert_eq!(order(&app), ["third", "first", "second"]);
    let seq: Vec<i64> = {
        let mut st = conn
            .prepare("SELECT sequence_order FROM persona_pain_points ORDER BY sequence_order")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(seq, [0, 1, 2]);
    // Change the middle row, delete the last one after confirming.
    keys(&mut app, &["g", "j", "<Enter>"]);
    fill(&mut app, "pain_point", "first, changed");
    keys(&mut app, &["<Esc>", "G", "d"]);
    assert!(render(&mut app, 80, 24).contains("Delete this row"));
    keys(&mut app, &["y", "<C-s>"]);
    assert_eq!(order(&app), ["third", "first, changed"]);
    // Typical day orders by sort_order.
    goto_tab(&mut app, "Typical day");
    for (t, a) in [("09:00", "standup"), ("08:00", "email")] {
        keys(&mut app, &["o"]);
        fill(&mut app, "time_slot", t);
        fill(&mut app, "activity_description", a);
        keys(&mut app, &["<Esc>"]);
    }
    keys(&mut app, &["K", "<C-s>"]);
    let day = app.store.load_by_slug("list-tester").unwrap();
    let acts: Vec<String> = day
        .list("typical_day")
        .iter()
        .map(|r| r.values[1].to_string())
        .collect();
    assert_eq!(acts, ["email", "standup"]);
}

#[test]
fn unsaved_list_edits_count_as_dirty_and_can_be_discarded() {
    let mut app = app_with_new_persona();
    goto_tab(&mut app, "Goals");
    keys(&mut app, &["o"]);
    fill(&mut app, "goal_text", "Ship faster");
    keys(&mut app, &["<Esc>"]);
    assert!(app.editor.as_ref().unwrap().is_dirty());
    keys(&mut app, &["<Esc>"]);
    assert!(render(&mut app, 80, 24).contains("Save changes?"));
    keys(&mut app, &["d"]);
    assert!(
        app.store
            .load_by_slug("list-tester")
            .unwrap()
            .list("goals")
            .is_empty()
    );
}

#[test]
fn an_untouched_new_row_is_dropped_on_close() {
    let mut app = app_with_new_persona();
    goto_tab(&mut app, "Motivations");
    keys(&mut app, &["o", "<Esc>"]);
    assert!(
        app.editor
            .as_ref()
            .unwrap()
            .draft
            .list("motivations")
            .is_empty()
    );
    assert!(!app.editor.as_ref().unwrap().is_dirty());
}

fn field_error(app: &App) -> Option<String> {
    let ed = app.editor.as_ref()?;
    let k = ed.form_key()?;
    ed.state(k).errors[ed.focus(k)].clone()
}

/// Types a value into a list field and asserts it is refused at the field with `message`
/// visible on screen, and that a save writes nothing.
fn refused(list: &str, field: &str, typed: &str, message: &str) {
    let mut app = app_with_new_persona();
    let before = app.store.load_by_slug("list-tester").unwrap();
    let spec = CHILD_SPECS.iter().find(|c| c.key == list).unwrap();
    goto_tab(&mut app, spec.title);
    if spec.cardinality == Cardinality::Many {
        keys(&mut app, &["o"]);
        for f in spec.fields.iter().filter(|f| f.required && f.name != field) {
            fill(&mut app, f.name, "2001");
        }
    }
    fill(&mut app, field, typed);
    let err = field_error(&app).unwrap_or_else(|| panic!("{list}.{field}={typed:?} accepted"));
    assert!(err.contains(message), "{err}");
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains(message), "message not visible:\n{screen}");
    keys(&mut app, &["<C-s>"]);
    assert!(app.status.clone().unwrap().error);
    assert_eq!(
        app.store.load_by_slug("list-tester").unwrap(),
        before,
        "nothing saved"
    );
}

#[test]
fn range_is_refused_at_the_field() {
    refused("tools_used", "satisfaction_score", "5.5", "from 0 to 5");
    refused(
        "tools_used",
        "satisfaction_score",
        "4.25",
        "at most 1 decimal",
    );
    refused("vpanes_scoring", "pain", "11", "from 0 to 10");
}

#[test]
fn year_bounds_are_refused_at_the_field() {
    refused("education", "year_completed", "1949", "from 1950 to 2030");
    refused(
        "certifications",
        "year_obtained",
        "2031",
        "from 1950 to 2030",
    );
}

#[test]
fn dates_and_times_are_refused_at_the_field() {
    refused(
        "certifications",
        "expiration_date",
        "2023-02-30",
        "YYYY-MM-DD",
    );
    refused("typical_day", "time_slot", "25:00", "HH:MM");
}

#[test]
fn required_column_is_refused_on_save_with_focus() {
    let mut app = app_with_new_persona();
    goto_tab(&mut app, "Education");
    keys(&mut app, &["o"]);
    fill(&mut app, "degree", "PhD");
    fill(&mut app, "institution", "KU Leuven");
    keys(&mut app, &["<Esc>", "<C-s>"]);
    let status = app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("Field of study") && status.text.contains("required"),
        "{status:?}"
    );
    let ed = app.editor.as_ref().unwrap();
    let (li, _, _) = ed
        .row_open
        .expect("the row form is reopened on the bad row");
    assert_eq!(CHILD_SPECS[li].key, "education");
    assert_eq!(field_error(&app).as_deref(), Some("is required"));
    assert!(render(&mut app, 80, 24).contains("is required"));
    assert!(
        app.store
            .load_by_slug("list-tester")
            .unwrap()
            .list("education")
            .is_empty()
    );
}

#[test]
fn unique_metric_name_is_refused() {
    let mut app = app_with_new_persona();
    goto_tab(&mut app, "Success metrics");
    for _ in 0..2 {
        keys(&mut app, &["o"]);
        fill(&mut app, "metric_name", "Cycle time");
        focus_field(&mut app, "metric_description");
        keys(
            &mut app,
            &["<Enter>", "Days from request to answer", "<Esc>", "<Esc>"],
        );
    }
    keys(&mut app, &["<C-s>"]);
    let status = app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("already a metric"),
        "{status:?}"
    );
    assert!(render(&mut app, 80, 24).contains("already a metric"));
    assert!(
        app.store
            .load_by_slug("list-tester")
            .unwrap()
            .list("success_metrics")
            .is_empty()
    );
}

#[test]
fn choices_offer_only_allowed_values_and_the_store_refuses_others() {
    let mut app = app_with_new_persona();
    goto_tab(&mut app, "Pain points");
    keys(&mut app, &["o"]);
    focus_field(&mut app, "severity");
    keys(&mut app, &["<Enter>", "urgent"]);
    let screen = render(&mut app, 80, 24);
    assert!(
        !screen.contains("urgent\n") && !screen.contains("+ add"),
        "no way to pick a value outside the list:\n{screen}"
    );
    keys(&mut app, &["<Enter>"]);
    assert_eq!(
        app.editor.as_ref().unwrap().draft.list("pain_points")[0].values[2],
        Value::text("medium"),
        "unchanged"
    );
    // Through the store (the path import and the CLI take), the value is refused with its field.
    let mut p = app.store.load_by_slug("list-tester").unwrap();
    let spec = &CHILD_SPECS[0];
    let mut row = persona_studio::model::Row::new(spec);
    row.values[0] = Value::text("Too many portals");
    row.values[2] = Value::text("urgent");
    p.lists[0].push(row);
    let err = app.store.save(&p).unwrap_err().to_string();
    assert!(
        err.contains("severity")
            && err.contains("\"urgent\" is not one of low, medium, high, critical"),
        "{err}"
    );
}

#[test]
fn only_one_vpanes_row_per_persona() {
    let (_dir, mut app, conn) = file_app_with_new_persona();
    let mut p = app.store.load_by_slug("list-tester").unwrap();
    let li = persona_studio::catalog::child_index("vpanes_scoring").unwrap();
    p.lists[li].push(persona_studio::model::Row::new(&CHILD_SPECS[li]));
    p.lists[li].push(persona_studio::model::Row::new(&CHILD_SPECS[li]));
    p.lists[li][0].values[0] = Value::Real(1.0);
    p.lists[li][1].values[0] = Value::Real(2.0);
    let err = app.store.save(&p).unwrap_err().to_string();
    assert!(err.contains("one row per persona"), "{err}");
    // And the schema itself refuses a second row from any SQL client.
    let id = p.id.clone().unwrap();
    conn.execute(
        "INSERT INTO persona_vpanes_scoring (persona_id, visibility) VALUES (?1, 1)",
        [&id],
    )
    .unwrap();
    let second = conn.execute(
        "INSERT INTO persona_vpanes_scoring (persona_id, visibility) VALUES (?1, 2)",
        [&id],
    );
    assert!(second.unwrap_err().to_string().contains("UNIQUE"));
    // The editor shows the VPANES tab as a plain form, not a list.
    goto_tab(&mut app, "VPANES");
    assert!(app.editor.as_ref().unwrap().form_key().is_some());
}

#[test]
fn list_tab_and_row_form_snapshots() {
    let mut app = app();
    keys(&mut app, &["/", "Aisha", "<Enter>", "<Enter>"]);
    goto_tab(&mut app, "Pain points");
    insta::assert_snapshot!("list_tab_pain_points_80x24", render(&mut app, 80, 24));
    keys(&mut app, &["<Enter>"]);
    insta::assert_snapshot!("row_form_pain_point_80x24", render(&mut app, 80, 24));
}
