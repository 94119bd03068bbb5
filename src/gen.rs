//! `persona-studio gen`: synthetic personas at scale, for benchmarks, load and crash tests.
//!
//! Every persona is built from the column descriptions (`gen::persona`), checked with the
//! store's own validation, and written with prepared statements in one transaction. The
//! full-text index is filled once at the end instead of by ~10 trigger rebuilds per persona:
//! inside the transaction the triggers that write `persona_search` are dropped, the rows
//! inserted, the new personas indexed from `persona_search_source` in one INSERT ... SELECT,
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

use crate::model::Value;
use crate::spec::{CHILD_SPECS, CORE_FIELDS, OrgKind};
use crate::store::tenant::resolve_org;
use crate::store::{Result, Store, StoreError};

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

    /// A version-4-shaped UUID string from this stream.
    pub fn uuid(&mut self) -> String {
        let (a, b) = (self.next_u64(), self.next_u64());
        let hi = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x4000;
        let lo = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            hi >> 32,
            (hi >> 16) & 0xFFFF,
            hi & 0xFFFF,
            lo >> 48,
            lo & 0xFFFF_FFFF_FFFF
        )
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
    // About 256 MB of page cache while writing: the random-id indexes outgrow the default 2 MB.
    tx.pragma_update(None, "cache_size", -262_144)?;
    let result = write_all(&tx, store, count, seed);
    tx.pragma_update(None, "cache_size", old_cache)?;
    let list_rows = result?;
    eprintln!("TIMING before commit {:?}", started.elapsed());
    tx.commit()?;
    eprintln!("TIMING after commit {:?}", started.elapsed());
    Ok(GenReport {
        personas: count,
        list_rows,
        elapsed: started.elapsed(),
    })
}

