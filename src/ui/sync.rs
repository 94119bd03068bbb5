//! The team library's sync screen: the link, a progress bar, the last run's per-persona
//! results and the conflict list; the password prompt over it; the side-by-side view instead
//! of it while a conflict is open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::{centered, fit, theme};
use crate::app::App;
use crate::app::sync::summary;
use crate::model::escape::terminal_line;
use crate::sync::driver::Outcome;

/// Cells of the progress bar.
const BAR: usize = 30;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    if let Some(view) = &app.sync.resolve {
        super::sync_resolve::draw(view, frame, area);
        return;
    }
    let s = &app.sync;
    let [title, bar, note, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(3),
    ])
    .areas(area);
    let remote = s
        .remote
        .as_deref()
        .map(|u| terminal_line(u).into_owned())
        .unwrap_or_else(|| "no remote linked".into());
    let head = format!(
        " Team library sync · tenant {} · {remote}",
        app.store.tenant().key
    );
    frame.render_widget(
        Paragraph::new(fit(&head, area.width as usize)).style(theme::title()),
        title,
    );
    frame.render_widget(Paragraph::new(progress_line(app)), bar);

    let note_text = match (&s.failure, &s.last) {
        (Some(f), _) => Line::from(Span::styled(
            format!(" {} {}", theme::WARN, terminal_line(f)),
            theme::error(),
        )),
        (None, Some(r)) => Line::from(format!(" Last run: {}", summary(r))),
        (None, None) => Line::from(Span::styled(
            " Not synced yet in this session: s pulls, merges and pushes",
            theme::dim(),
        )),
    };
    frame.render_widget(Paragraph::new(note_text).wrap(Wrap { trim: false }), note);

    if s.remote.is_none() {
        draw_no_remote(frame, body);
    } else {
        let [results, conflicts] = if body.width >= 120 {
            Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(body)
        } else {
            Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(body)
        };
        draw_results(app, frame, results);
        draw_conflicts(app, frame, conflicts);
    }
    if let Some(input) = &s.asking {
        draw_password(app, input, frame, area);
    }
}

fn progress_line(app: &App) -> Line<'static> {
    let (done, total) = app.sync.progress;
    let filled = (done.min(total) * BAR).checked_div(total).unwrap_or(0);
    let state = if app.sync.running() && total == 0 {
        // Before the first persona: connecting, comparing the hashes of both sides.
        "connecting and comparing"
    } else if app.sync.running() {
        "running"
    } else if app.sync.last.is_some() {
        "done"
    } else {
        "idle"
    };
    Line::from(vec![
        Span::raw(" ["),
        Span::styled("█".repeat(filled), theme::ok()),
        Span::styled("░".repeat(BAR - filled), theme::dim()),
        Span::raw(format!("] {done}/{total} personas · {state}")),
    ])
}

fn draw_no_remote(frame: &mut Frame, area: Rect) {
    let lines = vec![
        Line::from(""),
        Line::from(" This tenant has no team library linked. Link one from a shell:"),
        Line::from(""),
        Line::from(Span::styled(
            "   persona-studio remote set URL",
            theme::key(),
        )),
        Line::from(""),
        Line::from(" (URL: postgres://user@host:5432/db?sslmode=require; the password comes from"),
        Line::from(" PGPASSWORD, ~/.pgpass or a prompt here, never from the file), then press s."),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .block(Block::default().borders(Borders::ALL).title(" No remote "))
            .wrap(Wrap { trim: false }),
        area,
    );
}

fn draw_results(app: &App, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(2) as usize;
    let room = usize::from(area.height.saturating_sub(2)).max(1);
    let mut lines = Vec::new();
    if let Some(r) = &app.sync.last {
        // What needs a person first (errors, conflicts), then what simply happened.
        let mut shown: Vec<(u8, Line)> = Vec::new();
        for (_, slug, o) in &r.personas {
            let (rank, word, style, detail) = match o {
                Outcome::Unchanged | Outcome::Skipped(_) => continue,
                Outcome::Failed(e) => (0, "error", theme::error(), format!(": {e}")),
                Outcome::Conflicts(cs) => (
                    1,
                    "conflict",
                    theme::warn(),
                    format!(
                        ": {} part{}",
                        cs.len(),
                        if cs.len() == 1 { "" } else { "s" }
                    ),
                ),
                Outcome::Merged => (2, "merged", theme::ok(), String::new()),
                Outcome::Pulled => (3, "pulled", theme::ok(), String::new()),
                Outcome::Pushed => (4, "pushed", theme::ok(), String::new()),
            };
            let text = format!(
                " {word:<9}{}{}",
                terminal_line(slug),
                terminal_line(&detail)
            );
            shown.push((rank, Line::from(Span::styled(fit(&text, width), style))));
        }
        shown.sort_by_key(|(rank, _)| *rank);
        let total = shown.len();
        if total > room {
            lines.extend(shown.into_iter().take(room - 1).map(|(_, l)| l));
            lines.push(Line::from(Span::styled(
                format!(" … and {} more", total - (room - 1)),
                theme::dim(),
            )));
        } else {
            lines.extend(shown.into_iter().map(|(_, l)| l));
        }
        if lines.is_empty() {
            lines.push(Line::from(Span::styled(
                " nothing changed on either side",
                theme::dim(),
            )));
        }
    } else {
        lines.push(Line::from(Span::styled(" no run yet", theme::dim())));
    }
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(" Results ")),
        area,
    );
}

fn draw_conflicts(app: &App, frame: &mut Frame, area: Rect) {
    let s = &app.sync;
    let width = area.width.saturating_sub(2) as usize;
    let rows = area.height.saturating_sub(2) as usize;
    // Scrolled so the selection shows (computed, the view changes nothing).
    let top = (s.selected + 1).saturating_sub(rows.max(1));
    let lines: Vec<Line> = if s.conflicts.is_empty() {
        vec![Line::from(Span::styled(" no conflicts", theme::dim()))]
    } else {
        s.conflicts
            .iter()
            .enumerate()
            .skip(top)
            .take(rows.max(1))
            .map(|(i, c)| {
                let text = format!(
                    "{}{}: {}",
                    theme::mark(i == s.selected),
                    terminal_line(&c.slug),
                    terminal_line(&c.parts.join(", "))
                );
                Line::from(Span::styled(
                    fit(&text, width),
                    theme::highlight(i == s.selected),
                ))
            })
            .collect()
    };
    let title = format!(" Conflicts ({}) · Enter: side by side ", s.conflicts.len());
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(title)),
        area,
    );
}

/// The password box: a bullet per typed character, never the text.
fn draw_password(app: &App, input: &crate::app::input::Input, frame: &mut Frame, area: Rect) {
    let r = centered(area, 60, 5);
    frame.render_widget(Clear, r);
    let remote = app
        .sync
        .remote
        .as_deref()
        .map(|u| terminal_line(u).into_owned())
        .unwrap_or_default();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Password (this session only, never stored) ");
    let inner = block.inner(r);
    frame.render_widget(block, r);
    if inner.height == 0 {
        return;
    }
    let [who, field] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(fit(&format!("for {remote}"), inner.width as usize)),
        who,
    );
    let masked = crate::app::input::Input::new(&"•".repeat(input.text().chars().count()));
    super::input::draw(&masked, frame, field, theme::label());
}
