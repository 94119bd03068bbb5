//! `cargo bench --bench scale`: the operations on a generated 100,000-persona database,
//! each beside a bare-SQLite baseline doing the same database work in the same run.
//!
//! Criterion prints its own statistics per benchmark; at the end a table gives, per operation,
//! the app's median / 95th percentile / worst, the baseline's median, their ratio and the
//! target. `PERSONA_STUDIO_BENCH_PERSONAS` changes the size (default 100,000); see
//! BENCHMARKS.md for how to read and reproduce the figures.

mod common;

use std::path::Path;
use std::time::Duration;

use common::*;
use criterion::{BenchmarkGroup, Criterion, SamplingMode, measurement::WallTime};
use crossterm::event::KeyCode;
use persona_studio::app::App;
use persona_studio::app::editor::Editor;
use persona_studio::catalog::CHILD_SPECS;
use persona_studio::r#gen as synth;
use persona_studio::model::{Persona, Row};
use persona_studio::store::Store;
use persona_studio::transfer::{self, Selection};
use rusqlite::{Connection, params};

/// The columns of a browser line, as the store reads them.
const WINDOW_SQL: &str = "SELECT p.id, p.slug, p.name, p.title, p.archetype, p.function_name, \
     p.seniority_level, p.validation_status, v.total_score, v.priority_tier, p.ai_maturity_score, \
     p.work_complexity_score, p.updated_at FROM personas p \
     LEFT JOIN persona_vpanes_scoring v ON v.persona_id = p.id \
     WHERE p.tenant_id = ?1 AND p.deleted_at IS NULL \
     ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?2 OFFSET ?3";
const COUNT_SQL: &str = "SELECT count(*) FROM personas WHERE tenant_id = ?1 AND deleted_at IS NULL";
const SEARCH_COUNT_SQL: &str = "SELECT count(*) FROM personas p WHERE p.tenant_id = ?1 \
     AND p.deleted_at IS NULL AND p.id IN (SELECT k.persona_id FROM persona_search \
     JOIN persona_search_key k ON k.fts_rowid = persona_search.rowid \
     WHERE persona_search MATCH ?2)";
const SEARCH_WINDOW_SQL: &str = "SELECT p.id, p.slug, p.name, p.title, p.archetype, \
     p.function_name, p.seniority_level, p.validation_status, v.total_score, v.priority_tier, \
     p.ai_maturity_score, p.work_complexity_score, p.updated_at FROM personas p \
     LEFT JOIN persona_vpanes_scoring v ON v.persona_id = p.id \
     WHERE p.tenant_id = ?1 AND p.deleted_at IS NULL AND p.id IN (SELECT k.persona_id \
     FROM persona_search JOIN persona_search_key k ON k.fts_rowid = persona_search.rowid \
     WHERE persona_search MATCH ?2) \
     ORDER BY p.name COLLATE NOCASE, p.id LIMIT 40";
/// Personas exported and imported: `PERSONA_STUDIO_BENCH_TRANSFER`, else 10,000 (0 skips).
fn transfer_count() -> u64 {
    std::env::var("PERSONA_STUDIO_BENCH_TRANSFER")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}
/// The ids of the exported personas (`gen-42-1` .. `gen-42-<count>`).
const SELECTED_SQL: &str = "INSERT INTO temp.selected SELECT id FROM personas \
     WHERE slug GLOB 'gen-42-*' AND CAST(substr(slug, 8) AS INTEGER) <= ?1";
/// Rows of the browser table at 120x40.
const VISIBLE: i64 = 33;

/// One line of the summary: the app's record, the baseline's, the target and which
/// statistic it applies to.
struct Line {
    label: &'static str,
    app: &'static str,
    baseline: Option<&'static str>,
    target: Option<(Duration, Stat)>,
}

#[derive(Clone, Copy)]
enum Stat {
    Median,
    Worst,
}

