//! Parsing typed text into values and checking values against their column description.
//! Pure: lookup codes are passed in, loaded once by the store.

use std::collections::BTreeMap;

use super::field::{FieldSpec, Kind};
use crate::model::Value;

/// The codes (and display names) of every lookup table, in sort order.
#[derive(Clone, Debug, Default)]
pub struct Lookups {
    pub tables: BTreeMap<String, Vec<(String, String)>>,
}

impl Lookups {
    pub fn codes(&self, table: &str) -> Vec<&str> {
        self.tables
            .get(table)
            .map(|v| v.iter().map(|(c, _)| c.as_str()).collect())
            .unwrap_or_default()
    }

    pub fn display<'a>(&'a self, table: &str, code: &'a str) -> &'a str {
        self.tables
            .get(table)
            .and_then(|v| v.iter().find(|(c, _)| c == code))
            .map(|(_, d)| d.as_str())
            .unwrap_or(code)
    }

    pub fn contains(&self, table: &str, code: &str) -> bool {
        self.tables
            .get(table)
            .is_some_and(|v| v.iter().any(|(c, _)| c == code))
    }
}

/// The allowed values of a choice or lookup column, for menus and messages.
pub fn options(field: &FieldSpec, lookups: &Lookups) -> Vec<String> {
    match field.kind {
        Kind::Choice(list) => list.iter().map(|s| s.to_string()).collect(),
        Kind::Lookup(table) => lookups.codes(table).into_iter().map(String::from).collect(),
        Kind::Bool => vec!["yes".into(), "no".into()],
        _ => Vec::new(),
    }
}

/// What the field accepts, in words, for help lines and error messages.
pub fn allowed(field: &FieldSpec, lookups: &Lookups) -> String {
    match field.kind {
        Kind::Text | Kind::LongText | Kind::Org(_) => "any text".into(),
        Kind::Int { min, max } => format!("a whole number from {min} to {max}"),
        Kind::Decimal { min, max, places } => format!(
            "a number from {} to {} with at most {places} decimal{}",
            trim_num(min),
            trim_num(max),
            if places == 1 { "" } else { "s" }
        ),
        Kind::Bool => "yes or no".into(),
        Kind::Choice(_) | Kind::Lookup(_) => {
            format!("one of {}", options(field, lookups).join(", "))
        }
        Kind::Date => "a date as YYYY-MM-DD".into(),
        Kind::Time => "a time as HH:MM (00:00 to 23:59)".into(),
        Kind::Slug => "lowercase letters, digits and dashes (e.g. msl-oncology)".into(),
        Kind::Computed => "nothing: it is computed".into(),
    }
}

