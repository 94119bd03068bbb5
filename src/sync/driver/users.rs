//! Users as a pull shows them: under this file's names.

use std::collections::HashMap;

use crate::model::Persona;

/// A persona read from the remote with its users (validator, history authors) under their
/// local names where the remote knows a local user by id under another name.
pub(super) fn local_names(mut p: Persona, renamed: &HashMap<String, String>) -> Persona {
    if renamed.is_empty() {
        return p;
    }
    if let Some(i) = crate::catalog::core_index("validated_by")
        && let Some(local) = p.core[i].as_str().and_then(|n| renamed.get(n))
    {
        p.core[i] = crate::model::Value::Text(local.clone());
    }
    for h in &mut p.history {
        if let Some(local) = h.changed_by.as_ref().and_then(|n| renamed.get(n)) {
            h.changed_by = Some(local.clone());
        }
    }
    p
}
