//! Which hints the hint bar has room for. Help (`?`, or F1 where `?` is typed) always shows:
//! it is the way to every other key. The rest keep the keymap's order, which is their
//! priority, and a hint that does not fit is dropped rather than cut in half.

use super::width::width;
use crate::app::Mode;
use crate::app::keymap::{Action, Binding, bindings_for};

/// " key label " as the bar draws it.
fn item_width(b: &Binding) -> usize {
    width(&format!(" {} {} ", b.keys[0].label(), b.label))
}

/// The hinted bindings of `mode` that fit in `cols` columns, in keymap order, help kept.
pub fn fitting(mode: Mode, cols: usize) -> Vec<&'static Binding> {
    let prefix = if matches!(mode, Mode::Search | Mode::Typing) {
        width(" typing:")
    } else {
        0
    };
    let hinted: Vec<&'static Binding> = bindings_for(mode).filter(|b| b.hint).collect();
    let help_w: usize = hinted
        .iter()
        .filter(|b| b.action == Action::Help)
        .map(|b| item_width(b))
        .sum();
    let mut room = cols.saturating_sub(prefix + help_w);
    hinted
        .into_iter()
        .filter(|b| {
            if b.action == Action::Help {
                return true;
            }
            let w = item_width(b);
            let fits = w <= room;
            if fits {
                room -= w;
            }
            fits
        })
        .collect()
}
