//! The archetype map (AI maturity × work complexity, the four MECE quadrants) and the
//! distribution view over `v_archetype_distribution`.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::{fit, theme};
use crate::app::App;
use crate::app::screens::{coords, mismatched};
use crate::model::markdown::bar;
use crate::rules;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let m = &app.map;
    let [title, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let view = if m.show_distribution {
        "distribution"
    } else {
        "map"
    };
    let bad = m.points.iter().filter(|p| mismatched(p)).count();
    let head = format!(
        " Archetypes · {view} · tenant {} · {} personas · {bad} disagree with their quadrant",
        app.store.tenant().key,
        m.points.len()
    );
    frame.render_widget(
        Paragraph::new(fit(&head, area.width as usize)).style(theme::title()),
        title,
    );
    if m.show_distribution {
        draw_distribution(app, frame, body);
        return;
    }
    let side_w = if body.width >= 70 { 30 } else { body.width / 3 };
    let [chart, side] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(side_w)]).areas(body);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" AI maturity → · work complexity ↑ ");
    let inner = block.inner(chart);
    frame.render_widget(block, chart);
    draw_chart(app, frame.buffer_mut(), inner);
    if let Some(why) = map_empty(&app.map) {
        let [_, mid, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(2),
            Constraint::Fill(1),
        ])
        .areas(inner);
        frame.render_widget(
            Paragraph::new(Span::styled(why, theme::warn()))
                .wrap(ratatui::widgets::Wrap { trim: true })
                .centered(),
            mid,
        );
    }
    draw_side(app, frame, side);
}

/// Why the map shows no point, if it shows none.
fn map_empty(m: &crate::app::screens::Map) -> Option<String> {
    if !m.visible().is_empty() {
        None
    } else if m.live == 0 {
        Some("No personas yet: n in the browser adds one, I imports a bundle.".into())
    } else if m.points.is_empty() {
        Some(format!(
            "None of the {} personas has both scores (AI maturity and work complexity).",
            m.live
        ))
    } else {
        Some("No persona's archetype disagrees with its scores (x shows all).".into())
    }
}

/// Column and row of a score pair inside `r`.
fn place(r: Rect, ai: f64, wc: f64) -> (u16, u16) {
    let w = r.width.saturating_sub(1) as f64;
    let h = r.height.saturating_sub(1) as f64;
    let x = r.x + ((ai.clamp(0.0, 100.0) / 100.0) * w).round() as u16;
    let y = r.y + (h - (wc.clamp(0.0, 100.0) / 100.0) * h).round() as u16;
    (x, y)
}

fn draw_chart(app: &App, buf: &mut Buffer, r: Rect) {
    if r.width < 4 || r.height < 3 {
        return;
    }
    let m = &app.map;
    let (mx, my) = place(r, rules::QUADRANT_SPLIT, rules::QUADRANT_SPLIT);
    for x in r.left()..r.right() {
        buf[(x, my)].set_symbol("─").set_style(theme::dim());
    }
    for y in r.top()..r.bottom() {
        buf[(mx, y)]
            .set_symbol(if y == my { "┼" } else { "│" })
            .set_style(theme::dim());
    }
    let label = |buf: &mut Buffer, x: u16, y: u16, text: &str, a: &str| {
        let max = r.right().saturating_sub(x) as usize;
        buf.set_string(x, y, fit(text, max), theme::archetype(a));
    };
    let right_x = (mx + 2).min(r.right().saturating_sub(1));
    label(buf, r.x, r.y, "SKEPTIC", "SKEPTIC");
    label(buf, right_x, r.y, "ORCHESTRATOR", "ORCHESTRATOR");
    label(buf, r.x, r.bottom() - 1, "LEARNER", "LEARNER");
    label(buf, right_x, r.bottom() - 1, "AUTOMATOR", "AUTOMATOR");
    let visible = m.visible();
    for &i in &visible {
        let p = &m.points[i];
        let Some((ai, wc)) = coords(p) else { continue };
        let (x, y) = place(r, ai, wc);
        let a = p.archetype.as_deref().unwrap_or("");
        let sym = if mismatched(p) { "✗" } else { "●" };
        buf[(x, y)].set_symbol(sym).set_style(theme::archetype(a));
    }
    if let Some(p) = m.selected_point()
        && let Some((ai, wc)) = coords(p)
    {
        let (x, y) = place(r, ai, wc);
        buf[(x, y)].set_symbol("◉").set_style(theme::focus());
    }
}

