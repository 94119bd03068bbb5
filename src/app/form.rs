//! The one form engine: focus, in-place text editing and per-field errors for any slice of
//! `FieldSpec`s (the core tabs, the one-row lists and every list's row form).

use super::input::Input;
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
    /// The text input while a single-line field is being typed into.
    pub input: Option<Input>,
    /// The field as it was when typing began (value, typed text, error): Esc puts it back.
    pub before: Option<(Value, Option<String>, Option<String>)>,
}

impl FormState {
    pub fn new(len: usize) -> FormState {
        FormState {
            focus: 0,
            raw: vec![None; len],
            errors: vec![None; len],
            input: None,
            before: None,
        }
    }

    pub fn editing(&self) -> bool {
        self.input.is_some()
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
        let input = Input::new(&self.text(fields, values, i));
        self.before = Some((
            values.get(i).cloned().unwrap_or_default(),
            self.raw[i].clone(),
            self.errors[i].clone(),
        ));
        self.raw[i] = Some(input.text().to_string());
        self.input = Some(input);
        self.focus = i;
    }

    /// Stops typing; a valid value drops its raw text, an invalid one keeps it with its error.
    pub fn end_edit(&mut self) {
        self.input = None;
        self.before = None;
        let i = self.focus;
        if self.errors.get(i).is_some_and(Option::is_none) {
            self.raw[i] = None;
        }
    }

    /// Stops typing and puts the field back as it was before typing began (Esc).
    pub fn cancel_edit(&mut self, values: &mut [Value]) {
        self.input = None;
        let i = self.focus;
        if let Some((v, raw, err)) = self.before.take()
            && i < values.len()
        {
            values[i] = v;
            self.raw[i] = raw;
            self.errors[i] = err;
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
        if self.input.is_none() && self.errors[i].is_none() {
            self.raw[i] = None;
        }
    }

    /// Sets a value chosen from a menu or computed by a rule.
    pub fn set_value(&mut self, values: &mut [Value], i: usize, v: Value) {
        values[i] = v;
        self.raw[i] = None;
        self.errors[i] = None;
    }

    /// Applies an edit to the field being typed into (`edit` returns whether the text
    /// changed) and re-parses the text; false when no field is being typed into.
    pub fn edit(
        &mut self,
        fields: &[FieldSpec],
        values: &mut [Value],
        lookups: &Lookups,
        edit: impl FnOnce(&mut Input) -> bool,
    ) -> bool {
        let Some(input) = self.input.as_mut() else {
            return false;
        };
        if edit(input) {
            let text = input.text().to_string();
            self.set_text(fields, values, lookups, self.focus, text);
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
