//! The review trail through the store: snapshots kept at status moves, events such as an edit
//! after validation, and what the review queue shows beside each persona. Backends without a
//! trail (the team library's PostgreSQL) answer with nothing.

use serde::Serialize;
use serde_json::Value as Json;

use super::Store;
use super::error::{Result, StoreError};
use super::types::HistoryEntry;

/// Something in a persona's History that is not a status move.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewEvent {
    /// `edited_after_validation`.
    pub kind: String,
    /// The status the persona had then.
    pub status: String,
    pub changed_by: Option<String>,
    pub changed_at: String,
}

impl ReviewEvent {
    /// How History names the event.
    pub fn label(&self) -> String {
        match self.kind.as_str() {
            "edited_after_validation" => format!("edited after validation ({})", self.status),
            other => other.replace('_', " "),
        }
    }
}

/// Beside a persona in the review queue.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QueueFacts {
    pub persona_id: String,
    pub submitted_by: Option<String>,
    pub submitted_at: String,
    pub last_note: Option<String>,
}

/// What to compare the persona now with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Since {
    /// The last move to this status.
    Status(String),
    /// The last move at or before this time (a prefix such as `2026-03-01` compares as the
    /// start of that day).
    Time(String),
}

/// A move a diff starts from: the history row and its snapshot.
#[derive(Clone, Debug)]
pub struct Baseline {
    pub entry: HistoryEntry,
    pub snapshot: Json,
}

impl Store {
    /// The snapshot of each history row, in `history`'s order.
    pub fn snapshots(&self, id: &str) -> Result<Vec<Option<Json>>> {
        Ok(self
            .backend
            .snapshots(&self.scope(), id)?
            .into_iter()
            .map(|s| s.and_then(|t| serde_json::from_str(&t).ok()))
            .collect())
    }

    pub fn review_events(&self, id: &str) -> Result<Vec<ReviewEvent>> {
        self.backend.review_events(&self.scope(), id)
    }

    pub fn queue_facts(&self) -> Result<Vec<QueueFacts>> {
        self.backend.queue_facts(&self.scope())
    }

    /// The move a diff `since` starts from. `NoBaseline` says what is missing: no such move
    /// (a persona never validated), or a move without a snapshot.
    pub fn baseline(&self, id: &str, since: &Since) -> Result<Baseline> {
        let history = self.history(id)?;
        let snaps = self.snapshots(id)?;
        let found = history.iter().enumerate().rev().find(|(_, h)| match since {
            Since::Status(s) => h.from_status.is_some() && &h.to_status == s,
            Since::Time(t) => h.changed_at.as_str() <= t.as_str() || h.changed_at.starts_with(t),
        });
        let Some((i, entry)) = found else {
            return Err(StoreError::NoBaseline(match since {
                Since::Status(s) => {
                    format!("the persona was never moved to {s}: nothing to compare with")
                }
                Since::Time(t) => format!(
                    "the persona has no status move at or before {t}: nothing to compare with"
                ),
            }));
        };
        match snaps.get(i).cloned().flatten() {
            Some(snapshot) => Ok(Baseline {
                entry: entry.clone(),
                snapshot,
            }),
            None => Err(StoreError::NoBaseline(format!(
                "the move to {} at {} has no snapshot (it was made before snapshots were kept, or by a plain SQL client)",
                entry.to_status, entry.changed_at
            ))),
        }
    }
}

/// One entry of a persona's History: a status move or an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// Index into the persona's history.
    Move(usize),
    /// Index into `Trail::events`.
    Event(usize),
}

/// History's entries, newest first (the app's History tab; the CLI prints them reversed): moves and events by time (a move before an event at the
/// same instant, so an edit shows after the move it followed).
pub fn items(history: &[HistoryEntry], events: &[ReviewEvent]) -> Vec<Item> {
    let mut all: Vec<(&str, u8, usize, Item)> = history
        .iter()
        .enumerate()
        .map(|(i, h)| (h.changed_at.as_str(), 0, i, Item::Move(i)))
        .chain(
            events
                .iter()
                .enumerate()
                .map(|(i, e)| (e.changed_at.as_str(), 1, i, Item::Event(i))),
        )
        .collect();
    all.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    all.into_iter().rev().map(|(_, _, _, it)| it).collect()
}
