//! A persona with all its lists, laid out by the column descriptions in `catalog`.

use serde::{Deserialize, Serialize};

use super::Value;
use crate::catalog::{
    CHILD_SPECS, CORE_FIELDS, Cardinality, ChildSpec, Default, FieldSpec, core_index,
};
use crate::rules::{self, Readiness};

/// One row of a list; `values` follow the list's `ChildSpec::fields`.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// None until the row is saved.
    pub id: Option<String>,
    pub values: Vec<Value>,
}

impl Row {
    /// A new row holding the design's column defaults.
    pub fn new(spec: &ChildSpec) -> Row {
        Row {
            id: None,
            values: spec.fields.iter().map(default_value).collect(),
        }
    }

    pub fn get(&self, spec: &ChildSpec, name: &str) -> &Value {
        spec.field_index(name)
            .and_then(|i| self.values.get(i))
            .unwrap_or(&Value::Null)
    }
}

pub fn default_value(field: &FieldSpec) -> Value {
    match field.default {
        Default::None => Value::Null,
        Default::Text(s) => Value::text(s),
        Default::Bool(b) => Value::Bool(b),
    }
}

/// A persona: the core record (`CORE_FIELDS` order) and the 18 lists (`CHILD_SPECS` order).
#[derive(Clone, Debug, PartialEq)]
pub struct Persona {
    /// None until the persona is first saved.
    pub id: Option<String>,
    /// Optimistic-concurrency counter as loaded; a save expects it unchanged in the database.
    pub version: i64,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub deleted_at: Option<String>,
    pub core: Vec<Value>,
    pub lists: Vec<Vec<Row>>,
    /// Status moves, oldest first (`persona_status_history`); part of the bundle.
    pub history: Vec<StatusChange>,
}

/// One row of `persona_status_history`, with the acting user's name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusChange {
    /// None for the row written when the persona was created.
    pub from_status: Option<String>,
    pub to_status: String,
    /// The user's name; None for a move made by a plain SQL client.
    pub changed_by: Option<String>,
    pub changed_at: String,
    pub note: Option<String>,
}

impl Persona {
    /// An unsaved draft with the design's defaults.
    pub fn new_draft() -> Persona {
        Persona {
            id: None,
            version: 0,
            created_at: None,
            updated_at: None,
            deleted_at: None,
            core: CORE_FIELDS.iter().map(default_value).collect(),
            lists: CHILD_SPECS.iter().map(|_| Vec::new()).collect(),
            history: Vec::new(),
        }
    }

    pub fn get(&self, name: &str) -> &Value {
        core_index(name)
            .and_then(|i| self.core.get(i))
            .unwrap_or(&Value::Null)
    }

    pub fn set(&mut self, name: &str, value: Value) {
        if let Some(i) = core_index(name) {
            self.core[i] = value;
        }
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        self.get(name).as_str()
    }

    pub fn num(&self, name: &str) -> Option<f64> {
        self.get(name).as_f64()
    }

    pub fn slug(&self) -> &str {
        self.text("slug").unwrap_or("")
    }

    pub fn name(&self) -> &str {
        self.text("name").unwrap_or("")
    }

    /// The list with the given key (`pain_points`, `vpanes_scoring`, ...).
    pub fn list(&self, key: &str) -> &[Row] {
        crate::catalog::child_index(key)
            .and_then(|i| self.lists.get(i))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn readiness(&self) -> Readiness {
        rules::readiness(
            self.num("ai_maturity_score"),
            self.text("technology_adoption"),
            self.text("risk_tolerance"),
            self.text("change_readiness"),
        )
    }

    pub fn inferred_service_layer(&self) -> &'static str {
        rules::infer_preferred_service_layer(self.text("archetype"), self.text("work_pattern"))
    }

    pub fn implied_archetype(&self) -> Option<&'static str> {
        rules::quadrant_archetype(
            self.num("ai_maturity_score"),
            self.num("work_complexity_score"),
        )
    }

    /// The six VPANES scores in V-P-A-N-E-S order, from the (unsaved) scoring row.
    pub fn vpanes_scores(&self) -> [Option<f64>; 6] {
        let mut out = [None; 6];
        let Some(ci) = crate::catalog::child_index("vpanes_scoring") else {
            return out;
        };
        let spec = &CHILD_SPECS[ci];
        if let Some(row) = self.lists[ci].first() {
            for (slot, name) in out.iter_mut().zip(VPANES_COLUMNS) {
                *slot = row.get(spec, name).as_f64();
            }
        }
        out
    }

    pub fn has_vpanes(&self) -> bool {
        !self.list("vpanes_scoring").is_empty()
    }

    /// What `completeness` counts as not filled yet, in the editor's tab order: the labels of
    /// blank fields (section by section), then the titles of empty lists.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut fields: Vec<(usize, &'static str)> = CORE_FIELDS
            .iter()
            .zip(&self.core)
            .filter(|(f, v)| f.is_writable() && v.is_blank())
            .map(|(f, _)| (f.section, f.label))
            .collect();
        fields.sort_by_key(|(s, _)| *s);
        let mut out: Vec<&'static str> = fields.into_iter().map(|(_, l)| l).collect();
        for (spec, rows) in CHILD_SPECS.iter().zip(&self.lists) {
            let has = match spec.cardinality {
                Cardinality::Many => !rows.is_empty(),
                Cardinality::One => rows
                    .first()
                    .is_some_and(|r| r.values.iter().any(|v| !v.is_blank())),
            };
            if !has {
                out.push(spec.title);
            }
        }
        out
    }

    /// Share of filled fields and lists: (filled, total). Computed columns do not count.
    pub fn completeness(&self) -> (usize, usize) {
        let mut filled = 0;
        let mut total = 0;
        for (f, v) in CORE_FIELDS.iter().zip(&self.core) {
            if f.is_writable() {
                total += 1;
                filled += usize::from(!v.is_blank());
            }
        }
        for (spec, rows) in CHILD_SPECS.iter().zip(&self.lists) {
            total += 1;
            let has = match spec.cardinality {
                Cardinality::Many => !rows.is_empty(),
                Cardinality::One => rows
                    .first()
                    .is_some_and(|r| r.values.iter().any(|v| !v.is_blank())),
            };
            filled += usize::from(has);
        }
        (filled, total)
    }
}

pub const VPANES_COLUMNS: [&str; 6] = [
    "visibility",
    "pain",
    "actions",
    "needs",
    "emotions",
    "scenarios",
];

/// One line of the browser and of `list --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub title: Option<String>,
    pub archetype: Option<String>,
    pub function_name: Option<String>,
    pub seniority_level: Option<String>,
    pub validation_status: Option<String>,
    pub total_score: Option<f64>,
    pub priority_tier: Option<String>,
    pub ai_maturity_score: Option<f64>,
    pub work_complexity_score: Option<f64>,
    pub updated_at: String,
}
