//! Draws the top popup.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::width::{pad, width, wrapped_rows};
use super::{centered, fit, help_lines, popup_keys, theme};
use crate::app::keymap::bindings_for;
use crate::app::popup::Popup;
use crate::app::{App, Mode};

pub fn draw(app: &App, popup: &Popup, frame: &mut Frame, area: Rect) {
    match popup {
        Popup::Tabs { selected } => {
            if let Some(ed) = &app.editor {
                super::tabs::draw(ed, *selected, frame, area);
            }
        }
        Popup::Help { mode, scroll } => {
            let lines = help_lines(*mode);
            let widest = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
            let r = centered(area, (widest + 2).max(60), lines.len() as u16 + 2);
            frame.render_widget(Clear, r);
            let block = Block::default()
                .borders(Borders::ALL)
                .title(format!(" Keys: {} ", mode.title()));
            frame.render_widget(Paragraph::new(lines).block(block).scroll((*scroll, 0)), r);
        }
        Popup::Palette {
            mode,
            filter,
            selected,
        } => {
            let actions = crate::app::palette_matches(*mode, filter.text());
            let rows: Vec<(&str, String)> = actions
                .iter()
                .filter_map(|a| bindings_for(*mode).find(|b| b.action == *a))
                .map(|b| (b.label, crate::app::keymap::keys_label(b)))
                .collect();
            // Two columns: labels padded to the widest (as far as the keys leave room), a gap,
            // then the keys, so a long label never runs into its keys.
            let key_w = rows.iter().map(|(_, k)| width(k)).max().unwrap_or(0);
            let label_w = rows.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
            let w = (2 + label_w + 2 + key_w + 2)
                .max(40)
                .min(usize::from(area.width)) as u16;
            let label_room = usize::from(w.saturating_sub(2))
                .saturating_sub(2 + 2 + key_w)
                .max(4);
            let mut lines = vec![Line::from(Span::styled(": ", theme::key()))];
            for (i, (label, keys)) in rows.iter().enumerate() {
                let mark = theme::mark(i == *selected);
                let style = theme::highlight(i == *selected);
                lines.push(Line::from(vec![
                    Span::styled(format!("{mark}{}  ", pad(label, label_room)), style),
                    Span::styled(keys.clone(), theme::key()),
                ]));
            }
            let r = centered(area, w, (lines.len() as u16 + 2).min(area.height));
            frame.render_widget(Clear, r);
            let block = Block::default().borders(Borders::ALL).title(" Commands ");
            let skip = selected.saturating_sub(r.height.saturating_sub(4) as usize);
            let header = lines.remove(0);
            let lines: Vec<Line> = std::iter::once(header)
                .chain(lines.into_iter().skip(skip))
                .collect();
            frame.render_widget(Paragraph::new(lines).block(block), r);
            input_line(filter, frame, r, 2);
        }
        Popup::Confirm { question, .. } => message(
            frame,
            area,
            " Confirm ",
            &format!("{question}\n\n{}", popup_keys(Mode::Confirm)),
        ),
        Popup::SaveChanges { .. } => message(
            frame,
            area,
            " Save changes? ",
            &format!(
                "You have unsaved changes.\n\n{}",
                popup_keys(Mode::SaveChanges)
            ),
        ),
        Popup::Conflict => message(
            frame,
            area,
            " Changed elsewhere ",
            &format!(
                "This persona was changed by someone else since you opened it. Your edits are \
                 still here.\n\n{}",
                popup_keys(Mode::Conflict)
            ),
        ),
        Popup::Message { title, text } => message(frame, area, title, text),
        Popup::Recover { items, selected } => {
            let mut lines = vec![
                Line::from("Unsaved edits were kept when Persona Studio was closed:"),
                Line::from(""),
            ];
            for (i, (_, r)) in items.iter().enumerate() {
                let mark = theme::mark(i == *selected);
                // Stored text: its control characters must never reach the terminal.
                let name: String = r.name.chars().filter(|c| !c.is_control()).collect();
                let name = if name.trim().is_empty() {
                    "(new persona)".to_string()
                } else {
                    name
                };
                lines.push(Line::from(Span::styled(
                    format!("{mark}{name}"),
                    theme::highlight(i == *selected),
                )));
                if i == *selected && !r.changes.is_empty() {
                    lines.push(Line::from(Span::styled(
                        format!("  brings back: {}", r.changes.join(", ")),
                        theme::dim(),
                    )));
                }
            }
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                popup_keys(Mode::Recover),
                theme::key(),
            )));
            // Wrapped lines: each takes its width over the popup's inner width, rounded up.
            let inner = usize::from(area.width.clamp(3, 64) - 2);
            let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(inner)).sum();
            let r = centered(area, 64, u16::try_from(rows + 2).unwrap_or(u16::MAX));
            frame.render_widget(Clear, r);
            let block = Block::default()
                .borders(Borders::ALL)
                .title(" Recover unsaved edits? ");
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .block(block),
                r,
            );
        }
        Popup::Prompt { title, input, .. } => {
            let r = centered(area, 64, 5);
            frame.render_widget(Clear, r);
            let block = Block::default()
                .borders(Borders::ALL)
                .title(format!(" {title} "));
            let keys = hint_text(Mode::Prompt);
            let lines = vec![Line::from(""), Line::from(Span::styled(keys, theme::dim()))];
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .block(block),
                r,
            );
            input_line(input, frame, r, 0);
        }
        Popup::Menu {
            title,
            items,
            selected,
            ..
        } => {
            let r = centered(area, 52, items.len() as u16 + 2);
            frame.render_widget(Clear, r);
            let lines: Vec<Line> = items
                .iter()
                .enumerate()
                .map(|(i, (_, label))| {
                    let mark = theme::mark(i == *selected);
                    let style = theme::highlight(i == *selected);
                    Line::from(Span::styled(
                        fit(&format!("{mark}{label}"), r.width as usize - 2),
                        style,
                    ))
                })
                .collect();
            let block = Block::default()
                .borders(Borders::ALL)
                .title(format!(" {title} "));
            frame.render_widget(Paragraph::new(lines).block(block), r);
        }
        Popup::Choose {
            title,
            options,
            filter,
            selected,
            ..
        } => {
            let mut lines = vec![Line::from(Span::styled("filter: ", theme::dim()))];
            let items: Vec<String> = popup
                .choices()
                .into_iter()
                .map(|choice| match choice {
                    Some(i) => {
                        let (code, label) = &options[i];
                        if code.is_empty() || code == label {
                            label.clone()
                        } else {
                            format!("{label}  ({code})")
                        }
                    }
                    None => format!("+ add \"{}\"", filter.text().trim()),
                })
                .collect();
            let h = (items.len() as u16 + 3)
                .min(area.height.saturating_sub(2))
                .max(4);
            let r = centered(area, 48, h);
            let visible = (r.height as usize).saturating_sub(3).max(1);
            let skip = (selected + 1).saturating_sub(visible);
            for (i, it) in items.iter().enumerate().skip(skip).take(visible) {
                let mark = theme::mark(i == *selected);
                let style = theme::highlight(i == *selected);
                lines.push(Line::from(Span::styled(
                    fit(&format!("{mark}{it}"), r.width as usize - 2),
                    style,
                )));
            }
            frame.render_widget(Clear, r);
            let block = Block::default()
                .borders(Borders::ALL)
                .title(format!(" {title} "));
            frame.render_widget(Paragraph::new(lines).block(block), r);
            input_line(filter, frame, r, 8);
        }
        Popup::Text {
            title, area: ta, ..
        } => {
            let r = centered(
                area,
                area.width.saturating_sub(6).max(20),
                area.height.saturating_sub(4).max(5),
            );
            frame.render_widget(Clear, r);
            let block = Block::default()
                .borders(Borders::ALL)
                .title(format!(" {title} — {} ", hint_text(Mode::TextBox)));
            let inner = block.inner(r);
            frame.render_widget(block, r);
            frame.render_widget(ta.as_ref(), inner);
        }
        Popup::Note {
            title,
            detail,
            area: ta,
            ..
        } => super::trail::draw_note(title, detail, ta, frame, area),
        Popup::Diff {
            title,
            lines,
            scroll,
        } => super::trail::draw_diff(title, lines, *scroll, frame, area),
    }
}

