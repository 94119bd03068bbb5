//! What the local file keeps for the team library (`schema/006_sync.sql`), as a backend
//! offers it to the sync: the link to a remote, per-persona bases, conflicts, content hashes,
//! and a lossless write of a persona that came from the remote.
//!
//! A separate trait from `Backend` because only a local file syncs: the PostgreSQL side is the
//! remote itself. `Backend::sync_state` returns it where a backend has one.

use std::collections::HashMap;

use super::backend::Scope;
use super::error::Result;
use crate::model::Persona;

/// The remote a tenant is linked to. The URL never holds a password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub remote_tenant_id: Option<String>,
}

/// A base as recorded: the two hashes and the snapshot (JSON with every id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseRecord {
    pub local_hash: String,
    pub remote_hash: String,
    pub snapshot: String,
}

/// What the browser marks on a persona of a linked tenant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SyncMark {
    /// Changed here since the last sync agreed (or never synced): the next sync pushes it.
    pub unpushed: bool,
    /// In conflict with the team library: resolve it on the sync screen.
    pub conflict: bool,
}

pub trait SyncState {
    fn link(&self, s: &Scope<'_>) -> Result<Option<Link>>;
    /// Links the tenant to a remote; a different URL or remote tenant than before drops the
    /// bases and conflicts of the old link (they describe another library). One transaction.
    fn set_link(&mut self, s: &Scope<'_>, link: &Link) -> Result<()>;

    /// (slug, content hash) of every persona of the tenant, the trash included, computed in
    /// the database without loading personas.
    fn content_hashes(&self, s: &Scope<'_>) -> Result<HashMap<String, (String, String)>>;
    fn bases(&self, s: &Scope<'_>) -> Result<HashMap<String, BaseRecord>>;
    /// Personas by id in the sync's view: `validated_by` holds the user's name, since user
    /// ids are made on each machine.
    fn load_synced(&self, s: &Scope<'_>, ids: &[String]) -> Result<Vec<Persona>>;
    /// Records a base for a persona as the file holds it now (its local hash is computed here,
    /// after the write it follows).
    fn set_base(
        &mut self,
        s: &Scope<'_>,
        id: &str,
        snapshot: &str,
        remote_hash: &str,
    ) -> Result<()>;
    /// `set_base` for many personas (id, snapshot, remote hash) in one transaction: a push of
    /// thousands commits the file once a batch rather than once a persona.
    /// The default, one by one, is for backends that have nothing better.
    fn set_bases(&mut self, s: &Scope<'_>, items: &[(String, String, String)]) -> Result<()> {
        items
            .iter()
            .try_for_each(|(id, snapshot, hash)| self.set_base(s, id, snapshot, hash))
    }
    /// Writes a persona exactly as given (ids, status, history, trash stamp) in place of the
    /// file's version, records the base and clears its conflict: one transaction. With
    /// `local_is_base` false the written persona is ahead of the base (a merge still to be
    /// pushed), so the base's local hash is left blank and the next sync sends it.
    fn save_synced(
        &mut self,
        s: &Scope<'_>,
        p: &Persona,
        snapshot: &str,
        remote_hash: &str,
        local_is_base: bool,
    ) -> Result<()>;

    /// `save_synced` for many personas (a pull) in one transaction: the bulk writer builds the
    /// file's indexes once for all of them instead of once each. Items are (persona, snapshot,
    /// remote hash); each written persona is its own base.
    fn save_pulled(&mut self, s: &Scope<'_>, items: &[(Persona, String, String)]) -> Result<()>;

    /// Their version of each persona in conflict (JSON snapshot), by persona id.
    fn conflicts(&self, s: &Scope<'_>) -> Result<HashMap<String, String>>;
    fn set_conflict(&mut self, s: &Scope<'_>, id: &str, theirs: Option<&str>) -> Result<()>;
    /// User ids by name, for the history the remote is sent.
    fn user_ids(&self) -> Result<HashMap<String, String>>;

    /// The marks of the personas `ids` (a browser page), in one query; empty when the tenant
    /// has no remote (nothing is "unpushed" without a team library). Personas with no mark are
    /// left out.
    fn marks(&self, s: &Scope<'_>, ids: &[String]) -> Result<HashMap<String, SyncMark>>;

    /// The base of one persona (`bases` reads every snapshot of the tenant: too much for one).
    fn base_of(&self, s: &Scope<'_>, id: &str) -> Result<Option<BaseRecord>>;
    /// Their version of one persona in conflict, if it is in conflict.
    fn conflict_of(&self, s: &Scope<'_>, id: &str) -> Result<Option<String>>;
}
