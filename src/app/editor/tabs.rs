//! Jumping straight to any of the editor's 28 tabs: number keys for the first ten, `t` and a
//! letter for all of them (through the tab overview, which shows each tab's letter and how
//! much of it is filled in), and "go to tab" in the palette.

use crossterm::event::{KeyCode, KeyEvent};

use super::{Editor, Tab, tab, tab_count};
use crate::app::App;
use crate::app::popup::Popup;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality};

/// The letter that picks tab `i` in the overview: a-z for the first 26, then A, B, ...
/// In tab order, so a tab's letter can be worked out from the tab bar.
pub fn tab_letter(i: usize) -> char {
    const LOWER: usize = 26;
    let i = u8::try_from(i).unwrap_or(u8::MAX);
    if usize::from(i) < LOWER {
        char::from(b'a' + i)
    } else {
        char::from(b'A' + (i - LOWER as u8).min(25))
    }
}

/// The tab a letter picks, if any.
pub fn tab_of_letter(c: char) -> Option<usize> {
    (0..tab_count()).find(|&i| tab_letter(i) == c)
}

/// The tab a number key picks: 1-9 the first nine, 0 the tenth.
pub fn tab_of_digit(c: char) -> Option<usize> {
    match c.to_digit(10)? {
        0 => Some(9),
        d => Some(d as usize - 1),
    }
}

/// How much of a tab is filled in, as the overview says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// Fields with a value, of the fields that can be edited (a core section, a one-row list).
    Fields { filled: usize, of: usize },
    /// Rows of a many-row list.
    Rows(usize),
    /// Entries in the status history.
    Entries(usize),
}

impl Fill {
    pub fn text(self) -> String {
        match self {
            Fill::Fields { filled, of } => format!("{filled}/{of} fields"),
            Fill::Rows(1) => "1 row".into(),
            Fill::Rows(n) => format!("{n} rows"),
            Fill::Entries(1) => "1 entry".into(),
            Fill::Entries(n) => format!("{n} entries"),
        }
    }

    /// Nothing filled in yet.
    pub fn is_empty(self) -> bool {
        matches!(
            self,
            Fill::Fields { filled: 0, .. } | Fill::Rows(0) | Fill::Entries(0)
        )
    }
}

impl Editor {
    /// How much of tab `i` the draft fills in.
    pub fn fill(&self, i: usize) -> Fill {
        match tab(i) {
            Tab::Core(s) => {
                let (mut filled, mut of) = (0, 0);
                for (f, v) in CORE_FIELDS.iter().zip(&self.draft.core) {
                    if f.section == s && f.is_writable() {
                        of += 1;
                        filled += usize::from(!v.is_blank());
                    }
                }
                Fill::Fields { filled, of }
            }
            Tab::List(li) => {
                let spec = &CHILD_SPECS[li];
                let rows = &self.draft.lists[li];
                match spec.cardinality {
                    Cardinality::Many => Fill::Rows(rows.len()),
                    Cardinality::One => {
                        let writable = spec
                            .fields
                            .iter()
                            .enumerate()
                            .filter(|(_, f)| f.is_writable());
                        let of = writable.clone().count();
                        let filled = rows.first().map_or(0, |r| {
                            writable.filter(|(k, _)| !r.values[*k].is_blank()).count()
                        });
                        Fill::Fields { filled, of }
                    }
                }
            }
            Tab::History => Fill::Entries(self.original.history.len()),
        }
    }

    /// The tab's name alone: the section or list title, or "History".
    pub fn tab_name(i: usize) -> &'static str {
        match tab(i) {
            Tab::Core(s) => crate::catalog::SECTIONS[s],
            Tab::List(li) => CHILD_SPECS[li].title,
            Tab::History => "History",
        }
    }

    /// Shows tab `i`: the editor's place on it is kept as it was left.
    pub fn go_to_tab(&mut self, i: usize) {
        if i < tab_count() && self.row_open.is_none() {
            self.tab = i;
        }
    }
}

impl App {
    /// A number key on an editor tab: straight to that tab.
    pub(in crate::app) fn tab_by_number(&mut self, key: &KeyEvent) {
        if let (KeyCode::Char(c), Some(ed)) = (key.code, self.editor.as_mut())
            && let Some(i) = tab_of_digit(c)
        {
            ed.go_to_tab(i);
        }
    }

    /// The tab overview: every tab with its letter and fill, the current one selected.
    pub(in crate::app) fn open_tab_overview(&mut self) {
        if let Some(ed) = &self.editor {
            self.popups.push(Popup::Tabs { selected: ed.tab });
        }
    }

    /// The overview's answer: go to the tab chosen by Enter or by its letter.
    pub(in crate::app) fn tab_chosen(&mut self, i: usize) {
        if let Some(ed) = self.editor.as_mut() {
            ed.go_to_tab(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tab_has_its_own_letter_and_the_first_ten_a_number() {
        let letters: Vec<char> = (0..tab_count()).map(tab_letter).collect();
        for (i, c) in letters.iter().enumerate() {
            assert!(c.is_ascii_alphabetic());
            assert_eq!(tab_of_letter(*c), Some(i));
            assert!(!letters[i + 1..].contains(c), "{c} twice");
        }
        assert_eq!(tab_count(), 28);
        assert_eq!(tab_letter(27), 'B');
        assert_eq!(tab_of_digit('1'), Some(0));
        assert_eq!(tab_of_digit('0'), Some(9));
        assert_eq!(tab_of_digit('x'), None);
    }
}
