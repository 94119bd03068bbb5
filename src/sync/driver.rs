//! Push, pull and sync of one local tenant with its remote tenant, persona by persona.
//!
//! For each persona the driver compares three things: the local content hash and the remote
//! content hash with the ones recorded in the base when both sides last agreed. Unchanged on
//! both sides costs nothing but the two hash lists (the remote's computed on the server).
//! Changed on one side only, that side's version is copied over; on both, the three versions
//! are merged (`merge`), and what cannot be merged is recorded as a conflict and left alone on
//! both sides until resolved.
//!
//! Each persona is written to the remote in one transaction that first locks the remote row
//! and re-checks its hash, so a push racing another member's push never overwrites it; the
//! local base moves only after that transaction has committed. A connection lost halfway
//! leaves the base where it was, and the next run sees both sides changed, merges (mine equals
//! theirs for everything it had pushed) and finishes with no duplicates.

use std::collections::{BTreeSet, HashMap};

use postgres::Client;

mod batch;
mod users;

use super::merge::{Conflict, merge};
use super::snapshot;
use crate::model::Persona;
use crate::store::postgres::RemoteError;
use crate::store::postgres::persona::{self as remote, Columns, Pushed};

/// What both sides last agreed on, for one persona: the hashes of each side then, and the
/// snapshot (read only when both sides changed). The store's record, as it keeps it.
pub use crate::store::sync_state::BaseRecord as Base;

/// The local file as the driver needs it; implemented by the store (`sync::local`). Each
/// write is one local transaction. Personas are in the sync's view: `validated_by` is a user
/// name, since user ids are made on each machine.
pub trait Local {
    /// (slug, content hash) of every persona of the tenant, the trash included.
    fn hashes(&mut self) -> Result<HashMap<String, (String, String)>, String>;
    fn load(&mut self, ids: &[String]) -> Result<Vec<Persona>, String>;
    fn bases(&mut self) -> Result<HashMap<String, Base>, String>;
    /// Writes a persona exactly as given in place of the local one and records `base` as the
    /// base with the remote's hash of it; `local_is_base` says the written persona is that base
    /// (false after a merge that is still to be pushed).
    fn save_synced(
        &mut self,
        p: &Persona,
        base: &Persona,
        remote_hash: &str,
        local_is_base: bool,
    ) -> Result<(), String>;
    /// Writes personas that came from the remote, each as its own base with the remote's hash
    /// of it, in one local transaction (a pull of thousands builds the file's indexes once).
    fn save_pulled(&mut self, items: &[(Persona, String)]) -> Result<(), String>;
    /// Records the local persona `p` (just pushed) as the base.
    fn set_base(&mut self, p: &Persona, remote_hash: &str) -> Result<(), String>;
    /// `set_base` for many personas pushed in one remote transaction, in one local one (the
    /// default, one by one, is for stores that have nothing better).
    fn set_bases(&mut self, items: &[(&Persona, String)]) -> Result<(), String> {
        items.iter().try_for_each(|(p, h)| self.set_base(p, h))
    }
    /// Keeps their version of a persona in conflict; None clears it.
    fn set_conflict(&mut self, id: &str, theirs: Option<&Persona>) -> Result<(), String>;
    /// User names to local ids, for users the remote does not know yet.
    fn user_ids(&mut self) -> Result<HashMap<String, String>, String>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Push,
    Pull,
    Both,
}

/// What happened (or, in a dry run, would happen) to one persona.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Unchanged,
    Pushed,
    Pulled,
    /// Changed on both sides and merged cleanly; written to both.
    Merged,
    /// Left alone on both sides: resolve first.
    Conflicts(Vec<Conflict>),
    /// Changed on the other side, but this run does not go that way.
    Skipped(&'static str),
    /// The remote refused it (a slug another persona has there, say); the others went on.
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// (persona id, slug, outcome), in slug order.
    pub personas: Vec<(String, String, Outcome)>,
    pub dry_run: bool,
}