fn draw_side(app: &App, frame: &mut Frame, area: Rect) {
    let m = &app.map;
    let w = area.width.saturating_sub(2) as usize;
    let mut l: Vec<Line> = Vec::new();
    match m.selected_point() {
        Some(p) => {
            let a = p.archetype.as_deref().unwrap_or("—");
            l.push(Line::from(Span::styled(fit(&p.name, w), theme::key())));
            l.push(Line::from(fit(p.title.as_deref().unwrap_or(""), w)));
            l.push(Line::from(vec![
                Span::raw("chosen "),
                Span::styled(a.to_string(), theme::archetype(a)),
            ]));
            let implied = rules::quadrant_archetype(p.ai_maturity_score, p.work_complexity_score)
                .unwrap_or("—");
            l.push(Line::from(vec![
                Span::raw("scores "),
                Span::styled(implied.to_string(), theme::archetype(implied)),
            ]));
            if mismatched(p) {
                l.push(Line::from(Span::styled(
                    format!("{} archetype disagrees", theme::WARN),
                    theme::warn(),
                )));
            }
            l.push(Line::from(format!(
                "AI maturity     {:>6.2}",
                p.ai_maturity_score.unwrap_or_default()
            )));
            l.push(Line::from(format!(
                "work complexity {:>6.2}",
                p.work_complexity_score.unwrap_or_default()
            )));
            l.push(Line::from(format!(
                "status {}",
                p.validation_status
                    .as_deref()
                    .map_or("-".to_string(), crate::catalog::labels::code)
            )));
        }
        None => l.push(Line::from(Span::styled("nothing selected", theme::dim()))),
    }
    l.push(Line::from(""));
    l.push(Line::from(Span::styled(
        "● agrees  ✗ disagrees  ◉ selected",
        theme::dim(),
    )));
    if m.only_mismatched {
        l.push(Line::from(Span::styled(
            "Disagreeing (x shows all):",
            theme::key(),
        )));
        for &i in &m.visible() {
            let p = &m.points[i];
            let mark = theme::mark(i == m.selected);
            l.push(Line::from(fit(&format!("{mark}{}", p.name), w)));
        }
    }
    let block = Block::default().borders(Borders::ALL).title(" Selected ");
    frame.render_widget(Paragraph::new(l).block(block), area);
}

fn draw_distribution(app: &App, frame: &mut Frame, area: Rect) {
    let rows = &app.map.distribution;
    let sel = app.map.dist_selected;
    let max_count = rows
        .iter()
        .map(|r| r.persona_count)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let bar_of = |v: Option<f64>, scale: f64| bar(v.map(|x| x / scale * 10.0), 8);
    let header = Row::new(
        [
            "Archetype",
            "Function",
            "Count",
            "AI maturity",
            "Complexity",
            "VPANES",
        ]
        .map(Cell::from),
    )
    .style(theme::label());
    let body: Vec<Row> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let a = r.archetype.clone().unwrap_or_else(|| "(none)".into());
            Row::new(vec![
                Cell::from(Line::from(vec![
                    Span::raw(theme::mark(i == sel)),
                    Span::styled(a.clone(), theme::archetype(&a)),
                ])),
                Cell::from(
                    crate::model::escape::terminal_line(
                        r.function_name.as_deref().unwrap_or("(none)"),
                    )
                    .into_owned(),
                ),
                Cell::from(format!(
                    "{} {:>3}",
                    bar(Some(r.persona_count as f64 / max_count * 10.0), 6),
                    r.persona_count
                )),
                Cell::from(format!(
                    "{} {:>5.1}",
                    bar_of(r.avg_ai_maturity, 100.0),
                    r.avg_ai_maturity.unwrap_or_default()
                )),
                Cell::from(format!(
                    "{} {:>5.1}",
                    bar_of(r.avg_work_complexity, 100.0),
                    r.avg_work_complexity.unwrap_or_default()
                )),
                Cell::from(match r.avg_vpanes_score {
                    Some(v) => format!("{} {v:>4.1}", bar_of(Some(v), 60.0)),
                    None => "—".into(),
                }),
            ])
            .style(if i == sel {
                theme::selected()
            } else {
                Style::new()
            })
        })
        .collect();
    let widths = [
        Constraint::Length(14),
        Constraint::Fill(1),
        Constraint::Length(10),
        Constraint::Length(14),
        Constraint::Length(14),
        Constraint::Length(13),
    ];
    let empty = if !rows.is_empty() {
        ""
    } else if app.map.live == 0 {
        " — no personas yet (n in the browser adds one)"
    } else {
        " — no persona has an archetype yet"
    };
    let block = Block::default().borders(Borders::ALL).title(format!(
        " v_archetype_distribution — averages per archetype and function{empty} "
    ));
    frame.render_widget(
        Table::new(body, widths)
            .header(header)
            .block(block)
            .column_spacing(1),
        area,
    );
}
