//! Draws any form of the form engine: labels, values, errors, the focused field's help.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{fit, theme};
use crate::app::editor::{Editor, FormKey};
use crate::catalog::Lookups;
use crate::catalog::validate::allowed;
use crate::model::markdown::display_value;

pub fn draw(
    ed: &Editor,
    key: FormKey,
    lookups: &Lookups,
    title: &str,
    frame: &mut Frame,
    area: Rect,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let fields = Editor::fields(key);
    let st = ed.state(key);
    let empty: Vec<crate::model::Value> = fields
        .iter()
        .map(crate::model::persona::default_value)
        .collect();
    let values = ed.values(key).unwrap_or(&empty);
    let focus = ed.focus(key);
    let label_w = (inner.width as usize / 3).clamp(8, 22);
    let value_w = (inner.width as usize).saturating_sub(label_w + 3);

    let mut lines: Vec<Line> = Vec::new();
    let mut focus_line = 0;
    let mut cursor: Option<Position> = None;
    for i in ed.visible(key) {
        let f = &fields[i];
        let focused = i == focus;
        if focused {
            focus_line = lines.len();
        }
        let text = match (st.raw[i].clone(), live_computed(ed, key, f.name)) {
            (Some(t), _) => t,
            (None, Some(live)) => live,
            (None, None) => display_value(f, &values[i], lookups),
        };
        let first = text.lines().next().unwrap_or("").to_string();
        let more = if text.lines().count() > 1 { " …" } else { "" };
        let req = if f.required { "*" } else { "" };
        let mark = theme::mark(focused);
        let label = fit(&format!("{}{req}", f.label), label_w);
        let shown = if f.is_writable() {
            first.clone()
        } else {
            format!("{first} (computed)")
        };
        let value_style = theme::highlight(focused);
        // The field being typed into shows its input, scrolled so the cursor shows.
        let value = match (&st.input, focused) {
            (Some(input), true) => {
                let (part, col) = input.view(value_w);
                cursor = Some(Position::new(inner.x + (2 + label_w + 1 + col) as u16, 0));
                part
            }
            _ => fit(&format!("{shown}{more}"), value_w),
        };
        lines.push(Line::from(vec![
            Span::raw(mark),
            Span::styled(format!("{label:<label_w$} "), theme::label()),
            Span::styled(value, value_style),
        ]));
        if let Some(e) = &st.errors[i] {
            lines.push(Line::from(Span::styled(
                fit(&format!("    {} {e}", theme::WARN), inner.width as usize),
                theme::error(),
            )));
        }
    }
    // Help for the focused field on the last line.
    let help_h = 1usize;
    let body_h = (inner.height as usize).saturating_sub(help_h).max(1);
    // Scroll so the focused field (and its error line) shows, never past the focused field.
    let offset = (focus_line + 2).saturating_sub(body_h).min(focus_line);
    let body: Vec<Line> = lines.into_iter().skip(offset).take(body_h).collect();
    frame.render_widget(
        Paragraph::new(body),
        Rect {
            height: body_h as u16,
            ..inner
        },
    );
    if let Some(c) = cursor {
        let y = inner.y
            + focus_line
                .saturating_sub(offset)
                .min(body_h.saturating_sub(1)) as u16;
        frame.set_cursor_position(Position::new(c.x.min(inner.right().saturating_sub(1)), y));
    }
    let f = &fields[focus.min(fields.len() - 1)];
    let help = if f.help.is_empty() {
        format!("{}: {}", f.label, allowed(f, lookups))
    } else {
        format!("{}: {}", f.label, f.help)
    };
    if inner.height as usize > body_h {
        let y = inner.y + body_h as u16;
        frame.render_widget(
            Paragraph::new(Span::styled(fit(&help, inner.width as usize), theme::dim())),
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
    }
}

/// Computed columns whose value the form can know before saving: the VPANES total and tier
/// follow the typed scores, as the generated columns will once saved.
fn live_computed(ed: &Editor, key: FormKey, column: &str) -> Option<String> {
    let FormKey::List(li) = key else {
        return (column == "validated_by")
            .then(|| ed.validated_by_name.clone())
            .flatten();
    };
    if crate::catalog::CHILD_SPECS[li].key != "vpanes_scoring" {
        return None;
    }
    let total = crate::rules::vpanes_total(ed.draft.vpanes_scores());
    match column {
        "total_score" => Some(total.map_or(String::new(), |t| format!("{t:.1}"))),
        "priority_tier" => Some(crate::catalog::labels::code(crate::rules::vpanes_tier(
            total,
        ))),
        _ => None,
    }
}
