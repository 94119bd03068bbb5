//! The draft as the live figures may count it: a value the form holds as invalid (typed text
//! that does not parse or is out of range, whose last valid value would otherwise linger) or a
//! number out of its range (a recovered draft is read back without checks) counts as not set,
//! and is named so the sidebar can say so instead of counting it.

use super::{Editor, FormKey};
use crate::catalog::validate::validate_value;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, FieldSpec, Kind, Lookups};
use crate::model::{Persona, Value};

/// A value left out of the live figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// The column name (`ai_maturity_score`, `visibility`).
    pub column: &'static str,
    pub label: &'static str,
    /// What the user typed, or the stored value, as it reads.
    pub shown: String,
}

/// The draft with invalid values blanked, and which they were.
pub struct Live {
    pub draft: Persona,
    pub invalid: Vec<Invalid>,
}

impl Live {
    pub fn is_invalid(&self, column: &str) -> bool {
        self.invalid.iter().any(|i| i.column == column)
    }
}

/// A number outside its column's range (or not a number where one belongs): only numeric
/// kinds are checked, which need no lookup codes.
fn out_of_range(f: &FieldSpec, v: &Value) -> bool {
    matches!(f.kind, Kind::Int { .. } | Kind::Decimal { .. })
        && validate_value(f, v, &Lookups::default()).is_err()
        && !v.is_blank()
}

impl Editor {
    pub fn live(&self) -> Live {
        let mut draft = self.draft.clone();
        let mut invalid = Vec::new();
        let mut check = |f: &'static FieldSpec, v: &mut Value, raw: Option<&String>, err: bool| {
            if err || out_of_range(f, v) {
                let shown = match raw {
                    Some(t) if err => t.clone(),
                    _ => v.to_string(),
                };
                invalid.push(Invalid {
                    column: f.name,
                    label: f.label,
                    shown,
                });
                *v = Value::Null;
            }
        };
        for (i, f) in CORE_FIELDS.iter().enumerate() {
            let st = &self.core;
            check(
                f,
                &mut draft.core[i],
                st.raw[i].as_ref(),
                st.errors[i].is_some(),
            );
        }
        for (li, spec) in CHILD_SPECS.iter().enumerate() {
            let form_row = self.form_row(li);
            for (ri, row) in draft.lists[li].iter_mut().enumerate() {
                let st = self.state(FormKey::List(li));
                for (k, f) in spec.fields.iter().enumerate() {
                    // Typed text belongs to the row the list's form edits.
                    let (raw, err) = if ri == form_row {
                        (st.raw[k].as_ref(), st.errors[k].is_some())
                    } else {
                        (None, false)
                    };
                    check(f, &mut row.values[k], raw, err);
                }
            }
        }
        Live { draft, invalid }
    }
}
