//! The Markdown persona card: every section, lists as tables, VPANES as bars, readiness and
//! tier. Readable in a terminal, a wiki or a pull request.

use std::fmt::Write;

use super::Persona;
use crate::catalog::enums::humanize;
use crate::catalog::labels;
use crate::catalog::validate::format_value;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality, FieldSpec, Kind, Lookups, SECTIONS};
use crate::model::Value;
use crate::rules;

/// A value as a reader sees it: the code's one label (`catalog::labels`).
pub fn display_value(field: &FieldSpec, value: &Value, lookups: &Lookups) -> String {
    match (field.kind, value) {
        (Kind::Lookup(_) | Kind::Choice(_), Value::Text(code)) => {
            labels::value(field.kind, code, lookups)
        }
        _ => format_value(field, value),
    }
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

/// A 10-cell bar for a 0-10 score.
pub fn bar(score: Option<f64>, width: usize) -> String {
    let filled = score.map_or(0, |s| {
        ((s / 10.0) * width as f64).round().clamp(0.0, width as f64) as usize
    });
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

pub fn persona_markdown(p: &Persona, lookups: &Lookups) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", p.name());
    if let Some(t) = p.text("title") {
        let _ = writeln!(out, "**{}**\n", t);
    }
    if let Some(t) = p.text("tagline") {
        let _ = writeln!(out, "_{}_\n", t);
    }
    if let Some(t) = p.text("one_liner") {
        let _ = writeln!(out, "> {}\n", t);
    }

    let r = p.readiness();
    let total = rules::vpanes_total(p.vpanes_scores());
    let _ = writeln!(out, "## At a glance\n");
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(
        out,
        "| Archetype | {} |",
        p.text("archetype").unwrap_or("—")
    );
    if let Some(implied) = p.implied_archetype() {
        let flag = if p.text("archetype").is_some_and(|a| a != implied) {
            " ⚠ disagrees with the chosen archetype"
        } else {
            ""
        };
        let _ = writeln!(out, "| Scores imply | {implied}{flag} |");
    }
    let _ = writeln!(
        out,
        "| Gen-AI readiness (computed) | {} ({}) |",
        labels::code(r.level),
        r.spelled()
    );
    let _ = writeln!(
        out,
        "| Inferred service layer | {} |",
        labels::code(p.inferred_service_layer())
    );
    if p.has_vpanes() {
        let _ = writeln!(
            out,
            "| VPANES | {} — tier {} |",
            rules::vpanes_total_text(total),
            labels::code(rules::vpanes_tier(total))
        );
    }
    let _ = writeln!(
        out,
        "| Status | {} |\n",
        p.text("validation_status")
            .map_or("—".to_string(), labels::code)
    );

    for (si, section) in SECTIONS.iter().enumerate() {
        let fields: Vec<(usize, &FieldSpec)> = CORE_FIELDS
            .iter()
            .enumerate()
            .filter(|(i, f)| {
                f.section == si
                    && !p.core[*i].is_blank()
                    && !matches!(f.name, "name" | "title" | "tagline" | "one_liner")
            })
            .collect();
        if fields.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {section}\n");
        let (long, short): (Vec<_>, Vec<_>) =
            fields.into_iter().partition(|(_, f)| f.is_multiline());
        if !short.is_empty() {
            let _ = writeln!(out, "| Field | Value |\n|---|---|");
            for (i, f) in short {
                let _ = writeln!(
                    out,
                    "| {} | {} |",
                    f.label,
                    cell(&display_value(f, &p.core[i], lookups))
                );
            }
            let _ = writeln!(out);
        }
        for (i, f) in long {
            let _ = writeln!(
                out,
                "### {}\n\n{}\n",
                f.label,
                format_value(f, &p.core[i]).trim_end()
            );
        }
    }

    if p.has_vpanes() {
        let _ = writeln!(out, "## VPANES scoring\n\n```");
        for (name, score) in super::persona::VPANES_COLUMNS.iter().zip(p.vpanes_scores()) {
            let _ = writeln!(
                out,
                "{:<10} {} {}",
                humanize(name),
                bar(score, 20),
                score.map_or("—".into(), |s| format!("{s:.1}"))
            );
        }
        let _ = writeln!(
            out,
            "{:<10} {} (tier {})\n```\n",
            "Total",
            rules::vpanes_total_text(total),
            labels::code(rules::vpanes_tier(total))
        );
    }

    for (spec, rows) in CHILD_SPECS.iter().zip(&p.lists) {
        if rows.is_empty() || spec.scorecard {
            continue;
        }
        let fields: Vec<(usize, &FieldSpec)> = spec
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.is_writable())
            .collect();
        let _ = writeln!(out, "## {}\n", spec.title);
        match spec.cardinality {
            Cardinality::One => {
                let _ = writeln!(out, "| Field | Value |\n|---|---|");
                for (i, f) in &fields {
                    let _ = writeln!(
                        out,
                        "| {} | {} |",
                        f.label,
                        cell(&display_value(f, &rows[0].values[*i], lookups))
                    );
                }
            }
            Cardinality::Many => {
                let header: Vec<&str> = fields.iter().map(|(_, f)| f.label).collect();
                let _ = writeln!(out, "| {} |", header.join(" | "));
                let _ = writeln!(out, "|{}|", vec!["---"; header.len()].join("|"));
                for row in rows {
                    let cells: Vec<String> = fields
                        .iter()
                        .map(|(i, f)| cell(&display_value(f, &row.values[*i], lookups)))
                        .collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
            }
        }
        let _ = writeln!(out);
    }
    out
}
