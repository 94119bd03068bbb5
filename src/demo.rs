//! The demo personas shipped in `assets/demo/personas.json`.

use crate::model::Value;
use crate::model::json::bundle_from_json;
use crate::store::chain::{straight_path, timestamp_at};
use crate::store::{Result, Store, StoreError};

pub const DEMO_JSON: &str = include_str!("../assets/demo/personas.json");

/// Loads the demo set into the store's tenant in one transaction. Returns (created, updated).
///
/// Idempotent in every tenant: a demo persona already in the tenant is found again (by its
/// slug, or by the tenant's variant of it, see `demo_slug`) and its content refreshed, never
/// duplicated. Its review status is the tenant's own (a status is changed by the workflow,
/// not by reloading the demo), so a demo persona that was archived or sent back stays so.
pub fn load_demo(store: &mut Store) -> Result<(usize, usize)> {
    let mut personas =
        bundle_from_json(DEMO_JSON, Some(store.lookups())).map_err(StoreError::BadDemoData)?;
    // One millisecond apart in file order, so the review queue (longest waiting first) lists
    // the demo's pending personas in the order the file gives them.
    let start = std::time::SystemTime::now();
    for (k, p) in personas.iter_mut().enumerate() {
        let now = timestamp_at(start + std::time::Duration::from_millis(k as u64));
        let slug = demo_slug(store, p.slug())?;
        p.set("slug", Value::Text(slug.clone()));
        match store.load_by_slug(&slug) {
            Ok(stored) => {
                for column in ["validation_status", "validated_at", "validated_by"] {
                    p.set(column, stored.get(column).clone());
                }
            }
            // A new demo persona arrives with the moves that gave it its status, by the
            // loading user, as an import would need (see store::chain).
            Err(StoreError::NotFound(_)) => {
                let status = p.text("validation_status").unwrap_or("draft").to_string();
                p.history = straight_path(&status, store.user_name(), &now);
            }
            Err(e) => return Err(e),
        }
    }
    store.save_all(&personas)
}

/// The slug a demo persona has in this tenant. Slugs are unique across tenants (the design's
/// personas_slug_unique), so only the first tenant gets the shipped slug; another tenant gets
/// `slug-<tenant key>`, the same on every run (a free `slug-N` would grow on each run).
fn demo_slug(store: &Store, shipped: &str) -> Result<String> {
    let own = format!("{shipped}-{}", store.tenant().key);
    for candidate in [shipped, own.as_str()] {
        match store.load_by_slug(candidate) {
            Ok(_) => return Ok(candidate.to_string()),
            Err(StoreError::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
    }
    if store.free_slug(shipped)? == shipped {
        return Ok(shipped.to_string());
    }
    store.free_slug(&own)
}
