//! `persona-studio gen`: synthetic personas at scale, for benchmarks, load and crash tests.
//!
//! Every persona is built from the column descriptions (`gen::persona`), checked with the
//! store's own validation, and written with prepared statements in one transaction. Work the
//! schema's triggers would do row by row is done once, in bulk: inside the transaction the
//! triggers that write the full-text index and the two per-row triggers of a new persona
//! (`PER_ROW_TRIGGERS`) are dropped, the rows inserted with their organisation names and
//! history row, the new personas indexed from the triggers' own view in one INSERT ... SELECT,
//! and the triggers re-created from the SQL that `sqlite_master` held for them. Any error,
//! or a crash, rolls all of it back, the dropped triggers included.
//!
//! Output is deterministic for a seed: persona `n` of seed `s` (slug `gen-s-n`) has the same
//! values and ids whatever the total, so runs with different seeds can share a database.

mod persona;
mod words;

use std::time::{Duration, Instant};

use rusqlite::{Connection, Statement, Transaction, TransactionBehavior, params};

pub use persona::{DELETED_SHARE, DISAGREEING_SHARE, Generated, persona};

use crate::catalog::{CHILD_SPECS, CORE_FIELDS, OrgKind};
use crate::model::Value;
use crate::store::tenant::resolve_org;
use crate::store::{Problem, Result, Store, StoreError};

pub const DEFAULT_SEED: u64 = 42;

/// A small deterministic generator (splitmix64): good enough for test data, and no dependency.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// An independent stream for (seed, item, purpose), so item `n` does not depend on the
    /// items before it.
    pub fn stream(seed: u64, item: u64, purpose: u64) -> Rng {
        let mut r = Rng(seed);
        let a = r.next_u64();
        let mut r = Rng(a ^ item.wrapping_mul(0xD1B5_4A32_D192_ED03));
        let b = r.next_u64();
        Rng(b ^ purpose.wrapping_mul(0x8CB9_2BA7_2F3D_8DD7))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + ((u128::from(self.next_u64()) * (hi - lo + 1) as u128) >> 64) as i64
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A number with two decimals, `lo/100 ..= hi/100`.
    pub fn hundredths(&mut self, lo: i64, hi: i64) -> f64 {
        self.between(lo, hi) as f64 / 100.0
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One word of a non-empty list.
    pub fn word<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// An index drawn in proportion to `weights` (0 when they are all zero).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
        let mut x = ((u128::from(self.next_u64()) * u128::from(total)) >> 64) as u64;
        for (i, w) in weights.iter().enumerate() {
            if x < u64::from(*w) {
                return i;
            }
            x -= u64::from(*w);
        }
        0
    }
}

/// What a run wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct GenReport {
    pub personas: u64,
    pub list_rows: u64,
    pub elapsed: Duration,
}

/// The slug of persona `n` of a seed; all of a seed's slugs start with `gen-<seed>-`.
pub fn slug(seed: u64, n: u64) -> String {
    format!("gen-{seed}-{n}")
}

/// Writes `count` synthetic personas of `seed` into the store's tenant, all or nothing.
/// Refused when the seed was already generated into this database (slugs are unique).
pub fn generate(store: &mut Store, count: u64, seed: u64) -> Result<GenReport> {
    let started = Instant::now();
    let conn = store.conn();
    let taken: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM personas WHERE slug GLOB ?1)",
        params![format!("gen-{seed}-*")],
        |r| r.get(0),
    )?;
    if taken {
        return Err(StoreError::Refused(format!(
            "seed {seed} was already generated into this database (slugs gen-{seed}-…); \
             use another --seed"
        )));
    }
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let old_cache: i64 = tx.pragma_query_value(None, "cache_size", |r| r.get(0))?;
    // About 256 MB of page cache while writing (the default is 2 MB), so the pages being
    // filled stay in memory instead of spilling to the WAL and being read back.
    tx.pragma_update(None, "cache_size", -262_144)?;
    let result = write_all(&tx, store, count, seed);
    tx.pragma_update(None, "cache_size", old_cache)?;
    let list_rows = result?;
    tx.commit()?;
    Ok(GenReport {
        personas: count,
        list_rows,
        elapsed: started.elapsed(),
    })
}

