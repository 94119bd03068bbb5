//! Fidelity of the SQLite schema to the design document (persona-schema.md, v4.0.0).
//!
//! Every expectation below is typed by hand from the document, translated with the port's
//! conventions (UUID/TEXT/DATE/TIMESTAMPTZ -> TEXT, BOOLEAN/INTEGER -> INTEGER,
//! NUMERIC/DECIMAL -> REAL); nothing is derived from the SQL files themselves.
//!
//! Column specs are written `"name TYPE"`; a trailing `!` means NOT NULL.

use std::collections::BTreeSet;

use persona_studio::store::db::{MIGRATIONS, open_in_memory};
use rusqlite::Connection;

#[path = "common/lookup_fks.rs"]
mod lookup_fks;
use lookup_fks::LOOKUP_FKS;

fn conn() -> Connection {
    open_in_memory().expect("open_in_memory must apply all migrations")
}

#[derive(Debug, PartialEq)]
struct ColInfo {
    name: String,
    decl_type: String,
    notnull: bool,
    default: Option<String>,
    pk: i64,
    hidden: i64,
}

fn table_xinfo(c: &Connection, table: &str) -> Vec<ColInfo> {
    let mut st = c.prepare(&format!("PRAGMA table_xinfo({table})")).unwrap();
    st.query_map([], |r| {
        Ok(ColInfo {
            name: r.get(1)?,
            decl_type: r.get(2)?,
            notnull: r.get::<_, i64>(3)? != 0,
            default: r.get(4)?,
            pk: r.get(5)?,
            hidden: r.get(6)?,
        })
    })
    .unwrap()
    .collect::<Result<Vec<_>, _>>()
    .unwrap()
}

fn object_exists(c: &Connection, kind: &str, name: &str) -> bool {
    c.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = ?1 AND name = ?2",
        [kind, name],
        |r| r.get::<_, i64>(0),
    )
    .unwrap()
        == 1
}

/// Asserts the table has exactly these columns, in this order, with these types and NOT NULLs.
fn assert_columns(c: &Connection, table: &str, spec: &[&str]) {
    assert!(object_exists(c, "table", table), "table {table} is missing");
    let actual = table_xinfo(c, table);
    let actual_names: Vec<&str> = actual.iter().map(|c| c.name.as_str()).collect();
    let expected_names: Vec<&str> = spec
        .iter()
        .map(|s| s.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        actual_names, expected_names,
        "columns of {table} (names and order)"
    );
    for (col, s) in actual.iter().zip(spec) {
        let mut parts = s.split_whitespace();
        let _name = parts.next().unwrap();
        let ty = parts
            .next()
            .unwrap_or_else(|| panic!("spec {s:?} needs a type"));
        let (ty, notnull) = match ty.strip_suffix('!') {
            Some(t) => (t, true),
            None => (ty, false),
        };
        assert_eq!(col.decl_type, ty, "declared type of {table}.{}", col.name);
        assert_eq!(col.notnull, notnull, "NOT NULL of {table}.{}", col.name);
    }
    // Every table's id is the TEXT primary key (a UUID).
    let id = actual.iter().find(|c| c.name == "id").expect("id column");
    assert_eq!(id.pk, 1, "{table}.id must be the primary key");
    assert_eq!(
        actual.iter().filter(|c| c.pk > 0).count(),
        1,
        "{table} has a single-column primary key"
    );
}

fn column<'a>(cols: &'a [ColInfo], name: &str) -> &'a ColInfo {
    cols.iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("column {name} missing"))
}

fn default_of(c: &Connection, table: &str, col: &str) -> Option<String> {
    column(&table_xinfo(c, table), col).default.clone()
}

// ---------------------------------------------------------------------------------------------
// Expected tables, typed from the document
// ---------------------------------------------------------------------------------------------

