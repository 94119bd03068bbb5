//! Table column widths that fit the room: each column as wide as its widest cell (by display
//! width, so wide characters count double), fixed columns never wider than their cap, and the
//! spare room (or the shortage) shared among the fill columns by their weights.

use crate::catalog::Width;

/// The narrowest a fill column is squeezed to before the others give way.
const MIN_FILL: u16 = 6;

/// Widths for columns of `kinds` whose widest cells (header included) are `natural`, in
/// `room` cells with `spacing` between columns.
pub fn fit(kinds: &[Width], natural: &[u16], room: u16, spacing: u16) -> Vec<u16> {
    let gaps = spacing.saturating_mul(kinds.len().saturating_sub(1) as u16);
    let mut widths: Vec<u16> = kinds
        .iter()
        .zip(natural)
        .map(|(k, &n)| match k {
            Width::Fixed(cap) => n.min(*cap),
            Width::Fill(_) => n,
        })
        .collect();
    let fixed: u16 = kinds
        .iter()
        .zip(&widths)
        .filter(|(k, _)| matches!(k, Width::Fixed(_)))
        .map(|(_, w)| *w)
        .sum();
    let fill_room = room.saturating_sub(gaps).saturating_sub(fixed);
    let fills: Vec<usize> = (0..kinds.len())
        .filter(|&i| matches!(kinds[i], Width::Fill(_)))
        .collect();
    let weight = |i: usize| match kinds[i] {
        Width::Fill(w) => u32::from(w.max(1)),
        Width::Fixed(_) => 0,
    };
    let wanted: u16 = fills.iter().map(|&i| widths[i]).sum();
    if wanted <= fill_room {
        // Everything fits: the spare room goes to the fill columns by weight.
        share(&mut widths, &fills, fill_room - wanted, weight);
        return widths;
    }
    // Too narrow: columns that want less than an even share keep their width; the others
    // split what is left by weight, down to MIN_FILL each.
    let mut open: Vec<usize> = fills.clone();
    let mut left = fill_room;
    loop {
        let total_weight: u32 = open.iter().map(|&i| weight(i)).sum();
        if total_weight == 0 {
            break;
        }
        let small: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&i| u32::from(widths[i]) * total_weight <= u32::from(left) * weight(i))
            .collect();
        if small.is_empty() {
            for &i in &open {
                let w = (u32::from(left) * weight(i) / total_weight) as u16;
                widths[i] = w.max(MIN_FILL.min(widths[i]));
            }
            let used: u16 = open.iter().map(|&i| widths[i]).sum();
            let rest = left.saturating_sub(used);
            share(&mut widths, &open, rest, weight);
            break;
        }
        for i in small {
            left = left.saturating_sub(widths[i]);
            open.retain(|&o| o != i);
        }
    }
    widths
}

/// Adds `extra` cells to the columns `to`, by weight (the remainder to the first ones).
fn share(widths: &mut [u16], to: &[usize], extra: u16, weight: impl Fn(usize) -> u32) {
    let total: u32 = to.iter().map(|&i| weight(i)).sum();
    if total == 0 || extra == 0 {
        return;
    }
    let mut given = 0;
    for &i in to {
        let add = (u32::from(extra) * weight(i) / total) as u16;
        widths[i] += add;
        given += add;
    }
    for &i in to.iter().take(usize::from(extra - given)) {
        widths[i] += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Width::{Fill, Fixed};

    #[test]
    fn spare_room_goes_to_the_fill_columns() {
        let w = fit(&[Fill(3), Fixed(12), Fill(2)], &[10, 9, 8], 60, 1);
        assert_eq!(w[1], 9, "a fixed column is as wide as its widest cell");
        assert_eq!(w.iter().sum::<u16>() + 2, 60, "{w:?}");
        assert!(w[0] > 10 && w[2] > 8, "{w:?}");
    }

    #[test]
    fn short_fill_columns_keep_their_width_when_squeezed() {
        // Name wants 40, function 15: at 50 cells function keeps 15 and name takes the rest.
        let w = fit(&[Fill(3), Fill(2)], &[40, 15], 50, 1);
        assert_eq!(w, vec![34, 15]);
    }

    #[test]
    fn too_narrow_splits_by_weight_and_never_overflows() {
        let w = fit(&[Fill(3), Fixed(10), Fill(1)], &[60, 10, 60], 40, 1);
        assert_eq!(w[1], 10);
        assert!(w.iter().sum::<u16>() + 2 <= 40, "{w:?}");
        assert!(w[0] > w[2], "{w:?}");
    }
}
