//! What a review snapshot holds: the persona's JSON as the export writes it
//! (`model::json::persona_to_json`), without the status history (the snapshot is kept per
//! history row), and with each list row's id under `ROW_ID`, so a diff matches rows by id.

use serde_json::{Value as Json, json};

use crate::catalog::{CHILD_SPECS, Cardinality};
use crate::model::Persona;
use crate::model::json::{HISTORY_KEY, persona_to_json};

/// The key of a row's id in a snapshot (the export has no such key: ids are local).
pub const ROW_ID: &str = "id";

pub fn to_json(p: &Persona) -> Json {
    let mut j = persona_to_json(p);
    let Some(m) = j.as_object_mut() else {
        return j;
    };
    m.remove(HISTORY_KEY);
    for (spec, rows) in CHILD_SPECS.iter().zip(&p.lists) {
        let Some(list) = m.get_mut(spec.key) else {
            continue;
        };
        let objects: Vec<&mut Json> = match (spec.cardinality, list) {
            (Cardinality::Many, Json::Array(items)) => items.iter_mut().collect(),
            (Cardinality::One, o @ Json::Object(_)) => vec![o],
            _ => Vec::new(),
        };
        for (o, r) in objects.into_iter().zip(rows) {
            if let Some(o) = o.as_object_mut() {
                o.insert(ROW_ID.into(), json!(r.id));
            }
        }
    }
    j
}