/// §2: the 15 lookup tables with their full column lists.
fn lookup_tables() -> Vec<(&'static str, Vec<&'static str>)> {
    let plain = || {
        vec![
            "id TEXT!",
            "code TEXT!",
            "display_name TEXT!",
            "description TEXT",
            "sort_order INTEGER",
            "is_active INTEGER",
            "created_at TEXT",
        ]
    };
    vec![
        (
            "lookup_seniority_levels",
            vec![
                "id TEXT!",
                "code TEXT!",
                "display_name TEXT!",
                "description TEXT",
                "years_experience_min INTEGER",
                "years_experience_max INTEGER",
                "sort_order INTEGER",
                "is_active INTEGER",
                "created_at TEXT",
            ],
        ),
        (
            // §2.2 has no description column.
            "lookup_organization_sizes",
            vec![
                "id TEXT!",
                "code TEXT!",
                "display_name TEXT!",
                "employee_min INTEGER",
                "employee_max INTEGER",
                "sort_order INTEGER",
                "is_active INTEGER",
                "created_at TEXT",
            ],
        ),
        (
            "lookup_technology_adoption",
            vec![
                "id TEXT!",
                "code TEXT!",
                "display_name TEXT!",
                "description TEXT",
                "population_percentage REAL",
                "sort_order INTEGER",
                "is_active INTEGER",
                "created_at TEXT",
            ],
        ),
        ("lookup_risk_tolerance", plain()),
        ("lookup_change_readiness", plain()),
        ("lookup_geographic_scopes", plain()),
        ("lookup_pain_point_categories", plain()),
        ("lookup_severity_levels", plain()),
        ("lookup_frequency_levels", plain()),
        (
            "lookup_timeframes",
            vec![
                "id TEXT!",
                "code TEXT!",
                "display_name TEXT!",
                "description TEXT",
                "months_min INTEGER",
                "months_max INTEGER",
                "sort_order INTEGER",
                "is_active INTEGER",
                "created_at TEXT",
            ],
        ),
        ("lookup_goal_types", plain()),
        ("lookup_challenge_types", plain()),
        ("lookup_trigger_types", plain()),
        ("lookup_conference_types", plain()),
        ("lookup_conference_roles", plain()),
    ]
}

/// §3.1, in the document's order, plus the port's `version` column at the end.
const PERSONAS: &[&str] = &[
    // core identity
    "id TEXT!",
    "tenant_id TEXT!",
    "name TEXT!",
    "slug TEXT!",
    "title TEXT",
    "tagline TEXT",
    "one_liner TEXT",
    // archetype assignment
    "archetype TEXT",
    "archetype_confidence REAL",
    "work_pattern TEXT",
    "work_complexity_score REAL",
    "ai_maturity_score REAL",
    // organizational context
    "role_id TEXT",
    "function_id TEXT",
    "department_id TEXT",
    "role_name TEXT",
    "role_slug TEXT",
    "function_name TEXT",
    "function_slug TEXT",
    "department_name TEXT",
    "department_slug TEXT",
    // professional profile
    "seniority_level TEXT",
    "years_of_experience INTEGER",
    "years_in_current_role INTEGER",
    "years_in_industry INTEGER",
    "years_in_function INTEGER",
    "education_level TEXT",
    "typical_organization_size TEXT",
    "organization_type TEXT",
    "geographic_scope TEXT",
    "reporting_to TEXT",
    "team_size TEXT",
    "team_size_typical INTEGER",
    "direct_reports INTEGER",
    "span_of_control TEXT",
    "budget_authority TEXT",
    "budget_authority_level TEXT",
    // behavioral attributes
    "work_style TEXT",
    "work_arrangement TEXT",
    "decision_making_style TEXT",
    "learning_style TEXT",
    "technology_adoption TEXT",
    "risk_tolerance TEXT",
    "change_readiness TEXT",
    "collaboration_style TEXT",
    "communication_preference TEXT",
    // gen ai profile
    "gen_ai_readiness_level TEXT",
    "preferred_service_layer TEXT",
    "gen_ai_adoption_score REAL",
    "gen_ai_trust_score REAL",
    "gen_ai_usage_frequency TEXT",
    "gen_ai_primary_use_case TEXT",
    // narrative
    "background_story TEXT",
    "a_day_in_the_life TEXT",
    // salary benchmarks
    "salary_min_usd INTEGER",
    "salary_max_usd INTEGER",
    "salary_median_usd INTEGER",
    "salary_currency TEXT",
    "salary_year INTEGER",
    "salary_sources TEXT",
    "sample_size TEXT",
    "confidence_level TEXT",
    "data_recency TEXT",
    "geographic_benchmark_scope TEXT",
    // metadata
    "persona_type TEXT",
    "persona_number INTEGER",
    "segment TEXT",
    "journey_stage TEXT",
    "section TEXT",
    "validation_status TEXT",
    "validated_by TEXT",
    "validated_at TEXT",
    "notes TEXT",
    "is_active INTEGER",
    "created_at TEXT",
    "updated_at TEXT",
    "deleted_at TEXT",
    // port extension: optimistic concurrency
    "version INTEGER!",
];

