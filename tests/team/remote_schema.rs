//! The team library's schema on a real PostgreSQL server: `remote init` creates the design as
//! written, is idempotent, refuses another shape naming the differences, keeps a platform's
//! own prerequisite tables, and connects with each sslmode.

use crate::pg;

use persona_studio::store::postgres::schema::{self, Init};
use persona_studio::store::postgres::{RemoteError, RemoteUrl, connect};

fn client(db: &pg::Database) -> postgres::Client {
    let url = RemoteUrl::parse(&db.url_with("sslmode=disable")).expect("test URL");
    connect(&url, None).expect("connect")
}

fn count(c: &mut postgres::Client, sql: &str) -> i64 {
    c.query_one(sql, &[]).expect(sql).get(0)
}

#[test]
fn design_file_is_the_documents_sql_unchanged() {
    let root = env!("CARGO_MANIFEST_DIR");
    let doc = std::path::Path::new(root).join("../shared/seed/persona-schema.md");
    let file = std::fs::read_to_string(format!("{root}/schema/postgres/001_design.sql")).unwrap();
    let Ok(doc) = std::fs::read_to_string(&doc) else {
        // The design document lives in the project's shared folder beside the checkout (as in
        // CI); a clone without it can still check the file against itself below.
        eprintln!("design document not found beside the checkout; comparing block count only");
        assert!(file.matches("CREATE TABLE persona_").count() == 18);
        return;
    };
    let mut blocks = Vec::new();
    let mut rest = doc.as_str();
    while let Some(start) = rest.find("```sql\n") {
        let body = &rest[start + 7..];
        let end = body.find("```").expect("closed sql block");
        blocks.push(body[..end].trim_end_matches('\n').to_string());
        rest = &body[end + 3..];
    }
    assert_eq!(blocks.len(), 49, "the v4.0.0 document has 49 sql blocks");
    let sql: String = file
        .lines()
        .skip_while(|l| l.starts_with("--") || l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        sql.trim_end(),
        blocks.join("\n\n"),
        "001_design.sql must be the document's SQL"
    );
}

