//! The review queue: pending_review personas, the longest waiting first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::{fit, theme};
use crate::app::App;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let q = &app.queue;
    let [title, table] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let head = format!(
        " Review queue · tenant {} · {} waiting · a approves, b sends back, Enter opens",
        app.store.tenant().key,
        q.rows.len()
    );
    frame.render_widget(
        Paragraph::new(fit(&head, area.width as usize)).style(theme::title()),
        title,
    );
    // The date column only where there is room; snapshots stay free of today's date at 80x24.
    let wide = area.width >= 100;
    let mut heads = vec!["Name", "Archetype", "Function", "Tier"];
    if wide {
        heads.push("Updated");
    }
    let header = Row::new(heads.into_iter().map(Cell::from)).style(theme::label());
    let inner_h = table.height.saturating_sub(3) as usize;
    let offset = (q.selected + 1).saturating_sub(inner_h.max(1));
    let rows: Vec<Row> = q
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .map(|(i, s)| {
            let mark = theme::mark(i == q.selected);
            let a = s.archetype.clone().unwrap_or_default();
            let mut cells = vec![
                Cell::from(format!("{mark}{}", s.name)),
                Cell::from(ratatui::text::Span::styled(a.clone(), theme::archetype(&a))),
                Cell::from(s.function_name.clone().unwrap_or_default()),
                Cell::from(s.priority_tier.clone().unwrap_or_default()),
            ];
            if wide {
                cells.push(Cell::from(
                    s.updated_at.get(..10).unwrap_or_default().to_string(),
                ));
            }
            let row = Row::new(cells);
            if i == q.selected {
                row.style(theme::selected())
            } else {
                row
            }
        })
        .collect();
    let widths = [
        Constraint::Fill(3),
        Constraint::Length(12),
        Constraint::Fill(2),
        Constraint::Length(13),
        Constraint::Length(11),
    ];
    let title = if q.rows.is_empty() {
        " Nothing waiting for review "
    } else {
        " Pending review "
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    frame.render_widget(
        Table::new(rows, widths)
            .header(header)
            .block(block)
            .column_spacing(1),
        table,
    );
}
