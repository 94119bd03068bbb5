//! The editor's tab overview: every tab with its letter (and number for the first ten), its
//! name and how much of it is filled in; the current tab marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{centered, fit, popup_keys, theme};
use crate::app::Mode;
use crate::app::editor::tabs::tab_letter;
use crate::app::editor::{Editor, tab_count};

pub fn draw(ed: &Editor, selected: usize, frame: &mut Frame, area: Rect) {
    let keys = popup_keys(Mode::TabPick);
    let name_w = (0..tab_count())
        .map(|i| super::width::width(Editor::tab_name(i)))
        .max()
        .unwrap_or(10);
    // mark, letter, number, name, fill ("12/20 fields")
    let row_w = 2 + 2 + 3 + name_w + 2 + 12;
    let w = (row_w.max(40) + 2).min(usize::from(area.width)) as u16;
    let inner_w = usize::from(w.saturating_sub(2)).max(1);
    // The key line wraps on a narrow terminal rather than lose a key.
    let key_rows = super::width::wrapped_rows(&keys, inner_w);
    // The status and hint lines stay visible below it.
    let h =
        (tab_count() + 3 + key_rows).min(usize::from(area.height.saturating_sub(2)).max(3)) as u16;
    let r = centered(area, w, h);
    // Rows for tabs: the border, the blank line and the key lines take the rest.
    let visible = usize::from(r.height).saturating_sub(3 + key_rows).max(1);
    let skip = (selected + 1).saturating_sub(visible);
    let mut lines: Vec<Line> = (0..tab_count())
        .skip(skip)
        .take(visible)
        .map(|i| {
            let fill = ed.fill(i);
            let num = match i {
                0..=8 => format!("{}", i + 1),
                9 => "0".into(),
                _ => String::new(),
            };
            let current = if i == ed.tab { "•" } else { " " };
            let text = format!(
                "{}{} {num:>2} {current}{:<name_w$} {}",
                theme::mark(i == selected),
                tab_letter(i),
                Editor::tab_name(i),
                fill.text()
            );
            let style = if i == selected {
                theme::highlight(true)
            } else if fill.is_empty() {
                theme::dim()
            } else {
                theme::highlight(false)
            };
            Line::from(Span::styled(fit(&text, inner_w), style))
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(keys, theme::key())));
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Go to tab: its letter, or Enter ");
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .block(block),
        r,
    );
}
