//! The review trail on screen: the History tab (moves, notes in full, events), the note box
//! of a status move, and the diff view.

use crate::catalog::labels;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use super::{centered, popup_keys, theme};
use crate::app::Mode;
use crate::app::editor::Editor;
use crate::app::trail::{Item, items};
use crate::model::escape::terminal_line;

fn when(t: &str) -> String {
    crate::model::minute(&terminal_line(t))
}

/// History, newest first, from the entry at the top of the view: every note in full
/// (wrapped, its own line breaks kept), events beside the moves.
pub fn draw_history(ed: &Editor, frame: &mut Frame, area: Rect) {
    let history = &ed.original.history;
    let all = items(history, &ed.trail.events);
    let top = ed.trail.top.min(all.len().saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    for (k, item) in all.iter().enumerate().skip(top) {
        let mark = match (k == top, ed.trail.pick == Some(k)) {
            (true, true) => "▶●",
            (true, false) => "▶ ",
            (false, true) => " ●",
            (false, false) => "  ",
        };
        match *item {
            Item::Move(i) => {
                let h = &history[i];
                let from = h
                    .from_status
                    .as_deref()
                    .map_or("(created)".to_string(), |f| {
                        terminal_line_owned(&labels::code(f))
                    });
                lines.push(Line::from(vec![
                    Span::styled(mark, theme::key()),
                    Span::styled(format!("{} ", when(&h.changed_at)), theme::dim()),
                    Span::raw(format!("{from} → ")),
                    Span::styled(
                        terminal_line_owned(&labels::code(&h.to_status)),
                        theme::status(&h.to_status),
                    ),
                    Span::styled(
                        format!(
                            " · {}",
                            terminal_line(h.changed_by.as_deref().unwrap_or("(sql client)"))
                        ),
                        theme::dim(),
                    ),
                ]));
                if let Some(note) = h.note.as_deref().filter(|n| !n.trim().is_empty()) {
                    for (j, l) in note.lines().enumerate() {
                        let open = if j == 0 { "“" } else { " " };
                        lines.push(Line::from(format!("     {open}{}", terminal_line(l))));
                    }
                }
            }
            Item::Event(i) => {
                let e = &ed.trail.events[i];
                lines.push(Line::from(vec![
                    Span::styled(mark, theme::key()),
                    Span::styled(format!("{} ", when(&e.changed_at)), theme::dim()),
                    Span::styled(format!("✎ {}", e.label()), theme::warn()),
                    Span::styled(
                        format!(
                            " · {}",
                            terminal_line(e.changed_by.as_deref().unwrap_or("(unknown)"))
                        ),
                        theme::dim(),
                    ),
                ]));
            }
        }
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            "Not saved yet: no history.",
            theme::dim(),
        )));
    }
    let title = format!(
        " History, newest first · {} of {} · j/k moves · Space picks · = what changed ",
        (top + 1).min(all.len()),
        all.len()
    );
    let block = Block::default().borders(Borders::ALL).title(title);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((ed.trail.skip, 0))
            .block(block),
        area,
    );
}

fn terminal_line_owned(s: &str) -> String {
    terminal_line(s).into_owned()
}

/// The note box: the move, then the note, growing with its lines up to the screen's height
/// (beyond that the text area scrolls to the cursor).
pub fn draw_note(
    title: &str,
    detail: &str,
    area_text: &TextArea<'static>,
    frame: &mut Frame,
    area: Rect,
) {
    let text_rows = area_text.lines().len().max(3) as u16;
    let w = area.width.saturating_sub(4).clamp(20, 76);
    let h = (text_rows + 4).min(area.height.saturating_sub(2)).max(6);
    let r = centered(area, w, h);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", terminal_line(title)));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [head, body, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(super::fit(detail, head.width as usize))
            .style(Style::default().add_modifier(Modifier::BOLD)),
        head,
    );
    frame.render_widget(area_text, body);
    frame.render_widget(
        Paragraph::new(super::fit(&popup_keys(Mode::Note), keys.width as usize))
            .style(theme::key()),
        keys,
    );
}

/// The diff view: headings bold, added rows green, removed red, changed yellow.
pub fn draw_diff(title: &str, lines: &[String], scroll: u16, frame: &mut Frame, area: Rect) {
    let r = centered(
        area,
        area.width.saturating_sub(4).max(20),
        area.height.saturating_sub(2).max(6),
    );
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", terminal_line(title)));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [body, keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let shown: Vec<Line> = lines
        .iter()
        .map(|l| {
            let style = if l.starts_with("  +") {
                theme::ok()
            } else if l.starts_with("  -") {
                theme::error()
            } else if l.starts_with("  ~") {
                theme::warn()
            } else if !l.starts_with(' ') {
                theme::label()
            } else {
                Style::default()
            };
            Line::from(Span::styled(l.clone(), style))
        })
        .collect();
    frame.render_widget(
        Paragraph::new(shown)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        body,
    );
    frame.render_widget(
        Paragraph::new(super::fit(&popup_keys(Mode::Diff), keys.width as usize))
            .style(theme::key()),
        keys,
    );
}
