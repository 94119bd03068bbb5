//! Drawing: `view` reads `&App` and never changes it.

mod browser;
mod editor;
mod form;
mod map;
mod popup;
mod queue;
mod sidebar;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::keymap::{bindings_for, keys_label};

pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < 20 || area.height < 5 {
        frame.render_widget(Paragraph::new("Terminal too small"), area);
        return;
    }
    let [main, status, hints] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    match &app.editor {
        Some(ed) => editor::draw(app, ed, frame, main),
        None => match app.screen {
            crate::app::screens::Screen::Browser => browser::draw(app, frame, main),
            crate::app::screens::Screen::Queue => queue::draw(app, frame, main),
            crate::app::screens::Screen::Map => map::draw(app, frame, main),
        },
    }
    draw_status(app, frame, status);
    draw_hints(app, frame, hints);
    if let Some(p) = app.popups.last() {
        popup::draw(app, p, frame, area);
    }
}

fn draw_status(app: &App, frame: &mut Frame, area: Rect) {
    let line = match &app.status {
        Some(s) if s.error => Line::from(Span::styled(
            format!(" {} {}", theme::WARN, s.text),
            theme::error(),
        )),
        Some(s) => Line::from(Span::styled(format!(" {}", s.text), theme::ok())),
        None => Line::from(Span::styled(
            format!(
                " tenant {} · user {}",
                app.store.tenant().key,
                app.store.user_name()
            ),
            theme::dim(),
        )),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// Status-bar hints, built from the live keymap.
fn draw_hints(app: &App, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    let typing = app.browser.searching && app.editor.is_none();
    if typing {
        spans.push(Span::styled(
            " type to search  Enter keep  Esc clear",
            theme::dim(),
        ));
    } else if app
        .editor
        .as_ref()
        .is_some_and(|e| e.form_key().is_some_and(|k| e.state(k).editing()))
    {
        spans.push(Span::styled(
            " typing: Enter/Esc done  ↑/↓ next field  C-U clear  C-S save",
            theme::dim(),
        ));
    } else {
        for b in bindings_for(app.ctx()).filter(|b| b.hint) {
            spans.push(Span::styled(
                format!(" {}", b.keys[0].label()),
                theme::key(),
            ));
            spans.push(Span::raw(format!(" {} ", b.label)));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Help overlay lines: every binding of the context.
pub fn help_lines(ctx: crate::app::keymap::Ctx) -> Vec<Line<'static>> {
    bindings_for(ctx)
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:>14}  ", keys_label(b)), theme::key()),
                Span::raw(b.label),
            ])
        })
        .collect()
}

/// Truncates to `width` columns with an ellipsis.
pub fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else if width == 0 {
        String::new()
    } else {
        s.chars().take(width - 1).collect::<String>() + "…"
    }
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
