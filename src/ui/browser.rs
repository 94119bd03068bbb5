//! The persona table with its header, filter chips and scroll position.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::{fit, theme};
use crate::app::App;
use crate::catalog::enums::humanize;
use crate::catalog::{CellKind, Width};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let b = &app.browser;
    let [title, chips, table] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    let what = if b.filter.deleted {
        "Trash"
    } else {
        "Personas"
    };
    let dir = if b.descending { "↓" } else { "↑" };
    let head = format!(
        " Persona Studio · {what} · tenant {} · {} shown · sort {} {dir}",
        app.store.tenant().key,
        b.total,
        b.sort.label()
    );
    frame.render_widget(
        Paragraph::new(fit(&head, area.width as usize)).style(theme::title()),
        title,
    );

    let mut spans = vec![Span::styled(" Filters: ", theme::dim())];
    let mut chip_list = b.chips();
    // While typing, the search chip shows the input, scrolled so its cursor shows.
    let mut cursor = None;
    if b.searching && !chip_list.is_empty() {
        let room = usize::from(chips.width.saturating_sub(14)).clamp(1, 40);
        let (shown, col) = b.search.view(room);
        chip_list[0] = format!("/{shown}");
        cursor = Some(chips.x + 12 + col as u16);
    }
    if chip_list.is_empty() {
        spans.push(Span::styled(
            "none  (/ search · a s f t filter · o sort)",
            theme::dim(),
        ));
    }
    for c in chip_list {
        spans.push(Span::styled(format!(" {c} "), theme::chip()));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), chips);
    if let Some(x) = cursor.filter(|&x| x < chips.right() && chips.height > 0) {
        frame.set_cursor_position((x, chips.y));
    }

    let wide = area.width >= 110;
    let header = Row::new(crate::catalog::browser_columns(wide).map(|c| Cell::from(c.title)))
        .style(theme::label());
    let vp = crate::app::browser_viewport(app.size.1);
    let rows: Vec<Row> = (b.top..(b.top + vp).min(b.total))
        .filter_map(|abs| {
            b.rows
                .get(abs.checked_sub(b.window_start)?)
                .map(|s| (abs, s))
        })
        .map(|(abs, s)| {
            // The summary as named fields, so each column is read by the name the catalog
            // gives it.
            let fields = serde_json::to_value(s).unwrap_or_default();
            let cells: Vec<Cell> = crate::catalog::browser_columns(wide)
                .enumerate()
                .map(|(i, c)| {
                    let raw = match &fields[c.column] {
                        serde_json::Value::String(t) => t.clone(),
                        serde_json::Value::Null => String::new(),
                        other => other.to_string(),
                    };
                    let cell = cell(c.kind, &raw);
                    if i == 0 {
                        // The focus mark, so the selection shows without colour too.
                        let mut spans = vec![Span::raw(theme::mark(abs == b.selected))];
                        if !b.marks.is_empty() {
                            spans.push(sync_mark(b.marks.get(&s.id)));
                        }
                        spans.extend(cell.spans);
                        Cell::from(Line::from(spans))
                    } else {
                        Cell::from(cell)
                    }
                })
                .collect();
            let row = Row::new(cells);
            if abs == b.selected {
                row.style(theme::selected())
            } else {
                row.style(Style::new())
            }
        })
        .collect();
    let widths: Vec<Constraint> = crate::catalog::browser_columns(wide)
        .map(|c| match c.width {
            Width::Fill(n) => Constraint::Fill(n),
            Width::Fixed(n) => Constraint::Length(n),
        })
        .collect();
    let pos = if b.total == 0 {
        "0/0".to_string()
    } else {
        format!("{}/{}", b.selected + 1, b.total)
    };
    let empty_note = if b.total == 0 {
        if b.filter.deleted {
            " — the trash is empty"
        } else {
            " — nothing matches (c clears filters, n adds)"
        }
    } else {
        ""
    };
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {pos}{empty_note} "));
    if !b.marks.is_empty() {
        block = block.title_bottom(Line::from(format!(" {} ", theme::SYNC_LEGEND)).right_aligned());
    }
    let t = Table::new(rows, widths)
        .header(header)
        .block(block)
        .column_spacing(1);
    frame.render_widget(t, table);
}

/// One browser cell as its column's kind shows it.
fn cell(kind: CellKind, raw: &str) -> Line<'static> {
    let span = match kind {
        CellKind::Text => Span::raw(raw.to_string()),
        CellKind::Code => Span::raw(humanize(raw)),
        CellKind::Archetype => Span::styled(raw.to_string(), theme::archetype(raw)),
        CellKind::Status => Span::styled(humanize(raw), theme::status(raw)),
        CellKind::Tier => {
            let short = raw.split('_').take(2).collect::<Vec<_>>().join(" ");
            Span::styled(short, theme::tier(raw))
        }
        CellKind::Timestamp => Span::raw(raw.get(..16).unwrap_or(raw).replace('T', " ")),
    };
    Line::from(span)
}

/// The sync mark of a row on a page that has some: conflict wins over unpushed (a conflict is
/// unpushed too, and what it needs first is a decision).
fn sync_mark(mark: Option<&crate::store::sync_state::SyncMark>) -> Span<'static> {
    match mark {
        Some(m) if m.conflict => Span::styled(format!("{} ", theme::CONFLICT), theme::error()),
        Some(m) if m.unpushed => Span::styled(format!("{} ", theme::UNPUSHED), theme::warn()),
        _ => Span::raw("  "),
    }
}