/// Triggers on personas that run per inserted row and that `gen` does itself, in bulk:
/// copying the organisation names and slugs, and the history row of a new persona.
pub const PER_ROW_TRIGGERS: &[&str] = &[
    "trigger_sync_persona_org_names_insert",
    "workflow_history_on_create",
];

/// The triggers `gen` suspends, as (name, CREATE TRIGGER sql) in schema order: every trigger
/// that writes the full-text index, and `PER_ROW_TRIGGERS`.
pub fn suspended_triggers(conn: &Connection) -> Result<Vec<(String, String)>> {
    let names: Vec<String> = PER_ROW_TRIGGERS.iter().map(|n| format!("'{n}'")).collect();
    let mut st = conn.prepare(&format!(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' \
         AND (sql LIKE '%persona_search%' OR name IN ({})) ORDER BY rowid",
        names.join(", ")
    ))?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The indexes of `personas` that a CREATE INDEX made (not those of its UNIQUE constraints), as
/// (name, sql) in schema order.
pub fn persona_indexes(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'personas' \
         AND sql IS NOT NULL ORDER BY rowid",
    )?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn quoted(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

/// Ids that sort in generation order: a prefix from the seed, then the persona number, then
/// the list and the row. Appending to the id indexes is several times faster than inserting
/// random UUIDs, and the ids still have the UUID shape (version 4 and variant nibbles).
fn ordered_id(prefix: u32, n: u64, list: u8, row: u32) -> String {
    format!(
        "{prefix:08x}-{:04x}-4{:03x}-8{:03x}-{:02x}{list:02x}{row:08x}",
        (n >> 32) & 0xFFFF,
        (n >> 20) & 0xFFF,
        (n >> 8) & 0xFFF,
        n & 0xFF
    )
}

/// Everything inside the transaction; returns the number of list rows written.
fn write_all(tx: &Transaction<'_>, store: &Store, count: u64, seed: u64) -> Result<u64> {
    if count > 0xFFFF_FFFF_FFFF {
        return Err(StoreError::Refused(format!(
            "{count} personas is more than one run can number"
        )));
    }
    let tenant = store.tenant().id.clone();
    let user = store.user_id().to_string();
    let lookups = store.lookups();

    let triggers = suspended_triggers(tx)?;
    for (name, _) in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER {}", quoted(name)))?;
    }
    // Secondary indexes of personas are built once at the end (a sort), not row by row: with
    // rows arriving in random name order, keeping them up to date is most of the insert time.
    let indexes = persona_indexes(tx)?;
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX {}", quoted(name)))?;
    }
    let orgs = OrgIds::resolve(tx, &tenant)?;
    let last_rowid: i64 =
        tx.query_row("SELECT coalesce(max(rowid), 0) FROM personas", [], |r| {
            r.get(0)
        })?;

    // The org names come from the org rows (as the sync trigger would copy them).
    let org_names = ["function_name", "department_name", "role_name"];
    let core: Vec<usize> = (0..CORE_FIELDS.len())
        .filter(|&i| CORE_FIELDS[i].is_writable() && !org_names.contains(&CORE_FIELDS[i].name))
        .collect();
    let persona_st = tx.prepare(&insert_sql(
        "personas",
        &[
            "id",
            "tenant_id",
            "created_at",
            "updated_at",
            "deleted_at",
            "validated_by",
            "validated_at",
            "function_id",
            "function_name",
            "function_slug",
            "department_id",
            "department_name",
            "department_slug",
            "role_id",
            "role_name",
            "role_slug",
        ],
        core.iter().map(|&i| CORE_FIELDS[i].name),
    ))?;
    let mut list_sts = Vec::new();
    for spec in CHILD_SPECS {
        let mut fixed = vec!["id", "persona_id", "tenant_id", "created_at", "updated_at"];
        fixed.extend(spec.order_column);
        let cols = spec
            .fields
            .iter()
            .filter(|f| f.is_writable())
            .map(|f| f.name);
        list_sts.push(tx.prepare(&insert_sql(spec.table, &fixed, cols))?);
    }
    // The history row the creation trigger would write, signed as the store signs a move.
    let history_st = tx.prepare(
        "INSERT INTO persona_status_history \
         (id, persona_id, tenant_id, from_status, to_status, changed_by, changed_at, note) \
         VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6, 'generated')",
    )?;

    // Personas are built and validated on a second thread while this one writes: SQLite uses
    // one core, and building takes about a tenth of the time.
    let (send, receive) = std::sync::mpsc::sync_channel::<(u64, Generated, Vec<Problem>)>(256);
    let list_rows = std::thread::scope(|scope| {
        scope.spawn(move || {
            for n in 1..=count {
                let g = persona(seed, n, lookups);
                let problems = crate::store::persona::validate(&g.persona, lookups);
                if send.send((n, g, problems)).is_err() {
                    break; // the writer stopped on an error
                }
            }
        });
        let mut w = Writer {
            prefix: Rng::stream(seed, 0, 2).next_u64() as u32,
            tenant: &tenant,
            user: &user,
            orgs: &orgs,
            core: &core,
            persona_st,
            list_sts,
            history_st,
        };
        // `receive` is dropped on an error, which stops the builder thread before the join.
        let mut list_rows = 0;
        for (n, g, problems) in receive {
            if !problems.is_empty() {
                return Err(StoreError::Invalid(problems));
            }
            list_rows += w.write(n, &g)?;
        }
        Ok(list_rows)
    })?;

    index_new_personas(tx, last_rowid)?;
    for (_, sql) in indexes.iter().chain(&triggers) {
        tx.execute_batch(sql)?;
    }
    Ok(list_rows)
}

