//! The persona editor: title with dirty marker, the tab bar, the tab's form or list, and the
//! live sidebar.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table};

use super::{centered, fit, form, sidebar, theme};
use crate::app::App;
use crate::app::editor::{Editor, FormKey, Tab, tab_count};
use crate::catalog::CHILD_SPECS;
use crate::model::markdown::display_value;

pub fn draw(app: &App, ed: &Editor, frame: &mut Frame, area: Rect) {
    let [title, tabs, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    let dirty = if ed.is_dirty() {
        format!(" {} unsaved", theme::DIRTY)
    } else {
        String::new()
    };
    let name = if ed.draft.name().is_empty() {
        "(new persona)"
    } else {
        ed.draft.name()
    };
    let deleted = if ed.draft.deleted_at.is_some() {
        " [in trash]"
    } else {
        ""
    };
    let notice = ed
        .trail
        .notice
        .as_deref()
        .map(|n| format!(" · {n}"))
        .unwrap_or_default();
    let head = format!(
        " {name}{deleted}{dirty}{notice} · tenant {}",
        app.store.tenant().key
    );
    frame.render_widget(
        Paragraph::new(fit(&head, area.width as usize)).style(theme::title()),
        title,
    );
    draw_tabs(ed, frame, tabs);

    let side_w = match app.sidebar_shown() {
        false => 0,
        true if body.width >= 70 => 30,
        true => body.width / 3,
    };
    let [main, side] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(side_w)]).areas(body);
    let lookups = app.store.lookups();
    match ed.current_tab() {
        Tab::Core(s) => form::draw(
            ed,
            FormKey::Core,
            lookups,
            crate::catalog::SECTIONS[s],
            frame,
            main,
        ),
        Tab::List(li) => match ed.form_key() {
            Some(FormKey::List(l)) if ed.row_open.is_none() && l == li => form::draw(
                ed,
                FormKey::List(li),
                lookups,
                CHILD_SPECS[li].title,
                frame,
                main,
            ),
            _ => draw_list(app, ed, li, frame, main),
        },
        Tab::History => super::trail::draw_history(ed, frame, main),
    }
    if side.width > 0 {
        sidebar::draw(app, ed, frame, side);
    }
    if let Some((li, ri, _)) = ed.row_open {
        let popup = centered(
            body,
            body.width.saturating_sub(4).min(76),
            body.height.saturating_sub(1),
        );
        frame.render_widget(Clear, popup);
        let title = format!(
            "{} — row {} of {}",
            CHILD_SPECS[li].title,
            ri + 1,
            ed.draft.lists[li].len()
        );
        form::draw(ed, FormKey::List(li), lookups, &title, frame, popup);
    }
}

/// The tab bar, scrolled so the current tab is visible at any width.
fn draw_tabs(ed: &Editor, frame: &mut Frame, area: Rect) {
    let titles: Vec<String> = (0..tab_count()).map(|i| ed.tab_title(i)).collect();
    let width = area.width as usize;
    let len = |i: usize| super::width::width(&titles[i]) + 3;
    let mut start = ed.tab;
    let mut used = len(ed.tab);
    while start > 0 && used + len(start - 1) <= width.saturating_sub(4) {
        start -= 1;
        used += len(start);
    }
    let mut spans = vec![Span::styled(
        if start > 0 { "‹ " } else { "  " },
        theme::dim(),
    )];
    let mut w = 2;
    let mut i = start;
    while i < titles.len() && w + len(i) <= width.saturating_sub(2) {
        let style = if i == ed.tab {
            theme::tab_active()
        } else {
            theme::label()
        };
        let text = if i == ed.tab {
            format!("[{}]", titles[i])
        } else {
            format!(" {} ", titles[i])
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
        w += len(i);
        i += 1;
    }
    if i < titles.len() {
        spans.push(Span::styled("›", theme::dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_list(app: &App, ed: &Editor, li: usize, frame: &mut Frame, area: Rect) {
    let spec = &CHILD_SPECS[li];
    let rows = &ed.draft.lists[li];
    let lookups = app.store.lookups();
    let cols: Vec<usize> = spec
        .summary
        .iter()
        .filter_map(|c| spec.field_index(c))
        .collect();
    let header = Row::new(
        std::iter::once(Cell::from("  #"))
            .chain(cols.iter().map(|&c| Cell::from(spec.fields[c].label))),
    )
    .style(theme::label());
    let sel = ed.list_sel[li];
    let body: Vec<Row> = rows
        .iter()
        .enumerate()
        .map(|(ri, r)| {
            let mark = theme::mark(ri == sel);
            let cells = std::iter::once(Cell::from(format!("{mark}{}", ri + 1))).chain(
                cols.iter().map(|&c| {
                    Cell::from(
                        display_value(&spec.fields[c], &r.values[c], lookups).replace('\n', " "),
                    )
                }),
            );
            let row = Row::new(cells);
            if ri == sel {
                row.style(theme::selected())
            } else {
                row
            }
        })
        .collect();
    let mut widths = vec![Constraint::Length(5)];
    widths.extend(cols.iter().enumerate().map(|(k, _)| {
        if k == 0 {
            Constraint::Fill(3)
        } else {
            Constraint::Fill(1)
        }
    }));
    let title = if rows.is_empty() {
        format!(" {} — no rows yet: o adds one ", spec.title)
    } else {
        format!(
            " {} — {} row(s) · Enter edits · K/J move ",
            spec.title,
            rows.len()
        )
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner_h = area.height.saturating_sub(3) as usize;
    let offset = (sel + 1).saturating_sub(inner_h.max(1));
    let body: Vec<Row> = body.into_iter().skip(offset).collect();
    frame.render_widget(
        Table::new(body, widths)
            .header(header)
            .block(block)
            .column_spacing(1),
        area,
    );
}
