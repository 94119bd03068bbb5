//! Behaviour of the SQLite schema against the design document (persona-schema.md, v4.0.0):
//! every CHECK / enum column rejects bad values and accepts the designed ones, lookup FKs,
//! seed data, VPANES generated columns, triggers, views, cascades, full-text search,
//! migration idempotence and the UUID default. Expected values are typed from the document.

use std::sync::atomic::{AtomicU64, Ordering};

use persona_studio::store::db::{MIGRATIONS, migrate, open_in_memory};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

#[path = "common/lookup_fks.rs"]
mod lookup_fks;
use lookup_fks::LOOKUP_FKS;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn conn() -> Connection {
    open_in_memory().expect("open_in_memory must apply all migrations")
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique(prefix: &str) -> String {
    format!("{prefix}-{}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

fn t(s: &str) -> Value {
    Value::Text(s.to_string())
}
fn i(n: i64) -> Value {
    Value::Integer(n)
}
fn r(x: f64) -> Value {
    Value::Real(x)
}
fn texts(v: &[&str]) -> Vec<Value> {
    v.iter().map(|s| t(s)).collect()
}

/// INSERT with the given columns; returns the new row's id.
fn insert(c: &Connection, table: &str, cols: &[(&str, Value)]) -> rusqlite::Result<String> {
    let names: Vec<&str> = cols.iter().map(|(n, _)| *n).collect();
    let marks: Vec<String> = (1..=cols.len()).map(|k| format!("?{k}")).collect();
    let sql = if cols.is_empty() {
        format!("INSERT INTO {table} DEFAULT VALUES RETURNING id")
    } else {
        format!(
            "INSERT INTO {table} ({}) VALUES ({}) RETURNING id",
            names.join(", "),
            marks.join(", ")
        )
    };
    c.query_row(&sql, params_from_iter(cols.iter().map(|(_, v)| v)), |row| {
        row.get(0)
    })
}

fn new_tenant(c: &Connection, key: &str) -> String {
    insert(c, "tenants", &[("tenant_key", t(key)), ("name", t(key))]).expect("insert tenant")
}

fn new_persona(c: &Connection, tenant: &str, extra: &[(&str, Value)]) -> String {
    let mut cols = vec![
        ("tenant_id", t(tenant)),
        ("name", t("Persona")),
        ("slug", t(&unique("p"))),
    ];
    merge(&mut cols, extra);
    insert(c, "personas", &cols).expect("insert persona")
}

fn merge<'a>(cols: &mut Vec<(&'a str, Value)>, extra: &[(&'a str, Value)]) {
    for (name, v) in extra {
        match cols.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = v.clone(),
            None => cols.push((name, v.clone())),
        }
    }
}

/// The NOT NULL text columns of each junction table (§4), with a placeholder value.
fn required_columns(table: &str) -> Vec<&'static str> {
    match table {
        "persona_pain_points" => vec!["pain_point"],
        "persona_goals" => vec!["goal_text"],
        "persona_motivations" => vec!["motivation_text"],
        "persona_challenges" => vec!["challenge_text"],
        "persona_typical_day" => vec!["time_slot", "activity_description"],
        "persona_tools_used" => vec!["tool_name"],
        "persona_stakeholders" => vec!["stakeholder_role"],
        "persona_vpanes_scoring" => vec![],
        "persona_education" => vec!["degree", "field_of_study", "institution"],
        "persona_certifications" => vec!["certification_name", "issuing_organization"],
        "persona_success_metrics" => vec!["metric_name", "metric_description"],
        "persona_buying_process" => vec![],
        "persona_buying_triggers" => vec!["trigger_description"],
        "persona_aspirations" => vec!["aspiration_text"],
        "persona_annual_conferences" => vec!["conference_name"],
        "persona_publications" => vec!["topic"],
        "persona_social_media" => vec!["platform"],
        "persona_evidence_sources" => vec!["citation", "key_finding"],
        other => panic!("not a junction table: {other}"),
    }
}

const JUNCTION_TABLES: [&str; 18] = [
    "persona_pain_points",
    "persona_goals",
    "persona_motivations",
    "persona_challenges",
    "persona_typical_day",
    "persona_tools_used",
    "persona_stakeholders",
    "persona_vpanes_scoring",
    "persona_education",
    "persona_certifications",
    "persona_success_metrics",
    "persona_buying_process",
    "persona_buying_triggers",
    "persona_aspirations",
    "persona_annual_conferences",
    "persona_publications",
    "persona_social_media",
    "persona_evidence_sources",
];

fn child_row<'a>(
    persona: &str,
    tenant: &str,
    table: &str,
    extra: &[(&'a str, Value)],
) -> Vec<(&'a str, Value)> {
    let mut cols: Vec<(&'a str, Value)> =
        vec![("persona_id", t(persona)), ("tenant_id", t(tenant))];
    for col in required_columns(table) {
        // A time as the app writes it (005_rules.sql refuses other text in time_slot).
        let value = if col == "time_slot" {
            "08:00".to_string()
        } else {
            format!("{col} text")
        };
        cols.push((col, t(&value)));
    }
    merge(&mut cols, extra);
    cols
}

fn insert_child(
    c: &Connection,
    persona: &str,
    tenant: &str,
    table: &str,
    extra: &[(&str, Value)],
) -> rusqlite::Result<String> {
    insert(c, table, &child_row(persona, tenant, table, extra))
}

/// Inserts a valid row of `table` (with a fresh persona for junction tables) plus `extra`.
fn try_insert_valid_row(
    c: &Connection,
    tenant: &str,
    table: &str,
    extra: &[(&str, Value)],
) -> rusqlite::Result<String> {
    if table == "personas" {
        let mut cols = vec![
            ("tenant_id", t(tenant)),
            ("name", t("Persona")),
            ("slug", t(&unique("p"))),
        ];
        merge(&mut cols, extra);
        insert(c, table, &cols)
    } else if table.starts_with("persona_") {
        let persona = new_persona(c, tenant, &[]);
        insert_child(c, &persona, tenant, table, extra)
    } else if table.starts_with("lookup_") {
        let mut cols = vec![("code", t(&unique("code"))), ("display_name", t("X"))];
        merge(&mut cols, extra);
        insert(c, table, &cols)
    } else if table == "tenants" {
        let mut cols = vec![("tenant_key", t(&unique("tenant"))), ("name", t("T"))];
        merge(&mut cols, extra);
        insert(c, table, &cols)
    } else if table == "users" {
        let mut cols = vec![("username", t(&unique("user")))];
        merge(&mut cols, extra);
        insert(c, table, &cols)
    } else {
        panic!("no valid-row recipe for {table}")
    }
}

fn get<T: rusqlite::types::FromSql>(c: &Connection, sql: &str, p: impl rusqlite::Params) -> T {
    c.query_row(sql, p, |row| row.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn count(c: &Connection, table: &str) -> i64 {
    get(c, &format!("SELECT count(*) FROM {table}"), [])
}

fn assert_err_contains(res: rusqlite::Result<String>, needle: &str, what: &str) {
    match res {
        Ok(id) => panic!(
            "{what}: expected an error containing {needle:?}, but the row was stored (id {id})"
        ),
        // `a|b`: either. A rule of 005_rules.sql (`table.column: ...`) fires before the
        // column's own constraint, so some refusals have two possible messages.
        Err(e) => assert!(
            needle.split('|').any(|n| e.to_string().contains(n)),
            "{what}: expected {needle:?}, got {e}"
        ),
    }
}

/// 'YYYY-MM-DDTHH:MM:SS.mmmZ'
fn assert_timestamp(s: &str, what: &str) {
    let b = s.as_bytes();
    assert_eq!(
        b.len(),
        24,
        "{what}: {s:?} is not an ISO-8601 UTC timestamp with milliseconds"
    );
    for (k, ch) in b.iter().enumerate() {
        let expected_sep = match k {
            4 | 7 => Some(b'-'),
            10 => Some(b'T'),
            13 | 16 => Some(b':'),
            19 => Some(b'.'),
            23 => Some(b'Z'),
            _ => None,
        };
        match expected_sep {
            Some(sep) => assert_eq!(*ch, sep, "{what}: {s:?} at {k}"),
            None => assert!(ch.is_ascii_digit(), "{what}: {s:?} at {k}"),
        }
    }
}

fn assert_uuid_v4(s: &str, what: &str) {
    assert_eq!(s.len(), 36, "{what}: {s:?}");
    assert_eq!(s, s.to_lowercase(), "{what}: lowercase");
    let u = uuid::Uuid::parse_str(s).unwrap_or_else(|e| panic!("{what}: {s:?} is not a UUID: {e}"));
    assert_eq!(u.get_version_num(), 4, "{what}: {s:?} version");
    assert_eq!(
        u.get_variant(),
        uuid::Variant::RFC4122,
        "{what}: {s:?} variant"
    );
    assert_eq!(u.hyphenated().to_string(), s, "{what}: canonical form");
}

// ---------------------------------------------------------------------------------------------
// CHECK constraints and enums
// ---------------------------------------------------------------------------------------------

struct Check {
    table: &'static str,
    column: &'static str,
    bad: Vec<Value>,
    good: Vec<Value>,
}

fn chk(table: &'static str, column: &'static str, bad: Vec<Value>, good: Vec<Value>) -> Check {
    Check {
        table,
        column,
        bad,
        good,
    }
}

fn range(lo: f64, hi: f64, step_out: f64) -> (Vec<Value>, Vec<Value>) {
    (
        vec![r(lo - step_out), r(hi + step_out), t("abc")],
        vec![r(lo), r(hi), r((lo + hi) / 2.0), i(lo as i64)],
    )
}

fn boolean(table: &'static str, column: &'static str) -> Check {
    chk(
        table,
        column,
        vec![i(2), i(-1), t("true"), t("yes")],
        vec![i(0), i(1)],
    )
}

fn date(table: &'static str, column: &'static str) -> Check {
    chk(
        table,
        column,
        texts(&[
            "2025-02-30",
            "2025-04-31",
            "2025-13-01",
            "2025-1-1",
            "01/02/2025",
            "2025-01-01T10:00:00Z",
            "soon",
        ])
        .into_iter()
        .chain([i(20250101)])
        .collect(),
        texts(&["2024-02-29", "2030-12-31", "1999-01-01"]),
    )
}

fn enumeration(table: &'static str, column: &'static str, values: &[&str], bad: &[&str]) -> Check {
    let mut bad_values = texts(bad);
    bad_values.push(t(""));
    // Enums are case-sensitive: the upper/lower-cased form of a valid value is not valid.
    let flipped = if values[0].chars().any(|ch| ch.is_lowercase()) {
        values[0].to_uppercase()
    } else {
        values[0].to_lowercase()
    };
    bad_values.push(t(&flipped));
    chk(table, column, bad_values, texts(values))
}

/// Every CHECK and enum column of the design (plus the port's boolean/date checks).
fn checks() -> Vec<Check> {
    let mut v = Vec::new();
    // ---- personas (§1 enums, §3.1 ranges) ----
    v.push(enumeration(
        "personas",
        "archetype",
        &["AUTOMATOR", "ORCHESTRATOR", "LEARNER", "SKEPTIC"],
        &["EXPLORER"],
    ));
    let (bad, good) = range(0.0, 1.0, 0.01);
    v.push(chk("personas", "archetype_confidence", bad, good));
    v.push(enumeration(
        "personas",
        "work_pattern",
        &["routine", "strategic", "mixed"],
        &["hybrid"],
    ));
    for col in [
        "work_complexity_score",
        "ai_maturity_score",
        "gen_ai_adoption_score",
        "gen_ai_trust_score",
    ] {
        let (bad, good) = range(0.0, 100.0, 0.01);
        v.push(chk("personas", col, bad, good));
    }
    v.push(enumeration(
        "personas",
        "budget_authority_level",
        &["none", "limited", "moderate", "significant", "high"],
        &["very_high", "unlimited"],
    ));
    v.push(enumeration(
        "personas",
        "gen_ai_readiness_level",
        &["beginner", "developing", "proficient", "advanced", "expert"],
        &["novice", "intermediate"],
    ));
    v.push(enumeration(
        "personas",
        "preferred_service_layer",
        &[
            "ASK_EXPERT",
            "ASK_PANEL",
            "WORKFLOWS",
            "SOLUTION_BUILDER",
            "MIXED",
        ],
        &["ASK EXPERT", "AGENT"],
    ));
    v.push(enumeration(
        "personas",
        "validation_status",
        &[
            "draft",
            "pending_review",
            "validated",
            "published",
            "archived",
        ],
        &["approved", "deleted"],
    ));
    v.push(boolean("personas", "is_active"));
    // ---- junction tables (§4) ----
    v.push(boolean("persona_pain_points", "is_ai_addressable"));
    v.push(boolean("persona_goals", "is_measurable"));
    v.push(enumeration(
        "persona_motivations",
        "motivation_category",
        &["professional", "organizational", "personal"],
        &["financial"],
    ));
    v.push(enumeration(
        "persona_motivations",
        "importance",
        &["low", "medium", "high", "critical"],
        &["very_high", "none"],
    ));
    v.push(boolean("persona_typical_day", "is_ai_automatable"));
    v.push(enumeration(
        "persona_tools_used",
        "proficiency_level",
        &["beginner", "intermediate", "advanced", "expert"],
        &["novice", "proficient"],
    ));
    let (bad, good) = range(0.0, 5.0, 0.1);
    v.push(chk("persona_tools_used", "satisfaction_score", bad, good));
    v.push(enumeration(
        "persona_stakeholders",
        "relationship_type",
        &[
            "reports_to",
            "peer",
            "direct_report",
            "collaborator",
            "client",
            "vendor",
        ],
        &["manager", "reports to"],
    ));
    v.push(enumeration(
        "persona_stakeholders",
        "influence_level",
        &["low", "medium", "high", "critical"],
        &["none"],
    ));
    for col in [
        "visibility",
        "pain",
        "actions",
        "needs",
        "emotions",
        "scenarios",
    ] {
        let (bad, good) = range(0.0, 10.0, 0.1);
        v.push(chk("persona_vpanes_scoring", col, bad, good));
    }
    v.push(chk(
        "persona_education",
        "year_completed",
        vec![i(1949), i(2031), t("abc")],
        vec![i(1950), i(2030), i(2001)],
    ));
    v.push(chk(
        "persona_certifications",
        "year_obtained",
        vec![i(1949), i(2031)],
        vec![i(1950), i(2030)],
    ));
    v.push(date("persona_certifications", "expiration_date"));
    v.push(boolean("persona_certifications", "is_current"));
    v.push(enumeration(
        "persona_buying_process",
        "role_in_purchase",
        &[
            "decision_maker",
            "influencer",
            "gatekeeper",
            "user",
            "champion",
        ],
        &["approver"],
    ));
    v.push(enumeration(
        "persona_buying_process",
        "approval_process_complexity",
        &["simple", "moderate", "complex", "very_complex"],
        &["trivial"],
    ));
    v.push(enumeration(
        "persona_buying_triggers",
        "urgency_level",
        &["low", "medium", "high", "critical"],
        &["urgent"],
    ));
    // §4.14: a CHECK with three values, not the timeframes lookup.
    v.push(enumeration(
        "persona_aspirations",
        "timeframe",
        &["short_term", "medium_term", "long_term"],
        &["immediate", "strategic"],
    ));
    v.push(enumeration(
        "persona_annual_conferences",
        "typical_frequency",
        &["annual", "biannual", "occasional", "rare"],
        &["monthly"],
    ));
    v.push(enumeration(
        "persona_publications",
        "publication_type",
        &[
            "peer_reviewed",
            "blog",
            "social_media",
            "book",
            "whitepaper",
            "case_study",
        ],
        &["podcast"],
    ));
    v.push(enumeration(
        "persona_social_media",
        "activity_level",
        &["none", "lurker", "occasional", "regular", "influencer"],
        &["active"],
    ));
    v.push(enumeration(
        "persona_evidence_sources",
        "source_type",
        &[
            "primary_research",
            "secondary_research",
            "expert_interview",
            "industry_report",
            "survey_data",
            "case_study",
        ],
        &["anecdote"],
    ));
    v.push(date("persona_evidence_sources", "publication_date"));
    v.push(enumeration(
        "persona_evidence_sources",
        "confidence_level",
        &["low", "medium", "high", "very_high"],
        &["very_low"],
    ));
    // ---- lookup and referenced tables: BOOLEAN is_active ----
    for &(table, _) in SEEDS {
        v.push(boolean(table, "is_active"));
    }
    v.push(boolean("tenants", "is_active"));
    v.push(boolean("users", "is_active"));
    v
}

#[test]
fn every_check_and_enum_column_rejects_bad_values_and_accepts_good_ones() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    let all = checks();
    // 12 on personas + 29 on the junction tables + 17 is_active (15 lookups, tenants, users)
    assert_eq!(all.len(), 12 + 29 + 17, "table of checks");
    for ck in &all {
        for bad in &ck.bad {
            let what = format!("{}.{} = {bad:?}", ck.table, ck.column);
            match try_insert_valid_row(&c, &tenant, ck.table, &[(ck.column, bad.clone())]) {
                Ok(id) => panic!("{what}: must be rejected, but was stored (id {id})"),
                Err(e) => {
                    let msg = e.to_string();
                    // The column's CHECK, or the rule of 005_rules.sql that fires before it.
                    assert!(
                        msg.contains("CHECK constraint failed")
                            || msg.contains(&format!("{}.{}: ", ck.table, ck.column)),
                        "{what}: expected a CHECK failure, got {msg}"
                    );
                    // and the failing check is this column's
                    assert!(
                        msg.contains(ck.column),
                        "{what}: error names another check: {msg}"
                    );
                }
            }
        }
        // NULL is allowed on every one of these columns (none is NOT NULL in the design).
        for good in ck.good.iter().chain([&Value::Null]) {
            let what = format!("{}.{} = {good:?}", ck.table, ck.column);
            // Only a draft may be inserted by plain SQL (005_rules.sql); the other statuses
            // are stored under the app's grant, as its import stores them.
            let grant = ck.column == "validation_status";
            if grant {
                c.execute("INSERT INTO workflow_grant (id) VALUES (1)", [])
                    .unwrap();
            }
            let id = try_insert_valid_row(&c, &tenant, ck.table, &[(ck.column, good.clone())])
                .unwrap_or_else(|e| panic!("{what} must be accepted: {e}"));
            if grant {
                c.execute("DELETE FROM workflow_grant", []).unwrap();
            }
            let stored: Value = get(
                &c,
                &format!("SELECT {} FROM {} WHERE id = ?1", ck.column, ck.table),
                [&id],
            );
            match (good, &stored) {
                (Value::Text(a), Value::Text(b)) => assert_eq!(a, b, "{what} stored unchanged"),
                (Value::Null, Value::Null) => {}
                (Value::Integer(a), Value::Integer(b)) => assert_eq!(a, b, "{what}"),
                (Value::Integer(a), Value::Real(b)) => assert_eq!(*a as f64, *b, "{what}"),
                (Value::Real(a), Value::Real(b)) => assert_eq!(a, b, "{what}"),
                (g, s) => panic!("{what}: stored {s:?} for {g:?}"),
            }
        }
    }
}

#[test]
fn checks_also_apply_on_update() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    let p = new_persona(&c, &tenant, &[("archetype", t("LEARNER"))]);
    let e = c
        .execute(
            "UPDATE personas SET archetype = 'learner' WHERE id = ?1",
            [&p],
        )
        .unwrap_err();
    assert!(e.to_string().contains("CHECK constraint failed"), "{e}");
    let e = c
        .execute(
            "UPDATE personas SET ai_maturity_score = 100.5 WHERE id = ?1",
            [&p],
        )
        .unwrap_err();
    assert!(
        e.to_string().contains("CHECK constraint failed")
            || e.to_string().contains("personas.ai_maturity_score: "),
        "{e}"
    );
    assert_eq!(
        get::<String>(&c, "SELECT archetype FROM personas WHERE id = ?1", [&p]),
        "LEARNER"
    );
}

#[test]
fn not_null_columns_are_enforced() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    for table in JUNCTION_TABLES {
        let persona = new_persona(&c, &tenant, &[]);
        let full = child_row(&persona, &tenant, table, &[]);
        insert(&c, table, &full).unwrap_or_else(|e| panic!("{table}: full row must insert: {e}"));
        for omit in ["persona_id"].into_iter().chain(required_columns(table)) {
            let other = new_persona(&c, &tenant, &[]);
            let row: Vec<(&str, Value)> = child_row(&other, &tenant, table, &[])
                .into_iter()
                .filter(|(n, _)| *n != omit)
                .collect();
            assert_err_contains(
                insert(&c, table, &row),
                "NOT NULL constraint failed|: is required",
                &format!("{table} without {omit}"),
            );
        }
    }
    for omit in ["tenant_id", "name", "slug"] {
        let mut row = vec![
            ("tenant_id", t(&tenant)),
            ("name", t("N")),
            ("slug", t(&unique("s"))),
        ];
        row.retain(|(n, _)| *n != omit);
        assert_err_contains(
            insert(&c, "personas", &row),
            "NOT NULL constraint failed|personas.name: is required|personas.slug: ",
            &format!("personas without {omit}"),
        );
    }
    assert_err_contains(
        insert(&c, "lookup_severity_levels", &[("code", t("x"))]),
        "NOT NULL constraint failed",
        "lookup without display_name",
    );
}

// ---------------------------------------------------------------------------------------------
// Lookup foreign keys
// ---------------------------------------------------------------------------------------------

fn seed_codes(lookup: &str) -> Vec<&'static str> {
    SEEDS
        .iter()
        .find(|(t, _)| *t == lookup)
        .unwrap_or_else(|| panic!("no seed list for {lookup}"))
        .1
        .iter()
        .map(|(code, _)| *code)
        .collect()
}

#[test]
fn lookup_fk_columns_reject_unknown_codes_and_accept_every_seeded_code() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    for (table, col, lookup) in LOOKUP_FKS {
        let codes = seed_codes(lookup);
        for bad in [
            "no_such_code",
            &codes[0].to_uppercase(),
            &format!(" {}", codes[0]),
        ] {
            let what = format!("{table}.{col} = {bad:?}");
            assert_err_contains(
                try_insert_valid_row(&c, &tenant, table, &[(col, t(bad))]),
                "FOREIGN KEY constraint failed",
                &what,
            );
        }
        for code in codes.iter().copied() {
            try_insert_valid_row(&c, &tenant, table, &[(col, t(code))])
                .unwrap_or_else(|e| panic!("{table}.{col} = {code:?} must be accepted: {e}"));
        }
        try_insert_valid_row(&c, &tenant, table, &[(col, Value::Null)])
            .unwrap_or_else(|e| panic!("{table}.{col} = NULL must be accepted: {e}"));
    }
}

