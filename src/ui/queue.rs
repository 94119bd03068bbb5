//! The review queue: pending_review personas, the longest waiting first, each with who
//! submitted it, how long it has waited, its tier in the browser's words and its last note.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::{fit, theme};
use crate::app::App;
use crate::catalog::labels;
use crate::model::escape::terminal_line;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let q = &app.queue;
    let [title, table] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let head = format!(
        " Review queue · tenant {} · {} waiting · = shows what changed",
        app.store.tenant().key,
        q.rows.len()
    );
    frame.render_widget(
        Paragraph::new(fit(&head, area.width as usize)).style(theme::title()),
        title,
    );
    let now = q
        .now
        .clone()
        .unwrap_or_else(crate::store::chain::now_timestamp);
    // Archetype and function only where there is room for the note beside them.
    let wide = area.width >= 120;
    let mut heads = vec!["Name", "Tier", "Submitted by", "Waited"];
    if wide {
        heads.extend(["Archetype", "Function"]);
    }
    heads.push("Last note");
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
            let facts = q.facts.get(&s.id);
            let tier = s.priority_tier.clone().unwrap_or_default();
            let by = facts.and_then(|f| f.submitted_by.as_deref()).unwrap_or("-");
            let waited = facts
                .and_then(|f| crate::workflow::waited(&f.submitted_at, &now))
                .unwrap_or_else(|| "-".into());
            let note = facts
                .and_then(|f| f.last_note.as_deref())
                .map(|n| terminal_line(&n.replace('\n', " ")).into_owned())
                .unwrap_or_default();
            let mut cells = vec![
                Cell::from(format!("{mark}{}", terminal_line(&s.name))),
                Cell::from(Span::styled(labels::code(&tier), theme::tier(&tier))),
                Cell::from(terminal_line(by).into_owned()),
                Cell::from(waited),
            ];
            if wide {
                let a = s.archetype.clone().unwrap_or_default();
                cells.push(Cell::from(Span::styled(a.clone(), theme::archetype(&a))));
                cells.push(Cell::from(
                    terminal_line(s.function_name.as_deref().unwrap_or_default()).into_owned(),
                ));
            }
            cells.push(Cell::from(note));
            let row = Row::new(cells);
            if i == q.selected {
                row.style(theme::selected())
            } else {
                row
            }
        })
        .collect();
    let mut widths = vec![
        Constraint::Fill(2),
        Constraint::Length(8),
        Constraint::Length(12),
        Constraint::Length(8),
    ];
    if wide {
        widths.extend([Constraint::Length(12), Constraint::Fill(1)]);
    }
    widths.push(Constraint::Fill(3));
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