fn trim_num(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Turns what the user typed into a value. Empty input is NULL (checked for `required` by
/// `validate_value`). The error names what is allowed; the caller adds the field name.
pub fn parse_input(field: &FieldSpec, input: &str, lookups: &Lookups) -> Result<Value, String> {
    let raw = if field.is_multiline() {
        input
    } else {
        input.trim()
    };
    if raw.trim().is_empty() {
        let v = Value::Null;
        validate_value(field, &v, lookups)?;
        return Ok(v);
    }
    let value = match field.kind {
        Kind::Int { .. } => match raw.replace(['_', ','], "").parse::<i64>() {
            Ok(i) => Value::Int(i),
            Err(_) => return Err(format!("\"{raw}\" is not {}", allowed(field, lookups))),
        },
        Kind::Decimal { .. } => match raw.parse::<f64>() {
            Ok(x) if x.is_finite() => Value::Real(x),
            _ => return Err(format!("\"{raw}\" is not {}", allowed(field, lookups))),
        },
        Kind::Bool => match raw.to_ascii_lowercase().as_str() {
            "y" | "yes" | "true" | "1" => Value::Bool(true),
            "n" | "no" | "false" | "0" => Value::Bool(false),
            _ => return Err(format!("\"{raw}\" is not yes or no")),
        },
        _ => Value::Text(raw.to_string()),
    };
    validate_value(field, &value, lookups)?;
    Ok(value)
}

/// Checks a value against its column description: required, type, range, decimals, list.
pub fn validate_value(field: &FieldSpec, value: &Value, lookups: &Lookups) -> Result<(), String> {
    if value.is_blank() {
        return if field.required {
            Err("is required".into())
        } else {
            Ok(())
        };
    }
    let bad = |shown: String| Err(format!("{shown} is not {}", allowed(field, lookups)));
    match (field.kind, value) {
        (Kind::Computed, _) => Ok(()),
        (Kind::Text | Kind::Org(_), Value::Text(s)) => match s.chars().find(|c| c.is_control()) {
            // One line: the form's input keeps text on one line, and an import or the SQL
            // trigger of schema/005_rules.sql refuse the same characters.
            Some(c) => Err(format!(
                "holds {}; a one-line field takes text without line breaks, tabs or other control characters",
                crate::model::escape::quoted(&c.to_string())
            )),
            None => Ok(()),
        },
        (Kind::LongText, Value::Text(_)) => Ok(()),
        (Kind::Int { min, max }, Value::Int(i)) => {
            if (min..=max).contains(i) {
                Ok(())
            } else {
                bad(i.to_string())
            }
        }
        (Kind::Decimal { min, max, places }, v @ (Value::Real(_) | Value::Int(_))) => {
            let x = v.as_f64().unwrap_or(f64::NAN);
            let in_range = x >= min && x <= max;
            // Exact: the value must be the double nearest to a number with at most `places`
            // decimals, which is what typing or a JSON `7.5` gives. A tolerance let `1e-9`
            // pass as a two-decimal score.
            let whole = format!("{x:.*}", places as usize).parse::<f64>() == Ok(x);
            if in_range && whole {
                Ok(())
            } else {
                bad(format_number(x))
            }
        }
        (Kind::Bool, Value::Bool(_)) => Ok(()),
        (Kind::Choice(list), Value::Text(s)) => {
            if list.contains(&s.as_str()) {
                Ok(())
            } else {
                bad(format!("\"{s}\""))
            }
        }
        (Kind::Lookup(table), Value::Text(s)) => {
            if lookups.contains(table, s) {
                Ok(())
            } else {
                bad(format!("\"{s}\""))
            }
        }
        (Kind::Date, Value::Text(s)) => {
            if is_date(s) {
                Ok(())
            } else {
                bad(format!("\"{s}\""))
            }
        }
        (Kind::Time, Value::Text(s)) => {
            if is_time(s) {
                Ok(())
            } else {
                bad(format!("\"{s}\""))
            }
        }
        (Kind::Slug, Value::Text(s)) => {
            if is_slug(s) {
                Ok(())
            } else {
                bad(format!("\"{s}\""))
            }
        }
        (_, v) => bad(describe(v)),
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Text(s) => format!("\"{s}\""),
        other => format!("{other}"),
    }
}

fn format_number(x: f64) -> String {
    format!("{x}")
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Turns a name into a slug: "Medical Affairs & HEOR" → "medical-affairs-heor".
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    if !s
        .bytes()
        .enumerate()
        .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

pub fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 5 || b[2] != b':' {
        return false;
    }
    let (Ok(h), Ok(m)) = (s[0..2].parse::<u32>(), s[3..5].parse::<u32>()) else {
        return false;
    };
    b[0].is_ascii_digit() && b[3].is_ascii_digit() && h < 24 && m < 60
}

/// How a value is shown in a form field and a table cell.
pub fn format_value(field: &FieldSpec, value: &Value) -> String {
    match (field.kind, value) {
        (_, Value::Null) => String::new(),
        (Kind::Decimal { places, .. }, v @ (Value::Real(_) | Value::Int(_))) => {
            format!("{:.*}", places as usize, v.as_f64().unwrap_or_default())
        }
        (_, v) => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::field::FieldSpec;

    fn lookups() -> Lookups {
        let mut l = Lookups::default();
        l.tables.insert(
            "lookup_severity_levels".into(),
            ["low", "medium", "high", "critical"]
                .iter()
                .map(|c| (c.to_string(), c.to_string()))
                .collect(),
        );
        l
    }

    #[test]
    fn decimals_respect_range_and_places() {
        let f = FieldSpec::new(
            "x",
            "X",
            Kind::Decimal {
                min: 0.0,
                max: 5.0,
                places: 1,
            },
        );
        let l = lookups();
        assert_eq!(parse_input(&f, "4.5", &l), Ok(Value::Real(4.5)));
        assert!(
            parse_input(&f, "4.55", &l)
                .unwrap_err()
                .contains("at most 1 decimal")
        );
        assert!(
            parse_input(&f, "5.1", &l)
                .unwrap_err()
                .contains("from 0 to 5")
        );
        assert!(parse_input(&f, "abc", &l).is_err());
        assert_eq!(parse_input(&f, "", &l), Ok(Value::Null));
    }

    #[test]
    fn lookups_and_required() {
        let f = FieldSpec::new(
            "severity",
            "Severity",
            Kind::Lookup("lookup_severity_levels"),
        )
        .required();
        let l = lookups();
        assert_eq!(
            parse_input(&f, "urgent", &l).unwrap_err(),
            "\"urgent\" is not one of low, medium, high, critical"
        );
        assert_eq!(parse_input(&f, " ", &l).unwrap_err(), "is required");
        assert_eq!(parse_input(&f, "high", &l), Ok(Value::text("high")));
    }

    #[test]
    fn dates_times_slugs() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2023-13-01"));
        assert!(!is_date("2023-1-01"));
        assert!(is_time("08:30"));
        assert!(!is_time("24:00"));
        assert!(!is_time("8:30"));
        assert!(is_slug("msl-oncology-2"));
        assert!(!is_slug("MSL"));
        assert!(!is_slug("a--b"));
        assert_eq!(slugify("Medical Affairs & HEOR"), "medical-affairs-heor");
    }
}