#[test]
fn lookup_codes_cascade_on_update_and_cannot_be_deleted_while_used() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    let p = new_persona(&c, &tenant, &[("seniority_level", t("senior"))]);
    let pp = insert_child(&c, &p, &tenant, "persona_pain_points", &[]).unwrap();
    c.execute(
        "UPDATE lookup_seniority_levels SET code = 'senior_ic' WHERE code = 'senior'",
        [],
    )
    .unwrap();
    assert_eq!(
        get::<String>(
            &c,
            "SELECT seniority_level FROM personas WHERE id = ?1",
            [&p]
        ),
        "senior_ic"
    );
    c.execute(
        "UPDATE lookup_severity_levels SET code = 'med' WHERE code = 'medium'",
        [],
    )
    .unwrap();
    assert_eq!(
        get::<String>(
            &c,
            "SELECT severity FROM persona_pain_points WHERE id = ?1",
            [&pp]
        ),
        "med"
    );
    let e = c
        .execute("DELETE FROM lookup_severity_levels WHERE code = 'med'", [])
        .unwrap_err();
    assert!(
        e.to_string().contains("FOREIGN KEY constraint failed"),
        "{e}"
    );
    // an unused code can go
    assert_eq!(
        c.execute(
            "DELETE FROM lookup_severity_levels WHERE code = 'critical'",
            []
        )
        .unwrap(),
        1
    );
}