fn main() {
    let data = dataset();
    let (_dir, db) = working_copy(&data);
    let fill_id = prepare_full_persona(&db);
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();

    open_to_first_frame(&mut c, &db);
    scroll(&mut c, &db);
    search(&mut c, &db);
    editor(&mut c, &db, &fill_id);
    paste(&mut c, &db);
    if transfer_count() > 0 {
        transfer_10k(&mut c, &db);
    }
    c.final_summary();
    summary(&[
        Line {
            label: "open to first frame (Store::open + App::new + draw)",
            app: "open/app",
            baseline: Some("open/sqlite"),
            target: Some((Duration::from_millis(150), Stat::Median)),
        },
        Line {
            label: "scroll one row (j + draw)",
            app: "scroll/app",
            baseline: Some("scroll/sqlite"),
            target: Some((Duration::from_millis(16), Stat::Worst)),
        },
        Line {
            label: "jump to the last row (G + draw)",
            app: "end/app",
            baseline: Some("end/sqlite"),
            target: Some((Duration::from_millis(16), Stat::Worst)),
        },
        Line {
            label: "search keystroke 'x' (+ draw)",
            app: "search_x/app",
            baseline: Some("search_x/sqlite"),
            target: Some((Duration::from_millis(16), Stat::Worst)),
        },
        Line {
            label: "search keystroke 'm' (matches nearly all)",
            app: "search_m/app",
            baseline: Some("search_m/sqlite"),
            target: Some((Duration::from_millis(16), Stat::Worst)),
        },
        Line {
            label: "jump to the last match of 'm' (G + draw)",
            app: "search_end/app",
            baseline: None,
            target: Some((Duration::from_millis(16), Stat::Worst)),
        },
        Line {
            label: "search 'x' until its results are drawn (worker)",
            app: "search_x_settled/app",
            baseline: Some("search_x/sqlite"),
            target: None,
        },
        Line {
            label: "search 'm' until its results are drawn (worker)",
            app: "search_m_settled/app",
            baseline: Some("search_m/sqlite"),
            target: None,
        },
        Line {
            label: "open the editor, all 18 lists (Enter + draw)",
            app: "editor_open/app",
            baseline: Some("editor_open/sqlite"),
            target: Some((Duration::from_millis(20), Stat::Median)),
        },
        Line {
            label: "field edit keystroke, sidebar recomputed (+ draw)",
            app: "field_key/app",
            baseline: None,
            target: Some((Duration::from_millis(16), Stat::Worst)),
        },
        Line {
            label: "paste 100 KB into the long-text box (+ draw)",
            app: "paste/app",
            baseline: Some("paste/textarea"),
            target: Some((Duration::from_millis(100), Stat::Worst)),
        },
        Line {
            label: "save a persona after a field edit (Ctrl-S + draw)",
            app: "save/app",
            baseline: Some("save/sqlite"),
            target: None,
        },
        Line {
            label: "export 10,000 personas (JSON bundle)",
            app: "export/app",
            baseline: Some("export/sqlite"),
            target: None,
        },
        Line {
            label: "import 10,000 personas into an empty file",
            app: "import/app",
            baseline: Some("import/sqlite"),
            target: Some((Duration::from_secs(10), Stat::Median)),
        },
        Line {
            label: "import one persona with 8,000 pain points",
            app: "import_long/app",
            baseline: None,
            target: Some((Duration::from_secs(2), Stat::Median)),
        },
    ]);
}

fn tenant_id(conn: &Connection) -> String {
    conn.query_row(
        "SELECT id FROM tenants WHERE tenant_key = 'default'",
        [],
        |r| r.get(0),
    )
    .expect("the default tenant")
}