/// The text input on the first line inside a popup's border, after a `prefix`-wide label.
fn input_line(input: &crate::app::input::Input, frame: &mut Frame, r: Rect, prefix: u16) {
    let inner = Rect::new(
        r.x + 1,
        r.y + 1,
        r.width.saturating_sub(2),
        r.height.min(3) / 3,
    );
    let at = Rect::new(
        inner.x + prefix.min(inner.width),
        inner.y,
        inner.width.saturating_sub(prefix),
        inner.height,
    );
    super::input::draw(input, frame, at, ratatui::style::Style::default());
}

/// "Esc done · C-S save": the exact-key hints of a mode, for a popup's title.
fn hint_text(mode: Mode) -> String {
    bindings_for(mode)
        .filter(|b| b.hint && b.keys[0].is_exact())
        .map(|b| format!("{} {}", b.keys[0].label(), b.label))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn message(frame: &mut Frame, area: Rect, title: &str, text: &str) {
    let widest = text.lines().map(width).max().unwrap_or(0);
    let max_w = area.width.saturating_sub(2).max(1);
    let w = (u16::try_from(widest + 4).unwrap_or(u16::MAX))
        .max(40)
        .min(max_w);
    let inner_w = w.saturating_sub(2).max(1) as usize;
    let rows = wrapped_rows(text, inner_w);
    let r = centered(area, w, u16::try_from(rows + 2).unwrap_or(u16::MAX).max(5));
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title.to_string());
    frame.render_widget(
        Paragraph::new(text.to_string())
            .wrap(Wrap { trim: false })
            .block(block),
        r,
    );
}
