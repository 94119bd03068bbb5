//! The push of personas new to the remote, many in one remote transaction.

use std::collections::HashMap;

use super::{Base, Ctx, Outcome, base_of};
use crate::model::Persona;
use crate::store::postgres::persona as remote;

/// How many personas new to the remote go in one remote transaction. Big enough that the
/// round trips no longer dominate, small enough that a refused batch, retried one persona at
/// a time, costs little, and a killed connection loses little work.
pub(super) const BATCH: usize = 250;

impl Ctx<'_> {
    /// Pushes the queued personas (new to the remote, as this run read it) in one remote
    /// transaction and records their bases in one local one, after the commit. A batch the
    /// remote refuses is retried one persona at a time (`send`), so only the persona at fault
    /// fails; one that someone else pushed meanwhile goes through `send` too, which merges.
    pub(super) fn flush(
        &mut self,
        queue: &mut Vec<(usize, &Persona)>,
        report: &mut [(String, String, Outcome)],
        bases: &HashMap<String, Base>,
    ) {
        if queue.is_empty() {
            return;
        }
        let personas: Vec<&Persona> = queue.iter().map(|(_, p)| *p).collect();
        let batch = remote::push_new(
            self.client,
            self.columns,
            self.tenant,
            &personas,
            self.users,
        );
        let hashes: HashMap<String, String> = match batch {
            Ok(b) => b.pushed.into_iter().collect(),
            Err(_) => HashMap::new(),
        };
        let done: Vec<(&Persona, String)> = personas
            .iter()
            .filter_map(|p| Some((*p, hashes.get(p.id.as_deref()?)?.clone())))
            .collect();
        let saved = self.local.set_bases(&done);
        for (at, p) in queue.drain(..) {
            let id = p.id.as_deref().unwrap_or_default();
            report[at].2 = match (hashes.contains_key(id), &saved) {
                (true, Ok(())) => Outcome::Pushed,
                (true, Err(e)) => {
                    Outcome::Failed(format!("sent, but the local file refused the result: {e}"))
                }
                (false, _) => self.send(&base_of(bases, p), p, None, None),
            };
        }
    }
}
