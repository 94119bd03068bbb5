//! The one single-line text input, used by form fields, the search line, prompts, the palette
//! and pick-list filters. A thin wrapper over ratatui-textarea's editing (its word moves and
//! deletions) that keeps the text on one line and knows how to show itself in a given width.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::text::Span;
use ratatui_textarea::{CursorMove, TextArea};

#[derive(Clone, Debug)]
pub struct Input {
    area: TextArea<'static>,
}

impl Default for Input {
    fn default() -> Input {
        Input::new("")
    }
}

impl Input {
    /// An input holding `text` (made one line), cursor at the end.
    pub fn new(text: &str) -> Input {
        let mut area = TextArea::new(vec![one_line(text)]);
        area.move_cursor(CursorMove::End);
        Input { area }
    }

    pub fn text(&self) -> &str {
        self.area.lines().first().map_or("", String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }

    /// Cursor position in characters from the start.
    pub fn cursor(&self) -> usize {
        self.area.cursor().1
    }

    /// Replaces the text, cursor at the end.
    pub fn set_text(&mut self, text: &str) {
        *self = Input::new(text);
    }

    /// Applies an editing key; returns whether the text changed. Keys that are not editing
    /// keys (Enter, Tab, Up...) change nothing: the keymap routes those elsewhere.
    pub fn key(&mut self, key: &KeyEvent) -> bool {
        let before = self.text().to_string();
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let a = &mut self.area;
        match key.code {
            KeyCode::Char(c) if !ctrl && !alt && !c.is_control() => a.insert_char(c),
            KeyCode::Char('w') if ctrl => {
                a.delete_word();
            }
            KeyCode::Char('u') if ctrl => {
                a.move_cursor(CursorMove::Head);
                a.delete_line_by_end();
            }
            KeyCode::Char('a') if ctrl => a.move_cursor(CursorMove::Head),
            KeyCode::Char('e') if ctrl => a.move_cursor(CursorMove::End),
            KeyCode::Char('b') if alt => a.move_cursor(CursorMove::WordBack),
            KeyCode::Char('f') if alt => a.move_cursor(CursorMove::WordForward),
            KeyCode::Left if ctrl => a.move_cursor(CursorMove::WordBack),
            KeyCode::Right if ctrl => a.move_cursor(CursorMove::WordForward),
            KeyCode::Left => a.move_cursor(CursorMove::Back),
            KeyCode::Right => a.move_cursor(CursorMove::Forward),
            KeyCode::Home => a.move_cursor(CursorMove::Head),
            KeyCode::End => a.move_cursor(CursorMove::End),
            KeyCode::Backspace => {
                a.delete_char();
            }
            KeyCode::Delete => {
                a.delete_next_char();
            }
            _ => {}
        }
        self.text() != before
    }

    /// Inserts pasted text at the cursor as one edit; line breaks and tabs become spaces.
    pub fn paste(&mut self, text: &str) -> bool {
        let clean = one_line(text);
        !clean.is_empty() && self.area.insert_str(clean)
    }

    /// What fits in `width` columns so the cursor shows, and the cursor's column in it. The
    /// start is computed from the text and cursor alone (the view never changes state): the
    /// text shows from its start while the cursor fits, else it scrolls so the cursor sits at
    /// the right edge. Wide characters count by their display width.
    pub fn view(&self, width: usize) -> (String, usize) {
        let chars: Vec<char> = self.text().chars().map(visible).collect();
        let cur = self.cursor().min(chars.len());
        if width == 0 {
            return (String::new(), 0);
        }
        // Walk left from the cursor while the characters still fit beside the cursor cell:
        // one pass, so a 100 KB paste is drawn at once (trying each start from the left, as
        // this once did, took tens of seconds).
        let mut start = cur;
        let mut left = 0;
        while start > 0 {
            let w = char_width(chars[start - 1]);
            if left + w + 1 > width {
                break;
            }
            left += w;
            start -= 1;
        }
        let mut shown = String::new();
        let mut used = 0;
        for &c in &chars[start..] {
            let w = char_width(c);
            if used + w > width {
                break;
            }
            shown.push(c);
            used += w;
        }
        (shown, left)
    }
}

/// One line of text: line breaks and tabs become spaces, other control characters go.
fn one_line(text: &str) -> String {
    text.replace("\r\n", " ")
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Stored text may hold control characters (an import, the database edited by hand): the
/// terminal must never receive them, so they show as a replacement mark.
fn visible(c: char) -> char {
    if c.is_control() { '\u{FFFD}' } else { c }
}

/// Display columns of a character, as ratatui measures them (unicode-width).
fn char_width(c: char) -> usize {
    let mut buf = [0u8; 4];
    Span::raw(&*c.encode_utf8(&mut buf)).width()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn control_characters_never_enter_and_never_show() {
        let mut i = Input::new("a\u{1b}[31mb");
        assert_eq!(i.text(), "a[31mb");
        i.key(&k(KeyCode::Char('\u{7}'), KeyModifiers::NONE));
        assert_eq!(i.text(), "a[31mb");
        let (shown, _) = i.view(20);
        assert!(!shown.chars().any(char::is_control));
    }
}