/// §4: the 18 junction tables, every column in order.
fn junction_tables() -> Vec<(&'static str, Vec<&'static str>)> {
    let head = ["id TEXT!", "persona_id TEXT!", "tenant_id TEXT"];
    let tail_seq = [
        "sequence_order INTEGER",
        "created_at TEXT",
        "updated_at TEXT",
    ];
    let tail_ts = ["created_at TEXT", "updated_at TEXT"];
    let t = |mid: &[&'static str], tail: &[&'static str]| -> Vec<&'static str> {
        head.iter()
            .chain(mid.iter())
            .chain(tail.iter())
            .copied()
            .collect()
    };
    vec![
        (
            "persona_pain_points",
            t(
                &[
                    "pain_point TEXT!",
                    "category TEXT",
                    "severity TEXT",
                    "frequency TEXT",
                    "impact_description TEXT",
                    "workaround TEXT",
                    "is_ai_addressable INTEGER",
                ],
                &tail_seq,
            ),
        ),
        (
            "persona_goals",
            t(
                &[
                    "goal_text TEXT!",
                    "goal_type TEXT",
                    "priority TEXT",
                    "timeframe TEXT",
                    "is_measurable INTEGER",
                    "success_criteria TEXT",
                ],
                &tail_seq,
            ),
        ),
        (
            "persona_motivations",
            t(
                &[
                    "motivation_text TEXT!",
                    "motivation_category TEXT",
                    "importance TEXT",
                ],
                &tail_seq,
            ),
        ),
        (
            "persona_challenges",
            t(
                &[
                    "challenge_text TEXT!",
                    "challenge_type TEXT",
                    "impact TEXT",
                    "current_solution TEXT",
                ],
                &tail_seq,
            ),
        ),
        (
            // §4.5 uses sort_order instead of sequence_order.
            "persona_typical_day",
            t(
                &[
                    "time_slot TEXT!",
                    "activity_description TEXT!",
                    "duration_minutes INTEGER",
                    "is_ai_automatable INTEGER",
                    "sort_order INTEGER",
                ],
                &tail_ts,
            ),
        ),
        (
            "persona_tools_used",
            t(
                &[
                    "tool_name TEXT!",
                    "tool_category TEXT",
                    "proficiency_level TEXT",
                    "usage_frequency TEXT",
                    "satisfaction_score REAL",
                ],
                &tail_seq,
            ),
        ),
        (
            "persona_stakeholders",
            t(
                &[
                    "stakeholder_role TEXT!",
                    "stakeholder_department TEXT",
                    "relationship_type TEXT",
                    "interaction_frequency TEXT",
                    "influence_level TEXT",
                ],
                &tail_seq,
            ),
        ),
        (
            "persona_vpanes_scoring",
            t(
                &[
                    "visibility REAL",
                    "pain REAL",
                    "actions REAL",
                    "needs REAL",
                    "emotions REAL",
                    "scenarios REAL",
                    "total_score REAL",
                    "priority_tier TEXT",
                    "scoring_notes TEXT",
                ],
                &tail_ts,
            ),
        ),
        (
            "persona_education",
            t(
                &[
                    "degree TEXT!",
                    "field_of_study TEXT!",
                    "institution TEXT!",
                    "year_completed INTEGER",
                ],
                &tail_seq,
            ),
        ),
        (
            "persona_certifications",
            t(
                &[
                    "certification_name TEXT!",
                    "issuing_organization TEXT!",
                    "year_obtained INTEGER",
                    "expiration_date TEXT",
                    "is_current INTEGER",
                ],
                &tail_seq,
            ),
        ),
        (
            "persona_success_metrics",
            t(
                &["metric_name TEXT!", "metric_description TEXT!"],
                &tail_seq,
            ),
        ),
        (
            "persona_buying_process",
            t(
                &[
                    "role_in_purchase TEXT",
                    "decision_timeframe TEXT",
                    "typical_budget_range TEXT",
                    "approval_process_complexity TEXT",
                ],
                &tail_ts,
            ),
        ),
        (
            "persona_buying_triggers",
            t(
                &[
                    "trigger_type TEXT",
                    "trigger_description TEXT!",
                    "urgency_level TEXT",
                ],
                &tail_seq,
            ),
        ),
        (
            "persona_aspirations",
            t(&["aspiration_text TEXT!", "timeframe TEXT"], &tail_seq),
        ),
        (
            "persona_annual_conferences",
            t(
                &[
                    "conference_name TEXT!",
                    "conference_type TEXT",
                    "role TEXT",
                    "typical_frequency TEXT",
                ],
                &tail_seq,
            ),
        ),
        (
            "persona_publications",
            t(
                &[
                    "publication_type TEXT",
                    "topic TEXT!",
                    "year INTEGER",
                    "frequency_per_year INTEGER",
                ],
                &tail_seq,
            ),
        ),
        (
            "persona_social_media",
            t(
                &[
                    "platform TEXT!",
                    "activity_level TEXT",
                    "content_focus TEXT",
                    "follower_count_range TEXT",
                ],
                &tail_seq,
            ),
        ),
        (
            "persona_evidence_sources",
            t(
                &[
                    "source_type TEXT",
                    "citation TEXT!",
                    "key_finding TEXT!",
                    "sample_size INTEGER",
                    "methodology TEXT",
                    "publication_date TEXT",
                    "confidence_level TEXT",
                    "url TEXT",
                ],
                &tail_seq,
            ),
        ),
    ]
}

