//! A conflict side by side: for each conflicting part a heading (what it is, the choice made)
//! and three columns, base | mine | theirs. Text from the database is escaped before it is
//! drawn and wrapped by display width; a very long value is cut after a few lines.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use super::width::{fit, pad, wrap};
use crate::app::Mode;
use crate::app::keymap::{Action, bindings_for};
use crate::app::sync::SideBySide;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Kind};
use crate::model::escape::terminal_line;
use crate::model::{Row, Value};
use crate::sync::merge::{Conflict, Side};

/// Lines a value may take in its column before it is cut.
const MAX_LINES: usize = 6;
const GUTTER: &str = " │ ";

pub fn draw(view: &SideBySide, frame: &mut Frame, area: Rect) {
    let [title, also, header, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let n = view.choices.len();
    let head = format!(
        " Conflict · {} · {n} part{} · {} without a choice",
        terminal_line(&view.slug),
        if n == 1 { "" } else { "s" },
        view.undecided(),
    );
    frame.render_widget(
        Paragraph::new(fit(&head, area.width as usize)).style(theme::title()),
        title,
    );
    frame.render_widget(
        Paragraph::new(fit(&all_keys(), area.width as usize)).style(theme::dim()),
        also,
    );
    let col = column_width(area.width);
    frame.render_widget(
        Paragraph::new(Line::from(vec![Span::styled(
            row_text(&["base", "mine", "theirs"].map(str::to_string), col),
            theme::label(),
        )])),
        header,
    );
    if n == 0 {
        frame.render_widget(
            Paragraph::new(
                " No conflicting part is left (the file changed since): a applies the merge",
            ),
            body,
        );
        return;
    }
    let parts: Vec<Vec<Line>> = view
        .sides
        .merge
        .conflicts
        .iter()
        .enumerate()
        .map(|(i, c)| part_lines(c, view.choices[i], i == view.selected, col))
        .collect();
    // Scrolled so the focused part shows whole when it fits (computed from the state alone).
    let h = body.height as usize;
    let mut start = view.selected.min(parts.len() - 1);
    let mut used = parts[start].len();
    while start > 0 && used + parts[start - 1].len() <= h {
        start -= 1;
        used += parts[start].len();
    }
    let lines: Vec<Line> = parts.into_iter().skip(start).flatten().take(h).collect();
    frame.render_widget(Paragraph::new(lines), body);
}

/// The keys that choose a side for every part, from the keymap (the hint bar has no room).
fn all_keys() -> String {
    bindings_for(Mode::SyncResolve)
        .filter(|b| matches!(b.action, Action::AllMine | Action::AllTheirs))
        .map(|b| format!("{} {}", b.keys[0].label(), b.label))
        .fold(" For every part:".to_string(), |acc, k| {
            format!("{acc}  {k}")
        })
}

/// Each of the three columns' width, after the focus mark and two gutters.
fn column_width(total: u16) -> usize {
    (usize::from(total).saturating_sub(2 + 2 * GUTTER.chars().count()) / 3).max(1)
}

/// The heading and the wrapped three columns of one part, and a blank line after it.
fn part_lines(c: &Conflict, choice: Option<Side>, focused: bool, col: usize) -> Vec<Line<'static>> {
    let chosen = match choice {
        Some(Side::Mine) => "[mine]",
        Some(Side::Theirs) => "[theirs]",
        None => "[choose m/t]",
    };
    let heading = format!(
        "{}{} {}  ({})",
        theme::mark(focused),
        chosen,
        label(c),
        c.path()
    );
    let mut out = vec![Line::from(Span::styled(
        fit(&terminal_line(&heading), col * 3 + 8),
        theme::highlight(focused),
    ))];
    let [b, m, t] = versions(c);
    let cells = [wrap_all(&b, col), wrap_all(&m, col), wrap_all(&t, col)];
    let height = cells.iter().map(Vec::len).max().unwrap_or(1);
    for i in 0..height {
        let row = [0, 1, 2].map(|k| cells[k].get(i).cloned().unwrap_or_default());
        let styles = [0, 1, 2].map(|k| match (k, choice) {
            (1, Some(Side::Mine)) | (2, Some(Side::Theirs)) => theme::ok(),
            (0, _) => theme::dim(),
            _ => Style::new(),
        });
        let mut spans = vec![Span::raw("  ")];
        for k in 0..3 {
            spans.push(Span::styled(pad(&row[k], col), styles[k]));
            if k < 2 {
                spans.push(Span::styled(GUTTER, theme::dim()));
            }
        }
        out.push(Line::from(spans));
    }
    out.push(Line::from(""));
    out
}

