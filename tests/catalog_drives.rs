//! The column description (`catalog`) is the one list of the summary, CSV and browser columns,
//! the store-owned columns, the lookup tables and the searched columns; these tests hold it to
//! the migrated schema and to the `Summary` type, and keep behaviour off list names.

use std::collections::BTreeSet;
use std::path::Path;

use persona_studio::catalog::{
    BROWSER_COLUMNS, CHILD_SPECS, CORE_FIELDS, CORE_OWNED_COLUMNS, CORE_TABLE, CSV_COLUMNS,
    LIST_OWNED_COLUMNS, SUMMARY_COLUMNS, browser_columns, lookup_tables, search_columns,
};
use persona_studio::model::Summary;
use persona_studio::store::db;

fn columns(conn: &rusqlite::Connection, table: &str) -> BTreeSet<String> {
    let mut st = conn
        // hidden 1 is an FTS table's own column; 2 and 3 are generated columns, kept.
        .prepare("SELECT name FROM pragma_table_xinfo(?1) WHERE hidden != 1")
        .unwrap();
    st.query_map([table], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn set(names: impl IntoIterator<Item = &'static str>) -> BTreeSet<String> {
    names.into_iter().map(String::from).collect()
}

#[test]
fn every_table_column_is_described_or_owned_by_the_store() {
    let conn = db::open_in_memory().unwrap();
    let core = set(CORE_OWNED_COLUMNS
        .iter()
        .copied()
        .chain(CORE_FIELDS.iter().map(|f| f.name)));
    assert_eq!(columns(&conn, CORE_TABLE), core);
    for spec in CHILD_SPECS {
        let expected = set(LIST_OWNED_COLUMNS
            .iter()
            .copied()
            .chain(spec.order_column)
            .chain(spec.fields.iter().map(|f| f.name)));
        assert_eq!(columns(&conn, spec.table), expected, "{}", spec.table);
    }
}

#[test]
fn the_lookup_tables_are_the_schemas() {
    let conn = db::open_in_memory().unwrap();
    let mut st = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'lookup\\_%' ESCAPE '\\'")
        .unwrap();
    let schema: BTreeSet<String> = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(schema.len(), 15);
    assert_eq!(set(lookup_tables()), schema);
}

#[test]
fn the_searched_columns_are_the_full_text_index() {
    let conn = db::open_in_memory().unwrap();
    assert_eq!(set(search_columns()), columns(&conn, "persona_search"));
}

#[test]
fn summary_columns_are_the_summary_type_in_order() {
    let s = Summary {
        id: String::new(),
        slug: String::new(),
        name: String::new(),
        title: None,
        archetype: None,
        function_name: None,
        seniority_level: None,
        validation_status: None,
        total_score: None,
        priority_tier: None,
        ai_maturity_score: None,
        work_complexity_score: None,
        updated_at: String::new(),
    };
    let json = serde_json::to_value(&s).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let described: Vec<&str> = SUMMARY_COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(keys, described);
    // The CSV and the browser show summary columns only.
    for (_, c) in CSV_COLUMNS {
        assert!(described.contains(c), "CSV column {c}");
    }
    for c in BROWSER_COLUMNS {
        assert!(described.contains(&c.column), "browser column {}", c.column);
    }
    let narrow: Vec<&str> = browser_columns(false).map(|c| c.title).collect();
    assert_eq!(narrow, ["Name", "Archetype", "Function", "Status", "Tier"]);
    assert_eq!(browser_columns(true).count(), 8);
}

#[test]
fn no_behaviour_hangs_on_a_list_name() {
    // Per-list behaviour reads a property of the list's description (`unique_column`,
    // `scorecard`), never `spec.key == "..."`.
    fn scan(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                scan(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (n, line) in text.lines().enumerate() {
                    if line.contains(".key == \"") || line.contains(".table == \"") {
                        found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    scan(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
    // The properties are there to read.
    assert_eq!(CHILD_SPECS.iter().filter(|c| c.scorecard).count(), 1);
    assert_eq!(
        CHILD_SPECS
            .iter()
            .filter_map(|c| c.unique_column)
            .collect::<Vec<_>>(),
        ["metric_name"]
    );
}