/// The prepared statements of a run and what every row shares.
struct Writer<'a> {
    prefix: u32,
    tenant: &'a str,
    user: &'a str,
    orgs: &'a OrgIds,
    /// Indexes into `CORE_FIELDS` of the core columns bound after the fixed ones.
    core: &'a [usize],
    persona_st: Statement<'a>,
    list_sts: Vec<Statement<'a>>,
    history_st: Statement<'a>,
}

impl Writer<'_> {
    /// Writes persona `n` with its history row and lists; returns how many list rows.
    fn write(&mut self, n: u64, g: &Generated) -> Result<u64> {
        let id = ordered_id(self.prefix, n, 0, 0);
        let [f, d, r] = self.orgs.of(g.org);
        let validated_by = g.validated_at.as_ref().map(|_| self.user);
        let fixed: [&dyn rusqlite::ToSql; 16] = [
            &id,
            &self.tenant,
            &g.created_at,
            &g.updated_at,
            &g.deleted_at,
            &validated_by,
            &g.validated_at,
            &f.id,
            &f.name,
            &f.slug,
            &d.id,
            &d.name,
            &d.slug,
            &r.id,
            &r.name,
            &r.slug,
        ];
        let core = self.core.iter().map(|&i| &g.persona.core[i]);
        bind(&mut self.persona_st, &fixed, core)?;
        self.persona_st
            .raw_execute()
            .map_err(|e| crate::store::error::in_table("personas", e))?;
        let status = g.persona.text("validation_status").unwrap_or("draft");
        self.history_st.execute(params![
            ordered_id(self.prefix, n, 0xFF, 0),
            id,
            self.tenant,
            status,
            self.user,
            g.created_at
        ])?;

        let mut written = 0;
        let lists = CHILD_SPECS
            .iter()
            .zip(&g.persona.lists)
            .zip(&mut self.list_sts);
        for (li, ((spec, rows), st)) in lists.enumerate() {
            for (pos, row) in rows.iter().enumerate() {
                let row_id = ordered_id(self.prefix, n, li as u8 + 1, pos as u32);
                let pos = pos as i64;
                let mut fixed: Vec<&dyn rusqlite::ToSql> =
                    vec![&row_id, &id, &self.tenant, &g.created_at, &g.created_at];
                if spec.order_column.is_some() {
                    fixed.push(&pos);
                }
                let values = spec
                    .fields
                    .iter()
                    .zip(&row.values)
                    .filter(|(f, _)| f.is_writable())
                    .map(|(_, v)| v);
                bind(st, &fixed, values)?;
                st.raw_execute()
                    .map_err(|e| crate::store::error::in_table(spec.table, e))?;
                written += 1;
            }
        }
        Ok(written)
    }
}

