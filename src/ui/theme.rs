//! Colours and glyphs. Only the 16 ANSI colours, so every terminal shows the same thing; focus
//! is marked with a glyph as well as colour, so monochrome and snapshots show it too.

use ratatui::style::{Color, Modifier, Style};

pub const FOCUS: &str = "▶ ";
pub const NO_FOCUS: &str = "  ";
pub const DIRTY: &str = "●";
pub const WARN: &str = "⚠";
/// Browser marks of a linked tenant: changed here and not pushed yet / in conflict.
pub const UNPUSHED: &str = "↑";
pub const CONFLICT: &str = "!";
/// The legend of those marks, where the browser shows them and in its help.
pub const SYNC_LEGEND: &str = "↑ not pushed yet · ! in conflict";

/// The focus glyph of a row or field: shown in snapshots and on monochrome terminals.
pub fn mark(focused: bool) -> &'static str {
    if focused { FOCUS } else { NO_FOCUS }
}

/// The focused item's style, plain otherwise.
pub fn highlight(focused: bool) -> Style {
    if focused { focus() } else { Style::new() }
}

pub fn title() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}
pub fn chip() -> Style {
    Style::new().fg(Color::Black).bg(Color::Yellow)
}
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}
pub fn label() -> Style {
    Style::new().fg(Color::Gray)
}
pub fn focus() -> Style {
    Style::new().fg(Color::Black).bg(Color::LightCyan)
}
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}
pub fn error() -> Style {
    Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::BOLD)
}
pub fn ok() -> Style {
    Style::new().fg(Color::LightGreen)
}
pub fn warn() -> Style {
    Style::new().fg(Color::Yellow)
}
pub fn key() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}
pub fn tab_active() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::White)
        .add_modifier(Modifier::BOLD)
}

pub fn archetype(a: &str) -> Style {
    Style::new().fg(match a {
        "AUTOMATOR" => Color::LightBlue,
        "ORCHESTRATOR" => Color::LightMagenta,
        "LEARNER" => Color::LightGreen,
        "SKEPTIC" => Color::LightYellow,
        _ => Color::Gray,
    })
}

pub fn tier(t: &str) -> Style {
    Style::new().fg(match t {
        "tier_1_ideal" => Color::LightGreen,
        "tier_2_high" => Color::Green,
        "tier_3_medium" => Color::Yellow,
        _ => Color::DarkGray,
    })
}

pub fn status(s: &str) -> Style {
    Style::new().fg(match s {
        "draft" => Color::Gray,
        "pending_review" => Color::Yellow,
        "validated" => Color::LightGreen,
        "published" => Color::LightCyan,
        _ => Color::DarkGray,
    })
}