#[test]
fn init_creates_the_design_and_is_idempotent() {
    let db = pg::database();
    let mut c = client(&db);
    assert_eq!(schema::init(&mut c).expect("init"), Init::Created);

    assert_eq!(
        count(
            &mut c,
            "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND n.nspname = 'public'"
        ),
        6
    );
    assert_eq!(
        count(
            &mut c,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'lookup\\_%'"
        ),
        15
    );
    assert_eq!(
        count(
            &mut c,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'persona\\_%' AND table_name <> 'persona_status_history'"
        ),
        18
    );
    assert_eq!(
        count(
            &mut c,
            "SELECT count(*) FROM information_schema.views WHERE table_schema = 'public'"
        ),
        3
    );
    for f in [
        "calculate_gen_ai_readiness_level",
        "infer_preferred_service_layer",
        "sync_persona_org_names",
    ] {
        assert_eq!(
            count(
                &mut c,
                &format!("SELECT count(*) FROM pg_proc WHERE proname = '{f}'")
            ),
            1,
            "{f}"
        );
    }
    assert_eq!(
        count(
            &mut c,
            "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = 'personas'::regclass"
        ),
        2
    );
    // Seed rows, as in the design's section 2 tables.
    assert_eq!(
        count(&mut c, "SELECT count(*) FROM lookup_seniority_levels"),
        9
    );
    assert_eq!(
        count(&mut c, "SELECT count(*) FROM lookup_technology_adoption"),
        5
    );
    // The design's own function runs on the server.
    let level: String = c
        .query_one(
            "SELECT calculate_gen_ai_readiness_level(90, 'innovator', 'high', 'high')::text",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(level, "expert");
    // Generated VPANES columns, as designed.
    assert_eq!(
        count(
            &mut c,
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'persona_vpanes_scoring' AND is_generated = 'ALWAYS'"
        ),
        2
    );

    assert!(schema::differences(&mut c).unwrap().is_empty());
    // The one addition beside the history table: persona_id indexes on the 18 list tables.
    assert_eq!(
        count(
            &mut c,
            "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' \
             AND indexname LIKE 'idx%persona_id'"
        ),
        18
    );
    assert_eq!(
        schema::init(&mut c).expect("second init"),
        Init::AlreadyThere
    );
    assert_eq!(
        count(&mut c, "SELECT count(*) FROM lookup_seniority_levels"),
        9,
        "no duplicate seeds"
    );
}

#[test]
fn init_refuses_another_shape_and_names_the_differences() {
    let db = pg::database();
    let mut c = client(&db);
    c.batch_execute(
        "CREATE TABLE personas (id UUID PRIMARY KEY, name INTEGER, favourite_colour TEXT)",
    )
    .unwrap();
    let err = schema::init(&mut c).expect_err("another shape is refused");
    let RemoteError::Shape(diffs) = &err else {
        panic!("expected a shape error, got {err}");
    };
    let text = diffs.join("\n");
    assert!(
        text.contains("personas.favourite_colour: text, not in the design"),
        "{text}"
    );
    assert!(
        text.contains("personas.name: integer here, the design has text"),
        "{text}"
    );
    assert!(text.contains("personas.slug: missing"), "{text}");
    // All or nothing: the refused init wrote nothing.
    assert_eq!(
        count(
            &mut c,
            "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'lookup\\_%'"
        ),
        0
    );
}

#[test]
fn init_keeps_a_platforms_own_prerequisite_tables() {
    let db = pg::database();
    let mut c = client(&db);
    // The platform's tables: extra columns, its own function body.
    c.batch_execute(
        "CREATE TABLE tenants (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), tenant_key TEXT UNIQUE NOT NULL, \
             name TEXT NOT NULL, billing_plan TEXT NOT NULL DEFAULT 'gold');
         CREATE TABLE users (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), username TEXT UNIQUE NOT NULL, sso_subject TEXT);
         CREATE TABLE org_functions (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id UUID REFERENCES tenants(id), name TEXT NOT NULL, cost_centre TEXT);
         CREATE TABLE org_departments (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id UUID REFERENCES tenants(id), name TEXT NOT NULL);
         CREATE TABLE org_roles (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id UUID REFERENCES tenants(id), name TEXT NOT NULL);
         CREATE FUNCTION update_updated_at_column() RETURNS TRIGGER AS $$ BEGIN NEW.updated_at = NOW(); RETURN NEW; END; $$ LANGUAGE plpgsql;
         COMMENT ON FUNCTION update_updated_at_column() IS 'platform';",
    )
    .unwrap();
    assert_eq!(
        schema::init(&mut c).expect("init over platform tables"),
        Init::Created
    );
    assert_eq!(
        count(
            &mut c,
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'tenants' AND column_name = 'billing_plan'"
        ),
        1
    );
    let comment: Option<String> = c
        .query_one(
            "SELECT obj_description('update_updated_at_column'::regproc, 'pg_proc')",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        comment.as_deref(),
        Some("platform"),
        "the platform's function is kept"
    );
    assert!(schema::differences(&mut c).unwrap().is_empty());
}

fn uses_tls(c: &mut postgres::Client) -> bool {
    c.query_one(
        "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
        &[],
    )
    .unwrap()
    .get(0)
}

#[test]
fn each_sslmode_connects_as_libpq_would() {
    let server = pg::server();
    let root = server.root_cert.as_ref().expect(
        "the throwaway cluster needs the openssl command for its certificate (Debian: openssl)",
    );
    let db = pg::database();

    let mut plain = connect(
        &RemoteUrl::parse(&db.url_with("sslmode=disable")).unwrap(),
        None,
    )
    .unwrap();
    assert!(!uses_tls(&mut plain));

    let mut required = connect(
        &RemoteUrl::parse(&db.url_with("sslmode=require")).unwrap(),
        None,
    )
    .unwrap();
    assert!(uses_tls(&mut required));

    let mut preferred = connect(
        &RemoteUrl::parse(&db.url_with("sslmode=prefer")).unwrap(),
        None,
    )
    .unwrap();
    assert!(uses_tls(&mut preferred));

    let verified_url = db.url_with(&format!(
        "sslmode=verify-full&sslrootcert={}",
        root.display()
    ));
    let mut verified = connect(&RemoteUrl::parse(&verified_url).unwrap(), None).unwrap();
    assert!(uses_tls(&mut verified));

    // The self-signed certificate is not in the platform's CA store: verify-full refuses it.
    let Err(err) = connect(
        &RemoteUrl::parse(&db.url_with("sslmode=verify-full")).unwrap(),
        None,
    ) else {
        panic!("verify-full accepted a certificate that no trusted CA signed");
    };
    assert!(
        matches!(err, RemoteError::Connect { .. } | RemoteError::Tls(_)),
        "{err}"
    );
}
