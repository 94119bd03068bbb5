//! Typed store errors: each kind of constraint failure is its own variant, recognised by
//! SQLite's extended result code (not its English text), with the SQLite error as the source;
//! an invalid record reports every problem.

use std::error::Error as _;

use persona_studio::catalog::child_index;
use persona_studio::model::{Persona, Row, StatusChange, Value};
use persona_studio::store::{Location, Store, StoreError, db};

/// The error of one raw statement on a freshly migrated database, as the store reports it.
fn sql_error(setup: &str, statement: &str) -> StoreError {
    let conn = db::open_in_memory().unwrap();
    conn.execute_batch(setup).unwrap();
    let err = conn
        .execute_batch(statement)
        .expect_err("the schema refuses the statement");
    StoreError::from(err)
}

const PERSONA: &str = "INSERT INTO tenants (id, tenant_key, name) VALUES ('t', 'acme', 'Acme'); \
     INSERT INTO personas (id, tenant_id, name, slug) VALUES ('p', 't', 'P', 'p');";

fn has_sqlite_source(e: &StoreError) -> bool {
    e.source()
        .is_some_and(|s| s.downcast_ref::<rusqlite::Error>().is_some())
}

#[test]
fn a_check_constraint_is_check_failed() {
    let e = sql_error(
        PERSONA,
        "UPDATE personas SET archetype = 'WIZARD' WHERE id = 'p'",
    );
    assert!(
        matches!(&e, StoreError::CheckFailed { column, .. } if column == "archetype"),
        "{e:?}"
    );
    assert!(has_sqlite_source(&e));
}

#[test]
fn a_missing_required_value_is_required() {
    let e = sql_error(
        PERSONA,
        "INSERT INTO persona_pain_points (persona_id, tenant_id, pain_point) VALUES ('p', 't', NULL)",
    );
    assert!(
        matches!(&e, StoreError::Required { table, column, .. }
            if table == "persona_pain_points" && column == "pain_point"),
        "{e:?}"
    );
    assert!(has_sqlite_source(&e));
}

#[test]
fn a_taken_unique_value_is_duplicate() {
    let e = sql_error(
        PERSONA,
        "INSERT INTO personas (id, tenant_id, name, slug) VALUES ('q', 't', 'Q', 'p')",
    );
    assert!(
        matches!(&e, StoreError::Duplicate { table, column, across_tenants: true, .. }
            if table == "personas" && column == "slug"),
        "{e:?}"
    );
    let e = sql_error(
        PERSONA,
        "INSERT INTO tenants (id, tenant_key, name) VALUES ('u', 'acme', 'Again')",
    );
    assert!(
        matches!(&e, StoreError::Duplicate { column, across_tenants: false, .. } if column == "tenant_key"),
        "{e:?}"
    );
    assert!(has_sqlite_source(&e));
}

#[test]
fn a_dangling_reference_is_missing_reference() {
    let e = sql_error(
        PERSONA,
        "INSERT INTO persona_pain_points (persona_id, tenant_id, pain_point) VALUES ('nobody', 't', 'x')",
    );
    assert!(matches!(&e, StoreError::MissingReference { .. }), "{e:?}");
    assert!(has_sqlite_source(&e));
}

#[test]
fn a_trigger_refusal_is_rule_refused() {
    // The review workflow's trigger refuses a move that skips a step.
    let e = sql_error(
        PERSONA,
        "UPDATE personas SET validation_status = 'published' WHERE id = 'p'",
    );
    assert!(
        matches!(&e, StoreError::RuleRefused { message, .. } if message.contains("validation_status")),
        "{e:?}"
    );
    assert!(has_sqlite_source(&e));
}

#[test]
fn a_trigger_refusal_reaches_a_save_as_rule_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rule.db");
    let mut s = Store::open(&path, None, "tester").unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER frozen_goals BEFORE INSERT ON persona_goals \
             BEGIN SELECT RAISE(ABORT, 'goals are frozen this quarter'); END;",
        )
        .unwrap();
    let li = child_index("goals").unwrap();
    let mut p = Persona::new_draft();
    p.set("name", Value::text("Frozen"));
    p.set("slug", Value::text("frozen"));
    let mut row = Row::new(&persona_studio::catalog::CHILD_SPECS[li]);
    row.values[0] = Value::text("A goal");
    p.lists[li].push(row);
    let e = s.save(&p).unwrap_err();
    assert!(
        matches!(&e, StoreError::RuleRefused { message, .. } if message == "goals are frozen this quarter"),
        "{e:?}"
    );
    // All or nothing: the core row went too.
    assert!(matches!(
        s.load_by_slug("frozen"),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn a_history_that_is_no_chain_of_moves_is_history_refused() {
    // Validation checks the persona's columns; its history must be a chain of the workflow's
    // moves (store::chain, issue 12), reported with the path of each problem.
    let mut s = Store::open_in_memory(None, "tester").unwrap();
    let mut p = Persona::new_draft();
    p.set("name", Value::text("History"));
    p.set("slug", Value::text("history"));
    p.history = vec![StatusChange {
        from_status: None,
        to_status: "limbo".into(),
        changed_by: None,
        changed_at: "2024-01-01T00:00:00.000Z".into(),
        note: None,
    }];
    let e = s.save_all(&[p]).unwrap_err();
    assert!(
        matches!(&e, StoreError::HistoryRefused { persona, problems }
            if persona == "history" && problems[0].starts_with("status_history[0]: ")),
        "{e:?}"
    );
}

#[test]
fn an_invalid_record_reports_all_three_problems() {
    let mut s = Store::open_in_memory(None, "tester").unwrap();
    let mut p = Persona::new_draft();
    p.set("name", Value::text(""));
    p.set("slug", Value::text("Not A Slug"));
    p.set("archetype", Value::text("WIZARD"));
    let e = s.save(&p).unwrap_err();
    let StoreError::Invalid(problems) = &e else {
        panic!("expected Invalid, got {e:?}");
    };
    let fields: Vec<&str> = problems.iter().map(|p| p.field().name).collect();
    assert_eq!(fields, ["name", "slug", "archetype"]);
    assert!(
        problems
            .iter()
            .all(|p| matches!(p.location, Location::Core(_)))
    );
    let shown = e.to_string();
    for f in ["personas.name", "personas.slug", "personas.archetype"] {
        assert!(shown.contains(f), "{f} missing from {shown}");
    }
}
