//! The live sidebar: readiness, service layer, archetype check, VPANES and completeness,
//! computed from the unsaved draft on every draw by the same pure functions as the Markdown
//! card (`rules`, `Readiness::spelled`), in the same words (`catalog::labels`). A value the
//! form holds as invalid is shown as invalid and left out of every figure (`Editor::live`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{fit, theme};
use crate::app::App;
use crate::app::editor::Editor;
use crate::catalog::labels;
use crate::model::markdown::bar;
use crate::model::persona::VPANES_COLUMNS;
use crate::rules;

/// The sidebar height from which each VPANES score gets a bar of its own.
const TALL: u16 = 30;

pub fn draw(_app: &App, ed: &Editor, frame: &mut Frame, area: Rect) {
    let live = ed.live();
    let p = &live.draft;
    let w = area.width.saturating_sub(2) as usize;
    let mut l: Vec<Line> = Vec::new();
    let head = |t: &str| Line::from(Span::styled(t.to_string(), theme::key()));
    let invalid_line = |label: &str, shown: &str| {
        Line::from(Span::styled(
            format!(" {} {label} {shown} invalid, not counted", theme::WARN),
            theme::error(),
        ))
    };

    let r = p.readiness();
    l.push(head("Gen-AI readiness"));
    l.push(Line::from(Span::styled(
        format!(" {}", labels::code(r.level)),
        theme::ok(),
    )));
    // Wrapped between the parts only: a no-break space holds "+ 1 risk" together.
    let parts: Vec<String> = r
        .spelled_parts()
        .iter()
        .map(|p| p.replace(' ', "\u{a0}"))
        .collect();
    l.push(Line::from(format!(" {}", parts.join(" "))));
    if let Some(bad) = live
        .invalid
        .iter()
        .find(|i| i.column == "ai_maturity_score")
    {
        l.push(invalid_line(bad.label, &bad.shown));
    }
    match p.text("gen_ai_readiness_level") {
        Some(stored) if stored != r.level => l.push(Line::from(Span::styled(
            format!(" {} stored {}; R", theme::WARN, labels::code(stored)),
            theme::warn(),
        ))),
        None => l.push(Line::from(Span::styled(
            " not set; R applies",
            theme::dim(),
        ))),
        _ => {}
    }

    let layer = p.inferred_service_layer();
    l.push(Line::from(vec![
        Span::styled("Layer ", theme::key()),
        Span::raw(labels::code(layer)),
    ]));
    if let Some(s) = p.text("preferred_service_layer").filter(|s| *s != layer) {
        l.push(Line::from(Span::styled(
            format!(" {} stored {}; L", theme::WARN, labels::code(s)),
            theme::warn(),
        )));
    }

    let chosen = p.text("archetype");
    let implied = p.implied_archetype();
    l.push(Line::from(vec![
        Span::styled("Archetype ", theme::key()),
        Span::styled(
            chosen.map_or("—".to_string(), labels::code),
            theme::archetype(chosen.unwrap_or("")),
        ),
    ]));
    let disagree = rules::archetype_disagrees(
        chosen,
        p.num("ai_maturity_score"),
        p.num("work_complexity_score"),
    );
    l.push(Line::from(vec![
        Span::raw(" scores "),
        Span::styled(
            implied.map_or("—".to_string(), labels::code),
            theme::archetype(implied.unwrap_or("")),
        ),
        if disagree {
            Span::styled(format!(" {} differs", theme::WARN), theme::warn())
        } else if implied.is_some() && chosen.is_some() {
            Span::styled(" ✓", theme::ok())
        } else {
            Span::raw("")
        },
    ]));
    if let Some(bad) = live
        .invalid
        .iter()
        .find(|i| i.column == "work_complexity_score")
    {
        l.push(invalid_line(bad.label, &bad.shown));
    }

    let scores = p.vpanes_scores();
    let total = rules::vpanes_total(scores);
    let tier = rules::vpanes_tier(total);
    l.push(Line::from(vec![
        Span::styled("VPANES ", theme::key()),
        Span::styled(format!("tier {}", labels::code(tier)), theme::tier(tier)),
    ]));
    // A bar per score where the column is tall enough, else three scores a line.
    let bars = area.height >= TALL;
    let bar_w = w.saturating_sub(9).clamp(3, 10);
    let mut compact: Vec<Span> = Vec::new();
    for (k, (name, s)) in VPANES_COLUMNS.iter().zip(scores).enumerate() {
        let letter = name.chars().next().unwrap_or(' ').to_ascii_uppercase();
        let bad = live.invalid.iter().find(|i| i.column == *name);
        let span = match (bad, bars) {
            (Some(bad), true) => Span::styled(
                format!(" {letter} {} invalid", fit(&bad.shown, 6)),
                theme::error(),
            ),
            (Some(_), false) => Span::styled(format!(" {letter} invalid"), theme::error()),
            (None, true) => Span::raw(format!(
                " {letter} {} {}",
                bar(s, bar_w),
                s.map_or(" —".into(), |v| format!("{v:>4.1}"))
            )),
            (None, false) => Span::raw(format!(
                " {letter} {:<4}",
                s.map_or("—".into(), |v| format!("{v:.1}"))
            )),
        };
        if bars {
            l.push(Line::from(span));
        } else {
            compact.push(span);
            if k % 3 == 2 {
                l.push(Line::from(std::mem::take(&mut compact)));
            }
        }
    }
    let mut total_text = rules::vpanes_total_text(total);
    if total.is_none() && VPANES_COLUMNS.iter().any(|c| live.is_invalid(c)) {
        total_text.push_str(" (invalid score)");
    }
    l.push(Line::from(format!(" total {total_text}")));

    let status = p.text("validation_status").unwrap_or("draft");
    l.push(Line::from(vec![
        Span::styled("Status ", theme::key()),
        Span::styled(labels::code(status), theme::status(status)),
    ]));
    let (filled, all) = p.completeness();
    let pct = (filled * 100).checked_div(all).unwrap_or(0);
    l.push(Line::from(format!(" complete {pct}% ({filled}/{all})")));
    let missing = p.missing();
    if !missing.is_empty() {
        l.push(Line::from(Span::styled(
            format!(" missing: {}", missing.join(", ")),
            theme::dim(),
        )));
    }

    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Live · b hides ");
    frame.render_widget(
        Paragraph::new(l).wrap(Wrap { trim: false }).block(block),
        area,
    );
}