// ---------------------------------------------------------------------------------------------
// Defaults, uniqueness
// ---------------------------------------------------------------------------------------------

#[test]
fn designed_defaults_apply() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    let p = new_persona(&c, &tenant, &[]);
    let row: (String, i64, String, i64, Option<String>) = c
        .query_row(
            "SELECT validation_status, is_active, salary_currency, version, deleted_at FROM personas WHERE id = ?1",
            [&p],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!(row, ("draft".to_string(), 1, "USD".to_string(), 1, None));
    let (created, updated): (String, String) = c
        .query_row(
            "SELECT created_at, updated_at FROM personas WHERE id = ?1",
            [&p],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_timestamp(&created, "personas.created_at");
    assert_timestamp(&updated, "personas.updated_at");

    let pp = insert_child(&c, &p, &tenant, "persona_pain_points", &[]).unwrap();
    let row: (String, String, Option<i64>, i64) = c
        .query_row(
            "SELECT severity, frequency, is_ai_addressable, sequence_order FROM persona_pain_points WHERE id = ?1",
            [&pp],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(row, ("medium".to_string(), "often".to_string(), None, 0));

    let g = insert_child(&c, &p, &tenant, "persona_goals", &[]).unwrap();
    let row: (String, i64, Option<String>) = c
        .query_row(
            "SELECT priority, is_measurable, timeframe FROM persona_goals WHERE id = ?1",
            [&g],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(row, ("medium".to_string(), 0, None));

    let ch = insert_child(&c, &p, &tenant, "persona_challenges", &[]).unwrap();
    assert_eq!(
        get::<String>(
            &c,
            "SELECT impact FROM persona_challenges WHERE id = ?1",
            [&ch]
        ),
        "medium"
    );
    let cert = insert_child(&c, &p, &tenant, "persona_certifications", &[]).unwrap();
    assert_eq!(
        get::<i64>(
            &c,
            "SELECT is_current FROM persona_certifications WHERE id = ?1",
            [&cert]
        ),
        1
    );
    let day = insert_child(&c, &p, &tenant, "persona_typical_day", &[]).unwrap();
    let row: (i64, Option<i64>) = c
        .query_row(
            "SELECT sort_order, is_ai_automatable FROM persona_typical_day WHERE id = ?1",
            [&day],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(row, (0, None));
    let lk = insert(
        &c,
        "lookup_goal_types",
        &[("code", t("x")), ("display_name", t("X"))],
    )
    .unwrap();
    let row: (i64, i64, String) = c
        .query_row(
            "SELECT sort_order, is_active, created_at FROM lookup_goal_types WHERE id = ?1",
            [&lk],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((row.0, row.1), (0, 1));
    assert_timestamp(&row.2, "lookup created_at");
}

#[test]
fn unique_constraints_are_enforced() {
    let c = conn();
    let a = new_tenant(&c, "a");
    let b = new_tenant(&c, "b");
    new_persona(&c, &a, &[("slug", t("jane"))]);
    // tenant + slug
    let e = try_insert_valid_row(&c, &a, "personas", &[("slug", t("jane"))]).unwrap_err();
    assert!(e.to_string().contains("UNIQUE constraint failed"), "{e}");
    // the design's global UNIQUE (slug): also refused in another tenant
    let e = try_insert_valid_row(&c, &b, "personas", &[("slug", t("jane"))]).unwrap_err();
    assert!(
        e.to_string()
            .contains("UNIQUE constraint failed: personas.slug"),
        "{e}"
    );

    let p = new_persona(&c, &a, &[]);
    insert_child(
        &c,
        &p,
        &a,
        "persona_success_metrics",
        &[("metric_name", t("NPS"))],
    )
    .unwrap();
    let e = insert_child(
        &c,
        &p,
        &a,
        "persona_success_metrics",
        &[("metric_name", t("NPS"))],
    )
    .unwrap_err();
    assert!(e.to_string().contains("UNIQUE constraint failed"), "{e}");
    insert_child(
        &c,
        &p,
        &a,
        "persona_success_metrics",
        &[("metric_name", t("CSAT"))],
    )
    .unwrap();
    let q = new_persona(&c, &a, &[]);
    insert_child(
        &c,
        &q,
        &a,
        "persona_success_metrics",
        &[("metric_name", t("NPS"))],
    )
    .unwrap();

    for table in ["persona_vpanes_scoring", "persona_buying_process"] {
        insert_child(&c, &p, &a, table, &[]).unwrap();
        let e = insert_child(&c, &p, &a, table, &[]).unwrap_err();
        assert!(
            e.to_string().contains("UNIQUE constraint failed"),
            "{table}: {e}"
        );
    }
    // other lists take many rows per persona
    for _ in 0..2 {
        insert_child(&c, &p, &a, "persona_pain_points", &[]).unwrap();
    }
    let e = insert(
        &c,
        "lookup_frequency_levels",
        &[("code", t("often")), ("display_name", t("Again"))],
    )
    .unwrap_err();
    assert!(e.to_string().contains("UNIQUE constraint failed"), "{e}");
    let e = insert(&c, "tenants", &[("tenant_key", t("a")), ("name", t("dup"))]).unwrap_err();
    assert!(e.to_string().contains("UNIQUE constraint failed"), "{e}");
}

#[test]
fn uuid_default_produces_v4_uuids() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    assert_uuid_v4(&tenant, "tenants.id");
    let mut seen = std::collections::HashSet::new();
    for _ in 0..300 {
        let p = new_persona(&c, &tenant, &[]);
        assert_uuid_v4(&p, "personas.id");
        assert!(seen.insert(p.clone()), "duplicate id {p}");
        let child = insert_child(&c, &p, &tenant, "persona_goals", &[]).unwrap();
        assert_uuid_v4(&child, "persona_goals.id");
        assert!(seen.insert(child));
    }
    // all four variant nibbles occur
    let variants: std::collections::BTreeSet<char> =
        seen.iter().map(|s| s.chars().nth(19).unwrap()).collect();
    assert_eq!(variants.into_iter().collect::<String>(), "89ab");
    // the seeded lookup rows got ids from the same default
    let mut st = c.prepare("SELECT id FROM lookup_seniority_levels").unwrap();
    let ids: Vec<String> = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids.len(), 9);
    for id in ids {
        assert_uuid_v4(&id, "lookup id");
    }
    let user = insert(&c, "users", &[("username", t("ann"))]).unwrap();
    assert_uuid_v4(&user, "users.id");
}

// ---------------------------------------------------------------------------------------------
// Seed data (§2)
// ---------------------------------------------------------------------------------------------

/// (lookup table, [(code, display name)]) in the document's order.
const SEEDS: &[(&str, &[(&str, &str)])] = &[
    (
        "lookup_seniority_levels",
        &[
            ("entry", "Entry Level"),
            ("junior", "Junior"),
            ("mid", "Mid-Level"),
            ("senior", "Senior"),
            ("lead", "Lead"),
            ("manager", "Manager"),
            ("director", "Director"),
            ("vp", "Vice President"),
            ("c_level", "C-Level Executive"),
        ],
    ),
    (
        "lookup_organization_sizes",
        &[
            ("startup", "Startup (1-50)"),
            ("small", "Small (51-200)"),
            ("medium", "Medium (201-1000)"),
            ("large", "Large (1001-10000)"),
            ("enterprise", "Enterprise (10000+)"),
        ],
    ),
    (
        "lookup_technology_adoption",
        &[
            ("innovator", "Innovator"),
            ("early_adopter", "Early Adopter"),
            ("early_majority", "Early Majority"),
            ("late_majority", "Late Majority"),
            ("laggard", "Laggard"),
        ],
    ),
    (
        "lookup_risk_tolerance",
        &[
            ("very_low", "Very Low"),
            ("low", "Low"),
            ("moderate", "Moderate"),
            ("high", "High"),
            ("very_high", "Very High"),
        ],
    ),
    (
        "lookup_change_readiness",
        &[
            ("resistant", "Resistant"),
            ("low", "Low"),
            ("moderate", "Moderate"),
            ("high", "High"),
            ("very_high", "Very High"),
        ],
    ),
    (
        "lookup_geographic_scopes",
        &[
            ("local", "Local"),
            ("regional", "Regional"),
            ("national", "National"),
            ("multi_national", "Multi-National"),
            ("global", "Global"),
        ],
    ),
    (
        "lookup_pain_point_categories",
        &[
            ("process", "Process"),
            ("tool", "Tool"),
            ("data", "Data"),
            ("organizational", "Organizational"),
            ("resource", "Resource"),
            ("compliance", "Compliance"),
            ("communication", "Communication"),
        ],
    ),
    (
        "lookup_severity_levels",
        &[
            ("low", "Low"),
            ("medium", "Medium"),
            ("high", "High"),
            ("critical", "Critical"),
        ],
    ),
    (
        "lookup_frequency_levels",
        &[
            ("rarely", "Rarely"),
            ("sometimes", "Sometimes"),
            ("often", "Often"),
            ("always", "Always"),
        ],
    ),
    (
        "lookup_timeframes",
        &[
            ("immediate", "Immediate"),
            ("short_term", "Short Term"),
            ("medium_term", "Medium Term"),
            ("long_term", "Long Term"),
            ("strategic", "Strategic"),
        ],
    ),
    (
        "lookup_goal_types",
        &[
            ("efficiency", "Efficiency"),
            ("quality", "Quality"),
            ("growth", "Growth"),
            ("compliance", "Compliance"),
            ("innovation", "Innovation"),
            ("learning", "Learning"),
            ("career", "Career"),
        ],
    ),
    (
        "lookup_challenge_types",
        &[
            ("technical", "Technical"),
            ("organizational", "Organizational"),
            ("resource", "Resource"),
            ("knowledge", "Knowledge"),
            ("regulatory", "Regulatory"),
            ("competitive", "Competitive"),
            ("cultural", "Cultural"),
        ],
    ),
    (
        "lookup_trigger_types",
        &[
            ("regulatory", "Regulatory"),
            ("competitive", "Competitive"),
            ("internal_initiative", "Internal Initiative"),
            ("crisis", "Crisis"),
            ("growth", "Growth"),
            ("budget_cycle", "Budget Cycle"),
        ],
    ),
    (
        "lookup_conference_types",
        &[
            ("academic", "Academic"),
            ("industry", "Industry"),
            ("regulatory", "Regulatory"),
            ("internal", "Internal"),
        ],
    ),
    (
        "lookup_conference_roles",
        &[
            ("attendee", "Attendee"),
            ("speaker", "Speaker"),
            ("panelist", "Panelist"),
            ("organizer", "Organizer"),
            ("sponsor", "Sponsor"),
        ],
    ),
];

#[test]
fn seed_data_matches_the_document() {
    let c = conn();
    assert_eq!(SEEDS.len(), 15);
    let expected_counts = [9, 5, 5, 5, 5, 5, 7, 4, 4, 5, 7, 7, 6, 4, 5];
    for ((table, rows), n) in SEEDS.iter().zip(expected_counts) {
        assert_eq!(rows.len(), n, "expectation list for {table}");
        assert_eq!(count(&c, table), n as i64, "seed count of {table}");
        let mut st = c
            .prepare(&format!("SELECT code, display_name, sort_order, is_active, created_at FROM {table} ORDER BY sort_order"))
            .unwrap();
        let actual: Vec<(String, String, i64, i64, String)> = st
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (k, ((code, name, sort, active, created), (ecode, ename))) in
            actual.iter().zip(rows.iter()).enumerate()
        {
            assert_eq!(
                (code.as_str(), name.as_str()),
                (*ecode, *ename),
                "{table} row {k}"
            );
            assert_eq!(*sort, k as i64 + 1, "{table}.{code} sort_order");
            assert_eq!(*active, 1, "{table}.{code} is_active");
            assert_timestamp(created, &format!("{table}.{code} created_at"));
        }
    }
}

fn int_ranges(
    c: &Connection,
    table: &str,
    lo: &str,
    hi: &str,
) -> Vec<(String, Option<i64>, Option<i64>)> {
    let mut st = c
        .prepare(&format!(
            "SELECT code, {lo}, {hi} FROM {table} ORDER BY sort_order"
        ))
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn owned(v: &[(&str, Option<i64>, Option<i64>)]) -> Vec<(String, Option<i64>, Option<i64>)> {
    v.iter().map(|(c, a, b)| (c.to_string(), *a, *b)).collect()
}

#[test]
fn seed_ranges_match_the_document() {
    let c = conn();
    assert_eq!(
        int_ranges(
            &c,
            "lookup_seniority_levels",
            "years_experience_min",
            "years_experience_max"
        ),
        owned(&[
            ("entry", Some(0), Some(2)),
            ("junior", Some(2), Some(4)),
            ("mid", Some(4), Some(7)),
            ("senior", Some(7), Some(12)),
            ("lead", Some(10), Some(15)),
            ("manager", Some(8), Some(15)),
            ("director", Some(12), Some(20)),
            ("vp", Some(15), Some(25)),
            ("c_level", Some(20), Some(40)),
        ])
    );
    assert_eq!(
        int_ranges(
            &c,
            "lookup_organization_sizes",
            "employee_min",
            "employee_max"
        ),
        owned(&[
            ("startup", Some(1), Some(50)),
            ("small", Some(51), Some(200)),
            ("medium", Some(201), Some(1000)),
            ("large", Some(1001), Some(10000)),
            ("enterprise", Some(10001), None),
        ])
    );
    assert_eq!(
        int_ranges(&c, "lookup_timeframes", "months_min", "months_max"),
        owned(&[
            ("immediate", Some(0), Some(1)),
            ("short_term", Some(1), Some(6)),
            ("medium_term", Some(6), Some(18)),
            ("long_term", Some(18), Some(36)),
            ("strategic", Some(36), None),
        ])
    );
    let mut st = c.prepare("SELECT code, population_percentage FROM lookup_technology_adoption ORDER BY sort_order").unwrap();
    let pct: Vec<(String, f64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let expected = [
        ("innovator", 2.5),
        ("early_adopter", 13.5),
        ("early_majority", 34.0),
        ("late_majority", 34.0),
        ("laggard", 16.0),
    ];
    assert_eq!(pct.len(), expected.len());
    for ((code, p), (ecode, ep)) in pct.iter().zip(expected) {
        assert_eq!(code, ecode);
        assert!((p - ep).abs() < 1e-9, "{code}: {p} != {ep}");
    }
    let total: f64 = pct.iter().map(|(_, p)| p).sum();
    assert!(
        (total - 100.0).abs() < 1e-9,
        "Rogers' percentages add up to 100, got {total}"
    );
}

// ---------------------------------------------------------------------------------------------
// VPANES generated columns
// ---------------------------------------------------------------------------------------------

fn vpanes(c: &Connection, tenant: &str, scores: [Option<f64>; 6]) -> (Option<f64>, String) {
    let p = new_persona(c, tenant, &[]);
    let names = [
        "visibility",
        "pain",
        "actions",
        "needs",
        "emotions",
        "scenarios",
    ];
    let cols: Vec<(&str, Value)> = names
        .iter()
        .zip(scores)
        .map(|(n, s)| (*n, s.map(Value::Real).unwrap_or(Value::Null)))
        .collect();
    let id = insert_child(c, &p, tenant, "persona_vpanes_scoring", &cols).unwrap();
    c.query_row(
        "SELECT total_score, priority_tier FROM persona_vpanes_scoring WHERE id = ?1",
        [&id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn vpanes_total_and_tier_at_the_boundaries() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    let s = |v: [f64; 6]| v.map(Some);
    let cases: &[([f64; 6], f64, &str)] = &[
        ([2.6, 2.6, 2.6, 2.6, 2.6, 2.9], 15.9, "tier_4_low"),
        ([2.6, 2.6, 2.6, 2.6, 2.6, 3.0], 16.0, "tier_3_medium"),
        ([5.1, 5.1, 5.1, 5.1, 5.1, 5.4], 30.9, "tier_3_medium"),
        ([5.1, 5.1, 5.1, 5.1, 5.1, 5.5], 31.0, "tier_2_high"),
        ([7.6, 7.6, 7.6, 7.6, 7.6, 7.9], 45.9, "tier_2_high"),
        ([7.6, 7.6, 7.6, 7.6, 7.6, 8.0], 46.0, "tier_1_ideal"),
        // Sums whose IEEE-754 value lands just below the boundary (e.g. 30.999999999999996):
        // DECIMAL(4,1) in the design makes them exactly 16.0 / 31.0 / 46.0.
        ([0.0, 0.0, 0.7, 5.1, 5.1, 5.1], 16.0, "tier_3_medium"),
        ([0.0, 0.0, 1.9, 9.7, 9.7, 9.7], 31.0, "tier_2_high"),
        ([0.0, 6.6, 9.7, 9.9, 9.9, 9.9], 46.0, "tier_1_ideal"),
        ([0.1, 0.2, 0.0, 0.0, 0.0, 0.0], 0.3, "tier_4_low"),
        ([0.0; 6], 0.0, "tier_4_low"),
        ([10.0; 6], 60.0, "tier_1_ideal"),
    ];
    // the float-drift cases really drift in f64 (so the test exercises the rounding)
    let raw: f64 = [0.0, 0.0, 1.9, 9.7, 9.7, 9.7]
        .iter()
        .fold(0.0, |a, b| a + b);
    assert!(raw < 31.0, "precondition: {raw}");
    for (scores, total, tier) in cases {
        let (got_total, got_tier) = vpanes(&c, &tenant, s(*scores));
        let got_total = got_total.expect("total_score must not be NULL when all scores are set");
        // Exact equality on purpose: total_score is round(sum, 1), i.e. the double nearest to
        // the one-decimal value (DECIMAL(4,1) in the design), so 30.999999999999996 must not
        // come back.
        assert_eq!(got_total, *total, "{scores:?}: total_score");
        assert_eq!(got_tier, *tier, "{scores:?} (total {total})");
    }
}

#[test]
fn vpanes_null_score_gives_null_total_and_lowest_tier() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    // Design: NULL + ... is NULL, every ">=" is NULL, the CASE falls to ELSE.
    let (total, tier) = vpanes(
        &c,
        &tenant,
        [
            Some(10.0),
            Some(10.0),
            Some(10.0),
            Some(10.0),
            Some(10.0),
            None,
        ],
    );
    assert_eq!(total, None);
    assert_eq!(tier, "tier_4_low");
    let (total, tier) = vpanes(&c, &tenant, [None; 6]);
    assert_eq!(total, None);
    assert_eq!(tier, "tier_4_low");
}

#[test]
fn vpanes_generated_columns_follow_updates_and_cannot_be_written() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    let p = new_persona(&c, &tenant, &[]);
    let id = insert_child(
        &c,
        &p,
        &tenant,
        "persona_vpanes_scoring",
        &[
            ("visibility", r(5.0)),
            ("pain", r(5.0)),
            ("actions", r(5.0)),
            ("needs", r(5.0)),
            ("emotions", r(5.0)),
        ],
    )
    .unwrap();
    let read = |c: &Connection| -> (Option<f64>, String) {
        c.query_row(
            "SELECT total_score, priority_tier FROM persona_vpanes_scoring WHERE id = ?1",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
    };
    assert_eq!(read(&c), (None, "tier_4_low".to_string()));
    c.execute(
        "UPDATE persona_vpanes_scoring SET scenarios = 6 WHERE id = ?1",
        [&id],
    )
    .unwrap();
    assert_eq!(read(&c), (Some(31.0), "tier_2_high".to_string()));
    c.execute(
        "UPDATE persona_vpanes_scoring SET scenarios = 5.9 WHERE id = ?1",
        [&id],
    )
    .unwrap();
    let (total, tier) = read(&c);
    assert!(close(total.unwrap(), 30.9));
    assert_eq!(tier, "tier_3_medium");
    let q = new_persona(&c, &tenant, &[]);
    let e = insert_child(
        &c,
        &q,
        &tenant,
        "persona_vpanes_scoring",
        &[("total_score", r(50.0))],
    )
    .unwrap_err();
    assert!(e.to_string().contains("generated column"), "{e}");
    let e = c
        .execute(
            "UPDATE persona_vpanes_scoring SET priority_tier = 'tier_1_ideal'",
            [],
        )
        .unwrap_err();
    assert!(e.to_string().contains("generated column"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// updated_at triggers
// ---------------------------------------------------------------------------------------------

const OLD_TS: &str = "2000-01-01T00:00:00.000Z";

#[test]
fn updated_at_changes_on_update_of_personas() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    let p = new_persona(&c, &tenant, &[]);
    // an explicit updated_at goes through untouched
    c.execute(
        "UPDATE personas SET updated_at = ?1 WHERE id = ?2",
        params![OLD_TS, p],
    )
    .unwrap();
    assert_eq!(
        get::<String>(&c, "SELECT updated_at FROM personas WHERE id = ?1", [&p]),
        OLD_TS
    );
    c.execute(
        "UPDATE personas SET title = 'Head of Things' WHERE id = ?1",
        [&p],
    )
    .unwrap();
    let now: String = get(&c, "SELECT updated_at FROM personas WHERE id = ?1", [&p]);
    assert_ne!(now, OLD_TS);
    assert_timestamp(&now, "personas.updated_at");
    assert!(now.as_str() > OLD_TS);
    let created: String = get(&c, "SELECT created_at FROM personas WHERE id = ?1", [&p]);
    assert!(now >= created, "updated_at {now} >= created_at {created}");
    // version is the app's business, triggers leave it alone
    assert_eq!(
        get::<i64>(&c, "SELECT version FROM personas WHERE id = ?1", [&p]),
        1
    );
}

#[test]
fn updated_at_changes_on_update_of_every_junction_and_org_table() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    for table in JUNCTION_TABLES {
        let p = new_persona(&c, &tenant, &[]);
        let id = insert(
            &c,
            table,
            &child_row(&p, &tenant, table, &[("tenant_id", Value::Null)]),
        )
        .unwrap();
        c.execute(
            &format!("UPDATE {table} SET updated_at = ?1 WHERE id = ?2"),
            params![OLD_TS, id],
        )
        .unwrap();
        assert_eq!(
            get::<String>(
                &c,
                &format!("SELECT updated_at FROM {table} WHERE id = ?1"),
                [&id]
            ),
            OLD_TS,
            "{table}"
        );
        c.execute(
            &format!("UPDATE {table} SET tenant_id = ?1 WHERE id = ?2"),
            params![tenant, id],
        )
        .unwrap();
        let now: String = get(
            &c,
            &format!("SELECT updated_at FROM {table} WHERE id = ?1"),
            [&id],
        );
        assert_ne!(now, OLD_TS, "{table}.updated_at must change on UPDATE");
        assert_timestamp(&now, table);
    }
    let f = insert(
        &c,
        "org_functions",
        &[
            ("tenant_id", t(&tenant)),
            ("name", t("F")),
            ("slug", t("f")),
        ],
    )
    .unwrap();
    let d = insert(
        &c,
        "org_departments",
        &[
            ("tenant_id", t(&tenant)),
            ("name", t("D")),
            ("slug", t("d")),
        ],
    )
    .unwrap();
    let rl = insert(
        &c,
        "org_roles",
        &[
            ("tenant_id", t(&tenant)),
            ("name", t("R")),
            ("slug", t("r")),
        ],
    )
    .unwrap();
    let u = insert(&c, "users", &[("username", t("u"))]).unwrap();
    for (table, id, col) in [
        ("org_functions", &f, "description"),
        ("org_departments", &d, "description"),
        ("org_roles", &rl, "description"),
        ("users", &u, "email"),
        ("tenants", &tenant, "name"),
    ] {
        c.execute(
            &format!("UPDATE {table} SET updated_at = ?1 WHERE id = ?2"),
            params![OLD_TS, id],
        )
        .unwrap();
        c.execute(
            &format!("UPDATE {table} SET {col} = 'changed' WHERE id = ?1"),
            [id],
        )
        .unwrap();
        let now: String = get(
            &c,
            &format!("SELECT updated_at FROM {table} WHERE id = ?1"),
            [id],
        );
        assert_ne!(now, OLD_TS, "{table}.updated_at must change on UPDATE");
        assert_timestamp(&now, table);
    }
}

// ---------------------------------------------------------------------------------------------
// Organisation name sync (§6.3 / §7.2) and rename propagation
// ---------------------------------------------------------------------------------------------

struct Org {
    tenant: String,
    f1: String,
    f2: String,
    d1: String,
    d2: String,
    r1: String,
    r2: String,
}

fn org(c: &Connection) -> Org {
    let tenant = new_tenant(c, "acme");
    let mk = |table: &str, name: &str, slug: &str| {
        insert(
            c,
            table,
            &[
                ("tenant_id", t(&tenant)),
                ("name", t(name)),
                ("slug", t(slug)),
            ],
        )
        .unwrap()
    };
    Org {
        f1: mk("org_functions", "Medical Affairs", "medical-affairs"),
        f2: mk("org_functions", "Commercial", "commercial"),
        d1: mk("org_departments", "Field Medical", "field-medical"),
        d2: mk("org_departments", "Market Access", "market-access"),
        r1: mk("org_roles", "Medical Science Liaison", "msl"),
        r2: mk("org_roles", "Key Account Manager", "kam"),
        tenant,
    }
}

type Names = [Option<String>; 6];

fn names(c: &Connection, p: &str) -> Names {
    c.query_row(
        "SELECT role_name, role_slug, function_name, function_slug, department_name, department_slug FROM personas WHERE id = ?1",
        [p],
        |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?]),
    )
    .unwrap()
}

fn n(v: [Option<&str>; 6]) -> Names {
    v.map(|s| s.map(str::to_string))
}

#[test]
fn org_names_are_copied_on_insert() {
    let c = conn();
    let o = org(&c);
    let p = new_persona(
        &c,
        &o.tenant,
        &[
            ("role_id", t(&o.r1)),
            ("function_id", t(&o.f1)),
            ("department_id", t(&o.d1)),
        ],
    );
    assert_eq!(
        names(&c, &p),
        n([
            Some("Medical Science Liaison"),
            Some("msl"),
            Some("Medical Affairs"),
            Some("medical-affairs"),
            Some("Field Medical"),
            Some("field-medical"),
        ])
    );
    // only the ids that are set are synced; a NULL id leaves typed names alone (design 6.3)
    let q = new_persona(
        &c,
        &o.tenant,
        &[
            ("function_id", t(&o.f2)),
            ("role_name", t("Hand-typed role")),
        ],
    );
    assert_eq!(
        names(&c, &q),
        n([
            Some("Hand-typed role"),
            None,
            Some("Commercial"),
            Some("commercial"),
            None,
            None
        ])
    );
    // names given together with an id are overwritten from the org table
    let s = new_persona(
        &c,
        &o.tenant,
        &[("role_id", t(&o.r2)), ("role_name", t("Stale"))],
    );
    assert_eq!(names(&c, &s)[0].as_deref(), Some("Key Account Manager"));
    // an insert keeps its own updated_at (an import keeps its timestamps)
    let imp = new_persona(
        &c,
        &o.tenant,
        &[("role_id", t(&o.r1)), ("updated_at", t(OLD_TS))],
    );
    assert_eq!(
        get::<String>(&c, "SELECT updated_at FROM personas WHERE id = ?1", [&imp]),
        OLD_TS
    );
    assert_eq!(
        names(&c, &imp)[0].as_deref(),
        Some("Medical Science Liaison")
    );
}

#[test]
fn org_names_follow_each_id_on_update() {
    let c = conn();
    let o = org(&c);
    let p = new_persona(
        &c,
        &o.tenant,
        &[
            ("role_id", t(&o.r1)),
            ("function_id", t(&o.f1)),
            ("department_id", t(&o.d1)),
        ],
    );

    c.execute(
        "UPDATE personas SET role_id = ?1 WHERE id = ?2",
        params![o.r2, p],
    )
    .unwrap();
    assert_eq!(
        names(&c, &p),
        n([
            Some("Key Account Manager"),
            Some("kam"),
            Some("Medical Affairs"),
            Some("medical-affairs"),
            Some("Field Medical"),
            Some("field-medical"),
        ])
    );
    c.execute(
        "UPDATE personas SET function_id = ?1 WHERE id = ?2",
        params![o.f2, p],
    )
    .unwrap();
    assert_eq!(
        names(&c, &p)[2..4],
        n([
            None,
            None,
            Some("Commercial"),
            Some("commercial"),
            None,
            None
        ])[2..4]
    );
    assert_eq!(names(&c, &p)[0].as_deref(), Some("Key Account Manager"));
    c.execute(
        "UPDATE personas SET department_id = ?1 WHERE id = ?2",
        params![o.d2, p],
    )
    .unwrap();
    assert_eq!(
        names(&c, &p),
        n([
            Some("Key Account Manager"),
            Some("kam"),
            Some("Commercial"),
            Some("commercial"),
            Some("Market Access"),
            Some("market-access"),
        ])
    );
    // setting an id to NULL leaves the names as they were (design: only non-NULL ids sync)
    c.execute("UPDATE personas SET role_id = NULL WHERE id = ?1", [&p])
        .unwrap();
    assert_eq!(names(&c, &p)[0].as_deref(), Some("Key Account Manager"));
    // an unrelated update does not resync: a hand-edited name stays until an id is set again
    c.execute(
        "UPDATE personas SET function_name = 'Edited', title = 'x' WHERE id = ?1",
        [&p],
    )
    .unwrap();
    assert_eq!(names(&c, &p)[2].as_deref(), Some("Edited"));
    c.execute(
        "UPDATE personas SET function_id = function_id WHERE id = ?1",
        [&p],
    )
    .unwrap();
    assert_eq!(names(&c, &p)[2].as_deref(), Some("Commercial"));
    // the sync does not bump version (the app does)
    assert_eq!(
        get::<i64>(&c, "SELECT version FROM personas WHERE id = ?1", [&p]),
        1
    );
}

#[test]
fn org_renames_propagate_to_personas() {
    let c = conn();
    let o = org(&c);
    let p = new_persona(
        &c,
        &o.tenant,
        &[
            ("role_id", t(&o.r1)),
            ("function_id", t(&o.f1)),
            ("department_id", t(&o.d1)),
        ],
    );
    let other = new_persona(
        &c,
        &o.tenant,
        &[
            ("role_id", t(&o.r2)),
            ("function_id", t(&o.f2)),
            ("department_id", t(&o.d2)),
        ],
    );
    let before_other = names(&c, &other);

    c.execute(
        "UPDATE org_roles SET name = 'Field Scientist' WHERE id = ?1",
        [&o.r1],
    )
    .unwrap();
    assert_eq!(
        names(&c, &p)[0..2],
        n([Some("Field Scientist"), Some("msl"), None, None, None, None])[0..2]
    );
    c.execute(
        "UPDATE org_roles SET slug = 'field-scientist' WHERE id = ?1",
        [&o.r1],
    )
    .unwrap();
    assert_eq!(names(&c, &p)[1].as_deref(), Some("field-scientist"));
    c.execute(
        "UPDATE org_functions SET name = 'Medical', slug = 'medical' WHERE id = ?1",
        [&o.f1],
    )
    .unwrap();
    assert_eq!(
        names(&c, &p)[2..4],
        n([None, None, Some("Medical"), Some("medical"), None, None])[2..4]
    );
    c.execute(
        "UPDATE org_departments SET name = 'MSL Team', slug = 'msl-team' WHERE id = ?1",
        [&o.d1],
    )
    .unwrap();
    assert_eq!(
        names(&c, &p)[4..6],
        n([None, None, None, None, Some("MSL Team"), Some("msl-team")])[4..6]
    );

    assert_eq!(
        names(&c, &other),
        before_other,
        "personas of other org rows are untouched"
    );

    // deleting an org row: id SET NULL, names kept
    c.execute("DELETE FROM org_roles WHERE id = ?1", [&o.r1])
        .unwrap();
    let role_id: Option<String> = get(&c, "SELECT role_id FROM personas WHERE id = ?1", [&p]);
    assert_eq!(role_id, None);
    assert_eq!(names(&c, &p)[0].as_deref(), Some("Field Scientist"));
}

// ---------------------------------------------------------------------------------------------
// Views (§5)
// ---------------------------------------------------------------------------------------------

#[test]
fn summary_view_excludes_soft_deleted_personas() {
    let c = conn();
    let o = org(&c);
    let live = new_persona(
        &c,
        &o.tenant,
        &[
            ("name", t("Live")),
            ("title", t("MSL")),
            ("tagline", t("Science first")),
            ("archetype", t("ORCHESTRATOR")),
            ("work_pattern", t("strategic")),
            ("seniority_level", t("senior")),
            ("role_id", t(&o.r1)),
            ("function_id", t(&o.f1)),
            ("department_id", t(&o.d1)),
        ],
    );
    let gone = new_persona(&c, &o.tenant, &[("name", t("Gone"))]);
    c.execute(
        "UPDATE personas SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
        [&gone],
    )
    .unwrap();
    let mut st = c.prepare("SELECT id, name, title, tagline, archetype, work_pattern, seniority_level, function_name, department_name, role_name, validation_status, is_active FROM v_personas_summary").unwrap();
    type Row = (
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        i64,
    );
    let rows: Vec<Row> = st
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
                r.get(11)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 1, "only the live persona");
    let row = &rows[0];
    assert_eq!(row.0, live);
    assert_eq!(
        (
            row.1.as_str(),
            row.2.as_str(),
            row.3.as_str(),
            row.4.as_str(),
            row.5.as_str(),
            row.6.as_str()
        ),
        (
            "Live",
            "MSL",
            "Science first",
            "ORCHESTRATOR",
            "strategic",
            "senior"
        )
    );
    assert_eq!(
        (
            row.7.as_str(),
            row.8.as_str(),
            row.9.as_str(),
            row.10.as_str(),
            row.11
        ),
        (
            "Medical Affairs",
            "Field Medical",
            "Medical Science Liaison",
            "draft",
            1
        )
    );
    // restoring brings it back
    c.execute(
        "UPDATE personas SET deleted_at = NULL WHERE id = ?1",
        [&gone],
    )
    .unwrap();
    assert_eq!(count(&c, "v_personas_summary"), 2);
}

#[test]
fn vpanes_view_joins_the_scores() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    let scored = new_persona(&c, &tenant, &[("name", t("Scored"))]);
    insert_child(
        &c,
        &scored,
        &tenant,
        "persona_vpanes_scoring",
        &[
            ("visibility", r(9.0)),
            ("pain", r(8.0)),
            ("actions", r(7.0)),
            ("needs", r(8.5)),
            ("emotions", r(6.5)),
            ("scenarios", r(7.0)),
        ],
    )
    .unwrap();
    let unscored = new_persona(&c, &tenant, &[("name", t("Unscored"))]);
    let deleted = new_persona(&c, &tenant, &[("name", t("Deleted"))]);
    insert_child(
        &c,
        &deleted,
        &tenant,
        "persona_vpanes_scoring",
        &[("visibility", r(1.0))],
    )
    .unwrap();
    c.execute(
        "UPDATE personas SET deleted_at = '2025-01-01T00:00:00.000Z' WHERE id = ?1",
        [&deleted],
    )
    .unwrap();

    type ScoreRow = (Option<f64>, Option<f64>, Option<f64>, Option<String>);
    let read = |id: &str| -> Option<ScoreRow> {
        c.query_row(
            "SELECT visibility, scenarios, total_score, priority_tier FROM v_personas_with_vpanes WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()
        .unwrap()
    };
    let (vis, scen, total, tier) = read(&scored).expect("scored persona is listed");
    assert_eq!((vis, scen), (Some(9.0), Some(7.0)));
    assert!(close(total.unwrap(), 46.0));
    assert_eq!(tier.as_deref(), Some("tier_1_ideal"));
    assert_eq!(
        read(&unscored),
        Some((None, None, None, None)),
        "LEFT JOIN keeps personas without scores"
    );
    assert_eq!(read(&deleted), None, "soft-deleted personas are excluded");
    assert_eq!(count(&c, "v_personas_with_vpanes"), 2);
}

#[test]
fn archetype_distribution_groups_and_averages_per_tenant() {
    let c = conn();
    let o = org(&c);
    let other = new_tenant(&c, "globex");
    let mk = |tenant: &str, arch: &str, f: &str, ai: f64, wc: f64, score: Option<f64>| {
        let p = new_persona(
            &c,
            tenant,
            &[
                ("archetype", t(arch)),
                ("function_id", t(f)),
                ("ai_maturity_score", r(ai)),
                ("work_complexity_score", r(wc)),
            ],
        );
        if let Some(s) = score {
            insert_child(
                &c,
                &p,
                tenant,
                "persona_vpanes_scoring",
                &[
                    ("visibility", r(s)),
                    ("pain", r(s)),
                    ("actions", r(s)),
                    ("needs", r(s)),
                    ("emotions", r(s)),
                    ("scenarios", r(s)),
                ],
            )
            .unwrap();
        }
        p
    };
    mk(&o.tenant, "AUTOMATOR", &o.f1, 80.0, 20.0, Some(5.0)); // total 30
    mk(&o.tenant, "AUTOMATOR", &o.f1, 60.0, 40.0, Some(7.0)); // total 42
    mk(&o.tenant, "AUTOMATOR", &o.f1, 70.0, 30.0, None); // no scores: not in the score average
    let gone = mk(&o.tenant, "AUTOMATOR", &o.f1, 0.0, 0.0, Some(0.0));
    c.execute(
        "UPDATE personas SET deleted_at = '2025-01-01T00:00:00.000Z' WHERE id = ?1",
        [&gone],
    )
    .unwrap();
    mk(&o.tenant, "SKEPTIC", &o.f1, 10.0, 90.0, None);
    mk(&o.tenant, "AUTOMATOR", &o.f2, 50.0, 50.0, None);
    // another tenant's function with the same name must form its own group
    let gf = insert(
        &c,
        "org_functions",
        &[
            ("tenant_id", t(&other)),
            ("name", t("Medical Affairs")),
            ("slug", t("ma")),
        ],
    )
    .unwrap();
    mk(&other, "AUTOMATOR", &gf, 20.0, 20.0, None);

    let mut st = c
        .prepare(
            "SELECT tenant, archetype, function_name, persona_count, avg_ai_maturity, avg_work_complexity, avg_vpanes_score \
             FROM v_archetype_distribution ORDER BY tenant, archetype, function_name",
        )
        .unwrap();
    type Row = (String, String, String, i64, f64, f64, Option<f64>);
    let rows: Vec<Row> = st
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let key: Vec<(&str, &str, &str, i64)> = rows
        .iter()
        .map(|r| (r.0.as_str(), r.1.as_str(), r.2.as_str(), r.3))
        .collect();
    assert_eq!(
        key,
        vec![
            ("acme", "AUTOMATOR", "Commercial", 1),
            ("acme", "AUTOMATOR", "Medical Affairs", 3),
            ("acme", "SKEPTIC", "Medical Affairs", 1),
            ("globex", "AUTOMATOR", "Medical Affairs", 1),
        ]
    );
    let ma = &rows[1];
    assert!(close(ma.4, 70.0), "avg ai maturity {}", ma.4);
    assert!(close(ma.5, 30.0), "avg work complexity {}", ma.5);
    assert!(
        close(ma.6.unwrap(), 36.0),
        "avg vpanes (30 + 42) / 2, got {:?}",
        ma.6
    );
    assert_eq!(rows[0].6, None);
}

// ---------------------------------------------------------------------------------------------
// Cascades
// ---------------------------------------------------------------------------------------------

#[test]
fn deleting_a_persona_cascades_to_every_junction_table() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    let doomed = new_persona(&c, &tenant, &[]);
    let kept = new_persona(&c, &tenant, &[]);
    for table in JUNCTION_TABLES {
        insert_child(&c, &doomed, &tenant, table, &[]).unwrap();
        insert_child(&c, &kept, &tenant, table, &[]).unwrap();
    }
    assert_eq!(
        c.execute("DELETE FROM personas WHERE id = ?1", [&doomed])
            .unwrap(),
        1
    );
    for table in JUNCTION_TABLES {
        let left: i64 = get(
            &c,
            &format!("SELECT count(*) FROM {table} WHERE persona_id = ?1"),
            [&doomed],
        );
        assert_eq!(left, 0, "{table} rows of the deleted persona");
        let other: i64 = get(
            &c,
            &format!("SELECT count(*) FROM {table} WHERE persona_id = ?1"),
            [&kept],
        );
        assert_eq!(other, 1, "{table} rows of the other persona");
    }
    // deleting the tenant removes everything of it
    c.execute("DELETE FROM tenants WHERE id = ?1", [&tenant])
        .unwrap();
    assert_eq!(count(&c, "personas"), 0);
    for table in JUNCTION_TABLES {
        assert_eq!(count(&c, table), 0, "{table} after tenant delete");
    }
    assert_eq!(count(&c, "persona_search"), 0);
}

#[test]
fn a_child_row_needs_an_existing_persona() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    let e = insert_child(
        &c,
        "00000000-0000-4000-8000-000000000000",
        &tenant,
        "persona_goals",
        &[],
    )
    .unwrap_err();
    assert!(
        e.to_string().contains("FOREIGN KEY constraint failed"),
        "{e}"
    );
    let e = try_insert_valid_row(&c, "no-such-tenant", "personas", &[]).unwrap_err();
    assert!(
        e.to_string().contains("FOREIGN KEY constraint failed"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------------------------
// Full-text search
// ---------------------------------------------------------------------------------------------

fn hits(c: &Connection, query: &str) -> Vec<String> {
    let mut st = c.prepare("SELECT persona_id FROM persona_search WHERE persona_search MATCH ?1 ORDER BY persona_id").unwrap();
    st.query_map([query], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The text columns of each list table that feed `persona_search.lists`.
const SEARCH_SOURCES: &[(&str, &[&str])] = &[
    (
        "persona_pain_points",
        &["pain_point", "impact_description", "workaround"],
    ),
    ("persona_goals", &["goal_text", "success_criteria"]),
    ("persona_motivations", &["motivation_text"]),
    (
        "persona_challenges",
        &["challenge_text", "current_solution"],
    ),
    ("persona_typical_day", &["activity_description"]),
    ("persona_tools_used", &["tool_name", "tool_category"]),
    (
        "persona_stakeholders",
        &["stakeholder_role", "stakeholder_department"],
    ),
    ("persona_vpanes_scoring", &["scoring_notes"]),
    (
        "persona_education",
        &["degree", "field_of_study", "institution"],
    ),
    (
        "persona_certifications",
        &["certification_name", "issuing_organization"],
    ),
    (
        "persona_success_metrics",
        &["metric_name", "metric_description"],
    ),
    (
        "persona_buying_process",
        &["decision_timeframe", "typical_budget_range"],
    ),
    ("persona_buying_triggers", &["trigger_description"]),
    ("persona_aspirations", &["aspiration_text"]),
    ("persona_annual_conferences", &["conference_name"]),
    ("persona_publications", &["topic"]),
    ("persona_social_media", &["platform", "content_focus"]),
    (
        "persona_evidence_sources",
        &["citation", "key_finding", "methodology"],
    ),
];

#[test]
fn search_finds_personas_by_tagline_and_pain_point_and_follows_changes() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    let p = new_persona(
        &c,
        &tenant,
        &[
            ("name", t("Dana")),
            ("tagline", t("Relentless optimizer of clinical workflows")),
        ],
    );
    let other = new_persona(
        &c,
        &tenant,
        &[("name", t("Eli")), ("tagline", t("Quiet budget steward"))],
    );
    let pp = insert_child(
        &c,
        &p,
        &tenant,
        "persona_pain_points",
        &[("pain_point", t("Spreadsheet reconciliation nightmare"))],
    )
    .unwrap();

    assert_eq!(hits(&c, "optimizer"), vec![p.clone()], "tagline word");
    assert_eq!(hits(&c, "tagline:optimizer"), vec![p.clone()]);
    assert_eq!(
        hits(&c, "reconciliation"),
        vec![p.clone()],
        "pain point word"
    );
    assert_eq!(hits(&c, "lists:reconciliation"), vec![p.clone()]);
    assert_eq!(hits(&c, "steward"), vec![other.clone()]);
    assert_eq!(
        get::<String>(
            &c,
            "SELECT tenant_id FROM persona_search WHERE persona_id = ?1",
            [&p]
        ),
        tenant
    );
    assert_eq!(
        get::<i64>(&c, "SELECT count(*) FROM persona_search", []),
        2,
        "one row per persona"
    );

    // updates re-index
    c.execute(
        "UPDATE personas SET tagline = 'Calm harmonizer of teams' WHERE id = ?1",
        [&p],
    )
    .unwrap();
    assert!(hits(&c, "optimizer").is_empty(), "old tagline word is gone");
    assert_eq!(hits(&c, "harmonizer"), vec![p.clone()]);
    c.execute(
        "UPDATE persona_pain_points SET pain_point = 'Endless approval loops' WHERE id = ?1",
        [&pp],
    )
    .unwrap();
    assert!(hits(&c, "reconciliation").is_empty());
    assert_eq!(hits(&c, "approval"), vec![p.clone()]);
    // diacritics are folded
    c.execute(
        "UPDATE personas SET one_liner = 'Évidence-based café regular' WHERE id = ?1",
        [&p],
    )
    .unwrap();
    assert_eq!(hits(&c, "evidence cafe"), vec![p.clone()]);
    // org names are searchable and follow renames
    let f = insert(
        &c,
        "org_functions",
        &[
            ("tenant_id", t(&tenant)),
            ("name", t("Pharmacovigilance")),
            ("slug", t("pv")),
        ],
    )
    .unwrap();
    c.execute(
        "UPDATE personas SET function_id = ?1 WHERE id = ?2",
        params![f, p],
    )
    .unwrap();
    assert_eq!(hits(&c, "function_name:pharmacovigilance"), vec![p.clone()]);
    c.execute(
        "UPDATE org_functions SET name = 'Drug Safety' WHERE id = ?1",
        [&f],
    )
    .unwrap();
    assert!(hits(&c, "pharmacovigilance").is_empty());
    assert_eq!(hits(&c, "function_name:safety"), vec![p.clone()]);
    // soft delete keeps the row (the app filters), hard delete removes it
    c.execute(
        "UPDATE personas SET deleted_at = '2025-01-01T00:00:00.000Z' WHERE id = ?1",
        [&p],
    )
    .unwrap();
    assert_eq!(hits(&c, "approval"), vec![p.clone()]);
    c.execute("DELETE FROM personas WHERE id = ?1", [&p])
        .unwrap();
    assert!(hits(&c, "approval").is_empty());
    assert!(hits(&c, "harmonizer").is_empty());
    assert_eq!(
        get::<i64>(
            &c,
            "SELECT count(*) FROM persona_search WHERE persona_id = ?1",
            [&p]
        ),
        0
    );
    assert_eq!(hits(&c, "steward"), vec![other]);
    c.execute(
        "INSERT INTO persona_search(persona_search) VALUES ('integrity-check')",
        [],
    )
    .unwrap();
}

#[test]
fn every_list_text_column_is_searchable_and_kept_in_sync() {
    let c = conn();
    let tenant = new_tenant(&c, "acme");
    assert_eq!(SEARCH_SOURCES.len(), 18);
    for (ti, (table, cols)) in SEARCH_SOURCES.iter().enumerate() {
        let p = new_persona(&c, &tenant, &[]);
        let words: Vec<String> = (0..cols.len()).map(|ci| format!("tok{ti}c{ci}x")).collect();
        let extra: Vec<(&str, Value)> = cols
            .iter()
            .zip(&words)
            .map(|(col, w)| (*col, t(&format!("about {w} here"))))
            .collect();
        let id = insert_child(&c, &p, &tenant, table, &extra).unwrap();
        for (col, w) in cols.iter().zip(&words) {
            assert_eq!(
                hits(&c, &format!("lists:{w}")),
                vec![p.clone()],
                "{table}.{col} is indexed on insert"
            );
        }
        // update of the first text column re-indexes
        let new_word = format!("upd{ti}x");
        c.execute(
            &format!("UPDATE {table} SET {} = ?1 WHERE id = ?2", cols[0]),
            params![new_word, id],
        )
        .unwrap();
        assert!(
            hits(&c, &words[0]).is_empty(),
            "{table}.{}: old word after update",
            cols[0]
        );
        assert_eq!(
            hits(&c, &new_word),
            vec![p.clone()],
            "{table}.{}: new word after update",
            cols[0]
        );
        // delete removes the words but keeps the persona's row
        c.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [&id])
            .unwrap();
        assert!(hits(&c, &new_word).is_empty(), "{table}: word after delete");
        for w in &words[1..] {
            assert!(hits(&c, w).is_empty(), "{table}: {w} after delete");
        }
        assert_eq!(
            get::<i64>(
                &c,
                "SELECT count(*) FROM persona_search WHERE persona_id = ?1",
                [&p]
            ),
            1
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Migrations
// ---------------------------------------------------------------------------------------------

fn schema_snapshot(c: &Connection) -> Vec<(String, String, String, Option<String>)> {
    let mut st = c
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn seed_counts(c: &Connection) -> Vec<i64> {
    SEEDS.iter().map(|(t, _)| count(c, t)).collect()
}

#[test]
fn migrate_is_a_no_op_on_an_up_to_date_database() {
    let mut c = conn();
    let version: i64 = get(&c, "PRAGMA user_version", []);
    assert_eq!(version, MIGRATIONS.len() as i64);
    let before = schema_snapshot(&c);
    let seeds = seed_counts(&c);
    assert_eq!(seeds.iter().sum::<i64>(), 83);
    assert_eq!(migrate(&mut c).expect("migrate"), 0);
    assert_eq!(migrate(&mut c).expect("migrate again"), 0);
    assert_eq!(schema_snapshot(&c), before);
    assert_eq!(seed_counts(&c), seeds);
    assert_eq!(get::<i64>(&c, "PRAGMA user_version", []), version);
}

#[test]
fn migrate_applies_everything_to_an_empty_database_once() {
    let mut c = Connection::open_in_memory().unwrap();
    assert_eq!(migrate(&mut c).expect("migrate"), MIGRATIONS.len());
    let snap = schema_snapshot(&c);
    assert_eq!(migrate(&mut c).expect("migrate again"), 0);
    assert_eq!(schema_snapshot(&c), snap);
    // same schema as open_in_memory
    assert_eq!(snap, schema_snapshot(&conn()));
}

#[test]
fn search_backfill_indexes_personas_created_before_002() {
    // Apply 001 only, add data, then 002: the backfill must index the existing persona.
    let mut c = Connection::open_in_memory().unwrap();
    c.pragma_update(None, "foreign_keys", "ON").unwrap();
    let tx = c.transaction().unwrap();
    tx.execute_batch(MIGRATIONS[0].1).unwrap();
    tx.pragma_update(None, "user_version", 1).unwrap();
    tx.commit().unwrap();
    let tenant = new_tenant(&c, "acme");
    let p = new_persona(&c, &tenant, &[("tagline", t("Pioneering biostatistician"))]);
    insert_child(
        &c,
        &p,
        &tenant,
        "persona_goals",
        &[("goal_text", t("Automate randomization reports"))],
    )
    .unwrap();
    assert_eq!(
        migrate(&mut c).expect("migrate 002 and later"),
        MIGRATIONS.len() - 1
    );
    assert_eq!(hits(&c, "biostatistician"), vec![p.clone()]);
    assert_eq!(hits(&c, "randomization"), vec![p]);
}
