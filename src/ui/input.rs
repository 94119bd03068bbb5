//! Draws the one text input: the part that fits, scrolled so the cursor shows, with the
//! terminal cursor on it and the cursor cell reversed (snapshots see no cursor, people do).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use crate::app::input::Input;

pub fn draw(input: &Input, frame: &mut Frame, area: Rect, style: Style) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let (shown, col) = input.view(area.width as usize);
    frame.render_widget(Paragraph::new(Span::styled(shown, style)), area);
    let x = area.x + (col as u16).min(area.width - 1);
    let cell = Rect::new(x, area.y, 1, 1);
    frame.buffer_mut().set_style(cell, Modifier::REVERSED);
    frame.set_cursor_position(Position::new(x, area.y));
}