impl Report {
    pub fn conflicts(&self) -> usize {
        self.personas
            .iter()
            .filter(|p| matches!(p.2, Outcome::Conflicts(_)))
            .count()
    }

    pub fn failures(&self) -> usize {
        self.personas
            .iter()
            .filter(|p| matches!(p.2, Outcome::Failed(_)))
            .count()
    }
}

/// Runs one push, pull or sync. `only` limits it to those persona ids (`push SLUG...`).
pub fn run(
    local: &mut dyn Local,
    client: &mut Client,
    tenant: &str,
    direction: Direction,
    only: Option<&BTreeSet<String>>,
    dry_run: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Report, RemoteError> {
    // Statements are prepared once a run, and a prepared statement's generic plan is made
    // when the tables are small (an empty remote at the start of a push): it then scanned
    // every list table to hash each batch, more slowly as the push filled them. Plans made
    // for each execution follow the tables' size.
    client.batch_execute("SET plan_cache_mode = force_custom_plan")?;
    // The server hashes its side while this process hashes the local file: the two take about
    // as long, and a sync with nothing changed is little else.
    let (mine_hash, bases, theirs_hash) = std::thread::scope(|scope| {
        let theirs = scope.spawn(|| remote::hashes(client, tenant));
        let mine = local.hashes().map_err(RemoteError::Local);
        let bases = local.bases().map_err(RemoteError::Local);
        let theirs = theirs
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (mine, bases, theirs)
    });
    let (mine_hash, bases) = (mine_hash?, bases?);
    let theirs_hash: HashMap<String, (String, String)> = theirs_hash?
        .into_iter()
        .map(|(id, slug, h)| (id, (slug, h)))
        .collect();
    let users = local.user_ids().map_err(RemoteError::Local)?;
    let renamed = remote::renamed_users(client, &users)?;
    let columns = Columns::load(client)?;

    let mut ids: BTreeSet<&String> = mine_hash.keys().chain(theirs_hash.keys()).collect();
    if let Some(only) = only {
        ids.retain(|id| only.contains(*id));
    }
    let total = ids.len();
    let mut report = Vec::new();

    // Which personas need the remote's version read: read them in one go.
    let mut plan = Vec::new();
    for id in &ids {
        let m = mine_hash.get(*id);
        let b = bases.get(*id);
        let t = theirs_hash.get(*id);
        let local_changed = match (m, b) {
            (Some((_, h)), Some(b)) => *h != b.local_hash,
            (Some(_), None) => true,
            (None, _) => false,
        };
        let remote_changed = match (t, b) {
            (Some((_, h)), Some(b)) => *h != b.remote_hash,
            (Some(_), None) => true,
            (None, _) => false,
        };
        plan.push(((*id).clone(), local_changed, remote_changed));
    }
    let wanted: Vec<String> = plan
        .iter()
        .filter(|(_, _, rc)| *rc)
        .map(|(id, _, _)| id.clone())
        .collect();
    // Mine is read only where it changed (to push or merge it).
    let changed_here: Vec<String> = plan
        .iter()
        .filter(|(id, lc, _)| *lc && mine_hash.contains_key(id))
        .map(|(id, _, _)| id.clone())
        .collect();
    let mine: HashMap<String, Persona> = local
        .load(&changed_here)
        .map_err(RemoteError::Local)?
        .into_iter()
        .filter_map(|p| Some((p.id.clone()?, p)))
        .collect();
    let theirs: HashMap<String, Persona> = if wanted.is_empty() {
        HashMap::new()
    } else {
        remote::load(client, tenant, Some(&wanted))?
            .into_iter()
            .map(|p| users::local_names(p, &renamed))
            .filter_map(|p| Some((p.id.clone()?, p)))
            .collect()
    };

    let remote_hash_of = |id: &str| theirs_hash.get(id).map(|x| x.1.clone());
    let mut ctx = Ctx {
        local,
        client,
        columns: &columns,
        tenant,
        users: &users,
        renamed: &renamed,
        dry_run,
    };
    let mut pulls: Vec<(Persona, String)> = Vec::new();
    // Personas new to the remote, pushed BATCH at a time; their outcome is settled by `flush`.
    let mut queue: Vec<(usize, &Persona)> = Vec::new();
    for (n, (id, local_changed, remote_changed)) in plan.into_iter().enumerate() {
        progress(n, total);
        let m = mine.get(&id);
        let t = theirs.get(&id);
        let slug = m
            .map(|p| p.slug().to_string())
            .or_else(|| mine_hash.get(&id).map(|x| x.0.clone()))
            .or_else(|| theirs_hash.get(&id).map(|x| x.0.clone()))
            .unwrap_or_default();
        let base = |m: &Persona| base_of(&bases, m);
        let outcome = match (local_changed, remote_changed) {
            (false, false) => Outcome::Unchanged,
            (true, false) => match m {
                Some(m)
                    if direction != Direction::Pull
                        && !dry_run
                        && !theirs_hash.contains_key(&id) =>
                {
                    queue.push((report.len(), m));
                    Outcome::Pushed
                }
                Some(m) if direction != Direction::Pull => {
                    ctx.send(&base(m), m, None, remote_hash_of(&id))
                }
                Some(_) => Outcome::Skipped("changed here; push to send it"),
                None => Outcome::Unchanged,
            },
            (false, true) => match t {
                Some(t) if direction != Direction::Push => {
                    // Written together after the loop, in one local transaction.
                    if !dry_run {
                        pulls.push((t.clone(), remote_hash_of(&id).unwrap_or_default()));
                    }
                    Outcome::Pulled
                }
                Some(_) => Outcome::Skipped("changed on the remote; pull to get it"),
                None => Outcome::Unchanged,
            },
            (true, true) => match (m, t) {
                (Some(m), Some(t)) if direction == Direction::Pull => {
                    ctx.merge_here(&base(m), m, t, remote_hash_of(&id).unwrap_or_default())
                }
                (Some(m), Some(t)) => ctx.send(&base(m), m, Some(t.clone()), remote_hash_of(&id)),
                _ => Outcome::Unchanged,
            },
        };
        report.push((id, slug, outcome));
        if queue.len() >= batch::BATCH {
            ctx.flush(&mut queue, &mut report, &bases);
        }
    }
    ctx.flush(&mut queue, &mut report, &bases);
    if let Err(e) = ctx.local.save_pulled(&pulls) {
        // Nothing of the pull was written (one transaction): say so for each of them.
        for (_, _, o) in report.iter_mut() {
            if *o == Outcome::Pulled {
                *o = Outcome::Failed(format!("not written here: {e}"));
            }
        }
    }
    progress(total, total);
    report.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(Report {
        personas: report,
        dry_run,
    })
}

/// The base recorded for `m`, or the empty one when both sides never agreed on it.
fn base_of(bases: &HashMap<String, Base>, m: &Persona) -> Persona {
    m.id.as_deref()
        .and_then(|id| bases.get(id))
        .and_then(|b| serde_json::from_str(&b.snapshot).ok())
        .map(|j| snapshot::from_json(&j))
        .unwrap_or_else(|| empty_base(m.id.as_deref()))
}

/// The base of a persona both sides have but never agreed on (the same bundle imported on two
/// machines): an empty persona with its id, so equal values merge and different ones conflict.
pub(crate) fn empty_base(id: Option<&str>) -> Persona {
    let mut b = Persona::new_draft();
    b.id = id.map(str::to_string);
    b.core = vec![crate::model::Value::Null; b.core.len()];
    b
}

/// How often a push re-reads a persona that another member changed meanwhile before giving
/// up for this run (the next run starts afresh).
const ATTEMPTS: usize = 3;

/// What every persona's step needs.
struct Ctx<'a> {
    local: &'a mut dyn Local,
    client: &'a mut Client,
    columns: &'a Columns,
    tenant: &'a str,
    users: &'a HashMap<String, String>,
    /// Remote user names of local users the remote knows by id under another name.
    renamed: &'a HashMap<String, String>,
    dry_run: bool,
}

