//! Draws the top popup.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::{centered, fit, help_lines, theme};
use crate::app::App;
use crate::app::keymap::bindings_for;
use crate::app::popup::Popup;

pub fn draw(_app: &App, popup: &Popup, frame: &mut Frame, area: Rect) {
    match popup {
        Popup::Help { ctx, scroll } => {
            let lines = help_lines(*ctx);
            let r = centered(area, 60, lines.len() as u16 + 2);
            frame.render_widget(Clear, r);
            let block = Block::default()
                .borders(Borders::ALL)
                .title(" Keys — j/k scroll · any other key closes ");
            frame.render_widget(Paragraph::new(lines).block(block).scroll((*scroll, 0)), r);
        }
        Popup::Palette {
            ctx,
            filter,
            selected,
        } => {
            let actions = crate::app::palette_matches(*ctx, filter);
            let mut lines = vec![Line::from(vec![
                Span::styled(": ", theme::key()),
                Span::raw(filter.clone()),
                Span::styled("▏", theme::key()),
            ])];
            for (i, a) in actions.iter().enumerate() {
                let Some(b) = bindings_for(*ctx).find(|b| b.action == *a) else {
                    continue;
                };
                let mark = theme::mark(i == *selected);
                let style = theme::highlight(i == *selected);
                lines.push(Line::from(vec![
                    Span::styled(format!("{mark}{:<28}", b.label), style),
                    Span::styled(crate::app::keymap::keys_label(b), theme::key()),
                ]));
            }
            let r = centered(area, 50, (lines.len() as u16 + 2).min(area.height));
            frame.render_widget(Clear, r);
            let block = Block::default().borders(Borders::ALL).title(" Commands ");
            let skip = selected.saturating_sub(r.height.saturating_sub(4) as usize);
            let header = lines.remove(0);
            let lines: Vec<Line> = std::iter::once(header)
                .chain(lines.into_iter().skip(skip))
                .collect();
            frame.render_widget(Paragraph::new(lines).block(block), r);
        }
        Popup::Confirm { question, .. } => message(
            frame,
            area,
            " Confirm ",
            &format!("{question}\n\n[y] yes   [n] no"),
        ),
        Popup::SaveChanges { .. } => message(
            frame,
            area,
            " Save changes? ",
            "You have unsaved changes.\n\n[s] save   [d] discard   [c] cancel",
        ),
        Popup::Conflict => message(
            frame,
            area,
            " Changed elsewhere ",
            "This persona was changed by someone else since you opened it. Your edits are still here.\n\n\
             [r] reload theirs (drops your edits)   [o] overwrite with yours   [c] cancel",
        ),
        Popup::Message { title, text } => message(frame, area, title, text),
        Popup::Recover { items, selected } => {
            let mut lines = vec![
                Line::from("Unsaved edits were kept when Persona Studio was closed:"),
                Line::from(""),
            ];
            for (i, (_, r)) in items.iter().enumerate() {
                let mark = theme::mark(i == *selected);
                let name = if r.name.is_empty() {
                    "(new persona)"
                } else {
                    r.name.as_str()
                };
                lines.push(Line::from(Span::styled(
                    format!("{mark}{name}"),
                    theme::highlight(i == *selected),
                )));
            }
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                "[r] restore   [d] discard   [Esc] later",
                theme::key(),
            )));
            let r = centered(area, 64, lines.len() as u16 + 2);
            frame.render_widget(Clear, r);
            let block = Block::default()
                .borders(Borders::ALL)
                .title(" Recover unsaved edits? ");
            frame.render_widget(Paragraph::new(lines).block(block), r);
        }
        Popup::Prompt { title, text, .. } => {
            let r = centered(area, 64, 5);
            frame.render_widget(Clear, r);
            let block = Block::default()
                .borders(Borders::ALL)
                .title(format!(" {title} "));
            let lines = vec![
                Line::from(vec![
                    Span::raw(text.clone()),
                    Span::styled("▏", theme::key()),
                ]),
                Line::from(Span::styled("Enter confirm · Esc cancel", theme::dim())),
            ];
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .block(block),
                r,
            );
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
            allow_new,
            ..
        } => {
            let matching = Popup::matching(options, filter);
            let mut lines = vec![Line::from(vec![
                Span::styled("filter: ", theme::dim()),
                Span::raw(filter.clone()),
                Span::styled("▏", theme::key()),
            ])];
            let mut items: Vec<String> = matching
                .iter()
                .map(|&i| {
                    let (code, label) = &options[i];
                    if code.is_empty() || code == label {
                        label.clone()
                    } else {
                        format!("{label}  ({code})")
                    }
                })
                .collect();
            if *allow_new
                && !filter.trim().is_empty()
                && !options
                    .iter()
                    .any(|(c, _)| c.eq_ignore_ascii_case(filter.trim()))
            {
                items.push(format!("+ add \"{}\"", filter.trim()));
            }
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
                .title(format!(" {title} — Esc done · C-S save "));
            let inner = block.inner(r);
            frame.render_widget(block, r);
            frame.render_widget(ta.as_ref(), inner);
        }
    }
}

fn message(frame: &mut Frame, area: Rect, title: &str, text: &str) {
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0) as u16;
    let max_w = area.width.saturating_sub(2).max(1);
    let w = (widest + 4).max(40).min(max_w);
    let inner_w = w.saturating_sub(2).max(1) as usize;
    let rows: usize = text
        .lines()
        .map(|l| l.chars().count().div_ceil(inner_w).max(1))
        .sum();
    let r = centered(area, w, (rows as u16 + 2).max(5));
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