/// `INSERT INTO table (fixed..., cols...) VALUES (?1, ?2, ...)`; names come from the specs.
fn insert_sql<'a>(table: &str, fixed: &[&'a str], cols: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = fixed.iter().copied().chain(cols).collect();
    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        marks.join(", ")
    )
}

fn bind<'v>(
    st: &mut Statement<'_>,
    fixed: &[&dyn rusqlite::ToSql],
    values: impl Iterator<Item = &'v Value>,
) -> Result<()> {
    for (i, v) in fixed.iter().enumerate() {
        st.raw_bind_parameter(i + 1, v)?;
    }
    for (i, v) in values.enumerate() {
        st.raw_bind_parameter(fixed.len() + i + 1, clean(v))?;
    }
    Ok(())
}

/// Blank text is stored as NULL, as the store does.
fn clean(v: &Value) -> &Value {
    match v {
        Value::Text(s) if s.trim().is_empty() => &Value::Null,
        v => v,
    }
}

/// Adds the full-text rows of the personas inserted after `last_rowid`, as the triggers would:
/// a stable FTS rowid per persona in `persona_search_key`, then the rows of the same view the
/// triggers read (`persona_search_rows`), with the columns the view and the index share.
fn index_new_personas(tx: &Transaction<'_>, last_rowid: i64) -> Result<()> {
    let columns = |table: &str| -> Result<Vec<String>> {
        let mut st = tx.prepare(&format!("PRAGMA table_info({table})"))?;
        let rows = st.query_map([], |r| r.get::<_, String>(1))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let indexed = columns("persona_search")?;
    let shared: Vec<String> = columns("persona_search_rows")?
        .into_iter()
        .filter(|c| indexed.contains(c))
        .map(|c| quoted(&c))
        .collect();
    let cols = shared.join(", ");
    tx.execute(
        "INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE rowid > ?1 \
         AND id NOT IN (SELECT persona_id FROM persona_search_key) ORDER BY rowid",
        params![last_rowid],
    )?;
    tx.execute(
        &format!(
            "INSERT INTO persona_search (rowid, {cols}) SELECT fts_rowid, {cols} \
             FROM persona_search_rows WHERE persona_id IN (SELECT id FROM personas WHERE rowid > ?1)"
        ),
        params![last_rowid],
    )?;
    Ok(())
}

/// (function, department, role) names.
type OrgNames = (&'static str, &'static str, &'static str);

/// An organisation row: what the sync trigger copies into the persona.
struct Org {
    id: String,
    name: String,
    slug: String,
}

/// The organisation rows of `words::ORG_TREE` in the tenant, created when missing.
struct OrgIds {
    /// (function, department, role) names → their rows.
    rows: Vec<(OrgNames, [std::rc::Rc<Org>; 3])>,
}

impl OrgIds {
    fn resolve(conn: &Connection, tenant: &str) -> Result<OrgIds> {
        let row = |kind: OrgKind, name: &str, f: Option<&str>, d: Option<&str>| -> Result<Org> {
            let id = resolve_org(conn, tenant, kind, name, f, d)?;
            let (name, slug) = conn.query_row(
                &format!("SELECT name, slug FROM {} WHERE id = ?1", kind.table()),
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            Ok(Org { id, name, slug })
        };
        let mut rows = Vec::new();
        for (function, departments) in words::ORG_TREE {
            let f = std::rc::Rc::new(row(OrgKind::Function, function, None, None)?);
            for (department, roles) in *departments {
                let d = std::rc::Rc::new(row(OrgKind::Department, department, Some(&f.id), None)?);
                for role in *roles {
                    let r = row(OrgKind::Role, role, Some(&f.id), Some(&d.id))?;
                    rows.push((
                        (*function, *department, *role),
                        [f.clone(), d.clone(), std::rc::Rc::new(r)],
                    ));
                }
            }
        }
        Ok(OrgIds { rows })
    }

    fn of(&self, names: (&str, &str, &str)) -> &[std::rc::Rc<Org>; 3] {
        self.rows
            .iter()
            .find(|(n, _)| *n == names)
            .map(|(_, rows)| rows)
            .expect("generated org names come from ORG_TREE, which resolve() walked")
    }
}
