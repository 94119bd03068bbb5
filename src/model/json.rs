//! The persona as JSON: the demo set, `show --json` and the import/export bundle share this
//! format. Keys are column names from `catalog`; lists are keyed by table name without `persona_`.
//! Store-owned columns (ids, timestamps) and computed columns are not part of it.

use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value as Json};

use super::Value;
use super::persona::{Persona, Row, StatusChange, default_value};
use crate::catalog::MAX_LIST_ROWS;
use crate::catalog::validate::{Lookups, validate_value};
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality, FieldSpec, Kind};

/// Version of the bundle format written by this build; newer bundles are refused.
pub const FORMAT_VERSION: i64 = 1;

pub fn value_to_json(value: &Value) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Text(s) => Json::String(s.clone()),
        Value::Int(i) => Json::from(*i),
        Value::Real(r) => serde_json::Number::from_f64(*r).map_or(Json::Null, Json::Number),
        Value::Bool(b) => Json::Bool(*b),
    }
}

fn shown(j: &Json) -> String {
    match j {
        Json::String(s) => format!("\"{s}\""),
        Json::Array(_) => "a list".into(),
        Json::Object(_) => "an object".into(),
        other => other.to_string(),
    }
}

/// The JSON value as this column's value type, before range and list checks.
pub fn value_from_json(field: &FieldSpec, j: &Json) -> Result<Value, String> {
    let wrong = |what: &str| Err(format!("{} is not {what}", shown(j)));
    match (field.kind, j) {
        (_, Json::Null) => Ok(Value::Null),
        (Kind::Int { .. }, Json::Number(n)) => match n.as_i64() {
            Some(i) => Ok(Value::Int(i)),
            None => wrong("a whole number"),
        },
        (Kind::Int { .. }, _) => wrong("a whole number"),
        (Kind::Decimal { .. }, Json::Number(n)) => match n.as_f64() {
            Some(x) => Ok(Value::Real(x)),
            None => wrong("a number"),
        },
        (Kind::Decimal { .. }, _) => wrong("a number"),
        (Kind::Bool, Json::Bool(b)) => Ok(Value::Bool(*b)),
        (Kind::Bool, _) => wrong("true or false"),
        (_, Json::String(s)) => Ok(Value::Text(s.clone())),
        (_, _) => wrong("text"),
    }
}

fn fields_to_json(fields: &[FieldSpec], values: &[Value]) -> Map<String, Json> {
    let mut m = Map::new();
    for (f, v) in fields.iter().zip(values) {
        if f.is_writable() {
            m.insert(f.name.to_string(), value_to_json(v));
        }
    }
    m
}

/// The persona as a JSON object, every writable column present (null when empty) so two exports
/// of the same data are byte-identical.
pub fn persona_to_json(p: &Persona) -> Json {
    let mut m = fields_to_json(CORE_FIELDS, &p.core);
    for (spec, rows) in CHILD_SPECS.iter().zip(&p.lists) {
        let j = match spec.cardinality {
            Cardinality::Many => Json::Array(
                rows.iter()
                    .map(|r| Json::Object(fields_to_json(spec.fields, &r.values)))
                    .collect(),
            ),
            Cardinality::One => rows.first().map_or(Json::Null, |r| {
                Json::Object(fields_to_json(spec.fields, &r.values))
            }),
        };
        m.insert(spec.key.to_string(), j);
    }
    m.insert(HISTORY_KEY.to_string(), history_to_json(&p.history));
    Json::Object(m)
}

/// The bundle key of the status history.
pub const HISTORY_KEY: &str = "status_history";

fn history_to_json(history: &[StatusChange]) -> Json {
    Json::Array(
        history
            .iter()
            .map(|h| {
                let mut m = Map::new();
                m.insert(
                    "from_status".into(),
                    h.from_status.clone().map_or(Json::Null, Json::String),
                );
                m.insert("to_status".into(), Json::String(h.to_status.clone()));
                m.insert(
                    "changed_by".into(),
                    h.changed_by.clone().map_or(Json::Null, Json::String),
                );
                m.insert("changed_at".into(), Json::String(h.changed_at.clone()));
                m.insert(
                    "note".into(),
                    h.note.clone().map_or(Json::Null, Json::String),
                );
                Json::Object(m)
            })
            .collect(),
    )
}

