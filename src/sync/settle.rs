//! Settling a conflict in the local file: the three versions of a persona in conflict read
//! back (mine as the file holds it now, theirs as last pulled, the base), and the resolved
//! persona written in one transaction that also clears the conflict, so the next sync sends it.
//! The command line (`resolve SLUG --mine|--theirs`) and the app's side-by-side view share it.

use super::choices::{ChoiceError, resolve_each};
use super::driver::Local;
use super::merge::{Merge, Side, merge};
use super::snapshot;
use crate::model::Persona;
use crate::store::{Store, StoreError};

/// A conflict as the side-by-side view shows it: the three versions and their merge.
#[derive(Clone, Debug)]
pub struct Sides {
    pub base: Persona,
    pub mine: Persona,
    pub theirs: Persona,
    pub merge: Merge,
}

/// The base, mine and theirs of persona `id` in conflict; None when it has no conflict.
pub fn sides(store: &mut Store, id: &str) -> Result<Option<Sides>, StoreError> {
    let Some(theirs) = store.with_sync_state(|st, s| st.conflict_of(s, id))? else {
        return Ok(None);
    };
    let parse = |t: &str| -> Persona {
        serde_json::from_str(t)
            .map(|j| snapshot::from_json(&j))
            .unwrap_or_else(|_| Persona::new_draft())
    };
    let theirs = parse(&theirs);
    let base = store
        .with_sync_state(|st, s| st.base_of(s, id))?
        .map(|b| parse(&b.snapshot))
        .unwrap_or_else(|| super::driver::empty_base(Some(id)));
    let mine = Local::load(store, &[id.to_string()])
        .map_err(StoreError::Usage)?
        .pop()
        .unwrap_or_else(Persona::new_draft);
    let merge = merge(&base, &mine, &theirs);
    Ok(Some(Sides {
        base,
        mine,
        theirs,
        merge,
    }))
}

/// Settles the conflict of persona `id` with one choice per conflicting part (in the order of
/// `sides(..).merge.conflicts`). False when it has no conflict; a usage error naming what is
/// wrong when the choices do not fit (a part undecided, the persona changed since they were
/// made). One local transaction writes the persona, records the base and clears the conflict.
pub fn resolve_persona_with(
    store: &mut Store,
    id: &str,
    choices: &[Option<Side>],
) -> Result<bool, StoreError> {
    let Some(s) = sides(store, id)? else {
        return Ok(false);
    };
    let resolved = resolve_each(&s.merge, choices, &s.mine, &s.theirs)
        .map_err(|e: ChoiceError| StoreError::Usage(e.to_string()))?;
    // Written with theirs as the base and the remote side marked unknown: the next sync
    // compares the remote with it again and pushes the resolution.
    let snap = snapshot::to_json(&s.theirs).to_string();
    store.with_sync_state(|st, sc| st.save_synced(sc, &resolved, &snap, "", false))?;
    Ok(true)
}

/// Settles the conflict of persona `id` with `side` for every conflicting part (the rest
/// stays merged). False when it has none.
pub fn resolve_persona(store: &mut Store, id: &str, side: Side) -> Result<bool, StoreError> {
    let Some(s) = sides(store, id)? else {
        return Ok(false);
    };
    resolve_persona_with(store, id, &vec![Some(side); s.merge.conflicts.len()])
}
