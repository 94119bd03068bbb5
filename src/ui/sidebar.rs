//! The live sidebar: readiness, service layer, archetype check, VPANES and completeness,
//! computed from the unsaved draft on every draw.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{fit, theme};
use crate::app::editor::Editor;
use crate::catalog::labels;
use crate::model::markdown::bar;
use crate::model::persona::VPANES_COLUMNS;
use crate::rules;

pub fn draw(ed: &Editor, frame: &mut Frame, area: Rect) {
    let p = &ed.draft;
    let w = area.width.saturating_sub(2) as usize;
    let mut l: Vec<Line> = Vec::new();
    let head = |t: &str| Line::from(Span::styled(t.to_string(), theme::key()));

    let r = p.readiness();
    l.push(head("Gen-AI readiness"));
    l.push(Line::from(vec![
        Span::styled(format!(" {}", labels::code(r.level)), theme::ok()),
        Span::raw(format!(" ({:.2})", r.score)),
    ]));
    l.push(Line::from(format!(
        " {:.2} t{:+} r{:+} c{:+}",
        r.base, r.technology, r.risk, r.change
    )));
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
            chosen.unwrap_or("—").to_string(),
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
            implied.unwrap_or("—").to_string(),
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

    let scores = p.vpanes_scores();
    let total = rules::vpanes_total(scores);
    let tier = rules::vpanes_tier(total);
    l.push(Line::from(vec![
        Span::styled("VPANES ", theme::key()),
        Span::styled(format!("tier {}", labels::code(tier)), theme::tier(tier)),
    ]));
    let bar_w = w.saturating_sub(9).clamp(3, 10);
    for (name, s) in VPANES_COLUMNS.iter().zip(scores) {
        let letter = name.chars().next().unwrap_or(' ').to_ascii_uppercase();
        l.push(Line::from(format!(
            " {letter} {} {}",
            bar(s, bar_w),
            s.map_or(" —".into(), |v| format!("{v:>4.1}"))
        )));
    }
    let total_text = total.map_or("incomplete".to_string(), |t| format!("{t:.1}/60"));
    l.push(Line::from(format!(" total {total_text}")));

    let status = p.text("validation_status").unwrap_or("draft");
    l.push(Line::from(vec![
        Span::styled("Status ", theme::key()),
        Span::styled(labels::code(status), theme::status(status)),
    ]));
    let (filled, all) = p.completeness();
    let pct = (filled * 100).checked_div(all).unwrap_or(0);
    l.push(Line::from(format!(" complete {pct}% ({filled}/{all})")));

    let lines: Vec<Line> = l
        .into_iter()
        .map(|line| {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            if text.chars().count() > w {
                Line::from(fit(&text, w))
            } else {
                line
            }
        })
        .collect();
    let block = Block::default().borders(Borders::ALL).title(" Live ");
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