/// Reads `status_history`: statuses from the enum, a timestamp, optional user and note.
fn history_from_json(j: Option<&Json>, path: &str, errors: &mut Vec<String>) -> Vec<StatusChange> {
    let items = match j {
        None | Some(Json::Null) => return Vec::new(),
        Some(Json::Array(items)) => items,
        Some(other) => {
            errors.push(format!("{path}: {} is not a list", shown(other)));
            return Vec::new();
        }
    };
    let statuses = crate::catalog::enums::VALIDATION_STATUSES;
    let mut out = Vec::new();
    for (k, item) in items.iter().enumerate() {
        let ipath = format!("{path}[{k}]");
        let Json::Object(o) = item else {
            errors.push(format!(
                "{ipath}: {} is not a status change object",
                shown(item)
            ));
            continue;
        };
        for key in o.keys() {
            if ![
                "from_status",
                "to_status",
                "changed_by",
                "changed_at",
                "note",
            ]
            .contains(&key.as_str())
            {
                errors.push(format!("{ipath}.{key}: unknown field"));
            }
        }
        let mut text = |key: &str, required: bool, allowed: Option<&[&str]>| -> Option<String> {
            match o.get(key) {
                None | Some(Json::Null) if required => {
                    errors.push(format!("{ipath}.{key}: is required"));
                    None
                }
                None | Some(Json::Null) => None,
                Some(Json::String(s)) => match allowed {
                    Some(list) if !list.contains(&s.as_str()) => {
                        errors.push(format!(
                            "{ipath}.{key}: \"{s}\" is not one of {}",
                            list.join(", ")
                        ));
                        None
                    }
                    _ => Some(s.clone()),
                },
                Some(other) => {
                    errors.push(format!("{ipath}.{key}: {} is not text", shown(other)));
                    None
                }
            }
        };
        let from_status = text("from_status", false, Some(statuses));
        let to_status = text("to_status", true, Some(statuses));
        let changed_by = text("changed_by", false, None);
        let changed_at = text("changed_at", true, None);
        let note = text("note", false, None);
        if let (Some(to_status), Some(changed_at)) = (to_status, changed_at) {
            out.push(StatusChange {
                from_status,
                to_status,
                changed_by,
                changed_at,
                note,
            });
        }
    }
    out
}

impl Serialize for Persona {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        persona_to_json(self).serialize(s)
    }
}

/// Reads fields of one object: absent keys take the column default, `null` is NULL, unknown
/// keys and bad values are reported with their JSON path.
fn fields_from_json(
    fields: &[FieldSpec],
    obj: &Map<String, Json>,
    path: &str,
    lookups: Option<&Lookups>,
    extra_keys: &[&str],
    errors: &mut Vec<String>,
) -> Vec<Value> {
    for key in obj.keys() {
        let known = fields.iter().any(|f| f.name == key && f.is_writable())
            || extra_keys.contains(&key.as_str());
        if !known {
            errors.push(format!("{path}.{key}: unknown field"));
        }
    }
    fields
        .iter()
        .map(|f| {
            let Some(j) = obj.get(f.name).filter(|_| f.is_writable()) else {
                let v = default_value(f);
                if f.required && v.is_blank() && f.is_writable() {
                    errors.push(format!("{path}.{}: is required", f.name));
                }
                return v;
            };
            match value_from_json(f, j) {
                Ok(v) => {
                    let v = match v {
                        Value::Text(s) if s.trim().is_empty() && !f.is_multiline() => Value::Null,
                        v => v,
                    };
                    let checked = match lookups {
                        Some(l) => validate_value(f, &v, l),
                        None if matches!(f.kind, Kind::Lookup(_)) => Ok(()),
                        None => validate_value(f, &v, &Lookups::default()),
                    };
                    if let Err(e) = checked {
                        errors.push(format!("{path}.{}: {e}", f.name));
                    }
                    v
                }
                Err(e) => {
                    errors.push(format!("{path}.{}: {e}", f.name));
                    Value::Null
                }
            }
        })
        .collect()
}