/// Tables the design references without defining them (shape given by the port's brief).
fn referenced_tables() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        (
            "tenants",
            vec![
                "id TEXT!",
                "tenant_key TEXT!",
                "name TEXT!",
                "is_active INTEGER",
                "created_at TEXT",
                "updated_at TEXT",
            ],
        ),
        (
            "users",
            vec![
                "id TEXT!",
                "username TEXT!",
                "display_name TEXT",
                "email TEXT",
                "is_active INTEGER",
                "created_at TEXT",
                "updated_at TEXT",
            ],
        ),
        (
            "org_functions",
            vec![
                "id TEXT!",
                "tenant_id TEXT!",
                "name TEXT!",
                "slug TEXT!",
                "description TEXT",
                "created_at TEXT",
                "updated_at TEXT",
            ],
        ),
        (
            "org_departments",
            vec![
                "id TEXT!",
                "tenant_id TEXT!",
                "function_id TEXT",
                "name TEXT!",
                "slug TEXT!",
                "description TEXT",
                "created_at TEXT",
                "updated_at TEXT",
            ],
        ),
        (
            "org_roles",
            vec![
                "id TEXT!",
                "tenant_id TEXT!",
                "function_id TEXT",
                "department_id TEXT",
                "name TEXT!",
                "slug TEXT!",
                "description TEXT",
                "created_at TEXT",
                "updated_at TEXT",
            ],
        ),
    ]
}

#[derive(Debug)]
struct Fk {
    table: String,
    from: String,
    to: Option<String>,
    on_update: String,
    on_delete: String,
}

fn foreign_keys(c: &Connection, table: &str) -> Vec<Fk> {
    let mut st = c
        .prepare(&format!("PRAGMA foreign_key_list({table})"))
        .unwrap();
    st.query_map([], |r| {
        Ok(Fk {
            table: r.get(2)?,
            from: r.get(3)?,
            to: r.get(4)?,
            on_update: r.get(5)?,
            on_delete: r.get(6)?,
        })
    })
    .unwrap()
    .collect::<Result<Vec<_>, _>>()
    .unwrap()
}

fn fk_of<'a>(fks: &'a [Fk], table: &str, from: &str) -> &'a Fk {
    let found: Vec<&Fk> = fks.iter().filter(|f| f.from == from).collect();
    assert_eq!(
        found.len(),
        1,
        "{table}.{from} must have exactly one foreign key, got {found:?}"
    );
    found[0]
}

#[derive(Debug)]
struct IndexInfo {
    name: String,
    unique: bool,
    origin: String,
    partial: bool,
    columns: Vec<String>,
}

fn indexes(c: &Connection, table: &str) -> Vec<IndexInfo> {
    let mut st = c.prepare(&format!("PRAGMA index_list({table})")).unwrap();
    let list: Vec<(String, bool, String, bool)> = st
        .query_map([], |r| {
            Ok((
                r.get(1)?,
                r.get::<_, i64>(2)? != 0,
                r.get(3)?,
                r.get::<_, i64>(4)? != 0,
            ))
        })
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    list.into_iter()
        .map(|(name, unique, origin, partial)| {
            let mut st = c
                .prepare(&format!("PRAGMA index_info(\"{name}\")"))
                .unwrap();
            let columns = st
                .query_map([], |r| r.get::<_, String>(2))
                .unwrap()
                .collect::<Result<Vec<_>, _>>()
                .unwrap();
            IndexInfo {
                name,
                unique,
                origin,
                partial,
                columns,
            }
        })
        .collect()
}

fn has_unique_on(c: &Connection, table: &str, cols: &[&str]) -> bool {
    indexes(c, table).iter().any(|i| {
        i.unique
            && i.origin == "u"
            && i.columns
                .iter()
                .map(String::as_str)
                .eq(cols.iter().copied())
    })
}