/// Reads every column of every row, as a caller that uses the data would.
fn consume(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> usize {
    let mut st = conn.prepare_cached(sql).expect("prepare");
    let n = st.column_count();
    let mut rows = st.query(params).expect("query");
    let mut cells = 0;
    while let Some(r) = rows.next().expect("row") {
        for i in 0..n {
            if !matches!(r.get_ref(i), Ok(rusqlite::types::ValueRef::Null)) {
                cells += 1;
            }
        }
    }
    cells
}

/// One criterion benchmark timing `once` per iteration (setup inside `once` is not timed
/// unless it calls `timed`), recorded for the summary under `name`.
fn bench(
    g: &mut BenchmarkGroup<'_, WallTime>,
    id: &str,
    name: &'static str,
    mut once: impl FnMut(&'static str) -> Duration,
) {
    g.bench_function(id, |b| {
        b.iter_custom(|iters| (0..iters).map(|_| once(name)).sum())
    });
}

fn open_to_first_frame(c: &mut Criterion, db: &Path) {
    let mut g = c.benchmark_group("open_to_first_frame");
    bench(&mut g, "app", "open/app", |name| {
        let (app, took) = timed(name, || {
            let app = App::new(open(db), SIZE);
            draw(&mut terminal(), &app);
            app
        });
        drop(app);
        took
    });
    bench(&mut g, "sqlite", "open/sqlite", |name| {
        timed(name, || {
            let conn = Connection::open(db).expect("open");
            let tenant = tenant_id(&conn);
            let n: i64 = conn
                .query_row(COUNT_SQL, [&tenant], |r| r.get(0))
                .expect("count");
            consume(&conn, WINDOW_SQL, params![tenant, VISIBLE, 0]) + n as usize
        })
        .1
    });
    g.finish();
}

fn scroll(c: &mut Criterion, db: &Path) {
    let mut g = c.benchmark_group("scroll");
    g.sample_size(20);
    let mut app = App::new(open(db), SIZE);
    let mut t = terminal();
    bench(&mut g, "app", "scroll/app", |name| {
        if app.browser.selected + 1 >= app.browser.total {
            app.on_key(ch('g'));
        }
        timed(name, || {
            app.on_key(ch('j'));
            draw(&mut t, &app);
        })
        .1
    });
    let total = app.browser.total as i64;
    let conn = Connection::open(db).expect("open");
    let tenant = tenant_id(&conn);
    let mut offset = 0;
    bench(&mut g, "sqlite", "scroll/sqlite", |name| {
        offset = (offset + 1) % (total - VISIBLE).max(1);
        timed(name, || {
            consume(&conn, WINDOW_SQL, params![tenant, VISIBLE, offset])
        })
        .1
    });
    bench(&mut g, "end_app", "end/app", |name| {
        app.on_key(ch('g'));
        draw(&mut t, &app);
        timed(name, || {
            app.on_key(ch('G'));
            draw(&mut t, &app);
        })
        .1
    });
    bench(&mut g, "end_sqlite", "end/sqlite", |name| {
        timed(name, || {
            consume(
                &conn,
                WINDOW_SQL,
                params![tenant, VISIBLE, (total - VISIBLE).max(0)],
            )
        })
        .1
    });
    g.finish();
}

fn search(c: &mut Criterion, db: &Path) {
    let mut g = c.benchmark_group("search");
    let mut app = App::new(open(db), SIZE);
    let mut t = terminal();
    app.on_key(ch('/'));
    assert!(app.browser.searching, "/ starts a search");
    let conn = Connection::open(db).expect("open");
    let tenant = tenant_id(&conn);
    for letter in ['x', 'm'] {
        let (app_name, sql_name) = match letter {
            'x' => ("search_x/app", "search_x/sqlite"),
            _ => ("search_m/app", "search_m/sqlite"),
        };
        // The keystroke hands the query to the search worker and draws at once (the previous
        // search settled first, untimed, so the worker does not compete for the cores).
        bench(&mut g, &format!("{letter}_app"), app_name, |name| {
            let took = timed(name, || {
                app.on_key(ch(letter));
                draw(&mut t, &app);
            })
            .1;
            settle(&mut app);
            app.on_key(code(KeyCode::Backspace));
            settle(&mut app);
            took
        });
        // Until the results are on screen: the keystroke, the worker's query, the frame.
        let settled = match letter {
            'x' => "search_x_settled/app",
            _ => "search_m_settled/app",
        };
        bench(&mut g, &format!("{letter}_settled_app"), settled, |name| {
            let took = timed(name, || {
                app.on_key(ch(letter));
                settle(&mut app);
                draw(&mut t, &app);
            })
            .1;
            app.on_key(code(KeyCode::Backspace));
            settle(&mut app);
            took
        });
        let query = format!("\"{letter}\"*");
        bench(&mut g, &format!("{letter}_sqlite"), sql_name, |name| {
            timed(name, || {
                let n: i64 = conn
                    .query_row(SEARCH_COUNT_SQL, params![tenant, query], |r| r.get(0))
                    .expect("count");
                consume(&conn, SEARCH_WINDOW_SQL, params![tenant, query]) + n as usize
            })
            .1
        });
    }
    // Jumping to the last of the matches of 'm' (nearly all): the rows are read by id from
    // the result the worker returned, not by searching again.
    app.on_key(ch('m'));
    settle(&mut app);
    app.on_key(code(KeyCode::Enter));
    bench(&mut g, "end_in_results_app", "search_end/app", |name| {
        app.on_key(ch('g'));
        draw(&mut t, &app);
        timed(name, || {
            app.on_key(ch('G'));
            draw(&mut t, &app);
        })
        .1
    });
    g.finish();
}

/// Waits for the background search to finish and takes its result in.
fn settle(app: &mut App) {
    assert!(
        app.wait_for_search(Duration::from_secs(60)),
        "the search finished"
    );
}

/// Gives one generated persona rows in all 18 lists (borrowed from other generated personas)
/// and a name that sorts first, so the browser opens with it selected. Returns its id.
fn prepare_full_persona(db: &Path) -> String {
    let mut store = open(db);
    let mut p: Persona = store
        .load_by_slug(&synth::slug(SEED, 1))
        .expect("a generated persona");
    let mut donor = 2;
    for (li, _) in CHILD_SPECS.iter().enumerate() {
        while p.lists[li].is_empty() && donor < 400 {
            let other = synth::persona(SEED, donor, store.lookups()).persona;
            if let Some(row) = other.lists[li].first() {
                p.lists[li].push(Row {
                    id: None,
                    values: row.values.clone(),
                });
            }
            donor += 1;
        }
    }
    assert!(
        p.lists.iter().all(|rows| !rows.is_empty()),
        "rows in all 18 lists"
    );
    p.set("name", persona_studio::model::Value::text("Aaron Aaberg"));
    p.deleted_at = None;
    let saved = store.save(&p).expect("save the full persona");
    if saved.deleted_at.is_some() {
        store
            .restore(saved.id.as_deref().unwrap_or_default())
            .expect("restore");
    }
    saved.id.unwrap_or_default()
}

fn editor(c: &mut Criterion, db: &Path, full_id: &str) {
    let mut g = c.benchmark_group("editor");
    let mut app = App::new(open(db), SIZE);
    let mut t = terminal();
    assert_eq!(
        app.browser.selected_summary().map(|s| s.id.as_str()),
        Some(full_id),
        "the full persona is selected"
    );
    bench(&mut g, "open_app", "editor_open/app", |name| {
        let took = timed(name, || {
            app.on_key(code(KeyCode::Enter));
            draw(&mut t, &app);
        })
        .1;
        assert!(app.editor.is_some(), "Enter opens the editor");
        app.on_key(code(KeyCode::Esc));
        took
    });
    let conn = Connection::open(db).expect("open");
    bench(&mut g, "open_sqlite", "editor_open/sqlite", |name| {
        timed(name, || {
            let mut cells = consume(&conn, "SELECT * FROM personas WHERE id = ?1", [full_id]);
            for spec in CHILD_SPECS {
                let sql = format!("SELECT * FROM {} WHERE persona_id = ?1", spec.table);
                cells += consume(&conn, &sql, [full_id]);
            }
            cells
        })
        .1
    });

    // Typing into the title field: the form and the sidebar are redrawn on every key.
    app.on_key(code(KeyCode::Enter));
    focus(&mut app, "title");
    app.on_key(code(KeyCode::Enter));
    bench(&mut g, "field_key_app", "field_key/app", |name| {
        let took = timed(name, || {
            app.on_key(ch('x'));
            draw(&mut t, &app);
        })
        .1;
        app.on_key(code(KeyCode::Backspace));
        took
    });
    app.on_key(code(KeyCode::Esc));

    let mut n = 0;
    bench(&mut g, "save_app", "save/app", |name| {
        n += 1;
        app.on_key(code(KeyCode::Enter));
        app.on_key(ctrl('u'));
        for c in format!("Benchmark title {n}").chars() {
            app.on_key(ch(c));
        }
        app.on_key(code(KeyCode::Enter));
        let took = timed(name, || {
            app.on_key(ctrl('s'));
            draw(&mut t, &app);
        })
        .1;
        let ed = app.editor.as_ref().expect("still in the editor");
        assert!(
            !ed.is_dirty(),
            "saved: {:?}",
            app.status.as_ref().map(|s| &s.text)
        );
        took
    });
    bench(&mut g, "save_sqlite", "save/sqlite", |name| {
        n += 1;
        timed(name, || {
            let tx = conn.unchecked_transaction().expect("begin");
            tx.execute(
                "UPDATE personas SET title = ?1, version = version + 1 WHERE id = ?2",
                params![format!("Benchmark title {n}"), full_id],
            )
            .expect("update");
            tx.commit().expect("commit");
        })
        .1
    });
    g.finish();
}

/// A 100 KB bracketed paste (one `Event::Paste`) into the long-text box of Background story,
/// and the frame after it; the baseline builds the same `String` and inserts it into a bare
/// `TextArea`, the widget the box wraps.
fn paste(c: &mut Criterion, db: &Path) {
    let mut g = c.benchmark_group("paste");
    let line = "Interview notes, pasted from the transcript: 研究開発 and the rest.\n";
    let text = || line.repeat(100 * 1024 / line.len());
    let mut app = App::new(open(db), SIZE);
    let mut t = terminal();
    app.on_key(code(KeyCode::Enter));
    while app
        .editor
        .as_ref()
        .is_some_and(|e| e.tab_title(e.tab) != "Narrative")
    {
        app.on_key(code(KeyCode::Tab));
    }
    focus(&mut app, "background_story");
    bench(&mut g, "app", "paste/app", |name| {
        app.on_key(ch('x'));
        app.on_key(code(KeyCode::Enter));
        let big = text();
        let took = timed(name, || {
            app.on_paste(&big);
            draw(&mut t, &app);
        })
        .1;
        app.on_key(code(KeyCode::Esc));
        let ed = app.editor.as_ref().expect("still in the editor");
        assert_eq!(
            ed.draft.text("background_story").map(str::len),
            Some(big.trim_end().len())
        );
        took
    });
    bench(&mut g, "textarea", "paste/textarea", |name| {
        timed(name, || {
            let mut area = ratatui_textarea::TextArea::default();
            area.insert_str(text());
            area
        })
        .1
    });
    g.finish();
}

/// Moves the focus of the open editor's form to the named field.
fn focus(app: &mut App, field: &str) {
    app.on_key(ch('g'));
    for _ in 0..80 {
        let ed = app.editor.as_ref().expect("editor open");
        let key = ed.form_key().expect("a form tab");
        if Editor::fields(key)[ed.focus(key)].name == field {
            return;
        }
        app.on_key(ch('j'));
    }
    panic!("no field {field} on the first tab");
}

fn transfer_10k(c: &mut Criterion, db: &Path) {
    let mut g = c.benchmark_group("transfer_10k");
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(1));
    let store = open(db);
    let count = transfer_count();
    let slugs: Vec<String> = (1..=count).map(|n| synth::slug(SEED, n)).collect();
    let selection = Selection::Slugs(slugs);
    let mut bundle = String::new();
    bench(&mut g, "export_app", "export/app", |name| {
        let (text, took) = timed(name, || {
            transfer::export_json(&store, &selection).expect("export")
        });
        bundle = text;
        took
    });
    let conn = Connection::open(db).expect("open");
    conn.execute_batch("CREATE TEMP TABLE selected (id TEXT PRIMARY KEY)")
        .expect("selection");
    conn.execute(SELECTED_SQL, [count]).expect("selection");
    bench(&mut g, "export_sqlite", "export/sqlite", |name| {
        timed(name, || {
            let mut cells = consume(
                &conn,
                "SELECT * FROM personas WHERE id IN (SELECT id FROM temp.selected)",
                [],
            );
            for spec in CHILD_SPECS {
                let sql = format!(
                    "SELECT * FROM {} WHERE persona_id IN (SELECT id FROM temp.selected)",
                    spec.table
                );
                cells += consume(&conn, &sql, []);
            }
            cells
        })
        .1
    });

    bench(&mut g, "import_app", "import/app", |name| {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut target = Store::open(&dir.path().join("import.db"), None, "bench").expect("open");
        let ((created, _), took) = timed(name, || {
            let plan = transfer::plan_import(&target, &bundle).expect("plan");
            transfer::apply_import(&mut target, &plan).expect("apply")
        });
        assert_eq!(created as u64, count);
        took
    });
    // One persona whose pain points are its first one 8,000 times: the list length that took
    // 71 s when each row re-indexed its persona (issue 12, point 3).
    let long = {
        let mut bundle: serde_json::Value = serde_json::from_str(&bundle).expect("bundle is JSON");
        let mut p = bundle["personas"][0].take();
        let row = p["pain_points"][0].clone();
        p["pain_points"] = serde_json::Value::Array(
            (0..8_000)
                .map(|k| {
                    let mut r = row.clone();
                    r["pain_point"] = format!("pain point {k}").into();
                    r
                })
                .collect(),
        );
        serde_json::json!({"format_version": 1, "personas": [p]}).to_string()
    };
    bench(&mut g, "import_long_app", "import_long/app", |name| {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut target = Store::open(&dir.path().join("long.db"), None, "bench").expect("open");
        let ((created, _), took) = timed(name, || {
            let plan = transfer::plan_import(&target, &long).expect("plan");
            transfer::apply_import(&mut target, &plan).expect("apply")
        });
        assert_eq!(created, 1);
        took
    });
    let source = db.to_path_buf();
    bench(&mut g, "import_sqlite", "import/sqlite", |name| {
        let dir = tempfile::tempdir().expect("temp dir");
        let conn =
            persona_studio::store::db::open_file(&dir.path().join("import.db")).expect("open");
        conn.execute("ATTACH DATABASE ?1 AS src", [source.to_string_lossy()])
            .expect("attach");
        conn.execute_batch(
            "CREATE TEMP TABLE selected (id TEXT PRIMARY KEY); \
             INSERT INTO tenants SELECT * FROM src.tenants; \
             INSERT INTO users SELECT * FROM src.users; \
             INSERT INTO org_functions SELECT * FROM src.org_functions; \
             INSERT INTO org_departments SELECT * FROM src.org_departments; \
             INSERT INTO org_roles SELECT * FROM src.org_roles;",
        )
        .expect("reference rows");
        conn.execute(
            &SELECTED_SQL.replace("FROM personas", "FROM src.personas"),
            [count],
        )
        .expect("selection");
        // Every stored column (generated ones are computed again), table by table.
        let copies: Vec<String> = std::iter::once(("personas", "id"))
            .chain(CHILD_SPECS.iter().map(|c| (c.table, "persona_id")))
            .map(|(table, key)| {
                let cols = stored_columns(&conn, table).join(", ");
                format!(
                    "INSERT INTO {table} ({cols}) SELECT {cols} FROM src.{table} \
                     WHERE {key} IN (SELECT id FROM temp.selected)"
                )
            })
            .collect();
        timed(name, || {
            let tx = conn.unchecked_transaction().expect("begin");
            // The app's write grant (schema/005_rules.sql): copied personas keep their status.
            tx.execute_batch("INSERT INTO workflow_grant (id) VALUES (1)")
                .expect("grant");
            for sql in &copies {
                tx.execute_batch(sql).expect("copy rows");
            }
            tx.execute_batch("DELETE FROM workflow_grant")
                .expect("revoke");
            tx.commit().expect("commit");
        })
        .1
    });
    g.finish();
}

/// The columns of a table that hold data (not generated ones).
fn stored_columns(conn: &Connection, table: &str) -> Vec<String> {
    let mut st = conn
        .prepare("SELECT name FROM pragma_table_xinfo(?1) WHERE hidden = 0")
        .expect("table info");
    st.query_map([table], |r| r.get(0))
        .expect("columns")
        .map(|c| c.expect("column"))
        .collect()
}

fn summary(lines: &[Line]) {
    let mut out = String::new();
    out.push_str(&format!(
        "\n## {} personas, {}x{} frames\n\n",
        persona_count(),
        SIZE.0,
        SIZE.1
    ));
    out.push_str(
        "| operation | app median | app p95 | app worst | bare SQLite median | ratio | target | met |\n\
         |---|---:|---:|---:|---:|---:|---|---|\n",
    );
    for l in lines {
        let app = samples(l.app);
        let Some(median) = quantile(&app, 0.5) else {
            continue;
        };
        let p95 = quantile(&app, 0.95).unwrap_or(median);
        let worst = quantile(&app, 1.0).unwrap_or(median);
        let base = l.baseline.and_then(|b| quantile(&samples(b), 0.5));
        let ratio = base.map_or("—".into(), |b| {
            format!("{:.1}×", median.as_secs_f64() / b.as_secs_f64().max(1e-9))
        });
        let (target, met) = match l.target {
            Some((limit, Stat::Median)) => (
                format!("median < {}", ms(limit)),
                if median < limit { "yes" } else { "NO" },
            ),
            Some((limit, Stat::Worst)) => (
                format!("every one < {}", ms(limit)),
                if worst < limit { "yes" } else { "NO" },
            ),
            None => ("—".into(), "—"),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {ratio} | {target} | {met} |\n",
            l.label,
            ms(median),
            ms(p95),
            ms(worst),
            base.map_or("—".into(), ms),
        ));
    }
    out.push_str(&format!(
        "\n{} samples per app operation (median); the ratio is app median / baseline median.\n",
        samples("scroll/app").len()
    ));
    println!("{out}");
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-summary.md");
    if std::fs::write(&file, &out).is_ok() {
        println!("(also written to {})", file.display());
    }
}
