//! `cargo bench --bench sync`: the team library at 10,000 personas against a real PostgreSQL
//! server (the same throwaway cluster the tests start, or `PERSONA_STUDIO_TEST_PG`), each
//! beside a bare baseline measured in the same run.
//!
//! - push of 10,000 personas into an empty remote, beside the same rows written with one
//!   `COPY` per table (copied out of the pushed remote into a second empty database);
//! - pull of those 10,000 into an empty local file, beside `COPY ... TO STDOUT` of the same
//!   tables (reading them, nothing else);
//! - a sync with nothing changed, beside one `SELECT count(*)` round trip per table.
//!
//! Each is one timed run (a push takes tens of seconds; criterion's ten samples would take
//! many minutes), printed with the ratio; the table is also written to
//! `target/tmp/bench-sync.md`. `PERSONA_STUDIO_BENCH_SYNC=N` changes the persona count.

#[path = "../tests/common/pg.rs"]
mod pg;

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use persona_studio::catalog::CHILD_SPECS;
use persona_studio::store::Store;
use persona_studio::store::postgres::RemoteUrl;
use persona_studio::sync::driver::{Direction, Outcome};
use persona_studio::sync::session;

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(filter) = args.iter().find(|a| !a.starts_with('-'))
        && !"sync".contains(filter.as_str())
    {
        return;
    }
    let n: u64 = std::env::var("PERSONA_STUDIO_BENCH_SYNC")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("scratch folder");
    let remote = pg::database();
    let url = remote.url_with("sslmode=disable");
    session::init_remote(&RemoteUrl::parse(&url).unwrap(), None).expect("remote init");

    let mut a = Store::open(&dir.path().join("a.db"), None, "alice").unwrap();
    persona_studio::r#gen::generate(&mut a, n, 42).expect("generate");
    session::set_remote(&mut a, &url, None).unwrap();

    let t = Instant::now();
    let r = session::run(
        &mut a,
        None,
        None,
        Direction::Push,
        None,
        false,
        &mut |_, _| {},
    )
    .expect("push");
    let push = t.elapsed();
    let pushed = r.personas.iter().filter(|p| p.2 == Outcome::Pushed).count();
    assert_eq!(pushed as u64, n, "every persona pushed");

    // Baseline: the same rows, one COPY per table, into a second database with the schema.
    let copy_db = pg::database();
    let copy_url = copy_db.url_with("sslmode=disable");
    session::init_remote(&RemoteUrl::parse(&copy_url).unwrap(), None).unwrap();
    let mut from = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let mut to = postgres::Client::connect(&copy_url, postgres::NoTls).unwrap();
    let mut tables = vec![
        "tenants",
        "users",
        "org_functions",
        "org_departments",
        "org_roles",
        "personas",
    ];
    tables.extend(CHILD_SPECS.iter().map(|c| c.table));
    tables.push("persona_status_history");
    let mut dumps = Vec::new();
    let t = Instant::now();
    for table in &tables {
        let mut buf = Vec::new();
        from.copy_out(&format!("COPY {table} TO STDOUT"))
            .unwrap()
            .read_to_end(&mut buf)
            .unwrap();
        dumps.push(buf);
    }
    let copy_out = t.elapsed();
    // COPY TO leaves out the generated VPANES columns, and COPY FROM takes the others by name.
    let t = Instant::now();
    let mut tx = to.transaction().unwrap();
    tx.batch_execute("DELETE FROM tenants; DELETE FROM users")
        .unwrap();
    for (table, buf) in tables.iter().zip(&dumps) {
        let cols: Vec<String> = tx
            .query(
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
                &[table],
            )
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        let generated: Vec<String> = tx
            .query(
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'ALWAYS'",
                &[table],
            )
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        let keep: Vec<&String> = cols.iter().filter(|c| !generated.contains(c)).collect();
        let list = keep
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let mut w = tx
            .copy_in(&format!("COPY {table} ({list}) FROM STDIN"))
            .unwrap();
        w.write_all(buf).unwrap();
        w.finish().unwrap();
    }
    tx.commit().unwrap();
    let copy_in = t.elapsed();

    let mut b = Store::open(&dir.path().join("b.db"), None, "bob").unwrap();
    session::set_remote(&mut b, &url, None).unwrap();
    let t = Instant::now();
    let r = session::run(
        &mut b,
        None,
        None,
        Direction::Pull,
        None,
        false,
        &mut |_, _| {},
    )
    .expect("pull");
    let pull = t.elapsed();
    assert_eq!(
        r.personas.iter().filter(|p| p.2 == Outcome::Pulled).count() as u64,
        n
    );

    let t = Instant::now();
    let r = session::run(
        &mut a,
        None,
        None,
        Direction::Both,
        None,
        false,
        &mut |_, _| {},
    )
    .expect("sync");
    let quiet = t.elapsed();
    assert!(r.personas.iter().all(|p| p.2 == Outcome::Unchanged));
    let t = Instant::now();
    for table in &tables {
        let _: i64 = from
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .unwrap()
            .get(0);
    }
    let round_trips = t.elapsed();

    let rows = [
        (
            "push",
            push,
            copy_in,
            "one COPY per table into an empty database",
            30.0,
        ),
        (
            "pull into an empty file",
            pull,
            copy_out,
            "COPY ... TO STDOUT of every table",
            30.0,
        ),
        (
            "sync, nothing changed",
            quiet,
            round_trips,
            "one count(*) per table",
            3.0,
        ),
    ];
    let mut table = format!(
        "| {n} personas | app | bare baseline | ratio | target | met |\n|---|---:|---:|---:|---|---|\n"
    );
    for (what, app, base, how, target) in rows {
        table.push_str(&format!(
            "| {what} | {} | {} ({how}) | {:.1}x | < {target} s | {} |\n",
            secs(app),
            secs(base),
            app.as_secs_f64() / base.as_secs_f64().max(1e-9),
            if app.as_secs_f64() < target {
                "yes"
            } else {
                "**no**"
            }
        ));
    }
    println!("\n{table}");
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tmp");
    let _ = std::fs::create_dir_all(&out);
    let _ = std::fs::write(out.join("bench-sync.md"), &table);
}
