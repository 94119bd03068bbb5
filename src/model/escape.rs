//! Text made safe to print on a terminal. A persona's text is data from anyone (an imported
//! bundle, another program writing the file): an escape sequence in it must not retitle,
//! clear or reprogram the user's terminal when `show`, `list` or `history` prints it.

use std::borrow::Cow;
use std::fmt::Write;

/// Control characters (C0, DEL and C1) shown as `\x1b` / `\u{9b}`; line breaks and tabs kept,
/// for multi-line text such as a persona card.
pub fn terminal(s: &str) -> Cow<'_, str> {
    escape(s, |c| c == '\n' || c == '\t')
}

/// `terminal` for one line of output (a table cell, an error message): line breaks and tabs
/// are escaped too, so a value cannot start a line that looks like another record.
pub fn terminal_line(s: &str) -> Cow<'_, str> {
    escape(s, |_| false)
}

/// The text in double quotes, escaped for one line: how a refused value is named in a message.
pub fn quoted(s: &str) -> String {
    format!("\"{}\"", terminal_line(s))
}

fn escape(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !c.is_control() || keep(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x80 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_obey() {
        let hostile = "A\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m\nB\tC";
        assert_eq!(
            terminal(hostile),
            "A\\x1b]0;owned\\x07\\x1b[2J\\u{9b}31m\nB\tC"
        );
        assert_eq!(
            terminal_line(hostile),
            "A\\x1b]0;owned\\x07\\x1b[2J\\u{9b}31m\\nB\\tC"
        );
        assert!(matches!(terminal("研究開発 plain"), Cow::Borrowed(_)));
    }
}
