//! The persona table with its header, filter chips and scroll position, and the preview of
//! the selected persona beside it on a wide terminal (or on `p`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::{browser_preview, columns, fit, theme};
use crate::app::App;
use crate::app::browser::Browser;
use crate::catalog::labels;
use crate::catalog::{BrowserColumn, CellKind, Width};
use crate::model::escape::terminal_line;
use crate::store::SearchHit;
use crate::store::query::{MATCH_END, MATCH_START};

/// Columns that give way on a narrow table after the `wide_only` ones, first to last.
const LAST_TO_GO: &[&str] = &["function_name", "archetype"];

/// The preview pane's width beside the table.
const PREVIEW_WIDTH: u16 = 38;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let b = &app.browser;
    let [title, chips, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    let what = if b.filter.deleted {
        "Trash"
    } else {
        "Personas"
    };
    let dir = if b.descending { "↓" } else { "↑" };
    let busy = if b.pending.is_some() {
        " · searching…"
    } else {
        ""
    };
    let head = format!(
        " Persona Studio · {what} · tenant {} · {} shown · sort {} {dir}{busy}",
        app.store.tenant().key,
        b.total,
        b.sort.label()
    );
    frame.render_widget(
        Paragraph::new(fit(&head, area.width as usize)).style(theme::title()),
        title,
    );
    draw_chips(b, frame, chips);

    let (table, preview) = if b.preview_shown() && body.width >= 40 {
        let pw = if b.wide {
            PREVIEW_WIDTH
        } else {
            PREVIEW_WIDTH.min(body.width / 2)
        };
        let [t, p] = Layout::horizontal([Constraint::Min(20), Constraint::Length(pw)]).areas(body);
        (t, Some(p))
    } else {
        (body, None)
    };
    draw_table(app, frame, table);
    if let Some(p) = preview {
        browser_preview::draw(app, frame, p);
    }
}

fn draw_chips(b: &Browser, frame: &mut Frame, chips: Rect) {
    let mut spans = vec![Span::styled(" Filters: ", theme::dim())];
    let mut chip_list: Vec<String> = b
        .chips()
        .iter()
        .map(|c| terminal_line(c).into_owned())
        .collect();
    // While typing, the search chip shows the input, scrolled so its cursor shows.
    let mut cursor = None;
    if b.searching && !chip_list.is_empty() {
        let room = usize::from(chips.width.saturating_sub(14)).clamp(1, 40);
        let (shown, col) = b.search.view(room);
        chip_list[0] = format!("/{}", terminal_line(&shown));
        cursor = Some(chips.x + 12 + col as u16);
    }
    if chip_list.is_empty() {
        spans.push(Span::styled(
            "none  (/ search · a s f t filter · o sort · p preview)",
            theme::dim(),
        ));
    }
    for c in chip_list {
        spans.push(Span::styled(format!(" {c} "), theme::chip()));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), chips);
    if let Some(x) = cursor.filter(|&x| x < chips.right() && chips.height > 0) {
        frame.set_cursor_position((x, chips.y));
    }
}

/// A column of the table: one of the catalog's, or where the search matched.
enum Col {
    Summary(&'static BrowserColumn),
    Matched,
}

impl Col {
    fn title(&self) -> &'static str {
        match self {
            Col::Summary(c) => c.title,
            Col::Matched => "Matched in",
        }
    }

    fn width(&self) -> Width {
        match self {
            Col::Summary(c) => c.width,
            Col::Matched => Width::Fill(6),
        }
    }
}

fn draw_table(app: &App, frame: &mut Frame, area: Rect) {
    let b = &app.browser;
    let searching = !b.filter.text.trim().is_empty();
    let mut cols: Vec<Col> = Vec::new();
    for (i, c) in crate::catalog::browser_columns(true).enumerate() {
        cols.push(Col::Summary(c));
        if i == 0 && searching {
            cols.push(Col::Matched);
        }
    }
    let vp = crate::app::browser_viewport(app.size.1);
    let lines: Vec<(usize, Vec<Line<'static>>)> = (b.top..(b.top + vp).min(b.total))
        .filter_map(|abs| {
            b.rows
                .get(abs.checked_sub(b.window_start)?)
                .map(|s| (abs, s))
        })
        .map(|(abs, s)| {
            // The summary as named fields, so each column is read by the name the catalog
            // gives it.
            let fields = serde_json::to_value(s).unwrap_or_default();
            let cells = cols
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let line = match c {
                        Col::Summary(c) => {
                            let raw = match &fields[c.column] {
                                serde_json::Value::String(t) => t.clone(),
                                serde_json::Value::Null => String::new(),
                                other => other.to_string(),
                            };
                            cell(c.kind, c.column, &raw, app.store.lookups())
                        }
                        Col::Matched => b.hits.get(&s.id).map(matched).unwrap_or_default(),
                    };
                    if i == 0 {
                        // The focus mark, so the selection shows without colour too.
                        let mut spans = vec![Span::raw(theme::mark(abs == b.selected))];
                        if !b.marks.is_empty() {
                            spans.push(sync_mark(b.marks.get(&s.id)));
                        }
                        spans.extend(line.spans);
                        Line::from(spans)
                    } else {
                        line
                    }
                })
                .collect();
            (abs, cells)
        })
        .collect();
    let natural: Vec<u16> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let head = Line::from(c.title()).width();
            let widest = lines.iter().map(|(_, l)| l[i].width()).max().unwrap_or(0);
            head.max(widest).min(usize::from(u16::MAX)) as u16
        })
        .collect();
    let room = area.width.saturating_sub(2);
    let shown = shown_columns(&cols, &natural, room);
    let kinds: Vec<Width> = shown.iter().map(|&i| cols[i].width()).collect();
    let natural: Vec<u16> = shown.iter().map(|&i| natural[i]).collect();
    let widths = columns::fit(&kinds, &natural, room, 1);
    let header = Row::new(shown.iter().map(|&i| Cell::from(cols[i].title()))).style(theme::label());
    let rows: Vec<Row> = lines
        .into_iter()
        .map(|(abs, cells)| {
            let cells: Vec<Cell> = cells
                .into_iter()
                .enumerate()
                .filter(|(i, _)| shown.contains(i))
                .map(|(_, l)| Cell::from(l))
                .collect();
            let row = Row::new(cells);
            if abs == b.selected {
                row.style(theme::selected())
            } else {
                row.style(Style::new())
            }
        })
        .collect();
    let pos = if b.total == 0 {
        "0/0".to_string()
    } else {
        format!("{}/{}", b.selected + 1, b.total)
    };
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {pos}{} ", empty_note(b)));
    if !b.marks.is_empty() {
        block = block.title_bottom(Line::from(format!(" {} ", theme::SYNC_LEGEND)).right_aligned());
    }
    let t = Table::new(rows, widths.into_iter().map(Constraint::Length))
        .header(header)
        .block(block)
        .column_spacing(1);
    frame.render_widget(t, area);
}

