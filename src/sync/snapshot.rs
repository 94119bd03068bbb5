//! The base a local file and the remote last agreed on, kept per persona: a JSON snapshot that,
//! unlike a bundle, keeps the persona's and every row's id (the merge matches rows by id), and
//! a content hash.

use serde_json::{Map, Value as Json, json};

use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Kind};
use crate::model::json::{value_from_json, value_to_json};
use crate::model::{Persona, Row, StatusChange, Value};

/// The snapshot of a persona's content: ids, core values, rows, history, trash stamp.
pub fn to_json(p: &Persona) -> Json {
    let core: Map<String, Json> = CORE_FIELDS
        .iter()
        .zip(&p.core)
        .map(|(f, v)| (f.name.to_string(), value_to_json(v)))
        .collect();
    let lists: Map<String, Json> = CHILD_SPECS
        .iter()
        .zip(&p.lists)
        .map(|(spec, rows)| {
            let rows: Vec<Json> = rows
                .iter()
                .map(|r| {
                    let values: Map<String, Json> = spec
                        .fields
                        .iter()
                        .zip(&r.values)
                        .map(|(f, v)| (f.name.to_string(), value_to_json(v)))
                        .collect();
                    json!({ "id": r.id, "values": values })
                })
                .collect();
            (spec.key.to_string(), Json::Array(rows))
        })
        .collect();
    let history: Vec<Json> = p
        .history
        .iter()
        .map(|h| {
            json!({
                "from_status": h.from_status, "to_status": h.to_status,
                "changed_by": h.changed_by, "changed_at": h.changed_at, "note": h.note,
            })
        })
        .collect();
    json!({
        "id": p.id, "deleted_at": p.deleted_at, "core": core, "lists": lists, "history": history,
    })
}

/// Reads a snapshot written by `to_json`; a value that no longer parses (the catalog changed)
/// becomes empty rather than failing the whole sync.
pub fn from_json(j: &Json) -> Persona {
    let mut p = Persona::new_draft();
    p.id = j["id"].as_str().map(str::to_string);
    p.deleted_at = j["deleted_at"].as_str().map(str::to_string);
    for (i, f) in CORE_FIELDS.iter().enumerate() {
        if let Some(v) = j["core"].get(f.name) {
            p.core[i] = value_from_json(f, v).unwrap_or(Value::Null);
        }
    }
    for (li, spec) in CHILD_SPECS.iter().enumerate() {
        let Some(rows) = j["lists"].get(spec.key).and_then(Json::as_array) else {
            continue;
        };
        p.lists[li] = rows
            .iter()
            .map(|r| Row {
                id: r["id"].as_str().map(str::to_string),
                values: spec
                    .fields
                    .iter()
                    .map(|f| {
                        r["values"]
                            .get(f.name)
                            .and_then(|v| value_from_json(f, v).ok())
                            .unwrap_or(Value::Null)
                    })
                    .collect(),
            })
            .collect();
    }
    p.history = j["history"]
        .as_array()
        .map(|hs| {
            hs.iter()
                .filter_map(|h| {
                    Some(StatusChange {
                        from_status: h["from_status"].as_str().map(str::to_string),
                        to_status: h["to_status"].as_str()?.to_string(),
                        changed_by: h["changed_by"].as_str().map(str::to_string),
                        changed_at: h["changed_at"].as_str()?.to_string(),
                        note: h["note"].as_str().map(str::to_string),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    p
}

/// A content hash of the persona as a person sees it: every written value, row ids, history
/// and trash stamp; computed columns, the version counter and timestamps left out, so a save
/// that changes nothing changes nothing here. Not a security hash: it detects edits.
pub fn content_hash(p: &Persona) -> String {
    let mut h = crate::digest::Digest::default();
    let feed = |h: &mut crate::digest::Digest, v: &Value| {
        h.write(format!("{v:?}").as_bytes());
        h.write(&[0xff]);
    };
    h.write(p.deleted_at.as_deref().unwrap_or("").as_bytes());
    for (f, v) in CORE_FIELDS.iter().zip(&p.core) {
        if !matches!(f.kind, Kind::Computed) || f.name.starts_with("validated") {
            feed(&mut h, &normalised(v));
        }
    }
    for (spec, rows) in CHILD_SPECS.iter().zip(&p.lists) {
        h.write(spec.key.as_bytes());
        for r in rows {
            h.write(r.id.as_deref().unwrap_or("").as_bytes());
            for (f, v) in spec.fields.iter().zip(&r.values) {
                if !matches!(f.kind, Kind::Computed) {
                    feed(&mut h, &normalised(v));
                }
            }
        }
    }
    for c in &p.history {
        h.write(format!("{c:?}").as_bytes());
    }
    h.finish()
}

/// A cleared text is NULL (as the store writes it).
fn normalised(v: &Value) -> Value {
    if v.is_blank() { Value::Null } else { v.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::bundle_from_json;

    fn demo() -> Vec<Persona> {
        let mut ps = bundle_from_json(include_str!("../../assets/demo/personas.json"), None)
            .expect("demo bundle");
        for (n, p) in ps.iter_mut().enumerate() {
            p.id = Some(format!("p{n}"));
            for (li, rows) in p.lists.iter_mut().enumerate() {
                for (k, r) in rows.iter_mut().enumerate() {
                    r.id = Some(format!("p{n}-{li}-{k}"));
                }
            }
        }
        ps
    }

    #[test]
    fn a_snapshot_reads_back_equal_with_every_id() {
        for p in demo() {
            let back = from_json(&to_json(&p));
            assert_eq!(back.id, p.id);
            assert_eq!(back.lists, p.lists, "{}", p.slug());
            assert_eq!(back.core, p.core, "{}", p.slug());
            assert_eq!(content_hash(&back), content_hash(&p));
        }
    }

    #[test]
    fn the_hash_changes_with_content_only() {
        let ps = demo();
        let p = &ps[0];
        let mut same = p.clone();
        same.version += 3;
        same.updated_at = Some("2030-01-01T00:00:00.000Z".into());
        assert_eq!(content_hash(&same), content_hash(p));
        let mut edited = p.clone();
        edited.set("tagline", Value::text("different"));
        assert_ne!(content_hash(&edited), content_hash(p));
        let mut row_edit = p.clone();
        let li = row_edit.lists.iter().position(|r| !r.is_empty()).unwrap();
        row_edit.lists[li][0].id = Some("other".into());
        assert_ne!(content_hash(&row_edit), content_hash(p));
        let mut trashed = p.clone();
        trashed.deleted_at = Some("2030-01-01T00:00:00.000Z".into());
        assert_ne!(content_hash(&trashed), content_hash(p));
        // Every demo persona hashes differently.
        let mut all: Vec<String> = ps.iter().map(content_hash).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), ps.len());
    }
}
