//! The one form engine: focus, in-place text editing and per-field errors for any slice of
//! `FieldSpec`s (the core tabs, the one-row lists and every list's row form).

use crate::catalog::validate::{format_value, parse_input};
use crate::catalog::{FieldSpec, Kind, Lookups};
use crate::model::Value;

/// Editing state of one form. `raw` keeps what the user typed while it is being edited or is
/// invalid, so nothing typed is lost; `values` (owned by the persona) hold the last valid value.
#[derive(Clone, Debug, Default)]
pub struct FormState {
    /// Focused field index into the spec's fields.
    pub focus: usize,
    pub raw: Vec<Option<String>>,
    pub errors: Vec<Option<String>>,
    /// Cursor (in chars) while a single-line field is being typed into.
    pub cursor: Option<usize>,
}

impl FormState {
    pub fn new(len: usize) -> FormState {
        FormState {
            focus: 0,
            raw: vec![None; len],
            errors: vec![None; len],
            cursor: None,
        }
    }

    pub fn editing(&self) -> bool {
        self.cursor.is_some()
    }

    pub fn has_errors(&self) -> bool {
        self.errors.iter().any(Option::is_some)
    }

    pub fn first_error(&self) -> Option<(usize, &str)> {
        self.errors
            .iter()
            .enumerate()
            .find_map(|(i, e)| e.as_deref().map(|e| (i, e)))
    }

    /// What a field shows: the typed text if any, else its formatted value.
    pub fn text(&self, fields: &[FieldSpec], values: &[Value], i: usize) -> String {
        match self.raw.get(i).and_then(|r| r.clone()) {
            Some(t) => t,
            None => values
                .get(i)
                .map_or(String::new(), |v| format_value(&fields[i], v)),
        }
    }

    /// Starts typing into field `i` (single-line kinds only), cursor at the end.
    pub fn begin_edit(&mut self, fields: &[FieldSpec], values: &[Value], i: usize) {
        let t = self.text(fields, values, i);
        self.cursor = Some(t.chars().count());
        self.raw[i] = Some(t);
        self.focus = i;
    }

    /// Stops typing; a valid value drops its raw text, an invalid one keeps it with its error.
    pub fn end_edit(&mut self) {
        self.cursor = None;
        let i = self.focus;
        if self.errors.get(i).is_some_and(Option::is_none) {
            self.raw[i] = None;
        }
    }

    /// Sets the typed text of field `i` and re-parses it, updating the value when valid.
    pub fn set_text(
        &mut self,
        fields: &[FieldSpec],
        values: &mut [Value],
        lookups: &Lookups,
        i: usize,
        text: String,
    ) {
        match parse_input(&fields[i], &text, lookups) {
            Ok(v) => {
                values[i] = v;
                self.errors[i] = None;
            }
            Err(e) => self.errors[i] = Some(e),
        }
        self.raw[i] = Some(text);
        if self.cursor.is_none() && self.errors[i].is_none() {
            self.raw[i] = None;
        }
    }

    /// Sets a value chosen from a menu or computed by a rule.
    pub fn set_value(&mut self, values: &mut [Value], i: usize, v: Value) {
        values[i] = v;
        self.raw[i] = None;
        self.errors[i] = None;
    }

    /// Applies a key while typing; returns false when the key is not a text-editing key.
    pub fn edit_key(
        &mut self,
        fields: &[FieldSpec],
        values: &mut [Value],
        lookups: &Lookups,
        key: &crossterm::event::KeyEvent,
    ) -> bool {
        use crossterm::event::{KeyCode, KeyModifiers};
        let i = self.focus;
        let Some(cur) = self.cursor else { return false };
        let mut chars: Vec<char> = self.raw[i].clone().unwrap_or_default().chars().collect();
        let cur = cur.min(chars.len());
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let new_cur = match key.code {
            KeyCode::Char('u') if ctrl => {
                chars.clear();
                0
            }
            KeyCode::Char('a') if ctrl => 0,
            KeyCode::Char('e') if ctrl => chars.len(),
            KeyCode::Char('w') if ctrl => {
                let mut start = cur;
                while start > 0 && chars[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && chars[start - 1] != ' ' {
                    start -= 1;
                }
                chars.drain(start..cur);
                start
            }
            KeyCode::Char(c) if !ctrl => {
                chars.insert(cur, c);
                cur + 1
            }
            KeyCode::Backspace if cur > 0 => {
                chars.remove(cur - 1);
                cur - 1
            }
            KeyCode::Backspace => cur,
            KeyCode::Delete if cur < chars.len() => {
                chars.remove(cur);
                cur
            }
            KeyCode::Delete => cur,
            KeyCode::Left => cur.saturating_sub(1),
            KeyCode::Right => (cur + 1).min(chars.len()),
            KeyCode::Home => 0,
            KeyCode::End => chars.len(),
            _ => return false,
        };
        self.cursor = Some(new_cur);
        let text: String = chars.into_iter().collect();
        if Some(&text) != self.raw[i].as_ref() {
            self.set_text(fields, values, lookups, i, text);
        }
        true
    }
}

/// How Enter edits a field of this kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditStyle {
    Inline,
    Menu,
    Toggle,
    TextArea,
    ReadOnly,
}

pub fn edit_style(kind: Kind) -> EditStyle {
    match kind {
        Kind::Text
        | Kind::Int { .. }
        | Kind::Decimal { .. }
        | Kind::Date
        | Kind::Time
        | Kind::Slug => EditStyle::Inline,
        Kind::Choice(_) | Kind::Lookup(_) | Kind::Org(_) => EditStyle::Menu,
        Kind::Bool => EditStyle::Toggle,
        Kind::LongText => EditStyle::TextArea,
        Kind::Computed => EditStyle::ReadOnly,
    }
}

/// unset → yes → no → unset.
pub fn cycle_bool(v: &Value) -> Value {
    match v {
        Value::Bool(true) => Value::Bool(false),
        Value::Bool(false) => Value::Null,
        _ => Value::Bool(true),
    }
}
