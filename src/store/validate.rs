//! Validation of a persona against the column description, before any backend sees it: the
//! same rules whatever stores the persona, and every problem of a record at once.

use super::error::{Location, Problem};
use crate::catalog::validate::{Lookups, validate_value};
use crate::catalog::{CHILD_SPECS, CORE_FIELDS};
use crate::model::Persona;

/// Every bad value of a persona, in form order: required, types, ranges, lists, lookups, and
/// the one-row-per-persona and unique-metric rules.
pub fn validate(p: &Persona, lookups: &Lookups) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, (f, v)) in CORE_FIELDS.iter().zip(&p.core).enumerate() {
        if f.is_writable()
            && let Err(message) = validate_value(f, v, lookups)
        {
            out.push(Problem {
                location: Location::Core(i),
                message,
            });
        }
    }
    for (li, (spec, rows)) in CHILD_SPECS.iter().zip(&p.lists).enumerate() {
        if rows.len() > crate::catalog::MAX_LIST_ROWS {
            out.push(Problem {
                location: Location::List(li, crate::catalog::MAX_LIST_ROWS, 0),
                message: format!(
                    "{} holds {} rows; a list holds at most {} rows per persona",
                    spec.title,
                    rows.len(),
                    crate::catalog::MAX_LIST_ROWS
                ),
            });
        }
        if spec.cardinality == crate::catalog::Cardinality::One && rows.len() > 1 {
            out.push(Problem {
                location: Location::List(li, 1, 0),
                message: format!("{} holds one row per persona", spec.title),
            });
        }
        for (ri, row) in rows.iter().enumerate() {
            for (fi, (f, v)) in spec.fields.iter().zip(&row.values).enumerate() {
                if f.is_writable()
                    && let Err(message) = validate_value(f, v, lookups)
                {
                    out.push(Problem {
                        location: Location::List(li, ri, fi),
                        message,
                    });
                }
            }
        }
        if let Some(mi) = spec.unique_column.and_then(|c| spec.field_index(c)) {
            // One pass with a set: a list may hold MAX_LIST_ROWS rows.
            let mut seen = std::collections::HashSet::new();
            for (ri, row) in rows.iter().enumerate() {
                let name = &row.values[mi];
                if !name.is_blank() && !seen.insert(name.to_string()) {
                    out.push(Problem {
                        location: Location::List(li, ri, mi),
                        message: format!(
                            "\"{name}\" is already a metric of this persona; names are unique"
                        ),
                    });
                }
            }
        }
    }
    let (min, max, median) = (
        p.get("salary_min_usd").as_i64(),
        p.get("salary_max_usd").as_i64(),
        p.get("salary_median_usd").as_i64(),
    );
    if let (Some(lo), Some(hi)) = (min, max)
        && lo > hi
        && let Some(i) = crate::catalog::core_index("salary_max_usd")
    {
        out.push(Problem {
            location: Location::Core(i),
            message: format!("{hi} is below the minimum {lo}"),
        });
    }
    if let (Some(lo), Some(hi), Some(mid)) = (min, max, median)
        && lo <= hi
        && !(lo..=hi).contains(&mid)
        && let Some(i) = crate::catalog::core_index("salary_median_usd")
    {
        out.push(Problem {
            location: Location::Core(i),
            message: format!("{mid} is outside the range {lo} to {hi}"),
        });
    }
    out
}
