//! Text measured in terminal columns, not characters: a CJK character or an emoji takes two,
//! so a popup sized by character count comes out too narrow or too short and loses its key
//! line or cuts a row. Everything that sizes or cuts text for the screen goes through here.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns `s` takes on the terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Truncates to at most `max` columns, with an ellipsis when cut; never splits a wide
/// character across the edge.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `fit`, then padded with spaces to exactly `cols` columns: a column of a list row.
pub fn pad(s: &str, cols: usize) -> String {
    let shown = fit(s, cols);
    let gap = cols.saturating_sub(width(&shown));
    format!("{shown}{}", " ".repeat(gap))
}

/// Rows `text` takes when word-wrapped at `cols` columns, as ratatui's wrapper breaks it:
/// a word goes to the next row when it does not fit, a word wider than a row is split.
pub fn wrapped_rows(text: &str, cols: usize) -> usize {
    let cols = cols.max(1);
    text.lines()
        .map(|line| {
            let mut rows = 1;
            let mut used = 0;
            for word in line.split(' ') {
                let w = width(word);
                let need = if used == 0 { w } else { used + 1 + w };
                if need <= cols {
                    used = need;
                } else if w <= cols {
                    rows += 1;
                    used = w;
                } else {
                    // A long word starts a row and runs over as many as it needs.
                    rows += usize::from(used > 0) + (w - 1) / cols;
                    used = (w - 1) % cols + 1;
                }
            }
            rows
        })
        .sum()
}

/// Wraps at spaces where it can, else inside a word, into rows of at most `cols` columns
/// (a character wider than the whole row still takes a row of its own).
pub fn wrap(text: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut out = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ') {
        let w = width(word);
        let sep = usize::from(!line.is_empty());
        if used + sep + w <= cols {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            used += sep + w;
            continue;
        }
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
            used = 0;
        }
        // A word wider than the column is cut by characters.
        for c in word.chars() {
            let cw = UnicodeWidthChar::width(c).unwrap_or(0);
            if used + cw > cols && !line.is_empty() {
                out.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("研究開発"), 8);
        assert_eq!(fit("研究開発", 8), "研究開発");
        assert_eq!(fit("研究開発", 7), "研究開…");
        assert_eq!(width(&fit("研究開発", 6)), 5, "never past the edge");
        assert_eq!(fit("🚀🚀🚀", 4), "🚀…");
        assert_eq!(pad("研究", 6), "研究  ");
        assert_eq!(width(&pad("研究開発部", 5)), 5);
        assert_eq!(fit("abc", 0), "");
        assert_eq!(wrapped_rows("aaa bbb", 7), 1);
        assert_eq!(wrapped_rows("aaa bbb", 6), 2);
        assert_eq!(wrapped_rows("研究開発 研究開発", 8), 2);
        assert_eq!(wrapped_rows("x\n\ny", 5), 3);
    }

    #[test]
    fn wrap_fits_every_line_in_the_width_by_display_columns() {
        let text = "研究開発の責任者 works across oncology and immunology teams";
        for width in [1, 5, 12, 30] {
            let lines = wrap(text, width);
            assert!(
                lines.iter().all(|l| super::width(l) <= width.max(2)),
                "{width}: {lines:?}"
            );
            assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        }
        assert_eq!(wrap("", 10), vec![String::new()]);
    }
}