fn label(c: &Conflict) -> String {
    match c {
        Conflict::Field { field, .. } => CORE_FIELDS[*field].label.to_string(),
        Conflict::Row { list, .. } => format!("{} row", CHILD_SPECS[*list].title),
        Conflict::Status { .. } => "Validation status".into(),
        Conflict::Deleted { .. } => "Deleted on one side, edited on the other".into(),
    }
}

/// Base, mine and theirs of a part as lines of text (not escaped yet).
fn versions(c: &Conflict) -> [Vec<String>; 3] {
    match c {
        Conflict::Field {
            base, mine, theirs, ..
        } => [value(base), value(mine), value(theirs)],
        Conflict::Row {
            list,
            base,
            mine,
            theirs,
            ..
        } => [row(*list, base), row(*list, mine), row(*list, theirs)],
        Conflict::Status { base, mine, theirs } => {
            [vec![base.clone()], vec![mine.clone()], vec![theirs.clone()]]
        }
        Conflict::Deleted { deleted_by } => {
            let (m, t) = match deleted_by {
                Side::Mine => ("deleted", "edited"),
                Side::Theirs => ("edited", "deleted"),
            };
            [vec!["kept".into()], vec![m.into()], vec![t.into()]]
        }
    }
}

fn value(v: &Value) -> Vec<String> {
    match v {
        Value::Null => vec!["(empty)".into()],
        // Multi-line text keeps its lines; each is escaped on its own below.
        other => other.to_string().split('\n').map(str::to_string).collect(),
    }
}

fn row(list: usize, r: &Option<Row>) -> Vec<String> {
    let Some(r) = r else {
        return vec!["(removed)".into()];
    };
    let lines: Vec<String> = CHILD_SPECS[list]
        .fields
        .iter()
        .zip(&r.values)
        .filter(|(f, v)| !v.is_blank() && !matches!(f.kind, Kind::Computed))
        .map(|(f, v)| format!("{}: {}", f.label, v.to_string().replace('\n', " ")))
        .collect();
    if lines.is_empty() {
        vec!["(empty row)".into()]
    } else {
        lines
    }
}

/// The lines escaped and wrapped to `width` display columns, at most `MAX_LINES` (the last
/// ending in "…" when cut).
fn wrap_all(lines: &[String], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for l in lines {
        out.extend(wrap(&terminal_line(l), width));
    }
    if out.len() > MAX_LINES {
        out.truncate(MAX_LINES);
        let last = out.pop().unwrap_or_default();
        out.push(fit(&format!("{last} …"), width));
    }
    out
}

fn row_text(cells: &[String; 3], col: usize) -> String {
    format!(
        "  {}{GUTTER}{}{GUTTER}{}",
        pad(&cells[0], col),
        pad(&cells[1], col),
        pad(&cells[2], col)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_cut_and_control_characters_escaped() {
        let long = vec!["word ".repeat(200)];
        let out = wrap_all(&long, 20);
        assert_eq!(out.len(), MAX_LINES);
        assert!(out.last().unwrap().ends_with('…'));
        let hostile = vec!["a\u{1b}[2Jb".to_string()];
        let out = wrap_all(&hostile, 40);
        assert!(
            out.iter().all(|l| !l.chars().any(char::is_control)),
            "{out:?}"
        );
        assert!(out[0].contains("\\x1b"));
    }

    #[test]
    fn a_removed_row_and_a_deletion_say_so_in_their_columns() {
        let list = crate::catalog::child_index("goals").expect("goals list");
        let mut row = Row::new(&CHILD_SPECS[list]);
        row.id = Some("g-1".into());
        let c = Conflict::Row {
            list,
            id: "g-1".into(),
            base: Some(row.clone()),
            mine: None,
            theirs: Some(row),
        };
        let [b, m, t] = versions(&c);
        assert_eq!(m, vec!["(removed)".to_string()]);
        // A new row holds its defaults, shown as "label: value" lines.
        assert!(b.iter().all(|l| l.contains(": ")), "{b:?}");
        assert_eq!(t, b);
        let d = Conflict::Deleted {
            deleted_by: Side::Theirs,
        };
        assert_eq!(
            versions(&d),
            [
                vec!["kept".to_string()],
                vec!["edited".into()],
                vec!["deleted".into()]
            ]
        );
        assert!(label(&d).starts_with("Deleted"));
    }
}