/// The columns that fit `room` (indexes into `cols`): the catalog's `wide_only` columns give
/// way from the right (updated, seniority, then title), then function and archetype (which
/// the preview shows), until each fill column has its whole text or at least `MIN_FILL`
/// cells: dropping a column beats cutting every name.
fn shown_columns(cols: &[Col], natural: &[u16], room: u16) -> Vec<usize> {
    const MIN_FILL: u16 = 20;
    const MIN_MATCHED: u16 = 44;
    let mut shown: Vec<usize> = (0..cols.len()).collect();
    let need = |shown: &[usize]| -> u32 {
        let gaps = shown.len().saturating_sub(1) as u32;
        gaps + shown
            .iter()
            .map(|&i| {
                u32::from(match (&cols[i], cols[i].width()) {
                    (_, Width::Fixed(cap)) => natural[i].min(cap),
                    // Where it matched is what a search is read for.
                    (Col::Matched, _) => natural[i].min(MIN_MATCHED),
                    (_, Width::Fill(_)) => natural[i].min(MIN_FILL),
                })
            })
            .sum::<u32>()
    };
    while need(&shown) > u32::from(room) {
        let summary = |i: usize, f: &dyn Fn(&BrowserColumn) -> bool| matches!(cols[i], Col::Summary(c) if f(c));
        let optional = shown
            .iter()
            .rposition(|&i| summary(i, &|c| c.wide_only))
            .or_else(|| {
                LAST_TO_GO.iter().find_map(|name| {
                    shown
                        .iter()
                        .position(|&i| summary(i, &|c| c.column == *name))
                })
            });
        match optional {
            Some(p) => {
                shown.remove(p);
            }
            None => break,
        }
    }
    shown
}

/// Why the table is empty, said in its border.
fn empty_note(b: &Browser) -> &'static str {
    if b.total > 0 {
        ""
    } else if b.filter.searches_nothing() {
        " — nothing to search for: type letters or digits"
    } else if b.pending.is_some() {
        " — searching…"
    } else if b.filter.deleted {
        " — the trash is empty"
    } else if b.filter == crate::store::Filter::default() {
        " — no personas yet (n adds one, I imports)"
    } else {
        " — nothing matches (c clears filters, n adds)"
    }
}

/// Where a search matched, as "Field: …words…" with the matched words marked.
pub fn matched(hit: &SearchHit) -> Line<'static> {
    let mut spans = vec![Span::styled(format!("{}: ", hit.field), theme::dim())];
    spans.extend(snippet_spans(&hit.snippet));
    Line::from(spans)
}

/// A snippet's words, the matched ones (between the marks) emphasised; every piece escaped,
/// so stored text never reaches the terminal as a control character.
pub fn snippet_spans(snippet: &str) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, part) in snippet.split(MATCH_START).enumerate() {
        let (hit, rest) = match (i, part.split_once(MATCH_END)) {
            (0, _) | (_, None) => ("", part),
            (_, Some((h, r))) => (h, r),
        };
        if !hit.is_empty() {
            spans.push(Span::styled(terminal_line(hit).into_owned(), theme::key()));
        }
        if !rest.is_empty() {
            spans.push(Span::raw(terminal_line(rest).into_owned()));
        }
    }
    spans
}

/// One browser cell as its column's kind shows it.
fn cell(
    kind: CellKind,
    column: &str,
    raw: &str,
    lookups: &crate::catalog::Lookups,
) -> Line<'static> {
    let raw = &*terminal_line(raw);
    let span = match kind {
        CellKind::Text => Span::raw(raw.to_string()),
        CellKind::Code => Span::raw(labels::column(column, raw, lookups)),
        CellKind::Archetype => Span::styled(raw.to_string(), theme::archetype(raw)),
        CellKind::Status => Span::styled(labels::code(raw), theme::status(raw)),
        CellKind::Tier => Span::styled(labels::code(raw), theme::tier(raw)),
        CellKind::Timestamp => Span::raw(crate::model::minute(raw)),
    };
    Line::from(span)
}

/// The sync mark of a row on a page that has some: conflict wins over unpushed (a conflict is
/// unpushed too, and what it needs first is a decision).
fn sync_mark(mark: Option<&crate::store::sync_state::SyncMark>) -> Span<'static> {
    match mark {
        Some(m) if m.conflict => Span::styled(format!("{} ", theme::CONFLICT), theme::error()),
        Some(m) if m.unpushed => Span::styled(format!("{} ", theme::UNPUSHED), theme::warn()),
        _ => Span::raw("  "),
    }
}