/// The triggers that write the full-text index, as (name, CREATE TRIGGER sql), in schema order.
pub fn search_triggers(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%persona_search%' \
         ORDER BY rowid",
    )?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn quoted(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

/// Everything inside the transaction; returns the number of list rows written.
fn write_all(tx: &Transaction<'_>, store: &Store, count: u64, seed: u64) -> Result<u64> {
    let tenant = store.tenant().id.clone();
    let user = store.user_id().to_string();
    let lookups = store.lookups();

    let triggers = search_triggers(tx)?;
    for (name, _) in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER {}", quoted(name)))?;
    }
    let orgs = OrgIds::resolve(tx, &tenant)?;
    let last_rowid: i64 =
        tx.query_row("SELECT coalesce(max(rowid), 0) FROM personas", [], |r| {
            r.get(0)
        })?;

    let core: Vec<usize> = (0..CORE_FIELDS.len())
        .filter(|&i| CORE_FIELDS[i].is_writable())
        .collect();
    let mut persona_st = tx.prepare(&insert_sql(
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
            "department_id",
            "role_id",
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
    // The creation trigger wrote the persona's first history row; sign and date it.
    let mut sign_st = tx.prepare(
        "UPDATE persona_status_history SET changed_by = ?2, changed_at = ?3, note = ?4 \
         WHERE persona_id = ?1",
    )?;

    let mut list_rows = 0u64;
    let mut tm = [Duration::ZERO; 5];
    for n in 1..=count {
        let t0 = Instant::now();
        let g = persona(seed, n, lookups);
        tm[0] += t0.elapsed();
        let t0 = Instant::now();
        let problems = crate::store::persona::validate(&g.persona, lookups);
        tm[1] += t0.elapsed();
        let t0 = Instant::now();
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        let mut ids = Rng::stream(seed, n, 1);
        let id = ids.uuid();
        let (f, d, r) = orgs.of(g.org);
        let validated_by = g.validated_at.as_ref().map(|_| user.as_str());
        let fixed: [&dyn rusqlite::ToSql; 10] = [
            &id,
            &tenant,
            &g.created_at,
            &g.updated_at,
            &g.deleted_at,
            &validated_by,
            &g.validated_at,
            &f,
            &d,
            &r,
        ];
        bind(
            &mut persona_st,
            &fixed,
            core.iter().map(|&i| &g.persona.core[i]),
        )?;
        persona_st
            .raw_execute()
            .map_err(|e| crate::store::error::in_table("personas", e))?;
        tm[2] += t0.elapsed();
        let t0 = Instant::now();
        sign_st.execute(params![id, user, g.created_at, "generated"])?;
        tm[3] += t0.elapsed();
        let t0 = Instant::now();

        for ((spec, rows), st) in CHILD_SPECS.iter().zip(&g.persona.lists).zip(&mut list_sts) {
            for (pos, row) in rows.iter().enumerate() {
                let row_id = ids.uuid();
                let pos = pos as i64;
                let mut fixed: Vec<&dyn rusqlite::ToSql> =
                    vec![&row_id, &id, &tenant, &g.created_at, &g.created_at];
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
                list_rows += 1;
            }
        }
        tm[4] += t0.elapsed();
    }
    eprintln!(
        "TIMING gen {:?} validate {:?} persona {:?} sign {:?} lists {:?}",
        tm[0], tm[1], tm[2], tm[3], tm[4]
    );
    drop((persona_st, list_sts, sign_st));
    eprintln!("TIMING inserts done {:?}", std::time::SystemTime::now());

    index_new_personas(tx, last_rowid)?;
    eprintln!("TIMING fts done {:?}", std::time::SystemTime::now());
    for (_, sql) in &triggers {
        tx.execute_batch(sql)?;
    }
    Ok(list_rows)
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

/// Adds the full-text rows of the personas inserted after `last_rowid`, from the same view the
/// triggers use, with the columns the view and the index share.
fn index_new_personas(tx: &Transaction<'_>, last_rowid: i64) -> Result<()> {
    let columns = |table: &str| -> Result<Vec<String>> {
        let mut st = tx.prepare(&format!("PRAGMA table_info({table})"))?;
        let rows = st.query_map([], |r| r.get::<_, String>(1))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let indexed = columns("persona_search")?;
    let shared: Vec<String> = columns("persona_search_source")?
        .into_iter()
        .filter(|c| indexed.contains(c))
        .map(|c| quoted(&c))
        .collect();
    let cols = shared.join(", ");
    tx.execute(
        &format!(
            "INSERT INTO persona_search ({cols}) SELECT {cols} FROM persona_search_source \
             WHERE persona_id IN (SELECT id FROM personas WHERE rowid > ?1)"
        ),
        params![last_rowid],
    )?;
    Ok(())
}

/// Ids of the organisation rows of `words::ORG_TREE` in the tenant, created when missing.
struct OrgIds {
    /// (function, department, role) names → ids.
    ids: Vec<((&'static str, &'static str, &'static str), [String; 3])>,
}

impl OrgIds {
    fn resolve(conn: &Connection, tenant: &str) -> Result<OrgIds> {
        let mut ids = Vec::new();
        for (function, departments) in words::ORG_TREE {
            let f = resolve_org(conn, tenant, OrgKind::Function, function, None, None)?;
            for (department, roles) in *departments {
                let d = resolve_org(
                    conn,
                    tenant,
                    OrgKind::Department,
                    department,
                    Some(&f),
                    None,
                )?;
                for role in *roles {
                    let r = resolve_org(conn, tenant, OrgKind::Role, role, Some(&f), Some(&d))?;
                    ids.push(((*function, *department, *role), [f.clone(), d.clone(), r]));
                }
            }
        }
        Ok(OrgIds { ids })
    }

    fn of(&self, names: (&str, &str, &str)) -> (&str, &str, &str) {
        let [f, d, r] = &self
            .ids
            .iter()
            .find(|(n, _)| *n == names)
            .map(|(_, ids)| ids)
            .expect("generated org names come from ORG_TREE, which resolve() walked");
        (f, d, r)
    }
}
