//! Drawing: `view` reads `&App` and never changes it.

mod browser;
mod browser_preview;
mod columns;
mod editor;
mod form;
mod hints;
mod input;
mod map;
mod popup;
mod queue;
mod sidebar;
mod sync;
mod sync_resolve;
mod tabs;
pub mod theme;
mod trail;
pub mod width;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::keymap::{bindings_for, keys_label};
use crate::app::{App, Mode};

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
            crate::app::screens::Screen::Sync => sync::draw(app, frame, main),
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

/// The hint bar: the hinted bindings of the current mode, from the keymap table.
fn draw_hints(app: &App, frame: &mut Frame, area: Rect) {
    let mode = app.mode();
    let mut spans = Vec::new();
    // Letters type here instead of acting: say so first, as the cursor alone is easy to miss.
    if matches!(mode, Mode::Search | Mode::Typing) {
        spans.push(Span::styled(" typing:", theme::dim()));
    }
    let shown = hints::fitting(mode, area.width as usize);
    for b in shown {
        spans.push(Span::styled(
            format!(" {}", b.keys[0].label()),
            theme::key(),
        ));
        spans.push(Span::raw(format!(" {} ", b.label)));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A popup's own key line, "[y] yes   [n] no", from the hinted bindings of its mode.
pub fn popup_keys(mode: Mode) -> String {
    bindings_for(mode)
        .filter(|b| b.hint)
        .map(|b| format!("[{}] {}", b.keys[0].label(), b.label))
        .collect::<Vec<_>>()
        .join("   ")
}

/// Help overlay lines: every binding of the mode.
pub fn help_lines(mode: Mode) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = bindings_for(mode)
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:>14}  ", keys_label(b)), theme::key()),
                Span::raw(b.label),
            ])
        })
        .collect();
    // The browser's marks of a tenant linked to a team library.
    if mode == Mode::Browser {
        lines.push(Line::from(vec![
            Span::styled(format!("{:>14}  ", "marks"), theme::key()),
            Span::raw(theme::SYNC_LEGEND),
        ]));
    }
    lines
}

pub use width::fit;

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
