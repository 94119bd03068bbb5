//! `persona-studio gen`: synthetic personas at scale, for benchmarks, load and crash tests.
//!
//! Every persona is built from the column descriptions (`gen::persona`) on a second thread
//! and handed to the store's bulk writer (`Store::bulk_create`), which validates it and writes
//! all of them in one transaction, indexing each for search once at the end.
//!
//! Output is deterministic for a seed: persona `n` of seed `s` (slug `gen-s-n`) has the same
//! values and ids whatever the total, so runs with different seeds can share a database.

mod persona;
mod words;

use std::time::{Duration, Instant};

pub use persona::{DELETED_SHARE, DISAGREEING_SHARE, Generated, persona};

use crate::model::{Persona, Value};
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

/// Writes `count` synthetic personas of `seed` into the store's tenant, all or nothing,
/// through the store's bulk writer. Refused when the seed was already generated into this
/// database (slugs are unique).
pub fn generate(store: &mut Store, count: u64, seed: u64) -> Result<GenReport> {
    let started = Instant::now();
    if store.slug_prefix_taken(&format!("gen-{seed}-"))? {
        return Err(StoreError::SeedTaken { seed });
    }
    if count > 0xFFFF_FFFF_FFFF {
        return Err(StoreError::TooMany { count });
    }
    let lookups = store.lookups().clone();
    let user = store.user_name().to_string();
    let prefix = Rng::stream(seed, 0, 2).next_u64() as u32;
    // Personas are built on a second thread while the store writes: SQLite uses one core, and
    // building takes about a tenth of the time.
    let (send, receive) = std::sync::mpsc::sync_channel::<Persona>(256);
    let list_rows = std::thread::scope(|scope| {
        scope.spawn(move || {
            for n in 1..=count {
                let p = stored_form(persona(seed, n, &lookups), prefix, n, &user);
                if send.send(p).is_err() {
                    break; // the writer stopped on an error
                }
            }
        });
        // `receive` is dropped when the store returns, which stops the builder thread before
        // the join.
        store.bulk_create(&mut receive.into_iter().map(Ok))
    })?;
    Ok(GenReport {
        personas: count,
        list_rows,
        elapsed: started.elapsed(),
    })
}

/// A generated persona as the bulk writer takes it: ordered ids, its timestamps, and the
/// creation row of its history, signed by the acting user.
fn stored_form(g: Generated, prefix: u32, n: u64, user: &str) -> Persona {
    let mut p = g.persona;
    p.id = Some(ordered_id(prefix, n, 0, 0));
    for (li, rows) in p.lists.iter_mut().enumerate() {
        for (pos, row) in rows.iter_mut().enumerate() {
            row.id = Some(ordered_id(prefix, n, li as u8 + 1, pos as u32));
        }
    }
    p.created_at = Some(g.created_at.clone());
    p.updated_at = Some(g.updated_at);
    p.deleted_at = g.deleted_at;
    p.set(
        "validated_at",
        g.validated_at.map_or(Value::Null, Value::Text),
    );
    // The moves that reach its status, so a generated persona passes the import rule too.
    let status = p.text("validation_status").unwrap_or("draft").to_string();
    p.history = crate::store::chain::straight_path(&status, user, &g.created_at);
    p.history[0].note = Some("generated".to_string());
    p
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
