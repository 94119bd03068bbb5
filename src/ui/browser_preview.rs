//! The preview of the selected persona beside the browser table: its one-liner, Gen-AI
//! readiness, VPANES tier, status and whether its archetype agrees with its scores.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::browser::matched;
use super::theme;
use crate::app::App;
use crate::catalog::labels;
use crate::model::escape::terminal_line;
use crate::rules;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let b = &app.browser;
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Preview (p) ");
    let Some(s) = b.selected_summary() else {
        let note = if b.total == 0 {
            " Nothing selected."
        } else {
            " …"
        };
        frame.render_widget(
            Paragraph::new(Span::styled(note, theme::dim())).block(block),
            area,
        );
        return;
    };
    let key = |t: &str| Span::styled(format!(" {t} "), theme::key());
    let mut l: Vec<Line> = vec![
        Line::from(Span::styled(
            format!(" {}", terminal_line(&s.name)),
            theme::title(),
        )),
        Line::from(format!(
            " {}",
            terminal_line(s.title.as_deref().unwrap_or(""))
        )),
    ];
    let preview = b.preview_of.as_ref().filter(|p| p.id == s.id);
    match preview.and_then(|p| p.one_liner.as_deref()) {
        Some(one) => l.push(Line::from(format!(" “{}”", terminal_line(one)))),
        None => l.push(Line::from(Span::styled(" no one-liner", theme::dim()))),
    }
    l.push(Line::from(""));
    if let Some(p) = preview {
        let mut spans = vec![
            key("Readiness"),
            Span::styled(p.readiness.clone(), theme::ok()),
            Span::raw(format!(" ({:.2})", p.readiness_score)),
        ];
        match p.stored_readiness.as_deref() {
            Some(stored) if stored != p.readiness => spans.push(Span::styled(
                format!(" {} stored {}", theme::WARN, terminal_line(stored)),
                theme::warn(),
            )),
            None => spans.push(Span::styled(" not stored", theme::dim())),
            _ => {}
        }
        l.push(Line::from(spans));
    }
    let tier = s.priority_tier.as_deref().unwrap_or("tier_4_low");
    let score = s
        .total_score
        .map(|t| format!(" · score {t:.2}"))
        .unwrap_or_else(|| " · not scored".to_string());
    l.push(Line::from(vec![
        key("VPANES"),
        Span::styled(labels::code(tier), theme::tier(tier)),
        Span::raw(score),
    ]));
    let status = s.validation_status.as_deref().unwrap_or("");
    l.push(Line::from(vec![
        key("Status"),
        Span::styled(labels::code(status), theme::status(status)),
    ]));
    let chosen = s.archetype.as_deref();
    let implied = rules::quadrant_archetype(s.ai_maturity_score, s.work_complexity_score);
    let check = if rules::archetype_disagrees(chosen, s.ai_maturity_score, s.work_complexity_score)
    {
        Span::styled(
            format!(" {} scores say {}", theme::WARN, implied.unwrap_or("")),
            theme::warn(),
        )
    } else if implied.is_some() && chosen.is_some() {
        Span::styled(" ✓ agrees with scores", theme::ok())
    } else {
        Span::styled(" scores incomplete", theme::dim())
    };
    l.push(Line::from(vec![
        key("Archetype"),
        Span::styled(
            chosen.unwrap_or("—").to_string(),
            theme::archetype(chosen.unwrap_or("")),
        ),
        check,
    ]));
    if let Some(hit) = b.hits.get(&s.id) {
        l.push(Line::from(""));
        let mut spans = vec![key("Matched")];
        spans.extend(matched(hit).spans);
        l.push(Line::from(spans));
    }
    frame.render_widget(
        Paragraph::new(l).block(block).wrap(Wrap { trim: false }),
        area,
    );
}