impl Ctx<'_> {
    /// Sends mine, merged with theirs when the remote changed too. The remote row is locked
    /// and its hash compared with the one this run read (`expected`, None: not there); when
    /// another member pushed in between, their version is read and merged again, so a push
    /// never replaces a version it has not seen.
    fn send(
        &mut self,
        base: &Persona,
        mine: &Persona,
        mut theirs: Option<Persona>,
        mut expected: Option<String>,
    ) -> Outcome {
        if self.dry_run {
            return if theirs.is_some() {
                match merge(base, mine, theirs.as_ref().unwrap_or(mine)) {
                    m if m.is_clean() => Outcome::Merged,
                    m => Outcome::Conflicts(m.conflicts),
                }
            } else {
                Outcome::Pushed
            };
        }
        let id = mine.id.clone().unwrap_or_default();
        for _ in 0..ATTEMPTS {
            let outgoing = match &theirs {
                None => mine.clone(),
                Some(t) => {
                    let m = merge(base, mine, t);
                    if !m.is_clean() {
                        return match self.local.set_conflict(&id, Some(t)) {
                            Ok(()) => Outcome::Conflicts(m.conflicts),
                            Err(e) => Outcome::Failed(e),
                        };
                    }
                    m.merged
                }
            };
            let pushed = remote::push(
                self.client,
                self.columns,
                self.tenant,
                &outgoing,
                self.users,
                expected.as_deref(),
            );
            match pushed {
                Ok(Pushed::Done(hash)) => {
                    let saved = if theirs.is_none() {
                        self.local.set_base(&outgoing, &hash)
                    } else {
                        self.local.save_synced(&outgoing, &outgoing, &hash, true)
                    };
                    return match (saved, theirs.is_none()) {
                        (Ok(()), true) => Outcome::Pushed,
                        (Ok(()), false) => Outcome::Merged,
                        (Err(e), _) => Outcome::Failed(format!(
                            "sent, but the local file refused the result: {e}"
                        )),
                    };
                }
                Ok(Pushed::Moved) => {
                    // Someone else's push landed first: read theirs again and merge.
                    let fresh =
                        remote::load(self.client, self.tenant, Some(std::slice::from_ref(&id)));
                    let hashes = remote::hash_of(self.client, self.tenant, &id);
                    match (fresh, hashes) {
                        (Ok(mut f), Ok(h)) => {
                            theirs = f.pop().map(|p| users::local_names(p, self.renamed));
                            expected = h;
                        }
                        (Err(e), _) | (_, Err(e)) => return Outcome::Failed(e.to_string()),
                    }
                }
                Err(e) => return Outcome::Failed(e.to_string()),
            }
        }
        Outcome::Failed(
            "changed on the remote again and again during this sync; run sync again".into(),
        )
    }

    /// A pull of a persona changed on both sides: merged here only; the merged version goes
    /// out with the next push (theirs is recorded as the base, the local side as ahead).
    fn merge_here(
        &mut self,
        base: &Persona,
        m: &Persona,
        t: &Persona,
        theirs_hash: String,
    ) -> Outcome {
        let result = merge(base, m, t);
        if !result.is_clean() {
            if !self.dry_run
                && let Err(e) = self
                    .local
                    .set_conflict(m.id.as_deref().unwrap_or(""), Some(t))
            {
                return Outcome::Failed(e);
            }
            return Outcome::Conflicts(result.conflicts);
        }
        if self.dry_run {
            return Outcome::Merged;
        }
        match self
            .local
            .save_synced(&result.merged, t, &theirs_hash, false)
        {
            Ok(()) => Outcome::Merged,
            Err(e) => Outcome::Failed(e),
        }
    }
}