fn normalized_sql(c: &Connection, kind: &str, name: &str) -> String {
    let sql: String = c
        .query_row(
            "SELECT sql FROM sqlite_master WHERE type = ?1 AND name = ?2",
            [kind, name],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("{kind} {name}: {e}"));
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[test]
fn lookup_tables_have_the_designed_columns() {
    let c = conn();
    let tables = lookup_tables();
    assert_eq!(tables.len(), 15, "the design has 15 lookup tables");
    for (table, spec) in &tables {
        assert_columns(&c, table, spec);
        let cols = table_xinfo(&c, table);
        assert_eq!(
            column(&cols, "sort_order").default.as_deref(),
            Some("0"),
            "{table}.sort_order DEFAULT 0"
        );
        assert_eq!(
            column(&cols, "is_active").default.as_deref(),
            Some("1"),
            "{table}.is_active DEFAULT TRUE"
        );
        let created = column(&cols, "created_at")
            .default
            .clone()
            .unwrap_or_default();
        assert!(
            created.contains("strftime"),
            "{table}.created_at defaults to now, got {created:?}"
        );
        assert!(
            has_unique_on(&c, table, &["code"]),
            "{table}.code must be UNIQUE"
        );
    }
}

#[test]
fn personas_has_every_designed_column_in_order() {
    let c = conn();
    assert_columns(&c, "personas", PERSONAS);
    let cols = table_xinfo(&c, "personas");
    assert_eq!(
        column(&cols, "salary_currency").default.as_deref(),
        Some("'USD'")
    );
    assert_eq!(
        column(&cols, "validation_status").default.as_deref(),
        Some("'draft'")
    );
    assert_eq!(column(&cols, "is_active").default.as_deref(), Some("1"));
    assert_eq!(column(&cols, "version").default.as_deref(), Some("1"));
    assert_eq!(column(&cols, "deleted_at").default, None);
    assert_eq!(column(&cols, "validated_at").default, None);
    for ts in ["created_at", "updated_at"] {
        let d = column(&cols, ts).default.clone().unwrap_or_default();
        assert!(
            d.contains("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"),
            "personas.{ts} default: {d:?}"
        );
    }
    let id_default = column(&cols, "id").default.clone().unwrap_or_default();
    assert!(
        id_default.contains("randomblob"),
        "personas.id has a UUID default, got {id_default:?}"
    );
}

#[test]
fn junction_tables_have_every_designed_column() {
    let c = conn();
    let tables = junction_tables();
    assert_eq!(tables.len(), 18, "the design has 18 junction tables");
    for (table, spec) in &tables {
        assert_columns(&c, table, spec);
        let cols = table_xinfo(&c, table);
        if let Some(seq) = cols.iter().find(|c| c.name == "sequence_order") {
            assert_eq!(
                seq.default.as_deref(),
                Some("0"),
                "{table}.sequence_order DEFAULT 0"
            );
        }
        for ts in ["created_at", "updated_at"] {
            let d = column(&cols, ts).default.clone().unwrap_or_default();
            assert!(
                d.contains("strftime"),
                "{table}.{ts} defaults to now, got {d:?}"
            );
        }
    }
    // Spot-checked defaults from §4.
    let c = &c;
    assert_eq!(
        default_of(c, "persona_pain_points", "severity").as_deref(),
        Some("'medium'")
    );
    assert_eq!(
        default_of(c, "persona_pain_points", "frequency").as_deref(),
        Some("'often'")
    );
    assert_eq!(
        default_of(c, "persona_pain_points", "is_ai_addressable").as_deref(),
        Some("NULL")
    );
    assert_eq!(
        default_of(c, "persona_goals", "priority").as_deref(),
        Some("'medium'")
    );
    assert_eq!(
        default_of(c, "persona_goals", "is_measurable").as_deref(),
        Some("0")
    );
    assert_eq!(
        default_of(c, "persona_challenges", "impact").as_deref(),
        Some("'medium'")
    );
    assert_eq!(
        default_of(c, "persona_typical_day", "sort_order").as_deref(),
        Some("0")
    );
    assert_eq!(
        default_of(c, "persona_typical_day", "is_ai_automatable").as_deref(),
        Some("NULL")
    );
    assert_eq!(
        default_of(c, "persona_certifications", "is_current").as_deref(),
        Some("1")
    );
    assert_eq!(default_of(c, "persona_goals", "timeframe"), None);
}

#[test]
fn referenced_tables_exist() {
    let c = conn();
    for (table, spec) in &referenced_tables() {
        assert_columns(&c, table, spec);
    }
    assert!(has_unique_on(&c, "tenants", &["tenant_key"]));
    assert!(has_unique_on(&c, "users", &["username"]));
    for t in ["org_functions", "org_departments", "org_roles"] {
        assert!(
            has_unique_on(&c, t, &["tenant_id", "slug"]),
            "{t} UNIQUE (tenant_id, slug)"
        );
    }
    let dep = foreign_keys(&c, "org_departments");
    assert_eq!(
        fk_of(&dep, "org_departments", "tenant_id").on_delete,
        "CASCADE"
    );
    assert_eq!(
        fk_of(&dep, "org_departments", "function_id").on_delete,
        "SET NULL"
    );
    let roles = foreign_keys(&c, "org_roles");
    assert_eq!(fk_of(&roles, "org_roles", "tenant_id").table, "tenants");
    assert_eq!(
        fk_of(&roles, "org_roles", "function_id").table,
        "org_functions"
    );
    assert_eq!(
        fk_of(&roles, "org_roles", "department_id").table,
        "org_departments"
    );
    assert_eq!(
        fk_of(&roles, "org_roles", "department_id").on_delete,
        "SET NULL"
    );
    let fns = foreign_keys(&c, "org_functions");
    assert_eq!(
        fk_of(&fns, "org_functions", "tenant_id").on_delete,
        "CASCADE"
    );
}

#[test]
fn vpanes_generated_columns_are_stored() {
    let c = conn();
    let cols = table_xinfo(&c, "persona_vpanes_scoring");
    assert_eq!(
        column(&cols, "total_score").hidden,
        3,
        "total_score must be GENERATED ... STORED"
    );
    assert_eq!(
        column(&cols, "priority_tier").hidden,
        3,
        "priority_tier must be GENERATED ... STORED"
    );
    for plain in [
        "visibility",
        "pain",
        "actions",
        "needs",
        "emotions",
        "scenarios",
        "scoring_notes",
    ] {
        assert_eq!(
            column(&cols, plain).hidden,
            0,
            "{plain} is an ordinary column"
        );
    }
    // No other generated column anywhere.
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'persona_search%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut generated = Vec::new();
    for t in &tables {
        for col in table_xinfo(&c, t) {
            if col.hidden != 0 {
                generated.push(format!("{t}.{}", col.name));
            }
        }
    }
    assert_eq!(
        generated,
        vec![
            "persona_vpanes_scoring.total_score",
            "persona_vpanes_scoring.priority_tier"
        ]
    );
}

#[test]
fn views_have_exactly_the_designed_columns() {
    let c = conn();
    let expected: &[(&str, &[&str])] = &[
        (
            "v_personas_summary",
            &[
                "id",
                "tenant_id",
                "name",
                "slug",
                "title",
                "tagline",
                "archetype",
                "work_pattern",
                "seniority_level",
                "function_name",
                "department_name",
                "role_name",
                "validation_status",
                "is_active",
                "created_at",
                "updated_at",
            ],
        ),
        (
            "v_personas_with_vpanes",
            &[
                "id",
                "tenant_id",
                "name",
                "slug",
                "archetype",
                "work_pattern",
                "function_name",
                "visibility",
                "pain",
                "actions",
                "needs",
                "emotions",
                "scenarios",
                "total_score",
                "priority_tier",
            ],
        ),
        (
            "v_archetype_distribution",
            &[
                "tenant",
                "archetype",
                "function_name",
                "persona_count",
                "avg_ai_maturity",
                "avg_work_complexity",
                "avg_vpanes_score",
            ],
        ),
    ];
    for (view, cols) in expected {
        assert!(object_exists(&c, "view", view), "view {view} is missing");
        let st = c.prepare(&format!("SELECT * FROM {view}")).unwrap();
        let names: Vec<&str> = st.column_names();
        assert_eq!(names, cols.to_vec(), "columns of {view}");
    }
    // The design's views filter soft-deleted personas.
    for view in [
        "v_personas_summary",
        "v_personas_with_vpanes",
        "v_archetype_distribution",
    ] {
        assert!(
            normalized_sql(&c, "view", view).contains("WHERE p.deleted_at IS NULL"),
            "{view} must exclude soft-deleted personas"
        );
    }
    assert!(
        normalized_sql(&c, "view", "v_archetype_distribution")
            .contains("GROUP BY t.tenant_key, p.archetype, p.function_name")
    );
}

#[test]
fn personas_indexes_of_section_3_2_exist() {
    let c = conn();
    let expected: &[(&str, &[&str], bool)] = &[
        ("idx_personas_tenant_id", &["tenant_id"], false),
        ("idx_personas_role_id", &["role_id"], false),
        ("idx_personas_function_id", &["function_id"], false),
        ("idx_personas_department_id", &["department_id"], false),
        ("idx_personas_archetype", &["archetype"], false),
        (
            "idx_personas_tenant_function",
            &["tenant_id", "function_id"],
            false,
        ),
        (
            "idx_personas_tenant_archetype",
            &["tenant_id", "archetype"],
            false,
        ),
        (
            "idx_personas_validation_status",
            &["validation_status"],
            true,
        ),
        ("idx_personas_is_active", &["is_active"], true),
        ("idx_personas_slug", &["slug"], false),
    ];
    let idx = indexes(&c, "personas");
    for (name, cols, partial) in expected {
        let i = idx.iter().find(|i| i.name == *name).unwrap_or_else(|| {
            panic!(
                "index {name} missing; have {:?}",
                idx.iter().map(|i| &i.name).collect::<Vec<_>>()
            )
        });
        assert_eq!(
            i.columns,
            cols.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "{name} columns"
        );
        assert_eq!(i.partial, *partial, "{name} partial");
        assert!(!i.unique, "{name} is a plain index");
        if *partial {
            assert!(
                normalized_sql(&c, "index", name).ends_with("WHERE deleted_at IS NULL"),
                "{name} predicate"
            );
        }
    }
}

#[test]
fn junction_tables_have_a_persona_id_index() {
    let c = conn();
    for (table, _) in junction_tables() {
        let name = format!("idx_{table}_persona_id");
        let idx = indexes(&c, table);
        let i = idx
            .iter()
            .find(|i| i.name == name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(i.columns, vec!["persona_id".to_string()]);
    }
}

#[test]
fn unique_constraints_exist() {
    let c = conn();
    assert!(
        has_unique_on(&c, "personas", &["slug"]),
        "personas_slug_unique"
    );
    assert!(
        has_unique_on(&c, "personas", &["tenant_id", "slug"]),
        "personas_tenant_slug_unique"
    );
    let sql = normalized_sql(&c, "table", "personas");
    assert!(sql.contains("CONSTRAINT personas_tenant_slug_unique UNIQUE (tenant_id, slug)"));
    assert!(sql.contains("CONSTRAINT personas_slug_unique UNIQUE (slug)"));
    assert!(has_unique_on(
        &c,
        "persona_success_metrics",
        &["persona_id", "metric_name"]
    ));
    assert!(has_unique_on(&c, "persona_vpanes_scoring", &["persona_id"]));
    assert!(has_unique_on(&c, "persona_buying_process", &["persona_id"]));
    // No other junction table is unique on persona_id.
    for (table, _) in junction_tables() {
        if !["persona_vpanes_scoring", "persona_buying_process"].contains(&table) {
            assert!(
                !has_unique_on(&c, table, &["persona_id"]),
                "{table} allows many rows per persona"
            );
        }
    }
}

#[test]
fn lookup_code_columns_are_foreign_keys() {
    let c = conn();
    for (table, col, lookup) in LOOKUP_FKS {
        let fks = foreign_keys(&c, table);
        let fk = fk_of(&fks, table, col);
        assert_eq!(fk.table, *lookup, "{table}.{col} references {lookup}");
        assert_eq!(
            fk.to.as_deref(),
            Some("code"),
            "{table}.{col} references {lookup}(code)"
        );
        assert_eq!(fk.on_update, "CASCADE", "{table}.{col} ON UPDATE CASCADE");
    }
    // persona_aspirations.timeframe is a CHECK in the design, not a lookup FK.
    let asp = foreign_keys(&c, "persona_aspirations");
    assert!(
        asp.iter().all(|f| f.from != "timeframe"),
        "aspirations.timeframe must not be an FK"
    );
    // Every FK of every table is either a lookup FK listed above or one of the structural ones.
    let listed: BTreeSet<(String, String)> = LOOKUP_FKS
        .iter()
        .map(|(t, c, _)| (t.to_string(), c.to_string()))
        .collect();
    for (table, _) in junction_tables() {
        for fk in foreign_keys(&c, table) {
            if fk.table.starts_with("lookup_") {
                assert!(
                    listed.contains(&(table.to_string(), fk.from.clone())),
                    "unexpected lookup FK {table}.{}",
                    fk.from
                );
            }
        }
    }
}

#[test]
fn structural_foreign_keys() {
    let c = conn();
    let p = foreign_keys(&c, "personas");
    let tenant = fk_of(&p, "personas", "tenant_id");
    assert_eq!(
        (tenant.table.as_str(), tenant.on_delete.as_str()),
        ("tenants", "CASCADE")
    );
    for (col, target) in [
        ("role_id", "org_roles"),
        ("function_id", "org_functions"),
        ("department_id", "org_departments"),
    ] {
        let fk = fk_of(&p, "personas", col);
        assert_eq!(fk.table, target);
        assert_eq!(
            fk.on_delete, "SET NULL",
            "personas.{col} ON DELETE SET NULL"
        );
    }
    assert_eq!(fk_of(&p, "personas", "validated_by").table, "users");
    for (table, _) in junction_tables() {
        let fks = foreign_keys(&c, table);
        let persona = fk_of(&fks, table, "persona_id");
        assert_eq!(persona.table, "personas");
        assert_eq!(
            persona.on_delete, "CASCADE",
            "{table}.persona_id ON DELETE CASCADE"
        );
        let tenant = fk_of(&fks, table, "tenant_id");
        assert_eq!(tenant.table, "tenants");
        assert_eq!(
            tenant.on_delete, "CASCADE",
            "{table}.tenant_id ON DELETE CASCADE"
        );
    }
}

#[test]
fn triggers_exist() {
    let c = conn();
    let mut tables: Vec<String> = vec![
        "personas".into(),
        "tenants".into(),
        "users".into(),
        "org_functions".into(),
        "org_departments".into(),
        "org_roles".into(),
    ];
    tables.extend(junction_tables().into_iter().map(|(t, _)| t.to_string()));
    for t in &tables {
        let name = format!("update_{t}_updated_at");
        assert!(
            object_exists(&c, "trigger", &name),
            "trigger {name} missing"
        );
        let tbl: String = c
            .query_row(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                [&name],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(&tbl, t);
    }
    // §7.2 org-name sync (on insert, on update of the ids) and the rename propagation.
    for name in [
        "trigger_sync_persona_org_names_insert",
        "trigger_sync_persona_org_names_update",
        "trigger_propagate_org_role_rename",
        "trigger_propagate_org_function_rename",
        "trigger_propagate_org_department_rename",
    ] {
        assert!(object_exists(&c, "trigger", name), "trigger {name} missing");
    }
    let upd = normalized_sql(&c, "trigger", "trigger_sync_persona_org_names_update");
    assert!(
        upd.contains("AFTER UPDATE OF function_id, department_id, role_id ON personas"),
        "{upd}"
    );
    // FTS sync: personas and every junction table, for insert, update and delete.
    let mut fts_tables = vec!["personas".to_string()];
    fts_tables.extend(junction_tables().into_iter().map(|(t, _)| t.to_string()));
    for t in &fts_tables {
        for op in ["insert", "update", "delete"] {
            let name = format!("persona_search_{t}_{op}");
            assert!(
                object_exists(&c, "trigger", &name),
                "trigger {name} missing"
            );
        }
    }
    assert!(
        object_exists(&c, "table", "persona_search"),
        "FTS table missing"
    );
}

#[test]
fn schema_does_not_call_application_functions() {
    let c = conn();
    let mut st = c
        .prepare("SELECT name, coalesce(sql, '') FROM sqlite_master")
        .unwrap();
    let rows: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (name, sql) in rows {
        for f in [
            "calculate_gen_ai_readiness_level",
            "infer_preferred_service_layer",
        ] {
            assert!(!sql.contains(f), "{name} calls app-registered function {f}");
        }
    }
}

#[test]
fn migrations_run_on_a_plain_connection_without_app_functions() {
    // A bare connection (no registered functions), like the sqlite3 CLI: the schema must
    // apply and its defaults, triggers and views must run.
    assert_eq!(MIGRATIONS.len(), 8);
    assert_eq!(MIGRATIONS[6].1, include_str!("../schema/007_review.sql"));
    assert_eq!(
        MIGRATIONS[7].1,
        include_str!("../schema/008_search_narrative.sql")
    );
    assert_eq!(MIGRATIONS[4].1, include_str!("../schema/005_rules.sql"));
    assert_eq!(MIGRATIONS[3].1, include_str!("../schema/004_scale.sql"));
    assert_eq!(MIGRATIONS[5].1, include_str!("../schema/006_sync.sql"));
    assert_eq!(MIGRATIONS[0].1, include_str!("../schema/001_core.sql"));
    assert_eq!(MIGRATIONS[1].1, include_str!("../schema/002_search.sql"));
    assert_eq!(MIGRATIONS[2].1, include_str!("../schema/003_workflow.sql"));
    let mut c = Connection::open_in_memory().unwrap();
    c.pragma_update(None, "foreign_keys", "ON").unwrap();
    for (name, sql) in MIGRATIONS {
        let tx = c.transaction().unwrap();
        tx.execute_batch(sql)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        tx.commit().unwrap();
    }
    c.execute_batch(
        "INSERT INTO tenants (tenant_key, name) VALUES ('plain', 'Plain');
         INSERT INTO org_roles (tenant_id, name, slug) SELECT id, 'Analyst', 'analyst' FROM tenants;
         INSERT INTO personas (tenant_id, name, slug, role_id)
             SELECT t.id, 'P', 'p', r.id FROM tenants t, org_roles r;
         INSERT INTO persona_pain_points (persona_id, tenant_id, pain_point)
             SELECT id, tenant_id, 'duplicate data entry' FROM personas;
         INSERT INTO persona_vpanes_scoring (persona_id, visibility, pain, actions, needs, emotions, scenarios)
             SELECT id, 6, 6, 6, 6, 6, 6 FROM personas;
         UPDATE personas SET title = 'T';",
    )
    .unwrap();
    let (role, tier): (String, String) = c
        .query_row(
            "SELECT p.role_name, v.priority_tier FROM personas p JOIN v_personas_with_vpanes v ON v.id = p.id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((role.as_str(), tier.as_str()), ("Analyst", "tier_2_high"));
    let hits: i64 = c
        .query_row(
            "SELECT count(*) FROM persona_search WHERE persona_search MATCH 'duplicate'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hits, 1);
}

#[test]
fn object_counts() {
    let c = conn();
    let count = |kind: &str, extra: &str| -> i64 {
        c.query_row(
            &format!("SELECT count(*) FROM sqlite_master WHERE type = ?1 {extra}"),
            [kind],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(count("table", "AND name LIKE 'lookup\\_%' ESCAPE '\\'"), 15);
    assert_eq!(
        count(
            "table",
            "AND name LIKE 'persona\\_%' ESCAPE '\\' AND name NOT LIKE 'persona\\_search%' ESCAPE '\\' \
             AND name != 'persona_status_history'"
        ),
        18
    );
    assert_eq!(count("view", "AND name LIKE 'v\\_%' ESCAPE '\\'"), 3);
}
