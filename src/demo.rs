//! The demo personas shipped in `assets/demo/personas.json`.

use crate::model::json::bundle_from_json;
use crate::store::{Result, Store, StoreError};

pub const DEMO_JSON: &str = include_str!("../assets/demo/personas.json");

/// Loads the demo set into the store's tenant in one transaction (existing slugs are
/// replaced). Returns (created, updated).
pub fn load_demo(store: &mut Store) -> Result<(usize, usize)> {
    let mut personas =
        bundle_from_json(DEMO_JSON, Some(store.lookups())).map_err(StoreError::BadDemoData)?;
    // Slugs are unique across tenants (the design's personas_slug_unique): in a second tenant
    // the demo personas get a free variant of their slug.
    for p in &mut personas {
        let slug = p.slug().to_string();
        if store.load_by_slug(&slug).is_err() {
            let free = store.free_slug(&slug)?;
            p.set("slug", crate::model::Value::Text(free));
        }
    }
    store.save_all(&personas)
}