/// Reads one persona object. `lookups` checks lookup codes; without it only their type is
/// checked (the database's foreign keys still refuse unknown codes).
pub fn persona_from_json(
    j: &Json,
    path: &str,
    lookups: Option<&Lookups>,
) -> Result<Persona, Vec<String>> {
    let mut errors = Vec::new();
    let Json::Object(obj) = j else {
        return Err(vec![format!(
            "{path}: {} is not a persona object",
            shown(j)
        )]);
    };
    let mut list_keys: Vec<&str> = CHILD_SPECS.iter().map(|c| c.key).collect();
    list_keys.push(HISTORY_KEY);
    let mut p = Persona::new_draft();
    p.core = fields_from_json(CORE_FIELDS, obj, path, lookups, &list_keys, &mut errors);
    for (i, spec) in CHILD_SPECS.iter().enumerate() {
        let lpath = format!("{path}.{}", spec.key);
        let read_row = |rj: &Json, rpath: &str, errors: &mut Vec<String>| -> Option<Row> {
            match rj {
                Json::Object(ro) => Some(Row {
                    id: None,
                    values: fields_from_json(spec.fields, ro, rpath, lookups, &[], errors),
                }),
                other => {
                    errors.push(format!("{rpath}: {} is not a row object", shown(other)));
                    None
                }
            }
        };
        let rows = match (spec.cardinality, obj.get(spec.key)) {
            (_, None | Some(Json::Null)) => Vec::new(),
            (Cardinality::Many, Some(Json::Array(items))) if items.len() > MAX_LIST_ROWS => {
                errors.push(format!(
                    "{lpath}: holds {} rows; a list holds at most {MAX_LIST_ROWS} rows per persona",
                    items.len()
                ));
                Vec::new()
            }
            (Cardinality::Many, Some(Json::Array(items))) => items
                .iter()
                .enumerate()
                .filter_map(|(k, rj)| read_row(rj, &format!("{lpath}[{k}]"), &mut errors))
                .collect(),
            (Cardinality::Many, Some(other)) => {
                errors.push(format!("{lpath}: {} is not a list", shown(other)));
                Vec::new()
            }
            (Cardinality::One, Some(rj)) => read_row(rj, &lpath, &mut errors).into_iter().collect(),
        };
        if let Some(mi) = spec.unique_column.and_then(|c| spec.field_index(c)) {
            let column = spec.fields[mi].name;
            let mut seen = std::collections::HashSet::new();
            for (k, r) in rows.iter().enumerate() {
                let name = &r.values[mi];
                if !name.is_blank() && !seen.insert(name.to_string()) {
                    errors.push(format!("{lpath}[{k}].{column}: {name} is already used by another metric of this persona"));
                }
            }
        }
        p.lists[i] = rows;
    }
    p.history = history_from_json(
        obj.get(HISTORY_KEY),
        &format!("{path}.{HISTORY_KEY}"),
        &mut errors,
    );
    if errors.is_empty() {
        Ok(p)
    } else {
        Err(errors)
    }
}

/// The keys of a bundle object.
const BUNDLE_KEYS: [&str; 2] = ["format_version", "personas"];

/// A bundle: `{"format_version": 1, "personas": [...]}`.
pub fn bundle_from_json(
    text: &str,
    lookups: Option<&Lookups>,
) -> Result<Vec<Persona>, Vec<String>> {
    let j: Json = serde_json::from_str(text).map_err(|e| vec![format!("not valid JSON: {e}")])?;
    let Json::Object(obj) = &j else {
        return Err(vec![format!(
            "$: {} is not a bundle object with format_version and personas",
            shown(&j)
        )]);
    };
    match obj.get("format_version") {
        Some(Json::Number(n))
            if n.as_i64()
                .is_some_and(|v| (1..=FORMAT_VERSION).contains(&v)) => {}
        Some(Json::Number(n)) => {
            return Err(vec![format!(
                "format_version: {n} is not supported; this version of Persona Studio reads format {FORMAT_VERSION} (export the file again with this version, or upgrade Persona Studio)"
            )]);
        }
        Some(other) => {
            return Err(vec![format!(
                "format_version: {} is not a number",
                shown(other)
            )]);
        }
        None => return Err(vec!["format_version: is required".into()]),
    }
    let Some(Json::Array(items)) = obj.get("personas") else {
        return Err(vec!["personas: is required and must be a list".into()]);
    };
    // Unknown keys are errors here as in a persona: a misspelt key would otherwise be
    // silently dropped.
    let mut errors: Vec<String> = obj
        .keys()
        .filter(|k| !BUNDLE_KEYS.contains(&k.as_str()))
        .map(|k| {
            format!(
                "$.{k}: unknown key; a bundle has only {}",
                BUNDLE_KEYS.join(" and ")
            )
        })
        .collect();
    let mut out = Vec::new();
    // Slug -> first index, so a bundle of many personas is checked in one pass.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, item) in items.iter().enumerate() {
        match persona_from_json(item, &format!("personas[{i}]"), lookups) {
            Ok(p) => {
                if let Some(&prev) = seen.get(p.slug()) {
                    errors.push(format!(
                        "personas[{i}].slug: \"{}\" is already used by personas[{prev}] in this file",
                        p.slug()
                    ));
                }
                seen.entry(p.slug().to_string()).or_insert(i);
                out.push(p);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Writes a bundle, pretty-printed, ending in a newline.
pub fn bundle_to_json(personas: &[Persona]) -> String {
    let mut m = Map::new();
    m.insert("format_version".into(), Json::from(FORMAT_VERSION));
    m.insert(
        "personas".into(),
        Json::Array(personas.iter().map(persona_to_json).collect()),
    );
    let mut s = serde_json::to_string_pretty(&Json::Object(m)).unwrap_or_default();
    s.push('\n');
    s
}
