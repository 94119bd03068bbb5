//! The local file's side of a sync: `Local` on the store, through its team-library state.

use std::collections::HashMap;

use super::driver::{Base, Local};
use super::snapshot;
use crate::model::Persona;
use crate::store::Store;

fn json(p: &Persona) -> String {
    snapshot::to_json(p).to_string()
}

impl Local for Store {
    fn hashes(&mut self) -> Result<HashMap<String, (String, String)>, String> {
        self.with_sync_state(|st, s| st.content_hashes(s))
            .map_err(|e| e.to_string())
    }

    fn load(&mut self, ids: &[String]) -> Result<Vec<Persona>, String> {
        self.with_sync_state(|st, s| st.load_synced(s, ids))
            .map_err(|e| e.to_string())
    }

    fn bases(&mut self) -> Result<HashMap<String, Base>, String> {
        self.with_sync_state(|st, s| st.bases(s))
            .map_err(|e| e.to_string())
    }

    fn save_synced(
        &mut self,
        p: &Persona,
        base: &Persona,
        remote_hash: &str,
        local_is_base: bool,
    ) -> Result<(), String> {
        let snap = json(base);
        self.with_sync_state(|st, s| st.save_synced(s, p, &snap, remote_hash, local_is_base))
            .map_err(|e| e.to_string())
    }

    fn save_pulled(&mut self, items: &[(Persona, String)]) -> Result<(), String> {
        let items: Vec<(Persona, String, String)> = items
            .iter()
            .map(|(p, h)| (p.clone(), json(p), h.clone()))
            .collect();
        self.with_sync_state(|st, s| st.save_pulled(s, &items))
            .map_err(|e| e.to_string())
    }

    fn set_base(&mut self, p: &Persona, remote_hash: &str) -> Result<(), String> {
        let snap = json(p);
        let id = p.id.clone().unwrap_or_default();
        self.with_sync_state(|st, s| st.set_base(s, &id, &snap, remote_hash))
            .map_err(|e| e.to_string())
    }

    fn set_bases(&mut self, items: &[(&Persona, String)]) -> Result<(), String> {
        let items: Vec<(String, String, String)> = items
            .iter()
            .map(|(p, h)| (p.id.clone().unwrap_or_default(), json(p), h.clone()))
            .collect();
        self.with_sync_state(|st, s| st.set_bases(s, &items))
            .map_err(|e| e.to_string())
    }

    fn set_conflict(&mut self, id: &str, theirs: Option<&Persona>) -> Result<(), String> {
        let snap = theirs.map(json);
        self.with_sync_state(|st, s| st.set_conflict(s, id, snap.as_deref()))
            .map_err(|e| e.to_string())
    }

    fn user_ids(&mut self) -> Result<HashMap<String, String>, String> {
        self.with_sync_state(|st, _| st.user_ids())
            .map_err(|e| e.to_string())
    }
}
